"""Decide, for every non-blank input line, what it is - using the line and its context.

Passes (each decision records the rule name that made it):

1. line by itself: caption, boilerplate pattern (``rules.BOILERPLATE_RULES``),
   lone image credit, byline, dateline; otherwise a body candidate, "good"
   (a sentence-like paragraph) or "short";
2. the body region runs from the first to the last good line; rules that
   only apply outside it ("comments", form fields, author bios) fire now,
   and a comments heading after the body starts closes the article;
3. short lines outside the region are page chrome; inside it they are kept
   (headings, one-line paragraphs) unless they form a run of menu-like lines;
4. body stretches cut off from the main one by a lot of boilerplate, and
   much smaller than it, are other articles' teasers, not this article;
5. the title is the title-like line just before the body starts.

With ``layout=False`` (HTML mode: trafilatura has already cut the page down to
its main content) passes 3 and 4 are skipped: there is no page chrome around
the body left to find by position, and short lines (headings, list items,
table rows) and small stretches are the article's own.  Measured on the WCXB
dev articles (first half), the position passes cost 0.0025 word F1 there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import accumulate

from . import line_features, line_model, rules
from .captions import caption_rule
from .lines import Line
from .timestamps import timestamp_rule

BODY, REMOVED, CAPTION, TITLE, BYLINE, DATELINE = "body", "removed", "caption", "title", "byline", "dateline"


@dataclass(slots=True)
class Decision:
    kind: str
    rule: str
    reason: str | None = None  # for removed lines: the reason code
    score: float | None = None  # P(boilerplate) by the line model, where it decided


def _match(rule: rules.LineRule, text: str, folded: str) -> bool:
    """``folded``: ``rules.fold(text)``, for the rule's cheap ``needs`` test."""
    if rule.needs and not any(n in folded for n in rule.needs):
        return False
    return rule.pattern.fullmatch(text) is not None


_ANYWHERE_RULES = tuple(rule for rule in rules.BOILERPLATE_RULES if rule.where == "any")  # in their order


