"""Bytes to text: encodings, normalisation, and the inputs that are refused."""

from __future__ import annotations

import codecs

import pytest

from kizuna.errors import InputError
from kizuna.parse.decode import codec_name, declared_charset, decode_bytes, looks_binary, oddness

ENGLISH = "The caf\u00e9\u2019s owner said \u201cprices will rise\u201d \u2014 up 5 \u20ac a cup."
JAPANESE = "石破首相は7日、ワシントンでトランプ大統領と会談した。「協力を深めたい」と述べた。"


@pytest.mark.parametrize(("data", "declared", "expected"), [
    (ENGLISH.encode("utf-8"), None, ENGLISH),
    (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), None, ENGLISH),
    (ENGLISH.encode("utf-16"), None, ENGLISH),
    (codecs.BOM_UTF16_BE + JAPANESE.encode("utf-16-be"), None, JAPANESE),
    (ENGLISH.encode("cp1252"), None, ENGLISH),
    (JAPANESE.encode("shift_jis"), None, JAPANESE),
    (JAPANESE.encode("euc_jp"), None, JAPANESE),
    (JAPANESE.encode("shift_jis"), "Shift_JIS", JAPANESE),
    (ENGLISH.encode("cp1252"), "ISO-8859-1", ENGLISH),
    (b"caf\xe9 au lait", "no-such-charset", "caf\u00e9 au lait"),
], ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "cp1252", "shift_jis", "euc_jp",
        "declared-sjis", "declared-latin1-means-cp1252", "unknown-declared-label"])
def test_decodes(data: bytes, declared: str | None, expected: str) -> None:
    assert decode_bytes(data, "story.txt", declared) == expected


def test_charset_declared_in_the_document_wins_over_guessing() -> None:
    page = f'<html><head><meta charset="euc-jp"></head><body>{JAPANESE}</body></html>'
    assert JAPANESE in decode_bytes(page.encode("euc_jp"), "page.html")


@pytest.mark.parametrize(("data", "expected"), [
    (b"line one\r\nline two\rline three\n", "line one\nline two\nline three\n"),
    (b"Tokyo\x00 said on Monday that talks went well, officials said.", "Tokyo said on Monday "
     "that talks went well, officials said."),
    (b"  leading and trailing space kept  \n", "  leading and trailing space kept  \n"),
], ids=["newlines", "stray-nul", "whitespace-kept"])
def test_normalises_only_minimally(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "story.txt") == expected


@pytest.mark.parametrize(("data", "message"), [
    (b"", "is empty"),
    (b" \n\t\n", "is empty"),
    (b"\x00\x01\x02\x03" * 64, "looks like binary data"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "looks like binary data"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like binary data"),
    (bytes([0x01, 0x02, 0x03, 0x04, 0x41]) * 50, "looks like binary data"),
    (b"Tokyo \x81 talks \x81 ended" * 4, "text encoding not recognised"),
], ids=["empty", "blank", "nul-bytes", "png", "pdf", "control-chars", "undecodable"])
def test_refuses(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        decode_bytes(data, "inbox/story.txt")
    assert str(caught.value).startswith("inbox/story.txt: ")


def test_plain_text_is_not_binary() -> None:
    assert not looks_binary(ENGLISH.encode("utf-8") + b"\t\x0c\n")


@pytest.mark.parametrize(("head", "expected"), [
    (b'<?xml version="1.0" encoding="Shift_JIS"?><rss>', "shift_jis"),
    (b'<html><head><meta charset="windows-1252">', "windows-1252"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">', "euc-jp"),
    (b"<html><body>no declaration</body></html>", None),
])
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head) == expected


@pytest.mark.parametrize(("label", "expected"), [
    ("Shift_JIS", "cp932"), ("latin1", "cp1252"), ("UTF-8", "utf-8"),
    ("utf-16", "utf-8"), ("x-unknown", None), (None, None),
])
def test_codec_name(label: str | None, expected: str | None) -> None:
    assert codec_name(label) == expected


def test_mojibake_scores_worse_than_the_real_text() -> None:
    misread = "石破首相は会談した".encode("shift_jis").decode("cp1252", errors="replace")
    assert oddness(JAPANESE) < oddness(misread)
    assert oddness(ENGLISH) < 0.2
