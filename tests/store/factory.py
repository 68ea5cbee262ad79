"""Documents built by hand for store tests: real spans into texts written here.

`doc_about(...)` cuts every span out of the article text by searching for its words,
so a test reads as the facts it stores rather than as offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kizuna.model import Article, DateRef, Document, Entity, Event, Money, Quote, Span

SUMMIT_TEXT = (
    "Prime Minister Shigeru Ishiba met U.S. President Donald Trump in Washington on Friday. "
    "Ishiba said Japan would raise its investment in the United States to $1 trillion. "
    '"We will build a new golden age together," Trump said. '
    "The two leaders agreed to cooperate on artificial intelligence [AI] and chips."
)

JA_TEXT = (
    "石破茂首相は7日、ワシントンでトランプ大統領と会談した。"
    "両首脳は人工知能の分野で協力することで合意した。"
)

RELEASE_TEXT = ("SoftBank released a new AI model called Cristal in Tokyo. "
                "It did not disclose its price.")


def span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words), words)


def entity(text: str, local_id: str, name: str, type: str, country: str | None,
           *surfaces: str) -> Entity:
    mentions = tuple(span(text, s) for s in surfaces if s in text)
    return Entity(local_id, name, type, country, aliases=tuple(dict.fromkeys(surfaces)),
                  mentions=mentions)


def summit_doc(article_id: str = "summit-en", text: str = SUMMIT_TEXT,
               published: date = date(2025, 2, 8)) -> Document:
    """An English article with a MEET, an INVEST with an amount, a COOPERATE, a quote."""
    article = Article(article_id, text, "en", "Ishiba and Trump meet [live]",
                      f"https://news.example/{article_id}", "The Example Times", published)
    ishiba = entity(text, "e1", "Shigeru Ishiba", "PERSON", "JPN", "Shigeru Ishiba", "Ishiba")
    trump = entity(text, "e2", "Donald Trump", "PERSON", "USA", "Donald Trump", "Trump")
    japan = entity(text, "e3", "Japan", "GPE", "JPN", "Japan")
    usa = entity(text, "e4", "United States", "GPE", "USA", "United States", "U.S.")
    washington = entity(text, "e5", "Washington", "GPE", "USA", "Washington")
    money = Money("m1", 1e12, "USD", span(text, "$1 trillion"))
    friday = DateRef("on Friday", date(2025, 2, 7), date(2025, 2, 7), "day",
                     span(text, "on Friday"))
    events = (
        Event("v1", "MEET", "happened", sentence(text, "Prime Minister", "on Friday."),
              ("e1",), ("e2",), date=friday, location="e5", object="Japan-U.S. summit"),
        Event("v2", "INVEST", "planned", sentence(text, "Ishiba said"), ("e3",), ("e4",),
              object="investment in the United States", amount=money),
        Event("v3", "COOPERATE", "planned", sentence(text, "The two leaders"),
              ("e1", "e2"), (), object="artificial intelligence"),
    )
    quote_span = span(text, '"We will build a new golden age together,"')
    quote = Quote("q1", quote_span.text.strip('",'), quote_span, speaker="e2")
    return Document(article, (ishiba, trump, japan, usa, washington), events, (money,), (quote,))


def japanese_doc(article_id: str = "summit-ja") -> Document:
    """A Japanese article naming the same actors as `summit_doc`, no publication date."""
    text = JA_TEXT
    article = Article(article_id, text, "ja", "日米首脳会談", None, "NHK", None)
    ishiba = entity(text, "e1", "Shigeru Ishiba", "PERSON", "JPN", "石破茂")
    trump = entity(text, "e2", "Donald Trump", "PERSON", "USA", "トランプ")
    seventh = DateRef("7日", date(2025, 2, 7), date(2025, 2, 7), "day", span(text, "7日"))
    events = (
        Event("v1", "MEET", "happened", sentence(text, "石破茂", "。"), ("e1",), ("e2",),
              date=seventh),
        Event("v2", "AGREE", "happened", sentence(text, "両首脳", "。"), ("e1", "e2")),
    )
    return Document(article, (ishiba, trump), events)


def release_doc(article_id: str = "release", published: date = date(2024, 12, 1)) -> Document:
    """An undated RELEASE (filtered by its publication date) and a negated event."""
    text = RELEASE_TEXT
    article = Article(article_id, text, "en", "SoftBank model", None, "Tech Daily", published)
    softbank = entity(text, "e1", "SoftBank Group", "ORG", "JPN", "SoftBank")
    tokyo = entity(text, "e2", "Tokyo", "GPE", "JPN", "Tokyo")
    events = (
        Event("v1", "RELEASE", "happened", sentence(text, "SoftBank released"), ("e1",),
              location="e2", object="Cristal"),
        Event("v2", "STATEMENT", "negated", sentence(text, "It did not"), ("e1",)),
    )
    return Document(article, (softbank, tokyo), events)


def sentence(text: str, opening: str, closing: str = ".") -> Span:
    """From `opening` to the first `closing` after it (a sentence, by default)."""
    start = text.index(opening)
    return Span.of(text, start, text.index(closing, start) + len(closing))


@dataclass(frozen=True)
class Told:
    """One event as an article tells it, for `report_doc`: participants by canonical name."""

    type: str = "MEET"
    names: tuple[str, ...] = ("Shigeru Ishiba", "Donald Trump")
    status: str = "happened"
    when: date | None = date(2025, 2, 7)
    granularity: str = "day"
    amount: tuple[float, str] | None = None
    targets: tuple[str, ...] = ()


def report_doc(article_id: str, published: date | None, *told: Told,
               language: str = "en") -> Document:
    """An article telling each of `told` in a sentence of its own, entities shared by name.

    The first of `names` acts; the rest are targets when `targets` says so, else actors.
    """
    sentences = [f"{' and '.join(t.names)} took part in a {t.type.lower()} ({i})."
                 for i, t in enumerate(told)]
    text = " ".join(sentences)
    names = list(dict.fromkeys(n for t in told for n in t.names))
    entities = tuple(Entity(f"e{i + 1}", name, "PERSON", None, (name,),
                            (span(text, name),)) for i, name in enumerate(names))
    local = {e.name: e.id for e in entities}
    amounts = tuple(Money(f"m{i + 1}", t.amount[0], t.amount[1], span(text, f"({i})"))
                    for i, t in enumerate(told) if t.amount)
    money = {m.span.text: m for m in amounts}
    events = tuple(_told_event(text, f"v{i + 1}", t, sentences[i], local, money.get(f"({i})"))
                   for i, t in enumerate(told))
    article = Article(article_id, text, language, f"Report {article_id}",
                      f"https://news.example/{article_id}", f"Outlet {article_id}", published)
    return Document(article, entities, events, amounts)


def _told_event(text: str, local_id: str, told: Told, sentence_text: str,
                local: dict[str, str], money: Money | None) -> Event:
    when = None
    if told.when is not None:
        end = {"day": told.when, "month": _month_end(told.when),
               "year": date(told.when.year, 12, 31)}[told.granularity]
        when = DateRef("then", told.when, end, told.granularity)
    actors = tuple(local[n] for n in told.names if n not in told.targets)
    targets = tuple(local[n] for n in told.targets)
    return Event(local_id, told.type, told.status, span(text, sentence_text), actors, targets,
                 date=when, amount=money)


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


PARTIES = {
    "Japan": ("GPE", "JPN"), "United States": ("GPE", "USA"),
    "SoftBank Group": ("ORG", "JPN"), "Toyota": ("ORG", "JPN"),
    "Shigeru Ishiba": ("PERSON", "JPN"),
}


def pledge_doc(article_id: str, text: str, event_type: str, figure: str, value: float,
               actors: tuple[str, ...], targets: tuple[str, ...] = (), *,
               status: str = "planned", published: date = date(2025, 7, 23),
               conversion: tuple[str, float, str] | None = None,
               currency: str = "USD") -> Document:
    """An article whose one event carries the amount `figure` (words found in `text`)."""
    names = dict.fromkeys((*actors, *targets))
    entities = tuple(Entity(f"e{i}", name, *PARTIES[name], aliases=(name,),
                            mentions=(span(text, name),))
                     for i, name in enumerate(names, 1))
    local = {e.name: e.id for e in entities}
    money = Money("m1", value, currency, span(text, figure))
    amounts = [money]
    if conversion:
        words, other, other_currency = conversion
        amounts.append(Money("m2", other, other_currency, span(text, words)))
    event = Event("v1", event_type, status, span(text, text.rstrip(".")),
                  tuple(local[a] for a in actors), tuple(local[t] for t in targets),
                  amount=money)
    article = Article(article_id, text, "en", None, None, f"Outlet {article_id}", published)
    return Document(article, entities, (event,), tuple(amounts))
