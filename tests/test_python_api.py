"""The Python API (#16): what ``distill`` returns is typed, and a wrong input type is a clear TypeError.

``doc.attributions``, ``doc.title_attributions``, ``doc.entities``, ``doc.figures`` and
``doc.dates`` are the typed objects of :mod:`newsdistill.record`, the same ones ``to_dict`` writes;
``metadata_lines`` is the record's name, ``metadata_spans`` a deprecated alias."""

from __future__ import annotations

import warnings

import pytest

import newsdistill
from newsdistill.record import Attribution, DateMention, Document, Entity, Figure, MetadataLine, Speaker

ARTICLE = """Mayor Maria Delgado said on Tuesday that the city would hire 120 new bus drivers by March 2025.

"We cannot run a transit system without drivers," Delgado told reporters at City Hall.

The Transit Workers Guild, which represents more than 3,000 workers, welcomed the plan in a statement."""


@pytest.fixture(scope="module")
def doc() -> Document:
    return newsdistill.distill(ARTICLE, published="2024-11-05", attribution_model="fast")


def test_found_things_are_typed_attributes(doc):
    assert doc.status == "ok"
    assert doc.attributions and all(isinstance(a, Attribution) for a in doc.attributions)
    assert all(isinstance(a.speaker, Speaker) for a in doc.attributions if a.speaker is not None)
    assert doc.entities and all(isinstance(e, Entity) for e in doc.entities)
    assert doc.figures and all(isinstance(f, Figure) for f in doc.figures)
    assert doc.dates and all(isinstance(d, DateMention) for d in doc.dates)
    assert isinstance(doc.title_attributions, list)
    names = {e.name for e in doc.entities}
    assert "Maria Delgado" in names
    assert any(a.speaker is not None and a.speaker.name == "Maria Delgado" for a in doc.attributions)
    assert any(f.value == 120 for f in doc.figures)


def test_typed_attributes_are_what_to_dict_writes(doc):
    record = doc.to_dict()
    for key in ("attributions", "title_attributions", "entities", "figures", "dates"):
        assert record[key] == [x.to_dict() for x in getattr(doc, key)], key


def test_attributes_are_empty_lists_when_no_step_ran():
    failed = newsdistill.distill("   \n ")
    assert failed.status == "error"
    for key in ("attributions", "title_attributions", "entities", "figures", "dates"):
        assert getattr(failed, key) == [], key
    bare = Document(id="x")
    bare.entities = [Entity(id="E1", name="Oslo", label="GPE")]
    assert bare.extra["entities"][0].name == "Oslo" and bare.to_dict()["entities"][0]["name"] == "Oslo"


def test_metadata_lines_and_the_deprecated_alias():
    doc = newsdistill.distill("Port strike enters second day\nBy Lena Ortiz\n\nDock workers walked off the job on Monday, "
                              "the harbour authority said in a statement on its website.", attribution_model="fast")
    assert doc.metadata_lines and all(isinstance(m, MetadataLine) for m in doc.metadata_lines)
    assert doc.to_dict()["metadata_lines"] == [m.to_dict() for m in doc.metadata_lines]
    with pytest.warns(DeprecationWarning, match="metadata_lines"):
        assert doc.metadata_spans is doc.metadata_lines
    with pytest.warns(DeprecationWarning):
        doc.metadata_spans = []
    assert doc.metadata_lines == []
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert doc.metadata_lines == []  # the new name does not warn


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["text"], {"text": "x"}, b"bytes", bytearray(b"x")])
def test_distill_takes_only_str(bad):
    with pytest.raises(TypeError, match=r"distill\(\): text must be str, not " + type(bad).__name__) as info:
        newsdistill.distill(bad)
    if isinstance(bad, (bytes, bytearray)):
        assert "distill_html" in str(info.value)


@pytest.mark.parametrize("bad", [None, 42, ["<p>x</p>"], object()])
def test_distill_html_takes_bytes_or_str(bad):
    with pytest.raises(TypeError, match=r"distill_html\(\): html must be bytes or bytearray or str"):
        newsdistill.distill_html(bad)


@pytest.mark.parametrize("option", ["url", "published", "id"])
def test_options_of_the_wrong_type(option):
    with pytest.raises(TypeError, match=rf"distill\(\): {option} must be str or None, not int"):
        newsdistill.distill("Some text.", **{option: 7})
    if option != "published":
        with pytest.raises(TypeError, match=rf"distill_html\(\): {option} must be str or None"):
            newsdistill.distill_html(b"<p>x</p>", **{option: 7})
    with pytest.raises(TypeError, match="attribution_model must be str"):
        newsdistill.distill("Some text.", attribution_model=None)


def test_bytearray_page_is_read():
    page = bytearray(b"<html><body><article><p>Dock workers walked off the job on Monday, halting the port, "
                     b"the harbour authority said in a statement.</p></article></body></html>")
    doc = newsdistill.distill_html(page, attribution_model="fast")
    assert doc.status in ("ok", "error")  # one record either way, never an exception
