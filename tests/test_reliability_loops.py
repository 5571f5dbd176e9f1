"""Bounded work beyond regular expressions: every loop reviewed, every text path linear.

Two guards, each failing when a new unbounded loop is added:

- every ``while`` loop in ``retrieval/`` and ``bot/`` (found by reading the
  source, so a new one is seen the day it is written) must be listed in
  :data:`REVIEWED_LOOPS` with why it ends, and within how much work. A ``for``
  loop ends with what it iterates; its cost is what the second guard measures;
- every function that takes text from outside (articles, Markdown, web pages,
  ``--jsonl`` lines, dates, Discord messages) is timed on the hostile texts of
  :mod:`tests.reliability_inputs` at two lengths, four times apart: linear work
  takes about four times as long, quadratic sixteen. A pass over all inputs
  that grows by more than :data:`MAX_GROWTH` (and takes long enough to tell)
  fails.

``tests/test_reliability_regex.py`` guards each regular expression the same way.
"""

from __future__ import annotations

import ast
import contextlib
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import bot
import retrieval
from bot.ask_command import parse_request
from bot.composer.extractors.names import ends_a_full_name, opens_an_organization
from bot.composer.gazetteer import load_gazetteer
from bot.composer.relative_dates import resolve_relative_date
from bot.discord_app.limits import defuse_mentions, escape_markdown, fit, one_line
from bot.discord_app.links import first_link, lone_link
from bot.discord_app.policy import strip_mentions
from bot.input_lines import bounded_lines
from retrieval import ArticleError
from retrieval.addresses import AddressPolicy
from retrieval.article import article_from_text
from retrieval.cleaning import clean_paragraphs, normalize_characters
from retrieval.fetch import check_url
from retrieval.formats.charset import declared_charset, decode_page
from retrieval.formats.html import looks_like_html
from retrieval.formats.markdown import extract_markdown
from retrieval.formats.markdown_inline import strip_inline_markup
from retrieval.printable import printable
from retrieval.sentences import split_sentences
from tests.reliability_inputs import adversarial_texts, timed

