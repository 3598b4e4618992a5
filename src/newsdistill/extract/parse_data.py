"""Settings of the parse step's helpers (data only, like the other ``*_data`` modules)."""

from __future__ import annotations

# A Title Case headline ("Glenn Beck Blasts Drudge for Mocking His Fast") is parsed for attribution
# in sentence case: the tagger reads "Blasts" as a name, so no cue is found.  A headline counts as
# Title Case when at least TITLE_CASE_MIN_SHARE of its words of 4+ letters start with a capital;
# every capitalised word is then lowercased for the parse (offsets stay: same length), except the
# first, acronyms ("GOP"), "I", a label before a colon ("NY Post: ..."), and words the body writes
# capitalised mid-sentence (names: "Beck", "Drudge").  Attributions found so carry rule parse.headline-sentence-case (held-out train:
# docs/attribution.md, Headlines)
TITLE_CASE_MIN_SHARE = 0.6
TITLE_CASE_MIN_LETTERS = 4
