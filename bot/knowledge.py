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

A folder of articles, or several files, is loaded through a collection cache
instead (:mod:`retrieval.collection_cache`): ``FOLDER/.articlebot-collection.npz``,
or a file under the user's cache directory named by the sources' resolved paths.
It holds the parsed articles, their term counts and the index, so a start reads
arrays instead of files, and only new or edited files are parsed again: for
5,000 articles, 8 s to build and half a second to reload (``docs/BENCHMARKS.md``,
"Many articles").
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval import (
    AnalyzerConfig,
    Article,
    ArticleError,
    IndexFileError,
    Passage,
    TfidfRetriever,
    load_article,
)
from retrieval.collection import Collection, number_passages

if TYPE_CHECKING:
    from retrieval.collection_cache import Progress

__all__ = [
    "Knowledge",
    "collection_cache_path",
    "expand_sources",
    "index_cache_path",
    "index_key",
    "load_knowledge",
]

# File names a folder of articles is read for.
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})

logger = logging.getLogger(__name__)

CACHE_SUFFIX = ".articlebot-index.npz"
COLLECTION_CACHE_NAME = ".articlebot-collection.npz"
_KEY_FIELD = "source_key"


@dataclass(frozen=True, slots=True, eq=False)
class Knowledge:
    """The loaded articles and one retriever over all their passages.

    ``article`` is the first (default) article; ``articles`` all of them. In the
    retriever a passage's ``index`` is its position across the whole collection
    (see :mod:`retrieval.collection`); :meth:`article_of` finds its article.
    """

    collection: Collection

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.collection.articles

    @property
    def article(self) -> Article:
        return self.collection.articles[0]

    @property
    def retriever(self) -> TfidfRetriever:
        return self.collection.retriever

    def article_number(self, passage: Passage) -> int:
        """Which article (counted from 0) a passage of the retriever belongs to."""
        return self.collection.article_of(passage.index)

    def article_of(self, passage: Passage) -> Article:
        return self.collection.articles[self.article_number(passage)]

    @classmethod
    def from_article(cls, article: Article, *, cache: Path | None = None) -> Knowledge:
        """Index ``article``; with ``cache``, reuse the index saved there when still valid."""
        return cls.from_articles([article], cache=cache)

    @classmethod
    def from_articles(cls, articles: Sequence[Article], *, cache: Path | None = None) -> Knowledge:
        """Index ``articles`` together; with ``cache``, reuse a still valid saved index."""
        passages, starts = number_passages(articles)
        if cache is None:
            retriever = TfidfRetriever.fit(passages)
        else:
            retriever = _cached_retriever(tuple(passages), cache)
        return cls(Collection(tuple(articles), retriever, starts))


def load_knowledge(
    paths: str | Path | Sequence[str | Path],
    *,
    cache: bool = True,
    progress: Progress | None = None,
) -> Knowledge:
    """Load and index one article, several, or every article in a folder.

    Raises ``ArticleError`` for a bad file. With ``cache`` (the default) a single
    article file's index is read from, or saved to, :func:`index_cache_path`, and
    a folder's or several files' collection from :func:`collection_cache_path`
    (re-reading only new and changed files). ``progress`` is called with (articles
    read, articles to read) while files are read for a collection. A set that
    includes a web address is fetched and indexed afresh each time.
    """
    given = [paths] if isinstance(paths, str | Path) else list(paths)
    sources = expand_sources(given)
    if len(given) == 1 and sources == given:  # one file or address, not a folder
        article = load_article(sources[0])
        if cache and not _is_url(sources[0]):
            return Knowledge.from_article(article, cache=index_cache_path(Path(sources[0])))
        return Knowledge.from_article(article)
    if any(_is_url(source) for source in sources):
        return Knowledge.from_articles([load_article(source) for source in sources])
    from retrieval.collection_cache import load_collection  # not needed for one article

    location = collection_cache_path(given) if cache else None
    return Knowledge(load_collection(sources, location, progress=progress).collection)


def expand_sources(paths: Sequence[str | Path]) -> list[str | Path]:
    """The article sources named by ``paths``: files and URLs as given, folders expanded.

    A folder stands for its article files (``.txt``, ``.md``, ``.markdown``,
    ``.html``, ``.htm``), in name order, not recursing; one with none is an error.
    """
    sources: list[str | Path] = []
    for path in paths:
        if isinstance(path, str) and _is_url(path):
            sources.append(path)
            continue
        folder = Path(path)
        if folder.is_dir():
            found = sorted(p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise ArticleError(
                    f"no articles in folder {folder} (give .txt, .md or .html files)"
                )
            sources.extend(found)
        else:
            sources.append(path)
    return sources


def _is_url(source: str | Path) -> bool:
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


def index_cache_path(article_path: Path) -> Path:
    """Where the index of ``article_path`` is cached: beside it if that folder is writable.

    Otherwise (a read-only checkout, a shared data folder) under
    ``$XDG_CACHE_HOME/articlebot`` (default ``~/.cache/articlebot``), named by a
    hash of the article's absolute path.
    """
    beside = article_path.with_name(article_path.name + CACHE_SUFFIX)
    if os.access(article_path.parent, os.W_OK):
        return beside
    return _user_cache_file([article_path], CACHE_SUFFIX)


def collection_cache_path(paths: Sequence[str | Path]) -> Path:
    """Where the collection of ``paths`` (a folder, or several files and folders) is cached.

    One writable folder keeps it inside, as ``.articlebot-collection.npz`` (so it
    follows the folder's files as they come and go); anything else is cached under
    ``$XDG_CACHE_HOME/articlebot``, named by a hash of the resolved paths.
    """
    if len(paths) == 1 and Path(paths[0]).is_dir() and os.access(paths[0], os.W_OK):
        return Path(paths[0]) / COLLECTION_CACHE_NAME
    return _user_cache_file([Path(path) for path in paths], COLLECTION_CACHE_NAME)


def _user_cache_file(paths: Sequence[Path], suffix: str) -> Path:
    resolved = "\n".join(str(path.resolve()) for path in paths).encode("utf-8")
    name = hashlib.sha256(resolved).hexdigest()[:24] + suffix
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
