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
WRAPPING = frozenset({"content", "snippet", "title", "text", "detail", "expression", "roles", "aliases"})
NARROW_MAX = 24
WRAP_MIN = 16


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
    """Column widths within ``avail`` (None: the natural width, when everything fits)."""
    if sum(natural) <= avail:
        return [None] * len(columns)
    wrap = [c in WRAPPING for c in columns]
    w = [min(n, WRAP_MIN) if wr else min(n, NARROW_MAX) for n, wr in zip(natural, wrap, strict=True)]
    floor = [min(n, 10 if wr else 6) for n, wr in zip(natural, wrap, strict=True)]
    while sum(w) > avail:  # still too wide: narrow the column widest for its kind (a wrapping one counts half)
        pool = [i for i in range(len(w)) if w[i] > floor[i]] or [i for i in range(len(w)) if w[i] > 3]
        if not pool:
            break
        w[max(pool, key=lambda i: w[i] / (2 if wrap[i] else 1))] -= 1
    spare = avail - sum(w)
    for group in ([i for i in range(len(w)) if wrap[i]], [i for i in range(len(w)) if not wrap[i]]):
        while spare > 0:  # grow the group's columns towards their natural width, the narrowest first
            short = [i for i in group if w[i] < natural[i]]
            if not short:
                break
            i = min(short, key=lambda i: w[i])
            w[i] += 1
            spare -= 1
    return w
