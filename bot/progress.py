"""A minimal progress bar on stderr, shown only on a terminal.

Long evaluation runs (600+ questions) and the first indexing of a large folder
of articles (about 15 s for 5,000) should show they are moving; piped or
captured output should stay clean, so the bar draws nothing unless stderr is a TTY.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import IO

__all__ = ["Progress", "indexing_progress"]

_WIDTH = 30
# Fewer files than this are read in a second or two: a bar would only flicker.
_MIN_ARTICLES = 20


class Progress:
    """Redraws ``label [#####.....] n/total`` in place as work advances."""

    def __init__(self, label: str, total: int, enabled: bool = True, stream: IO[str] | None = None):
        self.label = label
        self.total = max(total, 1)
        self.stream = stream or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self._drawn = -1

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        filled = _WIDTH * done // self.total
        if filled == self._drawn and done != self.total:
            return
        self._drawn = filled
        bar = "#" * filled + "." * (_WIDTH - filled)
        self.stream.write(f"\r{self.label[:24]:<24} [{bar}] {done}/{self.total}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


def indexing_progress(stream: IO[str] | None = None) -> Callable[[int, int], None]:
    """A ``progress(done, total)`` callback that draws a bar while articles are read.

    The bar appears on the first call for at least a handful of articles, and
    ends its line when ``done`` reaches ``total``.
    """
    bars: list[Progress] = []

    def update(done: int, total: int) -> None:
        if total < _MIN_ARTICLES:
            return
        if not bars:
            bars.append(Progress("indexing articles", total, stream=stream))
        bars[0].update(done)
        if done >= total:
            bars.pop().close()

    return update
