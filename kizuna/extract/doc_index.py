"""What extractors read of a parsed document again and again, computed once per document.

spaCy builds a new Python `Token` (or `Span`) object on every `doc[i]`, every iteration
and every `.sent`, and `Span.text` / `Doc.text` join the tokens' texts anew each time.
The rules ask the same questions of the same document many times (one sentence's
dateline once per event, every token's lower-case text once per trigger search), so
kizuna answered the same question hundreds of thousands of times per corpus. This module
answers each once per document and keeps the answer on the document itself
(`doc.user_data`), so it lives and dies with the parse and needs no invalidation.

Everything here is a cache: each function returns exactly what the uncached spaCy
expression named in its docstring returns (tests/extract/test_doc_index.py checks this).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")

# The `user_data` key of kizuna's caches; a string, so `backend._joined` drops it with
# GiNZA's own per-doc data if a document is ever joined after being read.
_KEY = "kizuna.doc_index"


def memo(doc: Any, key: Any, compute: Callable[[], T]) -> T:
    """`compute()`, computed once per document and `key`."""
    store: dict[Any, Any] = doc.user_data.setdefault(_KEY, {})
    try:
        return store[key]  # type: ignore[no-any-return]
    except KeyError:
        value = store[key] = compute()
        return value


def release(doc: Any) -> None:
    """Drop the document's caches. They refer back to the document (a sentence `Span`
    does), so a document that keeps them is only freed by the cycle collector, whose
    full passes then walk every dead document's tables; without them it is freed as
    soon as the last reference to it goes."""
    doc.user_data.pop(_KEY, None)


def sentence_memo(sent: Any, key: str, compute: Callable[[Any], T]) -> T:
    """`compute(sent)`, computed once per sentence (by its token range) and `key`."""
    return memo(sent.doc, (key, sent.start, sent.end), lambda: compute(sent))


@dataclass(frozen=True)
class TokenTable:
    """Per-token attributes as plain lists indexed by token index (`token.i`)."""

    text: list[str]  # token.text
    lower: list[str]  # token.lower_
    lemma: list[str]  # token.lemma_.lower()
    pos: list[str]  # token.pos_
    dep: list[str]  # token.dep_
    tag: list[str]  # token.tag_
    idx: list[int]  # token.idx (character offset)
    space: list[bool]  # bool(token.whitespace_): one space follows the token
    head: list[int]  # token.head.i
    children: list[list[int]]  # [c.i for c in token.children], in order
    sent_start: list[int]  # token.sent.start
    doc_text: str  # doc.text

    def span_text(self, start: int, end: int) -> str:
        """`doc[start:end].text`: the tokens' text without the last one's whitespace."""
        if end <= start:
            return ""
        return self.doc_text[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]

    def subtree(self, i: int) -> set[int]:
        """`{t.i for t in token.subtree}`: the token and everything hanging from it."""
        out = {i}
        stack = list(self.children[i])
        while stack:
            j = stack.pop()
            out.add(j)
            stack.extend(self.children[j])
        return out

    def subtree_in_order(self, i: int) -> list[int]:
        """`[t.i for t in token.subtree]`, in spaCy's order: each left child's subtree,
        the token, each right child's subtree (the document's order where the tree does
        not cross itself)."""
        out: list[int] = []
        self._walk(i, out)
        return out

    def _walk(self, i: int, out: list[int]) -> None:
        children = self.children[i]
        for child in children:
            if child < i:
                self._walk(child, out)
        out.append(i)
        for child in children:
            if child > i:
                self._walk(child, out)

    def ancestors(self, i: int) -> list[int]:
        """`[t.i for t in token.ancestors]`: its head, the head's head, … up to the root."""
        out: list[int] = []
        while self.head[i] != i and len(out) < len(self.head):
            i = self.head[i]
            out.append(i)
        return out


def token_table(doc: Any) -> TokenTable:
    """The document's `TokenTable`, built in one pass over its tokens."""
    return memo(doc, "tokens", lambda: _build_table(doc))


