"""The words the tagger knows, as data.

Every table maps a lower-case word to what it means. The patterns in :mod:`.patterns` are
built from these tables, so adding a word here is enough to make it recognised.
"""

from __future__ import annotations

from collections.abc import Iterable

#: Month names and abbreviations (lower case, without a trailing full stop).
MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

#: Month words that are also common English words; they need a day, a year or a
#: preposition before them to count as a month.
AMBIGUOUS_MONTHS = frozenset({"may"})

#: Weekday names and abbreviations: Monday is 0, as in ``datetime.date.weekday``.
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip

#: Seasons and their EDTF sub-year codes.
SEASONS: dict[str, int] = {
    "spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24,
}  # fmt: skip

#: Nouns a season names the time of: "the summer offensive", "the Spring Offensive".
SEASON_NOUNS = frozenset({
    "offensive", "offensives", "counter-offensive", "campaign", "campaigns", "session",
    "term", "months", "holidays", "holiday", "break", "recess", "election", "elections",
    "olympics", "games", "fighting", "rains", "quarters", "solstice", "semester",
})  # fmt: skip
#: Words before a bare season that make it a time: "over the winter", "spent the spring".
SEASON_LEADS = frozenset({"over", "spent", "spend", "spending", "and", "or", "through"})

#: Quarters and halves: ordinal word -> EDTF sub-year code.
QUARTERS: dict[str, int] = {
    "first": 33, "1st": 33, "second": 34, "2nd": 34,
    "third": 35, "3rd": 35, "fourth": 36, "4th": 36, "final": 36, "last": 36,
}  # fmt: skip
HALVES: dict[str, int] = {"first": 40, "1st": 40, "second": 41, "2nd": 41, "last": 41,
                          "latter": 41}  # fmt: skip

#: Words that narrow a period: "early 2022", "the end of March".
QUALIFIERS: dict[str, str] = {
    "early": "early", "mid": "mid", "late": "late",
    "beginning": "early", "start": "early", "middle": "mid", "end": "late", "close": "late",
}  # fmt: skip

#: Prepositions that make a bare month or year a date; they stay outside the span.
DATE_PREPOSITIONS = frozenset({
    "in", "on", "by", "since", "until", "till", "from", "during", "before", "after",
    "between", "throughout", "through", "circa", "c.", "ca.", "up until", "as of", "year",
    "fiscal", "of", "for", "into",
})  # fmt: skip

#: Words before a year used as a modifier: "the 1998 budget", "its 2019 report".
YEAR_DETERMINERS = frozenset({"the", "its", "his", "her", "their", "our", "this", "that", "a"})
#: Nouns before "of" that make the number after it an amount: "a total of 2000".
AMOUNT_NOUNS = frozenset({
    "total", "sum", "maximum", "minimum", "number", "out", "one", "some", "all", "most",
    "part", "cost", "price", "fine", "rate", "figure", "value", "average", "budget", "score",
    "list", "population", "crowd", "group", "team", "force", "army", "fleet", "series",
})  # fmt: skip

#: Prepositions that open an interval: "since 2019" is ``2019/..``, "until 2018" ``../2018``.
OPEN_AFTER = frozenset({"since"})
OPEN_BEFORE = frozenset({"until", "till", "up until"})
#: Verbs of a span that ended on the date after "until": "the battle lasted until May 8" (it
#: ended then).
LASTING_VERBS = (
    "lasted", "lasts", "continued", "continues", "raged", "persisted", "held out", "went on",
    "dragged on", "remained", "stayed",
)  # fmt: skip
#: Prepositions that place a date before or after the one named.
BEFORE_AFTER = {"before": "before", "after": "after"}

#: Words joining the two ends of a range ("June to September", "2012-2021").
RANGE_WORDS = frozenset({"to", "through", "thru", "until", "till", "and"})

