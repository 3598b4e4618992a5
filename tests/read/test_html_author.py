"""The HTML step's author fallback (newsdistill.read.html._author, rules in read/html_rules.py)
finds exactly what trafilatura's ``extract_author`` finds, faster."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from lxml.html import fromstring

from newsdistill.read.html import _author

trafilatura_metadata = pytest.importorskip("trafilatura.metadata")
load_html = pytest.importorskip("trafilatura.utils").load_html


def _same(html: str) -> None:
    tree = fromstring(html)
    assert _author(tree, None) == trafilatura_metadata.extract_author(tree)


@pytest.mark.parametrize("html", [
    '<html><body><p>x</p><span class="author-name">Jane Doe</span></body></html>',
    '<html><body><div id="comments"><span class="author">Commenter Bob</span></div>'
    '<p class="byline">By Ann Lee <time>2020</time> in Paris</p></body></html>',
    '<html><body><div class="byline">By <span class="date">May 1</span>Tom Smith</div></body></html>',
    '<html><body><h4 itemprop="author">Ed Ward</h4><a rel="author">Zed Zee</a></body></html>',
    '<html><body><span class="sidebar"><a class="author">Side Man</a></span>'
    '<em data-component="Byline">Kim Park</em></body></html>',
    '<html><body><div><p>no author here</p></div></body></html>',
    '<html><body><figure><figcaption class="writer">Photo Person</figcaption></figure>'
    '<div id="postAuthor">Real Writer</div></body></html>',
])
def test_author_matches_trafilatura_on_small_pages(html: str) -> None:
    _same(html)


def test_author_matches_trafilatura_on_wcxb_pages(shared_dir: Path) -> None:
    pages = sorted((shared_dir / "data" / "wcxb-dev-articles" / "html").glob("*.html.gz"))
    if not pages:
        pytest.skip("WCXB dev articles not found under ../shared/data")
    found = 0
    for path in pages[::3]:  # a third of the pages keeps the test quick
        tree = load_html(gzip.decompress(path.read_bytes()))
        if tree is None:
            continue
        ours, theirs = _author(tree, None), trafilatura_metadata.extract_author(tree)
        assert ours == theirs, path.name
        found += theirs is not None
    assert found > 50
