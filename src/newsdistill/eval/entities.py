"""Entity recall on PolNeAR named sources, and the time of the entities, figures and dates steps.

:func:`evaluate` runs the default pipeline on the raw ``.txt`` of PolNeAR articles (one ``.ann``
per article: :func:`one_ann_per_article`) and counts the annotated attribution **sources** that
are named people or organisations (:func:`is_named`) which newsdistill recognises as an entity
mention with the same input span (``input_start/input_end`` over the raw text), the same once the
source is trimmed of a leading "the", title or honorific, a trailing possessive and an "of
<place/organisation>" after a person's name (:func:`trimmed`), and leniently (some mention ends
where the source ends); it also times every pipeline step.  ``bench/entities_eval.py`` prints it;
``tests/test_entities_floor.py`` pins a floor on a subset.
"""

from __future__ import annotations

import time
from pathlib import Path

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
NAME_GLUE = {"the", "The", "'s", "’s", ".", "-", "&", "of"}


def one_ann_per_article(split_dir: Path) -> list[tuple[Path, Path]]:
    """(text, ann) pairs; where two annotators exist, the first .ann by name."""
    pairs = []
    anns = sorted((split_dir / "attributions").glob("*.ann"))
    for txt in sorted((split_dir / "text").glob("*.txt")):
        mine = [a for a in anns if a.name.rsplit("_", 1)[0] == txt.stem]
        if mine:
            pairs.append((txt, mine[0]))
    return pairs


def sources(ann: Path) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` of the continuous ``Source`` spans of a brat ``.ann`` file."""
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or not parts[0].startswith("T"):
            continue
        kind, _, offsets = parts[1].partition(" ")
        if kind != "Source" or ";" in offsets:  # discontinuous sources: not a single name span
            continue
        start, end = (int(x) for x in offsets.split())
        out.append((start, end, parts[2]))
    return out


def is_named(span, bare_ents: set[tuple[int, int]]) -> bool:
    """Whether a source span is a name: a bare spaCy PERSON/ORG/GPE/NORP entity with exactly its
    offsets, or every token a proper noun apart from :data:`NAME_GLUE`."""
    if (span.start_char, span.end_char) in bare_ents:
        return True
    toks = [t for t in span if t.text not in NAME_GLUE]
    return bool(toks) and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in toks)


def trimmed(span) -> tuple[int, int]:
    """The source span without a leading "the", title or honorific ("Attorney General", "Mr.", "Democrat")
    and without a trailing possessive: the name newsdistill is meant to mark as a mention."""
    from newsdistill.extract import entity_data as data
    from newsdistill.extract.roles import is_title

    toks = list(span)
    while toks and toks[-1].text in ("'s", "’s", "'", "’"):
        toks.pop()

    def strippable(i: int) -> bool:
        t = toks[i]
        if t.lower_ in ("the", "a", "an") or t.lower_ in data.HONORIFICS or is_title(t) or t.lower_ in data.TITLE_MODIFIERS:
            return True
        return t.ent_type_ in ("NORP", "ORG", "GPE") and any(is_title(x) for x in toks[i + 1:])

    while len(toks) > 1 and strippable(0):
        toks.pop(0)
    # "Gov. Earl Ray Tomblin of West Virginia", "Mr. Morgan of the Sierra Club": the name before "of"
    of = [i for i, t in enumerate(toks) if t.lower_ == "of" and i > 0 and toks[i - 1].ent_type_ == "PERSON"]
    if of:
        toks = toks[:of[0]]
    if not toks:
        return span.start_char, span.end_char
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def evaluate(pairs, nlp_bare, limit: int | None = None):
    """Run the default pipeline on the first ``limit`` ``(text, ann)`` pairs, timing each step:
    ``(named sources, same-span hits, lenient hits, trimmed-span hits, seconds per step, missed
    source texts)``; ``nlp_bare`` is the bare spaCy model that judges which sources are names."""
    from newsdistill.pipeline import default_pipeline
    from newsdistill.record import Document, Source

    pipeline = default_pipeline()
    times = {s.name: 0.0 for s in pipeline.steps}
    named = hit = lenient = trim_hit = 0
    misses: list[str] = []
    for txt, ann in pairs[:limit]:
        raw = txt.read_text(encoding="utf-8")
        doc = Document(id=txt.stem, input_text=raw, source=Source(path=str(txt)))
        for step in pipeline.steps:
            t = time.perf_counter()
            doc = step(doc)
            times[step.name] += time.perf_counter() - t
            if doc.status != "ok":
                break
        mentions = set()
        ends = set()
        for e in doc.to_dict().get("entities", []):
            for m in e["mentions"]:
                if m.get("input_start") is not None and "caption" not in m:
                    mentions.add((m["input_start"], m["input_end"]))
                    ends.add(m["input_end"])
        bare = nlp_bare(raw)
        bare_ents = {(e.start_char, e.end_char) for e in bare.ents if e.label_ in NAME_LABELS}
        for start, end, text in sources(ann):
            span = bare.char_span(start, end, alignment_mode="expand")
            if span is None or not is_named(span, bare_ents):
                continue
            named += 1
            if (start, end) in mentions:
                hit += 1
            else:
                misses.append(text)
            if end in ends:
                lenient += 1
            if trimmed(span) in mentions or (start, end) in mentions:
                trim_hit += 1
    return named, hit, lenient, trim_hit, times, misses