# Why each loop ends, and what bounds its work. Keyed by (module, function,
# condition), so moving a loop keeps its entry and changing its condition asks
# for a new review.
_SENTENCE = "tokens of one sentence (at most MAX_SENTENCE_CHARS) or question (500)"
REVIEWED_LOOPS: dict[tuple[str, str, str], str] = {
    ("retrieval._npz", "_read_into", "offset < len(target)"): (
        "each pass reads at least one byte or raises; at most the member's checked size"
    ),
    ("retrieval.article_files", "_read_regular_file", "size <= max_bytes"): (
        "each read returns a byte or ends it; stops past max_bytes"
    ),
    ("retrieval.cleaning", "_trim_blank_edges", "start < end and (not lines[start])"): (
        "moves start forward: at most the number of lines"
    ),
    ("retrieval.cleaning", "_trim_blank_edges", "end > start and (not lines[end - 1])"): (
        "moves end back: at most the number of lines"
    ),
    ("retrieval.fetch", "_read_body", "(chunk := response.read(_CHUNK_BYTES))"): (
        "stops past max_bytes; the deadline cuts the connection"
    ),
    (
        "retrieval.formats.html",
        "looks_like_html",
        "start.startswith(b'<!--') and b'-->' in start",
    ): "each pass drops a comment from a prefix of at most 1,024 bytes",
    ("retrieval.index_file", "_depth", "pending"): (
        "visits each value of a header of at most MAX_HEADER_BYTES once"
    ),
    ("retrieval.sentences", "_append_capped", "end - start > MAX_SENTENCE_CHARS"): (
        "each pass emits a piece and moves start past it"
    ),
    ("retrieval.sentences", "_append_capped", "cut > start and (not text[cut].isspace())"): (
        "walks back at most MAX_SENTENCE_CHARS"
    ),
    ("retrieval.sentences", "_append_capped", "text[piece_end - 1].isspace()"): (
        "walks back over the whitespace just skipped"
    ),
    ("retrieval.sentences", "_skip_space", "position < len(text) and text[position].isspace()"): (
        "moves forward; each space is skipped once by the splitter"
    ),
    ("bot.composer.extractors.clauses", "_marked_clauses", "index < len(tokens)"): _SENTENCE,
    (
        "bot.composer.extractors.clauses",
        "_clause_end",
        "end >= body and (not tokens[end].is_word and (not _a_numbers_sign(tokens, end))"
        " or tokens[end].lower in _NEVER_LAST)",
    ): _SENTENCE,
    ("bot.composer.extractors.names", "find_names", "index < len(tokens)"): _SENTENCE,
    (
        "bot.composer.extractors.reported",
        "_clause_end",
        "last >= first and (not tokens[last].is_word or _dangles(tokens[last]))",
    ): "walks back from a clause end at most _MAX_TOKENS (60) tokens after its start",
    (
        "bot.composer.extractors.phrases",
        "_kind_after",
        "probe < stop and (not tokens[probe].is_capitalized)",
    ): "moves forward over at most _KIND_WORDS (3) tokens after a name",
    (
        "bot.composer.extractors.names",
        "_mentions",
        "start >= 0 and seen < _MENTIONS_READ",
    ): "each pass moves past one mention (str.find from its end); at most _MENTIONS_READ of them",
    (
        "bot.composer.extractors.names",
        "find_names",
        'probe < len(tokens) and (not tokens[last].lower.endswith("\'s"))',
    ): _SENTENCE,
    (
        "bot.composer.extractors.subjects",
        "extract_subjects",
        "end >= 0 and index - end <= 3 and _between(tokens[end])",
    ): "at most 3 tokens back from the verb",
    (
        "bot.composer.extractors.subjects",
        "_phrase_start",
        "first >= 0 and end - first < _SUBJECT_WORDS and _in_noun_phrase(tokens[first])",
    ): "at most _SUBJECT_WORDS tokens",
    (
        "bot.composer.extractors.subjects",
        "extract_subjects",
        "first <= end and tokens[first].lower in DETERMINERS",
    ): "moves first forward to end: at most _SUBJECT_WORDS tokens",
    ("bot.composer.extractors.phrases", "extract_chunks", "index < len(tokens)"): _SENTENCE,
    (
        "bot.composer.extractors.subjects",
        "_its_name",
        "last + 1 < len(tokens) and last - start < _NAME_WORDS and tokens[last + 1].is_capitalized",
    ): "at most _NAME_WORDS (4) tokens",
    (
        "bot.composer.eligibility",
        "_a_size_said_of_another",
        "before >= 0 and tokens[before].lower in _APPROXIMATELY",
    ): "moves before down by one a pass, from the span's first token to 0",
    (
        "bot.composer.span_features",
        "_the_agent_of_a_participle",
        "first > 0 and tokens[first - 1].lower in DETERMINERS",
    ): "moves first down by one a pass, from the span's first token to 0",
    (
        "bot.composer.eligibility",
        "_a_point_for_a_length",
        "before >= 0 and tokens[before].lower in _APPROXIMATELY",
    ): "moves before down by one a pass, from the span's first token to 0",
    (
        "bot.composer.eligibility",
        "_another_rank",
        "before >= 0 and tokens[before].stem in role and (tokens[before].stem not in _RANKS)",
    ): "moves before down by one a pass, from a role mention to 0",
    (
        "bot.composer.trimming",
        "_before_the_head",
        "kept > 1 and words[kept - 1].stem in head and (not words[kept - 1].is_capitalized)",
    ): "moves kept down by one a pass, from the span's word count to 1",
    ("bot.composer.noun_kinds", "_more_general", "waiting"): (
        "each sense is expanded once (the found set); at most the table's ~30,000 senses, "
        "in practice the few dozen above one word"
    ),
    (
        "bot.composer.extractors.phrases",
        "extract_chunks",
        "probe < len(tokens) and probe - index < _MAX_CHUNK_TOKENS",
    ): "at most _MAX_CHUNK_TOKENS",
    (
        "bot.composer.extractors.phrases",
        "extract_person_nouns",
        "first > 0 and _is_modifier(tokens[first - 1]) and (index - first < 3)",
    ): "at most 3 tokens",
    (
        "bot.composer.extractors.phrases",
        "extract_agents",
        "first_name > index + 1 and a_name_word(tokens[first_name - 1])",
    ): _SENTENCE,
    (
        "bot.composer.extractors.phrases",
        "_naming_words_before",
        "first >= 0 and _is_naming_word(tokens[first])",
    ): _SENTENCE,
    ("bot.composer.extractors.phrases", "_name_after", "probe < len(tokens)"): _SENTENCE,
    (
        "bot.composer.eligibility",
        "_without_the_set_aside",
        "before > candidate.first and (not tokens[before].is_word)",
    ): "moves back inside one candidate span, at most its length",
    (
        "bot.composer.eligibility",
        "_without_the_set_aside",
        "end > candidate.first and (not tokens[end].is_word)",
    ): "moves back inside one candidate span, at most its length",
    (
        "bot.composer.extractors.phrases",
        "_name_described",
        "first > 0 and last - first < _MAX_CHUNK_TOKENS and _is_name_word(tokens[first - 1])",
    ): "moves back over at most _MAX_CHUNK_TOKENS tokens",
    (
        "bot.composer.extractors.phrases",
        "_modifiers_before",
        "first > 0 and index - first < _MAX_CHUNK_TOKENS",
    ): "at most _MAX_CHUNK_TOKENS",
    (
        "bot.composer.extractors.phrases",
        "_modifiers_before",
        "first < index and _counts(tokens[first])",
    ): "moves back over the at most _MAX_CHUNK_TOKENS modifiers just found",
    (
        "bot.composer.extractors.phrases",
        "_subject_of_copula",
        "probe >= 0 and index - probe <= _MAX_CHUNK_TOKENS and _modifies(tokens[probe])",
    ): "at most _MAX_CHUNK_TOKENS",
    (
        "bot.composer.extractors.phrases",
        "_opening_subject",
        "first < copula and tokens[first].lower in DETERMINERS",
    ): "moves forward, at most to the copula: one sentence",
    (
        "bot.composer.extractors.phrases",
        "_opening_subject",
        "last + 1 < copula and _is_content(tokens[last + 1])"
        " and (last - first < _MAX_CHUNK_TOKENS)",
    ): "at most _MAX_CHUNK_TOKENS",
    (
        "bot.composer.extractors.phrases",
        "_name_around",
        "first > 1 and index - first < _MAX_CHUNK_TOKENS and _is_name_word(tokens[first - 1])",
    ): "at most _MAX_CHUNK_TOKENS",
    (
        "bot.composer.extractors.phrases",
        "_name_around",
        "probe < len(tokens) and probe - index <= _MAX_CHUNK_TOKENS",
    ): "at most _MAX_CHUNK_TOKENS + 1",
    (
        "bot.composer.extractors.phrases",
        "_list_end",
        "end + 1 < len(tokens) and end + 1 - at < _MAX_CHUNK_TOKENS",
    ): "at most _MAX_CHUNK_TOKENS a list item, and _MAX_LIST_ITEMS items",
    (
        "bot.composer.coordination",
        "whole_lists",
        "len(run) > 1 and (not _closes_a_list(run[-2], run[-1]))",
    ): "pops a run of at most _MAX_ITEMS items, one a pass",
    (
        "bot.composer.extractors.phrases",
        "_spelled_out_before",
        "probe >= 0 and last - probe <= _SPELLED_OUT_TOKENS",
    ): "walks back at most _SPELLED_OUT_TOKENS (10) tokens before a bracket",
    (
        "bot.composer.extractors.phrases",
        "_past_the_named",
        "probe < len(tokens) and probe - start < _MAX_CHUNK_TOKENS and "
        "(a_name_word(tokens[probe]) or _describes_the_named(tokens, probe, start))",
    ): "at most _MAX_CHUNK_TOKENS tokens after a naming verb",
    (
        "bot.composer.extractors.phrases",
        "_list_start",
        "begin > 0 and end - begin < _MAX_CHUNK_TOKENS and (classes[begin - 1] in _PHRASE_CLASSES)",
    ): "walks back at most _MAX_CHUNK_TOKENS a list item, and _MAX_LIST_ITEMS items",
    (
        "bot.composer.extractors.phrases",
        "_subject_of_copula",
        "first > 0 and _is_content(tokens[first - 1]) and (last - first < _MAX_CHUNK_TOKENS)",
    ): "at most _MAX_CHUNK_TOKENS",
    (
        "bot.composer.extractors.phrases",
        "_role_before",
        "probe >= 0 and last - probe < _MAX_ROLE_TOKENS",
    ): "at most _MAX_ROLE_TOKENS",
    (
        "bot.composer.extractors.phrases",
        "_thing_set_before",
        "probe >= 0 and last - probe < _MAX_ROLE_TOKENS",
    ): "at most _MAX_ROLE_TOKENS",
    (
        "bot.composer.extractors.phrases",
        "content_end",
        "end >= start and (not tokens[end].is_word or tokens[end].lower in FUNCTION_WORDS or "
        "tokens[end].lower in _QUANTIFIERS)",
    ): _SENTENCE,
    (
        "bot.composer.extractors.quotes",
        "_trim_punctuation",
        "first <= last and (not tokens[first].is_word)",
    ): _SENTENCE,
    (
        "bot.composer.extractors.quotes",
        "_trim_punctuation",
        "last >= first and (not tokens[last].is_word) and (tokens[last].text not in {'!', '?'})",
    ): _SENTENCE,
    ("bot.composer.questions", "_analyze_what_is", "after and after[-1].lower in _NAMING_TAIL"): (
        "tokens of a question, at most 500 characters"
    ),
    ("bot.composer.reader", "reader_for", "len(_READERS) > _MAX_READERS"): "evicts one a pass",
    (
        "bot.conversation",
        "ConversationStore.get",
        "len(self._conversations) > self.max_conversations",
    ): "evicts one a pass",
    (
        "bot.discord_app.answering",
        "FollowUps.remember",
        "len(self._conversations) > self.max_answers",
    ): "evicts one a pass",
    ("bot.discord_app.cooldown", "Cooldown.check", "len(self._users) > self.max_users"): (
        "evicts one a pass"
    ),
    (
        "bot.discord_app.replies",
        "_escaped_tail",
        "words and size(ELLIPSIS + escape_markdown(' '.join(words))) > limit",
    ): "drops a word a pass from at most `limit` characters (a quote budget)",
    ("bot.discord_app.scopes", "ChannelScopes.use", "len(self._scopes) > self.max_channels"): (
        "evicts one a pass"
    ),
    (
        "bot.discord_app.library",
        "ReadLibrary._fit_shelf",
        "len(shelf) > self.max_articles or self.owner_size(owner) > self.max_bytes",
    ): "drops a page a pass from a server's pages (at most max_articles + 1)",
    ("bot.discord_app.library", "ReadLibrary._fit_total", "self._total > self.total_bytes"): (
        "drops a page a pass from every server; the page just added fits alone"
    ),
    ("bot.discord_app.footprint", "footprint", "waiting"): (
        "visits each object reachable from a page once (a seen set): the page's own objects"
    ),
    ("bot.evaluation.datasets", "_find_all", "start != -1"): (
        "str.find moves forward; occurrences of an answer in one paragraph"
    ),
    ("bot.input_lines", "bounded_lines", "(line := stream.readline(max_length + 1))"): (
        "each pass consumes a line, holding at most max_length + 1"
    ),
    ("bot.input_lines", "_skip_rest_of_line", "(chunk := stream.readline(_SKIP_CHUNK))"): (
        "each pass consumes input, holding at most _SKIP_CHUNK"
    ),
    ("bot.repl", "run_repl", "True"): "one input line a pass, read by bounded_lines; ends at EOF",
}


