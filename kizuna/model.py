"""The typed records that cross stage boundaries, from article in to document out.

Every extracted record carries a `Span` into its article's text, so any fact can be
shown with the sentence it came from. The JSON shape of these records is produced in
one place only: `kizuna.contract`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kizuna.resolve.gazetteer import KnownActor

EVENT_TYPES = (
    "MEET", "VISIT", "AGREE", "COOPERATE", "INVEST",
    "POLICY", "RESTRICT", "RELEASE", "TRADE", "STATEMENT",
)
STATUSES = ("happened", "planned", "considered", "negated")


@dataclass(frozen=True)
class Span:
    """A slice of an article's text: `article.text[start:end] == text`."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class Article:
    """One input, whatever its origin, before any NLP runs."""

    id: str
    text: str
    language: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None


@dataclass(frozen=True)
class Entity:
    """One real actor in a document, under its canonical name."""

    id: str
    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class DateRef:
    """A resolved date expression; `start`..`end` covers the period it names."""

    text: str
    start: date
    end: date
    granularity: str = "day"
    span: Span | None = None


@dataclass(frozen=True)
class Money:
    """A monetary amount in currency units (`value` 5e11 for "$500 billion")."""

    id: str
    value: float
    currency: str
    span: Span


@dataclass(frozen=True)
class Event:
    """One happening in an article: `evidence` is the clause that states it, `sentence`
    the whole sentence around that clause."""

    id: str
    type: str
    status: str
    evidence: Span
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    date: DateRef | None = None
    location: str | None = None
    object: str | None = None
    amount: Money | None = None
    trigger: Span | None = None
    # whether the sentence states the happening rather than mentions it in passing
    # ("a summary of Friday's talks"); a repeated happening is cited where it is stated
    stated: bool = True
    sentence: Span | None = None

    @property
    def statement(self) -> Span:
        """The sentence the happening is stated in (the evidence when it is not known)."""
        return self.sentence or self.evidence


@dataclass(frozen=True)
class Quote:
    """Direct speech in quotation marks, attributed to an entity when one is found."""

    id: str
    text: str
    span: Span
    speaker: str | None = None


@dataclass(frozen=True)
class Document:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    amounts: tuple[Money, ...] = ()
    quotes: tuple[Quote, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


# --- across articles: the knowledge base ---------------------------------------------

@dataclass(frozen=True)
class Citation:
    """One article's report of a merged event: where it was said and what it said."""

    doc_id: str
    event_id: str  # the article-level event, as stored (what `kizuna merge` takes)
    evidence: Span
    status: str
    url: str | None = None
    source: str | None = None
    published: date | None = None
    language: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class StatusChange:
    """A status as reported on `as_of` (its article's publication date) by `doc_id`."""

    status: str
    as_of: date | None
    doc_id: str


@dataclass(frozen=True)
class MergedEvent:
    """One happening across articles and languages, with every article that reports it.

    Participants are canonical entities (`Entity.id` is the canonical name); `amount` is
    (value, ISO 4217 currency); `status` is the latest reported, `status_history` each
    change in publication order, contradictions included.
    """

    id: str
    type: str
    status: str
    actors: tuple[Entity, ...] = ()
    targets: tuple[Entity, ...] = ()
    date: DateRef | None = None
    location: str | None = None
    object: str | None = None
    amount: tuple[float, str] | None = None
    status_history: tuple[StatusChange, ...] = ()
    citations: tuple[Citation, ...] = ()


@dataclass
class Pledge:
    """One promise of money, with every merged event that reports it."""

    amount: tuple[float, str]
    pledgers: tuple[Entity, ...]
    recipients: tuple[Entity, ...]
    events: list[MergedEvent] = field(default_factory=list)
    also_reported_as: list[tuple[float, str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.events[0].id

    @property
    def status_history(self) -> tuple[StatusChange, ...]:
        changes = sorted({c for e in self.events for c in e.status_history},
                         key=lambda c: (c.as_of or date.min, c.doc_id, c.status))
        return tuple(changes)

    @property
    def status(self) -> str:
        history = self.status_history
        return history[-1].status if history else self.events[0].status

    @property
    def sources(self) -> int:
        return len({c.doc_id for e in self.events for c in e.citations})

    @property
    def when(self) -> date | None:
        """The pledge's date: its earliest dated report, else its first publication."""
        dated = [e.date.start for e in self.events if e.date is not None]
        published = [c.published for e in self.events for c in e.citations if c.published]
        return min(dated or published, default=None)

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.type for e in self.events))


@dataclass(frozen=True)
class NameMention:
    """One place an article names an actor; `kizuna.resolve.entities` groups them."""

    start: int
    end: int
    text: str
    type: str
    actor: KnownActor | None = None
    title: str | None = None
    role: str | None = None  # the title a role noun ("the prime minister") stands for
    reading: tuple[str, ...] = ()  # katakana reading of each word of a Japanese name
