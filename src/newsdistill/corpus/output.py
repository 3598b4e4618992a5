"""Query results on the terminal: ``table`` (rich), ``json`` or ``csv``."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any, TextIO

from .queries import plain_highlight

FORMATS = ("table", "json", "csv")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list | dict):
        return json.dumps(v, ensure_ascii=False)
    return plain_highlight(str(v))


def emit_rows(rows: list[dict], fmt: str, columns: list[str] | tuple[str, ...] | None = None, title: str | None = None,
              out: TextIO | None = None) -> None:
    out = out or sys.stdout
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        json.dump([{c: r.get(c) for c in columns} for r in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        w = csv.writer(out)
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])
    else:
        from rich.console import Console

        from ..quotes_table import fitted_table

        if rows:  # a table leaves out the columns empty in every row (json and csv keep them all)
            columns = [c for c in columns if any(r.get(c) not in (None, "", []) for r in rows)]
        console = Console(file=out, soft_wrap=False, width=table_width(out, len(columns)))
        cells = [[_cell(r.get(c)) for c in columns] for r in rows]
        console.print(fitted_table(columns, cells, console.width, title=title))


def table_width(out: TextIO, n_columns: int) -> int | None:
    """The width tables are drawn to: the terminal's (None: rich asks it), else $COLUMNS when
    set, else wide enough for a file or a pipe (160, or 24 per column)."""
    import os

    try:
        terminal = out.isatty()
    except (AttributeError, ValueError):
        terminal = False
    if terminal:
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return max(160, 24 * n_columns)


def emit_stats(stats: dict[str, Any], fmt: str, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    if fmt == "json":
        json.dump(stats, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    flat = []
    for key, value in stats.items():
        if isinstance(value, dict):
            flat += [{"section": key, "name": k, "value": v} for k, v in value.items()]
        elif isinstance(value, list):
            flat += [{"section": key, "name": r.get("name"), "value": r.get("n_attributions"),
                      "detail": f"{r.get('n_documents')} documents; {r.get('role') or ''}".strip("; ")} for r in value]
        else:
            flat.append({"section": "totals", "name": key, "value": value})
    emit_rows(flat, fmt, ["section", "name", "value", "detail"], title="corpus statistics", out=out)
