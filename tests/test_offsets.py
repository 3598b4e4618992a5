"""Offset map and normalisation units."""

from __future__ import annotations

import pytest

import newsdistill
from newsdistill.clean.normalize import collapse, content_bounds, normalise
from newsdistill.offsets import OffsetMap, OffsetMapBuilder, Segment


def _build(pieces):
    b = OffsetMapBuilder()
    for p in pieces:
        b.add(*p)
    return b.build()


def test_identity_map():
    m = OffsetMap.identity(10)
    assert m.span(2, 7) == (2, 7)
    assert m.span(0, 10) == (0, 10)


def test_verbatim_pieces_merge_and_map_exactly():
    text, m = _build([("abc", 10, 3), ("def", 13, 3)])
    assert text == "abcdef"
    assert m.segments == [Segment(0, 6, 10, 6)]
    assert m.span(1, 5) == (11, 15)


def test_collapsed_whitespace_maps_to_its_ends():
    pieces = collapse("a \t  b", 100)
    text, m = _build(pieces)
    assert text == "a b"
    assert m.span(0, 1) == (100, 101)
    assert m.span(2, 3) == (105, 106)
    assert m.span(0, 3) == (100, 106)
    assert m.span(1, 2) == (101, 105)  # the space stands for the whole run


def test_invisible_characters_vanish():
    text, m = _build(collapse("ab\x00c\u200bd", 0))
    assert text == "abcd"
    assert m.span(2, 3) == (3, 4)
    assert m.span(3, 4) == (5, 6)


def test_ftfy_repair_maps_to_the_repaired_stretch():
    raw = "donâ€™t stop"
    pieces = normalise(raw, 50)
    text, m = _build(pieces)
    assert text == "don’t stop"
    s, e = m.span(text.index("stop"), len(text))
    assert raw[s - 50:e - 50] == "stop"
    s, e = m.span(0, 5)
    assert raw[s - 50:e - 50] == "donâ€™t"


def test_content_bounds():
    assert content_bounds("  \ufeff hello \r") == (4, 9)
    assert content_bounds("   ") == (3, 3) or content_bounds("   ")[0] >= content_bounds("   ")[1]


def test_document_to_input_requires_map():
    doc = newsdistill.Document(id="x", text="abc")
    with pytest.raises(ValueError):
        doc.to_input(0, 1)


def test_hard_wrapped_paragraph_is_joined_and_maps_back():
    text = ("The committee met on Tuesday to discuss the budget for the coming year and\n"
            "agreed to postpone the vote until the auditors have finished their report.\n\n"
            "Members said the delay would not affect the schools programme in any way at all.")
    doc = newsdistill.distill(text, attribution_model="fast")
    assert len(doc.paragraphs) == 2
    p = doc.paragraphs[0]
    assert "year and agreed" in p.text
    assert text[p.input_start:p.input_end].replace("\n", " ") == p.text


def test_messy_whitespace_and_crlf():
    text = "Officials   said\tthe  bridge would reopen on Friday after two years of repairs costing millions.\r\n\r\n" \
           "Residents welcomed the news, saying the detour had added half an hour to every trip into town.\r\n"
    doc = newsdistill.distill(text, attribution_model="fast")
    assert doc.paragraphs[0].text.startswith("Officials said the bridge would reopen")
    for p in doc.paragraphs:
        assert " ".join(text[p.input_start:p.input_end].split()) == p.text
