"""The evidence the fitted models weigh: each measure on small sentences, a row per case."""

from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.composer.abstention_features import WINDOW_FACTS, names_unknown, window_facts
from bot.composer.candidates import Candidate
from bot.composer.eligibility import candidate_spans
from bot.composer.english import zipf_frequency
from bot.composer.extraction import counts_asked_thing, has_typed_phrase
from bot.composer.matching import found_stems
from bot.composer.noun_kinds import compound_of, is_a_kind_of
from bot.composer.person_words import PERSON_STEMS
from bot.composer.questions import analyze_question
from bot.composer.reader import ArticleReader, reader_for
from bot.composer.selection import pool_sentences, select_answer
from bot.composer.sentence_features import SENTENCE_FEATURES, sentence_features
from bot.composer.span_features import (
    SPAN_FEATURES,
    asked_quantity,
    asked_unit,
    asks_a_length,
    asks_for_several,
    span_features,
)
from bot.composer.understanding import search_query, understand
from bot.composer.weights import default_weights
from bot.knowledge import Knowledge
from retrieval import article_from_text
from retrieval.analysis import stem
from tests.conftest import reader_of

STORY = article_from_text(
    "Harbour summit set for June\n\n"
    "The mayor will attend the G7 summit in Rome on June 11. "
    "The harbour summit will be held on June 20 in Porto, officials said.\n\n"
    "Ana Ruiz, 52, the harbour director, did not attend, and left after 40 minutes. "
    "Officials said half the port was idle. "
    "The larger port was never sold, and the smaller port was sold for $2 million. "
    "Nine ships docked, two still waiting; 71 of the 150 berths were full."
)
KNOWLEDGE = Knowledge.from_article(STORY)
READER = reader_for(KNOWLEDGE)


def _sentence_row(question_text: str, passage_fragment: str) -> dict[str, float]:
    question = analyze_question(question_text)
    pool = pool_sentences(question, search_query(question), READER)
    weights = READER.stem_weights(question.content_stems)
    unknown = [False] * len(pool)
    rows = sentence_features(question, pool, READER, weights, typed=unknown, counted=unknown)
    passages = KNOWLEDGE.retriever.passages
    for item, row in zip(pool, rows, strict=True):
        if passage_fragment in passages[item.index].text:
            return dict(zip(SENTENCE_FEATURES, row, strict=True))
    raise AssertionError(f"{passage_fragment!r} not pooled")


def _feature_of(reader: ArticleReader, question: str, fragment: str, feature: str) -> float:
    """One sentence feature of the pooled sentence holding ``fragment``."""
    analysis = analyze_question(question)
    pool = pool_sentences(analysis, search_query(analysis), reader)
    weights = reader.stem_weights(analysis.content_stems)
    unknown = [False] * len(pool)
    rows = sentence_features(analysis, pool, reader, weights, typed=unknown, counted=unknown)
    passages = reader.knowledge.retriever.passages
    (row,) = [
        row for item, row in zip(pool, rows, strict=True) if fragment in passages[item.index].text
    ]
    return row[SENTENCE_FEATURES.index(feature)]


PRONOUN_READER = reader_of(
    "Cyclist killed\n\n"
    "A car struck the cyclist Roisin Galvin on a roundabout in Drumcondra. "
    "She died in hospital two days later. "
    "It was the third crash there this year. "
    "Galvin's brother said the family was devastated."
)


@pytest.mark.parametrize(
    ("question", "fragment", "stands_for"),
    [
        # a pronoun opening a sentence after the one that names the question's person
        ("when did Galvin die?", "She died", True),
        # not when the sentence names the person itself, nor after a sentence that does not
        ("when did Galvin die?", "Galvin's brother", False),
        ("when did Galvin die?", "It was the third", False),
        # a question that names no one may ask about someone by a noun for people
        ("when did the cyclist die?", "She died", True),
        # but not about a thing
        ("when was the roundabout built?", "She died", False),
    ],
)
def test_a_pronoun_standing_for_a_name_of_the_question(
    question: str, fragment: str, stands_for: bool
) -> None:
    assert _feature_of(PRONOUN_READER, question, fragment, "pronoun_for_name") == float(stands_for)


AGES_READER = reader_of(
    "Election result\n\n"
    "The Civic Alliance, led by Prime Minister Tomas Brenko, took 52 seats. "
    "Brenko, 63, conceded defeat on Monday. "
    "Adela Marsh (47) will form a government."
)


@pytest.mark.parametrize(
    ("question", "fragment", "gives_age"),
    [
        # the age set off after a name the age question says
        ("how old is Tomas Brenko?", "Brenko, 63", True),
        ("how old is Adela Marsh?", "Marsh (47)", True),
        # not the sentence that names the person without an age, nor another person's age
        ("how old is Tomas Brenko?", "Prime Minister", False),
        ("how old is Tomas Brenko?", "Marsh (47)", False),
        # nor for a question that asks no age
        ("how many seats did Brenko win?", "Brenko, 63", False),
    ],
)
def test_an_age_set_off_after_a_name_the_question_says(
    question: str, fragment: str, gives_age: bool
) -> None:
    assert _feature_of(AGES_READER, question, fragment, "age_of_name") == float(gives_age)


GAPS_READER = reader_of(
    "Fire near Jerica\n\n"
    "The cause of the fire was not yet known. "
    "Police were examining a power line that may have caused the fire. "
    "The company declined to name the supplier of the fire alarms. "
    "It is unclear when the road will reopen. "
    "The road to Jerica will reopen when the fire is out, officials said. "
    "Officials did not say who said the fire was out."
)


