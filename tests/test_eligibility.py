"""Which candidates a question admits: a row per rule of bot/composer/eligibility.py."""

from __future__ import annotations

import pytest

from bot.composer.eligibility import candidate_spans
from bot.composer.extraction import extract_candidates
from bot.composer.questions import analyze_question
from bot.composer.reader import ArticleReader, reader_for
from bot.knowledge import Knowledge
from retrieval import article_from_text
from tests.conftest import reader_of

STORY = article_from_text(
    "Port deal signed\n\n"
    "The Russian envoy Ivan Petrov met Mayor Ana Ruiz in Porto on April 13. "
    "Ana Ruiz, 52, said the port cost $2 million, took two years to build and employs 300 "
    "workers, 40% of them women. "
    "The deal failed because the bank withdrew, officials said. "
    "The council voted 5-2 for a 14-story tower with 312 apartments, built by the developer "
    "Kestrel Homes. Thousands of visitors came. Ivan Petrov named a mediator, retired "
    "judge Stan Bak, on Friday. The port of Porto was sold for 2.5 million euros. "
    "The 68-metre ferry sailed at 20 knots. "
    "Petrov finished 0.41 seconds behind Ruiz, and leads the standings on 60."
)
READER = reader_for(Knowledge.from_article(STORY))


def _admitted(question_text: str, reader: ArticleReader = READER) -> set[str]:
    """The texts of the candidates the question admits in ``reader``'s article."""
    question = analyze_question(question_text)
    found: set[str] = set()
    for index in range(len(reader.knowledge.retriever.passages)):
        _, candidates = candidate_spans(question, index, reader)
        found |= {candidate.text for candidate in candidates}
    return found


def _assert_admits(
    question: str, reader: ArticleReader, admitted: str | None, kept_out: str | None
) -> None:
    """``admitted`` is among the question's candidates; ``kept_out`` is proposed by an
    extractor (so a rule, not a missing extractor, keeps it out) and not admitted."""
    spans = _admitted(question, reader)
    if kept_out is not None:
        assert kept_out in _proposed(question, reader)
        assert kept_out not in spans
    assert admitted is None or admitted in spans


def _proposed(question_text: str, reader: ArticleReader) -> set[str]:
    """What the extractors propose for the question, before the rules admit any."""
    question = analyze_question(question_text)
    return {
        candidate.text
        for index in range(len(reader.knowledge.retriever.passages))
        for candidate in extract_candidates(
            candidate_spans(question, index, reader)[0], question, reader, 0
        )
    }


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # the kind asked for
        ("when did Petrov meet Ruiz?", "April 13", "Porto"),
        ("where did Petrov meet Ruiz?", "Porto", "April 13"),
        ("who met Ana Ruiz?", "Ivan Petrov", "April 13"),
        # a name of the kind asked for: no nationality for who, no person for where
        ("who met Ana Ruiz?", "Ivan Petrov", "Russian"),
        ("where did Ivan Petrov go?", "Porto", "Ana Ruiz"),
        # never the question's own name
        ("who met Ivan Petrov?", "Ana Ruiz", "Ivan Petrov"),
        # quantities of the kind asked for
        ("how many workers does the port employ?", "300 workers", "13"),
        ("how many workers does the port employ?", "300 workers", "$2 million"),
        # money in words is no count either, nor its number alone
        ("how many workers does the port employ?", "300 workers", "2.5 million euros"),
        ("how many workers does the port employ?", "300 workers", "2.5 million"),
        # a measure in another dimension than the one asked
        ("how fast did the ferry sail?", "20 knots", "68-metre"),
        # a lead may be in time, but in a unit all the same
        ("how far behind Ruiz did Petrov finish?", "0.41 seconds", "60"),
        ("how many workers does the port employ?", "300 workers", "52"),
        ("how much did the port cost?", "$2 million", "300"),
        ("how old is Ana Ruiz?", "52", "300"),
        # someone's age answers only "how old"
        ("how long did the port take to build?", "two years", "52"),
        # a count is neither a size in another unit nor a vote
        ("how many apartments will the tower have?", "312 apartments", "14-story"),
        ("how many apartments will the tower have?", "312 apartments", "5-2"),
        # a bare order of magnitude is not the amount when its counted noun follows
        ("how many visitors came?", "Thousands of visitors", "Thousands"),
        ("how many stories will the tower have?", "14-story", "5-2"),
        # who holds a role: the name set beside it, not another name of the sentence,
        # nor a name in a sentence that never says the role ("Ana Ruiz, 52, said")
        ("who is the mayor?", "Mayor Ana Ruiz", "Ivan Petrov"),
        ("who is the mayor?", "Mayor Ana Ruiz", "Ana Ruiz"),
        # past another role of the holder's set off by a comma
        ("who is the mediator?", "Stan Bak", "Ivan Petrov"),
        # the name itself, not a description that ends in it
        ("who built the tower?", "Kestrel Homes", "the developer Kestrel Homes"),
        # a clause for why
        ("why did the deal fail?", "because the bank withdrew", "The deal"),
    ],
)
def test_a_question_admits_only_answers_of_its_kind(
    question: str, admitted: str, kept_out: str
) -> None:
    spans = _admitted(question)
    assert admitted in spans
    assert kept_out not in spans


ELECTION_READER = reader_of(
    "Vote count\n\n"
    "Unity won the election on Sunday. The Alliance took 52 seats, down from 64 in the last "
    "election in 2021. The deal was signed at 4:15 a.m., ending talks that dragged on since "
    "the previous contract expired in June 2023."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # the date of an earlier one of the thing asked about answers only about that one
        ("when was the election?", "Sunday", "2021"),
        ("when was the last election?", "2021", None),
        ("when was the previous election held?", "2021", None),
        ("when was the old election?", "2021", None),
        # ... of another earlier thing too
        ("when was the deal signed?", "4:15 a.m.", "June 2023"),
    ],
)
def test_the_date_of_an_earlier_one_answers_only_about_it(
    question: str, admitted: str, kept_out: str | None
) -> None:
    _assert_admits(question, ELECTION_READER, admitted, kept_out)


FINAL_READER = reader_of(
    "Tennis final\n\n"
    "In the men's final at Darling Arena, Argentina's Tomas Ig beat Noah Fair in 74 minutes. "
    "It was the longest final in the tournament's 46-year history. "
    "The evacuation of the stands, a five-hour evacuation, followed. The arena lies 3 "
    "kilometres north of the city. Ig earned a 25,000-euro bonus and a 2,000-euro voucher. "
    "The 22-year-old Ig has led the rankings for three years."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a place's possessive before a name says where someone is from, not where it was
        ("where was the final played?", "Darling Arena", "Argentina's"),
        ("where is Tomas Ig from?", "Argentina's", None),
        # ... and then it is the one answer the sentence gives
        ("where is Ig from?", "Argentina's", "Darling Arena"),
        # a distance before a compass point says where, not how big
        ("how big was the crowd at Darling Arena?", None, "3 kilometres"),
        # a length of time before a noun measures that noun
        ("how long did the final last?", "74 minutes", "46-year"),
        ("how long did the evacuation take?", "five-hour", None),
        # an age is no length of time
        ("how long has Ig led the rankings?", "three years", "22-year-old"),
        # ... and so does an amount of money joined to its currency
        ("how big was Ig's bonus?", "25,000-euro", "2,000-euro"),
        ("how much did the evacuation cost?", None, "2,000-euro"),
    ],
)
def test_a_possessive_or_a_size_is_said_of_the_noun_it_stands_before(
    question: str, admitted: str, kept_out: str | None
) -> None:
    _assert_admits(question, FINAL_READER, admitted, kept_out)


KIN_READER = reader_of(
    "Minister quits\n\n"
    "Portugal's health minister, Teresa Albo, resigned after a paper reported that a firm "
    "part-owned by her husband had won contracts without a public tender. The paper said "
    "Albo's husband, the engineer Henri Vala, held a stake. Albo thanked her staff."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a role set off beside the person asked about is theirs, not their kin's
        ("who is Teresa Albo's husband?", "Henri Vala", "Portugal's health minister"),
        # a sentence that says no kin names none ("Albo thanked her staff")
        ("who is Albo's husband?", None, "staff"),
        # who a relative is asks a name: no noun naming no one ("tender")
        ("who is Teresa Albo's husband?", "Henri Vala", "public tender"),
    ],
)
def test_a_kin_question_gets_the_kin(question: str, admitted: str | None, kept_out: str) -> None:
    _assert_admits(question, KIN_READER, admitted, kept_out)


