"""The HTML step's author without what follows the name on its line (issue #14;
read/html_rules.py AUTHOR_TAIL): a date, an update label, a job title."""

from __future__ import annotations

import pytest

from newsdistill.read.html import author_name


@pytest.mark.parametrize(("raw", "name"), [
    ("Jordana Pike December", "Jordana Pike"),
    ("Cazzy Moore Last Updated August 1", "Cazzy Moore"),
    ("CM Craig Mayer Last updated", "CM Craig Mayer"),
    ("Nicola Rich Trending Editor", "Nicola Rich"),
    ("Liz Kane Former McKinsey Consultant", "Liz Kane"),
    ("Supermove February 8", "Supermove"),
    ("Jane Roe; John Doe", "Jane Roe; John Doe"),
    ("Mary May", "Mary May"),  # a month that is also a name, no day after it
    ("April Ryan", "April Ryan"),
    ("Dec", "Dec"),  # nothing would be left
    (None, None),
])
def test_author_tail_cut(raw, name):
    assert author_name(raw) == name
