"""Sentence boundaries in English text with line breaks: wire copy hard-wrapped at a fixed
width goes on across its line ends, while headlines, datelines and bylines stand alone.
"""

from __future__ import annotations

# A paragraph wrapped at about 70 characters, one break falling before a capitalised name.
WRAPPED = (
    "Officials said on Monday that the finance minister, who arrived in the capital late\n"
    "on Sunday, had joined the talks at the ministry in the morning together with\n"
    "Foreign Minister Takeshi Iwaya and several senior aides from the trade ministry.\n"
    "The talks lasted two hours."
)

# A long headline on its own first line, then the story.
HEADLINE = (
    "Japan and India agree to deepen cooperation on chips and critical minerals supply\n"
    "Japan and India agreed on Monday to deepen cooperation on semiconductors."
)


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_a_wrapped_line_goes_on_into_the_next(nlp):
    sentences = _sentences(nlp, WRAPPED)
    assert len(sentences) == 2, sentences
    assert sentences[0].endswith("trade ministry.")


def test_a_headline_stands_alone(nlp):
    sentences = _sentences(nlp, HEADLINE)
    assert sentences[0] == HEADLINE.split("\n")[0], sentences


def test_a_short_line_stands_alone(nlp):
    text = "By Staff Writers\nTOKYO (Kyodo) - Japan and India agreed on Monday to cooperate."
    assert _sentences(nlp, text)[0] == "By Staff Writers"


def test_the_names_after_a_wrap_take_part_in_the_event(extract):
    text = (
        "The two governments have spent weeks preparing the visit, aides said, and the\n"
        "Japanese side was led on Tuesday by Prime Minister Shigeru Ishiba, who met with\n"
        "President Donald Trump at the White House in the afternoon.\n"
    )
    got = extract(text)
    meetings = got.events_of("MEET")
    assert meetings, got.describe()
    assert {"Shigeru Ishiba", "Donald Trump"} <= got.participants(meetings[0]), got.describe()
