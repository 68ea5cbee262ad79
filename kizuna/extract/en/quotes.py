"""Who said an English quote: the parse, reporting verbs, and parse-free patterns."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from kizuna.extract.quotes import WORD, Frame, Marked, QuotedArticle
from kizuna.lang import load

MIN_WORDS = 4

SUBJECTS = frozenset({"nsubj", "nsubjpass"})

CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"})

BORROWS_SUBJECT = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp", "ccomp"})

VERB_TAGS = frozenset({"VERB", "AUX"})

CLIMB_LIMIT = 8

PRONOUN_SENTENCES = 4

NOUN_LOOKBACK = 400  # tokens searched back for an earlier "the company" naming its entity

_LEAD = re.compile(r"[\s,;—–-]*")


@dataclass(frozen=True)
class QuoteLexicon:
    reporting: frozenset[str]
    characterizing: frozenset[str]
    according: frozenset[str]
    pronouns: frozenset[str]
    title_cues: frozenset[str]
    small_words: frozenset[str]
    abbreviations: frozenset[str]
    generic: dict[str, tuple[str, ...]]
    verb_pattern: str


@cache
def quote_lexicon() -> QuoteLexicon:
    data = load("en", "quotes")
    speech, titles = data["speech"], data["titles"]
    reporting = sorted(speech["reporting"], key=len, reverse=True)
    return QuoteLexicon(
        reporting=frozenset(reporting),
        characterizing=frozenset(speech["characterizing"]),
        according=frozenset(speech["according"]),
        pronouns=frozenset(speech["pronouns"]),
        title_cues=frozenset(titles["cues"]),
        small_words=frozenset(titles["small_words"]),
        abbreviations=frozenset(data["sentences"]["abbreviations"]),
        generic={k: tuple(v) for k, v in data["generic_speakers"].items()},
        verb_pattern="|".join(re.escape(v) for v in reporting),
    )


def is_title(text: str, marked: Marked, lex: QuoteLexicon) -> bool:
    before = text[max(0, marked.open - 40):marked.open].split()
    if before and before[-1].lower().strip(",:") in lex.title_cues:
        return True
    words = [w for w in WORD.findall(text[marked.start:marked.end]) if w[0].isalpha()]
    content = [w for w in words if w.lower() not in lex.small_words]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


def parse_speaker(art: QuotedArticle, marked: Marked, frame: Frame) -> str | None:
    climbed, final = _by_climbing(art, marked, frame)
    if final:
        return climbed
    return _by_reporting_verb(art, marked, frame) or climbed or _by_pattern(art, marked, frame)


def _by_climbing(art: QuotedArticle, marked: Marked, frame: Frame) -> tuple[str | None, bool]:
    """Up from the quote: a speech verb's named subject (final), else the first named one."""
    candidate = None
    for head in _quote_heads(art, marked):
        node = head
        for _ in range(CLIMB_LIMIT):
            if not frame.left <= node.idx < frame.right or art.inside_quote(node.idx):
                break
            lex = quote_lexicon()
            speech = node.lower_ in lex.reporting or node.lower_ in lex.characterizing
            found = _subject_of(art, node, generic=speech)
            if found and speech:
                return found, True
            candidate = candidate or found
            if node.head.i == node.i:
                break
            node = node.head
    return candidate, False


def _quote_heads(art: QuotedArticle, marked: Marked) -> list[Any]:
    """Tokens outside the quote that tokens inside it hang from."""
    if art.parsed is None:
        return []
    heads: dict[int, Any] = {}
    i = bisect.bisect_left(art.token_starts, marked.start)
    while i < len(art.token_starts) and art.token_starts[i] < marked.end:
        head = art.parsed[i].head
        if not marked.open <= head.idx < marked.close:
            heads.setdefault(head.i, head)
        i += 1
    return list(heads.values())


def _by_reporting_verb(art: QuotedArticle, marked: Marked, frame: Frame) -> str | None:
    """A reporting verb after the quote, else before it, nearest first."""
    after = art.tokens(marked.close, frame.right)
    before = art.tokens(frame.left, marked.open)[::-1]
    for token in after + before:
        if token.lower_ in quote_lexicon().according:
            found = _according_to(art, token)
        elif token.lower_ in quote_lexicon().reporting and token.pos_ in VERB_TAGS:
            found = _clause_subject(art, token)
        else:
            continue
        if found:
            return found
    return None


