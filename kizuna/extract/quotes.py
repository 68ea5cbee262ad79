"""Direct speech in quotation marks, and the entity that said it.

Quotes are found in the raw text: “…”, "…", and 「…」 『…』 for Japanese. A quote is kept
when it holds four words or more and is not a title (for Japanese: eight characters or
more, some of them hiragana, as names and terms in 「」 have none);
`Quote.span` covers the text inside the marks. A line wrapped mid-sentence (copy filed
with hard line breaks: a word, comma or closing mark, a newline, a lower-case word) joins
its lines, so a quote, a sentence and a paragraph go on over it. A quote split by its attribution
(“We will…,” she said, “and we…”) is two quotes.

The speaker is looked for in the quote's frame: the rest of its sentence outside the
marks, cut at the kept quotes before and after it. First hit wins:

1. the parse: up from the quote to the first reporting or characterising verb ("said",
   "called") whose subject names an entity;
2. a reporting verb anywhere in the frame ("the company said", "saying", "according
   to X"); a subjectless "saying" borrows the subject of the verb it hangs from;
3. the subject of the nearest verb above the quote that has a named subject
   (Trump signed an order to “…”);
4. parse-free patterns: “…,” X said / “…,” said X / X said: “…” / X: “…”;
5. a quote opening its sentence after an attributed quote of the same paragraph, or
   opening its paragraph after one in the paragraph before: the same speaker;
6. the nearest person named in the frame; else no speaker.

A subject pronoun ("he", "she") is the person last named as a main subject (else last
named at all); a common noun ("the ministry", "the company") the organisation it stands
for. Entities named inside any quote are never speakers, and a one-word name that is the
surname of a person in the article ("Son", "Kurata") stands for that person.

A Japanese quote followed by the quotative と and a reporting verb (「…」と述べた,
「…」と記者団に語った; lang/ja/quotes.toml) is first attributed without the parse: to a
name marked with は, も or が between と and the verb (「…」と首相は語った); else to the
topic or subject named before the quote in its sentence, past titles (石破茂首相は,
トランプ米大統領は), the nearest topic (は, も) before a nearer subject (が), which is
often an inner clause's, unless the quote is embedded (と述べたことを: the nearest);
else to the topic of the sentences before, as Japanese drops a repeated subject. A
quote standing before its attribution (「…」。首相は記者団にこう語った) is the topic's named
before the demonstrative that takes the reporting verb. Words given as someone's message or view
(「…」との首相のメッセージ, 「…」という社長の考え) are that person's, whoever passes them on. A role
noun (首相) is a mention already; 同氏 is the person last named, 同社 the company.
Failing that, the rules above apply.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from kizuna.extract.events import token_entities
from kizuna.extract.ja_mentions import japanese_lexicon
from kizuna.lang import load
from kizuna.model import Quote, Span
from kizuna.resolve.entities import ResolvedEntities

PAIRS = (("“", "”"), ('"', '"'), ("「", "」"), ("『", "』"))
CJK_MARKS = frozenset("「『")
MIN_WORDS = 4
MIN_CJK_CHARS = 8
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj"})
BORROWS_SUBJECT = frozenset({"advcl", "xcomp", "conj", "acl", "pcomp", "ccomp"})
VERB_TAGS = frozenset({"VERB", "AUX"})
CLIMB_LIMIT = 8
PRONOUN_SENTENCES = 4
NOUN_LOOKBACK = 400  # tokens searched back for an earlier "the company" naming its entity

_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
_HIRAGANA = re.compile(r"[\u3041-\u309f]")
_SENTENCE_END = re.compile(r"[.!?][”\"’)\]]*\s+(?=[“\"‘(\[]?[A-Z0-9])|[。！？][」』]*")
_LEAD = re.compile(r"[\s,;—–-]*")


@dataclass(frozen=True)
class _Marked:
    """A stretch in quotation marks: the marks and the text inside them."""

    open: int  # offset of the opening mark
    start: int  # inside text, surrounding whitespace trimmed
    end: int
    close: int  # just after the closing mark


@dataclass(frozen=True)
class _Frame:
    """The rest of a quote's sentence: text[left:quote.open] and text[quote.close:right]."""

    left: int
    right: int


