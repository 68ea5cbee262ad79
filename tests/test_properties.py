"""Properties of extraction on any English text: it never raises, and everything it cites
is really there.

Every span a document carries (entity mentions, event evidence and triggers, dates,
amounts, quotes) must slice the article text exactly; dates run forwards; statuses and
event types come from the contract's lists; every participant is an entity of the same
document. Checked on arbitrary text, on generated news-like sentences, and on a few
handwritten news paragraphs.
"""

from __future__ import annotations

import string
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kizuna import pipeline
from kizuna.contract import document_to_dict
from kizuna.model import EVENT_TYPES, STATUSES, Article, Document, Span

PROPERTY_SETTINGS = settings(max_examples=40, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])

# --- strategies -------------------------------------------------------------------------

CHARACTERS = (string.ascii_letters + string.digits + string.punctuation
              + " \n\n\t“”‘’\"「」『』$¥€£₩—–…。、　日本円ドル")
PIECES = [
    "Japan", "China", "the United States", "U.S.", "Tokyo", "Washington", "Ishiba",
    "Prime Minister Shigeru Ishiba", "President Donald Trump", "Xi Jinping", "SoftBank",
    "Nvidia", "Toyota", "OpenAI", "the prime minister", "he", "she", "the two leaders",
    "met", "visited", "signed", "an agreement", "will invest", "pledged", "did not",
    "may", "plans to", "export controls", "tariffs", "imports", "released", "a press conference",
    "$5 billion", "$10-20 billion", "¥3 trillion", "€2bn", "US$1.5 trillion", "500 million yen",
    "1兆円", "on Monday", "in January", "last week", "next month", "on Feb. 3, 2025",
    "from Thursday to Saturday", "said", "told reporters", "“", "”", "\"", "「", "」",
    ".", ",", " ", "\n", "\n\n",
]
NAME = (r"(Prime Minister |President |CEO |Foreign Minister )?"
        r"(Shigeru Ishiba|Donald Trump|Xi Jinping|Lee Jae-myung|[A-Z][a-z]{2,9} [A-Z][a-z]{2,9})")
SENTENCE = (
    rf"{NAME} (met|visited|held talks with|signed a deal with|spoke by phone with) {NAME} "
    r"(on (Monday|Tuesday|Friday)|in (January|May|December)|last week|on March [1-9]) "
    r"and (pledged|promised|will invest|did not invest|may spend) "
    r"(\$|¥|€|US\$)[1-9][0-9]{0,2}(\.[0-9])? (billion|million|trillion)( yen)?\."
)

arbitrary_text = st.one_of(
    st.text(alphabet=CHARACTERS, max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet=CHARACTERS, max_size=6)),
             max_size=60).map("".join),
    st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join),
)
news_sentence = st.from_regex(SENTENCE, fullmatch=True)


@st.composite
def news_text(draw: st.DrawFn) -> str:
    sentences = []
    for sentence in draw(st.lists(news_sentence, min_size=1, max_size=5)):
        if draw(st.booleans()):
            sentence = f"“{sentence[:-1]},” {draw(st.sampled_from(['he', 'she', 'Ishiba']))} said."
        sentences.append(sentence)
    joiner = draw(st.sampled_from([" ", "\n", "\n\n"]))
    return joiner.join(sentences)


published_dates = st.one_of(st.none(), st.dates(date(1950, 1, 1), date(2099, 12, 31)))


# --- checks -----------------------------------------------------------------------------


def _slices(text: str, start: int, end: int, cited: str, what: str) -> None:
    assert 0 <= start <= end <= len(text), f"{what}: {start}..{end} outside the text"
    assert text[start:end] == cited, f"{what}: {text[start:end]!r} != {cited!r}"


def _span(text: str, span: Span | None, what: str) -> None:
    if span is not None:
        _slices(text, span.start, span.end, span.text, what)


