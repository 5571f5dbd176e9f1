"""How long an event loop goes without running: the gaps between a watcher's 1 ms wake-ups.

Each gap is measured twice: in wall-clock time, and in the CPU time the loop's
thread spent in it. The CPU figure is what the code on the loop blocks it for;
the wall figure adds whatever the operating system gave to other threads and
processes, which on a shared machine is partly noise.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

__all__ = ["LoopWatch"]


@dataclass
class LoopWatch:
    """Wakes every ``interval`` seconds and records each gap: (wall seconds, thread CPU seconds)."""

    interval: float = 0.001
    gaps: list[tuple[float, float]] = field(default_factory=list)
    _running: bool = True

    async def run(self) -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        while self._running:
            await asyncio.sleep(self.interval)
            now_wall, now_cpu = time.perf_counter(), time.thread_time()
            self.gaps.append((now_wall - wall, now_cpu - cpu))
            wall, cpu = now_wall, now_cpu

    def stop(self) -> None:
        self._running = False

    @property
    def worst_wall(self) -> float:
        return max(wall for wall, _ in self.gaps)

    @property
    def worst_blocked(self) -> float:
        """The longest the loop's thread computed without coming back to the loop."""
        return max(min(wall, cpu) for wall, cpu in self.gaps)

    def blocked_percentile(self, percent: int) -> float:
        blocked = sorted(min(wall, cpu) for wall, cpu in self.gaps)
        return blocked[min(len(blocked) - 1, len(blocked) * percent // 100)]