ROCKET_READER = reader_of(
    "Launch\n\n"
    "A satellite lifted off from the Guiana Space Centre on a rocket made by the French "
    "start-up Arcturus Launch, its operator, Norvane Space, said."
)


def test_the_name_of_a_doer_of_the_questions_verb_is_that_doer() -> None:
    question = analyze_question("who made the rocket?")
    _, found = candidate_spans(question, 1, ROCKET_READER)
    rules = {candidate.text: candidate.rule for candidate in found}
    # a space centre is a place, no maker; the start-up's name keeps the doer's rule
    assert "Guiana Space Centre" not in rules
    assert rules["Arcturus Launch"] == "agent:passive"


FLOOD_READER = reader_of(
    "Flood\n\nThe Mondego river burst its banks and flooded Coimbra's lower town on Monday."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a body of water asked for is no town and no city
        ("which river flooded?", "Mondego", "Coimbra's lower town"),
        ("which river flooded?", "Mondego", "Coimbra's"),
        # a town asked for still is
        ("which town was flooded?", "Coimbra's", None),
    ],
)
def test_a_body_of_water_is_no_place_on_land(
    question: str, admitted: str, kept_out: str | None
) -> None:
    _assert_admits(question, FLOOD_READER, admitted, kept_out)


MUSEUM_READER = reader_of(
    "Museum raid\n\n"
    "Thieves robbed the Valsenne Museum on Sunday. Four of its 22 cameras had failed, and "
    "two art museums nearby were closed."
)


SIZES_READER = reader_of(
    "Ferry aground\n\n"
    "Divers found a gash about 8 metres long in the hull. The Kornat, a ferry 68 metres long, "
    "was refloated."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a size after a noun measures that noun, or a kind of it (a ferry is a vessel)
        ("how long is the vessel?", "68 metres", "8 metres"),
        ("how wide is the gash?", "8 metres", "68 metres"),
    ],
)
def test_a_size_after_a_noun_is_that_nouns(
    question: str, admitted: str, kept_out: str | None
) -> None:
    _assert_admits(question, SIZES_READER, admitted, kept_out)


RESCUE_READER = reader_of(
    "Ferry aground\n\n"
    "Passengers were taken off by the company's sister ship, the Kornat Wind, at 8:15 a.m."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a description ending on the asked noun gives way to the name set off after it
        ("which ship took the passengers off?", "Kornat Wind", "company's sister ship"),
        # a question without that head noun keeps the description
        ("what took the passengers off?", "company's sister ship", None),
    ],
)
def test_a_name_set_off_after_its_description_answers_which(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(question, RESCUE_READER, admitted, kept_out)


SHIP_READER = reader_of(
    "Wreck found\n\n"
    "The ship, identified as the Zwarte Valk, lies at a depth of 38 metres. "
    "The records do not name the ship's captain. In 1724 the brewery changed its name. "
    "Her son, Joaquín Arancibia, runs a bookshop, Libros del Puerto, in the port."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a thing's own name is a proper name, as a person's is
        ("what is the ship's name?", "Zwarte Valk", "ship's captain"),
        # a year asked about a name is a year
        ("in what year did the brewery change its name?", "1724", None),
        # the name of someone's thing is not that someone's own name
        ("what is the name of Joaquín's bookshop?", "Libros del Puerto", "Joaquín Arancibia"),
    ],
)
def test_a_things_own_name_is_a_proper_name(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(question, SHIP_READER, admitted, kept_out)


GAP_READER = reader_of(
    "Minister quits\n\n"
    "She resigned on Monday, four days after a paper reported it. She had held the post "
    "for 19 months. The jury deliberated for two days before finding him guilty. "
    "Firefighters fought the flames for nearly five hours before bringing them under control. "
    "The firm has 15 working days to appeal."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a length before "after" dates one event from another: no length of either
        ("how long had she held the post?", "19 months", "four days"),
        # a word between a number and its unit of time leaves a length: "15 working days"
        ("how long does the firm have to appeal?", "15 working days", None),
        # unless the gap is asked, or "for" makes it a length
        ("how long after the report did she resign?", "four days", None),
        ("how long did the jury deliberate?", "two days", None),
        # a word of estimate between "for" and the length leaves it a length
        ("how long did it take to bring the flames under control?", "five hours", None),
    ],
)
def test_a_gap_between_events_is_no_length_of_either(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(question, GAP_READER, admitted, kept_out)


AGES_READER = reader_of(
    "Driver cleared\n\n"
    "Cian Dunlee, 41, a taxi driver, was convicted after his car struck a 27-year-old "
    "architect. A 71-year-old German woman broke her hip. "
    "The conductor, a 58-year-old man, was unhurt. "
    "St. Brendan's chief executive, Marie Thibodeau, 52, will leave. "
    '"Never like this," said Miklós Balla, 67, who runs a fishing cooperative in Mindszent.'
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # "a 27-year-old architect" is the architect's age
        ("how old is the driver?", "41", "27-year-old"),
        ("how old was the architect?", "27-year-old", None),
        # past the words that qualify the role ("German" names people too)
        ("how old was the woman who broke her hip?", "71-year-old", None),
        ("how old is the driver?", "41", "71-year-old"),
        # an age set off just after the role asked about is its holder's
        ("how old is the conductor?", "58-year-old", None),
        ("how old is the driver?", "41", "58-year-old"),
        # a name the question gives as an owner is not whose age is asked: the role's holder's
        ("how old is the st brendan's chief executive?", "52", None),
        # nor is a place the question names: "the fisherman from Mindszent" is not Mindszent
        ("how old is the fisherman from Mindszent?", "67", None),
    ],
)
def test_an_age_before_a_role_is_that_roles(
    question: str, admitted: str, kept_out: str | None
) -> None:
    _assert_admits(question, AGES_READER, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a count of things that are no kind of the head noun names none of it
        ("what museum was robbed?", "Valsenne Museum", "22 cameras"),
        # a count of the head noun itself still may
        ("which museums were closed?", "two art museums nearby", None),
    ],
)
def test_a_count_of_other_things_names_none_of_the_head(
    question: str, admitted: str, kept_out: str | None
) -> None:
    _assert_admits(question, MUSEUM_READER, admitted, kept_out)


NAMES_READER = reader_of(
    "Court ruling\n\n"
    "The Northern Court of Appeal is the highest court of the Northern Union. "
    "Judge Mara Velde heard the case, and Velde ruled against the Union."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a name sharing a word with the question's name is another name
        (
            "what is the highest court in the Northern Union?",
            "Northern Court of Appeal",
            "Northern Union",
        ),
        # the question's own name, whole or with more of it, is no answer
        ("who did Velde rule against?", None, "Judge Mara Velde"),
        ("who heard the case of Mara Velde?", None, "Judge Mara Velde"),
    ],
)
def test_a_question_never_gets_its_own_name_back(
    question: str, admitted: str | None, kept_out: str
) -> None:
    _assert_admits(question, NAMES_READER, admitted, kept_out)


MEASURES_READER = reader_of(
    "Driver cleared\n\n"
    "He was driving at 62 km/h in a 50 km/h zone. "
    "It was 11 degrees when 31,500 runners started. "
    "The fire burned 2,400 square kilometres."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a unit written short is part of its quantity, and ends it
        ("how fast was he driving?", "62 km/h", "62"),
        ("how fast was he driving?", "50 km/h", "50 km/h zone"),
        # a measure counts no people, unless its unit is what is counted
        ("how many people started?", "31,500 runners", "11 degrees"),
        ("how many square kilometres burned?", "2,400 square kilometres", None),
    ],
)
def test_quantities_in_units(question: str, admitted: str, kept_out: str | None) -> None:
    _assert_admits(question, MEASURES_READER, admitted, kept_out)


