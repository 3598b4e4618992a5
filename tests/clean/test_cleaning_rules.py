"""Cleaning rules: each reason fires in context; short body lines survive; rules are traceable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import newsdistill
from newsdistill.clean import rules

REPO = Path(__file__).resolve().parents[2]

BODY = [
    "The city council voted on Tuesday to expand the tram network to the northern suburbs by 2030.",
    "Supporters said the line would cut commuting times in half for about 40,000 residents every day.",
    "Opponents argued that the money would be better spent on buses, which can be deployed far more quickly.",
    "The mayor said construction could start next spring if the regional government approves the funding.",
]
DOCUMENTED_REASONS = {
    "ad-marker", "counter", "newsletter", "subscribe", "app-promo", "cookie-legal", "navigation", "related-links",
    "read-more", "social-share", "comments", "copyright-footer", "tags", "author-bio", "image-credit", "off-article",
    "wire-credits", "promo",  # format 1.7 (issue #15)
}


def _with(line: str, where: str = "middle") -> newsdistill.Document:
    parts = list(BODY)
    if where == "middle":
        parts.insert(2, line)
    elif where == "end":
        parts.append(line)
    else:
        parts.insert(0, line)
    return newsdistill.distill("\n\n".join(parts), attribution_model="fast")


@pytest.mark.parametrize(("line", "reason", "where"), [
    ("- Advertisement -", "ad-marker", "middle"),
    ("ADVERTISEMENT", "ad-marker", "middle"),
    ("Story continues below advertisement", "ad-marker", "middle"),
    ("1 2,172", "counter", "start"),
    ("1.2K shares", "counter", "start"),
    ("5 min read", "counter", "start"),
    ("Subscribe to our newsletter", "newsletter", "end"),
    ("Sign up here to get the latest news delivered directly to your inbox.", "newsletter", "end"),
    ("Download our free app for breaking news alerts", "app-promo", "end"),
    ("Already a subscriber? Log in", "subscribe", "end"),
    ("We use cookies to improve your experience on our site.", "cookie-legal", "end"),
    ("Privacy Policy | Terms of Use | Contact Us", "cookie-legal", "end"),
    ("Skip to main content", "navigation", "start"),
    ("Home > World > Europe", "navigation", "start"),
    ("Related Articles", "related-links", "end"),
    ("Read more: Council approves budget for next year", "read-more", "middle"),
    ("Share this article", "social-share", "end"),
    ("Facebook Twitter WhatsApp Email", "social-share", "middle"),
    ("Leave a comment", "comments", "end"),
    ("© 2024 Example Media Group. All rights reserved.", "copyright-footer", "end"),
    ("Tags: transport, city council, trams", "tags", "end"),
    ("Jane Doe is a senior reporter covering transport and urban affairs for the Daily Example.", "author-bio", "end"),
    ("Photo: Reuters", "image-credit", "middle"),
    ("Click to share on Reddit (Opens in new window) Reddit", "social-share", "end"),
    ("Like Loading...", "social-share", "end"),
    ("← Council approves the new parking rules", "navigation", "end"),
    ("(Getty Images)", "image-credit", "middle"),
])
def test_reason_fires(line, reason, where):
    doc = _with(line, where)
    got = [(r.text, r.reason) for r in doc.removed]
    assert (line, reason) in got, got
    assert line not in doc.text
    assert len(doc.paragraphs) == len(BODY)


@pytest.mark.parametrize("line", [
    "Why it matters",  # a subheading between two body paragraphs
    "The vote was 31 to 12.",
    "“No,” she said.",
    "Tuesday's decision",
    "«Nous ne céderons pas», a dit la maire, «pas cette fois».",
])
def test_short_line_between_body_paragraphs_is_kept(line):
    doc = _with(line, "middle")
    assert line in doc.text, [(r.text, r.rule) for r in doc.removed]


def test_lone_counter_between_paragraphs_is_removed():
    doc = _with("1 2,172", "middle")
    assert [r.reason for r in doc.removed] == ["counter"]


def test_comments_section_after_the_article_is_removed_whole():
    comments = ["23 Comments",
                "This is the best news I have heard all year, finally some sense from the council on this matter.",
                "I disagree completely, the buses are cheaper and the council never finishes anything on time."]
    doc = newsdistill.distill("\n\n".join(BODY + comments), attribution_model="fast")
    assert len(doc.paragraphs) == len(BODY)
    assert [r.reason for r in doc.removed] == ["comments"] * 3


def test_comment_thread_heading_closes_the_article_even_before_long_comments():
    comments = ["3 Comments on “Trams to reach the northern suburbs”"] + [
        f"Commenter number {i} wrote a long reply arguing at length about buses, trams, budgets and the council's record."
        for i in range(8)]
    doc = newsdistill.distill("\n\n".join(BODY + comments), attribution_model="fast")
    assert len(doc.paragraphs) == len(BODY)
    assert {r.reason for r in doc.removed} == {"comments"}


def test_bare_comments_counter_under_the_headline_does_not_cut_the_article():
    doc = newsdistill.distill("\n\n".join(BODY[:1] + ["12 Comments"] + BODY[1:]), attribution_model="fast")
    assert len(doc.paragraphs) == len(BODY)


def test_byline_title_dateline_are_metadata():
    text = "Tram Network to Reach Northern Suburbs\nBy Jane Doe\nPublished: March 3, 2024\n\n" + "\n\n".join(BODY)
    doc = newsdistill.distill(text, attribution_model="fast")
    assert doc.title == "Tram Network to Reach Northern Suburbs"
    assert doc.byline == "Jane Doe"
    assert doc.published == "2024-03-03"
    assert len(doc.paragraphs) == len(BODY)
    assert [m.reason for m in doc.metadata_lines] == ["title", "byline", "dateline"]


def test_published_argument_wins_over_dateline():
    text = "Published: March 3, 2024\n\n" + "\n\n".join(BODY)
    assert newsdistill.distill(text, published="2024-03-05", attribution_model="fast").published == "2024-03-05"


@pytest.mark.parametrize(("caption", "credit", "restrictions"), [
    ("Firefighters battle a blaze in an apartment block in Lyon, France, on July 2, 2023. (AP Photo/Jean Martin)",
     "AP Photo/Jean Martin", []),
    ("Protesters march through central Nairobi on Monday. REUTERS/Thomas Mukoya", "REUTERS/Thomas Mukoya", []),
    ("The minister arrives for the summit in Brussels. Photo: Reuters", "Photo: Reuters", []),
    ("A handout picture shows troops near the border on May 1, 2022. AFP PHOTO / HO / MINISTRY === RESTRICTED TO "
     "EDITORIAL USE - NO MARKETING NO ADVERTISING CAMPAIGNS ===", "AFP PHOTO / HO / MINISTRY",
     ["RESTRICTED TO EDITORIAL USE", "NO MARKETING NO ADVERTISING CAMPAIGNS"]),
])
def test_captions(caption, credit, restrictions):
    doc = _with(caption, "start")
    assert len(doc.captions) == 1, [(r.text, r.reason) for r in doc.removed]
    cap = doc.captions[0]
    assert cap.credit == credit
    assert cap.restrictions == restrictions
    assert caption not in doc.text


def test_caption_date_and_place():
    doc = _with("Firefighters battle a blaze in an apartment block in Lyon, France, on July 2, 2023. (AP Photo/Jean Martin)",
                "start")
    cap = doc.captions[0]
    assert cap.date == "2023-07-02"
    assert cap.place == "Lyon, France"


def test_rule_names_unique_and_reasons_documented():
    names = [r.name for r in rules.BOILERPLATE_RULES + rules.IMAGE_CREDIT_RULES]
    assert len(names) == len(set(names))
    assert {r.reason for r in rules.BOILERPLATE_RULES + rules.IMAGE_CREDIT_RULES} <= DOCUMENTED_REASONS
    doc_text = (REPO / "docs/record-format.md").read_text(encoding="utf-8")
    for reason in DOCUMENTED_REASONS:
        assert f"`{reason}`" in doc_text


def test_every_removed_line_names_a_real_rule():
    doc = newsdistill.distill((REPO / "examples/drought-report.txt").read_text(encoding="utf-8"), attribution_model="fast")
    known = {r.name for r in rules.BOILERPLATE_RULES + rules.IMAGE_CREDIT_RULES}
    for r in doc.removed:
        base = re.sub(r"\.section$", "", r.rule)
        assert base in known or base.startswith("context."), r.rule