#: Words after which a number is a quantity, not a year ("rose by 2000").
QUANTITY_WORDS = frozenset({
    "rose", "fell", "grew", "increased", "decreased", "dropped", "reduced", "cut", "up",
    "down", "more", "less", "fewer", "higher", "lower", "increase", "decrease", "rise",
    "fall", "grow", "jumped", "climbed", "declined", "raised",
})  # fmt: skip

#: Words before a number that make it a reference, not a date ("page 19", "no. 2010").
REFERENCE_WORDS = frozenset({
    "p", "pp", "page", "pages", "no", "nos", "number", "vol", "volume", "chapter", "ch",
    "section", "sec", "para", "paragraph", "fig", "figure", "table", "item", "ref", "tel",
    "phone", "flight", "room", "route", "junction", "line", "version", "ver", "v",
    "rule", "article", "clause", "box", "code", "unit", "model", "level", "grade",
    "platform", "gate", "bus", "road", "exit", "id", "ext", "extension", "issue", "£", "$",
})  # fmt: skip

#: Lower-case words that follow a count ("1100 cases", "2000 people"): irregular plurals
#: and units. Regular plurals ending in -s are recognised by rule.
COUNT_WORDS = frozenset({
    "people", "children", "men", "women", "staff", "police", "personnel", "feet", "cattle",
    "sheep", "fish", "m", "bn", "k", "km", "kg", "mph", "ft", "per", "percent", "million",
    "billion", "thousand", "hundred", "pounds", "dollars", "euros", "tonnes", "times",
    "more", "extra", "additional", "new", "other", "of",
})  # fmt: skip

#: Lower-case words ending in -s that are not plural nouns.
NOT_PLURAL = frozenset({
    "was", "has", "is", "as", "this", "thus", "its", "his", "us", "plus", "across",
    "towards", "afterwards", "always", "whereas", "unless", "perhaps", "besides", "less",
    "yes", "does", "goes", "sees", "says", "seems", "begins", "ends", "marks", "saw",
    "versus", "onwards", "upwards", "downwards",
})  # fmt: skip

#: Ordinal words for centuries: "the nineteenth century".
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty first": 21,
}  # fmt: skip

#: Number words and their values; "a"/"an" count as one.
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

#: Quantities that are not numbers: "several months" is ``PXM``.
VAGUE_NUMBERS = frozenset({"several", "few", "a few", "many", "some", "numerous"})

#: Units of duration: word -> (ISO 8601 designator, multiplier, is a time unit).
UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "night": ("D", 1, False), "week": ("W", 1, False),
    "fortnight": ("W", 2, False), "month": ("M", 1, False), "quarter": ("M", 3, False),
    "year": ("Y", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
}  # fmt: skip
UNIT_PLURALS: dict[str, str] = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day",
    "nights": "night", "weeks": "week", "fortnights": "fortnight", "months": "month",
    "quarters": "quarter", "years": "year", "decades": "decade", "centuries": "century",
}  # fmt: skip
#: The calendar unit "N units ago" is counted in: "a decade ago" is ten years back.
UNIT_CALENDAR: dict[str, str] = {
    "day": "day", "night": "day", "week": "week", "fortnight": "week", "month": "month",
    "quarter": "month", "year": "year", "decade": "year", "century": "year",
}  # fmt: skip
#: Units that "a"/"an" may not count: "a second time", "a quarter of residents".
NOT_AFTER_A = frozenset({"second", "quarter"})

#: Adverbs of frequency: word -> ISO 8601 period.
FREQUENCIES: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
    "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
    "yearly": "P1Y", "biannually": "P6M",
}  # fmt: skip

#: Days relative to the publication date.
RELATIVE_DAYS: dict[str, int] = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
    "this morning": 0, "this afternoon": 0, "this evening": 0,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip
