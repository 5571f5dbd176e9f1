"""A web server on 127.0.0.1 serving news pages, for the tests of reading links.

It runs in a thread of the test process and records what it was asked: how
many requests each path got, and the most it served at once (a ``hold`` route
keeps each request open until released, so a test can count how many reads
run in parallel). Nothing in it reaches beyond loopback.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

__all__ = ["FIXTURES", "Page", "PageServer", "news_page"]

FIXTURES = Path(__file__).parent / "fixtures"
HTML = "text/html; charset=utf-8"
HOLD_SECONDS = 10.0  # a held request waits at most this long for the release


@dataclass(frozen=True, slots=True)
class Page:
    """One route: what the server answers, and whether it holds the request first."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": HTML})
    hold: bool = False


def news_page(size: int, seed: int = 0) -> bytes:
    """A news page of about ``size`` bytes: the pier story, its body grown with more paragraphs.

    The sentences vary (word choice follows ``seed`` and the position) so the
    index has a realistic vocabulary rather than one repeated sentence.
    """
    template = (FIXTURES / "tabloid_pier.html").read_text(encoding="utf-8")
    words = (
        "council harbour ministers summit vote residents petition budget railway station "
        "mayor police storm flood river bridge school hospital farmers market prices energy "
        "union strike talks agreement treaty border election campaign court judge appeal"
    ).split()
    paragraphs: list[str] = []
    total = len(template)
    number = 0
    while total < size:
        sentences = []
        for offset in range(4):
            picked = [
                words[(number * 7 + offset * 3 + k * (seed + 5)) % len(words)] for k in range(14)
            ]
            sentences.append(
                f"{picked[0].capitalize()} {' '.join(picked[1:])} on {number % 28 + 1} June, "
                f"said officials in paragraph {number}."
            )
        paragraph = "<p>" + " ".join(sentences) + "</p>\n"
        paragraphs.append(paragraph)
        total += len(paragraph)
        number += 1
    return template.replace("</article>", "".join(paragraphs) + "</article>", 1).encode()


class _Handler(BaseHTTPRequestHandler):
    server: PageServer

    def do_GET(self) -> None:
        page = self.server.routes.get(self.path)
        self.server.arrived(self.path)
        try:
            if page is None:
                page = Page(b"<h1>Not found</h1>", status=404)
            if page.hold:
                self.server.release.wait(HOLD_SECONDS)
            self.send_response(page.status)
            for name, value in {"Content-Length": str(len(page.body)), **page.headers}.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(page.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the reader gave up (a deadline, a cap): not the server's problem
        finally:
            self.server.left()

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


class PageServer(ThreadingHTTPServer):
    """Serves ``routes`` (path → :class:`Page`) on 127.0.0.1 until the ``with`` block ends."""

    daemon_threads = True

    def __init__(self, routes: dict[str, Page] | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes = dict(routes or {})
        self.requests: Counter[str] = Counter()
        self.release = threading.Event()
        self.most_at_once = 0
        self._at_once = 0
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def arrived(self, path: str) -> None:
        with self._lock:
            self.requests[path] += 1
            self._at_once += 1
            self.most_at_once = max(self.most_at_once, self._at_once)

    def left(self) -> None:
        with self._lock:
            self._at_once -= 1

    def __enter__(self) -> PageServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release.set()
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
