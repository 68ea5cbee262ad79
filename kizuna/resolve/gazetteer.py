"""Known actors read from the data files in `kizuna/gazetteer/`, found in text by alias.

Each actor has one canonical English name, its type, the ISO 3166-1 alpha-3 code of the
country it acts for, English aliases, Japanese names, and titles ("Prime Minister") that
name the office it holds. Matching is case-sensitive on the alias as written, so "US"
the country is not "us" the pronoun.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

DATA_PACKAGE = "kizuna.gazetteer"
_JA_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


@dataclass(frozen=True)
class KnownActor:
    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    ja: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    kind: str = ""  # the data file it comes from: countries, places, people, ...
    short_forms: tuple[str, ...] = ()  # count only once the full name has appeared
    stands_for: str | None = None  # a capital used for its government: "Beijing said"

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.ja)


@dataclass(frozen=True)
class GazetteerMatch:
    start: int
    end: int
    actor: KnownActor


def normalise(surface: str) -> str:
    """The lookup key of a name: NFKC, case-folded, no leading 'the', no possessive."""
    key = unicodedata.normalize("NFKC", surface).casefold().strip()
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"['’]s$", "", key)
    return re.sub(r"[\s.\-‐・]+", " ", key).strip()


class Gazetteer:
    """Look-up of known actors by any of their names, and a scanner over raw text."""

    def __init__(self, actors: list[KnownActor]):
        self.actors = actors
        self._by_key: dict[str, KnownActor] = {}
        for actor in actors:
            for surface in actor.surfaces:
                self._by_key.setdefault(normalise(surface), actor)
        self._by_name = {a.name: a for a in actors}
        self._pattern = _alternation([s for a in actors for s in a.surfaces])
        self._surface_actor = {s: a for a in reversed(actors) for s in a.surfaces}

    def lookup(self, surface: str) -> KnownActor | None:
        return self._by_key.get(normalise(surface))

    def by_name(self, name: str) -> KnownActor | None:
        return self._by_name.get(name)

    def by_demonym(self, word: str) -> KnownActor | None:
        return next((a for a in self.actors if word in a.demonyms), None)

    def scan_short_forms(
        self, text: str, present: dict[KnownActor, int]
    ) -> Iterator[GazetteerMatch]:
        """Short forms ("Son", 孫) of actors already named in full, after that first mention."""
        forms = {f: a for a in present for f in a.short_forms}
        if not forms:
            return
        for m in _alternation(list(forms)).finditer(text):
            actor = forms[m.group(0)]
            if m.start() > present[actor]:
                yield GazetteerMatch(m.start(), m.end(), actor)

    def scan(self, text: str) -> Iterator[GazetteerMatch]:
        """Longest known names in `text`, left to right, not overlapping."""
        for m in self._pattern.finditer(text):
            yield GazetteerMatch(m.start(), m.end(), self._surface_actor[m.group(0)])


_LATIN_WORD = "A-Za-z0-9"


def _alternation(surfaces: list[str]) -> re.Pattern[str]:
    """One pattern for all names, longest first. Japanese names go first and need no
    boundary; Latin names need one, but only against Latin letters and digits, so
    "OpenAI" is found in "ソフトバンクグループとOpenAI".

    Names are grouped under their first character ("S(?:oftBank|ony|…)|T(?:oyota|…)"):
    the regex engine then skips to characters that can start a name and tries only the
    names starting there, instead of every name at every character (~25x faster on a
    700-word article). The boundary before a Latin name is checked after its first
    character, as "the character before that one is not a Latin letter or digit"."""
    ordered = sorted({s for s in surfaces if s}, key=len, reverse=True)
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for s in ordered:
        japanese, latin = groups.setdefault(s[0], ([], []))
        (japanese if _JA_CHAR.search(s) else latin).append(re.escape(s[1:]))
    branches = []
    for first, (japanese, latin) in groups.items():
        rests = list(japanese)
        if latin:
            rests.append(rf"(?<![{_LATIN_WORD}][\s\S])(?:{'|'.join(latin)})(?![{_LATIN_WORD}])")
        branches.append(f"{re.escape(first)}(?:{'|'.join(rests)})")
    return re.compile("|".join(branches) or r"(?!x)x")


def _read_actors(filename: str) -> list[KnownActor]:
    data = tomllib.loads(resources.files(DATA_PACKAGE).joinpath(filename).read_text("utf-8"))
    return [
        KnownActor(
            name=row["name"], type=row["type"], country=row.get("country"),
            aliases=tuple(row.get("aliases", ())), ja=tuple(row.get("ja", ())),
            titles=tuple(row.get("titles", ())), demonyms=tuple(row.get("demonyms", ())),
            kind=filename.removesuffix(".toml"),
            short_forms=tuple(row.get("short_forms", ())),
            stands_for=row.get("stands_for"),
        )
        for row in data.get("actor", [])
    ]


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    files = sorted(p.name for p in resources.files(DATA_PACKAGE).iterdir()
                   if p.name.endswith(".toml"))
    return Gazetteer([a for f in files for a in _read_actors(f)])


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-3 code -> the country's canonical name, from the gazetteer: what
    a participant's country code stands for when merging compares reports."""
    return {a.country: a.name for a in default_gazetteer().actors
            if a.kind == "countries" and a.country}
