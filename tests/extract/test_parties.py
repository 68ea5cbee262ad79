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
