"""Word lists and named rules for quote and attribution extraction.

Only data lives here: the modules of :mod:`newsdistill.attribution` cite these names in each
attribution's ``rule``, so every decision traces back to one entry.  The constants the tuning
scripts chose for combining the learned models with the rules live in :mod:`.tuned`.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ---- quote marks --------------------------------------------------------------------------
# name -> (opening marks, closing marks).  A quote opened by a mark of one pair closes with a
# closing mark of the same pair; "straight" marks are symmetric and decided by context.
QUOTE_PAIRS: dict[str, tuple[str, str]] = {
    "quote.curly-double": ("\u201c", "\u201d"),          # “ ”
    "quote.low9-double": ("\u201e", "\u201c\u201d"),     # „ “  „ ”
    "quote.guillemets": ("\u00ab", "\u00bb"),            # « »
    "quote.guillemets-reversed": ("\u00bb", "\u00ab"),   # » «
    "quote.curly-single": ("\u2018", "\u2019"),          # ‘ ’ (’ is also the apostrophe)
    "quote.low9-single": ("\u201a", "\u2018\u2019"),     # ‚ ‘
    "quote.angle-single": ("\u2039", "\u203a"),          # ‹ ›
}
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
# Two straight single marks used as a double quote (''like this'', the New York Times archive
# style): rule ``quote.doubled-single``; a lone ' inside it is an apostrophe or a nested quote.
DOUBLED_SINGLE = "''"
RULE_DOUBLED_SINGLE = "quote.doubled-single"
# A double quote opened with one style and closed with another ("Hi,” she said / “Hi," / the typo
# “Hi,“): the other style's mark closes it when it stands at a word's end (after a non-space, before
# a non-letter).  Rule ``quote.mixed-double`` (PolNeAR train: cues after such quotes were taken for
# words inside the quote)
RULE_MIXED_DOUBLE = "quote.mixed-double"
MIXED_DOUBLE_CLOSERS: dict[str, str] = {
    "quote.straight-double": "\u201d",
    "quote.curly-double": '"\u201c',
}
ALL_QUOTE_CHARS = frozenset("\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a")

# ---- cue verbs (lemmas) ---------------------------------------------------------------------
# Verbs of saying/reporting/believing that PolNeAR-style attribution treats as cues.
CUE_VERBS: frozenset[str] = _words(
    """
    say tell state note add claim argue explain insist warn announce report write suggest
    acknowledge admit deny confirm ask reply respond continue predict declare assert contend
    maintain stress emphasize emphasise recall describe urge accuse allege complain tweet post
    testify indicate reveal conclude estimate agree vow promise pledge concede observe mention
    remark comment recount caution hope believe think feel fear worry question wonder propose
    recommend charge blame criticize criticise praise joke quip boast brag counter retort
    inform hint imply speculate disclose proclaim read show find reiterate repeat
    lament acknowledge affirm assure brief cite demand advise signal concur muse predict
    chime interject shout yell scream whisper murmur mutter announce caution counsel
    """
)
# Cue verbs that only count when they take a clause or a quote (never with a plain object).
CLAUSE_ONLY_CUES: frozenset[str] = _words("think feel believe hope fear worry wonder find show read continue add post question")
# Verb + particle cues ("point out", "lay out").
PHRASAL_CUES: frozenset[tuple[str, str]] = frozenset({("point", "out"), ("go", "on"), ("spell", "out"), ("chime", "in")})
# "according to X": the cue is the two words.
ACCORDING_TO = ("according", "to")

# ---- sources ---------------------------------------------------------------------------------
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "advcl", "dobj", "conj"})
# clause heads that make a content (ccomp always; others only if they look like a clause)
CLAUSE_POS = frozenset({"VERB", "AUX"})
# leading words dropped from a reported clause ("said that X" -> content "X"); the dropped word is
# kept as the attribution's `complementizer` (rule content.complementizer)
CONTENT_LEADING_DROP = frozenset({"that"})
# rule content.fragments: a content around its own source/cue ("X, he adds, is Y") is recorded as
# fragments without the source/cue and, around it, whitespace and these punctuation marks (PolNeAR
# annotates such contents as discontinuous spans: "X" and "is Y"; a quote's own marks are kept:
# "“A,” he said. “B.”" -> "“A,”" and "“B.”")
RULE_CONTENT_FRAGMENTS = "content.fragments"
CONTENT_FRAGMENT_GAP_PUNCT = frozenset(",;:.-\u2013\u2014()[]")

# Nouns that name a document which can "say" things ("the report notes").
DOCUMENT_NOUNS: frozenset[str] = _words(
    """
    report document text statement study memo letter paper survey poll analysis review
    filing complaint lawsuit indictment ruling decision order opinion assessment audit
    release book article essay op-ed column editorial brief draft plan proposal resolution
    transcript email message tweet post investigation inquiry bill
    """
)
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "its"})

# ---- pronouns --------------------------------------------------------------------------------
PRONOUN_GENDER: dict[str, str] = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
}
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our"})
# Honorifics that tell the gender of the name they precede.
HONORIFIC_GENDER: dict[str, str] = {
    "mr": "male", "mr.": "male", "sir": "male", "lord": "male",
    "mrs": "female", "mrs.": "female", "ms": "female", "ms.": "female", "miss": "female",
    "madam": "female", "dame": "female", "lady": "female",
}

# entity label -> speaker type
LABEL_TYPE: dict[str, str] = {
    "PERSON": "person",
    "ORG": "organization",
    "NORP": "group",
    "GPE": "place",
    "FAC": "place",
    "LOC": "place",
}
SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")

# ---- rule names (recorded on each attribution) -----------------------------------------------
RULE_VERB_CLAUSE = "cue.verb-clause"          # X said (that) CLAUSE
RULE_VERB_QUOTE_BEFORE = "cue.quote-then-verb"  # “Q,” X said / “Q,” said X
RULE_VERB_QUOTE_AFTER = "cue.verb-then-quote"   # X said: “Q”
RULE_PARATAXIS = "cue.parenthetical"        # Q, he adds, Q
# "But, he said, Q" / "In other words, she said, Q": when the words before a parenthetical cue
# hold no subject of the clause (only an introduction), the content is what follows the cue
RULE_PARATAXIS_AFTER_INTRO = "cue.parenthetical-after-intro"
INTRO_KEEP_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
RULE_QUOTE_CONTINUES = "cue.quote-continues"  # “Q1,” said X. “Q2.”
# Quote frames: a closed quote whose last words end in one of FRAME_END_PUNCT ("“Q,” X said",
# "“Q?” X asked") right before the source and cue is that cue's content, whatever clause the parse
# hangs on the verb ("“Q,” the former president told a crowd that the campaign estimated at 3,000";
# PolNeAR train: such parses lost the quote).  Same for a quote right after "X said," / "X said:"
# when the parse gives the verb a clause before it instead ("He said ..., and when asked ..., he
# said, “I hope not.”").
# "Lund, who declared in the debate spin room, “Q”", "telling the crowd, “Q”": a closed quote after
# the cue's own short phrase (its object, prepositions, adverbs: words the parse hangs on the cue,
# no verb) and a comma or colon is the content.  Rule cue.verb-phrase-then-quote
RULE_VERB_PHRASE_QUOTE = "cue.verb-phrase-then-quote"
VERB_PHRASE_MAX_CHARS = 60
VERB_PHRASE_NOT_POS = frozenset({"VERB", "AUX"})
RULE_QUOTE_FRAME_BEFORE = "cue.quote-frame-before"
RULE_QUOTE_FRAME_AFTER = "cue.quote-frame-after"
FRAME_COMMA_PUNCT = frozenset(",\u2014\u2013-")  # , — – -
FRAME_END_PUNCT = frozenset("?!") | FRAME_COMMA_PUNCT
RULE_ACCORDING_TO = "cue.according-to"      # CLAUSE, according to X
# "X did Y, according to Z, although ...": a clause on both sides of the phrase: the part before
RULE_ACCORDING_TO_MIDCLAUSE = "cue.according-to-midclause"

# Capitalised words before a name that are titles, not first names ("President Trump").
TITLE_WORDS: frozenset[str] = _words(
    """
    president vice secretary general senator sen. rep. representative governor gov. minister
    ambassador mayor chairman chairwoman chair director chief judge justice attorney speaker
    leader dr. dr prof. professor gen. col. capt. lt. sgt. adm. officer spokesman spokeswoman
    spokesperson commissioner king queen prince princess pope rev. reverend father sister
    candidate nominee premier chancellor commander congressman congresswoman sheriff
    mr. mr mrs. mrs ms. ms miss sir lord dame lady madam
    """
)

# Cue verbs whose direct object is the content ("praised Christie's leadership", "denied the
# report"), with a following "for/as/of ..." ("criticized Clinton for accepting ...").
DOBJ_CUES: frozenset[str] = _words(
    """
    announce deny confirm criticize criticise praise reveal disclose propose recommend estimate
    predict describe urge demand cite discuss dismiss reject denounce attack slam blast mock
    ridicule thank endorse welcome repeat reiterate call brand accuse blame
    defend emphasize emphasise stress acknowledge admit concede highlight list tout promise vow
    pledge want prefer offer condemn applaud hail decry lament question challenge dispute
    characterize characterise label dub slam tweet post write report suggest mention recall
    express voice raise outline detail explain insist predict warn note
    """
)
DOBJ_CONTENT_DEPS = frozenset({"dobj", "oprd", "ccomp", "xcomp"})
# every prepositional phrase after the object belongs to the content ("signed the bill into law",
# "criticized Clinton for accepting ..."), except ones that say when or why the cue happened
DOBJ_PREPS_NOT_CONTENT = frozenset({"because", "after", "before", "during", "despite", "since", "while"})
# words right before a cue verb that belong to the cue ("has said", "did not say", "also said")
CUE_PREFIX_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
DOBJ_CUES = DOBJ_CUES | _words("endorse thank congratulate tout defend attack criticize cast reaffirm")
# verb + preposition cues whose object is the content ("called for ...", "pointed to ...")
PREP_CUES: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}), "point": frozenset({"to"}), "talk": frozenset({"about", "up"}),
    "refer": frozenset({"to"}), "speak": frozenset({"about", "of", "on"}), "respond": frozenset({"to"}),
    "comment": frozenset({"on"}), "focus": frozenset({"on"}), "push": frozenset({"for"}),
    "argue": frozenset({"for", "against"}), "warn": frozenset({"of", "about", "against"}),
    "complain": frozenset({"about", "of"}), "vote": frozenset({"for", "against"}),
    "advocate": frozenset({"for"}), "insist": frozenset({"on"}), "hint": frozenset({"at"}),
}
# "said in a statement that ...": the clause hangs off the statement noun
STATEMENT_NOUNS = _words("statement interview post tweet email letter release speech op-ed column message video")
RULE_IN_STATEMENT = "cue.in-a-statement"    # X said in a statement that CLAUSE

# Where the accurate mode runs the span model (models/gate.py): paragraphs with a rule candidate,
# a quote mark or one of these cue words (with the rules' cue verbs, statement nouns, verb +
# preposition and phrasal cues), and their SPAN_GATE_RADIUS neighbours.  Rule ``span.gate``
# marks nothing in a record: a skipped paragraph only has no model spans.
RULE_SPAN_GATE = "span.gate"
SPAN_GATE_RADIUS = 0
SPAN_GATE_EXTRA_LEMMAS: frozenset[str] = _words("according")

# Verbs the learned cue model may not make cues: light verbs.  Rule ``cue.never``.
NEVER_CUES: frozenset[str] = _words("fight have be do get make take give go come lead hold keep put")
# Stance verbs: PolNeAR counts "voters who support Sanders", "a super PAC supporting Rubio" as
# cues, but their past sense is usually an act ("Russian forces have supported the Syrian army"):
# they are cues only in the present tense or as a present participle.  Rule cue.stance-present
STANCE_VERBS = frozenset({"support", "back"})
STANCE_TAGS = frozenset({"VB", "VBP", "VBZ", "VBG"})
# children of a source's head left out of the source (none: measured on PolNeAR train, dropping them hurt)
SOURCE_DROP_CHILD_DEPS: frozenset[str] = frozenset()  # PolNeAR keeps relative clauses in sources
# rule-name prefix when the learned cue model (not a word list) accepted the cue verb
LEARNED_PREFIX = "learned+"
# Relative words that open a comma-set clause closing a content; rule content.no-trailing-relative
TRAILING_RELATIVE_WORDS = frozenset({"which", "who", "whom", "whose", "where"})
# A relative pronoun subject ("Barkley, who said he ...") is the source as written (PolNeAR
# annotates "who"); the speaker resolves through its antecedent.  Rule source.relative-pronoun
RELATIVE_SOURCE_TAGS = frozenset({"WP", "WDT"})
# "Asked (by X) whether/what ..., he said": the question is an attribution of its own, sourceless
# or sourced by the asker; rule cue.asked
RULE_ASKED = "cue.asked"
QUESTION_CUES = frozenset({"ask"})
# "Asked about X, he said" / "he was asked about X": the preposition joins the cue; the subject of
# the passive is the one asked, not a source
QUESTION_PREPS = frozenset({"about"})
QUESTION_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "advcl"})
# Determiners opening a comma-set apposition that closes a content ("... 30,000 jobs, a mass
# layoff ..."): the apposition is the writer's comment; rule content.no-trailing-apposition
TRAILING_APPOSITION_DETS = frozenset({"a", "an"})
# "urged him to resign", "called on Congress to act": the object before the infinitive belongs to
# the content ("him to resign"); rule content.object-and-infinitive
INFINITIVE_OBJECT_DEPS = frozenset({"dobj"})
# A clause coordinated with the cue verb joins the content only after a contrasting conjunction
# ("notes that X “has ended,” but what remains ..."); "..., and Y did Z" is the writer's narration.
# Rule content.contrast-conj
CONTENT_CONJ_WORDS = frozenset({"but"})
# Trailing marks that stay on a span (rule span.keep-trailing-mark): a percent sign, a question or
# exclamation mark, and a closing parenthesis whose opening one is inside the span
KEEP_TRAILING_PUNCT = frozenset({"%", "?", "!"})
# "X said in a statement": PolNeAR's cue takes the phrase in (train: 46 cues include it, 21 do not;
# "in an interview", weekdays and "of" split evenly and stay out).  Rule cue.with-statement-phrase
CUE_PHRASE_PREP = "in"
CUE_PHRASE_NOUNS = frozenset({"statement"})
# "polls show Clinton up by 10 points": evidence verbs whose object is the content when their
# subject is a poll, study or other document.  Rule content.evidence-object
EVIDENCE_CUES = frozenset({"show", "find", "suggest", "indicate", "reveal"})
EVIDENCE_SUBJECTS: frozenset[str] = DOCUMENT_NOUNS | _words("poll data number figure record search video tally result count")
# "BOULDUAN: Why not debate?", "Q: ...", headlines "Sanders: Brexit's message could ...": a short
# label opening a paragraph, then a colon: the label is the source, the colon the cue, the rest of
# the paragraph the content.  Rule cue.label-colon
RULE_LABEL_COLON = "cue.label-colon"
LABEL_COLON_MAX_WORDS = 6
# the label must be a proper name holding a person or organisation, or a transcript's capitalised
# speaker ("BOULDUAN:"); ("Q:"/"A:" and topic labels
# like "At issue:" were right less than half the time on train)
LABEL_COLON_ENTS = frozenset({"PERSON", "ORG"})
LABEL_COLON_MIN_CONTENT_WORDS = 4
# labels that head a line but say nothing ("Updated: ...", "Contributing: ...")
LABEL_COLON_NOT_SOURCES: frozenset[str] = _words(
    """
    update updated contributing related note editor's photo photos video source sources read watch
    see correction caption credit credits listen more also tags filed posted published share
    advertisement sponsored subscribe click follow email tel phone fax when where what who why how
    """
)
# "Trump is expected to deliver a speech", "Manafort seemed to be part of the establishment":
# PolNeAR annotates these as sourceless attributions whose content is the complement (with the
# subject as a second fragment, which one content span cannot hold).  Rule cue.hedge
RULE_HEDGE = "cue.hedge"
HEDGE_CUES = frozenset({"seem", "appear"})
HEDGE_PASSIVE_CUES = frozenset({"expect"})     # only as "is/are expected to ..."
HEDGE_COMPLEMENT_DEPS = frozenset({"xcomp", "acomp", "oprd", "attr", "ccomp"})
# "In the latest CNN/ORC poll, 31% of Republicans ...": rule cue.in-poll
RULE_IN_POLL = "cue.in-poll"
POLL_PREP = "in"
POLL_NOUNS = _words("poll polls survey surveys study report analysis")

# ---- more cue patterns (step 3d: from the gold cues of PolNeAR train no candidate covered) ----
# "“...,” added another New Hampshire Republican": the parse makes the speaker the verb's object;
# with the verb's clause or a quote right before it, the object is the source.  Rule
# source.inverted-object
RULE_INVERTED_OBJECT = "source.inverted-object"
INVERTED_CUES = _words("say add write tell note continue explain insist argue warn reply respond declare conclude")
INVERTED_OBJECT_DEPS = frozenset({"dobj", "attr", "npadvmod"})
# "“...,” said Rep. Ann Lund (D-Ore.)." where the parse gave the verb no subject and no object
# (it took a word of the name for a verb): after a quote frame, the words from the cue to the
# sentence's end are the source; without an apposition (a comma), they stop at a preposition
# other than "of" or a date ("said Lund on Tuesday").  Rule source.inverted-frame
RULE_INVERTED_FRAME = "source.inverted-frame"
INVERTED_FRAME_FIRST_POS = frozenset({"DET", "PROPN", "NOUN", "ADJ", "PRON"})
INVERTED_FRAME_KEEP_ADP = frozenset({"of"})
INVERTED_FRAME_STOP_ENTS = frozenset({"DATE", "TIME"})
INVERTED_FRAME_MAX_TOKENS = 30
# "“Q,” Mr. Lund, now 81 and retired in Bergen, said by telephone": after a quote frame, the words
# up to a subjectless cue are its source when they open with a noun phrase (no verb before the
# first comma; the apposition after it may hold one).  Rule source.frame-before-cue
RULE_FRAME_SOURCE = "source.frame-before-cue"
# "85% of Democrats said ..." (the parse's subject is the '%' sign), "About 4 in 10 say ..." (the
# share is a number modifier of the verb).  Rule source.survey-share
RULE_SURVEY_SHARE = "source.survey-share"
SHARE_SUBJECT_WORDS = frozenset({"%"})
# "As Clyburn noted, those voters will ...": the main clause is the content.  Rule content.as-x-said
RULE_AS_CLAUSE = "content.as-x-said"
AS_MARKS = frozenset({"as"})
# "Those who take on heavy debt struggle, he said.": no clause on the cue in the parse; the words
# before ", SOURCE CUE" are the content.  Rule content.sentence-before-cue
RULE_SENTENCE_BEFORE_CUE = "content.sentence-before-cue"
SENTENCE_CUE_SEPARATORS = frozenset({","})
SENTENCE_CUE_MAX_TAIL = 4     # words after the cue ("he said Tuesday in an interview")
SENTENCE_CUE_MIN_WORDS = 3
# ... but not an introduction ("While 86 percent ..., 43 said the same", "Asked if ..., he said no")
SENTENCE_CUE_NOT_CONTENT_DEPS = frozenset({"advcl", "prep", "mark", "npadvmod", "advmod", "intj", "nsubj"})
SENTENCE_CUE_NOT_CONTENT_TAGS = frozenset({"VBN", "VBG"})

# The parse hung the cue on the reported clause: "Instead, Trump told CNN, his policy would ...".
# Rule content.head-clause-after-cue
RULE_HEAD_CLAUSE_AFTER = "content.head-clause-after-cue"
HEAD_CLAUSE_CUE_DEPS = frozenset({"ccomp"})
# "said earlier on Friday during a news conference that he may wait": rule content.that-clause-in-prep
RULE_THAT_CLAUSE_IN_PREP = "content.that-clause-in-prep"
NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl", "ccomp"})

# "went on to say": the leading verb and its particle join the cue (PolNeAR train: 5 of 5 in the
# subset).  Rule cue.went-on-to-say
RULE_WENT_ON = "cue.went-on-to-say"
CUE_LEAD_VERBS = frozenset({("go", ("on",))})

# "Trump landed himself in hot water by saying that ...": a gerund cue in a phrase takes the subject
# of the clause the phrase modifies.  Rule source.gerund-in-phrase
RULE_GERUND_PHRASE = "source.gerund-in-phrase"
GERUND_CUE_PREPS = frozenset({"by", "after", "before", "in", "while", "without", "since"})

# "As reported by Western Journalism, ...": a passive cue without a subject takes its agent.
# Rule source.agent
RULE_AGENT = "source.agent"

# "Gene Sperling, a top outside Clinton adviser, said ...": the parse broke the subject off the
# cue; the noun phrase ending right before the cue is the source.  Rule source.noun-before-cue
RULE_NOUN_BEFORE_CUE = "source.noun-before-cue"
SOURCE_NOUN_POS = frozenset({"NOUN", "PROPN"})
SOURCE_NOUN_NOT_DEPS = frozenset({"pobj", "dobj", "poss"})
# source.noun-before-cue: a name the parse made an apposition/conjunct of a date or place in an
# introductory phrase ("In a call on Dec. 2, Col. Steven H. Warren, a spokesman, said") is the source
NOT_SPEAKER_HEAD_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})

# "That's according to a new poll": PolNeAR's cue takes the contracted copula.  Rule
# cue.according-to-copula
ACCORDING_TO_COPULA = frozenset({"'s", "\u2019s"})

# ---- the MiniLM span model (opt-in, attribution/models/span_model.py) combined with the rules --------------
# (attribution/models/combine.py; thresholds chosen on the held-out tenth of PolNeAR train by
# bench/tune_span_combine.py, never on dev)
RULE_MODEL_CONTENT_SNAP = "model.content-snap"  # a rule content moved to the model's content span
RULE_MODEL_SOURCE_SNAP = "model.source-snap"    # likewise the source
RULE_MODEL_CUE_SNAP = "model.cue-snap"          # likewise the cue
RULE_MODEL_NEW = "model.new-content"            # a model content no rule found, linked to the nearest model cue/source
CONNECTIVE_POS = frozenset({"ADV", "CCONJ"})  # "However, ..." / "But, ..." before a model content

# ---- headlines (attribution/headline.py) ---------------------------------------------------
# "Graham: Trump's 'Incredibly Hateful Rhetoric' ...", "Clinton camp: ...", "Poll: ...": in a
# title line a label before the first colon is the source far more often than in body text (PolNeAR
# train headlines with such a label: 68 attributions, 48 not, most of those kickers like "The
# Latest" or a clause "Carly Fiorina Endorses Ted Cruz").  Rule cue.headline-colon
# A Title Case headline is parsed in sentence case (extract/parse_data.py says when and how);
# attributions found so carry rule parse.headline-sentence-case (held-out train: docs/attribution.md, Headlines)
RULE_HEADLINE_SENTENCE_CASE = "parse.headline-sentence-case"
RULE_HEADLINE_COLON = "cue.headline-colon"
HEADLINE_COLON_MIN_CONTENT_WORDS = 2
HEADLINE_LABEL_LOWER = frozenset({"camp", "to", "of", "at", "on", "and", "the", "for", "in", "editorial", "de", "van"})
HEADLINE_LABEL_PUNCT = frozenset({"'s", "\u2019s", "'", "\u2019", ".", "-", "\u2013", "&"})
# kicker labels that head a headline but name no source
HEADLINE_KICKERS: frozenset[str] = _words(
    """
    latest breaking exclusive revealed boom busted look wow watch video live update opinion
    analysis byline bombshell photos fact-check factcheck explainer editorial
    """
) | frozenset({"the latest", "just in", "must see", "fact check"})

# ---- attributions that are not statements (attribution/filters.py; docs/attribution.md, step 3e) ----
# Run on every mode's candidates (fast, lite, accurate: after the models' spans are combined), each
# a named rule; chosen on the held-out tenth of PolNeAR train, measured on dev once
# (docs/benchmarks.md#not-statements).
# Verbs of acts, not of statements ("Belgium banned disposable vapes", "Councillor Delgado sided
# with the mayor", "police arrested two men"): never cues.  PolNeAR's guidelines count
# statements, beliefs, intentions, support, decrees and rulings ("The court ruled that ...",
# "The Parliament approved a ban ..."), not actions; each verb here was checked against the
# annotations of PolNeAR train without its held-out tenth: the share of its occurrences inside a
# gold cue, and the precision of the attributions it gave (bench/cue_precision.py --train-part
# --gold-rates; docs/benchmarks.md#not-statements).  Kept as cues, since PolNeAR counts them: "vote"
# (support or a decision: 59 of its 408 verbs are gold cues, 31 of the 39 attributions it gave
# overlap one), "side" (support: 6 of 10), "approve", "ban", "impose", "rule", "order" (decrees, the
# guidelines' own examples: "The Parliament approved a ban"), "support", "back", "oppose", "endorse".
# "elect" and "fight" stay out too (2 of 149 and 4 of 153 verbs in gold cues; on held-out train the
# span model found one gold cue of each: "voters elected ...", "are actually fighting about").
# Listed: acts with no gold cue on train ("arrest" 0 of 13, "deport" 0 of 35, "kill" 0 of 122, ...),
# and acts whose attributions were almost never gold cues there ("try": 15, none exact, as the
# guidelines say: "try signifies the concrete action of attempting"; "send" 13, "start" 11, "use" 9,
# "launch" 9, "begin" 5, "struggle" 5, "throw" 4, "spend" 3, "stop" 3: at most one exact cue each).
# Rule cue.not-an-act
RULE_NOT_AN_ACT = "cue.not-an-act"
NON_SPEECH_ACTS: frozenset[str] = _words(
    """
    arrest detain jail imprison deport raid deploy kill bomb capture seize evacuate march
    lose win defeat beat quit resign fund invest halt repeal honor honour travel host attend
    serve work build visit lead cut drop close shut end
    try send start begin use struggle spend stop launch throw
    """
)
# "two voted for a cut", "five opposed it": a number is a source only with a noun in its phrase
# ("two officials said", "two of them"); a bare count is the writer's, not a speaker.  Kept: a
# count with a determiner ("the two", "all three": people named before; PolNeAR marks them, 2 exact
# gold sources on held-out train), a share ("About 4 in 10 say", "3 of 4": an ADP; rule
# source.survey-share) and the pronoun "one" ("no one", "one said").  Rule source.bare-number
RULE_BARE_NUMBER = "source.bare-number"
NUMBER_SOURCE_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
NUMBER_SOURCE_KEEP_POS = frozenset({"DET", "ADP"})
NUMBER_SOURCE_OTHER_POS = frozenset({"NUM", "ADV", "CCONJ"})  # "about 40", "two or three"
NUMBER_PRONOUNS = frozenset({"one"})
# A relative pronoun source ("one resident, who declined to give her name") is kept as PolNeAR
# writes it ("who") and its speaker is its antecedent: the antecedent's entity, else the
# antecedent's own words ("one resident").  Without an antecedent in the parse the attribution
# is dropped (rule source.relative-no-antecedent); one whose speaker came from the antecedent's
# words, or from an antecedent the parse gave no relative clause of its own ("... and who hoped"),
# carries +speaker.relative-antecedent (the parse's own "Barkley, who said" resolved as before)
# (held-out and train: a relative pronoun the parse hung on a coordinated clause, "... and who
# hoped", or on no relative clause at all was a gold source about half the time, so the antecedent
# is also sought through coordination and, failing that, as the nearest noun before it; only a
# free relative or question word, "what prompted it", "Who cares ...?", is left without one)
RULE_RELATIVE_NO_ANTECEDENT = "source.relative-no-antecedent"
RULE_RELATIVE_ANTECEDENT = "speaker.relative-antecedent"
RELATIVE_PERSON_WORDS = frozenset({"who", "whom"})
RELATIVE_CLAUSE_DEPS = frozenset({"relcl", "acl"})
RELATIVE_ANTECEDENT_WORDS = frozenset({"who", "whom", "which", "that"})  # not "what": a free relative
ANTECEDENT_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
SENTENCE_END_MARKS = frozenset({".", "!", "?"})
# "drivers in Portland voted": a place named inside a source is its speaker only as the source's
# head ("Russia said"), its possessor ("Russia's foreign ministry said") or after "for" ("a
# spokesman for Belgium"); in any other place it only locates the speaker ("drivers in Portland",
# "the mayor of Portland"), and so does any name after a preposition of place ("teachers at Acme",
# "nurses in Lyon" where the parse took Lyon for an organisation).  Rule speaker.place-modifier
# (the speaker is then another name in the source, or left unresolved)
RULE_PLACE_MODIFIER = "speaker.place-modifier"
# "The company said ...", "the airline said in a statement": a definite noun for an organisation,
# with no name in the source, is the organisation last named before it (as "it" is), within
# ORG_NOUN_WINDOW characters (a story's second organisation three paragraphs on is no antecedent
# of a bare "the company"). Rule speaker.definite-org-noun
# an age is no part of a role ("the 45-year-old mechanic, Peter Kamau": role "mechanic"; the
# figure step records the age, of Peter Kamau)
AGE_IN_ROLE = re.compile(r"^\d{1,3}[- ]years?[- ]old\s+", re.IGNORECASE)
RULE_ORG_NOUN = "speaker.definite-org-noun"
# (not "group", "network", "platform", "app": "the group" is as often people as a company)
ORG_NOUNS: frozenset[str] = _words(
    """
    company firm agency airline carrier bank lender insurer retailer manufacturer carmaker automaker
    startup broadcaster publisher newspaper charity organisation organization conglomerate operator
    utility chain club union
    """
)
# the dependencies of whom a cue verb addresses: "told Reuters" (dobj), "told it" (dative), "said
# to AP" / "in an interview with the BBC" (pobj of the verb's preposition)
ADDRESSEE_DEPS = frozenset({"dobj", "dative", "pobj"})
ORG_NOUN_LABELS = ("ORG",)
ORG_NOUN_WINDOW = 1500
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_SPEAKER_DEPS = frozenset({"poss"})
PLACE_SPEAKER_PREPS = frozenset({"for"})
LOCATIVE_PREPS = frozenset({"in", "at", "from", "across", "near", "outside", "around", "throughout", "inside"})
# A content (or source) never begins with a wire dateline ("PARIS (AFP) – The minister said ...":
# the cleaner's rule meta.wire-dateline, clean/rules.py, which splits it off plain-text input; HTML
# input keeps it in the body for now): it starts after it.  Rules content.no-wire-dateline,
# source.no-wire-dateline
RULE_CONTENT_NO_DATELINE = "content.no-wire-dateline"
RULE_SOURCE_NO_DATELINE = "source.no-wire-dateline"
