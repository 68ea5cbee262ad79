"""Shortcuts taken for speed give what the long way gives."""

from __future__ import annotations

import random
from datetime import date

from kizuna.extract.dates import date_ref, direction_of, longest_first, matching
from kizuna.extract.en import dates as en_dates
from kizuna.extract.mentions import Occupancy
from kizuna.model import NameMention


def _mention(start: int, end: int) -> NameMention:
    return NameMention(start, end, "x" * max(end - start, 0), "ORG")


def _brute_free(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in ranges)


def test_occupancy_agrees_with_checking_every_range():
    rng = random.Random(7)
    for with_empty in (False, True):
        ranges: list[tuple[int, int]] = []
        taken = Occupancy([])
        for _ in range(400):
            start = rng.randrange(0, 300)
            end = start + rng.randrange(0 if with_empty else 1, 12)
            assert taken.free(start, end) == _brute_free(ranges, start, end), (start, end)
            if rng.random() < 0.3:
                taken.add(_mention(start, end))
                ranges.append((start, end))
        assert any(not _brute_free(ranges, s, s + 3) for s in range(300))


def test_occupancy_keeps_the_first_of_overlapping_mentions():
    taken = Occupancy([_mention(10, 20)])
    kept = taken.keep([_mention(15, 25), _mention(20, 30), _mention(25, 28), _mention(0, 10)])
    assert [(m.start, m.end) for m in kept] == [(20, 30), (0, 10)]


# Written for this test: sentences with and without dates, in several cases and forms.
SENTENCES = [
    "The board met on Monday and again on Feb. 3, 2025.",
    "Shipments resumed in early March after talks last week.",
    "The plant will open next year, the company said TODAY.",
    "Officials declined to comment on the proposal.",
    "Revenue rose 12% to $4 billion in fiscal 2024.",
    "Talks are set for Thursday to Saturday in Geneva.",
    "The accord, signed 2024-11-05, takes effect tomorrow.",
    "Analysts expect a decision by the end of the month.",
    "No one at the ministry would say when the review ends.",
    "A meeting on 4 July followed one on the 2nd of June.",
    "It was the busiest weekend since records began.",
    "THE MINISTER SPOKE BRIEFLY AND LEFT.",
]


def test_dates_found_with_the_anchor_check_are_the_full_scans():
    text = " ".join(SENTENCES)
    published = date(2025, 6, 18)
    skipped = 0
    offset = 0
    for sentence in SENTENCES:
        start, end = offset, offset + len(sentence)
        offset = end + 1
        for tense in ("past", "future", "present"):
            found = matching(en_dates._patterns(), text, start, end, published,
                             direction_of(tense))
            full = [date_ref(text, s, e, p) for s, e, p in longest_first(found)]
            assert en_dates.resolve_dates(text, start, end, published, tense) == full
        if not en_dates._anchors().search(text, start, end):
            skipped += 1
    assert 0 < skipped < len(SENTENCES)  # the shortcut is taken, and not everywhere
