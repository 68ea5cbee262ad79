"""The service under load: concurrent clients against `kizuna serve` on loopback.

    kizuna bench-load --db big.db --workers 1 --clients 50 --seconds 20

Starts `kizuna serve` on a free loopback port (never another address), lets `clients`
concurrent clients ask for `/events.json`, `/search.json?q=…` and `/events/{id}` in turn
for `seconds` (and at most `max_requests` in all), and reports requests per second,
latency percentiles per route, errors (anything but 200, or no answer) and the server's
peak resident memory (all of its processes). The clients run in this process, so on a
small machine they take CPU from the server: compare figures taken the same way.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from statistics import quantiles
from typing import Any

import httpx

from kizuna.errors import KizunaError

HOST = "127.0.0.1"
SEARCH_WORDS = ("Japan", "summit", "AI", "investment", "chips", "石破", "会談", "Stargate")
START_SECONDS = 60.0


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)

    def add(self, route: str, seconds: float, ok: bool) -> None:
        self.latencies.setdefault(route, []).append(seconds)
        if not ok:
            self.errors[route] = self.errors.get(route, 0) + 1


def run(db: str, workers: int = 1, clients: int = 50, seconds: float = 20.0,
        max_requests: int = 20_000, seed: int = 0) -> dict[str, Any]:
    """Serve `db`, load it, stop it; the figures."""
    port = free_port()
    server = _start_server(db, port, workers)
    try:
        base = f"http://{HOST}:{port}"
        _wait_until_up(base, server)
        event_ids = _event_ids(base)
        peak = {"rss": 0}
        tally, elapsed = asyncio.run(_load(base, clients, seconds, max_requests, event_ids,
                                           random.Random(seed), server.pid, peak))
    finally:
        _stop(server)
    return _figures(tally, elapsed, workers, clients, peak["rss"])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _start_server(db: str, port: int, workers: int) -> subprocess.Popen:
    command = [sys.executable, "-c", "from kizuna.cli import main; main()", "serve",
               "--db", db, "--host", HOST, "--port", str(port), "--workers", str(workers)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def _wait_until_up(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            said = server.stderr.read() if server.stderr else ""
            raise KizunaError(f"kizuna serve exited: {said.strip()[:300]}")
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise KizunaError(f"kizuna serve did not answer within {START_SECONDS:.0f} s")


def _event_ids(base: str) -> list[str]:
    data = httpx.get(base + "/events.json", params={"per_page": 100}, timeout=30).json()
    ids = [e["id"] for e in data.get("events", [])]
    if not ids:
        raise KizunaError("the database holds no events to ask for; fill it first "
                          "(kizuna bench-store --db FILE)")
    return ids


async def _load(base: str, clients: int, seconds: float, max_requests: int,
                event_ids: list[str], rng: random.Random, pid: int,
                peak: dict[str, int]) -> tuple[Tally, float]:
    tally = Tally()
    budget = {"left": max_requests}
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    started = time.monotonic()
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        watcher = asyncio.create_task(_watch_memory(pid, peak, stop_at))
        await asyncio.gather(*(_client(client, i, stop_at, budget, event_ids,
                                       random.Random(rng.random()), tally)
                               for i in range(clients)))
        watcher.cancel()
    return tally, time.monotonic() - started


async def _client(client: httpx.AsyncClient, number: int, stop_at: float,
                  budget: dict[str, int], event_ids: list[str], rng: random.Random,
                  tally: Tally) -> None:
    turn = number
    while time.monotonic() < stop_at and budget["left"] > 0:
        budget["left"] -= 1
        route, path, params = _request(turn, event_ids, rng)
        turn += 1
        began = time.perf_counter()
        try:
            response = await client.get(path, params=params)
            ok = response.status_code == 200
        except httpx.HTTPError:
            ok = False
        tally.add(route, time.perf_counter() - began, ok)


def _request(turn: int, event_ids: list[str], rng: random.Random
             ) -> tuple[str, str, dict[str, Any]]:
    kind = turn % 3
    if kind == 0:
        return "/events.json", "/events.json", {"page": rng.randint(1, 20)}
    if kind == 1:
        return "/search.json", "/search.json", {"q": rng.choice(SEARCH_WORDS)}
    return "/events/{id}.json", f"/events/{rng.choice(event_ids)}.json", {}


async def _watch_memory(pid: int, peak: dict[str, int], stop_at: float) -> None:
    while time.monotonic() < stop_at + 1:
        peak["rss"] = max(peak["rss"], tree_rss(pid))
        await asyncio.sleep(0.5)


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and every process below it (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _rss(current)
        todo += children.get(current, [])
    return total


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _stop(server: subprocess.Popen) -> None:
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def _figures(tally: Tally, elapsed: float, workers: int, clients: int,
             peak_rss: int) -> dict[str, Any]:
    every = [s for values in tally.latencies.values() for s in values]
    routes = {route: {"requests": len(values), "errors": tally.errors.get(route, 0),
                      **_percentiles(values)}
              for route, values in sorted(tally.latencies.items())}
    return {"workers": workers, "clients": clients, "seconds": round(elapsed, 1),
            "requests": len(every), "errors": sum(tally.errors.values()),
            "requests_per_second": round(len(every) / elapsed, 1) if elapsed else 0.0,
            **_percentiles(every), "server_peak_rss_mb": round(peak_rss / 2**20),
            "routes": routes}


def _percentiles(values: list[float]) -> dict[str, float]:
    if len(values) < 2:
        only = round(values[0] * 1000, 1) if values else 0.0
        return {"p50_ms": only, "p95_ms": only}
    cuts = quantiles(values, n=100)
    return {"p50_ms": round(cuts[49] * 1000, 1), "p95_ms": round(cuts[94] * 1000, 1)}
