"""PolNeAR training data shared by the trainers and tuners: gold spans on the clean text, the held-out tenth.

:func:`clean_offsets` maps gold input-offset spans onto a record's clean text (what the taggers
are trained on); :func:`heldout_base` gives train's held-out tenth cleaned, parsed and entities
run, once, optionally cached in ``$TMPDIR`` (parsing is most of a tuning run's time).
"""

from __future__ import annotations

import bisect
import os
import pickle
from pathlib import Path

from ..eval.polnear import prepared


def clean_offsets(doc, spans):
    """Gold input-offset spans -> clean-text offsets (spans the cleaner removed are dropped)."""
    om = doc.offset_map
    inp = [om.start(i) for i in range(len(doc.text))]
    out = []
    for gs, ge in spans:
        s, e = bisect.bisect_left(inp, gs), bisect.bisect_left(inp, ge)
        while e > s and doc.text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def heldout_base(cache: bool, limit: int | None = None) -> list:
    """The held-out train articles, cleaned, parsed, entities run: ``(doc, sdoc, raw, gold_roles,
    gold_attrs)``; with ``cache`` kept in / read from ``$TMPDIR`` (parsing is most of the time)."""
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"newsdistill-heldout-{limit or 'all'}.pkl"
    if cache and path.is_file():
        return pickle.loads(path.read_bytes())
    base = [a[:5] for a in prepared("train", limit, heldout=True)]
    if cache:
        path.write_bytes(pickle.dumps(base))
    return base
