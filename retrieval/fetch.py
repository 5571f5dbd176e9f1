"""Fetching an article's web page over HTTP(S), within the limits a bot needs.

``--article https://...`` turns a user's string into a network request, so the
request is bounded every way it can run away:

- one deadline for all of it (:data:`DEFAULT_TIMEOUT`, 30 s): connecting, every
  redirect, the headers and the body. Socket timeouts alone bound each read, not
  their sum, so a server sending a byte a second (in the headers or the body)
  would hold the caller for as long as it liked; a timer cuts every connection
  of the fetch when the deadline passes, which ends a read waiting in any of
  them (:mod:`retrieval._deadline`). Resolving the host name is the operating
  system's and cannot be cut.
- a size cap (the same :data:`~retrieval.article.MAX_ARTICLE_BYTES` as files),
  a body shorter than its ``Content-Length`` refused as cut short;
- at most :data:`MAX_REDIRECTS` redirects, and only ``http``/``https`` (a
  redirect to ``file:`` or ``ftp:`` is refused); no credentials in addresses.

An address from someone untrusted (a Discord user's ``/read``) is fetched under
an :class:`~retrieval.addresses.AddressPolicy`: web ports only, every host
resolved once and refused unless all its addresses are public, and each
connection, on every redirect hop, made to those checked addresses
(:mod:`retrieval._pinned`), never through a proxy (which would resolve the name
itself). Without a policy (``--article URL``, trusted by whoever runs it) the
fetch is as it always was.

Every failure a user can meet (unknown host, timeout, 404, a page too large or
compressed against our request) becomes a one-line :class:`ArticleError`, and
whatever the server wrote into it (a status reason, a ``Location``) is made
printable first.

The standard library is enough for one GET; a trusted fetch honours the usual
proxy variables (``https_proxy``, ``no_proxy``). Responses are requested uncompressed
(``Accept-Encoding: identity``) so the size cap counts the bytes we keep.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException, HTTPMessage, HTTPResponse
from typing import IO, Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from retrieval._deadline import Deadline, DeadlineHTTPHandler, DeadlineHTTPSHandler
from retrieval._pinned import PinnedHTTPHandler, PinnedHTTPSHandler
from retrieval.addresses import AddressPolicy, ForbiddenAddressError
from retrieval.article import MAX_ARTICLE_BYTES, ArticleError
from retrieval.printable import printable

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_REDIRECTS",
    "USER_AGENT",
    "FetchedPage",
    "check_url",
    "fetch_page",
]

# Seconds for the whole fetch: long for a news site to answer and send one page,
# short for a person waiting at a terminal.
DEFAULT_TIMEOUT = 30.0
# Sites commonly chain two or three (http -> https -> www -> canonical path).
MAX_REDIRECTS = 5
# Identifies the bot honestly while looking enough like a browser that news sites
# serve their ordinary page rather than a block notice.
USER_AGENT = "Mozilla/5.0 (compatible; articlebot/0.1; reads one news article to answer questions)"
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/markdown;q=0.8,text/plain;q=0.8"
_SCHEMES = ("http", "https")
_CHUNK_BYTES = 64 * 1024
_TEXT_OR_UNKNOWN = frozenset({"", "application/octet-stream", "application/xhtml+xml"})


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """The body of a successful response and what its headers say about it."""

    url: str  # after redirects
    data: bytes
    media_type: str  # e.g. "text/html"; "" when the server sent no Content-Type
    charset: str | None


def fetch_page(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = MAX_ARTICLE_BYTES,
    policy: AddressPolicy | None = None,
) -> FetchedPage:
    """GET ``url``, all of it within ``timeout`` seconds; :class:`ArticleError` says what failed.

    With ``policy`` the address is untrusted: see the module's docstring.
    """
    check_url(url, policy)
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "identity"}
    )
    try:
        with Deadline(timeout) as deadline:
            try:
                return _fetch(request, deadline, max_bytes, policy)
            except ForbiddenAddressError as error:
                raise ArticleError(
                    f"cannot fetch {printable(url)}: {printable(str(error))}"
                ) from None
            except ArticleError:
                raise
            except (HTTPException, OSError, ValueError):
                if deadline.passed:  # the timer cut the connection: that is the failure
                    raise TimeoutError from None
                raise
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
        reason = printable(str(error) or type(error).__name__)
        raise ArticleError(f"cannot fetch {url}: {reason}") from None


def check_url(url: str, policy: AddressPolicy | None = None) -> None:
    """Refuse at once an address :func:`fetch_page` would refuse before connecting.

    Other schemes, credentials, no host; and under ``policy``, a port it forbids.
    Whether the host's addresses are public is known only by resolving it, which
    the fetch itself does.
    """
    _check_address(url, url, policy)


def _fetch(
    request: urllib.request.Request,
    deadline: Deadline,
    max_bytes: int,
    policy: AddressPolicy | None,
) -> FetchedPage:
    if policy is None:
        opener = urllib.request.build_opener(
            _LimitedRedirects(), DeadlineHTTPHandler(deadline), DeadlineHTTPSHandler(deadline)
        )
    else:  # no proxy: the connection must go to the address that was checked
        opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),
            _LimitedRedirects(policy),
            PinnedHTTPHandler(deadline, policy),
            PinnedHTTPSHandler(deadline, policy),
        )
    with opener.open(request, timeout=deadline.remaining()) as response:
        url = response.geturl()
        headers: HTTPMessage = response.headers
        _check_encoding(url, headers)
        data = _read_body(response, url, max_bytes=max_bytes)
        if deadline.passed:  # the timer ended the body early, not the server
            raise TimeoutError
        media_type = headers.get_content_type() if "Content-Type" in headers else ""
        _check_text(url, data, media_type)
        return FetchedPage(
            url=url, data=data, media_type=media_type, charset=headers.get_content_charset()
        )


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows at most :data:`MAX_REDIRECTS` redirects, and only to http(s) addresses.

    Under a policy, only to its ports too (the next connection checks the host).
    """

    max_redirections = MAX_REDIRECTS

    def __init__(self, policy: AddressPolicy | None = None) -> None:
        super().__init__()
        self.policy = policy

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
            _check_address(urljoin(req.full_url, location), req.full_url, self.policy)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _check_address(url: str, requested: str, policy: AddressPolicy | None = None) -> None:
    """Refuse addresses we do not fetch: other schemes, credentials (``user:pass@``), no host.

    Under ``policy``, also a port it does not allow.
    """
    parts = urlsplit(url)
    where = "" if url == requested else f" (redirected from {_without_credentials(requested)})"
    if parts.scheme.lower() not in _SCHEMES:
        raise ArticleError(
            f"cannot fetch {printable(url)}{where}: only http and https addresses are supported"
        )
    if parts.username is not None or parts.password is not None:
        raise ArticleError(
            f"cannot fetch {printable(_without_credentials(url))}{where}: a user name or "
            f"password in the address (user:pass@) is not supported; save the page from "
            f"your browser and pass the file"
        )
    try:
        host, port = parts.hostname, parts.port
    except ValueError:  # a port that is not a number, or out of range
        raise ArticleError(f"cannot fetch {printable(url)}{where}: the port is not valid") from None
    if not host:
        raise ArticleError(f"cannot fetch {printable(url)}{where}: the address names no host")
    if policy is not None:
        default = 443 if parts.scheme.lower() == "https" else 80
        try:
            policy.check_port(host, default if port is None else port)
        except ForbiddenAddressError as error:
            raise ArticleError(f"cannot fetch {printable(url)}{where}: {error}") from None


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"...@{host}"))


