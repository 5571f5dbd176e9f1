"""Markdown in linear time: openers that never close cost no more than plain text.

Before: stripping inline markup tried, at every opener, every later position for
its closer, so ``"*a "`` repeated 20,000 times took 27 s (and ``_a``, ``**a``,
``~~a``, ``[a``, ``![a``, ``[^a``, a run of backticks, nested block quotes and a
heading followed by a run of spaces alike); a 10 MB file ran for hours.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval import load_article
from retrieval.formats.markdown import extract_markdown
from tests.reliability_inputs import timed

# Units that open markup and never close it; each is repeated, so the text has
# thousands of openers.
HOSTILE_UNITS = {
    "emphasis": "*a ",
    "underscore": "_a ",
    "strong": "**a ",
    "strong underscore": "__a ",
    "strike": "~~a ",
    "link": "[a ",
    "image": "![a ",
    "footnote": "[^a",
    "code": "``a ",
    "backticks": "`",
    "tag": "<a b=",
    "link target": "[a](b ",
    "reference": "[a][",
    "block quotes": ">",
    "nested quote lines": "> > a\n",
    "list items": "- *a\n",
    "table cells": "| a |",
}
SMALL, LARGE = 4_000, 16_000  # repetitions; linear work grows 4-fold between them


def _growth(function: Callable[[str], object], unit: str) -> tuple[float, float]:
    def run(count: int) -> float:
        text = unit * count
        return min(timed(lambda: function(text))[1] for _ in range(3))

    return run(SMALL), run(LARGE)


@pytest.mark.parametrize("unit", list(HOSTILE_UNITS.values()), ids=list(HOSTILE_UNITS))
def test_openers_without_closers_cost_linear_time(unit: str) -> None:
    # The whole reader: blocks, then the inline markup of every paragraph.
    small, large = _growth(extract_markdown, unit)
    # Quadratic work grows 16-fold (it took seconds here); below 0.1 s a ratio is noise.
    assert large < 0.1 or large < 8 * small, f"{small:.3f}s -> {large:.3f}s"


def test_a_heading_followed_by_a_long_run_of_spaces() -> None:
    _, seconds = timed(lambda: extract_markdown("# Title" + " " * 400_000 + "x\n\nBody text."))
    assert seconds < 1.0  # before: 3 s at 20,000 spaces, growing with the square


@pytest.mark.parametrize("unit", ["*a ", "[a ", "``a ", "> ", "**a** _b_ [c](d) "])
def test_a_hostile_markdown_file_loads_about_as_fast_as_the_same_text(
    tmp_path: Path, unit: str
) -> None:
    text = unit * (1024 * 1024 // len(unit))  # 1 MiB
    plain, markdown = tmp_path / "hostile.txt", tmp_path / "hostile.md"
    plain.write_text(text, encoding="utf-8")
    markdown.write_text(text, encoding="utf-8")
    _, plain_seconds = timed(lambda: _load_or_refuse(plain))
    _, markdown_seconds = timed(lambda: _load_or_refuse(markdown))
    # Before: the Markdown of "*a " alone took hours at this size.
    assert markdown_seconds < 3 * plain_seconds + 0.5


def _load_or_refuse(path: Path) -> object:
    try:
        return load_article(path)
    except ValueError:
        return None
