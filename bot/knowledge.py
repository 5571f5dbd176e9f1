"""What the bot knows: the loaded article and its passage index.

Built once at start-up by a front-end and shared, read-only, by every question.

The index of an article file is cached beside it (``ARTICLE.articlebot-index.npz``,
git-ignored), or under the user's cache directory when the article's folder is
read-only, so a cold ``articlebot ask`` loads arrays instead of fitting: loading
the seed article's knowledge takes 0.20 s from a fresh interpreter with the cache
and 0.44 s without (fitting imports SciPy's sparse module and stems every word;
hyperfine, 20 runs). The cache is keyed by a content hash stored in the index
header: the passages (text and offsets), the analyzer settings, the index format
version and the code that turns text into weights. Any change to one of them,
including an edit to the article or an upgrade of articlebot, makes the key differ
and the index is rebuilt. The key is computed from the passages, not the file's
bytes, because the passages also depend on the cleaning and sentence-splitting code.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from retrieval import AnalyzerConfig, Article, IndexFileError, Passage, TfidfRetriever, load_article

__all__ = ["Knowledge", "index_cache_path", "index_key", "load_knowledge"]

logger = logging.getLogger(__name__)

CACHE_SUFFIX = ".articlebot-index.npz"
_KEY_FIELD = "source_key"


@dataclass(frozen=True, slots=True)
class Knowledge:
    """An article and the retriever fitted on its passages."""

    article: Article
    retriever: TfidfRetriever

    @classmethod
    def from_article(cls, article: Article, *, cache: Path | None = None) -> Knowledge:
        """Index ``article``; with ``cache``, reuse the index saved there when still valid."""
        if cache is None:
            return cls(article, TfidfRetriever.fit(article.passages))
        return cls(article, _cached_retriever(article.passages, cache))


def load_knowledge(path: str | Path, *, cache: bool = True) -> Knowledge:
    """Load the article at ``path`` and index it (raises ``ArticleError`` for a bad file).

    With ``cache`` (the default) the index is read from, or saved to,
    :func:`index_cache_path`.
    """
    article = load_article(path)
    return Knowledge.from_article(article, cache=index_cache_path(Path(path)) if cache else None)


def index_cache_path(article_path: Path) -> Path:
    """Where the index of ``article_path`` is cached: beside it if that folder is writable.

    Otherwise (a read-only checkout, a shared data folder) under
    ``$XDG_CACHE_HOME/articlebot`` (default ``~/.cache/articlebot``), named by a
    hash of the article's absolute path.
    """
    beside = article_path.with_name(article_path.name + CACHE_SUFFIX)
    if os.access(article_path.parent, os.W_OK):
        return beside
    resolved = str(article_path.resolve()).encode("utf-8")
    name = hashlib.sha256(resolved).hexdigest()[:24] + CACHE_SUFFIX
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "articlebot" / name


def index_key(passages: tuple[Passage, ...], config: AnalyzerConfig) -> str:
    """The content hash that says whether a cached index still fits these passages."""
    from retrieval import _build, _chunks, analysis, index_file

    digest = hashlib.sha256()
    settings = {"format": index_file.FORMAT_VERSION, "analyzer": config.to_dict()}
    digest.update(json.dumps(settings, sort_keys=True).encode("utf-8"))
    for module in (analysis, _chunks, _build):  # the code that turns text into weights
        digest.update(Path(module.__file__ or "").read_bytes())
    for passage in passages:
        offsets = f"\x00{passage.start},{passage.end},{passage.paragraph},{passage.index}\x00"
        digest.update(offsets.encode("ascii"))
        digest.update(passage.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _cached_retriever(passages: tuple[Passage, ...], cache: Path) -> TfidfRetriever:
    key = index_key(passages, AnalyzerConfig())
    cached = _read_cache(cache, key)
    if cached is None:
        retriever = TfidfRetriever.fit(passages)
        _write_cache(retriever, cache, key)
        return retriever
    # Equal passages (the key says so); share the article's own objects.
    return TfidfRetriever.from_csc_arrays(
        passages, cached.analyzer, cached.vocabulary, cached.idf, cached.csc_arrays()
    )


def _read_cache(cache: Path, key: str) -> TfidfRetriever | None:
    """The cached index if it exists and its key matches; None means rebuild."""
    from retrieval.index_file import read_header

    if not cache.is_file():
        return None
    try:
        if read_header(cache).get(_KEY_FIELD) != key:
            return None
        return TfidfRetriever.load(cache)
    except IndexFileError as error:
        logger.info("rebuilding the index cache: %s", error)
        return None


def _write_cache(retriever: TfidfRetriever, cache: Path, key: str) -> None:
    """Save the index for next time; a cache that cannot be written is only a slower start."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        retriever.save(cache, header={_KEY_FIELD: key})
    except OSError as error:
        logger.info("cannot cache the index at %s: %s", cache, error)
