"""The viewer prints a figure as the article does (#16): "more than 20,000", never the store's
float ("20000.0"); the value only where the article spells it otherwise ("about €3 million":
3,000,000), with the currency of money."""

from __future__ import annotations

import re

from starlette.testclient import TestClient

import newsdistill
from newsdistill.corpus.store import index_records
from newsdistill.web.app import create_app

ARTICLE = """More than 20,000 members of the herders' union in Kenya have signed a petition, its leader said.

The county will spend about €3 million on water, and farmers paid 3,000 shillings for a bag of maize, the clerk said.

Rainfall was 6.5% below the average, and 1,200 wells have dried up, the ministry said."""


def test_figures_are_printed_as_the_article_prints_them(tmp_path):
    db = tmp_path / "corpus.sqlite"
    index_records([newsdistill.distill(ARTICLE, id="figs-1", attribution_model="fast").to_dict()], db)
    html = TestClient(create_app(db)).get("/doc?id=figs-1").text
    items = [re.sub(r"<[^>]+>", "", li) for li in re.findall(r"<li>(.*?)</li>", html, re.S)]
    figures = [i for i in items if re.search(r"\d", i)]
    assert not [i for i in figures if re.search(r"\d\.0\b", i)], figures  # no "20000.0"
    assert any(i.startswith("More than 20,000 ") and "count" in i and "members" in i for i in figures), figures
    assert any(i.startswith("about €3 million ") and "3,000,000" in i and "EUR" in i for i in figures), figures
    assert any(i.startswith("3,000 ") and "money" in i and "KES" in i for i in figures), figures
    assert any(i.startswith("6.5% ") and "6.5 " not in i.split(" ", 1)[1] for i in figures), figures
