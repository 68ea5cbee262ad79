"""Print one table of extraction quality: dev and (when its texts are rebuilt) dev-real,
English, Japanese and combined, every figure `score.py` reports that the project's bars use.

    python scripts/eval.py [--shared ../shared/eval] [--dev-real DIR]

The dev-real texts are third-party excerpts rebuilt outside the repository (default
/tmp/kizuna-dev-real, or $KIZUNA_DEV_REAL); without them that row is left out, with a note.
Each corpus is extracted once; score.py is run on per-language copies of the gold folder so
every figure (not only the ones score.py splits by language) is given per language.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
F1_FIGURES = ("events", "events_strict", "participants", "entities")
ACCURACY_FIGURES = ("date", "status", "amount", "speaker", "provenance")
HEADERS = ("events F1", "strict", "particip.", "entities", "date", "status", "amount",
           "speaker", "provenance")


def kizuna_command() -> list[str]:
    """The kizuna next to this interpreter, running the code of this checkout."""
    script = Path(sys.executable).with_name("kizuna")
    return [str(script)] if script.exists() else [sys.executable, "-c",
                                                  "from kizuna.cli import main; main()"]


def extract(articles: list[Path], out: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with out.open("w", encoding="utf-8") as sink:
        subprocess.run([*kizuna_command(), "extract", *map(str, articles), "--format", "jsonl"],
                       stdout=sink, env=env, check=True)


def language_folders(gold_dir: Path, work: Path) -> dict[str, Path]:
    """Copies of the gold folder holding one language each, plus the whole folder."""
    folders = {"all": gold_dir}
    for article in sorted(gold_dir.glob("*.article.json")):
        language = json.loads(article.read_text(encoding="utf-8")).get("language", "?")
        gold = article.with_name(article.name.replace(".article.json", ".gold.json"))
        target = work / language
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(article, target)
        shutil.copy(gold, target)
        folders.setdefault(language, target)
    return folders


def score(scorer: Path, gold_dir: Path, system: Path) -> dict:
    run = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(system), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def row(name: str, language: str, figures: dict) -> str:
    cells = [f"{figures[k]['f1']:.3f}" for k in F1_FIGURES]
    cells += [f"{figures[k]['accuracy']:.3f}" for k in ACCURACY_FIGURES]
    return f"| {name} | {language} | " + " | ".join(cells) + " |"


def corpus_rows(name: str, gold_dir: Path, scorer: Path, work: Path) -> list[str]:
    articles = sorted(gold_dir.glob("*.article.json"))
    system = work / f"{name}.jsonl"
    extract(articles, system)
    folders = language_folders(gold_dir, work / f"{name}-by-language")
    order = sorted(k for k in folders if k != "all") + ["all"]
    return [row(name, "combined" if k == "all" else k, score(scorer, folders[k], system))
            for k in order]


def dev_real_folder(shared: Path, cache: Path, work: Path) -> Path | None:
    """Article + gold pairs for dev-real, laid out by its rebuild script; None when the
    texts are not (all) rebuilt."""
    if not any(cache.glob("*.article.json")):
        return None
    out = work / "dev-real-folder"
    run = subprocess.run([sys.executable, str(shared / "dev-real" / "rebuild.py"), "folder",
                          str(out), "--cache", str(cache)], capture_output=True, text=True)
    return out if run.returncode == 0 else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--dev-real", type=Path,
                    default=Path(os.environ.get("KIZUNA_DEV_REAL", "/tmp/kizuna-dev-real")))
    args = ap.parse_args(argv)
    scorer = args.shared / "score.py"
    if not scorer.exists():
        ap.error(f"no score.py in {args.shared} (pass --shared)")
    lines = ["| set | language | " + " | ".join(HEADERS) + " |",
             "|---|---|" + "---|" * len(HEADERS)]
    notes = []
    with tempfile.TemporaryDirectory(prefix="kizuna-eval-") as tmp:
        work = Path(tmp)
        lines += corpus_rows("dev", args.shared / "dev", scorer, work)
        real = dev_real_folder(args.shared, args.dev_real, work)
        if real is None:
            notes.append(f"dev-real left out: its texts are not rebuilt in {args.dev_real} "
                         "(see ../shared/eval/dev-real/rebuild.py)")
        else:
            lines += corpus_rows("dev-real", real, scorer, work)
    print("\n".join(lines))
    for note in notes:
        print(f"\n{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