@pytest.mark.parametrize(
    ("question", "fragment", "open_"),
    [
        # a sentence that says something is not known or not told
        ("what caused the fire?", "not yet known", True),
        ("who supplied the fire alarms?", "declined to name", True),
        ("when will the road reopen?", "It is unclear", True),
        ("who said the fire was out?", "did not say", True),
        # ... and ones that tell it ("said" is no gap, nor "when" a question left open)
        ("what caused the fire?", "power line", False),
        ("when will the road reopen?", "officials said", False),
    ],
)
def test_a_sentence_that_says_it_is_not_known_is_marked(
    question: str, fragment: str, open_: bool
) -> None:
    assert _feature_of(GAPS_READER, question, fragment, "leaves_open") == float(open_)


@pytest.mark.parametrize(
    ("question", "fragment", "feature", "low", "high"),
    [
        # "the G7 summit" is another summit: its words count for the cosine, not coverage.
        ("when is the summit?", "G7 summit", "qualified_away", 0.3, 1.0),
        ("when is the summit?", "G7 summit", "coverage", 0.0, 0.0),
        ("when is the harbour summit?", "harbour summit will", "coverage", 1.0, 1.0),
        ("when is the harbour summit?", "harbour summit will", "pairs_adjacent", 1.0, 1.0),
        ("when is the harbour summit?", "harbour summit will", "coverage_rare", 1.0, 1.0),
        ("when is the summit?", "G7 summit", "coverage_rare", 0.0, 0.0),
        ("when is the harbour summit?", "harbour summit will", "bm25", 0.2, 1.0),
        ("who is the harbour director?", "Ana Ruiz", "article_lead", 0.0, 0.0),
        ("who is the harbour director?", "Ana Ruiz", "paragraph_first", 1.0, 1.0),
    ],
)
def test_sentence_measures(
    question: str, fragment: str, feature: str, low: float, high: float
) -> None:
    assert low <= _sentence_row(question, fragment)[feature] <= high


def _spans(question_text: str, reader: ArticleReader = READER) -> dict[str, dict[str, float]]:
    """Each candidate span the question admits in ``reader``'s article, with its features."""
    question = analyze_question(question_text)
    weights = reader.stem_weights(question.content_stems)
    found: dict[str, dict[str, float]] = {}
    for index in range(len(reader.knowledge.retriever.passages)):
        _, candidates = candidate_spans(question, index, reader)
        for candidate in candidates:
            row = span_features(candidate, question, weights, 0.0, True)
            found[candidate.text] = dict(zip(SPAN_FEATURES, row, strict=True))
    return found


@pytest.mark.parametrize(
    ("question", "span", "feature", "value"),
    [
        ("how old is Ana Ruiz?", "52", "kind_match", 1.0),
        ("how much was the smaller port sold for?", "$2 million", "kind_match", 1.0),
        # "per share" asks a price, not a share
        ("how much was the smaller port sold for per share?", "$2 million", "kind_match", 1.0),
        ("how much did it pay for each Ardmore share?", "$2 million", "kind_match", 1.0),
        ("when will the harbour summit be held?", "June 20", "rule_date", 1.0),
        ("when will the harbour summit be held?", "June 20", "question_preposition", 0.0),
        ("in what city will the harbour summit be held?", "Porto", "question_preposition", 1.0),
        ("who is the harbour director?", "Ana Ruiz", "capitalized", 1.0),
        ("which port was never sold?", "larger port", "head_phrase", 1.0),
        ("which port was never sold?", "larger port", "head_name", 0.0),
        # A count is of the thing asked about, said right after it or a few words on.
        ("how many ships docked?", "Nine", "counts_focus", 1.0),
        ("how many ships docked?", "two", "counts_focus", 0.0),
        ("how many berths were full?", "71", "counts_focus", 1.0),
        ("how many berths were full?", "150", "counts_focus", 1.0),
        ("how old is Ana Ruiz?", "52", "counts_focus", 0.0),
        # "71 of the 150 berths": the part and the whole
        ("how many berths were full?", "71", "part_of_whole", 1.0),
        ("how many berths were full?", "71", "whole_of_part", 0.0),
        ("how many berths were full?", "150", "part_of_whole", 0.0),
        ("how many berths were full?", "150", "whole_of_part", 1.0),
        ("how many ships docked?", "Nine", "part_of_whole", 0.0),
        ("how many ships docked?", "Nine", "whole_of_part", 0.0),
        # a word naming a kind of the head noun, by WordNet: ships are vessels, Porto a port
        ("which vessels docked?", "Nine ships", "kind_of_head", 1.0),
        ("which vessels docked?", "berths", "kind_of_head", 0.0),
        ("which port was never sold?", "Porto", "kind_of_head", 1.0),
        ("which port was never sold?", "larger port", "kind_of_head", 0.0),
        # the unit asked for: a month, a decade, or none (a date without the year or the
        # time of day asked for is no candidate at all: test_eligibility's one-year table)
        ("in what month will the harbour summit be held?", "June 20", "unit_fit", 1.0),
        ("in what decade will the harbour summit be held?", "June 20", "unit_fit", -1.0),
        # a date is as specific as it is common: its calendar words are not weighed
        ("when will the harbour summit be held?", "June 20", "commonness", 0.0),
        ("when will the harbour summit be held?", "June 20", "unit_fit", 0.0),
        # the nearest question word in the span's clause: "two still waiting", not across
        # the comma ("two" for "docked")
        ("how many ships are still waiting?", "two", "same_clause", 1.0),
        ("how many ships docked?", "two", "same_clause", 0.0),
        ("how many ships docked?", "Nine ships", "same_clause", 1.0),
        # what a verb acts on follows it, what does it precedes it: the question's own verb,
        # not any of its words ("Rome" follows "summit")
        ("what did the mayor attend?", "G7 summit", "object_after_verb", 1.0),
        ("what did the mayor attend?", "Rome", "object_after_verb", 0.0),
        ("what did Ana Ruiz leave after?", "40 minutes", "object_after_verb", 1.0),
        ("what docked?", "Nine ships", "subject_before_verb", 1.0),
        ("what docked?", "Nine ships", "object_after_verb", 0.0),
        ("what docked?", "two", "subject_before_verb", 0.0),
    ],
)
def test_span_measures(question: str, span: str, feature: str, value: float) -> None:
    assert _spans(question)[span][feature] == value