#: Parts of a day that may follow "yesterday", "tomorrow" or a weekday.
DAY_PARTS = ("morning", "afternoon", "evening", "night")
#: Times of a day named by its light, after a preposition: "at dawn", "by nightfall" (lower
#: case: "Operation Dawn" is a name).
DAYLIGHT = ("dawn", "dusk", "nightfall", "daybreak", "sunrise", "sunset")
#: Prepositions before them.
DAYLIGHT_PREPOSITIONS = ("at", "before", "by", "until", "till", "after", "around", "towards",
                         "toward")  # fmt: skip
#: Capitalised words that make a weekday part of a name: "Good Friday", "Super Tuesday".
WEEKDAY_NAME_WORDS = frozenset({
    "good", "black", "ash", "holy", "maundy", "super", "cyber", "easter", "palm", "bloody",
    "shrove", "whit", "low", "trinity", "fat", "blue", "girl", "man", "manic", "mail",
})  # fmt: skip
#: Capitalised words after a weekday that make it part of a name: "the Sunday Times".
WEEKDAY_NAME_AFTER = frozenset({
    "times", "telegraph", "mirror", "express", "post", "herald", "mail", "club", "school",
    "night", "league", "people", "sport", "star", "independent", "tribune", "observer",
})  # fmt: skip

#: "this/last/next" + unit.
RELATIVE_MODES: dict[str, int] = {"this": 0, "current": 0, "last": -1, "past": -1,
                                  "previous": -1, "next": 1, "coming": 1}  # fmt: skip
#: Words that open a duration phrase and belong to its span: "the last two years".
DURATION_LEADS = ("last", "past", "next", "previous", "coming", "following", "first", "final")

#: Words before a duration that belong to it: "more than three years", "nearly forty years".
DURATION_HEDGES = frozenset({
    "more than", "less than", "over", "under", "nearly", "almost", "about", "around",
    "at least", "up to", "some", "roughly", "approximately", "only", "just",
})  # fmt: skip
#: Words before a lone number that make it an amount, not a year ("about 1500", "up to 2000").
AMOUNT_BEFORE = frozenset({
    "about", "some", "nearly", "almost", "approximately", "around", "over", "than", "least",
    "up", "roughly", "only", "just", "all", "of", "and", "or", "x", "by", "to", "the",
    "a", "from", "at", "under", "below", "above", "per", "total",
})  # fmt: skip

