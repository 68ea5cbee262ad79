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

Each language's rules are in its folder: `en/quotes.py` (rules 1-4 above, and the
pronouns and common nouns), `ja/quotes.py` (「…」と述べた: tried first for a quotation in
Japanese script).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from kizuna.extract.doc_index import sentences, token_table
from kizuna.extract.events import token_entities
from kizuna.extract.languages import QuoteReader, quote_readers, sentence_abbreviations
from kizuna.model import Quote, Span
from kizuna.resolve.entities import ResolvedEntities

PAIRS = (("“", "”"), ('"', '"'), ("「", "」"), ("『", "』"))

WORD = re.compile(r"\w+(?:['’-]\w+)*")

_SENTENCE_END = re.compile(r"[.!?][”\"’)\]]*\s+(?=[“\"‘(\[]?[A-Z0-9])|[。！？][」』]*")

# A newline that wraps a line mid-sentence, as copy filed with hard line breaks has it:
# after a word or a comma (not after a full stop, colon or closing mark), before a word.
_WRAP = r"(?<=[\w,])\n(?=[\w(])"


@dataclass(frozen=True)
class Marked:
    """A stretch in quotation marks: the marks and the text inside them."""

    open: int  # offset of the opening mark
    start: int  # inside text, surrounding whitespace trimmed
    end: int
    close: int  # just after the closing mark


@dataclass(frozen=True)
class Frame:
    """The rest of a quote's sentence: text[left:quote.open] and text[quote.close:right]."""

    left: int
    right: int


def find_quotes(text: str, parsed: Any, entities: ResolvedEntities) -> list[Quote]:
    """Every kept quote in `text`, in order, with its speaker's entity id when found.

    `parsed` is the spaCy `Doc` of `text`, or None (Japanese): only the parse-free
    rules then apply. Each quotation is read by the languages whose rules claim it (a
    Japanese quotation in 「」 by the Japanese rules first), whatever the article's
    language, as quotations in another script are quoted in either.
    """
    readers = quote_readers()
    quoted = _quoted(text)
    kept = [m for m in quoted if _reader(readers, text, m).keep(text, m)]
    art = QuotedArticle(text, parsed, entities, quoted, sentence_abbreviations())
    quotes: list[Quote] = []
    last: tuple[Marked, str | None] | None = None
    for index, marked in enumerate(kept):
        frame = _frame(art, kept, index)
        speaker = (_claimed_speaker(readers, art, marked, frame)
                   or _continued(art, marked, frame, last) or _person_in_frame(art, marked, frame))
        span = Span.of(text, marked.start, marked.end)
        quotes.append(Quote(id=f"q{index + 1}", text=span.text, span=span, speaker=speaker))
        last = (marked, speaker)
    return quotes


def _reader(readers: tuple[QuoteReader, ...], text: str, marked: Marked) -> QuoteReader:
    """The first language whose rules claim the quotation decides whether it is speech."""
    return next(r for r in readers if r.claims(text, marked))


def _claimed_speaker(readers: tuple[QuoteReader, ...], art: QuotedArticle, marked: Marked,
                     frame: Frame) -> str | None:
    """The speaker the first claiming language's rules find, else the next one's."""
    for reader in readers:
        if reader.claims(art.text, marked):
            found = reader.speaker(art, marked, frame)
            if found:
                return found
    return None


def _quoted(text: str) -> list[Marked]:
    """Every stretch in quotation marks within one paragraph, outermost only, in order."""
    found = []
    for opening, closing in PAIRS:
        o, c = re.escape(opening), re.escape(closing)
        # a line wrapped mid-sentence ("…for Japan\nand the USA!”") stays in the quote
        inner = rf"[^{o}{c}\n]*(?:{_WRAP}[^{o}{c}\n]+)*"
        for match in re.finditer(rf"{o}({inner}){c}", text):
            found.append(_marked(text, match))
    found.sort(key=lambda m: (m.open, -m.close))
    outer: list[Marked] = []
    for marked in found:
        if not outer or marked.open >= outer[-1].close:
            outer.append(marked)
    return outer


def _marked(text: str, match: re.Match[str]) -> Marked:
    start, end = match.start(1), match.end(1)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Marked(match.start(), start, end, match.end())


