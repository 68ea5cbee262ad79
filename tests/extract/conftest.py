"""Shared fixtures for the table-driven tests of the English extractors.

Every row runs one short article through the real pipeline (`extract_document`), parsing
it once; the spaCy model is loaded once per module. `Extracted` reads the resulting
document the way a user does: events by type, participants by canonical name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from itertools import permutations

import pytest

from kizuna.model import Article, DateRef, Document, Entity, Event
from kizuna.nlp import backend
from kizuna.pipeline import extract_document

PUBLISHED = date(2025, 2, 6)  # a Thursday: its week runs Monday 3 to Sunday 9 February


@dataclass(frozen=True)
class Want:
    """One event a test expects: its type and the canonical names in each role the test
    states. A role left None is not checked; `participants` is actors and targets
    together, for the role-free types and for tables that do not split the roles."""

    type: str
    participants: frozenset[str] | None = None
    actors: frozenset[str] | None = None
    targets: frozenset[str] | None = None

    def __str__(self) -> str:
        roles = [f"{name}={sorted(value)}" for name, value in (
            ("participants", self.participants), ("actors", self.actors),
            ("targets", self.targets)) if value is not None]
        return f"{self.type} {' '.join(roles)}"


def want(event_type: str, participants: Iterable[str] | None = None, *,
         actors: Iterable[str] | None = None, targets: Iterable[str] | None = None) -> Want:
    """A `Want` from plain sets or lists of names."""
    def frozen(names: Iterable[str] | None) -> frozenset[str] | None:
        return None if names is None else frozenset(names)

    return Want(event_type, frozen(participants), frozen(actors), frozen(targets))


@dataclass(frozen=True)
class Extracted:
    """One article's document, with look-ups by the names a reader sees."""

    text: str
    doc: Document

    def names(self, ids) -> set[str]:
        return {e.name for e in self.doc.entities if e.id in set(ids)}

    def participants(self, event: Event) -> set[str]:
        return self.names([*event.actors, *event.targets])

    def events_of(self, event_type: str) -> list[Event]:
        return [e for e in self.doc.events if e.type == event_type]

    def matches(self, event: Event, wanted: Want) -> bool:
        """Whether `event` is of the wanted type with exactly the names in each role the
        test states."""
        return event.type == wanted.type and all(
            expected is None or frozenset(found) == expected for expected, found in (
                (wanted.participants, self.participants(event)),
                (wanted.actors, self.names(event.actors)),
                (wanted.targets, self.names(event.targets))))

    def events_are(self, *wanted: Want) -> list[Event]:
        """Assert that the article's events are exactly `wanted`, one event for each, in
        any order: no event missing, none extra, no name in a role the test does not give
        it. Returns the events in the order of `wanted`."""
        events = list(self.doc.events)
        if len(events) == len(wanted):
            for order in permutations(events):
                if all(self.matches(e, w) for e, w in zip(order, wanted, strict=True)):
                    return list(order)
        expected = "\n".join(f"  want {w}" for w in wanted)
        raise AssertionError(f"the events are not exactly:\n{expected}\n{self.describe()}")

    def has_event(self, event_type: str, names: Iterable[str] = frozenset()) -> Event | None:
        """The first event of `event_type` whose participants include all of `names`,
        whatever else the article yields. Only for a test about one event among several
        (its evidence, date or amount); a test of which events are found uses
        `events_are`."""
        return next((e for e in self.events_of(event_type)
                     if set(names) <= self.participants(e)), None)

    def entity(self, name: str) -> Entity | None:
        return next((e for e in self.doc.entities if e.name == name), None)

    def entity_at(self, surface: str) -> Entity | None:
        """The entity one of whose mentions is the first occurrence of `surface`."""
        start = self.text.index(surface)
        return next((e for e in self.doc.entities
                     for m in e.mentions if m.start == start and m.text == surface), None)

    def describe(self) -> str:
        """What was found, for assertion messages."""
        lines = [f"text: {self.text!r}"]
        lines += [f"  entity {e.name!r} {e.type} {e.country} {[m.text for m in e.mentions]}"
                  for e in self.doc.entities]
        for e in self.doc.events:
            date_text = f"{e.date.start}..{e.date.end} {e.date.granularity}" if e.date else None
            lines.append(
                f"  event {e.type} {e.status} actors={sorted(self.names(e.actors))} "
                f"targets={sorted(self.names(e.targets))} date={date_text} "
                f"amount={(e.amount.value, e.amount.currency) if e.amount else None} "
                f"trigger={e.trigger.text if e.trigger else None!r}")
        return "\n".join(lines)


@pytest.fixture(scope="module")
def nlp():
    """The English spaCy pipeline, loaded once."""
    return backend.load("en")


@pytest.fixture(scope="module")
def extract(nlp) -> Callable[..., Extracted]:
    """Run one article text through the pipeline, parsing it once."""

    def run(text: str, published: date = PUBLISHED) -> Extracted:
        article = Article(id="row", text=text, language="en", published=published)
        return Extracted(text, extract_document(article, parsed=nlp(text)))

    return run


@pytest.fixture(scope="module")
def ja_nlp():
    """The Japanese GiNZA pipeline, loaded once."""
    return backend.load("ja")


@pytest.fixture(scope="module")
def ja_extract(ja_nlp) -> Callable[..., Extracted]:
    """Run one Japanese article text through the pipeline, parsing it once."""

    def run(text: str, published: date = PUBLISHED) -> Extracted:
        article = Article(id="row-ja", text=text, language="ja", published=published)
        found = Extracted(text, extract_document(article, parsed=ja_nlp(text)))
        assert_spans_slice(found)
        return found

    return run


def assert_spans_slice(found: Extracted) -> None:
    """Every span the document cites slices the article text to the text it gives."""
    doc, text = found.doc, found.text
    spans = [m for e in doc.entities for m in e.mentions]
    spans += [s for e in doc.events for s in (e.evidence, e.trigger) if s is not None]
    spans += [e.date.span for e in doc.events if e.date and e.date.span]
    spans += [m.span for m in doc.amounts] + [q.span for q in doc.quotes]
    for span in spans:
        assert text[span.start:span.end] == span.text, (span, found.describe())
    assert all(q.text == q.span.text for q in doc.quotes)


DateResolver = Callable[[str, int, int, date | None, str], list[DateRef]]


def resolve_in_article(resolve: DateResolver, lead: str, sentence: str, tail: str,
                       published: date | None, tense: str) -> list[DateRef]:
    """A language's date resolver run on `sentence` inside a longer article, so offsets
    are article offsets; every date found slices the text and stays in the sentence."""
    text = lead + sentence + tail
    start, end = len(lead), len(lead) + len(sentence)
    refs = resolve(text, start, end, published, tense)
    for ref in refs:
        assert ref.span is not None
        assert text[ref.span.start : ref.span.end] == ref.span.text == ref.text
        assert start <= ref.span.start and ref.span.end <= end
    return refs


def assert_dates_slice(resolve: DateResolver, text: str, published: date | None,
                       tense: str) -> None:
    """Whatever `resolve` finds in `text` slices it, and starts no later than it ends."""
    for ref in resolve(text, 0, len(text), published, tense):
        assert ref.span is not None and text[ref.span.start : ref.span.end] == ref.text
        assert ref.start <= ref.end
