"""From the words a person typed to what the composer searches for and expects.

Shared by the composer and the training tables (:mod:`bot.evaluation.training`),
so the weights are fitted on questions understood exactly as they are at answer
time: contractions and chat spelling expanded, typos one edit from an article word
corrected, a follow-up completed from the previous turn, then analysed.
"""

from __future__ import annotations

from bot.composer.followups import resolve_followup
from bot.composer.holders import name_the_holder
from bot.composer.inflections import related_stems
from bot.composer.lexicon import SPEECH_VERBS
from bot.composer.normalization import (
    correct_typos,
    expand_chat_spelling,
    expand_contractions,
    match_leader_words,
    match_title_initials,
    plain_words,
    restore_capitals,
)
from bot.composer.questions import QuestionAnalysis, analyze_question
from bot.composer.reader import ArticleReader
from bot.conversation import Turn

__all__ = ["normalize", "search_query", "understand"]


def normalize(text: str, reader: ArticleReader) -> str:
    """Contractions, chat spelling, job titles as the article writes them, typos one
    edit from an article word, the capitals of names typed in lower case, then a
    leader's loose title as the article's (after the capitals: "liège manager" is
    "the Liège coach" only once "Liège" reads as a name)."""
    expanded = plain_words(expand_chat_spelling(expand_contractions(text)), reader.writes)
    titled = match_title_initials(expanded, reader.knows)
    corrected = correct_typos(titled, reader.knows, reader.is_proper)
    return match_leader_words(
        restore_capitals(corrected, reader.is_proper, reader.writes), reader.knows
    )


def understand(text: str, reader: ArticleReader, previous: Turn | None = None) -> QuestionAnalysis:
    """The analysis of a cleaned question, completed from ``previous`` when a follow-up,
    with the holder of a role it asks about named ("how old is the prime minister?")."""
    analysis = analyze_question(resolve_followup(normalize(text, reader), previous))
    named = name_the_holder(analysis, reader)
    return analysis if named == analysis.text else analyze_question(named)


def search_query(analysis: QuestionAnalysis) -> str:
    """The question, plus the synonyms of its speech verb ("reply" finds "respond") and
    the other forms of its irregular words ("won" finds "win")."""
    added = sorted(related_stems(analysis.content_stems))
    if analysis.verb is not None:
        added = [*sorted(SPEECH_VERBS[analysis.verb]), *added]
    return " ".join([analysis.text, *added]).strip()
