#!/usr/bin/env python3
"""Headlines over a real corpus: ingest a folder into a temporary store and check every
merged event's headline in both languages.

    python scripts/check_headlines.py ../shared/eval/dev

Checked: no empty slot or bracket left, no doubled space or empty brackets, no Japanese
line starting or ending on a particle, no Japanese in an English headline, and no
English name in a Japanese headline for an actor the gazetteer knows in Japanese.
Prints each problem and a count; exit status 1 when there is one.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from kizuna.contract import merged_event_to_dict
from kizuna.ingest import ingest
from kizuna.render.headlines import headlines
from kizuna.resolve.gazetteer import default_gazetteer
from kizuna.store import Store
from kizuna.store.merged import iter_merged_events

JA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def problems(event: dict) -> list[str]:
    told = headlines(event)
    found = []
    for language, text in told.items():
        if not text or re.search(r"[{}\[\]]|\s{2,}|\(\)|（）", text):
            found.append(f"{language}: malformed: {text!r}")
    japanese_only = [p["name"] for p in (*event["actors"], *event["targets"])
                     if JA.search(p["name"])]  # known in one language only: kept so
    english = told["en"]
    for name in japanese_only:
        english = english.replace(name, "")
    if JA.search(english):
        found.append(f"en: Japanese in {told['en']!r}")
    if re.match(r"^[をにでとがのへ、]", told["ja"]) or re.search(r"[をにでとが](?:[（、]|$)",
                                                                told["ja"]):
        found.append(f"ja: dangling particle in {told['ja']!r}")
    for party in (*event["actors"], *event["targets"]):
        known = default_gazetteer().by_name(party["name"])
        if known and known.ja and party["name"] in told["ja"]:
            found.append(f"ja: English name {party['name']!r} in {told['ja']!r}")
    return found


def main(folder: str) -> int:
    with tempfile.TemporaryDirectory() as tmp, Store.open(str(Path(tmp) / "h.db")) as store:
        ingest([folder], store)
        events = [merged_event_to_dict(e) for e in iter_merged_events(store)]
    bad = 0
    for event in events:
        for problem in problems(event):
            bad += 1
            print(f"{event['id']} {event['type']} {event['status']}: {problem}")
    print(f"{len(events)} merged events, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/dev"))
