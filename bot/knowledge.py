"""What the bot knows: the loaded article and its passage index.

Built once at start-up by a front-end and shared, read-only, by every question.

The index of an article file is cached (:mod:`bot.cache_store`: the user's
cache directory, never the article's folder), so a cold ``articlebot ask`` loads
arrays instead of fitting: loading the seed article's knowledge takes 0.20 s from
a fresh interpreter with the cache and 0.44 s without (fitting imports SciPy's
sparse module and stems every word; hyperfine, 20 runs). The entry is named by
the article's resolved path, and its header holds a content hash: the passages
(text and offsets), the analyzer settings, the index format version and the
code that turns text into weights. Any change to one of them, including an edit
to the article or an upgrade of articlebot, makes the hash differ and the index
is rebuilt. The hash is computed from the passages, not the file's bytes,
because the passages also depend on the cleaning and sentence-splitting code.

A folder of articles, or several files, is loaded through a collection cache
instead (:mod:`retrieval.collection_cache`), an entry named by the sources'
resolved paths. It holds the parsed articles, their term counts and the index,
so a start reads arrays instead of files, and only new or edited files are
parsed again: for 5,000 articles, 8 s to build and half a second to reload
(``docs/BENCHMARKS.md``, "Many articles").
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.cache_store import CacheStore
from retrieval import (
    AnalyzerConfig,
    Article,
    ArticleError,
    IndexFileError,
    Passage,
    TfidfRetriever,
    load_article,
)
from retrieval.article_files import list_article_folder
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

logger = logging.getLogger(__name__)

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
            retriever, _ = _cached_retriever(tuple(passages), cache)
        return cls(Collection(tuple(articles), retriever, starts))


def load_knowledge(
    paths: str | Path | Sequence[str | Path],
    *,
    cache: CacheStore | bool = True,
    progress: Progress | None = None,
) -> Knowledge:
    """Load and index one article, several, or every article in a folder.

    Raises ``ArticleError`` for a bad file. ``cache`` is where indexes are kept
    (True: the store ``ARTICLEBOT_CACHE_DIR`` and ``ARTICLEBOT_CACHE_MAX_MB``
    describe, see :mod:`bot.cache_store`; False: none). A single article file's
    index is read from, or saved to, :func:`index_cache_path`, and a folder's or
    several files' collection from :func:`collection_cache_path` (re-reading only
    new and changed files). ``progress`` is called with (articles read, articles
    to read) while files are read for a collection. A file found in a folder that
    cannot be read as an article is left out with a warning. A set that includes
    a web address is fetched and indexed afresh each time.
    """
    store = _store(cache)
    given = [paths] if isinstance(paths, str | Path) else list(paths)
    sources = expand_sources(given)
    if len(given) == 1 and sources == given:  # one file or address, not a folder
        article = load_article(sources[0])
        entry = None if _is_url(sources[0]) else index_cache_path(Path(sources[0]), store)
        if entry is None:
            return Knowledge.from_article(article)
        passages, starts = number_passages([article])
        retriever, reused = _cached_retriever(tuple(passages), entry)
        _account(store, entry, reused=reused)
        return Knowledge(Collection((article,), retriever, starts))
    found_in_folders = [source for source in sources if source not in given]
    if any(_is_url(source) for source in sources):
        return Knowledge.from_articles(_load_each(sources, found_in_folders))
    from retrieval.collection_cache import load_collection  # not needed for one article

    entry = collection_cache_path(given, store)
    loaded = load_collection(sources, entry, progress=progress, optional=found_in_folders)
    if entry is not None:
        _account(store, entry, reused=not loaded.saved)
    return Knowledge(loaded.collection)


def _store(cache: CacheStore | bool) -> CacheStore:
    if cache is True:
        return CacheStore.from_environment()
    return CacheStore(None) if cache is False else cache


def _account(store: CacheStore, entry: Path, *, reused: bool) -> None:
    """Keep the cache within its limit after a write; mark a read entry as recently used."""
    if reused:
        store.mark_used(entry)
        return
    if entry in store.make_room():
        logger.warning(
            "the index cache for this article set is over the cache limit of %d MiB, so it "
            "is not kept (raise ARTICLEBOT_CACHE_MAX_MB to keep it)",
            store.max_bytes >> 20,
        )


def _load_each(sources: list[str | Path], optional: list[str | Path]) -> list[Article]:
    """Every source's article; an ``optional`` one that cannot be read is skipped with a warning."""
    articles = []
    for source in sources:
        try:
            articles.append(load_article(source))
        except ArticleError as error:
            if source not in optional:
                raise
            logger.warning("skipped a file: %s", error)
    if not articles:
        raise ArticleError("none of the articles could be read (see the warnings above)")
    return articles


