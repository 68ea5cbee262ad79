"""Addresses: which hosts are loopback, which URLs may become links, whose origin a request is.

Pure functions, shared by the pages (template filters) and the write API.
"""

from __future__ import annotations

import ipaddress
from typing import Any
from urllib.parse import urlsplit


def is_loopback(host: str) -> bool:
    """Whether serving on `host` reaches this machine only."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def http_url(url: Any) -> str:
    """`url` when it is an http(s) URL with a host, else "" (shown as text, not linked)."""
    if not isinstance(url, str):
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def same_origin(origin: str, scheme: str, host: str) -> bool:
    """Whether an `Origin` header names the origin a request was sent to (`scheme://host`,
    the port as the Host header gives it). "null" (a sandboxed or file page) never does."""
    try:
        parts = urlsplit(origin.strip())
    except ValueError:
        return False
    return (parts.scheme.lower(), parts.netloc.lower()) == (scheme.lower(), host.lower())
