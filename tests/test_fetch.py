"""Fetching an article by URL, against a local HTTP server on 127.0.0.1 only.

The server runs in a thread for the module; each path plays one situation
(a page, a redirect, a stall, a 404, ...). No test touches any other address:
the DNS failure is simulated by replacing ``socket.getaddrinfo``.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.startup import start
from retrieval import ArticleError, load_article
from retrieval.article import load_article_from_url
from retrieval.fetch import USER_AGENT, fetch_page

FIXTURES = Path(__file__).parent / "fixtures"
TABLOID = (FIXTURES / "tabloid_pier.html").read_bytes()
MARKDOWN = (FIXTURES / "blog_library.md").read_bytes()
STORY = (
    "The council voted on Monday to keep the swimming pool open for another year, "
    "after more than two thousand residents signed a petition against its closure."
)
LATIN_PAGE = (
    f"<html><body><article><h1>Caf\u00e9 saved</h1><p>{STORY}</p></article></body></html>"
).encode("cp1252")
SHORT_TIMEOUT = 0.3
# How long a stalling handler waits at most; the fixture releases it at teardown.
STALL_SECONDS = 5.0

# path -> (status, headers, body)
ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/story.html": (200, {"Content-Type": "text/html; charset=utf-8"}, TABLOID),
    "/latin": (200, {"Content-Type": "text/html; charset=windows-1252"}, LATIN_PAGE),
    "/notes.md": (200, {"Content-Type": "text/markdown"}, MARKDOWN),
    "/plain": (200, {"Content-Type": "text/plain"}, f"Pool saved\n{STORY}\n".encode()),
    "/untyped": (200, {}, TABLOID),
    "/image.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(64)),
    "/menu": (
        200,
        {"Content-Type": "text/html"},
        b"<html><body><nav>Home News</nav></body></html>",
    ),
    "/missing": (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"),
    "/forbidden": (403, {"Content-Type": "text/html"}, b"<h1>Forbidden</h1>"),
    "/broken": (503, {"Content-Type": "text/html"}, b"<h1>Down</h1>"),
    "/moved": (301, {"Location": "/hop"}, b""),
    "/hop": (302, {"Location": "/story.html"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/huge": (200, {"Content-Type": "text/html", "Content-Length": str(50 * 1024**2)}, b""),
}


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.server.user_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/stall":
            self.server.release.wait(STALL_SECONDS)
            return
        if self.path == "/stall-body":
            self._start(200, {"Content-Type": "text/html"})
            self.wfile.write(b"<html><body><p>The council")
            self.wfile.flush()
            self.server.release.wait(STALL_SECONDS)
            return
        if self.path == "/endless":
            self._start(200, {"Content-Type": "text/html"})
            try:
                for _ in range(64):  # 4 MiB, no Content-Length: the cap must stop reading
                    self.wfile.write(b"<p>" + b"word " * 13_000 + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading at its cap, as it should
            return
        status, headers, body = ROUTES.get(self.path, ROUTES["/missing"])
        self._start(status, {"Content-Length": str(len(body)), **headers})
        self.wfile.write(body)

    def _start(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.release = threading.Event()
        self.user_agents: list[str] = []


@pytest.fixture(scope="module")
def server() -> Iterator[_Server]:
    httpd = _Server()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy from the environment must not see (or break) loopback test traffic."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


def url(server: _Server, path: str) -> str:
    host, port = server.server_address[:2]
    return f"http://{host!s}:{port}{path}"


def test_fetches_and_extracts_a_page(server: _Server) -> None:
    article = load_article(url(server, "/story.html"))
    assert article.title == "Brackenmouth pier reopens after £4m restoration as crowds flock back"
    assert (article.published, article.byline, article.publisher) == (
        "2023-06-14",
        "Kelly Marsh",
        "The Daily Clarion",
    )
    assert "Most Read" not in article.text
    assert article.source == url(server, "/story.html")
    for passage in article.passages:
        assert article.text[passage.start : passage.end] == passage.text


def test_sends_its_user_agent(server: _Server) -> None:
    load_article(url(server, "/story.html"))
    assert server.user_agents[-1] == USER_AGENT


def test_header_charset_is_honoured(server: _Server) -> None:
    assert load_article(url(server, "/latin")).title == "Café saved"


def test_markdown_and_plain_text_by_media_type(server: _Server) -> None:
    markdown = load_article(url(server, "/notes.md"))
    assert markdown.title == "Village library reopens in former railway station"
    assert "**" not in markdown.text
    assert load_article(url(server, "/plain")).paragraphs == ("Pool saved", STORY)


def test_missing_content_type_is_sniffed(server: _Server) -> None:
    assert load_article(url(server, "/untyped")).publisher == "The Daily Clarion"


def test_follows_redirects_and_cites_the_final_address(server: _Server) -> None:
    article = load_article(url(server, "/moved"))
    assert article.source == url(server, "/story.html")
    assert article.byline == "Kelly Marsh"


def test_redirect_loop_fails(server: _Server) -> None:
    with pytest.raises(ArticleError, match=r"in a loop or nowhere \(HTTP 302\)"):
        load_article(url(server, "/loop"))


def test_redirect_to_another_scheme_is_refused(server: _Server) -> None:
    with pytest.raises(ArticleError, match=r"file:///etc/passwd \(redirected from .*only http"):
        load_article(url(server, "/to-file"))


@pytest.mark.parametrize("address", ["ftp://127.0.0.1/story.html", "file:///etc/hostname"])
def test_other_schemes_are_refused(address: str) -> None:
    with pytest.raises(ArticleError, match="only http and https addresses are supported"):
        load_article(address)


def test_not_found(server: _Server) -> None:
    with pytest.raises(ArticleError, match=r"^page not found \(HTTP 404\): .*check the address"):
        load_article(url(server, "/missing"))


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/forbidden", r"refused to serve .* \(HTTP 403 Forbidden\); save the page"),
        ("/broken", r"answered HTTP 503 Service Unavailable .*try again later"),
    ],
)
def test_other_http_errors(server: _Server, path: str, message: str) -> None:
    with pytest.raises(ArticleError, match=message):
        load_article(url(server, path))


def test_wrong_content_type(server: _Server) -> None:
    with pytest.raises(ArticleError, match=r"gives image/png, not a web page or text"):
        load_article(url(server, "/image.png"))


def test_page_without_story(server: _Server) -> None:
    with pytest.raises(ArticleError, match="no article text found in the page http://"):
        load_article(url(server, "/menu"))


def test_declared_size_over_the_cap_is_refused_unread(server: _Server) -> None:
    with pytest.raises(ArticleError, match=r"too large: .* is 52,428,800 bytes, the limit is"):
        load_article(url(server, "/huge"))


def test_streamed_body_over_the_cap_is_cut(server: _Server) -> None:
    with pytest.raises(ArticleError, match=r"too large: .* larger than that, the limit is 100,000"):
        fetch_page(url(server, "/endless"), max_bytes=100_000)


@pytest.mark.parametrize("path", ["/stall", "/stall-body"])
def test_stalled_server_times_out(server: _Server, path: str) -> None:
    with pytest.raises(ArticleError, match=r"timed out: not done after 0.3 s"):
        load_article_from_url(url(server, path), timeout=SHORT_TIMEOUT)


def test_connection_refused() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago and has no listener
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ArticleError, match=r"connection refused by 127\.0\.0\.1"):
        load_article(f"http://127.0.0.1:{port}/story.html")


def test_unknown_host(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(ArticleError, match=r"cannot find the host news\.invalid"):
        load_article("https://news.invalid/story")


def test_malformed_address() -> None:
    with pytest.raises(ArticleError, match="cannot fetch http://"):
        load_article("http://")


def test_startup_keeps_the_url_intact(server: _Server) -> None:
    runtime = start(url(server, "/story.html"))
    assert runtime.knowledge.article.source == url(server, "/story.html")
