"""What events in every language share: the types that take an amount or need two
parties, and the token -> entity index a parse gives."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from kizuna.extract.doc_index import char_tokens, memo
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
    published: date | None = None  # what "happened" is measured against


def token_entities(parsed: Any, entities: ResolvedEntities) -> dict[int, str]:
    """Token index -> entity id, for every token inside an entity mention (asked by the
    event and the quotation readers alike, so built once per parse and entities)."""
    owner, index = memo(parsed, ("token_entities", id(entities)),
                        lambda: (entities, _token_entities(parsed, entities)))
    if owner is not entities:  # another object that happens to have the same id
        index = _token_entities(parsed, entities)
    return dict(index)


def _token_entities(parsed: Any, entities: ResolvedEntities) -> dict[int, str]:
    out: dict[int, str] = {}
    for entity in entities.entities:
        for mention in entity.mentions:
            tokens = char_tokens(parsed, mention.start, mention.end)
            if tokens is not None:
                out.update(dict.fromkeys(range(*tokens), entity.id))
    return out