def _clause_subject(art: QuotedArticle, verb: Any) -> str | None:
    """The verb's subject, or that of the verb a subjectless "saying" hangs from."""
    node = verb
    for _ in range(3):
        if any(c.dep_ in SUBJECTS for c in node.children):
            return _subject_of(art, node, generic=True)
        if node.dep_ not in BORROWS_SUBJECT or node.head.i == node.i:
            return None
        node = node.head
    return None


def _according_to(art: QuotedArticle, token: Any) -> str | None:
    for prep in token.children:
        for obj in prep.children:
            if prep.lower_ == "to" and obj.dep_ == "pobj":
                return _named_in(art, obj) or _generic(art, obj)
    return None


def _subject_of(art: QuotedArticle, verb: Any, generic: bool) -> str | None:
    if verb.pos_ not in VERB_TAGS:
        return None
    for child in verb.children:
        if child.dep_ in SUBJECTS and not art.inside_quote(child.idx):
            return _subject_entity(art, child, generic)
    return None


def _subject_entity(art: QuotedArticle, subject: Any, generic: bool) -> str | None:
    if subject.lower_ in quote_lexicon().pronouns:
        return _person_before(art, subject.idx)
    found = _named_in(art, subject)
    if found is None and generic:
        return _generic(art, subject)
    return found


def _phrase(token: Any) -> Iterator[Any]:
    """The token's noun phrase: its subtree without clauses of their own."""
    yield token
    for child in token.children:
        if child.dep_ not in CLAUSES:
            yield from _phrase(child)


def _named_in(art: QuotedArticle, token: Any, kind: str | None = None) -> str | None:
    """The entity the phrase names, a person first, else the first named."""
    found = sorted((t.idx, eid) for t in _phrase(token)
                   if (eid := art.token_entity_id(t)) is not None)
    if kind is not None:
        found = [(i, eid) for i, eid in found if art.type(eid) == kind]
    people = [eid for _, eid in found if art.type(eid) == "PERSON"]
    if people:
        return people[0]
    return found[0][1] if found else None


def _person_before(art: QuotedArticle, offset: int) -> str | None:
    """The person a subject pronoun at `offset` stands for."""
    found = _subject_person_before(art, offset)
    if found:
        return found
    people = [eid for start, _, eid in art.mentions
              if start < offset and art.type(eid) == "PERSON"]
    return people[-1] if people else None


def _subject_person_before(art: QuotedArticle, offset: int) -> str | None:
    """In the nearest sentence naming a person: its main subject, else the last one named."""
    starts = [s.start_char for s in art.sentences]
    k = bisect.bisect_right(starts, offset) - 1
    for sent in reversed(art.sentences[max(0, k - PRONOUN_SENTENCES):k + 1]):
        subjects = [t for t in sent if t.idx < offset and _main_subject(art, t)]
        for subject in reversed(subjects):
            found = _named_in(art, subject, "PERSON")
            if found:
                return found
        named = [eid for start, _, eid in art.mentions
                 if sent.start_char <= start < min(offset, sent.end_char)
                 and art.type(eid) == "PERSON"]
        if named:
            return named[-1]
    return None


def _main_subject(art: QuotedArticle, token: Any) -> bool:
    if token.dep_ not in SUBJECTS or token.lower_ in quote_lexicon().pronouns:
        return False
    if art.inside_quote(token.idx):
        return False
    head = token.head
    return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")


def _generic(art: QuotedArticle, noun: Any) -> str | None:
    """The organisation a common noun ("the semiconductor association") stands for."""
    generic = quote_lexicon().generic
    types = generic.get(noun.lower_) or generic.get(noun.lemma_.lower())
    if not types:
        return None
    before = [(start, eid) for start, _, eid in art.mentions
              if start < noun.idx and art.type(eid) in types]
    return (_named_like(art, noun, before) or _same_noun_before(art, noun, types)
            or _nearby(art, noun.idx, before))


