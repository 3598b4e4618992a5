"""Hypothesis properties of the cleaner: no exception, spans inside text, offsets map back."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsdistill
from newsdistill.clean.normalize import collapse_text, repair

LINES = st.sampled_from([
    "The minister said the talks would resume on Monday after a short break in the negotiations.",
    "“We will not give up,” she told reporters outside the court in the capital city.",
    "- Advertisement -", "1 2,172", "Share this article", "Subscribe to our newsletter",
    "Home > News", "Read more: Another headline here", "© 2024 Example Media. All rights reserved.",
    "A man walks past a poster in Kabul, Afghanistan, on May 3, 2021. (AP Photo/Jane Doe)",
    "By Jane Doe", "Published: March 3, 2024", "Tags: politics, europe", "", "   ", "\t",
    "Officials  said\tthe   bridge was closed, and\n", "donâ€™t panic, the mayor said in a statement on the radio today.",
    "Résumé of the café’s naïve coöperation — see “quotes” and «guillemets» in this long sentence here.",
])
DOCS = st.one_of(
    st.lists(LINES, max_size=25).map("\n".join),
    st.text(max_size=400),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS)
def test_no_exception_and_spans_inside_text(text):
    doc = newsdistill.distill(text, attribution_model="fast")
    if not text.strip():
        assert doc.status == "error" and doc.error.code == "empty-input"
        return
    assert doc.status == "ok", doc.error
    assert doc.text is not None
    for p in doc.paragraphs:
        assert 0 <= p.start <= p.end <= len(doc.text)
        assert doc.text[p.start:p.end] == p.text
        assert 0 <= p.input_start <= p.input_end <= len(text)
    for r in doc.removed + doc.metadata_lines:
        assert text[r.input_start:r.input_end] == r.text
    for c in doc.captions:
        assert text[c.input_start:c.input_end] == c.text


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCS)
def testparagraph_offsets_map_back_to_the_input(text):
    doc = newsdistill.distill(text, attribution_model="fast")
    if doc.status != "ok":
        return
    for p in doc.paragraphs:
        source = text[p.input_start:p.input_end]
        # the paragraph is exactly its input stretch, repaired and with whitespace collapsed
        assert collapse_text(repair(source)).strip() == p.text or collapse_text(
            " ".join(repair(line) for line in source.split("\n"))).strip() == p.text


@settings(max_examples=150, deadline=None)
@given(DOCS, st.data())
def test_any_substring_maps_inside_its_paragraph(text, data):
    doc = newsdistill.distill(text, attribution_model="fast")
    if doc.status != "ok" or not doc.text:
        return
    start = data.draw(st.integers(0, len(doc.text)))
    end = data.draw(st.integers(start, len(doc.text)))
    istart, iend = doc.to_input(start, end)
    assert 0 <= istart <= iend <= len(text)
    if doc.text[start:end] and doc.text[start:end].isascii() and "\n" not in doc.text[start:end]:
        # ASCII needs no repair: the input stretch, whitespace collapsed and invisibles dropped, is the span
        assert collapse_text(text[istart:iend]).strip() == doc.text[start:end].strip()


@settings(max_examples=100, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=25).map("\n".join))
def test_every_nonblank_line_is_accounted_for_once(text):
    doc = newsdistill.distill(text, attribution_model="fast")
    if doc.status != "ok":
        return
    pieces = ([(p.input_start, p.input_end) for p in doc.paragraphs] + [(r.input_start, r.input_end) for r in doc.removed]
              + [(c.input_start, c.input_end) for c in doc.captions] + [(m.input_start, m.input_end) for m in doc.metadata_lines])
    covered = bytearray(len(text))
    for s, e in pieces:
        for i in range(s, e):
            assert not covered[i], "two decisions cover one character"
            covered[i] = 1
    for i, ch in enumerate(text):
        if not covered[i]:
            assert ch.isspace() or ch in "\ufeff\u200b\x00", f"input char {ch!r} at {i} is in no span"


def test_a_control_character_ftfy_drops_keeps_neighbours_mapped():
    """Found by hypothesis: ftfy drops the vertical tab of "0\\v\\x80", so the token structure
    changes; the "0" must still map to the "0" alone, not to the whole line."""
    doc = newsdistill.distill("0\x0b\x80", attribution_model="fast")
    assert doc.text == "0€"
    assert doc.to_input(0, 1) == (0, 1)
    assert doc.to_input(1, 2) in {(1, 3), (2, 3)}  # the € with or without the dropped \v
    doc = newsdistill.distill("0\x0b00\x800", attribution_model="fast")
    assert doc.text == "000€0"
    assert [doc.to_input(i, i + 1) for i in range(5)] == [(0, 1), (2, 3), (3, 4), (4, 5), (5, 6)]


def test_separator_controls_vanish_with_or_without_repair():
    """U+001C-U+001F vanish as ftfy drops them, whether or not ftfy runs on the line (found by
    hypothesis: "0\\x8000\\x1f0" dropped it, "00\\x1f0" made it a space)."""
    for text in ("0\x8000\x1f0", "00\x1f0"):
        doc = newsdistill.distill(text, attribution_model="fast")
        assert "\x1f" not in doc.text and " " not in doc.text
        for start in range(len(doc.text)):
            for end in range(start, len(doc.text) + 1):
                istart, iend = doc.to_input(start, end)
                if doc.text[start:end].isascii():
                    assert collapse_text(text[istart:iend]).strip() == doc.text[start:end].strip()
