"""`kizuna serve` for real: a process listening on a loopback port, printing the address to
open, answering pages and JSON over HTTP until it is stopped."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from kizuna.store import Store
from tests.store.factory import japanese_doc, summit_doc

START_TIMEOUT = 60.0  # seconds: a deadline for starting up, not a measurement


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(tmp_path: Path, *options: str) -> Iterator[tuple[str, str, int]]:
    """`kizuna serve` over a small database: (the line it printed, its address, its pid)."""
    db = str(tmp_path / "served.db")
    with Store.open(db) as store:
        for doc in (summit_doc(), japanese_doc()):
            store.save_document(doc)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from kizuna.cli import main; main()", "serve", "--db", db,
         "--port", str(port), *options], stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline().strip()
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                httpx.get(url + "/events.json")
                break
            except httpx.TransportError:
                assert process.poll() is None, f"kizuna serve exited: {line}"
                assert time.monotonic() < deadline, "kizuna serve did not start"
                time.sleep(0.1)
        yield line, url, process.pid
    finally:
        process.terminate()
        process.wait(timeout=START_TIMEOUT)
        process.stderr.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, str]]:
    with serving(tmp_path) as (line, url, _pid):
        yield line, url


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_kizuna_serve_with_two_workers(tmp_path: Path) -> None:
    with serving(tmp_path, "--workers", "2", "--allow-host", "kizuna.internal") as (
            line, url, pid):
        assert "(2 workers;" in line
        assert len(children(pid)) >= 2  # uvicorn's worker processes
        for _ in range(4):
            assert httpx.get(url + "/events.json").json()["total"] >= 1
        named = httpx.get(url + "/events.json", headers={"Host": "kizuna.internal"})
        assert named.status_code == 200
        other = httpx.get(url + "/events.json", headers={"Host": "rebound.example"})
        assert other.status_code == 400 and "--allow-host" in other.json()["error"]


def test_kizuna_serve_prints_its_address_and_answers(served: tuple[str, str]) -> None:
    line, url = served
    assert line.startswith("kizuna: serving ") and f"at {url}/ " in line
    events = httpx.get(url + "/events.json").json()
    meet = next(e for e in events["events"] if e["type"] == "MEET")
    page = httpx.get(f"{url}/events/{meet['id']}")
    assert page.status_code == 200 and "石破茂" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert httpx.post(url + "/api/unmerge", json={"event": "x"}).status_code == 401
