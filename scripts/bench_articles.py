"""``make bench-articles``: a folder of generated articles indexed, reloaded and updated.

Writes 5,000 generated news articles (``article_generator``, fixed seed: mostly
.txt, some Markdown and HTML) into a temporary folder, then times the real
``bot.knowledge.load_knowledge`` on it three times, each in a fresh process (so
each figure includes nothing cached in memory, and each peak RSS is that step's
alone):

1. build: no cache yet, every file parsed and counted, the cache written;
2. reload: nothing changed, the collection read back from the cache;
3. update: after editing a few files, only those parsed again.

Prints a Markdown section for docs/BENCHMARKS.md ("Many articles (issue 7)").
Run from the project root: ``make bench-articles`` or
``.venv/bin/python scripts/bench_articles.py [--count N] [--edits N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SCRIPTS = Path(__file__).resolve().parent
sys.path.insert(0, str(SCRIPTS.parent))
sys.path.insert(0, str(SCRIPTS))

from article_generator import write_articles  # noqa: E402

BUILD_TARGET_S = 60.0
RELOAD_TARGET_S = 5.0
EDIT = "\nA late statement from the okapi committee in Kinshasa changed the schedule again.\n"


def main() -> None:
    arguments = _parse()
    if arguments.measure is not None:
        print(json.dumps(measure(arguments.measure)))
        return
    folder = Path(tempfile.mkdtemp(prefix="articlebot-articles-"))
    # The collection cache too goes in the temporary folder, not the user's cache.
    os.environ["ARTICLEBOT_CACHE_DIR"] = str(folder / "cache")
    try:
        results = run(folder / "articles", arguments.count, arguments.edits)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(render(results))


def run(folder: Path, count: int, edits: int) -> dict[str, Any]:
    """Generate the articles, then build, reload and update in fresh processes."""
    results: dict[str, Any] = {"machine": machine(), "load_before": os.getloadavg()}
    started = time.perf_counter()
    paths = write_articles(folder, count)
    results["generate_s"] = time.perf_counter() - started
    results["suffixes"] = {s: sum(p.suffix == s for p in paths) for s in (".txt", ".md", ".html")}
    results["build"] = _step(folder)
    results["reload"] = _step(folder)
    for path in paths[:: max(1, len(paths) // edits)][:edits]:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(EDIT)
    results["update"] = _step(folder)
    from bot.knowledge import collection_cache_path

    cache = collection_cache_path([folder])
    results["cache_mib"] = cache.stat().st_size / 2**20 if cache is not None else 0.0
    results["load_after"] = os.getloadavg()
    return results


def _step(folder: Path) -> dict[str, Any]:
    """One ``load_knowledge`` in a fresh interpreter; wall time from its start to ready."""
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, __file__, "--measure", str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    step: dict[str, Any] = json.loads(completed.stdout)
    step["process_s"] = time.perf_counter() - started
    return step


def measure(folder: Path) -> dict[str, Any]:
    """Time ``load_knowledge(folder)`` here, and say what it read (run in a fresh process)."""
    from bench_scale import peak_rss_mb

    from bot.knowledge import load_knowledge
    from retrieval import collection_cache

    loads: list[collection_cache.CollectionLoad] = []
    original = collection_cache.load_collection

    def recorded(*arguments: Any, **options: Any) -> collection_cache.CollectionLoad:
        loads.append(original(*arguments, **options))
        return loads[-1]

    collection_cache.load_collection = recorded  # type: ignore[assignment]
    started = time.perf_counter()
    knowledge = load_knowledge(folder)
    seconds = time.perf_counter() - started
    hits = knowledge.retriever.search("okapi committee Kinshasa schedule", k=3)
    return {
        "load_s": seconds,
        "parsed": loads[0].parsed,
        "reused": loads[0].reused,
        "saved": loads[0].saved,
        "articles": len(knowledge.articles),
        "passages": len(knowledge.retriever),
        "terms": len(knowledge.retriever.vocabulary),
        "edited_found": sum("okapi" in hit.passage.text for hit in hits),
        "peak_rss_mib": peak_rss_mb(),
    }


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
    fields = dict(line.split(":", 1) for line in lscpu.splitlines() if ":" in line)
    import numpy

    return {
        "cpu": fields.get("Model name", "?").strip(),
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "os": platform.platform(),
        "numpy": numpy.__version__,
    }


def render(results: dict[str, Any]) -> str:
    """The Markdown section for docs/BENCHMARKS.md."""
    machine, build = results["machine"], results["build"]
    formats = ", ".join(f"{count:,} {suffix}" for suffix, count in results["suffixes"].items())
    rows = [
        ("build (no cache)", results["build"]),
        ("reload, nothing changed", results["reload"]),
        (f"update after editing {results['update']['parsed']} files", results["update"]),
    ]
    lines = [
        "## Many articles (issue 7)",
        "",
        f"- Command: `python scripts/bench_articles.py` (`make bench-articles`), "
        f"{time.strftime('%Y-%m-%d')}",
        f"- Machine: {machine['cpu']}, {machine['nproc']} cores, Python {machine['python']}, "
        f"numpy {machine['numpy']}, {machine['os']}",
        "- Load average (1, 5, 15 min) before / after: "
        f"{_load(results['load_before'])} / {_load(results['load_after'])}",
        f"- Collection: {build['articles']:,} generated articles ({formats}), "
        f"{build['passages']:,} passages, {build['terms']:,} terms; cache file "
        f"{results['cache_mib']:.0f} MiB",
        "",
        "Each step is `load_knowledge(folder)` in a fresh process; *ready* is the "
        "process's wall time from start to a searchable index (interpreter and imports included).",
        "",
        "| step | files parsed | from cache | load_knowledge | ready | peak RSS |",
        "|---|---|---|---|---|---|",
    ]
    for name, step in rows:
        lines.append(
            f"| {name} | {step['parsed']:,} | {step['reused']:,} | {step['load_s']:.2f} s "
            f"| {step['process_s']:.2f} s | {step['peak_rss_mib']:.0f} MiB |"
        )
    lines += [
        "",
        f"Targets: build under {BUILD_TARGET_S:.0f} s: {_met(build['load_s'], BUILD_TARGET_S)}; "
        f"reload under {RELOAD_TARGET_S:.0f} s: "
        f"{_met(results['reload']['process_s'], RELOAD_TARGET_S)}.",
    ]
    return "\n".join(lines)


def _load(values: list[float]) -> str:
    return ", ".join(f"{value:.2f}" for value in values)


def _met(value: float, target: float) -> str:
    return "met" if value < target else "**missed**"


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5_000, help="articles to generate")
    parser.add_argument("--edits", type=int, default=5, help="files edited before the update")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    main()
