"""Bytes to text: the decoded, minimally normalised string of one input, or an InputError.

Order of trust: a byte-order mark, then a declared charset (HTTP header, XML declaration,
HTML meta), then UTF-8, then the legacy encodings news sites still use (cp1252, Shift_JIS,
EUC-JP), the most plausible of those that decode winning.
"""

from __future__ import annotations

import codecs
import re

from kizuna.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b",
          b"\x7fELF", b"SQLite format 3")
_FALLBACKS = ("cp1252", "cp932", "euc_jp")
# Labels browsers treat as something wider than Python does (WHATWG encoding standard).
_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "windows-1252": "cp1252",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "ms_kanji": "cp932", "windows-31j": "cp932", "csshiftjis": "cp932",
    "x-euc-jp": "euc_jp",
}
_DECLARED = (
    re.compile(rb"<\?xml[^>]*\bencoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.I),
    re.compile(rb"<meta[^>]*\bcharset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I),
)
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_SAMPLE = 8192


def decode_bytes(data: bytes, origin: str, declared: str | None = None) -> str:
    """The text `data` holds, normalised; raises InputError for empty, binary or undecodable."""
    if not data.strip():
        raise InputError(f"{origin}: is empty; give it an article or leave it out")
    bom = next((codec for mark, codec in _BOMS if data.startswith(mark)), None)
    if bom is not None:
        return normalise_text(_decode_or_fail(data, bom, origin))
    if looks_binary(data):
        raise InputError(f"{origin}: looks like binary data, not text, HTML, JSON or a feed; "
                         "pass an article file instead")
    for encoding in (declared, declared_charset(data)):
        text = _try_decode(data, encoding)
        if text is not None:
            return normalise_text(text)
    return normalise_text(_guess(data, origin))


def normalise_text(text: str) -> str:
    """Text with NUL characters removed and every line break written as `\\n`."""
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(data: bytes) -> bool:
    """True for a known binary format, or bytes with NULs or many control characters."""
    if data.startswith(_MAGIC):
        return True
    sample = data[:_SAMPLE]
    nuls = sample.count(0)
    controls = sum(byte in _CONTROL for byte in sample)
    return nuls > max(1, len(sample) // 100) or controls > len(sample) * 0.05


def declared_charset(data: bytes) -> str | None:
    """The charset an XML declaration or HTML meta tag near the top of `data` names."""
    head = data[:4096]
    for pattern in _DECLARED:
        match = pattern.search(head)
        if match:
            return match.group(1).decode("ascii").lower()
    return None


def codec_name(label: str | None) -> str | None:
    """The Python codec for a charset label, or None when Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A byte stream without a BOM that calls itself UTF-16 is lying (WHATWG: use UTF-8).
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _try_decode(data: bytes, label: str | None) -> str | None:
    codec = codec_name(label)
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode_or_fail(data: bytes, codec: str, origin: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"{origin}: is not valid {codec} despite its byte-order mark "
                         f"(bad byte at {exc.start}); save it again as UTF-8") from exc


def _guess(data: bytes, origin: str) -> str:
    utf8 = _try_decode(data, "utf-8")
    if utf8 is not None:
        return utf8
    candidates = [text for text in (_try_decode(data, c) for c in _FALLBACKS) if text is not None]
    if not candidates:
        raise InputError(f"{origin}: text encoding not recognised (tried UTF-8, cp1252, "
                         "Shift_JIS, EUC-JP); save it as UTF-8")
    return min(candidates, key=oddness)  # min is stable: ties keep the order of _FALLBACKS


def oddness(text: str) -> float:
    """Share of non-ASCII characters that look like mojibake rather than real writing."""
    odd = total = 0
    for i, char in enumerate(text):
        if char.isascii():
            continue
        total += 1
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        odd += _is_odd(char, before, after)
    return odd / total if total else 0.0


def _is_odd(char: str, before: str, after: str) -> bool:
    code = ord(char)
    if 0x3000 <= code <= 0x30FF or 0xFF01 <= code <= 0xFF60:
        return False  # kana, CJK punctuation, full-width forms
    if 0x4E00 <= code <= 0x9FFF:  # a kanji glued to lower-case Latin is a misread byte pair
        return _is_lower_ascii(before) or _is_lower_ascii(after)
    if 0xC0 <= code <= 0xFF and code not in (0xD7, 0xF7):  # accented Latin inside a word
        return not (_is_latin(before) or _is_latin(after))
    return char not in "\u00a0\u00a3\u00a5\u00a7\u00a9\u00ab\u00ae\u00b0\u00b7\u00bb" \
        "\u2010\u2011\u2012\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u2122"


def _is_lower_ascii(char: str) -> bool:
    return "a" <= char <= "z"


def _is_latin(char: str) -> bool:
    return (char.isascii() and char.isalpha()) or "\u00c0" <= char <= "\u00ff"
