"""Words and patterns for the date step (each pattern named: the rule behind a normalisation)."""

from __future__ import annotations

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS.update({"sept": 9})
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
# words before a date that make it one end of an interval
OPEN_START = {"since", "after", "from", "starting"}
OPEN_END = {"until", "till", "by", "before", "through", "to"}
# parts of a year: (first month, last month)
YEAR_PARTS = {
    "beginning": (1, 3), "start": (1, 3), "early": (1, 4), "first half": (1, 6), "middle": (5, 8), "mid": (5, 8),
    "second half": (7, 12), "late": (9, 12), "end": (10, 12), "close": (10, 12),
    "first quarter": (1, 3), "second quarter": (4, 6), "third quarter": (7, 9), "fourth quarter": (10, 12),
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 12),
}
# relative words dateparser understands; anything with one of these (or a weekday) needs an anchor
RELATIVE_WORDS = {"today", "yesterday", "tomorrow", "tonight", "ago", "last", "next", "this", "earlier", "later",
                  "past", "coming", "previous", "recently", "now", "week", "weekend"}
DURATION_UNITS = {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
                  "months", "year", "years", "decade", "decades", "century", "centuries"}
AGE_DATE = r"\d{1,3}[- ]years?[- ]old"
# extra patterns for dates the parser misses (rule name -> regex)
PATTERNS = {
    "date.iso": r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b",
    "date.month-day-year": r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? (?:19|20)\d\d\b",
    "date.day-month-year": r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? (?:19|20)\d\d\b",
}
# words that make an expression relative to the story's own events, not to the publication date
NARRATIVE_WORDS = {"later", "earlier", "before", "after", "following", "previous", "prior", "then", "same"}
# words that may come before a unit in a duration ("nearly two decades", "the past three years", "eleven months")
DURATION_WORDS = {"the", "a", "an", "few", "several", "many", "some", "past", "last", "next", "coming", "over", "more",
                  "than", "nearly", "almost", "about", "around", "of", "half", "dozen", "dozens", "hundreds",
                  "thousands", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                  "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "at", "least", "full", "entire",
                  "whole", "recent", "two-and-a-half", "and"}

# ---- which way a relative date points (rules date.*+future / +past) --------------------------
# A date with no year ("from September", "by Friday") is read the way the verb it modifies points:
# the next one for a future verb, the last one for a past verb; a present or unknown tense keeps
# the default (the latest not far after publication for a month or day, the last for a weekday).
# auxiliaries of a future verb ("will ban", "'ll have", "shall", "won't": spaCy's "wo")
FUTURE_AUX = {"will", "'ll", "shall", "wo", "ll"}
# verbs and adjectives whose infinitive complement points ahead ("plans to ban", "is due to",
# "is expected to open", "is set to", "is scheduled for")
FUTURE_GOVERNORS = {"plan", "expect", "schedule", "set", "due", "aim", "intend", "go", "prepare", "hope", "vow",
                    "pledge", "promise", "threaten", "slate", "poise", "propose"}
# verbs of a timetable that news writes in the present for what is to come ("the ban takes
# effect in September", "talks resume on Monday", "the offer expires in June"): future in the
# present tense only
SCHEDULE_VERBS = {"take", "begin", "start", "open", "resume", "expire", "come", "kick", "launch", "apply", "enter",
                  "close", "end", "run", "reopen", "commence", "arrive", "leave", "depart", "return", "meet",
                  "convene", "vote", "play", "face", "host", "visit", "travel", "head", "hold"}
# auxiliaries of a past verb besides the past tense itself ("has said", "had left", "did not")
PAST_AUX = {"have", "has", "had", "did", "was", "were"}
# passives that put an event on a timetable: "is scheduled for", "is set for Thursday", "is
# planned for May" (a past auxiliary keeps them past: "was set for Thursday")
PASSIVE_SCHEDULERS = {"schedule", "slate", "set", "plan", "expect", "timetable", "pencil", "book"}
# the future of a past report ("said schools would stay closed on Tuesday"): only in a clause
# that a past verb reports (rule: the date's "+future" reading)
REPORTED_FUTURE_AUX = {"would", "'d"}

# ---- numbers inside names (rule date.name-number: not a date) --------------------------------
# "Amalgamated Transit Union Local 1190", "Route 2019", "Flight 1549", "Boeing 7478": a number
# right after one of these words, or right after (or inside) an organisation, facility, product,
# law or work's name, names a thing.  After a place or a person it stays a year ("the US 2020
# election", "the Obama 2008 campaign"), and after these words too ("Christmas 2019", "fiscal 2024")
NAME_NUMBER_WORDS = {"local", "route", "flight", "model", "no", "no.", "number", "room", "highway", "interstate",
                     "section", "article", "form", "gate", "terminal", "platform", "version", "chapter", "bus",
                     "line", "exit", "suite", "apartment", "district", "precinct", "ward", "unit", "lot", "pier",
                     "berth", "building", "hall", "station", "channel", "track", "road", "street", "avenue", "lane",
                     "block", "plot", "car", "train", "tram", "engine", "squad", "battalion", "regiment", "brigade",
                     "resolution", "bill", "act", "case", "item", "code", "page", "vol", "vol.", "ticket", "seat",
                     "cell", "zone", "sector", "h.r.", "s."}
YEAR_NAME_WORDS = {"fiscal", "fy", "christmas", "easter", "thanksgiving", "ramadan", "eid", "hanukkah", "diwali",
                   "spring", "summer", "autumn", "fall", "winter", "year", "class", "season", "vintage", "census",
                   "election", "elections", "budget", "calendar", "midterm", "midterms", "cop", "expo", "olympics"}

