"""``LineRule.needs`` is only a shortcut: a rule's regex never matches a line without one of its needs."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdistill.clean import rules
from newsdistill.clean.classify import classify
from newsdistill.clean.lines import split_lines

GUARDED = [r for r in rules.BOILERPLATE_RULES if r.needs]
# the words the guarded patterns are made of, so random lines often come close to matching
WORDS = sorted({w for r in GUARDED for w in re.findall(r"[a-z]{2,}", r.pattern.pattern)} | {"©", "(c)", "←", "→", "2024"})


def test_needs_are_folded_literals():
    assert len(GUARDED) >= 5
    for rule in GUARDED:
        for need in rule.needs:
            assert need == rules.fold(need), (rule.name, need)


def test_fold_keeps_what_ignorecase_matches():
    # re.IGNORECASE matches "i" to the dotted and dotless capitals; the fold must not lose them
    assert "inbox" in rules.fold("Get it in your \u0130NBOX")
    assert "inbox" in rules.fold("get it in your \u0131nbox")
    assert "newsletter" in rules.fold("NEWSLETTER")


def test_guarded_rules_still_fire():
    cases = {
        "newsletter.subscribe-to": "Sign up for our free Daily Briefing newsletter",
        "newsletter.inbox": "Get the best stories delivered straight to your inbox.",
        "app.promo": "Download our free app for breaking news.",
        "subscribe.call": "Already a subscriber? Log in here.",
        "legal.cookies": "We use cookies to improve your experience.",
        "footer.copyright": "© 2024 The Daily Example. All rights reserved.",
        "footer.all-rights": "The Example Company. All Rights Reserved.",
        "nav.post-arrows": "← Previous post",
    }
    by_name = {r.name: r for r in rules.BOILERPLATE_RULES}
    for name, line in cases.items():
        rule = by_name[name]
        assert rule.needs, name
        assert rule.pattern.fullmatch(line), name
        assert any(n in rules.fold(line) for n in rule.needs), name
        assert classify(split_lines(line + "\n\n" + "A body paragraph that is long enough to count as prose. " * 3))[0].rule \
            in {r.name for r in rules.BOILERPLATE_RULES}, name


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(["", "upper", "title"]),
                          st.sampled_from([" ", " ", ", ", ". ", "! ", "? ", " - "])), min_size=1, max_size=14))
def test_no_match_without_a_need(parts):
    line = "".join((w.upper() if case == "upper" else w.title() if case == "title" else w) + sep
                   for w, case, sep in parts).strip()
    folded = rules.fold(line)
    for rule in GUARDED:
        if rule.pattern.fullmatch(line):
            assert any(n in folded for n in rule.needs), (rule.name, line)


# the first pass's gate (classify._PLAIN_RULES_ANY / _RULE_NEEDLES) is a shortcut too: the rule it
# finds is the one the plain ordered loop over every anywhere-rule finds
ANYWHERE = [r for r in rules.BOILERPLATE_RULES if r.where == "any"]
ALL_WORDS = sorted({w for r in ANYWHERE for w in re.findall(r"[a-z]{2,}", r.pattern.pattern)}
                   | {"©", "(c)", "←", "→", "2024", "12", "|", "»", ":", "-"})


def _ungated(line: str) -> str | None:
    for rule in ANYWHERE:
        if rule.pattern.fullmatch(line):
            return rule.name
    return None


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ALL_WORDS), st.sampled_from(["", "upper", "title"]),
                          st.sampled_from([" ", " ", ", ", ". ", ": ", " | ", "  "])), min_size=1, max_size=10))
def test_first_pass_gate_finds_the_same_rule(parts):
    from newsdistill.clean.classify import _first_pass
    from newsdistill.clean.lines import Line

    line = "".join((w.upper() if case == "upper" else w.title() if case == "title" else w) + sep
                   for w, case, sep in parts).strip()
    if not line:
        return
    # a line no caption/credit/glue test takes, so the anywhere-rules decide
    decision = _first_pass(Line(0, 0, len(line), line, 0, len(line.split()), False))
    want = _ungated(line)
    if decision is None or decision.rule.startswith(("caption.", "nav.glued")):
        assert want is None or decision is not None, (line, want)
        return
    if decision.rule in {r.name for r in ANYWHERE}:
        assert decision.rule == want, (line, want, decision.rule)
    else:
        assert want is None, (line, want, decision.rule)
