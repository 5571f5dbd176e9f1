"""Print the abstention trade-off on the development data, held apart.

Every development question is answered by rankers fitted without its article
(out of fold, as in ``scripts/fit_weights.py``); an abstention model fitted on
the other articles' decisions (by article, as the thresholds are set) then gives
each answer its probability of standing, and each threshold declines those below it. The table
shows, per share of answerable questions the threshold declines, the answerable
F1 kept and the share of unanswerable questions declined, for SQuAD and the news
set apart.

Run: ``.venv/bin/python scripts/abstention_curve.py`` (about a minute).
"""

from __future__ import annotations

import numpy as np

from bot.evaluation.development import load_development_sets
from bot.evaluation.fitting import (
    MAX_DECLINED_ANSWERABLE,
    Decision,
    fit_answer_weights,
    held_apart_chances,
    out_of_fold_decisions,
)
from bot.evaluation.training import build_tables

SHARES = (0.0, 0.03, 0.05, 0.07, 0.10, 0.15, 0.20, 0.30)


def main() -> None:
    tables = build_tables(load_development_sets())
    weights = fit_answer_weights(tables, {})
    decisions = out_of_fold_decisions(tables)
    chances = held_apart_chances(decisions)
    print("| declined answerable | domain | answerable F1 | unanswerable declined |")
    print("|---|---|---|---|")
    for share in SHARES:
        for domain in ("encyclopedia", "news"):
            print(_row(decisions, chances, share, domain))
    budget = f"{MAX_DECLINED_ANSWERABLE:.0%}"
    print(f"\nshipped threshold: {weights.threshold} (declines at most {budget} out of fold)")


def _row(decisions: list[Decision], every: np.ndarray, share: float, domain: str) -> str:
    mine = np.array([d.table.domain == domain for d in decisions])
    chosen = [d for d in decisions if d.table.domain == domain]
    chances = every[mine]
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
