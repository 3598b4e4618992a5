"""Rules of the HTML step's author fallback (data only; the logic is :func:`.html._author`).

They are trafilatura's ``extract_author`` rules (``trafilatura.xpaths.AUTHOR_XPATHS``, after
pruning ``AUTHOR_DISCARD_XPATHS``), which cost ~8 ms a page as XPaths (a deep copy of the page,
pruned, then three XPaths of ~15 predicates each, EXSLT ``re:test`` among them).  Every pattern
there is a plain alternation of literals (``^`` anchors, ``[Aa]`` classes, ``-?`` options), so
the same tests are written here as Python data: the discard rules in XPath 1.0 (only run on a
candidate that holds discarded parts) and as a one-element test, the author rules as one pass.
Same matches, same order: ``tests/test_read_html_author.py`` checks the authors agree with
trafilatura's ``extract_author`` on every WCXB dev page.
"""

from __future__ import annotations


def _any(attr: str, op: str, *literals: str) -> str:
    return "(" + " or ".join(f"{op}(@{attr}, '{lit}')" for lit in literals) + ")"


# trafilatura.xpaths.AUTHOR_DISCARD_XPATHS (comments, sidebars, titles, dates, figures)
AUTHOR_DISCARD = [
    ".//*[self::a or self::div or self::section or self::span]["
    "@id='comments' or @class='comments' or @class='title' or @class='date' or "
    + _any("id", "starts-with", "comments") + " or "
    + _any("id", "contains", "commentlist", "comment-list", "ProductReviews") + " or "
    + _any("class", "starts-with", "Comments", "comments") + " or "
    + _any("class", "contains", "commentlist", "comments-list", "sidebar", "is-hidden", "quote",
           "embedly-instagram", "article-share", "article-support", "print", "category", "meta-date",
           "meta-reviewer") + " or contains(@data-component, 'Figure')]",
    "//time|//figure",
]

import re  # noqa: E402

