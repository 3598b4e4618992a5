"""The byline of an HTML page where trafilatura's metadata gives none, a placeholder or the site (issue #14).

trafilatura reads the author from meta tags, JSON-LD and a few class names.  On the WCXB dev
article pages that misses the byline of a fifth of the pages that have one (first half: 66 of
279): the author is only a link to the author's page ("/authors/trevor-jackins"), a "By Jane
Roe" line, a class trafilatura does not know ("author_name"); or the metadata names a
placeholder ("The Author", "Name"), the site itself ("USA TODAY" where the page says "Brian
Truitt") or the site beside the person ("Manoj Jain; Jagpreet Chhatwal; The Commercial Appeal").

:func:`page_byline` tidies trafilatura's author (:func:`tidy_author`) and, where nothing of a
person is left, reads the visible byline (:func:`find_byline`): inside the article container
first, then anywhere on the page outside ``nav``/``footer``/``aside``.  The rules are data in
:mod:`.html_rules` (``AUTHOR_PAGE_PATH``, ``BYLINE_TEXT``, ``AUTHOR_NAME_CLASS``,
``BYLINE_NAME``, ``PLACEHOLDER_AUTHORS``, ``ORGANISATION_WORDS``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..clean.rules import BYLINE_TITLE_TAIL
from .html_rules import (
    AUTHOR_ICON_CLASS,
    AUTHOR_NAME_CLASS,
    AUTHOR_PAGE_PATH,
    BYLINE_DATE_TAIL,
    BYLINE_LABELS,
    BYLINE_MAX_CHARS,
    BYLINE_NAME,
    BYLINE_SKIP_CLASS,
    BYLINE_SKIP_TAGS,
    BYLINE_TEXT,
    MIN_NAME_CHARS,
    ORGANISATION_WORDS,
    PLACEHOLDER_AUTHORS,
)

MAX_ELEMENTS = 20_000  # elements looked at for a visible byline (a long news page has ~3,000)
_WORD = re.compile(r"[^\W_]+")
_SITE_SEPARATORS = re.compile(r"\s+[-|–—•:]\s+")
_BY_START = ("by", "written", "words", "story", "posted", "author", "article by", "post by", "·", "|", "•")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _initials_prefix(name: str) -> str:
    """"CM Craig McCarthy" -> "Craig McCarthy": an avatar's initials before the name."""
    head, _, rest = name.partition(" ")
    parts = rest.split()
    if 2 <= len(head) <= 3 and head.isupper() and head.isalpha() and len(parts) >= len(head) - 1 and \
            "".join(p[0] for p in parts if p[:1].isupper())[:len(head)].upper() == head:
        return rest
    return name


def _site_words(sitename: str | None, title: str | None) -> set[str]:
    words = set(_words(sitename or ""))
    if title:
        parts = _SITE_SEPARATORS.split(title)
        if len(parts) > 1:
            words |= set(_words(parts[-1]))  # "Green Gifts for Gardeners - Columbia Star"
    return words


def _is_site_or_organisation(name: str, site: set[str]) -> bool:
    words = [w for w in _words(name) if w != "the"]
    if not words:
        return True
    return set(words) <= site or _is_organisation(name)


def tidy_author(author: str | None, sitename: str | None = None, title: str | None = None) -> tuple[str | None, bool]:
    """(author, person_named): trafilatura's ``"; "``-joined author without placeholders,
    avatar initials, fragments and shorter forms of a name given in full, and
    without the site's or an organisation's name when a person's name stands beside it.
    ``person_named`` is False when what is left only names the site or an organisation, is a
    login handle (one word: "KatieS") or nothing."""
    if not author:
        return None, False
    names = [_initials_prefix(n.strip()) for n in author.split(";")]
    # fragments go ("On"), credentials stay ("MS; RD; FAND": the reference keeps them too)
    names = [n for n in names if (len(n) >= MIN_NAME_CHARS or n.isupper()) and n.lower() not in PLACEHOLDER_AUTHORS]
    # a desk, job title or agency split off as a "name" ("Jane Roe; AP Business Writer"): dropped beside a person
    people_first = [n for n in names if not BYLINE_TITLE_TAIL.fullmatch(", " + n)]
    if people_first:
        names = people_first
    word_sets = [set(_words(n)) for n in names]
    names = [n for n, ws in zip(names, word_sets) if not any(ws < other for other in word_sets)]
    site = _site_words(sitename, title)
    people = [n for n in names if not _is_site_or_organisation(n, site)]
    if people:
        return "; ".join(people), any(" " in n for n in people)
    # only the site's name left: a person's when it has no organisation word (a blog named
    # after its author: "Dan Davies"); "USA TODAY", "Cleveland Clinic" name no person
    person = any(not _is_organisation(n) and " " in n for n in names)
    return ("; ".join(names) or None), person


