"""Settings: defaults, then KIZUNA_* environment, then options."""

from __future__ import annotations

import pytest

from kizuna.errors import KizunaError
from kizuna.settings import DEFAULT_DB, Settings, load_settings


def test_defaults() -> None:
    assert load_settings(environ={}) == Settings(db=DEFAULT_DB, workers=1)


def test_environment_overrides_defaults() -> None:
    env = {"KIZUNA_DB": "sqlite:///news.db", "KIZUNA_WORKERS": "2"}
    assert load_settings(environ=env) == Settings(db="sqlite:///news.db", workers=2)


def test_options_override_the_environment() -> None:
    env = {"KIZUNA_DB": "env.db", "KIZUNA_WORKERS": "2"}
    assert load_settings(db="opt.db", workers=3, environ=env) == Settings("opt.db", 3)


def test_empty_values_say_nothing() -> None:
    assert load_settings(db="", environ={"KIZUNA_DB": ""}).db == DEFAULT_DB


@pytest.mark.parametrize("value", ["0", "two", "-1"])
def test_a_bad_worker_count_is_a_clear_error(value: str) -> None:
    with pytest.raises(KizunaError, match="KIZUNA_WORKERS"):
        load_settings(environ={"KIZUNA_WORKERS": value})
