"""``newsdistill quotes FILE``: who said what, as a table in the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .record import Document, attributions_in_order


def rows(doc: Document) -> list[tuple[str, ...]]:
    """(id, speaker, role, kind, cue, content) per attribution, plain strings: the headline's
    (ids ``T1`` ...) first, then the body's."""
    out = []
    for a in attributions_in_order(doc):
        sp = a.speaker
        name = (sp.name if sp else None) or (a.source.text if a.source else "")
        if sp is not None and sp.type == "document" and sp.author:
            name = f"{name} ({sp.author['name']})"
        out.append((a.id, name, (sp.role if sp else None) or "", a.kind, a.cue.text if a.cue else "", a.content.text))
    return out


def render_quotes(doc: Document, console: Console) -> None:
    if doc.status != "ok":
        console.print(f"[bold red]error[/] {doc.error.code}: {doc.error.message}" if doc.error else "[red]error[/]")
        return
    table = Table(title=f"who said what: {doc.id}", show_lines=True)
    for col, style in (("id", "dim"), ("speaker", "bold"), ("role", "cyan"), ("kind", "magenta"), ("cue", "green"),
                       ("content", "")):
        table.add_column(col, style=style, overflow="fold")
    for row in rows(doc):
        table.add_row(*row)
    console.print(table)
    if not table.row_count:
        console.print("[dim]no attributions found[/]")
