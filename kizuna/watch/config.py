"""What the watcher polls: sources from the command line or a TOML file, with intervals."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from kizuna.errors import KizunaError
from kizuna.parse.record import NO_DEFAULTS, ArticleDefaults
from kizuna.sources.files import is_url

DEFAULT_EVERY = timedelta(minutes=15)
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$", re.I)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


class SourcesError(KizunaError):
    """A sources file or an interval that cannot be used."""


@dataclass(frozen=True)
class WatchedSource:
    """One feed or page URL, how often to poll it, and what its articles default to."""

    url: str
    every: timedelta = DEFAULT_EVERY
    defaults: ArticleDefaults = field(default=NO_DEFAULTS)


def parse_interval(text: str) -> timedelta:
    """"15m", "2h", "90s", "1d", or a bare number of seconds, as a timedelta."""
    match = _INTERVAL.match(str(text))
    if not match:
        raise SourcesError(f"{text!r} is not an interval; write it as 90s, 15m, 2h or 1d")
    seconds = float(match.group(1)) * _UNIT_SECONDS[(match.group(2) or "s").lower()]
    if seconds <= 0:
        raise SourcesError(f"{text!r}: the interval must be longer than zero")
    return timedelta(seconds=seconds)


def sources_from_urls(urls: list[str], every: timedelta,
                      defaults: ArticleDefaults = NO_DEFAULTS) -> list[WatchedSource]:
    """Command-line sources: all polled every `every`, with the command line's defaults."""
    return [WatchedSource(_checked_url(url, "the command line"), every, defaults)
            for url in urls]


def load_sources(path: Path, every: timedelta,
                 defaults: ArticleDefaults = NO_DEFAULTS) -> list[WatchedSource]:
    """The sources a TOML file lists (see `kizuna watch --help` for its shape).

    A top-level `every`, `language` or `source` applies to every source that does not
    set its own; `every` and `defaults` from the command line come below both.
    """
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourcesError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourcesError(f"{path}: is not valid TOML ({exc}); check its syntax") from exc
    entries = data.get("sources", [])
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{path}: lists no sources; add [[sources]] tables with a url")
    every = parse_interval(data["every"]) if "every" in data else every
    shared = _defaults(data, defaults, str(path))
    return [_source(entry, every, shared, f"{path}: source {i + 1}")
            for i, entry in enumerate(entries)]


def _source(entry: object, every: timedelta, defaults: ArticleDefaults,
            where: str) -> WatchedSource:
    if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
        raise SourcesError(f"{where}: has no url; write url = \"https://…\"")
    unknown = set(entry) - {"url", "every", "language", "source"}
    if unknown:
        raise SourcesError(f"{where}: unknown keys {', '.join(sorted(unknown))}; "
                           "a source takes url, every, language and source")
    return WatchedSource(
        url=_checked_url(entry["url"], where),
        every=parse_interval(entry["every"]) if "every" in entry else every,
        defaults=_defaults(entry, defaults, where),
    )


def _defaults(table: dict, below: ArticleDefaults, where: str) -> ArticleDefaults:
    for key in ("language", "source"):
        if key in table and not isinstance(table[key], str):
            raise SourcesError(f"{where}: {key} must be a string")
    return ArticleDefaults(
        published=below.published,
        language=table.get("language") or below.language,
        title=below.title,
        source=table.get("source") or below.source,
    )


def _checked_url(url: str, where: str) -> str:
    if not is_url(url):
        raise SourcesError(f"{where}: {url!r} is not an http(s) URL; the watcher polls URLs "
                           "(use kizuna ingest for files)")
    return url.strip()