def _anywhere_gate() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two quick tests that together pass every line some anywhere-rule matches (a speed-up
    only: most lines are prose that no rule matches, and one C-level test per line costs far
    less than the ordered loop of ~25 Python calls): the alternation of the rules without
    ``needs`` (it fullmatches exactly when one of them does) and a search for any rule's
    ``needs`` literal in the folded line.  The ordered loop still decides which rule fires."""
    plain = [rule.pattern for rule in _ANYWHERE_RULES if not rule.needs]
    flags = {p.flags for p in plain}
    assert len(flags) == 1 and not any(p.groupindex for p in plain), "gate needs same-flag patterns without named groups"
    needles = sorted({n for rule in _ANYWHERE_RULES for n in rule.needs}, key=len, reverse=True)
    return (re.compile("|".join(f"(?:{p.pattern})" for p in plain), flags.pop()),
            re.compile("|".join(re.escape(n) for n in needles)))


_PLAIN_RULES_ANY, _RULE_NEEDLES = _anywhere_gate()
_NEEDS_RULES = tuple(rule for rule in _ANYWHERE_RULES if rule.needs)  # in their order


def _first_pass(line: Line) -> Decision | None:
    if line.ignorable:
        return None
    text = line.text
    cap = caption_rule(text)
    if cap:
        return Decision(CAPTION, cap)
    glued = len(rules.GLUED.findall(text))
    if glued >= rules.GLUED_MIN and glued >= rules.GLUED_MIN_SHARE * line.words:
        # recounted without handles, hashtags and URLs only where the line would be removed (rare),
        # and only in a line of words: a bare link ("https://...?gclid=Cj0KCQjw...") is a link
        if line.words >= rules.GLUED_EXEMPT_MIN_WORDS:
            glued = len(rules.GLUED.findall(rules.GLUED_EXEMPT.sub(" ", text)))
        if glued >= rules.GLUED_MIN and glued >= rules.GLUED_MIN_SHARE * line.words:
            return Decision(REMOVED, "nav.glued-links", "navigation")
    if len(text) > rules.MAX_RULE_LINE_CHARS:
        return None
    folded = rules.fold(text)
    # no rule without ``needs`` matches (the usual case): only the rules with ``needs`` can
    candidates = _ANYWHERE_RULES if _PLAIN_RULES_ANY.fullmatch(text) is not None else (
        _NEEDS_RULES if _RULE_NEEDLES.search(folded) is not None else ())
    for rule in candidates:
        if _match(rule, text, folded):
            return Decision(REMOVED, rule.name, rule.reason)
    if not line.good:
        for rule in rules.IMAGE_CREDIT_RULES:
            if _match(rule, text, folded):
                return Decision(REMOVED, rule.name, rule.reason)
        if line.words <= rules.BYLINE_MAX_WORDS and rules.BYLINE.fullmatch(text):
            return Decision(BYLINE, "meta.byline")
        if line.words <= rules.BYLINE_MAX_WORDS and rules.DATELINE.fullmatch(text):
            return Decision(DATELINE, "meta.dateline")
        stamp = timestamp_rule(text) if line.words <= rules.BYLINE_MAX_WORDS else None
        if stamp is not None:  # "Mon Mar 4, 9:12 AM ET", "47 minutes ago" (no year: clean/timestamps.py)
            return Decision(DATELINE, stamp)
    return None


def _title_like(line: Line) -> bool:
    if not 2 <= line.words <= rules.TITLE_MAX_WORDS or line.text.endswith((":", ",", ";")):
        return False
    words = [w for w in line.text.split() if w[:1].isalpha() and w.lower() not in rules.SMALL_WORDS]
    if not words:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _menu_run(lines: list[Line], decisions: list[Decision | None], i: int) -> int:
    """Length of the run of menu-like lines starting at i (0 if line i is not one)."""
    j = i
    while (
        j < len(lines)
        and decisions[j] is None
        and not lines[j].good
        and lines[j].words <= rules.SHORT_RUN_MAX_WORDS
        and not lines[j].sentence_end
    ):
        j += 1
    return j - i


def classify(lines: list[Line], layout: bool = True, model: bool = True) -> list[Decision]:
    """Every line's decision.  ``model``: let the learned line classifier (clean/line_model.py)
    judge the lines the certain rules leave open (False: the rules alone, the baseline the
    benches print beside it)."""
    state = rule_pass(lines, layout)
    if isinstance(state, list):
        return state
    decisions, first, last = state
    if model:
        _apply_model(lines, decisions, first, last, layout)
    _drop_orphan_list_numbers(decisions)
    _find_title(lines, decisions)
    return [d or Decision(BODY, "body.good" if lines[i].good else "body.short-in-body") for i, d in enumerate(decisions)]


def rule_pass(lines: list[Line], layout: bool = True) -> list[Decision] | tuple[list[Decision | None], int, int]:
    """The rules' passes 1-4: the open decisions (None: body) and the main block's first and
    last line, or the final decisions where no prose was found at all."""
    decisions: list[Decision | None] = [_first_pass(line) for line in lines]
    good = [i for i, line in enumerate(lines) if decisions[i] is None and line.good]
    if not good:
        # no paragraph looks like prose: keep every undecided line (a short note is still a note)
        return [d or Decision(BODY, "body.no-prose-found") for d in decisions]
    first, last = _main_block(lines, decisions)

    # pass 2: rules for outside the body; a comments heading closes the article
    for i, line in enumerate(lines):
        if decisions[i] is not None or len(line.text) > rules.MAX_RULE_LINE_CHARS:
            continue
        outside = i < first or i > last
        folded = None
        for rule in rules.BOILERPLATE_RULES:
            if rule.where == "any" or (rule.where == "after" and i < last) or (rule.where == "outside" and not outside and not rule.opens_section):
                continue
            folded = folded if folded is not None else rules.fold(line.text)
            if _match(rule, line.text, folded):
                decisions[i] = Decision(REMOVED, rule.name, rule.reason)
                break
    _open_sections(lines, decisions, first)
    _keep_list_numbers(lines, decisions, first, last)
    good = [i for i, line in enumerate(lines) if decisions[i] is None and line.good]
    if not good:
        return [d or Decision(REMOVED, "context.no-body", "navigation") for d in decisions]
    first, last = _main_block(lines, decisions)

    # pass 3: short lines by position
    i = 0
    while layout and i < len(lines):
        if decisions[i] is None:
            if (i < first or i > last) and lines[i].good:
                decisions[i] = Decision(REMOVED, "context.outside-main-block", "off-article")
            elif i < first or i > last:
                reason = "related-links" if i > last and _title_like(lines[i]) else "navigation"
                decisions[i] = Decision(REMOVED, "context.outside-body", reason)
            elif not lines[i].good:
                run = _menu_run(lines, decisions, i)
                if run >= rules.SHORT_RUN_NAV and _menu_like(lines[i:i + run]):
                    for j in range(i, i + run):
                        decisions[j] = Decision(REMOVED, "context.menu-run", "navigation")
                    i += run
                    continue
        i += 1

    if layout:
        _keep_closing_sentences(lines, decisions, last)
        _drop_minor_clusters(lines, decisions)
    return decisions, first, last


def _keep_list_numbers(lines: list[Line], decisions: list[Decision | None], first: int, last: int) -> None:
    """Lone numbers that count the items of the article's list ("1", a heading, a paragraph, "2",
    ...): inside the main block (``first``..``last``), a run of >= ``rules.LIST_NUMBERS_MIN_RUN``
    numbers going up or down by one, each pair with prose between that is still body (after the
    comment and related sections took theirs: numbered comments are no list), is the article's
    numbering (rule ``body.list-number``; the line model does not judge it), not share counters.
    A ranked sidebar ("1", a headline, "2", a headline) has no prose between its numbers."""
    numbers = [i for i in range(first, last + 1) if decisions[i] is not None and decisions[i].rule == "counter.bare-numbers"
               and rules.LIST_NUMBER.fullmatch(lines[i].text)]
    if len(numbers) < rules.LIST_NUMBERS_MIN_RUN:
        return
    run: list[int] = []
    step = 0
    for i in numbers:
        if run:
            prev = run[-1]
            delta = int(lines[i].text) - int(lines[prev].text)
            prose = any(decisions[k] is None and lines[k].good for k in range(prev + 1, i))
            if prose and delta in (1, -1) and (step == 0 or delta == step):
                run.append(i)
                step = delta
                continue
            _keep_run(run, decisions)
        run, step = [i], 0
    _keep_run(run, decisions)


def _keep_run(run: list[int], decisions: list[Decision | None]) -> None:
    if len(run) >= rules.LIST_NUMBERS_MIN_RUN:
        for i in run:
            decisions[i] = Decision(BODY, rules.RULE_LIST_NUMBER)


def _drop_orphan_list_numbers(decisions: list[Decision | None]) -> None:
    """A list number whose item (the next line) was removed after all, by position or by the line
    model, goes with it: a promo box's "1", "2", "3" in a page's footer is no article's list."""
    for i, d in enumerate(decisions):
        if d is not None and d.rule == rules.RULE_LIST_NUMBER and (i + 1 == len(decisions) or (
                decisions[i + 1] is not None and decisions[i + 1].kind == REMOVED)):
            decisions[i] = Decision(REMOVED, "counter.bare-numbers", "counter")