def test_an_everyday_last_word_is_more_common_than_a_name() -> None:
    port = _spans("which port was never sold?")["larger port"]["commonness"]
    name = _spans("who is the harbour director?")["Ana Ruiz"]["commonness"]
    assert 0.4 < name < port < 0.8  # "ruiz": Zipf 3.2 of 7.7, "port" 4.6


@pytest.mark.parametrize(
    ("word", "head", "kind"),
    [
        ("turbines", "device", True),  # a turbine is a rotary engine, a machine, a device
        ("surgeon", "person", True),
        ("paris", "city", True),  # an instance of a national capital
        ("device", "turbine", False),  # not the other way round
        ("crops", "crop", False),  # no word is a kind of itself
        ("xylophonist", "device", False),  # a word WordNet's common nouns lack
        ("turbines", "xylophonist", False),
    ],
)
def test_a_noun_names_a_kind_of_another(word: str, head: str, kind: bool) -> None:
    assert is_a_kind_of(word, head) is kind


@pytest.mark.parametrize(
    ("word", "head", "compound"),
    [
        ("dockworkers", "workers", True),  # unknown to WordNet: taken as written
        ("wildfire", "fire", True),  # a kind of fire in WordNet
        ("passport", "port", False),  # WordNet knows it: no port
        ("township", "ship", False),
        ("support", "port", False),  # "sup" is too short a word
        ("workers", "workers", False),  # no word before it
    ],
)
def test_a_word_written_as_one_compound_of_the_head(word: str, head: str, compound: bool) -> None:
    assert compound_of(word, stem(head)) is compound


@pytest.mark.parametrize(
    ("word", "low", "high"),
    [
        ("the", 7.5, 8.0),  # the most common English word
        ("presence", 4.0, 5.5),
        ("melatonin", 2.5, 3.5),
        ("guiscard", 0.0, 0.0),  # outside the 50,000 most frequent words
    ],
)
def test_how_common_a_word_is(word: str, low: float, high: float) -> None:
    assert low <= zipf_frequency(word) <= high


def test_a_bare_number_counts_the_noun_past_its_qualifiers() -> None:
    """ "40" of "more than 40 sealed wine casks" counts casks: another thing than cannons."""
    spans = _spans("how many cannons were found?", COUNTS_READER)
    assert spans["40"]["counts_other"] == 1.0
    assert spans["six"]["counts_other"] == 0.0


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("by how much did the bank raise rates?", "percent"),  # a rate, plural or not
        ("by how much did the bank raise the rate?", "percent"),
        ("how many shares did he sell?", "count"),  # shares of stock are counted
        ("how much will it pay per share?", "money"),
        ("how old is she?", "age"),
        # a thing's price: "how much" and a copula before a plural or a determiner
        ("how much were tickets for the final?", "money"),
        ("how much is the house?", "money"),
        ("how much is the company paying?", "money"),
        ("how much are Lyon's cooling measures costing?", "money"),  # any form of "cost"
        ("how much is left?", "amount"),
        ("how much copper does the mine produce?", "amount"),
        # a weight, as "how heavy?" asks
        ("how much does the frog weigh?", "measure"),
        ("how heavy is the frog?", "measure"),
        # a size named by its dimension
        ("what was the temperature at the race?", "measure"),
        ("what is the top speed?", "measure"),
    ],
)
def test_the_quantity_a_number_question_wants(question: str, wanted: str) -> None:
    assert asked_quantity(analyze_question(question)) == wanted


@pytest.mark.parametrize(
    ("question", "length"),
    [
        ("how long is the ship?", True),  # a thing's length ...
        ("how long was the bridge", True),
        ("how long was the strike?", False),  # ... not the time an event lasts
        ("how long is the trial?", False),
        ("how long did the talks take?", False),
        # the thing's noun ends its phrase; a person, or a word that is no noun, is no thing
        ("how long is the Jasna bridge?", True),
        # ... as a future one is
        ("how long will the new runway be?", True),
        ("how long will the strike last?", False),
        ("how long is the new runway", True),
        ("how long were the thieves inside?", False),
        ("how long was he married?", False),
        ("how long is the goal keeper?", False),
        # a noun after a preposition says where the subject was, not what is measured
        ("how long were the divers on site?", False),
        ("how long were the crew at sea?", False),
    ],
)
def test_how_long_asks_a_things_length(question: str, length: bool) -> None:
    assert asks_a_length(question) is length