#: Words that mark a sentence as looking ahead or back, for choosing a weekday or a year.
#: A verb that takes an infinitive counts with its "to": "planned to leave on Thursday" looks
#: ahead although "planned" is a past tense.
FUTURE_MARKERS = (
    "will", "would", "won't", "shall", "'ll", "’ll", "going to", "is to", "are to", "to be",
    "payable", "effective", "expect", "expects", "planning", "as soon as", "as early as",
    "set to", "scheduled", "upcoming", "coming", "next", "due to be", "is due to", "are due to",
    "was due to", "were due to", "been due to", "'s due to", "’s due to", "is due", "are due",
    "'s due", "’s due", "due on", "due by", "due in", "due for", "due before",
)  # fmt: skip
#: Phrases holding a marker that is no tense: "next to the embassy", "due in part to".
NOT_TENSE_MARKERS = (
    "next to", "next door", "last resort", "at last", "last-minute", "due in part",
    "due in large part",
)  # fmt: skip
#: Verbs that, with "to", look ahead to what the infinitive names: "planned to leave on
#: Thursday". After the date they say only when the date was: "Saturday vowed to".
INFINITIVE_LEADS = (
    "about", "poised", "likely", "ready", "prepared", "expected", "plan", "plans", "planned",
    "planning", "agreed", "agrees", "decided", "decides", "intend", "intends", "intended",
    "aims", "aimed", "hopes", "hoped", "wants", "wanted", "promised", "promises", "vowed",
    "vows", "threatened", "threatens", "offered", "offers",
)  # fmt: skip
#: Verbs of delay (their stems, any ending): a date after them and "until", "to" or "for" is
#: the new one, which lies ahead ("postponed until Saturday", "adjourned to May").
DELAY_STEMS = ("postpon", "delay", "defer", "reschedul", "adjourn")
#: Verbs that delay or advance with a particle: "pushed back to August", "put off until
#: Monday", "brought forward to March", with an object between them or not.
DELAY_PARTICLE_VERBS = (
    "push", "pushed", "pushes", "pushing", "put", "puts", "putting", "move", "moved", "moves",
    "moving", "bring", "brought", "brings", "bringing", "hold", "held", "holds", "set", "sets",
)  # fmt: skip
DELAY_PARTICLES = ("back", "off", "over", "forward")
#: Of those, past verbs of commitment: an act of their own, which a month or a season after
#: them may date ("agreed to buy the line in February"), where a day is that of what was
#: agreed ("agreed to meet on Thursday").
COMMITTED = frozenset({"agreed", "decided", "promised", "vowed", "threatened", "offered"})
#: Words after "to" that make it a preposition, not the mark of an infinitive: "agreed to the
#: terms in October" reports an agreement, where "agreed to sell" may look ahead.
DETERMINERS = (
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our",
    "my", "your", "some", "any", "all", "each", "every", "no",
)  # fmt: skip
#: Verbs whose infinitive, after "to", names what is to come after the verb before it: "he
#: subpoenaed him to testify on Feb. 10" looks ahead from the subpoena. Only verbs seldom read
#: as nouns after "to" ("returned to power", "went to court" are no infinitives).
INFINITIVES = (
    "acquire", "announce", "appear", "approve", "attend", "begin", "buy", "close", "complete",
    "conclude", "consider", "decide", "deliver", "discuss", "expire", "file", "finish",
    "hear", "hold", "issue", "join", "launch", "leave", "meet", "merge", "open", "pay",
    "present", "publish", "raise", "redeem", "release", "repay", "reply", "resign", "resume",
    "retire", "review", "sell", "sign", "start", "submit", "take", "testify", "travel",
    "visit", "vote", "be", "become", "have", "make", "give", "go", "come", "face", "seek",
    "stand", "step", "rule", "report", "respond", "return", "arrive", "depart", "fly",
)  # fmt: skip
#: Forms in -ing that look ahead after "is" or "are" ("is planning to"); any other ("is
#: calling the bonds on Dec. 7") is a present, which says nothing of the date's side of today.
LOOKING_AHEAD_ING = ("planning", "going", "preparing", "expecting", "hoping", "aiming", "intending")
#: Past participles not in -ed, for the present passive: "when the case is heard in May"
#: speaks of the nearest May, as "is calling" does ("is expected", "is scheduled" look ahead).
IRREGULAR_PARTICIPLES = (
    "heard", "held", "made", "seen", "given", "taken", "paid", "sold", "told", "shown", "built",
    "brought", "sent", "kept", "met", "won", "known", "put", "set", "read", "run", "done",
)  # fmt: skip
#: Past tenses that do not end in -ed (those that do are found by their ending), and the
#: present perfect, which reports what is done.
PAST_MARKERS = (
    "was", "were", "had", "did", "said", "told", "took", "went", "came", "began", "held",
    "saw", "made", "gave", "met", "last", "ago", "brought", "bought", "sold", "fell", "rose",
    "won", "lost", "left", "became", "found", "got", "paid", "ran", "wrote", "spoke", "led",
    "kept", "sent", "spent", "struck", "thought", "knew", "grew", "chose", "sought", "fought",
    "caught", "taught", "built", "lent", "meant", "felt", "slept", "heard", "laid", "fled",
    "fed", "shot", "forgot", "spun", "hung", "stuck", "swung", "rode", "drove", "broke",
    "froze", "woke", "stole", "arose", "ate", "drank", "sang", "swam", "rang", "sank", "threw",
    "flew", "drew", "withdrew", "blew", "shook", "hid", "sat", "dug", "stood", "understood",
    "overtook", "undertook", "upheld", "withheld", "tore", "wore", "swore", "bled", "crept",
    "dealt", "forbade", "oversaw", "overthrew", "rebuilt", "sped", "swept", "wept",
    "has been", "have been", "’ve been", "'ve been",
)  # fmt: skip
#: Words in -ed that are not past tenses: adjectives and words that merely end so.
NOT_PAST_ED = frozenset({
    "hundred", "need", "speed", "seed", "feed", "bleed", "breed", "proceed", "succeed",
    "exceed", "indeed", "bed", "red", "shed", "wed", "sled", "unexpected", "unspecified",
    "unidentified", "unnamed", "undisclosed", "unconfirmed", "unprecedented", "unlimited",
    "unrelated", "unarmed", "unsolved", "unemployed", "unexplained", "unresolved", "united",
    "alleged", "so-called", "supposed", "detailed", "limited", "related", "advanced",
    "experienced", "concerned", "interested", "qualified", "complicated", "sophisticated",
    "dedicated", "armed", "retired", "married", "beloved", "sacred", "naked", "wicked",
    "embattled", "troubled", "beleaguered", "renewed", "heated", "proposed", "planned",
    "scheduled", "expected", "anticipated", "intended", "delayed", "postponed",
})  # fmt: skip
#: An auxiliary before a future marker that puts the whole in the past: "was due to",
#: "had been expected to", "were to".
PAST_AUXILIARIES = ("was", "were", "had", "had been", "'d been", "’d been")


