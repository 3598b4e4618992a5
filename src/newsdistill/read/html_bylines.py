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

import json
import re
from dataclasses import dataclass
from html import unescape
from urllib.parse import urlsplit

from ..clean.rules import BYLINE_TITLE_TAIL
from .html_rules import (
    AUTHOR_CLASS_GATE,
    AUTHOR_ICON_CLASS,
    AUTHOR_MARK_CLASS,
    AUTHOR_MARK_ITEMPROPS,
    AUTHOR_MARK_NOT,
    AUTHOR_NAME_CLASS,
    AUTHOR_PAGE_PATH,
    BYLINE_DATE_TAIL,
    BYLINE_LABELS,
    BYLINE_MAX_CHARS,
    BYLINE_NAME,
    BYLINE_SKIP_CLASS,
    BYLINE_SKIP_TAGS,
    BYLINE_TEXT,
    JSONLD_ARTICLE_TYPES,
    JSONLD_AUTHOR_KEYS,
    JSONLD_ORGANISATION_TYPES,
    JSONLD_PAGE_TYPES,
    MIN_NAME_CHARS,
    NAME_DATE_LINE,
    NAME_DATE_MAX_CHARS,
    ORGANISATION_WORDS,
    PLACEHOLDER_AUTHORS,
)
from .jsonld import json_nodes

MAX_ELEMENTS = 20_000  # elements looked at for a visible byline (a long news page has ~3,000)
# an author-marked element with more children is an author box or a page region, not a name
# (a byline with avatar, label, link and date has ~5); keeps the work per element bounded
MARKED_MAX_CHILDREN = 8
# a "By ..." element holds at most this many child elements: one link per author and the
# separators between ("By <a>A</a>, <a>B</a>, <a>C</a> and <a>D</a>": 4); was 3, which cut
# the byline of four authors or more down to its first link
BYLINE_MAX_PARTS = 9
_WORD = re.compile(r"[^\W_]+")
_SITE_SEPARATORS = re.compile(r"\s+[-|–—•:]\s+")
_DIGIT = re.compile(r"\d")
_NO_BYLINE_TAGS = frozenset(("script", "style", "noscript", "template"))
_BY_START = ("by", "written", "words", "story", "posted", "author", "article by", "post by", "·", "|", "•")


@dataclass(frozen=True, slots=True)
class Author:
    """One author the page's JSON-LD names: ``organisation`` when typed as one (a company blog's
    "ServiceTitan"), else a person or untyped."""

    name: str
    organisation: bool = False


def _types(node: dict) -> list[str]:
    kind = node.get("@type")
    return [str(k).lower() for k in (kind if isinstance(kind, list) else [kind]) if k]


def name_from_profile_url(url: str) -> str | None:
    """"https://example.com/author/jane-roe/" -> "Jane Roe": an author given only as the link to
    the author's page (:data:`.html_rules.AUTHOR_PAGE_PATH`); None for any other URL (a social
    profile's handle, an id) or a slug that is no name (digits, one word)."""
    path = urlsplit(url).path
    m = AUTHOR_PAGE_PATH.search(path)
    if not m:
        return None
    slug = next((p for p in path[m.start():].split("/")[2:] if p), "")
    parts = [p for p in re.split(r"[-_+]", slug) if p]
    if not 2 <= len(parts) <= 4 or not all(p.isalpha() for p in parts):
        return None
    return " ".join(p.capitalize() for p in parts)


def _author_names(value, by_id: dict) -> list[Author]:
    found = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = by_id.get(item["@id"], item)  # {"@id": ".../#/schema/person/1"}: the node in the @graph
        organisation = False
        if isinstance(item, dict):
            organisation = bool(set(_types(item)) & JSONLD_ORGANISATION_TYPES)
            name = item.get("name")
            if isinstance(name, list):
                name = ", ".join(str(n) for n in name if isinstance(n, str))
            elif isinstance(name, dict):
                name = name.get("name")
            if not name and isinstance(item.get("givenName"), str):
                name = " ".join(str(item[k]) for k in ("givenName", "additionalName", "familyName") if item.get(k))
            if not name and isinstance(item.get("url"), str):
                name = name_from_profile_url(item["url"])
        else:
            name = item
        if not isinstance(name, str):
            continue
        name = " ".join(unescape(name).split())
        if name.lower().startswith(("http://", "https://", "www.")):
            name = name_from_profile_url(name) or ""
        if name and "@" not in name:  # an e-mail address is no byline
            found.append(Author(name, organisation))
    return found


