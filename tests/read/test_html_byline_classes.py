"""Classes of byline markup on whole news pages, through the HTML step (issue #14): schema.org
JSON-LD (arrays, ``@graph`` references, organisations, entities, profile URLs), author meta
tags, ``rel=author`` / ``itemprop=author``, byline classes and "By ..." lines; reviewers and
fact-checkers are no authors.  Every page here is written for the test."""

from __future__ import annotations

import json

import pytest
from lxml.html import fromstring

from newsdistill.eval.html_quality import byline_matches
from newsdistill.read.html import extract_html
from newsdistill.read.html_bylines import Author, jsonld_authors, name_from_profile_url

BODY = "".join(
    f"<p>{s}</p>" for s in (
        "The regional water board voted on Thursday to raise the reservoir's spillway by two metres, "
        "a project that engineers said would take three dry seasons to finish.",
        "Farmers downstream have asked for the work to be done in stages so that irrigation is not cut "
        "off during the planting months, when the river is at its lowest.",
        "The board's chair said the first contracts would be signed before the end of the year and that "
        "the public could comment on the plans at four meetings in the valley towns.",
        "Opponents of the project argue that the money would be better spent on repairing leaking canals, "
        "which lose a fifth of the water they carry before it reaches a field.",
    ))


def page(head: str = "", byline: str = "", title: str = "Board votes to raise the spillway") -> str:
    return (f"<!DOCTYPE html><html><head><title>{title} - Valley Courier</title>"
            f"<meta property='og:site_name' content='Valley Courier'>{head}</head>"
            f"<body><nav><a href='/'>Home</a></nav><main><article><h1>{title}</h1>{byline}{BODY}</article></main>"
            f"<footer><p>Valley Courier</p></footer></body></html>")


def ld(data) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def author_of(html: str) -> str | None:
    return extract_html(html, "https://valleycourier.example/news/spillway").author


YOAST_GRAPH = {"@context": "https://schema.org", "@graph": [
    {"@type": "WebSite", "@id": "https://valleycourier.example/#website", "name": "Valley Courier"},
    {"@type": "Person", "@id": "https://valleycourier.example/#/schema/person/a1", "name": "Mireille Okafor"},
    {"@type": "Person", "@id": "https://valleycourier.example/#/schema/person/r9", "name": "Tobias Lindqvist"},
    {"@type": "NewsArticle", "headline": "Board votes to raise the spillway",
     "author": {"@id": "https://valleycourier.example/#/schema/person/a1"},
     "reviewedBy": {"@id": "https://valleycourier.example/#/schema/person/r9"}},
]}


@pytest.mark.parametrize(("data", "want"), [
    # a @graph: the author is a reference to a Person node; the reviewer's node is no author
    (YOAST_GRAPH, [Author("Mireille Okafor")]),
    # an array of people, and an organisation typed as one
    ({"@context": "https://schema.org", "@type": "NewsArticle",
      "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Kwame Mensah"}]},
     [Author("Ana Ruiz"), Author("Kwame Mensah")]),
    ({"@context": "https://schema.org", "@type": "BlogPosting", "author": {"@type": "Organization", "name": "Brightline Tools"}},
     [Author("Brightline Tools", organisation=True)]),
    # a bare string, HTML entities, givenName/familyName, a name list
    ({"@context": "https://schema.org", "@type": "Article", "author": "Sam &amp; Lee Porter"}, [Author("Sam & Lee Porter")]),
    ({"@context": "https://schema.org", "@type": "Article", "author": {"@type": "Person", "givenName": "Ines", "familyName": "Duarte"}},
     [Author("Ines Duarte")]),
    # the author only as the link to the author's page
    ({"@context": "https://schema.org", "@type": "Article", "author": "https://valleycourier.example/author/petra-novak/"},
     [Author("Petra Novak")]),
    ({"@context": "https://schema.org", "@type": "Article", "author": {"@type": "Person", "url": "https://x.example/authors/li-wei"}},
     [Author("Li Wei")]),
    # the article's node comes first even after a page node; an e-mail is no name
    ([{"@context": "https://schema.org", "@type": "WebPage", "author": {"@type": "Person", "name": "Web Master"}},
      {"@context": "https://schema.org", "@type": "ReportageNewsArticle", "author": {"@type": "Person", "name": "Olu Adeyemi"}}],
     [Author("Olu Adeyemi")]),
    ({"@context": "https://schema.org", "@type": "Article", "author": "desk@valleycourier.example"}, []),
    ({"@context": "https://schema.org", "@type": "Product", "name": "Pump"}, []),
])
def test_jsonld_authors(data, want):
    assert jsonld_authors(fromstring(page(ld(data)))) == want


