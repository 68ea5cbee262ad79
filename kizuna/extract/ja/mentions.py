"""Names in a Japanese article: gazetteer matches, GiNZA entities, role nouns, country pairs.

Produces the same `NameMention` records as the English finder, so the same resolver
groups them. Titles and honorifics after a name (首相, 氏, 会長兼社長) are roles: they
are left out of the name and kept as the mention's title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from kizuna.extract.mentions import Occupancy, first_seen
from kizuna.lang import load
from kizuna.model import NameMention
from kizuna.resolve.gazetteer import Gazetteer, KnownActor

_PAIR_CONTEXT = re.compile(r"[\u4e00-\u9fff]")

# Full-width Latin letters, digits and signs (Ａ, ５, ＆) and their ASCII forms: Japanese
# papers often set names in full width (ＳＢＧ, オープンＡＩ), gazetteers in ASCII.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


@dataclass(frozen=True)
class JapaneseLexicon:
    labels: dict[str, str]
    titles: tuple[str, ...]
    roles: dict[str, str]
    abbreviations: dict[str, str]
    not_entities: frozenset[str]


@cache
def japanese_lexicon() -> JapaneseLexicon:
    data = load("ja", "entities")
    return JapaneseLexicon(
        labels=data["labels"],
        titles=tuple(sorted(data["titles"]["suffixes"], key=len, reverse=True)),
        roles=data["roles"], abbreviations=data["abbreviations"],
        not_entities=frozenset(data["not_entities"]["words"]),
    )


def find_mentions_ja(text: str, parsed: Any, gazetteer: Gazetteer) -> list[NameMention]:
    """Every name mention in a Japanese article, sorted, none overlapping."""
    lex = japanese_lexicon()
    folded = fold_width(text)  # オープンＡＩ is looked up as オープンAI, at the same offsets
    known = [_known(text, m.start, m.end, m.actor, lex) for m in gazetteer.scan(folded)]
    taken = Occupancy(known)
    found = list(known)
    candidates = [
        *(_known(text, m.start, m.end, m.actor, lex)
          for m in gazetteer.scan_short_forms(folded, first_seen(known))),
        *_country_pairs(text, gazetteer, lex),
        *_ginza_mentions(text, parsed, gazetteer, lex),
        *_role_mentions(text, lex),
    ]
    found += taken.keep(sorted(candidates, key=lambda m: m.start))
    found += taken.keep(_lone_surnames(text, found, lex))
    return sorted(found, key=lambda m: m.start)


def fold_width(text: str) -> str:
    """The text with full-width Latin characters in ASCII: one character for one, so
    every offset stays where it was."""
    return text.translate(_FULL_WIDTH)


def _lone_surnames(text: str, found: list[NameMention], lex: JapaneseLexicon):
    """山田社長 after 山田太郎社長: an unknown person's surname (the name's first two
    characters) later in the text, followed by a title, is the same person."""
    for mention in [m for m in found if m.actor is None and m.type == "PERSON"]:
        if len(mention.text) < 3 or not _PAIR_CONTEXT.match(mention.text[:2]):
            continue
        surname = mention.text[:2]
        for m in re.finditer(re.escape(surname), text[mention.end:]):
            start = mention.end + m.start()
            title = _title_after(text, start + 2, lex)
            if title:
                yield NameMention(start, start + 2, surname, "PERSON", None, title)


def _known(text: str, start: int, end: int, actor: KnownActor, lex: JapaneseLexicon) -> NameMention:
    title = _title_after(text, end, lex) if actor.type == "PERSON" else None
    return NameMention(start, end, text[start:end], actor.type, actor, title)


def _title_after(text: str, end: int, lex: JapaneseLexicon) -> str | None:
    following = text[end:end + 12]
    abbreviation = following[:1] if following[:1] in lex.abbreviations else ""
    rest = following[len(abbreviation):]
    return next((t for t in lex.titles if rest.startswith(t)), None)


def _country_pairs(text: str, gazetteer: Gazetteer, lex: JapaneseLexicon) -> Iterator[NameMention]:
    """日米, 米中: two one-character country names side by side, inside a kanji word."""
    chars = "".join(re.escape(c) for c in lex.abbreviations)
    for m in re.finditer(rf"(?<![{chars}])([{chars}])([{chars}])(?![{chars}])", text):
        after = text[m.end():m.end() + 1]
        if not _PAIR_CONTEXT.match(after) and after not in _pair_followers():
            continue
        for offset, char in ((m.start(), m.group(1)), (m.start() + 1, m.group(2))):
            actor = gazetteer.by_name(lex.abbreviations[char])
            if actor is not None:
                yield NameMention(offset, offset + 1, char, actor.type, actor)


def _ginza_mentions(
    text: str, parsed: Any, gazetteer: Gazetteer, lex: JapaneseLexicon
) -> Iterator[NameMention]:
    for ent in parsed.ents:
        kind = lex.labels.get(ent.label_)
        if kind is None:
            continue
        start, end = _strip_titles(text, ent.start_char, ent.end_char, lex)
        if end - start < 2:
            continue
        name = text[start:end]
        actor = gazetteer.lookup(name)
        if actor is not None:
            yield _known(text, start, end, actor, lex)
        elif not name.isdigit() and name not in lex.not_entities:
            title = _title_after(text, end, lex) if kind == "PERSON" else None
            yield NameMention(start, end, name, kind, None, title,
                              reading=_reading(ent, start, end))


def _reading(ent: Any, start: int, end: int) -> tuple[str, ...]:
    """The dictionary reading of each word of a name (倉田直美 -> クラタ, ナオミ)."""
    return tuple(reading[0] for token in ent if start <= token.idx < end
                 if (reading := token.morph.get("Reading")))


def _strip_titles(text: str, start: int, end: int, lex: JapaneseLexicon) -> tuple[int, int]:
    changed = True
    while changed and end > start:
        changed = False
        for title in lex.titles:
            if text[start:end].endswith(title) and end - len(title) > start:
                end -= len(title)
                changed = True
                break
    return start, end


def _role_mentions(text: str, lex: JapaneseLexicon) -> Iterator[NameMention]:
    """首相 or 大統領 standing alone (not right after a name) names the office holder."""
    for role, title in lex.roles.items():
        for m in re.finditer(re.escape(role), text):
            before = text[max(0, m.start() - 1):m.start()]
            after = text[m.end():m.end() + 1]
            if before and (_PAIR_CONTEXT.match(before) or re.match(r"[ァ-ヶー]", before)):
                continue  # part of a longer word or a title after a name: 石破首相, 米大統領
            if after and _PAIR_CONTEXT.match(after):
                continue  # the start of a longer word: 大統領令, 首相官邸
            yield NameMention(m.start(), m.end(), role, "PERSON", None, role=title)


@cache
def _pair_followers() -> frozenset[str]:
    return frozenset(load("ja", "entities")["country_pairs"]["followed_by"])
