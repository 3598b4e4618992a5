"""Photo captions of an HTML page, read from the parsed tree before trafilatura prunes it (issue #14).

trafilatura drops ``<figure>``/``<figcaption>`` from the main text, so the cleaner never sees a
page's captions.  :func:`find_captions` reads them from the tree :func:`.html._trafilatura`
already parsed, before ``_main_text`` prunes it in place:

* only inside the article's own container (:func:`article_container`: the element marked
  ``itemprop=articleBody``, else the ``<article>`` holding the most paragraph text, else
  ``<main>``); a page with none of them gives no captions;
* ``<figcaption>`` elements, and in a ``<figure>`` without one the elements whose class or
  itemprop names a caption (:data:`CAPTION_CLASS`), with a credit element inside or beside them (:data:`CREDIT_CLASS`,
  e.g. ``<span class="credit">``) appended when the caption does not already hold its text;
* taken out of the tree (``remove``), so trafilatura cannot keep them in the body;
* not teaser cards (a caption that is mostly the text of a link, or a figure inside a link or
  inside a related-stories block: :data:`TEASER_CLASS`), not captions under 20 characters
  (:data:`MIN_CAPTION_CHARS`), each text once.

Bounded work: at most :data:`MAX_FIGURES` captions a page, each cut to :data:`MAX_CAPTION_CHARS`, at most
:data:`MAX_ELEMENTS_SCANNED` candidate elements looked at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_CAPTION_CHARS = 20  # shorter figcaptions are labels ("Photo", "1 of 12") or bare credits
MAX_CAPTION_CHARS = 1500  # the cleaner's caption bound (clean/rules.py MAX_CAPTION_CHARS)
MAX_FIGURES = 200  # a gallery page has ~60; past this a page is a picture list, not an article
LINK_SHARE = 0.6  # a caption whose text is >= 60% link text may be a teaser card for another story ...
# ... when one link holds >= 90% of it and points to another page of the same site that is no
# profile (WCXB dev, first half: the card captions are wholly one link to a story; the article's
# own captions hold partial links ("Improvado <a>ecommerce dashboard</a>", "Source: <a>Architectural
# Digest</a> and <a>1stdibs</a>"), links to other sites ("Frame.io") or to a person ("/@pat"))
TEASER_LINK_SHARE = 0.9
PROFILE_PATH = re.compile(r"^/(?:@|(?:author|authors|user|users|profile|profiles|people|staff|members?)/)", re.IGNORECASE)
CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:caption|figcaption|wp-caption-text|image-caption|photo-caption|"
                           r"media-caption|caption-text|img-caption)(?:$|[\s_-])", re.IGNORECASE)
CAPTION_ITEMPROP = frozenset(("caption", "description"))
CREDIT_CLASS = re.compile(r"credit|copyright|photographer|image-source|photo-source|byline", re.IGNORECASE)
TEASER_CLASS = re.compile(r"(?<![\w-])(?:related|teaser|promo|recirc|more-stories|read-more|trending|popular|"
                          r"recommend|newsletter|outbrain|taboola|also-read|most-read|next-article)", re.IGNORECASE)
MAX_ELEMENTS_SCANNED = 20_000  # caption candidates looked at (a gallery page has ~200)

# speed: one XPath each (C speed) finds the few candidates the Python tests then look at
from lxml.etree import XPath  # noqa: E402

_ARTICLE_BODY = XPath("//*[@itemprop='articleBody']")
_P_TEXTS = XPath(".//p//text()")


def _caption_candidates(container):
    """``<figcaption>`` elements, and in a ``<figure>`` without one, its descendants with a
    caption class or itemprop (tag-filtered iteration: C speed over the page)."""
    for el in container.iter("figcaption", "figure"):
        if el.tag == "figcaption":
            yield el
        elif next(el.iter("figcaption"), None) is None:
            for d in el.iterdescendants():
                if isinstance(d.tag, str) and _is_caption(d):
                    yield d


@dataclass(slots=True)
class HtmlCaption:
    """One caption block of the page: its text (whitespace collapsed) and, when the page marks
    it apart, the credit element's text (already part of ``text``)."""

    text: str
    credit: str | None = None


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _classes(el) -> str:
    attrib = el.attrib
    return attrib.get("class", "") + " " + attrib.get("id", "")


def article_container(tree):
    """The element holding the article: ``itemprop=articleBody``, else the ``<article>`` with the
    most ``<p>`` text, else ``<main>``; None if the page has none."""
    for el in _ARTICLE_BODY(tree):
        return _widened(el)
    best, best_len = None, 0
    for art in tree.iter("article"):
        size = sum(len(t) for t in _P_TEXTS(art))
        if size > best_len:
            best, best_len = art, size
    if best is not None:
        return _widened(best)
    for el in tree.iter("main"):
        return el
    return None


