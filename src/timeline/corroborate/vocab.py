"""Words that tell who did what in a sentence, as tables (see :mod:`.signature`).

General English, no particular document: titles and designators that are part of a name
without telling which one ("President", "County"), words that open a clause, verbs that only
report or carry another word's meaning, irregular verb forms, and classes of verbs and nouns
that name the same kind of happening ("invaded" and "occupation", "killed" and "slain").
"""

from __future__ import annotations

from ..function_words import FUNCTION_WORDS
from ..tagger import vocab as dates

#: Function words and reporting words that say nothing about what happened.
STOPWORDS = FUNCTION_WORDS | {"following", "cllr", "coun"}

#: Words of dates and times: sharing them says nothing about sharing a happening.
DATE_WORDS = frozenset(
    [
        *dates.MONTHS,
        *dates.WEEKDAYS,
        *dates.WEEKDAY_ABBREVIATIONS,
        *dates.SEASONS,
        *dates.UNITS,
        *dates.UNIT_PLURALS,
        *(word for phrase in dates.RELATIVE_DAYS for word in phrase.split()),
        *dates.NUMBERS,
        *dates.ORDINALS,
        *dates.DAY_PARTS,
        *(word for phrase in dates.QUALIFIERS for word in phrase.split()),
        "last", "next", "ago", "earlier", "later", "recent", "recently", "previous",
        "current", "currently", "week's", "year's", "today's", "yesterday's", "annual",
    ]
)  # fmt: skip

#: Titles and ranks written before a name: part of it, but shared by many people.
TITLES = frozenset(
    """
    president vice minister prime foreign interior defence defense finance trade secretary
    deputy chief director general gen lieutenant lt col colonel capt captain major maj sgt
    sergeant adm admiral cmdr commander marshal dr mr mrs ms miss sir dame lord lady king queen
    prince princess emperor empress pope cardinal bishop archbishop rev reverend father
    saint sen senator rep representative gov governor mayor judge justice chairman chairwoman
    chair ceo spokesman spokeswoman ambassador commissioner chancellor premier sheikh
    inspector officer agent attorney prosecutor professor prof cllr councillor councilor
    leader head
    """.split()
)

#: Words that say what kind of thing a name is ("Orange County", "Norton Co.", "the Labour
#: Party"): shared by names of many different things, so no sign of the same one.
DESIGNATORS = frozenset(
    """
    county city town village state states province region district republic kingdom empire
    federation union nation nations national federal international river lake sea ocean
    bay gulf island islands mount mountain mountains valley street road avenue square park
    university college school academy institute hospital church cathedral department
    ministry agency office bureau council committee commission assembly parliament congress
    senate house court party army navy force forces corps guard police company co corp
    corporation inc ltd plc llc group holdings bank fund trust association society
    foundation center centre service services board authority administration north south
    east west northern southern eastern western central new old great upper lower united
    first second third day war world report news times post daily press
    """.split()
)

#: Designators of bodies: a title before one is part of the body's name ("the Justice
#: Department", "the Defence Ministry"), not of a person's.
ORGANISATIONS = frozenset(
    "department ministry agency office bureau council committee commission court".split()
)

#: Small words inside a name: "Bank of England", "Dar es Salaam", "Osama bin Laden".
NAME_CONNECTORS = frozenset(
    "of de del della di da du des la le van von der den es al el bin ibn y".split()
)

