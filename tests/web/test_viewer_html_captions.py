"""The viewer shows an HTML record's photo captions and their credits as it shows a text record's
(issue #14): in the input column as captions with their credit, restriction and date badges,
never in the distilled article."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from newsdistill.corpus.store import index_records
from newsdistill.pipeline import Pipeline, cleaning_steps
from newsdistill.read.html import html_document
from newsdistill.record import Document, Source
from newsdistill.web.app import create_app
from support.herders_article import CAPTION
from support.herders_article import PARAS as ARTICLE

PARAS = ARTICLE[:3]
CREDIT = "AFP PHOTO / WAKIL KOHSAR / RESTRICTED TO EDITORIAL USE"


def _html_record() -> dict:
    body = "".join(f"<p>{p}</p>" for p in PARAS)
    page = (f"<!DOCTYPE html><html><head><title>Drought hits herders</title></head><body><main><article>"
            f"<h1>Drought hits herders</h1><figure><img src='a.jpg'><figcaption>{CAPTION} "
            f"<span class='credit'>{CREDIT}</span></figcaption></figure>{body}</article></main></body></html>").encode()
    doc = Pipeline(cleaning_steps())(html_document(page, "html-1", Source(path="page.html")))
    assert doc.status == "ok" and doc.captions, doc.error
    return doc.to_dict()


def _text_record() -> dict:
    text = "Drought hits herders\n\n" + f"{CAPTION} {CREDIT}\n\n" + "\n\n".join(PARAS)
    doc = Pipeline(cleaning_steps())(Document(id="text-1", source=Source(path="story.txt"), input_kind="text",
                                              input_text=text))
    assert doc.status == "ok", doc.error
    return doc.to_dict()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    records = [_html_record(), _text_record()]
    db = tmp_path_factory.mktemp("web-html") / "corpus.sqlite"
    index_records(records, db)
    client = TestClient(create_app(db))
    return records, {r["id"]: client.get("/doc", params={"id": r["id"]}) for r in records}


def _section(html: str, sid: str) -> str:
    m = re.search(rf'<section class="[^"]*" id="{sid}">(.*?)</section>', html, re.S)
    assert m, sid
    return m.group(1)


def _caption_blocks(html: str) -> list[str]:
    return re.findall(r'<figure class="line caption">(.*?)</figure>', _section(html, "input"), re.S)


def test_html_record_captions_and_credit_are_shown(pages):
    records, got = pages
    r = got["html-1"]
    assert r.status_code == 200
    cap = records[0]["captions"][0]
    blocks = _caption_blocks(r.text)
    assert len(blocks) == 1
    block = blocks[0]
    assert CAPTION in block
    assert f'<span class="badge credit">credit: {cap["credit"]}</span>' in block
    for restriction in cap["restrictions"]:
        assert f'<span class="badge restriction">{restriction}</span>' in block
    assert '<span class="badge">2024-04-15</span>' in block
    assert 'title="rule caption.html-figure"' in block
    assert "goats" not in _section(r.text, "article")


def test_html_and_text_records_show_a_caption_the_same_way(pages):
    records, got = pages
    html_caption, text_caption = records[0]["captions"][0], records[1]["captions"][0]
    assert (html_caption["credit"], html_caption["restrictions"]) == (text_caption["credit"], text_caption["restrictions"])

    def shape(block: str) -> list[str]:  # the badges shown, rule names aside
        return re.findall(r'<span class="badge ?([a-z-]*)"[^>]*>', block)

    html_block, text_block = _caption_blocks(got["html-1"].text)[0], _caption_blocks(got["text-1"].text)[0]
    assert shape(html_block) == shape(text_block)
    assert "goats" not in _section(got["text-1"].text, "article")