def model_rows(lines: list[Line], decisions: list[Decision | None], first: int, last: int) -> tuple[list[str], list[list[float]]]:
    """The rules' verdicts and the model's feature rows (for the classifier and its training)."""
    kinds = verdicts(lines, decisions, first, last)
    return kinds, line_features.features(lines, kinds, [_title_like(line) for line in lines], first, last)


def verdicts(lines: list[Line], decisions: list[Decision | None], first: int, last: int) -> list[str]:
    """The rules' verdict on each line, in the terms of ``line_features.VERDICTS``."""
    out = []
    for i, d in enumerate(decisions):
        if d is None:
            out.append("body.good" if lines[i].good else "body.short")
        elif d.kind == REMOVED:
            out.append(_verdict_of_rule(d.rule, lines[i].good))
        elif d.kind == CAPTION:
            out.append("caption")
        else:
            out.append("meta")  # title, byline, dateline, and body a rule decided (body.list-number): not judged
    return out


def _verdict_of_rule(rule: str, good: bool) -> str:
    if rule.startswith("context."):
        if rule == "context.outside-body":
            return "context.outside"
        if rule == "context.outside-main-block":
            return "context.prose-outside"
        return rule if rule in ("context.menu-run", "context.minor-cluster") else "context.outside"
    for prefix, verdict in rules.SOFT_RULES:
        if rule.startswith(prefix):
            return verdict
    return "certain"


