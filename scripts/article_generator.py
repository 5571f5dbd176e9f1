"""Generated news articles for the many-articles benchmark and tests: fixed seed, varied text.

Each article is a headline and 10 to 40 sentences in paragraphs of one to four,
built from sentence templates filled with people, places, organizations, dates,
numbers and words drawn from the project's English word list (so the vocabulary
grows with the corpus, as a real news archive's does). Most articles are ``.txt``;
one in ten is Markdown with front matter and one in twenty-five a small HTML page,
so the three readers all take part. Nothing here is read from the network.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import word_tables

__all__ = ["article_file", "write_articles"]

_FIRST = (
    "Anna Boris Carla David Elena Farid Grace Hiro Ines Jonas Kemal Lena Marco Nadia Omar "
    "Priya Quentin Rosa Samuel Tara Umar Vera Wei Ximena Yusuf Zoe Alexei Joe Emma Lucas"
).split()
_LAST = (
    "Adams Brandt Costa Dubois Eriksen Fischer Garcia Haddad Ito Jensen Kowalski Lopez "
    "Moreau Novak Okafor Petrov Quinn Rossi Schmidt Tanaka Ueda Vargas Weber Xu Young Zhang"
).split()
_PLACES = (
    "Vienna Geneva Oslo Lisbon Nairobi Lima Hanoi Warsaw Dublin Quito Tunis Riga Seoul "
    "Accra Manila Havana Prague Brussels Madrid Ottawa Canberra Helsinki Santiago Cairo"
).split()
_ORGS = (
    "the World Bank|the central bank|the health ministry|the city council|Acme Corp|"
    "the university|the transport authority|the energy regulator|the football club|"
    "the port authority|the election commission|the space agency|the trade union"
).split("|")
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_VERBS = (
    "announced said confirmed denied proposed rejected approved warned promised reported "
    "estimated revealed criticized welcomed postponed launched"
).split()


class _Writer:
    """Random parts of a news sentence, from one seeded generator."""

    def __init__(self, rng: random.Random, words: list[str]) -> None:
        self.rng = rng
        self.words = words

    def person(self) -> str:
        return f"{self.rng.choice(_FIRST)} {self.rng.choice(_LAST)}"

    def date(self) -> str:
        day, month = self.rng.randint(1, 28), self.rng.choice(_MONTHS)
        return f"{day} {month} {self.rng.randint(1998, 2024)}"

    def number(self) -> str:
        kind = self.rng.randrange(4)
        if kind == 0:
            return f"{self.rng.randint(2, 95)} percent"
        if kind == 1:
            return f"${self.rng.randint(1, 900)} million"
        if kind == 2:
            return f"{self.rng.randint(3, 9000):,} people"
        return f"{self.rng.randint(2, 60)}.{self.rng.randint(0, 9)} kilometres"

    def topic(self, size: int = 3) -> str:
        return " ".join(self.rng.choice(self.words) for _ in range(size))

    def sentence(self) -> str:
        template = self.rng.choice(_TEMPLATES)
        return template(self)


_TEMPLATES: tuple[Callable[[_Writer], str], ...] = (
    lambda w: (
        f"{w.person()} {w.rng.choice(_VERBS)} on {w.date()} that the {w.topic()} plan "
        f"would cost {w.number()}."
    ),
    lambda w: (
        f"The {w.topic(2)} talks in {w.rng.choice(_PLACES)} are due to start on "
        f"{w.rng.choice(_MONTHS)} {w.rng.randint(1, 28)}."
    ),
    lambda w: (
        f'"We will not accept {w.topic(2)} without {w.topic(2)}," said {w.person()}, '
        f"a spokesperson for {w.rng.choice(_ORGS)}."
    ),
    lambda w: (
        f"According to {w.rng.choice(_ORGS)}, {w.number()} were affected by the "
        f"{w.topic(2)} in {w.rng.choice(_PLACES)} last year."
    ),
    lambda w: (
        f"{w.rng.choice(_ORGS).capitalize()} {w.rng.choice(_VERBS)} a review of "
        f"{w.topic()} after {w.number()} complained."
    ),
    lambda w: (
        f"Critics, including {w.person()}, argue the {w.topic(2)} will raise "
        f"{w.topic(1)} by {w.number()} before {w.rng.randint(2025, 2040)}."
    ),
    lambda w: (
        f"In {w.rng.choice(_PLACES)}, {w.person()} met {w.person()} to discuss "
        f"{w.topic(2)} and {w.topic(2)}."
    ),
    lambda w: f"The decision, first reported on {w.date()}, follows months of {w.topic(2)}.",
)


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _body(writer: _Writer) -> tuple[str, list[list[str]]]:
    rng = writer.rng
    headline = (
        f"{writer.person()} {rng.choice(_VERBS)} {writer.topic(2)} deal in {rng.choice(_PLACES)}"
    )
    sentences = [writer.sentence() for _ in range(rng.randint(10, 40))]
    paragraphs: list[list[str]] = []
    while sentences:
        size = rng.randint(1, 4)
        paragraphs.append(sentences[:size])
        sentences = sentences[size:]
    return headline, paragraphs


def article_file(number: int, seed: int, words: list[str]) -> tuple[str, str]:
    """The (file name, content) of generated article ``number``."""
    writer = _Writer(random.Random(seed * 1_000_003 + number), words)
    headline, paragraphs = _body(writer)
    if number % 25 == 7:
        body = "".join(f"<p>{' '.join(p)}</p>\n" for p in paragraphs)
        page = (
            f"<!doctype html><html><head><title>{headline}</title></head><body>"
            f"<nav>Home | World | Sport</nav><article><h1>{headline}</h1>\n{body}</article>"
            f"<footer>Copyright The Daily Example</footer></body></html>\n"
        )
        return f"article_{number:05d}.html", page
    if number % 10 == 3:
        front = (
            f"---\ntitle: {headline}\nauthor: {writer.person()}\n"
            f"publisher: The Daily Example\ndate: 2021-04-25\n---\n\n"
        )
        body = "\n\n".join(" ".join(p) for p in paragraphs)
        return f"article_{number:05d}.md", f"{front}# {headline}\n\n{body}\n"
    lines = [headline, "", *("\n".join(p) + "\n" for p in paragraphs)]
    return f"article_{number:05d}.txt", "\n".join(lines)


def write_articles(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` generated articles into ``folder`` and return their paths."""
    # Alphabetical, as the list was once written a word a line: the seed keeps its articles.
    words = sorted(word for word in word_tables.common_words() if word.isalpha() and len(word) > 3)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for number in range(count):
        name, content = article_file(number, seed, words)
        path = folder / name
        path.write_text(content, encoding="utf-8")
        paths.append(path)
    return paths
