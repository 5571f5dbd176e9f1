"""Replies that are not about a fact in the article: greetings, thanks, help, the summary.

Recognized by whole-message patterns, so "hi, when is the summit?" is still a
question. The summary is extractive: the headline and the first sentences of the
story that read as full sentences, as news puts the main facts first.
"""

from __future__ import annotations

import re

from retrieval import Article

__all__ = ["HELP_TEXT", "chat_reply", "is_summary_request", "summarize"]

HELP_TEXT = (
    "Ask me anything about the article, in plain words: when, where, who, why, how many, "
    'or "what is the article about?". I answer from the article only, quote the sentence '
    'I used, and say so when the article doesn\'t say. Follow-ups work too: "and where?".'
)
_GREETING = re.compile(
    r"^(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day))"
    r"(?: there| bot| articlebot| everyone| all)?[\s!.,]*$",
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"^(?:thanks|thank you|thx|ty|cheers|great|awesome|cool|nice|perfect|ok|okay|got it)"
    r"(?: (?:so much|a lot|very much|bot|articlebot))?[\s!.,]*$",
    re.IGNORECASE,
)
# A bare "?" (the trailing class takes any more): "\?+" there would split a run
# of question marks every possible way before failing at a final letter.
_HELP = re.compile(
    r"^(?:help|\?|usage|commands|what can you do|what do you do|how does this work|"
    r"how do i use (?:this|you)|who are you|what are you)[\s?!.]*$",
    re.IGNORECASE,
)
_GOODBYE = re.compile(r"^(?:bye|goodbye|see you|see ya|cya|good night)[\s!.]*$", re.IGNORECASE)
_SUMMARY = re.compile(
    r"^(?:(?:so |and )?what(?: is|'s| was)? (?:the|this) (?:article|story|text|piece|news|report)"
    r"(?: about)?|summar(?:y|ize|ise)(?: (?:it|the article|the story|this))?|tl;? ?dr|"
    r"give me (?:a|the) (?:summary|gist|overview)|what happened|what is it about|"
    r"what's it about|gist|overview|main points)[\s?!.]*$",
    re.IGNORECASE,
)
_SUMMARY_SENTENCES = 2
_MIN_SUMMARY_WORDS = 6


def chat_reply(message: str, article: Article) -> str | None:
    """A reply to small talk or a help request, or None if ``message`` is neither."""
    if _GREETING.match(message):
        return f'Hello! Ask me anything about "{article.title}".'
    if _THANKS.match(message):
        return "You're welcome! Anything else about the article?"
    if _HELP.match(message):
        return HELP_TEXT
    if _GOODBYE.match(message):
        return "Goodbye!"
    return None


def is_summary_request(message: str) -> bool:
    return bool(_SUMMARY.match(message))


def summarize(article: Article) -> list[int]:
    """Indexes of the passages that summarize the article: its first full sentences."""
    chosen: list[int] = []
    for passage in article.passages:
        if article.has_headline and passage.paragraph == 0:
            continue
        words = passage.text.split()
        if len(words) < _MIN_SUMMARY_WORDS or not passage.text[:1].isupper():
            continue  # a fragment, or a sentence the page cut in half
        if passage.text.startswith(('"', "'")):
            continue  # a quotation needs its context
        chosen.append(passage.index)
        if len(chosen) == _SUMMARY_SENTENCES:
            break
    return chosen