def _while_loops() -> set[tuple[str, str, str]]:
    found: set[tuple[str, str, str]] = set()
    for package in (retrieval, bot):
        root = Path(package.__path__[0]).parent
        for path in sorted(Path(package.__path__[0]).rglob("*.py")):
            module = ".".join(path.relative_to(root).with_suffix("").parts)
            _collect(ast.parse(path.read_text(encoding="utf-8")), module, "", found)
    return found


def _collect(node: ast.AST, module: str, scope: str, found: set[tuple[str, str, str]]) -> None:
    for child in ast.iter_child_nodes(node):
        inner = scope
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            inner = f"{scope}.{child.name}" if scope else child.name
        if isinstance(child, ast.While):
            found.add((module, inner, ast.unparse(child.test)))
        _collect(child, module, inner, found)


def test_every_while_loop_is_reviewed() -> None:
    found = _while_loops()
    unreviewed = sorted(found - set(REVIEWED_LOOPS))
    assert not unreviewed, (
        "a new while loop: say in REVIEWED_LOOPS why it ends and what bounds its work, "
        f"and add its entry point to TEXT_PATHS if it reads outside text: {unreviewed}"
    )
    assert not set(REVIEWED_LOOPS) - found, "REVIEWED_LOOPS lists loops that are gone"
    assert all(REVIEWED_LOOPS.values())


