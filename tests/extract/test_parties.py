"""Countries join the people who meet or agree for them when the text names one of
those countries as a party; two executives meeting are not their countries meeting.
Every row is a short article written for this test, run through the real pipeline.
"""

from __future__ import annotations

import pytest

# article, event type, the participants expected (exactly)
EN_ROWS: list = [
    # "U.S." names the United States as a party: Japan joins beside its prime minister
    # (Japan is named in another sentence)
    ("U.S. President Donald Trump and Prime Minister Shigeru Ishiba held talks by phone "
     "on Monday. Japan hopes for lower duties on its cars.", "MEET",
     {"Donald Trump", "Shigeru Ishiba", "United States", "Japan"}),
    # a country the article never names is not made up
    ("U.S. President Donald Trump and Prime Minister Shigeru Ishiba held talks by phone "
     "on Monday.", "MEET", {"Donald Trump", "Shigeru Ishiba", "United States"}),
    # no country named as a party: the people alone
    ("Masayoshi Son met Jensen Huang in Tokyo on Monday.", "MEET",
     {"Masayoshi Son", "Jensen Huang"}),
]

JA_ROWS: list = [
    # 米 before the secretary's title names the United States as a party: Japan, named in
    # the next sentence, joins beside its minister
    ("赤沢経済再生相はラトニック米商務長官と会談した。日本は早期の合意を目指す。", "MEET",
     {"Ryosei Akazawa", "Howard Lutnick", "United States", "Japan"}),
]


@pytest.mark.parametrize(("text", "event_type", "names"), EN_ROWS)
def test_countries_beside_their_people_en(extract, text: str, event_type: str,
                                          names: set[str]) -> None:
    found = extract(text)
    events = found.events_of(event_type)
    assert events, found.describe()
    assert found.participants(events[0]) == names, found.describe()


@pytest.mark.parametrize(("text", "event_type", "names"), JA_ROWS)
def test_countries_beside_their_people_ja(ja_extract, text: str, event_type: str,
                                          names: set[str]) -> None:
    found = ja_extract(text)
    events = found.events_of(event_type)
    assert events, found.describe()
    assert found.participants(events[0]) == names, found.describe()


# Talks the leaders have their ministers carry on are to come, between the countries.
DELEGATED_JA: list = [
    ("日本の石破首相は米国のトランプ大統領と会談した。両首脳は担当閣僚の間で協議を続けていく"
     "ことで一致した。", "planned", {"Japan", "United States"}),
    ("英国のスターマー首相とフランスのマクロン大統領は電話で話した。両首脳は閣僚に協議を進める"
     "よう指示した。", "planned", {"United Kingdom", "France"}),
]


@pytest.mark.parametrize(("text", "status", "names"), DELEGATED_JA)
def test_talks_left_to_ministers_are_planned_between_countries(
        ja_extract, text: str, status: str, names: set[str]) -> None:
    found = ja_extract(text)
    talks = [e for e in found.events_of("MEET") if found.participants(e) == names]
    assert talks, found.describe()
    assert talks[0].status == status, found.describe()


def test_talks_already_going_on_stay_as_they_were(ja_extract) -> None:
    found = ja_extract("日本の石破首相と米国のトランプ大統領は、担当閣僚の間で協議を続けてきた。")
    assert all(e.status != "planned" for e in found.events_of("MEET")), found.describe()