# trafilatura.xpaths.AUTHOR_XPATHS, one dict per XPath, tried in this order: an element matches
# if its tag is in "tags" (None: any) and one of: an attribute equal to a value ("equals"), an
# attribute containing a literal ("contains"), an attribute matching a regex ("search"); "author"
# elements match the first rule whatever their attributes; "rel_me": a <rel> child whose text is "me"
AUTHOR_RULES = [
    {"name": "author-specific", "tags": {"a", "address", "div", "link", "p", "span", "strong"},
     "equals": {"rel": {"author"}, "id": {"author"}, "class": {"author"}, "itemprop": {"author name"},
                "data-testid": {"AuthorCard", "AuthorURL"}},
     "contains": {}, "search": {"class": re.compile("author-?name|AuthorName|authorName")},
     "rel_me": True, "any_tag": {"author"}},
    {"name": "author-generic", "tags": {"a", "div", "h3", "h4", "p", "span"},
     "equals": {"class": {"byline", "username", "byl", "BBL"}}, "contains": {"itemprop": "author"},
     "search": {"id": re.compile("author|zuozhe|bianji|xiaobian"),
                "class": re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")},
     "rel_me": False, "any_tag": set()},
    {"name": "author-last-resort", "tags": None, "equals": {}, "contains": {"data-component": "Byline", "itemprop": "author"},
     "search": {"id": re.compile("[Aa]uthor"), "class": re.compile("[Aa]uthor|screenname|writer|[Bb]yline")},
     "rel_me": False, "any_tag": set()},
]
# a quick gate before AUTHOR_RULES, per attribute: an element none of these match (and that is
# no <author> and has no <rel> child) cannot match any rule (the union of the rules' tests)
AUTHOR_GATE = {
    "class": re.compile("[Aa]uthor|screenname|writer|[Bb]yline|channel-name|zuozhe|bianji|xiaobian|submitted-by"
                        "|posted-by|journalist-name|^(?:byl|BBL|username)$"),
    "id": re.compile("[Aa]uthor|zuozhe|bianji|xiaobian"),
    "itemprop": re.compile("author"),
    "rel": re.compile("^author$"),
    "data-testid": re.compile("^Author(?:Card|URL)$"),
    "data-component": re.compile("Byline"),
}

# AUTHOR_DISCARD as a test of one element (tag, attributes)
DISCARD_TAGS = {"a", "div", "section", "span"}
DISCARD_ALWAYS = {"time", "figure"}
DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
DISCARD_CLASS = re.compile("^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
                           "|article-(?:share|support)|print|category|meta-date|meta-reviewer|^(?:title|date)$")

# The page's author as trafilatura gives it, with what follows the name on the same line cut off
# (issue #14; WCXB dev, first half: "Jordana Cepelewicz December", "Cazzy Magennis Last Updated
# August 1", "Nicoletta Richardson Trending Editor"): a date or an update label after the name,
# a job title after it.  Months that are also first names (April, May, June, August) only
# count when a day follows.
AUTHOR_TAIL = re.compile(
    r"(?<=\w)\s+(?:(?i:(?:last\s+)?(?:updated|published|posted|modified))\b.*"
    r"|(?:January|February|March|July|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"\.?(?:\s+\d.*)?"
    r"|(?:April|May|June|August)\s+\d.*"
    r"|(?:(?:Senior|Former|Staff|Trending|Contributing|Deputy|Managing|Associate|Chief|Executive|News)\s+)"
    r"(?:[A-Z][\w&-]*\s+){0,2}(?:Editor|Writer|Reporter|Correspondent|Contributor|Consultant|Producer)s?)$")
AUTHOR_MIN_CHARS = 3  # what is left must still be a name

# ---------------------------------------------------------------------------
# The article's authors in schema.org JSON-LD (issue #14; :func:`.html_bylines.jsonld_authors`).
# trafilatura reads ``author`` only when typed Person (an Organization author such as a company
# blog's is dropped), appends every Person node of a ``@graph`` (a medical page's reviewer, a
# related article's writer) and leaves HTML entities ("Maria &amp; Katerina").  The article's own
# node is the first whose ``@type`` is one of these (the Article family first, then pages):
JSONLD_ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
                        "techarticle", "scholarlyarticle", "report", "socialmediaposting", "review", "recipe",
                        "howto", "creativework")
JSONLD_PAGE_TYPES = ("webpage", "medicalwebpage", "itempage", "aboutpage", "faqpage", "qapage", "profilepage",
                     "collectionpage")
# who wrote it; ``reviewedBy``, ``editor``, ``contributor`` and ``publisher`` are not authors
JSONLD_AUTHOR_KEYS = ("author", "creator")
JSONLD_ORGANISATION_TYPES = frozenset(("organization", "newsmediaorganization", "corporation", "localbusiness",
                                       "educationalorganization", "governmentorganization", "ngo", "medicalorganization",
                                       "website", "brand"))
JSONLD_MAX_DEPTH = 8  # JSON-LD nests a few levels (@graph, mainEntity, isPartOf); deeper is no article metadata
JSONLD_MAX_NODES = 2_000  # nodes looked at in one page's JSON-LD (a product page's graph has ~100)

# ---------------------------------------------------------------------------
# The page's visible byline (issue #14; :mod:`.html_bylines`), read where trafilatura's
# metadata names no author, only a placeholder, or only the site itself.  Chosen on the first
# half of the WCXB dev article pages (bench/html_quality.py); the second half held out.
# ---------------------------------------------------------------------------
# a link to the author's own page: ".../author/jane-roe/", "/authors/...", "/staff/123/jane-roe/",
# "/profiles/jane-roe-309429", "/producers/..." (one or two path parts after the marker)
AUTHOR_PAGE_PATH = re.compile(
    r"/(?:author|authors|writer|writers|contributor|contributors|columnist|columnists|reporter|reporters|"
    r"journalist|journalists|staff|people|profile|profiles|producer|producers|byline)/[^/?#]+(?:/[^/?#]+)?/?(?:[?#].*)?$",
    re.IGNORECASE)
