"""HTML reader + ExtractHtml step: main content, metadata, offsets into the extracted text, bad pages."""

from __future__ import annotations

import contextlib
import gzip
import time

import pytest

from newsdistill import errors
from newsdistill.errors import BadRecord
from newsdistill.pipeline import default_pipeline
from newsdistill.read import ReadOptions, read_path
from newsdistill.read.html import (
    LXML_MAX_DEPTH,
    MAX_HTML_BYTES,
    ExtractHtml,
    extract_html,
    html_document,
    looks_like_html,
    nesting_depth,
)
from newsdistill.record import Source
from newsdistill.timeout import time_limit

BODY = [
    "The city council voted on Tuesday to expand the tram network by 12 kilometres, a plan "
    "that officials said would cost about 340 million euros over the next decade.",
    "Mayor Anna Berg said the vote was a turning point for the city. \"We have waited twenty "
    "years for this,\" she told reporters after the session ended late in the evening.",
    "Opponents argued that the money would be better spent on buses, which they said could "
    "serve the outer districts sooner and at a fraction of the price of new rails.",
    "Construction of the first section is expected to begin next spring, according to the "
    "transport department, and the full network should open by the end of 2031.",
]


def page(title="Council backs tram expansion", author="Jane Doe", date="2024-03-05", extra_body=()) -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in [*BODY, *extra_body])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | The Daily Example</title>
<meta property="og:title" content="{title}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T08:00:00Z">
<link rel="canonical" href="https://news.example.com/2024/03/tram">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>{title}</h1>
{paras}
</article>
<footer><p>© 2024 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def run_one(path) -> dict:
    docs = list(read_path(str(path), ReadOptions()))
    assert len(docs) == 1
    return default_pipeline()(docs[0]).to_dict()


def test_html_file_main_content_and_metadata(tmp_path):
    f = tmp_path / "tram.html"
    f.write_text(page(), encoding="utf-8")
    rec = run_one(f)
    assert rec["status"] == "ok", rec.get("error")
    assert rec["input_kind"] == "html"
    assert rec["id"] == "tram"
    assert rec["title"] == "Council backs tram expansion"
    assert rec["byline"] == "Jane Doe"
    assert rec["published"] == "2024-03-05T08:00:00+00:00"  # the meta tag's time and zone (issue #16)
    assert rec["source"] == {"path": str(f), "url": "https://news.example.com/2024/03/tram"}
    for p in BODY:
        assert p in rec["text"]
    assert "Home" not in rec["text"] and "All rights reserved" not in rec["text"]
    assert rec["text"].count("\n\n") >= len(BODY) - 1
    assert "<p>" not in str(rec)  # the raw page is never in the record


def test_html_offsets_refer_to_extracted_text(tmp_path):
    f = tmp_path / "tram.htm.gz"
    f.write_bytes(gzip.compress(page(extra_body=["Sign up for our newsletter to get the latest news in your inbox."]).encode()))
    doc = default_pipeline()(next(read_path(str(f), ReadOptions())))
    assert doc.status == "ok"
    assert doc.raw is None
    for span in doc.paragraphs:
        assert doc.input_text[span.input_start:span.input_end] == span.text
    # the residual cleaning still runs: the newsletter prompt trafilatura kept is removed, with input offsets
    newsletter = [r for r in doc.removed if r.reason == "newsletter"]
    assert newsletter, doc.removed
    r = newsletter[0]
    assert doc.input_text[r.input_start:r.input_end] == r.text
    assert "newsletter" not in doc.text


def test_html_captions_in_extracted_text_are_parsed():
    caption = ("Mayor Anna Berg speaks to reporters in the city hall on March 5, 2024. "
               "(AP Photo/John Smith)")
    html = page(extra_body=[caption]).encode()
    doc = ExtractHtml()(html_document(html, "p", Source()))
    from newsdistill.clean import CleanText

    doc = CleanText()(doc)
    assert caption not in doc.text
    assert any(c.credit and "AP Photo/John Smith" in c.credit for c in doc.captions), doc.captions