def _apply_model(lines: list[Line], decisions: list[Decision | None], first: int, last: int, layout: bool) -> None:
    """The learned classifier decides every line that no certain rule decided: rule-kept lines
    it scores as boilerplate are removed, lines the rules removed by position or by a soft
    phrase rule that it scores as content are kept.  A removed line names the soft rule that
    matched it (else ``model.line``) and carries the model's score."""
    lm = line_model.shipped()
    kinds = verdicts(lines, decisions, first, last)
    # model_rows of the lines the model judges (certain rules, captions, metadata stand: no row for them)
    judged, rows = line_features.judged_rows(lines, kinds, [_title_like(line) for line in lines], first, last,
                                             brief=_NOT_JUDGED)
    for i, p in zip(judged, lm.scores(rows)):
        kind = kinds[i]
        d = decisions[i]
        if not layout:
            if d is not None:
                continue  # HTML mode: the soft rules' matches stand (the model was tuned only to remove)
            threshold = lm.threshold_html
        else:
            threshold = lm.threshold_kept if d is None else lm.threshold
        if p < threshold:
            decisions[i] = None
        elif d is None or kind.startswith("context."):
            reason = d.reason if d is not None else ("off-article" if lines[i].good else "navigation")
            decisions[i] = Decision(REMOVED, line_model.RULE, reason, round(p, 4))
        else:
            decisions[i] = Decision(REMOVED, d.rule, d.reason, round(p, 4))


_NOT_JUDGED = frozenset(("certain", "caption", "meta"))


def _menu_like(run: list[Line]) -> bool:
    """Menus are link texts: Title Case or one word ("Home", "About Us", "World News");
    lists inside articles are sentence case ("The learning curve is steep")."""
    linky = sum(1 for line in run if line.words == 1 or _title_like(line))
    return linky >= rules.MENU_RUN_LINKY_SHARE * len(run)


def _keep_closing_sentences(lines: list[Line], decisions: list[Decision | None], last: int) -> None:
    """Short sentences right after the last body paragraph ("Pure propaganda.", "Read it all
    here.") close the article: kept while nothing removed by a pattern comes between."""
    for i in range(last + 1, min(len(lines), last + 1 + rules.CLOSING_SENTENCES_MAX)):
        d, line = decisions[i], lines[i]
        if d is None or d.rule != "context.outside-body" or not line.sentence_end or line.words < rules.CLOSING_SENTENCE_MIN_WORDS \
                or not any(c.islower() for c in line.text):
            return
        decisions[i] = None


def _line_value(line: Line, decision: Decision | None) -> float:
    """Evidence that a line belongs to the article: prose pays, chrome costs."""
    if decision is None:
        if line.good:
            return line.words
        return -(rules.MAIN_BLOCK_SHORT_COST + rules.MAIN_BLOCK_SHORT_WORD_COST * line.words)
    if decision.kind == REMOVED:
        rule = _RULES_BY_NAME.get(decision.rule)
        extra = rule.block_cost if rule is not None else 0.0
        return -(rules.MAIN_BLOCK_REMOVED_COST + rules.MAIN_BLOCK_REMOVED_WORD_COST * line.words + extra)
    return 0.0  # captions, title, byline, dateline: neutral


