"""Entities: mentions clustered into one entry per real-world entity.

Mentions come from the spaCy NER (corrected by the data rules of
:mod:`entity_data`), the alias table, acronyms defined in the text
("Syrian Arab News Agency (SANA)"), demonyms ("Syrian" -> Syria) and unnamed
role-holders ("the president of the South Ossetian republic").  People are
linked by surname ("Haddad" -> Riyad Haddad; the nearest earlier full name
wins when two people share a surname).

Captions are outside the clean text, so their mentions carry only input
offsets plus ``caption`` (the index into ``captions``); body mentions are
ordinary spans.  ``entities_of(doc)`` gives the :class:`Entity` objects (with
clean-text offsets) to later steps; ``entity_at(doc, start, end)`` maps a
clean-text span to the entity mentioned there.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..clean.credit_rules import MARKERS as CREDIT_MARKERS
from ..record import Document, Entity, Mention
from . import entity_data as data
from . import roles as role_finder
from .nlp import ParsedStep, line_input_span, parse_extras, sentence_cased, text_of

# ---------------------------------------------------------------------------
# tables compiled once

@lru_cache(maxsize=16384)
def _norm(text: str) -> str:
    text = re.sub(r"\s+", " ", text.strip()).replace("’", "'")
    text = re.sub(r"^(the|The)\s+", "", text)
    text = re.sub(r"(['’]s|['’])$", "", text)
    return text.casefold()


@lru_cache(maxsize=1)
def _alias_index() -> tuple[dict[str, str], re.Pattern]:
    index: dict[str, str] = {}
    surfaces = []
    for canonical, (_label, forms) in data.ALIASES.items():
        for form in (canonical, *forms):
            index[_norm(form)] = canonical
            if form not in data.NER_ONLY_ALIASES and not form.startswith("the "):
                surfaces.append(form)
    surfaces.sort(key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(s) for s in surfaces) + r")(?![\w]|\.\w)")
    return index, pattern


@lru_cache(maxsize=1)
def _corrections() -> dict[str, tuple[str, str | None]]:
    out = {}
    for rule, spec in data.CORRECTIONS.items():
        for t in spec["texts"]:
            out[t] = (rule, None if spec.get("drop") else spec["relabel"])
    return out


@lru_cache(maxsize=1)
def _relabel_pattern() -> re.Pattern:
    texts = sorted((t for t, (_rule, label) in _corrections().items() if label is not None), key=len, reverse=True)
    return re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(t) for t in texts) + r")(?![\w-]|\.\w)")


# where a listed name the model took for a common noun is still the name: the subject of a verb
# of saying ("Tinder said", "Lyft told investors") or a possessor ("Tinder's users"); not a
# compound or any other subject ("Amazon deforestation rose", "Discord between the factions grew")
_NOUN_AS_NAME = frozenset(("nsubj", "poss"))
_SPEAKER_LABEL = re.compile(r"(?m)^[\"“]?([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):")
_ACRONYM_SKIP = {"of", "the", "and", "for", "on", "in", "&", "de", "du", "la", "le"}
_ORGISH = {"ORG", "GPE", "FAC", "LOC", "NORP", "EVENT", "LAW"}
_ACRONYM_DEF = re.compile(r"\(([A-Z][A-Z0-9&.]{1,9})\)")
_PLACE_WORDS = {"province", "city", "town", "village", "region", "district", "state", "county", "governorate"}


_DASH_AFTER = re.compile(r"\s*[–—-]")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "O'", "O’", "D'", "D’", "Al", "El", "St")


def _defines(full: Mention, acr: str, text: str, after: int, index: dict[str, str]) -> bool:
    """Whether "NAME (ACR)" defines ACR as NAME's acronym.  Not for a wire dateline, "Paris (AFP) –"
    (rule acronym.not-a-dateline): an agency the alias table knows as another entity, a place whose
    initials are not the acronym, or a parenthesis followed by a dash."""
    known = index.get(_norm(acr))
    if known is not None and known != index.get(_norm(full.text), full.text):
        return False
    if _DASH_AFTER.match(text, after):
        return False
    if full.label in ("GPE", "LOC", "FAC"):
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'-]*", full.text) if w.lower() not in _ACRONYM_SKIP).upper()
        return initials.startswith(acr.replace(".", "").upper()[:2])
    return True


def _brand_shape(etext: str) -> bool:
    """A one-word "name" with a capital inside it ("WhatsApp", "TikTok", "YouTube", "PayPal"): a
    brand, not a person (rule brand-shape-is-not-a-person); surname prefixes keep theirs
    ("McDonald", "DeSantis", "O'Brien", "LeBron")."""
    if " " in etext or "-" in etext or not etext[:1].isupper() or etext.isupper():
        return False
    inner = [i for i, c in enumerate(etext) if i > 0 and c.isupper()]
    if not inner:
        return False
    return not any(etext.startswith(p) and inner[0] == len(p) for p in _NAME_PREFIXES)


# ---------------------------------------------------------------------------
# mentions in one parsed text (the body, or one caption)

def _mentions_in(sdoc, text: str, outside: dict) -> list[Mention]:
    corrections = _corrections()
    index, pattern = _alias_index()
    n = len(sdoc)
    taken = [False] * n
    out: list[Mention] = []

    def add(ts: int, te: int, label: str, rule: str, kind: str = "name", key=None, nested: bool = False) -> Mention | None:
        if te <= ts or (not nested and any(taken[ts:te])):
            return None
        span = sdoc[ts:te]
        m = Mention(span.start_char, span.end_char, span.text, label, kind, rule, tok_start=ts, tok_end=te, key=key, **outside)
        for k in range(ts, te):
            taken[k] = True
        out.append(m)
        return m

    for ent in sdoc.ents:
        label = ent.label_
        ts, te = ent.start, ent.end
        # trim junk at the edges ("Haddad's", "the")
        while ts < te and (sdoc[ts].is_punct or (sdoc[ts].text in data.NAME_EDGE_JUNK
                                                  and not (sdoc[ts].lower_ == "the" and label != "PERSON"))):
            ts += 1
        while te > ts and (sdoc[te - 1].text in data.NAME_EDGE_JUNK or sdoc[te - 1].is_punct):
            te -= 1
        if te <= ts:
            continue
        etext = sdoc[ts:te].text
        rule = "ner"
        fix = corrections.get(etext)
        if fix is not None:
            rule, new = fix
            if new is None:
                continue
            label = new
        if label not in data.ENTITY_LABELS:
            continue
        if etext.lower() in CREDIT_MARKERS and (etext.isupper() or outside.get("caption") is not None):
            continue  # rule credit-marker-is-not-an-entity: "(FILES)", "HO", "POOL" in a caption
        if label == "PERSON" and _brand_shape(etext):
            label, rule = "ORG", "brand-shape-is-not-a-person"
        words = etext.split()
        if len(words) > data.MAX_CAPS_WORDS and etext.isupper():
            continue  # rule shouting-is-not-a-name
        if "/" in etext:
            continue  # rule credit-line-is-not-a-name: "AP Photo/Lena Ortiz" (the credit is read separately)
        if ":" in etext or "\n" in etext:
            continue  # rule entity-across-colon: "WALLACE: Let's start with breaking news" is a line, not a name
        if sum(1 for w in words if w[:1].islower() and w not in data.NAME_INNER_WORDS) >= data.MAX_LOWERCASE_WORDS:
            continue  # rule lowercase-run-is-not-a-name: "Trump accused Holt of being a" (WORK_OF_ART)
        if label == "PERSON" and te - ts > 1 and role_finder.is_title(sdoc[te - 1]) and sdoc[te - 1].lower_ not in data.TITLE_SURNAMES:
            continue  # rule title-is-not-a-name: "Charlotte Mayor" tagged PERSON
        if not any(c.isalpha() for c in etext):
            continue
        if label in ("ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT") and 2 <= len(words) <= 3 \
                and words[0].lower() in data.GIVEN_NAMES and all(w[:1].isupper() for w in words) \
                and _norm(etext) not in index:
            label, rule = "PERSON", "given-name-is-a-person"  # "spokeswoman Sofia Marques" tagged ORG
        if label == "ORG" and ts >= 2 and sdoc[ts - 1].lower_ == "of" and sdoc[ts - 2].lower_ in _PLACE_WORDS:
            label, rule = "GPE", "place-after-place-word"
        if label == "PERSON":
            # strip honorifics/titles inside the span; extend left over untagged proper nouns ("Riyad")
            honorific = None
            while ts < te - 1 and (sdoc[ts].lower_ in data.HONORIFICS or role_finder.is_title(sdoc[ts])):
                honorific = data.HONORIFICS.get(sdoc[ts].lower_, honorific)
                ts += 1
            while ts > 0 and not taken[ts - 1] and sdoc[ts - 1].pos_ == "PROPN" and sdoc[ts - 1].text[:1].isupper() \
                    and sdoc[ts - 1].ent_type_ in ("", "PERSON") and not role_finder.is_title(sdoc[ts - 1]) \
                    and sdoc[ts - 1].lower_ not in data.HONORIFICS and sdoc[ts - 1].lower_ not in data.TITLE_MODIFIERS:
                ts -= 1
                rule = "ner+name-extension"
        key = index.get(_norm(sdoc[ts:te].text))
        if label in ("NORP", "GPE", "LOC") and etext in data.DEMONYMS:
            add(ts, te, "GPE", "demonym", "demonym", ("alias", data.DEMONYMS[etext]))
            continue
        m = add(ts, te, label, rule, key=("alias", key) if key else None)
        if m is not None and label == "PERSON":
            m.gender = honorific or role_finder.honorific_gender(sdoc, ts)[0]

    # transcript speaker labels: "PENCE: Well, look..." (rule transcript-speaker-label)
    for m in _SPEAKER_LABEL.finditer(text):
        if m.group(1).upper() in data.NOT_SPEAKER_LABELS:
            continue
        span = sdoc.char_span(m.start(1), m.end(1), alignment_mode="strict")
        if span is not None:
            add(span.start, span.end, "PERSON", "transcript-speaker-label")

    # alias table hits the model missed ("Daesh [ISIS]", "AFP PHOTO")
    for m in pattern.finditer(text):
        span = sdoc.char_span(m.start(), m.end(), alignment_mode="strict")
        if span is None:
            continue
        canonical = index[_norm(m.group())]
        add(span.start, span.end, data.ALIASES[canonical][0], "alias-table", key=("alias", canonical))

    # names of the relabel lists that the model left untagged ("Snapchat said ..." opening a
    # sentence: no entity at all, so no speaker); capitalised as listed and a noun, so "uber-rich",
    # a lower-case "zoom" or an imperative "Zoom in" (a noun heading a clause) stays a word; the
    # model makes 4 of the 64 brands opening "X said ..." common nouns ("Tinder", "Lyft"), as the
    # subject or object: those are names (rule: the list's, + "+untagged")
    for m in _relabel_pattern().finditer(text):
        span = sdoc.char_span(m.start(), m.end(), alignment_mode="strict")
        if span is None or any(t.pos_ != "PROPN" and not (
                t.pos_ == "NOUN" and t.dep_ in _NOUN_AS_NAME
                and (t.dep_ == "poss" or t.head.lemma_.lower() in data.SAYING_VERBS)) for t in span):
            continue
        rule, label = corrections[m.group()]
        add(span.start, span.end, label, rule + "+untagged")

    # acronyms defined in the text: "Syrian Arab News Agency (SANA)"
    by_end = {m.end: m for m in out if m.label in ("ORG", "GPE", "FAC", "LOC")}
    for m in _ACRONYM_DEF.finditer(text):
        full = by_end.get(m.start() - 1) or by_end.get(m.start())
        if full is None:
            continue
        acr = m.group(1)
        if not _defines(full, acr, text, m.end(), index):
            continue
        if full.key is None:
            full.key = ("text", _norm(full.text))
        for hit in re.finditer(r"(?<![\w.])" + re.escape(acr) + r"(?!\w)", text):
            span = sdoc.char_span(hit.start(), hit.end(), alignment_mode="strict")
            if span is None:
                continue
            existing = [x for x in out if x.tok_start == span.start and x.tok_end == span.end]
            if existing:
                existing[0].key = full.key
                existing[0].label = full.label
                existing[0].rule += "+acronym-definition"
            else:
                add(span.start, span.end, full.label, "acronym-definition", "alias", full.key)

    # unnamed role-holders
    for ts, te, role in role_finder.nominal_holders(sdoc, taken):
        m = add(ts, te, "PERSON", "role.nominal", "nominal", ("nominal", _norm(sdoc[ts:te].text)), nested=True)
        if m is not None:
            m.rule = "role.nominal:" + role
    out.sort(key=lambda m: m.start)
    return out


# ---------------------------------------------------------------------------
# clustering

class _Cluster:
    __slots__ = ("mentions", "key", "roles", "gender_votes", "canonical", "label_votes")

    def __init__(self, key):
        self.key = key
        self.mentions: list[Mention] = []
        self.roles: list[str] = []
        self.gender_votes: list[str] = []
        self.canonical: str | None = key[1] if key and key[0] == "alias" else None
        self.label_votes: dict[str, int] = {}

    def gender(self) -> str | None:
        """The gender with most weighted votes; None when unknown or tied."""
        votes: dict[str, float] = {}
        for g, w in self.gender_votes:
            votes[g] = votes.get(g, 0) + w
        top = sorted(votes.items(), key=lambda kv: -kv[1])
        if not top or (len(top) > 1 and top[0][1] == top[1][1]) or top[0][1] < data.GENDER_MIN_WEIGHT:
            return None
        return top[0][0]

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.label_votes[m.label] = self.label_votes.get(m.label, 0) + 1


def _person_name_tokens(m: Mention) -> list[str]:
    return [w for w in re.split(r"\s+", m.text) if w]


class _Clusterer:
    def __init__(self):
        self.clusters: list[_Cluster] = []
        self.by_key: dict[Any, _Cluster] = {}
        self.persons_by_part: dict[str, list[_Cluster]] = {}

    def _get(self, key, create: bool = True) -> _Cluster | None:
        c = self.by_key.get(key)
        if c is None and create:
            c = _Cluster(key)
            self.by_key[key] = c
            self.clusters.append(c)
        return c

    def add(self, m: Mention, gender_hint: str | None = None, create: bool = True) -> _Cluster | None:
        if m.key is not None:
            c = self._get(m.key, create)
        elif m.label == "PERSON":
            c = self._person(m, gender_hint, create)
        else:
            known = self.persons_by_part.get(_norm(m.text)) if " " not in m.text else None
            if known and m.label in ("ORG", "GPE", "NORP", "LOC", "PRODUCT"):
                m.label = "PERSON"  # rule surname-of-known-person: the model mislabelled a surname
                m.rule += "+surname-of-known-person"
                c = known[-1]
            else:
                c = self._get(("text", _norm(m.text)), create)
        if c is not None:
            c.add(m)
        return c

    def merge_surnames(self) -> None:
        """"Clinton ... Hillary Clinton": a one-word person cluster made before the full name appeared joins
        the one full-name person it names; left alone when two people share it (rule surname-merge)."""
        for c in list(self.clusters):
            if not c.mentions or c.key is None or c.key[0] != "person" or " " in c.key[1]:
                continue
            owners = [o for o in self.persons_by_part.get(c.key[1], []) if o is not c and o.mentions]
            if len(owners) == 1:
                for m in c.mentions:
                    m.rule += "+surname-merge"
                    owners[0].add(m)
                owners[0].roles.extend(r for r in c.roles if r not in owners[0].roles)
                owners[0].gender_votes.extend(c.gender_votes)
                c.mentions.clear()

    def merge_acronyms(self) -> None:
        """"the NTA ... the National Transport Authority": an acronym cluster joins the full name's (rule acronym-initials)."""
        full_by_initials: dict[str, _Cluster] = {}
        for c in self.clusters:
            for m in c.mentions:
                words = [w for w in re.split(r"[\s-]+", m.text) if w and w.lower() not in _ACRONYM_SKIP]
                if len(words) >= 2 and all(w[:1].isupper() for w in words) and m.label in _ORGISH:
                    full_by_initials.setdefault("".join(w[0] for w in words), c)
        for c in list(self.clusters):
            if len(c.mentions) == 0 or c.canonical:
                continue
            acr = c.mentions[0].text.replace(".", "")
            target = full_by_initials.get(acr) if acr.isupper() and 2 <= len(acr) <= 8 else None
            if target is None or target is c:
                continue
            for m in c.mentions:
                m.rule += "+acronym-initials"
                target.add(m)
            c.mentions.clear()

    def _person(self, m: Mention, gender_hint: str | None, create: bool = True) -> _Cluster | None:
        words = _person_name_tokens(m)
        if len(words) >= 2:
            key = ("person", _norm(words[0] + " " + words[-1]))
            c = self.by_key.get(key)
            if c is None and create:
                c = self._get(key)
                for w in (words[0], words[-1]):
                    self.persons_by_part.setdefault(_norm(w), []).append(c)
            return c
        cands = self.persons_by_part.get(_norm(words[0]), []) if words else []
        if gender_hint:
            same = [c for c in cands if c.gender() == gender_hint]
            unknown = [c for c in cands if c.gender() is None]
            cands = same or unknown or cands
        if cands:
            return cands[-1]  # the most recently introduced person of that name
        return self._get(("person", _norm(m.text)), create)


