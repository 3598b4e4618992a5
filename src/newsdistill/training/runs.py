"""Exact F1 of tag runs: how the trainers score a tagger's B/I runs against the gold ones.

A run is a piece (or token) range tagged ``B``/``I`` (content) or ``B-S``/``I-S`` (source),
``B-C``/``I-C`` (cue); :func:`add_runs` counts one window's exact, predicted and gold runs into a
tally (:func:`new_run_tally`), :func:`run_f1` gives the F1 per role.  A quick proxy for choosing
epochs and settings: the product decodes with Viterbi over whole articles.
"""

from __future__ import annotations


def runs(tags: list[int], names: tuple[str, ...], label: str) -> set[tuple[int, int]]:
    """Piece ranges of the B/I runs of ``label`` in a tag-id sequence."""
    b, i = (f"B-{label}", f"I-{label}") if label else ("B", "I")
    out, cur = set(), None
    for k, t in enumerate([*tags, 0]):
        name = names[t] if k < len(tags) else "O"
        if name == b or (name == i and cur is None):
            if cur is not None:
                out.add((cur, k))
            cur = k
        elif name != i and cur is not None:
            out.add((cur, k))
            cur = None
    return out


def new_run_tally() -> dict[str, list[int]]:
    """Counts (exact runs, predicted runs, gold runs) per role, for :func:`add_runs`."""
    return {k: [0, 0, 0] for k in ("content", "source", "cue")}


def add_runs(tally, content_pred, content_gold, role_pred, role_gold) -> None:
    """Add one window's content and role tag-id sequences (predicted, gold) to ``tally``."""
    from ..attribution.models import span_model as M

    for name, pred, gold, tags, label in (("content", content_pred, content_gold, M.CONTENT_TAGS, ""),
                                          ("source", role_pred, role_gold, M.ROLE_TAGS, "S"),
                                          ("cue", role_pred, role_gold, M.ROLE_TAGS, "C")):
        p, g = runs(pred, tags, label), runs(gold, tags, label)
        t = tally[name]
        t[0] += len(p & g)
        t[1] += len(p)
        t[2] += len(g)


def run_f1(tally) -> dict[str, float]:
    """Exact F1 per role of a tally (0 where a role has no runs on either side)."""
    return {k: 2 * tp / (n_p + n_g) if n_p + n_g else 0.0 for k, (tp, n_p, n_g) in tally.items()}