def _is_organisation(name: str) -> bool:
    return any(w in ORGANISATION_WORDS for w in _words(name)) or (name.isupper() and len(name) > 4)


def _name_of(text: str) -> str | None:
    text = " ".join(text.split()).strip(" ,;|·•-–—")
    m = BYLINE_TEXT.match(text)
    if m:
        text = BYLINE_DATE_TAIL.sub("", m.group("name")).strip(" ,;|·•-–—")
    text = BYLINE_TITLE_TAIL.sub("", text) or text  # "Jane Roe, AP Business Writer" -> "Jane Roe"
    if len(text) > BYLINE_MAX_CHARS or text.lower() in PLACEHOLDER_AUTHORS or not BYLINE_NAME.match(text):
        return None
    return text


def _shown(el, stop) -> bool:
    """Not inside a nav, footer, aside, comment, menu or other story's block (below ``stop``)."""
    for anc in [el, *el.iterancestors()]:
        if anc is stop:
            return True
        attrib = anc.attrib
        if anc.tag in BYLINE_SKIP_TAGS or any(
                BYLINE_SKIP_CLASS.match(token) for token in (attrib.get("class", "") + " " + attrib.get("id", "")).split()):
            return False
    return True


def _candidates(root):
    """Names of the visible bylines under ``root``, in page order."""
    from lxml.etree import Element as element_kind

    for n, el in enumerate(root.iter(element_kind)):
        if n > MAX_ELEMENTS:
            return
        tag, attrib = el.tag, el.attrib
        if tag in ("script", "style", "noscript", "template"):
            continue
        name = None
        href = attrib.get("href", "") if tag == "a" else ""
        if (href and AUTHOR_PAGE_PATH.search(href) and AUTHOR_PAGE_PATH.search(urlsplit(href).path)) or \
                AUTHOR_NAME_CLASS.search(attrib.get("class", "")):
            name = _name_of("".join(el.itertext()))
        elif AUTHOR_ICON_CLASS.search(attrib.get("class", "")) and el.tail and el.tail.strip():
            name = _name_of(el.tail)
        else:
            head = (el.text or "").lstrip().lower()
            if head.startswith(_BY_START) and len(el) <= 3:
                text = " ".join("".join(el.itertext()).split())
                if text.lower() in BYLINE_LABELS:
                    after = el.getnext()
                    if after is not None and isinstance(after.tag, str) and len(after) <= 3:
                        name = _name_of("".join(after.itertext()))
                elif len(text) <= BYLINE_MAX_CHARS + 40 and BYLINE_TEXT.match(text):
                    name = _name_of(text)
        if name is None:
            tail = (el.tail or "").lstrip().lower()
            if tail.startswith(_BY_START) and BYLINE_TEXT.match(" ".join((el.tail or "").split())):
                name = _name_of(el.tail)
        if name is not None and _shown(el, root):
            yield name


def find_byline(tree, container=None, site: frozenset | set = frozenset()) -> str | None:
    """The first visible byline naming a person (not the site ``site`` words name, not an
    organisation) inside ``container``, else anywhere on the page outside nav, footer, aside,
    comments and menus; else the first naming the site or an organisation ("By ASU Online");
    None when there is none."""
    first = None
    for root in ((container, tree) if container is not None else (tree,)):
        for name in _candidates(root):
            if not _is_site_or_organisation(name, site):
                return name
            first = first or name
    return first


def page_byline(author: str | None, tree, container=None, sitename: str | None = None,
                title: str | None = None) -> str | None:
    """The page's byline: trafilatura's ``author`` tidied (:func:`tidy_author`), or, where it
    names no person, the visible byline (:func:`find_byline`) when there is one."""
    tidied, person = tidy_author(author, sitename, title)
    if person:
        return tidied
    found = find_byline(tree, container, _site_words(sitename, title))
    if tidied and found and _is_site_or_organisation(found, _site_words(sitename, title)):
        return tidied  # no person on the page either: the metadata's name stands
    return found or tidied