#: Words before "N years ago" that change what it means: "more than ten years ago" lies before
#: the year ten years back; "about ten years ago" is near it.
AGO_HEDGES = {
    "more than": "before",
    "over": "before",
    "at least": "before",
    "about": "approximate",
    "around": "approximate",
    "roughly": "approximate",
    "approximately": "approximate",
    "some": "approximate",
    "nearly": "approximate",
    "almost": "approximate",
}


#: Vague references to the present, past or future: TIMEX values, not calendar dates. They are
#: returned only on request (``tag(..., refs=True)``).
REFERENCES: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "these days": "PRESENT_REF", "the present day": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "formerly": "PAST_REF",
    "the past": "PAST_REF", "recent years": "PAST_REF", "recent": "PAST_REF",
    "recent days": "PAST_REF", "recent weeks": "PAST_REF", "recent months": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "future": "FUTURE_REF",
    "current": "PRESENT_REF", "right now": "PRESENT_REF", "the present": "PRESENT_REF",
}  # fmt: skip

#: Phrases that name a date relative to one given before: word(s) -> offset in the unit.
ANAPHORIC_MODES: dict[str, int] = {
    "the next": 1, "the following": 1, "the previous": -1, "the preceding": -1,
    "the same": 0, "that same": 0, "that": 0, "later that": 0, "earlier that": 0,
    "later in the": 0, "earlier in the": 0, "that very": 0, "the new": 1,
    "the rest of the": 0, "the remainder of the": 0, "the balance of the": 0,
}  # fmt: skip
#: "the following two years", "the preceding three months": the span of them after, or
#: before, the last date told.
SPAN_MODES: dict[str, int] = {"following": 1, "ensuing": 1, "subsequent": 1, "previous": -1,
                              "preceding": -1}  # fmt: skip
#: "three days later" counts forward, "a year earlier" back.
LATER_WORDS: dict[str, int] = {"later": 1, "afterwards": 1, "afterward": 1, "after": 1,
                               "earlier": -1, "before": -1, "previously": -1}  # fmt: skip


