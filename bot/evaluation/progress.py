"""A minimal progress bar on stderr, shown only on a terminal.

Long evaluation runs (600+ questions) should show they are moving; piped or
captured output should stay clean, so the bar draws nothing unless stderr is a TTY.
"""

from __future__ import annotations

import sys
from typing import IO

__all__ = ["Progress"]

_WIDTH = 30


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
