"""Run settings: built-in defaults, then KIZUNA_* environment variables, then options.

Each layer overrides the one before only where it says something, so
`KIZUNA_DB=news.db kizuna events` and `kizuna events --db news.db` mean the same.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

from kizuna.errors import KizunaError

DEFAULT_DB = "kizuna.db"


@dataclass(frozen=True)
class Settings:
    """Where the store lives and how many processes extraction may use."""

    db: str = DEFAULT_DB
    workers: int = 1


def load_settings(
    db: str | None = None,
    workers: int | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    """Defaults, overridden by the environment, overridden by explicit options."""
    settings = _from_environment(Settings(), os.environ if environ is None else environ)
    if db:
        settings = replace(settings, db=db)
    if workers is not None:
        settings = replace(settings, workers=_positive(workers, "--workers"))
    return settings


def _from_environment(settings: Settings, environ: Mapping[str, str]) -> Settings:
    if environ.get("KIZUNA_DB"):
        settings = replace(settings, db=environ["KIZUNA_DB"])
    if environ.get("KIZUNA_WORKERS"):
        settings = replace(settings, workers=_positive(environ["KIZUNA_WORKERS"],
                                                       "KIZUNA_WORKERS"))
    return settings


def _positive(value: int | str, name: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise KizunaError(f"{name} must be a whole number of at least 1, not {value!r}")
    return number
