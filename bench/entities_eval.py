"""Entity recall on PolNeAR dev sources, and the cost of entities + figures + dates vs the spaCy parse.

Quality: the share of annotated attribution **sources** that are named people or
organisations (the span is a name: a bare spaCy PERSON/ORG/GPE/NORP entity with exactly that
span, or every token a proper noun apart from "the"/"'s"/"."/"-"/"&") that newsdistill
recognises as an entity mention with the same input span (mention ``input_start/input_end``
over the raw .txt).  Also printed: the share once the source span is trimmed of a leading "the", title or honorific,
a trailing possessive and an "of <place/organisation>" after a person's name ("Attorney General Eric Schneiderman" -> "Eric Schneiderman": newsdistill
keeps titles as roles, not in the mention), and a lenient share (some mention ends where the
source ends).

Speed: seconds in the parse step (the bare spaCy parse of the clean text) vs seconds in the
entities, figures and dates steps, on the same documents in the same run; the ratio is the
extra cost of those steps (goal <= 10%).

    NEWSDISTILL_SHARED=/work/shared python bench/entities_eval.py [--limit N] [--split dev]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
NAME_GLUE = {"the", "The", "'s", "’s", ".", "-", "&", "of"}


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSDISTILL_SHARED", REPO.parent / "shared")).resolve()


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


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show-misses", type=int, default=0)
    args = ap.parse_args(argv)
    split_dir = shared_dir() / "data" / "polnear" / args.split
    if not split_dir.is_dir():
        print(f"PolNeAR not found at {split_dir} (set NEWSDISTILL_SHARED)", file=sys.stderr)
        return 1
    from newsdistill.extract.nlp import load_model

    nlp = load_model()
    pairs = one_ann_per_article(split_dir)
    named, hit, lenient, trim_hit, times, misses = evaluate(pairs, nlp, args.limit)
    n_docs = len(pairs[:args.limit])
    print(f"PolNeAR {args.split}: {n_docs} articles, {named} named sources")
    print(f"  named sources found as an entity mention with the same span: {hit}/{named} = {hit / max(named, 1):.3f}")
    print(f"  ... same span once the source's title/honorific/'the'/possessive is trimmed: {trim_hit}/{named} = {trim_hit / max(named, 1):.3f}")
    print(f"  ... a mention ending where the source ends (lenient): {lenient}/{named} = {lenient / max(named, 1):.3f}")
    parse = times.get("parse", 0.0)
    ours = sum(times.get(k, 0.0) for k in ("entities", "figures", "dates"))
    print(f"  spaCy parse {parse:.2f}s; entities {times.get('entities', 0):.2f}s + figures {times.get('figures', 0):.2f}s"
          f" + dates {times.get('dates', 0):.2f}s = {ours:.2f}s -> extra {ours / max(parse, 1e-9):.1%} of the parse")
    for m in misses[:args.show_misses]:
        print("  miss:", m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