@pytest.mark.parametrize(
    ("question", "several"),
    [
        ("What are the three sources of law?", True),
        ("Which crops were introduced?", True),
        ("What crop was introduced?", False),
        ("What is the focus of the class?", False),
    ],
)
def test_questions_that_ask_for_several_things(question: str, several: bool) -> None:
    assert asks_for_several(question) is several


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("how much was the smaller port sold for?", "52"),  # an age is not an amount of money
        ("how many ports were sold?", "11"),  # "June 11" is a date, not a count
        ("who will attend the G7 summit?", "G7"),  # the question's own name is not its answer
        ("how old is Ana Ruiz?", "40"),  # "40 minutes" counts minutes: no age
        ("how many directors did not attend?", "40"),  # nor a count of directors
        ("how many ports were sold?", "half"),  # a share is no count
        ("how many ports were idle?", "40 minutes"),  # nor a time
        ("what did the smaller port cost?", "52"),  # an age is no price
    ],
)
def test_candidates_of_the_wrong_kind_are_not_offered(question: str, span: str) -> None:
    assert span not in _spans(question)


RACE_READER = reader_of(
    "Marathon record falls\n\n"
    "Jurors deliberated for four days before finding him guilty. "
    "About 180 millimeters (7 inches) of rain fell on the course on Sunday. "
    "Ibáñez, 31, was third in 2:07:22. "
    "Kiptanui, 29, finished second, well ahead of Spain's Álvaro Ruiz and the pack. "
    "The club's first title in its 46-year history came with a 3-1 win in the final. "
    "The club has received 2.4 million zlotys from the city for its 31 coaches. "
    '"The course was laid out 150 years ago," Kiptanui said.'
)


def _offered(reader: ArticleReader, question_text: str) -> set[str]:
    """The texts of every candidate the question admits, over all of ``reader``'s passages."""
    question = analyze_question(question_text)
    passages = reader.knowledge.retriever.passages
    return {
        candidate.text
        for index in range(len(passages))
        for candidate in candidate_spans(question, index, reader)[1]
    }


@pytest.mark.parametrize(
    ("question", "offered", "not_offered"),
    [
        # A length of time inside a relative date ("four days before ...") is one.
        ("how long did the jurors deliberate?", "four days", None),
        # A conversion in brackets restates the figure before it ...
        ("how much rain fell?", "180 millimeters", "7"),
        ("how much rain fell?", "180", "7 inches"),
        # ... unless the question asks in its unit.
        ("how many inches of rain fell?", "7 inches", None),
        # A finishing time is a length of time, not an age nor a count.
        ("how long did Ibáñez take?", "2:07:22", None),
        ("how old is Ibáñez?", "31", "2"),
        ("how many runners finished?", None, "2:07:22"),
        # An age belongs to the name it is written with.
        ("how old is Kiptanui?", "29", None),
        # a length of time inside a relative date is still no age
        ("how old is Kiptanui?", None, "150 years"),
        ("how old is Álvaro Ruiz?", None, "29"),
        # an amount in any currency is money
        ("how much money has the club received?", "2.4 million zlotys", "31"),
        # "what was the score?" wants a score, not a length of time
        ("what was the score in the final?", "3-1", "46-year"),
    ],
)
def test_quantities_offered(question: str, offered: str | None, not_offered: str | None) -> None:
    spans = _offered(RACE_READER, question)
    assert offered is None or offered in spans
    assert not_offered is None or not_offered not in spans


OBITUARY_READER = reader_of(
    "Inés Calderón, painter of desert skies, dies at 84\n\n"
    "Inés Calderón died on Sunday at her home. She was 84. "
    "Her assistant Lucia Marrero, 46, said the studio would close. "
    "Tomas Brenko spoke next. He was 61. "
    "He said 12 paintings would be sold for $2 million. "
    "The skies were painted in 1968. The studio is 12 metres tall. "
    "The sale took 40 minutes."
)


@pytest.mark.parametrize(
    ("question", "offered", "not_offered"),
    [
        # an age said of a name in the headline's "dies at", or by "she" right after her name
        ("how old was Calderón?", "84", "46"),
        ("how old is Marrero?", "46", "84"),
        # "he" stands for the name just before it, not for anyone the question names
        ("how old is Brenko?", "61", "84"),
        ("how old is Calderón?", "84", "61"),
    ],
)
def test_an_age_is_said_of_the_name_it_follows(
    question: str, offered: str | None, not_offered: str | None
) -> None:
    spans = _offered(OBITUARY_READER, question)
    assert offered is None or offered in spans
    assert not_offered is None or not_offered not in spans


def _text_with(reader: ArticleReader, fragment: str) -> str:
    """The text of the passage of ``reader``'s article that holds ``fragment``."""
    return next(p.text for p in reader.knowledge.retriever.passages if fragment in p.text)


@pytest.mark.parametrize(
    ("question", "fragment", "typed"),
    [
        # a sentence holds an answer of the kind asked for: an age, money, a count
        ("how old was Calderón?", "She was 84", True),
        ("how old was Calderón?", "12 paintings", False),
        ("how much were the paintings sold for?", "12 paintings", True),
        ("how much were the paintings sold for?", "She was 84", False),
        ("how many paintings were sold?", "12 paintings", True),
        # and in the unit asked for: a year for "in what year?", a size for "how tall?"
        ("in what year did Calderón die?", "died on Sunday", False),
        ("in what year did Calderón paint the skies?", "painted in 1968", True),
        ("how tall is the studio?", "12 metres tall", True),
        ("how tall is the studio?", "12 paintings", False),
        # "how much time?" asks a length of time; "how much paint?" an amount, not one
        ("how much time did the sale take?", "took 40 minutes", True),
        ("how much paint did she use?", "took 40 minutes", False),
    ],
)
def test_a_sentence_holds_a_quantity_of_the_kind_asked(
    question: str, fragment: str, typed: bool
) -> None:
    text = _text_with(OBITUARY_READER, fragment)
    assert has_typed_phrase(text, analyze_question(question), OBITUARY_READER) is typed


