"""Disagreements between the reports of one merged event, over a real store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from kizuna.store import Store
from kizuna.store.disagreements import disagreeing_events, event_disagreements
from kizuna.store.merged import list_merged_events
from tests.store.factory import Told, report_doc


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(str(tmp_path / "d.db")) as opened:
        yield opened


def merged_id(store: Store, type: str) -> str:
    """The one merged event of `type`: reports the merger kept apart are joined as a
    person would join them (`kizuna merge`), as disagreeing reports often are."""
    events = [e for e in list_merged_events(store) if e.type == type]
    for other in events[1:]:
        for citation in other.citations:
            store.merge_event(citation.event_id, events[0].id)
    return events[0].id


def fields(found) -> dict[str, list[tuple[str, list[str]]]]:
    return {d.field: [(t.value, [m.article_id for m in t.members]) for t in d.told]
            for d in found}


def test_a_figure_and_a_status_told_two_ways(store):
    store.save_document(report_doc("low", date(2025, 3, 2),
                                   Told("INVEST", amount=(3e9, "USD"), status="planned")))
    store.save_document(report_doc("high", date(2025, 3, 2),
                                   Told("INVEST", amount=(5e9, "USD"), status="happened")))
    found = fields(event_disagreements(store, merged_id(store, "INVEST")))
    assert sorted(found["amount"]) == [("3,000,000,000 USD", ["low"]),
                                       ("5,000,000,000 USD", ["high"])]
    assert sorted(found["status"]) == [("happened", ["high"]), ("planned", ["low"])]


def test_news_that_moves_on_is_no_disagreement(store):
    store.save_document(report_doc("before", date(2025, 2, 1), Told(status="planned")))
    store.save_document(report_doc("after", date(2025, 2, 8), Told(
        when=date(2025, 2, 1), granularity="month")))
    store.save_document(report_doc("day", date(2025, 2, 9), Told()))
    assert event_disagreements(store, merged_id(store, "MEET")) == []
    assert disagreeing_events(store) == []


def test_who_acted_on_whom_told_both_ways(store):
    one = Told("RESTRICT", names=("Donald Trump", "Shigeru Ishiba"), targets=("Shigeru Ishiba",))
    other = replace(one, names=("Shigeru Ishiba", "Donald Trump"), targets=("Donald Trump",))
    store.save_document(report_doc("us-acts", date(2025, 4, 3), one))
    store.save_document(report_doc("japan-acts", date(2025, 4, 3), other))
    joined = merged_id(store, "RESTRICT")
    found = fields(event_disagreements(store, joined))
    assert ("Donald Trump acts", ["us-acts"]) in found["participants"]
    assert ("Donald Trump is acted on", ["japan-acts"]) in found["participants"]
    assert [mid for mid, _ in disagreeing_events(store)] == [joined]