@dataclass(slots=True)
class JsonLdPeople:
    """What the page's JSON-LD says of who wrote it (:func:`jsonld_people`)."""

    authors: list  # [Author] of the article's node
    others: set  # names (as :func:`name_key` gives them) of people typed Person who are no author: reviewers, editors


def name_key(name: str) -> str:
    """A name compared without case, punctuation or spacing ("Dr. Jane  Roe" ~ "dr jane roe")."""
    return " ".join(_words(name))


def jsonld_people(tree) -> JsonLdPeople:
    """The authors the page's schema.org JSON-LD gives its article: the ``author`` (or
    ``creator``) of the first node typed as an article (:data:`.html_rules.JSONLD_ARTICLE_TYPES`),
    else of the first page node (``JSONLD_PAGE_TYPES``); a string, an object, a list of them or
    a reference (``{"@id": ...}``) to a node of the ``@graph``; HTML entities decoded; a
    profile URL as the name it spells.  Reviewers, editors and publishers are not authors:
    the Person nodes that are not the article's authors are ``others``."""
    nodes: list = []
    for script in tree.iter("script"):
        text = script.text
        if not text or "ld+json" not in (script.get("type") or "") or ('"author"' not in text and '"creator"' not in text):
            continue
        try:
            json_nodes(json.loads(text, strict=False), nodes)
        except (ValueError, RecursionError):  # a broken block: the page's other metadata stands
            continue
    if not nodes:
        return JsonLdPeople([], set())
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}
    best = None  # (rank, node)
    for node in nodes:
        if not any(k in node for k in JSONLD_AUTHOR_KEYS):
            continue
        types = _types(node)
        rank = 0 if any(t in JSONLD_ARTICLE_TYPES for t in types) else 1 if any(t in JSONLD_PAGE_TYPES for t in types) else None
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, node)
            if rank == 0:
                break
    authors: list = []
    if best is not None:
        node = best[1]
        authors = _author_names(node[next(k for k in JSONLD_AUTHOR_KEYS if k in node)], by_id)
    if best is None:  # no article or page node (a VideoObject's, an Event's author): nobody is set aside
        return JsonLdPeople([], set())
    # the article's own authors stay; the authors of other nodes are set aside with the reviewers
    # (WCXB first half: a page whose graph lists five related stories' writers after its own)
    own = {name_key(a.name) for a in authors}
    others = {name_key(n["name"]) for n in nodes if "person" in _types(n) and isinstance(n.get("name"), str)} - own - {""}
    return JsonLdPeople(authors, others)


def jsonld_authors(tree) -> list[Author]:
    """The article's authors in the page's JSON-LD (:func:`jsonld_people`)."""
    return jsonld_people(tree).authors


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
        tag = el.tag
        if tag in _NO_BYLINE_TAGS:
            continue
        # speed: one search of the class for all the class rules; the rules only where it hits
        cls = el.get("class") or ""
        by_class = bool(cls) and AUTHOR_CLASS_GATE.search(cls) is not None
        name = None
        href = (el.get("href") or "") if tag == "a" else ""
        if (href and AUTHOR_PAGE_PATH.search(href) and AUTHOR_PAGE_PATH.search(urlsplit(href).path)) or \
                (by_class and AUTHOR_NAME_CLASS.search(cls)):
            name = _name_of("".join(el.itertext()))
        elif by_class and AUTHOR_ICON_CLASS.search(cls) and el.tail and el.tail.strip():
            name = _name_of(el.tail)
        else:
            head = el.text
            if head and head.lstrip()[:12].lower().startswith(_BY_START) and len(el) <= BYLINE_MAX_PARTS:
                text = " ".join("".join(el.itertext()).split())
                if text.lower() in BYLINE_LABELS:
                    after = el.getnext()
                    if el.tail and el.tail.strip(" \n\t:|·•-–—"):
                        name = _name_of(el.tail)  # "<p><strong>By</strong> Jane Roe</p>": the name follows the label
                    elif after is not None and isinstance(after.tag, str) and len(after) <= BYLINE_MAX_PARTS:
                        name = _name_of("".join(after.itertext()))
                elif len(text) <= BYLINE_MAX_CHARS + 40 and BYLINE_TEXT.match(text):
                    name = _name_of(text)
            elif head and len(head) <= NAME_DATE_MAX_CHARS and head.lstrip()[:1].isupper() and (
                    (len(el) == 0 and _DIGIT.search(head)) or (len(el) == 1 and el[0].tag == "time")):
                name = _name_date(el)  # "Juliette Carreiro - 2024-12-17", "Ana Ruiz · <time>March 3, 2025</time>"
        if name is None:
            tail = el.tail
            if tail and tail.lstrip()[:12].lower().startswith(_BY_START) and BYLINE_TEXT.match(" ".join(tail.split())):
                name = _name_of(tail)
        if name is None and (by_class or el.get("rel") or el.get("itemprop")) and len(el) <= MARKED_MAX_CHILDREN \
                and _marks_author(el.attrib):
            name = _marked_name(el)
        if name is not None and _shown(el, root):
            yield name


