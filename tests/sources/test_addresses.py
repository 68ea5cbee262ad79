"""The service's fetches reach public addresses only: the address check in every spelling,
and the guarded transport with a resolver the test controls. No request leaves this
machine: the transport under the guard is a MockTransport."""

from __future__ import annotations

import ipaddress

import httpx
import pytest

from kizuna.errors import FetchError
from kizuna.sources.addresses import is_local_name, literal_address, refusal
from kizuna.sources.web import GuardedTransport, RefusedAddress, fetch

PUBLIC = "8.8.4.4"  # only ever handed to a MockTransport: nothing is sent there


@pytest.mark.parametrize(("spelling", "address"), [
    ("127.0.0.1", "127.0.0.1"), ("127.1", "127.0.0.1"), ("2130706433", "127.0.0.1"),
    ("0x7f.1", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"), ("[::ffff:127.0.0.1]",
                                                          "::ffff:7f00:1"),
    ("0.0.0.0", "0.0.0.0"), ("[::1]", "::1"), ("fe80::1%eth0", "fe80::1"),
])
def test_every_spelling_of_an_address_is_read_as_that_address(spelling: str,
                                                              address: str) -> None:
    assert literal_address(spelling) == ipaddress.ip_address(address)


@pytest.mark.parametrize("name", ["news.example", "localhost", "1.2.3.news", ""])
def test_names_are_not_addresses(name: str) -> None:
    assert literal_address(name) is None


@pytest.mark.parametrize(("address", "reason"), [
    ("127.0.0.1", "loopback"), ("127.255.0.9", "loopback"), ("::1", "loopback"),
    ("::ffff:127.0.0.1", "loopback"), ("2002:7f00:1::", "loopback"),
    ("64:ff9b::7f00:1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"),
    ("fc00::1", "private"), ("::ffff:192.168.0.1", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("224.0.0.1", "multicast"), ("239.1.2.3", "multicast"), ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"),
    ("240.0.0.1", "private"), ("255.255.255.255", "private"),
    ("100.64.0.1", "not public"), ("198.18.0.1", "private"),
])
def test_addresses_that_are_not_public_are_refused(address: str, reason: str) -> None:
    assert refusal(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize("address", [PUBLIC, "1.1.1.1", "2606:4700::1111",
                                     "::ffff:8.8.4.4", "64:ff9b::808:404"])
def test_public_addresses_pass(address: str) -> None:
    assert refusal(ipaddress.ip_address(address)) is None


def test_localhost_names_are_this_machine() -> None:
    assert is_local_name("localhost") and is_local_name("LocalHost.")
    assert is_local_name("api.localhost") and not is_local_name("localhost.news.example")


class Recorder:
    """The transport under the guard: notes what it was asked to send, answers itself."""

    def __init__(self, answer: dict[str, httpx.Response] | None = None) -> None:
        self.sent: list[httpx.Request] = []
        self.answer = answer or {}

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return self.answer.get(request.url.path, httpx.Response(200, text="a page"))


def guarded_client(resolve: dict[str, list[str]], recorder: Recorder
                   ) -> tuple[httpx.Client, list[str]]:
    asked: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        asked.append(host)
        return resolve.get(host, [])

    transport = GuardedTransport(httpx.MockTransport(recorder), resolver)
    return httpx.Client(transport=transport, follow_redirects=True), asked


def test_connects_to_the_address_it_checked_with_the_name_as_host() -> None:
    recorder = Recorder()
    client, asked = guarded_client({"news.example": [PUBLIC]}, recorder)
    fetched = fetch("https://news.example:8443/story?id=1", client)
    assert fetched.url == "https://news.example:8443/story?id=1"
    (sent,) = recorder.sent
    assert sent.url.host == PUBLIC and sent.url.port == 8443 and sent.url.path == "/story"
    assert sent.headers["host"] == "news.example:8443"
    assert sent.extensions["sni_hostname"] == "news.example"
    assert asked == ["news.example"]


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://127.1/", "http://2130706433/", "http://0x7f.1/",
    "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://[::1]:8000/",
    "http://localhost/", "http://LOCALHOST./admin", "http://169.254.169.254/latest/",
    "http://10.0.0.8/", "http://[fe80::1]/", "http://224.0.0.1/",
    "http://intranet.example/", "http://mixed.example/",
])
def test_refuses_every_non_public_destination(url: str) -> None:
    recorder = Recorder()
    client, _ = guarded_client({"intranet.example": ["10.9.8.7"],
                                "mixed.example": [PUBLIC, "192.168.0.10"]}, recorder)
    with pytest.raises(RefusedAddress, match="refused: .* address|this machine"):
        fetch(url, client)
    assert recorder.sent == []  # nothing was sent anywhere


def test_every_redirect_hop_is_checked() -> None:
    recorder = Recorder({"/to-loopback": httpx.Response(302, headers={
                            "location": "http://127.0.0.1:9/secret"}),
                         "/to-intranet": httpx.Response(301, headers={
                            "location": "http://intranet.example/"}),
                         "/to-public": httpx.Response(302, headers={
                            "location": "http://other.example/page"})})
    client, asked = guarded_client({"news.example": [PUBLIC], "other.example": ["1.1.1.1"],
                                    "intranet.example": ["10.0.0.1"]}, recorder)
    for path in ("/to-loopback", "/to-intranet"):
        with pytest.raises(RefusedAddress):
            fetch(f"http://news.example{path}", client)
    assert [r.url.host for r in recorder.sent] == [PUBLIC, PUBLIC]
    fetched = fetch("http://news.example/to-public", client)
    assert fetched.url == "http://other.example/page"
    assert [r.url.host for r in recorder.sent][-2:] == [PUBLIC, "1.1.1.1"]


def test_a_name_resolved_again_cannot_move_the_connection() -> None:
    """DNS rebinding: the resolver answers public, then loopback. Each request is
    resolved once, and sent to the address that was checked."""
    answers = iter([[PUBLIC], ["127.0.0.1"]])
    recorder = Recorder()

    def rebinding(host: str, port: int) -> list[str]:
        return next(answers)

    client = httpx.Client(transport=GuardedTransport(httpx.MockTransport(recorder),
                                                     rebinding))
    fetch("http://rebind.example/", client)
    assert [r.url.host for r in recorder.sent] == [PUBLIC]
    with pytest.raises(RefusedAddress):
        fetch("http://rebind.example/", client)
    assert len(recorder.sent) == 1


def test_a_name_that_does_not_resolve_is_a_fetch_error() -> None:
    client, _ = guarded_client({}, Recorder())
    with pytest.raises(FetchError, match="could not be resolved") as caught:
        fetch("http://nowhere.example/", client)
    assert not isinstance(caught.value, RefusedAddress)
