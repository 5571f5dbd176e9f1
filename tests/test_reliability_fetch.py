"""Hostile web servers, on 127.0.0.1 only: a slow drip never holds a fetch past its deadline,
and nothing a server writes reaches a message raw.

Each server here is a raw socket that answers exactly the bytes a test gives it
(or drips them), so a test can send what no well-behaved server would: a status
reason holding terminal escapes, a body shorter than its ``Content-Length``, a
gzip body we did not ask for, bytes labelled ``text/html``.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from retrieval import ArticleError
from retrieval.article import load_article_from_url
from retrieval.fetch import DEFAULT_TIMEOUT

DEADLINE = 0.3
STORY = b"The council voted on Monday to keep the swimming pool open for another year. " * 4
# How long a dripping server would go on: many times the deadline.
DRIP_SECONDS = 10 * DEADLINE


Respond = Callable[["_RawServer", socket.socket], None]
Serve = Callable[[Respond], str]


class _RawServer:
    """Accepts connections and runs ``respond(server, connection)`` for each, in a thread."""

    def __init__(self, respond: Respond) -> None:
        self._respond = respond
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}/story"

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        with connection:
            try:
                connection.recv(65536)
                self._respond(self, connection)
            except OSError:
                pass  # the client hung up: what a deadline does

    def drip(self, connection: socket.socket, data: bytes) -> None:
        """Send ``data`` a byte at a time, spread over :data:`DRIP_SECONDS`."""
        pause = DRIP_SECONDS / len(data)
        for byte in data:
            if self.stop.wait(pause):
                return
            connection.sendall(bytes([byte]))

    def close(self) -> None:
        self.stop.set()
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept (closing does not)
        self.listener.close()
        self._thread.join(timeout=5)


@pytest.fixture
def serve() -> Iterator[Serve]:
    servers: list[_RawServer] = []

    def start(respond: Respond) -> str:
        servers.append(_RawServer(respond))
        return servers[-1].url

    yield start
    for server in servers:
        server.close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


def _head(status: str = "200 OK", **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{k.replace('_', '-')}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _timed_failure(url: str, timeout: float = DEADLINE) -> tuple[str, float]:
    started = time.monotonic()
    with pytest.raises(ArticleError) as caught:
        load_article_from_url(url, timeout=timeout)
    return str(caught.value), time.monotonic() - started


def _drip_headers(server: _RawServer, connection: socket.socket) -> None:
    server.drip(connection, _head(Content_Type="text/plain")[:-2])


def _drip_body(server: _RawServer, connection: socket.socket) -> None:
    connection.sendall(_head(Content_Type="text/plain"))
    server.drip(connection, STORY)


def _drip_redirects(server: _RawServer, connection: socket.socket) -> None:
    """Each redirect quick enough for a per-read timeout; all of them are not."""
    if server.stop.wait(DEADLINE / 3):
        return
    connection.sendall(_head("302 Found", Location="/again", Content_Length="0"))


@pytest.mark.parametrize(
    "respond", [_drip_headers, _drip_body, _drip_redirects], ids=["headers", "body", "redirects"]
)
def test_a_slow_server_is_cut_off_at_the_total_deadline(serve: Serve, respond: Respond) -> None:
    message, seconds = _timed_failure(serve(respond))
    # Before: the deadline was checked between 64 KiB reads, so a drip held the
    # fetch for all of DRIP_SECONDS (a byte a second: for ever).
    assert DEADLINE <= seconds < DEADLINE + 1.0
    assert f"not done after {DEADLINE:g} s, the limit for the whole download" in message


def test_the_default_deadline_is_thirty_seconds_in_all() -> None:
    assert DEFAULT_TIMEOUT == 30.0


def _respond_with(data: bytes) -> Respond:
    def respond(server: _RawServer, connection: socket.socket) -> None:
        connection.sendall(data)

    return respond


ESCAPES = "\x1b]0;owned\x07\x1b[2J\r\nX-Forged: 1"


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (_head(f"500 Bad{ESCAPES}", Content_Length="0"), "HTTP 500 Bad\\x1b]0;owned\\x07"),
        (
            _head("302 Found", Location=f"ftp://x/{ESCAPES}", Content_Length="0"),
            "ftp://x/\\x1b]0;owned",
        ),
    ],
    ids=["status reason", "location"],
)
def test_server_text_in_a_message_is_made_printable(
    serve: Serve, response: bytes, expected: str
) -> None:
    message, _ = _timed_failure(serve(_respond_with(response)))
    assert expected in message
    assert not any(ord(character) < 0x20 or 0x7F <= ord(character) < 0xA0 for character in message)


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (
            _head(Content_Type="text/plain", Content_Encoding="gzip") + gzip.compress(STORY),
            "compressed (Content-Encoding: gzip) although articlebot asked for plain text",
        ),
        (
            _head(Content_Type="text/html") + bytes(range(256)) * 8,
            "sent binary data for http://127.0.0.1",
        ),
        (
            _head(Content_Type="text/plain", Content_Length="100000") + STORY,
            f"arrived cut short: {len(STORY)} of its 100,000 bytes",
        ),
    ],
    ids=["gzip despite identity", "binary as text/html", "cut short"],
)
def test_what_the_server_sent_is_named(serve: Serve, response: bytes, expected: str) -> None:
    message, _ = _timed_failure(serve(_respond_with(response)))
    assert expected in message
    assert "iconv" not in message  # advice a URL user cannot follow


def test_credentials_in_an_address_are_refused_without_echoing_them() -> None:
    message, _ = _timed_failure("http://reader:hunter2@127.0.0.1:9/story")
    assert "user name or password in the address (user:pass@) is not supported" in message
    assert "hunter2" not in message
    assert "reader" not in message
