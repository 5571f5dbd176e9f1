"""Which addresses an untrusted fetch may reach: the address table, then fetches with fake DNS.

The table names every class a URL from Discord must never reach, each in its
IPv4 and IPv6 spellings, and the IPv4 ones again in their IPv4-mapped, NAT64
and 6to4 forms (a connection to any of those ends at the IPv4 address inside).
The fetch tests stand in for DNS (``AddressPolicy.resolve``) and for the
connection (``AddressPolicy.connect``, which records the address it is given
and opens a connection to the test server on 127.0.0.1 instead), so a
public-looking name can lead to a private one without any network.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval import ArticleError
from retrieval.addresses import (
    AddressPolicy,
    ForbiddenAddressError,
    SocketAddress,
    forbidden_kind,
    system_connector,
)
from retrieval.fetch import check_url, fetch_page
from tests.page_server import Page, PageServer

LOOPBACK = "loopback"
PRIVATE = "private network"
LINK_LOCAL = "link-local"
SHARED = "carrier-grade NAT"
MULTICAST = "multicast"
RESERVED = "reserved"
UNSPECIFIED = "unspecified"
UNIQUE_LOCAL = "unique-local"
PUBLIC = None

ADDRESSES: list[tuple[str, str | None]] = [
    ("127.0.0.1", LOOPBACK),
    ("127.255.255.254", LOOPBACK),
    ("::1", LOOPBACK),
    ("10.0.0.1", PRIVATE),
    ("10.255.255.255", PRIVATE),
    ("172.16.0.1", PRIVATE),
    ("172.31.255.255", PRIVATE),
    ("192.168.1.1", PRIVATE),
    ("64:ff9b:1::a00:1", PRIVATE),  # a network's own NAT64 prefix
    ("fec0::1", PRIVATE),  # retired site-local
    ("169.254.169.254", LINK_LOCAL),  # the cloud metadata service
    ("169.254.0.1", LINK_LOCAL),
    ("fe80::1", LINK_LOCAL),
    ("fe80::1%1", LINK_LOCAL),  # with a zone, as getaddrinfo gives it
    ("100.64.0.1", SHARED),
    ("100.127.255.254", SHARED),
    ("224.0.0.1", MULTICAST),
    ("239.255.255.250", MULTICAST),
    ("ff02::1", MULTICAST),
    ("ff0e::1", MULTICAST),
    ("240.0.0.1", RESERVED),
    ("255.255.255.255", RESERVED),
    ("192.0.0.8", RESERVED),
    ("192.0.2.1", RESERVED),
    ("198.18.0.1", RESERVED),
    ("198.51.100.7", RESERVED),
    ("203.0.113.9", RESERVED),
    ("192.88.99.1", RESERVED),
    ("2001:db8::1", RESERVED),
    ("3fff::1", RESERVED),
    ("100::1", RESERVED),
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", RESERVED),  # Teredo
    ("::2", RESERVED),  # IPv4-compatible (deprecated)
    ("::ffff:0:7f00:1", RESERVED),  # IPv4-translated
    ("4000::1", RESERVED),  # outside global unicast
    ("0.0.0.0", UNSPECIFIED),
    ("0.1.2.3", UNSPECIFIED),
    ("::", UNSPECIFIED),
    ("fc00::1", UNIQUE_LOCAL),
    ("fd12:3456:789a::1", UNIQUE_LOCAL),
    ("93.184.216.34", PUBLIC),
    ("8.8.8.8", PUBLIC),
    ("100.63.255.255", PUBLIC),  # just below carrier-grade NAT
    ("100.128.0.0", PUBLIC),  # just above it
    ("172.15.255.255", PUBLIC),
    ("172.32.0.0", PUBLIC),
    ("169.253.255.255", PUBLIC),
    ("223.255.255.255", PUBLIC),  # just below multicast
    ("2606:4700:4700::1111", PUBLIC),
    ("2a00:1450:4001:82b::200e", PUBLIC),
]
CLASSES = {LOOPBACK, PRIVATE, LINK_LOCAL, SHARED, MULTICAST, RESERVED, UNSPECIFIED, UNIQUE_LOCAL}


def _v4_rows() -> list[tuple[str, str | None]]:
    return [(text, kind) for text, kind in ADDRESSES if ":" not in text]


def _embedded_forms(text: str) -> list[str]:
    """The IPv6 addresses whose connections end at the IPv4 address ``text``."""
    number = int(ipaddress.IPv4Address(text))
    high, low = number >> 16, number & 0xFFFF
    return [f"::ffff:{text}", f"64:ff9b::{high:x}:{low:x}", f"2002:{high:x}:{low:x}::1"]


def _kind(text: str) -> str | None:
    kind = forbidden_kind(ipaddress.ip_address(text))
    if kind is None:
        return None
    return next(name for name in CLASSES if name in kind)


def test_the_table_covers_every_class_in_both_families() -> None:
    assert len(ADDRESSES) >= 30
    assert {kind for _, kind in ADDRESSES} == CLASSES | {PUBLIC}
    v4 = {kind for text, kind in ADDRESSES if ":" not in text}
    v6 = {kind for text, kind in ADDRESSES if ":" in text}
    assert v4 >= CLASSES - {UNIQUE_LOCAL}  # unique-local is IPv6 only
    assert v6 >= {LOOPBACK, PRIVATE, LINK_LOCAL, MULTICAST, RESERVED, UNSPECIFIED, UNIQUE_LOCAL}


@pytest.mark.parametrize(("address", "kind"), ADDRESSES)
def test_address_classes(address: str, kind: str | None) -> None:
    assert _kind(address) == kind


@pytest.mark.parametrize(("address", "kind"), _v4_rows())
def test_mapped_nat64_and_6to4_forms_are_judged_by_the_ipv4_inside(
    address: str, kind: str | None
) -> None:
    for form in _embedded_forms(address):
        assert _kind(form) == kind, form


@given(st.ip_addresses(v=4))
def test_every_ipv4_address_is_judged_the_same_in_every_form(
    address: ipaddress.IPv4Address,
) -> None:
    kind = forbidden_kind(address)
    for form in _embedded_forms(str(address)):
        assert forbidden_kind(ipaddress.ip_address(form)) == kind


@given(st.ip_addresses())
def test_nothing_python_calls_non_global_is_public(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> None:
    """A reference check: the table refuses at least what :mod:`ipaddress` calls non-global.

    Except an IPv6 form carrying a public IPv4 address, which is public here.
    """
    if forbidden_kind(address) is None and not str(address).startswith(("::ffff:", "64:ff9b:")):
        assert address.is_global


# -- fetching with fake DNS --------------------------------------------------------


@dataclass
class FakeNetwork:
    """Names → addresses, and connections that land on the local test server."""

    server: PageServer
    names: dict[str, list[str]]
    lookups: list[str] = field(default_factory=list)
    connected: list[str] = field(default_factory=list)

    def resolve(self, host: str, port: int) -> list[tuple[int, SocketAddress]]:
        self.lookups.append(host)
        found = [host] if _is_ip(host) else self.names.get(host)
        if found is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(_family(address), (address, port)) for address in found]

    def connect(self, family: int, sockaddr: SocketAddress, timeout: float) -> socket.socket:
        self.connected.append(sockaddr[0])
        host, port = self.server.server_address[:2]
        return system_connector(socket.AF_INET, (str(host), port), timeout)

    def policy(self, *, allow_private: bool = False) -> AddressPolicy:
        port = self.server.server_address[1]
        return AddressPolicy(
            allow_private=allow_private,
            ports=frozenset({80, 443, port}),
            resolve=self.resolve,
            connect=self.connect,
        )

    def url(self, host: str, path: str) -> str:
        return f"http://{host}:{self.server.server_address[1]}{path}"


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _family(address: str) -> int:
    return socket.AF_INET6 if ":" in address else socket.AF_INET


STORY = (
    b"<html><body><article><h1>Pool saved</h1>"
    b"<p>The council voted to keep it.</p></article></body></html>"
)


@pytest.fixture(scope="module")
def server() -> Iterator[PageServer]:
    routes = {"/story": Page(STORY)}
    with PageServer(routes) as running:
        yield running


def _redirect(location: str) -> Page:
    return Page(status=302, headers={"Location": location})


@pytest.fixture
def network(server: PageServer, monkeypatch: pytest.MonkeyPatch) -> FakeNetwork:
    """Fake DNS; the system resolver must not be asked at all (no second lookup)."""

    def no_lookup(*args: object, **kwargs: object) -> Sequence[object]:
        raise AssertionError(f"the system resolver was asked: {args}")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    names = {
        "news.example": ["93.184.216.34"],
        "metadata.example": ["169.254.169.254"],
        "mixed.example": ["93.184.216.34", "10.0.0.5"],
        "v6.example": ["2606:4700:4700::1111"],
        "v6-mapped.example": ["::ffff:127.0.0.1"],
    }
    return FakeNetwork(server, names)


def test_a_public_name_is_fetched_from_the_address_that_was_checked(network: FakeNetwork) -> None:
    page = fetch_page(network.url("news.example", "/story"), policy=network.policy())

    assert b"Pool saved" in page.data
    assert network.lookups == ["news.example"]  # resolved once
    assert network.connected == ["93.184.216.34"]  # and connected to what was checked


def test_an_ipv6_public_name_is_fetched(network: FakeNetwork) -> None:
    fetch_page(network.url("v6.example", "/story"), policy=network.policy())

    assert network.connected == ["2606:4700:4700::1111"]


@pytest.mark.parametrize(
    ("location", "refused_host"),
    [
        ("http://metadata.example/latest/meta-data/", "metadata.example is a link-local"),
        ("http://127.0.0.1/admin", "127.0.0.1 is a loopback"),
        ("http://[::ffff:127.0.0.1]/admin", "::ffff:127.0.0.1 is a loopback"),
        ("http://v6-mapped.example/", "v6-mapped.example is a loopback"),
        ("http://mixed.example/", "mixed.example is a private network"),
    ],
)
def test_a_redirect_from_a_public_page_to_a_private_address_is_refused(
    network: FakeNetwork, server: PageServer, location: str, refused_host: str
) -> None:
    server.routes["/away"] = _redirect(location)
    with pytest.raises(ArticleError, match=f"cannot fetch .*/away: {refused_host}") as refused:
        fetch_page(network.url("news.example", "/away"), policy=network.policy())

    assert "not a public web address" in str(refused.value)
    assert network.connected == ["93.184.216.34"]  # the private address was never connected to


def test_a_name_resolving_to_public_and_private_addresses_is_refused(network: FakeNetwork) -> None:
    with pytest.raises(ArticleError, match=r"mixed\.example is a private network address"):
        fetch_page(network.url("mixed.example", "/story"), policy=network.policy())

    assert network.connected == []


def test_dns_rebinding_cannot_swap_the_address_after_the_check(
    network: FakeNetwork, server: PageServer
) -> None:
    """A name public when checked, private a moment later: the connection uses the first answer."""
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])

    def rebinding(host: str, port: int) -> list[tuple[int, SocketAddress]]:
        network.names[host] = next(answers)
        return network.resolve(host, port)

    policy = AddressPolicy(
        ports=frozenset({server.server_address[1]}), resolve=rebinding, connect=network.connect
    )
    fetch_page(network.url("rebind.example", "/story"), policy=policy)

    assert network.lookups == ["rebind.example"]
    assert network.connected == ["93.184.216.34"]


def test_each_redirect_hop_is_resolved_and_checked_once(
    network: FakeNetwork, server: PageServer
) -> None:
    network.names["cdn.example"] = ["151.101.1.1"]
    server.routes["/hop"] = _redirect(network.url("cdn.example", "/story"))

    fetch_page(network.url("news.example", "/hop"), policy=network.policy())

    assert network.lookups == ["news.example", "cdn.example"]
    assert network.connected == ["93.184.216.34", "151.101.1.1"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://news.example:8080/story", "port 8080 of news.example is not a web port"),
        ("http://news.example:22/", "port 22 of news.example is not a web port"),
        ("ftp://news.example/story", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("http://user:secret@news.example/", "a user name or password"),
        ("http:///story", "names no host"),
        ("http://news.example:99999/", "port is not valid"),
    ],
)
def test_addresses_refused_before_anything_is_resolved(
    network: FakeNetwork, url: str, message: str
) -> None:
    with pytest.raises(ArticleError, match=message) as refused:
        fetch_page(url, policy=AddressPolicy(resolve=network.resolve, connect=network.connect))

    assert "secret" not in str(refused.value)
    assert network.lookups == []


def test_a_redirect_to_another_port_is_refused(network: FakeNetwork, server: PageServer) -> None:
    server.routes["/to-ssh"] = _redirect("http://news.example:22/")

    with pytest.raises(ArticleError, match=r"port 22 of news\.example is not a web port"):
        fetch_page(network.url("news.example", "/to-ssh"), policy=network.policy())

    assert network.connected == ["93.184.216.34"]


def test_allowing_private_addresses_reads_from_loopback_on_any_port(server: PageServer) -> None:
    policy = AddressPolicy(allow_private=True)

    assert b"Pool saved" in fetch_page(server.url("/story"), policy=policy).data


def test_without_allowing_them_loopback_is_refused_by_address(server: PageServer) -> None:
    port = server.server_address[1]
    policy = AddressPolicy(ports=frozenset({port}))

    before = server.requests["/story"]
    with pytest.raises(ArticleError, match=r"127\.0\.0\.1 is a loopback address"):
        fetch_page(server.url("/story"), policy=policy)
    assert server.requests["/story"] == before


def test_numeric_spellings_of_loopback_resolve_to_it_and_are_refused() -> None:
    """``127.1``, ``2130706433``, ``0x7f.1``: resolved to 127.0.0.1, then refused."""

    def numeric_only(host: str, port: int) -> list[tuple[int, SocketAddress]]:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST)
        return [(family, sockaddr) for family, _, _, _, sockaddr in found]

    policy = AddressPolicy(resolve=numeric_only)
    for spelling in ("127.1", "2130706433", "0x7f.1", "017700000001"):
        with pytest.raises(ForbiddenAddressError, match="loopback"):
            policy.checked_addresses(spelling, 80)


def test_a_proxy_in_the_environment_is_not_used_for_untrusted_addresses(
    network: FakeNetwork, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A proxy would resolve the name itself: the untrusted fetch goes to the checked address."""
    monkeypatch.setenv("http_proxy", "http://192.0.2.1:3128")
    monkeypatch.delenv("no_proxy", raising=False)

    fetch_page(network.url("news.example", "/story"), policy=network.policy())

    assert network.connected == ["93.184.216.34"]