def check_document(doc: Document, text: str) -> dict[str, Any]:
    """Every span in `doc` slices `text`; every value is one the contract allows."""
    data = document_to_dict(doc)
    entity_ids = {e["id"] for e in data["entities"]}
    assert len(entity_ids) == len(data["entities"]), "entity ids are not unique"
    for entity in data["entities"]:
        assert entity["mentions"], f"entity {entity['id']} has no mention"
        for mention in entity["mentions"]:
            _slices(text, mention["start"], mention["end"], mention["text"], "mention")
    for event in data["events"]:
        assert event["type"] in EVENT_TYPES
        assert event["status"] in STATUSES
        evidence = event["evidence"]
        _slices(text, evidence["start"], evidence["end"], evidence["text"], "evidence")
        participants = set(event["actors"]) | set(event["targets"])
        assert participants <= entity_ids, f"participants {participants} not in {entity_ids}"
        assert event["location"] is None or event["location"] in entity_ids
        if event["date"] is not None:
            start, end = event["date"]["start"], event["date"]["end"]
            assert date.fromisoformat(start) <= date.fromisoformat(end), event["date"]
    for amount in data["amounts"]:
        _slices(text, amount["start"], amount["end"], amount["text"], "amount")
    for quote, record in zip(data["quotes"], doc.quotes, strict=True):
        assert (quote["start"], quote["end"]) == (record.span.start, record.span.end)
        _span(text, record.span, "quote")
        assert quote["speaker"] is None or quote["speaker"] in entity_ids
    # What the contract's JSON leaves out must be true as well.
    for event in doc.events:
        _span(text, event.trigger, "trigger")
        if event.date is not None:
            _span(text, event.date.span, "date")
            assert event.date.start <= event.date.end
        if event.amount is not None:
            _span(text, event.amount.span, "event amount")
    return data


def extract(text: str, published: date | None = None) -> Document:
    article = Article(id="x", text=text, language="en", published=published)
    return pipeline.extract_document(article)


# --- properties -------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(text=arbitrary_text, published=published_dates)
def test_arbitrary_text_never_raises_and_every_span_slices(text: str,
                                                          published: date | None) -> None:
    check_document(extract(text, published), text)


@PROPERTY_SETTINGS
@given(text=news_text(), published=published_dates)
def test_news_like_sentences_cite_their_text(text: str, published: date | None) -> None:
    check_document(extract(text, published), text)


# --- handwritten paragraphs -------------------------------------------------------------

PARAGRAPHS = [
    # A summit, with a pledge, a date and a quote.
    "TOKYO — Prime Minister Shigeru Ishiba met President Donald Trump at the White House on "
    "Friday, and the two leaders agreed to deepen cooperation on shipbuilding and energy. "
    "Ishiba pledged that Japanese companies would invest $1 trillion in the United States. "
    "“Our alliance has never been stronger,” Ishiba told reporters after the talks.",
    # Export controls and a response.
    "The U.S. Department of Commerce tightened export controls on advanced chips to China "
    "on Tuesday, adding 12 companies to its entity list. China's Ministry of Commerce said it "
    "firmly opposed the move and would take \"necessary measures\" to protect its firms. "
    "Nvidia shares fell 3 percent in New York trading.",
    # Investment, a plan, amounts in two currencies.
    "SoftBank Group said it would invest ¥2 trillion (about $13.5 billion) in a data center "
    "in Hokkaido over the next five years. Chairman Masayoshi Son told a news conference in "
    "Tokyo in January that the company was also considering a stake in OpenAI. The plan has "
    "not been approved by the board.",
    # A visit planned, a negated meeting, Japanese quote marks.
    "Foreign Minister Takeshi Iwaya will travel to Beijing next week for talks with Foreign "
    "Minister Wang Yi. He did not meet Wang during the G20 summit in November, officials "
    "said. A spokesperson called the trip 「an important step」 for relations between the "
    "two countries.\n\nThe visit will be the first by a Japanese foreign minister since 2023.",
    # A release and a trade deal, with a date range.
    "OpenAI released GPT-5 on Thursday, saying it outperforms earlier versions on coding. "
    "Separately, Japan agreed to buy more rice and liquefied natural gas from the United "
    "States under a trade deal signed from Thursday to Saturday in Washington, worth "
    "$550 billion over the life of the agreement.",
]


@pytest.mark.parametrize("text", PARAGRAPHS)
def test_handwritten_paragraphs_cite_their_text(text: str) -> None:
    data = check_document(extract(text, date(2025, 2, 8)), text)
    assert data["entities"], "nothing was found in a paragraph full of names"


def test_handwritten_paragraphs_yield_events() -> None:
    docs = [extract(text, date(2025, 2, 8)) for text in PARAGRAPHS]
    assert sum(len(doc.events) for doc in docs) >= len(PARAGRAPHS)
    assert sum(len(doc.amounts) for doc in docs) >= 4
