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
    r"^(?:thanks|thank you|thx|ty|cheers)"
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
_ACKNOWLEDGED = re.compile(
    r"^(?:great|awesome|cool|nice|perfect|ok|okay|k|got it|i see|alright|all right|sure|"
    r"good|interesting|wow)[\s!.]*$",
    re.IGNORECASE,
)
_GOODBYE = re.compile(r"^(?:bye|goodbye|see you|see ya|cya|good night)[\s!.]*$", re.IGNORECASE)
_HOW_ARE_YOU = re.compile(
    r"^(?:how are (?:you|u)(?: doing| today)?|how's it going|how is it going|how do you do|"
    r"what's up|whats up|sup|you ok|are you ok)[\s?!.]*$",
    re.IGNORECASE,
)
_LAUGH = re.compile(r"^(?:lol|lmao|rofl|haha+|hehe+|ha|xd|:\)|:d|😂|🤣|😄)[\s!.]*$", re.IGNORECASE)
_INSULT = re.compile(
    r"^(?:(?:you(?:'re| are)|ur|this (?:bot )?is|what an?)\s+(?:a\s+|so\s+|such\s+a\s+)?"
    r"(?:useless|stupid|dumb|terrible|awful|bad|rubbish|garbage|trash|worthless|pathetic|idiot)"
    r"(?: bot| answer| thing)?|(?:you|this) sucks?|bad bot|stupid bot|dumb bot|useless bot|"
    r"wrong|that's wrong|thats wrong|that is wrong|no that's wrong)[\s!.]*$",
    re.IGNORECASE,
)
_ABOUT_ME = re.compile(
    r"^(?:are you (?:a )?(?:bot|human|robot|real|an? ai|chatgpt)|who (?:made|built|created) you|"
    r"what(?:'s| is) your name)[\s?!.]*$",
    re.IGNORECASE,
)
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
    if _ACKNOWLEDGED.match(message):
        return "Anything else you'd like to know about the article?"
    if _HELP.match(message):
        return HELP_TEXT
    if _GOODBYE.match(message):
        return "Goodbye!"
    example = f'Ask me anything about "{article.title}".'
    if _HOW_ARE_YOU.match(message):
        return f"I'm doing well, thanks! {example}"
    if _LAUGH.match(message):
        return f"Glad that amused you. {example}"
    if _INSULT.match(message):
        return (
            "Sorry that wasn't helpful. I only answer from the article, and say so when it "
            "doesn't: try asking about a name, a date or a number it mentions."
        )
    if _ABOUT_ME.match(message):
        return (
            "I'm articlebot, a program that answers questions about news articles from their "
            f"text alone, quoting the sentence I used. {example}"
        )
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
