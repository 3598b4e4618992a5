"""Terminal rendering of one distilled document (``newsdistill show``)."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from .quotes_table import fitted_table, render_quotes
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
    render_extracted(doc, console)
    render_quotes(doc, console)


def _dicts(value) -> list[dict]:
    return [v.to_dict() if hasattr(v, "to_dict") else v for v in (value or [])]


def figure_value(figure: dict) -> str:
    """A figure's value as a reader writes it: grouped by thousands, no ".0" ("3,000,000 EUR",
    "6.5"); empty for a vague amount."""
    value = figure.get("value")
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.6g}" if abs(value) >= 1000 else f"{value:g}"
    return f"{text} {figure['currency']}" if figure.get("currency") else text


def render_extracted(doc: Document, console: Console) -> None:
    """Entities (with roles and aliases), figures and dates, where the NLP steps found them."""
    for skipped in doc.extra.get("skipped", []):
        console.print(f"[yellow]skipped[/] {skipped['step']}: {skipped['reason']}")
    entities = _dicts(doc.extra.get("entities"))
    names = {e["id"]: e["name"] for e in entities}
    if entities:
        rows = []
        for e in entities:
            label = e.get("label", "") + (f" ({e['gender']})" if e.get("gender") else "")
            rows.append([e["id"], e.get("name", ""), label, "; ".join(e.get("roles", [])), ", ".join(e.get("aliases", [])),
                         str(len(e.get("mentions", [])))])
        console.print(fitted_table(["id", "name", "label", "roles", "aliases", "mentions"], rows, console.width, title="entities"))
    figures = _dicts(doc.extra.get("figures"))
    if figures:
        rows = [[f["span"]["text"], f.get("kind") or "", figure_value(f), f.get("thing") or "",
                 names.get(f.get("of"), ""), ", ".join(names.get(w, w) for w in f.get("where") or [])] for f in figures]
        console.print(fitted_table(["figure", "kind", "value", "thing", "of", "where"], rows, console.width, title="figures"))
    dates = _dicts(doc.extra.get("dates"))
    if dates:
        rows = []
        for d in dates:
            iv = d.get("interval")
            rows.append([d.get("text", ""), "" if d.get("value") is None else str(d["value"]), d.get("granularity") or "",
                         f"{iv['start']} .. {iv['end']}" if iv else "", " ".join(x for x in (d.get("time"), d.get("tz")) if x),
                         "yes" if d.get("relative") else ""])
        console.print(fitted_table(["expression", "value", "granularity", "interval", "time", "relative"], rows, console.width,
                                   title="dates"))
