"""HTML pages: main content and metadata with trafilatura, then the usual cleaning.

Two halves, split so the expensive one runs where the engine runs steps (worker
processes, under a time bound):

* the **reader** (``.html``, ``.htm``, ``.xhtml``, also ``.gz``/``.zst``, and
  ``.txt`` files or stdin that turn out to be HTML) only checks the bytes
  (empty, binary, too large) and yields a Document with ``input_kind="html"``
  and the page in ``Document.raw``;
* the **step** :class:`ExtractHtml` (first in the default pipeline) calls
  :func:`extract_html` under :func:`newsdistill.timeout.time_limit`, puts the
  extracted text in ``input_text`` (one paragraph per line trafilatura
  produced, separated by a blank line), fills ``title``/``byline``/
  ``published`` and ``source.url`` from the page's metadata where the input
  had none, and drops the raw page.  The cleaning step then runs on
  ``input_text`` exactly as on plain text, so input offsets of an HTML record
  refer to that extracted text (the raw HTML is never in the record).

Bad pages become error records: over ``MAX_HTML_BYTES`` -> ``too-large``;
slower than the time bound -> ``timeout``; no main text -> ``no-content``,
or ``nested-too-deep`` when the reason is tags nested deeper than lxml builds
(``LXML_MAX_DEPTH``: a nesting bomb, whose text lxml drops).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .. import errors
from ..errors import BadRecord
from ..record import Document, Source
from ..timeout import time_limit
from .decode import check_not_binary
from .html_bylines import page_byline
from .html_figures import HtmlCaption, article_container, find_captions
from .html_notices import find_rights_notices
from .html_published import published_time
from .sources import ReadOptions, register

MAX_HTML_BYTES = 20_000_000  # trafilatura's own max_file_size; news pages are 50 KB - 2 MB
HTML_TIMEOUT_S = 30.0  # per page; trafilatura takes ~30 ms on a typical page, ~1 s on a 5 MB one
LXML_MAX_DEPTH = 256  # libxml2 drops elements nested deeper than this (without huge_tree)
SNIFF_BYTES = 2048
log = logging.getLogger(__name__)
HTML_KINDS = ("html", "warc")  # input kinds whose ``raw`` is an HTML page

# trafilatura options, chosen on the first half of the WCXB dev articles (bench/html_quality.py):
# comments are not the article (+0.010 word F1); favor_precision (-0.009) and favor_recall
# (-0.005) both score lower; fast=True (no readability/jusText fallback) is 1.3x faster but
# loses 0.012 F1, mostly on pages where the fast pass finds a fraction of the article
TRAFILATURA_OPTIONS = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": False,
    "favor_recall": False,
    "fast": False,
    "deduplicate": False,
}
# htmldate's extensive search falls back to dateparser over all locales: 17% of the extraction
# time for 7 more correct dates in 302 (WCXB dev, first half); off
DATE_OPTIONS = {"extensive_search": False, "original_date": True}

_HTML_START = re.compile(rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)
# tags for the depth estimate: void and usually-unclosed elements do not nest
_TAG = re.compile(rb"<(/?)(?!(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|dt|dd|tr|td|th|option)\b)[a-zA-Z][^>]*?(/?)>",
                  re.IGNORECASE)


def looks_like_html(data: bytes) -> bool:
    """The bytes start like an HTML document (doctype, <html>, <head> or <body>)."""
    return _HTML_START.match(data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf")) is not None


def html_document(data: bytes, doc_id: str, source: Source) -> Document:
    """An input Document for one page's bytes (extraction happens later, in :class:`ExtractHtml`)."""
    doc = Document(id=doc_id, source=source, input_kind="html")
    try:
        if len(data) > MAX_HTML_BYTES:
            raise BadRecord(errors.TOO_LARGE, f"HTML page of {len(data)} bytes, over {MAX_HTML_BYTES}")
        check_not_binary(data)
    except BadRecord as exc:
        return doc.fail(exc.code, exc.message)
    doc.raw = data
    return doc


@register(".html", ".htm", ".xhtml", ".shtml")
def read_html(stream: BinaryIO, path: str, options: ReadOptions) -> Iterator[Document]:
    data = stream.read(MAX_HTML_BYTES + 1)
    doc_id = "stdin" if path == "-" else Path(path).name.split(".")[0]
    yield html_document(data, doc_id, Source(path=None if path == "-" else path))


