"""Direct speech in quotation marks: the text inside the marks, its span, and its speaker."""

from __future__ import annotations

import pytest

from kizuna.extract.en.mentions import find_mentions
from kizuna.extract.quotes import find_quotes
from kizuna.model import Quote
from kizuna.nlp.backend import parse
from kizuna.resolve.entities import ResolvedEntities, resolve_entities
from kizuna.resolve.gazetteer import default_gazetteer

# text, then each expected quote as (text inside the marks, speaker's entity name or None)
Row = tuple[str, list[tuple[str, str | None]]]

ROWS: list[Row] = [
    # copy filed with hard line breaks: a quote wrapped over lines is one quote, and the
    # attribution on the next line still belongs to it; the company named in the
    # paragraph before stands for "the company" (lines wrapped mid-sentence are one
    # paragraph)
    ("Toyota Motor said it would\nexpand its plant in Kentucky.\n“We will hire about\n"
     "two thousand workers over the next few years,”\nthe company said.",
     [("We will hire about\ntwo thousand workers over the next few years,", "Toyota Motor")]),
    ("Shigeru Ishiba spoke after the cabinet meeting.\n“The talks are not easy, but we\n"
     "will keep going,” Ishiba said. “I\nthink we are closer than before.”",
     [("The talks are not easy, but we\nwill keep going,", "Shigeru Ishiba"),
      ("I\nthink we are closer than before.", "Shigeru Ishiba")]),
    # “…,” X told / said X — the reporting verb after the quote, curly and straight marks
    ("“We will keep working closely with our partners on this issue,” Shigeru Ishiba told "
     "reporters on Monday.",
     [("We will keep working closely with our partners on this issue,", "Shigeru Ishiba")]),
    ('"The talks were productive and we made real progress," said Sam Altman, the chief '
     "executive of OpenAI.",
     [("The talks were productive and we made real progress,", "Sam Altman")]),
    # X said: “…”
    ("At the White House, Donald Trump said: “Japan is a great partner and we will do a lot "
     "of business together.”",
     [("Japan is a great partner and we will do a lot of business together.", "Donald Trump")]),
    # X: “…”
    ("Sam Altman: “We are going to build the infrastructure the world needs.”",
     [("We are going to build the infrastructure the world needs.", "Sam Altman")]),
    # a pronoun subject is the person last named as a subject
    ("Shigeru Ishiba met business leaders in Tokyo on Friday. \"This is a very important step "
     'for both of our countries," he said.',
     [("This is a very important step for both of our countries,", "Shigeru Ishiba")]),
    ("Masayoshi Son, speaking after Donald Trump, struck a confident tone. “This is only the "
     "first phase of the project,” he told the audience.",
     [("This is only the first phase of the project,", "Masayoshi Son")]),
    # a quote split by its attribution is two quotes with one speaker
    ("“We will not give up on these negotiations,” Ishiba said, “and we will protect our "
     "farmers at any cost.”",
     [("We will not give up on these negotiations,", "Shigeru Ishiba"),
      ("and we will protect our farmers at any cost.", "Shigeru Ishiba")]),
    # "saying" takes the subject of the verb it hangs from; a role noun is its person
    ("Prime Minister Shigeru Ishiba arrived in Washington on Thursday. The prime minister "
     "praised the investment plan, saying, “This deal will benefit workers in both nations.”",
     [("This deal will benefit workers in both nations.", "Shigeru Ishiba")]),
    # “…,” the role noun said
    ("Prime Minister Shigeru Ishiba chaired the meeting. \"We are ready to respond to any "
     'scenario," the prime minister said.',
     [("We are ready to respond to any scenario,", "Shigeru Ishiba")]),
    # according to X
    ("According to Sam Altman, “demand for computing power is growing faster than anyone "
     "expected.”",
     [("demand for computing power is growing faster than anyone expected.", "Sam Altman")]),
    # a partial quote is the subject's: Trump signed an order to “…”
    ("In January, Donald Trump signed an executive order to “remove barriers to American "
     "leadership in AI,” his aides said.",
     [("remove barriers to American leadership in AI,", "Donald Trump")]),
    ("Masayoshi Son described the venture as \"the biggest bet of my whole career\" during "
     "the briefing.",
     [("the biggest bet of my whole career", "Masayoshi Son")]),
    # an organisation speaks through a common noun
    ("Nvidia reported record sales on Wednesday. “Demand for our newest chips remains "
     "extraordinary,” the company said in a statement.",
     [("Demand for our newest chips remains extraordinary,", "Nvidia")]),
    # the speaker is never named inside the quote
    ("“Donald Trump is a tough negotiator, but we found common ground,” Ishiba said.",
     [("Donald Trump is a tough negotiator, but we found common ground,", "Shigeru Ishiba")]),
    # a quote of several sentences is one quote
    ('"This is a historic day. We will build the future together," Altman said.',
     [("This is a historic day. We will build the future together,", "Sam Altman")]),
    # a second quote after an attributed one in the same paragraph keeps its speaker
    ("“The market will decide the price,” said Sam Altman. “Our job is to make the models "
     "better every year.”",
     [("The market will decide the price,", "Sam Altman"),
      ("Our job is to make the models better every year.", "Sam Altman")]),
    # a quote standing alone as a paragraph after an attributed quote keeps its speaker
    ("\"We had a very good meeting with the prime minister today,\" Donald Trump said.\n\n"
     '"Japan is going to invest a lot of money in our country."',
     [("We had a very good meeting with the prime minister today,", "Donald Trump"),
      ("Japan is going to invest a lot of money in our country.", "Donald Trump")]),
    # no findable speaker
    ("“Nobody expected the market to fall this far this fast,” one analyst wrote in a note.",
     [("Nobody expected the market to fall this far this fast,", None)]),
    # scare quotes and titles are not speech
    ("Critics called the subsidy plan a \"giveaway\" to big tech and an “unfair deal” for "
     "small firms.", []),
    ("The report, titled “Securing the Future of American Innovation”, was released by "
     "Donald Trump on Tuesday.", []),
]


