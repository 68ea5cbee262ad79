"""Keys that say "this item was read": its canonical address and a digest of its text."""

from __future__ import annotations

import hashlib
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that say how a reader arrived, not which page it is.
_TRACKING_PREFIXES = ("utm_",)
_TRACKING = {"fbclid", "gclid", "mc_cid", "mc_eid", "igshid", "ref_src", "cmpid", "ncid"}
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, no fragment,
    no tracking parameters; other parameters keep their order."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _is_tracking(k)])
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def url_key(url: str) -> str:
    return f"url:{canonical_url(url)}"


def text_key(text: str) -> str:
    """The same story under two addresses (a syndicated wire) has one text key: the text
    with Unicode forms, case and whitespace evened out."""
    even = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return "text:" + hashlib.sha256(even.encode("utf-8")).hexdigest()


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name in _TRACKING or name.startswith(_TRACKING_PREFIXES)