def _widened(el):
    """The outermost ``<article>`` around ``el``, then the ``<main>`` around that: the lead
    figure often sits in the article's header, outside its body block, or beside the article."""
    for anc in el.iterancestors("article"):
        el = anc
    for anc in el.iterancestors("main"):
        return anc
    return el


def _host(url: str | None) -> str:
    from urllib.parse import urlsplit

    host = (urlsplit(url or "").hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _links_a_story(href: str, page_host: str) -> bool:
    """``href`` is another page of this site (relative, or the page's host) that is no profile."""
    from urllib.parse import urlsplit

    parts = urlsplit(href.strip())
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    if host and page_host and host != page_host:
        return False
    if host and not page_host and parts.scheme in ("http", "https"):
        return True  # the page's own address unknown: as before, any absolute link may be a card
    return parts.path.strip("/") != "" and not PROFILE_PATH.match(parts.path or "/")


def _is_teaser(el, container, page_host: str = "") -> bool:
    """A caption of another story's card: inside a link or a related-stories block, or (almost)
    wholly the text of one link to another page of the same site."""
    for anc in el.iterancestors():
        if anc is container:
            break
        if anc.tag == "a" or TEASER_CLASS.search(_classes(anc)):
            return True
        if anc.tag in ("aside", "nav", "footer"):
            return True
    text = _text(el)
    anchors = [(a, t) for a, t in ((a, _text(a)) for a in el.iter("a")) if t]
    links = [t for _a, t in anchors]
    if not text or sum(map(len, links)) < LINK_SHARE * len(text):
        return False
    from ..clean.captions import parse_credit_block

    # a linked credit ("Jane Doe/Getty Images" pointing to the agency's page) is no teaser
    if any(parse_credit_block(t) is not None for t in links):
        return False
    by_target: dict[str, int] = {}
    for a, t in anchors:
        href = a.attrib.get("href", "")
        by_target[href] = by_target.get(href, 0) + len(t)
    return any(size >= TEASER_LINK_SHARE * len(text) and _links_a_story(href, page_host) for href, size in by_target.items())


def _is_caption(el) -> bool:
    if el.tag == "figcaption":
        return True
    attrib = el.attrib
    if attrib.get("itemprop") in CAPTION_ITEMPROP and el.getparent() is not None and (
            el.getparent().tag == "figure" or el.getparent().attrib.get("itemprop") == "image"):
        return True
    return bool(CAPTION_CLASS.search(attrib.get("class", "")))


def _credit_of(el) -> str | None:
    """The text of a credit element inside the caption or beside it in its figure."""
    for c in el.iter():
        if c is not el and isinstance(c.tag, str) and CREDIT_CLASS.search(c.attrib.get("class", "")):
            return _text(c) or None
    parent = el.getparent()
    if parent is not None and parent.tag == "figure":
        for c in parent:
            if c is not el and isinstance(c.tag, str) and CREDIT_CLASS.search(c.attrib.get("class", "")):
                return _text(c) or None
    return None


_NO_CONTAINER = object()


def find_captions(tree, remove: bool = False, container=_NO_CONTAINER, url: str | None = None) -> list[HtmlCaption]:
    """The page's own photo captions, in page order (see the module docstring).  ``remove``: take
    the caption elements out of the tree (their tail text stays), so that the main-text
    extraction that follows can never put a caption's words in the body.  ``container``: the
    page's :func:`article_container` where the caller has it already; ``url``: the page's address
    (a card links to another page of the same site)."""
    if next(tree.iter("figure", "figcaption"), None) is None:
        return []  # most pages: nothing to look for
    if container is _NO_CONTAINER:
        container = article_container(tree)
    if container is None:
        return []
    page_host = _host(url)
    found: list[HtmlCaption] = []
    taken: list = []
    seen: set[str] = set()
    inside: set = set()  # caption elements taken: a caption class nested in a figcaption is one caption
    for n, el in enumerate(_caption_candidates(container)):
        if n > MAX_ELEMENTS_SCANNED or len(found) >= MAX_FIGURES:
            break
        if any(a in inside for a in el.iterancestors()):
            continue
        inside.add(el)
        text = _text(el)
        credit = _credit_of(el)
        if credit and credit not in text:
            text = f"{text} {credit}"
        text = text[:MAX_CAPTION_CHARS]
        if len(text) < MIN_CAPTION_CHARS or _is_teaser(el, container, page_host):
            continue
        taken.append(el)
        if text in seen:
            continue
        seen.add(text)
        found.append(HtmlCaption(text, credit))
    if remove:
        for el in taken:
            el.drop_tree()
    return found