def _input_offsets(doc: Document, m: Mention) -> None:
    if m.in_body:
        if doc.offset_map is not None:
            m.input_start, m.input_end = doc.to_input(m.start, m.end)
        return
    line = doc.captions[m.caption] if m.caption is not None else doc.metadata_lines[m.metadata_line]
    found = line_input_span(doc, line, m.start, m.end, m.text)
    m.input_start, m.input_end = found if found is not None else (line.input_start, line.input_end)


def _surname_scan(view, text: str, mentions: list[Mention], clusterer: _Clusterer, outside: dict) -> list[Mention]:
    """Known people's surnames the model did not tag ("Trump responded", "PENCE:") (rule surname-scan)."""
    parts: dict[str, list[_Cluster]] = {}
    for c in clusterer.clusters:
        names = [m for m in c.mentions if m.label == "PERSON" and m.kind == "name" and " " in m.text]
        if names:
            last = names[0].text.split()[-1]
            if len(last) >= 2 and last[:1].isupper():
                parts.setdefault(last, []).append(c)
                parts.setdefault(last.upper(), []).append(c)
            if outside:  # headline case trips the model up: "Hillary Clinton Goes After ..."
                parts.setdefault(names[0].text, []).append(c)
    if not parts:
        return []
    taken = [False] * len(view)
    for m in mentions:
        for k in range(m.tok_start, m.tok_end):
            taken[k] = True
    added = []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True)) + r")(?!\w)")
    for hit in pattern.finditer(text):
        span = view.char_span(hit.start(), hit.end(), alignment_mode="strict")
        if span is None or (len(span) != 1 and span.text not in parts):
            continue
        tok = span[0]
        cands = parts[span.text]
        if any(taken[span.start:span.end]) or (len(span) == 1 and tok.ent_type_ in ("GPE", "LOC", "FAC")):
            continue
        if len(span) == 1 and not outside and tok.i + 1 < len(view) and view[tok.i + 1].pos_ == "PROPN" \
                and view[tok.i + 1].text[:1].isupper():
            continue  # part of a longer name ("Trump Tower")
        before = [c for c in cands if any(m.in_body and m.start < tok.idx for m in c.mentions)] if not outside else []
        c = (before or cands)[-1]
        m = Mention(span.start_char, span.end_char, span.text, "PERSON", "name", "surname-scan", tok_start=span.start,
                    tok_end=span.end, **outside)
        for k in range(span.start, span.end):
            taken[k] = True
        c.add(m)
        added.append(m)
    return added


