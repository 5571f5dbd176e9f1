"""Turning ``scripts/bench.py`` results into the BENCHMARKS.md section and the plot."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

from bench_report_realistic import realistic_section

__all__ = ["plot", "render", "write_section"]

HEADING = "## Speed and scale"
STATS = ("p50", "p95", "p99")
GIB_MB = 1024.0
PLOT_LIBRARIES = {"ours": "articlebot (ours)", "bm25s": "bm25s", "sklearn": "scikit-learn plain"}


def render(results: dict[str, Any]) -> str:
    """The whole ``## Speed and scale`` section, in Markdown."""
    parts = [
        HEADING,
        _preamble(results),
        _targets(results),
        _notes(results),
        _answer_table(results["answer"]),
        _retrieval_table(results["retrieval"]),
        realistic_section(results["realistic"]),
        _scale_table(results["scale"]),
        _startup(results["startup"]),
        _recall_table(results["recall"]),
    ]
    return "\n\n".join(parts) + "\n"


def _preamble(results: dict[str, Any]) -> str:
    machine = results["machine"]
    versions = ", ".join(f"{name} {version}" for name, version in machine["versions"].items())
    return "\n".join(
        [
            "Issue 5. Every figure below comes from one run of the command, on one machine;",
            "ratios compare libraries measured in the same run. Latencies are per question.",
            "",
            f"- Command: `{results['command']}` (`make bench`; `make bench BENCH_ARGS=--quick`",
            "  skips 1M passages and writes nothing)",
            f"- Date: {datetime.date.today().isoformat()}, {results['duration_s'] / 60:.0f} min",
            f"- Machine: {machine['cpu']}, {machine['nproc']} cores (`nproc`), "
            f"{machine['memory_gib']} GiB, {machine['os']}",
            f"- Python {machine['python']}; {versions}",
            "- Load average (1, 5, 15 min) before / after: "
            f"{_load(results['load_before'])} / {_load(results['load_after'])} "
            "(the machine is shared; a load above 1 on 2 cores inflates every figure)",
        ]
    )


def _load(values: list[float]) -> str:
    return ", ".join(f"{value:.2f}" for value in values)


def _scale_row(results: dict[str, Any], library: str, size: int) -> dict[str, Any]:
    for row in results["scale"]:
        if row["library"] == library and row["size"] == size:
            return dict(row)
    return {}


def _targets(results: dict[str, Any]) -> str:
    rows = ["| target | measured | met |", "|---|---|---|"]
    for target, measured, met in _target_checks(results):
        rows.append(f"| {target} | {measured} | {'yes' if met else '**no**'} |")
    return "### Targets\n\n" + "\n".join(rows)


Check = tuple[str, str, bool]


def _target_checks(results: dict[str, Any]) -> list[Check]:
    checks = [*_retrieval_checks(results), *_answer_checks(results), *_scale_checks(results)]
    ratio = results["startup"]["ratio_median"]
    target = "cold `articlebot ask` <= 1.3x the scikit-learn import floor (median)"
    checks.append((target, f"{ratio:.2f}x", ratio <= 1.3))
    squad = results["recall"]["SQuAD dev"]
    ours = {name: value["recall"] for name, value in squad.items() if name.startswith("ours")}
    best_other = max(value["recall"] for name, value in squad.items() if name not in ours)
    for name, recall in ours.items():
        target = f"sentence recall@1 on dev SQuAD ({name}) >= the best other library"
        checks.append((target, f"{recall:.1%} vs {best_other:.1%}", recall >= best_other))
    return checks


def _retrieval_checks(results: dict[str, Any]) -> list[Check]:
    checks = []
    for name, libraries in results["retrieval"].items():
        ours = libraries["ours"]["p50_ms"]
        speedup = libraries["scikit-learn plain"]["p50_ms"] / ours
        for bm25s in ("bm25s", "bm25s scoring only"):
            theirs = libraries[bm25s]["p50_ms"]
            target = f"retrieval p50 on {name} <= {bm25s}"
            checks.append((target, f"{_us(ours)} vs {_us(theirs)}", ours <= theirs))
        target = f"retrieval p50 on {name} >= 5x faster than scikit-learn plain"
        checks.append((target, f"{speedup:.1f}x", speedup >= 5))
    return checks


