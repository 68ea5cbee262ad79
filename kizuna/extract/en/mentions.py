"""Names in an English article: gazetteer matches, spaCy entities, and role nouns.

A `NameMention` is one place the text names an actor; `kizuna.resolve.entities`
groups them into entities. Gazetteer matches win over overlapping spaCy entities,
because the gazetteer knows the canonical name and the type.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from kizuna.extract.doc_index import token_table
from kizuna.extract.mentions import Occupancy, first_seen
from kizuna.lang import load
from kizuna.model import NameMention
from kizuna.resolve.gazetteer import Gazetteer, KnownActor

_POSSESSIVE = re.compile(r"['’]s?$")

_HAS_UPPER = re.compile(r"[A-Z]")

# A model number after a name ("DGX B200", "Xeon 6900P"): the name is a product line.
_MODEL_NUMBER = re.compile(r"^\s+[A-Z]{0,3}\d{2,5}[A-Za-z]{0,3}\b")

MODIFIER_DEPS = {"compound", "amod", "nmod"}


@dataclass(frozen=True)
class EntityLexicon:
    labels: dict[str, str]
    titles: tuple[str, ...]
    roles: dict[str, str]
    demonym_heads: frozenset[str]
    not_entities: frozenset[str]
    place_prepositions: frozenset[str]
    organisation_words: frozenset[str]
    instrument_heads: frozenset[str]
    title_before: re.Pattern[str]
    role_pattern: re.Pattern[str]


@cache
def english_lexicon() -> EntityLexicon:
    data = load("en", "entities")
    titles = tuple(sorted(data["titles"]["words"], key=len, reverse=True))
    title_alt = "|".join(re.escape(t) for t in titles)
    roles = {k.lower(): v for k, v in data["roles"].items()}
    role_alt = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
    return EntityLexicon(
        labels=data["labels"], titles=titles, roles=roles,
        demonym_heads=frozenset(data["demonym_heads"]["words"]),
        not_entities=frozenset(data["not_entities"]["words"]),
        place_prepositions=frozenset(data["places"]["prepositions"]),
        organisation_words=frozenset(data["organisation_words"]["words"]),
        instrument_heads=frozenset(data["instruments"]["heads"]),
        title_before=re.compile(rf"(?:^|\W)((?:{title_alt})(?:\s+and\s+(?:{title_alt}))?)\s+$"),
        role_pattern=re.compile(rf"\b(?:{role_alt})\b", re.IGNORECASE),
    )


def find_mentions(text: str, parsed: Any, gazetteer: Gazetteer) -> list[NameMention]:
    """Every name mention in the article, sorted, none overlapping."""
    lexicon = english_lexicon()
    known = [_known(text, m.start, m.end, m.actor, lexicon) for m in gazetteer.scan(text)]
    taken = Occupancy(known)
    found = list(known)
    found += taken.keep(_known(text, m.start, m.end, m.actor, lexicon)
                        for m in gazetteer.scan_short_forms(text, first_seen(known)))
    found += taken.keep(_spacy_mentions(text, parsed, gazetteer, lexicon))
    found += taken.keep(_role_mentions(text, lexicon))
    found += list(_lone_surnames(text, found, taken, lexicon))
    table = token_table(parsed)
    modifiers = frozenset(at for at, dep in zip(table.idx, table.dep, strict=True)
                          if dep in MODIFIER_DEPS)
    found = [_government_for_capital(text, m, gazetteer, lexicon, modifiers) for m in found]
    return sorted(found, key=lambda m: m.start)


def _lone_surnames(
    text: str, found: list[NameMention], taken: Occupancy, lex: EntityLexicon
) -> Iterator[NameMention]:
    """"Hiroko Tanabe ... Tanabe said": the lone last word of an unknown two- or three-word
    name, later in the text, is the same person (spaCy may have typed the full name ORG)."""
    for mention in [m for m in found if m.actor is None and m.role is None]:
        words = mention.text.split()
        if not 2 <= len(words) <= 3 or any(w in lex.organisation_words for w in words):
            continue
        if not all(w[:1].isupper() and w.isalpha() for w in words):
            continue
        lone = [m for m in re.finditer(rf"(?<![\w-]){re.escape(words[-1])}(?![\w-])", text)
                if m.start() > mention.end and taken.free(m.start(), m.end())]
        for match in lone:
            taken.add(NameMention(match.start(), match.end(), match.group(0), "PERSON"))
            yield NameMention(match.start(), match.end(), match.group(0), "PERSON")
        if lone and mention.type != "PERSON":
            found[found.index(mention)] = replace(mention, type="PERSON")


def _known(text: str, start: int, end: int, actor: KnownActor, lex: EntityLexicon) -> NameMention:
    title = _title_before(text, start, lex) if actor.type == "PERSON" else None
    return NameMention(start, end, text[start:end], actor.type, actor, title)


def _government_for_capital(
    text: str, mention: NameMention, gazetteer: Gazetteer, lex: EntityLexicon,
    modifiers: frozenset[int],
) -> NameMention:
    """"Beijing said" is China; "in Beijing", "a Tokyo think tank" and a dateline are
    the city."""
    actor = mention.actor
    if actor is None or not actor.stands_for or mention.start in modifiers:
        return mention
    words_before = text[max(0, mention.start - 20):mention.start].split()
    if words_before and words_before[-1].lower() in lex.place_prepositions:
        return mention
    if _dateline(text, mention.start):
        return mention
    government = gazetteer.by_name(actor.stands_for)
    return replace(mention, actor=government, type=government.type) if government else mention


def _dateline(text: str, start: int) -> bool:
    """A place in capitals at the start of a line: "BUSAN, South Korea, Oct. 30 –"."""
    line_start = text.rfind("\n", 0, start) + 1
    return start == line_start and text[start:start + 3].isupper()


def _title_before(text: str, start: int, lex: EntityLexicon) -> str | None:
    match = lex.title_before.search(text[max(0, start - 60):start])
    return match.group(1) if match else None


def _spacy_mentions(
    text: str, parsed: Any, gazetteer: Gazetteer, lex: EntityLexicon
) -> Iterator[NameMention]:
    for ent in parsed.ents:
        if ent.label_ == "NORP":
            yield from _demonym_government(text, ent, gazetteer, lex)
            continue
        kind = lex.labels.get(ent.label_)
        if kind is None:
            continue
        span = _trim(text, ent.start_char, ent.end_char, lex)
        if span is None:
            continue
        start, end = span
        actor = gazetteer.lookup(text[start:end])
        if actor is not None:
            yield _known(text, start, end, actor, lex)
        elif _plausible_name(text[start:end], lex) and not _label_or_title(text, start, end, lex) \
                and not _not_a_name(text, ent, end, kind):
            title = _title_before(text, start, lex) if kind == "PERSON" else None
            yield NameMention(start, end, text[start:end], kind, None, title)


def _not_a_name(text: str, ent: Any, end: int, kind: str) -> bool:
    """A product line before its model number ("DGX B200"); a headline's verb caught in
    a person's name ("Order Implementing"); a given name in brackets before the surname
    it belongs to ("President (Donald) Trump")."""
    if _MODEL_NUMBER.match(text[end:end + 12]):
        return True
    if kind == "PERSON" and any(t.tag_ == "VBG" for t in ent):
        return True
    before, after = text[max(0, ent.start_char - 1):ent.start_char], text[end:end + 3]
    return kind == "PERSON" and before == "(" and re.match(r"\)\s+[A-Z]", after) is not None


def _demonym_government(
    text: str, ent: Any, gazetteer: Gazetteer, lex: EntityLexicon
) -> Iterator[NameMention]:
    country = gazetteer.by_demonym(ent.text)
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if country is None or following is None or following.lower_ not in lex.demonym_heads:
        return
    end = following.idx + len(following.text)
    yield NameMention(ent.start_char, end, text[ent.start_char:end], country.type, country)


@cache
def _leading_words(titles: tuple[str, ...]) -> re.Pattern[str]:
    """Leading 'the's and titles, in one match: a title (tried longest first) and the one
    space after it go only when something follows them."""
    title_alt = "|".join(re.escape(t) for t in titles)
    return re.compile(rf"^(?:(?:the|The)\s+|(?:{title_alt}) (?=[\s\S]))+")


def _trim(text: str, start: int, end: int, lex: EntityLexicon) -> tuple[int, int] | None:
    """Drop a leading 'the', leading titles and a trailing possessive from an entity span."""
    lead = _leading_words(lex.titles).match(text[start:end])
    if lead:
        start += lead.end()
    possessive = _POSSESSIVE.search(text[start:end])
    if possessive and possessive.start() > 0:
        end = start + possessive.start()
    while end > start and text[end - 1] in " ,.;:-–—\"“”'’()":
        if text[end - 1] == "." and _ends_with_abbreviation(text[start:end]):
            break
        end -= 1
    return (start, end) if end > start else None


def _ends_with_abbreviation(piece: str) -> bool:
    return bool(re.search(r"(?:\b[A-Z]\.|Corp\.|Inc\.|Co\.|Ltd\.|Jr\.|Sr\.)$", piece))


def _plausible_name(name: str, lex: EntityLexicon) -> bool:
    return (len(name) > 1 and bool(_HAS_UPPER.search(name)) and name not in lex.not_entities
            and "\n" not in name and not name.isdigit()
            and name.split()[-1] not in lex.instrument_heads
            and " ".join(name.split()[1:]) not in lex.not_entities)


def _label_or_title(text: str, start: int, end: int, lex: EntityLexicon) -> bool:
    """A name alone on its line is a section label or a byline ("ANALYSIS"); a name
    followed by a title is part of that title ("Commerce Secretary")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    if line.strip(" .:-–—|") == text[start:end]:
        return True
    after = re.sub(r"\s+", " ", text[end:end + 40])  # a title may run onto the next line
    if any(after.startswith(" " + t + " ") for t in lex.titles if t[:1].isupper()):
        return True
    through = re.sub(r"\s+", " ", text[max(0, start - 30):end])
    return any(through.endswith(" " + t) or through == t for t in lex.titles if " " in t)


def _role_mentions(text: str, lex: EntityLexicon) -> Iterator[NameMention]:
    for match in lex.role_pattern.finditer(text):
        role = lex.roles[match.group(0).lower()]
        yield NameMention(match.start(), match.end(), match.group(0), "PERSON", None, role=role)
