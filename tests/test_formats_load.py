"""load_article across formats: dispatch, encodings, errors, and no crash on any input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import retrieval.article
from retrieval import Article, ArticleError, load_article

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).parent.parent / "seeds" / "000_479c05f56fca69af.txt"
STORY = (
    "The council voted on Monday to keep the swimming pool open for another year, "
    "after more than two thousand residents signed a petition against its closure."
)
SUFFIXES = [".txt", ".md", ".html"]
# Pieces of markup that, shuffled, make the malformed pages parsers trip on.
MARKUP = [
    "<!DOCTYPE html>", "<html>", "<head>", "<body>", "<svg>", "<article>", "</article>",
    "<p>", "</p>", "<br>", "<h1>", "</h1>", "<script>", "</script>", "<!--", "-->",
    "<?xml version='1.0' encoding='utf-8'?>", "<meta charset='cp1252'>", "<![CDATA[",
    "&amp;", "&#0;", "<table><tr><td>", '<time datetime="2021-13-45">', "\x00", "é",
    "# ", "**", "[a](", ")", "```", "---\n", "title: x\n", "> ", "- ", "\n\n", STORY,
]  # fmt: skip


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


def test_seed_text_article_is_unchanged_by_format_dispatch() -> None:
    article = load_article(SEED)
    assert article.title.startswith("Biden")
    assert article.published is None
    assert article.source == str(SEED)


@pytest.mark.parametrize("name", ["story.HTM", "story.Html", "story.xhtml", "story.php", "story"])
def test_html_by_extension_or_content(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(_page(f"<h1>Pool saved</h1><p>{STORY}</p>"), encoding="utf-8")
    article = load_article(path)
    assert article.title == "Pool saved"
    assert STORY in article.paragraphs


def test_unknown_extension_with_text_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.article"
    path.write_text(f"Pool saved\n{STORY}\n", encoding="utf-8")
    assert load_article(path).paragraphs == ("Pool saved", STORY)


def test_txt_with_markup_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"# Pool *saved*\n{STORY}\n", encoding="utf-8")
    assert load_article(path).paragraphs[0] == "# Pool *saved*"


def test_path_given_as_string(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(f"# Pool saved\n\n{STORY}\n", encoding="utf-8")
    assert load_article(str(path)).title == "Pool saved"


# --- errors keep their one-line, actionable messages in every format -------------


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_missing_file(tmp_path: Path, suffix: str) -> None:
    with pytest.raises(ArticleError, match=r"article not found: .* pass --article PATH"):
        load_article(tmp_path / f"nope{suffix}")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.html"
    folder.mkdir()
    with pytest.raises(ArticleError, match="is a directory"):
        load_article(folder)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    monkeypatch.setattr(retrieval.article, "MAX_ARTICLE_BYTES", 100)
    path = tmp_path / f"big{suffix}"
    path.write_text("word " * 50, encoding="utf-8")
    with pytest.raises(ArticleError, match=r"too large: .* the limit is 100"):
        load_article(path)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_empty(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b" \n\t\n")
    with pytest.raises(ArticleError, match="article is empty"):
        load_article(path)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_binary(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"image{suffix}"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ArticleError, match="looks binary"):
        load_article(path)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_not_utf8_text(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"latin{suffix}"
    path.write_bytes("Caf\u00e9 society\n".encode("latin-1"))
    with pytest.raises(ArticleError, match=r"not UTF-8 text: .*offset 3.*iconv"):
        load_article(path)


def test_markdown_with_only_markup_has_no_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("---\ntitle:\n---\n<!-- nothing -->\n![](a.png)\n***\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="has no text"):
        load_article(path)


# --- HTML encodings: the page's declaration is honoured ---------------------------


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="windows-1252">',
        "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>",
        "<meta charset=latin1>",
    ],
)
def test_html_declared_single_byte_charset(tmp_path: Path, head: str) -> None:
    path = tmp_path / "old.html"
    body = f"<h1>Caf\u00e9 saved</h1><p>\u201cWe won,\u201d said Zo\u00eb. {STORY}</p>"
    path.write_bytes(_page(body, head).encode("cp1252"))
    article = load_article(path)
    assert article.title == "Café saved"
    assert article.paragraphs[1].startswith('"We won," said Zoë.')


def test_html_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.html"
    path.write_bytes(_page(f"<h1>Zo\u00eb wins</h1><p>{STORY}</p>").encode("utf-16"))
    assert load_article(path).title == "Zoë wins"


def test_html_utf8_bom_beats_wrong_meta(tmp_path: Path) -> None:
    path = tmp_path / "bom.html"
    page = _page(f"<h1>Zo\u00eb wins</h1><p>{STORY}</p>", '<meta charset="windows-1252">')
    path.write_bytes(b"\xef\xbb\xbf" + page.encode("utf-8"))
    assert load_article(path).title == "Zoë wins"


def test_html_undeclared_non_utf8_fails(tmp_path: Path) -> None:
    path = tmp_path / "old.html"
    path.write_bytes(_page(f"<p>Caf\u00e9. {STORY}</p>").encode("cp1252"))
    with pytest.raises(ArticleError, match=r"declares no encoding and is not UTF-8.*UTF-8"):
        load_article(path)


def test_html_bytes_invalid_in_declared_charset_fail(tmp_path: Path) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(_page(f"<p>{STORY}</p>", '<meta charset="utf-8">').encode() + b"\xff")
    with pytest.raises(ArticleError, match=r"declared as utf-8 but has an invalid byte"):
        load_article(path)


@pytest.mark.parametrize("label", ["klingon-8", "rot13", "base64"])
def test_html_unknown_charset_fails(tmp_path: Path, label: str) -> None:
    path = tmp_path / "odd.html"
    path.write_text(_page(f"<p>{STORY}</p>", f'<meta charset="{label}">'), encoding="utf-8")
    with pytest.raises(ArticleError, match=f"unknown character encoding '{label}'"):
        load_article(path)


# --- robustness and cost ----------------------------------------------------------


@example(data=b"<svg><html>", suffix=".html")  # lxml's AssertionError inside htmldate
@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=600),
        st.text(max_size=400).map(lambda text: text.encode("utf-8")),
        st.lists(st.sampled_from(MARKUP), max_size=40).map(lambda parts: "".join(parts).encode()),
    ),
    suffix=st.sampled_from(SUFFIXES),
)
def test_any_bytes_give_an_article_or_an_article_error(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    outcome = _load_or_message(path)
    if isinstance(outcome, str):
        assert "\n" not in outcome  # a one-line message
    else:
        for passage in outcome.passages:
            assert outcome.text[passage.start : passage.end] == passage.text


def _load_or_message(path: Path) -> Article | str:
    """Return the article, or the message of the ArticleError; any other exception escapes."""
    try:
        return load_article(path)
    except ArticleError as error:
        return str(error)


def test_text_article_does_not_import_html_extraction() -> None:
    script = (
        "import sys; from retrieval import load_article; "
        f"load_article({str(SEED)!r}); "
        "heavy = [m for m in ('trafilatura', 'lxml', 'urllib.request', 'retrieval.formats') "
        "if m in sys.modules]; print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
