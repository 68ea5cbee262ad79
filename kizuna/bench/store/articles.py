"""One generated article as the `Document` extraction would have given: its text, built
sentence by sentence with real offsets, its entities with their mentions and aliases, and
one event per happening it tells (see `load`, which stores it through the writer)."""

from __future__ import annotations

import random
import re

from kizuna.bench.store.generate import Actor, Happening, Plan, article_id, topic
from kizuna.bench.store.vocabulary import (
    EN_FILLER,
    EN_HEADLINES,
    EN_SOURCES,
    EN_TEMPLATES,
    JA_FILLER,
    JA_HEADLINES,
    JA_SOURCES,
    JA_TEMPLATES,
)
from kizuna.model import Article, DateRef, Document, Entity, Event, Money, Span
from kizuna.store.members import ROLE_FREE

Told = tuple[Happening, str, bool]  # the happening, the status told, whether dated

_PIECES = re.compile(r"(\{[a-z]+\})")


def article_document(the_plan: Plan, actors: dict[int, Actor], index: int,
                     told: list[Told]) -> Document:
    """Article `index` of the plan, telling `told` in order, as a `Document`."""
    published, language, _ = the_plan.articles[index]
    rng = random.Random(f"kizuna-bench-store:{the_plan.seed}:{index}")
    article = _Article(article_id(index), language, actors)
    for position, (happening, status, dated) in enumerate(told):
        if rng.random() < 0.6:
            article.filler(rng)
        article.event(happening, position, status, dated)
    article.filler(rng)
    first = told[0][0]
    title = _title(first, [actors[p] for p in first.parties], language)
    source = rng.choice(JA_SOURCES if language == "ja" else EN_SOURCES)
    return article.document(Article(
        id=article.id, text=article.text(), language=language, title=title,
        url=f"https://news.example/bench/{article.id}", source=source, published=published))


def _title(h: Happening, names: list[Actor], language: str) -> str:
    if language == "ja":
        who = "、".join(a.ja or a.name for a in names)
        return f"{who}、{topic(h, 'ja')}で{JA_HEADLINES.get(h.type, '動き')}"
    who = " and ".join(a.short or a.name for a in names)
    return f"{who} {EN_HEADLINES[h.type]} {topic(h, 'en')}"


class _Article:
    """One article's text, entities and events, built piece by piece."""

    def __init__(self, article_id: str, language: str, actors: dict[int, Actor]):
        self.id, self.language, self.actors = article_id, language, actors
        self.parts: list[str] = []
        self.length = 0
        self.local: dict[int, str] = {}  # actor id -> local entity id, first mention first
        self.aliases: dict[int, dict[str, None]] = {}  # surfaces, in first-seen order
        self.mentions: dict[int, list[Span]] = {}
        self.events: list[Event] = []
        self.amounts: list[Money] = []

    def text(self) -> str:
        return "".join(self.parts)

    def document(self, article: Article) -> Document:
        entities = tuple(Entity(id=self.local[a], name=actor.name, type=actor.type,
                                country=actor.country, aliases=tuple(self.aliases[a]),
                                mentions=tuple(self.mentions[a]))
                         for a in self.local for actor in (self.actors[a],))
        return Document(article=article, entities=entities, events=tuple(self.events),
                        amounts=tuple(self.amounts))

    def _append(self, piece: str) -> int:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start

    def _separator(self) -> None:
        if self.parts and self.language == "en":
            self._append(" ")

    def filler(self, rng: random.Random) -> None:
        self._separator()
        self._append(rng.choice(JA_FILLER if self.language == "ja" else EN_FILLER))

    def _name(self, actor_id: int) -> None:
        actor = self.actors[actor_id]
        if self.language == "ja":
            surface = actor.ja or actor.name
        else:
            surface = actor.short if actor_id in self.local and actor.short else actor.name
        if actor_id not in self.local:
            self.local[actor_id] = f"e{len(self.local) + 1}"
        self.aliases.setdefault(actor_id, {})[surface] = None
        start = self._append(surface)
        self.mentions.setdefault(actor_id, []).append(Span(start, start + len(surface), surface))

    def event(self, h: Happening, position: int, status: str, dated: bool) -> None:
        templates = JA_TEMPLATES if self.language == "ja" else EN_TEMPLATES
        template = templates[h.type][0 if status in ("happened", "negated") else 1]
        if status == "negated":
            template = ("{a}は{when}{b}との{topic}をめぐる合意を見送った。" if self.language == "ja"
                        else "{a} did not reach a deal with {b} on {topic}{when}.")
        self._separator()
        start = self.length
        a, others = h.parties[0], h.parties[1:]
        joiner = "、" if self.language == "ja" else " and "
        when_text = _date_text(h, self.language) if dated else ""
        amount: Money | None = None
        for piece in _PIECES.split(template):
            if piece == "{a}":
                self._name(a)
            elif piece == "{b}":
                for i, other in enumerate(others):
                    if i:
                        self._append(joiner)
                    self._name(other)
            elif piece == "{when}":
                self._append(when_text)
            elif piece == "{topic}":
                self._append(topic(h, self.language))
            elif piece == "{amount}":
                amount = self._amount(h)
            elif piece:
                self._append(piece)
        local = f"v{position + 1}"
        parties = [self.local[p] for p in h.parties]
        # every party acts in a role-free event (a meeting); otherwise the first acts
        actors, targets = (parties, []) if h.type in ROLE_FREE else (parties[:1], parties[1:])
        self.events.append(Event(
            id=local, type=h.type, status=status,
            evidence=Span(start, self.length, self.text()[start:]),
            actors=tuple(actors), targets=tuple(targets),
            date=DateRef(when_text.strip(" 、"), h.start, h.end, h.granularity) if dated
            else None,
            object=topic(h, self.language), amount=amount))

    def _amount(self, h: Happening) -> Money:
        """The amount invested (billions of dollars; 億ドル in Japanese), as a mention."""
        text = str(h.amount if self.language == "en" else h.amount * 10)
        start = self._append(text)
        money = Money(id=f"m{len(self.amounts) + 1}", value=h.amount * 1e9, currency="USD",
                      span=Span(start, start + len(text), text))
        self.amounts.append(money)
        return money


def _date_text(h: Happening, language: str) -> str:
    start = h.start
    if language == "ja":
        text = {"day": f"{start.month}月{start.day}日", "month": f"{start.year}年{start.month}月",
                "year": f"{start.year}年"}[h.granularity]
        return text + "、"
    return {"day": f" on {start.strftime('%B')} {start.day}",
            "month": f" in {start.strftime('%B %Y')}", "year": f" in {start.year}"}[h.granularity]