def test_html_short_lines_inside_article_are_kept():
    # in HTML mode the position passes are off: a short heading and list items stay in the body
    extra = ["<h2>What happens next</h2>", "<ul><li>Planning permits</li><li>Tender</li><li>Works</li><li>Opening</li></ul>"]
    html = page().replace("</article>", "\n".join(extra) + "\n<p>" + BODY[0] + " More details follow.</p></article>")
    doc = default_pipeline()(html_document(html.encode(), "p", Source()))
    assert doc.status == "ok"
    for item in ("What happens next", "Planning permits", "Tender", "Opening"):
        assert item in doc.text


def test_txt_that_is_html_is_read_as_html(tmp_path):
    f = tmp_path / "page.txt"
    f.write_text(page(), encoding="utf-8")
    rec = run_one(f)
    assert rec["input_kind"] == "html" and rec["status"] == "ok"
    assert rec["title"] == "Council backs tram expansion"


def test_looks_like_html():
    assert looks_like_html(b"\xef\xbb\xbf  <!doctype html><html>")
    assert looks_like_html(b"<!-- saved --><HTML><body>")
    assert not looks_like_html(b"Use the <html> tag to start a page.")
    assert not looks_like_html(b"plain text\n<p>not at the start</p>")


def test_nesting_bomb_is_an_error_record(tmp_path):
    bomb = b"<html><body>" + b"<div>" * 100_000 + b"<p>" + BODY[0].encode() + b"</p>" + b"</div>" * 100_000 + b"</body></html>"
    f = tmp_path / "bomb.html"
    f.write_bytes(bomb)
    started = time.perf_counter()
    rec = run_one(f)
    assert time.perf_counter() - started < 10
    assert rec["status"] == "error"
    assert rec["error"]["code"] == errors.TOO_DEEP
    assert rec["source"]["path"] == str(f)
    assert nesting_depth(bomb) > LXML_MAX_DEPTH
    assert nesting_depth(page().encode()) < 20


def test_huge_page_is_too_large(tmp_path):
    f = tmp_path / "huge.html"
    filler = b"<p>" + b"word " * 1000 + b"</p>\n"
    with open(f, "wb") as fh:
        fh.write(b"<html><body>")
        for _ in range(MAX_HTML_BYTES // len(filler) + 2):
            fh.write(filler)
    rec = run_one(f)
    assert rec["status"] == "error" and rec["error"]["code"] == errors.TOO_LARGE


@pytest.mark.parametrize(("data", "code"), [
    (b"", errors.EMPTY),
    (b"   \n", errors.EMPTY),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10, errors.BINARY),
    (b"<html><head><title>Nothing here</title></head><body><img src=a.png></body></html>", errors.NO_CONTENT),
])
def test_bad_pages(tmp_path, data, code):
    f = tmp_path / "bad.html"
    f.write_bytes(data)
    rec = run_one(f)
    assert rec["status"] == "error" and rec["error"]["code"] == code
    assert rec["source"]["path"] == str(f)


def test_nul_bytes_and_invalid_utf8_in_html(tmp_path):
    f = tmp_path / "nul.html"
    f.write_bytes(page().encode().replace(b"about 340", b"about\x00 340").replace(b"Opponents", b"Opp\xff\xfeonents"))
    rec = run_one(f)
    assert rec["status"] == "ok"
    assert "tram network by 12 kilometres" in rec["text"]
    assert "\x00" not in rec["text"]


def test_extraction_timeout_is_an_error_record(monkeypatch):
    from newsdistill.read import html as html_module

    def slow(*args, **kwargs):
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(Exception):  # library code that catches everything must not swallow the timeout
                sum(range(1000))
        raise AssertionError("not interrupted")

    monkeypatch.setattr(html_module, "_trafilatura", slow)  # the page parse + metadata + main text
    doc = html_document(page().encode(), "slow", Source(path="slow.html"))
    started = time.perf_counter()
    with pytest.raises(BadRecord) as exc:
        ExtractHtml(timeout=0.3)(doc)
    assert exc.value.code == errors.TOO_SLOW
    assert time.perf_counter() - started < 5
    # through the pipeline it is an error record, and the next page works again
    monkeypatch.undo()
    ok = default_pipeline()(html_document(page().encode(), "ok", Source()))
    assert ok.status == "ok"


