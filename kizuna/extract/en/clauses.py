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

from kizuna.extract.doc_index import TokenTable, sentence_memo, token_table
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
    table = token_table(sent.doc)
    pos, words = table.pos, table.text
    lo, hi = min(keep), max(keep)
    while lo < hi and (pos[lo] in EDGE_PUNCTUATION or lo not in keep):
        lo += 1
    while hi > lo and (hi not in keep or
                       (pos[hi] in EDGE_PUNCTUATION and not _closes_quote(words[hi]))):
        hi -= 1
    return Span.of(text, table.idx[lo], table.idx[hi] + len(words[hi]))


def clause_tokens(sent: Any, head: Any, first: int | None = None) -> set[int]:
    """Indices of the tokens in the trigger's clause (see `english_clause`)."""
    table = token_table(sent.doc)
    path = {*table.ancestors(head.i), head.i}
    floor = max(sent.start, first if first is not None else sent.start)
    return {i for i in _clause_tokens(table, _clause_top(table, head.i), path)
            if floor <= i < sent.end}


def date_scopes(sent: Any, head: Any, first: int | None = None) -> Iterator[set[int]]:
    """Where to look for an event's date, nearest first (token indices): the trigger's
    clause; everything hanging from its verb ("at a summit to be held on Friday"), but
    not an attribution ("according to details released on Wednesday"); then each
    clause it hangs from ("On Monday, Ishiba met Son and signed…")."""
    yield clause_tokens(sent, head, first)
    # token indices and the document's `TokenTable`: these scopes are asked for per event
    table = token_table(sent.doc)
    top = _clause_top(table, head.i)
    yield table.subtree(top) - _attributions(table, top)
    node = top
    while table.head[node] != node:
        node = _clause_top(table, table.head[node])
        yield table.subtree(node) - _attributions(table, node)


def _attributions(table: TokenTable, top: int) -> set[int]:
    attribution = prepositions("attribution")
    return {i for child in table.children[top] if table.lower[child] in attribution
            for i in table.subtree(child)}


def _clause_top(table: TokenTable, node: int) -> int:
    """The verb whose clause holds the trigger (token `node`), climbing over framing
    verbs."""
    head = table.head
    while table.pos[node] not in {"VERB", "AUX"} and head[node] != node:
        node = head[node]
    while head[node] != node:
        if table.dep[node] in FRAMING:
            node = head[node]
        elif table.dep[node] == "pcomp" and table.lower[head[node]] == "to" \
                and head[head[node]] != node:
            node = head[head[node]]  # "has committed to spending": framed like "to spend"
        else:
            break
    return node


def _clause_tokens(table: TokenTable, top: int, path: set[int]) -> set[int]:
    """`top` and its dependents, without clauses of their own unless the trigger is in
    them."""
    out = {top}
    stack = list(table.children[top])
    while stack:
        token = stack.pop()
        if _own_clause(table, token) and token not in path:
            continue
        out.add(token)
        stack.extend(table.children[token])
    return out


def _own_clause(table: TokenTable, token: int) -> bool:
    if table.dep[token] not in CLAUSES_OUTSIDE_EVIDENCE or _participle(table, token):
        return False
    # "Son and Altman" is one clause's list; "met Son and signed a deal" two clauses
    return table.dep[token] != "conj" or table.pos[token] in {"VERB", "AUX"}


def _participle(table: TokenTable, token: int) -> bool:
    """"…, backed by $110 million": a participle with no subject of its own tells more
    of the same happening."""
    return table.dep[token] == "advcl" and table.tag[token] in {"VBN"} \
        and not any(table.dep[c] in {"nsubj", "nsubjpass", "mark"}
                    for c in table.children[token])


def _closes_quote(word: str) -> bool:
    return word in {"\"", "”", "’", "'"}


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
    # asked once per event and more; the answer depends on the sentence alone
    return sentence_memo(sent, "after_dateline", _after_dateline)


def _after_dateline(sent: Any) -> int:
    table = token_table(sent.doc)  # `sent.text` and `sent[:20]` would build a Token each
    sentence = table.span_text(sent.start, sent.end)
    if not (sentence[:3].isupper() or _DATELINE.match(sentence)):
        return sent.start
    for i in range(sent.start, min(sent.start + 20, sent.end)):
        word = table.text[i]
        if word in {"–", "—", "--"} or (word == "-" and table.space[i]):
            return i + 1
    return sent.start


@cache
def prepositions(key: str) -> frozenset[str]:
    """A word set from [prepositions] in `kizuna/lang/en/events.toml`."""
    return frozenset(load("en", "events")["prepositions"][key])
