"""Headlines from the record: every type and status in both languages, no empty slot, no
dangling particle, no name in the wrong script."""

from __future__ import annotations

import re
from datetime import date
from itertools import product

import pytest

from kizuna.model import EVENT_TYPES, STATUSES
from kizuna.render.formats import amount_text, date_text
from kizuna.render.headlines import fill, headlines

JA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
ISHIBA = {"name": "Shigeru Ishiba", "type": "PERSON", "country": "JPN"}
TRUMP = {"name": "Donald Trump", "type": "PERSON", "country": "USA"}
JAPAN = {"name": "Japan", "type": "GPE", "country": "JPN"}
USA = {"name": "United States", "type": "GPE", "country": "USA"}
UNKNOWN = {"name": "Kestrel Robotics", "type": "ORG", "country": None}


def event(type: str, status: str, actors=(JAPAN,), targets=(USA,), amount=None,
          when=("2025-02-07", "day"), location=None, object=None) -> dict:
    return {"id": "ev-x", "type": type, "status": status, "actors": list(actors),
            "targets": list(targets), "location": location, "object": object,
            "amount": amount,
            "date": {"start": when[0], "end": when[0], "granularity": when[1]} if when else None}


SHAPES = {
    "full": dict(amount={"value": 5.5e11, "currency": "USD"}, location="Washington"),
    "bare": dict(actors=(), targets=(), when=None),
    "no targets": dict(targets=()),
    "no actors": dict(actors=()),
}


@pytest.mark.parametrize(("type", "status", "shape"),
                         list(product(EVENT_TYPES, STATUSES, SHAPES)))
def test_every_type_and_status_reads_in_both_languages(type, status, shape):
    told = headlines(event(type, status, **SHAPES[shape]))
    for language, text in told.items():
        assert text, (language, type, status, shape)
        assert "{" not in text and "[" not in text and "]" not in text
        assert not re.search(r"\s{2,}|\(\)|（）", text), text
    assert not JA.search(told["en"]), told["en"]
    assert not LATIN_WORD.search(told["ja"]), told["ja"]  # every name here is known in Japanese
    assert told["en"][0].isupper()
    # no dangling particle: no Japanese line starts or ends on one, or leaves one before 、（
    assert not re.match(r"^[をにでとがのへ、]", told["ja"]), told["ja"]
    assert not re.search(r"[をにでとが](?:[（、]|$)", told["ja"]), told["ja"]


@pytest.mark.parametrize("status", STATUSES)
def test_each_status_reads_as_such(status):
    words = {"happened": ("met", "会談"), "planned": ("to meet", "会談へ"),
             "considered": ("consider", "検討"), "negated": ("did not", "見送り")}[status]
    told = headlines(event("MEET", status, actors=(ISHIBA, TRUMP), targets=()))
    assert words[0] in told["en"] and words[1] in told["ja"]


def test_the_examples_the_issue_gives():
    summit = headlines(event("MEET", "happened", actors=(ISHIBA, TRUMP), targets=(),
                             location="Washington"))
    assert summit == {"en": "Ishiba and Trump met in Washington (Feb. 7, 2025)",
                      "ja": "石破首相とトランプ大統領がワシントンで会談（2025年2月7日）"}
    pledge = headlines(event("INVEST", "planned", amount={"value": 5.5e11, "currency": "USD"},
                             when=None))
    assert pledge == {"en": "Japan plans to invest $550 billion in the United States",
                      "ja": "日本、米国に5500億ドルの投資を計画"}


@pytest.mark.parametrize(("type", "status", "verb"), [
    ("TRADE", "planned", "plan to buy"), ("INVEST", "planned", "plan to invest"),
    ("INVEST", "considered", "are considering investing"),
    ("VISIT", "considered", "consider visiting"),
])
def test_a_verb_after_several_actors_agrees_with_them(type, status, verb):
    one = headlines(event(type, status, actors=(JAPAN,)))["en"]
    two = headlines(event(type, status, actors=(JAPAN, ISHIBA)))["en"]
    assert one.startswith("Japan ") and verb not in one
    assert two.startswith(f"Japan and Ishiba {verb}")


def test_an_actor_known_in_one_language_keeps_its_form():
    told = headlines(event("RELEASE", "happened", actors=(UNKNOWN,), targets=()))
    assert told["en"].startswith("Kestrel Robotics released")
    assert told["ja"].startswith("Kestrel Robotics、")


def test_source_text_only_in_the_readers_script():
    told = headlines(event("AGREE", "happened", actors=(JAPAN, USA), targets=(),
                           object="trade deal", when=None))
    assert told["en"] == "Japan and the United States agreed on trade deal"
    assert "trade" not in told["ja"] and told["ja"] == "日本と米国が合意"


@pytest.mark.parametrize(("value", "currency", "en", "ja"), [
    (5.5e11, "USD", "$550 billion", "5500億ドル"),
    (8e13, "JPY", "¥80 trillion", "80兆円"),
    (1.2e12, "JPY", "¥1.2 trillion", "1兆2000億円"),
    (2.25e10, "USD", "$22.5 billion", "225億ドル"),
    (3e6, "EUR", "€3 million", "300万ユーロ"),
    (950, "USD", "$950", "950ドル"),
])
def test_amounts_as_people_write_them(value, currency, en, ja):
    assert (amount_text(value, currency, "en"), amount_text(value, currency, "ja")) == (en, ja)


def test_dates_by_granularity():
    assert date_text(date(2025, 2, 7), None, "day", "en") == "Feb. 7, 2025"
    assert date_text(date(2025, 6, 1), date(2025, 6, 30), "month", "en") == "June 2025"
    assert date_text(date(2025, 6, 1), date(2025, 6, 30), "month", "ja") == "2025年6月"
    assert date_text(date(2025, 1, 1), date(2025, 12, 31), "year", "ja") == "2025年"
    assert date_text(date(2025, 3, 3), date(2025, 3, 9), "day", "en") == \
        "March 3, 2025 – March 9, 2025"


def test_an_optional_part_goes_with_its_empty_slot():
    assert fill("{a} met[ in {b}][ ({c})]", {"a": "X", "b": "", "c": "today"}) == "X met (today)"