def test_a_span_of_nothing_but_the_questions_own_words_is_not_offered() -> None:
    """ "by the Kremlin" for "how did the Kremlin receive it?": its one content word echoes."""
    reader = reader_of("Talks offered\n\nThe proposal was positively received by the Kremlin.")
    offered = _admitted("How did the Kremlin receive the proposal?", reader)
    assert "positively" in offered
    assert "by the Kremlin" not in offered


@pytest.mark.parametrize(
    ("text", "question", "admitted", "kept_out"),
    [
        # the head noun is no echo beside a name ("the Charles River" for "what river?"),
        # but alone, or with nothing but other words of the question, it names nothing
        (
            "Mercury is the working fluid in the turbine.",
            "What working fluid is used in the turbine?",
            None,
            "working fluid",
        ),
        (
            "Settlers from the town, Pons, founded the colony.",
            "From what French town did the settlers come?",
            "Pons",
            "the town",
        ),
        # nor with a count before modifiers: "eight new container scanners" names no maker
        (
            "Customs will install eight new container scanners made by Veritek.",
            "who makes the new container scanners?",
            None,
            "eight new container scanners",
        ),
    ],
)
def test_a_span_of_the_questions_head_and_nothing_new_is_not_offered(
    text: str, question: str, admitted: str | None, kept_out: str
) -> None:
    reader = reader_of("Story\n\n" + text)
    offered = _admitted(question, reader)
    assert kept_out in _proposed(question, reader)  # proposed: the rule keeps it out
    assert kept_out not in offered
    assert admitted is None or admitted in offered


PEOPLES_NAMES_READER = reader_of(
    "Appeal court frees driver\n\n"
    "The Dublin Cycle Safety Network wrote to the justice minister last year. "
    "Ireland's Court of Appeal ruled on Friday in Dublin. "
    "His solicitor, Síle Ní Bhriain, spoke to Irish reporters. "
    "Two miners, Javier Rojas, 29, and Andrés Muñoz, are missing. "
    "The guard, Esteban Roig, 58, was shot as he ran after the robbers."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a person's name asked for is no body's, no place's and no common words
        ("what is the name of the justice minister?", None, "Dublin Cycle Safety Network"),
        ("what is the name of the judge?", None, "Ireland's Court of Appeal"),
        ("what is the name of the judge?", None, "Dublin"),
        ("what is the name of the solicitor?", "Síle Ní Bhriain", "Irish reporters"),
        ("what is the solicitor's name?", "Síle Ní Bhriain", "Court of Appeal"),
        # several, with their ages
        ("what are the miners' names?", "Javier Rojas, 29, and Andrés Muñoz", "Two miners"),
        # the name of someone the sentence names as another: not set beside the noun asked
        ("what is the guard's name?", "Esteban Roig", None),
        ("what is the name of the fourth robber?", None, "Esteban Roig"),
        ("what is the name of the solicitor's client?", None, "Síle Ní Bhriain"),
    ],
)
def test_a_persons_name_is_written_in_names_words(
    question: str, admitted: str | None, kept_out: str
) -> None:
    _assert_admits(question, PEOPLES_NAMES_READER, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a thing one can point at or join has a proper name
        ("what is the name of the club's stadium?", "Stade Leopold", "23rd minute"),
        ("what is the name of Liège's stadium?", "Stade Leopold", "23rd minute"),  # any letters
        ("what is the name of the school?", "Saint Anne", "new term"),
        # ... a process or a policy may be named by a term
        ("what is the name of the process?", "cold", None),
    ],
)
def test_a_nameable_things_name_is_a_proper_name(
    question: str, admitted: str, kept_out: str | None
) -> None:
    reader = reader_of(
        "Story\n\n"
        "The club scored in the 23rd minute at the Stade Leopold. "
        "The school, Saint Anne, opened for the new term. "
        "The process, cold rolling, hardens steel."
    )
    _assert_admits(question, reader, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a lone name after "the" is a thing's or a place's, not a person's
        ("who built the probe?", "Ana Ruiz", "Earth"),
        # ... unless it names a people or a party in the plural
        ("who ruled the island?", "Normans", None),
    ],
)
def test_a_name_after_the_is_no_persons(question: str, admitted: str, kept_out: str | None) -> None:
    reader = reader_of(
        "Story\n\n"
        "The probe, built by Ana Ruiz, will circle the Earth. "
        "The island was ruled by the Normans."
    )
    _assert_admits(question, reader, admitted, kept_out)


def test_a_things_name_is_no_titled_persons() -> None:
    reader = reader_of("Outbreak\n\nDr. Rui Valente said two nursing homes in Gaia had cases.")
    _assert_admits("what are the names of the nursing homes?", reader, "Gaia", "Rui Valente")


@pytest.mark.parametrize(
    ("question", "admitted"),
    [
        # a thing's name, or a name of a kind of thing, may be a body's or a place's
        ("what is the name of the network?", "Dublin Cycle Safety Network"),
        # the noun that owns the name is a word for people, not a word sharing its stem
        ("what is the name of the imperialistic court?", "Court of Appeal"),
    ],
)
def test_a_things_name_may_be_any_name(question: str, admitted: str) -> None:
    assert admitted in _admitted(question, PEOPLES_NAMES_READER)


NATIONALITY_READER = reader_of(
    "Cup final\n\n"
    "Diabaté scored twice in front of 46,218 fans at the stadium. "
    "The Scottish engineer James Watt improved the engine. "
    "Ethiopia's Yohannes Derese won, ahead of a runner from the United States."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a nationality is said by its adjective or its country, never by other words
        ("what is Diabaté's nationality?", None, "front of 46,218 fans"),
        ("what nationality was James Watt?", "Scottish", "engine"),
        ("what is Derese's nationality?", "Ethiopia's Yohannes Derese", None),
        ("what nationality was the runner?", "United States", None),
    ],
)
def test_a_nationality_is_said_by_its_adjective_or_country(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(question, NATIONALITY_READER, admitted, kept_out)


KINDS_READER = reader_of(
    "Launch\n\n"
    "The Calder-2 rocket lifted off carrying the heavy Norvane-1 satellite and a probe. "
    "The Sentinel drug trial gave one group penicillin on Monday."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # where the sentence names an instance of the asked thing, another kind is no answer
        ("which rocket carried the satellite?", "Calder-2", "heavy Norvane-1 satellite"),
        ("which rocket carried the satellite?", "Calder-2", "probe"),
        # ... but a kind of it is
        ("which drug did one group take?", "penicillin", None),
    ],
)
def test_another_kind_of_thing_than_the_one_named(
    question: str, admitted: str, kept_out: str | None
) -> None:
    _assert_admits(question, KINDS_READER, admitted, kept_out)


CAUSES_READER = reader_of(
    "Former mayor Walter Pruitt dies at 71\n\n"
    "Walter Pruitt, who served three terms as mayor of Millbrook, died on Tuesday in Dover. "
    "He died of heart failure, his daughter said. "
    "Mayor Ana Ruiz blamed the 2019 flood on the dam. "
    "The flood began on Friday, 12 May, after three days of rain."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # no date, bare number or phrase naming someone is a cause
        ("what caused the flood?", "three days of rain", "Friday"),
        ("what caused the flood?", "three days of rain", "12"),
        ("what caused the flood?", "dam", "Mayor Ana Ruiz"),
        # a death's cause is said after a word for it, not by any phrase of its sentence
        ("what did Pruitt die from?", "heart failure", "mayor of Millbrook"),
        ("what did he die of?", "heart failure", "Former mayor Walter Pruitt"),
    ],
)
def test_a_cause_is_no_date_number_or_someone(question: str, admitted: str, kept_out: str) -> None:
    _assert_admits(question, CAUSES_READER, admitted, kept_out)


