"""`kizuna bench`: the generated corpus, and the command end to end on a tiny corpus.

The bench measures speed but is never a timed pass/fail test: only the corpus and the
shape of the report are checked here.
"""

from __future__ import annotations

import json
import random
import re
from datetime import date

import pytest
from typer.testing import CliRunner

from kizuna import bench, benchcorpus
from kizuna.cli import app
from kizuna.model import EVENT_TYPES

KEYS = {"articles", "words", "kizuna_articles_per_s", "spacy_articles_per_s", "ratio",
        "workers", "events_found"}


@pytest.fixture(scope="module")
def corpus() -> list:
    return benchcorpus.generate(200, seed=0)


def test_corpus_is_deterministic_from_the_seed() -> None:
    assert benchcorpus.generate(6, seed=7) == benchcorpus.generate(6, seed=7)
    assert benchcorpus.generate(6, seed=7) != benchcorpus.generate(6, seed=8)


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one() -> None:
    assert benchcorpus.generate(3, seed=1) == benchcorpus.generate(8, seed=1)[:3]


def test_corpus_has_the_articles_asked_for(corpus: list) -> None:
    assert len(corpus) >= 200
    assert len({a.id for a in corpus}) == len(corpus)


def test_articles_are_about_700_words(corpus: list) -> None:
    counts = [len(a.text.split()) for a in corpus]
    assert all(600 <= c <= 850 for c in counts), (min(counts), max(counts))
    assert 650 <= sum(counts) / len(counts) <= 750


def test_every_article_has_text_a_date_and_a_language(corpus: list) -> None:
    for article in corpus:
        assert article.text.strip() and article.title
        assert isinstance(article.published, date)
        assert article.language == "en"
        assert "{" not in article.text and "}" not in article.text


def test_corpus_reads_like_news(corpus: list) -> None:
    text = "\n".join(a.text for a in corpus)
    for needle in (" billion", "“", " met ", "export controls", "on Monday", " in January",
                   "press conference", " visited ", " signed ", " released "):
        assert needle in text, needle
    assert "\n\n" in corpus[0].text  # paragraphs


def test_every_template_fills_completely() -> None:
    data = benchcorpus.corpus_data()
    assert set(data.events) == set(EVENT_TYPES)
    filler = benchcorpus._Filler(data, random.Random(0))
    templates = [t for ts in data.events.values() for t in ts] + data.filler + data.quotes
    templates += [f"{{{name}}}" for name in data.pools]
    for template in templates:
        for _ in range(5):
            filled = filler.sentence(template)
            assert not re.search(r"[{}]", filled), (template, filled)


def test_numbered_slots_draw_different_values() -> None:
    filler = benchcorpus._Filler(benchcorpus.corpus_data(), random.Random(3))
    for _ in range(50):
        first, second = filler.fill("{company}|{company_2}").split("|")
        assert first != second


def test_bench_command_prints_the_figures_as_json() -> None:
    result = CliRunner().invoke(app, ["bench", "--json", "--articles", "5", "--repeats", "1"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"en"}
    assert set(report["en"]) >= KEYS
    assert report["en"]["articles"] == 5
    assert report["en"]["workers"] == 1


def test_bench_with_two_workers_reports_them() -> None:
    report = bench.run(articles=4, workers=2, repeats=1)
    assert set(report["en"]) >= KEYS
    assert report["en"]["workers"] == 2


def test_bench_command_prints_a_table_without_json() -> None:
    result = CliRunner().invoke(app, ["bench", "--articles", "2", "--repeats", "1"])
    assert result.exit_code == 0, result.output
    assert "kizuna articles/s" in result.stdout and "ratio" in result.stdout