def _answer_checks(results: dict[str, Any]) -> list[Check]:
    seed = results["answer"]["seed"]
    cpu_p99 = seed["cpu_p99_ms"]
    return [
        ("full answer on the seed, p50 <= 0.5 ms", _ms(seed["p50_ms"]), seed["p50_ms"] <= 0.5),
        ("full answer on the seed, p99 <= 2 ms", _ms(seed["p99_ms"]), seed["p99_ms"] <= 2),
        ("full answer on the seed, CPU-time p99 <= 1 ms", _ms(cpu_p99), cpu_p99 <= 1),
    ]


def _scale_checks(results: dict[str, Any]) -> list[Check]:
    size = max(row["size"] for row in results["scale"] if row["library"] == "ours")
    ours = _scale_row(results, "ours", size)
    plain = _scale_row(results, "sklearn", size)
    reload_s = next(r for r in results["scale"] if r["library"] == "ours-reloaded")["reload_s"]
    at = f"{size:,} passages"
    build, plain_build, peak = ours["build_s"], plain["build_s"], ours["peak_rss_mb"]
    return [
        (f"{at}: query p50 <= 10 ms", _ms(ours["p50_ms"]), ours["p50_ms"] <= 10),
        (f"{at}: query p95 <= 20 ms", _ms(ours["p95_ms"]), ours["p95_ms"] <= 20),
        (
            f"{at}: build <= scikit-learn's fit_transform",
            f"{build:.1f} s vs {plain_build:.1f} s",
            build <= plain_build,
        ),
        (f"{at}: peak RSS <= 1 GiB", f"{peak:.0f} MiB", peak <= GIB_MB),
        (f"{at}: saved index reload <= 3 s", f"{reload_s:.2f} s", reload_s <= 3),
    ]


def _notes(results: dict[str, Any]) -> str:
    """What the missed targets mean: each cause as measured in this run."""
    missed = {target for target, _, met in _target_checks(results) if not met}
    notes = []
    if any("scoring only" in target for target in missed):
        ratios = [
            libraries["ours"]["p50_ms"] / libraries["bm25s scoring only"]["p50_ms"]
            for libraries in results["retrieval"].values()
        ]
        api = all(
            libraries["ours"]["p50_ms"] <= libraries["bm25s"]["p50_ms"]
            for libraries in results["retrieval"].values()
        )
        notes.append(
            f"- Against bm25s's bare scoring call (no query API around it) ours takes "
            f"{min(ratios):.2f}x to {max(ratios):.2f}x its time per article: both are a dozen "
            "NumPy calls after the same analyzer, and ours also builds `Hit` objects. "
            + ("Against bm25s's `retrieve` API, ours is faster on every article." if api else "")
        )
    if any(target.startswith("full answer") for target in missed):
        seed = results["retrieval"]["seed"]["ours"]["p50_ms"]
        notes.append(
            f"- The full answer is the composer's rules plus retrieval; retrieval's share "
            f"on the seed is {_us(seed)} (table below), the rest is the composer."
        )
    if any(target.startswith("sentence recall") for target in missed):
        notes.append(
            "- Recall: the index's own search equals scikit-learn's TF-IDF cosine (the plain "
            "column, same figure), so speed costs no recall; BM25 ranks the same terms "
            "differently. What the bot answers from is the composer's ranking over that index "
            "(question coverage and neighbouring sentences), reported as its own column."
        )
    small = [row for row in results["scale"] if row["library"] == "ours" and row["size"] < 10**6]
    if any(
        row["build_s"] > _scale_row(results, "sklearn", row["size"])["build_s"] for row in small
    ):
        notes.append(
            "- Where our build is slower than scikit-learn's plain "
            "`fit_transform`, which does not stem: stemming each distinct word with the "
            "pure-Python Snowball stemmer (~30 us a word) dominates while the vocabulary "
            "is still growing. `snowballstemmer` uses PyStemmer (the same algorithm in C) "
            "when it is installed."
        )
    return "### Notes on the targets\n\n" + ("\n".join(notes) or "All targets met in this run.")