#: Words that open a clause of their own: the date in it belongs to that clause.
CLAUSE_OPENERS = frozenset(
    """
    who whom whose which where when whenever while whereas although though because after
    before until till since unless if once whether but that
    """.split()
)
#: Relative pronouns: the name just before one is the subject of its clause ("that" is left
#: out: "ruled that Elian must return" is no relative clause).
RELATIVES = frozenset("who whom whose which".split())
#: Prepositions: a name after one is no actor ("In New York Stock Exchange trading").
PREPOSITIONS = frozenset(
    """
    in on at by of from to for with into onto near outside inside across through against
    toward towards over under after before during since until via off about around between
    among behind beyond within without
    """.split()
)
#: Words of the compass that make another place of a name: "South Africa" is not "East
#: Africa", though "West Germany" may be "Germany".
COMPASS = frozenset("north south east west northern southern eastern western central".split())
#: After a date phrase, these open the clause that tells what happened then ("in 1968, when
#: the troops invaded").
THEN_OPENERS = frozenset("when as where".split())
#: After these, a clause opener is no clause: "the day after", "that same day".
_NOT_OPENING_BEFORE = frozenset("same very".split())

#: Verbs that only report what someone said: the happening is what was said.
REPORTING = frozenset(
    """
    say says said tell tells told add adds added note notes noted claim claims claimed quote
    announce announces announced announcing
    quoted insist insisted argue argued explain explained comment commented remark remarked
    """.split()
)
#: Verbs of speaking out: a happening that its speaker repeats ("vowed to find the bombers"
#: on Saturday and again on Thursday), and what follows is what was said, not done then.
SPEECH_ACTS = frozenset(
    """
    vow call urge warn pledge promise condemn ask demand appeal deny praise criticize
    criticise welcome reiterate repeat threaten plead request press
    """.split()
)
#: Verbs that carry the meaning of another word, or of none: "became members", "took part",
#: "began an offensive", "plans to open".
LIGHT_VERBS = frozenset(
    """
    be is are was were been being am have has had having do does did doing done get got
    gotten getting make made making take took taken taking give gave given giving go went
    gone going come came coming put become became becoming seem seemed remain remained keep
    kept use used let also just not no yes can could may might must shall should will would
    begin begins began begun beginning start starts started starting continue continues
    continued continuing resume resumed compare compared comparing expect expects expected
    poised likely ready prepared plan plans planned planning intend intends intended aim aims
    aimed hope hopes hoped want wants wanted
    """.split()
)
#: Words before a verb: the word after one of these is an action.
AUXILIARIES = frozenset(
    """
    to will would shall should may might must can could did does do has have had is are
    was were be been being 's 'll
    """.split()
)

#: Irregular verb forms -> the verb.
IRREGULAR = {
    "arose": "arise", "arisen": "arise", "ate": "eat", "beat": "beat", "beaten": "beat",
    "began": "begin", "begun": "begin", "bent": "bend", "bit": "bite", "bitten": "bite",
    "blew": "blow", "blown": "blow", "bore": "bear", "borne": "bear", "bought": "buy",
    "bound": "bind", "bred": "breed", "broke": "break", "broken": "break", "brought": "bring",
    "built": "build", "burnt": "burn", "caught": "catch", "chose": "choose",
    "chosen": "choose", "clung": "cling", "dealt": "deal", "drew": "draw", "drawn": "draw",
    "driven": "drive", "drove": "drive", "dug": "dig", "fed": "feed", "fell": "fall",
    "fallen": "fall", "felt": "feel", "fled": "flee", "flew": "fly", "flown": "fly",
    "fought": "fight", "forbade": "forbid", "forgave": "forgive", "froze": "freeze",
    "frozen": "freeze", "grew": "grow", "grown": "grow", "hanged": "hang", "heard": "hear",
    "held": "hold", "hid": "hide", "hidden": "hide", "hung": "hang", "knew": "know",
    "known": "know", "laid": "lay", "led": "lead", "left": "leave", "lent": "lend",
    "lost": "lose", "met": "meet", "mistook": "mistake", "overcame": "overcome",
    "overran": "overrun", "overthrew": "overthrow", "overthrown": "overthrow", "paid": "pay",
    "ran": "run", "rang": "ring", "rebuilt": "rebuild", "rode": "ride", "rose": "rise",
    "risen": "rise", "sank": "sink", "sunk": "sink", "sat": "sit", "saw": "see",
    "seen": "see", "sent": "send", "shook": "shake", "shot": "shoot", "shown": "show",
    "proven": "prove", "slain": "slay",
    "slew": "slay", "sold": "sell", "sought": "seek", "spent": "spend", "spoke": "speak",
    "spoken": "speak", "stole": "steal", "stolen": "steal", "stood": "stand",
    "struck": "strike", "stricken": "strike", "swept": "sweep", "swore": "swear",
    "sworn": "swear", "taught": "teach", "thought": "think", "threw": "throw",
    "thrown": "throw", "tore": "tear", "torn": "tear", "undertook": "undertake",
    "undertaken": "undertake", "upheld": "uphold", "won": "win", "withdrew": "withdraw",
    "withdrawn": "withdraw", "woke": "wake", "wore": "wear", "worn": "wear", "wrote": "write",
    "written": "write", "found": "find", "founded": "found", "founding": "found",
    "died": "die", "dying": "die",
    # The same in the past: read as verbs wherever they stand.
    "cut": "cut", "hit": "hit", "put": "put", "set": "set", "shut": "shut", "quit": "quit",
    "spread": "spread", "split": "split", "cost": "cost", "hurt": "hurt", "burst": "burst",
    "cast": "cast", "bid": "bid", "upset": "upset", "forecast": "forecast",
}  # fmt: skip

