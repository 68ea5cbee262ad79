"""Shared fixtures for source tests: no test may reach the network."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from kizuna.sources import web


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any client kizuna would make for itself fails the test instead of going online."""
    def refuse(*args: object, **kwargs: object) -> httpx.Client:
        raise AssertionError("a test tried to make a real HTTP client")

    monkeypatch.setattr(web, "make_client", refuse)


Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture
def mock_client() -> Iterator[Callable[[Handler], httpx.Client]]:
    """A client whose every request is answered by `handler`, never the network."""
    made: list[httpx.Client] = []

    def make(handler: Handler) -> httpx.Client:
        client = httpx.Client(transport=httpx.MockTransport(handler))
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()
