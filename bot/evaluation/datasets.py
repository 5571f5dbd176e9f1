"""Loading evaluation data: SQuAD 2.0 JSON and articlebot's question ``.jsonl``.

Both become :class:`EvalSet` objects: an article plus questions, each with its
gold answers and the passages (sentences) that contain a gold answer, so both
answer quality and retrieval recall can be scored.

SQuAD is used article-level, as the product meets it: all paragraphs of one
SQuAD article, blank-line separated, form the document, not the single
paragraph the question was written on.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from retrieval import Article, article_from_text, load_article
from retrieval.cleaning import normalize_characters

__all__ = [
    "EvalQuestion",
    "EvalSet",
    "load_eval_sets",
    "load_jsonl",
    "load_question_file",
    "load_squad",
]


_YES_NO = frozenset({"yes", "no"})


class DatasetError(ValueError):
    """An evaluation file cannot be read; the message says why."""


@dataclass(frozen=True, slots=True)
class EvalQuestion:
    """One question with its gold answers (empty: the article does not answer it)."""

    id: str
    question: str
    answers: tuple[str, ...]
    gold_passages: frozenset[int]
    label: str = ""  # the dataset's own question-type label, when it has one

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


@dataclass(frozen=True, slots=True)
class EvalSet:
    """Questions about one article."""

    name: str
    article: Article
    questions: tuple[EvalQuestion, ...]
    domain: str = "news"  # "news", or "encyclopedia" for SQuAD's Wikipedia articles
    collection: str = ""  # the file whose stories are read together, when there are several


def load_eval_sets(path: Path, article_for_jsonl: Path | str) -> list[EvalSet]:
    """Load ``path`` by its extension: ``.json`` is SQuAD 2.0, ``.jsonl`` articlebot's format."""
    if not path.is_file():
        raise DatasetError(f"evaluation file not found: {path}")
    if path.suffix == ".jsonl":
        return load_question_file(path, article_for_jsonl)
    if path.suffix == ".json":
        return load_squad(path)
    raise DatasetError(f"unknown evaluation format {path.suffix!r}: use .json (SQuAD) or .jsonl")


def load_question_file(path: Path, default_article: Path | str) -> list[EvalSet]:
    """A ``.jsonl`` of questions: about ``default_article``, or each about its ``article``.

    A record's ``article`` names a story file beside the ``.jsonl`` (a news set of
    several stories); records without one are about ``default_article``. One
    :class:`EvalSet` per article, in order of first mention.
    """
    records = _read_records(path)
    by_article: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for number, record in records:
        by_article.setdefault(str(record.get("article", "")), []).append((number, record))
    if list(by_article) == [""]:
        return [load_jsonl(path, load_article(default_article))]
    sets = []
    for name, items in by_article.items():
        story = path.parent / name if name else Path(default_article)
        article = load_article(story)
        name = f"{path.parent.name}/{story.stem}"
        sets.append(replace(_question_set(path, name, article, items), collection=str(path)))
    return sets


def load_jsonl(path: Path, article: Article) -> EvalSet:
    """Questions about ``article``, one JSON object a line: id, question, answers, type."""
    return _question_set(path, path.stem, article, _read_records(path))


def _read_records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as error:
            raise DatasetError(f"{path}:{number}: not a question record ({error})") from None
        if not isinstance(record, dict):
            raise DatasetError(f"{path}:{number}: not a question record (not an object)")
        records.append((number, record))
    return records


def _question_set(
    path: Path, name: str, article: Article, records: list[tuple[int, dict[str, Any]]]
) -> EvalSet:
    questions = []
    for number, record in records:
        try:
            answers = tuple(str(answer) for answer in record["answers"])
            questions.append(
                EvalQuestion(
                    id=str(record.get("id", number)),
                    question=str(record["question"]),
                    answers=answers,
                    gold_passages=_passages_containing(article, answers),
                    label=str(record.get("type", "")),
                )
            )
        except (KeyError, TypeError) as error:
            raise DatasetError(f"{path}:{number}: not a question record ({error})") from None
    return EvalSet(name, article, tuple(questions))


def load_squad(path: Path) -> list[EvalSet]:
    """One :class:`EvalSet` per article of a SQuAD 2.0 file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))["data"]
    except (json.JSONDecodeError, KeyError, TypeError) as error:
        raise DatasetError(f"{path} is not SQuAD 2.0 JSON ({error})") from None
    return [_squad_article(entry) for entry in data]


def _squad_article(entry: dict[str, Any]) -> EvalSet:
    contexts = [paragraph["context"] for paragraph in entry["paragraphs"]]
    title = str(entry.get("title", "")).replace("_", " ")
    article = article_from_text("\n\n".join(contexts), title=title)
    aligned = len(article.paragraphs) == len(contexts)
    questions = []
    for number, paragraph in enumerate(entry["paragraphs"]):
        for qa in paragraph["qas"]:
            answers = tuple(dict.fromkeys(answer["text"] for answer in qa["answers"]))
            gold = frozenset(
                index
                for answer in qa["answers"]
                for index in _gold_passage(article, number if aligned else None, answer)
            )
            questions.append(EvalQuestion(str(qa["id"]), str(qa["question"]), answers, gold))
    return EvalSet(title, article, tuple(questions), domain="encyclopedia")


def _gold_passage(article: Article, paragraph: int | None, answer: dict[str, Any]) -> list[int]:
    """The passage holding the answer: its occurrence nearest the annotated offset."""
    text = " ".join(normalize_characters(str(answer["text"])).split())
    if paragraph is None:
        return sorted(_passages_containing(article, (text,)))
    body = article.paragraphs[paragraph]
    occurrences = _find_all(body, text)
    if not occurrences:
        return []
    position = min(occurrences, key=lambda start: abs(start - int(answer["answer_start"])))
    passages = article.paragraph_passages(paragraph)
    base = passages[0].start if passages else 0
    return [p.index for p in passages if p.start - base <= position < p.end - base][:1]


def _passages_containing(article: Article, answers: tuple[str, ...]) -> frozenset[int]:
    """Passages holding an answer as whole words; yes/no answers name no passage."""
    patterns = [
        re.compile(r"(?<!\w)" + re.escape(normalize_characters(answer).strip()) + r"(?!\w)", re.I)
        for answer in answers
        if answer.strip() and answer.strip().lower() not in _YES_NO
    ]
    return frozenset(
        passage.index
        for passage in article.passages
        if any(pattern.search(passage.text) for pattern in patterns)
    )


def _find_all(text: str, needle: str) -> list[int]:
    positions = []
    start = text.find(needle)
    while start != -1:
        positions.append(start)
        start = text.find(needle, start + 1)
    return positions
