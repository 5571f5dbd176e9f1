"""Answer latency with the fitted weights: warm answers on the seed, first answers on new articles.

- warm: every seed development question answered 30 times over (caches warm, as in a
  channel that keeps asking about one article); wall and CPU time per answer;
- first question: each development story and SQuAD article loaded afresh (its index
  built), then one question timed, the first the composer sees of that article (its
  word sets, and every per-sentence memo, cold).

Run: ``.venv/bin/python scripts/bench_answer.py``. Prints a Markdown table for
docs/BENCHMARKS.md.
"""

from __future__ import annotations

import gc
import os
import platform
import time

import numpy as np

from bot.composer import answer
from bot.evaluation.datasets import load_eval_sets
from bot.evaluation.development import DEVELOPMENT_FILES
from bot.knowledge import Knowledge
from bot.settings import DEFAULT_ARTICLE
from retrieval import load_article

ROUNDS = 30


def warm() -> tuple[np.ndarray, np.ndarray]:
    knowledge = Knowledge.from_article(load_article(DEFAULT_ARTICLE))
    (seed,) = load_eval_sets(DEVELOPMENT_FILES[0], DEFAULT_ARTICLE)
    questions = [question.question for question in seed.questions]
    for question in questions:
        answer(question, knowledge)
    wall, cpu = [], []
    for _ in range(ROUNDS):
        for question in questions:
            started, started_cpu = time.perf_counter(), time.process_time()
            answer(question, knowledge)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
    return np.array(wall) * 1000, np.array(cpu) * 1000


def first_questions() -> np.ndarray:
    seconds = []
    for path in DEVELOPMENT_FILES[1:]:
        for eval_set in load_eval_sets(path, DEFAULT_ARTICLE):
            knowledge = Knowledge.from_article(eval_set.article)
            question = eval_set.questions[0].question
            gc.collect()
            started = time.perf_counter()
            answer(question, knowledge)
            seconds.append(time.perf_counter() - started)
    return np.array(seconds) * 1000


def main() -> None:
    wall, cpu = warm()
    first = first_questions()
    load = os.getloadavg()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load {load[0]:.2f}"
    )
    print("| measure | n | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|")
    for name, values in (
        ("warm answer on the seed, wall", wall),
        ("warm answer on the seed, CPU", cpu),
        ("first question on a newly loaded article, wall", first),
    ):
        p50, p95, p99 = np.percentile(values, [50, 95, 99])
        print(f"| {name} | {len(values)} | {p50:.2f} | {p95:.2f} | {p99:.2f} |")


if __name__ == "__main__":
    main()
