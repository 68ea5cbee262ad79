"""Language knowledge as data: one folder per language, one TOML file per subject."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(language: str, name: str) -> dict[str, Any]:
    """The parsed `kizuna/lang/<language>/<name>.toml`."""
    path = resources.files(f"kizuna.lang.{language}").joinpath(f"{name}.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))
