#!/usr/bin/env python3
"""Peak memory of `kizuna ingest` as the number of inputs grows (issue: streaming ingest).

    python scripts/ingest_memory.py [--small 300 --large 3000]

Writes generated short English articles (kizuna.benchcorpus, cut to their first
paragraph) as one JSON Lines file and as a folder of files, runs `kizuna ingest` on each
in a fresh database as a child process, and prints its peak resident memory (ru_maxrss of
the child). Streaming holds the large runs within 1.25x of the small ones.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from kizuna.bench import corpus as benchcorpus


def records(count: int) -> list[dict]:
    made = []
    for article in benchcorpus.generate(count, seed=5, language="en"):
        text = article.text.split("\n\n")[0]
        made.append({"id": f"mem-{article.id}", "text": text, "language": "en",
                     "published": article.published.isoformat() if article.published else None,
                     "source": article.source, "title": article.title})
    return made


# Run in a process of its own, so ru_maxrss of its children is this ingest's alone.
_MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
if done.returncode not in (0, 1):
    sys.exit(done.stderr)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_mb(inputs: list[str], db: Path) -> float:
    command = [sys.executable, "-m", "kizuna.cli", "ingest", *inputs, "--db", str(db)]
    done = subprocess.run([sys.executable, "-c", _MEASURE, *command], capture_output=True,
                          text=True, check=True)
    return int(done.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=int, default=300)
    parser.add_argument("--large", type=int, default=3000)
    parser.add_argument("--kinds", default="jsonl,files", help="jsonl, files or both")
    args = parser.parse_args()
    kinds = [k for k in args.kinds.split(",") if k in ("jsonl", "files")]
    with tempfile.TemporaryDirectory(prefix="kizuna-memory-") as folder:
        root = Path(folder)
        figures = {}
        for kind in kinds:
            for count in (args.small, args.large):
                made = records(count)
                if kind == "jsonl":
                    path = root / f"{count}.jsonl"
                    path.write_text("".join(json.dumps(r) + "\n" for r in made), encoding="utf-8")
                    inputs = [str(path)]
                else:
                    sub = root / f"files-{count}"
                    sub.mkdir()
                    for r in made:
                        path = sub / f"{r['id']}.article.json"
                        path.write_text(json.dumps(r), encoding="utf-8")
                    inputs = [str(sub)]
                figures[(kind, count)] = peak_mb(inputs, root / f"{kind}-{count}.db")
                print(f"{kind:<5} {count:>6} articles: peak {figures[(kind, count)]:.0f} MB",
                      flush=True)
        for kind in kinds:
            ratio = figures[(kind, args.large)] / figures[(kind, args.small)]
            print(f"{kind}: {args.large} / {args.small} articles = {ratio:.2f}x peak memory")


if __name__ == "__main__":
    main()
