"""Evidence is the clause that states an event; its date comes from that clause first.

Published 2025-02-06 (a Thursday), see conftest.
"""

from __future__ import annotations

import pytest

# article, event type, a participant, the evidence the event must cite
CLAUSES: list = [
    ("Prime Minister Shigeru Ishiba met Masayoshi Son on Monday and the two men discussed "
     "a $500 billion investment.", "MEET", "Shigeru Ishiba",
     "Prime Minister Shigeru Ishiba met Masayoshi Son on Monday"),
    # a relative clause hanging on the object is another happening's
    ("On Monday, President Donald Trump revoked the executive order that Joe Biden had "
     "signed in October 2023.", "POLICY", "Donald Trump",
     "On Monday, President Donald Trump revoked the executive order"),
    # a framing verb's clause is the event's clause, subject included
    ("Japan and the United States agreed to deepen cooperation on quantum computing.",
     "COOPERATE", "Japan",
     "Japan and the United States agreed to deepen cooperation on quantum computing"),
]


@pytest.mark.parametrize(("text", "event_type", "name", "clause"), CLAUSES)
def test_evidence_is_the_clause(extract, text, event_type, name, clause):
    got = extract(text)
    event = got.has_event(event_type, {name})
    assert event is not None, got.describe()
    assert event.evidence.text == clause
    assert event.sentence is not None and event.sentence.text == text


def test_two_happenings_in_one_sentence_cite_different_words(extract):
    text = ("Japan and the United States signed a trade agreement on Tuesday, and Toyota "
            "announced a $10 billion investment in North Carolina.")
    got = extract(text)
    agree = got.has_event("AGREE", {"Japan"})
    invest = got.has_event("INVEST", {"Toyota Motor"})
    assert agree is not None and invest is not None, got.describe()
    assert agree.evidence.end <= invest.evidence.start
    assert "investment" not in agree.evidence.text
    assert "agreement" not in invest.evidence.text


# article, event type, a participant, the expected (start) date or None
DATES: list = [
    # the date of the relative clause is Biden's signing, not Trump's revoking
    ("On Monday, President Donald Trump revoked the executive order that Joe Biden had "
     "signed in October 2023.", "POLICY", "Donald Trump", "2025-02-03"),
    # a date inside an attribution dates the report, not the happening
    ("According to details released by the White House on Wednesday, Japan will increase "
     "imports of American rice.", "TRADE", "Japan", None),
    # the occasion's date dates what is announced there
    ("Prime Minister Shigeru Ishiba will announce cooperation with the United States at a "
     "summit to be held on Friday, officials said Monday.", "COOPERATE", "Shigeru Ishiba",
     "2025-02-07"),
    # "the same evening" is the day told last before
    ("Nvidia shares fell 17% on Monday. President Donald Trump addressed the shock the same "
     "evening at a retreat in Florida.", "STATEMENT", "Donald Trump", "2025-02-03"),
    # a clause joined to the dated one takes its date
    ("On Monday, Shigeru Ishiba met Masayoshi Son and signed an agreement with SoftBank "
     "Group.", "AGREE", "SoftBank Group", "2025-02-03"),
]


@pytest.mark.parametrize(("text", "event_type", "name", "start"), DATES)
def test_the_date_comes_from_the_events_own_clause(extract, text, event_type, name, start):
    got = extract(text)
    event = got.has_event(event_type, {name})
    assert event is not None, got.describe()
    assert (event.date.start.isoformat() if event.date else None) == start, got.describe()


def test_a_participle_tells_more_of_the_same_happening(extract):
    text = ("President Joe Biden and Prime Minister Fumio Kishida announced new research "
            "partnerships on Wednesday, backed by $110 million from Nvidia and Amazon.")
    got = extract(text)
    event = got.has_event("COOPERATE", {"Joe Biden"})
    assert event is not None, got.describe()
    assert event.amount is not None and event.amount.value == 110_000_000
    assert event.evidence.text.endswith("backed by $110 million from Nvidia and Amazon")


def test_an_amount_in_another_clause_is_not_the_events(extract):
    text = ("Japan and the United States signed a trade agreement on Tuesday, and Toyota "
            "announced a $10 billion investment in North Carolina.")
    got = extract(text)
    agree = got.has_event("AGREE", {"Japan"})
    assert agree is not None, got.describe()
    assert agree.amount is None


def test_a_verb_under_to_takes_the_subject_and_clause_above(extract):
    got = extract("SoftBank Group has committed to spending $3 billion a year on OpenAI's "
                  "technology.")
    invest = got.has_event("INVEST", {"SoftBank Group"})
    assert invest is not None, got.describe()
    assert got.names(invest.actors) == {"SoftBank Group"}
    assert invest.evidence.text.startswith("SoftBank Group has committed to spending $3 billion")
