"""The language registry: each code chooses its folder, and every folder gives the same
functions."""

from __future__ import annotations

import pkgutil

import pytest

import kizuna.extract.en as en
import kizuna.extract.ja as ja
from kizuna.extract.languages import LANGUAGES, all_languages, language_for, quote_readers


@pytest.mark.parametrize("code", ["en", "ja"])
def test_each_code_chooses_its_own_folder(code: str) -> None:
    language = language_for(code)
    assert language.code == code
    assert language.find_events.__module__ == f"kizuna.extract.{code}.events"
    assert language.resolve_dates.__module__ == f"kizuna.extract.{code}.dates"


def test_an_unknown_code_is_read_as_the_default_language() -> None:
    assert language_for("xx").code == "en"


def test_every_language_folder_has_the_same_modules() -> None:
    folders = [en, ja]
    assert len(folders) == len(LANGUAGES)
    modules = [{m.name for m in pkgutil.iter_modules(f.__path__)} for f in folders]
    shared = {"mentions", "triggers", "status", "clauses", "dates", "quotes", "events", "money"}
    assert all(shared <= names for names in modules)


def test_quote_rules_for_a_script_come_before_those_for_any_script() -> None:
    readers = quote_readers()
    assert [r.any_script for r in readers] == sorted(r.any_script for r in readers)
    assert readers[-1] is language_for("en").quotes
    assert not readers[0].claims("He said “we will invest there” today.", _marked())


def _marked():
    from kizuna.extract.quotes import Marked

    return Marked(open=8, start=9, end=29, close=30)


def test_sentence_components_differ_by_language() -> None:
    assert {language.sentence_rules for language in all_languages()} == {
        "line_breaks", "quotes_unbroken"}
