"""Arrival order: the merged events are those publication order gives, whatever order the
articles come in, and a person's corrections still stand."""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from kizuna.model import Document
from kizuna.store import Store, event_id
from kizuna.store import schema as s
from kizuna.store.merging import replaying
from kizuna.store.merging.candidates import participant_weights
from kizuna.store.merging.nearby import placements
from tests.store.conftest import grouping
from tests.store.factory import Told, report_doc

FEB7, FEB8, FEB9, FEB10 = (date(2025, 2, d) for d in (7, 8, 9, 10))
AGAIN = "placed again, in publication order"


def reasons(store: Store) -> list[tuple[str, str, list[str]]]:
    """(event id, decided by, reasons) of every judgement, oldest first."""
    j = s.judgements
    with store.engine.connect() as conn:
        rows = conn.execute(select(j.c.event_id, j.c.decided_by, j.c.reasons)
                            .order_by(j.c.id)).all()
    return [(r.event_id, r.decided_by, json.loads(r.reasons)) for r in rows]


def stored(url: str, docs: list[Document]) -> set[frozenset[str]]:
    with Store.open(url) as store:
        for doc in docs:
            store.save_document(doc)
        return grouping(store)


# Three reports of one meeting: a terse one naming only the visitor's counterpart, one
# naming both leaders, one naming the leaders and a minister. Which of them meet first
# decides, when placing is greedy, what the terse one is weighed against.
THREE = [
    report_doc("early", FEB8, Told(names=("Donald Trump", "Ryosei Akazawa"))),
    report_doc("middle", FEB9, Told(names=("Donald Trump", "Ryosei Akazawa", "Scott Bessent")),
               Told(type="AGREE", names=("Ryosei Akazawa", "Scott Bessent"), when=None)),
    report_doc("late", FEB10, Told(names=("Ryosei Akazawa",)),
               Told(type="AGREE", names=("Scott Bessent", "Ryosei Akazawa", "Japan"),
                    when=None)),
]


def test_the_same_three_reports_in_any_order_give_the_same_merged_groups(
        store: Store, new_database: Callable[..., str]) -> None:
    for doc in THREE:  # publication order: what one `kizuna ingest` does
        store.save_document(doc)
    expected = grouping(store)
    for order in itertools.permutations(THREE):
        assert stored(new_database(migrated=True), list(order)) == expected, \
            [d.article.id for d in order]


NAMES = ("Shigeru Ishiba", "Donald Trump", "Ryosei Akazawa", "Scott Bessent",
         "Lee Jae-myung", "Japan", "United States")


def generated_reports(seed: int, count: int) -> list[Document]:
    """`count` small articles over a few days, each telling one or two meetings or
    agreements of some of a few people: many near matches, some not."""
    rng = random.Random(seed)
    docs = []
    for n in range(count):
        told = [Told(type=rng.choice(("MEET", "MEET", "AGREE")),
                     names=tuple(rng.sample(NAMES, rng.randint(1, 3))),
                     when=rng.choice((FEB7, FEB8, None)))
                for _ in range(rng.randint(1, 2))]
        docs.append(report_doc(f"g{n:02d}", rng.choice((FEB8, FEB9, FEB10, None)), *told))
    return docs


# Not yet: with names weighed by the day a merged event was last reported (cheap; the
# exact count, by each merged event's first report in publication order, made every
# placement in a 20,000-article store 10-40 times slower), a report placed again
# after a few same-day or undated reports can score on the other side of the bar;
# and later reports more than `REPLAY_DAYS` after the arriving one are not placed again.
# Most of these sets still end differently in some order (see the README).
@pytest.mark.xfail(strict=False, reason="known order dependence among same-day and "
                   "undated reports; see the README's merging section")
@pytest.mark.parametrize("seed", range(1, 11))
def test_generated_reports_merge_the_same_in_shuffled_orders(tmp_path: Path,
                                                             seed: int) -> None:
    docs = generated_reports(seed, 12)
    in_order = sorted(docs, key=lambda d: (d.article.published or date.min, d.article.id))
    expected = stored(str(tmp_path / "in-order.db"), in_order)
    assert len(expected) < sum(len(d.events) for d in docs)  # something merged
    for shuffle in range(3):
        order = docs[:]
        random.Random(seed * 10 + shuffle).shuffle(order)
        assert stored(str(tmp_path / f"shuffled-{shuffle}.db"), order) == expected


def test_a_late_arriving_earlier_report_places_later_ones_again_and_says_why(
        store: Store) -> None:
    later = report_doc("later", FEB9, Told(names=("Donald Trump", "Ryosei Akazawa")))
    earlier = report_doc("earlier", FEB8, Told(names=("Donald Trump", "Ryosei Akazawa")))
    store.save_document(later)
    store.save_document(earlier)
    assert grouping(store) == {frozenset({"earlier:v1", "later:v1"})}
    with store.engine.connect() as conn:
        merged_id = conn.execute(select(s.merged_members.c.merged_id).where(
            s.merged_members.c.event_id == event_id("later", "v1"))).scalar_one()
        why = placements(conn, merged_id)
    # as in publication order: the earlier report began it, the later one joined it
    assert why[event_id("earlier", "v1")].reasons[0] == "new happening"
    joined = why[event_id("later", "v1")]
    assert joined.reasons[0] == "same type MEET"
    assert joined.reasons[-1] == (f"{AGAIN}, after article earlier (published earlier) "
                                  "arrived")


def test_reports_published_before_it_are_not_placed_again(store: Store) -> None:
    for doc in THREE:
        store.save_document(doc)
    assert not [r for r in reasons(store) if AGAIN in " ".join(r[2])]