INVASION_READER = reader_of(
    "Invasion\n\n"
    "The second invasion failed in 1281 when a typhoon wrecked the fleet. "
    "The fleet and the army were both wrecked, and both were lost. "
    "Of the ships one survived. "
    "The storm sank several hundred boats. Then it sank many ships. "
    "Work on the bridge began in the summer of 1961. "
    "The 1997 Treaty of Amsterdam followed the vote. "
    "New cranes changed the port in the 1970s and 1980s. "
    "Northgate Hospital recruited volunteers aged between 65 and 80. "
    "Leaders set new talks for June 15-16. "
    "The port paid a premium of 28 percent on Friday. "
    "Negotiators signed the contract at 4:15 a.m. in a hotel. "
    "Inflation should fall to target in the second half of 2027. "
    "Kestrel Retail could shut sixty stores in the first half of next year. "
    "The union wants 6% this year and 3% in 2027."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a "what" question asking for a thing gets no bare date
        ("what wrecked the fleet?", "typhoon", "1281"),
        ("what began in the summer of 1961?", "bridge", "summer of 1961"),
        ("what changed the port?", "New cranes", "1970s and 1980s"),  # decades are dates
        ("what did leaders set?", "new talks", "June 15-16"),  # a range of days too
        ("what premium did the port pay?", "premium of 28 percent", "Friday"),  # a weekday too
        ("what should fall?", "Inflation", "second half of 2027"),  # a part of a year too
        # a time said from now, or a time word alone
        ("which chain could shut stores?", "Kestrel Retail", "first half of next year"),
        ("which chain could shut stores?", "Kestrel Retail", "year"),
        # numbers with a time said from now are no date
        ("what does the union want?", "6% this year and 3% in 2027", "union"),
        # a name holding a year is a name, not a date
        ("what followed the vote?", "1997 Treaty of Amsterdam", "1281"),
        # a question that asks "when" in its own words still gets dates
        ("the second invasion failed when?", "1281", "Amsterdam"),
        # a word that only stands for things answers nothing but "how many?"
        ("what did the typhoon wreck?", "fleet", "both"),
        ("how many ships survived?", "one", "ship"),
        ("who wrecked the fleet?", "typhoon", "both"),
        # nor does a vague amount of things, though "several hundred" is an amount
        ("what did the storm sink?", "several hundred boats", "many ships"),
        ("what did the storm sink?", "ships", "many ships"),
        # bare numbers name no body, place or person
        ("which hospital recruited the volunteers?", "Northgate Hospital", "65 and 80"),
        ("who recruited the volunteers?", "Northgate Hospital", "65 and 80"),
    ],
)
def test_a_bare_date_number_or_quantifier_answers_no_question_about_a_thing(
    question: str, admitted: str, kept_out: str
) -> None:
    spans = _admitted(question, INVASION_READER)
    assert admitted in spans
    assert kept_out not in spans


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a head noun naming a sum of money wants money, not a count
        ("what is the average salary in the division?", None, "3,400"),
        ("what was the fine?", "$5,000", "3,400"),
        # other heads still take a count
        ("what is the number of teachers?", "3,400", None),
    ],
)
def test_a_sum_of_money_asked_for_is_money(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    text = "The division's 3,400 teachers signed. The division was fined $5,000 in May."
    _assert_admits(question, reader_of("Story\n\n" + text), admitted, kept_out)


CHANGE_READER = reader_of(
    "Vote\n\n"
    "The new plan cuts the parking spaces from 400 to 250. "
    "The Alliance took 52 seats, down from 64 in the last election. "
    "Fares went from $5 to $7 on Monday. "
    "The utility recorded 684 main breaks last year, up from 410 five years earlier. "
    "The mayor lost the vote by 11,482 votes to 4,917. "
    "The union had warned about the tunnel in May."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # the value a change started from answers only a question about before
        ("how many parking spaces will there be?", "250", "400"),
        ("how many seats did the Alliance take?", "52", "64"),
        # ... and a question about before gets no other number of that sentence
        ("how many seats did the Alliance hold before?", "64", "52"),
        ("how many parking spaces were there originally?", "400", "250"),
        ("what was the fare before Monday?", "$5", "$7"),
        ("how much is a fare?", "$7", "$5"),
        # "last year" is when, not before: the level of last year is no value left behind
        ("how many main breaks were there last year?", "684 main breaks", None),
        # a tally of votes is no change and the level it reached
        ("how many people voted against the mayor?", "11,482 votes", None),
        # "May" is a month, not the function word "may"
        ("when did the union warn about the tunnel?", "May", None),
    ],
)
def test_the_value_a_change_started_from_answers_only_before(
    question: str, admitted: str, kept_out: str | None
) -> None:
    _assert_admits(question, CHANGE_READER, admitted, kept_out)


FERRY_READER = reader_of(
    "Ferry aground\n\n"
    "The Kornat Star, a 68-metre ferry owned by the operator Adria Azzurra Lines, struck "
    "a reef. Bohemond, the son of Robert, led the fleet."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a name set off with the question's own object noun after it is that thing
        ("who owns the ferry?", "Adria Azzurra Lines", "Kornat Star"),
        # ... but a role the question asks about is no object: "X, the son of Robert"
        ("who was Robert's son?", "Bohemond", None),
    ],
)
def test_the_thing_asked_about_does_not_answer_who_did_it(
    question: str, admitted: str, kept_out: str | None
) -> None:
    _assert_admits(question, FERRY_READER, admitted, kept_out)


LEVEL_READER = reader_of(
    "Rates\n\n"
    "The bank raised its rate by 0.5 points to 7.25% on Thursday. "
    "Two members voted to keep it at 6.75%. "
    "The approval rating fell six points to 34 percent. "
    "The new cranes could cut up to 300 jobs. "
    "The board voted to raise tuition fees by 14 percent to 9,120 dollars."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a change's size is not the level it reached or held
        ("by how much did the bank raise its rate?", "0.5 points", "7.25%"),
        ("by how much did the rate go up?", "0.5 points", "6.75%"),
        ("how much has the approval rating dropped?", "six points", "34 percent"),
        # the level itself is asked for, and then the change is no answer
        ("what is the rate?", "7.25%", "0.5 points"),
        ("what is the new rate?", "7.25%", "0.5 points"),
        ("to what did the approval rating fall?", "34 percent", None),
        # "up to" bounds an amount; it is no level reached
        ("how many jobs could the cranes cut?", "300 jobs", None),
        # a change in a sum of money may be told as a share of it
        ("by how much are tuition fees going up?", "14 percent", "9,120 dollars"),
        ("how much are tuition fees rising?", "14 percent", "9,120 dollars"),
    ],
)
def test_a_change_is_answered_by_its_size_not_its_level(
    question: str, admitted: str, kept_out: str | None
) -> None:
    _assert_admits(question, LEVEL_READER, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "kept_out"),
    [
        ("what did the negotiators sign?", "4:15 a.m"),
        ("what hotel did the negotiators meet in?", "4:15 a.m"),
    ],
)
def test_a_time_of_day_answers_no_question_about_a_thing(question: str, kept_out: str) -> None:
    assert kept_out in _proposed(question, INVASION_READER)
    assert kept_out not in _admitted(question, INVASION_READER)
    # a question asking for a time still gets it, from the date rules
    assert "4:15 a.m." in _admitted("what time did the negotiators sign?", INVASION_READER)


