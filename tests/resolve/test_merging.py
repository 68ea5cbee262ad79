"""`merging.decide`: which merged event, if any, an article-level event reports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kizuna.resolve.merging import (
    EventFacts,
    assign,
    bridged,
    compatible,
    decide,
    sides_of,
    with_countries,
)

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
    ("an agreement's date only inferred, five days off",
     event(type="AGREE", start=date(2025, 2, 12), end=date(2025, 2, 12), date_sure=False),
     [replace(SUMMIT, type="AGREE")], "ev-summit"),
    ("a meeting's date only inferred, two days off", event(start=date(2025, 2, 9),
                                                           end=date(2025, 2, 9),
                                                           date_sure=False),
     [SUMMIT], "ev-summit"),
    ("a meeting's date only inferred, five days off: another meeting",
     event(start=date(2025, 2, 12), end=date(2025, 2, 12), date_sure=False), [SUMMIT], None),
    ("a date only inferred, a month off", event(start=date(2025, 3, 12),
                                                end=date(2025, 3, 12), date_sure=False),
     [SUMMIT], None),
    ("two stated dates five days apart", event(start=date(2025, 2, 12),
                                               end=date(2025, 2, 12)), [SUMMIT], None),
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


def restriction(event_id: str, actors: set[str], targets: set[str]) -> EventFacts:
    return EventFacts(event_id, "RESTRICT", frozenset(actors | targets), actors=frozenset(actors))


def test_opposite_directions_are_two_happenings() -> None:
    """China banning exports to the United States is not the United States restricting
    China, though both name the two countries."""
    us_controls = restriction("ev-us", {"United States"}, {"China"})
    china_ban = restriction("v", {"China"}, {"United States"})
    assert decide(china_ban, [us_controls]).merged_id is None
    same_way = restriction("v", {"United States"}, {"China"})
    assert decide(same_way, [us_controls]).merged_id == "ev-us"


def test_one_side_acting_alone_needs_a_date_to_tie_two_reports() -> None:
    """Trump restricting something, no one named on the other side, in two reports a
    week apart and dated by neither may be two acts of his; dated alike, or told the
    same day, one. With a second side named, the parties tie them as before."""
    alone = EventFacts("ev-alone", "RESTRICT", frozenset({"Donald Trump", "United States"}),
                       published=date(2025, 2, 1), sides=frozenset({"USA"}),
                       actors=frozenset({"Donald Trump", "United States"}))
    assert decide(replace(alone, id="v", published=date(2025, 2, 8)), [alone]).merged_id \
        is None
    assert decide(replace(alone, id="v", published=date(2025, 2, 2)), [alone]).merged_id \
        == "ev-alone"
    dated = replace(alone, start=FEB7, end=FEB7, granularity="day")
    assert decide(replace(dated, id="v"), [dated]).merged_id == "ev-alone"
    two_sides = replace(alone, participants=alone.participants | {"China"},
                        sides=frozenset({"USA", "CHN"}))
    assert decide(replace(two_sides, id="v", published=date(2025, 2, 8)),
                  [two_sides]).merged_id == "ev-alone"


def test_sides_are_countries_or_the_participant_itself() -> None:
    assert sides_of([("Donald Trump", "PERSON", "USA"), ("United States", "GPE", "USA"),
                     ("OpenAI", "ORG", None)]) == {"USA", "OpenAI"}


def test_role_free_types_have_no_direction() -> None:
    merged = replace(SUMMIT, actors=frozenset({"Shigeru Ishiba"}))
    facts = event(actors=frozenset({"Donald Trump"}))
    assert decide(facts, [merged]).merged_id == "ev-summit"


def test_an_article_gives_each_merged_event_one_event_at_most() -> None:
    """Two events of one article are two happenings: the better match takes the merged
    event, the other starts its own even though it would have matched too."""
    close = event(id="v1")
    looser = event(id="v2", participants=frozenset({"Shigeru Ishiba", "Donald Trump",
                                                    "Takeshi Iwaya"}))
    judgements = assign([looser, close], {"v1": [SUMMIT], "v2": [SUMMIT]})
    assert [j.event_id for j in judgements] == ["v2", "v1"]
    assert judgements[1].merged_id == "ev-summit"
    assert judgements[0].merged_id is None
    assert judgements[0].reasons[0] == "new happening"


def test_an_event_whose_best_candidate_is_taken_tries_the_next() -> None:
    other = replace(SUMMIT, id="ev-other", participants=frozenset(
        {"Shigeru Ishiba", "Donald Trump", "Takeshi Iwaya", "Marco Rubio"}))
    close = event(id="v1")
    second = event(id="v2", participants=frozenset({"Shigeru Ishiba", "Donald Trump",
                                                    "Takeshi Iwaya"}))
    judgements = assign([close, second], {"v1": [SUMMIT], "v2": [SUMMIT, other]})
    assert [j.merged_id for j in judgements] == ["ev-summit", "ev-other"]


@pytest.mark.parametrize(("parties", "names"), [
    ([("Washington", "GPE", "USA")], {"Washington", "United States"}),
    # a person acts for a country ("Trump" in one report, "the United States" in
    # another); a company is not its country
    ([("Ryosei Akazawa", "PERSON", "JPN")], {"Ryosei Akazawa", "Japan"}),
    ([("Toyota Motor", "ORG", "JPN")], {"Toyota Motor"}),
    ([("Japan", "GPE", "JPN")], {"Japan"}),
    ([("Busan", "GPE", "XYZ")], {"Busan"}),  # a country the table does not know
])
def test_a_place_or_a_person_brings_its_country(parties, names) -> None:
    countries = {"USA": "United States", "JPN": "Japan"}
    assert with_countries(parties, countries) == frozenset(names)


def test_a_plan_in_later_news_is_not_a_happening_dated_before_it() -> None:
    """July's "would meet Trump if necessary" is not February's summit, though it names
    the same two leaders and gives no date."""
    later_plan = event(start=None, end=None, granularity=None, status="considered",
                       published=date(2025, 7, 24))
    assert decide(later_plan, [SUMMIT]).merged_id is None
    announced_before = event(status="planned", published=date(2025, 2, 6))
    assert decide(announced_before, [SUMMIT]).merged_id == "ev-summit"
    reported_after = event(start=None, end=None, granularity=None, status="happened",
                           published=date(2025, 2, 20))
    assert decide(reported_after, [SUMMIT]).merged_id == "ev-summit"


def test_two_plans_told_the_same_day_match_though_one_date_is_past() -> None:
    """Two July reports of a release still to come, one dated (wrongly) April, the other
    the fiscal year: the April date is a misreading, not a release already over. A plan
    in later news still does not match an older plan dated before it."""
    fiscal_year = EventFacts("ev-fy", "RELEASE", frozenset({"Rapidus"}), date(2025, 4, 1),
                             date(2026, 3, 31), "year", published=date(2025, 7, 18),
                             status="planned")
    april = replace(fiscal_year, id="v", start=date(2025, 4, 1), end=date(2025, 4, 30),
                    granularity="month")
    assert decide(april, [fiscal_year]).merged_id == "ev-fy"
    assert decide(replace(fiscal_year, id="v"), [replace(april, id="ev-apr")]
                  ).merged_id == "ev-apr"
    older = replace(april, id="ev-old", published=date(2025, 3, 1))
    assert decide(replace(fiscal_year, id="v"), [older]).merged_id is None


def test_an_undated_report_matches_only_reports_published_near_it() -> None:
    undated = EventFacts("ev-u", "AGREE", frozenset({"Japan", "United States"}),
                         published=date(2025, 3, 1))
    near = replace(undated, id="v", published=date(2025, 3, 20))
    months_later = replace(undated, id="v", published=date(2025, 9, 1))
    assert decide(near, [undated]).merged_id == "ev-u"
    assert decide(months_later, [undated]).merged_id is None
    dated = replace(months_later, start=date(2025, 3, 1), end=date(2025, 3, 1),
                    granularity="day")
    dated_merged = replace(undated, start=date(2025, 3, 1), end=date(2025, 3, 1),
                           granularity="day")
    assert decide(dated, [dated_merged]).merged_id == "ev-u"  # two dates say it


def test_a_report_bridges_the_best_other_merged_event_it_would_join() -> None:
    """Bridging takes what joining takes (else which reports end together would depend
    on their order), for the best other match only (one loose report must not chain
    many happenings of a large store)."""
    fuller = event(participants=frozenset({"Shigeru Ishiba", "Donald Trump", "Takeshi Iwaya",
                                           "Marco Rubio"}))
    ministers = replace(SUMMIT, id="ev-ministers", start=None, end=None, granularity=None,
                        participants=frozenset({"Donald Trump", "Takeshi Iwaya",
                                                "Marco Rubio"}))
    unrelated = replace(SUMMIT, id="ev-unrelated", participants=frozenset(
        {"Shigeru Ishiba", "Xi Jinping", "Lee Jae-myung", "Anthony Albanese"}))
    loose = replace(SUMMIT, id="ev-loose", participants=frozenset(
        {"Shigeru Ishiba", "Donald Trump", "Xi Jinping", "Lee Jae-myung", "Anthony Albanese"}))
    assert bridged(fuller, [SUMMIT, ministers, unrelated], "ev-summit") == ["ev-ministers"]
    assert bridged(fuller, [SUMMIT, loose, ministers], "ev-summit") == ["ev-ministers"]
    assert bridged(fuller, [SUMMIT, loose], "ev-summit") == ["ev-loose"]
    assert decide(fuller, [loose]).merged_id == "ev-loose"  # it would join it alone
    assert bridged(fuller, [SUMMIT, unrelated], "ev-summit") == []
    assert bridged(fuller, [SUMMIT], "ev-summit") == []


PLEDGE = EventFacts("ev-pledge", "COOPERATE", frozenset({"Japan", "Australia"}),
                    date(2025, 3, 3), date(2025, 3, 3), "day", published=date(2025, 3, 4))


def test_related_types_merge_at_a_cost_and_others_never() -> None:
    """Agreeing to work together is told as AGREE by one outlet and COOPERATE by another;
    a MEET of the same two on that day is another happening."""
    agreed = replace(PLEDGE, id="v", type="AGREE",
                     participants=frozenset({"Japan", "Australia", "Anthony Albanese"}))
    same = decide(replace(agreed, type="COOPERATE"), [PLEDGE])
    related = decide(agreed, [PLEDGE])
    assert related.merged_id == "ev-pledge"
    assert "related types AGREE and COOPERATE" in related.reasons
    assert related.score < same.score
    assert decide(replace(agreed, type="MEET"), [PLEDGE]).merged_id is None
    assert "COOPERATE" in compatible("AGREE") and "MEET" not in compatible("AGREE")
