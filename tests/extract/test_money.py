"""Money amounts found in raw text: value, currency and a span that slices the text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kizuna.extract.money import find_amounts

Row = tuple[str, list[tuple[str, float, str]]]

ENGLISH: list[Row] = [
    ("Stargate backers pledged $500 billion for data centres.",
     [("$500 billion", 500e9, "USD")]),
    ("The fund committed US$1 trillion over a decade.", [("US$1 trillion", 1e12, "USD")]),
    ("The bank set aside USD 40 billion for loans.", [("USD 40 billion", 40e9, "USD")]),
    ("The budget includes ¥78 trillion in spending.", [("¥78 trillion", 78e12, "JPY")]),
    ("Tokyo will provide 3 trillion yen in subsidies.", [("3 trillion yen", 3e12, "JPY")]),
    ("The startup raised $40bn from investors.", [("$40bn", 40e9, "USD")]),
    ("The charge totals $3.2bn, the filing showed.", [("$3.2bn", 3.2e9, "USD")]),
    ("Brussels aims to mobilise €200 billion.", [("€200 billion", 200e9, "EUR")]),
    ("The club paid £1.5 million for the striker.", [("£1.5 million", 1.5e6, "GBP")]),
    ("The programme costs 100 million euros a year.", [("100 million euros", 100e6, "EUR")]),
    ("Japan pledged $550 billion of investment.", [("$550 billion", 550e9, "USD")]),
    ("The plan is worth $1.2 trillion over ten years.", [("$1.2 trillion", 1.2e12, "USD")]),
    ("The deal, worth approximately ¥78 trillion, was signed.",
     [("¥78 trillion", 78e12, "JPY")]),
    ("The group will invest $500 billion (approximately ¥78 trillion) in AI.",
     [("$500 billion", 500e9, "USD"), ("¥78 trillion", 78e12, "JPY")]),
    ("Tickets cost $20 each.", [("$20", 20, "USD")]),
    ("The grant was $ 5 million in total.", [("$ 5 million", 5e6, "USD")]),
    ("Lunch at the canteen costs 1,000 yen.", [("1,000 yen", 1000, "JPY")]),
    ("A bento sells for ¥1,500 at the station.", [("¥1,500", 1500, "JPY")]),
    ("The ministry allocated Rs 500 crore to the scheme.", [("Rs 500 crore", 5e9, "INR")]),
    ("The state fund invested 5 billion yuan in the fab.", [("5 billion yuan", 5e9, "CNY")]),
    ("Beijing approved RMB 10 billion in loans.", [("RMB 10 billion", 10e9, "CNY")]),
    ("The offering raised CNY 3 billion.", [("CNY 3 billion", 3e9, "CNY")]),
    ("Seoul earmarked 10 trillion won for chips.", [("10 trillion won", 10e12, "KRW")]),
    ("The foundry will spend NT$5 billion on the site.", [("NT$5 billion", 5e9, "TWD")]),
    ("Canberra pledged A$2 million for research.", [("A$2 million", 2e6, "AUD")]),
    ("Ottawa committed C$3bn to the programme.", [("C$3bn", 3e9, "CAD")]),
    ("The stake is worth HK$10 million.", [("HK$10 million", 10e6, "HKD")]),
    ("Singapore set aside S$4 billion for AI.", [("S$4 billion", 4e9, "SGD")]),
    ("Funding reached $500 billion-plus by the end of the round.",
     [("$500 billion", 500e9, "USD")]),
    ("Estimates range from $10 billion to $20 billion.",
     [("$10 billion", 10e9, "USD"), ("$20 billion", 20e9, "USD")]),
    ("Analysts expect $10-20 billion in orders.",
     [("$10", 10e9, "USD"), ("20 billion", 20e9, "USD")]),
    ("The fund may grow to 40 billion USD.", [("40 billion USD", 40e9, "USD")]),
    ("The firm paid 50 billion U.S. dollars for the unit.",
     [("50 billion U.S. dollars", 50e9, "USD")]),
    ("The round valued the company at $5M.", [("$5M", 5e6, "USD")]),
    ("The settlement was $1,000,000 in cash.", [("$1,000,000", 1e6, "USD")]),
]

JAPANESE: list[Row] = [
    ("ソフトバンクは最大5000億ドルを投じる。", [("5000億ドル", 500e9, "USD")]),
    ("政府は約78兆円を計上した。", [("78兆円", 78e12, "JPY")]),
    ("国の支援額は最大1兆7225億円に膨らむ。", [("1兆7225億円", 1722500000000, "JPY")]),
    ("必要な資金は5兆円規模とされる。", [("5兆円", 5e12, "JPY")]),
    ("同社は年間30億ドル（約4500億円）を投じる。",
     [("30億ドル", 3e9, "USD"), ("4500億円", 450e9, "JPY")]),
    ("費用は約８億７０００万円だった。", [("８億７０００万円", 870e6, "JPY")]),
    ("中国は300億元を拠出した。", [("300億元", 30e9, "CNY")]),
]

NOT_MONEY: list[str] = [
    "Sales rose 5% in 2025.",
    "The company employs 2,500 people in 12 countries.",
    "South Korea won 3 gold medals on Sunday.",
    "The parcel weighs 100 pounds.",
    "The plant will open in 2025.",
    "The deal was signed on March 3, 2025.",
    "Tariffs of 25 percent will apply from Aug. 1.",
    "billions of dollars were wiped off the market.",
    "元首相が3日に訪米した。",
]


def _check_spans(text: str) -> list[tuple[str, float, str]]:
    amounts = find_amounts(text)
    for money in amounts:
        assert text[money.span.start : money.span.end] == money.span.text
    assert [m.id for m in amounts] == [f"m{i}" for i in range(1, len(amounts) + 1)]
    return [(m.span.text, m.value, m.currency) for m in amounts]


@pytest.mark.parametrize(("text", "expected"), ENGLISH + JAPANESE)
def test_find_amounts(text: str, expected: list[tuple[str, float, str]]) -> None:
    found = _check_spans(text)
    assert [(t, c) for t, _, c in found] == [(t, c) for t, _, c in expected]
    for (_, value, _), (_, want, _) in zip(found, expected, strict=True):
        assert value == pytest.approx(want, rel=1e-12)


@pytest.mark.parametrize("text", NOT_MONEY)
def test_not_money(text: str) -> None:
    assert _check_spans(text) == []


def test_values_are_exact_integers_when_whole() -> None:
    values = [m.value for m in find_amounts("$3.2bn and $1.2 trillion and 1兆7225億円")]
    assert values == [3_200_000_000, 1_200_000_000_000, 1_722_500_000_000]


def test_amounts_in_a_longer_article_keep_article_offsets() -> None:
    text = "Tokyo, Feb. 6 — Intro. The fund will add €20 billion, then $400 million."
    amounts = find_amounts(text)
    assert [m.span.text for m in amounts] == ["€20 billion", "$400 million"]
    assert all(text[m.span.start : m.span.end] == m.span.text for m in amounts)


PIECES = [
    " ", ",", ".", "-", " to ", "(", ")", "$", "US$", "¥", "€", "Rs", "USD ", "1", "20", "3.2",
    "1,000", "2025", "%", " billion", "bn", "m", " yen", " won", " euros", "億", "兆", "万", "円",
    "ドル", "元", "約", "０", "７",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_amounts_slice_the_text_in_order_without_overlap(pieces: list[str]) -> None:
    text = "".join(pieces)
    amounts = find_amounts(text)
    assert all(text[m.span.start : m.span.end] == m.span.text for m in amounts)
    assert all(a.span.end <= b.span.start for a, b in itertools.pairwise(amounts))
    assert all(m.value >= 0 for m in amounts)