#: Kinds of happening, each named by many words: two sentences using words of one kind tell
#: of the same action ("invaded" and "occupation", "killed" and "slain"). Written as words;
#: they are compared by their stems.
ACTION_KINDS: dict[str, tuple[str, ...]] = {
    "attack": ("attack", "bomb", "bombing", "bombard", "bombardment", "raid", "assault",
               "shelling", "blast", "explode", "explosion", "strike", "airstrike",
               "offensive"),
    "kill": ("kill", "slay", "slaying", "murder", "assassinate", "assassination", "gun",
             "shoot", "shooting", "massacre"),
    "invade": ("invade", "invasion", "occupy", "occupation", "annex", "annexation"),
    "found": ("found", "establish", "establishment", "create", "creation", "formation",
              "inaugurate", "inauguration"),
    "join": ("join", "admit", "admission", "accession", "accede", "enlarge", "enlargement",
             "expand", "expansion", "embrace"),
    "win": ("win", "victory", "defeat", "triumph"),
    "vote": ("vote", "elect", "election", "ballot", "referendum"),
    "sign": ("sign", "signing", "ratify", "ratification"),
    "agree": ("agree", "agreement", "accord", "pact", "treaty", "settle", "settlement"),
    "resign": ("resign", "resignation"),
    "arrest": ("arrest", "detain", "detention", "capture", "seize", "seizure"),
    "rule": ("rule", "ruling", "decide", "decision", "verdict"),
    "charge": ("charge", "indict", "indictment", "accuse", "prosecute", "sue", "lawsuit"),
    "open": ("open", "opening", "reopen", "inaugurate"),
    "close": ("close", "closure", "shut", "shutdown"),
    "broadcast": ("broadcast", "screen", "televise", "telecast", "show"),
    "meet": ("meet", "meeting", "summit", "talks"),
    "release": ("release", "freed", "publish", "publication"),
    "find": ("find", "discover", "discovery", "rescue"),
    "withdraw": ("withdraw", "withdrawal", "retreat"),
    "surrender": ("surrender", "capitulate", "capitulation"),
    "buy": ("buy", "acquire", "acquisition", "purchase", "takeover"),
    "sell": ("sell", "sale"),
    "appoint": ("appoint", "appointment", "nominate", "nomination"),
    "return": ("return", "repatriate", "repatriation"),
    "die": ("die", "death"),
}  # fmt: skip
#: Forms whose stem means something else: "aired" is broadcast, "air" is not.
FORM_KINDS = {"aired": "broadcast", "airing": "broadcast", "dead": "die"}