def _credit_labels(mentions: list[Mention], text: str, caption) -> None:
    """A name inside the caption's credit is what the credit grammar made of it: the agency an
    organisation, the photographer a person ("(Gazette photo/Ana Ruiz)": the model tags Gazette
    PERSON), rule ``caption-credit`` appended to the model's."""
    if not caption.credit:
        return
    at = text.rfind(caption.credit)
    if at < 0:
        return
    end = at + len(caption.credit)
    want = {caption.agency: "ORG", caption.photographer: "PERSON"}
    for m in mentions:
        label = want.get(m.text)
        if label is not None and at <= m.start and m.end <= end and m.label != label:
            m.label, m.rule, m.gender = label, m.rule + "+caption-credit", None


def _credit_mentions(view, credit: str | None, in_mention, outside: dict) -> list[Mention]:
    """Agencies and photographers in a caption's credit ("AP Photo/Lena Ortiz", "AFP PHOTO / HO / SANA")
    that the other rules did not find (rule caption-credit)."""
    if not credit:
        return []
    index, _ = _alias_index()
    text = text_of(view)
    at = text.rfind(credit)
    if at < 0:
        return []
    out = []
    for part in re.finditer(r"[^/]+", credit):
        words = [w for w in re.finditer(r"[\w.'’-]+", part.group()) if w.group().lower() not in data.CREDIT_NOISE]
        if not words:
            continue
        start, end = at + part.start() + words[0].start(), at + part.start() + words[-1].end()
        span = view.char_span(start, end, alignment_mode="expand")
        if span is None or any(in_mention[span.start:span.end]):
            continue
        surface = span.text
        canonical = index.get(_norm(surface))
        if canonical:
            label, key = data.ALIASES[canonical][0], ("alias", canonical)
        elif 2 <= len(words) <= 3 and all(w.group()[:1].isupper() and not w.group().isupper() for w in words):
            label, key = "PERSON", None
        else:
            continue
        for k in range(span.start, span.end):
            in_mention[k] = label
        out.append(Mention(span.start_char, span.end_char, surface, label, "name", "caption-credit", tok_start=span.start,
                           tok_end=span.end, key=key, **outside))
    return out