@dataclass(slots=True)
class HtmlFields:
    """What :func:`extract_html` finds in a page."""

    text: str  # main content, one paragraph / heading / list item per line, as trafilatura gives it
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO date of publication
    url: str | None = None  # the page's canonical URL (or the one passed in)
    sitename: str | None = None
    language: str | None = None  # declared in the page
    captions: list = field(default_factory=list)  # the article's photo captions (:class:`.html_figures.HtmlCaption`)
    notices: list = field(default_factory=list)  # (rule, text) of the page's rights notices (:mod:`.html_notices`)


def nesting_depth(data: bytes, limit: int = LXML_MAX_DEPTH) -> int:
    """Deepest tag nesting of the page, counted up to just over ``limit`` (an estimate:
    void and usually-unclosed elements are left out; only run on pages that failed)."""
    depth = deepest = 0
    for m in _TAG.finditer(data):
        if m.group(1):
            depth = max(depth - 1, 0)
        elif not m.group(2):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
    return deepest


def extract_html(html: bytes | str, url: str | None = None, *, timeout: float | None = HTML_TIMEOUT_S) -> HtmlFields:
    """Main text and metadata of one page; raises BadRecord (``too-large``, ``timeout``,
    ``no-content``).  Safe to call in any process; the time bound holds in a main thread
    (see :mod:`newsdistill.timeout`)."""
    data = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
    if len(data) > MAX_HTML_BYTES:
        raise BadRecord(errors.TOO_LARGE, f"HTML page of {len(data)} bytes, over {MAX_HTML_BYTES}")
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")  # lxml stops parsing at a NUL byte
    with time_limit(timeout, "HTML extraction"):
        try:
            text, meta, captions, notices = _trafilatura(data, url)
        except RecursionError:
            raise BadRecord(errors.TOO_DEEP, "HTML nested too deep to extract") from None
        if not text.strip():
            if nesting_depth(data) > LXML_MAX_DEPTH:
                raise BadRecord(errors.TOO_DEEP, f"no main text: tags nested deeper than {LXML_MAX_DEPTH} levels (a nesting bomb?)")
            raise BadRecord(errors.NO_CONTENT, "no main text found in the HTML page")
    return HtmlFields(
        text=text,
        title=_clean(meta.title),
        author=author_name(_clean(meta.author)),
        date=_clean(meta.date),
        url=_clean(meta.url) or url,
        sitename=_clean(meta.sitename),
        language=_clean(getattr(meta, "language", None)),
        captions=captions,
        notices=notices,
    )


def _trafilatura(data: bytes, url: str | None):
    """(main text, metadata object) of a page: the page is parsed once, the metadata found on
    the tree, then the main content.  The metadata pass is trafilatura's ``extract_metadata``
    without what we do not use (categories, tags, licence: a third of its time); on the WCXB
    dev pages its results are identical; its author fallback is :func:`_author` (same
    result, a quarter of the time).  Falls back to ``bare_extraction(with_metadata=True)``
    if trafilatura's internals moved."""
    from trafilatura import bare_extraction

    try:
        from trafilatura.utils import load_html
    except ImportError:  # pragma: no cover - another trafilatura layout
        load_html = None
    meta = None
    captions: list = []
    notices: list = []
    if load_html is not None:
        tree = _parse(data, load_html)
        if tree is None:
            return "", None, [], []
        meta = _metadata(tree, url)
        container = article_container(tree)
        meta.author = page_byline(meta.author, tree, container, meta.sitename, meta.title)
        captions = find_captions(tree, remove=True, container=container, url=meta.url or url)  # before _main_text prunes the figures
        notices = find_rights_notices(container)
    if meta is None:
        found = bare_extraction(data, url=url, with_metadata=True, date_extraction_params=DATE_OPTIONS | {"url": url},
                                **TRAFILATURA_OPTIONS)
        return ((found.text if found is not None else None) or ""), found, captions, notices
    return _main_text(tree, url), meta, captions, notices


_XML_INVALID_BYTES = bytes(c for c in range(32) if c not in (9, 10, 13))  # trafilatura's INVALID_XML_CHARS, as UTF-8


