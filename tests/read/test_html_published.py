"""The publication time of an HTML page (issue #16): htmldate's day, with the clock time and
offset of the page's own timestamp for that day (meta tags, JSON-LD, ``<time>``), or of the
visible dateline; never a timestamp of another day."""

from __future__ import annotations

import pytest

from newsdistill import distill_html
from newsdistill.read.html_published import iso_timestamp
from support.herders_article import page


def _published(head: str = "", article_extra: str = "") -> tuple[str | None, str | None]:
    doc = distill_html(page(article_extra, head=head), steps="clean")
    assert doc.status == "ok", doc.error
    return doc.published, doc.published_tz


@pytest.mark.parametrize(("value", "iso"), [
    ("2024-06-12T18:45:00Z", "2024-06-12T18:45:00+00:00"),
    ("2024-06-12T18:45:00.000+02:00", "2024-06-12T18:45:00+02:00"),
    ("2024-06-12T18:45:12.123456-0500", "2024-06-12T18:45:12-05:00"),
    ("2024-06-12 18:45", "2024-06-12T18:45:00"),
    ("2024-06-12T00:00:00Z", "2024-06-12T00:00:00+00:00"),  # midnight with a zone is a time
    ("2024-06-12T00:00:00", None),  # a CMS's "no time"
    ("2024-06-12", None),
    ("June 12, 2024", None),
    ("2024-13-40T10:00:00", None),
])
def test_iso_timestamp(value, iso):
    assert iso_timestamp(value) == iso


@pytest.mark.parametrize(("head", "extra", "published"), [
    # each machine-readable source, with the forms sites write
    ('<meta property="article:published_time" content="2024-06-12T18:45:00Z">', "", "2024-06-12T18:45:00+00:00"),
    ('<meta name="parsely-pub-date" content="2024-06-12T08:05:00-04:00">', "", "2024-06-12T08:05:00-04:00"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},'
     ' {"@type": "NewsArticle", "headline": "x", "datePublished": "2024-06-12T13:45:00-05:00"}]}</script>', "",
     "2024-06-12T13:45:00-05:00"),
    ('<script type="application/ld+json">[{"@type": "NewsArticle", "datePublished": "2024-06-12T09:30:00+05:30",'
     ' "dateModified": "2024-06-14T10:00:00+05:30"}]</script>', "", "2024-06-12T09:30:00+05:30"),
    ("", '<p><time datetime="2024-06-12T18:45:00.000+0200" itemprop="datePublished">12 June 2024</time></p>',
     "2024-06-12T18:45:00+02:00"),
])
def test_page_timestamps_give_the_time_and_offset(head, extra, published):
    assert _published(head, extra) == (published, None)


def test_a_timestamp_of_another_day_never_replaces_the_day():
    # published on the 12th with the day alone; modified on the 14th with a time: the day stands
    head = ('<meta property="article:published_time" content="2024-06-12">'
            '<meta property="article:modified_time" content="2024-06-14T10:00:00Z">')
    extra = '<p><time datetime="2024-06-14T10:00:00Z">Updated June 14</time></p>'
    assert _published(head, extra) == ("2024-06-12", None)


def test_broken_json_ld_leaves_the_other_sources():
    head = ('<script type="application/ld+json">{"datePublished": "2024-06-12T18:45:00Z",</script>'
            '<meta property="article:published_time" content="2024-06-12T20:15:00+01:00">')
    assert _published(head) == ("2024-06-12T20:15:00+01:00", None)


@pytest.mark.parametrize(("dateline", "published"), [
    ("Published 6:45 p.m. EDT June 12, 2024", ("2024-06-12T18:45:00-04:00", None)),
    ("June 12, 2024 at 9:10 a.m. CST", ("2024-06-12T09:10:00", "CST")),  # ambiguous: kept as written
    ("Updated 14:30 GMT, Wed 12 June 2024", ("2024-06-12T14:30:00+00:00", None)),
    ("Updated 14:30 BST, Wed 12 June 2024", ("2024-06-12T14:30:00", "BST")),  # British or Bangladesh
])
def test_a_visible_dateline_of_the_same_day_adds_its_time(dateline, published):
    head = '<meta property="article:published_time" content="2024-06-12">'
    assert _published(head, f"<p>{dateline}</p>") == published


def test_a_visible_dateline_of_another_day_leaves_the_metadata_day():
    head = '<meta property="article:published_time" content="2024-06-12">'
    assert _published(head, "<p>Published 6:45 p.m. EDT June 13, 2024</p>") == ("2024-06-12", None)
