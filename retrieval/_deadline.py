"""One deadline for a whole HTTP fetch: when it passes, every connection of the fetch is cut.

A socket timeout bounds each read, not their sum: a server sending a byte a
second, in its headers or its body, never trips it. So a timer runs beside the
fetch, and at the deadline shuts down every socket the fetch opened (the
connection handlers below register them); a read waiting on one returns at
once, in whichever step the fetch is, and :attr:`Deadline.passed` tells that
failure apart from a server closing the connection itself. Connecting and the
TLS handshake are bounded by a socket timeout of the time left.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.request
from http.client import HTTPResponse
from typing import Any, cast

__all__ = ["Deadline", "DeadlineHTTPHandler", "DeadlineHTTPSHandler"]


class Deadline:
    """The end of a whole fetch: when it passes, every connection the fetch opened is cut.

    Cutting (``shutdown``) makes a read waiting on the socket return at once, in
    whichever step of the fetch it is; :attr:`passed` then tells the failure
    apart from a server that closed the connection itself.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.passed = False
        self._end = time.monotonic() + seconds
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        """Seconds left, at least a millisecond (a socket timeout of 0 would mean non-blocking)."""
        return max(self._end - time.monotonic(), 0.001)

    def watch(self, connection: socket.socket) -> None:
        with self._lock:
            self._sockets.append(connection)
            if not self.passed:
                return
        _cut(connection)  # opened as the deadline passed

    def _expire(self) -> None:
        with self._lock:
            self.passed = True
            watched = list(self._sockets)
        for connection in watched:
            _cut(connection)


def _cut(connection: socket.socket) -> None:
    # The plain socket's shutdown, also for a TLS socket: its own would first drop
    # the TLS state that a read in another thread is using. OSError: already closed.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(connection, socket.SHUT_RDWR)


class DeadlineHTTPConnection(http.client.HTTPConnection):
    deadline: Deadline

    def connect(self) -> None:
        self.timeout = self.deadline.remaining()
        super().connect()
        self.deadline.watch(self.sock)


class DeadlineHTTPSConnection(http.client.HTTPSConnection):
    deadline: Deadline

    def connect(self) -> None:
        self.timeout = self.deadline.remaining()
        super().connect()  # the TLS handshake is bounded by that timeout as a whole
        self.deadline.watch(self.sock)


class DeadlineHTTPHandler(urllib.request.HTTPHandler):
    """Opens http connections that the deadline can cut."""

    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self._connection = type("_Connection", (DeadlineHTTPConnection,), {"deadline": deadline})

    def http_open(self, req: urllib.request.Request) -> HTTPResponse:
        return self.do_open(cast(Any, self._connection), req)


class DeadlineHTTPSHandler(urllib.request.HTTPSHandler):
    """Opens https connections that the deadline can cut."""

    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self._connection = type("_Connection", (DeadlineHTTPSConnection,), {"deadline": deadline})

    def https_open(self, req: urllib.request.Request) -> HTTPResponse:
        # No context given: the connection makes the default one, which verifies
        # certificates and host names.
        return self.do_open(cast(Any, self._connection), req)
