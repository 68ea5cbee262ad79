#!/usr/bin/env python3
"""How much merging depends on the order articles arrive in (issue 11).

Ingests the articles of a corpus folder one per `kizuna ingest` run, in a seeded random
order, into a fresh database, exports the merged events and scores them with the shared
merge scorer; once per seed. The spread of pair F1 across seeds is what the bar limits.

    python scripts/merge_orders.py ../shared/eval/dev --seeds 1 2 3 [--in-order]

Run with PYTHONPATH set to the checkout whose code should run. `--in-order` adds one
ingest of all files, in name order, in one run (the plain measurement).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_KIZUNA = Path(sys.executable).with_name("kizuna")
DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score_merge.py"


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kwargs)


def score_order(folder: Path, files: list[Path], one_per_run: bool, kizuna: str,
                scorer: Path, explain: bool) -> tuple[dict[str, float], str]:
    """Ingest `files` in this order into a fresh database; the scorer's figures and text."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "orders.db")
        batches = [[f] for f in files] if one_per_run else [files]
        for batch in batches:
            run([kizuna, "ingest", *map(str, batch), "--db", db])
        out = Path(tmp) / "events.jsonl"
        out.write_text(run([kizuna, "export", "events", "--db", db, "--format", "jsonl"]).stdout,
                       encoding="utf-8")
        args = [sys.executable, str(scorer), str(folder), str(out)]
        text = run(args + (["--explain"] if explain else [])).stdout
    return figures(text), text


def figures(text: str) -> dict[str, float]:
    """The scorer's headline numbers: its report opens with one JSON object."""
    report, _ = json.JSONDecoder().raw_decode(text.lstrip())
    pairs, cross = report["pairs"], report["cross_language_pairs"]
    return {"f1": pairs["f1"], "p": pairs["p"], "r": pairs["r"], "cross_f1": cross["f1"],
            "split": report["keys_split"], "fused": report["merged_events_fusing_keys"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seeds", type=int, nargs="*", default=[1, 2, 3])
    parser.add_argument("--in-order", action="store_true")
    parser.add_argument("--kizuna", default=os.environ.get("KIZUNA_BIN", str(DEFAULT_KIZUNA)))
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.article.json"))
    if not files:
        print(f"error: no *.article.json in {args.folder}", file=sys.stderr)
        return 2
    runs: list[tuple[str, list[Path], bool]] = []
    if args.in_order:
        runs.append(("in order", files, False))
    for seed in args.seeds:
        shuffled = files[:]
        random.Random(seed).shuffle(shuffled)
        runs.append((f"seed {seed}", shuffled, True))
    results = {}
    for label, order, one_per_run in runs:
        found, text = score_order(args.folder, order, one_per_run, args.kizuna, args.scorer,
                                  args.explain)
        results[label] = found
        print(f"== {label}: {json.dumps(found)}", flush=True)
        if args.explain:
            print(text, flush=True)
    f1s = [r["f1"] for label, r in results.items() if label != "in order"]
    if len(f1s) > 1:
        print(f"shuffled pair F1 spread: {max(f1s) - min(f1s):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
