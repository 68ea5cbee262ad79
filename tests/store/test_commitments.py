"""The commitments ledger over a real store: one pledge however outlets typed it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kizuna.store import Store
from kizuna.store.commitments import dyad_of, group_pledges, list_commitments, totals
from kizuna.store.merged import list_merged_events
from tests.store.factory import pledge_doc


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(str(tmp_path / "ledger.db")) as opened:
        yield opened


def test_one_pledge_however_outlets_typed_it(store):
    store.save_document(pledge_doc(
        "deal-agree", "Japan and United States agreed on $550 billion (about ¥80 trillion).",
        "AGREE", "$550 billion", 5.5e11, ("Japan", "United States"),
        conversion=("¥80 trillion", 8e13, "JPY"), status="happened"))
    store.save_document(pledge_doc(
        "deal-invest", "Japan will invest $550 billion in the United States.",
        "INVEST", "$550 billion", 5.5e11, ("Japan",), ("United States",),
        published=date(2025, 7, 24)))
    store.save_document(pledge_doc(
        "deal-tariff", "United States cut tariffs on Japan in return for $550.0 billion.",
        "RESTRICT", "$550.0 billion", 5.5e11, ("United States",), ("Japan",),
        published=date(2025, 7, 25)))
    (pledge,) = list_commitments(store)
    assert set(pledge.types) == {"AGREE", "INVEST", "RESTRICT"}
    assert pledge.sources == 3
    assert pledge.amount == (5.5e11, "USD")
    assert pledge.also_reported_as == [(8e13, "JPY")]
    assert [p.id for p in pledge.pledgers] == ["Japan"]
    assert dyad_of(pledge) == "JPN-USA"
    assert pledge.when == date(2025, 7, 23)


def test_two_companies_of_one_country_pledging_one_sum_are_two_pledges(store):
    store.save_document(pledge_doc("sb", "SoftBank Group will invest $3 billion in Ohio.",
                                   "INVEST", "$3 billion", 3e9, ("SoftBank Group",)))
    store.save_document(pledge_doc("toyota", "Toyota will invest $3 billion in Ohio.",
                                   "INVEST", "$3 billion", 3e9, ("Toyota",)))
    assert len(list_commitments(store)) == 2


def test_a_leader_pledges_for_the_country(store):
    store.save_document(pledge_doc(
        "leader", "Shigeru Ishiba pledged $1 trillion for United States.", "INVEST",
        "$1 trillion", 1e12, ("Shigeru Ishiba",), ("United States",)))
    store.save_document(pledge_doc(
        "country", "Japan will invest $1 trillion in United States.", "INVEST",
        "$1 trillion", 1e12, ("Japan",), ("United States",), published=date(2025, 8, 1)))
    (pledge,) = list_commitments(store)
    assert pledge.sources == 2


def test_different_sums_and_tariffs_alone_make_no_shared_pledge(store):
    store.save_document(pledge_doc("a", "Japan will invest $550 billion in United States.",
                                   "INVEST", "$550 billion", 5.5e11, ("Japan",),
                                   ("United States",)))
    store.save_document(pledge_doc("b", "Japan will invest $400 billion in United States.",
                                   "INVEST", "$400 billion", 4e11, ("Japan",),
                                   ("United States",)))
    store.save_document(pledge_doc("c", "United States put tariffs worth $90 billion on Japan.",
                                   "RESTRICT", "$90 billion", 9e10, ("United States",),
                                   ("Japan",)))
    assert sorted(p.amount[0] for p in list_commitments(store)) == [4e11, 5.5e11]


def test_totals_count_each_pledge_once_by_currency_and_leave_out_negated(store):
    docs = [
        pledge_doc("x1", "Japan will invest $550 billion in United States.", "INVEST",
                   "$550 billion", 5.5e11, ("Japan",), ("United States",)),
        pledge_doc("x2", "Japan will invest $550 billion in United States.", "INVEST",
                   "$550 billion", 5.5e11, ("Japan",), ("United States",),
                   published=date(2025, 7, 30)),
        pledge_doc("y", "SoftBank Group will invest 1 trillion yen in Japan.", "INVEST",
                   "1 trillion yen", 1e12, ("SoftBank Group",), ("Japan",), currency="JPY",
                   published=date(2024, 5, 1)),
        pledge_doc("z", "Toyota will not invest $9 billion in United States.", "INVEST",
                   "$9 billion", 9e9, ("Toyota",), ("United States",), status="negated"),
    ]
    for doc in docs:
        store.save_document(doc)
    pledges = list_commitments(store)
    assert len(pledges) == 3
    summed = totals(pledges)
    assert summed["by_pledger"] == {"Japan": {"USD": 5.5e11}, "SoftBank Group": {"JPY": 1e12}}
    assert summed["by_dyad"] == {"JPN-JPN": {"JPY": 1e12}, "JPN-USA": {"USD": 5.5e11}}
    assert summed["by_year"] == {"2024": {"JPY": 1e12}, "2025": {"USD": 5.5e11}}


def test_grouping_is_the_same_whatever_order_the_events_come_in(store):
    for doc in (pledge_doc("p", "Japan will invest $550 billion in United States.", "INVEST",
                           "$550 billion", 5.5e11, ("Japan",), ("United States",)),
                pledge_doc("q", "Japan and United States agreed on $550 billion.", "AGREE",
                           "$550 billion", 5.5e11, ("Japan", "United States"),
                           published=date(2025, 7, 22))):
        store.save_document(doc)
    events = [e for e in list_merged_events(store) if e.amount]
    assert len(group_pledges(events)) == len(group_pledges(events[::-1])) == 1
