"""Where a sentence uses the question's own verb: what the doer and object rules start from.

"Who called the strike?" and "what has management offered?" are answered beside
"called" and "offered" in the sentence: the same verb, in any of its forms
("won" for "win"), and used as a verb ("reportedly" shares a stem with
"reported" but says no one did anything).
"""

from __future__ import annotations

from collections.abc import Iterator

from bot.composer.candidates import Sentence
from bot.composer.inflections import related_stems
from bot.composer.lexicon import POSSESSIVE_PRONOUNS
from bot.composer.questions import QuestionAnalysis, ends_on_a_gerund
from bot.composer.word_classes import WordClass, can_be_verb, classify, word_class

__all__ = ["question_verbs", "verb_uses"]


def question_verbs(question: QuestionAnalysis) -> frozenset[str]:
    """The stems of the question's content words that are verbs, and of the verb in -ing
    that ends "what is the company offering?" (mostly a noun out of context)."""
    verbs = {token.stem for token in question.content if classify((token,))[0] is WordClass.VERB}
    if question.wh_role == "object" and question.content:
        # "what did Biden offer?", "what is the company offering?": after the auxiliary and
        # the subject comes the verb, though the word is mostly a noun ("offer")
        last = question.content[-1]
        if ends_on_a_gerund(question.content) or can_be_verb(last.lower):
            verbs.add(last.stem)
    return frozenset(verbs)


def verb_uses(sentence: Sentence, verbs: frozenset[str]) -> Iterator[int]:
    """The indexes of ``sentence``'s tokens that use one of ``verbs``, in any form, as a verb."""
    forms = verbs | related_stems(verbs).keys()
    tokens = sentence.tokens
    for index, token in enumerate(tokens):
        if token.stem not in forms or not sentence.matched[index]:
            continue
        if index > 0 and (tokens[index - 1].lower in _BEFORE_A_NOUN or tokens[index - 1].is_number):
            continue  # "The stolen works are ...", "one stolen password": a modifier, no verb
        if word_class(token.lower) is WordClass.VERB:
            yield index


# Words that open a noun phrase: a participle after one modifies the noun ("the stolen works").
_BEFORE_A_NOUN = frozenset({"the", "a", "an", "one"}) | POSSESSIVE_PRONOUNS
