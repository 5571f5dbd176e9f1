"""Fetching an article's web page over HTTP(S), within the limits a bot needs.

``--article https://...`` turns a user's string into a network request, so the
request is bounded every way it can run away: a timeout on every socket
operation and a deadline for the whole download, a size cap (the same
:data:`~retrieval.article.MAX_ARTICLE_BYTES` as files), at most
:data:`MAX_REDIRECTS` redirects, and only ``http``/``https`` (a redirect to
``file:`` or ``ftp:`` is refused). Every failure a user can meet (unknown host,
timeout, 404, a page too large) becomes a one-line :class:`ArticleError`.

The standard library is enough for one GET; it honours the usual proxy
variables (``https_proxy``, ``no_proxy``). Responses are requested uncompressed
(``Accept-Encoding: identity``) so the size cap counts the bytes we keep.
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException, HTTPMessage, HTTPResponse
from typing import IO, Any
from urllib.parse import urljoin, urlsplit

from retrieval.article import MAX_ARTICLE_BYTES, ArticleError

__all__ = ["DEFAULT_TIMEOUT", "MAX_REDIRECTS", "USER_AGENT", "FetchedPage", "fetch_page"]

# Ten seconds is long for a news site to start answering and short for a person
# waiting at a terminal; the whole download gets three times that.
DEFAULT_TIMEOUT = 10.0
_DEADLINE_FACTOR = 3.0
# Sites commonly chain two or three (http -> https -> www -> canonical path).
MAX_REDIRECTS = 5
# Identifies the bot honestly while looking enough like a browser that news sites
# serve their ordinary page rather than a block notice.
USER_AGENT = "Mozilla/5.0 (compatible; articlebot/0.1; reads one news article to answer questions)"
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.8,text/plain;q=0.8"
_SCHEMES = ("http", "https")
_CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """The body of a successful response and what its headers say about it."""

    url: str  # after redirects
    data: bytes
    media_type: str  # e.g. "text/html"; "" when the server sent no Content-Type
    charset: str | None


def fetch_page(
    url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_ARTICLE_BYTES
) -> FetchedPage:
    """GET ``url`` and return its body, or raise :class:`ArticleError` saying what failed."""
    _check_scheme(url, url)
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "identity"}
    )
    opener = urllib.request.build_opener(_LimitedRedirects())
    deadline = time.monotonic() + timeout * _DEADLINE_FACTOR
    try:
        with opener.open(request, timeout=timeout) as response:
            data = _read_body(response, url, max_bytes=max_bytes, deadline=deadline)
            headers: HTTPMessage = response.headers
            return FetchedPage(
                url=response.geturl(),
                data=data,
                media_type=headers.get_content_type() if "Content-Type" in headers else "",
                charset=headers.get_content_charset(),
            )
    except ArticleError:
        raise  # already a message for the user (it is a ValueError, caught below otherwise)
    except urllib.error.HTTPError as error:
        error.close()
        raise ArticleError(_http_error_message(url, error.code, error.reason)) from None
    except urllib.error.URLError as error:
        raise ArticleError(_network_error_message(url, error.reason, timeout)) from None
    except TimeoutError:
        raise ArticleError(_network_error_message(url, TimeoutError(), timeout)) from None
    except (HTTPException, OSError, ValueError) as error:
        raise ArticleError(f"cannot fetch {url}: {error or type(error).__name__}") from None


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows at most :data:`MAX_REDIRECTS` redirects, and only to http(s) addresses."""

    max_redirections = MAX_REDIRECTS

    def http_error_302(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
    ) -> Any:
        # Checked here, before urllib's own test, so a redirect to file: or ftp:
        # gets our message rather than a bare "HTTP 302".
        location = headers.get("Location") or headers.get("URI")
        if location:
            _check_scheme(urljoin(req.full_url, location), req.full_url)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _check_scheme(url: str, requested: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in _SCHEMES:
        where = "" if url == requested else f" (redirected from {requested})"
        raise ArticleError(
            f"cannot fetch {url}{where}: only http and https addresses are supported"
        )


def _read_body(response: HTTPResponse, url: str, *, max_bytes: int, deadline: float) -> bytes:
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise ArticleError(_too_large_message(url, f"{int(length):,} bytes", max_bytes))
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK_BYTES):
        size += len(chunk)
        if size > max_bytes:
            raise ArticleError(_too_large_message(url, "larger than that", max_bytes))
        if time.monotonic() > deadline:
            raise TimeoutError
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large_message(url: str, size: str, max_bytes: int) -> str:
    return (
        f"page is too large: {url} is {size}, the limit is {max_bytes:,} bytes "
        f"(save the story as a text file instead)"
    )


def _http_error_message(url: str, code: int, reason: str) -> str:
    if code in (404, 410):
        return f"page not found (HTTP {code}): {url} (check the address)"
    if code in (401, 403, 451):
        return (
            f"the site refused to serve {url} (HTTP {code} {reason}); "
            f"save the page from your browser and pass the .html file"
        )
    if 300 <= code < 400:
        return f"cannot fetch {url}: it redirects too often, in a loop or nowhere (HTTP {code})"
    return f"the site answered HTTP {code} {reason} for {url} (try again later)"


def _network_error_message(url: str, reason: object, timeout: float) -> str:
    host = urlsplit(url).hostname or url
    if isinstance(reason, socket.gaierror):
        return f"cannot find the host {host} (check the address and your connection)"
    if isinstance(reason, TimeoutError):
        return f"fetching {url} timed out after {timeout:g} s (try again, or save the page)"
    if isinstance(reason, ConnectionRefusedError):
        return f"connection refused by {host} (check the address)"
    return f"cannot fetch {url}: {reason}"
