"""``python -m bot``: the same as the ``articlebot`` command."""

import sys

from bot.cli import main

# Guarded: the evaluation's worker processes import the main module again.
if __name__ == "__main__":
    sys.exit(main())
