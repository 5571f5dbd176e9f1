"""``articlebot articles``: what is loaded, one line (or JSON object) per article.

The numbers shown are the ones the REPL's ``:use N`` and Discord's ``/use`` take.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.startup import start
from bot.terminal import writes_utf8
from retrieval import Article
from retrieval.printable import printable

__all__ = ["article_summary", "run_articles"]


def run_articles(arguments: argparse.Namespace) -> int:
    """List the articles ``--article`` (or the settings) name; return the exit status."""
    runtime = start(arguments.article, cache=not arguments.no_cache)
    for number, article in enumerate(runtime.knowledge.articles, start=1):
        if arguments.json:
            summary = article_summary(number, article)
            print(json.dumps(summary, ensure_ascii=not writes_utf8(sys.stdout)))
        else:
            print(_line(number, article))
    return 0


def article_summary(number: int, article: Article) -> dict[str, Any]:
    """The facts about one loaded article that a person or a script wants."""
    return {
        "number": number,
        "title": article.title,
        "source": article.source,
        "publisher": article.publisher,
        "published": article.published,
        "byline": article.byline,
        "paragraphs": len(article.paragraphs),
        "passages": len(article.passages),
    }


def _line(number: int, article: Article) -> str:
    details = [part for part in (article.publisher, article.published) if part]
    origin = f" ({', '.join(details)})" if details else ""
    return (
        f"{number}. {article.title}{origin} — {len(article.passages)} sentences — "
        f"{printable(article.source)}"
    )
