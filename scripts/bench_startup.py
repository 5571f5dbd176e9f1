"""Cold start of ``articlebot ask`` against the floor of importing scikit-learn's text module.

Uses hyperfine (Debian package ``hyperfine``) when it is installed; otherwise
times the commands with a plain loop of subprocess runs. Either way every run is
a fresh interpreter, and the article's index cache is warmed first, since a cold
``ask`` is the everyday case: the cache is built once per article.
"""

from __future__ import annotations

import json
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["cold_start", "imported_modules"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent
QUESTION = "When is the summit?"


def _commands() -> dict[str, list[str]]:
    script = Path(sys.executable).with_name("articlebot")
    ask = [str(script)] if script.exists() else [sys.executable, "-m", "bot"]
    return {
        "floor": [sys.executable, "-c", "import sklearn.feature_extraction.text"],
        "ask": [*ask, "ask", QUESTION],
    }


def cold_start(runs: int = 30) -> dict[str, Any]:
    """Mean, median and spread (seconds) of each command, and ask / floor."""
    commands = _commands()
    subprocess.run(commands["ask"], cwd=PROJECT_ROOT, check=True, capture_output=True)
    timings = _hyperfine(commands, runs) if shutil.which("hyperfine") else _loop(commands, runs)
    return {
        "tool": "hyperfine" if shutil.which("hyperfine") else "subprocess loop",
        "runs": runs,
        "commands": {name: _shown(command) for name, command in commands.items()},
        **timings,
        "ratio_median": timings["ask"]["median_s"] / timings["floor"]["median_s"],
        "ratio_mean": timings["ask"]["mean_s"] / timings["floor"]["mean_s"],
    }


def _shown(command: list[str]) -> str:
    """The command as a reader would type it from the project root."""
    return shlex.join(part.replace(f"{PROJECT_ROOT}/", "") for part in command)


def _hyperfine(commands: dict[str, list[str]], runs: int) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "hyperfine.json"
        subprocess.run(
            ["hyperfine", "-N", "--warmup", "3", "--runs", str(runs), "--export-json",
             str(export), *(_quoted(command) for command in commands.values())],
            cwd=PROJECT_ROOT, check=True, capture_output=True,
        )  # fmt: skip
        results = json.loads(export.read_text())["results"]
    return {
        name: {
            "mean_s": result["mean"],
            "median_s": result["median"],
            "stddev_s": result["stddev"],
            "min_s": result["min"],
        }
        for name, result in zip(commands, results, strict=True)
    }


def _quoted(command: list[str]) -> str:
    return " ".join(f'"{part}"' if " " in part else part for part in command)


def _loop(commands: dict[str, list[str]], runs: int) -> dict[str, dict[str, float]]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):  # interleaved, so load falls on both alike
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, cwd=PROJECT_ROOT, check=True, capture_output=True)
            times[name].append(time.perf_counter() - start)
    return {
        name: {
            "mean_s": statistics.fmean(values),
            "median_s": statistics.median(values),
            "stddev_s": statistics.stdev(values),
            "min_s": min(values),
        }
        for name, values in times.items()
    }


def imported_modules() -> list[str]:
    """Which heavy modules ``articlebot ask`` imports (it should import none of them)."""
    probe = (
        "import sys, contextlib, io\n"
        "from bot.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['ask', {QUESTION!r}])\n"
        "print(' '.join(m for m in ('discord', 'sklearn', 'scipy.sparse', 'aiohttp') "
        "if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=PROJECT_ROOT, check=True, capture_output=True, text=True
    )
    return result.stdout.split()
