"""`kizuna demo`: the bundled samples are valid article records (English and Japanese), the command
stores every one of them and prints their events, and running it again changes nothing."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

import kizuna.cli
import kizuna.demo
from kizuna.cli import app
from kizuna.demo import demo_article_ids, demo_articles_dir
from kizuna.model import Article
from kizuna.parse.article_json import parse_article_json
from kizuna.store import Store
from kizuna.store.disagreements import disagreeing_events
from kizuna.store.queries import list_events, table_counts

runner = CliRunner()

SAMPLES = sorted(demo_articles_dir().glob("*.article.json"))
CONTRACT_FIELDS = {"id", "url", "title", "source", "language", "published", "text"}


@dataclass(frozen=True)
class DemoRuns:
    db: str
    first: Result
    second: Result  # with --serve, the server replaced by a recorder (see `served`)
    counts_after_first: dict[str, int]
    counts_after_second: dict[str, int]
    served: list[tuple[str, str, int]]


def counts(db: str) -> dict[str, int]:
    with Store.open(db) as store:
        return table_counts(store)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> DemoRuns:
    """The demo run twice into one fresh database (extraction is slow: run it once here),
    the second time as `make demo` runs it, with --serve: the server that would run until
    Ctrl-C is replaced by a recorder of what it was asked to serve."""
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    first = runner.invoke(app, ["demo", "--db", db])
    after_first = counts(db)
    served: list[tuple[str, str, int]] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kizuna.cli.serving, "serve_database", lambda *args: served.append(args))
        second = runner.invoke(app, ["demo", "--db", db, "--serve", "--port", "8765"])
    return DemoRuns(db, first, second, after_first, counts(db), served)


# --- the samples ----------------------------------------------------------------------

def test_there_are_six_to_ten_samples_and_they_ship_inside_the_package() -> None:
    assert 6 <= len(SAMPLES) <= 10
    assert demo_articles_dir().is_dir()
    assert demo_articles_dir().parent == Path(kizuna.demo.__file__).parent


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_each_sample_is_a_valid_article_record_with_a_published_date(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert set(raw) == CONTRACT_FIELDS
    assert raw["url"].startswith("https://example.org/")
    [(label, article)] = parse_article_json(path.read_text(encoding="utf-8"), str(path))
    assert isinstance(article, Article), article
    assert article.id == raw["id"]
    assert article.language in {"en", "ja"}
    assert isinstance(article.published, date)
    assert article.title and article.source
    if article.language == "en":
        assert 250 <= len(article.text.split()) <= 500
    else:
        assert 300 <= len(article.text) <= 1500


def test_sample_ids_are_unique() -> None:
    assert len(demo_article_ids()) == len(SAMPLES)


# --- the command ----------------------------------------------------------------------

def test_demo_stores_every_sample_and_prints_a_table_of_events(runs: DemoRuns) -> None:
    assert runs.first.exit_code == 0, runs.first.output
    out = runs.first.stdout
    assert f"{len(SAMPLES)} added;" in out
    assert re.search(r"^\s*id\s+date\s+event\s+partic", out, re.MULTILINE)  # header
    assert re.search(r"^\s*\d+ events?\s*$", out, re.MULTILINE)  # the table's caption
    assert 'kizuna events --db' in out and "kizuna export --db" in out
    assert runs.counts_after_first["articles"] == len(SAMPLES)
    with Store.open(runs.db) as store:
        events = list_events(store)
    assert {row.article_id for row in events} <= demo_article_ids()
    assert len(events) == runs.counts_after_first["events"] > 0


def test_the_demo_has_reports_that_disagree(runs: DemoRuns) -> None:
    """Two samples retell a happening another sample reports, with a value of their own:
    The Demo Herald has the LNG deal still to come the day Example Energy Report has it
    signed, and the summit on Saturday (Tokyo time) where the others say Friday."""
    told: dict[tuple[str, frozenset[str]], list[set[str]]] = {}
    with Store.open(runs.db) as store:
        for _, conflicts in disagreeing_events(store):
            for d in conflicts:
                assert all(t.members and all(m.evidence.text for m in t.members)
                           for t in d.told)  # every value keeps the reports that told it
                articles = frozenset(m.article_id for t in d.told for m in t.members)
                told.setdefault((d.field, articles), []).append({t.value for t in d.told})
    lng = frozenset({"demo-06-lng-commitment", "demo-09-lng-talks"})
    # signed (Thursday) against still to be signed (Friday's paper): the purchase, and
    # the agreements themselves as not yet signed
    assert sorted(map(sorted, told[("status", lng)])) == [["happened", "negated"],
                                                         ["happened", "planned"]]
    summit = frozenset({"demo-02-summit-joint-statement", "demo-ja-summit-2025-02-08",
                        "demo-10-summit-tokyo-time"})
    assert {"2025-02-07", "2025-02-08"} in told[("date", summit)]


def test_running_the_demo_again_changes_nothing(runs: DemoRuns) -> None:
    assert runs.second.exit_code == 0, runs.second.output
    assert f"Demo: {len(SAMPLES)} unchanged;" in runs.second.stdout
    assert runs.counts_after_second == runs.counts_after_first


def test_the_demo_serves_only_when_asked(runs: DemoRuns) -> None:
    assert runs.served == [(runs.db, "127.0.0.1", 8765)]  # the second run's --serve only
    assert "--serve" in runner.invoke(app, ["demo", "--help"]).stdout


def test_the_hinted_show_command_works(runs: DemoRuns) -> None:
    match = re.search(r"kizuna show (\w+) --db", runs.first.stdout)
    assert match, runs.first.stdout
    result = runner.invoke(app, ["show", match.group(1), "--db", runs.db])
    assert result.exit_code == 0, result.output
    assert "Source:" in result.stdout


def test_demo_uses_kizuna_db_from_the_environment(tmp_path: Path) -> None:
    db = tmp_path / "from-env.db"
    result = runner.invoke(app, ["demo"], env={"KIZUNA_DB": str(db)})
    assert result.exit_code == 0, result.output
    assert counts(str(db))["articles"] == len(SAMPLES)


def test_demo_names_a_database_it_cannot_open(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--db", str(tmp_path / "missing" / "x.db")])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot open database")
