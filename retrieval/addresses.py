"""Which network addresses a fetch of an untrusted web address may reach.

A bot that fetches the URLs strangers give it must never become their way into
the machine it runs on or the network around it (server-side request forgery):
``http://127.0.0.1:6379/``, the cloud metadata service at ``169.254.169.254``,
a router at ``192.168.1.1``. So a fetch under an :class:`AddressPolicy`
resolves the host name once, refuses it unless every address it resolves to
is public, and then connects to exactly those checked addresses
(:mod:`retrieval._pinned`); a second lookup at connection time could answer
differently (DNS rebinding).

What is not public is written out here as a table of networks, each with the
kind of address it holds, rather than taken from :mod:`ipaddress`'s
``is_global``: that property has changed between Python versions and calls
``64:ff9b::7f00:1`` (loopback through NAT64) and ``2002:7f00:1::`` (loopback
through 6to4) global. IPv6 addresses that carry an IPv4 address (IPv4-mapped
``::ffff:0:0/96``, NAT64 ``64:ff9b::/96`` and 6to4 ``2002::/16``) are judged by
the IPv4 address inside, since that is where the connection ends up; and of
IPv6, only global unicast (``2000::/3``) is reachable at all.

Resolving and connecting are functions in the policy, so tests can stand in
for DNS (a public-looking name that redirects to a private one) without any
network.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from retrieval.article import ArticleError

__all__ = [
    "DEFAULT_PORTS",
    "AddressPolicy",
    "ForbiddenAddressError",
    "IPAddress",
    "Resolver",
    "SocketAddress",
    "forbidden_kind",
    "system_resolver",
]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# What ``socket.getaddrinfo`` gives to connect to: (host, port) or (host, port, flow, scope).
SocketAddress = tuple[Any, ...]
# host, port -> (family, address to connect to), as resolved once.
Resolver = Callable[[str, int], Sequence[tuple[int, SocketAddress]]]
Connector = Callable[[int, SocketAddress, float], socket.socket]

# The web's ports; anything else is more often a service on the machine than a news site.
DEFAULT_PORTS = frozenset({80, 443})

_LOOPBACK = "a loopback address (this machine)"
_PRIVATE = "a private network address"
_LINK_LOCAL = "a link-local address (this network segment, or a cloud metadata service)"
_SHARED = "a carrier-grade NAT address (a provider's shared network)"
_MULTICAST = "a multicast address"
_RESERVED = "a reserved or special-purpose address"
_UNSPECIFIED = "the unspecified address (this machine)"
_UNIQUE_LOCAL = "a unique-local IPv6 address (an internal network)"

_IPV4_TABLE: tuple[tuple[str, str], ...] = (
    ("0.0.0.0/8", _UNSPECIFIED),  # "this network": 0.0.0.0 reaches local services on Linux
    ("10.0.0.0/8", _PRIVATE),
    ("100.64.0.0/10", _SHARED),
    ("127.0.0.0/8", _LOOPBACK),
    ("169.254.0.0/16", _LINK_LOCAL),  # 169.254.169.254: the metadata service of most clouds
    ("172.16.0.0/12", _PRIVATE),
    ("192.0.0.0/24", _RESERVED),  # IETF protocol assignments
    ("192.0.2.0/24", _RESERVED),  # documentation (TEST-NET-1)
    ("192.88.99.0/24", _RESERVED),  # the retired 6to4 relay anycast
    ("192.168.0.0/16", _PRIVATE),
    ("198.18.0.0/15", _RESERVED),  # benchmarking networks
    ("198.51.100.0/24", _RESERVED),  # documentation (TEST-NET-2)
    ("203.0.113.0/24", _RESERVED),  # documentation (TEST-NET-3)
    ("224.0.0.0/4", _MULTICAST),
    ("240.0.0.0/4", _RESERVED),  # future use, and 255.255.255.255 (broadcast)
)
_IPV6_TABLE: tuple[tuple[str, str], ...] = (
    ("::/128", _UNSPECIFIED),
    ("::1/128", _LOOPBACK),
    ("64:ff9b:1::/48", _PRIVATE),  # local-use NAT64 (RFC 8215): a network's own translator
    ("100::/64", _RESERVED),  # discard-only
    ("2001::/23", _RESERVED),  # IETF protocol assignments, Teredo included
    ("2001:db8::/32", _RESERVED),  # documentation
    ("3fff::/20", _RESERVED),  # documentation
    ("fc00::/7", _UNIQUE_LOCAL),
    ("fe80::/10", _LINK_LOCAL),
    ("fec0::/10", _PRIVATE),  # the retired site-local addresses
    ("ff00::/8", _MULTICAST),
)
_IPV4_NETWORKS = tuple((ipaddress.IPv4Network(net), kind) for net, kind in _IPV4_TABLE)
_IPV6_NETWORKS = tuple((ipaddress.IPv6Network(net), kind) for net, kind in _IPV6_TABLE)
_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")
_IPV4_MAPPED = ipaddress.IPv6Network("::ffff:0:0/96")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def forbidden_kind(address: IPAddress) -> str | None:
    """What kind of non-public address ``address`` is, or None when it is public.

    The kind is a phrase for a message ("a loopback address (this machine)").
    """
    if isinstance(address, ipaddress.IPv4Address):
        return _kind_in(address, _IPV4_NETWORKS)
    embedded = _embedded_ipv4(address)
    if embedded is not None:
        return forbidden_kind(embedded)
    kind = _kind_in(address, _IPV6_NETWORKS)
    if kind is None and address not in _GLOBAL_UNICAST:
        return _RESERVED
    return kind


def _kind_in(
    address: IPAddress, table: tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str], ...]
) -> str | None:
    for network, kind in table:
        if address in network:
            return kind
    return None


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address a connection to ``address`` really reaches, if it carries one."""
    if address in _IPV4_MAPPED or address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address.sixtofour  # 2002:AABB:CCDD::/48 is 6to4 for AA.BB.CC.DD