def _check_encoding(url: str, headers: HTTPMessage) -> None:
    """Refuse a compressed body: we asked for none, and cannot read one."""
    encoding = headers.get("Content-Encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise ArticleError(
            f"the site sent {url} compressed (Content-Encoding: {printable(encoding)}) although "
            f"articlebot asked for plain text; save the page from your browser and pass the file"
        )


def _check_text(url: str, data: bytes, media_type: str) -> None:
    """Refuse binary data sent as text or untyped (text never holds NUL bytes).

    Other media types (an image) are refused by the reader that would not know them.
    """
    as_text = media_type.startswith("text/") or media_type in _TEXT_OR_UNKNOWN
    if as_text and b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        called = f"labelled {printable(media_type)}" if media_type else "with no type"
        raise ArticleError(
            f"the site sent binary data for {url} ({called}), not a web page or text; "
            f"save the page from your browser and pass the file"
        )


def _read_body(response: HTTPResponse, url: str, *, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length", "").strip()
    length = int(declared) if declared.isascii() and declared.isdigit() else None
    if length is not None and length > max_bytes:
        raise ArticleError(_too_large_message(url, f"{length:,} bytes", max_bytes))
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(_CHUNK_BYTES):
        size += len(chunk)
        if size > max_bytes:
            raise ArticleError(_too_large_message(url, "larger than that", max_bytes))
        chunks.append(chunk)
    if length is not None and size < length:
        raise ArticleError(
            f"the page {url} arrived cut short: {size:,} of its {length:,} bytes, then the "
            f"connection closed (try again later)"
        )
    return b"".join(chunks)


def _too_large_message(url: str, size: str, max_bytes: int) -> str:
    return (
        f"page is too large: {url} is {size}, the limit is {max_bytes:,} bytes "
        f"(save the story as a text file instead)"
    )


def _http_error_message(url: str, code: int, reason: str) -> str:
    reason = printable(str(reason))
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
        return (
            f"fetching {url} timed out: not done after {timeout:g} s, the limit for the whole "
            f"download (try again, or save the page)"
        )
    if isinstance(reason, ConnectionRefusedError):
        return f"connection refused by {host} (check the address)"
    return f"cannot fetch {url}: {printable(str(reason))}"
