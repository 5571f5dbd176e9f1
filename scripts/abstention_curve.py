"""Print the abstention trade-off on the development data, held apart.

Every development question is answered by rankers fitted without its article
(out of fold, as in ``scripts/fit_weights.py``); the abstention model fitted on
those decisions then gives each answer its probability of standing, and each
threshold declines those below it. The table shows, per share of answerable
questions the threshold declines, the answerable F1 kept and the share of
unanswerable questions declined, for SQuAD and the news set apart.

Run: ``.venv/bin/python scripts/abstention_curve.py`` (about a minute).
"""

from __future__ import annotations

import numpy as np

from bot.composer.weights import LinearModel
from bot.evaluation.development import load_development_sets
from bot.evaluation.fitting import (
    MAX_DECLINED_ANSWERABLE,
    Decision,
    fit_answer_weights,
    out_of_fold_decisions,
    probability,
)
from bot.evaluation.training import build_tables

SHARES = (0.0, 0.03, 0.05, 0.07, 0.10, 0.15, 0.20, 0.30)


def main() -> None:
    tables = build_tables(load_development_sets())
    weights = fit_answer_weights(tables, {})
    decisions = out_of_fold_decisions(tables)
    print("| declined answerable | domain | answerable F1 | unanswerable declined |")
    print("|---|---|---|---|")
    for share in SHARES:
        for domain in ("encyclopedia", "news"):
            print(_row(decisions, weights.abstention, share, domain))
    budget = f"{MAX_DECLINED_ANSWERABLE:.0%}"
    print(f"\nshipped threshold: {weights.threshold} (declines at most {budget} out of fold)")


def _row(decisions: list[Decision], model: LinearModel, share: float, domain: str) -> str:
    chosen = [d for d in decisions if d.table.domain == domain]
    chances = np.array([probability(model, d.row) if d.row else 0.0 for d in chosen])
    answerable = np.array([d.table.answerable for d in chosen])
    found = np.array([d.row is not None for d in chosen])  # no candidate: always declined
    threshold = np.quantile(chances[answerable], share) if share else 0.0
    kept = found & (chances >= threshold)
    f1 = np.array([d.f1 for d in chosen])
    return (
        f"| {100 * (1 - kept[answerable].mean()):.1f}% | {domain} "
        f"| {100 * (f1 * kept)[answerable].mean():.1f} "
        f"| {100 * (1 - kept[~answerable].mean()):.1f}% |"
    )


if __name__ == "__main__":
    main()
