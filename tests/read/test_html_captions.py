"""HTML mode keeps the article's photo captions (issue #14; read/html_figures.py, the html-captions
step): figures inside the article container become ``captions`` with credit and restrictions,
their words stay out of ``text``, every span maps back into ``input_text``; teaser cards and
figures outside the article are not captions; bad pages stay bounded."""

from __future__ import annotations

import json
import time

import newsdistill
from newsdistill.read.html import HTML_CAPTIONS_KEY
from newsdistill.read.html_figures import MAX_CAPTION_CHARS, MAX_FIGURES, find_captions
from support.herders_article import CAPTION
from support.herders_article import page as _page


def _distill(page: bytes):
    return newsdistill.distill(page, id="page", input_kind="html") if False else _run(page)


def _run(page: bytes):
    from newsdistill.pipeline import Pipeline, cleaning_steps
    from newsdistill.read.html import html_document
    from newsdistill.record import Source

    return Pipeline(cleaning_steps())(html_document(page, "page", Source()))


def test_figcaption_becomes_a_caption_with_its_credit():
    fig = f"<figure><img src='a.jpg'><figcaption>{CAPTION} (Photo: AP)</figcaption></figure>"
    doc = _run(_page(fig))
    assert doc.status == "ok", doc.error
    assert [c.text for c in doc.captions] == [f"{CAPTION} (Photo: AP)"]
    cap = doc.captions[0]
    assert (cap.credit, cap.date, cap.rule) == ("Photo: AP", "2024-04-15", "caption.html-figure")
    assert doc.input_text[cap.input_start:cap.input_end] == cap.text
    assert "goats" not in doc.text
    assert doc.text.startswith("Herders in the northern provinces")
    for p in doc.paragraphs:
        assert doc.input_text[p.input_start:p.input_end] == p.text


def test_credit_element_and_restrictions():
    fig = (f"<figure><img src='a.jpg'><figcaption>{CAPTION} <span class='credit'>AFP PHOTO / WAKIL KOHSAR / "
           "RESTRICTED TO EDITORIAL USE</span></figcaption></figure>"
           "<figure><img src='b.jpg'><figcaption>A shepherd leads his flock across a dry riverbed near Herat."
           "</figcaption><div class='image-credit'>Jane Doe/Getty Images</div></figure>")
    doc = _run(_page(fig))
    first, second = doc.captions
    assert (first.credit, first.restrictions) == ("AFP PHOTO / WAKIL KOHSAR", ["RESTRICTED TO EDITORIAL USE"])
    assert second.text.endswith("Jane Doe/Getty Images") and second.credit == "Jane Doe/Getty Images"
    assert all(doc.input_text[c.input_start:c.input_end] == c.text for c in doc.captions)


def test_teasers_and_figures_outside_the_article_are_not_captions():
    teaser = ("<aside class='related-stories'><a href='/other'><figure><img src='t.jpg'><figcaption>"
              "Flooding in the south leaves thousands without homes</figcaption></figure></a></aside>")
    linked = ("<figure><img src='c.jpg'><figcaption><a href='/story/123'>Read: how the drought spread across "
              "the region</a></figcaption></figure>")
    footer = "<div><figure><img src='f.jpg'><figcaption>Our newsroom team at the annual awards dinner</figcaption></figure></div>"
    doc = _run(_page(teaser + linked, outside=footer))
    assert doc.captions == []
    assert HTML_CAPTIONS_KEY not in doc.to_dict()


def test_short_and_repeated_captions():
    fig = ("<figure><img src='a.jpg'><figcaption>Photo</figcaption></figure>"
           f"<figure><img src='a.jpg'><figcaption>{CAPTION}</figcaption></figure>"
           f"<figure><img src='a.jpg'><figcaption>{CAPTION}</figcaption></figure>")
    doc = _run(_page(fig))
    assert [c.text for c in doc.captions] == [CAPTION]


def test_record_json_has_no_private_carrier():
    doc = _run(_page(f"<figure><figcaption>{CAPTION}</figcaption></figure>"))
    d = json.loads(json.dumps(doc.to_dict()))
    assert not any(k.startswith("_") for k in d)
    assert d["captions"][0]["text"] == CAPTION


