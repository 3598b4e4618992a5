"""Synthetic but realistic records for the store / viewer tests (offsets computed, never typed).

Eight documents from six outlets: one UN statement carried in full, trimmed, re-punctuated and
cut into a fragment; a different statement by the same speaker; a second speaker; a near
duplicate of one article; an error record; a hostile record (script, onerror, javascript: URL).
``headline_record()`` (not among them) has an attribution in its title line.
"""

from __future__ import annotations

import json
from pathlib import Path

FULL = ("The world cannot afford another decade of inaction on climate finance, and developing "
        "countries must not pay the price for a crisis they did not create")
TRIMMED = "developing countries must not pay the price for a crisis they did not create"
OTHER = "ISIS remains a serious threat in Iraq and Syria despite the loss of its territory"
HADDAD = "We are on the verge of the final victory over the terrorism represented by Daesh"
HOSTILE = '<script>window.__pwned=1;document.title="pwned"</script><img src=x onerror="window.__pwned=2">'


def _find(text: str, needle: str, after: int = 0) -> int:
    i = text.find(needle, after)
    if i < 0:
        raise AssertionError(f"{needle!r} not in text")
    return i


def span(text: str, needle: str, after: int = 0) -> dict:
    i = _find(text, needle, after)
    return {"start": i, "end": i + len(needle), "text": needle}


def record(rid: str, paragraphs: list[str], *, url: str | None, published: str | None, title: str,
           people: list[dict], quotes: list[dict], removed: list[dict] | None = None, captions: list[dict] | None = None,
           **extra) -> dict:
    text = "\n\n".join(paragraphs)
    paras, pos = [], 0
    for p in paragraphs:
        paras.append({"start": pos, "end": pos + len(p), "text": p})
        pos += len(p) + 2
    entities = []
    for n, person in enumerate(people, 1):
        mentions = []
        for m in person["mentions"]:
            at = 0
            while (i := text.find(m, at)) >= 0:
                mentions.append({"start": i, "end": i + len(m), "text": m, "kind": "name"})
                at = i + len(m)
        entities.append({"id": f"E{n}", "name": person["name"], "label": person.get("label", "PERSON"),
                         "aliases": person.get("aliases", []), "roles": person.get("roles", []), "mentions": mentions})
    by_name = {e["name"]: e for e in entities}
    attributions = []
    for n, q in enumerate(quotes, 1):
        content = span(text, q["content"])
        speaker = None
        if q.get("speaker"):
            ent = by_name[q["speaker"]]
            speaker = {"entity": ent["id"], "name": ent["name"], "role": (ent["roles"] or [None])[0], "type": "person"}
        attributions.append({
            "id": f"A{n}", "kind": q.get("kind", "direct"),
            "source": span(text, q["source"]) if q.get("source") else None,
            "cue": span(text, q["cue"], content["end"] if q.get("cue_after", True) else 0) if q.get("cue") else None,
            "content": content, "speaker": speaker,
        })
    rec = {"id": rid, "format_version": "1.0", "status": "ok", "source": {"url": url} if url else {},
           "input_kind": "jsonl", "language": "en", "title": title, "byline": None, "published": published,
           "text": text, "paragraphs": paras, "removed": removed or [], "captions": captions or [], "metadata_lines": [],
           "entities": entities, "attributions": attributions}
    rec.update(extra)
    return rec


GUTERRES = {"name": "António Guterres", "roles": ["UN Secretary-General"], "mentions": ["António Guterres", "Guterres"]}
GUTERRES_ASCII = {"name": "Antonio Guterres", "roles": ["UN Secretary-General"], "mentions": ["Antonio Guterres", "Guterres"]}
HADDAD_P = {"name": "Riyad Haddad", "roles": ["Syrian ambassador to Russia"], "mentions": ["Riyad Haddad", "Haddad"]}
UN = {"name": "United Nations", "label": "ORG", "aliases": ["UN"], "mentions": ["United Nations"]}


