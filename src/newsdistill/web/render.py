"""Server-side HTML pieces built from offsets.  Record text is hostile: every piece of it goes
through :func:`markupsafe.escape`; only tags written here are emitted, and links only ever
point at our own routes or at http(s) URLs (:func:`safe_url`)."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from markupsafe import Markup, escape

from ..corpus.queries import HL_END, HL_START

N_COLOURS = 10  # speaker colour classes sp0..sp9 in static/style.css


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL, else None (never a javascript:/data: link)."""
    if not url or any(ord(c) < 33 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def link(path: str, **params) -> str:
    """A URL of our own app: fixed path + url-encoded query (the template escapes it for the attribute)."""
    params = {k: v for k, v in params.items() if v is not None}
    return path + ("?" + urlencode(params) if params else "")


def highlighted(snippet: str | None) -> Markup:
    """An FTS snippet/highlight with our markers -> escaped HTML with <mark>."""
    if not snippet:
        return Markup("")
    html = str(escape(snippet))
    return Markup(html.replace(HL_START, "<mark>").replace(HL_END, "</mark>"))


def speaker_colours(attributions: list[dict]) -> dict[str | None, int]:
    colours: dict[str | None, int] = {}
    for a in attributions:
        key = a.get("speaker_key") or a.get("source_text")
        if key not in colours:
            colours[key] = len(colours) % N_COLOURS
    return colours


def _title(a: dict) -> str:
    who = a.get("speaker_name") or a.get("source_text") or "unknown source"
    role = f", {a['speaker_role']}" if a.get("speaker_role") else ""
    return f"{who}{role} ({a.get('kind') or 'attribution'}; cue: {a.get('cue_text') or '-'})"


Layer = tuple[int, int, str, dict]  # (start, end, kind "q" | "src" | "cue" | "ent", attribution or entity)


def _attribution_layers(attributions: list[dict], prefix: str = "") -> list[Layer]:
    """The content / source / cue spans of ``attributions`` as layers: ``prefix`` "" takes the
    offsets into the clean text, "line_" those into a headline's metadata line."""
    layers: list[Layer] = []
    for a in attributions:
        for kind, part in (("q", "content"), ("src", "source"), ("cue", "cue")):
            s, e = a.get(f"{prefix}{part}_start"), a.get(f"{prefix}{part}_end")
            if s is not None and e is not None:
                layers.append((s, e, kind, a))
    return layers


def marked(text: str, ps: int, pe: int, layers: list[Layer], colours: dict[str | None, int]) -> Markup:
    """``text[ps:pe]`` as escaped HTML with its layers: the innermost quote of each piece as
    ``<span class="q spN" data-aid title>``, around source/cue spans, around an entity link.  The
    text is cut at every layer boundary and each piece gets its own, properly nested tags, so
    overlapping spans never produce crossing markup."""
    inside = [x for x in layers if x[0] < pe and x[1] > ps and x[0] < x[1]]
    cuts = sorted({ps, pe, *(max(ps, min(pe, x[0])) for x in inside), *(max(ps, min(pe, x[1])) for x in inside)})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        active = {}
        for s, e, kind, obj in inside:
            if s <= a and b <= e and (kind not in active or e - s < active[kind][1] - active[kind][0]):
                active[kind] = (s, e, obj)
        if "ent" in active:
            ent = active["ent"][2]
            piece = Markup('<a class="ent" href="{}" title="{}">{}</a>').format(
                link("/entity", name=ent["name"]), f"{ent['name']} ({ent.get('label') or '?'})", piece)
        for kind in ("cue", "src"):
            if kind in active:
                piece = Markup('<span class="{}">{}</span>').format(kind, piece)
        if "q" in active:
            att = active["q"][2]
            colour = colours.get(att.get("speaker_key") or att.get("source_text"), 0)
            piece = Markup('<span class="q sp{}" data-aid="{}" title="{}">{}</span>').format(colour, att["aid"], _title(att), piece)
        pieces.append(piece)
    return Markup("").join(pieces)


def _entity_layers(doc: dict) -> list[Layer]:
    """The clean-text mentions (``start``/``end``) of the entities the page knows as "ent" layers."""
    names = {e["eid"]: e for e in doc.get("entities") or []}
    return [(m["start"], m["end"], "ent", names[m["eid"]]) for m in doc.get("mentions") or []
            if m["eid"] in names and m.get("start") is not None and m.get("end") is not None]


def article(doc: dict) -> list[Markup]:
    """The clean text as one Markup per paragraph: quotes coloured per speaker, cues and
    sources marked, entity mentions linked to their entity page."""
    text = doc.get("text") or ""
    attributions = doc.get("attributions") or []
    colours = speaker_colours(attributions)
    layers = _attribution_layers(attributions) + _entity_layers(doc)
    paragraphs = doc.get("paragraphs") or [{"start": 0, "end": len(text)}]
    return [marked(text, p["start"], p["end"], layers, colours) for p in paragraphs]


def headline_lines(doc: dict) -> dict[int, Markup]:
    """Each metadata line that has headline attributions or entity mentions (``metadata_line`` +
    ``line_*`` offsets: attributions since store schema 2, mentions since 3) -> its text,
    stripped, with them marked and linked as in :func:`article`."""
    attributions = doc.get("attributions") or []
    colours = speaker_colours(attributions)
    lines = {r["idx"]: r["text"] for r in doc.get("removed") or [] if r.get("kind") == "metadata"}
    by_line: dict[int, list[Layer]] = {}
    for a in attributions:
        if a.get("metadata_line") in lines:
            by_line.setdefault(a["metadata_line"], []).extend(_attribution_layers([a], "line_"))
    names = {e["eid"]: e for e in doc.get("entities") or []}
    for m in doc.get("mentions") or []:  # headline mentions of the entities the page knows
        if m.get("metadata_line") in lines and m["eid"] in names and m.get("line_start") is not None and m.get("line_end") is not None:
            by_line.setdefault(m["metadata_line"], []).append((m["line_start"], m["line_end"], "ent", names[m["eid"]]))
    out = {}
    for idx, layers in by_line.items():
        text = lines[idx]
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        out[idx] = marked(text, start, max(start, end), layers, colours)
    return out


def heading(doc: dict, lines: dict[int, Markup] | None = None) -> tuple[Markup, int | None]:
    """The page heading: the title with its headline attributions marked and its entity mentions
    linked when a marked metadata line (:func:`headline_lines`) reads as the title (same words),
    else the plain escaped title (or id); and the index of the line it shows (None when none)."""
    lines = headline_lines(doc) if lines is None else lines
    plain = doc.get("title") or doc.get("id") or ""
    texts = {r["idx"]: r["text"] for r in doc.get("removed") or [] if r.get("kind") == "metadata"}
    for idx in sorted(lines):
        if not doc.get("title") or texts[idx].split() == doc["title"].split():
            return lines[idx], idx
    return escape(plain), None


def input_view(doc: dict, marked_lines: dict[int, Markup] | None = None) -> list[dict]:
    """The input, line by line, as far as the record knows it: kept paragraphs, removed lines
    with their reason and rule, metadata lines (``html``: the line from ``marked_lines`` when
    given, e.g. a headline whose attributions the page heading does not show), captions; in
    input order where offsets exist."""
    text = doc.get("text") or ""
    marked_lines = marked_lines or {}
    items = []
    for p in doc.get("paragraphs") or []:
        items.append({"kind": "kept", "text": text[p["start"]:p["end"]], "at": p.get("input_start"), "n": p["idx"]})
    for r in doc.get("removed") or []:
        items.append({"kind": r["kind"], "text": r["text"], "reason": r["reason"], "rule": r["rule"], "at": r["input_start"], "n": r["idx"],
                      "html": marked_lines.get(r["idx"]) if r["kind"] == "metadata" else None})
    for c in doc.get("captions") or []:
        items.append({"kind": "caption", "text": c["text"], "credit": c["credit"], "restrictions": c["restrictions"],
                      "photographer": c.get("photographer"), "agency": c.get("agency"),
                      "date": c["date"], "place": c["place"], "rule": c["rule"], "at": c["input_start"], "n": c["idx"]})
    # paragraphs without input offsets (HTML/JSONL input) keep their order after the located lines
    return sorted(items, key=lambda x: (x["at"] is None, x["at"] if x["at"] is not None else 0, x["n"]))


def bars(data: list[tuple[str, int]], width: int = 420, row: int = 22) -> dict:
    """Geometry of a horizontal bar chart (drawn as inline SVG by the template)."""
    peak = max((n for _, n in data), default=0) or 1
    label_w = 150
    return {"width": width, "height": row * len(data) + 4, "label_w": label_w,
            "rows": [{"label": k, "n": n, "y": i * row + 2, "w": max(1, round((width - label_w - 60) * n / peak)), "row": row}
                     for i, (k, n) in enumerate(data)]}


def columns(data: list[tuple[str, int]], height: int = 140, col: int = 26) -> dict:
    """Geometry of a vertical bar chart (quotes per month)."""
    peak = max((n for _, n in data), default=0) or 1
    return {"width": max(col * len(data) + 40, 80), "height": height + 36, "base": height,
            "cols": [{"label": k, "n": n, "x": i * col + 20, "h": max(1, round((height - 16) * n / peak)), "w": col - 4}
                     for i, (k, n) in enumerate(data)]}