def test_a_person_placement_is_never_undone_by_placing_again(store: Store) -> None:
    """A person took the later report out of the meeting; an earlier report of the same
    meeting arriving afterwards does not place again what the person left, nor puts the
    two back together."""
    first = report_doc("first", FEB9, Told(names=("Donald Trump", "Ryosei Akazawa")))
    second = report_doc("second", FEB10, Told(names=("Donald Trump", "Ryosei Akazawa")))
    store.save_document(first)
    store.save_document(second)
    assert grouping(store) == {frozenset({"first:v1", "second:v1"})}
    store.unmerge_event(event_id("second", "v1"))
    store.save_document(report_doc("earliest", FEB8,
                                   Told(names=("Donald Trump", "Ryosei Akazawa"))))
    assert not any({"first:v1", "second:v1"} <= group for group in grouping(store))
    assert not [r for r in reasons(store) if AGAIN in " ".join(r[2])]
    last = [r for r in reasons(store) if r[0] == event_id("second", "v1")][-1]
    assert last[1] == "person"


def test_one_arrival_places_at_most_the_limit_again(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(replaying, "REPLAY_LIMIT", 2)
    for day in (FEB8, FEB9, FEB10):
        store.save_document(report_doc(f"on-{day.day}", day,
                                       Told(names=("Donald Trump", "Ryosei Akazawa"))))
    store.save_document(report_doc("first", FEB7,
                                   Told(names=("Donald Trump", "Ryosei Akazawa"))))
    again = [r[0] for r in reasons(store) if AGAIN in " ".join(r[2])]
    assert again == [event_id("on-8", "v1"), event_id("on-9", "v1")]  # the oldest two
    # the one left as it was still holds the meeting's other reports: nothing is lost
    assert sum(len(g) for g in grouping(store)) == 4


def test_a_names_weight_counts_only_reports_ahead_of_the_report(store: Store) -> None:
    """How telling "Donald Trump" is, for a report of 8 February, does not change when
    reports of the days after it are stored."""
    store.save_document(report_doc("a", FEB7, Told(names=("Donald Trump", "Lee Jae-myung"))))
    with store.engine.connect() as conn:
        before = participant_weights(conn, ["Donald Trump"], FEB8)
    for n, day in enumerate((FEB9, FEB10)):
        store.save_document(report_doc(f"b{n}", day, Told(
            type="AGREE", names=("Donald Trump", "Scott Bessent"), when=None)))
    with store.engine.connect() as conn:
        assert participant_weights(conn, ["Donald Trump"], FEB8) == before == {
            "Donald Trump": 1.0}
        # ... while counted over the whole store, the name is in three merged events now
        assert participant_weights(conn, ["Donald Trump"])["Donald Trump"] < 1.0


def test_a_fold_made_by_a_report_placed_again_is_undone_then_made_in_its_turn(
        store: Store, new_database: Callable[..., str]) -> None:
    """Two reports too different to match, each naming some of a meeting's people, are
    folded by a fuller later report. An earlier report arriving last places the fuller
    one again: its fold is undone first (recorded), and the end is publication order's."""
    terse_a = report_doc("terse-a", FEB8, Told(
        names=("Donald Trump", "Ryosei Akazawa", "Lee Jae-myung"), when=None))
    terse_b = report_doc("terse-b", FEB8, Told(
        names=("Scott Bessent", "Ryosei Akazawa", "Shigeru Ishiba"), when=None))
    fuller = report_doc("fuller", FEB10, Told(
        names=("Donald Trump", "Ryosei Akazawa", "Lee Jae-myung", "Scott Bessent",
               "Shigeru Ishiba"), when=None))
    earlier = report_doc("earlier", FEB9, Told(
        names=("Donald Trump", "Lee Jae-myung", "Scott Bessent", "Shigeru Ishiba"),
        when=None))
    expected = stored(new_database(migrated=True), [terse_a, terse_b, earlier, fuller])
    for doc in (terse_a, terse_b, fuller):
        store.save_document(doc)
    assert grouping(store) == {frozenset({"terse-a:v1", "terse-b:v1", "fuller:v1"})}
    store.save_document(earlier)
    assert grouping(store) == expected
    unfolded = [r for r in reasons(store) if r[2][0].startswith("unfolded from ")]
    assert len(unfolded) == 1
    assert unfolded[0][2][1] == (f"event {event_id('fuller', 'v1')} reported both and is "
                                 "placed again")



def test_a_report_held_by_those_that_joined_it_is_not_placed_again(
        store: Store, new_database: Callable[..., str]) -> None:
    """The later report began a meeting a second one joined (told alike, a close match);
    an earlier report naming one of its three people arrives last. Placed again, the
    later report would only go back to the second: it is left, and the earlier report
    joins them, as in publication order."""
    people = ("Donald Trump", "Ryosei Akazawa", "Scott Bessent")
    docs = [report_doc("began", FEB9, Told(names=people)),
            report_doc("joined", FEB10, Told(names=people)),
            report_doc("earlier", FEB8, Told(names=("Scott Bessent",)))]
    for doc in docs:
        store.save_document(doc)
    assert not [r for r in reasons(store) if AGAIN in " ".join(r[2])]
    j = s.judgements
    with store.engine.connect() as conn:
        scores = dict(conn.execute(select(j.c.event_id, j.c.score)).all())
    # near enough that the old rule (began it: always placed again) would have
    assert replaying.REPLAY_SCORE <= scores[event_id("earlier", "v1")] \
        < scores[event_id("joined", "v1")] - replaying.WEIGHT_SLACK
    in_order = sorted(docs, key=lambda d: d.article.published or date.min)
    assert grouping(store) == stored(new_database(migrated=True), in_order) \
        == {frozenset({"began:v1", "joined:v1", "earlier:v1"})}