class QuotedArticle:
    """One article's text, parse, entities and quotation marks, indexed for look-ups."""

    def __init__(self, text: str, parsed: Any, entities: ResolvedEntities,
                 quoted: list[Marked], abbreviations: frozenset[str]):
        self.text, self.parsed = text, parsed
        self.entities = {e.id: e for e in entities.entities}
        self.titles = entities.titles
        self._opens = [m.open for m in quoted]
        self._closes = [m.close for m in quoted]
        self.surnames = _surnames(entities)
        self.mentions = sorted(
            (m.start, m.end, self.as_person(e.id))
            for e in entities.entities for m in e.mentions if not self.inside_quote(m.start))
        self.mention_at = {start: (end, eid) for start, end, eid in self.mentions}
        self.boundaries = _boundaries(text, quoted, abbreviations)
        self.paragraphs = [m.start() for m in re.finditer(r"^[ \t]*\S", text, re.MULTILINE)
                           if m.start() == 0 or not _wrapped(text, m.start() - 1)]
        self.token_entity = token_entities(parsed, entities) if parsed is not None else {}
        self.token_starts = token_table(parsed).idx if parsed is not None else []
        self.sentences = sentences(parsed) if parsed is not None else []

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


def _boundaries(text: str, quoted: list[Marked], abbreviations: frozenset[str]) -> list[int]:
    """Offsets where a sentence starts; full stops inside quotation marks do not count."""
    masked = _masked(text, quoted)
    cuts = {0, len(text)}
    cuts.update(m.end() for m in re.finditer(r"\n", text) if not _wrapped(text, m.start()))
    for match in _SENTENCE_END.finditer(masked):
        if not _abbreviation(masked, match.start(), abbreviations):
            cuts.add(match.end())
    return sorted(cuts)


def _wrapped(text: str, newline: int) -> bool:
    """A newline wrapping a sentence onto the next line: a word, a comma or a closing
    quotation mark before it and a lower-case word after it (“…,”\nthe minister said);
    a capital may start a new paragraph after a headline."""
    before, after = text[newline - 1:newline], text[newline + 1:newline + 2]
    return (before.isalnum() or before in ",”’\"") and after.islower()


def _masked(text: str, quoted: list[Marked]) -> str:
    """The text with quoted words blanked out; a quote ending in a full stop keeps it."""
    chars = list(text)
    for marked in quoted:
        for i in range(marked.start, marked.end):
            chars[i] = "x"
        if marked.end > marked.start and text[marked.end - 1] == ".":
            chars[marked.end - 1] = "."
    return "".join(chars)


def _abbreviation(masked: str, stop: int, abbreviations: frozenset[str]) -> bool:
    if masked[stop] != ".":
        return False
    before = masked[max(0, stop - 20):stop].split()
    word = before[-1].lstrip("“\"‘(") if before else ""
    return (word.lower() in abbreviations or "." in word
            or (len(word) == 1 and word.isupper()))


def _frame(art: QuotedArticle, kept: list[Marked], index: int) -> Frame:
    marked, cuts = kept[index], art.boundaries
    left = cuts[bisect.bisect_right(cuts, marked.open) - 1]
    right = cuts[min(bisect.bisect_right(cuts, marked.close), len(cuts) - 1)]
    if index > 0 and kept[index - 1].close > left:
        left = kept[index - 1].close
    if index + 1 < len(kept) and kept[index + 1].open < right:
        right = kept[index + 1].open
    return Frame(left, right)


def _continued(art: QuotedArticle, marked: Marked, frame: Frame,
               last: tuple[Marked, str | None] | None) -> str | None:
    """A quote opening its sentence right after an attributed one: the same speaker."""
    if last is None or last[1] is None or WORD.search(art.text[frame.left:marked.open]):
        return None
    previous, speaker = last
    here, there = art.paragraph(marked.open), art.paragraph(previous.open)
    if here == there:
        return speaker
    opens_paragraph = not art.text[art.paragraph_start(marked.open):marked.open].strip()
    return speaker if here == there + 1 and opens_paragraph else None


def _person_in_frame(art: QuotedArticle, marked: Marked, frame: Frame) -> str | None:
    """The person named nearest the quote in its own sentence."""
    people = [(min(abs(marked.open - end), abs(start - marked.close)), eid)
              for start, end, eid in art.mentions
              if art.type(eid) == "PERSON"
              and (frame.left <= start < marked.open or marked.close <= start < frame.right)]
    return min(people)[1] if people else None
