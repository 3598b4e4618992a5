"""Floor for HTML mode on a subset of the WCXB dev article pages (every 8th page, ~90 pages, < 60 s).

Pins word-level F1 just under what bench/html_quality.py measures on the same subset, and that
HTML mode stays above trafilatura alone there.  Numbers: see the comments by each floor.
"""

from __future__ import annotations

import pytest

from newsdistill.eval import html_quality

# measured on this subset (89 pages) with `bench/html_quality.py` options, 2026-11-25 (after the
# cleaner tuned on WCXB was merged): html mode micro F1 0.9397, macro F1 0.9486, with 0.915,
# without 0.037; trafilatura alone micro 0.9233, macro 0.9363, with 0.915, without 0.051.
# (Micro F1 here leans on one 11,000-word page whose reference list trafilatura keeps.)
FLOOR_MICRO_F1 = 0.935
FLOOR_MACRO_F1 = 0.944
FLOOR_WITH_RATE = 0.90
# captions (issue #14): unique figcaptions of 20+ chars inside the article container
# (eval.html_quality.page_captions), measured on this subset 2026-12-02: 30/31 in `captions`,
# 2 left in the body (one page, whose two captions repeat the article's own sentences); bylines
# matching the reference author after normalisation: 46/63; 2026-12-02 after the visible-byline
# pass (read/html_bylines.py) and the card rule by link target: captions 30/31 (0.968), 2 in the
# body; bylines 50/63
FLOOR_CAPTIONS_FOUND = 0.96
CEILING_CAPTIONS_IN_BODY = 2
FLOOR_BYLINES = 49
STEP = 8


@pytest.fixture(scope="module")
def pages(shared_dir):
    root = shared_dir / "data" / "wcxb-dev-articles"
    if not (root / "html").is_dir():
        pytest.skip(f"WCXB dev articles not found under {root}")
    return html_quality, html_quality.load_pages("all", root=root)[::STEP]


@pytest.mark.slow
def test_html_mode_quality_floor(pages):
    html_quality, subset = pages
    result = html_quality.evaluate(subset)
    ours, base = result["html_mode"], result["trafilatura"]
    assert ours["micro_f1"] >= FLOOR_MICRO_F1, result
    assert ours["macro_f1"] >= FLOOR_MACRO_F1, result
    assert ours["with_rate"] >= FLOOR_WITH_RATE, result
    assert ours["micro_f1"] > base["micro_f1"], result
    assert ours["without_rate"] <= base["without_rate"], result
    assert sum(ours["errors"].values()) <= 1, result
    caps = result["captions"]
    assert caps["found_rate"] >= FLOOR_CAPTIONS_FOUND, caps
    assert caps["in_body"] <= CEILING_CAPTIONS_IN_BODY, caps
    assert result["bylines"]["ours"] >= FLOOR_BYLINES, result["bylines"]
