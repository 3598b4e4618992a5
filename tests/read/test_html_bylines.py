"""The visible byline of an HTML page (issue #14; read/html_bylines.py, rules in read/html_rules.py):
author-page links, "By ..." lines, a label then the name, author-name classes and person icons;
trafilatura's author tidied (placeholders, avatar initials, the site's own name beside a person)."""

from __future__ import annotations

import pytest
from lxml.html import fromstring

from newsdistill.read.html_bylines import find_byline, page_byline, tidy_author

BODY = "<p>" + "The council met on Tuesday to discuss the budget for the coming year. " * 6 + "</p>"


def _tree(article: str, outside: str = ""):
    return fromstring(f"<html><body><nav><a href='/author/menu-person/'>Menu Person</a></nav>{outside}"
                      f"<main><article><h1>Budget</h1>{article}{BODY}</article></main>"
                      f"<footer><a href='/authors/foot-note/'>Foot Note</a></footer></body></html>")


@pytest.mark.parametrize(("markup", "name"), [
    ("<a href='/authors/trevor-jackins'>Trevor Jackins</a>", "Trevor Jackins"),
    ("<span class='by'>By <a href='https://www.example.com/staff/2648209001/brian-truitt/'>Brian Truitt</a></span>",
     "Brian Truitt"),
    ("<a href='https://theconversation.com/profiles/shelia-r-cotten-309429'>Shelia R. Cotten</a>", "Shelia R. Cotten"),
    ("<a href='/blog/author/moses-kim-and-kate-shokurova'>Moses Kim and Kate Shokurova</a>",
     "Moses Kim and Kate Shokurova"),
    ("<p>Written by John Crenshaw</p>", "John Crenshaw"),
    ("<div>by: Ziyi Xu, Dec 17, 2025</div>", "Ziyi Xu"),
    ("<p>By Jane Roe | Updated 10:05 a.m.</p>", "Jane Roe"),
    ("<p>By: Paul Fenaroli</p>", "Paul Fenaroli"),
    ("<div><p>Written by</p><p>Edzel Tabing</p></div>", "Edzel Tabing"),
    ("<div><span>Author:</span><span>María José de la Cruz</span></div>", "María José de la Cruz"),
    ("<span class='author_name'>Denise Everheart</span>", "Denise Everheart"),
    # a block prefix on the author-name class (BEM, Webflow) and an "Article by" label
    ("<a class='video-post_author-text'><div class='video-post_author-name'>Lena Vasquez</div></a>", "Lena Vasquez"),
    ("<div class='c-article__author-name'>Tomas Ekberg</div>", "Tomas Ekberg"),
    ("<div><h2>Article by</h2><div>Aino Lehtinen</div></div>", "Aino Lehtinen"),
    ("<p>Post by Rafael Ortega</p>", "Rafael Ortega"),
    ("<li><i class='bi bi-person'></i> Bence Kovács</li>", "Bence Kovács"),
    ("<div><span>·</span> By ASU Online</div>", "ASU Online"),
    # the desk, job title or agency after the names is cut off (clean/rules.py BYLINE_TITLE_TAIL)
    ("<p class='byline'>By Jane Roe, AP Business Writer</p>", "Jane Roe"),
    ("<p>By JANE ROE and JOHN DOE, Associated Press</p>", "JANE ROE and JOHN DOE"),
    ("<p>By Jane Roe | Reuters</p>", "Jane Roe"),
    ("<div>Written by Ana Ruiz - Senior Correspondent for The Herald</div>", "Ana Ruiz"),
])
def test_visible_byline_forms(markup, name):
    assert find_byline(_tree(markup), _tree(markup).find(".//main")) == name or \
        find_byline(_tree(markup)) == name


