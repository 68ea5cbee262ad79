"""One event per happening in an article: the same meeting told twice becomes one event.

Two events are one happening when they have the same type and are stated in the same
sentence, or when one's participants include the other's and their dates do not
disagree. The merged event keeps the fullest statement as its evidence and takes a
date, amount or location the others supply.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from kizuna.model import Event

SENTENCE_ENDS = set(".!?\"”'’。！？」』")


def merge_repeated(events: list[Event]) -> list[Event]:
    groups: list[list[Event]] = []
    for event in events:
        group = next((g for g in groups if _same_happening(g, event)), None)
        if group is None:
            groups.append([event])
        else:
            group.append(event)
    merged = [_merge(g) for g in groups if any(_is_prose(e) for e in g)]
    return [replace(e, id=f"v{n}") for n, e in enumerate(merged, start=1)]


def _participants(event: Event) -> set[str]:
    return {*event.actors, *event.targets}


def _same_happening(group: list[Event], event: Event) -> bool:
    first = group[0]
    if first.type != event.type:
        return False
    ours, theirs = _participants(first), _participants(event)
    same_sentence = any(e.statement.start == event.statement.start for e in group)
    if same_sentence and (ours & theirs or not ours or not theirs):
        return True
    if not (ours <= theirs or theirs <= ours):
        return False
    if _done_and_to_come(group, event):
        return False
    if event.type in COUNTABLE and not _same_trigger(group, event):
        return False
    if event.type in COUNTABLE and _other_rate(group, event):
        return False
    return _dates_agree(group, event)


def _done_and_to_come(group: list[Event], event: Event) -> bool:
    """"Spoke by phone on Monday" and "will have ministers continue talks": a happening
    told as over and one told as to come, in other sentences, are two."""
    if event.type != "MEET":
        return False
    to_come = {"planned", "considered"}
    return any((e.status == "happened") != (event.status == "happened") and
               {e.status, event.status} & to_come for e in group)


def _other_rate(group: list[Event], event: Event) -> bool:
    """"A 25% tariff" and "a 15% tariff" on the same goods are two measures: the rates
    each statement gives do not overlap."""
    theirs = _rates(event)
    return bool(theirs) and any(_rates(e) and not _rates(e) & theirs for e in group)


_RATE = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|％|percent\b|per cent\b)")


def _rates(event: Event) -> frozenset[str]:
    text = unicodedata.normalize("NFKC", event.evidence.text)
    return frozenset(_RATE.findall(text))


# Kinds of happening one actor does many of at once ("unveiled a strategy and signed
# three executive orders"): the same participants alone do not make them one.
COUNTABLE = {"POLICY", "RESTRICT", "INVEST", "RELEASE", "TRADE", "AGREE"}


def _same_trigger(group: list[Event], event: Event) -> bool:
    word = _trigger_word(event)
    return any(_trigger_word(e) == word for e in group)


def _trigger_word(event: Event) -> str:
    text = event.trigger.text if event.trigger else event.type
    return text.lower().split()[-1].rstrip("s")


def _dates_agree(group: list[Event], event: Event) -> bool:
    if event.date is None:
        return True
    dated = [e.date for e in group if e.date is not None]
    return all(d.start <= event.date.end and event.date.start <= d.end for d in dated)


def _merge(group: list[Event]) -> Event:
    primary = max(group, key=_fullness)
    actors = list(dict.fromkeys(a for e in group for a in e.actors))
    targets = [t for t in dict.fromkeys(t for e in group for t in e.targets) if t not in actors]
    return replace(
        primary, actors=tuple(actors), targets=tuple(targets),
        date=primary.date or _first(e.date for e in group),
        amount=primary.amount or _first(e.amount for e in group),
        location=primary.location or _first(e.location for e in group),
    )


def _fullness(event: Event) -> tuple[int, int, int, int, int]:
    """Prefer a statement in running prose that states the happening, with a date, then
    the earliest one."""
    return (_is_prose(event), event.stated, event.date is not None, -event.statement.start,
            -event.evidence.start)


def _first(values):
    return next((v for v in values if v is not None), None)


def inherit_dates(events: list[Event]) -> list[Event]:
    """An undated happening in running prose took place on the day of the article's lead
    event (the first one dated to the day): news dates its main event once, then narrates
    what else happened there."""
    ordered = sorted(events, key=lambda e: e.statement.start)
    lead = next((e.date for e in ordered if e.status == "happened" and _is_prose(e)
                 and e.date is not None and e.date.granularity == "day"), None)
    if lead is None:
        return events
    return [replace(e, date=lead) if e.date is None and e.status == "happened"
            and _is_prose(e) else e for e in events]


def _is_prose(event: Event) -> bool:
    """Running prose ends its sentences; headlines, datelines and captions do not."""
    return event.statement.text.rstrip()[-1:] in SENTENCE_ENDS
