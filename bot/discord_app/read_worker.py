"""What a reading process runs: fetch, extract and index one page, and hand it back.

This module is what :mod:`bot.discord_app.read_pool` preloads into the process
that forks the readers, so it imports, up front, everything reading a page
needs (the HTML extractor, SciPy's sparse matrices): a reader forked from it
starts with them loaded and does only the page's own work. It never imports
discord.py; a reader knows nothing of the bot.

The result travels back packed (:mod:`bot.discord_app.parcel`), as bytes, and
the bot unpacks them in a thread of its own.
"""

from __future__ import annotations

import contextlib
import os
import signal

import scipy.sparse  # noqa: F401  (preloaded: fitting an index needs it)
import trafilatura  # noqa: F401  (preloaded: reading HTML needs it)

import retrieval.formats  # noqa: F401  (preloaded: the readers of every page format)
from bot.discord_app.parcel import pack
from bot.reading import read_knowledge
from retrieval.addresses import AddressPolicy

__all__ = ["WORKER_NICENESS", "prepare_reader", "read_page"]

# Readers yield the processor to the bot: on a small machine, the loop that
# answers questions must not wait behind pages being indexed.
WORKER_NICENESS = 10


def prepare_reader() -> None:
    """Start a reading process: lower its priority, leave Ctrl-C to the bot.

    The bot shuts its readers down itself; a Ctrl-C in the terminal reaches
    every process of the group, and would print a traceback from each reader.
    """
    with contextlib.suppress(AttributeError, OSError):  # no nice() on Windows
        os.nice(WORKER_NICENESS)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def read_page(url: str, policy: AddressPolicy, max_passages: int) -> bytes:
    """Fetch ``url`` under ``policy``, index it, and return its knowledge packed.

    :class:`~retrieval.ArticleError` (pickled across) says why a page cannot be read.
    """
    return pack(read_knowledge(url, policy=policy, max_passages=max_passages))
