"""``:read URL_OR_PATH`` in the REPL: what ``/read`` does on Discord, trusted like ``--article``.

The REPL's user runs the bot, so a file and a loopback address are read as the
command line would read them (no address rules beyond the command line's).
One run of the real command; the answers are checked against the composer's
own, computed here from the same page.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.composer import answer
from bot.knowledge import Knowledge
from bot.reading import read_knowledge
from tests.conftest import run_cli
from tests.page_server import FIXTURES, Page, PageServer

PIER = FIXTURES / "tabloid_pier.html"
FISHERIES = FIXTURES / "broadsheet_fisheries.html"
QUESTION = "how much did the restoration cost?"


@pytest.fixture(scope="module")
def pages() -> Iterator[PageServer]:
    with PageServer({"/fisheries.html": Page(FISHERIES.read_bytes())}) as server:
        yield server


def test_read_a_file_and_an_address_then_ask_and_switch(
    pages: PageServer, seed_knowledge: Knowledge
) -> None:
    address = pages.url("/fisheries.html")
    script = "\n".join(
        [
            f":read {PIER}",
            QUESTION,
            f":read {address}",
            ":articles",
            ":use 2",
            QUESTION,
            ":use all",
            "when is the summit?",
            ":read /no/such/file.html",
            ":read",
        ]
    )

    result = run_cli("repl", stdin=script + "\n")

    assert result.returncode == 0, result.stderr
    pier = read_knowledge(PIER)
    fisheries = read_knowledge(address)
    out = result.stdout
    assert f"Read: {pier.article.title}" in out
    assert f"Read: {fisheries.article.title}" in out
    expected = answer(QUESTION, pier).statement
    assert out.count(expected) == 2  # from the pier, read, then chosen again with :use 2
    assert f"*3. {fisheries.article.title}  ({address})" in out  # the last read is current
    # :use all answers from the loaded article again.
    assert answer("when is the summit?", seed_knowledge).statement in out
    assert "Cannot read it: article not found: /no/such/file.html" in out
    assert "Give a web address or a file to read" in out