# an element whose whole text is a byline: "By Jane Roe", "by: Jane Roe", "Written by Jane Roe",
# "Jane Roe" after a "·"/"|" separator is left to the link rule
BYLINE_TEXT = re.compile(r"^(?:[·|•]\s*)?(?:by|written by|words by|story by|posted by|article by|post by|author)\s*:?\s+(?P<name>.{3,160})$",
                         re.IGNORECASE)
# what may follow the name on a byline line: a date or an update label ("by: Ziyi Xu, Dec 17, 2025",
# "By Jane Roe | Updated 10:05 a.m."), cut off
BYLINE_DATE_TAIL = re.compile(
    r"(?:\s*[,|·•–—]\s*|\s+-\s+|\s+on\s+)(?:(?:updated|published|posted|last updated)\b|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|"
    r"\d{1,4}[/.-]\d|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?\s+\d{4}|\d+\s+(?:min|minutes?|hours?|days?)\b).*$",
    re.IGNORECASE)
# an element whose whole text is a name and a full date, without "By" ("Juliette Carreiro -
# 2024-12-17", "Ana Ruiz | March 3, 2025", "Lena Berg · 12 Dec 2024"): a blog template's byline;
# the name needs two words (a one-word "name" there is a section: "News - 2024-12-17")
_FULL_DATE = (r"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
              r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
              r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4})")
NAME_DATE_LINE = re.compile(r"^(?P<name>[^|·•–—,/\d]{5,60}?)(?:\s*[|·•–—/]\s*|\s+-\s+|,\s+|\s+on\s+)"
                            rf"(?:(?:published|posted|updated)\s*:?\s*)?{_FULL_DATE}$", re.IGNORECASE)
NAME_DATE_MAX_CHARS = 100
# an element whose whole text is only the label, the name in the element after it
# ("<p>Written by</p><p>Edzel Tabing</p>")
BYLINE_LABELS = frozenset(("by", "written by", "words by", "story by", "posted by", "author", "authors", "author(s)",
                           "written by:", "by:", "author:", "authors:", "article by", "article by:", "post by",
                           "post by:"))
# class names of an element holding only the author's name (trafilatura's rules know
# "author-name", "authorName"; these are the spellings they miss: "author_name", "author-meta--name")
# a class token may carry a block prefix ("video-post_author-name", "c-article__author-name": BEM and
# Webflow spellings, 2 of the first half's 17 pages with no byline found)
AUTHOR_NAME_CLASS = re.compile(r"(?:^|\s)(?:[\w-]*[_-])?(?:author[_-]{1,2}name|author-meta--name|byline__name|"
                               r"byline-name|c-byline__author)(?:$|\s)", re.IGNORECASE)
# markup that says "this is the author" (schema.org microdata, the HTML rel, byline and author
# class names), read where the metadata names no person: the element's text (or its
# ``itemprop=name`` part) must still look like a name (:data:`BYLINE_NAME`), so an author box
# with a biography never counts.  A class token, after any block prefix, before an optional part
# name ("byline", "article-byline", "c-byline__link", "post-author", "author-link"); not
# "author-bio", "author-avatar"
AUTHOR_MARK_CLASS = re.compile(r"(?:^|\s)(?:[\w-]*[_-])?(?:byline|bylines|author|authors|contributor|contributors|writer)"
                               r"(?:[_-]{1,2}(?:name|link|names|links|info|line|text|title|wrap|wrapper|meta|details))?(?:$|\s)",
                               re.IGNORECASE)