def test_time_limit_nesting_and_restore():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    # an inner limit longer than what is left of the outer: the outer fires
    with pytest.raises(BadRecord) as exc, time_limit(0.2, "outer"), time_limit(5, "inner"):
        while True:
            pass
    assert "outer" in exc.value.message
    with pytest.raises(BadRecord) as exc, time_limit(5, "outer"), time_limit(0.2, "inner"):
        while True:
            pass
    assert "inner" in exc.value.message
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    with time_limit(0.5):
        pass
    time.sleep(0.7)  # a finished block leaves no alarm behind (it would raise here)
    assert signal.getsignal(signal.SIGALRM) is before


def test_extract_html_accepts_str():
    fields = extract_html(page(), "https://x.example/a", timeout=10)
    assert fields.title == "Council backs tram expansion"
    assert BODY[0] in fields.text


def test_distill_html_api():
    import newsdistill

    doc = newsdistill.distill_html(page(), url="https://news.example.com/x")
    assert doc.status == "ok" and doc.input_kind == "html"
    assert doc.title == "Council backs tram expansion" and BODY[1][:40] in doc.text
    bad = newsdistill.distill_html(b"")
    assert bad.status == "error" and bad.error.code == errors.EMPTY


def test_main_text_in_place_equals_bare_extraction(shared_dir):
    """read.html._main_text skips bare_extraction's copy of the tree; same text on real pages."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    from newsdistill.read.html import TRAFILATURA_OPTIONS, _main_text

    pages = sorted((shared_dir / "data" / "wcxb-dev-articles" / "html").glob("*.html.gz"))
    if not pages:
        pytest.skip("WCXB dev articles not found under ../shared/data")
    compared = 0
    for path in pages[::5]:
        html = gzip.decompress(path.read_bytes())
        tree = load_html(html)
        if tree is None:
            continue
        found = bare_extraction(load_html(html), with_metadata=False, **TRAFILATURA_OPTIONS)
        assert _main_text(tree, None) == ((found.text if found is not None else None) or ""), path.name
        compared += 1
    assert compared > 100


@pytest.mark.parametrize("html", [
    page().encode(),
    b"\xef\xbb\xbf" + page().encode(),  # BOM: the slow path
    page().replace("<!DOCTYPE html>", '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
                   '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">').encode(),
    page().replace("Opponents", "Opp\x0bonents").encode(),  # a character XML cannot hold
    page().replace("Opponents", "Opp\u00e9\ufffeonents").encode(),
    page().encode("utf-16"),
    "<html><body><p>Caf\u00e9 cr\u00e8me</p></body></html>".encode("latin-1"),
    page().replace("<html lang=\"en\">", "<html lang=\"en\"/>").encode(),
    b"<p>no html tag at all</p>\n<p>second</p>",
])
def test_parse_gives_load_html_tree(html):
    from lxml.etree import tostring
    from trafilatura.utils import load_html

    from newsdistill.read.html import _parse

    theirs = load_html(html)
    ours = _parse(html, load_html)
    assert (tostring(ours) if ours is not None else None) == (tostring(theirs) if theirs is not None else None)


def test_parse_gives_load_html_tree_on_wcxb_pages(shared_dir):
    from lxml.etree import tostring
    from trafilatura.utils import load_html

    from newsdistill.read.html import _parse

    pages = sorted((shared_dir / "data" / "wcxb-dev-articles" / "html").glob("*.html.gz"))
    if not pages:
        pytest.skip("WCXB dev articles not found under ../shared/data")
    slow = []
    for path in pages[::5]:
        html = gzip.decompress(path.read_bytes())
        assert tostring(_parse(html, lambda d: slow.append(1) or load_html(d))) == tostring(load_html(html)), path.name
    assert len(slow) < len(pages[::5]) / 4  # most pages take the fast path