def test_bad_pages_stay_bounded():
    from lxml.html import fromstring

    many = "".join(f"<figure><img src='{i}.jpg'><figcaption>Picture number {i} of the long gallery of herds"
                   "</figcaption></figure>" for i in range(2000))
    huge = "<figure><figcaption>" + "word " * 10_000 + "</figcaption></figure>"
    nested = "<figure>" * 50 + f"<figcaption>{CAPTION}</figcaption>" + "</figure>" * 50
    empty = "<figure><img src='x.jpg'></figure>" * 500
    t = time.perf_counter()
    caps = find_captions(fromstring(_page(many + huge + nested + empty)))
    assert time.perf_counter() - t < 5
    assert len(caps) == MAX_FIGURES
    assert all(len(c.text) <= MAX_CAPTION_CHARS for c in caps)
    doc = _run(_page(huge + nested + empty))
    assert doc.status == "ok"
    assert len(doc.captions) == 2 and len(doc.captions[0].text) <= MAX_CAPTION_CHARS
    assert "word word" not in doc.text


AP_NOTICE = ("Copyright 2024 The Associated Press. All rights reserved. This material may not be published, "
             "broadcast, rewritten or redistributed.")


def test_rights_notices_become_removed_lines():
    page = _page(f"<div class='copyright'>{AP_NOTICE}</div><small>© 2025 The Valley Herald. All rights reserved.</small>",
                 outside="<div class='site-footer'><small>© 2025 Other Site Inc. All rights reserved.</small></div>")
    doc = _run(page)
    got = [(r.text, r.reason, r.rule) for r in doc.removed if r.reason == "copyright-footer"]
    assert (AP_NOTICE, "copyright-footer", "footer.copyright") in got
    assert ("© 2025 The Valley Herald. All rights reserved.", "copyright-footer", "footer.copyright") in got
    assert not any("Other Site" in t for t, *_ in got)  # outside the article container: not looked at
    assert "Associated Press" not in doc.text
    for r in doc.removed:
        assert doc.input_text[r.input_start:r.input_end] == r.text
    assert len([t for t, *_ in got if t == AP_NOTICE]) == 1


def test_notices_are_bounded():
    from lxml.html import fromstring

    from newsdistill.read.html_notices import MAX_NOTICES, find_rights_notices

    many = "".join(f"<p>© {2000 + i % 25} Agency number {i}. All rights reserved.</p>" for i in range(3000))
    t = time.perf_counter()
    from newsdistill.read.html_figures import article_container

    found = find_rights_notices(article_container(fromstring(_page(many))))
    assert time.perf_counter() - t < 5
    assert len(found) == MAX_NOTICES


def test_captions_with_links_that_are_no_story_cards():
    """A caption is a card only when one link to another page of the same site holds (almost) all
    of it: partial links, links to other sites, to a person's page or to the home page stay captions."""
    from lxml.html import fromstring

    from newsdistill.read.html_figures import find_captions

    figs = [
        "Herders and their <a href='/topics/livestock'>livestock dashboard</a> at the market",  # partial link
        "Source: <a href='https://www.agency.example/'>Pastoral Survey</a> and <a href='https://b.example/'>UN data</a>",
        "<a href='https://photos.example.org/herders'>Herders at the well near the border post</a>",  # another site
        "<a href='https://www.news.example/@pat'>@pat’s picture of the herd at dawn</a>",  # a profile
        "<a href='/author/jane-roe/'>Jane Roe took this picture of the flock</a>",
        "<a href='/'>The valley where the herders spend the winter months</a>",  # the home page
    ]
    cards = [
        "<a href='/world/2024/04/15/floods-leave-thousands-homeless'>Floods leave thousands without homes</a>",
        "<a href='https://www.news.example/portfolio/attic-suite/'>Dreamy light-filled attic suite</a>",
    ]
    page = _page("".join(f"<figure><img src='{i}.jpg'><figcaption>{f}</figcaption></figure>"
                         for i, f in enumerate(figs + cards)))
    got = [c.text for c in find_captions(fromstring(page), url="https://news.example/world/drought")]
    assert len(got) == len(figs), got
    assert not any("Floods" in t or "attic" in t for t in got)
    # without the page's address an absolute link to a story still counts as a card (as before)
    got = [c.text for c in find_captions(fromstring(page))]
    assert not any("Herders at the well" in t for t in got)
