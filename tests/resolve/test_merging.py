"""`merging.decide`: which merged event, if any, an article-level event reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kizuna.resolve.merging import EventFacts, decide

FEB7 = date(2025, 2, 7)
SUMMIT = EventFacts("ev-summit", "MEET", frozenset({"Shigeru Ishiba", "Donald Trump"}),
                    FEB7, FEB7, "day", published=date(2025, 2, 8))
DEAL = EventFacts("ev-deal", "INVEST", frozenset({"Japan", "United States"}),
                  amount=(1e12, "USD"))


def event(**changes: object) -> EventFacts:
    """An article's MEET of Ishiba and Trump on Feb. 7, changed as given."""
    return replace(EventFacts("v", "MEET", frozenset({"Shigeru Ishiba", "Donald Trump"}),
                              FEB7, FEB7, "day"), **changes)


@pytest.mark.parametrize(("name", "facts", "merged", "joins"), [
    ("same type, participants and date", event(), [SUMMIT], "ev-summit"),
    ("a day apart: local time against Japan time", event(start=date(2025, 2, 8),
                                                        end=date(2025, 2, 8)),
     [SUMMIT], "ev-summit"),
    ("a date inside the merged month", event(start=date(2025, 2, 1), end=date(2025, 2, 28),
                                             granularity="month"), [SUMMIT], "ev-summit"),
    ("no date on the article's event", event(start=None, end=None, granularity=None),
     [SUMMIT], "ev-summit"),
    ("different dates", event(start=date(2025, 7, 22), end=date(2025, 7, 22)),
     [SUMMIT], None),
    ("different types", event(type="AGREE"), [SUMMIT], None),
    ("no shared participant", event(participants=frozenset({"Xi Jinping", "Lee Jae-myung"})),
     [SUMMIT], None),
    ("no merged event yet", event(), [], None),
    ("the same sum in yen and in dollars",
     EventFacts("v", "INVEST", frozenset({"Japan", "United States"}),
                amount=(150e12, "JPY")), [DEAL], "ev-deal"),
    ("the same sum in dollars", EventFacts("v", "INVEST", frozenset({"Japan", "United States"}),
                                           amount=(1.01e12, "USD")), [DEAL], "ev-deal"),
    ("a different sum in one currency",
     EventFacts("v", "INVEST", frozenset({"Japan", "United States"}), amount=(5e11, "USD")),
     [DEAL], None),
])
def test_decide(name: str, facts: EventFacts, merged: list[EventFacts],
                joins: str | None) -> None:
    judgement = decide(facts, merged)
    assert judgement.merged_id == joins, (name, judgement.reasons)
    assert judgement.event_id == facts.id
    assert judgement.reasons


def test_the_best_scoring_candidate_wins() -> None:
    partial = replace(SUMMIT, id="ev-partial",
                      participants=frozenset({"Donald Trump", "Xi Jinping", "Lee Jae-myung"}))
    assert decide(event(), [partial, SUMMIT]).merged_id == "ev-summit"


def test_a_common_name_alone_is_not_enough() -> None:
    """Sharing only a name that takes part in everything scores below the bar."""
    merged = replace(SUMMIT, participants=frozenset({"Donald Trump", "Xi Jinping"}),
                     start=None, end=None, granularity=None)
    facts = event(participants=frozenset({"Donald Trump", "Naruhito"}), start=None, end=None,
                  granularity=None)
    judgement = decide(facts, [merged], {"Donald Trump": 0.2})
    assert judgement.merged_id is None
    assert judgement.reasons[0] == "new happening"


def test_reasons_say_why() -> None:
    reasons = decide(event(), [SUMMIT]).reasons
    assert "same type MEET" in reasons
    assert "dates agree" in reasons
    assert any(r.startswith("shared participants: ") for r in reasons)