MEASURES_READER = reader_of(
    "Satellite reaches orbit\n\n"
    "The satellite weighs 1,180 kilograms. It orbits at 540 kilometres. "
    "The ferry sailed at 14 knots. The launch site covers 2.6 hectares. "
    "The fire started on a day of 41 degrees."
)


@pytest.mark.parametrize(
    ("question", "fragment", "typed"),
    [
        # "how heavy?" asks a mass, "how high?" a length, "how fast?" a speed ...
        ("how heavy is the satellite?", "weighs 1,180 kilograms", True),
        ("how heavy is the satellite?", "orbits at 540 kilometres", False),
        ("how high does the satellite orbit?", "orbits at 540 kilometres", True),
        ("how high does the satellite orbit?", "weighs 1,180 kilograms", False),
        ("how fast did the ferry sail?", "sailed at 14 knots", True),
        ("how fast did the ferry sail?", "orbits at 540 kilometres", False),
        # ... and "how big?" any size, but no heat or speed
        ("how big is the launch site?", "covers 2.6 hectares", True),
        ("how big is the launch site?", "orbits at 540 kilometres", True),
        ("how big is the fire?", "a day of 41 degrees", False),
        ("how big is the ferry?", "sailed at 14 knots", False),
        ("how hot was the fire?", "a day of 41 degrees", True),
    ],
)
def test_a_measure_is_of_the_dimension_asked(question: str, fragment: str, typed: bool) -> None:
    text = _text_with(MEASURES_READER, fragment)
    assert has_typed_phrase(text, analyze_question(question), MEASURES_READER) is typed


COUNTS_READER = reader_of(
    "Marathon record falls in Lisbon\n\n"
    "The race drew 31,500 starters and 214 runners were treated. "
    "It was 11 degrees at the start. "
    "The organisers hired 640 employees and 12 buses. "
    "Some 400 volunteers helped. "
    "The city set aside €5 million in emergency aid, with up to €3,000 for each household. "
    "About 1,800 dockworkers walked off the job. "
    "They counted six bronze cannons and more than 40 sealed wine casks."
)


@pytest.mark.parametrize(
    ("question", "span", "counts"),
    [
        # "how many people started?" is counted by the doers of its verb, "starters" (a noun
        # WordNet derives from "start", not one of its person nouns)
        ("how many people started the race?", "31,500", 1.0),
        ("how many people finished the race?", "31,500", 0.0),
        ("how many people started the race?", "12 buses", 0.0),
    ],
)
def test_people_are_counted_by_the_doers_of_the_verb(
    question: str, span: str, counts: float
) -> None:
    features = _spans(question, COUNTS_READER)[span]
    assert (features["counts_focus"], features["counts_other"]) == (counts, 1.0 - counts)


@pytest.mark.parametrize(
    ("question", "span", "counts"),
    [
        # an amount of money or of a thing is of the noun said right after it
        ("how much aid was set aside?", "€5 million", 1.0),
        ("how much aid was set aside?", "€3,000", 0.0),
        # a bare number counts the noun past the words that qualify it
        ("how many cannons were found?", "six", 1.0),
        ("how many cannons were found?", "40", 0.0),
        # a compound of the noun counts it; a noun past the number's verb is not counted
        ("how many workers were hired?", "640 employees", 0.0),
        ("how many workers walked off the job?", "1,800 dockworkers", 1.0),
        ("how many jobs could go?", "1,800 dockworkers", 0.0),
    ],
)
def test_an_amount_is_of_the_noun_after_it(question: str, span: str, counts: float) -> None:
    assert _spans(question, COUNTS_READER)[span]["counts_focus"] == counts


@pytest.mark.parametrize(
    ("question", "fragment", "counts"),
    [
        # "how many people?" is counted by any noun naming people (WordNet's person nouns)
        ("how many people were treated?", "214 runners", True),
        ("how many people helped?", "400 volunteers", True),
        ("how many people were hired?", "640 employees", True),
        ("how many people started?", "11 degrees", False),
        # otherwise the noun asked about itself is counted
        ("how many buses were hired?", "640 employees", True),
        ("how many buses were there?", "11 degrees", False),
        # no count is asked for
        ("how old was the race?", "214 runners", False),
    ],
)
def test_a_sentence_counts_what_is_asked_about(question: str, fragment: str, counts: bool) -> None:
    text = _text_with(COUNTS_READER, fragment)
    analysis = analyze_question(question)
    assert counts_asked_thing(text, analysis, COUNTS_READER) is counts


def test_person_stems_hold_wordnet_people_and_not_things() -> None:
    for word in ("runners", "employees", "voters", "passengers", "residents", "people"):
        assert stem(word) in PERSON_STEMS, word
    for word in ("degrees", "kettles", "computers", "seats", "fans"):
        assert stem(word) not in PERSON_STEMS, word