def _main_block(lines: list[Line], decisions: list[Decision | None]) -> tuple[int, int]:
    """First and last line of the article: the stretch with the most evidence (maximum-sum
    segment of the line values, Kadane's algorithm: one pass, linear time), widened by
    neighbouring prose stretches that are substantial and separated from it by a gap that
    costs less than a few times what they bring (a long table or list inside an article).
    Prose separated from it by more chrome than that is not this article."""
    values = [_line_value(line, decisions[i]) for i, line in enumerate(lines)]
    # Kadane's segments: each restart after the running sum fell to <= 0, with its best end
    segments: list[list[float]] = []  # [start, end, sum]
    run = 0.0
    for i, v in enumerate(values):
        if run <= 0:
            run = v
            segments.append([i, i, v])
        else:
            run += v
            if run > segments[-1][2]:
                segments[-1][1], segments[-1][2] = i, run
    segments = [seg for seg in segments if seg[2] > 0] or segments
    m = max(range(len(segments)), key=lambda k: segments[k][2])
    first, last = int(segments[m][0]), int(segments[m][1])
    lo = hi = m
    prefix = [0.0, *accumulate(values)]
    while True:
        grew = False
        if hi + 1 < len(segments):
            s, e, total = segments[hi + 1]
            gap = -(prefix[int(s)] - prefix[last + 1])
            if total >= rules.MERGE_MIN_PROSE and gap <= rules.MERGE_GAP_RATIO * total:
                hi, last, grew = hi + 1, int(e), True
        if lo > 0:
            s, e, total = segments[lo - 1]
            gap = -(prefix[first] - prefix[int(e) + 1])
            if total >= rules.MERGE_MIN_PROSE and gap <= rules.MERGE_GAP_RATIO * total:
                lo, first, grew = lo - 1, int(s), True
        if not grew:
            return first, last


def _open_sections(lines: list[Line], decisions: list[Decision | None], first_good: int) -> None:
    """Section headings (comments, related, author) pull the lines after them along.
    A heading with ``section_min_prose_share`` does so only once that share of the prose is above it."""
    prose = [lines[i].words if decisions[i] is None and lines[i].good else 0 for i in range(len(lines))]
    total = sum(prose) or 1
    seen = 0
    i = 0
    while i < len(lines):
        d = decisions[i]
        seen += prose[i]
        rule = _rule_named(d.rule) if d is not None and d.kind == REMOVED else None
        if rule is None or not rule.opens_section or i < first_good or (
            seen < rule.section_min_prose_share * total
        ):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and (decisions[j] is None or decisions[j].kind == REMOVED or (
                rule.reason == "comments" and decisions[j].kind in (TITLE, BYLINE, DATELINE))):
            if decisions[j] is not None and decisions[j].kind != REMOVED:
                decisions[j] = Decision(REMOVED, rule.name + ".section", rule.reason)  # a commenter's name / date
            elif decisions[j] is None:
                if rule.reason != "comments" and lines[j].good:
                    break  # related links / author sections end where prose resumes
                decisions[j] = Decision(REMOVED, rule.name + ".section", rule.reason)
            j += 1
        i = j


_RULES_BY_NAME = {r.name: r for r in rules.BOILERPLATE_RULES}


def _rule_named(name: str) -> rules.LineRule | None:
    return _RULES_BY_NAME.get(name)


