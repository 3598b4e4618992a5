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
