"""Measure gold-sentence recall@1/@3 for each analyzer setting on the development data.

Run: ``.venv/bin/python scripts/tune_retrieval.py`` (from the project root, with
the development data in ``data/dev``). Prints a Markdown table for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import itertools

from bot.evaluation.datasets import EvalSet, load_eval_sets
from bot.evaluation.development import DEVELOPMENT_FILES
from bot.settings import DEFAULT_ARTICLE
from retrieval import AnalyzerConfig, TfidfRetriever


def recall(eval_sets: list[EvalSet], config: AnalyzerConfig, depth: int) -> float:
    found = total = 0
    for eval_set in eval_sets:
        retriever = TfidfRetriever.fit(eval_set.article.passages, config)
        for question in eval_set.questions:
            if not question.gold_passages:
                continue
            hits = retriever.search(question.question, k=depth)
            found += any(hit.passage.index in question.gold_passages for hit in hits)
            total += 1
    return 100.0 * found / total


def main() -> None:
    seed_sets = load_eval_sets(DEVELOPMENT_FILES[0], DEFAULT_ARTICLE)
    squad_sets = load_eval_sets(DEVELOPMENT_FILES[1], DEFAULT_ARTICLE)
    print("| stop words | stemming | n-grams | tf | seed @1 | seed @3 | SQuAD @1 | SQuAD @3 |")
    print("|---|---|---|---|---|---|---|---|")
    grid = itertools.product(("none", "function", "english"), (False, True), (1, 2), (False, True))
    for stop_words, stemming, ngram_max, sublinear in grid:
        config = AnalyzerConfig(stop_words, stemming, ngram_max, sublinear)
        cells = [
            f"{recall(sets, config, depth):.1f}"
            for sets in (seed_sets, squad_sets)
            for depth in (1, 3)
        ]
        tf = "sublinear" if sublinear else "raw"
        print(
            f"| {stop_words} | {'yes' if stemming else 'no'} | 1-{ngram_max} | {tf} | "
            + " | ".join(cells)
            + " |"
        )


if __name__ == "__main__":
    main()