def _parse(data: bytes, load_html):
    """``trafilatura.utils.load_html(data)``: the same tree, in half the time on the usual page.
    ``load_html`` decodes the bytes to a str, deletes characters XML cannot hold with a regex
    over the whole page (~0.7 ms), repairs two doctype/<html/> faults, then parses the str
    (~1.4 ms).  When the bytes are UTF-8 (not compressed, no BOM) that hold none of those
    characters and neither fault, all of that leaves the text as it is, and libxml2 parses the
    bytes themselves to the same tree (~1 ms); any other page goes through ``load_html``.
    ``tests/test_read_html.py`` checks the trees serialise the same on the WCXB dev pages."""
    try:
        from lxml.html import fromstring
        from trafilatura.utils import DOCTYPE_TAG, HTML_PARSER, handle_compressed_file, is_dubious_html
    except ImportError:  # pragma: no cover - another trafilatura layout
        return load_html(data)
    if (data.startswith(b"\xef\xbb\xbf") or len(data.translate(None, _XML_INVALID_BYTES)) != len(data)
            or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data or b"\n" not in data
            or handle_compressed_file(data) is not data):
        return load_html(data)
    try:
        head = data[:16384].decode("utf-8") if data.isascii() else data.decode("utf-8")[:4096]
    except UnicodeDecodeError:  # not UTF-8: load_html guesses the encoding
        return load_html(data)
    beginning = head[:50].lower()
    if is_dubious_html(beginning) or ("doctype" in beginning and DOCTYPE_TAG.match(head.partition("\n")[0])) or any(
            "<html" in line and line.endswith("/>") for line in head[:4096].splitlines()[:4]):
        return load_html(data)
    try:
        tree = fromstring(data, parser=HTML_PARSER)
    except ValueError:  # pragma: no cover - load_html has its own fallbacks
        return load_html(data)
    return tree if tree is not None and len(tree) >= 1 else load_html(data)


def _main_text(tree, url: str | None) -> str:
    """``bare_extraction(tree, url=url, **TRAFILATURA_OPTIONS).text`` on a tree nobody needs
    afterwards: the same steps (trafilatura 2.x's ``bare_extraction`` with these options: the
    extraction sequence, its tree-size and output-size checks, the text of the result) without
    the copy of the whole page ``bare_extraction`` makes of a tree it is given (~0.6 ms a page,
    plus freeing it).  The tree is changed in place.  ``tests/test_read_html.py`` checks the texts
    agree with ``bare_extraction`` on the WCXB dev pages; falls back to it if trafilatura's
    internals moved."""
    from trafilatura import bare_extraction

    try:
        from lxml.etree import strip_tags
        from trafilatura.core import trafilatura_sequence
        from trafilatura.settings import DEFAULT_CONFIG, Extractor
        from trafilatura.xml import xmltotxt
    except ImportError:  # pragma: no cover - another trafilatura layout
        found = bare_extraction(tree, url=url, with_metadata=False, **TRAFILATURA_OPTIONS)
        return (found.text if found is not None else None) or ""
    o = TRAFILATURA_OPTIONS
    options = Extractor(config=DEFAULT_CONFIG, output_format="python", fast=o["fast"], precision=o["favor_precision"],
                        recall=o["favor_recall"], comments=o["include_comments"], formatting=None, links=False,
                        images=False, tables=o["include_tables"], dedup=o["deduplicate"], lang=None, url=url)
    try:
        postbody, text, _comments, comments = trafilatura_sequence(tree, options, options.url)
        if options.max_tree_size and len(postbody) > options.max_tree_size:
            strip_tags(postbody, "hi")
            if len(postbody) > options.max_tree_size:
                return ""
        if len(text) < options.min_output_size and len(comments) < options.min_output_comm_size:
            return ""
    except (TypeError, ValueError):  # how bare_extraction discards a page
        return ""
    return xmltotxt(postbody, options.formatting) or ""


def _metadata(tree, url: str | None):
    try:
        from htmldate import find_date
        from trafilatura.metadata import (
            examine_meta,
            extract_author,
            extract_meta_json,
            extract_sitename,
            extract_title,
            extract_url,
        )
    except ImportError:  # pragma: no cover - another trafilatura layout: use its full metadata pass
        return None
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # a single word in an author meta tag is a site handle, not a name
    try:
        meta = extract_meta_json(tree, meta)
    except Exception as exc:  # trafilatura's JSON-LD reader fails on odd JSON (it catches this too): the meta tags stand
        log.warning("JSON-LD metadata not read: %s: %s", type(exc).__name__, exc)
    meta.title = meta.title or extract_title(tree)
    meta.author = meta.author or _author(tree, extract_author)
    meta.url = meta.url or extract_url(tree, url)
    # htmldate chooses the day; the page's own timestamp of that day adds the time and its offset
    meta.date = published_time(tree, find_date(tree, **(DATE_OPTIONS | {"url": meta.url})))
    meta.sitename = meta.sitename or extract_sitename(tree)
    meta.clean_and_trim()
    return meta


