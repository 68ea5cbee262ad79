"""The analyst's pages over a real store: Atom feeds, the brief, the commitments ledger."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from kizuna.store import Store
from kizuna.store.merged import list_merged_events
from kizuna.web.app import create_app
from tests.store.factory import Told, pledge_doc, report_doc, summit_doc

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def client(tmp_path: Path):
    with Store.open(str(tmp_path / "pages.db")) as store:
        store.save_document(report_doc("plan", date(2025, 2, 1), Told(status="planned")))
        store.save_document(report_doc("<held>", date(2025, 2, 8), Told()))
        store.save_document(summit_doc())
        store.save_document(pledge_doc(
            "pledge", "Japan will invest $550 billion (about ¥80 trillion) in United States.",
            "INVEST", "$550 billion", 5.5e11, ("Japan",), ("United States",),
            conversion=("¥80 trillion", 8e13, "JPY"), published=date(2025, 2, 8)))
        yield TestClient(create_app("", store=store), base_url="http://127.0.0.1")


def entries(response) -> list[ET.Element]:
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed" and root.find(f"{ATOM}id") is not None
    return root.findall(f"{ATOM}entry")


def test_every_list_has_a_feed_newest_change_first(client):
    found = entries(client.get("/events.atom"))
    assert found
    updated = [e.findtext(f"{ATOM}updated") for e in found]
    assert updated == sorted(updated, reverse=True)
    first = found[0]
    assert first.findtext(f"{ATOM}id").startswith("urn:kizuna:event:ev-")
    link = first.find(f"{ATOM}link").get("href")
    assert link.startswith("http://127.0.0.1/events/ev-")
    assert client.get(link.removeprefix("http://127.0.0.1")).status_code == 200
    assert "source" in first.findtext(f"{ATOM}summary")
    assert entries(client.get("/events.atom", params={"type": "INVEST"}))[0] \
        .find(f"{ATOM}category").get("term") == "INVEST"
    assert entries(client.get("/actors/shigeru-ishiba.atom"))
    assert entries(client.get("/dyads/JPN-USA.atom")) is not None
    assert entries(client.get("/search.atom", params={"q": "Ishiba"}))


def test_feed_ids_are_stable_and_bad_parameters_answer_400(client):
    ids = [e.findtext(f"{ATOM}id") for e in entries(client.get("/events.atom"))]
    assert ids == [e.findtext(f"{ATOM}id") for e in entries(client.get("/events.atom"))]
    assert client.get("/events.atom", params={"type": "PARTY"}).status_code == 400
    assert client.get("/actors/nobody-at-all.atom").status_code == 404


def test_pages_announce_their_feed(client):
    page = client.get("/events").text
    assert 'type="application/atom+xml" href="/events.atom"' in page


def test_the_brief_page_and_its_json(client):
    data = client.get("/digest.json", params={"since": "2025-02-08"}).json()
    assert data["counts"]["status"] == 1
    page = client.get("/digest", params={"since": "2025-02-08"})
    assert page.status_code == 200
    assert "planned → happened" in page.text and "Outlet &lt;held&gt;" in page.text
    default = client.get("/digest.json").json()  # the newest day stored and the one before
    assert default["since"] == "2025-02-07"
    assert client.get("/digest", params={"since": "soon"}).status_code == 400


def test_the_commitments_ledger_in_three_formats(client):
    data = client.get("/commitments.json").json()
    by_amount = {p["amount"]["value"]: p for p in data["commitments"]}
    assert set(by_amount) == {550000000000, 1000000000000}  # and the summit's $1 trillion
    pledge = by_amount[550000000000]
    assert pledge["also_reported_as"] == [{"value": 80000000000000, "currency": "JPY"}]
    assert pledge["dyad"] == "JPN-USA"
    assert data["totals"]["by_dyad"] == {"JPN-USA": {"USD": 1.55e12}}
    rows = list(csv.DictReader(io.StringIO(client.get("/commitments.csv").text)))
    assert sorted(r["amount_value"] for r in rows) == ["1000000000000", "550000000000"]
    page = client.get("/commitments").text
    assert "$550 billion" in page and "≈ ¥80 trillion" in page and "By pair of countries" in page


def test_disagreements_on_the_event_page_and_their_own(tmp_path: Path):
    with Store.open(str(tmp_path / "d.db")) as store:
        store.save_document(report_doc("early-word", date(2025, 3, 2),
                                       Told("INVEST", amount=(3e9, "USD"), status="planned")))
        store.save_document(report_doc("<late-word>", date(2025, 3, 2),
                                       Told("INVEST", amount=(5e9, "USD"))))
        events = [e for e in list_merged_events(store) if e.type == "INVEST"]
        for other in events[1:]:  # a person joined them
            store.merge_event(other.citations[0].event_id, events[0].id)
        client = TestClient(create_app("", store=store), base_url="http://127.0.0.1")
        data = client.get(f"/events/{events[0].id}.json").json()
        assert {d["field"] for d in data["disagreements"]} == {"amount", "status"}
        page = client.get(f"/events/{events[0].id}").text
        assert "The sources disagree on the amount" in page
        assert "Outlet &lt;late-word&gt;" in page
        listed = client.get("/disagreements.json").json()["events"]
        assert [e["event"]["id"] for e in listed] == [events[0].id]
        assert client.get("/disagreements").status_code == 200
