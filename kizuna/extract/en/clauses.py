"""The words that state an event: its clause, not the whole sentence.

A sentence often tells several things ("Ishiba met Son on Monday and exchanged views on
AI investment"); each event cites the clause of its own trigger, so a reader (and the
merging across articles) sees which words say what. The sentence stays the context.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from kizuna.lang import load
from kizuna.model import Span

# Dependents that open a clause of their own: what they say is not this clause's event.
CLAUSES_OUTSIDE_EVIDENCE = frozenset(
    {"ccomp", "advcl", "conj", "relcl", "acl", "parataxis", "csubj"})

# Verbs that only frame another ("plans to invest", "agreed to promote"): their clause is
# the event's clause too, subject included.
FRAMING = frozenset({"xcomp"})

EDGE_PUNCTUATION = frozenset({"PUNCT", "SPACE", "CCONJ"})


# "City[, Region], Month Day[, Year] (Agency) —" opening a sentence.
_DATELINE = re.compile(
    r"[A-Z][\w.' -]{1,30}(?:, [A-Z][\w.' -]{1,30})?, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})? \([^)\n]{2,40}\) ?[–—-]")


def english_clause(text: str, sent: Any, head: Any, first: int | None = None) -> Span:
    """The clause of the trigger whose head token is `head`, inside sentence `sent`,
    leaving out tokens before index `first` (a dateline)."""
    keep = clause_tokens(sent, head, first)
    if not keep:
        return sentence_span(text, sent)
    doc = sent.doc
    lo, hi = min(keep), max(keep)
    while lo < hi and (doc[lo].pos_ in EDGE_PUNCTUATION or lo not in keep):
        lo += 1
    while hi > lo and (hi not in keep or
                       (doc[hi].pos_ in EDGE_PUNCTUATION and not _closes_quote(doc[hi]))):
        hi -= 1
    return Span.of(text, doc[lo].idx, doc[hi].idx + len(doc[hi].text))


def clause_tokens(sent: Any, head: Any, first: int | None = None) -> set[int]:
    """Indices of the tokens in the trigger's clause (see `english_clause`)."""
    path = {t.i for t in head.ancestors} | {head.i}
    floor = max(sent.start, first if first is not None else sent.start)
    return {i for i in _clause_tokens(_clause_top(head), path) if floor <= i < sent.end}


def date_scopes(sent: Any, head: Any, first: int | None = None) -> Iterator[set[int]]:
    """Where to look for an event's date, nearest first (token indices): the trigger's
    clause; everything hanging from its verb ("at a summit to be held on Friday"), but
    not an attribution ("according to details released on Wednesday"); then each
    clause it hangs from ("On Monday, Ishiba met Son and signed…")."""
    yield clause_tokens(sent, head, first)
    top = _clause_top(head)
    yield {t.i for t in top.subtree} - _attributions(top)
    node = top
    while node.head.i != node.i:
        node = _clause_top(node.head)
        yield {t.i for t in node.subtree} - _attributions(node)


def _attributions(top: Any) -> set[int]:
    return {t.i for child in top.children if child.lower_ in prepositions("attribution")
            for t in child.subtree}


def _clause_top(head: Any) -> Any:
    """The verb whose clause holds the trigger, climbing over framing verbs."""
    node = head
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    while node.head.i != node.i:
        if node.dep_ in FRAMING:
            node = node.head
        elif node.dep_ == "pcomp" and node.head.lower_ == "to" and node.head.head.i != node.i:
            node = node.head.head  # "has committed to spending": framed like "to spend"
        else:
            break
    return node


def _clause_tokens(top: Any, path: set[int]) -> set[int]:
    """`top` and its dependents, without clauses of their own unless the trigger is in
    them."""
    out = {top.i}
    stack = list(top.children)
    while stack:
        token = stack.pop()
        if _own_clause(token) and token.i not in path:
            continue
        out.add(token.i)
        stack.extend(token.children)
    return out


def _own_clause(token: Any) -> bool:
    if token.dep_ not in CLAUSES_OUTSIDE_EVIDENCE or _participle(token):
        return False
    # "Son and Altman" is one clause's list; "met Son and signed a deal" two clauses
    return token.dep_ != "conj" or token.pos_ in {"VERB", "AUX"}


def _participle(token: Any) -> bool:
    """"…, backed by $110 million": a participle with no subject of its own tells more
    of the same happening."""
    return token.dep_ == "advcl" and token.tag_ in {"VBN"} \
        and not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in token.children)


def _closes_quote(token: Any) -> bool:
    return token.text in {"\"", "”", "’", "'"}


def sentence_span(text: str, sent: Any) -> Span:
    """The sentence without the whitespace around it."""
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


def after_dateline(sent: Any) -> int:
    """Index of the first token after a dateline ("BUSAN, South Korea, Oct. 30 (Wire) –",
    "Osaka, May 2 (Example Wire) —"): the place and the wire are not parties."""
    if not (sent.text[:3].isupper() or _DATELINE.match(sent.text)):
        return sent.start
    for token in sent[:20]:
        if token.text in {"–", "—", "--"} or (token.text == "-" and token.whitespace_):
            return token.i + 1
    return sent.start


@cache
def prepositions(key: str) -> frozenset[str]:
    """A word set from [prepositions] in `kizuna/lang/en/events.toml`."""
    return frozenset(load("en", "events")["prepositions"][key])