# The columns `_build_table` reads with one `Doc.to_array` call, in this order.
_COLUMNS = ("ORTH", "LOWER", "LEMMA", "POS", "DEP", "TAG", "IDX", "HEAD", "SPACY")


def _build_table(doc: Any) -> TokenTable:
    """One `to_array` call instead of a `Token` object per token (and another for its
    head): the columns are the tokens' string ids, turned into strings once per id."""
    rows = doc.to_array(list(_COLUMNS))
    # HEAD is the offset to the head, stored wrapped in an unsigned array
    heads = rows[:, 7].astype("int64").tolist()
    orth, lower_ids, lemma_ids, pos_ids, dep_ids, tag_ids, idx, _, spaces = rows.T.tolist()
    strings = doc.vocab.strings
    text, lower, pos, dep, tag = (_names(strings, ids)
                                  for ids in (orth, lower_ids, pos_ids, dep_ids, tag_ids))
    lemma = _names(strings, lemma_ids, lowered=True)
    head = [i + offset for i, offset in enumerate(heads)]
    children: list[list[int]] = [[] for _ in head]
    for i, h in enumerate(head):
        if h != i:
            children[h].append(i)
    sent_start = [0] * len(text)
    for sent in sentences(doc):
        sent_start[sent.start:sent.end] = [sent.start] * (sent.end - sent.start)
    return TokenTable(text=text, lower=lower, lemma=lemma, pos=pos, dep=dep, tag=tag, idx=idx,
                      space=[bool(space) for space in spaces], head=head, children=children,
                      sent_start=sent_start, doc_text=_doc_text(text, spaces))


def _doc_text(text: list[str], spaces: list[int]) -> str:
    """`doc.text`, which spaCy joins from a `Token` per token: each token's text and its
    one trailing space, if it has one."""
    return "".join([t + " " if space else t for t, space in zip(text, spaces, strict=True)])


# String id -> string (and -> the string lower-cased), shared by every document: an id is
# the hash of its string (or a fixed symbol number), the same in every vocabulary, so a
# word seen in one article is not looked up again in the next. Emptied when it grows
# past `_KNOWN_LIMIT`.
_KNOWN: dict[int, str] = {}
_KNOWN_LOWER: dict[int, str] = {}
_KNOWN_LIMIT = 500_000


def _names(strings: Any, ids: list[int], lowered: bool = False) -> list[str]:
    """The string of each id (`strings[id]`, or `strings[id].lower()`), each looked up in
    the vocabulary once."""
    known = _KNOWN_LOWER if lowered else _KNOWN
    missing = set(ids).difference(known)
    if len(known) + len(missing) > _KNOWN_LIMIT:
        known.clear()
        missing = set(ids)
    for h in missing:
        known[h] = strings[h].lower() if lowered else strings[h]
    return [known[h] for h in ids]


def sentences(doc: Any) -> list[Any]:
    """`list(doc.sents)`, computed once."""
    return memo(doc, "sents", lambda: list(doc.sents))


def char_tokens(doc: Any, start: int, end: int) -> tuple[int, int] | None:
    """`(span.start, span.end)` of `doc.char_span(start, end, alignment_mode="expand")`,
    or None where that is None: the tokens the characters `start`..`end` touch, found by
    bisecting the token offsets instead of building a `Span`."""
    table = token_table(doc)
    first, last = _token_at(table, start), _token_at(table, end - 1)
    if first < 0 or last < 0:
        return None
    if start == table.idx[first] + len(table.text[first]):
        # starts in the whitespace after a token: rare, so spaCy itself says what it means
        span = doc.char_span(start, end, alignment_mode="expand")
        return None if span is None else (span.start, span.end)
    return first, last + 1


def _token_at(table: TokenTable, char: int) -> int:
    """The token whose text or trailing whitespace holds character `char`, else -1 (as
    spaCy's `token_by_char`: the tokens' texts with their whitespace tile `doc.text`)."""
    if char < 0 or char >= len(table.doc_text):
        return -1
    return bisect_right(table.idx, char) - 1