def expand_sources(paths: Sequence[str | Path], *, warn: bool = True) -> list[str | Path]:
    """The article sources named by ``paths``: files and URLs as given, folders expanded.

    A folder stands for its article files (``.txt``, ``.md``, ``.markdown``,
    ``.html``, ``.htm``), in name order, not recursing; hidden entries and
    entries that are not files are left out (a broken link with a warning, unless
    ``warn`` is false), and a folder with no article file is an error.
    """
    sources: list[str | Path] = []
    for path in paths:
        if isinstance(path, str) and _is_url(path):
            sources.append(path)
            continue
        folder = Path(path)
        if folder.is_dir():
            listing = list_article_folder(folder)
            for _, problem in listing.skipped if warn else ():
                logger.warning("skipped a file: %s", problem)
            if not listing.files:
                raise ArticleError(
                    f"no articles in folder {folder} (give .txt, .md or .html files)"
                )
            sources.extend(listing.files)
        else:
            sources.append(path)
    return sources


def _is_url(source: str | Path) -> bool:
    return isinstance(source, str) and source.lower().startswith(("http://", "https://"))


def index_cache_path(article_path: Path, store: CacheStore | None = None) -> Path | None:
    """Where the index of ``article_path`` is cached in ``store`` (default: the environment's).

    None when nothing is cached (no cache folder could be found, or a limit of 0).
    """
    store = CacheStore.from_environment() if store is None else store
    return store.entry_for([article_path], "index")


def collection_cache_path(
    paths: Sequence[str | Path], store: CacheStore | None = None
) -> Path | None:
    """Where the collection of ``paths`` (a folder, or several files and folders) is cached.

    Named by the resolved paths as given, so a folder's entry follows its files
    as they come and go. None when nothing is cached.
    """
    store = CacheStore.from_environment() if store is None else store
    return store.entry_for(paths, "collection")


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


def _cached_retriever(passages: tuple[Passage, ...], cache: Path) -> tuple[TfidfRetriever, bool]:
    """The index of ``passages``, and whether it was read from ``cache`` (else fitted now)."""
    key = index_key(passages, AnalyzerConfig())
    cached = _read_cache(cache, key)
    if cached is None:
        retriever = TfidfRetriever.fit(passages)
        _write_cache(retriever, cache, key)
        return retriever, False
    # Equal passages (the key says so); share the article's own objects.
    retriever = TfidfRetriever.from_csc_arrays(
        passages, cached.analyzer, cached.vocabulary, cached.idf, cached.csc_arrays()
    )
    return retriever, True


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
    except Exception as error:  # a cache is only an optimization: never fatal
        logger.warning("rebuilding the index cache %s (%s)", cache, type(error).__name__)
    return None


def _write_cache(retriever: TfidfRetriever, cache: Path, key: str) -> None:
    """Save the index for next time; a cache that cannot be written is only a slower start."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        retriever.save(cache, header={_KEY_FIELD: key})
    except OSError as error:
        logger.info("cannot cache the index at %s: %s", cache, error)
