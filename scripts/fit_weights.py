"""Fit the composer's weights on the development data and write bot/data/answer_weights.json.

Run: ``.venv/bin/python scripts/fit_weights.py`` (about a minute). The result is
deterministic: the same data and code give the same file, byte for byte, which
``tests/test_answer_weights.py`` checks. Review the diff before committing it.

``--check`` compares instead of writing and exits 1 if the shipped file differs.
The frozen test split (``data/test``) is never read here.
"""

from __future__ import annotations

import argparse
import sys

from bot.composer.weights import WEIGHTS_RESOURCE
from bot.evaluation.refit import fitted_weights_json
from bot.settings import PROJECT_ROOT

OUTPUT = PROJECT_ROOT / "bot" / "data" / WEIGHTS_RESOURCE


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    arguments = parser.parse_args()
    text = fitted_weights_json()
    if arguments.check:
        same = OUTPUT.read_text(encoding="utf-8") == text
        print("the shipped weights match the fit" if same else "the shipped weights differ")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
