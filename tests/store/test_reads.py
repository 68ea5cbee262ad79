"""Reading by actor and by pair of countries: `kizuna.store.reads`.

Stores are built here from small hand-written articles (English and Japanese) whose
participants act for known countries; each happening is told in its own month unless a
test wants two reports of one happening, so what merges is plain.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from kizuna.model import Article, DateRef, Document, Entity, Event
from kizuna.store import Store
from kizuna.store.reads import (
    actor_events,
    actor_profile,
    cooperation_index,
    dyad_series,
)
from tests.store.factory import japanese_doc, release_doc, span, summit_doc

# canonical name -> (type, country, short English alias, Japanese form)
ACTORS = {
    "Shigeru Ishiba": ("PERSON", "JPN", "Ishiba", "石破茂"),
    "Donald Trump": ("PERSON", "USA", "Trump", "トランプ"),
    "Xi Jinping": ("PERSON", "CHN", "Xi", "習近平"),
    "Japan": ("GPE", "JPN", None, "日本"),
    "United States": ("GPE", "USA", "U.S.", "米国"),
    "Washington": ("GPE", "USA", None, "ワシントン"),
    "George Washington": ("PERSON", "USA", "Washington", None),
}

Told = tuple[str, tuple[str, ...], date | None, str]  # type, names (first acts), day, status


def story(article_id: str, published: date | None, *told: Told,
          language: str = "en") -> Document:
    """An article telling each of `told` in a sentence of its own.

    English articles name each actor in full and list its short form as an alias too;
    Japanese ones use the Japanese form only.
    """
    def surface(name: str) -> str:
        return ACTORS[name][3] if language == "ja" else name

    if language == "ja":
        sentences = [f"{'と'.join(surface(n) for n in names)}が{type}に参加した（{i}）。"
                     for i, (type, names, _, _) in enumerate(told)]
    else:
        sentences = [f"{' and '.join(names)} took part in a {type.lower()} ({i})."
                     for i, (type, names, _, _) in enumerate(told)]
    text = ("" if language == "ja" else " ").join(sentences)
    names = list(dict.fromkeys(n for _, group, _, _ in told for n in group))
    entities = []
    for i, name in enumerate(names):
        type, country, short, _ = ACTORS[name]
        aliases = (surface(name),) + ((short,) if short and language == "en" else ())
        entities.append(Entity(f"e{i + 1}", name, type, country, aliases,
                               (span(text, surface(name)),)))
    local = {e.name: e.id for e in entities}
    events = tuple(
        Event(f"v{i + 1}", type, status, span(text, sentences[i]), (local[group[0]],),
              tuple(local[n] for n in group[1:]),
              date=DateRef("then", day, day, "day") if day else None)
        for i, (type, group, day, status) in enumerate(told))
    article = Article(article_id, text, language, f"Report {article_id}",
                      f"https://news.example/{article_id}", f"Outlet {article_id}", published)
    return Document(article, tuple(entities), events)


ISHIBA, TRUMP, XI = "Shigeru Ishiba", "Donald Trump", "Xi Jinping"


@pytest.fixture
def dyads(store: Store) -> Store:
    """Japan and the United States over three months, plus events that must not count.

    January: a summit (told twice, in English and in Japanese: one merged event), a
    purchase, and U.S. restrictions on Japan. February: nothing between them, Ishiba meets
    Xi. March: U.S. restrictions again, a deal that did not happen (negated), a statement
    (neither cooperative nor restrictive). April: a Japanese policy with no U.S. side.
    """
    docs = [
        story("jan-summit", date(2025, 1, 11), ("MEET", (ISHIBA, TRUMP), date(2025, 1, 10),
                                                "happened")),
        story("jan-summit-ja", date(2025, 1, 11), ("MEET", (ISHIBA, TRUMP), date(2025, 1, 10),
                                                   "happened"), language="ja"),
        story("jan-trade", date(2025, 1, 26),
              ("TRADE", ("Japan", "United States"), date(2025, 1, 25), "planned"),
              ("RESTRICT", ("United States", "Japan"), date(2025, 1, 20), "happened")),
        story("feb-xi", date(2025, 2, 16), ("MEET", (ISHIBA, XI), date(2025, 2, 15),
                                            "happened")),
        story("mar", date(2025, 3, 21),
              ("RESTRICT", (TRUMP, "Japan"), date(2025, 3, 5), "happened"),
              ("AGREE", (ISHIBA, TRUMP), date(2025, 3, 15), "negated"),
              ("STATEMENT", (ISHIBA, TRUMP), date(2025, 3, 20), "happened")),
        story("apr", date(2025, 4, 2), ("POLICY", (ISHIBA, "Japan"), date(2025, 4, 1),
                                        "happened")),
    ]
    for doc in docs:
        store.save_document(doc)
    return store


# --- actor_events --------------------------------------------------------------------

def test_an_actor_is_found_by_name_alias_or_japanese_form_in_any_case(dyads: Store) -> None:
    by_name = [e.id for e in actor_events(dyads, ISHIBA)]
    assert len(by_name) == 5  # the summit once, though two articles report it
    for form in ("shigeru ishiba", "ISHIBA", "Ishiba", "石破茂", "  石破茂 "):
        assert [e.id for e in actor_events(dyads, form)] == by_name, form


def test_a_japanese_alias_finds_events_only_english_articles_report(dyads: Store) -> None:
    events = actor_events(dyads, "石破茂")
    languages = {e.id: {c.language for c in e.citations} for e in events}
    assert {"en", "ja"} in languages.values()  # the summit, in both languages
    assert {"en"} in languages.values()        # and the rest, told in English only


def test_actor_events_come_newest_first_and_filter_by_date(dyads: Store) -> None:
    events = actor_events(dyads, TRUMP)
    days = [e.date.start for e in events]
    assert days == sorted(days, reverse=True)
    assert [e.type for e in events] == ["STATEMENT", "AGREE", "RESTRICT", "MEET"]
    march = actor_events(dyads, TRUMP, since=date(2025, 3, 1), until=date(2025, 3, 16))
    assert [e.type for e in march] == ["AGREE", "RESTRICT"]
    assert [e.type for e in actor_events(dyads, TRUMP, limit=1)] == ["STATEMENT"]


def test_actor_events_are_merged_events_with_every_citation(dyads: Store) -> None:
    (summit,) = [e for e in actor_events(dyads, "トランプ") if e.type == "MEET"]
    assert {c.doc_id for c in summit.citations} == {"jan-summit", "jan-summit-ja"}
    assert {p.name for p in summit.actors} == {ISHIBA, TRUMP}
    assert summit.date.start == date(2025, 1, 10)


def test_an_unknown_or_empty_name_has_no_events(dyads: Store) -> None:
    assert actor_events(dyads, "Nobody") == []
    assert actor_events(dyads, "  ") == []
    assert actor_profile(dyads, "Nobody") is None


def test_a_canonical_name_wins_over_another_actors_alias(store: Store) -> None:
    store.save_document(story("city", date(2025, 5, 2),
                              ("VISIT", (ISHIBA, "Washington"), date(2025, 5, 1), "happened")))
    store.save_document(story("president", date(2025, 6, 2),
                              ("STATEMENT", ("George Washington", "Japan"), date(2025, 6, 1),
                               "happened")))
    assert [e.type for e in actor_events(store, "washington")] == ["VISIT"]
    assert [e.type for e in actor_events(store, "George Washington")] == ["STATEMENT"]
    profile = actor_profile(store, "Washington")
    assert (profile.name, profile.type) == ("Washington", "GPE")


def test_the_stored_fixture_documents_are_read_too(store: Store) -> None:
    for doc in (summit_doc(), japanese_doc(), release_doc()):
        store.save_document(doc)
    # the English COOPERATE and the Japanese AGREE of the AI pledge are one (related types)
    assert {e.type for e in actor_events(store, "石破茂")} == {"MEET", "AGREE"}
    assert {e.type for e in actor_events(store, "softbank")} == {"RELEASE", "STATEMENT"}


# --- actor_profile -------------------------------------------------------------------

def test_a_profile_says_who_the_actor_is(dyads: Store) -> None:
    profile = actor_profile(dyads, "石破茂")
    assert (profile.name, profile.type, profile.country) == (ISHIBA, "PERSON", "JPN")
    assert profile.aliases[0] == ISHIBA
    assert set(profile.aliases) == {ISHIBA, "Ishiba", "石破茂"}
    assert profile.others == ()


def test_a_profile_counts_events_by_type(dyads: Store) -> None:
    profile = actor_profile(dyads, ISHIBA)
    assert profile.by_type == {"MEET": 2, "AGREE": 1, "POLICY": 1, "STATEMENT": 1}
    assert list(profile.by_type) == ["MEET", "AGREE", "POLICY", "STATEMENT"]
    assert profile.events == 5
    assert (profile.first, profile.last) == (date(2025, 1, 10), date(2025, 4, 1))


def test_a_profile_names_who_the_actor_appears_with_most(dyads: Store) -> None:
    partners = actor_profile(dyads, ISHIBA).partners
    assert (partners[0].name, partners[0].country, partners[0].events) == (TRUMP, "USA", 3)
    assert {(p.name, p.events) for p in partners[1:]} == {(XI, 1), ("Japan", 1)}
    assert actor_profile(dyads, ISHIBA, top=1).partners == partners[:1]


def test_a_profile_is_plain_json(dyads: Store) -> None:
    data = actor_profile(dyads, "Trump").to_dict()
    assert data["name"] == TRUMP and data["country"] == "USA"
    assert data["partners"][0] == {"name": ISHIBA, "type": "PERSON", "country": "JPN",
                                   "events": 3}
    assert data["first"] == "2025-01-10"


# --- dyad_series ---------------------------------------------------------------------

def months(series) -> list[tuple[str, int, int]]:
    return [(m.month, m.cooperative, m.restrictive) for m in series.months]


def test_a_dyad_counts_cooperative_and_restrictive_events_by_month(dyads: Store) -> None:
    series = dyad_series(dyads, "JPN", "USA")
    # January: the summit (once) and the purchase against one restriction; February has
    # nothing between them; March: one restriction (the negated deal and the statement
    # count for neither side); April's policy has no U.S. side.
    assert months(series) == [("2025-01", 2, 1), ("2025-02", 0, 0), ("2025-03", 0, 1)]
    assert [m.index for m in series.months] == pytest.approx([1 / 3, 0.0, -1.0])
    assert (series.cooperative, series.restrictive) == (2, 2)
    assert series.index == 0.0


def test_a_dyad_is_the_same_either_way_round_and_in_any_case(dyads: Store) -> None:
    assert months(dyad_series(dyads, "usa", "jpn")) == months(dyad_series(dyads, "JPN", "USA"))
    assert dyad_series(dyads, "usa", "jpn").countries == ("USA", "JPN")


def test_a_dyad_lists_its_latest_events_newest_first(dyads: Store) -> None:
    series = dyad_series(dyads, "JPN", "USA")
    assert [e.type for e in series.latest] == ["RESTRICT", "TRADE", "RESTRICT", "MEET"]
    assert [e.type for e in dyad_series(dyads, "JPN", "USA", latest=2).latest] == [
        "RESTRICT", "TRADE"]
    assert dyad_series(dyads, "JPN", "USA", latest=0).latest == ()


def test_since_and_until_bound_the_months(dyads: Store) -> None:
    series = dyad_series(dyads, "JPN", "USA", since=date(2024, 12, 1), until=date(2025, 2, 28))
    assert months(series) == [("2024-12", 0, 0), ("2025-01", 2, 1), ("2025-02", 0, 0)]
    assert [e.type for e in series.latest] == ["TRADE", "RESTRICT", "MEET"]
    later = dyad_series(dyads, "JPN", "USA", since=date(2025, 1, 21))
    assert months(later) == [("2025-01", 1, 0), ("2025-02", 0, 0), ("2025-03", 0, 1)]


def test_a_dyad_needs_a_participant_acting_for_each_country(dyads: Store) -> None:
    assert months(dyad_series(dyads, "JPN", "CHN")) == [("2025-02", 1, 0)]
    assert months(dyad_series(dyads, "USA", "CHN")) == []
    assert dyad_series(dyads, "USA", "CHN").index == 0.0


def test_undated_events_are_counted_apart(store: Store) -> None:
    summit = summit_doc()
    # without the English COOPERATE, which the Japanese AGREE (a related type) would join
    for doc in (replace(summit, events=summit.events[:2]), japanese_doc(), release_doc()):
        store.save_document(doc)
    series = dyad_series(store, "JPN", "USA")
    # MEET dated 7 Feb; INVEST undated, so by its article of 8 Feb; the Japanese AGREE
    # has neither date nor publication date.
    assert months(series) == [("2025-02", 2, 0)]
    assert series.undated == 1
    assert series.latest[-1].type == "AGREE"
    assert series.to_dict()["undated"] == 1


def test_a_dyad_is_plain_json(dyads: Store) -> None:
    data = dyad_series(dyads, "JPN", "USA", latest=1).to_dict()
    assert data["countries"] == ["JPN", "USA"]
    assert data["months"][0] == {"month": "2025-01", "cooperative": 2, "restrictive": 1,
                                 "index": 0.3333}
    assert data["latest"][0]["type"] == "RESTRICT"
    assert data["cooperative_types"] == ["MEET", "VISIT", "AGREE", "COOPERATE", "INVEST",
                                         "TRADE"]


@pytest.mark.parametrize(("a", "b"), [("JPN", "JPN"), ("JP", "USA"), ("JPN", "U$A"),
                                      ("", "USA")])
def test_a_dyad_needs_two_country_codes(dyads: Store, a: str, b: str) -> None:
    with pytest.raises(ValueError):
        dyad_series(dyads, a, b)


def test_cooperation_index() -> None:
    assert cooperation_index(0, 0) == 0.0
    assert cooperation_index(3, 0) == 1.0
    assert cooperation_index(0, 2) == -1.0
    assert cooperation_index(3, 1) == 0.5