FIRE_READER = reader_of(
    "Fire\n\n"
    "The fire burned 11,000 acres and destroyed 19 homes. "
    "Gusts of up to 60 miles per hour fanned it, and 600 firefighters from nine states fought it. "
    "A crowd of 12,500 watched, and 80 percent of the forest burned. "
    '"We\'ve lost everything," said Hannah Moss, whose husband stayed at 1:45 p.m. on Monday. '
    "One resident was treated by an insurer. "
    "The mine produces copper around the clock in 40 hours of shifts, and 1,100 workers "
    "dig it; the blaze left about a third of the forest in ash after burning for 37 years. "
    "Fares cover roughly a fifth of the operating costs. "
    "Two miners remain missing and one was confirmed dead. "
    "The name of the firm has not been made public because a bidder is challenging the "
    "contract."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a measure wants a unit, a share or money, not a count of other things
        ("how big is the fire?", "11,000 acres", "19 homes"),
        ("how fast were the gusts?", "60 miles", "600"),
        ("how fast were the gusts?", "60 miles", "nine states"),
        # a share spelled out is no count
        ("how many firefighters fought it?", "600 firefighters", "80 percent"),
        # the size of a group is a count of it too
        ("how big was the crowd?", "12,500", None),
        # an amount of something is no length of time, nor a number of people
        ("how much copper does the mine produce?", None, "40"),
        ("how much copper does the mine produce?", None, "1,100 workers"),
        ("how much of the forest is ash?", "a third", "37 years"),
        # ... nor a number standing for people named before
        ("how much copper does the mine produce?", None, "one"),
        ("how many miners were confirmed dead?", "one", None),
        # a part of a cost is a part, not an amount of money
        ("how much of the operating costs do fares cover?", "a fifth", None),
        # someone's name is a name: not a sentence's first word, a time or a role
        ("what is the name of Hannah Moss's husband?", None, "We've"),
        ("what is the name of the injured resident?", None, "1:45 p.m"),
        ("what is the name of the injured resident?", None, "insurer"),
        # a reason may mention a name it does not ask for
        (
            "why is the name of the firm being kept secret?",
            "because a bidder is challenging the contract",
            None,
        ),
    ],
)
def test_a_measure_or_a_persons_name_admits_only_its_kind(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(question, FIRE_READER, admitted, kept_out)


def test_the_name_of_a_place_is_a_proper_name() -> None:
    """ "nearby colliery" names no colliery: a place's name is a proper name, as a ship's."""
    reader = reader_of(
        "Story\n\nThe plant was built beside a nearby colliery that shut in the 1990s. "
        "Miners came from the Hartfield colliery."
    )
    _assert_admits(
        "what was the name of the colliery that shut?", reader, "Hartfield", "nearby colliery"
    )


@pytest.mark.parametrize(
    ("text", "admitted", "kept_out"),
    [
        # a name after a colon is a name though capitalized there anyway
        ("They gave a name to their castle: Afranji, meaning Franks.", "Afranji", None),
        # ... a common word is not
        ("They gave a name to their castle: Nothing was kept.", None, "Nothing"),
    ],
)
def test_a_name_opening_a_clause_is_a_name_when_no_common_word(
    text: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(
        "what was the name of the castle?", reader_of("Story\n\n" + text), admitted, kept_out
    )


FINALS_READER = reader_of(
    "Finals\n\n"
    "In the men's final, Tomás Iglesias beat Noah Fairweather. "
    "Emi Sato won the women's final against Katalin Varga. "
    "The largest port was sold to Kestrel Homes. "
    "She became the first Portuguese woman to win since 2011."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a sentence about the opposite of the question's thing answers nothing about it
        ("who won the women's final?", "Emi Sato", "Tomás Iglesias"),
        ("who won the men's final?", "Tomás Iglesias", "Emi Sato"),
        ("who bought the smallest port?", None, "Kestrel Homes"),
        ("who bought the largest port?", "Kestrel Homes", None),
        # "first" and "last" order things more often than they oppose them
        ("when did a Portuguese woman last win?", "2011", None),
    ],
)
def test_a_sentence_about_the_opposite_thing_offers_no_answer(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(question, FINALS_READER, admitted, kept_out)


@pytest.mark.parametrize(
    ("text", "question", "admitted", "kept_out"),
    [
        # a bare number is an age only where it is said as one
        (
            "The Alliance took 52 seats, down from 64 in 2021. Brenko, 63, conceded.",
            "how old is the prime minister?",
            "63",
            "64",
        ),
        (
            "She named them as Javier Rojas, 29, and Andrés Muñoz, 35.",
            "how old is Andrés Muñoz?",
            "35",
            None,
        ),
        (
            "The painter died at 84 in the house where she had lived since 70.",
            "how old was she?",
            "84",
            "70",
        ),
        ("He retired at the age of 58 after 12 seasons.", "how old was he?", "58", "12"),
        ("Luis Cruz, aged 40, was charged.", "how old is Luis Cruz?", "40", None),
        ("The volunteers, all aged between 65 and 80, took it.", "how old were they?", "65", None),
        ("The rate was 64 in 2021. She was 84.", "how old was she?", "84", "64"),
        # an age set off after a name answers "how old?" alone, not an open question
        (
            "Annika Thorsell, 47, will become his deputy.",
            "what role will Thorsell have?",
            None,
            "47",
        ),
        ("Annika Thorsell, 47, will become his deputy.", "how old is Thorsell?", "47", None),
        # the words before the name call its owner what the question does
        (
            "Dorn United manager Pia Lund Holm, 51, praised her side.",
            "how old is the Dorn United manager?",
            "51",
            None,
        ),
        # ... but a club's name alone makes the manager's age no age of the club's
        (
            "Dorn United manager Pia Lund Holm, 51, praised her side.",
            "how old is Dorn?",
            None,
            "51",
        ),
        # ... nor of another of its people
        (
            "Dorn United manager Pia Lund Holm, 51, praised her side.",
            "how old is the Dorn United captain?",
            None,
            "51",
        ),
    ],
)
def test_a_bare_number_is_an_age_only_when_said_as_one(
    text: str, question: str, admitted: str, kept_out: str | None
) -> None:
    _assert_admits(question, reader_of("Story\n\n" + text), admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # one year asked: a span of years is no answer, a year is
        ("in what year did the siege start?", "1702", "between 1702 and 1709"),
        ("which year did the siege end?", "1702", "1702-1709"),
        # ... nor is a date that says no year
        ("in what year did the siege start?", "1702", "Wednesday"),
        ("in what year did the siege start?", "1702", "the first half"),
        ("in what year did the siege start?", "1702", "1690s"),
        # a clock time or a part of the day is asked by "what time", not a year or a day
        ("what time did the talks begin?", "Wednesday morning", "1702"),
        ("what time did the talks begin?", "Wednesday morning", "Thursday"),
        # a clock time closing a sentence is one too (its "p.m" is a token before the period)
        ("until what time will drivers pay?", "8 p.m.", "1702"),
        # several years asked, or a span of time: the span answers
        ("between what years did the siege last?", "between 1702 and 1709", None),
        ("when was the siege?", "between 1702 and 1709", None),
    ],
)
def test_one_year_asked_gets_no_span_of_years(
    question: str, admitted: str, kept_out: str | None
) -> None:
    text = (
        "The siege lasted between 1702 and 1709. The war of 1702-1709 ended it. It began in 1702."
        " Talks began on Wednesday and ended in the first half of the year. Walls rose in the"
        " 1690s. Talks began on Wednesday morning and were stopped on Thursday."
        " Drivers will pay until 8 p.m."
    )
    _assert_admits(question, reader_of("Story\n\n" + text), admitted, kept_out)


@pytest.mark.parametrize(
    ("text", "question", "admitted", "kept_out"),
    [
        # a sentence about other people offers nobody for a "who" question naming someone
        (
            "Varga won the title in 2022. The crowd cheered on Saturday. "
            "Sato, who is coached by Greg Whitlam, began playing at six.",
            "who coaches Varga?",
            None,
            "Greg Whitlam",
        ),
        # the sentence names them, or the one before it does and "she" may stand for them
        ("Varga is coached by Ann Lee.", "who coaches Varga?", "Ann Lee", None),
        ("Varga won in 2022. She is coached by Ann Lee.", "who coaches Varga?", "Ann Lee", None),
    ],
)
def test_a_who_question_naming_someone_wants_a_sentence_about_them(
    text: str, question: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(question, reader_of("Story\n\n" + text), admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # someone's name answers no "what" question without a head noun
        ("what do the unions want?", "a 15% pay rise over two years", "Ewa Ziółkowska"),
        # ... but "who" takes it, and a "what" with a head asks for a named thing
        ("who leads the union?", "Ewa Ziółkowska", None),
    ],
)
def test_a_persons_name_answers_no_what(question: str, admitted: str, kept_out: str | None) -> None:
    text = "The union, led by Ewa Ziółkowska, wants a 15% pay rise over two years."
    _assert_admits(question, reader_of("Story\n\n" + text), admitted, kept_out)


@pytest.mark.parametrize(
    ("text", "question", "holder", "not_a_holder"),
    [
        (
            "The governing Civic Alliance, led by Prime Minister Tomas Brenko, took 52 seats.",
            "who is the prime minister?",
            "Prime Minister Tomas Brenko",
            "Civic Alliance",
        ),
        # a clause opened by "that" says something of another thing
        (
            "The court freed a driver jailed over the death of a cyclist, ruling that "
            "prosecutors had withheld footage.",
            "who is the prosecutor?",
            None,
            "cyclist",
        ),
    ],
)
def test_a_clause_after_a_name_sets_no_role_beside_it(
    text: str, question: str, holder: str | None, not_a_holder: str
) -> None:
    reader = reader_of("Story\n\n" + text)
    _assert_admits(question, reader, holder, None)
    assert not_a_holder not in _admitted(question, reader)


def test_a_body_set_off_after_its_role_with_the_holds_it() -> None:
    reader = reader_of(
        "Story\n\nSolvik's largest shareholder, the Lindahl Foundation, accepted. Ana Ruiz spoke."
    )
    _assert_admits("who is Solvik's largest shareholder?", reader, "Lindahl Foundation", None)
    _assert_admits("who is the largest shareholder?", reader, None, "Ana Ruiz")


@pytest.mark.parametrize(
    ("text", "admitted", "kept_out"),
    [
        # the body a role is of, set off before the name, still names the holder
        ("The chief executive of Acme Foods, Jane Doe, said jobs would go.", "Jane Doe", None),
        (
            "The chief executive of the (old) Acme Foods group, Jane Doe, said so.",
            "Jane Doe",
            None,
        ),
        # a verb or a list between makes the name another's
        ("The chief executive of Acme Foods said, Jane Doe recalls, that jobs would go.",
         None, "Jane Doe"),
        ("The chief executive of Acme, Beta, Gamma, Jane Doe and others met.", None, "Jane Doe"),
    ],
)  # fmt: skip
def test_a_role_of_a_body_set_off_before_a_name_is_held_by_it(
    text: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(
        "who is the chief executive of Acme Foods?",
        reader_of("Story\n\n" + text),
        admitted,
        kept_out,
    )


def test_a_plural_question_without_a_count_is_offered_the_whole_list() -> None:
    reader = reader_of(
        "Story\n\nThe treaty was signed by France, Italy, Belgium, the Netherlands, "
        "Luxembourg and Germany in 1951."
    )
    whole = "France, Italy, Belgium, the Netherlands, Luxembourg and Germany"
    _assert_admits("which countries signed the treaty?", reader, whole, None)
    # a singular question is offered no list
    assert whole not in _admitted("which country signed the treaty?", reader)


@pytest.mark.parametrize(
    ("text", "admitted", "kept_out"),
    [
        # a name before a copula and the role holds it, a surname that is an English word
        # opening the sentence too, once the story names the person in full
        (
            "A geographer named Isiah Bowman joined. Bowman was the director of the society.",
            "Bowman",
            None,
        ),
        ("Ana Ruiz became the first director of the society.", "Ana Ruiz", None),
        # the office of the role, and the name it is "of", say so too
        ("The society grew under the directorship of Ana Ruiz.", "Ana Ruiz", None),
        # ... and so does the verb a doer's noun is made from ("the director" directs)
        ("The society, directed by Ana Ruiz, grew.", "Ana Ruiz", None),
        # a negation, a preposition or another noun between says she holds no such role
        ("Ana Ruiz was not the director of the society.", None, "Ana Ruiz"),
        ("Ana Ruiz was the lawyer of the director of the society.", None, "Ana Ruiz"),
        # an English word opening a sentence is no one the story never names in full
        ("Bowman was the director of the society.", None, "Bowman"),
    ],
)
def test_a_name_before_a_copula_holds_the_role(
    text: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(
        "who was the director of the society?", reader_of("Story\n\n" + text), admitted, kept_out
    )


@pytest.mark.parametrize(
    ("text", "admitted", "kept_out"),
    [
        # the object of "named" holds the role "as" says, its description set off between
        (
            "The premier named Duarte Meireles, 46, a doctor, as her successor.",
            "Duarte Meireles",
            None,
        ),
        ("The premier named Duarte Meireles as her successor.", "Duarte Meireles", None),
        # the subject of the verb holds no role "as" gives its object
        ("Ana Ruiz named Duarte Meireles as her successor.", None, "Ana Ruiz"),
        # ... and an object named after a noun of its own ("his son Duncan") holds it too
        ("The premier named her deputy Duarte Meireles as her successor.", "Duarte Meireles",
         None),
        ("Her son Duncan named Duarte Meireles as her successor.", "Duarte Meireles",
         "Duncan"),
    ],
)  # fmt: skip
def test_a_role_given_with_as_is_held_by_the_verbs_object(
    text: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits("who is her successor?", reader_of("Story\n\n" + text), admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a role the question gives someone else: its holder is not who is asked for
        ("who was on the bridge with the captain?", "Marin Kljaić", "Davor Kljaković"),
        ("who did the captain blame?", "Marin Kljaić", "Davor Kljaković"),
        # the role the question asks about, or gives the answer with "as", is the answer's
        ("who was the captain?", "Davor Kljaković", None),
        ("who did the owners hire as captain?", "Davor Kljaković", None),
    ],
)
def test_the_holder_of_a_role_the_question_gives_another_is_no_answer(
    question: str, admitted: str, kept_out: str | None
) -> None:
    text = (
        "The ship's captain, Davor Kljaković, was questioned. "
        "The first officer, Marin Kljaić, was on the bridge with the captain at the time."
    )
    _assert_admits(question, reader_of("Story\n\n" + text), admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a thing's purpose is said with "to", "for", "so that": not by a time, nor a noun
        (
            "what is the satellite for?",
            "to spot methane leaks",
            "after a long delay to spot methane leaks",
        ),
        ("what is the satellite for?", "to spot methane leaks", "infrared spectrometer"),
        # "what caused ...?" is still answered by a noun phrase
        ("what caused the delay?", "infrared spectrometer", None),
    ],
)
def test_a_purpose_is_said_with_to_or_for(
    question: str, admitted: str, kept_out: str | None
) -> None:
    text = (
        "The satellite was launched after a long delay to spot methane leaks. "
        "The infrared spectrometer caused the delay."
    )
    _assert_admits(question, reader_of("Story\n\n" + text), admitted, kept_out)


@pytest.mark.parametrize(
    ("headline", "question", "admitted", "kept_out"),
    [
        # the body the headline names is "the company" of the story's sentences
        (
            "Irish retailer Brenlow says hackers stole data",
            "who runs Brenlow?",
            "Aoife Byrne",
            None,
        ),
        (
            "Irish retailer Brenlow says hackers stole data",
            "who is Brenlow's chief executive?",
            "Aoife Byrne",
            None,
        ),
        # ... and of a role said with no owner at all ("Chief executive Ian Roe said")
        (
            "Irish retailer Brenlow says hackers stole data",
            "who is the chief executive of Brenlow?",
            "Ian Roe",
            None,
        ),
        # a body the headline does not name is not the story's "company"
        ("Hackers steal shoppers' data", "who runs Brenlow?", None, "Aoife Byrne"),
        ("Hackers steal shoppers' data", "who is the chief executive of Brenlow?", None, "Ian Roe"),
        # nor is a person the headline names a body "the company" stands for
        ("Varga wins the company prize", "who coaches Varga?", None, "Aoife Byrne"),
    ],
)
def test_the_headlines_body_is_the_company_a_sentence_speaks_of(
    headline: str, question: str, admitted: str | None, kept_out: str | None
) -> None:
    text = (
        "Brenlow sells homeware online. Eszter Varga works there. The weather was dry. "
        '"We are sorry," the company\'s chief executive, Aoife Byrne, said in a video. '
        "The weather was dry. Chief executive Ian Roe said shops stay open."
    )
    _assert_admits(question, reader_of(f"{headline}\n\n{text}"), admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a day or a year of a date names no thing
        ("what kind of alert is out for wednesday?", "orange warning", "21"),
        ("what was issued?", "orange warning", "21"),
    ],
)
def test_a_number_of_a_date_is_no_thing(question: str, admitted: str, kept_out: str) -> None:
    text = "The weather service issued an orange warning for Wednesday, Jan. 21, when rain is due."
    _assert_admits(question, reader_of("Story\n\n" + text), admitted, kept_out)


@pytest.mark.parametrize(
    ("text", "question", "admitted", "kept_out"),
    [
        # what the question sets aside is no answer; a list gives the rest of it
        (
            "Two trustees, Marcus Delorme and Agnieszka Wójcik, voted against the deal.",
            "which other trustee voted no besides delorme?",
            "Agnieszka Wójcik",
            "Marcus Delorme and Agnieszka Wójcik",
        ),
        (
            "Two trustees, Agnieszka Wójcik and Marcus Delorme, voted against the deal.",
            "which other trustee voted no besides delorme?",
            "Agnieszka Wójcik",
            None,
        ),
        # a count and the question's noun name nobody
        (
            "Two trustees, Marcus Delorme and Agnieszka Wójcik, voted against the deal.",
            "which other trustee voted no besides delorme?",
            None,
            "Two trustees",
        ),
    ],
)
def test_what_the_question_sets_aside_is_not_offered(
    text: str, question: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(question, reader_of("Story\n\n" + text), admitted, kept_out)


OWNERS_READER = reader_of(
    "Regulator approves new drug\n\n"
    "The Therapeutic Products Board cleared the drug on Monday. "
    "Tallisker's chief executive, Bronwyn Achebe-Lloyd, welcomed the decision. "
    "The ship's captain, Davor Kljaković, was questioned by police. "
    "Sudan had an Islamist regime under the leadership of Hassan al-Turabi."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a role owned by another body than the one the question names is no answer ...
        (
            "who is the chief executive of the Therapeutic Products Board?",
            None,
            "Bronwyn Achebe-Lloyd",
        ),
        (
            "who is the chief executive of the therapeutic products board?",
            None,
            "Bronwyn Achebe-Lloyd",
        ),
        # ... but the body the question names, or one named by common words, may be it
        ("who is Tallisker's chief executive?", "Bronwyn Achebe-Lloyd", None),
        ("who is the chief executive of the drug maker?", "Bronwyn Achebe-Lloyd", None),
        ("who was the ferry's captain?", "Davor Kljaković", None),
        # "of" after an office names its holder, not its owner
        ("who was the leader of the Islamist regime?", "Hassan al-Turabi", None),
    ],
)
def test_a_role_of_another_body_names_no_holder(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(question, OWNERS_READER, admitted, kept_out)


DOERS_READER = reader_of(
    "Festival prizes\n\n"
    "The Salt Keepers won the Golden Lantern on Sunday. "
    "The best director award was won by Ana Ruiz. "
    "The jury chair proposed to Marta Reyes that they meet."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # what follows the question's own verb is what was done, not who did it ...
        ("who won the prize?", None, "Golden Lantern"),
        # ... but a passive's doer follows "by"
        ("who won best director?", "Ana Ruiz", None),
        # nor to whom it was done
        ("who proposed the meeting?", None, "Marta Reyes"),
    ],
)
def test_the_object_of_the_questions_verb_is_not_its_doer(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(question, DOERS_READER, admitted, kept_out)


@pytest.mark.parametrize(
    ("text", "admitted", "kept_out"),
    [
        # a body whose name says it is another kind than asked answers nothing
        ("The study was paid for by the Scandinavian Cardiac Fund.", None,
         "Scandinavian Cardiac Fund"),
        ("The drug was developed by Tallisker Biotherapeutics.", "Tallisker Biotherapeutics",
         None),
    ],
)  # fmt: skip
def test_a_body_of_another_kind_is_no_answer(
    text: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(
        "which company developed the drug?", reader_of("Story\n\n" + text), admitted, kept_out
    )


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a vague amount alone answers no "how many?"
        ("how many riders fell?", None, "Several"),
        ("how many were hurt?", "a dozen", "Several riders"),
        # ... nor a thing asked by its kind
        ("which riders fell?", None, "Several riders"),
        # a vague word before a number is an amount still
        ("how many fans watched?", "several hundred", None),
    ],
)
def test_a_vague_amount_answers_no_count(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    reader = reader_of(
        "Story\n\nSeveral riders fell on the descent, and about a dozen were hurt. "
        "Crowds of several hundred fans watched."
    )
    _assert_admits(question, reader, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a name before the question's own word for a place names that place
        ("which agency gave the river reading?", "national water agency", "Mondego"),
        # ... but it answers a question that does not name the river
        ("which river burst its banks?", "Mondego", None),
    ],
)
def test_a_name_of_the_place_asked_about_is_no_answer(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    reader = reader_of(
        "Story\n\nThe Mondego river burst its banks on Monday, "
        "according to the national water agency."
    )
    _assert_admits(question, reader, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a deputy's role is another, lesser one, unless the question asks for it
        ("who is the mayor of Lyon?", None, "Karim Benhaddou"),
        ("who is the deputy mayor of Lyon?", "Karim Benhaddou", None),
        # a sum of money is no height, though it may be how big something is
        ("how tall are the turbines?", "260 metres", "45 million zlotys"),
        ("how big is the fund?", "45 million zlotys", None),
    ],
)
def test_a_lesser_role_and_a_size_in_money_answer_only_their_own(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    reader = reader_of(
        "Story\n\nKarim Benhaddou, Lyon's deputy mayor for health, opened the rooms. "
        "The turbines will stand 260 metres tall. A fund of 45 million zlotys comes with them."
    )
    _assert_admits(question, reader, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a full name asked for: the age of a namesake with another first name is not it
        ("how old is Pablo Ferrés Quiroga?", None, "52"),
        ("how old is Lucía Ferrés?", "52", None),
        # a surname alone, or a title before the name, says nothing of another person
        ("how old is Ferrés?", "52", None),
        ("how old is Mayor Lucía Ferrés?", "52", None),
    ],
)
def test_the_age_of_a_namesake_is_not_asked(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    reader = reader_of(
        "Story\n\nHer son, Pablo Ferrés Quiroga, spoke first. "
        "Her daughter, Lucía Ferrés, 52, runs the firm."
    )
    _assert_admits(question, reader, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a score at the break answers only the question about the break
        ("what was the score at half time?", "13-10", "23-22"),
        ("what was the half-time score?", "13-10", "23-22"),
        ("what was the final score?", "23-22", "13-10"),
        ("what was the score?", "23-22", "13-10"),
    ],
)
def test_a_score_at_the_break_answers_only_the_break(
    question: str, admitted: str, kept_out: str
) -> None:
    reader = reader_of(
        "Story\n\nMontclar won the semi-final 23-22 on Saturday after leading 13-10 at the "
        "interval."
    )
    _assert_admits(question, reader, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # the size of a sum of money is an amount of money
        ("how big will the dividend be?", "120 million euros", "15 kilometres"),
        ("how large was the fine?", "120 million euros", "15 kilometres"),
        ("how big is the emergency fund?", None, "40 soldiers"),
        # ... and the size of a thing any measure
        ("how big is the site?", "15 kilometres", None),
    ],
)
def test_how_big_a_sum_is_an_amount_of_money(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    reader = reader_of(
        "Story\n\nAlmendral will pay a dividend of 120 million euros and a fine of the same "
        "amount. The site stretches 15 kilometres. An emergency fund sent 40 soldiers."
    )
    _assert_admits(question, reader, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a weight is said in a unit of weight: a count or a bare number is none
        ("how much does the frog weigh?", "3 grams", "two more"),
        ("how heavy is the frog?", "3 grams", "21 millimetres"),
        # a thing's length is a length, not a count of lanes or of the people in it
        ("how long is the Jasna bridge?", "410 metres", "four-lane"),
        # a length of time is a number of units of time, or of other periods
        ("how long was the festival?", "nine days", "two sisters"),
        ("how long did she coach the club?", "29 seasons", "12 million euros"),
        # a length over time is a speed
        ("how fast was the train going?", "80 kilometres per hour", "410 metres"),
    ],
)
def test_a_size_or_a_length_of_time_is_said_in_its_units(
    question: str, admitted: str, kept_out: str
) -> None:
    reader = reader_of(
        "Story\n\nThe frog weighs 3 grams and males measure 21 millimetres; the team found "
        "two more. The four-lane Jasna bridge, 410 metres long, is shut. The nine days of "
        "the festival showed a film about two sisters. She coached the club for 29 seasons "
        "and it paid 12 million euros for her. The train was going at 80 kilometres per hour."
    )
    _assert_admits(question, reader, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a people or its adjective names no company, court or party
        ("which company had the outage?", "Conexa Móvil", "Colombians"),
        ("which court made the ruling?", "High Court", "South African"),
        # ... though it may say who did something
        ("who was without a phone?", "Colombians", None),
    ],
)
def test_a_nationality_is_no_body(question: str, admitted: str, kept_out: str | None) -> None:
    reader = reader_of(
        "Story\n\nAn outage of the company Conexa Móvil left Colombians without a phone. The South "
        "African judges of the High Court made the ruling."
    )
    _assert_admits(question, reader, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a size named by its dimension is said in that dimension's units
        ("what was the temperature at the race?", "12 degrees", "45 minutes"),
        ("what was the temperature in the boiler?", "565 °C", "45 minutes"),
        ("what is the height of the tower?", "120 metres", "45 minutes"),
        # money asked in one currency is not another's
        ("how much is the deficit in dollars?", "$1.2 billion", "190 billion pesos"),
        ("how much is the deficit?", "190 billion pesos", None),
        ("how much did the firm pay in soles?", "3.5 million soles", "$1.2 billion"),
        # ... nor a currency of the same name of another country
        ("how much did the plant set aside in US dollars?", "$55 million", "85 million"),
        ("how much did the plant set aside in dollars?", "85 million Australian dollars", None),
        # an amount of money is no one, nor a count, past whose currency it is
        ("who makes the scanners?", "Sentinel Grey", "180 million rand"),
        ("how many jobs are there?", "620 jobs", "85 million"),
        # a count of some of those counted answers only for those
        ("how many people died?", "11 people", "four children"),
        ("how many children died?", "four children", None),
        # ... but the number right after "among the" is the whole
        ("how many people were hurt?", "14 casualties", None),
        # a people's plural, or one that ends in "s" itself, names no body
        ("which company made it?", None, "Swiss"),
    ],
)
def test_a_dimension_a_currency_and_a_part_are_their_own(
    question: str, admitted: str, kept_out: str | None
) -> None:
    reader = reader_of(
        "Story\n\nThe race began at minus 12 degrees and lasted 45 minutes. The boiler ran at "
        "565 °C for 45 minutes. The tower, 120 metres tall, took 45 minutes to climb. The "
        "deficit is 190 billion pesos, or $1.2 billion. The firm paid 3.5 million soles. "
        "The scanners, made by Sentinel Grey, "
        "cost 180 million rand. The plant has 620 jobs and set aside 85 million Australian "
        "dollars ($55 million). The landslide killed at least 11 people. Among the dead were "
        "four children. Among the 14 casualties were two guards. It was made by the Swiss."
    )
    _assert_admits(question, reader, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # the question's verb said of an earlier occasion answers no question about this one
        ("who won the downhill?", "Sindre Aaslund", "Reto Imboden"),
        # ... unless the question asks about that occasion
        ("who won last season's downhill title?", "Reto Imboden", None),
    ],
)
def test_an_earlier_occasion_is_not_the_one_asked_about(
    question: str, admitted: str, kept_out: str | None
) -> None:
    reader = reader_of(
        "Story\n\nNorway's Sindre Aaslund won the downhill on Saturday. His rival Reto "
        "Imboden, who won last season's downhill title, finished ninth."
    )
    _assert_admits(question, reader, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a role ranked otherwise is another holder's
        ("who was her second husband?", None, "Henrique Salgado"),
        ("who was her first husband?", "Henrique Salgado", None),
    ],
)
def test_a_role_ranked_otherwise_is_anothers(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    reader = reader_of(
        "Story\n\nMonteiro's first husband, the painter Henrique Salgado, died in 1992."
    )
    _assert_admits(question, reader, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a name with its own number right after it has that number, not another's
        ("how many pupils does Sonnberg have?", "94", "186 pupils"),
        ("how many pupils does Seeblick have?", "186 pupils", None),
        ("how many points does Bachmann have?", "80", "100 points"),
        # an owner's possessive opens the phrase: its number counts what follows
        ("how many professors does Harvard have?", "2,400 professors", None),
    ],
)
def test_a_name_with_its_own_number_has_no_other(
    question: str, admitted: str, kept_out: str | None
) -> None:
    reader = reader_of(
        "Story\n\nSeeblick now teaches 186 pupils and Sonnberg 94. Aaslund leads with 100 "
        "points, ahead of Bachmann on 80. Harvard's 2,400 professors teach 7,200 students."
    )
    _assert_admits(question, reader, admitted, kept_out)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # what only a person undergoes is not said of an orchestra or a town
        ("who died?", "Radovan Kučera", "Vltava Philharmonic"),
        ("who led the orchestra?", "Radovan Kučera", None),
        # a body's name is no river, whatever river it names
        ("which river did the oil get into?", "Assiniboine River", "Prairie Rivers Institute"),
        # a unit however spelled: "17.4-kilogram" counts kilos
        ("how many kilos does the meteorite weigh?", "17.4-kilogram", None),
    ],
)
def test_a_body_for_a_person_or_a_place_and_a_unit_spelled_otherwise(
    question: str, admitted: str, kept_out: str | None
) -> None:
    reader = reader_of(
        "Story\n\nRadovan Kučera, who led the Vltava Philharmonic, died on Sunday. Oil got "
        "into the Assiniboine River, said the Prairie Rivers Institute. The 17.4-kilogram "
        "meteorite weighs more than expected."
    )
    _assert_admits(question, reader, admitted, kept_out)