def _us(ms: float) -> str:
    return f"{ms * 1e3:.0f} µs"


def _ms(ms: float) -> str:
    return f"{ms:.2f} ms"


def _answer_table(answer: dict[str, dict[str, float]]) -> str:
    rows = [
        "### Full answer latency (`bot.composer.answer`: retrieve + compose)",
        "",
        "| article | questions x rounds | p50 | p95 | p99 | CPU p50 | CPU p95 | CPU p99 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, latency in answer.items():
        cells = [_ms(latency[f"{clock}{stat}_ms"]) for clock in ("", "cpu_") for stat in STATS]
        rows.append(f"| {name} | {latency['n']} | {' | '.join(cells)} |")
    return "\n".join(rows)


def _retrieval_table(retrieval: dict[str, dict[str, dict[str, float]]]) -> str:
    rows = [
        "### Retrieval query path alone, one article (k = 5)",
        "",
        "Same passages and the same terms (our analyzer) for every library; each question",
        "is timed for every library back to back, in a shuffled order. Ours returns `Hit`",
        "objects (`TfidfRetriever.search`); the others return passage positions.",
        "scikit-learn plain: `vectorizer.transform` + `linear_kernel` + sort. bm25s:",
        "`BM25.retrieve`, its query API. bm25s scoring only: its bare",
        "`get_scores_from_ids` + a partial sort, the floor of what bm25s can do per",
        "query. rank_bm25: `BM25Okapi.get_scores` + sort.",
        "",
        "| article | library | p50 | p95 | p99 | ours is faster by (p50) |",
        "|---|---|---|---|---|---|",
    ]
    for name, libraries in retrieval.items():
        ours = libraries["ours"]["p50_ms"]
        for library, latency in libraries.items():
            ratio = "" if library == "ours" else f"{latency['p50_ms'] / ours:.1f}x"
            rows.append(
                f"| {name} | {library} | {_us(latency['p50_ms'])} | {_us(latency['p95_ms'])} "
                f"| {_us(latency['p99_ms'])} | {ratio} |"
            )
    return "\n".join(rows)


def _scale_table(scale: list[dict[str, Any]]) -> str:
    rows = [
        "### Scale: synthetic passages of 20 Zipf-distributed words (k = 10)",
        "",
        "Corpus and queries: `scripts/bench_corpus.py` (Zipf exponent 1.07 over 200,000 words,",
        "scikit-learn's English stop words spread over the 600 most frequent ranks, fixed",
        "seeds; a query is 5 words of a random passage). One process per library and size,",
        "so peak RSS (which includes the corpus itself) is that size's alone. Index memory is",
        "the RSS growth across the build. *scikit-learn plain* is `TfidfVectorizer` with its",
        "own tokenizer (our pattern and stop words, no stemming): the `fit_transform` our",
        "build must not exceed. *scikit-learn + Analyzer* is the previous fit (our analyzer",
        "called per passage), build only. bm25s: `bm25s.tokenize` (our stop words and",
        "stemmer) + `BM25.index`.",
        "",
        "| passages | library | build | index memory | query p50 | query p95 | query p99 "
        "| peak RSS |",
        "|---|---|---|---|---|---|---|---|",
    ]
    names = {"sklearn": "scikit-learn plain", "sklearn-analyzer": "scikit-learn + Analyzer"}
    for row in scale:
        if row["library"] == "ours-reloaded":
            continue
        latency = (
            [_ms(row[key]) for key in ("p50_ms", "p95_ms", "p99_ms")]
            if "p50_ms" in row
            else ["", "", ""]
        )
        rows.append(
            f"| {row['size']:,} | {names.get(row['library'], row['library'])} "
            f"| {row['build_s']:.2f} s | {row['index_mb']:.0f} MiB | {' | '.join(latency)} "
            f"| {row['peak_rss_mb']:.0f} MiB |"
        )
    reload = next(row for row in scale if row["library"] == "ours-reloaded")
    rows += [
        "",
        f"Saved index at {reload['size']:,} passages: reloaded in {reload['reload_s']:.2f} s "
        f"in a fresh process (peak RSS {reload['peak_rss_mb']:.0f} MiB), then query p50 "
        f"{_ms(reload['p50_ms'])}, p95 {_ms(reload['p95_ms'])}.",
        "",
        "![query latency against corpus size](latency_vs_size.png)",
    ]
    return "\n".join(rows)


def _startup(startup: dict[str, Any]) -> str:
    floor, ask = startup["floor"], startup["ask"]
    imports = ", ".join(startup["imports"]) or "none of discord, sklearn, scipy.sparse, aiohttp"
    return "\n".join(
        [
            "### Cold start",
            "",
            f"{startup['tool']}, {startup['runs']} runs each, index cache warm (built once per",
            "article and kept beside it):",
            "",
            "| command | median | mean ± sd | min |",
            "|---|---|---|---|",
            f"| `{startup['commands']['floor']}` | {floor['median_s'] * 1e3:.0f} ms "
            f"| {floor['mean_s'] * 1e3:.0f} ± {floor['stddev_s'] * 1e3:.0f} ms "
            f"| {floor['min_s'] * 1e3:.0f} ms |",
            f"| `{startup['commands']['ask']}` | {ask['median_s'] * 1e3:.0f} ms "
            f"| {ask['mean_s'] * 1e3:.0f} ± {ask['stddev_s'] * 1e3:.0f} ms "
            f"| {ask['min_s'] * 1e3:.0f} ms |",
            "",
            f"`ask` / floor: {startup['ratio_median']:.2f}x (median), "
            f"{startup['ratio_mean']:.2f}x (mean). Heavy modules `ask` imports: {imports}.",
        ]
    )


def _recall_table(recall: dict[str, dict[str, dict[str, Any]]]) -> str:
    rows = [
        "### Sentence recall@1 (same terms for every library)",
        "",
        "| data | questions | " + " | ".join(next(iter(recall.values()))) + " |",
        "|---|---|" + "---|" * len(next(iter(recall.values()))),
    ]
    for name, libraries in recall.items():
        count = next(iter(libraries.values()))["questions"]
        values = " | ".join(f"{library['recall']:.1%}" for library in libraries.values())
        rows.append(f"| {name} | {count} | {values} |")
    return "\n".join(rows)


def write_section(path: Path, section: str) -> None:
    """Replace the ``## Speed and scale`` section of ``path`` (or append it)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.MULTILINE | re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text).rstrip("\n") + "\n"
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def plot(scale: list[dict[str, Any]], path: Path) -> None:
    """Query latency (p50 solid, p95 dashed) against corpus size, per library, log-log."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.5), dpi=120)
    for library, label in PLOT_LIBRARIES.items():
        rows = sorted((r for r in scale if r["library"] == library), key=lambda r: r["size"])
        sizes = [row["size"] for row in rows]
        line = axes.plot(sizes, [row["p50_ms"] for row in rows], marker="o", label=f"{label} p50")
        axes.plot(sizes, [row["p95_ms"] for row in rows], linestyle="--", marker=".",
                  color=line[0].get_color(), label=f"{label} p95")  # fmt: skip
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("passages (synthetic, 20 words each)")
    axes.set_ylabel("query latency (ms)")
    axes.set_title("Query latency against corpus size (k = 10)")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)
