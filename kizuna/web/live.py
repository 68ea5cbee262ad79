"""Serve an app on a free loopback port in a background thread, for as long as a `with` lasts.

    with LiveServer(create_app("demo.db")) as server:
        ...  # a browser visits server.url

For the browser tests and `make screenshots`; `kizuna serve` runs uvicorn itself. The
socket is bound before uvicorn starts, so the port is known and no other process can
take it in between.
"""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import uvicorn

START_TIMEOUT = 30.0  # seconds; a server that is not up by then never will be


class LiveServer:
    def __init__(self, app: Any, host: str = "127.0.0.1") -> None:
        self.app = app
        self.host = host
        self._socket: socket.socket | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        if self._socket is None:
            raise RuntimeError("the server is not running")
        return self._socket.getsockname()[1]

    @property
    def url(self) -> str:
        """The server's address, without a trailing slash: http://127.0.0.1:PORT."""
        return f"http://{self.host}:{self.port}"

    def __enter__(self) -> LiveServer:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind((self.host, 0))
        config = uvicorn.Config(self.app, log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run,
                                        kwargs={"sockets": [self._socket]},
                                        name=f"kizuna-live-{self.port}", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not self._server.started:  # uvicorn sets it once it accepts connections
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.__exit__()
                raise RuntimeError(f"the server on {self.host} did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=START_TIMEOUT)
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = None
        self._socket = None
