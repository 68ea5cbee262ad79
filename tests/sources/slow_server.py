"""A local HTTP server on 127.0.0.1 that answers one byte at a time, slowly: for testing
deadlines. It never sends anything elsewhere, and stops when its `with` ends."""

from __future__ import annotations

import socket
import threading
import time


class SlowServer:
    """Answers each connection with `head` then `body`, one byte every `pause` seconds
    (`trickle_head` sends the status line and headers that way too)."""

    def __init__(self, body: bytes = b"x" * 200, pause: float = 0.3,
                 trickle_head: bool = False) -> None:
        self.body, self.pause, self.trickle_head = body, pause, trickle_head
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self._socket.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._socket.getsockname()[1]}"

    def __enter__(self) -> SlowServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._socket.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._socket.accept()
            except OSError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                b"Content-Length: %d\r\n\r\n" % len(self.body))
        with conn:
            try:
                conn.recv(65536)
                if self.trickle_head:
                    self._trickle(conn, head)
                else:
                    conn.sendall(head)
                self._trickle(conn, self.body)
            except OSError:
                return  # the client hung up: what the deadline is for

    def _trickle(self, conn: socket.socket, data: bytes) -> None:
        for i in range(len(data)):
            if self._stop.is_set():
                return
            conn.sendall(data[i:i + 1])
            time.sleep(self.pause)