AUTHOR_MARK_ITEMPROPS = frozenset(("author", "creator"))
# ... but not a commenter's ("comment-author", "CommentUserName-author": WCXB dev first half, a
# comment's author taken for a blog post's)
AUTHOR_MARK_NOT = re.compile(r"comment|reply|replies", re.IGNORECASE)
# speed: a class that none of AUTHOR_NAME_CLASS, AUTHOR_MARK_CLASS, AUTHOR_ICON_CLASS can match
# holds none of these words (one search per element instead of three)
AUTHOR_CLASS_GATE = re.compile(r"author|byline|contributor|writer|person|user|pen", re.IGNORECASE)
# a person's or a desk's name: 1-5 capitalised words (particles and initials allowed), no digits;
# up to 8 of them joined by ",", "and", "&" (was 4: a team byline of 5-8 names was lost)
BYLINE_NAME = re.compile(
    r"^(?:Dr\.?\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|de|da|di|del|der|den|van|von|la|le|du|dos|bin|al|y))"
    r"{0,4}(?:\s*(?:,|and|&|,\s*and)\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|de|da|van|von|der)){0,4}){0,7}$")
BYLINE_MAX_CHARS = 160  # 8 names of ~20 characters (was 80: 4 names)
# an icon for a person right before the name ("<i class="bi bi-person"></i>Bence Kovács")
AUTHOR_ICON_CLASS = re.compile(r"(?:^|\s)(?:bi|fa|fas|far|icon|glyphicon|dashicons)-(?:person|user|author|pen|admin-users)(?:$|\s)",
                               re.IGNORECASE)
# a shorter "name" in a list is a fragment ("Justin C Meserole; Trial Attorney; On")
MIN_NAME_CHARS = 3
# a byline is never inside these (a comment's author, a menu entry, another story's card):
# elements and class/id words of the ancestors of a candidate
BYLINE_SKIP_TAGS = frozenset(("nav", "footer", "aside"))
# one class token (or id) naming such a block: the word, after any prefix, before an optional
# part name ("comment", "sub-menu-item", "related-posts"), not a page-layout flag on <body>
# ("cs-sidebar-enabled", "cs-navbar-smart-enabled")
BYLINE_SKIP_CLASS = re.compile(
    r"^(?:[a-z0-9]+(?:-|_|--|__))*(?:comments?|menu|related|sidebar|newsletter|share|sharing|navbar|navigation|nav|"
    r"footer|login|signup|recirc|recommended|more-from|more-stories|widget-area)"
    r"(?:s|(?:-|_|--|__)(?:list|area|wrap|wrapper|container|item|items|section|block|inner|content|posts|stories|links|bar))*$",
    re.IGNORECASE)
# words that make a name a placeholder, not an author ("The Author", "Name", "admin")
PLACEHOLDER_AUTHORS = frozenset(("the author", "author", "name", "admin", "administrator", "editor", "unknown",
                                 "guest", "guest author", "user", "webmaster", "wordpress"))
# a name with one of these words is an organisation or a desk, not a person ("South Carolina
# Garden-based Learning Network", "Clemson News"): dropped when a person's name stands beside it
ORGANISATION_WORDS = frozenset(("network", "foundation", "university", "clinic", "institute", "inc", "llc", "ltd", "hotels",
                                "media", "group", "association", "society", "magazine", "newspaper", "news",
                                "online", "today", "times", "post", "herald", "press"))

# the publication time (issue #16): htmldate gives the day alone; the page's own machine-readable
# timestamps give the clock time and the offset.  Where to look, most specific first: the article
# meta tags, then <time> elements marked as the publication time, then any <time datetime>; JSON-LD
# ``datePublished`` is read apart (read/html_published.py).  A value is used only when its day is the
# day htmldate chose, so a "modified" or a related story's time never replaces the publication day.
# meta tags by their property / name / itemprop, lower-cased
PUBLISHED_META = frozenset(("article:published_time", "datepublished", "og:published_time", "parsely-pub-date",
                            "sailthru.date", "publish-date", "pubdate", "publishdate", "dc.date.issued", "date"))
# a <time datetime> marked as the publication time by its class (or itemprop=datePublished, pubdate)
PUBLISHED_TIME_CLASSES = ("publish", "posted")
PUBLISHED_JSON_KEY = "datePublished"
