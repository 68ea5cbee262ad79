"""`kizuna actor` and `kizuna dyad` on a store holding the hand-built documents.

The store (`filled_db`) holds an English summit article (Ishiba meets Trump on 7 Feb,
Japan to invest in the United States, cooperation on AI), its Japanese report (the same
meeting, and an agreement with no date in an article with no date) and a SoftBank release.
"""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from kizuna.cli import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), env={"COLUMNS": "120"})


# --- actor ---------------------------------------------------------------------------

def test_actor_shows_who_and_their_events(filled_db: str) -> None:
    result = run("actor", "石破茂", "--db", filled_db)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Shigeru Ishiba (PERSON, JPN)" in out
    assert "Also called: Ishiba, 石破茂" in out or "Also called: 石破茂, Ishiba" in out
    assert "By type:" in out and "MEET 1" in out
    assert "Appears most with" in out and "Donald Trump" in out
    assert "2 events" in out  # MEET (two sources); the AI pledge (COOPERATE and AGREE)


def test_actor_json_is_the_profile_and_contract_shaped_events(filled_db: str) -> None:
    result = run("actor", "ishiba", "--db", filled_db, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["actor"]["name"] == "Shigeru Ishiba"
    assert data["actor"]["partners"][0]["name"] == "Donald Trump"
    assert {e["type"] for e in data["events"]} == {"MEET", "AGREE"}
    (meet,) = [e for e in data["events"] if e["type"] == "MEET"]
    assert {c["doc_id"] for c in meet["citations"]} == {"summit-en", "summit-ja"}
    assert {p["name"] for p in meet["actors"]} == {"Shigeru Ishiba", "Donald Trump"}


def test_actor_limit_and_dates_narrow_the_list(filled_db: str) -> None:
    result = run("actor", "Trump", "--db", filled_db, "--format", "json", "--limit", "1")
    assert [e["type"] for e in json.loads(result.stdout)["events"]] == ["AGREE"]
    result = run("actor", "Trump", "--db", filled_db, "--format", "json",
                 "--until", "2025-02-07")
    assert [e["type"] for e in json.loads(result.stdout)["events"]] == ["MEET"]


def test_an_unknown_actor_is_an_error(filled_db: str) -> None:
    result = run("actor", "Nobody", "--db", filled_db)
    assert result.exit_code == 1
    assert "no actor named 'Nobody'" in result.stderr


def test_a_bad_date_is_a_usage_error(filled_db: str) -> None:
    assert run("actor", "Trump", "--db", filled_db, "--since", "yesterday").exit_code == 2


# --- dyad ----------------------------------------------------------------------------

def test_dyad_table_shows_months_the_index_and_latest_events(filled_db: str) -> None:
    result = run("dyad", "JPN", "USA", "--db", filled_db)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "JPN–USA" in out
    assert "2025-02" in out and "+1.00" in out
    # the MEET, the INVEST and the AI pledge (told as COOPERATE in English and AGREE in
    # Japanese: one merged event, dated by the English article)
    assert "3 cooperative, 0 restrictive; index +1.00" in out and "undated" not in out
    assert "Latest events" in out and "3 events" in out


def test_dyad_csv_is_one_row_a_month(filled_db: str) -> None:
    result = run("dyad", "jpn", "usa", "--db", filled_db, "--format", "csv",
                 "--since", "2025-01-01", "--until", "2025-03-31")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows == [
        {"month": "2025-01", "cooperative": "0", "restrictive": "0", "index": "0.0000"},
        {"month": "2025-02", "cooperative": "3", "restrictive": "0", "index": "1.0000"},
        {"month": "2025-03", "cooperative": "0", "restrictive": "0", "index": "0.0000"},
    ]


def test_dyad_json_for_scripts(filled_db: str) -> None:
    result = run("dyad", "USA", "JPN", "--db", filled_db, "--format", "json", "--latest", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["countries"] == ["USA", "JPN"]
    assert data["months"] == [{"month": "2025-02", "cooperative": 3, "restrictive": 0,
                               "index": 1.0}]
    assert len(data["latest"]) == 2 and all(e["id"].startswith("ev-") for e in data["latest"])


def test_dyad_needs_two_different_country_codes(filled_db: str) -> None:
    for pair in (("JPN", "JPN"), ("Japan", "USA")):
        result = run("dyad", *pair, "--db", filled_db)
        assert result.exit_code == 2
        assert "JPN twice" in result.output or "alpha-3" in result.output


def test_help_shows_an_example_of_each() -> None:
    for command, example in (("actor", "kizuna actor 石破茂"), ("dyad", "kizuna dyad JPN USA"),
                             ("bench-store", "kizuna bench-store --json")):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert example in result.stdout, command
