"""The line classifier's feature rows and scores as computed now (clean/line_features.py
``judged_rows`` / ``features``: class bytes per line, rows only for the judged lines;
clean/line_model.py ``scores``: numpy per document) equal the plain per-character, per-row
reading they replaced
(support/line_features_reference.py) value for value, so the shipped weights keep meaning what
they were trained on and every verdict stays the same (issue #15).

Own cases stand for the classes of input the fast paths treat apart: ASCII and non-ASCII lines,
letters, digits and spaces outside ASCII, words that start with one, lines past the rule bound,
glued link texts, separators, link-likeness, tiny documents.  On shared data: WCXB dev pages
rendered keep-everything and PolNeAR texts (a sample; ``NEWSDISTILL_FEATURES_ALL=1``: all of
them, the once-over check).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsdistill.clean import classify, line_features, line_model
from newsdistill.clean.lines import split_lines
from support import line_features_reference as reference

PROSE = ("The council approved the revised budget on Tuesday after a long debate, officials said, and "
         "the vote was close.")


def _state(text: str, layout: bool = True):
    lines = split_lines(text)
    state = classify.rule_pass(lines, layout)
    if isinstance(state, list):
        return None
    decisions, first, last = state
    kinds = classify.verdicts(lines, decisions, first, last)
    return lines, kinds, [classify._title_like(line) for line in lines], first, last


def _check(text: str, layout: bool = True) -> int:
    """Rows, scores and the judged lines' scores equal the reference's; the number of lines."""
    state = _state(text, layout)
    if state is None:
        return 0
    lines, kinds, title_like, first, last = state
    lm = line_model.shipped()
    want = reference.features(lines, kinds, title_like, first, last)
    got = line_features.features(lines, kinds, title_like, first, last)
    for line, w, g in zip(lines, want, got):
        assert w == g, (line.text[:80], [(name, a, b) for name, a, b in zip(line_features.FEATURE_NAMES, w, g) if a != b])
    want_scores = reference.scores(lm, want)
    assert lm.scores(got) == want_scores
    # what the classifier runs: the rows and scores of the lines it judges only
    brief = classify._NOT_JUDGED
    judged, rows = line_features.judged_rows(lines, kinds, title_like, first, last, brief=brief)
    assert judged == [i for i, k in enumerate(kinds) if k not in brief]
    assert [[float(x) for x in row] for row in rows] == [want[i] for i in judged]
    assert lm.scores(rows) == [want_scores[i] for i in judged]
    return len(lines)


def page(*lines: str) -> str:
    return "\n\n".join(lines)


CASES = {
    "ascii page": page("Home", "World | Business | Sport", "Skip to main content", "Port strike ends after deal",
                       "By Maria Lopez", PROSE, PROSE.replace("council", "union"), "Advertisement",
                       "Share on Facebook", "Related stories", "Read more: www.example.com/news",
                       "Follow us @dailycourier #news", "© 2024 The Daily Courier. All rights reserved."),
    "curly quotes and dashes": page("Strike \u2014 day two", "\u201cWe will not give up,\u201d said Hannah Weiss, "
                                    "the union\u2019s regional secretary, after the meeting on Tuesday evening.", PROSE),
    "letters outside ASCII": page("Caf\u00e9 \u00c9clair wins award", "\u00c9milie \u00d6zt\u00fcrk, "
                                  "the mayor of \u0141\u00f3d\u017a, said the plan was \u00fcberf\u00e4llig and "
                                  "needed more work this year.", PROSE, "\u00dcber uns \u00b7 Kontakt \u00b7 Impressum"),
    "word starting outside ASCII": page("\u00c0 la une", "\u00c9t\u00e9 record: \u00e0 Paris, the heat reached "
                                        "new highs on Monday, officials said in a statement today.", PROSE),
    "spaces outside ASCII": page("Menu\u00a0Search\u00a0Sign\u2009in", "The\u00a0council\u00a0approved\u3000the plan "
                                 "on Tuesday after a long debate, officials said in a statement.", PROSE),
    "ASCII separators of str.split": page("Home\x1cNews\x1dSport\x1eWeather\x1fMore", PROSE, "a\x1cB c\x1fD"),
    "digits and numerals outside ASCII": page("Figures \u00b2 \u00bd \u0663\u0664 \u2167 \u216b", PROSE,
                                              "Price: \u20ac1\u00b7250 (\u00a3\u00b2)", "\u2160 \u2161 \u2162"),
    "case changes outside ASCII": page("\u0130stanbul | www.ex\u0130mple.com", "\u212aelvin.co.uk \u212a\u212a",
                                       PROSE, "stra\u00dfe \uff28\uff34\uff34\uff30 \uff37\uff37\uff37."),
    "glued link texts": page("HomeNewsSportWeatherBusinessCultureOpinion", "FlagShareLikeReply", PROSE,
                             "Caf\u00e9NewsSport\u00e9T\u00e9l\u00e9", "aB\u00e9Cd\u2019Ef"),
    "emoji and symbols": page("\U0001f4f0 News \U0001f525\U0001f525", "\u2022 \u2022 \u2022", PROSE,
                              "\u2764\ufe0f Like \u00b7 \u21aa Share \u00bb More \u203a"),
    "lone surrogate": page("Broken \ud800 text here", PROSE),
    "long lines": page("Headline of a long read", PROSE * 5, ("\u201cQuoted\u201d " + PROSE) * 6,
                       "x" * 450 + " yZ", "Menu " * 120, PROSE * 20, "W\u00f6rd " * 500),
    "one line": PROSE,
    "two lines": page("Title Here", PROSE),
    "colon and digits": page("Read more:", "2024 results", "12 comments", PROSE, "Tags: budget, rail"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_rows_and_scores_equal_the_reference(name):
    assert _check(CASES[name]) > 0 or name in ("one line",)


def test_html_mode_lines():
    # HTML mode's extracted text goes through the same rows (layout=False)
    assert _check(CASES["ascii page"], layout=False) > 0


def test_repeated_lines_and_blocks():
    text = "Menu\nSearch\n\n" + page("Port strike ends", PROSE, "Share this article", PROSE, "Share this article",
                                     "Most read\nWhy rents keep rising\nFive things to do") + "\nMenu"
    assert _check(text) > 0


def test_synthetic_pages():
    from newsdistill.eval.synthetic import corpus

    assert sum(_check(t) for size in (200, 800) for t in corpus.corpus(20, size, seed=size)) > 500


def test_training_cases():
    from newsdistill.training.cleaner_cases import CASES as TRAINING_CASES
    from newsdistill.training.cleaner_cases import parse_case

    assert sum(_check(parse_case(case)[0]) for case in TRAINING_CASES) > 50


def _html_texts(every: int):
    """HTML mode's extracted text of the WCXB pages (what the HTML threshold was tuned on)."""
    from newsdistill.errors import BadRecord
    from newsdistill.eval.html_quality import load_pages
    from newsdistill.read.html import ExtractHtml, html_document
    from newsdistill.record import Source

    extract = ExtractHtml(timeout=None)
    for _, html, _, url in load_pages("all")[::every]:
        try:
            rec = extract(html_document(html, "page", Source(url=url)))
        except BadRecord:
            continue
        if rec.status == "ok" and rec.input_text:
            yield rec.input_text


def _shared_texts(shared: Path, every_wcxb: int, every_polnear: int):
    from newsdistill.eval import wcxb

    root = shared / wcxb.DATASET
    if root.is_dir():
        pytest.importorskip("inscriptis", reason="the keep-everything renderer (inscriptis) is not installed")
        for page_id in wcxb.page_ids(root)[::every_wcxb]:
            yield wcxb.render(wcxb.load_page(root, page_id)[0])
    for split in ("dev", "train"):
        for path in sorted((shared / "data" / "polnear" / split / "text").glob("*.txt"))[::every_polnear]:
            yield path.read_text(encoding="utf-8")


def test_shared_pages_and_articles(shared_dir: Path):
    everything = os.environ.get("NEWSDISTILL_FEATURES_ALL") == "1"
    lines = sum(_check(text) for text in _shared_texts(shared_dir, 1 if everything else 60, 1 if everything else 40))
    assert lines >= 300
    if everything:
        pytest.importorskip("trafilatura", reason="HTML mode's extractor (trafilatura) is not installed")
        assert sum(_check(text, layout=False) for text in _html_texts(1)) > 1000
