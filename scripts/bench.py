"""``make bench``: speed and scale of articlebot against the libraries people would pick.

Prints, from one run on one machine: the full answer latency on the development
articles; the retrieval query path alone against scikit-learn's plain path, bm25s
and rank_bm25; query latency on the realistic corpus by query kind at 1k to 1M
passages, ours and bm25s interleaved, and the reload of a saved realistic index
with and without non-ASCII text (``bench_realistic.py``); build time, index
memory, query latency and peak RSS at 10k, 100k and 1M synthetic passages for
ours, scikit-learn and bm25s (each size and library in its own process); the
reload time of a saved 1M index; the cold start of
``articlebot ask`` against the scikit-learn import floor; and sentence recall@1.
A full run writes the ``## Speed and scale`` section of docs/BENCHMARKS.md and the
plot docs/latency_vs_size.png; ``--quick`` skips the 1M size and writes nothing.

Run from the project root: ``make bench`` or ``.venv/bin/python scripts/bench.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SCRIPTS = Path(__file__).resolve().parent
PROJECT_ROOT = SCRIPTS.parent
sys.path.insert(0, str(PROJECT_ROOT))
sys.path.insert(0, str(SCRIPTS))

import bench_article  # noqa: E402
import bench_report  # noqa: E402
import bench_startup  # noqa: E402

FULL_SIZES = (10_000, 100_000, 1_000_000)
SCALE_LIBRARIES = ("ours", "bm25s", "sklearn", "sklearn-analyzer")
REALISTIC_SIZES = (1_000, 10_000, 100_000, 1_000_000)


def main() -> None:
    arguments = _parse()
    started = time.time()
    results: dict[str, Any] = {"machine": machine(), "command": _command_line()}
    results["load_before"] = os.getloadavg()
    results.update(article_benchmarks(arguments.rounds))
    results["realistic"] = realistic_benchmarks(arguments.realistic_sizes, arguments.queries)
    results["scale"] = scale_benchmarks(arguments.sizes)
    results["startup"] = bench_startup.cold_start(arguments.startup_runs)
    results["startup"]["imports"] = bench_startup.imported_modules()
    results["load_after"] = os.getloadavg()
    results["duration_s"] = time.time() - started
    report = bench_report.render(results)
    print(report)
    if arguments.write:
        bench_report.write_section(PROJECT_ROOT / "docs" / "BENCHMARKS.md", report)
        bench_report.plot(results["scale"], PROJECT_ROOT / "docs" / "latency_vs_size.png")
    if arguments.json is not None:
        arguments.json.write_text(json.dumps(results, indent=1, default=str))


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip 1M passages; write nothing")
    parser.add_argument("--sizes", help="comma-separated corpus sizes (default 10k,100k,1M)")
    parser.add_argument("--rounds", type=int, default=5, help="passes over the questions")
    parser.add_argument("--queries", type=int, default=250, help="realistic queries of each kind")
    parser.add_argument("--startup-runs", type=int, default=30)
    parser.add_argument("--write", action=argparse.BooleanOptionalAction, default=None)
    parser.add_argument("--json", type=Path, help="also save the raw results here")
    arguments = parser.parse_args()
    sizes = FULL_SIZES[:2] if arguments.quick else FULL_SIZES
    if arguments.sizes:
        sizes = tuple(int(size) for size in arguments.sizes.split(","))
    arguments.sizes = sizes
    arguments.realistic_sizes = tuple(size for size in REALISTIC_SIZES if size <= max(sizes))
    if arguments.write is None:
        arguments.write = not arguments.quick and sizes == FULL_SIZES
    return arguments


def _command_line() -> str:
    return " ".join(["python", "scripts/bench.py", *sys.argv[1:]])


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
    fields = dict(line.split(":", 1) for line in lscpu.splitlines() if ":" in line)
    with open("/proc/meminfo") as meminfo:
        total_kb = int(meminfo.readline().split()[1])
    import bm25s
    import numpy
    import scipy
    import sklearn

    return {
        "cpu": fields.get("Model name", "?").strip(),
        "nproc": os.cpu_count(),
        "memory_gib": round(total_kb / 2**20, 1),
        "python": platform.python_version(),
        "os": platform.platform(),
        "versions": {
            "numpy": numpy.__version__,
            "scipy": scipy.__version__,
            "scikit-learn": sklearn.__version__,
            "bm25s": bm25s.__version__,
            "stemmer": _stemmer_backend(),
        },
    }


def _stemmer_backend() -> str:
    import snowballstemmer

    backend = type(snowballstemmer.stemmer("english"))
    return f"{backend.__module__}.{backend.__name__}"


def article_benchmarks(rounds: int) -> dict[str, Any]:
    dev_sets = bench_article.load_dev_sets()
    seed, squad = dev_sets[0], dev_sets[1:]
    named = {"seed": seed, **{eval_set.name: eval_set for eval_set in squad}}
    return {
        "answer": {name: bench_article.answer_latency(s, rounds) for name, s in named.items()},
        "retrieval": {
            name: bench_article.retrieval_latency(s, rounds) for name, s in named.items()
        },
        "recall": {
            "seed": bench_article.recall_at_1([seed]),
            "SQuAD dev": bench_article.recall_at_1(squad),
        },
    }


def scale_benchmarks(sizes: tuple[int, ...]) -> list[dict[str, Any]]:
    """One subprocess per (size, library); the largest size also saves and reloads ours."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        saved = Path(folder) / "index.npz"
        for size in sizes:
            for library in SCALE_LIBRARIES:
                extra = ["--save", str(saved)] if library == "ours" and size == sizes[-1] else []
                rows.append(_run_scale(["--library", library, "--size", str(size), *extra]))
                print(f"  {library} at {size:,}: {rows[-1]}", file=sys.stderr)
        rows.append(_run_scale(["--reload", str(saved)]))
    return rows