def records() -> list[dict]:
    r = []
    r.append(record(
        "reuters-1", [
            f"UN Secretary-General António Guterres on Monday urged rich nations to pay up. “{FULL},” Guterres said in New York.",
            "Delegates from the United Nations member states meet again next week.",
        ], url="https://www.reuters.com/world/climate-finance-1", published="2024-03-04", title="Guterres urges climate finance",
        people=[GUTERRES, UN], quotes=[{"content": FULL, "cue": "said", "source": "Guterres said", "speaker": "António Guterres"}],
        removed=[{"input_start": 0, "input_end": 17, "text": "- Advertisement -", "reason": "ad-marker", "rule": "ad.marker"}],
        cluster="D1"))
    r.append(record(
        "apnews-1", [
            f"Antonio Guterres said on Monday that “{TRIMMED}.”",
            f"In a separate speech he warned: “{OTHER}.”",
        ], url="https://apnews.com/article/un-climate", published="2024-03-05", title="UN chief on climate and ISIS",
        people=[GUTERRES_ASCII], quotes=[{"content": TRIMMED, "cue": "said", "source": "Antonio Guterres", "speaker": "Antonio Guterres",
                                          "cue_after": False},
                                         {"content": OTHER, "cue": "warned", "source": "he", "speaker": "Antonio Guterres", "cue_after": False}]))
    r.append(record(
        "bbc-1", [
            "\"" + FULL.replace(",", "").upper()[:1] + FULL.replace(",", "")[1:] + "\", Mr Guterres told the assembly.",
        ], url="https://www.bbc.co.uk/news/world-1", published="2024-03-06", title="Climate: 'pay the price'",
        people=[GUTERRES], quotes=[{"content": FULL.replace(",", ""), "cue": "told", "source": "Mr Guterres", "speaker": "António Guterres"}]))
    r.append(record(
        "aljazeera-1", [
            "The UN chief said rich countries must act. Developing countries “must not pay the price for a crisis they did not create,” "
            "António Guterres said.",
        ], url="https://www.aljazeera.com/news/2024/3/7/un", published="2024-03-07", title="UN chief: developing countries",
        people=[GUTERRES], quotes=[{"content": "must not pay the price for a crisis they did not create", "cue": "said",
                                    "source": "António Guterres", "speaker": "António Guterres", "kind": "mixed"}]))
    r.append(record(
        "tass-1", [
            f"Syrian ambassador to Russia Riyad Haddad said: “{HADDAD} [ISIS].”",
            f"Haddad also said that {OTHER.lower()}.",
        ], url="https://tass.com/world/1", published="2024-03-02", title="Haddad: final victory",
        people=[HADDAD_P], quotes=[{"content": HADDAD, "cue": "said", "source": "Riyad Haddad", "speaker": "Riyad Haddad", "cue_after": False},
                                   {"content": OTHER.lower(), "cue": "said", "source": "Haddad", "speaker": "Riyad Haddad",
                                    "kind": "indirect", "cue_after": False}]))
    r.append(record(
        "reuters-1-copy", [
            f"UN Secretary-General António Guterres on Monday urged rich nations to pay up. “{FULL},” Guterres said in New York.",
        ], url="https://www.yahoo.com/news/climate-finance-1", published="2024-03-05", title="Guterres urges climate finance",
        people=[GUTERRES], quotes=[{"content": FULL, "cue": "said", "source": "Guterres said", "speaker": "António Guterres"}],
        duplicate_of="reuters-1", cluster="D1"))
    r.append({"id": "broken-1", "format_version": "1.0", "status": "error",
              "error": {"code": "bad-json", "message": "line 7 is not JSON", "kind": "record"}, "source": {"path": "dump.jsonl", "line": 7}})
    r.append(record(
        "hostile-1", [
            f"Breaking: {HOSTILE} said the statement.",
            'Click <a href="javascript:window.__pwned=3">here</a> javascript:window.__pwned=4 for more.',
        ], url="javascript:window.__pwned=5", published="2024-03-08", title='<img src=x onerror="window.__pwned=6">Hostile',
        people=[{"name": "<b onmouseover=\"window.__pwned=7\">Evil</b>", "roles": ["<script>x()</script>"],
                 "mentions": ["said the statement"]}],
        quotes=[{"content": HOSTILE, "cue": "said", "source": "said the statement",
                 "speaker": "<b onmouseover=\"window.__pwned=7\">Evil</b>", "cue_after": True}],
        removed=[{"input_start": 0, "input_end": 30, "text": "<script>window.__pwned=8</script>", "reason": "ad-marker", "rule": "ad.marker"}],
        captions=[{"text": "<img src=x onerror=\"window.__pwned=9\">", "credit": "<i>x</i>", "restrictions": ["<u>NO</u>"], "date": None,
                   "place": None, "input_start": 31, "input_end": 60, "rule": "caption.wire-photo"}]))
    return r


GRAHAM = {"name": "Lindsey Graham", "roles": ["Sen."], "mentions": ["Lindsey Graham", "Graham"]}
TRUMP = {"name": "Donald Trump", "mentions": ["Donald Trump"]}
HEADLINE = "Graham: Trump's 'Incredibly Hateful Rhetoric' Hurts GOP"


def headline_record() -> dict:
    """A record (format 1.3) whose title line attributes: ``title_attributions`` T1 ("Graham" ":"
    "Trump's ..."), spans into its ``metadata_lines`` entry as the attribution step writes them;
    the line names both body people (headline mentions: ``metadata_line`` + input offsets only)."""
    body = "Sen. Lindsey Graham said on Sunday that Donald Trump was hurting the party. “He is destroying our chance to win,” Graham told reporters."
    rec = record("politico-1", [body], url="https://www.politico.com/story/graham", published="2024-03-09", title=HEADLINE,
                 people=[GRAHAM, TRUMP], quotes=[{"content": "He is destroying our chance to win", "cue": "told", "source": "Graham told",
                                           "speaker": "Lindsey Graham"}])
    def on_line(needle: str) -> dict:  # the line is the input's first: input offsets = line offsets
        s = span(HEADLINE, needle)
        return {**s, "input_start": s["start"], "input_end": s["end"]}

    rec["format_version"] = "1.3"
    rec["metadata_lines"] = [{"input_start": 0, "input_end": len(HEADLINE), "text": HEADLINE, "reason": "title",
                              "rule": "meta.title-before-body"}]
    rec["title_attributions"] = [{
        "id": "T1", "metadata_line": 0, "kind": "mixed", "source": on_line("Graham"), "cue": on_line(":"),
        "content": on_line("Trump's 'Incredibly Hateful Rhetoric' Hurts GOP"), "complementizer": None,
        "content_fragments": None, "speaker": {"entity": "E1", "name": "Lindsey Graham", "role": "Sen.", "type": "person"},
        "rule": "cue.headline-colon"}]
    for entity, needle in ((rec["entities"][0], "Graham"), (rec["entities"][1], "Trump")):
        s = on_line(needle)
        entity["mentions"].append({"text": needle, "input_start": s["input_start"], "input_end": s["input_end"], "metadata_line": 0,
                                   "kind": "name"})
    return rec


def write_jsonl(path: Path, recs: list[dict] | None = None) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for rec in recs if recs is not None else records():
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path
