"""Amounts in Japanese news (5000億ドル, 1兆7225億円, 5兆円規模) and the amount an event
takes. Every row is a short article written for this test, run through the real pipeline
(GiNZA loaded once per module).
"""

from __future__ import annotations

import pytest

# article, every amount as (text, value, currency), the event type, the event's amount
AMOUNTS: list = [
    # the same sum in two currencies is two amounts; the event takes the first
    ("ソフトバンクグループとオープンAIは米国のAI基盤に5000億ドル（約78兆円）を投資する"
     "計画を発表した。",
     [("5000億ドル", 500e9, "USD"), ("78兆円", 78e12, "JPY")], "INVEST", (500e9, "USD")),
    ("日本は米国への投資を1兆ドル規模に拡大する方針を示した。",
     [("1兆ドル", 1e12, "USD")], "INVEST", (1e12, "USD")),
    ("政府の半導体産業への支援は累計1兆7225億円に達した。",
     [("1兆7225億円", 1722.5e9, "JPY")], None, None),
    ("政府はAI分野に5兆円規模を投じる計画だ。",
     [("5兆円", 5e12, "JPY")], "INVEST", (5e12, "JPY")),
    ("オープンAIは日本のデータセンターに30億ドルを投資すると発表した。",
     [("30億ドル", 3e9, "USD")], "INVEST", (3e9, "USD")),
    ("トヨタ自動車は米国の新工場に4500億円を投資すると発表した。",
     [("4500億円", 450e9, "JPY")], "INVEST", (450e9, "JPY")),
    ("日本は米国からLNGを年間80億ドル分輸入する。",
     [("80億ドル", 8e9, "USD")], "TRADE", (8e9, "USD")),
    ("エヌビディアは日本の新興企業に30億ドル（約4500億円）を出資した。",
     [("30億ドル", 3e9, "USD"), ("4500億円", 450e9, "JPY")], "INVEST", (3e9, "USD")),
]


@pytest.mark.parametrize(("text", "amounts", "event_type", "event_amount"), AMOUNTS)
def test_amounts_and_the_event_amount(ja_extract, text: str, amounts: list,
                                      event_type: str | None, event_amount) -> None:
    found = ja_extract(text)
    got = [(m.span.text, m.value, m.currency) for m in found.doc.amounts]
    assert [(t, c) for t, _, c in got] == [(t, c) for t, _, c in amounts], found.describe()
    for (_, value, _), (_, expected, _) in zip(got, amounts, strict=True):
        assert value == pytest.approx(expected)
    for money in found.doc.amounts:
        assert text[money.span.start:money.span.end] == money.span.text
    if event_type is None:
        return
    event = next(iter(found.events_of(event_type)), None)
    assert event is not None and event.amount is not None, found.describe()
    value, currency = event_amount
    assert event.amount.value == pytest.approx(value)
    assert event.amount.currency == currency


def test_no_amount_on_events_that_take_none(ja_extract) -> None:
    found = ja_extract("石破首相は5000億ドル規模の投資計画を説明した後、トランプ大統領と会談した。")
    meet = found.has_event("MEET", {"Shigeru Ishiba", "Donald Trump"})
    assert meet is not None and meet.amount is None, found.describe()
