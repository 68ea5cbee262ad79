"""`kizuna bench`: the generated corpora, and the command end to end on tiny corpora.

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

from kizuna.bench import corpus as benchcorpus
from kizuna.bench import extraction as bench
from kizuna.cli import app
from kizuna.model import EVENT_TYPES

KEYS = {"articles", "words", "kizuna_articles_per_s", "spacy_articles_per_s", "ratio",
        "workers", "events_found"}
JA_KEYS = {"articles", "characters", "kizuna_articles_per_s", "ginza_articles_per_s", "ratio",
           "workers", "events_found"}
# GiNZA parses ~1.6 articles/s per process: Japanese runs here stay tiny.
TINY_JA = ["--ja-articles", "3"]


@pytest.fixture(scope="module")
def corpus() -> list:
    return benchcorpus.generate(200, seed=0)


@pytest.fixture(scope="module")
def ja_corpus() -> list:
    return benchcorpus.generate(100, seed=0, language="ja")


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


@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_template_fills_completely(language: str) -> None:
    data = benchcorpus.corpus_data(language)
    assert set(data.events) == set(EVENT_TYPES)
    filler = benchcorpus._Filler(data, random.Random(0))
    templates = [t for ts in data.events.values() for t in ts] + data.filler + data.quotes
    templates += [f"{{{name}}}" for name in data.pools]
    for template in templates:
        for _ in range(5):
            filled = filler.sentence(template)
            assert not re.search(r"[{}]", filled), (template, filled)


def test_japanese_corpus_is_deterministic_from_the_seed() -> None:
    assert benchcorpus.generate(4, seed=7, language="ja") == \
        benchcorpus.generate(4, seed=7, language="ja")
    assert benchcorpus.generate(4, seed=7, language="ja") != \
        benchcorpus.generate(4, seed=8, language="ja")
    assert benchcorpus.generate(3, seed=1, language="ja") == \
        benchcorpus.generate(6, seed=1, language="ja")[:3]


def test_japanese_corpus_is_not_the_english_one() -> None:
    english, japanese = benchcorpus.generate(2), benchcorpus.generate(2, language="ja")
    assert {a.id for a in english}.isdisjoint(a.id for a in japanese)
    assert all(a.language == "en" for a in english)


def test_japanese_corpus_has_the_articles_asked_for(ja_corpus: list) -> None:
    assert len(ja_corpus) >= 100
    assert len({a.id for a in ja_corpus}) == len(ja_corpus)


def test_japanese_articles_are_about_1500_characters(ja_corpus: list) -> None:
    counts = [len(a.text) for a in ja_corpus]
    assert all(1300 <= c <= 1750 for c in counts), (min(counts), max(counts))
    assert 1450 <= sum(counts) / len(counts) <= 1600


def test_every_japanese_article_has_text_a_title_a_date_and_a_language(
        ja_corpus: list) -> None:
    for article in ja_corpus:
        assert article.text.strip() and article.title
        assert isinstance(article.published, date)
        assert article.language == "ja"
        assert "{" not in article.text and "}" not in article.text
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", article.text)


def test_japanese_corpus_reads_like_news(ja_corpus: list) -> None:
    text = "\n".join(a.text for a in ja_corpus)
    for needle in ("首脳会談", "訪米", "共同声明", "対米投資", "5000億ドル", "3兆円", "輸出規制",
                   "関税", "公開した", "LNGの輸入", "記者会見", "7日", "先月", "来週", "」と述べた",
                   "石破茂首相", "トランプ米大統領", "ソフトバンクグループ", "経済産業省"):
        assert needle in text, needle
    assert "\n" in ja_corpus[0].text  # paragraphs
    assert " " not in ja_corpus[0].text  # no spaces between Japanese sentences


def test_generate_refuses_a_language_it_has_no_corpus_for() -> None:
    with pytest.raises(ValueError):
        benchcorpus.generate(1, language="fr")


def test_numbered_slots_draw_different_values() -> None:
    filler = benchcorpus._Filler(benchcorpus.corpus_data(), random.Random(3))
    for _ in range(50):
        first, second = filler.fill("{company}|{company_2}").split("|")
        assert first != second


def test_bench_command_prints_the_figures_as_json() -> None:
    result = CliRunner().invoke(
        app, ["bench", "--json", "--articles", "5", *TINY_JA, "--repeats", "1"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"en", "ja"}
    assert set(report["en"]) >= KEYS
    assert report["en"]["articles"] == 5
    assert report["en"]["workers"] == 1
    assert set(report["ja"]) >= JA_KEYS
    assert report["ja"]["articles"] == 3
    assert report["ja"]["workers"] == 1
    assert report["ja"]["characters"] >= 3 * 1300
    assert report["ja"]["failed"] == 0


def test_bench_command_times_only_the_languages_asked_for() -> None:
    result = CliRunner().invoke(
        app, ["bench", "--json", "--languages", "en", "--articles", "2", "--repeats", "1"])
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.stdout)) == {"en"}


def test_bench_command_refuses_an_unknown_language() -> None:
    result = CliRunner().invoke(app, ["bench", "--languages", "en,fr", "--repeats", "1"])
    assert result.exit_code != 0
    assert "--languages" in result.output


def test_bench_with_two_workers_reports_them() -> None:
    report = bench.run(articles=4, workers=2, repeats=1, languages=["en"])
    assert set(report) == {"en"}
    assert set(report["en"]) >= KEYS
    assert report["en"]["workers"] == 2


def test_bench_command_prints_a_table_without_json() -> None:
    result = CliRunner().invoke(app, ["bench", "--articles", "2", *TINY_JA, "--repeats", "1"])
    assert result.exit_code == 0, result.output
    assert "kizuna articles/s" in result.stdout and "ratio" in result.stdout
    assert "spaCy articles/s" in result.stdout and "GiNZA articles/s" in result.stdout
    assert "characters" in result.stdout
