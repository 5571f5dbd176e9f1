"""Fit the composer's weights on the development data and write bot/data/answer_weights.json.

Run: ``.venv/bin/python scripts/fit_weights.py`` (about two minutes). The result is
deterministic: the same data and code give the same file, byte for byte, which
``tests/test_answer_weights.py`` checks. Review the diff before committing it.

``--check`` compares instead of writing and exits 1 if the shipped file differs.
The frozen test split (``data/test``) is never read here.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from importlib.metadata import version

from bot.composer.weights import WEIGHTS_RESOURCE
from bot.evaluation.development import DEVELOPMENT_FILES, load_development_sets
from bot.evaluation.fitting import fit_answer_weights
from bot.evaluation.training import build_tables
from bot.settings import PROJECT_ROOT

OUTPUT = PROJECT_ROOT / "bot" / "data" / WEIGHTS_RESOURCE


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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


def fitted_weights_json() -> str:
    """The weights file's text, fitted afresh on the development data."""
    eval_sets = load_development_sets()
    tables = build_tables(eval_sets)
    provenance = {
        "script": "scripts/fit_weights.py",
        "scikit-learn": version("scikit-learn"),
        "data": {
            str(path.relative_to(PROJECT_ROOT)): hashlib.sha256(path.read_bytes()).hexdigest()[:16]
            for path in DEVELOPMENT_FILES
        },
        "articles": len({table.group for table in tables}),
        "questions": len(tables),
        "answerable": sum(table.answerable for table in tables),
    }
    return fit_answer_weights(tables, provenance).to_json()


if __name__ == "__main__":
    sys.exit(main())
