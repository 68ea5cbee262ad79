"""What events in every language share: the types that take an amount or need two
parties, and the token -> entity index a parse gives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kizuna.model import DateRef, Money
from kizuna.resolve.entities import ResolvedEntities

MIN_PARTICIPANTS = {"MEET": 2}

AMOUNT_TYPES = {"INVEST", "TRADE", "AGREE", "COOPERATE", "RESTRICT", "POLICY"}


@dataclass(frozen=True)
class EventInputs:
    """What a language's event reader is given for one article."""

    text: str
    parsed: Any
    entities: ResolvedEntities
    amounts: tuple[Money, ...]
    find_dates: Callable[[int, int, str], list[DateRef]]  # sentence start, end, tense


def token_entities(parsed: Any, entities: ResolvedEntities) -> dict[int, str]:
    """Token index -> entity id, for every token inside an entity mention."""
    out: dict[int, str] = {}
    for entity in entities.entities:
        for mention in entity.mentions:
            span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                out.update({t.i: entity.id for t in span})
    return out