SETTINGS_READER = reader_of(
    "Recall vote\n\n"
    "Voters in the Polish town of Ełk recalled Mayor Dariusz Kowalczyk on Sunday. "
    "Tomasz Rybak of Civic Renewal led the campaign. "
    "Police searched a flat in the Benimaclet district. "
    "The suspect had worked for Sentinel Security."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a name the story gives a town or a district names no body and no one
        ("which party does Tomasz Rybak belong to?", None, "Ełk"),
        ("which firm did the suspect work for?", None, "Benimaclet"),
        ("who led the campaign?", "Tomasz Rybak of Civic Renewal", "Ełk"),
        # and still answers where
        ("where did police search a flat?", "Benimaclet", None),
        ("where were voters?", "Ełk", None),
    ],
)
def test_a_place_the_story_names_is_no_body_or_person(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(question, SETTINGS_READER, admitted, kept_out)


SUMS_READER = reader_of(
    "Extradition\n\n"
    "Prosecutors say Haddad stole 186 million euros from investors. "
    "His bail was set at 50,000 euros in May. "
    "The chain's sales fell to 2.3 billion zlotys last year. "
    "Tickets for the gala are 40 euros."
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # a sum asked by its name is read from a sentence that names it
        ("how much was Haddad's bail?", "50,000 euros", "186 million euros"),
        ("how much rent does the chain pay?", None, "2.3 billion zlotys"),
        # sums of any name answer a question that names none
        ("how much did Haddad steal?", "186 million euros", None),
        # a price is said in any words
        ("what is the price of a ticket for the gala?", "40 euros", None),
    ],
)
def test_a_named_sum_is_read_where_its_name_is_said(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(question, SUMS_READER, admitted, kept_out)


QUOTED_READER = reader_of(
    "Conductor dies\n\n"
    "Kučera led the Vltava Philharmonic from 1979 to 2006. "
    '"He asked you to play truthfully," a violinist said. '
    'His last recording was "Má vlast" in 2004.'
)


@pytest.mark.parametrize(
    ("question", "admitted", "kept_out"),
    [
        # quoted words name no body, team or person
        ("which orchestra did Kučera lead?", None, "He asked you to play truthfully"),
        # but may name a work
        ("which piece was his last recording?", "Má vlast", None),
    ],
)
def test_quoted_words_name_no_body(
    question: str, admitted: str | None, kept_out: str | None
) -> None:
    _assert_admits(question, QUOTED_READER, admitted, kept_out)
