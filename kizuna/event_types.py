"""What each event type is, read once from `event_types.toml`: the one home of the facts
modules need about types (role-free parties, country targets, stance, PLOVER/CAMEO)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from kizuna.model import EVENT_TYPES


@dataclass(frozen=True)
class EventType:
    name: str
    role_free: bool = False
    country_target: bool = False
    stance: str = "neutral"  # cooperative | restrictive | neutral
    plover: str | None = None
    cameo: str | None = None


@cache
def event_types() -> dict[str, EventType]:
    """Every type of the contract, in the contract's order."""
    data = tomllib.loads(resources.files("kizuna").joinpath("event_types.toml")
                         .read_text(encoding="utf-8"))
    missing = set(EVENT_TYPES) - set(data)
    if missing:  # a packaging mistake, not a user's: fail loudly at first use
        raise RuntimeError(f"event_types.toml lacks {', '.join(sorted(missing))}")
    return {name: EventType(name=name, **data[name]) for name in EVENT_TYPES}


def event_type(name: str) -> EventType:
    return event_types()[name]


def role_free_types() -> frozenset[str]:
    return frozenset(t.name for t in event_types().values() if t.role_free)


def types_with_stance(stance: str) -> tuple[str, ...]:
    return tuple(t.name for t in event_types().values() if t.stance == stance)
