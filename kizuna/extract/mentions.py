"""What name finders in every language share: one name per stretch of text, and where
each known actor is first named."""

from __future__ import annotations

from collections.abc import Iterable

from kizuna.model import NameMention
from kizuna.resolve.gazetteer import KnownActor


class Occupancy:
    """Which character ranges already hold a mention.

    Every candidate name is checked against every range taken so far, so the taken
    characters are also kept as a set: a check costs the candidate's length, not the
    number of mentions. An empty range or candidate (start >= end), which no character
    stands for, is checked against the ranges themselves."""

    def __init__(self, mentions: Iterable[NameMention]):
        self._ranges: list[tuple[int, int]] = []
        self._taken: set[int] = set()
        self._empty = False  # whether an empty range was taken
        for mention in mentions:
            self.add(mention)

    def free(self, start: int, end: int) -> bool:
        if start >= end or self._empty:
            return all(end <= s or start >= e for s, e in self._ranges)
        return self._taken.isdisjoint(range(start, end))

    def add(self, mention: NameMention) -> None:
        self._ranges.append((mention.start, mention.end))
        if mention.start < mention.end:
            self._taken.update(range(mention.start, mention.end))
        else:
            self._empty = True

    def keep(self, mentions: Iterable[NameMention]) -> list[NameMention]:
        """The mentions that fall on free ranges, in order, each taking its range."""
        kept = []
        for mention in mentions:
            if self.free(mention.start, mention.end):
                self.add(mention)
                kept.append(mention)
        return kept


def first_seen(mentions: Iterable[NameMention]) -> dict[KnownActor, int]:
    """Where each known actor is first named: short forms count only after it."""
    seen: dict[KnownActor, int] = {}
    for mention in mentions:
        if mention.actor is not None:
            seen.setdefault(mention.actor, mention.start)
    return seen
