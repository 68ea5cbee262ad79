"""The commands end to end: ingest with the real pipeline, then events, show and export.

Extraction is still growing, so ingest tests assert only what holds whatever it finds;
the query commands read hand-built documents stored through the store's API.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kizuna.cli import app
from kizuna.contract import document_to_dict
from kizuna.store import Store, event_id
from kizuna.store.queries import table_counts
from tests.store.factory import (
    Told,
    japanese_doc,
    pledge_doc,
    release_doc,
    report_doc,
    summit_doc,
)

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env)


def counts(db: str) -> dict[str, int]:
    with Store.open(db) as store:
        return table_counts(store)


# --- ingest --------------------------------------------------------------------------

def test_ingest_stores_good_inputs_and_names_the_broken_one(
        db: str, good_files: list[Path], broken_file: Path) -> None:
    result = run("ingest", str(good_files[0]), str(broken_file), str(good_files[1]), "--db", db)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert errors[0].startswith(f"error: {broken_file}: ")
    assert result.stdout.startswith("2 added, 1 failed; ")
    assert counts(db)["articles"] == 2


def test_ingest_again_is_unchanged_and_writes_nothing(db: str, good_files: list[Path]) -> None:
    paths = [str(p) for p in good_files]
    assert run("ingest", *paths, "--db", db).exit_code == 0
    before = counts(db)
    result = run("ingest", *paths, "--db", db)
    assert result.exit_code == 0
    assert result.stdout.startswith("2 unchanged; ")
    assert counts(db) == before


def test_ingest_a_folder_with_defaults_into_the_default_database(
        tmp_path: Path, good_files: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("ingest", str(tmp_path), "--source", "Fallback Wire", "--workers", "1",
                 env={"KIZUNA_DB": ""})
    assert result.exit_code == 0, result.output
    assert counts(str(tmp_path / "kizuna.db"))["articles"] == 2


def test_ingest_reads_the_database_from_the_environment(
        db: str, good_files: list[Path]) -> None:
    assert run("ingest", str(good_files[0]), env={"KIZUNA_DB": db}).exit_code == 0
    assert counts(db)["articles"] == 1


def test_ingest_stored_events_are_listed(db: str, good_files: list[Path]) -> None:
    run("ingest", *map(str, good_files), "--db", db)
    summary = run("ingest", *map(str, good_files), "--db", db).stdout
    listed = run("events", "--db", db, "--format", "jsonl", "--articles").stdout.splitlines()
    assert summary.strip().endswith(f"; {len(listed)} event{'s' * (len(listed) != 1)}")


def test_ingest_with_nothing_readable_fails(db: str, tmp_path: Path) -> None:
    result = run("ingest", str(tmp_path / "nowhere.article.json"), "--db", db)
    assert result.exit_code == 1
    assert "error: " in result.stderr


# --- events --------------------------------------------------------------------------

def test_events_table_lists_merged_events_with_their_sources(filled_db: str) -> None:
    result = run("events", "--db", filled_db)
    assert result.exit_code == 0
    # the English and Japanese MEET are one, and so are the AI pledge told as COOPERATE
    # and as AGREE (related types)
    assert "5 events" in result.stdout
    meeting = next(line for line in result.stdout.splitlines() if "ev-" in line
                   and "MEET" in line and "2025-02-07" in line)
    assert meeting.split()[-1] == "2"
    assert "sources" in result.stdout


def test_events_articles_table(filled_db: str) -> None:
    result = run("events", "--db", filled_db, "--articles")
    assert result.exit_code == 0
    assert event_id("summit-en", "v1")[:10] in result.stdout
    assert "7 events" in result.stdout


def test_events_merged_jsonl_with_filters(filled_db: str) -> None:
    result = run("events", "--db", filled_db, "--format", "jsonl", "--actor", "ishiba",
                 "--type", "meet", "--since", "2025-01-01")
    (meeting,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert {c["doc_id"] for c in meeting["citations"]} == {"summit-en", "summit-ja"}


def test_events_merged_csv(filled_db: str) -> None:
    result = run("events", "--db", filled_db, "--format", "csv", "--type", "MEET")
    (row,) = csv.DictReader(io.StringIO(result.stdout))
    assert (row["actors"], row["sources"], row["citations"]) == (
        "Shigeru Ishiba; Donald Trump", "2", "summit-ja; summit-en")


def test_events_jsonl_with_filters(filled_db: str) -> None:
    result = run("events", "--db", filled_db, "--format", "jsonl", "--actor", "ishiba",
                 "--type", "meet", "--since", "2025-01-01", "--articles")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(r["article_id"], r["type"]) for r in rows} == {("summit-en", "MEET"),
                                                            ("summit-ja", "MEET")}
    assert rows[0]["actors"] == ["Shigeru Ishiba"]


def test_events_csv_search_japanese(filled_db: str) -> None:
    result = run("events", "--db", filled_db, "--format", "csv", "--search", "人工知能",
                 "--articles")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["type"] for r in rows} == {"MEET", "AGREE"}
    assert {r["actors"] for r in rows} == {"Shigeru Ishiba", "Shigeru Ishiba; Donald Trump"}


def test_events_limit_status_and_country(filled_db: str) -> None:
    result = run("events", "--db", filled_db, "--format", "jsonl", "--status", "negated",
                 "--country", "jpn", "--limit", "5", "--articles")
    assert [json.loads(line)["type"] for line in result.stdout.splitlines()] == ["STATEMENT"]


@pytest.mark.parametrize("args", [["--type", "PARTY"], ["--since", "last week"],
                                  ["--format", "xml"], ["--status", "rumoured"]])
def test_events_bad_options_are_usage_errors(filled_db: str, args: list[str]) -> None:
    result = run("events", "--db", filled_db, *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# --- show ----------------------------------------------------------------------------

def test_show_an_event_with_its_source_and_sentence(filled_db: str) -> None:
    result = run("show", event_id("summit-en", "v2")[:8], "--db", filled_db)
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "INVEST (planned)" in out
    assert "Japan (GPE, JPN)" in out and "United States (GPE, USA)" in out
    assert "1,000,000,000,000 USD" in out
    # Brackets from the article print as text; they are not taken as markup.
    assert "Ishiba and Trump meet [live] — The Example Times, 2025-02-08" in out
    assert "https://news.example/summit-en" in out
    assert "Ishiba said Japan would raise its investment" in out


def test_show_escapes_markup_in_the_evidence(filled_db: str) -> None:
    result = run("show", event_id("summit-en", "v3"), "--db", filled_db)
    assert "artificial intelligence [AI] and chips." in " ".join(result.stdout.split())


def test_show_an_article_event_names_its_merged_event(filled_db: str) -> None:
    result = run("show", event_id("summit-ja", "v1"), "--db", filled_db)
    assert "Merged event: ev-" in result.stdout


def test_show_a_merged_event_with_every_citation(filled_db: str) -> None:
    listed = run("events", "--db", filled_db, "--format", "jsonl", "--type", "MEET").stdout
    merged_id = json.loads(listed)["id"]
    result = run("show", merged_id[:9], "--db", filled_db)
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert f"MEET (happened) {merged_id} 2 sources" in out
    assert "Status history: happened (undated, summit-ja)" in out
    assert "Prime Minister Shigeru Ishiba met U.S. President Donald Trump" in out
    assert "石破茂首相は7日、ワシントンでトランプ大統領と会談した。" in out
    assert event_id("summit-ja", "v1") in out  # what `kizuna merge` takes


def test_show_an_unknown_event(filled_db: str) -> None:
    result = run("show", "ffffffffffff", "--db", filled_db)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no event with id 'ffffffffffff'")


# --- export --------------------------------------------------------------------------

def test_export_jsonl_is_the_contract_document_of_each_article(filled_db: str) -> None:
    result = run("export", "--db", filled_db)
    assert result.exit_code == 0
    exported = {d["doc"]["id"]: d for d in map(json.loads, result.stdout.splitlines())}
    for doc in (summit_doc(), japanese_doc(), release_doc()):
        assert exported[doc.article.id] == document_to_dict(doc)


def test_export_documents_is_the_default(filled_db: str) -> None:
    assert run("export", "documents", "--db", filled_db).stdout == \
        run("export", "--db", filled_db).stdout


MERGED_KEYS = {"id", "type", "plover", "cameo", "status", "actors", "targets", "date",
               "location", "object",
               "amount", "status_history", "citations"}


def test_export_events_jsonl_is_the_contract_merged_event(filled_db: str) -> None:
    result = run("export", "events", "--format", "jsonl", "--db", filled_db)
    assert result.exit_code == 0
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(events) == 5  # the AI pledge told as COOPERATE and as AGREE is one
    for event in events:
        assert set(event) == MERGED_KEYS
        assert event["id"].startswith("ev-")
        for party in event["actors"] + event["targets"]:
            assert set(party) == {"name", "type", "country"}
        assert event["date"] is None or set(event["date"]) == {"start", "end", "granularity"}
        for change in event["status_history"]:
            assert set(change) == {"status", "as_of", "doc_id"}
        for citation in event["citations"]:
            assert set(citation) == {"doc_id", "url", "source", "published", "language",
                                     "status", "evidence"}
            assert set(citation["evidence"]) == {"start", "end", "text"}
    codes = {e["type"]: (e["plover"], e["cameo"]) for e in events}
    assert codes["MEET"] == ("CONSULT", "04")
    (meeting,) = [e for e in events if e["type"] == "MEET"]
    assert meeting["date"] == {"start": "2025-02-07", "end": "2025-02-07",
                               "granularity": "day"}
    assert [c["doc_id"] for c in meeting["citations"]] == ["summit-ja", "summit-en"]
    invest = next(e for e in events if e["type"] == "INVEST")
    assert invest["amount"] == {"value": 1000000000000, "currency": "USD"}
    assert invest["targets"] == [{"name": "United States", "type": "GPE", "country": "USA"}]


def test_export_events_csv_to_a_file(filled_db: str, tmp_path: Path) -> None:
    out = tmp_path / "merged.csv"
    result = run("export", "events", "--format", "csv", "--db", filled_db, "-o", str(out))
    assert result.exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 5
    assert {r["sources"] for r in rows} == {"1", "2"}


def test_export_something_else_is_a_usage_error(filled_db: str) -> None:
    assert run("export", "quotes", "--db", filled_db).exit_code == 2


# --- merge and unmerge ---------------------------------------------------------------

def merged_ids(db: str) -> dict[str, str]:
    """article event id -> merged event id, from the export."""
    result = run("export", "events", "--db", db)
    return {json.loads(line)["id"]: json.loads(line) for line in result.stdout.splitlines()}


def meeting_groups(db: str) -> list[list[str]]:
    events = merged_ids(db).values()
    return sorted(sorted(c["doc_id"] for c in e["citations"]) for e in events
                  if e["type"] == "MEET")


def test_unmerge_then_merge(filled_db: str) -> None:
    japanese = event_id("summit-ja", "v1")
    result = run("unmerge", japanese, "--db", filled_db)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{japanese} is now on its own in ev-")
    assert meeting_groups(filled_db) == [["summit-en"], ["summit-ja"]]
    english = next(e["id"] for e in merged_ids(filled_db).values()
                   if e["type"] == "MEET" and e["citations"][0]["doc_id"] == "summit-en")
    result = run("merge", japanese[:8], english, "--db", filled_db)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"{japanese} is now in {english}"
    assert meeting_groups(filled_db) == [["summit-en", "summit-ja"]]


@pytest.mark.parametrize(("args", "message"), [
    (["unmerge", "ffffffff"], "error: no article event with id 'ffffffff'"),
    (["merge", "ffffffff", "ev-0"], "error: no article event with id 'ffffffff'"),
    (["merge", event_id("summit-ja", "v1"), "ev-nothing"], "error: no merged event"),
])
def test_merge_and_unmerge_unknown_ids(filled_db: str, args: list[str], message: str) -> None:
    result = run(*args, "--db", filled_db)
    assert result.exit_code == 1
    assert result.stderr.startswith(message)


def test_merge_across_types_is_refused(filled_db: str) -> None:
    agree = next(e["id"] for e in merged_ids(filled_db).values() if e["type"] == "AGREE")
    result = run("merge", event_id("summit-ja", "v1"), agree, "--db", filled_db)
    assert result.exit_code == 1
    assert "only events of one type merge" in result.stderr


def test_export_csv_to_a_file(filled_db: str, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    result = run("export", "--db", filled_db, "--format", "csv", "--output", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 7
    assert {r["id"] for r in rows} >= {event_id("release", "v1"), event_id("summit-ja", "v2")}


def test_export_to_an_unwritable_file(filled_db: str, tmp_path: Path) -> None:
    result = run("export", "--db", filled_db, "--output", str(tmp_path / "no" / "x.jsonl"))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot write")


# --- every command -------------------------------------------------------------------

@pytest.mark.parametrize("target", [
    "{tmp}/missing/folder/k.db", "{tmp}", "nosuchdb://x", "sqlite://host:port/db",
    "postgresql://kizuna@localhost/news"])
@pytest.mark.parametrize("command", [["events"], ["show", "abc"], ["export"],
                                     ["ingest", "x.article.json"], ["merge", "a", "ev-b"],
                                     ["unmerge", "a"], ["export", "events"]])
def test_a_bad_database_is_one_error_line_and_exit_2(
        tmp_path: Path, command: list[str], target: str) -> None:
    result = run(*command, "--db", target.format(tmp=tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_a_bad_worker_count_is_exit_2(db: str, good_files: list[Path]) -> None:
    result = run("ingest", str(good_files[0]), "--db", db, env={"KIZUNA_WORKERS": "many"})
    assert result.exit_code == 2
    assert result.stderr.startswith("error: KIZUNA_WORKERS")


@pytest.mark.parametrize("command", ["ingest", "events", "show", "export", "merge",
                                     "unmerge"])
def test_help_ends_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert f"Example: kizuna {command}" in result.stdout


def test_the_command_list_gives_each_summary_unbroken() -> None:
    # a docstring whose first paragraph wraps in the source must not break the list there
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "400", "TERM": "dumb"})
    assert result.exit_code == 0
    line = next(text for text in result.stdout.splitlines() if "│ actor " in text)
    assert "who they appear with most, and their latest merged events" in line


def test_commitments_list_each_pledge_once_with_totals(tmp_path) -> None:
    db = str(tmp_path / "ledger.db")
    with Store.open(db) as store:
        store.save_document(pledge_doc(
            "l1", "Japan will invest $550 billion in the United States.", "INVEST",
            "$550 billion", 5.5e11, ("Japan",), ("United States",)))
        store.save_document(pledge_doc(
            "l2", "Japan and United States agreed on $550 billion.", "AGREE", "$550 billion",
            5.5e11, ("Japan", "United States"), status="happened"))
    data = json.loads(run("commitments", "--db", db, "--format", "json").stdout)
    (pledge,) = data["commitments"]
    assert (pledge["amount"], pledge["sources"], set(pledge["types"])) == (
        {"value": 550000000000, "currency": "USD"}, 2, {"INVEST", "AGREE"})
    assert data["totals"]["by_dyad"] == {"JPN-USA": {"USD": 5.5e11}}
    rows = run("commitments", "--db", db, "--format", "csv").stdout.splitlines()
    assert rows[0].startswith("id,date,pledgers") and len(rows) == 2
    table = run("commitments", "--db", db).stdout
    assert "550,000,000,000 USD" in table and "1 pledges" in table


def test_digest_in_markdown_html_and_json(tmp_path) -> None:
    db = str(tmp_path / "digest.db")
    with Store.open(db) as store:
        store.save_document(report_doc("early", date(2025, 2, 1), Told(status="planned")))
        store.save_document(report_doc("<b>late</b>", date(2025, 2, 8), Told()))
    md = run("digest", "--db", db, "--since", "2025-02-08")
    assert md.exit_code == 0 and "**Status** planned → happened" in md.stdout
    html = run("digest", "--db", db, "--since", "2025-02-08", "--format", "html").stdout
    assert html.startswith("<!doctype html>") and "Outlet &lt;b&gt;late&lt;/b&gt;" in html
    assert 'href="http://127.0.0.1:8000/events/ev-' in html
    data = json.loads(run("digest", "--db", db, "--since", "2025-02-08", "--format",
                          "json").stdout)
    assert data["counts"] == {"new": 0, "status": 1, "sources": 0}
    assert run("digest", "--db", db, "--since", "8 Feb").exit_code == 2


def test_show_says_why_each_citation_joined(filled_db: str) -> None:
    listed = run("events", "--db", filled_db, "--format", "jsonl", "--type", "MEET").stdout
    merged_id = json.loads(listed)["id"]
    out = " ".join(run("show", merged_id, "--db", filled_db).stdout.split())
    assert "Joined (auto, 0.00): new happening" in out  # the report that began it
    joined = re.search(r"Joined \(auto, (\d\.\d\d)\): same type MEET; shared participants:", out)
    assert joined and float(joined.group(1)) >= 0.45


def test_headlines_follow_lang_or_the_locale(filled_db: str) -> None:
    wide = {"COLUMNS": "200"}
    english = run("events", "--db", filled_db, "--type", "MEET", "--lang", "en", env=wide)
    assert "Ishiba and Trump met" in english.stdout
    japanese = run("events", "--db", filled_db, "--type", "MEET",
                   env={**wide, "LANG": "ja_JP.UTF-8", "LC_ALL": ""})
    assert "石破首相とトランプ大統領が" in japanese.stdout
    brief = run("digest", "--db", filled_db, "--since", "2025-01-01", "--lang", "ja")
    assert "石破首相" in brief.stdout
    assert run("events", "--db", filled_db, "--lang", "fr").exit_code == 2
