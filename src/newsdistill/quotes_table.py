"""``newsdistill quotes FILE``: who said what, as a table in the terminal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .record import Document, attributions_in_order


def rows(doc: Document, keep: Callable[[Any], bool] | None = None) -> list[tuple[str, ...]]:
    """(id, speaker, role, kind, cue, content) per attribution (those ``keep`` accepts), plain
    strings: the headline's (ids ``T1`` ...) first, then the body's."""
    out = []
    for a in attributions_in_order(doc):
        if keep is not None and not keep(a):
            continue
        sp = a.speaker
        name = (sp.name if sp else None) or (a.source.text if a.source else "")
        if sp is not None and sp.type == "document" and sp.author:
            name = f"{name} ({sp.author['name']})"
        out.append((a.id, name, (sp.role if sp else None) or "", a.kind, a.cue.text if a.cue else "", a.content.text))
    return out


def render_quotes(doc: Document, console: Console, *, keep: Callable[[Any], bool] | None = None,
                  limit: int | None = None) -> int:
    """The who-said-what table of ``doc`` (the attributions ``keep`` accepts, at most ``limit``);
    returns how many rows it printed.  Columns fit the console width: the content wraps at word
    boundaries, the others are cut with an ellipsis."""
    if doc.status != "ok":
        console.print(f"[bold red]error[/] {doc.error.code}: {doc.error.message}" if doc.error else "[red]error[/]")
        return 0
    styles = {"id": "dim", "speaker": "bold", "role": "cyan", "kind": "magenta", "cue": "green"}
    table = fitted_table(["id", "speaker", "role", "kind", "cue", "content"], [list(r) for r in rows(doc, keep)[:limit]],
                         console.width, title=f"who said what: {doc.id}", styles=styles, show_lines=True)
    console.print(table)
    if not table.row_count:
        console.print("[dim]no attributions found[/]")
    return table.row_count


# columns that wrap at word boundaries (a word longer than the column is cut with an ellipsis) when the table is too wide; the others stay on one line,
# cut with an ellipsis, each at most NARROW_MAX characters wide
WRAPPING = frozenset({"content", "snippet", "title", "text", "detail", "expression", "roles", "aliases", "speaker",
                      "role", "name"})
NARROW_MAX = 24
NARROW_FLOOR = 6  # "indir…", "said …": a one-line column still says what it holds
WRAP_FLOOR = 5  # a wrapping column shows a short word a line ("Maria")
# a too-wide table's width is shared by these weights (2 for any other column): what the reader
# came for (the content, the snippet) gets three times a name's share
WEIGHTS = {"content": 6, "snippet": 6, "text": 6, "detail": 4, "title": 4, "expression": 4}


def fitted_table(columns: list[str], rows: list[list[str]], width: int, *, title: str | None = None,
                 styles: dict[str, str] | None = None, show_lines: bool = False) -> Table:
    """A rich table of ``rows`` (plain strings) that fits in ``width`` characters: when the cells'
    natural widths do not fit, the narrow columns are cut with an ellipsis (at most
    :data:`NARROW_MAX` wide) and the :data:`WRAPPING` ones share the rest, wrapping at words."""
    from rich.cells import cell_len

    styles = styles or {}
    natural = [max([cell_len(c)] + [max((cell_len(x) for x in (r[i] or "").splitlines()), default=0) for r in rows])
               for i, c in enumerate(columns)]
    widths = _fit(columns, natural, max(len(columns), width - (3 * len(columns) + 1)))
    table = Table(title=title, show_lines=show_lines)
    for c, w in zip(columns, widths, strict=True):
        if c in WRAPPING:
            table.add_column(c, style=styles.get(c, ""), overflow="ellipsis", width=w)  # a word too long is cut, not folded
        else:
            table.add_column(c, style=styles.get(c, ""), overflow="ellipsis", no_wrap=True, width=w)
    for r in rows:
        table.add_row(*(Text(x or "") for x in r))
    return table


def _fit(columns: list[str], natural: list[int], avail: int) -> list[int | None]:
    """Column widths within ``avail`` (None: the natural width, when everything fits).  Too wide,
    the width is shared out by :data:`WEIGHTS` (water-filling: a column that needs less than its
    share keeps its natural width, or :data:`NARROW_MAX` for a one-line column, and the rest is
    shared again), so at 80 columns the quotes table's content gets 25 characters, not 16.  No
    one-line column is cut below :data:`NARROW_FLOOR` characters (nor a wrapping one below
    :data:`WRAP_FLOOR`) while a heavier column can give them up; only a terminal too narrow for
    the floors gets a table wider than itself."""
    if sum(natural) <= avail:
        return [None] * len(columns)
    wrap = [c in WRAPPING for c in columns]
    cap = [n if wr else min(n, NARROW_MAX) for n, wr in zip(natural, wrap, strict=True)]
    weight = [WEIGHTS.get(c, 2) for c in columns]
    w: list[int | None] = [None] * len(columns)
    left, open_ = avail, set(range(len(columns)))
    while open_:
        share = left / sum(weight[i] for i in open_)
        capped = [i for i in open_ if cap[i] <= share * weight[i]]
        if not capped:
            break
        for i in capped:  # needs less than its share: its own width, and the others share the rest
            w[i] = cap[i]
            left -= cap[i]
            open_.discard(i)
    if open_:
        share = left / sum(weight[i] for i in open_)
        for i in open_:
            w[i] = max(3, int(share * weight[i]))
        spare = avail - sum(x for x in w if x is not None)
        for i in sorted(open_, key=lambda i: -weight[i]):  # what rounding left: to the heaviest first
            if spare <= 0:
                break
            grow = min(spare, cap[i] - w[i])
            if grow > 0:
                w[i] += grow
                spare -= grow
    out = [x if x is not None else c for x, c in zip(w, cap, strict=True)]
    floor = [min(n, WRAP_FLOOR if wr else NARROW_FLOOR) for n, wr in zip(natural, wrap, strict=True)]
    for i in range(len(out)):
        out[i] = max(out[i], floor[i])
    while sum(out) > avail:  # the floors took width: the heaviest column above its floor gives it back
        give = [i for i in range(len(out)) if out[i] > floor[i]]
        if not give:
            break
        out[max(give, key=lambda i: (weight[i], out[i]))] -= 1
    return out
