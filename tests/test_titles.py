"""Titles: a headline for the happening each date phrase dates, in sentences of our own."""

from __future__ import annotations

import pytest

from timeline.dates import DateValue
from timeline.events import candidates
from timeline.events.titles import DATE_ONLY_TITLE, MAX_WORDS, headline, make_title
from timeline.events.words import base_form, ing_base, present
from timeline.models import Document
from timeline.tagger import tag

PUBLISHED = DateValue.parse("2024-03-15")


def titles(text: str, published: DateValue | None = PUBLISHED) -> dict[str, str]:
    """Each date phrase of ``text`` -> its candidate's title, through the whole event stage."""
    doc = Document(path="x.txt", text=text, published=published)
    return {c.text: c.title for c in candidates(doc, tag(text, published), "x")}


# One sentence, one date phrase: (sentence, phrase, title).
CASES = [
    # the date phrase goes, with its preposition, and leaves no hole
    ("In June 2018, the services were rated as needing improvement.", "June 2018",
     "Services rated as needing improvement"),
    ("The report of the inspectors was published on 1 March 2023.", "1 March 2023",
     "Report of inspectors published"),
    ("The library closed its doors for good last year.", "last year",
     "Library closes its doors for good"),
    # headline style: the past in the present, passives and perfects shortened, no articles
    ("The county council approved the bridge budget on Tuesday.", "Tuesday",
     "County council approves bridge budget"),
    ("The old mill has burned down twice since 1990, the last time in 2019.", "2019",
     "Old mill burns down twice since 1990"),
    ("The ferries were cancelled on 4 January after the storm.", "4 January",
     "Ferries cancelled after storm"),
    ("The two unions merged in 2008.", "2008", "Two unions merge"),
    ("In March the Basques surrendered the port.", "March", "Basques surrender port"),
    # a clause that starts with its verb takes the sentence's subject, a name first
    ("Ms Okafor, a former teacher, was elected mayor on 2 May 2019.", "2 May 2019",
     "Ms Okafor elected mayor"),
    ("On 9 April, after a long debate, the assembly passed the housing bill.", "9 April",
     "Assembly passes housing bill"),
    ("On 3 June the harbour master, Jan Pieters, closed the port to fishing boats.", "3 June",
     "Harbour master closes port to fishing boats"),
    ("On 12 October the river, after days of rain, finally burst its banks.", "12 October",
     "River bursts its banks"),
    # a fronted date's preposition governs the date, not the clause after it
    ("On 6 May the operator hired temporary crews, but they were turned away.", "6 May",
     "Operator hires temporary crews"),
    # a participle between a subject and its verb describes the subject
    ("The town walls, rebuilt in 1660, still stand.", "1660", "Town walls rebuilt"),
    # a relative clause: its antecedent is the subject, the main clause stays out
    ("The engineer who designed the viaduct in 1962 has died.", "1962",
     "Engineer designs viaduct"),
    ("Mr Reyes, who founded the choir in 1985, will retire in June.", "1985",
     "Mr Reyes founds choir"),
    # the reported clause, with its speaker, rather than "X said Friday"
    ("The station will reopen next spring, the operator said on Monday.", "Monday",
     "Operator says station will reopen next spring"),
    ("The minister said on Thursday that the plant would close.", "Thursday",
     "Minister says plant would close"),
    # a date in a phrase that only sets the scene dates the clause it opens
    ("In early trading on Monday, shares of the brewer jumped 8%.", "Monday",
     "Shares of brewer jump 8%"),
    # "when" right after the date tells what happened then
    ("She lived in Lisbon until 1974, when the revolution ended the dictatorship.", "1974",
     "Revolution ends dictatorship"),
    # a noun that names a happening: "the fall of", "the opening of"
    ("Trade slowed after the fall of the port city in May.", "May", "Port city falls"),
    ("Crowds gathered for the opening of the new concert hall on 1 September.", "1 September",
     "New concert hall opens"),
    # a participle after its noun dates that noun, not the clause
    ("The plan aims to restore the services cut back in 2012.", "2012",
     "Services cut back"),
    # a number joined to its noun by a hyphen is one word, never a break
    ("A 6-year-old boy was found at sea on 25 November.", "25 November",
     "6-year-old boy found at sea"),
    ("Baghdad fell on April 9, ending a 24-year rule.", "April 9",
     "Baghdad falls ending 24-year rule"),
    # of names in apposition before the verb, the first is the subject
    ("On 20 August General Charles Mangin, the Butcher, drove his army forward at Soissons.",
     "20 August", "General Charles Mangin drives his army forward at Soissons"),
    ("Vicksburg, Mississippi, fell on 4 July.", "4 July", "Vicksburg falls"),
    # a past that is no participle, after a phrase that opens the clause, is its verb
    ("On 5 September, after heavy fighting the force took Irún, closing the border.",
     "5 September", "Force takes Irún closing border"),
    ("On 5 May, after touring Dar es Salaam the president flew home.", "5 May",
     "President flies home"),
    # a verb after a noun that follows a preposition is the clause's own verb
    ("Dock workers at the port returned to work on Monday.", "Monday",
     "Dock workers at port return to work"),
    # a clause of its own after the main clause's verb holds the happening
    ("Attendance was the highest since records began in 1910.", "1910", "Records begin"),
    # a clause opened by "that" holds the happening
    ("The audit notes in its findings that the accounts were altered in 2016.", "2016",
     "Accounts altered"),
    # a year before a noun dates what the noun names
    ("The 1998 flood plan was strengthened by a new levy.", "1998",
     "Flood plan strengthened by new levy"),
    # a short clause takes in the participle clause that follows
    ("On 8 May the rebels tried again, storming the northern gate.", "8 May",
     "Rebels try again storming northern gate"),
    # numbers and names are never cut, possessives keep their preposition
    ("The relief convoy of 1,250 trucks reached the city on 4 March.", "4 March",
     "Relief convoy of 1,250 trucks reaches city"),
    ("Residents raised the issues highlighted in last year's review.", "last year",
     "Issues highlighted in review"),
    # a date alone on its line
    ("14 March 2024", "14 March 2024", DATE_ONLY_TITLE),
]


