"""Local inputs: the article files a path stands for (itself, or a folder's) and their bytes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kizuna.errors import InputError

ARTICLE_SUFFIXES = (".article.json", ".json", ".jsonl", ".txt", ".text", ".md",
                    ".html", ".htm", ".xml", ".rss", ".atom")
# Gold annotations sit beside the articles they annotate; they are not articles.
SKIPPED_SUFFIXES = (".gold.json",)
MAX_FILE_BYTES = 20 * 1024 * 1024
# A JSON Lines file streams whatever its size; each of its records has this cap.
MAX_RECORD_BYTES = MAX_FILE_BYTES
_READ = 1024 * 1024


def is_url(item: str) -> bool:
    """True for an http(s) address, which is fetched rather than opened."""
    return item.lower().startswith(("http://", "https://"))


def is_article_file(name: str) -> bool:
    """True for a file name a folder walk takes: a known article suffix, not hidden."""
    lowered = name.lower()
    return (not name.startswith(".") and lowered.endswith(ARTICLE_SUFFIXES)
            and not lowered.endswith(SKIPPED_SUFFIXES))


def article_files(item: str) -> list[Path]:
    """The files an input path stands for: itself, or the article files under a folder.

    A file named directly is read whatever its extension; a folder is walked recursively
    in sorted order, skipping hidden entries and files of other kinds.
    """
    path = Path(item).expanduser()
    if path.is_dir():
        found = walk_folder(path)
        if not found:
            raise InputError(f"{item}: the folder holds no article files "
                             f"({', '.join('*' + s for s in ARTICLE_SUFFIXES)}); "
                             "point kizuna at articles")
        return found
    if not path.exists():
        raise InputError(f"{item}: no such file or folder; check the path")
    return [path]


def walk_folder(folder: Path) -> list[Path]:
    """Every article file under `folder`, sorted by path; symlinked folders are not followed."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, name) for name in files if is_article_file(name))
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def read_bytes(path: Path, label: str | None = None) -> bytes:
    """The bytes of one file; raises InputError naming it when it cannot be read."""
    label = label or str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(f"{label}: is larger than {MAX_FILE_BYTES:,} bytes; "
                             "an article file should be much smaller")
        return path.read_bytes()
    except IsADirectoryError as exc:
        raise InputError(f"{label}: is a folder, not a file") from exc
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InputError(f"{label}: cannot be read ({reason}); check that it exists "
                         "and you may read it") from exc


def is_json_lines(path: Path) -> bool:
    return path.name.lower().endswith(".jsonl")


def iter_lines(path: Path, max_bytes: int = MAX_RECORD_BYTES
               ) -> Iterator[tuple[int, bytes | InputError]]:
    """(line number, bytes) for each non-blank line, read as it goes: memory holds one
    line. A line over `max_bytes` yields an InputError in its place and is skipped."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or type(exc).__name__}); "
                         "check that it exists and you may read it") from exc
    with handle:
        number = 0
        while True:
            line = handle.readline(max_bytes + 1)
            if not line:
                return
            number += 1
            if len(line) > max_bytes and not line.endswith(b"\n"):
                _skip_rest_of_line(handle)
                yield number, InputError(f"{path}:{number}: the record is larger than "
                                         f"{max_bytes:,} bytes; an article should be smaller")
            elif line.strip():
                yield number, line


def _skip_rest_of_line(handle: BinaryIO) -> None:
    while True:
        chunk = handle.readline(_READ)
        if not chunk or chunk.endswith(b"\n"):
            return
