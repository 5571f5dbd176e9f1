"""The word tables generated into ``bot/data``: a licence header of ``#`` lines, then one
tab-separated row per word. One reader for all of them, so each module says only what its
rows mean."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files

__all__ = ["read_mapping", "read_table", "table_rows"]


def table_rows(text: str) -> Iterator[tuple[str, str]]:
    """Each row of a table's ``text`` as (key, value), the header and blank lines skipped."""
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("\t")
            yield key, value


def read_table(name: str) -> list[tuple[str, str]]:
    """The rows of ``bot/data/<name>``, as shipped in the package."""
    return list(table_rows(files("bot").joinpath("data", name).read_text(encoding="utf-8")))


def read_mapping(name: str) -> dict[str, str]:
    """The rows of ``bot/data/<name>`` as a dict from key to value, built in one pass for
    the large tables (the 50,000 rows of the noun kinds in ~40 ms, where reading them as
    pairs and sorting them into two dicts took ~90)."""
    text = files("bot").joinpath("data", name).read_text(encoding="utf-8")
    return dict(line.split("\t", 1) for line in text.splitlines() if line and line[0] != "#")