@pytest.mark.parametrize(("sentence", "phrase", "title"), CASES, ids=[c[1] for c in CASES])
def test_title(sentence: str, phrase: str, title: str) -> None:
    start = sentence.index(phrase)
    assert make_title(sentence, start, start + len(phrase)) == title


def test_cases_are_unique() -> None:
    assert len({(s, p) for s, p, _ in CASES}) == len(CASES)


def test_two_happenings_in_one_sentence_get_their_own_conjuncts() -> None:
    found = titles("Hamburg fell on 3 May 1945, followed by Kiel on 5 May and Flensburg on 8 May.")
    assert found == {
        "3 May 1945": "Hamburg falls",
        "5 May": "Kiel falls",
        "8 May": "Flensburg falls",
    }
    found = titles("The army took Arras on 2 June, then Douai on 4 June and Lens on 9 June.")
    assert found["4 June"] == "Army takes Douai"
    assert found["9 June"] == "Army takes Lens"


def test_followed_by_repeats_the_happening_with_another_subject() -> None:
    found = titles("A relief army reached the town in April 1644, followed by a second column "
                   "on 2 May.")  # fmt: skip
    assert found["April 1644"] == "Relief army reaches town"
    assert found["2 May"] == "Second column reaches town"


def test_each_verb_of_a_clause_keeps_its_own_date() -> None:
    found = titles("The board met on 2 May 2023 and appointed a new chief executive on 9 May.")
    assert found["2 May 2023"] == "Board meets"
    assert found["9 May"] == "Board appoints new chief executive"


def test_he_or_she_is_the_person_the_sentence_before_speaks_of() -> None:
    text = "Governor Maria Lindqvist toured the flooded towns. She declared an emergency today."
    assert titles(text)["today"] == "Governor Maria Lindqvist declares emergency"
    # a capital that only starts the sentence names nobody
    text = "Shipping lines diverted ten vessels. He expects normal traffic today."
    assert titles(text)["today"] == "He expects normal traffic"
    # nobody named before: the pronoun stays, and so does the tense
    assert titles("It was sent to the minister on 2 March.")["2 March"] == (
        "It was sent to minister"
    )


