"""Countries as parties beside the people who speak for them.

When people of two or more countries meet or agree, and the text names one of their
countries as a party too ("U.S. President Donald Trump and Prime Minister Shigeru
Ishiba spoke by phone", where "U.S." is read as a party), the meeting is between the
countries as much as between the people: each person's country, when the article names
it, joins the event beside them. Without a country named as a party the people alone
stay the parties (two chief executives meeting are not their countries meeting).
"""

from __future__ import annotations

from dataclasses import replace

from kizuna.model import Event
from kizuna.resolve.entities import ResolvedEntities

# Happenings between parties that people conduct in their countries' name.
PARTY_TYPES = frozenset({"MEET", "AGREE"})
COUNTRY_KIND = "countries"  # the gazetteer file countries are known from


def with_their_countries(events: list[Event], entities: ResolvedEntities) -> list[Event]:
    """Each meeting or agreement, with the countries of the people taking part added
    when the text already names one of those countries as a party."""
    return [_with_countries(event, entities) for event in events]


def _with_countries(event: Event, entities: ResolvedEntities) -> Event:
    if event.type not in PARTY_TYPES:
        return event
    parties = [*event.actors, *event.targets]
    named = {entities.by_id[e].country for e in parties
             if entities.kinds.get(e) == COUNTRY_KIND and entities.by_id[e].country}
    people = [e for e in parties
              if entities.by_id[e].type == "PERSON" and entities.by_id[e].country]
    codes = {entities.by_id[p].country for p in people}
    if len(codes) < 2 or not codes & named:
        return event
    actors, targets = list(event.actors), list(event.targets)
    for person in people:
        country = _country(entities, entities.by_id[person].country)
        if country is None or country in actors or country in targets:
            continue
        (actors if person in event.actors else targets).append(country)
    return replace(event, actors=tuple(actors), targets=tuple(targets))


def _country(entities: ResolvedEntities, code: str | None) -> str | None:
    """The article's entity for the country with this code, if the article names it."""
    return next((e.id for e in entities.entities
                 if e.country == code and entities.kinds.get(e.id) == COUNTRY_KIND), None)
