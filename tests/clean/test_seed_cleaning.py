"""Golden test on the seed document (issue #2: exact caption, removed lines, body)."""

from __future__ import annotations

SEED_BODY_LINES = [3, 5, 7, 9, 11, 13, 17, 19, 21, 23, 25]  # 0-based input line numbers of the 11 body paragraphs


def test_seed_text_is_exactly_the_eleven_paragraphs(seed_doc, seed_text):
    lines = seed_text.split("\n")
    expected = "\n\n".join(lines[i].strip() for i in SEED_BODY_LINES)
    assert seed_doc.status == "ok"
    assert seed_doc.text == expected
    assert len(seed_doc.paragraphs) == 11
    assert seed_doc.text.startswith("Syria is on the verge ")
    assert seed_doc.text.endswith("slower than the expected.”")


def test_seed_removed_lines_with_reasons(seed_doc):
    got = [(r.text, r.reason) for r in seed_doc.removed]
    assert got == [
        ("1 2,172", "counter"),
        ("- Advertisement -", "ad-marker"),
        ("Subscribe to our newsletter", "newsletter"),
        ("Sign up here to get the latest news, updates and special offers delivered directly to your inbox.", "newsletter"),
        ("Get real time updates directly on you device, subscribe now.", "app-promo"),
    ]
    assert all(r.rule for r in seed_doc.removed)


def test_seed_caption(seed_doc, seed_text):
    assert len(seed_doc.captions) == 1
    cap = seed_doc.captions[0]
    assert cap.input_start == 0
    assert cap.input_end == seed_text.index("\n")
    assert cap.text.endswith("DISTRIBUTED AS A SERVICE TO CLIENTS ===")
    assert cap.credit == "AFP PHOTO / HO / SANA"
    assert cap.restrictions == [
        "RESTRICTED TO EDITORIAL USE",
        'MANDATORY CREDIT "AFP PHOTO / HO / SANA"',
        "NO MARKETING NO ADVERTISING CAMPAIGNS",
        "DISTRIBUTED AS A SERVICE TO CLIENTS",
    ]
    assert cap.date == "2015-10-11"
    assert cap.place == "Atshan village, Hama"


def test_seed_offsets_map_exactly(seed_doc, seed_text):
    for p in seed_doc.paragraphs:
        assert seed_text[p.input_start:p.input_end] == p.text
    for r in seed_doc.removed:
        assert seed_text[r.input_start:r.input_end] == r.text
    # any span inside the text maps back exactly (the seed needs no repair)
    start = seed_doc.text.index("Riyad Haddad")
    istart, iend = seed_doc.to_input(start, start + len("Riyad Haddad"))
    assert seed_text[istart:iend] == "Riyad Haddad"
    span = seed_doc.span(start, start + 5)
    assert (span.text, seed_text[span.input_start:span.input_end]) == ("Riyad", "Riyad")


def test_seed_every_line_accounted_once(seed_doc, seed_text):
    covered = sorted(
        [(p.input_start, p.input_end) for p in seed_doc.paragraphs]
        + [(r.input_start, r.input_end) for r in seed_doc.removed]
        + [(c.input_start, c.input_end) for c in seed_doc.captions]
        + [(m.input_start, m.input_end) for m in seed_doc.metadata_lines]
    )
    nonblank = [ln for ln in seed_text.split("\n") if ln.strip()]
    assert len(covered) == len(nonblank)
    assert all(a[1] <= b[0] for a, b in zip(covered, covered[1:]))


def test_seed_record_json(seed_doc):
    d = seed_doc.to_dict()
    assert d["format_version"] == "1.9"
    assert d["status"] == "ok" and "error" not in d
    assert d["language"] == "en"
    assert d["text"] == seed_doc.text
    assert d["captions"][0]["restrictions"][0] == "RESTRICTED TO EDITORIAL USE"
    assert {"start", "end", "text", "input_start", "input_end"} <= set(d["paragraphs"][0])


def test_every_record_field_is_documented(seed_doc):
    from pathlib import Path

    doc_text = (Path(__file__).resolve().parents[2] / "docs" / "record-format.md").read_text(encoding="utf-8")
    undocumented = [k for k in seed_doc.to_dict() if f"`{k}`" not in doc_text]
    assert not undocumented, f"fields missing from docs/record-format.md: {undocumented}"
