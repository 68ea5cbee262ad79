"""Within one article: events that are one happening are *combined* (they go to one
merged event), as opposed to *merging* across articles.

Two ways an article tells one happening as several events: one clause read as two
types (`same_clause`), and the extractor splitting one meeting into several events
each naming some of those present (`kizuna.resolve.merging.one_reading`). Otherwise
events of one article never share a merged event: an article tells each happening once.
"""

from __future__ import annotations

from kizuna.resolve.merging import EventFacts, Judgement, one_reading
from kizuna.store.members import Member

SAME_START = {True: "stated by the same clause as the event that began it",
              False: "read as the same happening as the event of its article that began it"}


def clause(member: Member) -> tuple[int, int]:
    """Where the event's clause is in its article: one clause, one happening."""
    return member.evidence.start, member.evidence.end


def same_clause_together(members: list[Member],
                         judgements: list[Judgement]) -> list[Judgement]:
    """An event judged a new happening joins the merged event another event of its
    article joined when both are stated by the very same clause: one clause tells one
    happening, and two types for it are two readings of it, not two happenings. (Events
    of one article in different clauses still never share a merged event.)"""
    joined = {clause(m): (m, j) for m, j in zip(members, judgements, strict=True)
              if j.merged_id is not None}
    out = []
    for member, judgement in zip(members, judgements, strict=True):
        sibling = joined.get(clause(member))
        if judgement.merged_id is None and sibling is not None:
            other, placed = sibling
            judgement = Judgement(member.event_id, placed.merged_id, placed.score, (
                f"stated by the same clause as event {other.event_id} ({other.type}), "
                "which joined it", *placed.reasons))
        out.append(judgement)
    return out


def readings_together(facts: list[EventFacts],
                      judgements: list[Judgement]) -> list[Judgement]:
    """Events of one article that are readings of one happening (`one_reading`: same
    type, status and day, a shared participant) go where the best-placed of them went:
    the extractor split one meeting into several events, and placed apart they would
    seed several merged events that can never fold, as an article's events never share
    one. Events of the article told on different days stay apart."""
    out = list(judgements)
    for group in readings(facts):
        placed = [i for i in group if out[i].merged_id is not None]
        if not placed:
            continue
        best = max(placed, key=lambda i: (out[i].score, -i))
        for i in group:
            if out[i].merged_id is None:
                why = one_reading(facts[i], facts[best]) or ()
                out[i] = Judgement(facts[i].id, out[best].merged_id, out[best].score, (
                    f"read as the same happening as event {facts[best].id} of its article, "
                    "which joined it", *why, *out[best].reasons))
    return out


def readings(facts: list[EventFacts]) -> list[list[int]]:
    """Indexes of the article's events, grouped by `one_reading` (linked pairs chain)."""
    root = list(range(len(facts)))

    def find(i: int) -> int:
        while root[i] != i:
            i = root[i]
        return i
    for i, a in enumerate(facts):
        for j in range(i):
            if one_reading(a, facts[j]) is not None:
                root[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for i in range(len(facts)):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def happenings(members: list[Member], facts: list[EventFacts]) -> list[int]:
    """For each event, the first event of its article it is one happening with: stated
    by the same clause, or read as the same happening (`one_reading`)."""
    first_of_clause: dict[tuple[int, int], int] = {}
    out = []
    for i, member in enumerate(members):
        out.append(first_of_clause.setdefault(clause(member), i))
    for group in readings(facts):
        lead = min(out[i] for i in group)
        for i in range(len(out)):
            if out[i] in {out[g] for g in group}:
                out[i] = lead
    return out