@pytest.mark.parametrize(
    ("question", "window", "fact"),
    [
        ("how old is the mayor?", "The mayor will attend.", "age_missing"),
        ("who is the harbour director?", "The mayor will attend.", "focus_missing"),
        ("who is the deputy mayor?", "The mayor will attend.", "focus_phrase_missing"),
        ("what was not sold?", "The smaller port was sold.", "negation_added"),
        ("which port went to a non-member?", "The port went to a member.", "negation_added"),
        ("what was sold?", "The port was sold, not leased.", "negation_dropped"),
        ("who had no power?", "The mayor had power.", "negation_added"),
        ("which director voted no besides Ana Ruiz?", "Director Ana Ruiz voted against it.", None),
        ("which port was never sold?", "The port was never sold.", None),
        # a refusal says no to the verb after it: "declined to name" for "why won't he name?"
        ("why won't the mayor name the buyer?", "The mayor declined to name the buyer.", None),
        ("who refused to sell the port?", "The mayor sold the port.", "negation_added"),
        # "smallest" is also a modifier of the focus "port" that the window lacks.
        ("what is the smallest port?", "The largest port was sold.", "opposite_said"),
        # WordNet's antonyms, beyond the hand-written comparatives.
        (
            "when was the vertical line drawn?",
            "The horizontal line was drawn in May.",
            "opposite_said",
        ),
        ("what happened in 1999?", "It happened in 2001.", "number_missing"),
        ("where did Pedro Gil go?", "Ana Ruiz went to Porto.", "names_missing"),
    ],
)
def test_what_an_answers_window_lacks(question: str, window: str, fact: str | None) -> None:
    analysis = analyze_question(question)
    weights = READER.stem_weights(analysis.content_stems)
    values = window_facts(analysis, weights, [window], READER.max_idf)
    facts = dict(zip(WINDOW_FACTS, values, strict=True))
    flagged = {name for name, value in facts.items() if value and name != "rarest_missing"}
    if fact in {"focus_missing", "opposite_said"}:
        flagged.discard("focus_phrase_missing")  # the focus's modifiers are missing too
    assert flagged == ({fact} if fact else set())


def test_a_selection_is_ranked_and_its_probabilities_are_probabilities() -> None:
    question = analyze_question("when will the harbour summit be held?")
    selection = select_answer(question, search_query(question), READER, default_weights())
    scores = [item.score for item in selection.sentences]
    assert scores == sorted(scores, reverse=True)
    assert [span.score for span in selection.spans] == sorted(
        (span.score for span in selection.spans), reverse=True
    )
    assert 0.0 <= selection.probability <= 1.0
    assert 0.0 <= selection.passage_probability <= 1.0
    best: Candidate = selection.spans[0].candidate
    assert best.text == "June 20"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_question_yields_finite_features(text: str) -> None:
    question = analyze_question(text or "?")
    weights = READER.stem_weights(question.content_stems)
    facts = window_facts(question, weights, [text, STORY.passages[1].text], READER.max_idf)
    assert len(facts) == len(WINDOW_FACTS)
    assert all(0.0 <= value <= 1.0 for value in facts)
    selection = select_answer(question, search_query(question), READER, default_weights())
    assert 0.0 <= selection.probability <= 1.0


def test_a_name_typed_without_its_accents_still_matches() -> None:
    """ "who is carlos brandao" asks about "Carlos Brandão": stems fold accents, as the index."""
    reader = reader_of("Flood\n\nCarlos Brandão, the regional civil protection commander, said so.")
    question = understand("who is carlos brandao", reader)
    assert question.target == "Carlos Brandao"
    passages = reader.knowledge.retriever.passages
    assert found_stems(question, passages[-1].text) == question.content_stems


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("how far is st brendan's from the harbour?", "Brendan's"),
        ("what did the nurses' union say?", None),
    ],
)
def test_a_name_the_article_writes_only_as_an_owner_is_a_name(
    question: str, name: str | None
) -> None:
    """ "St. Brendan's" is the only way the article writes the hospital: "brendan" is still
    a word of the article, and one it only ever capitalizes, so the question names it."""
    reader = reader_of(
        "Hospitals merge\n\nBirths will move to St. Brendan's, across the harbour. "
        "The nurses' union objected."
    )
    written = [token.text for token in understand(question, reader).content]
    capitalized = [word for word in written if word[:1].isupper()]
    assert capitalized == ([name] if name else [])


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("in what year did the siege start?", "year"),
        # the plural asks the same unit: "during what years?" wants years, not a weekday
        ("during what years did he take the money?", "year"),
        ("which months are the driest?", "month"),
        ("what time did the bank open?", "time"),
        ("who took the money?", None),
    ],
)
def test_the_unit_a_question_asks(question: str, unit: str | None) -> None:
    assert asked_unit(question) == unit


def test_a_size_is_asked_in_a_unit_of_size() -> None:
    """ "how deep?" wants "38 metres", not a count nor a bare number: the unit fits, and
    the others are not admitted (a count is no measure)."""
    reader = reader_of("Wreck found\n\nThe wreck lies 38 metres down, and 12 divers saw it.")
    spans = _spans("how deep is the wreck?", reader)
    assert spans["38 metres"]["unit_fit"] == 1.0
    assert "12" not in spans
    assert "12 divers" not in spans


CRANES_READER = reader_of(
    "Port idle\n\n"
    "Four of the port's 22 cranes were broken, and 40 of them were old. "
    "Six of its workers left."
)


@pytest.mark.parametrize(
    ("span", "part", "whole", "counts_cranes"),
    [
        # the part counts what the whole counts, past a possessive
        ("Four", 1.0, 0.0, 1.0),
        ("22", 0.0, 1.0, 1.0),
        ("22 cranes", 0.0, 1.0, 1.0),
        # "of them", "of its workers": a part of no number said
        ("40", 0.0, 0.0, 0.0),
        ("Six", 0.0, 0.0, 0.0),
    ],
)
def test_a_part_and_its_whole(span: str, part: float, whole: float, counts_cranes: float) -> None:
    features = _spans("how many cranes were broken?", CRANES_READER)[span]
    assert (features["part_of_whole"], features["whole_of_part"]) == (part, whole)
    assert features["counts_focus"] == counts_cranes


WRECK_READER = reader_of(
    "Wreck found\n\n"
    "Divers brought up 118 silver coins and 40 nails. "
    "About 3,200 residents left their homes, and 12 member states signed. "
    "A 90-berth marina will open for 2,000 sailors in six towns. "
    "The route runs 40 kilometres."
)


