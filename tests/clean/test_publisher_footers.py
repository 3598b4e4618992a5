"""A publisher's statement of its standards under a story ("Our Standards: The Thomson Reuters
Trust Principles.") is a removed footer line (rule footer.standards); prose about a paper's
standards inside the article stays."""

from __future__ import annotations

import pytest

from newsdistill import distill
from support.herders_article import PARAS, TITLE


def _clean(*after: str, inside: str | None = None):
    paras = [*PARAS[:2], *([inside] if inside else []), *PARAS[2:]]
    doc = distill("\n\n".join([TITLE, *paras, *after]) + "\n", steps="clean")
    assert doc.status == "ok", doc.error
    return doc


@pytest.mark.parametrize("footer", [
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Our standards: The Herald's editorial policies.",
    "Learn more about our editorial guidelines.",
    "This article follows the IPSO Editors' Code of Practice.",
])
def test_standards_footers_are_removed(footer):
    doc = _clean("Reporting by Tom Ellis; Editing by Mark Porter", footer)
    hit = [r for r in doc.removed if r.text == footer]
    assert hit and hit[0].reason == "copyright-footer" and hit[0].rule == "footer.standards"
    assert footer not in doc.text
    assert all(p in doc.text for p in PARAS)


def test_prose_about_standards_inside_the_article_stays():
    line = ("The press council said on Friday that the paper had broken its own editorial standards twice this "
            "year, and asked its editors to publish a correction on the front page.")
    doc = _clean(inside=line)
    assert line in doc.text
