"""Headline attributions (``title_attributions``) and entity mentions in the viewer: marked and
linked in the page heading as the body's are in the article (render unit tests, exact markup),
and over HTTP."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape
from starlette.testclient import TestClient

from newsdistill.corpus.store import index_records
from newsdistill.web import render
from newsdistill.web.app import create_app
from support import store_fixture as fx


def _att(aid: str, line: int, source: tuple | None, cue: tuple | None, content: tuple, **extra) -> dict:
    """A store row of a headline attribution (body offsets null, line offsets set)."""
    row = {"aid": aid, "kind": "mixed", "speaker_key": "lindsey graham", "speaker_name": "Lindsey Graham", "speaker_role": "Sen.",
           "source_text": "Graham", "cue_text": ":", "metadata_line": line,
           "source_start": None, "source_end": None, "cue_start": None, "cue_end": None, "content_start": None, "content_end": None}
    for part, where in (("source", source), ("cue", cue), ("content", content)):
        row[f"line_{part}_start"], row[f"line_{part}_end"] = where or (None, None)
    row.update(extra)
    return row


def _doc(title: str | None, line: str, attributions: list[dict]) -> dict:
    return {"id": "d1", "title": title, "text": "", "paragraphs": [], "attributions": attributions,
            "removed": [{"kind": "removed", "idx": 0, "text": "Advertisement", "reason": "ad-marker", "rule": "ad.marker", "input_start": 90},
                        {"kind": "metadata", "idx": 0, "text": line, "reason": "title", "rule": "meta.title-first-line", "input_start": 0}]}


def test_heading_marks_source_cue_and_content_escaped():
    line = " Graham: Trump & <GOP> "  # offsets into the line as stored, leading blank included
    doc = _doc("Graham: Trump & <GOP>", line, [_att("T1", 0, (1, 7), (7, 8), (9, 22))])
    html, shown = render.heading(doc)
    assert shown == 0
    assert str(html) == ('<span class="src">Graham</span><span class="cue">:</span> '
                         '<span class="q sp0" data-aid="T1" title="Lindsey Graham, Sen. (mixed; cue: :)">Trump &amp; &lt;GOP&gt;</span>')


def test_overlapping_headline_spans_nest_properly():
    line = "GOP is doomed, Graham says"
    # T1's content runs over its own source; T2's content overlaps T1's (the shorter one is inner)
    t1 = _att("T1", 0, (15, 21), (22, 26), (0, 21), cue_text="says")
    t2 = _att("T2", 0, None, None, (7, 13), speaker_key="x", speaker_name=None, speaker_role=None, source_text=None, cue_text=None, kind="direct")
    html, _ = render.heading(_doc(line, line, [t1, t2]))
    q1 = '<span class="q sp0" data-aid="T1" title="Lindsey Graham, Sen. (mixed; cue: says)">'
    q2 = '<span class="q sp1" data-aid="T2" title="unknown source (direct; cue: -)">'
    assert str(html) == (f'{q1}GOP is </span>{q2}doomed</span>{q1}, </span>{q1}<span class="src">Graham</span></span>'
                         ' <span class="cue">says</span>')
    # well-formed: every span closes in order
    depth = 0
    for tag in re.findall(r"</?span", str(html)):
        depth += -1 if tag.startswith("</") else 1
        assert depth >= 0
    assert depth == 0


def test_heading_falls_back_to_plain_title_and_the_input_line():
    line = "Graham: Trump hurts GOP"
    doc = _doc("<i>A different headline</i>", line, [_att("T1", 0, (0, 6), (6, 7), (8, 23))])
    html, shown = render.heading(doc)
    assert shown is None and str(html) == "&lt;i&gt;A different headline&lt;/i&gt;"
    lines = render.headline_lines(doc)
    meta = [it for it in render.input_view(doc, lines) if it["kind"] == "metadata"]
    assert 'data-aid="T1"' in str(meta[0]["html"]) and meta[0]["text"] == line
    # no title at all: the marked line is the heading; rows without line offsets (older stores) mark nothing
    assert render.heading(_doc(None, line, [_att("T1", 0, (0, 6), (6, 7), (8, 23))]))[1] == 0
    old = {k: v for k, v in _att("T1", 0, (0, 6), (6, 7), (8, 23)).items() if not k.startswith(("line_", "metadata_line"))}
    assert render.heading(_doc("Graham: Trump hurts GOP", line, [old])) == (escape("Graham: Trump hurts GOP"), None)


def _mention(eid: str, line: int | None, where: tuple | None, start: tuple | None = None) -> dict:
    """A store row of a mention: a headline one (``line`` + offsets into it) or a body one (``start``)."""
    (s, e), (ls, le) = start or (None, None), where or (None, None)
    return {"eid": eid, "start": s, "end": e, "metadata_line": line, "line_start": ls, "line_end": le}


def test_heading_links_an_entity_inside_a_headline_quote():
    line = "Graham: Trump & <GOP> "
    doc = _doc("Graham: Trump & <GOP>", line, [_att("T1", 0, (0, 6), (6, 7), (8, 21))])
    doc["entities"] = [{"eid": "E1", "name": "Donald <Trump>", "label": "PERSON"}, {"eid": "E2", "name": "Lindsey Graham", "label": None}]
    doc["mentions"] = [_mention("E1", 0, (8, 13)), _mention("E2", None, None, (0, 6)),  # E2: a body mention, not in the title
                       _mention("E3", 0, (16, 21))]  # an entity the page does not know: not linked
    html, shown = render.heading(doc)
    q = '<span class="q sp0" data-aid="T1" title="Lindsey Graham, Sen. (mixed; cue: :)">'
    assert shown == 0
    assert str(html) == ('<span class="src">Graham</span><span class="cue">:</span> '
                         f'{q}<a class="ent" href="/entity?name=Donald+%3CTrump%3E" title="Donald &lt;Trump&gt; (PERSON)">Trump</a></span>'
                         f'{q} &amp; &lt;GOP&gt;</span>')
    # a title with mentions and no attributions is linked too; an entity over a quote's edge stays nested (split at the edge)
    doc.update(attributions=[], mentions=[_mention("E2", 0, (0, 6))])
    assert str(render.heading(doc)[0]) == \
        '<a class="ent" href="/entity?name=Lindsey+Graham" title="Lindsey Graham (?)">Graham</a>: Trump &amp; &lt;GOP&gt;'
    doc.update(attributions=[_att("T1", 0, None, None, (3, 13))], mentions=[_mention("E2", 0, (0, 6))])
    assert str(render.heading(doc)[0]) == ('<a class="ent" href="/entity?name=Lindsey+Graham" title="Lindsey Graham (?)">Gra</a>'
                                           f'{q}<a class="ent" href="/entity?name=Lindsey+Graham" title="Lindsey Graham (?)">ham</a></span>'
                                           f'{q}: Trump</span> &amp; &lt;GOP&gt;')


def test_body_rendering_ignores_headline_rows():
    doc = _doc("t", "t", [_att("T1", 0, (0, 1), None, (0, 1))])
    doc.update(text="Body text.", paragraphs=[{"start": 0, "end": 10}])
    assert [str(p) for p in render.article(doc)] == ["Body text."]


@pytest.fixture(scope="module")
def headline_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("headline") / "corpus.sqlite"
    index_records([*fx.records(), fx.headline_record()], db)
    return db


def test_document_page_marks_the_headline(headline_db):
    html = TestClient(create_app(headline_db)).get("/doc?id=politico-1").text
    h1 = re.search(r'<h1 id="doc-title">(.*?)</h1>', html, re.S).group(1)
    q1 = '<span class="q sp0" data-aid="T1" title="Lindsey Graham, Sen. (mixed; cue: :)">'
    assert h1 == ('<span class="src"><a class="ent" href="/entity?name=Lindsey+Graham" title="Lindsey Graham (PERSON)">Graham</a></span>'
                  f'<span class="cue">:</span> {q1}<a class="ent" href="/entity?name=Donald+Trump" title="Donald Trump (PERSON)">Trump</a></span>'
                  f'{q1}&#39;s &#39;Incredibly Hateful Rhetoric&#39; Hurts GOP</span>')
    assert '<tr class="attribution" data-aid="T1">' in html  # the row the hover links to
    row = re.search(r'<tr class="attribution" data-aid="T1">(.*?)</tr>', html, re.S).group(1)
    assert '<span class="badge">headline</span>' in row  # the table says where the row is from
    body_row = re.search(r'<tr class="attribution" data-aid="A1">(.*?)</tr>', html, re.S).group(1)
    assert "headline" not in body_row
    # same speaker, same colour in the body; the page <title> stays plain text
    assert re.search(r'<span class="q sp0" data-aid="A1"', html)
    assert "<title>Graham: Trump&#39;s &#39;Incredibly Hateful Rhetoric&#39; Hurts GOP" in html
    # shown in the heading, so the input's metadata line stays plain
    assert re.search(r'<p class="line metadata">.*?</span> Graham: Trump&#39;s', html, re.S)
    # the title's entity links open the entity's page, which lists this document
    assert 'href="/doc?id=politico-1"' in TestClient(create_app(headline_db)).get("/entity?name=Donald+Trump").text