def build_entities(doc: Document) -> list[Entity]:
    sdoc = doc.nlp_doc
    views: list[tuple[Any, dict]] = []
    if sdoc is not None:
        views.append((sdoc, {}))
    titles = [(line.text, {"metadata_line": i}) for i, line in enumerate(doc.metadata_lines)
              if line.reason == "title" and line.text.strip()]
    extras = [(cap.text, {"caption": i}) for i, cap in enumerate(doc.captions) if cap.text.strip()] + titles
    # one batch (spaCy's per-call cost dominates on short texts): the date step finds the captions'
    # parses cached, the headline attributions the sentence-cased parse of a Title Case headline
    cased = [c for t, _ in titles if (c := sentence_cased(t, doc.text or "")) is not None]
    if extras:
        views += zip(parse_extras([t for t, _ in extras] + cased), (o for _, o in extras))
    clusterer = _Clusterer()
    for view, outside in views:
        text = text_of(view)  # spaCy rebuilds Doc.text from the tokens on every access
        mentions = _mentions_in(view, text, outside)
        if "caption" in outside:
            _credit_labels(mentions, text, doc.captions[outside["caption"]])
        person_starts = {m.tok_start for m in mentions if m.label == "PERSON"}
        in_mention: list[str | None] = [None] * len(view)  # the label of the mention covering each token
        for m in mentions:
            if m.kind == "nominal":
                continue
            for k in range(m.tok_start, m.tok_end):
                in_mention[k] = m.label
        create = "metadata_line" not in outside  # headline mentions only join entities of the body/captions
        joined: list[Mention] = []
        for m in mentions:
            gender = m.gender if m.label == "PERSON" else None
            c = clusterer.add(m, gender, create)
            if c is not None:
                joined.append(m)
            if c is None or m.label != "PERSON":
                continue
            if m.kind == "nominal":
                role = m.rule.split(":", 1)[1]
                m.rule = "role.nominal"
                if role not in c.roles:
                    c.roles.append(role)
                continue
            if gender:
                c.gender_votes.append((gender, data.GENDER_WEIGHTS["honorific"]))
            g = role_finder.given_name_gender(m.text)
            if g:
                c.gender_votes.append((g, data.GENDER_WEIGHTS["given-name"]))
            for role in (_first(role_finder.prenominal_role(view, m.tok_start, in_mention)), role_finder.appositive_role(view, m.tok_end)):
                if role and role.casefold() not in {r.casefold() for r in c.roles}:
                    c.roles.append(role)
                    g = role_finder.role_gender(role)
                    if g:
                        c.gender_votes.append((g, data.GENDER_WEIGHTS["role"]))
            g = role_finder.pronoun_gender(view, m.tok_end, person_starts - {m.tok_start})
            if g:
                c.gender_votes.append(g)
        _surname_scan(view, text, joined, clusterer, outside)
        if "caption" in outside:
            for m in _credit_mentions(view, doc.captions[outside["caption"]].credit, in_mention, outside):
                clusterer.add(m)
    clusterer.merge_surnames()
    clusterer.merge_acronyms()
    return _finish(doc, clusterer)