def test_https_goes_to_the_checked_address_and_asks_for_the_name(network: FakeNetwork) -> None:
    """TLS is for the host name (SNI, certificate), the TCP connection for the checked address."""
    hello: list[bytes] = []
    listener = socket.create_server(("127.0.0.1", 0))

    def accept() -> None:
        connection, _ = listener.accept()
        with connection:
            hello.append(connection.recv(4096))  # the ClientHello, then hang up

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()

    def to_listener(family: int, sockaddr: SocketAddress, timeout: float) -> socket.socket:
        network.connected.append(sockaddr[0])
        return system_connector(socket.AF_INET, listener.getsockname(), timeout)

    policy = AddressPolicy(resolve=network.resolve, connect=to_listener)
    with pytest.raises(ArticleError):
        fetch_page("https://news.example/story", policy=policy, timeout=5)
    thread.join(timeout=5)
    listener.close()

    assert network.connected == ["93.184.216.34"]
    assert b"news.example" in hello[0]  # the server name sent in the handshake


def test_check_url_refuses_at_once_what_the_fetch_would() -> None:
    policy = AddressPolicy()
    check_url("https://example.com/news/story", policy)
    with pytest.raises(ArticleError, match="not a web port"):
        check_url("https://example.com:8443/", policy)
    check_url("https://example.com:8443/", AddressPolicy(allow_private=True))
    check_url("https://example.com:8443/")  # the command line's own address: no port rule
