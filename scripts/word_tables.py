"""What the scripts that generate ``bot/data``'s word tables share.

Each table is keyed by the 50,000 most frequent English words
(``bot/data/english_words.txt``), so rare words and their rare senses stay out,
and is written as a licence header and tab-separated rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "bot" / "data"
WORDS = DATA / "english_words.txt"


def common_words() -> set[str]:
    return {
        line.strip()
        for line in WORDS.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }


def render(header: str, rows: Sequence[tuple[str, str]]) -> str:
    """The file's text: its licence header, then one tab-separated row per word."""
    return header + "".join(f"{key}\t{value}\n" for key, value in rows)


def write(output: Path, header: str, rows: Sequence[tuple[str, str]]) -> None:
    output.write_text(render(header, rows), encoding="utf-8")
    print(f"wrote {len(rows)} words to {output}")


def regenerate(
    output: Path, header: str, build_rows: Callable[[], Sequence[tuple[str, str]]]
) -> None:
    """A generator script's whole run: build the rows from the source and write the file."""
    write(output, header, build_rows())