def test_jsonld_authors_survive_broken_blocks():
    tree = fromstring(page("<script type='application/ld+json'>{\"author\": {oops</script>"
                           + ld({"@type": "Article", "author": {"@type": "Person", "name": "Ada Byrne"}})))
    assert jsonld_authors(tree) == [Author("Ada Byrne")]


@pytest.mark.parametrize(("url", "name"), [
    ("https://example.com/author/jane-roe/", "Jane Roe"),
    ("https://example.com/staff/jean_luc_picard", "Jean Luc Picard"),
    ("https://example.com/author/12345/", None),
    ("https://twitter.com/janeroe", None),
    ("https://example.com/author/admin/", None),
])
def test_name_from_profile_url(url, name):
    assert name_from_profile_url(url) == name


@pytest.mark.parametrize(("head", "byline", "want"), [
    # meta tags of the big publishing systems
    ("<meta name='author' content='Hannah Castellano'>", "", "Hannah Castellano"),
    ("<meta name='parsely-author' content='Ravi Shankar'>", "", "Ravi Shankar"),
    ("<meta name='sailthru.author' content='Olga Petrenko'>", "", "Olga Petrenko"),
    ("<meta name='dc.creator' content='Tomasz Wrona'>", "", "Tomasz Wrona"),
    # JSON-LD: the author, not the reviewer of the same graph
    (ld(YOAST_GRAPH), "", "Mireille Okafor"),
    # an organisation as the author, where the page shows no person
    (ld({"@context": "https://schema.org", "@type": "BlogPosting", "author": {"@type": "Organization", "name": "Brightline Tools"}}),
     "", "Brightline Tools"),
    # ... and the person the page shows where there is one
    (ld({"@context": "https://schema.org", "@type": "BlogPosting", "author": {"@type": "Organization", "name": "Brightline Tools"}}),
     "<p class='byline'>By Noor Haddad</p>", "Noor Haddad"),
    # rel=author, itemprop=author with the name inside
    ("", "<div class='meta'><a rel='author' href='/people/lars-holm'>Lars Holm</a></div>", "Lars Holm"),
    ("", "<div itemprop='author' itemscope itemtype='https://schema.org/Person'>By <span itemprop='name'>Yuki Tanaka</span></div>",
     "Yuki Tanaka"),
    # visible "By" lines: two names, an agency after the name, "Written by", "Words by"
    ("", "<p>By Chidi Obi and Marta Silva</p>", "Chidi Obi and Marta Silva"),
    ("", "<p>By Pieter de Vries, Reuters</p>", "Pieter de Vries"),
    ("", "<div class='post-meta'><span>Written by Gemma Clarke</span></div>", "Gemma Clarke"),
    ("", "<p>Words by Finn Murphy</p>", "Finn Murphy"),
    # the label in an inline element, the name after it (in its tail, or the next element)
    ("", "<p><strong>By</strong> Idris Kamara</p>", "Idris Kamara"),
    ("", "<p><em>Written by:</em> Sofia Andersson</p>", "Sofia Andersson"),
    ("", "<div><span>Words by</span><a href='/u/88'>Mateo Cruz</a></div>", "Mateo Cruz"),
    # a byline class holding label and name
    ("", "<div class='article-byline'>By <a href='/team/ruth-abara'>Ruth Abara</a></div>", "Ruth Abara"),
])
def test_page_byline_classes(head, byline, want):
    got = author_of(page(head, byline))
    assert byline_matches(got, want), got


def test_reviewer_line_is_no_author():
    byline = ("<p class='byline'>By Carmen Ibáñez</p>"
              "<p class='reviewer'>Medically reviewed by Dr. Samuel Achebe</p>"
              "<p>Fact checked by Helga Brandt</p>")
    got = author_of(page("", byline))
    assert byline_matches(got, "Carmen Ibáñez"), got


@pytest.mark.parametrize(("byline", "want"), [
    # one link per author, more than three of them
    ("<p>By <a href='/author/ama-boateng'>Ama Boateng</a>, <a href='/author/jon-ek'>Jon Ek</a>, "
     "<a href='/author/li-na'>Li Na</a> and <a href='/author/ola-berg'>Ola Berg</a></p>",
     "Ama Boateng, Jon Ek, Li Na, Ola Berg"),
    # a team of six in one line
    ("<p>By Ada Lind, Bo Kim, Cy Dahl, Di Moss, Ed Park &amp; Flo Reyes</p>", "Ada Lind; Bo Kim; Cy Dahl; Di Moss; Ed Park; Flo Reyes"),
])
def test_several_authors(byline, want):
    got = author_of(page("", byline))
    assert byline_matches(got, want), got


