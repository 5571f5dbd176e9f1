"""Question analysis: the expected answer type of varied questions, and what else is read."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.composer.extraction import asks_for_action
from bot.composer.normalization import expand_chat_spelling, expand_contractions
from bot.composer.questions import AnswerType, analyze_question, asks_event, set_aside_stems
from retrieval.analysis import stem


def analyze(question: str):  # type: ignore[no-untyped-def]
    return analyze_question(expand_chat_spelling(expand_contractions(question)))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("When is the summit?", AnswerType.DATE),
        ("when will they meet", AnswerType.DATE),
        ("What date was the phone call?", AnswerType.DATE),
        ("What year did the Normans conquer England?", AnswerType.DATE),
        ("In what century did the Normans first gain their identity?", AnswerType.DATE),
        ("Which day did Ushakov speak?", AnswerType.DATE),
        ("Since when has Navalny been in jail?", AnswerType.DATE),
        # the question word last: the gap of a stated sentence
        ("The summit is when?", AnswerType.DATE),
        ("the talks will be held where?", AnswerType.LOCATION),
        ("The bridge was designed by who?", AnswerType.PERSON),
        ("Putin's proposal was sent to whom?", AnswerType.PERSON),
        ("The meeting was moved elsewhere?", AnswerType.OTHER),  # a word, not "where"
        ("By when must the work be finished?", AnswerType.DATE),
        # a nationality is no place, though "nationality" stems as "nation"
        ("What nationality was Arthur Woolf?", AnswerType.OTHER),
        ("What is William Rankine's nationality?", AnswerType.OTHER),
        ("What nation hosted the games?", AnswerType.LOCATION),
        # head nouns are matched as words: "engines" and "office" stem as "engineer" and
        # "officer" do, and ask for no person
        ("Which engines power the ferry?", AnswerType.OTHER),
        ("Which engineers designed the bridge?", AnswerType.PERSON),
        ("What office does she hold?", AnswerType.OTHER),
        ("Which officers were suspended?", AnswerType.PERSON),
        ("Which wives of the miners spoke?", AnswerType.PERSON),
        ("What cities flooded?", AnswerType.LOCATION),
        # a passive or a subject's -ing verb after "what is" asks what it acts on
        ("what was stolen?", AnswerType.OTHER),
        ("what are the divers searching?", AnswerType.OTHER),
        ("what is Ortega planning?", AnswerType.OTHER),
        ("What is data mining?", AnswerType.DEFINITION),
        ("What is set theory?", AnswerType.DEFINITION),
        ("what is recall?", AnswerType.DEFINITION),  # a verb's plain form names a thing
        ("Which party's leader resigned?", AnswerType.ORGANIZATION),
        ("What country's flag is red?", AnswerType.LOCATION),
        ("What time does the meeting start?", AnswerType.DATE),
        # the count of a vote, not what it was about
        ("what was the vote?", AnswerType.NUMBER),
        ("What was the final vote on the budget?", AnswerType.NUMBER),
        ("what was the vote about?", AnswerType.OTHER),
        ("where's the summit", AnswerType.LOCATION),
        ("Where will Biden and Putin meet?", AnswerType.LOCATION),
        ("Which country will host the talks?", AnswerType.LOCATION),
        ("In what city is the G7 held?", AnswerType.LOCATION),
        ("From which countries did the Norse originate?", AnswerType.LOCATION),
        ("what continent are the islands near?", AnswerType.LOCATION),
        ("Where did Ushakov speak on Sunday?", AnswerType.LOCATION),
        ("Who is the president of Russia?", AnswerType.PERSON),
        ("who called Putin a killer?", AnswerType.PERSON),
        ("Whom did Biden call?", AnswerType.PERSON),
        ("Whose proposal was it?", AnswerType.PERSON),
        ("Which leader proposed the summit?", AnswerType.PERSON),
        ("Who were allowed to visit Navalny in jail?", AnswerType.PERSON),
        ("Who was Margaret's husband?", AnswerType.PERSON),
        ("Who was she married to?", AnswerType.PERSON),
        ("who is he working for?", AnswerType.PERSON),
        # a state, past any adverb, or a preposition after the copula asks who, not what
        ("who is still missing", AnswerType.PERSON),
        ("who was responsible?", AnswerType.PERSON),
        ("who is now in charge?", AnswerType.PERSON),
        ("who is behind the attack?", AnswerType.PERSON),
        ("who is former minister Ana Ruiz?", AnswerType.DEFINITION),
        ("Which official confirmed the dates?", AnswerType.PERSON),
        ("Which newspaper reported the proposed dates?", AnswerType.ORGANIZATION),
        ("What agency reported the hack?", AnswerType.ORGANIZATION),
        ("Which company was hacked?", AnswerType.ORGANIZATION),
        ("What party does he belong to?", AnswerType.ORGANIZATION),
        ("How many troops is Moscow recalling?", AnswerType.NUMBER),
        ("how much did the sanctions cost?", AnswerType.NUMBER),
        ("How long was Navalny on hunger strike?", AnswerType.NUMBER),
        ("How old is Biden?", AnswerType.NUMBER),
        ("How far is the border from Moscow?", AnswerType.NUMBER),
        # "what is the <quantity>?" asks for the quantity, not what it is
        ("what was the turnout?", AnswerType.NUMBER),
        ("what is the death toll?", AnswerType.NUMBER),
        ("what were Brenlow's sales last year?", AnswerType.NUMBER),
        ("What number president is Biden?", AnswerType.NUMBER),
        ("What percentage of voters agreed?", AnswerType.NUMBER),
        ("Why did Biden impose sanctions on Russia?", AnswerType.REASON),
        ("why does biden want a summit in a neutral country", AnswerType.REASON),
        ("How come the meeting was delayed?", AnswerType.REASON),
        ("What was the reason for the sanctions?", AnswerType.REASON),
        ("What caused the tension?", AnswerType.REASON),
        ("what did she die of", AnswerType.REASON),
        ("What did the former mayor die from?", AnswerType.REASON),
        ("What killed the fish?", AnswerType.REASON),
        # "what ... for?" asks why, unless "for" completes its verb
        ("What did the town build the wall for?", AnswerType.REASON),
        ("What were the divers looking for?", AnswerType.OTHER),
        ("What is Aldmark known for?", AnswerType.OTHER),
        ("What are the sanctions for?", AnswerType.REASON),
        ("For what reason were troops recalled?", AnswerType.REASON),
        ("How did the Kremlin receive Biden's proposal?", AnswerType.MANNER),
        ("How was the proposal made?", AnswerType.MANNER),
        ("how does the bot answer", AnswerType.MANNER),
        ("How will the meeting take place?", AnswerType.MANNER),
        ("What did Putin reply to Biden's remark?", AnswerType.QUOTE),
        ("What did Biden say in his speech?", AnswerType.QUOTE),
        ("What did Ushakov tell state television?", AnswerType.QUOTE),
        ("What did Biden warn?", AnswerType.QUOTE),
        ("What was Putin's response?", AnswerType.QUOTE),
        ("What has the Kremlin announced?", AnswerType.QUOTE),
        ("What did Biden call Putin?", AnswerType.QUOTE),
        # a word of a name is no speech verb: "the Islamic State" states nothing
        ("What did the Islamic State proclaim itself in 2014?", AnswerType.OTHER),
        ("What did the Secretary of State say?", AnswerType.QUOTE),
        # a request asked of someone, or a passive verb of speech, asks what was done
        ("What have unvaccinated children been asked to do?", AnswerType.OTHER),
        ("What have the two movements been described as?", AnswerType.OTHER),
        ("What will the new company be called?", AnswerType.QUOTE),  # a name, as "call" asks
        ("Who is Yuri Ushakov?", AnswerType.DEFINITION),
        ("who's alexei navalny", AnswerType.DEFINITION),
        ("What is SolarWinds?", AnswerType.DEFINITION),
        ("What is the G7?", AnswerType.DEFINITION),
        ("What is the trial called?", AnswerType.OTHER),  # asks its name, not what it is
        ("What did the kettles cost?", AnswerType.NUMBER),
        ("what will the school bus cost the town", AnswerType.NUMBER),  # its cost to someone
        ("what was the road contract worth", AnswerType.NUMBER),  # its value in money
        ("what is the worth of a promise", AnswerType.OTHER),
        ("what did the cost cutting do", AnswerType.OTHER),
        # "the" + a category noun asks for one of that category, not a definition
        ("What was the score?", AnswerType.NUMBER),
        ("What is the capital?", AnswerType.LOCATION),
        ("What is a president?", AnswerType.DEFINITION),
        ("What is her most famous painting?", AnswerType.OTHER),  # one of her paintings
        ("What city north of New York was settled by Huguenots?", AnswerType.LOCATION),
        ("What does NATO stand for?", AnswerType.DEFINITION),
        ("What is meant by sanctions?", AnswerType.DEFINITION),
        ("Is the summit in June?", AnswerType.YES_NO),
        ("Has a location for the meeting been agreed?", AnswerType.YES_NO),
        ("Did Putin agree to join the climate summit?", AnswerType.YES_NO),
        ("Will Biden travel to Europe?", AnswerType.YES_NO),
        ("Are the troops leaving the border?", AnswerType.YES_NO),
        ("Was Navalny on hunger strike?", AnswerType.YES_NO),
        ("Can doctors visit Navalny?", AnswerType.YES_NO),
        ("Is a problem instance abstract or concrete?", AnswerType.YES_NO),
        ("What cyber hack is Russia accused of?", AnswerType.OTHER),
        ("What climate summit did Putin agree to join?", AnswerType.OTHER),
        ("What technology did Putin call for collaboration on?", AnswerType.OTHER),
        ("What was the naval base called?", AnswerType.OTHER),
        ("What is the most frequently employed type of reduction?", AnswerType.OTHER),
        ("Which theorems settle questions of time and space?", AnswerType.OTHER),
        ("What was the Norman religion?", AnswerType.OTHER),
        # "the" and a name: what the name names, however long
        ("What is the Musée Valsenne?", AnswerType.DEFINITION),
        ("What is the European Union?", AnswerType.DEFINITION),
        ("Name the summit Putin agreed to join.", AnswerType.OTHER),
        ("can you tell me when the summit is?", AnswerType.DATE),
        ("do you know where they will meet?", AnswerType.LOCATION),
        # a clause before the question proper: its own question word says what is asked
        ("When imperialism shapes a state's norms, what is it called?", AnswerType.OTHER),
        ("If the vote fails, who decides?", AnswerType.PERSON),
        ("When did the war end?", AnswerType.DATE),
        ("When and where was the final played?", AnswerType.DATE),
        # a number a noun before it says is an identifier: no quantity is asked
        ("Which model numbers are recalled?", AnswerType.OTHER),
        ("What is the flight number?", AnswerType.OTHER),
        ("What is the total number of votes?", AnswerType.NUMBER),
    ],
)
def test_answer_type(question: str, expected: AnswerType) -> None:
    assert analyze(question).answer_type is expected


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("Which newspaper reported the proposed dates?", ("newspaper",)),
        ("What cyber hack is Russia accused of?", ("cyber", "hack")),
        ("What is the most frequently employed type of reduction?", ("reduction",)),
        ("What was the naval base called?", ("naval", "base")),
        ("Who was Margaret's husband?", ("husband",)),
        ("What was the name of the Norse leader?", ("norse", "leader")),
        # "X's name" is the name of X, but "Biden's name" is no Biden
        ("What is Biden's wife's name?", ("wife",)),
        ("what are the new owner's names?", ("owner",)),
        ("What is the Norman king's full name?", ("king",)),
        ("What is Biden's name?", ("name",)),
        # a verb after the noun ends the phrase
        ("What battle took place in the 10th century?", ("battle",)),
        ("What proclamation gave Huguenots special privileges?", ("proclamation",)),
        ("What is the name given to the input string?", ("name",)),
        # ... and so does a verb that is also a noun, after a plural, with its object next
        ("Which countries share the currency?", ("country",)),
        ("Which firms own the mine?", ("firm",)),
        # a preposition right after a "what" inside the question opens no noun phrase
        ("Antigens bind to what in order to elicit a response?", ()),
        ("Steam engines were used for what in factories?", ()),
        # ... or a verb in -s taking a clause ("state that"), after any noun
        ("Which articles state that powers stay with the states?", ("article",)),
        ("Which TFEU article states that states are exempt?", ("tfeu", "article")),
        ("What studies show that it works?", ("study",)),
        # the owner before "'s" is not the head
        ("What is Norman art's best known piece?", ("best", "known", "piece")),
        # a time said after the noun is not its head
        ("What were Brenlow's sales last year?", ("sale",)),
        # a verb right after "what" has "what" for its subject: there is no head noun
        ("What wrecked the fleet?", ()),
        # "doing" asks for an action: "Russia" is no head noun
        ("What is Russia doing on the Ukrainian border?", ()),
        ("What happens when the river floods?", ()),
        ("Which led to the strike?", ()),
        # but a noun that could be a verb is still a head ("of" follows it, or it is in -ing)
        ("Which bound of time is harder to establish?", ("bound",)),
        ("What building collapsed?", ("building",)),
        # an owner right after the wh-word is asked for, not what it owns
        ("Which lender's shares went up?", ("lender",)),
        ("Which Norwegian oil company's chief resigned?", ("norwegian", "oil", "company")),
        ("Which of the firm's plants closed?", ("plant",)),
        # a name in the head phrase is no verb, whatever its ending ("Turing" in -ing)
        ("What type of Turing machine is it?", ("turing", "machine")),
        ("What are two examples of types of Turing machines?", ("turing", "machines")),
        # ... but a known verb is one, even capitalized
        ("What team Won?", ("team",)),
        # "an example of" names no head: the noun after it does, as after "type of"
        ("What is an example of a virus that uses antigenic variation?", ("virus",)),
        ("What is another example of a function problem?", ("function", "problem")),
        ("What is an example of a type of engine?", ("engine",)),
        # a word in -s with no verb after it is the question's verb, not part of the head
        ("What force acts between electric charges?", ("force",)),
        ("What kind of deprivation results in lower antibody production?", ("deprivation",)),
        ("What powers the engine?", ()),
        # ... but with a verb after it, or "of" after it, or none that it governs, a noun
        ("What changes occurred in 1990?", ("changes",)),
        ("What changes did the board make?", ("changes",)),
        ("What types of molecules?", ("molecules",)),
        ("Which sports teams in Boston?", ("sports", "teams")),
    ],
)
def test_head_noun_of_what_and_which_questions(question: str, head: tuple[str, ...]) -> None:
    assert analyze(question).head == tuple(stem(word) for word in head)


@pytest.mark.parametrize(
    ("question", "target"),
    [
        ("Who is Yuri Ushakov?", "Yuri Ushakov"),
        ("What is SolarWinds?", "SolarWinds"),
        ("What does NATO stand for?", "NATO"),
        # a person's work is their description
        ("What was Armando Figueiredo's job?", "Armando Figueiredo"),
        ("what does Conceição do for a living?", "Conceição"),
        ("What is the occupation of Joana Ribeiro?", "Joana Ribeiro"),
    ],
)
def test_definition_target(question: str, target: str) -> None:
    analysis = analyze(question)
    assert analysis.answer_type is AnswerType.DEFINITION
    assert analysis.target == target


@pytest.mark.parametrize(
    "question",
    ["what did she do?", "What is the job market like?", "what did the council do for the park?"],
)
def test_no_question_about_work_without_a_job_asked(question: str) -> None:
    assert analyze(question).answer_type is not AnswerType.DEFINITION


@pytest.mark.parametrize(
    ("question", "verb"),
    [
        ("What did Putin reply to Biden's remark?", "repli"),
        ("What did Biden say in his speech?", "say"),
        ("What did Biden call Putin?", "call"),
        ("What was Putin's response?", "repli"),
    ],
)
def test_speech_verb_of_quote_questions(question: str, verb: str) -> None:
    assert analyze(question).verb == verb


@pytest.mark.parametrize(
    ("question", "tense"),
    [
        ("When is the summit?", "present"),
        ("When will they meet?", "future"),
        ("When did Biden propose the meeting?", "past"),
    ],
)
def test_tense(question: str, tense: str) -> None:
    assert analyze(question).tense == tense


@pytest.mark.parametrize(
    ("question", "content"),
    [
        ("How long was Navalny on hunger strike?", ["Navalny", "hunger", "strike"]),
        # "anyone" names no one in particular; "going to" before a verb only says the future
        ("Has anyone been arrested?", ["arrested"]),
        ("Is Castell going to appeal?", ["Castell", "appeal"]),
        ("Is Castell going to the market?", ["Castell", "going", "market"]),
        ("Is Castell going to Paris?", ["Castell", "going", "Paris"]),
        # a function word's spelling used as a noun: after an article, or an acronym
        ("Where is the mine?", ["mine"]),
        ("What is in the will?", ["will"]),
        ("What did the US say?", ["US", "say"]),
        ("What did US officials say?", ["US", "officials", "say"]),
        ("Is that mine?", []),
        ("WHERE IS IT?", []),
        ("Who can vote?", ["vote"]),
    ],
)
def test_question_words_are_not_content(question: str, content: list[str]) -> None:
    assert [token.text for token in analyze(question).content] == content


def test_either_or_questions_keep_their_options() -> None:
    assert analyze("Is a problem instance abstract or concrete?").alternatives == (
        "abstract",
        "concrete",
    )


# Question words glued to what follows, as a caller that skips the composer's own
# normalization passes them: "what's", "which's", "who's".
_GLUED = st.sampled_from(["what's", "What's", "which's", "who's", "how's", "WHAT'S", "what"])
_WORDS = st.sampled_from(["the", "party's", "take", "on", "is", "was", "maximum", "?", "'s"])


@settings(max_examples=300, deadline=None)
@given(_GLUED, st.lists(_WORDS, max_size=6))
def test_any_question_form_is_analyzed_without_error(opening: str, words: list[str]) -> None:
    analysis = analyze_question(" ".join([opening, *words]))
    assert analysis.answer_type in set(AnswerType)


@pytest.mark.parametrize(
    ("question", "asks_role", "role"),
    [
        ("who is the finance minister?", True, "finance minister"),
        ("Who is the 46th US president?", True, "46th US president"),  # "US" is no pronoun
        ("who was an important figure in the revival in India?", False, ""),
        # the role before the body it serves, or after a name's possessive
        ("who is the ceo of Minera Altiplano?", True, "ceo"),
        ("who is the principal at the elementary school?", True, "principal"),
        ("who is Poland's culture minister?", True, "culture minister"),
        ("who is Brenlow's chief financial officer?", True, "chief financial officer"),
        # an owner in lower case is no part of the role: the story may say "the ship's"
        ("who was the ferry's captain?", True, "captain"),
        ("who is the company's chief executive?", True, "chief executive"),
        # one word after a possessive is a role ("coach"), unless a relation ("husband")
        ("who is Sato's coach?", True, "coach"),
        # the owner's name may have a few words ("Kestrel Home's", "Emi Sato's")
        ("who is Kestrel Home's chief executive?", True, "chief executive"),
        ("who is Emi Sato's coach?", True, "coach"),
        ("who is sato's coach?", True, "coach"),  # one word: typed in lower case too
        ("who was Margaret's husband?", False, ""),
        ("who was Kublai Khan's grandfather?", False, ""),
        ("who was Richard's fiancee?", False, ""),
        # a role of someone named before ("her successor"); kin stay "who is X?"
        ("who is her successor?", True, "successor"),
        ("who was his lawyer?", True, "lawyer"),
        ("who is her husband?", False, ""),
        # a role asked of the future ("will be") or of a supposition ("would be")
        ("who will be the next finance minister?", True, "next finance minister"),
        ("who would be the club's coach?", True, "coach"),
        ("who will be sent off?", False, ""),
        # more than a role: a verb after the body ("ranked above")
        ("Who was the Uighur King of Qocho ranked above?", False, ""),
    ],
)
def test_questions_about_who_holds_a_role(question: str, asks_role: bool, role: str) -> None:
    analysis = analyze(question)
    assert analysis.asks_role is asks_role
    if asks_role:
        assert analysis.focus_phrase == tuple(stem(word.lower()) for word in role.split())


@pytest.mark.parametrize(
    ("question", "focus", "phrase"),
    [
        ("who was the second person killed?", "person", "second person"),
        ("who was the second researcher who found the leak?", "researcher", "second researcher"),
        ("who was the man arrested on Friday?", "man", "man"),
        ("who was the woman diver?", "diver", "woman diver"),
        # no participle or relative clause: the last word, as before
        ("who was the ruling class ahead of the Normans?", "Normans", "ruling class ahead Normans"),
    ],
)
def test_a_role_ends_where_a_clause_about_it_begins(question: str, focus: str, phrase: str) -> None:
    analysis = analyze(question)
    assert analysis.focus == stem(focus.lower())
    assert analysis.focus_phrase == tuple(stem(word.lower()) for word in phrase.split())


@pytest.mark.parametrize(
    ("question", "action"),
    [
        ("What did DECnet originally do?", True),
        ("what has the safety service done", True),
        ("What were the miners doing when the roof fell?", True),  # "doing" anywhere
        ("What is Russia doing on the Ukrainian border?", True),
        ("What did the kettles cost?", False),
    ],
)
def test_questions_that_ask_what_someone_did(question: str, action: bool) -> None:
    assert asks_for_action(question) is action


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("how many affordable units will be built?", "unit"),
        ("how many apartment units will be built?", "unit"),
        # after a plural noun, a singular word is the verb: what is counted is the noun
        ("how many teachers work for the division?", "teacher"),
        ("how many people live there?", "peopl"),
        # a plural with no "s" ends the counted noun too: "work" is the verb
        ("how many people work for the brewery?", "peopl"),
        ("how many women work there?", "women"),
        ("who is the mayor?", "mayor"),
        # past a participle that describes the noun
        ("how many long tailed ducks winter there", "duck"),
        ("how many injured people were taken to hospital?", "peopl"),
        ("how many operating theatres does the region have?", "theatr"),
        # a comparison counts nothing
        ("how much busier were emergency departments than usual", None),
        ("how much more will it cost?", None),
    ],
)
def test_the_focus_is_what_is_counted_or_asked_about(question: str, focus: str | None) -> None:
    assert analyze_question(question).focus == focus


@pytest.mark.parametrize(
    ("question", "role"),
    [
        # a verb after the wh-phrase: it asks for the verb's subject
        ("which newspaper reported the offer?", "subject"),
        ("who won the final?", "subject"),
        # past what qualifies the wh-phrase's noun
        ("what percentage of people on the drug reported swollen ankles?", "subject"),
        ("which member of the board voted no?", "subject"),
        # an auxiliary after it: the object
        ("what did the council approve?", "object"),
        ("what share of the vote did Unity win?", "object"),
        # "is" as the auxiliary of a verb in -ing after the subject: the object
        ("what is the company offering?", "object"),
        ("what is the firm building?", "object"),
        # a copula, or no verb to tell
        ("what is the capital?", ""),
        ("what is the new building?", ""),
        ("where did they meet?", ""),
        ("which of the parties won?", ""),
    ],
)
def test_the_role_the_wh_phrase_plays(question: str, role: str) -> None:
    assert analyze_question(question).wh_role == role


@pytest.mark.parametrize(
    ("question", "preposition"),
    [
        ("in what year was it built?", "in"),
        ("what city is it located in?", "in"),
        # before "how", where it opens the question
        ("by how much did fares rise?", "by"),
        ("for how long was he held?", "for"),
        # not a preposition of a clause about how something is done
        ("what is interested in how algorithms scale?", None),
        ("how much is it?", None),
    ],
)
def test_the_preposition_that_introduces_the_answer(question: str, preposition: str | None) -> None:
    assert analyze_question(question).preposition == preposition


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        ("which other trustee voted no besides delorme?", {"delorm"}),
        (
            "Besides Confucianism, Buddhism, and Islam, what religions were tolerated?",
            {"confucian", "buddhism", "islam"},
        ),
        ("who voted no except for Ana Ruiz?", {"ana", "ruiz"}),
        ("what else did he win other than the cup?", {"cup"}),
        # a word the rest of the question says names the kind asked for
        ("Other than T cells, what other immune cells express it?", {"t"}),
        ("who voted no?", set()),
    ],
)
def test_what_a_question_sets_aside(question: str, aside: set[str]) -> None:
    assert set_aside_stems(question) == aside


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_question_sets_aside_only_its_own_words(question: str) -> None:
    own = {stem(word) for word in re.findall(r"[a-z][a-z'-]*", question.lower())}
    assert set_aside_stems(question) <= own


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("What nationality was Arthur Woolf?", True),
        ("what is her nationality", True),
        ("Of what nationality is the captain?", True),
        ("What was the nationality of the captain?", True),
        ("What is the nationality law of Dovra?", False),
        ("What citizenship does she hold?", True),
        ("Which nation won the cup?", False),
        ("What did the nationality law change?", False),
    ],
)
def test_a_nationality_question_is_told_apart(question: str, asks: bool) -> None:
    assert analyze(question).asks_nationality is asks


@pytest.mark.parametrize(
    ("question", "event"),
    [
        ("what happened to the ferry?", True),
        ("What has happened at the museum?", True),
        ("what will happen to the workers?", True),
        # how something works, or what comes next: not an event told
        ("what happens to the working fluid in a closed loop?", False),
        ("what happens next?", False),
        ("what did the ferry hit?", False),
    ],
)
def test_a_question_about_what_happened_asks_for_an_event(question: str, event: bool) -> None:
    assert asks_event(analyze_question(question)) is event


@pytest.mark.parametrize(
    ("question", "answer_type", "head"),
    [
        # a time taken is a measure; a bare time asks when
        ("what was the winning time?", AnswerType.NUMBER, ("win", "time")),
        ("what was Derese's winning time?", AnswerType.NUMBER, ("win", "time")),
        ("what time did the race start?", AnswerType.DATE, ()),
    ],
)
def test_a_time_taken_is_a_measure(
    question: str, answer_type: AnswerType, head: tuple[str, ...]
) -> None:
    analysis = analyze_question(question)
    assert analysis.answer_type is answer_type
    assert analysis.head[: len(head)] == head


@pytest.mark.parametrize(
    "question", ["what was the driver convicted of?", "what were the divers looking for?"]
)
def test_a_verb_with_a_stranded_preposition_asks_for_its_object(question: str) -> None:
    """A passive's or an -ing verb's: "the divers" are no head noun of the answer."""
    analysis = analyze_question(question)
    assert analysis.answer_type is AnswerType.OTHER
    assert analysis.head == ()


@pytest.mark.parametrize(
    ("question", "head"),
    [
        # "to" and a verb at the end (a phrase after it allowed): the verb's object is asked
        ("What were the Yuan armies too weak to stop?", ()),
        # a passive progressive's object: "customers" are no head noun of the answer
        ("What are customers being offered?", ()),
        ("What was the Soviet Union trying to suppress with its army?", ()),
        # after a noun, "to" and a verb say what the noun is for: the noun is asked
        ("what is the best way to travel?", ("best", "way")),
        ("what is the right to vote?", ("right",)),
        # "to" before a noun is a preposition
        ("what was the name given to the ship?", ("name",)),
    ],
)
def test_an_infinitive_at_the_end_asks_for_its_object(question: str, head: tuple[str, ...]) -> None:
    analysis = analyze_question(question)
    assert analysis.head == tuple(stem(word) for word in head)
