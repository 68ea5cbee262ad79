"""What name finders in every language share: one name per stretch of text, and where
each known actor is first named."""

from __future__ import annotations

from collections.abc import Iterable

from kizuna.model import NameMention
from kizuna.resolve.gazetteer import KnownActor


class Occupancy:
    """Which character ranges already hold a mention."""

    def __init__(self, mentions: Iterable[NameMention]):
        self._ranges = [(m.start, m.end) for m in mentions]

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self._ranges)

    def add(self, mention: NameMention) -> None:
        self._ranges.append((mention.start, mention.end))

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
