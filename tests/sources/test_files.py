"""Local paths: which files a path or folder stands for, and reading their bytes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kizuna.errors import InputError
from kizuna.sources.files import article_files, is_article_file, is_url, read_bytes


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Ministers met in Tokyo on Monday.\n", encoding="utf-8")


@pytest.mark.parametrize(("name", "expected"), [
    ("a.article.json", True), ("a.json", True), ("a.jsonl", True), ("a.txt", True),
    ("a.text", True), ("a.md", True), ("a.html", True), ("a.HTM", True), ("a.xml", True),
    ("a.rss", True), ("a.atom", True),
    ("a.gold.json", False), ("a.pdf", False), ("a.png", False), ("a", False),
    (".hidden.txt", False),
])
def test_is_article_file(name: str, expected: bool) -> None:
    assert is_article_file(name) is expected


@pytest.mark.parametrize(("item", "expected"), [
    ("https://harbor.example/rss", True), ("HTTP://harbor.example/", True),
    ("harbor.example/rss", False), ("ftp://harbor.example/a.txt", False), ("notes/a.txt", False),
])
def test_is_url(item: str, expected: bool) -> None:
    assert is_url(item) is expected


def test_folder_walk_recurses_in_sorted_order_and_skips_other_files(tmp_path: Path) -> None:
    touch(tmp_path, "b.txt", "a.article.json", "a.gold.json", "photo.png", "z/feed.rss",
          "m/page.html", "m/notes.md", ".git/config.json", "m/.draft.txt", "m/data.bin")
    found = [p.relative_to(tmp_path).as_posix() for p in article_files(str(tmp_path))]
    assert found == ["a.article.json", "b.txt", "m/notes.md", "m/page.html", "z/feed.rss"]


def test_file_named_directly_is_taken_whatever_its_extension(tmp_path: Path) -> None:
    touch(tmp_path, "story.dat")
    assert article_files(str(tmp_path / "story.dat")) == [tmp_path / "story.dat"]


@pytest.mark.parametrize(("setup", "message"), [
    (lambda root: None, "the folder holds no article files"),
    (lambda root: touch(root, "photo.png", "sub/readme"), "the folder holds no article files"),
], ids=["empty-folder", "no-article-files"])
def test_folder_without_articles_raises(
    tmp_path: Path, setup: Callable[[Path], None], message: str
) -> None:
    setup(tmp_path)
    with pytest.raises(InputError, match=message) as caught:
        article_files(str(tmp_path))
    assert str(caught.value).startswith(f"{tmp_path}: ")


def test_missing_path_raises(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    with pytest.raises(InputError, match="no such file or folder") as caught:
        article_files(missing)
    assert str(caught.value).startswith(missing)


def test_read_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Ministers met.\r\n")
    assert read_bytes(path) == b"Ministers met.\r\n"


def test_unreadable_file_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Ministers met.")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    with pytest.raises(InputError, match=r"cannot be read \(Permission denied\)") as caught:
        read_bytes(path)
    assert str(caught.value).startswith(str(path))


def test_oversized_file_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("Ministers met in Tokyo on Monday. " * 10)
    monkeypatch.setattr("kizuna.sources.files.MAX_FILE_BYTES", 100)
    with pytest.raises(InputError, match="is larger than 100 bytes"):
        read_bytes(path)
