"""HTTP(S) connections that go only to addresses an :class:`AddressPolicy` has checked.

``http.client`` connects by name: it calls ``socket.create_connection((host,
port))``, which resolves the name again. For an untrusted address that second
lookup is the hole (DNS rebinding: public when checked, ``127.0.0.1`` when
connected), so these connections resolve the host once, through the policy,
refuse it unless every address is public, and connect to those very
addresses. TLS still verifies the certificate against the host name (the
connection is to an address, the handshake is for the name). urllib opens a
new connection for every redirect, so every hop is checked the same way.

They are also cut by the fetch's :class:`~retrieval._deadline.Deadline`, like
the plain ones.
"""

from __future__ import annotations

import urllib.request
from http.client import HTTPResponse
from typing import Any, cast

from retrieval._deadline import Deadline, DeadlineHTTPConnection, DeadlineHTTPSConnection
from retrieval.addresses import AddressPolicy, SocketAddress

__all__ = ["PinnedHTTPHandler", "PinnedHTTPSHandler"]


class _PinnedConnecting:
    """The shared part: replace http.client's connect-by-name with connect-to-checked."""

    policy: AddressPolicy
    deadline: Deadline
    host: str
    port: int

    def _connect_checked(
        self, address: tuple[str, int], timeout: float, source: object = None
    ) -> Any:
        host, port = address
        addresses = self.policy.checked_addresses(host, port)
        return _first_connection(self.policy, addresses, self.deadline)


def _first_connection(
    policy: AddressPolicy, addresses: list[tuple[int, SocketAddress]], deadline: Deadline
) -> Any:
    """Connect to the first of ``addresses`` that answers, as ``create_connection`` would."""
    failure: OSError | None = None
    for family, sockaddr in addresses:
        try:
            return policy.connect(family, sockaddr, deadline.remaining())
        except OSError as error:
            failure = error
    assert failure is not None  # the policy never returns an empty list
    raise failure


class _PinnedHTTPConnection(_PinnedConnecting, DeadlineHTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # http.client's seam for how a connection is opened (not in its typing stubs).
        self._create_connection = self._connect_checked


class _PinnedHTTPSConnection(_PinnedConnecting, DeadlineHTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = self._connect_checked


class PinnedHTTPHandler(urllib.request.HTTPHandler):
    """Opens http connections to checked addresses only, cut at the deadline."""

    def __init__(self, deadline: Deadline, policy: AddressPolicy) -> None:
        super().__init__()
        attributes = {"deadline": deadline, "policy": policy}
        self._connection = type("_Connection", (_PinnedHTTPConnection,), attributes)

    def http_open(self, req: urllib.request.Request) -> HTTPResponse:
        return self.do_open(cast(Any, self._connection), req)


class PinnedHTTPSHandler(urllib.request.HTTPSHandler):
    """Opens https connections to checked addresses only, cut at the deadline."""

    def __init__(self, deadline: Deadline, policy: AddressPolicy) -> None:
        super().__init__()
        attributes = {"deadline": deadline, "policy": policy}
        self._connection = type("_Connection", (_PinnedHTTPSConnection,), attributes)

    def https_open(self, req: urllib.request.Request) -> HTTPResponse:
        # No context given: the default one verifies certificates and host names.
        return self.do_open(cast(Any, self._connection), req)
