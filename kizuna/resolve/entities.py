"""Name mentions to entities: one entity per real actor in a document, named canonically.

Known actors group by gazetteer entry. Unknown names join a longer name of the same
type that ends with them ("Koike" joins "Atsuyoshi Koike") or starts with them
("Rapidus" joins "Rapidus Corp."); each is named by its fullest form. A role noun
("the prime minister") joins the person last given that title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from kizuna.model import Entity, NameMention, Span
from kizuna.resolve.gazetteer import KnownActor
from kizuna.resolve.romanise import romanise

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


@dataclass
class _Cluster:
    type: str
    actor: KnownActor | None
    mentions: list[NameMention] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        if self.actor is not None:
            return self.actor.name
        return max((m.text for m in self.mentions), key=len)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


@dataclass(frozen=True)
class ResolvedEntities:
    entities: tuple[Entity, ...]
    by_offset: dict[int, str]  # mention start offset -> entity id
    kinds: dict[str, str]  # entity id -> gazetteer file it is known from ("" if unknown)
    titles: dict[str, frozenset[str]] = field(default_factory=dict)  # entity id -> offices

    @cached_property
    def by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    def entity_at(self, start: int) -> str | None:
        return self.by_offset.get(start)


def resolve_entities(text: str, mentions: list[NameMention]) -> ResolvedEntities:
    clusters: list[_Cluster] = []
    for mention in mentions:
        if mention.role is None:
            _place(mention, clusters)
    for mention in mentions:
        if mention.role is not None:
            _place_role(mention, clusters)
    clusters = sorted((c for c in clusters if c.mentions), key=lambda c: c.first)
    return _to_entities(text, clusters)


def _place(mention: NameMention, clusters: list[_Cluster]) -> None:
    cluster = _matching_cluster(mention, clusters)
    if cluster is None:
        cluster = _Cluster(mention.type, mention.actor)
        clusters.append(cluster)
    cluster.mentions.append(mention)
    if mention.title:
        cluster.titles.add(mention.title.lower())


def _matching_cluster(mention: NameMention, clusters: list[_Cluster]) -> _Cluster | None:
    if mention.actor is not None:
        return next((c for c in clusters if c.actor == mention.actor), None)
    surname_of = _person_with_surname(mention.text, clusters)
    if surname_of is not None:
        return surname_of  # spaCy often types a lone surname as ORG: "Kurata said"
    for cluster in clusters:
        if cluster.type == mention.type and _same_name(mention.text, cluster):
            return cluster
    return None


def _person_with_surname(text: str, clusters: list[_Cluster]) -> _Cluster | None:
    if " " in text:
        return None
    for cluster in clusters:
        if cluster.type == "PERSON" and any(
                len(m.text.split()) > 1 and m.text.split()[-1] == text for m in cluster.mentions):
            return cluster
    return None


def _same_name(text: str, cluster: _Cluster) -> bool:
    words = text.split()
    if cluster.type == "PERSON" and _JAPANESE.match(text) and any(
            m.text.startswith(text) for m in cluster.mentions):
        return True  # a Japanese surname comes first: 山田 is 山田太郎
    for other in cluster.mentions:
        other_words = other.text.split()
        if other_words == words:
            return True
        if cluster.type == "PERSON" and len(words) == 1 and other_words[-1:] == words:
            return True
        if cluster.type == "ORG" and other_words[: len(words)] == words:
            return True
    return False


def _place_role(mention: NameMention, clusters: list[_Cluster]) -> None:
    role = (mention.role or "").lower()
    candidates = [c for c in clusters if c.type == "PERSON" and _holds(c, role)]
    if not candidates:
        return
    before = [c for c in candidates if c.first < mention.start]
    chosen = max(before, key=_last_start(mention.start)) if before else candidates[0]
    chosen.mentions.append(mention)


def _holds(cluster: _Cluster, role: str) -> bool:
    titles = set(cluster.titles)
    if cluster.actor is not None:
        titles |= {t.lower() for t in cluster.actor.titles}
    return any(t == role or t.endswith(" " + role) for t in titles)


def _last_start(limit: int):
    def key(cluster: _Cluster) -> int:
        return max(m.start for m in cluster.mentions if m.start < limit)
    return key


def _to_entities(text: str, clusters: list[_Cluster]) -> ResolvedEntities:
    entities, by_offset, kinds, titles = [], {}, {}, {}
    for number, cluster in enumerate(clusters, start=1):
        entity_id = f"e{number}"
        ordered = sorted(cluster.mentions, key=lambda m: m.start)
        entities.append(Entity(
            id=entity_id, name=cluster.name, type=cluster.type,
            country=cluster.actor.country if cluster.actor else None,
            aliases=_aliases(cluster, ordered),
            mentions=tuple(Span.of(text, m.start, m.end) for m in ordered),
        ))
        by_offset.update({m.start: entity_id for m in ordered})
        kinds[entity_id] = cluster.actor.kind if cluster.actor else ""
        known = {t.lower() for t in cluster.actor.titles} if cluster.actor else set()
        titles[entity_id] = frozenset(cluster.titles | known)
    return ResolvedEntities(tuple(entities), by_offset, kinds, titles)


def _aliases(cluster: _Cluster, ordered: list[NameMention]) -> tuple[str, ...]:
    forms: list[str | None] = [m.text for m in ordered]
    if cluster.actor is not None:
        forms += [cluster.actor.name, *cluster.actor.ja]
    else:  # an unknown Japanese name keeps its form, with a romanised alias
        forms += [romanise(m.reading) for m in ordered
                  if m.reading and _JAPANESE.search(m.text)][:1]
    return tuple(dict.fromkeys(f for f in forms if f))