def realistic_benchmarks(sizes: tuple[int, ...], per_kind: int) -> dict[str, Any]:
    """Per size, ours and bm25s interleaved on the realistic corpus (one process each);
    at the largest size, our index saved and reloaded in fresh processes, from the
    corpus as it is and with its non-ASCII characters replaced, to compare the two.
    """
    latency = []
    for size in sizes:
        before = os.getloadavg()
        latency.append(_run_scale(["--size", str(size), "--queries", str(per_kind)], REALISTIC))
        latency[-1]["load"] = [before, os.getloadavg()]
        print(f"  realistic at {size:,}: done", file=sys.stderr)
    reloads = []
    with tempfile.TemporaryDirectory() as folder:
        saved = {
            ascii_only: Path(folder) / f"index-{'ascii' if ascii_only else 'text'}.npz"
            for ascii_only in (False, True)
        }
        for ascii_only, path in saved.items():
            arguments = ["--size", str(sizes[-1]), "--save", str(path)]
            built = _run_scale([*arguments, *(["--ascii"] if ascii_only else [])], REALISTIC)
            reloads.append({"build": built, "reloads": []})
        # Reloads alternate between the two files, several times: one reload each, right
        # after its own build, compared the page cache and the load of two moments
        # (0.68 against 0.31 s in one run, 0.37 against 0.29 s in the next).
        for _ in range(RELOAD_REPEATS):
            for entry, path in zip(reloads, saved.values(), strict=True):
                arguments = ["--reload", str(path), "--queries", str(per_kind)]
                entry["reloads"].append(_run_scale(arguments, REALISTIC))
        for entry in reloads:
            runs = sorted(entry["reloads"], key=lambda run: run["reload_s"])
            entry["reload"] = runs[len(runs) // 2]  # the median reload
            entry["load"] = os.getloadavg()
    return {"latency": latency, "reload": reloads}


# Fresh-process reloads of each saved realistic index; the median is reported.
RELOAD_REPEATS = 7


REALISTIC = "bench_realistic.py"


def _run_scale(arguments: list[str], script: str = "bench_scale.py") -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, str(SCRIPTS / script), *arguments],
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT_ROOT,
    )
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


if __name__ == "__main__":
    main()