@pytest.mark.parametrize(
    ("question", "span", "counts_other"),
    [
        # the counted phrase runs to its noun, past a modifier
        ("how many coins were brought up?", "118 silver coins", 0.0),
        ("how many states signed?", "12 member states", 0.0),
        # a bare number counts the noun after it ...
        ("how many coins were brought up?", "118", 0.0),
        ("how many coins were brought up?", "40", 1.0),
        ("how many states signed?", "12", 0.0),
        # ... and people are counted by any word for people
        ("how many people left their homes?", "3,200", 0.0),
        ("how many people left their homes?", "3,200 residents", 0.0),
        ("how many people left their homes?", "40 nails", 1.0),
        # a number joined to its noun counts that ("a 90-berth marina")
        ("how many berths will the marina have?", "90-berth", 0.0),
        # the nearer number counts the noun: "2,000 sailors in six towns"
        ("in how many towns will it open?", "2,000", 1.0),
        ("in how many towns will it open?", "six", 0.0),
        # a unit spelt the other way counts the same thing
        ("how many kilometers does the route run?", "40 kilometres", 0.0),
    ],
)
def test_a_number_counts_the_noun_it_stands_before(
    question: str, span: str, counts_other: float
) -> None:
    assert _spans(question, WRECK_READER)[span]["counts_other"] == counts_other


@pytest.mark.parametrize(
    ("question", "text", "noun", "said"),
    [
        # A number that counts a thing still says the thing.
        ("how many employees does Brenlow have?", "Brenlow has 640 employees.", "employees", True),
        ("how many workers walked out?", "About 1,800 workers walked out.", "workers", True),
        # So does one that measures it.
        ("how much was the bonus?", "He earned a 25,000-euro bonus.", "bonus", True),
        ("how big is the site?", "The 2.6-acre site is empty.", "site", True),
        # A number that names one ("the 2020 election", "the 7th fleet") is another one.
        ("when was the election?", "He lost the 2020 election.", "election", False),
        ("where is the fleet?", "The 7th fleet sailed on.", "fleet", False),
        ("when is the summit?", "The G7 summit opens.", "summit", False),
        ("when was the boom?", "The 1990s boom ended.", "boom", False),
        # So does the opposite of the question's own modifier: the men's final is another.
        ("who won the women's final?", "Iglesias won the men's final.", "final", False),
        ("which is the smallest port?", "The largest port was sold.", "port", False),
        ("who won the women's final?", "Sato won the women's final.", "final", True),
    ],
)
def test_which_modifiers_qualify_a_noun_away(
    question: str, text: str, noun: str, said: bool
) -> None:
    assert (stem(noun) in found_stems(analyze_question(question), text)) is said


@pytest.mark.parametrize(
    ("question", "text", "word", "said"),
    [
        # An irregular form says its word: "won" is "win", "sold" is "sell", "men" is "man".
        ("who won the final?", "Sato beat Varga to win the final.", "won", True),
        (
            "how many kettles does Homevane sell?",
            "Homevane sold 1.3 million kettles.",
            "sell",
            True,
        ),
        ("where did the man go?", "Two men went home.", "man", True),
        # A noun that is mostly a noun is no form of a verb: "wound" is not "wind".
        ("where did the wind blow?", "The wound healed.", "wind", False),
        # A British spelling says the American one's word, and the other way round.
        (
            "who heads the defense ministry?",
            "The defence ministry is led by Ana Ruiz.",
            "defense",
            True,
        ),
        ("where is the theatre?", "The theater is on Main Street.", "theatre", True),
        # A word of the same family says its word: "employees" ~ "employ", "acquittal" ~
        # "acquitted", "decision" ~ "decide"; a looser link of WordNet's does not.
        (
            "how many people does Brenlow employ?",
            "Brenlow has 640 employees.",
            "employ",
            True,
        ),
        ("was Pike acquitted?", "The acquittal of Pike surprised few.", "acquitted", True),
        ("when did the court decide?", "The decision came on Monday.", "decide", True),
        ("how much did it sell for?", "The sale was announced on Monday.", "sell", False),
        # ... but dying is said by the death, a family WordNet's endings miss
        ("what did she die of?", "Her death was caused by pneumonia.", "die", True),
        # "reportedly" hedges a claim: it says no "reported" (unless the question says it)
        ("who reported the offer?", "Biden reportedly offered it.", "reported", False),
        ("who reportedly offered it?", "Biden reportedly offered it.", "reportedly", True),
    ],
)
def test_an_irregular_form_says_its_word(question: str, text: str, word: str, said: bool) -> None:
    assert (stem(word) in found_stems(analyze_question(question), text)) is said


