"""Page furniture inside an excerpt (photo credits, licensing, copyright and read-more
lines, ticker links, metadata stamps) yields no names or events, while every span still
slices the article text as given. Each text is written for this test."""

from __future__ import annotations

from kizuna.parse.text import boilerplate_spans

CREDITED = (
    "A robot arm is shown at a trade fair in Osaka, Japan, May 2, 2025. "
    "KYODO/Mariko Sato/File Photo Purchase Licensing Rights\n\n"
    "Fanuc will invest $1 billion in a new plant in Yamanashi.\n\n"
    "Read more: How robot makers see the yen\n\n"
    "Copyright 2025 Example Wire. All rights reserved."
)


def test_credits_and_link_lines_are_furniture() -> None:
    found = [CREDITED[s:e].strip() for s, e in boilerplate_spans(CREDITED)]
    assert "KYODO/Mariko Sato/File Photo" in found
    assert "Purchase Licensing Rights" in found
    assert "Read more: How robot makers see the yen" in found
    assert "Copyright 2025 Example Wire. All rights reserved." in found


def test_the_story_itself_is_not_furniture() -> None:
    story = CREDITED.index("Fanuc will invest")
    assert not any(s <= story < e for s, e in boilerplate_spans(CREDITED))


def test_a_metadata_stamp_goes_but_the_sentence_after_it_stays() -> None:
    text = " date 2025-03-03 Toyota said on Monday it would build a plant in Texas."
    (start, end), = boilerplate_spans(text)
    assert text[start:end].strip() == "date 2025-03-03"


def test_no_name_or_event_is_read_from_a_credit(extract) -> None:
    got = extract(CREDITED)
    names = {e.name for e in got.doc.entities}
    assert not any("Photo" in n or "Sato" in n for n in names), got.describe()
    assert got.events_of("INVEST"), got.describe()
    for entity in got.doc.entities:
        for mention in entity.mentions:
            assert CREDITED[mention.start:mention.end] == mention.text


def test_ticker_links_in_japanese_copy_are_not_names(ja_extract) -> None:
    text = ("パナソニック(6752.T), opens new tab、ソニー(6758.T), opens new tab"
            "は協業すると発表した。")
    found = ja_extract(text)
    names = {e.name for e in found.doc.entities}
    assert not any("opens" in n or ".T" in n for n in names), found.describe()
