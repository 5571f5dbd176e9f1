"""The shipped weights file, fitted afresh on the development data.

``scripts/fit_weights.py`` writes it; ``tests/test_answer_weights.py`` checks that
the file in the package is exactly what this produces, so the weights a user
runs are always the ones the repository's data and code give. The frozen test
split (``data/test``) is never read here.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version

from bot.evaluation.development import DATA, DEVELOPMENT_FILES, load_development_sets
from bot.evaluation.fitting import fit_answer_weights
from bot.evaluation.training import build_tables

__all__ = ["fitted_weights_json"]


def fitted_weights_json() -> str:
    """The weights file's text, fitted on every development article."""
    tables = build_tables(load_development_sets())
    provenance = {
        "script": "scripts/fit_weights.py",
        "scikit-learn": version("scikit-learn"),
        "data": {
            str(path.relative_to(DATA.parent)): hashlib.sha256(path.read_bytes()).hexdigest()[:16]
            for path in DEVELOPMENT_FILES
        },
        "articles": len({table.group for table in tables}),
        "questions": len(tables),
        "answerable": sum(table.answerable for table in tables),
    }
    return fit_answer_weights(tables, provenance).to_json()