_PEOPLE = reader_of(
    "Rates rise\n\n"
    "Governor Verónica Ibáñez, 58, announced the rise. "
    "Álvaro Peña, a former official, voted against it. "
    "James Clerk Maxwell's equations were cited. "
    "Woodrow Wilson's inquiry was mentioned. "
    "Joe Biden met Vladimir Putin."
)


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        # first name of one person and surname of another: nobody the article names
        ("how old is Álvaro Ibáñez?", True),
        ("how old is Verónica Ibáñez?", False),
        ("how old is verónica ibáñez?", False),  # typed in lower case, capitals restored
        ("what did James Maxwell write?", False),  # a middle name between
        ("what was Woodrow Wilson's inquiry?", False),  # possessive in the article
        ("what did Governor Peña say?", False),  # a title is no first name
        ("what did Zed Peña say?", True),  # "Zed" is no word of the article
        # a follow-up's "Biden and Putin" as "Biden Putin": a surname begins no full name
        ("where did Biden Putin meet?", False),
    ],
)
def test_a_full_name_must_be_the_articles(question: str, unknown: bool) -> None:
    assert names_unknown(understand(question, _PEOPLE), _PEOPLE) is unknown


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Woodrow Wilson and", "Verónica Ibáñez or", "James Maxwell, the"]),
        min_size=20,
        max_size=200,
    )
)
def test_names_in_a_long_question_cost_a_few_searches(words: list[str]) -> None:
    """Each full name checked costs a search: a question of many names checks a few."""
    retriever = type(_PEOPLE.knowledge.retriever)
    with mock.patch.object(retriever, "search", autospec=True, side_effect=retriever.search) as spy:
        unknown = names_unknown(understand(" ".join(words) + "?", _PEOPLE), _PEOPLE)
    assert isinstance(unknown, bool)
    assert spy.call_count <= 4


QUOTE_READER = reader_of(
    "Port strike enters second week\n\n"
    "Transport Minister Ana Ruiz visited the port on Monday. "
    'Company spokeswoman Marta Lis said the pay offer was "fair and final." '
    '"We will not give in to pressure from either side," Ruiz said.\n\n'
    "Governor Eva Kim spoke to reporters on Tuesday. "
    '"Prices rose too fast this year for families," she said.'
)


@pytest.mark.parametrize(
    ("question", "offered", "not_offered"),
    [
        ("what did the spokeswoman call the offer?", "fair and final", None),
        # The minister's words: named with her title in another sentence, not the spokeswoman's.
        (
            "what did the transport minister say?",
            "We will not give in to pressure from either side",
            "fair and final",
        ),
        # "she said" after a sentence that names the governor.
        ("what did the governor say?", "Prices rose too fast this year for families", None),
        ("what did the governor say?", None, "fair and final"),
        ("what did the mayor say?", None, "Prices rose too fast this year for families"),
        ("what did the mayor say?", None, "We will not give in to pressure from either side"),
        # another minister's words are no prime minister's; a nationality and the body
        # served tell no role apart ("the Spanish transport minister")
        (
            "what did the prime minister say?",
            None,
            "We will not give in to pressure from either side",
        ),
        (
            "what did the Spanish transport minister say?",
            "We will not give in to pressure from either side",
            None,
        ),
        ("what did the company spokeswoman call the offer?", "fair and final", None),
    ],
)
def test_quotes_are_the_speakers(
    question: str, offered: str | None, not_offered: str | None
) -> None:
    _offers_quote(QUOTE_READER, question, offered, not_offered)


TERMS_READER = reader_of(
    "Festival awards\n\n"
    'The best director award went to Hyun-woo Baek for "The Ninth Floor" on Saturday. '
    'The forecasters had set the danger at level 3 of 5, "considerable", that morning. '
    'Students carried banners reading "Learning, not loans" to the hall. '
    '"We are proud of this film," Baek said.'
)


@pytest.mark.parametrize(
    ("question", "offered", "not_offered"),
    [
        # a title or a term in quotes, in a sentence no verb of speech carries, is no
        # one's words
        ("what did Baek say?", "We are proud of this film", "The Ninth Floor"),
        ("what did the forecasters say?", None, "considerable"),
        # words given as someone's by another verb are theirs
        ("what did the banners say?", "Learning, not loans", None),
    ],
)
def test_quoted_titles_and_terms_are_no_ones_words(
    question: str, offered: str | None, not_offered: str | None
) -> None:
    _offers_quote(TERMS_READER, question, offered, not_offered)


def _offers_quote(
    reader: ArticleReader, question: str, offered: str | None, not_offered: str | None
) -> None:
    """The quotes offered for ``question`` hold ``offered`` and not ``not_offered``."""
    quotes = _offered(reader, question)
    assert offered is None or offered in quotes
    assert not_offered is None or not_offered not in quotes


NAMED_SPEAKERS = reader_of(
    "Port talks resume\n\n"
    'Ruiz\'s deputy Tomas Brek confirmed Ruiz and Lis had met, adding: "a deal is close." '
    'Ruiz said she was "quietly hopeful" about Lis\'s call for new talks. '
    'Lena Marsh of Bike Harwood called the talks "a fair start."'
)


@pytest.mark.parametrize(
    ("question", "offered", "not_offered"),
    [
        # the verb of speech says who speaks: those it speaks of are not the speaker
        ("what did Brek say?", "a deal is close", None),
        ("what did Ruiz say?", "quietly hopeful", "a deal is close"),
        # nor is the owner of a noun that only looks like a verb of speech ("Lis's call")
        ("what did Lis say?", None, "quietly hopeful"),
        # the speaker's name with the body she speaks for
        ("what did Lena Marsh call the talks?", "a fair start", None),
    ],
)
def test_the_verb_of_speech_says_whose_words_a_quote_is(
    question: str, offered: str | None, not_offered: str | None
) -> None:
    _offers_quote(NAMED_SPEAKERS, question, offered, not_offered)


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("what did the transport minister say?", ("transport", "minister")),
        ("What did Judge Whitcombe say after the verdict?", ("judge", "whitcombe")),
        ("what has the company said about it?", ("company",)),
        ("what did Kehoe call the study?", ("kehoe",)),
        ("what does the study seek to answer?", ()),
        ("when did the mayor say it?", ()),
    ],
)
def test_the_speaker_a_quote_question_asks_about(question: str, speaker: tuple[str, ...]) -> None:
    assert analyze_question(question).speaker == tuple(stem(word) for word in speaker)
