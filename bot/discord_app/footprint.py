"""How much memory a read page takes: the sizes of every object it holds, counted once.

The library keeps each server's pages within a memory share, so it needs each
page's size. A formula over the page's text or its packed bytes would have to
know how the index lays itself out in memory, which changes with the index's
own optimisations (a 300,000-byte page measured 13 MB in memory, a 1 MB one
8 MB: different search structures above and below a size). So the objects
are walked and their ``sys.getsizeof`` summed (NumPy arrays report the data
they own), each once: within 0.85 to 1.7 times what ``tracemalloc`` measures
for the same page, from 4 KB to 1 MB pages (tested). It runs in the thread
that unpacks the page, never on the event loop: 0.5 ms for a news page, up to
45 ms for the largest measured.

Classes, modules and functions are not the page's and are not walked; objects
the page shares with others (its analyzer's stop words) are counted anyway,
which errs on the safe side.
"""

from __future__ import annotations

import gc
import sys
import types

__all__ = ["footprint"]

_NOT_THE_PAGES = (
    type,
    types.ModuleType,
    types.FunctionType,
    types.BuiltinFunctionType,
    types.MethodType,
)


def footprint(root: object) -> int:
    """Bytes of every object reachable from ``root``, each counted once."""
    seen: set[int] = set()
    waiting = [root]
    total = 0
    while waiting:
        item = waiting.pop()
        if id(item) in seen or isinstance(item, _NOT_THE_PAGES):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        waiting.extend(gc.get_referents(item))
    return total