_AUTHOR_XPATHS: tuple | None = None


def _author(tree, fallback):
    """trafilatura's ``extract_author``, same result, without its cost (~8 ms a page: a deep
    copy of the page, pruned, then three XPaths of ~15 predicates each): the discarded parts
    (comments, sidebars, dates, figures: :data:`.html_rules.AUTHOR_DISCARD`) are only found, the
    candidates (:data:`.html_rules.AUTHOR_RULES`) tested in Python on the few elements with
    the attributes they look at, and only a candidate with discarded parts inside is copied
    and pruned.  ``fallback`` (trafilatura's own) if its helpers moved."""
    global _AUTHOR_XPATHS
    try:
        from trafilatura.htmlprocessing import prune_unwanted_nodes
        from trafilatura.metadata import normalize_authors
        from trafilatura.utils import trim
    except ImportError:  # pragma: no cover - another trafilatura layout
        return fallback(tree)
    from .html_rules import AUTHOR_DISCARD

    if _AUTHOR_XPATHS is None:
        from lxml.etree import XPath
        _AUTHOR_XPATHS = [XPath(x) for x in AUTHOR_DISCARD]
    for hits in _author_candidates(tree):
        for el in hits:
            if _discarded(el) or any(_discarded(a) for a in el.iterancestors()):
                continue
            if any(_discarded(d) for d in el.iterdescendants()):
                el = prune_unwanted_nodes(deepcopy(el), _AUTHOR_XPATHS)
            content = trim(" ".join(el.itertext()))
            if content and 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None


def _discarded(el) -> bool:
    """:data:`.html_rules.AUTHOR_DISCARD` matches this element."""
    from .html_rules import DISCARD_ALWAYS, DISCARD_CLASS, DISCARD_ID, DISCARD_TAGS

    tag = el.tag
    if tag in DISCARD_ALWAYS:
        return True
    if tag not in DISCARD_TAGS:
        return False
    attrib = el.attrib
    return bool(DISCARD_ID.search(attrib.get("id", "")) or DISCARD_CLASS.search(attrib.get("class", ""))
                or attrib.get("id") == "comments" or "Figure" in attrib.get("data-component", ""))


def _author_candidates(tree) -> list[list]:
    """The elements each of :data:`.html_rules.AUTHOR_RULES` matches, in document order."""
    from lxml.etree import Element as element_kind

    from .html_rules import AUTHOR_GATE, AUTHOR_RULES

    found: list[list] = [[] for _ in AUTHOR_RULES]
    rel_parents = {rel.getparent() for rel in tree.iter("rel")}  # almost always none
    for el in tree.iter(element_kind):
        tag, attrib = el.tag, el.attrib
        if tag != "author" and not _gate(attrib, AUTHOR_GATE) and not (rel_parents and el in rel_parents):
            continue
        for k, rule in enumerate(AUTHOR_RULES):
            if tag in rule["any_tag"]:
                found[k].append(el)
                continue
            if rule["tags"] is not None and tag not in rule["tags"]:
                continue
            by_attribute = attrib and (any(attrib.get(a) in values for a, values in rule["equals"].items())
                                       or any(lit in attrib.get(a, "") for a, lit in rule["contains"].items())
                                       or any(rx.search(attrib.get(a, "")) for a, rx in rule["search"].items()))
            if by_attribute or (rule["rel_me"] and any("".join(c.itertext()) == "me" for c in el.iterchildren("rel"))):
                found[k].append(el)
    return found


def _gate(attrib, gate) -> bool:
    for name, value in attrib.items():
        rx = gate.get(name)
        if rx is not None and rx.search(value):
            return True
    return False


def author_name(author: str | None) -> str | None:
    """``author`` without a date, update label or job title after the name
    (:data:`.html_rules.AUTHOR_TAIL`): "Luke Kim December" -> "Luke Kim"."""
    if not author:
        return author
    from .html_rules import AUTHOR_MIN_CHARS, AUTHOR_TAIL

    cut = AUTHOR_TAIL.sub("", author).strip(" ,;|-")
    return cut if len(cut) >= AUTHOR_MIN_CHARS else author


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def paragraphs_text(text: str) -> str:
    """trafilatura's lines as paragraphs: each line one paragraph, a blank line between two."""
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