#: Adverbs before "after", "afterwards" or "thereafter" that place a happening soon after
#: the last date told: "shortly thereafter", "not long after".
SOON_WORDS = ("immediately", "shortly", "soon", "directly", "not long")
#: Words before a count that make it the length of a span: "for a year after the offensive
#: stalled" is a year long, not a date a year on.
SPAN_LEADS = frozenset({"for", "within", "over"})
#: Words of four letters or more that do not tell one happening from another, for
#: "two days after the fall of Girona": was the happening told with the last date?
FUNCTION_WORDS = frozenset({
    "that", "this", "these", "those", "with", "from", "into", "onto", "upon", "their",
    "there", "they", "them", "then", "than", "when", "which", "while", "whom", "whose",
    "were", "been", "being", "have", "having", "after", "before", "some", "such", "other",
    "about", "what", "where", "would", "could", "should", "also", "over", "under", "more",
    "most", "very", "just", "only", "each", "every", "both", "between", "during", "against",
    "through", "until", "since", "within", "without", "again", "once", "even", "much",
    "many", "first", "second", "third", "last", "next", "final", "another", "time",
    "times", "days", "weeks", "months", "years", "later", "earlier", "early", "late",
    "will", "shall", "does", "done", "made", "make", "said", "says", "took", "take",
    "went", "came", "come", "your", "ours", "ourselves", "himself", "herself",
    "itself", "themselves", "here", "still", "already", "soon",
})  # fmt: skip


def _last_words(*tables: Iterable[str]) -> frozenset[str]:
    return frozenset(w.split()[-1] for table in tables for w in table)


# ------------------------------------------------------------------------------ narrative asides
#: Words right before a date that make it a point of comparison, not a time a narrative
#: reaches: "more rain than in 1947", "compared with 1913" (an optional "in" may follow).
COMPARISON_LEADS = ("than", "compared with", "compared to", "relative to", "as against")
#: Participles after a noun that make a year the time of a later source, not of the story:
#: "letters found in 2004", "a diary published in 1962".
SOURCE_PARTICIPLES = frozenset({
    "found", "discovered", "rediscovered", "unearthed", "uncovered", "excavated", "recovered",
    "published", "republished", "declassified", "digitised", "digitized", "catalogued",
    "cataloged", "translated", "reprinted", "auctioned",
})  # fmt: skip
#: Nouns after a year that make it the year of a source: "a 2004 study", "the 1911
#: Encyclopaedia Britannica" (lower case).
SOURCE_NOUNS = frozenset({
    "study", "report", "book", "survey", "article", "biography", "memoir", "memoirs",
    "documentary", "film", "movie", "interview", "edition", "encyclopaedia", "encyclopedia",
    "history", "analysis", "investigation", "inquiry", "review", "paper", "account", "essay",
    "novel", "exhibition", "estimate", "estimates", "catalogue", "catalog", "dictionary",
    "census", "poll", "letter", "letters", "diary", "obituary", "reprint", "translation",
})  # fmt: skip
#: Nouns before "of" and a year that name a time of the story, not a thing named by its
#: year: "the rest of 1921", "the autumn of 1921" ("the treaty of 1921" names a treaty).
TIME_OF_NOUNS = frozenset({
    "year", "years", "month", "months", "week", "weeks", "days", "rest", "course", "part",
    "half", "end", "beginning", "start", "middle", "close", "turn", "spring", "summer",
    "autumn", "fall", "winter", "season", "period", "time", "remainder", "balance",
})  # fmt: skip


#: Words every date phrase contains at least one of, by class. Rules run only near the
#: triggers of their classes (see :mod:`.scan`). Month and weekday names count only when
#: capitalised, as the patterns read them. Classes of digits are found by pattern, not word:
#: "year" (four digits that can be a year), "decade" ("1990s", "'90s"),
#: "clock" ("8pm", "10:30").
TRIGGERS: dict[str, frozenset[str]] = {
    "month": _last_words(MONTHS),
    "weekday": _last_words(WEEKDAYS, WEEKDAY_ABBREVIATIONS),
    "season": _last_words(SEASONS),
    "unit": _last_words(UNITS, UNIT_PLURALS),
    "ago": frozenset({"ago"}),
    "century": frozenset({"century", "centuries"}),
    "quarter": frozenset({"quarter", "quarters"}),
    "half": frozenset({"half"}),
    "relday": _last_words(RELATIVE_DAYS, DAY_PARTS),
    "frequency": _last_words(FREQUENCIES),
    "clock": frozenset({"noon", "midday", "midnight"}),
    "ref": _last_words(REFERENCES),
    "times": frozenset({"once", "twice", "times"}),
    "every": frozenset({"every", "each", "per"}),
    "later": _last_words(LATER_WORDS),
    "fiscal": frozenset({"fiscal"}),
    "fy": frozenset({"fy"}),
    "weekend": frozenset({"weekend"}),
}
#: Trigger classes whose words count only when capitalised.
CASED_TRIGGERS = frozenset({"month", "weekday", "fy"})