def _drop_minor_clusters(lines: list[Line], decisions: list[Decision | None]) -> None:
    """Body stretches separated by > CLUSTER_GAP_CHARS of non-body text form clusters;
    clusters far smaller than the largest are teasers of other articles."""
    clusters: list[list[int]] = []
    gap = 0
    for i, line in enumerate(lines):
        d = decisions[i]
        if d is None:
            if not clusters or gap > rules.CLUSTER_GAP_CHARS:
                clusters.append([])
            clusters[-1].append(i)
            gap = 0
        elif d.kind == REMOVED:
            gap += len(line.text)
    if len(clusters) < 2:
        return
    weights = [sum(lines[i].words for i in c) for c in clusters]
    top = max(weights)
    total = sum(weights)
    for cluster, weight in zip(clusters, weights):
        if weight < top and weight < rules.MINOR_CLUSTER_SHARE * total:
            for i in cluster:
                decisions[i] = Decision(REMOVED, "context.minor-cluster", "off-article")


# lines the title search may take as the headline: removed by position or by the model, or kept as body
_TITLE_RULES = frozenset(("context.outside-body", line_model.RULE))


def _before_body_ok(d: Decision | None) -> bool:
    """A line that may stand between the headline and the body: share buttons, counters, a byline
    block, a "Published ..." line, a short line the model removed (not removed prose)."""
    return d is not None and d.kind != BODY and d.kind != CAPTION


def _find_title(lines: list[Line], decisions: list[Decision | None]) -> None:
    body = [i for i, d in enumerate(decisions) if d is None]
    if not body:
        return
    first = body[0]
    # page chrome before the body: the title-like line closest to the body is the headline
    window = range(first - 1, max(-1, first - rules.TITLE_LOOKBACK_LINES), -1)
    for i in window:
        d = decisions[i]
        if d is not None and d.rule in _TITLE_RULES and _title_like(lines[i]) and not lines[i].good:
            decisions[i] = Decision(TITLE, "meta.title-before-body")
            return
    # a sentence-case headline above a share bar / byline block: the longest short line there
    # (a "Published ..." line or a section label is shorter)
    candidates = [i for i in window if decisions[i] is not None and decisions[i].rule in _TITLE_RULES
                  and rules.TITLE_MIN_WORDS_SENTENCE_CASE <= lines[i].words <= rules.TITLE_MAX_WORDS and not lines[i].good
                  and not lines[i].text.endswith((":", ",", ";")) and not rules.DATELINE.fullmatch(lines[i].text)
                  and all(_before_body_ok(decisions[k]) and not lines[k].good for k in range(i + 1, first))]
    if candidates:
        best = max(candidates, key=lambda i: (lines[i].words, -i))
        decisions[best] = Decision(TITLE, "meta.title-before-body")
        return
    # the document's first line, before the body and whatever share bar, byline block or dateline
    # follows it: its headline even in sentence case
    between = range(1, first)
    if 0 < first <= rules.TITLE_FIRST_LINE_GAP + rules.TITLE_LOOKBACK_LINES and decisions[0] is not None \
            and decisions[0].rule in _TITLE_RULES and lines[0].words <= rules.TITLE_MAX_WORDS \
            and not lines[0].text.endswith((":", ",", ";")) \
            and all(_before_body_ok(decisions[k]) and not lines[k].good for k in between):
        decisions[0] = Decision(TITLE, "meta.title-first-line")
        return
    # the document opens (after page chrome only) with a short line followed by more body: its headline
    line = lines[first]
    wrapped_on = lines[body[1]].block == line.block and lines[body[1]].text[:1].islower() if len(body) > 1 else False
    opens = first == 0 or all(decisions[k] is not None and decisions[k].kind == REMOVED and not lines[k].good
                              and decisions[k].rule not in _TITLE_RULES for k in range(first))
    alone = len(body) > 1 and lines[body[1]].block != line.block  # a blank line after it
    if opens and len(body) > 1 and not wrapped_on and line.words <= rules.TITLE_MAX_WORDS and (
        not line.good or not line.sentence_end or _title_like(line)
        or (first == 0 and alone and line.words <= rules.TITLE_SENTENCE_MAX_WORDS
            and (line.words <= rules.TITLE_SENTENCE_SHORT_WORDS or lines[body[1]].words >= rules.TITLE_SENTENCE_NEXT_RATIO * line.words))
    ):
        decisions[first] = Decision(TITLE, "meta.title-first-line")
