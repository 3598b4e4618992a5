"""Boilerplate of keep-everything page text (issue #15, goal 2): classes of lines the cleaner kept
in the body on WCXB dev's first half (the tuning half), each in our own words, with prose of the
same vocabulary that must stay.
"""

from __future__ import annotations

import pytest

from newsdistill.clean import clean

BODY = [
    "The new trail runs for eleven miles along the old railway line, from the harbour to the foot of the hills.",
    "Volunteers spent two summers clearing the route, and the county paid for the bridges and the gravel surface.",
    "It opens to walkers and cyclists on Saturday, with a festival at the harbour end from ten in the morning.",
]


def page(*extra: str, at: int = 1) -> str:
    return "\n\n".join(["Old railway reopens as a trail", *BODY[:at], *extra, *BODY[at:]]) + "\n"


@pytest.mark.parametrize("line", [
    "This guide contains affiliate links, so we may earn a commission if you buy through them.",
    "Some of the links on this page are affiliate ones.",
    "If you click through and make a purchase, we might receive a small commission at no cost to you.",
    "I also use affiliate links in my reviews, which keeps this blog free to read.",
])
def test_affiliate_disclosures_go(line):
    doc = clean(page(line))
    assert [(r.text, r.reason, r.rule) for r in doc.removed] == [(line, "promo", "promo.affiliate")]


@pytest.mark.parametrize("line", [
    "The retailer cut the commission it pays to bloggers, who said their income had halved since the spring.",
    "Regulators said the affiliate of the bank had broken no rules when it sold the bonds to pension funds.",
    "To track each campaign, shops should set up affiliate links and discount codes for every partner they use.",
    "Streamers earn a commission when viewers buy games or gear through the affiliate links under their videos.",
])
def test_prose_about_commissions_and_affiliates_stays(line):
    doc = clean(page(line))
    assert not doc.removed and line in (doc.text or "")
