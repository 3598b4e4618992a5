"""The seed's nine attributions, exactly as issue #4 lists them: the golden table of
tests/attribution/test_seed_attributions.py (checked by support.seed_checks), also loaded by file path
by bench/tune_lite_combine.py (so: no imports).
"""

# (kind or None when the issue leaves it open, cue, source, speaker name, content start, content end)
GOLDEN = [
    ("indirect", "said", "Syrian ambassador to Russia Riyad Haddad", "Riyad Haddad",
     "Syria is on the verge of a final and total victory", "over the ISIS terrorist group"),
    ("direct", "said", "Haddad", "Riyad Haddad",
     "\u201cWe are on the verge of the final victory", "represented by Daesh [ISIS],\u201d"),
    (None, "states", "The text", "report on the ISIS threat",
     "\u201cdespite continued efforts", "many problems remain to be resolved.\u201d"),
    (None, "says", "the document", "report on the ISIS threat",
     "\u201cThese problems are due to the continuous transformation", "to the clandestine network,\u201d"),
    ("mixed", "notes", "He", "Antonio Guterres",
     "the core of this network is \u201cweak\u201d but still alive \u201cin Iraq and", "Asia.\u201d"),
    (None, "adds", "he", "Antonio Guterres",
     "Another troubling problem", "is \u201cthe return and movement of foreign terrorists and members of their families.\u201d"),
    (None, "notes", "The report", "report on the ISIS threat",
     "the flow of foreign terrorists to ISIS in Iraq and Syria \u201chas generally ended,\u201d but", "\u201cslower than the expected.\u201d"),
    ("according-to", "according to", "UN Secretary-General Antonio Guterres in his report on the ISIS threat", "Antonio Guterres",
     "the ISIS terrorist group has been transformed", "more than 20,000 members in Iraq and Syria"),
    ("according-to", "According to", "UN estimates", "United Nations",
     "ISIS has a total of more than 20,000 members", "including foreign jihadists"),
]

# the complementizer each content leaves out ("The text states *that* “despite ...”"), exactly:
# (start, end, input_start, input_end); the other five have none (attribution 1 is "X, Haddad said")
COMPLEMENTIZERS = {
    ("states", "The text"): (1048, 1052, 1619, 1623),
    ("notes", "He"): (1369, 1373, 1959, 1963),
    ("notes", "The report"): (1787, 1791, 2377, 2381),
}

# the content that holds its own source and cue ("Another troubling problem, he adds, is “...”") is
# recorded as the two fragments PolNeAR would annotate (rule content.fragments), exactly:
# (start, end, input_start, input_end); the others are continuous (null)
FRAGMENTS = {
    ("adds", "he"): [(1530, 1555, 2120, 2145), (1566, 1647, 2156, 2237)],
}
