"""Terminal rendering of one distilled document (``newsdistill show``)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .record import Document


def render(doc: Document, console: Console, *, show_removed: bool = True) -> None:
    if doc.status != "ok":
        console.print(f"[bold red]error[/] {doc.error.code}: {doc.error.message}" if doc.error else "[red]error[/]")
        return
    head = Text()
    head.append(doc.title or "(no title)", style="bold")
    meta = [x for x in (doc.byline and f"by {doc.byline}", doc.published, doc.language and f"lang {doc.language}",
                        doc.source.url, doc.source.path) if x]
    if meta:
        head.append("\n" + " · ".join(meta), style="dim")
    console.print(Panel(head, title=f"[b]{doc.id}[/]", border_style="blue"))

    for cap in doc.captions:
        body = Text(cap.text, style="italic")
        facts = Text()
        if cap.credit:
            facts.append("credit ", style="dim")
            facts.append(cap.credit + "  ", style="bold cyan")
        for r in cap.restrictions:
            facts.append(f" {r} ", style="black on yellow")
            facts.append(" ")
        if cap.date or cap.place:
            facts.append("\n" + " · ".join(x for x in (cap.date, cap.place) if x), style="dim")
        console.print(Panel(Group(body, facts), title="caption", border_style="magenta"))

    # body paragraphs and removed lines in input order
    items: list[tuple[int, Text]] = []
    for p in doc.paragraphs:
        items.append((p.input_start if p.input_start is not None else p.start, Text(p.text + "\n")))
    if show_removed:
        for r in doc.removed:
            t = Text()
            t.append(f"[{r.reason}] ", style="bold red dim")
            t.append(r.text + "\n", style="dim strike")
            items.append((r.input_start, t))
    for _, text in sorted(items, key=lambda x: x[0]):
        console.print(text)
    for key, value in doc.extra.items():
        if key == "entities" and value:
            table = Table(title="entities", show_lines=False)
            for col in ("name", "label", "roles", "mentions"):
                table.add_column(col)
            for e in value:
                table.add_row(e.get("name", ""), e.get("label", ""), "; ".join(e.get("roles", [])), str(len(e.get("mentions", []))))
            console.print(table)
