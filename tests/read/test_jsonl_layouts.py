"""JSONL dumps as crawlers and scrapers write them (issue #16): the text, title, publication time,
authors and URL are found under the names common dumps use (news-please's ``maintext``,
``date_publish``, ``authors``; ``body``, ``content``, ``headline``, ``published_at``) with no
option; publication times become ISO 8601; an option given names the one field to read."""

from __future__ import annotations

import json

import pytest

from newsdistill.read.jsonl import published_value
from newsdistill.read.sources import ReadOptions, read_path
from support.herders_article import PARAS

TEXT = "\n\n".join(PARAS)


def _read(tmp_path, *objs, options: ReadOptions | None = None):
    f = tmp_path / "dump.jsonl"
    f.write_text("\n".join(json.dumps(o) for o in objs) + "\n", encoding="utf-8")
    return list(read_path(str(f), options or ReadOptions()))


@pytest.mark.parametrize("obj", [
    # news-please
    {"url": "https://n.test/1", "title": "Drought hits herders", "maintext": TEXT, "date_publish": "2024-02-11 09:30:00",
     "authors": ["Ben Hart", "Ana Ruiz"], "language": "en"},
    # a scraper's own names
    {"link": "https://n.test/1", "headline": "Drought hits herders", "body": TEXT, "published_at": "2024-02-11T09:30:00",
     "author": [{"name": "Ben Hart"}, {"name": "Ana Ruiz"}]},
    {"url": "https://n.test/1", "title": "Drought hits herders", "content": TEXT, "date": 1707643800,
     "byline": "Ben Hart; Ana Ruiz"},
])
def test_common_layouts_need_no_options(tmp_path, obj):
    [doc] = _read(tmp_path, obj)
    assert doc.status == "ok", doc.error
    assert doc.input_text == TEXT
    assert doc.title == "Drought hits herders"
    assert doc.source.url == "https://n.test/1"
    assert doc.byline == "Ben Hart; Ana Ruiz"
    assert doc.published in ("2024-02-11T09:30:00", "2024-02-11T09:30:00+00:00")


def test_an_option_given_names_the_one_field(tmp_path):
    obj = {"text": "not this one", "story": TEXT}
    [doc] = _read(tmp_path, obj, options=ReadOptions(text_field="story"))
    assert doc.input_text == TEXT
    [missing] = _read(tmp_path, {"body": TEXT}, options=ReadOptions(text_field="story"))
    assert missing.status == "error" and missing.error.code == "missing-text-field"


def test_a_missing_text_names_what_the_object_has(tmp_path):
    [doc] = _read(tmp_path, {"id": "x", "summary": "short", "keywords": ["a"]})
    assert doc.error.code == "missing-text-field"
    assert "summary, keywords" in doc.error.message and "--text-field" in doc.error.message


def test_a_field_of_the_wrong_kind_does_not_hide_a_later_name(tmp_path):
    [doc] = _read(tmp_path, {"content": {"html": "<p>x</p>"}, "title": "  ", "headline": "Drought hits herders",
                             "body": TEXT})
    assert doc.status == "ok" and doc.input_text == TEXT and doc.title == "Drought hits herders"


def test_an_empty_text_is_empty_input(tmp_path):
    [doc] = _read(tmp_path, {"maintext": "", "title": "x"})
    assert doc.error.code == "empty-input"


@pytest.mark.parametrize(("value", "iso"), [
    ("2024-02-11 09:30:00", "2024-02-11T09:30:00"),
    ("2024-02-11T09:30:00Z", "2024-02-11T09:30:00+00:00"),
    ("2024-02-11T09:30:00.123+05:30", "2024-02-11T09:30:00+05:30"),
    ("2024-02-11", "2024-02-11"),
    ("2024-02-11 00:00:00", "2024-02-11"),
    ("Feb 11, 2024", "2024-02-11"),
    ("Sun, 11 Feb 2024 09:30:00 GMT", "2024-02-11T09:30:00+00:00"),
    (1707643800, "2024-02-11T09:30:00+00:00"),
    (1707643800000, "2024-02-11T09:30:00+00:00"),
    ("Feb 2024", "2024-02"),  # no day is invented
    ("2024-02", "2024-02"),
    ("2024", "2024"),
    ("1707643800", "2024-02-11T09:30:00+00:00"),  # an epoch as a string
    (0, None),  # a placeholder, not 1970
    ("Monday", None),  # no year: never completed from today's date
    ("soon", None),
    (True, None),
])
def test_published_values_become_iso(value, iso):
    assert published_value(value) == iso


def test_an_unreadable_published_is_a_warning_not_a_value(tmp_path):
    [doc] = _read(tmp_path, {"text": TEXT, "published": "last Tuesday"})
    assert doc.published is None and "published-not-a-date" in doc.warnings