class ExtractHtml:
    """Pipeline step: HTML page (``doc.raw``) -> ``input_text`` + metadata.  A no-op for other inputs."""

    name = "html"
    needs = ("source",)
    adds = ("input_text", "title", "byline", "published")

    def __init__(self, timeout: float | None = HTML_TIMEOUT_S):
        self.timeout = timeout

    def __call__(self, doc: Document) -> Document:
        if doc.raw is None or doc.input_kind not in HTML_KINDS:
            return doc
        raw, doc.raw = doc.raw, None  # the page is not kept (nor sent further) once extracted
        fields = extract_html(raw, doc.source.url, timeout=self.timeout)
        doc.input_text = paragraphs_text(fields.text)
        doc.title = doc.title or fields.title
        doc.site_name = doc.site_name or fields.sitename  # trafilatura's sitename (og:site_name, publisher)
        doc.byline = doc.byline or fields.author
        doc.published = doc.published or fields.date
        if doc.source.url is None and fields.url:
            doc.source.url = fields.url
        if fields.captions:
            doc.extra[HTML_CAPTIONS_KEY] = fields.captions
        if fields.notices:
            doc.extra[HTML_NOTICES_KEY] = fields.notices
        return doc


HTML_CAPTIONS_KEY = "_html_captions"  # ExtractHtml -> HtmlCaptions, popped there (never in a record)
HTML_NOTICES_KEY = "_html_notices"  # the same for the page's rights notices
RULE_HTML_CAPTION = "caption.html-figure"
CAPTION_SEPARATOR = "\n\n"


class HtmlCaptions:
    """Pipeline step after ``clean``: the page's photo captions (found by :func:`.html_figures.find_captions`
    before trafilatura pruned them) become ``captions``, parsed like plain-text captions (credit,
    restrictions, date, place; rule ``caption.html-figure``).  Their text is appended to
    ``input_text`` after the article, each as a paragraph of its own, so every span still maps
    back into the record's input; ``text`` and its offset map are left as they are (the
    caption's words are never in the body).  A caption the cleaner already found in the
    article text is not added twice.  The page's rights notices (:mod:`.html_notices`) that
    trafilatura left out become ``removed`` lines the same way (reason ``copyright-footer``).
    A no-op for other inputs."""

    name = "html-captions"
    needs = ("captions", "removed")
    adds = ("captions", "removed", "input_text")

    def __call__(self, doc: Document) -> Document:
        found: list[HtmlCaption] | None = doc.extra.pop(HTML_CAPTIONS_KEY, None)
        notices: list[tuple[str, str]] | None = doc.extra.pop(HTML_NOTICES_KEY, None)
        if doc.text is None or not (found or notices):
            return doc
        from ..clean.captions import parse_caption, parse_credit_block, site_as_outlet
        from ..record import Caption, Removed

        known = {" ".join(c.text.split()) for c in doc.captions}
        pieces = [doc.input_text]
        at = len(doc.input_text)
        for cap in found or ():
            if cap.text in known:
                continue
            known.add(cap.text)
            start = at + len(CAPTION_SEPARATOR)
            parsed = parse_caption(cap.text, RULE_HTML_CAPTION)
            credit = parsed.credit
            # the page marks its credit apart (<span class="credit">): the element is the credit's label
            block = parse_credit_block(cap.credit, marked=True) if cap.credit else None
            if cap.credit and (credit is None or (block is not None and credit not in cap.credit)):
                credit = cap.credit
                parsed.photographer, parsed.agency = (block.photographer, block.agency) if block else (None, None)
            elif block is not None and credit in cap.credit and not (parsed.photographer or parsed.agency):
                parsed.photographer, parsed.agency = block.photographer, block.agency  # "Getty Images" alone
            # the site's own name as the credit ("Credit: Upgraded Points") is the outlet, not a photographer
            parsed.photographer, parsed.agency = site_as_outlet(parsed.photographer, parsed.agency, doc.site_name,
                                                                doc.source.url)
            doc.captions.append(Caption(start, start + len(cap.text), cap.text, credit, parsed.restrictions,
                                        parsed.date, parsed.place, RULE_HTML_CAPTION, parsed.photographer, parsed.agency))
            pieces += [CAPTION_SEPARATOR, cap.text]
            at = start + len(cap.text)
        body = " ".join(doc.text.split())
        removed = {" ".join(r.text.split()) for r in doc.removed}
        for rule, text in notices or ():
            if text in removed or text in body:
                continue  # trafilatura kept it: the cleaner has decided it
            removed.add(text)
            start = at + len(CAPTION_SEPARATOR)
            doc.removed.append(Removed(start, start + len(text), text, "copyright-footer", rule))
            pieces += [CAPTION_SEPARATOR, text]
            at = start + len(text)
        doc.input_text = "".join(pieces)
        return doc
