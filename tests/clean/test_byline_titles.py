"""Plain-text bylines without the desk, job title or agency after the names (issue #14;
clean/rules.py BYLINE_TITLE_TAIL): "By Jane Roe, AP Business Writer" -> byline "Jane Roe"."""

from __future__ import annotations

import pytest

from newsdistill.clean import CleanText, rules
from newsdistill.record import Document, Source

BODY = [
    "Herders in the northern provinces say the drought has already cost them a third of their animals, "
    "and the grazing grounds they relied on for generations have turned to dust over the past two years.",
    "The agriculture ministry said on Tuesday that it would open emergency fodder depots in four districts, "
    "but farmers' groups said the plan came too late for many families who had already sold their herds.",
]


@pytest.mark.parametrize(("line", "byline"), [
    ("By Jane Roe, AP Business Writer", "Jane Roe"),
    ("By JANE ROE and JOHN DOE, Associated Press", "JANE ROE and JOHN DOE"),
    ("By Jane Roe and John Doe, The Associated Press", "Jane Roe and John Doe"),
    ("By Jane Roe, Staff Writer", "Jane Roe"),
    ("By Ana Ruiz, Bloomberg News", "Ana Ruiz"),
    ("By Jane Roe, John Doe", "Jane Roe, John Doe"),  # two people: nothing to cut
    ("By Tracy Parker, Dietitian", "Tracy Parker, Dietitian"),  # not a newsroom title: kept as printed
])
def test_byline_line_loses_its_title(line, byline):
    text = "Drought hits herders\n\n" + line + "\n\n" + "\n\n".join(BODY)
    doc = CleanText()(Document(id="t", source=Source(), input_kind="text", input_text=text))
    assert [m.rule for m in doc.metadata_lines if m.text == line] == ["meta.byline"]
    assert doc.byline == byline


@pytest.mark.parametrize(("tail", "cut"), [
    (", AP Business Writer", True), (" | Reuters", True), (" - Senior Correspondent for The Herald", True),
    (", Associated Press", True), (", Staff", True), (", Apache Jones", False), (", John Doe", False),
])
def test_title_tail_pattern(tail, cut):
    assert bool(rules.BYLINE_TITLE_TAIL.fullmatch(tail)) is cut
