"""The words the event stage knows, as data: what makes a date phrase an aside rather than
the date of a happening, which verbs report speech, and the forms of irregular verbs.

Every table is lower case. Nothing here names a particular document.
"""

from __future__ import annotations

#: Words that, before an amount and then a date, make the date a comparison's baseline:
#: "up from $22 million a year ago", "compared with 67 cents in the year-ago quarter".
COMPARATORS = ("from", "compared with", "compared to", "against", "versus", "vs", "vs.", "than")

#: Words after a date phrase that make it a comparison: "two days later than planned".
COMPARED_AFTER = ("than",)

#: Attributive forms that name a comparison's period: "the year-ago quarter".
BASELINE_WORDS = ("year-ago", "year-earlier", "year-before", "prior-year", "year-prior")

#: Words that make "since <date>" a record rather than a happening: "the wettest since 1910",
#: "the first time since 1993", "the largest flood since 1947".
RECORD_WORDS = frozenset(
    """
    first last only most least best worst highest lowest largest biggest smallest greatest
    strongest weakest deadliest heaviest longest shortest fastest slowest warmest coldest
    hottest wettest driest record busiest quietest earliest latest
    """.split()
)

#: Date words that are lower case inside running text: written capitalised mid-sentence
#: they are part of a name or a title ("57 Days", "High Noon").
LOWER_DATE_WORDS = frozenset(
    """
    day days week weeks month months year years decade decades century centuries noon
    midnight morning afternoon evening night tonight today tomorrow yesterday hour hours
    minute minutes
    """.split()
)

#: Nouns that name a happening: a year in brackets after them dates it ("the Siege of
#: Leningrad (1941)"), where after any other title it is a work's year ("Gallipoli (1981)").
HAPPENING_NOUNS = frozenset(
    """
    battle battles war wars siege treaty treaties revolution rising uprising revolt rebellion
    crisis campaign offensive invasion election elections referendum massacre earthquake
    flood floods fire famine strike strikes olympics games cup championship conference
    summit accord accords agreement act coup disaster riots riot protest protests march
    """.split()
)

#: Words near a year in brackets that make it a work's year: "the film Gallipoli (1981)".
WORK_WORDS = frozenset(
    """
    book books novel novels film films movie movies album albums song songs play plays
    documentary documentaries series memoir memoirs biography study studies paper papers
    report reports essay essays poem poems opera symphony painting exhibition published
    history histories account chronicle
    wrote written directed starring edition translated
    """.split()
)

#: Capitalised words before a year that do not make the year part of a name.
NOT_NAME_LEADS = frozenset(
    """
    in on at by since until till from to during of the a an and or but between as for before
    after around about through throughout early late mid spring summer autumn fall winter
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec christmas easter circa c ca ad bc bce ce
    fiscal fy q1 q2 q3 q4 year
    """.split()
)

#: Determiners before "<year> <Name>" that make the year part of a name: "the 1921 Treaty",
#: "the 1954 Geneva accords".
NAME_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})

#: Words that start a quotation's attribution to a written source of another time.
WRITTEN_SOURCES = frozenset(
    """
    letter letters diary diaries note notes wrote written telegram telegrams memo memoir
    journal postcard postcards message cable
    """.split()
)

#: Verbs that report speech or writing: the news is what is reported, not the reporting.
REPORTING_VERBS = frozenset(
    """
    say says said saying tell tells told telling announce announces announced announcing
    report reports reported reporting state states stated add adds added claim claims claimed
    confirm confirms confirmed declare declares declared note notes noted insist insists
    insisted explain explains explained warn warns warned write writes wrote acknowledge
    acknowledged predict predicted argue argued reply replied respond responded suggest
    suggested indicate indicated disclose disclosed reveal revealed
    """.split()
)

#: Reporting verbs that are also common nouns ("the report", "secretary of state"): verbs
#: only right after their subject.
REPORTING_NOUNS = frozenset(
    "report reports state states note notes claim claims reply replies warn".split()
)