def _article_or_error(text: str) -> object:
    try:
        return article_from_text(text)
    except ValueError:  # no words, or too long to index: both are answers
        return None


def _decoded_or_error(data: bytes) -> object:
    try:
        return decode_page(data, source="test")
    except ValueError:
        return None


# Every path by which outside text enters, as a function of one text.
PUBLISHED = date(2021, 4, 25)
TEXT_PATHS: dict[str, Callable[[str], object]] = {
    "article_from_text": _article_or_error,
    "clean_paragraphs": clean_paragraphs,
    "normalize_characters": normalize_characters,
    "split_sentences": split_sentences,
    "extract_markdown": extract_markdown,
    "strip_inline_markup": strip_inline_markup,
    "decode_page": lambda text: _decoded_or_error(text.encode("utf-8", "surrogatepass")),
    "declared_charset": lambda text: declared_charset(text.encode("utf-8", "surrogatepass")),
    "looks_like_html": lambda text: looks_like_html(text.encode("utf-8", "surrogatepass")),
    "printable": printable,
    "parse_request (text)": parse_request,
    "parse_request (JSON)": lambda text: parse_request('{"question": ' + repr(text) + "}"),
    "bounded_lines": lambda text: list(bounded_lines(io.StringIO(text), 4096)),
    "resolve_relative_date": lambda text: resolve_relative_date(text, PUBLISHED),
    "escape_markdown": escape_markdown,
    "defuse_mentions": defuse_mentions,
    "one_line": one_line,
    "fit": lambda text: fit(text, 2000),
    "strip_mentions": lambda text: strip_mentions(text, 1234, 5678),
    "lone_link": lone_link,
    "first_link": first_link,
    "lone_link (a link)": lambda text: lone_link("https://x.example/" + text.replace(" ", "")),
    "check_url": lambda text: _checked_or_error("https://x.example/" + text),
    "ends_a_full_name": lambda text: ends_a_full_name("a", [text], _never, load_gazetteer()),
    "opens_an_organization": lambda text: opens_an_organization("a", [text]),
}
# Quadratic work grows 16-fold when the text grows 4-fold, linear work 4-fold;
# n log n about 5. A pass must take this long at the larger length to be judged.
MAX_GROWTH = 8.0
MEASURABLE_SECONDS = 0.05
SHORT, LONG = 5_000, 20_000
SHORT_TEXTS = adversarial_texts(SHORT)
LONG_TEXTS = adversarial_texts(LONG)


