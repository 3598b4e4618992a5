"""Word lists, alias tables and model-error corrections for the entity step.

Everything here is data: the logic in :mod:`newsdistill.extract.entities`
consults these tables and names the table (the *rule*) behind each decision.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


# ---------------------------------------------------------------------------
# Alias table: canonical name -> (label, surface forms).  Surface forms are
# matched case-sensitively on word boundaries anywhere in the text (rule
# "alias-table"), except those in NER_ONLY_ALIASES, which only count when the
# model itself tagged that span (too ambiguous for a plain string match).
ALIASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "ISIS": ("ORG", ("ISIS", "ISIL", "IS", "Daesh", "Daech", "Da'esh", "Islamic State",
                     "Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria",
                     "Islamic State group")),
    "Al-Qaeda": ("ORG", ("Al-Qaeda", "al-Qaeda", "Al Qaeda", "al Qaeda", "al-Qaida", "Al-Qaida")),
    "Hezbollah": ("ORG", ("Hezbollah", "Hizbollah", "Hizballah")),
    "Hamas": ("ORG", ("Hamas",)),
    "Taliban": ("ORG", ("Taliban", "the Taliban")),
    "United Nations": ("ORG", ("United Nations", "UN", "U.N.", "the United Nations", "the UN", "the U.N.")),
    "UN Security Council": ("ORG", ("UN Security Council", "U.N. Security Council", "United Nations Security Council",
                                    "Security Council", "UNSC")),
    "European Union": ("ORG", ("European Union", "EU", "E.U.", "the European Union", "the EU")),
    "NATO": ("ORG", ("NATO", "Nato", "North Atlantic Treaty Organization")),
    "World Health Organization": ("ORG", ("World Health Organization", "WHO", "World Health Organisation")),
    "International Monetary Fund": ("ORG", ("International Monetary Fund", "IMF")),
    "Federal Bureau of Investigation": ("ORG", ("Federal Bureau of Investigation", "FBI", "F.B.I.")),
    "Central Intelligence Agency": ("ORG", ("Central Intelligence Agency", "CIA", "C.I.A.")),
    "Agence France-Presse": ("ORG", ("Agence France-Presse", "Agence France Presse", "AFP")),
    "Associated Press": ("ORG", ("Associated Press", "AP", "the Associated Press")),
    "Reuters": ("ORG", ("Reuters", "Thomson Reuters")),
    "Syrian Arab News Agency": ("ORG", ("Syrian Arab News Agency", "SANA")),
    "TASS": ("ORG", ("TASS", "Tass")),
    "Syria": ("GPE", ("Syria", "the Syrian Arab Republic", "Syrian Arab Republic")),
    "Russia": ("GPE", ("Russia", "the Russian Federation", "Russian Federation")),
    "United States": ("GPE", ("United States", "the United States", "US", "U.S.", "USA", "U.S.A.",
                              "United States of America", "America")),
    "United Kingdom": ("GPE", ("United Kingdom", "the United Kingdom", "UK", "U.K.", "Britain", "Great Britain")),
    "Iraq": ("GPE", ("Iraq",)),
    "Iran": ("GPE", ("Iran", "the Islamic Republic of Iran")),
    "South Ossetia": ("GPE", ("South Ossetia",)),
    "China": ("GPE", ("China", "the People's Republic of China", "People's Republic of China", "PRC")),
}
NER_ONLY_ALIASES = frozenset({"IS", "US", "AP", "WHO", "America", "Security Council", "Hamas", "Taliban"})

# Demonyms and adjectives of place -> the place (rule "demonym").  Only these
# link a NORP mention to a GPE; other NORP mentions stay groups of their own.
DEMONYMS: dict[str, str] = {
    "Syrian": "Syria", "Syrians": "Syria", "Russian": "Russia", "Russians": "Russia",
    "Iraqi": "Iraq", "Iraqis": "Iraq", "Iranian": "Iran", "Iranians": "Iran",
    "American": "United States", "Americans": "United States", "British": "United Kingdom",
    "French": "France", "German": "Germany", "Germans": "Germany", "Chinese": "China",
    "Turkish": "Turkey", "Turks": "Turkey", "Israeli": "Israel", "Israelis": "Israel",
    "Ukrainian": "Ukraine", "Ukrainians": "Ukraine", "Georgian": "Georgia", "Afghan": "Afghanistan",
    "Lebanese": "Lebanon", "Jordanian": "Jordan", "Egyptian": "Egypt", "Egyptians": "Egypt",
    "Saudi": "Saudi Arabia", "Saudis": "Saudi Arabia", "Japanese": "Japan", "Indian": "India",
    "Pakistani": "Pakistan", "Mexican": "Mexico", "Mexicans": "Mexico", "Canadian": "Canada",
    "Italian": "Italy", "Spanish": "Spain", "Polish": "Poland", "Korean": "Korea",
    "North Korean": "North Korea", "South Korean": "South Korea", "Libyan": "Libya",
    "Yemeni": "Yemen", "Palestinian": "Palestine", "Palestinians": "Palestine", "Qatari": "Qatar",
    "Kurdish": "Kurdistan", "South Ossetian": "South Ossetia", "Abkhaz": "Abkhazia", "Abkhazian": "Abkhazia",
    "Brazilian": "Brazil", "Australian": "Australia", "Dutch": "Netherlands", "Swiss": "Switzerland",
    "Greek": "Greece", "Nigerian": "Nigeria", "Kenyan": "Kenya", "Cuban": "Cuba", "Venezuelan": "Venezuela",
}

# ---------------------------------------------------------------------------
# Corrections of the small model's systematic errors (rule name -> what to do).
# "relabel": the span text (exact) gets this label; "drop": never an entity.
CORRECTIONS: dict[str, dict] = {
    "daesh-is-an-organisation": {"texts": ("Daesh", "Daech", "Da'esh", "ISIS", "ISIL"), "relabel": "ORG"},
    "afp-is-an-organisation": {"texts": ("AFP", "SANA", "Reuters", "TASS"), "relabel": "ORG"},
    "page-chrome-is-not-an-entity": {"texts": ("Subscribe", "Sign up", "Advertisement", "Share", "Tweet",
                                               "Email", "Print", "Comments", "Click", "Read More"), "drop": True},
    "caption-words-are-not-entities": {"texts": ("PHOTO", "HO", "FILE", "FILES", "RESTRICTED", "MANDATORY CREDIT",
                                                 "EDITORIAL USE", "Getty Images"), "drop": True},
    # apps, platforms and companies the small model takes for people ("Snapchat said ..." tagged
    # PERSON, then given a gender by a nearby "he"); one-word names with an inner capital
    # ("WhatsApp", "TikTok") are caught by their shape instead (rule brand-shape-is-not-a-person)
    "brands-are-organisations": {"texts": (
        "Snapchat", "Instagram", "Facebook", "Twitter", "Telegram", "Spotify", "Uber", "Lyft", "Venmo", "Tinder",
        "Zoom", "Reddit", "Pinterest", "Netflix", "Airbnb", "Amazon", "Google", "Microsoft", "Nvidia", "Tesla",
        "Twitch", "Roblox", "Discord", "Weibo", "Baidu", "Alibaba", "Tencent", "Huawei", "Xiaomi", "Samsung",
        "Toyota", "Boeing", "Airbus", "Shein", "Temu", "Grindr", "Etsy", "Shopify", "Yahoo",
        "Skype", "Viber", "Bluesky", "Substack", "Patreon", "Duolingo", "Deliveroo",
        "Glovo", "Gojek", "Safaricom", "Equinor", "Gazprom", "Rosneft", "Aramco", "Pfizer",
        "Moderna", "Novartis", "Sanofi", "Bayer", "Siemens", "Nestle", "Nestlé", "Unilever", "Walmart", "Costco"),
        "relabel": "ORG"},
}
# verbs of saying whose subject, a listed brand the model took for a common noun, is the brand
SAYING_VERBS = frozenset(("say", "tell", "announce", "state", "add", "confirm", "deny", "warn", "report", "claim",
                          "respond", "reply", "write", "post", "explain", "note", "insist", "argue", "decline",
                          "refuse", "admit", "acknowledge", "disclose", "reveal", "comment", "apologise",
                          "apologize"))
# an all-caps stretch this long is a shouted boilerplate line, not a name (rule "shouting-is-not-a-name")
MAX_CAPS_WORDS = 4

# all-caps words before a colon at a line start that are not transcript speakers
NOT_SPEAKER_LABELS = frozenset({"UPDATE", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE", "WATCH", "READ", "READ MORE", "Q", "A",
                                "PHOTO", "VIDEO", "CORRECTION", "CLARIFICATION", "BREAKING", "EXCLUSIVE", "RELATED",
                                "ADVERTISEMENT", "SOURCE", "SOURCES", "AP", "AFP", "UPDATED", "LIVE", "ANALYSIS",
                                "OPINION", "COMMENTARY", "FACT CHECK", "TRANSCRIPT", "CROSSTALK", "END", "PS", "P.S.",
                                "NB", "N.B.", "ET", "PT", "GMT", "UTC"})
# lower-case words that may sit inside a name ("Bank of America", "Ibn al-Rashid"); an entity with
# MAX_LOWERCASE_WORDS other lower-case words is a stretch of prose the model mistook for a title
NAME_INNER_WORDS = frozenset({"of", "the", "and", "for", "de", "da", "del", "der", "van", "von", "al", "el", "bin", "ibn",
                              "la", "le", "du", "des", "y", "on", "in", "at", "to", "&"})
MAX_LOWERCASE_WORDS = 2
# words in a photo credit that are not who took or distributed the picture ("AP Photo/Lena Ortiz")
CREDIT_NOISE = frozenset({"photo", "photos", "pic", "picture", "image", "images", "ho", "handout", "file", "staff",
                          "pool", "via", "courtesy", "of", "by", "credit", "getty", "for"})
# entity labels kept; the rest (dates, numbers) belong to the date and figure steps
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})

# ---------------------------------------------------------------------------
# Titles: words that make a phrase a role ("ambassador", "Secretary-General").
# Matched on the lower-cased token text or its lemma.
TITLE_WORDS = frozenset(_words("""
president vice-president premier chancellor minister secretary secretary-general general ambassador envoy
spokesman spokeswoman spokesperson representative senator congressman congresswoman rep. sen. gov. governor mayor
director chairman chairwoman chair ceo cfo coo founder co-founder head chief leader commander officer official
judge justice attorney lawyer prosecutor advocate counsel professor researcher analyst economist expert scientist
king queen prince princess sheikh emir sultan pope cardinal bishop archbishop imam rabbi priest pastor
candidate nominee adviser advisor aide deputy councillor councilman councilwoman lawmaker legislator mp
correspondent reporter editor journalist columnist author writer historian producer manager executive
president-elect commissioner inspector sheriff police superintendent colonel major lieutenant captain sergeant
admiral marshal general-secretary speaker whip strategist consultant pollster negotiator mediator diplomat
coach player striker midfielder defender goalkeeper owner partner president's administrator coordinator
activist campaigner organiser organizer founder-director member chairperson treasurer trustee delegate
rev. rev reverend del. gen. lt. col. sgt. capt. cmdr. adm. maj. atty. supt. pres. fr. gov sen rep amb. amb sec. secy.
"""))
# titles that are also common surnames ("Larry King", "Jim Justice"): a name may end with them
TITLE_SURNAMES = frozenset(_words("""
king justice major bishop cardinal marshal judge pope priest prince chancellor speaker sheriff advocate
general chief head partner player owner coach
"""))
# words allowed inside a pre-nominal title phrase besides titles and proper names ("former", "deputy", "foreign")
TITLE_MODIFIERS = frozenset(_words("""
former acting deputy senior top chief foreign prime defense defence interior finance justice health
state federal national regional local general executive assistant associate vice first second third
special permanent managing principal lead leading longtime long-time then incoming outgoing new retired
democratic republican independent conservative liberal labour presidential parliamentary military
economic political legal security intelligence press communications public affairs
transport transportation education energy environment trade agriculture culture labour labor economy industry
housing immigration home treasury commerce tourism sports sport transport defense interior information media
technology science research digital welfare employment development planning infrastructure budget
opposition party union campaign
"""))
# small words allowed *inside* a title phrase ("ambassador to Russia", "minister of state for Europe")
TITLE_LINKS = frozenset({"to", "of", "for", "and", "on", "at", "the"})
MAX_TITLE_TOKENS = 9

# nominal role-holders kept as entities of their own ("the president of the South Ossetian republic")
NOMINAL_HEADS = frozenset(_words("""
president prime premier minister ambassador envoy spokesman spokeswoman spokesperson governor mayor king queen
secretary-general chairman chairwoman chancellor leader commander head chief director
"""))
# heads that hold a role only after a named possessor ("Britain's foreign secretary", "Apple's chief
# executive", "Trump's lawyer"), where the words alone ("the secretary") are too vague to keep
POSSESSED_HEADS = NOMINAL_HEADS | frozenset(_words("""
secretary executive lawyer attorney adviser advisor aide officer negotiator
"""))

# honorifics before a name: stripped from the name, they tell the gender where they can
HONORIFICS: dict[str, str | None] = {
    "mr": "male", "mr.": "male", "mister": "male", "sir": "male", "lord": "male", "mrs": "female", "mrs.": "female",
    "ms": "female", "ms.": "female", "miss": "female", "madam": "female", "madame": "female", "lady": "female",
    "dame": "female", "dr": None, "dr.": None, "prof": None, "prof.": None,
}
GENDERED_TITLES: dict[str, str] = {
    "spokeswoman": "female", "chairwoman": "female", "congresswoman": "female", "councilwoman": "female",
    "businesswoman": "female", "queen": "female", "princess": "female", "actress": "female", "mother": "female",
    "wife": "female", "daughter": "female", "sister": "female", "widow": "female", "grandmother": "female",
    "spokesman": "male", "chairman": "male", "congressman": "male", "councilman": "male", "businessman": "male",
    "king": "male", "prince": "male", "actor": "male", "father": "male", "husband": "male", "son": "male",
    "brother": "male", "widower": "male", "grandfather": "male", "sheikh": "male", "emir": "male", "pope": "male",
}
PRONOUN_GENDER: dict[str, str] = {"he": "male", "him": "male", "his": "male", "himself": "male",
                                  "she": "female", "her": "female", "hers": "female", "herself": "female"}
# how much each clue counts when a person's gender is voted (rule gender.<clue>); a gender is
# given only when the winning clues weigh at least GENDER_MIN_WEIGHT
GENDER_WEIGHTS = {"honorific": 3.0, "role": 2.0, "given-name": 2.0, "pronoun-near": 1.0, "pronoun-far": 0.25}
GENDER_MIN_WEIGHT = 1.0
PRONOUN_NEAR = 8  # tokens after the name, same sentence ("Guterres in his report", "Lopez said she")
# common given names that are (almost) always one gender; ambiguous ones (Jordan, Alex, Kim) are left out
GIVEN_NAMES: dict[str, str] = {n: "male" for n in _words("""
aaron abdul abdullah adam ahmed alan albert alexander ali andrew angelo anthony antonio arthur barack ben benjamin
bernie bill billy bob boris brad brian bruce carl carlos charles chris christopher chuck colin craig daniel david
dennis dick donald doug douglas edward emmanuel eric frank fred gary george gerald greg gregory harry henry hugh
ian ivan jack jacob james jason jeb jeff jeffrey jerry jim jimmy joe john johnny jon jonathan jose joseph juan
justin keith ken kenneth kevin larry lawrence lee mark martin matt matthew michael mike mitch mohammed muhammad
narendra nicholas nick omar patrick paul peter philip ralph randy raymond recep richard riyad rick robert roger
ron ronald roy rudy russell ryan sam samuel scott sean sergei sergey stephen steve steven ted thomas tim timothy
todd tom tony vladimir walter william xi yasser rui luis pedro miguel carlo giovanni marco ahmad hassan hussein
khalid mahmoud mustafa ibrahim yusuf dmitry igor andrei alexei mikhail nikolai viktor volodymyr olaf emmanuel
""")}
GIVEN_NAMES.update({n: "female" for n in _words("""
alice amanda amy angela angela ann anna anne barbara betsy betty carly carol caroline catherine cheryl christina
christine claire cynthia debbie deborah diana diane donna dorothy elizabeth ellen emily emma fatima gina hannah
heather helen hillary irene jane janet jennifer jessica jill joan joanne judith julia julie karen kate katherine
kathleen kathy kellyanne laura linda lisa louise margaret maria marie marine martha mary megan melania melissa
michelle monica nancy nicola nikki olga patricia rachel rebecca ruth sarah sharon stephanie susan susana theresa
tulsi valerie victoria virginia wendy sofia sophia ana ines lucia elena eva marta anja ingrid giulia chiara
fatma aisha leila yasmin mariam nadia olena natalia svetlana tatiana yulia irina ekaterina angela ursula theresa
""")})
# how many tokens after a person's first mention a pronoun may be to tell that person's gender
PRONOUN_WINDOW = 40

# tokens never part of a person name (trimmed off a PERSON span's edges)
NAME_EDGE_JUNK = frozenset({"'s", "’s", "'", "’", "said", "says", "told", "the", "The", "-", "—", "–"})