@pytest.mark.parametrize("markup", [
    "<p>By the end of the year the council had spent its reserves.</p>",  # a sentence, not a byline
    "<a href='https://example.com/s/#/profile/my_info'>Member Login</a>",  # a profile in the fragment only
    "<div class='comment'><a href='/author/doug-clow/'>Doug Clow</a></div>",  # a comment's author
    "<div class='related-posts'><a href='/author/other-writer/'>Other Writer</a></div>",
    "<div class='sub-menu-item'><p>By Menu Entry</p></div>",
    "<a href='/authors/x/'>read more from our team of 40 reporters</a>",
])
def test_no_byline_from_sentences_menus_comments_and_cards(markup):
    tree = _tree(markup)
    assert find_byline(tree, tree.find(".//main")) is None


def test_layout_flags_on_wrappers_do_not_hide_a_byline():
    tree = fromstring("<html><body class='cs-navbar-smart-enabled'><div class='cs-sidebar-enabled'><main>"
                      "<a href='/profiles/jo-ann-lee'>Jo Ann Lee</a>" + BODY + "</main></div></body></html>")
    assert find_byline(tree, tree.find(".//main")) == "Jo Ann Lee"


@pytest.mark.parametrize(("author", "sitename", "title", "want"), [
    ("Manoj Jain; Jagpreet Chhatwal; The Commercial Appeal", "Memphis Commercial Appeal", None,
     ("Manoj Jain; Jagpreet Chhatwal", True)),
    ("Tina Flint Huffman; Tina Huffman; Greenhouse Studio", "Greenhouse Studio", None, ("Tina Flint Huffman", True)),
    ("Fastarz; Ahmet Serhan", "Top 10 Shoe Companies - Fastarz", None, ("Ahmet Serhan", True)),
    ("Emily Henderson; Arlyn Hernandez", "Emily Henderson", None, ("Arlyn Hernandez", True)),
    ("Arlene Marturano; South Carolina Garden-based Learning Network", "Columbia Star", None, ("Arlene Marturano", True)),
    ("Name; Maya Perez", None, None, ("Maya Perez", True)),
    ("CM Craig McCarthy", None, None, ("Craig McCarthy", True)),
    ("Jane Roe; AP Business Writer", None, None, ("Jane Roe", True)),
    ("Jane Roe; John Doe; The Associated Press", None, None, ("Jane Roe; John Doe", True)),
    ("Dylan Bailey; MS; RD; FAND", None, None, ("Dylan Bailey; MS; RD; FAND", True)),  # credentials stay
    ("Thomas Broderick; Nalea Ko; ACO Rankings Team", None, None, ("Thomas Broderick; Nalea Ko; ACO Rankings Team", True)),
    ("Dan Davies", "Dan Davies", "What is once sprung - Dan Davies", ("Dan Davies", True)),  # a blog named after its author
    ("USA TODAY", "USA TODAY", None, ("USA TODAY", False)),
    ("Cleveland Clinic", "Cleveland Clinic", None, ("Cleveland Clinic", False)),
    ("The Author", None, None, (None, False)),
    ("KatieS", None, None, ("KatieS", False)),  # a login handle
    (None, "Site", None, (None, False)),
])
def test_tidy_author(author, sitename, title, want):
    assert tidy_author(author, sitename, title) == want


def test_page_byline_prefers_a_person_over_the_site():
    tree = _tree("<div class='attribution'><a class='authors' href='/staff/26/brian-truitt/'>Brian Truitt</a></div>")
    main = tree.find(".//main")
    assert page_byline("USA TODAY", tree, main, "USA TODAY") == "Brian Truitt"
    assert page_byline("KatieS", tree, main) == "Brian Truitt"
    assert page_byline("Jane Roe", tree, main) == "Jane Roe"  # the metadata's person stands
    bare = _tree("")
    assert page_byline("Cleveland Clinic", bare, bare.find(".//main"), "Cleveland Clinic") == "Cleveland Clinic"
    assert page_byline(None, bare, bare.find(".//main")) is None


def test_visible_byline_is_bounded():
    import time

    page = "<div>" + "<p>By the way</p><a href='/author/x/'>x</a>" * 30_000 + "</div>"
    tree = _tree(page)
    t = time.perf_counter()
    find_byline(tree, tree.find(".//main"))
    assert time.perf_counter() - t < 5
