"""Common English opposites, for noticing a question that asks the reverse of what is said.

"Which is the smallest port?" against "the largest port was sold" is not
answered; neither is "when did the strike end?" against "the strike began on
Monday". The pairs are general English (comparatives, directions, beginnings and
ends, gains and losses), matched by stem, each way round.
"""

from __future__ import annotations

from retrieval.analysis import stem

__all__ = ["OPPOSITES"]

_PAIRS = """
most least, more less, best worst, better worse, first last, largest smallest,
larger smaller, large small, big small, biggest smallest, high low, higher lower,
highest lowest, long short, longer shorter, early late, earlier later, earliest latest,
old new, older newer, oldest newest, young old, before after, begin end, start finish,
increase decrease, rise fall, gain loss, win lose, won lost, success failure,
succeed fail, accept reject, allow forbid, agree disagree, include exclude, open close,
buy sell, give take, import export, maximum minimum, major minor, inner outer,
internal external, north south, east west, upper lower, top bottom, front back,
positive negative, strong weak, stronger weaker, true false,
right wrong, possible impossible, legal illegal, public private, same different,
similar different, always never, all none, many few, more fewer, cheap expensive,
rich poor, hot cold, heavy light, fast slow, faster slower, wide narrow, deep shallow,
ancient modern, past future, ally enemy, support oppose, attack defend, victory defeat,
war peace, birth death, born died, arrive depart, enter leave, import export,
above below, over under, inside outside, direct indirect, natural artificial,
male female, men women, husband wife, father mother, son daughter, king queen,
western eastern, northern southern
"""


def _opposites() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for pair in _PAIRS.replace("\n", " ").split(","):
        words = pair.split()
        if len(words) != 2:
            continue
        first, second = (stem(word) for word in words)
        table.setdefault(first, set()).add(second)
        table.setdefault(second, set()).add(first)
    return {word: frozenset(others) for word, others in table.items()}


OPPOSITES: dict[str, frozenset[str]] = _opposites()