def _first(x):
    return x[0] if x else None


def _finish(doc: Document, clusterer: _Clusterer) -> list[Entity]:
    def first_pos(c: _Cluster):
        body = [m.start for m in c.mentions if m.in_body]
        return (0, min(body)) if body else (1, min(m.start for m in c.mentions))

    entities = []
    for c in sorted((c for c in clusterer.clusters if c.mentions), key=first_pos):
        label = data.ALIASES[c.canonical][0] if c.canonical in data.ALIASES else None
        if label is None:
            votes = dict(c.label_votes)
            if any(m.label == "PERSON" and " " in m.text for m in c.mentions):
                label = "PERSON"
            else:
                label = max(votes, key=lambda k: (votes[k], k == "PERSON"))
        if c.canonical:
            name = c.canonical
        else:
            names = [m for m in c.mentions if m.kind == "name"] or c.mentions
            best = max(names, key=lambda m: (len(m.text.split()), m.in_body, -m.start))
            name = re.sub(r"^(the|The)\s+", "", best.text) if best.kind != "nominal" else best.text
        c.mentions.sort(key=lambda m: (not m.in_body, m.caption is None, m.caption or 0, m.metadata_line or 0, m.start))
        aliases: list[str] = []
        for m in c.mentions:
            if m.kind == "name" and (c.canonical or "acronym" in m.rule) and _norm(m.text) != _norm(name):
                m.kind = "alias"
            if _norm(m.text) != _norm(name) and m.text not in aliases and m.kind != "nominal":
                aliases.append(m.text)
            _input_offsets(doc, m)
        gender = c.gender() if label == "PERSON" else None
        entities.append(Entity(f"E{len(entities) + 1}", name, label, aliases, list(c.roles), gender, c.mentions))
    return entities


