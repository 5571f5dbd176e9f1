"""``python -m bot``: the same as the ``articlebot`` command."""

import sys

from bot.cli import main

sys.exit(main())
