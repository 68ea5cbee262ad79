"""One deadline for a whole fetch: a server trickling bytes (each read well inside the
read timeout) is cut off when the deadline passes. Traffic goes to 127.0.0.1 only."""

from __future__ import annotations

import time

import httpx
import pytest

from kizuna.errors import FetchError
from kizuna.sources.web import fetch
from tests.sources.slow_server import SlowServer


@pytest.mark.parametrize("trickle_head", [False, True])
def test_a_trickling_server_is_cut_at_the_deadline(trickle_head: bool) -> None:
    with SlowServer(pause=0.2, trickle_head=trickle_head) as server, \
            httpx.Client(timeout=10.0) as client:
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"took longer than 1\.5 s"):
            fetch(server.url + "/page", client, deadline=1.5)
        took = time.monotonic() - started
    # each byte comes within 0.2 s, so only the deadline can stop it (40 s at full length)
    assert 1.4 < took < 3.0, took


def test_a_fetch_within_the_deadline_is_whole() -> None:
    with SlowServer(body=b"<p>ok</p>", pause=0.01) as server, \
            httpx.Client(timeout=10.0) as client:
        assert fetch(server.url + "/", client, deadline=10.0).data == b"<p>ok</p>"
