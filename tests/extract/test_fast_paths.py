"""Shortcuts taken for speed give what the long way gives."""

from __future__ import annotations

import random

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



def test_a_loaded_model_is_out_of_the_collectors_reach():
    import gc

    from kizuna.nlp import backend

    nlp = backend.load("en")
    # the model's own objects (its vocabulary's lookup tables, say) are frozen, and
    # a full collection after loading finds them no longer among those it walks
    assert gc.get_freeze_count() > 10_000
    tracked = {id(o) for o in gc.get_objects()}
    assert id(nlp) not in tracked and id(nlp.pipeline) not in tracked