def _never(word: str) -> bool:
    return False


def _checked_or_error(url: str) -> None:
    with contextlib.suppress(ArticleError):
        check_url(url, AddressPolicy())


def _pass_over(path: Callable[[str], object], texts: dict[str, str]) -> float:
    return timed(lambda: [path(text) for text in texts.values()])[1]


@pytest.mark.parametrize("name", list(TEXT_PATHS))
def test_every_text_path_is_linear_on_hostile_text(name: str) -> None:
    path = TEXT_PATHS[name]
    short, long = _pass_over(path, SHORT_TEXTS), _pass_over(path, LONG_TEXTS)
    if long > MEASURABLE_SECONDS and long > MAX_GROWTH * short:
        # Noise is one-sided (a busy machine only slows a pass): measure again, text by text.
        slowest = max(
            LONG_TEXTS,
            key=lambda label: min(timed(lambda: path(LONG_TEXTS[label]))[1] for _ in range(2)),
        )
        small = min(timed(lambda: path(SHORT_TEXTS[slowest]))[1] for _ in range(3))
        large = min(timed(lambda: path(LONG_TEXTS[slowest]))[1] for _ in range(3))
        assert large <= MAX_GROWTH * small or large < MEASURABLE_SECONDS, (
            f"{name} grows {large / small:.0f}-fold on {slowest!r} when the text grows 4-fold"
        )
    print(
        f"reliability: {name}: {short * 1000:.0f} ms at {SHORT:,}, {long * 1000:.0f} ms at {LONG:,}"
    )