def test_he_or_she_is_the_role_the_sentence_before_names_when_no_name() -> None:
    text = "The harbour master spoke to reporters. He expects normal traffic today."
    assert titles(text)["today"] == "Harbour master expects normal traffic"
    # a role that is not the subject, or a subject that is no role, names nobody
    text = "The reporters met the harbour master. He expects normal traffic today."
    assert titles(text)["today"] == "He expects normal traffic"
    text = "The old bridge was closed. He expects normal traffic today."
    assert titles(text)["today"] == "He expects normal traffic"
    # a subject told in the plural is not one person
    text = "Ships were diverted, the harbour master said. He expects normal traffic today."
    assert titles(text)["today"] == "Harbour master expects normal traffic"
    # the one who said the sentence before, named by role after it
    text = (
        "Shipping lines diverted ten ships, the harbour master said. "
        "He expects normal traffic today."
    )
    assert titles(text)["today"] == "Harbour master expects normal traffic"


def test_he_after_a_semicolon_is_the_subject_of_the_first_clause() -> None:
    text = (
        "In January 1952, General de Lattre fell ill and returned to France; he died there "
        "shortly thereafter."
    )
    assert titles(text)["shortly thereafter"] == "General de Lattre dies there"


def test_a_date_between_two_conjuncts_opens_the_second() -> None:
    text = (
        "In 1937 the army shelled the city and, in the following two years, mounted several "
        "offensives to encircle it."
    )
    assert titles(text)["the following two years"] == (
        "Army mounts several offensives to encircle it"
    )


def test_what_a_count_of_days_counts_from_is_no_title() -> None:
    text = (
        "Girona fell on 5 February 1939. Five days after the fall of Girona, the last "
        "resistance in Catalonia was broken."
    )
    assert titles(text)["Five days after"] == "Last resistance in Catalonia broken"


def test_a_fronted_participle_clause_takes_the_main_clause_subject() -> None:
    text = "After touring the dam on Thursday, the engineers said the repairs were sound."
    assert titles(text)["Thursday"] == "Engineers tour dam"


def test_the_sentence_after_a_quotation_is_not_part_of_it() -> None:
    text = 'The mayor spoke on Friday. ``We will rebuild,\'\' she said.'
    assert titles(text)["Friday"] == "Mayor speaks"


def test_titles_end_at_a_phrase_boundary_within_the_limit() -> None:
    sentence = (
        "On 5 May 2020 the regional transport authority opened the long-awaited northern "
        "extension of the tram line between the university campus and the airport terminal."
    )
    title = make_title(sentence, 3, 13)
    assert title == (
        "Regional transport authority opens long-awaited northern extension of tram line"
    )
    assert len(title.split()) <= MAX_WORDS
    assert not title.endswith("…")


def test_headline_reports_the_action_stem() -> None:
    text = "Yesterday the council approved the plan."
    result = headline(text, 0, len(text), 0, 9)
    assert (result.text, result.action) == ("Council approves plan", "approve")


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("launched", "launch"), ("created", "create"), ("named", "name"), ("planned", "plan"),
        ("added", "add"), ("opened", "open"), ("visited", "visit"), ("invited", "invite"),
        ("issued", "issue"), ("changed", "change"), ("carried", "carry"), ("played", "play"),
        ("evacuated", "evacuate"), ("acquired", "acquire"), ("treated", "treat"),
        ("equipped", "equip"), ("travelled", "travel"), ("agreed", "agree"), ("died", "die"),
        ("fell", "fall"), ("overran", "overrun"), ("repaid", "repay"), ("table", None),
        ("conquered", "conquer"), ("questioned", "question"),
    ],
)  # fmt: skip
def test_base_form(word: str, base: str | None) -> None:
    assert base_form(word) == base


@pytest.mark.parametrize(
    ("word", "base"),
    [("touring", "tour"), ("making", "make"), ("stopping", "stop"), ("seeing", "see"),
     ("dying", "die"), ("morning", "morn")],
)  # fmt: skip
def test_ing_base(word: str, base: str) -> None:
    assert ing_base(word) == base


@pytest.mark.parametrize(
    ("base", "plural", "word"),
    [("launch", False, "launches"), ("carry", False, "carries"), ("play", False, "plays"),
     ("go", False, "goes"), ("be", False, "is"), ("have", True, "have"), ("fall", True, "fall")],
)  # fmt: skip
def test_present(base: str, plural: bool, word: str) -> None:
    assert present(base, plural) == word


def test_a_period_that_ended_sets_the_scene_of_the_clause() -> None:
    text = "The bank said it lost $2 million for the quarter ended Sept. 30."
    found = titles(text, DateValue.parse("1989-10-20"))
    assert found["the quarter"] == "Bank says it lost $2 million"