SITE_AS_AUTHOR = "<meta name='author' content='Valley Courier'>"  # the metadata names only the site


@pytest.mark.parametrize(("byline", "want"), [
    ("<div class='meta'><a rel='author' href='https://valleycourier.example/?u=12'>Lars Holm</a></div>", "Lars Holm"),
    ("<div itemprop='author' itemscope><span itemprop='name'>Yuki Tanaka</span>"
     "<span itemprop='jobTitle'>Water reporter</span></div>", "Yuki Tanaka"),
    ("<div class='entry-meta'><span class='post-author'>Gemma Clarke</span><span>June 3</span></div>", "Gemma Clarke"),
    ("<div class='c-byline'><div class='c-byline__link'>Ruth Abara</div></div>", "Ruth Abara"),
    ("<span class='contributor'>Priya Nair</span>", "Priya Nair"),
])
def test_author_markup_where_the_metadata_names_the_site(byline, want):
    got = author_of(page(SITE_AS_AUTHOR, byline))
    assert byline_matches(got, want), got


@pytest.mark.parametrize("byline", [
    # an author box with a biography, an avatar's alt text, a bio class: no byline
    "<div class='author-bio'>Ruth Abara covers water and farming for the paper.</div>",
    "<div class='author'><p>Ruth Abara has written about the valley for twenty years and lives in Orden.</p></div>",
])
def test_author_boxes_are_no_byline(byline):
    got = author_of(page(SITE_AS_AUTHOR, byline))
    assert got == "Valley Courier", got


@pytest.mark.parametrize(("byline", "want"), [
    # a badge beside the name's link; the label and the name in blocks of their own
    ("<div class='author-byline'><a href='/u/7'>Orla Quinn</a> <span class='badge'>Sponsored</span></div>", "Orla Quinn"),
    ("<div class='post-header_author-wrapper'><div><div class='bold'>Author</div></div><div>Basil Ndlovu</div></div>",
     "Basil Ndlovu"),
])
def test_author_markup_parts(byline, want):
    got = author_of(page(SITE_AS_AUTHOR, byline))
    assert byline_matches(got, want), got


def test_a_commenters_author_class_is_no_byline():
    comments = ("<section><div class='CommentsItem-body'><span class='CommentUserName-author'>Reader Person</span>"
                "<p>Great piece on the reservoir, thanks.</p></div></section>")
    got = author_of(page(SITE_AS_AUTHOR, "", title="Board votes to raise the spillway") .replace("</article>", "</article>" + comments))
    assert got == "Valley Courier", got


@pytest.mark.parametrize(("byline", "want"), [
    # a name and a full date, no "By": a blog template's byline
    ("<p class='meta'>Juno Whitfield - 2024-11-02</p>", "Juno Whitfield"),
    ("<div class='post-info'>Ansel Moreau | March 3, 2025</div>", "Ansel Moreau"),
    ("<p>Kofi Mensah · <time datetime='2024-12-12'>12 Dec 2024</time></p>", "Kofi Mensah"),
])
def test_name_and_date_line(byline, want):
    got = author_of(page(SITE_AS_AUTHOR, byline))
    assert byline_matches(got, want), got


@pytest.mark.parametrize("byline", [
    "<p class='meta'>News - 2024-11-02</p>",  # one word: a section
    "<p>The board met on March 3, 2025</p>",  # a sentence
])
def test_no_name_and_date_line(byline):
    assert author_of(page(SITE_AS_AUTHOR, byline)) == "Valley Courier"


@pytest.mark.parametrize("data", [
    # the author under a node of no article type: nobody is set aside (was: the byline deleted)
    {"@context": "https://schema.org", "@type": "VideoObject", "author": {"@type": "Person", "name": "Jane Roe"}},
    # the writer named by the video and by the article of the same graph
    {"@context": "https://schema.org", "@graph": [
        {"@type": "VideoObject", "@id": "#v", "author": {"@type": "Person", "name": "Jane Roe"}},
        {"@type": "NewsArticle", "author": [{"@type": "Person", "name": "Jane Roe"}]}]},
])
def test_an_author_under_any_node_is_never_set_aside(data):
    got = author_of(page(ld(data) + "<meta name='author' content='Jane Roe'>"))
    assert byline_matches(got, "Jane Roe"), got