def _name_date(el) -> str | None:
    """The name of an element whose whole text is a name and a full date, without "By"
    (:data:`.html_rules.NAME_DATE_LINE`: "Juliette Carreiro - 2024-12-17"); two words at least."""
    text = " ".join("".join(el.itertext()).split())
    if len(text) > NAME_DATE_MAX_CHARS:
        return None
    m = NAME_DATE_LINE.match(text)
    if m is None or len(m.group("name").split()) < 2:
        return None
    return _name_of(m.group("name"))


def _marks_author(attrib) -> bool:
    """``rel=author``, ``itemprop=author`` or a byline/author class (:data:`.html_rules.AUTHOR_MARK_CLASS`),
    not a comment's ("comment-author", "CommentUserName-author": a commenter)."""
    if "author" in attrib.get("rel", "").split() or attrib.get("itemprop", "").lower() in AUTHOR_MARK_ITEMPROPS:
        return True
    classes = attrib.get("class", "")
    return bool(AUTHOR_MARK_CLASS.search(classes)) and not AUTHOR_MARK_NOT.search(classes)


def _marked_name(el) -> str | None:
    """The name an author-marked element holds: its ``itemprop=name`` part where it has one
    (microdata: ``<div itemprop=author><span itemprop=name>``), else its first link that is a
    name (``<div class=byline><a>Jane Roe</a><span>Sponsored</span></div>``), else its whole
    text, its parts apart ("<div>Author</div><div>Venteur</div>": "Author Venteur")."""
    if el.tag == "meta":
        return _name_of(el.get("content", ""))
    link = None
    for k, part in enumerate(el.iterdescendants()):
        if k > MARKED_MAX_CHILDREN * 8:
            return None  # a block that deep is no byline
        if not isinstance(part.tag, str):
            continue
        if part.get("itemprop") == "name":
            return _name_of(part.get("content") or " ".join(part.itertext()))
        if part.tag == "a" and link is None:
            link = _name_of(" ".join(part.itertext()))
    return link or _name_of(" ".join(el.itertext()))


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
    """The page's byline: trafilatura's ``author`` tidied (:func:`tidy_author`) without the people
    the JSON-LD names as no author (a reviewer: trafilatura takes every Person node), or, where it
    names no person, the visible byline (:func:`find_byline`) when it names one, else the
    organisation the JSON-LD names as the author (a company blog), else what is left."""
    people = jsonld_people(tree)
    if author and people.others:
        kept = [n for n in author.split(";") if name_key(n) not in people.others]
        author = "; ".join(n.strip() for n in kept) or None
    tidied, person = tidy_author(author, sitename, title)
    site = _site_words(sitename, title)
    # the site's own name as the author ("Valley Courier" on valleycourier's pages) names a person
    # only when the page shows none: a blog named after its author ("Dan Davies") shows no other
    site_only = bool(tidied) and all(set(_words(n)) - {"the"} <= site for n in tidied.split(";"))
    if person and not site_only:
        return tidied
    found = find_byline(tree, container, site)
    if found and not _is_site_or_organisation(found, site):
        return found
    if person:
        return tidied
    organisation = "; ".join(a.name for a in people.authors if a.organisation) or None
    if tidied and found:
        return tidied  # no person on the page either: the metadata's name stands
    return found or tidied or organisation