#: Named days: name (as written, with a straight apostrophe) -> (month, day), or the rule
#: that places it in a year ("thanksgiving": the fourth Thursday of November).
HOLIDAYS: dict[str, tuple[int, int] | str] = {
    "Christmas": (12, 25), "Christmas Day": (12, 25), "Christmas Eve": (12, 24),
    "New Year's Day": (1, 1), "New Year's Eve": (12, 31), "Boxing Day": (12, 26),
    "Halloween": (10, 31), "Valentine's Day": (2, 14),
    "Thanksgiving": "thanksgiving", "Thanksgiving Day": "thanksgiving",
}  # fmt: skip

#: Words before "quarter" or "period" that make it the period a report is about.
REPORT_ADJECTIVES = frozenset({"latest", "current", "same", "comparable", "recent", "just-ended"})
#: Sub-year codes of reporting periods: quarters (33-36) and halves (40, 41).
REPORTED_SUBYEARS = frozenset({33, 34, 35, 36, 40, 41})
#: Words of an earnings report: in its sentence, "in the nine months" is its period up to the
#: end of the quarter it reports on (the stem "earn" stands for "earned", "earnings").
REPORT_WORDS = ("net", "earn", "profit", "loss", "revenue", "sales", "income", "a share",
                "per share", "turnover")  # fmt: skip
#: The lengths of a reporting period named by its months alone: "the nine months".
REPORT_MONTHS = {"three": 3, "six": 6, "nine": 9, "twelve": 12, "3": 3, "6": 6, "9": 9,
                 "12": 12}  # fmt: skip
#: "year-ago", "year-earlier": the same period a year before.
YEAR_AGO = ("year-ago", "year-earlier", "year ago", "year earlier", "year-before")

#: Spoken years: "nineteen ninety-six", "two thousand".
SPOKEN_CENTURIES = {"eighteen": 1800, "nineteen": 1900}

TRIGGERS.update(
    {
        "holiday": frozenset(
            {"christmas", "thanksgiving", "halloween", "boxing", "valentine", "year"}
        ),
        "report": frozenset({"quarter", "period", "year"}),
        # narrower classes for rules whose phrases always hold one of these words
        "calunit": frozenset(
            {"week", "month", "year", "quarter", "yearend", "monthend", "quarterend"}
        ),
        "dayunit": frozenset({"day", "week", "month", "year", *DAY_PARTS}),
        "leadunit": frozenset({"decade", "year", "month", "week", "fortnight", "century"}),
        "plural": frozenset(
            {"years", "months", "weeks", "days", "decades", "centuries", "hours", "minutes"}
        ),
        "long": frozenset({"long"}),
        "partunit": frozenset({"months", "days", "month"}),
        "yearword": frozenset({"year"}),
        "spoken": frozenset({"eighteen", "nineteen", "thousand"}),
        "soon": _last_words(SOON_WORDS),
        "same": frozenset({"same"}),
        "daylight": frozenset({*DAYLIGHT, "dark"}),
        "reportspan": frozenset({"months", "month", "half"}),
    }
)
CASED_TRIGGERS = CASED_TRIGGERS | {"holiday"}
