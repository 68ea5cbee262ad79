"""The daily brief over a real store: new happenings, status changes, new sources."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kizuna.render.digest import digest_markdown, digest_view
from kizuna.store import Store
from kizuna.store.digest import build_digest
from tests.store.factory import Told, report_doc

SUMMIT = Told("MEET", when=date(2025, 2, 7))
PLANNED = Told("MEET", status="planned", when=date(2025, 2, 7))
RELEASE = Told("RELEASE", names=("SoftBank Group",), when=date(2025, 2, 3))


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(str(tmp_path / "digest.db")) as opened:
        opened.save_document(report_doc("announce", date(2025, 2, 1), PLANNED))
        opened.save_document(report_doc("launch", date(2025, 2, 3), RELEASE))
        opened.save_document(report_doc("held", date(2025, 2, 8), SUMMIT))
        opened.save_document(report_doc("launch-again", date(2025, 2, 9), RELEASE))
        opened.save_document(report_doc("visit", date(2025, 2, 9),
                                        Told("VISIT", names=("Takeshi Iwaya", "Marco Rubio"),
                                             when=date(2025, 2, 9))))
        yield opened


def lines_by_kind(digest) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for group in digest.groups:
        for line in group.lines:
            found.setdefault(line.kind, []).append(line.event.type)
    return found


def test_each_kind_of_news_in_its_window(store):
    digest = build_digest(store, date(2025, 2, 8), date(2025, 2, 9))
    assert lines_by_kind(digest) == {"new": ["VISIT"], "status": ["MEET"],
                                     "sources": ["RELEASE"]}
    (status,) = [line for g in digest.groups for line in g.lines if line.kind == "status"]
    assert (status.previous, status.change.status, status.change.doc_id) == (
        "planned", "happened", "held")


def test_a_window_that_ends_earlier_leaves_later_reports_out(store):
    digest = build_digest(store, date(2025, 2, 8), date(2025, 2, 8))
    assert lines_by_kind(digest) == {"status": ["MEET"]}
    assert build_digest(store, date(2025, 3, 1)).groups == ()


def test_filters_narrow_the_brief(store):
    digest = build_digest(store, date(2025, 2, 1), type="VISIT")
    assert lines_by_kind(digest) == {"new": ["VISIT"]}
    assert lines_by_kind(build_digest(store, date(2025, 2, 1), actor="marco rubio")) == \
        {"new": ["VISIT"]}


def test_markdown_links_every_line_and_escapes_names(store):
    digest = build_digest(store, date(2025, 2, 8), date(2025, 2, 9))
    text = digest_markdown(digest, "https://kizuna.example/")
    assert text.startswith("# kizuna brief: 2025-02-08 – 2025-02-09\n")
    assert "1 new happening, 1 status change, 1 with new sources." in text
    items = [line for line in text.splitlines() if line.startswith("- ")]
    assert len(items) == 3
    assert all("](https://kizuna.example/events/ev-" in line for line in items)
    assert any("**Status** planned → happened" in line and "reported by Outlet held" in line
               for line in items)
    view = digest_view(digest)
    assert view["counts"] == {"new": 1, "status": 1, "sources": 1}