def _named_like(art: QuotedArticle, noun: Any, before: list[tuple[int, str]]) -> str | None:
    """The nearest entity whose name holds the noun, most of its modifiers first."""
    words = {c.lower_ for c in noun.children if c.dep_ in {"compound", "amod"}}
    best: tuple[int, int, str] | None = None
    for start, eid in before:
        entity = art.entities[eid]
        name_words = {w.lower() for n in (entity.name, *entity.aliases) for w in n.split()}
        if noun.lower_ not in name_words and noun.lemma_.lower() not in name_words:
            continue
        score = (len(words & name_words), start, eid)
        if best is None or score[:2] > best[:2]:
            best = score
    return best[2] if best else None


def _same_noun_before(art: QuotedArticle, noun: Any, types: tuple[str, ...]) -> str | None:
    """An earlier phrase with the same head noun that names its entity."""
    for i in range(noun.i - 1, max(-1, noun.i - NOUN_LOOKBACK), -1):
        token = art.parsed[i]
        if token.lemma_.lower() != noun.lemma_.lower() or art.inside_quote(token.idx):
            continue
        found = _named_in(art, token) or (
            art.token_entity_id(token.head) if token.dep_ == "appos" else None)
        if found and art.type(found) in types:
            return found
    return None


def _nearby(art: QuotedArticle, offset: int, before: list[tuple[int, str]]) -> str | None:
    """The last entity of the types named in this paragraph or the one before."""
    here = art.paragraph(offset)
    near = [eid for start, eid in before if here - art.paragraph(start) <= 1]
    return near[-1] if near else None


def _by_pattern(art: QuotedArticle, marked: Marked, frame: Frame) -> str | None:
    return _pattern_after(art, marked, frame) or _pattern_before(art, marked, frame)


def _pattern_after(art: QuotedArticle, marked: Marked, frame: Frame) -> str | None:
    """“…,” said X / “…,” X said / “…,” he said."""
    text, verbs = art.text, quote_lexicon().verb_pattern
    leading = _LEAD.match(text, marked.close, frame.right)  # always matches
    lead = leading.end() if leading else marked.close
    after = text[lead:frame.right]
    said = re.match(rf"(?:{verbs})\s+", after, re.IGNORECASE)
    if said and lead + said.end() in art.mention_at:
        return art.mention_at[lead + said.end()][1]
    if lead in art.mention_at:
        end, entity_id = art.mention_at[lead]
        if re.match(rf"\s+(?:{verbs})\b", text[end:frame.right], re.IGNORECASE):
            return entity_id
    pronoun = re.match(rf"(\w+)\s+(?:{verbs})\b", after, re.IGNORECASE)
    if pronoun and pronoun.group(1).lower() in quote_lexicon().pronouns:
        return _person_before(art, lead)
    return None


def _pattern_before(art: QuotedArticle, marked: Marked, frame: Frame) -> str | None:
    """X said: “…” / X said in a statement: “…” / X: “…”."""
    text = art.text
    before = text[frame.left:marked.open].rstrip()
    if not before.endswith(":"):
        return None
    colon = frame.left + len(before) - 1
    named = [(start, end, eid) for start, end, eid in art.mentions if frame.left <= start < colon]
    if not named:
        return None
    _, end, entity_id = named[-1]
    between = text[end:colon]
    verbs = quote_lexicon().verb_pattern
    if re.fullmatch(rf"\s*(?:(?:{verbs})\b[^.!?]*)?", between, re.IGNORECASE):
        return entity_id
    return None


def claims(text: str, marked: Marked) -> bool:
    """The parse, reporting verbs and patterns read a quotation in any script."""
    return True


def keep(text: str, marked: Marked) -> bool:
    """Speech: four words or more, and no title ("the book “Tokyo Rising”")."""
    inner = text[marked.start:marked.end]
    return len(WORD.findall(inner)) >= MIN_WORDS and not is_title(text, marked, quote_lexicon())


def speaker(art: QuotedArticle, marked: Marked, frame: Frame) -> str | None:
    return parse_speaker(art, marked, frame)


def abbreviations() -> frozenset[str]:
    return quote_lexicon().abbreviations
