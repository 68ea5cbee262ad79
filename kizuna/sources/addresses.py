"""Which network addresses a fetch made for the web service may reach: public ones only.

A token holder's `POST /api/ingest {"url": …}` makes the server fetch a page; without
this check it could read the server's own loopback services, the intranet or a cloud
metadata address, and publish what it read through /search (server-side request
forgery). The check is made on the *address*, after any spelling of it is normalised
(`2130706433`, `127.1`, `0x7f.1`, `[::ffff:127.0.0.1]`) and after names are resolved, so
no spelling slips through; the fetch then connects to the address checked (see
`kizuna.sources.web.GuardedTransport`), so a name cannot resolve to something else the
second time (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

# 64:ff9b::/96 carries an IPv4 address for NAT64 gateways: judged by that address.
NAT64 = ipaddress.ip_network("64:ff9b::/96")


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives `host` (empty when it gives none)."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return []
    return list(dict.fromkeys(str(info[4][0]) for info in found))


def literal_address(host: str) -> IPAddress | None:
    """`host` as an address when it spells one, in any form a resolver would accept.

    Beside the usual forms, the C library reads `127.1`, `2130706433`, `0x7f.1` and
    `0177.0.0.1` as 127.0.0.1: those are decoded here too, locally (inet_aton never
    looks anything up), so that they are judged as the address they are.
    """
    text = host.strip().strip("[]").rstrip(".")
    try:
        return ipaddress.ip_address(text.split("%")[0])  # a zone (fe80::1%eth0) aside
    except ValueError:
        pass
    if text and all(c in "0123456789abcdefxABCDEFX." for c in text) and text[0].isdigit():
        try:
            return ipaddress.IPv4Address(socket.inet_aton(text))
        except OSError:
            return None
    return None


def refusal(address: IPAddress) -> str | None:
    """Why the service may not fetch from `address` ("loopback", "private", …), or None
    for a public address."""
    embedded = _embedded_ipv4(address)
    if embedded:  # the IPv4 address is where the packets go: it alone decides
        return next((r for r in map(refusal, embedded) if r), None)
    checks = (("unspecified", address.is_unspecified), ("loopback", address.is_loopback),
              ("link-local", address.is_link_local), ("multicast", address.is_multicast),
              ("private", address.is_private), ("reserved", address.is_reserved))
    for name, applies in checks:
        if applies:
            return name
    if not address.is_global:  # shared (100.64/10), documentation and other special ranges
        return "not public"
    return None


def is_local_name(host: str) -> bool:
    """`localhost` and its subdomains always mean this machine (RFC 6761), whatever a
    resolver says."""
    name = host.strip().rstrip(".").lower()
    return name == "localhost" or name.endswith(".localhost")


def _embedded_ipv4(address: IPAddress) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address stands for (mapped, 6to4, Teredo, NAT64)."""
    if not isinstance(address, ipaddress.IPv6Address):
        return []
    found = [address.ipv4_mapped, address.sixtofour]
    if address.teredo:
        found.extend(address.teredo)
    if address in NAT64:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return [a for a in found if a is not None]