# ---------------------------------------------------------------------------
# the step and the API later steps use

class ExtractEntities(ParsedStep):
    name = "entities"
    needs = ("nlp_doc",)
    adds = ("entities",)

    def build(self, doc: Document) -> list:
        return build_entities(doc)


def entities_of(doc: Document) -> list[Entity]:
    """The :class:`Entity` objects of ``doc`` (empty when the step did not run)."""
    return [e for e in doc.extra.get("entities", []) if isinstance(e, Entity)]


def entity_at(doc: Document, start: int, end: int) -> Entity | None:
    """The entity with a body mention overlapping clean-text ``[start, end)`` most (ties: the earliest)."""
    best, best_overlap = None, 0
    for e in entities_of(doc):
        for m in e.mentions:
            if not m.in_body:
                continue
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = e, overlap
    return best


def token_entities(doc: Document) -> dict[int, Entity]:
    """spaCy token index (in ``doc.nlp_doc``) -> the entity whose body mention covers it (nominal
    role-holder mentions included: "the president of ..." maps to that unnamed person)."""
    out: dict[int, Entity] = {}
    for e in entities_of(doc):
        for m in e.mentions:
            if m.in_body:
                for k in range(m.tok_start, m.tok_end):
                    if k not in out or m.kind != "nominal":
                        out[k] = e
    return out