#: Irregular verbs: base form -> (past tense, past participle). Regular verbs are read by
#: their endings; these are the ones that are not.
IRREGULAR_VERBS: dict[str, tuple[str, str]] = {
    "arise": ("arose", "arisen"), "awake": ("awoke", "awoken"), "be": ("was", "been"),
    "bear": ("bore", "borne"), "beat": ("beat", "beaten"), "become": ("became", "become"),
    "begin": ("began", "begun"), "bend": ("bent", "bent"), "bet": ("bet", "bet"),
    "bid": ("bid", "bid"), "bind": ("bound", "bound"), "bite": ("bit", "bitten"),
    "bleed": ("bled", "bled"), "blow": ("blew", "blown"), "break": ("broke", "broken"),
    "bring": ("brought", "brought"), "broadcast": ("broadcast", "broadcast"),
    "build": ("built", "built"), "burn": ("burnt", "burnt"), "burst": ("burst", "burst"),
    "buy": ("bought", "bought"), "cast": ("cast", "cast"), "catch": ("caught", "caught"),
    "choose": ("chose", "chosen"), "cling": ("clung", "clung"), "come": ("came", "come"),
    "cost": ("cost", "cost"), "creep": ("crept", "crept"), "cut": ("cut", "cut"),
    "deal": ("dealt", "dealt"), "dig": ("dug", "dug"), "do": ("did", "done"),
    "draw": ("drew", "drawn"), "drink": ("drank", "drunk"), "drive": ("drove", "driven"),
    "eat": ("ate", "eaten"), "fall": ("fell", "fallen"), "feed": ("fed", "fed"),
    "feel": ("felt", "felt"), "fight": ("fought", "fought"), "find": ("found", "found"),
    "flee": ("fled", "fled"), "fly": ("flew", "flown"), "forbid": ("forbade", "forbidden"),
    "forecast": ("forecast", "forecast"), "foresee": ("foresaw", "foreseen"),
    "forget": ("forgot", "forgotten"), "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"), "get": ("got", "got"), "give": ("gave", "given"),
    "go": ("went", "gone"), "grow": ("grew", "grown"), "hang": ("hung", "hung"),
    "have": ("had", "had"), "hear": ("heard", "heard"), "hide": ("hid", "hidden"),
    "hit": ("hit", "hit"), "hold": ("held", "held"), "hurt": ("hurt", "hurt"),
    "keep": ("kept", "kept"), "know": ("knew", "known"), "lay": ("laid", "laid"),
    "lead": ("led", "led"), "leave": ("left", "left"), "lend": ("lent", "lent"),
    "let": ("let", "let"), "lie": ("lay", "lain"), "light": ("lit", "lit"),
    "lose": ("lost", "lost"), "make": ("made", "made"), "mean": ("meant", "meant"),
    "meet": ("met", "met"), "mislead": ("misled", "misled"), "overcome": ("overcame", "overcome"),
    "overrun": ("overran", "overrun"), "overtake": ("overtook", "overtaken"),
    "overthrow": ("overthrew", "overthrown"), "pay": ("paid", "paid"), "put": ("put", "put"),
    "quit": ("quit", "quit"), "read": ("read", "read"), "rebuild": ("rebuilt", "rebuilt"),
    "ride": ("rode", "ridden"), "ring": ("rang", "rung"), "rise": ("rose", "risen"),
    "run": ("ran", "run"), "say": ("said", "said"), "see": ("saw", "seen"),
    "seek": ("sought", "sought"), "sell": ("sold", "sold"), "send": ("sent", "sent"),
    "set": ("set", "set"), "shake": ("shook", "shaken"), "shed": ("shed", "shed"),
    "shine": ("shone", "shone"), "shoot": ("shot", "shot"), "show": ("showed", "shown"),
    "shrink": ("shrank", "shrunk"), "shut": ("shut", "shut"), "sing": ("sang", "sung"),
    "sink": ("sank", "sunk"), "sit": ("sat", "sat"), "sleep": ("slept", "slept"),
    "slide": ("slid", "slid"), "speak": ("spoke", "spoken"), "spend": ("spent", "spent"),
    "spin": ("spun", "spun"), "split": ("split", "split"), "spread": ("spread", "spread"),
    "spring": ("sprang", "sprung"), "stand": ("stood", "stood"), "steal": ("stole", "stolen"),
    "stick": ("stuck", "stuck"), "sting": ("stung", "stung"), "strike": ("struck", "struck"),
    "strive": ("strove", "striven"), "swear": ("swore", "sworn"), "sweep": ("swept", "swept"),
    "swim": ("swam", "swum"), "swing": ("swung", "swung"), "take": ("took", "taken"),
    "teach": ("taught", "taught"), "tear": ("tore", "torn"), "tell": ("told", "told"),
    "think": ("thought", "thought"), "throw": ("threw", "thrown"),
    "undergo": ("underwent", "undergone"), "understand": ("understood", "understood"),
    "undertake": ("undertook", "undertaken"), "upset": ("upset", "upset"),
    "wake": ("woke", "woken"), "wear": ("wore", "worn"), "weep": ("wept", "wept"),
    "win": ("won", "won"), "wind": ("wound", "wound"), "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld", "withheld"), "withstand": ("withstood", "withstood"),
    "write": ("wrote", "written"),
}  # fmt: skip

#: Nouns that name a happening, and the headline verb that tells it: "the fall of Bilbao" ->
#: "Bilbao falls", "the death of the king" -> "King dies", "the capture of Ferrol" ->
#: "Ferrol captured".
HAPPENING_VERBS: dict[str, str] = {
    "fall": "falls", "death": "dies", "collapse": "collapses", "opening": "opens",
    "closure": "closes", "closing": "closes", "visit": "visits", "arrival": "arrives",
    "departure": "leaves", "resignation": "resigns", "retirement": "retires",
    "surrender": "surrenders", "birth": "born", "capture": "captured", "arrest": "arrested",
    "assassination": "assassinated", "murder": "murdered", "execution": "executed",
    "election": "elected", "release": "released", "liberation": "liberated",
    "occupation": "occupied", "siege": "besieged", "founding": "founded",
    "foundation": "founded", "dissolution": "dissolved", "launch": "launched",
    "publication": "published", "return": "returns",
    "withdrawal": "withdraws", "defeat": "defeated", "sinking": "sinks", "merger": "merges",
    "bankruptcy": "goes bankrupt", "start": "starts", "beginning": "begins", "end": "ends",
}  # fmt: skip
