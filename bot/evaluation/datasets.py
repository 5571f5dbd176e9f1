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
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from retrieval import Article, ArticleError, article_from_text, load_article
from retrieval.article_files import read_regular_file
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
        raise DatasetError(f"evaluation file not found: {path} (give a .json or .jsonl file)")
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
    by_article: dict[str, list[tuple[int, _JsonlRecord]]] = {}
    for number, record in records:
        by_article.setdefault(record.article, []).append((number, record))
    if list(by_article) in ([], [""]):
        return [_question_set(path.stem, load_article(default_article), records)]
    sets = []
    for name, items in by_article.items():
        story = path.parent / name if name else Path(default_article)
        if name and (Path(name).is_absolute() or ".." in Path(name).parts):
            raise DatasetError(f"{path}: article {name!r} must be a file beside the questions")
        eval_set = _question_set(f"{path.parent.name}/{story.stem}", load_article(story), items)
        sets.append(replace(eval_set, collection=str(path)))
    return sets


def load_jsonl(path: Path, article: Article) -> EvalSet:
    """Questions about ``article``, one JSON object a line: id, question, answers, type."""
    return _question_set(path.stem, article, _read_records(path))


def _read_records(path: Path) -> list[tuple[int, _JsonlRecord]]:
    records = []
    for number, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        records.append((number, _validated(_JsonlRecord, _parse_json(line, where), where)))
    return records


def _question_set(name: str, article: Article, records: list[tuple[int, _JsonlRecord]]) -> EvalSet:
    questions = []
    for number, record in records:
        answers = tuple(record.answers)
        questions.append(
            EvalQuestion(
                id=str(number if record.id is None else record.id),
                question=record.question,
                answers=answers,
                gold_passages=_passages_containing(article, answers),
                label=record.type,
            )
        )
    return EvalSet(name, article, tuple(questions))


def load_squad(path: Path) -> list[EvalSet]:
    """One :class:`EvalSet` per article of a SQuAD 2.0 file."""
    squad = _validated(_SquadFile, _parse_json(_read_text(path), str(path)), str(path))
    return [_squad_article(entry) for entry in squad.data]


# Evaluation files are chosen by a developer, but still read with care: SQuAD's
# whole training set is 40 MB, so this is ample.
MAX_DATASET_BYTES = 256 * 1024 * 1024


def _read_text(path: Path) -> str:
    """The UTF-8 text of a regular file of at most :data:`MAX_DATASET_BYTES`."""
    try:
        data = read_regular_file(path, MAX_DATASET_BYTES, what="evaluation file")
        return data.decode("utf-8-sig")
    except ArticleError as error:
        raise DatasetError(str(error)) from None
    except UnicodeDecodeError as error:
        raise DatasetError(f"{path} is not UTF-8 text (invalid byte at {error.start})") from None


def _parse_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise DatasetError(f"{where}: the JSON nests too deeply") from None
    except ValueError as error:  # JSONDecodeError, or an integer of over 4,300 digits
        raise DatasetError(f"{where}: not valid JSON ({str(error)[:120]})") from None


_Model = TypeVar("_Model", bound=BaseModel)


def _validated(model: type[_Model], value: Any, where: str) -> _Model:
    """``value`` as ``model``, or a :class:`DatasetError` naming the first field that is wrong."""
    try:
        return model.model_validate(value)
    except ValidationError as error:
        first = error.errors(include_url=False, include_input=False)[0]
        field = ".".join(str(part) for part in first["loc"]) or "the top level"
        raise DatasetError(f"{where}: {field}: {first['msg']}") from None


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class _JsonlRecord(_Strict):
    question: str
    answers: list[str]
    id: str | int | None = None
    type: str = ""
    article: str = ""  # a story file beside the questions; empty: the default article


class _SquadAnswer(_Strict):
    text: str
    answer_start: int


class _SquadQuestion(_Strict):
    id: str | int
    question: str
    answers: list[_SquadAnswer]


class _SquadParagraph(_Strict):
    context: str
    qas: list[_SquadQuestion]


class _SquadArticle(_Strict):
    title: str = ""
    paragraphs: list[_SquadParagraph]


class _SquadFile(_Strict):
    data: list[_SquadArticle]


def _squad_article(entry: _SquadArticle) -> EvalSet:
    contexts = [paragraph.context for paragraph in entry.paragraphs]
    title = entry.title.replace("_", " ")
    article = article_from_text("\n\n".join(contexts), title=title)
    aligned = len(article.paragraphs) == len(contexts)
    questions = []
    for number, paragraph in enumerate(entry.paragraphs):
        for qa in paragraph.qas:
            answers = tuple(dict.fromkeys(answer.text for answer in qa.answers))
            gold = frozenset(
                index
                for answer in qa.answers
                for index in _gold_passage(article, number if aligned else None, answer)
            )
            questions.append(EvalQuestion(str(qa.id), qa.question, answers, gold))
    return EvalSet(title, article, tuple(questions), domain="encyclopedia")


def _gold_passage(article: Article, paragraph: int | None, answer: _SquadAnswer) -> list[int]:
    """The passage holding the answer: its occurrence nearest the annotated offset."""
    text = " ".join(normalize_characters(answer.text).split())
    if paragraph is None:
        return sorted(_passages_containing(article, (text,)))
    body = article.paragraphs[paragraph]
    occurrences = _find_all(body, text)
    if not occurrences:
        return []
    position = min(occurrences, key=lambda start: abs(start - answer.answer_start))
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
