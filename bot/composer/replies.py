"""Reply phrasing: the short answer in a sentence, hedged as the article hedges, then the source.

The article's own caution travels with its facts: if the source sentence says a
thing was "reportedly" offered, or that "no date has yet been agreed", the reply
says so too, so a short answer never sounds surer than the article.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from bot.composer.extractors.names import is_nationality
from bot.composer.lexicon import (
    AFFILIATIONS,
    DETERMINERS,
    HEDGE_WORDS,
    LED_BY,
    POSSESSIVE_PRONOUNS,
    PREPOSITIONS,
    opens_a_job,
)
from bot.composer.noun_kinds import is_a_noun
from bot.composer.questions import AnswerType, QuestionAnalysis
from bot.composer.relative_dates import parse_published, resolve_relative_date
from bot.composer.tokens import tokenize
from bot.composer.word_classes import WordClass, is_common_word, looks_plural, word_class
from retrieval import Article, Passage
from retrieval.analysis import stem

__all__ = [
    "caveat_of",
    "hedge_of",
    "left_open_statement",
    "no_answer_statement",
    "quote_line",
    "source_note",
    "statement_for",
]

# The words before the negation are bounded by the longest caveat quoted
# (_MAX_CAVEAT_CHARS): unbounded, a sentence of many ", but" clauses and no
# negation would be rescanned to its end from each of them.
_CAVEAT = re.compile(
    r"[,;]\s+((?:though|although|but|however|even though|while)\s[^.;]{0,120}?"
    r"\b(?:no|not|yet|unclear|unconfirmed|undecided|never)\b[^.;]*)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z]+")
# A hedge governs an answer at most this many words after it, within one clause.
_HEDGE_REACH = 15
_SAYING = frozenset("reported reports said says told announced claimed wrote newspaper".split())
_CLAUSE_BREAKS = (";", ":", "—", "–", ". ", " but ", " though ", " although ", " while ")
# What a caveat must mention to limit an answer of each kind (stems).
_KIND_WORDS = {
    AnswerType.DATE: frozenset(stem(w) for w in "date day time when schedule timing".split()),
    AnswerType.LOCATION: frozenset(stem(w) for w in "location place venue where site".split()),
    AnswerType.NUMBER: frozenset(stem(w) for w in "number figure amount total count".split()),
}
_MAX_CAVEAT_CHARS = 120
# All-capital words shorter than this are left as written: acronyms ("US", "EU", "FBI").
_SHOUTED_LENGTH = 4
# Words that make a description name the one thing it fits.
_ONE_OF_A_KIND = frozenset({"other", "same", "only", "sole", "first", "second", "third", "last"})
# A description that opens with a vowel sound takes "an" ("an imprisoned activist", "an
# 8-metre boat", "an 18-year-old"), but not "a European", "a union", "a one-time ally".
_VOWEL_SOUND = re.compile(
    r"(?!eu|uni|use|usu|one|once)[aeiou]|8|(?:11|18)(?![\d.,])", re.IGNORECASE
)
# A number joined to a unit that describes a thing: "68-metre", "24-year-old".
_MEASURE_WORD = re.compile(r"\d[\d.]{0,12}(?:-[a-z]{1,20}){1,3}", re.IGNORECASE)


def hedge_of(
    sentence: str, answer_start: int | None = None, answer_end: int | None = None
) -> str | None:
    """The hedge ("reportedly", "as proposed") the sentence puts on its claim, if any.

    With the answer's place in the sentence, only a hedge that governs it counts:
    one written before it in the same clause ("Biden has reportedly offered to meet
    on June 15-16"), not one after it ("Kommersant reported"), nor one across a
    clause break, nor one far away; and never on the one who reports it.
    """
    for hedge, end in _hedges(sentence):
        if answer_start is None:
            return hedge
        if end <= answer_start and _same_clause(sentence[end:answer_start]):
            between = sentence[end:answer_start]
            if (
                _says_it(sentence, answer_end)
                or _done_by_it(between)
                or _modifies_another_noun(hedge, between)
            ):
                return None
            return hedge
    return None


@lru_cache(maxsize=4096)
def _hedges(sentence: str) -> tuple[tuple[str, int], ...]:
    """Each hedge word of ``sentence`` (as :data:`HEDGE_WORDS` names it) and where it ends:
    memoized, as the same source sentences are quoted again and most have none."""
    return tuple(
        (hedge, match.end())
        for match in _WORD.finditer(sentence.lower())
        if (hedge := HEDGE_WORDS.get(match.group(0))) is not None
    )


def _says_it(sentence: str, answer_end: int | None) -> bool:
    """Whether the answer is the one reporting ("Kommersant newspaper reported"): no hedge."""
    if answer_end is None:
        return False
    following = _WORD.findall(sentence[answer_end:].lower())[:2]
    return any(word in _SAYING for word in following)


def _modifies_another_noun(hedge: str, between: str) -> bool:
    """Whether a participle hedge describes a noun of its own before the answer: "Planned
    heart operations have been postponed, affecting about 120 people" does not hedge the
    120 ("as planned" would say the operations went ahead)."""
    if not hedge.startswith("as "):
        return False  # "reportedly", "allegedly": adverbs of the whole claim
    words = between.split()
    # "has proposed 6% this year and 3% in 2027": a verb, hedging all of its object
    return (
        len(words) > _HEDGED_NOUN_REACH
        and word_class(words[0].lower().strip(".,;:")) is WordClass.NOUN
    )


# Words between a participle hedge and the answer it still governs ("the proposed June 15").
_HEDGED_NOUN_REACH = 3


def _done_by_it(between: str) -> bool:
    """Whether the answer is who did what the hedge word says ("proposed by Lakeline
    Development Group"): the proposer is no proposal, so no "as proposed"."""
    return between.strip().lower() in {"by", "by the"}


def _same_clause(between: str) -> bool:
    return (
        not any(mark in between for mark in _CLAUSE_BREAKS)
        and between.count(",") <= 1
        and len(between.split()) <= _HEDGE_REACH
    )


def caveat_of(
    sentence: str, answer_end: int | None = None, about: frozenset[str] = frozenset()
) -> str | None:
    """A concessive clause that limits the claim ("though no date has yet been agreed").

    With the answer's end and what it is ``about`` (the question's stems and the
    answer's kind), the clause must follow the answer and say one of those words:
    "though no date or location has been agreed" limits a date or a place, not a
    person's age.
    """
    match = _CAVEAT.search(sentence)
    if match is None:
        return None
    clause = match.group(1).strip().rstrip('".,')
    if len(clause) > _MAX_CAVEAT_CHARS:
        return None
    if answer_end is not None:
        said = {token.stem for token in tokenize(clause) if token.is_word}
        if match.start() < answer_end or not said & about:
            return None
    return clause


def statement_for(
    question: QuestionAnalysis,
    short_answer: str,
    source: Passage,
    published: date | None = None,
    *,
    span: tuple[int, int] | None = None,
    article_text: str = "",
) -> str:
    """The reply's first sentence: the short answer, phrased for the question's type.

    With the article's publication date, a relative date is followed by what it
    means: "Last week (the week of 12 April 2021)". ``span`` (the answer's offsets
    in the article) lets hedges and caveats apply only where they govern it;
    ``article_text`` tells a shouted word from an acronym (:func:`_unshouted`).
    """
    answer = short_answer.strip().strip('"').strip()
    start = span[0] - source.start if span is not None else None
    end = span[1] - source.start if span is not None else None
    if published is not None and question.answer_type is AnswerType.DATE:
        # News reports what happened; a weekday means a coming day only when asked so.
        meaning = resolve_relative_date(answer, published, question.tense == "future")
        if meaning is not None:
            answer = f"{answer} ({meaning})"
    if (
        question.answer_type is AnswerType.QUOTE
        and question.verb != "call"
        and (start is None or _opens_a_quotation(source.text, start))
    ):
        core = f'"{answer.rstrip(".")}."'
    elif question.answer_type is AnswerType.DEFINITION and question.target:
        core = _description_statement(question, answer, source.text, (start, end), article_text)
    else:
        phrase = _unshouted(answer, article_text)
        if _an_infinitive_cut(source.text, start, phrase):
            phrase = "to " + phrase  # "offered to meet Putin ...": "To meet Putin ..."
        core = _capitalize(phrase).rstrip(".") + "."
    hedge = hedge_of(source.text, start, end)
    about = question.content_stems | _KIND_WORDS.get(question.answer_type, frozenset())
    caveat = caveat_of(source.text, end, about)
    # "what has the company proposed?": a proposal is what was asked about, so ", as
    # proposed" says nothing the question did not
    asked = hedge is not None and stem(hedge.split()[-1].lower()) in question.content_stems
    if hedge and hedge.lower() not in answer.lower() and not asked:
        core = core[:-1] + f", {hedge}."
    if caveat:
        core = core[:-1] + f" — {caveat}."
    return core


def _description_statement(
    question: QuestionAnalysis,
    answer: str,
    text: str,
    span: tuple[int | None, int | None],
    article_text: str,
) -> str:
    """ "X is <description>.", phrased as the article ties the description to the name:
    what X does ("Grzegorz Nowicki runs a furniture factory"), a group X leads, another
    name for X, the body X speaks for, or a description with its article."""
    start, end = span
    target = question.target or ""
    verb = "was" if question.tense == "past" else "is"
    tie = _affiliation(text, start, target)
    target = _as_written(target, text)
    if start is not None and _opens_sentence(text, start):
        answer = _sentence_case_dropped(answer)
    # A word right before the name is used as a noun, a title: "the daily Diário Mirante"
    before_name = end is not None and text[end:].lstrip().startswith(target)
    if _says_what_they_do(answer, text, start):
        verb, opening = "", ""  # "Grzegorz Nowicki runs a furniture factory."
    elif (leads := _leads(text, end, target)) is not None:
        verb, opening = leads, ""  # "Ewa Ziółkowska leads the Crane Operators' Union."
    elif start is not None and text[:start].rstrip().endswith(", or"):
        opening = "also called "  # "the Zwarte Valk, or Black Falcon,"
    elif tie:
        opening = tie + " "
    elif not before_name and start is not None and _definite_before(text[:start]):
        # the article's own "the" after the name ("Pablo Contreras, the head of the
        # rescue team"); before it, "the" only introduces a title ("the critic X"); "its
        # president, Gustavo Ferrán" is the president of something the reply does not name
        opening = "the "
    else:
        opening = _article_for(answer, a_title=before_name)
    parts = (target, verb, opening + _unshouted(answer, article_text))
    return _capitalize(" ".join(filter(None, parts))) + "."  # "Relvaxaban is a drug."


def _an_infinitive_cut(text: str, start: int | None, phrase: str) -> bool:
    """Whether the phrase is a verb whose "to" the text writes just before it: an object
    that reads as a command without it ("Meet Putin on June 15-16")."""
    words = phrase.split(maxsplit=1)
    return (
        start is not None
        and bool(words)
        and words[0].islower()
        and text[:start].lower().endswith(" to ")
        and word_class(words[0]) is WordClass.VERB
    )


def _definite_before(text: str) -> bool:
    """Whether ``text`` (what precedes a description) ends on "the" after a word, or on a
    possessive pronoun."""
    if text.lower().endswith(" the "):
        return True
    words = text.lower().split()
    return bool(words) and words[-1] in _THIRD_PERSON_POSSESSIVES


# A third person's: "its president" reads as "the president"; "our president" is in a quote.
_THIRD_PERSON_POSSESSIVES = POSSESSIVE_PRONOUNS - {"my", "your", "our"}


def _leads(text: str, end: int | None, target: str) -> str | None:
    """ "leads" when the description is a group the text says the person leads ("the
    Crane Operators' Union, led by Ewa Ziółkowska"), in the verb its participle gives."""
    if end is None:
        return None
    after = text[end : end + _WORDS_REACH].lstrip(" ,").split()
    named = target.split()[-1:]
    names = {word.strip(".,;:)'\"") for word in after[2 : 2 + _NAME_WORDS]}
    if len(after) < 3 or after[1] != "by" or not set(named) & names:
        return None
    return LED_BY.get(after[0])


# The most words of a name read after "led by".
_NAME_WORDS = 4


def _says_what_they_do(answer: str, text: str, start: int | None) -> bool:
    """Whether the description is a relative clause's verb phrase ("who runs a furniture
    factory"): it follows the name without "is"."""
    words = [*answer.lower().split(maxsplit=2)[:2], ""]
    return (
        opens_a_job(words[0], words[1])
        and start is not None
        and text[:start].rstrip().lower().endswith("who")
    )


def _unshouted(answer: str, article_text: str) -> str:
    """The answer without a tabloid's shouted opening ("PRESIDENT Joe Biden will meet ...":
    "President"): an all-capital word the article also writes in lower or title case
    elsewhere is shouted, not an acronym ("NATO" never appears as "nato")."""
    words = answer.split(" ")
    changed = [
        word.capitalize()
        if len(word) >= _SHOUTED_LENGTH
        and word.isalpha()
        and word.isupper()
        and (word.lower() in article_text or word.capitalize() in article_text)
        else word
        for word in words
    ]
    return " ".join(changed)


def _as_written(target: str, text: str) -> str:
    """The name asked about as the article writes it ("Sentinel Grey" for "what is
    sentinel grey?"): a reply does not echo a user's lower case."""
    lowered = text.lower()
    if not target.islower() or len(lowered) != len(text):
        return target  # (a text whose lower case changes its length has no offsets to share)
    at = lowered.find(target)
    return text[at : at + len(target)] if at >= 0 else target


def _opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` opens the sentence, or its words after a dateline ("DUBLIN,
    Ireland (Wire) — Online homeware retailer ...")."""
    before = text[:start].rstrip()
    return not before or before.endswith(("—", "–"))


def _sentence_case_dropped(description: str) -> str:
    """A description that opens its sentence, without the capital the sentence gave it
    ("Online homeware retailer Brenlow" describes Brenlow as an "online homeware
    retailer"): only a common word's capital, never a name's ("Berlin-based")."""
    first = next((token for token in tokenize(description) if token.is_word), None)
    if first is None or not first.text[:1].isupper() or not first.text[1:].islower():
        return description
    if (
        word_class(first.lower) in {WordClass.NAME, WordClass.FUNCTION}
        or not is_common_word(first.lower)
        or is_nationality(first.lower)
    ):
        return description  # a name, or "French": capitals of their own
    return description[:1].lower() + description[1:]


def _article_for(description: str, *, a_title: bool = False) -> str:
    """ "a " or "an " before a description that names one thing of a kind without a
    determiner ("Berlin-based firm", "retired teacher in Cork"), "the " before one that
    fits one thing only ("other lead author", "only witness"), else nothing: not
    before a title ("PRESIDENT", "Acme chief executive"), a name's possession ("Putin's
    adviser"; but "the study's author"), a number, a plural or a name. ``a_title``: the
    description stood right before the name, so its last word is a noun there even
    when it is mostly an adjective, if it can be one ("the daily Diário Mirante": "a
    daily"; but "the practical Carnot cycle" has no noun "practical")."""
    words = [token for token in tokenize(description) if token.is_word]
    if not words or words[0].lower in DETERMINERS:
        return ""
    if words[0].lower.endswith("'s"):
        # "the study's other lead author", but "Putin's foreign policy adviser"
        return "" if words[0].is_capitalized else "the "
    if (words[0].is_number and not _MEASURE_WORD.fullmatch(words[0].text)) or (
        words[0].is_capitalized
        and "-" not in words[0].text
        and not (len(words) > 1 and is_nationality(words[0].lower))
    ):
        # "Acme chief executive" reads as a title; "Berlin-based firm" and "Dutch maritime
        # historian" do not
        return ""
    if words[0].lower in _ONE_OF_A_KIND:
        return "the "  # "the other lead author", "the only witness"
    head = next(
        (words[index - 1] for index in range(1, len(words)) if words[index].lower in PREPOSITIONS),
        words[-1],
    )
    if head.is_capitalized or looks_plural(head.lower):
        return ""
    if word_class(head.lower) is not WordClass.NOUN and not (a_title and is_a_noun(head.lower)):
        return ""
    return "an " if _VOWEL_SOUND.match(description) else "a "


def _affiliation(text: str, start: int | None, target: str) -> str | None:
    """ "with" for the body of "Lena Marsh of Bike Millbrook", "from" for "Omar Haddad
    from the Red Cross": how a description that is only a body's name reads after "is".
    Only right after the name asked about: "a statement of Acme chief executive Jane
    Doe" gives her role, not her body."""
    if start is None or not target.split():
        return None
    before = text[max(0, start - _WORDS_REACH) : start].split()
    if len(before) < 2 or before[-2].lower() != target.rsplit(maxsplit=1)[-1].lower():
        return None
    return AFFILIATIONS.get(before[-1].lower())


# Characters read back for the two words before an answer.
_WORDS_REACH = 64


def _opens_a_quotation(text: str, start: int) -> bool:
    """Whether a quotation mark opens right before ``start``: the words are the speaker's
    own; reported speech ("announced it would withdraw") is the article's, unquoted."""
    return text[:start].rstrip()[-1:] in _OPENING_MARKS


_OPENING_MARKS = frozenset({'"', "“", "'", "‘"})


def quote_line(passage: Passage, article: Article | None = None, several: bool = False) -> str:
    """The source sentence, quoted, with its paragraph (from 1) and, when known, its source.

    "(paragraph 3; according to The Sun, 25 April 2021)": where and when the article
    says it; with ``several`` articles loaded, the headline says which one.
    """
    return f'> "{passage.text}" {source_note(passage, article, several)}'


def source_note(passage: Passage, article: Article | None = None, several: bool = False) -> str:
    """ "(paragraph 3; according to The Sun, 25 April 2021)": where the sentence stands."""
    where = f"paragraph {passage.paragraph + 1}"
    if several and article is not None:
        where = f'"{article.title}", {where}'
    according = _according_to(article) if article is not None else ""
    if according:
        where += f"; according to {according}"
    return f"({where})"


def _according_to(article: Article) -> str:
    published = parse_published(article.published)
    when = f"{published.day} {published:%B %Y}" if published is not None else ""
    return ", ".join(part for part in (article.publisher or "", when) if part)


def no_answer_statement(titles: list[str]) -> str:
    """ "The article doesn't say", with what the article (or articles) is about."""
    if len(titles) == 1:
        return f"The article doesn't say. It is about: {titles[0]}"
    return "The articles don't say. They are about: " + "; ".join(titles)


def left_open_statement(sentence: str) -> str:
    """ "The article doesn't say", with the sentence that says so ("She did not say how
    many bakeries would close.")."""
    return f'The article doesn\'t say; it notes: "{sentence}"'


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