@pytest.fixture(scope="module")
def run():
    gazetteer = default_gazetteer()

    def quotes_of(text: str) -> tuple[list[Quote], ResolvedEntities]:
        parsed = parse("en", text)
        entities = resolve_entities(text, find_mentions(text, parsed, gazetteer))
        return find_quotes(text, parsed, entities), entities

    return quotes_of


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[r[0][:40] for r in ROWS])
def test_quotes(run, text: str, expected: list[tuple[str, str | None]]) -> None:
    quotes, entities = run(text)
    names = {e.id: e.name for e in entities.entities}
    assert [(q.text, names.get(q.speaker) if q.speaker else None) for q in quotes] == expected
    for quote in quotes:
        assert text[quote.span.start:quote.span.end] == quote.text == quote.span.text


def test_ids_run_in_order(run) -> None:
    text = ("“We have agreed to deepen cooperation on semiconductors,” Ishiba said. Trump "
            "added: “Nobody has ever done a deal like this one before.”")
    quotes, _ = run(text)
    assert [q.id for q in quotes] == ["q1", "q2"]
    assert quotes[0].span.end < quotes[1].span.start


JAPANESE = [
    ("石破茂首相は記者団に「日米関係を一層強化していきたい」と述べた。",
     ["日米関係を一層強化していきたい"]),
    ("首相は『米国への投資を大幅に拡大することで合意した』と強調した。「黄金時代」とも語った。",
     ["米国への投資を大幅に拡大することで合意した"]),
    # a name or term in brackets (no hiragana) is not speech
    ("両社は新会社「エスビー・オープンエーアイ・ジャパン」を設立し、「企業向けのAIを日本から広げていく」"
     "と発表した。",
     ["企業向けのAIを日本から広げていく"]),
]


@pytest.mark.parametrize(("text", "expected"), JAPANESE)
def test_japanese_spans(text: str, expected: list[str]) -> None:
    quotes = find_quotes(text, None, ResolvedEntities((), {}, {}))
    assert [q.text for q in quotes] == expected
    for quote in quotes:
        assert text[quote.span.start:quote.span.end] == quote.text