class ForbiddenAddressError(ArticleError):
    """A host resolves to an address (or uses a port) an untrusted fetch may not reach."""


def system_resolver(host: str, port: int) -> list[tuple[int, SocketAddress]]:
    """Every (family, address) the system resolver gives for ``host``, for TCP."""
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    return [(family, sockaddr) for family, _, _, _, sockaddr in found]


def system_connector(family: int, sockaddr: SocketAddress, timeout: float) -> socket.socket:
    """A TCP connection to exactly ``sockaddr``: no name in sight, so no second lookup."""
    connection = socket.socket(family, socket.SOCK_STREAM)
    try:
        connection.settimeout(timeout)
        connection.connect(sockaddr)
    except BaseException:
        connection.close()
        raise
    return connection


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Where a fetch of an untrusted address may connect.

    ``allow_private`` lifts the address and port rules (tests on 127.0.0.1, a
    self-hosted bot reading an intranet): the host is still resolved once and
    the connection still goes to what was resolved. ``ports`` are the ports
    allowed otherwise. ``resolve`` and ``connect`` are the system's unless a
    test stands in for them.
    """

    allow_private: bool = False
    ports: frozenset[int] = DEFAULT_PORTS
    resolve: Resolver = field(default=system_resolver, compare=False)
    connect: Connector = field(default=system_connector, compare=False)

    def check_port(self, host: str, port: int) -> None:
        """Refuse a port outside :attr:`ports` (unless private addresses are allowed)."""
        if self.allow_private or port in self.ports:
            return
        allowed = " and ".join(str(number) for number in sorted(self.ports))
        raise ForbiddenAddressError(
            f"port {port} of {host} is not a web port this bot reads from (only {allowed})"
        )

    def checked_addresses(self, host: str, port: int) -> list[tuple[int, SocketAddress]]:
        """Resolve ``host`` once; return its addresses if every one of them is public.

        One non-public address refuses the host: which address a connection
        would use is the system's choice, and a name that mixes public and
        private addresses is the shape of an attack.
        """
        self.check_port(host, port)
        resolved = list(self.resolve(host, port))
        if not resolved:
            raise socket.gaierror(socket.EAI_NONAME, "no address")
        if not self.allow_private:
            for _, sockaddr in resolved:
                kind = forbidden_kind(_ip_of(sockaddr))
                if kind is not None:
                    raise ForbiddenAddressError(f"{host} is {kind}, not a public web address")
        return resolved


def _ip_of(sockaddr: SocketAddress) -> IPAddress:
    """The IP address in a resolved socket address (a zone such as ``%eth0`` dropped)."""
    host = str(sockaddr[0]).partition("%")[0]
    return ipaddress.ip_address(host)