@dataclass(frozen=True)
class _Lexicon:
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
def _lexicon() -> _Lexicon:
    data = load("en", "quotes")
    speech, titles = data["speech"], data["titles"]
    reporting = sorted(speech["reporting"], key=len, reverse=True)
    return _Lexicon(
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


def find_quotes(text: str, parsed: Any, entities: ResolvedEntities) -> list[Quote]:
    """Every kept quote in `text`, in order, with its speaker's entity id when found.

    `parsed` is the spaCy `Doc` of `text`, or None (Japanese): only the parse-free
    rules then apply.
    """
    lex = _lexicon()
    quoted = _quoted(text)
    kept = [m for m in quoted if _keep(text, m, lex)]
    art = _Article(text, parsed, entities, quoted, lex)
    quotes: list[Quote] = []
    last: tuple[_Marked, str | None] | None = None
    for index, marked in enumerate(kept):
        frame = _frame(art, kept, index)
        japanese = _japanese_speaker(art, marked) if _is_japanese(text, marked) else None
        speaker = (japanese or _speaker(art, marked, frame)
                   or _continued(art, marked, frame, last) or _person_in_frame(art, marked, frame))
        span = Span.of(text, marked.start, marked.end)
        quotes.append(Quote(id=f"q{index + 1}", text=span.text, span=span, speaker=speaker))
        last = (marked, speaker)
    return quotes


# --- finding quotes ---------------------------------------------------------------------


def _quoted(text: str) -> list[_Marked]:
    """Every stretch in quotation marks within one paragraph, outermost only, in order."""
    found = []
    for opening, closing in PAIRS:
        o, c = re.escape(opening), re.escape(closing)
        # a line wrapped mid-sentence ("…for Japan\nand the USA!”") stays in the quote
        inner = rf"[^{o}{c}\n]*(?:{_WRAP}[^{o}{c}\n]+)*"
        for match in re.finditer(rf"{o}({inner}){c}", text):
            found.append(_marked(text, match))
    found.sort(key=lambda m: (m.open, -m.close))
    outer: list[_Marked] = []
    for marked in found:
        if not outer or marked.open >= outer[-1].close:
            outer.append(marked)
    return outer


# A newline that wraps a line mid-sentence, as copy filed with hard line breaks has it:
# after a word or a comma (not after a full stop, colon or closing mark), before a word.
_WRAP = r"(?<=[\w,])\n(?=[\w(])"


def _marked(text: str, match: re.Match[str]) -> _Marked:
    start, end = match.start(1), match.end(1)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _Marked(match.start(), start, end, match.end())


def _keep(text: str, marked: _Marked, lex: _Lexicon) -> bool:
    inner = text[marked.start:marked.end]
    if _is_japanese(text, marked):  # a name or term in 「」 has no hiragana: not speech
        return len(re.findall(r"\w", inner)) >= MIN_CJK_CHARS and bool(_HIRAGANA.search(inner))
    return len(_WORD.findall(inner)) >= MIN_WORDS and not _is_title(text, marked, lex)


def _is_japanese(text: str, marked: _Marked) -> bool:
    inner = text[marked.start:marked.end]
    return text[marked.open] in CJK_MARKS or len(_CJK.findall(inner)) > len(_LATIN.findall(inner))


def _is_title(text: str, marked: _Marked, lex: _Lexicon) -> bool:
    before = text[max(0, marked.open - 40):marked.open].split()
    if before and before[-1].lower().strip(",:") in lex.title_cues:
        return True
    words = [w for w in _WORD.findall(text[marked.start:marked.end]) if w[0].isalpha()]
    content = [w for w in words if w.lower() not in lex.small_words]
    return len(content) >= 2 and all(w[0].isupper() for w in content)


# --- the article as read for attribution -------------------------------------------------


class _Article:
    """One article's text, parse, entities and quotation marks, indexed for look-ups."""

    def __init__(self, text: str, parsed: Any, entities: ResolvedEntities,
                 quoted: list[_Marked], lex: _Lexicon):
        self.text, self.parsed, self.lex = text, parsed, lex
        self.entities = {e.id: e for e in entities.entities}
        self.titles = entities.titles
        self._opens = [m.open for m in quoted]
        self._closes = [m.close for m in quoted]
        self.surnames = _surnames(entities)
        self.mentions = sorted(
            (m.start, m.end, self.as_person(e.id))
            for e in entities.entities for m in e.mentions if not self.inside_quote(m.start))
        self.mention_at = {start: (end, eid) for start, end, eid in self.mentions}
        self.boundaries = _boundaries(text, quoted, lex)
        self.paragraphs = [m.start() for m in re.finditer(r"^[ \t]*\S", text, re.MULTILINE)
                           if m.start() == 0 or not _wrapped(text, m.start() - 1)]
        self.token_entity = token_entities(parsed, entities) if parsed is not None else {}
        self.token_starts = [t.idx for t in parsed] if parsed is not None else []
        self.sentences = list(parsed.sents) if parsed is not None else []

    def inside_quote(self, offset: int) -> bool:
        i = bisect.bisect_right(self._opens, offset) - 1
        return i >= 0 and offset < self._closes[i]

    def type(self, entity_id: str) -> str:
        return self.entities[entity_id].type

    def as_person(self, entity_id: str) -> str:
        """A one-word non-person entity that is a person's surname ("Kurata") is the person."""
        entity = self.entities[entity_id]
        if entity.type != "PERSON" and " " not in entity.name:
            return self.surnames.get(entity.name, entity_id)
        return entity_id

    def token_entity_id(self, token: Any) -> str | None:
        if self.inside_quote(token.idx):
            return None
        entity_id = self.token_entity.get(token.i)
        if entity_id is not None:
            return self.as_person(entity_id)
        return self.surnames.get(token.text) if token.pos_ == "PROPN" else None

    def tokens(self, lo: int, hi: int) -> list[Any]:
        """Parsed tokens starting in text[lo:hi], outside quotation marks."""
        if self.parsed is None:
            return []
        i = bisect.bisect_left(self.token_starts, lo)
        out = []
        while i < len(self.token_starts) and self.token_starts[i] < hi:
            if not self.inside_quote(self.token_starts[i]):
                out.append(self.parsed[i])
            i += 1
        return out

    def paragraph(self, offset: int) -> int:
        """Index of the non-blank paragraph (line) holding `offset`."""
        return bisect.bisect_right(self.paragraphs, offset) - 1

    def paragraph_start(self, offset: int) -> int:
        i = self.paragraph(offset)
        return self.paragraphs[i] if i >= 0 else 0


def _surnames(entities: ResolvedEntities) -> dict[str, str]:
    """Last word of each person's names -> the person, when only one person has it."""
    owners: dict[str, set[str]] = {}
    for entity in entities.entities:
        if entity.type != "PERSON":
            continue
        for name in (entity.name, *entity.aliases):
            words = name.split()
            if words and words[-1][:1].isupper():
                owners.setdefault(words[-1], set()).add(entity.id)
    return {word: next(iter(ids)) for word, ids in owners.items() if len(ids) == 1}


def _boundaries(text: str, quoted: list[_Marked], lex: _Lexicon) -> list[int]:
    """Offsets where a sentence starts; full stops inside quotation marks do not count."""
    masked = _masked(text, quoted)
    cuts = {0, len(text)}
    cuts.update(m.end() for m in re.finditer(r"\n", text) if not _wrapped(text, m.start()))
    for match in _SENTENCE_END.finditer(masked):
        if not _abbreviation(masked, match.start(), lex):
            cuts.add(match.end())
    return sorted(cuts)


def _wrapped(text: str, newline: int) -> bool:
    """A newline wrapping a sentence onto the next line: a word, a comma or a closing
    quotation mark before it and a lower-case word after it (“…,”\nthe minister said);
    a capital may start a new paragraph after a headline."""
    before, after = text[newline - 1:newline], text[newline + 1:newline + 2]
    return (before.isalnum() or before in ",”’\"") and after.islower()


def _masked(text: str, quoted: list[_Marked]) -> str:
    """The text with quoted words blanked out; a quote ending in a full stop keeps it."""
    chars = list(text)
    for marked in quoted:
        for i in range(marked.start, marked.end):
            chars[i] = "x"
        if marked.end > marked.start and text[marked.end - 1] == ".":
            chars[marked.end - 1] = "."
    return "".join(chars)


def _abbreviation(masked: str, stop: int, lex: _Lexicon) -> bool:
    if masked[stop] != ".":
        return False
    before = masked[max(0, stop - 20):stop].split()
    word = before[-1].lstrip("“\"‘(") if before else ""
    return (word.lower() in lex.abbreviations or "." in word
            or (len(word) == 1 and word.isupper()))


def _frame(art: _Article, kept: list[_Marked], index: int) -> _Frame:
    marked, cuts = kept[index], art.boundaries
    left = cuts[bisect.bisect_right(cuts, marked.open) - 1]
    right = cuts[min(bisect.bisect_right(cuts, marked.close), len(cuts) - 1)]
    if index > 0 and kept[index - 1].close > left:
        left = kept[index - 1].close
    if index + 1 < len(kept) and kept[index + 1].open < right:
        right = kept[index + 1].open
    return _Frame(left, right)


# --- who said it --------------------------------------------------------------------------


def _speaker(art: _Article, marked: _Marked, frame: _Frame) -> str | None:
    climbed, final = _by_climbing(art, marked, frame)
    if final:
        return climbed
    return _by_reporting_verb(art, marked, frame) or climbed or _by_pattern(art, marked, frame)


def _by_climbing(art: _Article, marked: _Marked, frame: _Frame) -> tuple[str | None, bool]:
    """Up from the quote: a speech verb's named subject (final), else the first named one."""
    candidate = None
    for head in _quote_heads(art, marked):
        node = head
        for _ in range(CLIMB_LIMIT):
            if not frame.left <= node.idx < frame.right or art.inside_quote(node.idx):
                break
            speech = node.lower_ in art.lex.reporting or node.lower_ in art.lex.characterizing
            found = _subject_of(art, node, generic=speech)
            if found and speech:
                return found, True
            candidate = candidate or found
            if node.head.i == node.i:
                break
            node = node.head
    return candidate, False


def _quote_heads(art: _Article, marked: _Marked) -> list[Any]:
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


def _by_reporting_verb(art: _Article, marked: _Marked, frame: _Frame) -> str | None:
    """A reporting verb after the quote, else before it, nearest first."""
    after = art.tokens(marked.close, frame.right)
    before = art.tokens(frame.left, marked.open)[::-1]
    for token in after + before:
        if token.lower_ in art.lex.according:
            found = _according_to(art, token)
        elif token.lower_ in art.lex.reporting and token.pos_ in VERB_TAGS:
            found = _clause_subject(art, token)
        else:
            continue
        if found:
            return found
    return None


def _clause_subject(art: _Article, verb: Any) -> str | None:
    """The verb's subject, or that of the verb a subjectless "saying" hangs from."""
    node = verb
    for _ in range(3):
        if any(c.dep_ in SUBJECTS for c in node.children):
            return _subject_of(art, node, generic=True)
        if node.dep_ not in BORROWS_SUBJECT or node.head.i == node.i:
            return None
        node = node.head
    return None


def _according_to(art: _Article, token: Any) -> str | None:
    for prep in token.children:
        for obj in prep.children:
            if prep.lower_ == "to" and obj.dep_ == "pobj":
                return _named_in(art, obj) or _generic(art, obj)
    return None


def _subject_of(art: _Article, verb: Any, generic: bool) -> str | None:
    if verb.pos_ not in VERB_TAGS:
        return None
    for child in verb.children:
        if child.dep_ in SUBJECTS and not art.inside_quote(child.idx):
            return _subject_entity(art, child, generic)
    return None


def _subject_entity(art: _Article, subject: Any, generic: bool) -> str | None:
    if subject.lower_ in art.lex.pronouns:
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


def _named_in(art: _Article, token: Any, kind: str | None = None) -> str | None:
    """The entity the phrase names, a person first, else the first named."""
    found = sorted((t.idx, eid) for t in _phrase(token)
                   if (eid := art.token_entity_id(t)) is not None)
    if kind is not None:
        found = [(i, eid) for i, eid in found if art.type(eid) == kind]
    people = [eid for _, eid in found if art.type(eid) == "PERSON"]
    if people:
        return people[0]
    return found[0][1] if found else None


# --- pronouns and common nouns ----------------------------------------------------------


def _person_before(art: _Article, offset: int) -> str | None:
    """The person a subject pronoun at `offset` stands for."""
    found = _subject_person_before(art, offset)
    if found:
        return found
    people = [eid for start, _, eid in art.mentions
              if start < offset and art.type(eid) == "PERSON"]
    return people[-1] if people else None


def _subject_person_before(art: _Article, offset: int) -> str | None:
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


def _main_subject(art: _Article, token: Any) -> bool:
    if token.dep_ not in SUBJECTS or token.lower_ in art.lex.pronouns:
        return False
    if art.inside_quote(token.idx):
        return False
    head = token.head
    return head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")


def _generic(art: _Article, noun: Any) -> str | None:
    """The organisation a common noun ("the semiconductor association") stands for."""
    types = art.lex.generic.get(noun.lower_) or art.lex.generic.get(noun.lemma_.lower())
    if not types:
        return None
    before = [(start, eid) for start, _, eid in art.mentions
              if start < noun.idx and art.type(eid) in types]
    return (_named_like(art, noun, before) or _same_noun_before(art, noun, types)
            or _nearby(art, noun.idx, before))


def _named_like(art: _Article, noun: Any, before: list[tuple[int, str]]) -> str | None:
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


def _same_noun_before(art: _Article, noun: Any, types: tuple[str, ...]) -> str | None:
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


def _nearby(art: _Article, offset: int, before: list[tuple[int, str]]) -> str | None:
    """The last entity of the types named in this paragraph or the one before."""
    here = art.paragraph(offset)
    near = [eid for start, eid in before if here - art.paragraph(start) <= 1]
    return near[-1] if near else None


# --- parse-free patterns, continuation, fallback ------------------------------------------


def _by_pattern(art: _Article, marked: _Marked, frame: _Frame) -> str | None:
    return _pattern_after(art, marked, frame) or _pattern_before(art, marked, frame)


def _pattern_after(art: _Article, marked: _Marked, frame: _Frame) -> str | None:
    """“…,” said X / “…,” X said / “…,” he said."""
    text, verbs = art.text, art.lex.verb_pattern
    lead = _LEAD.match(text, marked.close, frame.right).end()
    after = text[lead:frame.right]
    said = re.match(rf"(?:{verbs})\s+", after, re.IGNORECASE)
    if said and lead + said.end() in art.mention_at:
        return art.mention_at[lead + said.end()][1]
    if lead in art.mention_at:
        end, entity_id = art.mention_at[lead]
        if re.match(rf"\s+(?:{verbs})\b", text[end:frame.right], re.IGNORECASE):
            return entity_id
    pronoun = re.match(rf"(\w+)\s+(?:{verbs})\b", after, re.IGNORECASE)
    if pronoun and pronoun.group(1).lower() in art.lex.pronouns:
        return _person_before(art, lead)
    return None


def _pattern_before(art: _Article, marked: _Marked, frame: _Frame) -> str | None:
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
    if re.fullmatch(rf"\s*(?:(?:{art.lex.verb_pattern})\b[^.!?]*)?", between, re.IGNORECASE):
        return entity_id
    return None


def _continued(art: _Article, marked: _Marked, frame: _Frame,
               last: tuple[_Marked, str | None] | None) -> str | None:
    """A quote opening its sentence right after an attributed one: the same speaker."""
    if last is None or last[1] is None or _WORD.search(art.text[frame.left:marked.open]):
        return None
    previous, speaker = last
    here, there = art.paragraph(marked.open), art.paragraph(previous.open)
    if here == there:
        return speaker
    opens_paragraph = not art.text[art.paragraph_start(marked.open):marked.open].strip()
    return speaker if here == there + 1 and opens_paragraph else None


def _person_in_frame(art: _Article, marked: _Marked, frame: _Frame) -> str | None:
    """The person named nearest the quote in its own sentence."""
    people = [(min(abs(marked.open - end), abs(start - marked.close)), eid)
              for start, end, eid in art.mentions
              if art.type(eid) == "PERSON"
              and (frame.left <= start < marked.open or marked.close <= start < frame.right)]
    return min(people)[1] if people else None


# --- Japanese: 「…」と述べた and the sentence's topic ----------------------------------------

SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE"})
_BRACKETED = re.compile(r"[（(][^）)\n]{0,12}[）)]")  # an age or a note after a name: （64）
_KANJI = re.compile(r"[\u3400-\u9fff]")
_KANA_RUN = re.compile(r"[\u3041-\u309f]{0,8}")  # the verb's endings: たことを, していると


@dataclass(frozen=True)
class _JapaneseLexicon:
    quotatives: tuple[str, ...]
    reporting: tuple[str, ...]
    quotative_verbs: tuple[str, ...]
    demonstratives: tuple[str, ...]
    attributive: tuple[str, ...]
    attributive_window: int
    window: int
    embedded: tuple[str, ...]
    topic: frozenset[str]
    subject: frozenset[str]
    sentences_back: int
    titles: tuple[str, ...]  # longest first
    abbreviations: frozenset[str]
    same_person: tuple[str, ...]
    same_organisation: tuple[str, ...]


@dataclass(frozen=True)
class _Topic:
    """A name marked as topic (は, も) or subject (が) of its sentence."""

    start: int
    entity_id: str
    is_topic: bool  # は or も, not が


@cache
def _japanese_lexicon() -> _JapaneseLexicon:
    data, names = load("ja", "quotes"), japanese_lexicon()
    speech, speaker = data["speech"], data["speaker"]
    references = load("ja", "entities")["references"]
    return _JapaneseLexicon(
        quotatives=tuple(sorted(speech["quotatives"], key=len, reverse=True)),
        reporting=tuple(speech["reporting"]),
        quotative_verbs=tuple(speech["quotative_verbs"]),
        demonstratives=tuple(speech["demonstratives"]),
        attributive=tuple(speech["attributive"]),
        attributive_window=speech["attributive_window"],
        window=speech["window"], embedded=tuple(speech["embedded"]),
        topic=frozenset(speaker["topic"]), subject=frozenset(speaker["subject"]),
        sentences_back=speaker["sentences_back"],
        titles=names.titles, abbreviations=frozenset(names.abbreviations),
        same_person=tuple(references["same_person"]),
        same_organisation=tuple(references["same_organisation"]),
    )


def _japanese_speaker(art: _Article, marked: _Marked) -> str | None:
    """「…」と + a reporting verb: the topic or subject named before the quote in its
    sentence (石破茂首相は「…」と述べた), one between the particle and the verb
    (「…」と首相は語った), else the topic of the sentences before (a dropped subject)."""
    lex = _japanese_lexicon()
    owner = _message_of(art, marked, lex)
    if owner is not None:
        return owner
    verb = _reporting_verb(art.text, marked, lex)
    if verb is None:
        return _told_after(art, marked, lex)
    verb_start, verb_end = verb
    between = _topics(art, marked.close, verb_start, lex)
    if between:
        return between[0].entity_id
    cuts = art.boundaries
    sentence = bisect.bisect_right(cuts, marked.open) - 1
    before = _topics(art, cuts[sentence], marked.open, lex)
    if before:
        ending = _KANA_RUN.match(art.text, verb_end).group()  # たことを, していること
        embedded = any(word in ending for word in lex.embedded)
        return before[-1].entity_id if embedded else _main(before, nearest=True)
    for k in _sentences_before(art, sentence, lex.sentences_back):
        found = _topics(art, cuts[k], cuts[k + 1], lex)
        if found:
            return _main(found, nearest=False)
    return None


def _message_of(art: _Article, marked: _Marked, lex: _JapaneseLexicon) -> str | None:
    """「…」を目指すとの石破茂首相のメッセージ: the words are the message or view of the
    one named right after との, whose name (and title) takes の."""
    window = re.split(r"[。「『\n]", art.text[marked.close:marked.close + lex.attributive_window],
                      maxsplit=1)[0]
    for word in lex.attributive:
        at = window.find(word)
        if at < 0:
            continue
        named = art.mention_at.get(marked.close + at + len(word))
        if named is None or art.type(named[1]) not in SPEAKER_TYPES:
            continue
        _, end = _particle_after(art.text, named[0], len(art.text), lex)
        if art.text[end:end + 1] == "の":
            return named[1]
    return None


def _told_after(art: _Article, marked: _Marked, lex: _JapaneseLexicon) -> str | None:
    """「…」。首相は記者団にこう語った: the topic named before a demonstrative that takes
    a reporting verb, in the words after the quote up to the end of the next sentence."""
    start = marked.close + len(re.match(r"[」』。]*", art.text[marked.close:]).group())
    stretch = re.split(r"[。「『\n]", art.text[start:start + 120], maxsplit=1)[0]
    for word in lex.demonstratives:
        at = stretch.find(word)
        if at < 0:
            continue
        after = stretch[at + len(word):at + len(word) + 12]
        if not any(after.startswith(stem) for stem in lex.reporting):
            continue
        found = _topics(art, start, start + at, lex)
        return _main(found, nearest=True) if found else None
    return None


def _reporting_verb(text: str, marked: _Marked, lex: _JapaneseLexicon) -> tuple[int, int] | None:
    """Where the reporting verb after the quote starts and ends, if there is one."""
    position = marked.close
    quotative = next((q for q in lex.quotatives if text.startswith(q, position)), None)
    if quotative is None:  # 「…」求めた: the verb right after the closing mark
        stem = next((s for s in lex.reporting if text.startswith(s, position)), None)
        return (position, position + len(stem)) if stem else None
    position += len(quotative)
    done = next((v for v in lex.quotative_verbs if text.startswith(v, position)), None)
    if done:  # 「…」とした
        return position, position + len(done)
    window = re.split(r"[。「『\n]", text[position:position + lex.window], maxsplit=1)[0]
    hits = [(i, i + len(stem)) for stem in lex.reporting if (i := window.find(stem)) >= 0]
    if not hits:
        return None
    start, end = min(hits)
    return position + start, position + end


def _main(topics: list[_Topic], nearest: bool) -> str:
    """The topic (は, も) of a sentence before its subjects (が); the one nearest the
    quote, or the first of a sentence before."""
    marked = [t for t in topics if t.is_topic] or topics
    return (marked[-1] if nearest else marked[0]).entity_id


def _sentences_before(art: _Article, sentence: int, count: int) -> list[int]:
    """Indexes of the up to `count` non-blank sentences before sentence `sentence`."""
    out, cuts = [], art.boundaries
    for k in range(sentence - 1, -1, -1):
        if len(out) == count:
            break
        if art.text[cuts[k]:cuts[k + 1]].strip():
            out.append(k)
    return out


def _topics(art: _Article, lo: int, hi: int, lex: _JapaneseLexicon) -> list[_Topic]:
    """Names in text[lo:hi], outside quotation marks, marked as topic or subject: a
    mention (石破茂首相は, トランプ米大統領は, 首相は) or a word that refers back (同氏は)."""
    found, covered = [], lo  # 米 in トランプ米大統領は is part of Trump's title
    for start, end, entity_id in art.mentions:
        if covered <= start < hi and art.type(entity_id) in SPEAKER_TYPES:
            particle, covered = _particle_after(art.text, end, hi, lex)
            if particle is not None:
                found.append(_Topic(start, entity_id, particle in lex.topic))
    for words, kind in ((lex.same_person, "PERSON"), (lex.same_organisation, "ORG")):
        for word in words:
            for match in re.finditer(re.escape(word), art.text[lo:hi]):
                start = lo + match.start()
                if art.inside_quote(start) or _KANJI.match(art.text[start - 1:start] or " "):
                    continue
                particle, _ = _particle_after(art.text, start + len(word), hi, lex)
                entity_id = _named_before(art, start, kind, word[1:])
                if particle is not None and entity_id is not None:
                    found.append(_Topic(start, entity_id, particle in lex.topic))
    return sorted(found, key=lambda t: t.start)


def _particle_after(text: str, end: int, hi: int,
                    lex: _JapaneseLexicon) -> tuple[str | None, int]:
    """The topic or subject particle after a name, past its titles (米大統領, 会長兼社長)
    and a bracketed note (（64））, None when the name is not so marked; and where the
    name's titles end."""
    position = end
    for _ in range(3):
        rest = text[position:hi]
        if rest[:1] in lex.abbreviations and any(rest.startswith(t, 1) for t in lex.titles):
            rest, position = rest[1:], position + 1
        title = next((t for t in lex.titles if rest.startswith(t)), None)
        if title is None:
            break
        position += len(title)
    bracketed = _BRACKETED.match(text, position, hi)
    if bracketed:
        position = bracketed.end()
    particle = text[position:position + 1]
    marked = position < hi and particle in lex.topic | lex.subject
    return (particle if marked else None), position


def _named_before(art: _Article, offset: int, kind: str, title: str) -> str | None:
    """The entity 同氏 (同首相, 同社) stands for: the last of its type named before
    `offset`, one holding the title first (同首相: the prime minister)."""
    named = [eid for start, _, eid in art.mentions if start < offset and art.type(eid) == kind]
    titled = [eid for eid in named if title in japanese_lexicon().roles
              and title in art.titles.get(eid, frozenset())]
    return (titled or named or [None])[-1]
