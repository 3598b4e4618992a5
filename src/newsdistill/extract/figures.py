"""Figures: quantities with their value, qualifier, unit, what they count, whose and where.

"more than 20,000 members in Iraq and Syria" (ISIS being the subject) becomes
``{value: 20000, qualifier: "more than", thing: "members", of: <ISIS>, where: [<Iraq>, <Syria>],
kind: "count"}``.  Candidates are the parser's CARDINAL/MONEY/PERCENT/QUANTITY
entities plus ages ("45-year-old", "Jane Doe, 45,").  ``attributed_to`` is
left null here; the attribution step fills it.
"""

from __future__ import annotations

import re

from ..record import Document, Figure
from . import figure_data as data
from .entities import entities_of
from .nlp import ParsedStep

_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_QUALS = sorted(data.QUALIFIERS, key=len, reverse=True)


def parse_number(text: str) -> float | int | None:
    """'20,000' -> 20000, '4.5 million' -> 4500000, 'three' -> 3, 'a dozen' -> 12; None when not a number."""
    t = text.lower().replace("\u2009", " ").strip()
    t = re.sub(r"(\d)([a-z]+)\b", r"\1 \2", t)  # "1.2bn" -> "1.2 bn"
    words = t.replace("-", " ").split()
    value: float | None = None
    mult = 1
    for w in words:
        w = w.strip(",")
        if w in data.MULTIPLIERS:
            mult *= data.MULTIPLIERS[w]
            if value is None:
                value = 1
            continue
        m = _NUM.fullmatch(w.lstrip("$€£¥₽₹").rstrip("%"))
        if m:
            num = m.group()
            # "20,000" groups thousands; "4.5" is a decimal; "4,5" (continental) too
            if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", num):
                num = num.replace(",", "")
            elif "," in num and "." not in num:
                num = num.replace(",", ".")
            try:
                n = float(num)
            except ValueError:
                return None
            value = n if value is None else value + n
        elif w in data.NUMBER_WORDS:
            n = data.NUMBER_WORDS[w]
            value = n if value is None else value + n
    if value is None:
        return None
    value *= mult
    return int(value) if float(value).is_integer() else round(value, 6)


def _qualifier(sdoc, start: int, end: int) -> tuple[str | None, int]:
    """A qualifier at the start of the span or right before it; returns it and the first number token."""
    inside = sdoc[start:end].text
    inside_low = inside.lower()
    for q in _QUALS:
        if inside_low.startswith(q + " "):
            return inside[:len(q)], start + len(q.split())
    if start > 0:
        before = sdoc[max(0, start - 4):start].text
        before_low = before.lower()
        for q in _QUALS:
            if before_low.endswith(q) and (len(before_low) == len(q) or not before_low[-len(q) - 1].isalnum()):
                return before[-len(q):], start
    return None, start


def _thing(sdoc, start: int, end: int):
    """The noun the number counts: its head when the number modifies a noun ("20,000 members")."""
    last = sdoc[end - 1]
    head = last.head if last.dep_ in ("nummod", "quantmod", "compound", "amod") and last.head.i >= end else None
    if head is None and end < len(sdoc) and sdoc[end].lower_ == "of":
        pobj = [c for c in sdoc[end].children if c.dep_ == "pobj"]
        head = pobj[0] if pobj else None
    if head is None or head.pos_ not in ("NOUN", "PROPN") or head.i - end > 4:
        return None, None
    first = end
    if head.i > end + 1 and sdoc[end].lower_ == "of":
        first = end + 1
    while first < head.i and sdoc[first].pos_ not in ("ADJ", "NOUN", "PROPN", "VERB"):
        first += 1
    return sdoc[first:head.i + 1].text, head


def _owner(head, tok_entity: dict[int, str]) -> str | None:
    """Whose figure: the subject of the verb governing the counted noun ("ISIS has ... members"),
    never an entity inside the counted phrase itself ("29 New Yorkers wounded")."""
    own = {t.i for t in head.subtree}
    node = head
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX"):
            break
        if node.head is node:
            return None
        node = node.head
    else:
        return None
    verb = node
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            for tok in subj[0].subtree:
                if tok.i in tok_entity and tok.i not in own:
                    return tok_entity[tok.i]
            return None
        if verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head
        else:
            return None
    return None


def _where(head, tok_entity: dict[int, str], place_ids: set[str]) -> list[str]:
    found: list[str] = []
    nodes = [head]
    if head.head is not head:
        nodes.append(head.head)
    for node in nodes:
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ in data.WHERE_PREPS:
                for tok in prep.subtree:
                    eid = tok_entity.get(tok.i)
                    if eid in place_ids and eid not in found:
                        found.append(eid)
        if found:
            break
    return found


def _currency_word(word: str, before: list[str], places: list[str]) -> tuple[bool, str | None]:
    """(is a currency word, its ISO 4217 code) for ``word`` ("shillings"): a country word right
    before it ("Kenyan shillings") or else the first of ``places`` (the sentence's places nearest
    first, then the article's; a city as its country, ``PLACE_COUNTRY``) in ``CURRENCY_BY_PLACE`` decides a word several countries use;
    otherwise ``CURRENCY_WORDS`` (dollars: USD), or None ("3,000 shillings" in an article that
    names no country of the shilling)."""
    low = word.lower()
    key = data.CURRENCY_FORMS.get(low)
    if key is not None:
        table = data.CURRENCY_BY_PLACE[key]
        for n in (2, 1):
            near = " ".join(before[-n:]).lower()
            if len(before) >= n and near in table:
                return True, table[near]
        for place in places:
            place = data.PLACE_COUNTRY.get(place, place)  # "Nairobi" stands for Kenya
            if place in table:
                return True, table[place]
        return True, data.CURRENCY_WORDS.get(low)
    if low in data.CURRENCY_WORDS:
        return True, data.CURRENCY_WORDS[low]
    return False, None


def _kind_unit(text: str, label: str, sdoc, start: int, end: int, thing_head,
               places: list[str] = ()) -> tuple[str, str | None]:
    low = text.lower()
    words = re.findall(r"[A-Za-z]+", text)
    # "200 dinars" tagged QUANTITY is money too; "300 pounds" tagged QUANTITY stays a weight
    money_word = label == "QUANTITY" and any(w.lower() in data.CURRENCY_WORDS or w.lower() in data.CURRENCY_FORMS
                                             for w in words if w.lower() not in data.UNITS)
    after = " ".join(t.lower_ for t in sdoc[end:end + 2])
    symbol = any(s in text for s in data.CURRENCY_SYMBOLS)
    if not symbol and not money_word and (after.startswith("percentage point") or any(
            p in low for p in data.PERCENT_WORDS if p.startswith("percentage point"))):
        return "percent", "percentage points"  # "2.5 percentage points": a difference of percentages
    if not symbol and not money_word and (label == "PERCENT" or any(p in low for p in data.PERCENT_WORDS)
                                          or after.startswith(("per cent", "percent"))):
        return "percent", "%"  # "50 per cent" tagged MONEY by the model
    if label == "MONEY" or money_word or symbol:
        for i, w in enumerate(words):  # "500 Canadian dollars", "3,000 Kenyan shillings"
            found, code = _currency_word(w, words[:i], places)
            if found and (code is not None or data.CURRENCY_FORMS.get(w.lower())):
                return "money", code
        for sym, code in sorted(data.CURRENCY_SYMBOLS.items(), key=lambda kv: -len(kv[0])):
            if sym in text:
                return "money", code
        return "money", None
    if label == "PERCENT" or any(p in low for p in data.PERCENT_WORDS):
        return "percent", "%"
    if label == "QUANTITY":
        units = [w for w in re.findall(r"[a-z/]+", low) if w in data.UNITS]
        return "quantity", (units[-1] if units else None)
    if thing_head is not None:
        # "300,000 euros", "3,000 shillings", "500 Kenyan shillings" tagged CARDINAL + noun
        before = [t.text for t in sdoc[end:thing_head.i] if t.is_alpha]
        found, code = _currency_word(thing_head.text, before, places)
        if found:
            return "money", code
        if thing_head.lower_ in data.CASUALTY_WORDS:
            return "casualties", None
        v = thing_head.head
        if v.lemma_ in data.CASUALTY_VERBS or any(c.lemma_ in data.CASUALTY_VERBS for c in thing_head.children):
            return "casualties", None
    return "count", None


def _age(sdoc, ent) -> int | None:
    text = ent.text.lower()
    for pat in data.AGE_PATTERNS:
        m = re.match(pat, text)
        if m:
            return int(m.group(1))
    # "Jane Doe, 45, said", "said farmer Ahmed Ali, 61." (the sentence's end), "Grace Njeri (29)
    # told": a bare number right after a person, between commas or in brackets
    if ent.label_ in ("CARDINAL", "DATE") and re.fullmatch(r"\d{1,3}", text) and ent.start >= 2 \
            and sdoc[ent.start - 2].ent_type_ == "PERSON" and (
                sdoc[ent.start - 1].text == "," and (ent.end == len(sdoc) or sdoc[ent.end].text in (",", ")", ".", ";"))
                or sdoc[ent.start - 1].text == "(" and ent.end < len(sdoc) and sdoc[ent.end].text == ")"):
        return int(text)
    if ent.start > 0 and sdoc[ent.start - 1].lower_ in ("aged", "age") and re.fullmatch(r"\d{1,3}", text):
        return int(text)
    return None


def _places_near(places: list[tuple[int, str]], sent_start: int, sent_end: int, at: int) -> list[str]:
    """The place names of the figure's sentence, nearest to ``at`` first, then the article's, first named first."""
    inside = sorted((abs(s - at), n) for s, n in places if sent_start <= s < sent_end)
    return [n for _, n in inside] + [n for _, n in places]


def _age_of(sdoc, ent, tok_entity: dict[int, str]) -> str | None:
    """The person an age belongs to: "Halima Guyo, 46," (the name before the comma), "Guyo (46)",
    "46-year-old Halima Guyo" (the name after)."""
    k = ent.start - 1
    while k >= 0 and sdoc[k].text in (",", "("):
        k -= 1
    if k >= 0 and k < ent.start - 1 and k in tok_entity:
        return tok_entity[k]
    if ent.end < len(sdoc) and ent.end in tok_entity:
        return tok_entity[ent.end]
    # "the 45-year-old mechanic, Peter Kamau,": the person in apposition to the noun the age modifies
    head = sdoc[ent.end - 1].head
    for c in head.children:
        if c.dep_ == "appos" and c.i in tok_entity:
            return tok_entity[c.i]
    return None


def _before(sdoc, ent) -> str:
    """The token right before ``ent`` when it is a currency symbol ("$" left out of "25,000")."""
    if ent.start > 0 and sdoc[ent.start - 1].text in data.CURRENCY_SYMBOLS:
        return sdoc[ent.start - 1].text
    return ""


def build_figures(doc: Document) -> list[Figure]:
    sdoc = doc.nlp_doc
    tok_entity: dict[int, str] = {}
    place_ids: set[str] = set()
    ents = entities_of(doc)
    # the places the article names (start, name): they decide "shillings" (figure.currency-by-place)
    places = sorted((m.start, n.lower()) for e in ents if e.label in ("GPE", "NORP", "LOC")
                    for m in e.body_mentions for n in (e.name, *e.aliases))
    for e in ents:
        if e.label in ("GPE", "LOC", "FAC"):
            place_ids.add(e.id)
        for m in e.mentions:
            if m.in_body and m.kind != "nominal":
                for k in range(m.tok_start, m.tok_end):
                    tok_entity[k] = e.id
    figures: list[Figure] = []
    for ent in sdoc.ents:
        label = ent.label_
        age = _age(sdoc, ent)
        if age is None and label not in data.FIGURE_LABELS:
            continue
        if age is None and any(k in tok_entity for k in range(ent.start, ent.end)):
            continue  # a number inside a name ("G20")
        qualifier, num_start = _qualifier(sdoc, ent.start, ent.end)
        end, end_char, ent_text = ent.end, ent.end_char, ent.text
        if end < len(sdoc) and sdoc[end].lower_.rstrip(".") in data.GLUED_MULTIPLIERS and sdoc[end].idx == end_char \
                and (label == "MONEY" or _before(sdoc, ent) or any(c in ent.text for c in data.CURRENCY_SYMBOLS)):
            # "€3m", "$1.5bn", "€3m." ending a sentence: the model leaves the glued multiplier out of
            # the span (value 3, thing "m"); money only: "the 100m final", "300m tall" are metres
            end_char = sdoc[end].idx + len(sdoc[end].text.rstrip("."))
            end += 1
            ent_text = doc.text[ent.start_char:end_char]
        number_text = doc.text[sdoc[num_start].idx:end_char] if num_start < end else ent_text
        currency = None
        if age is not None:
            value, kind, unit, thing, head = age, "age", "years", None, None
        else:
            value = parse_number(number_text)
            low = number_text.lower()
            if value is None and any(v in low for v in data.VAGUE):
                qualifier = qualifier or low
            elif value is None:
                continue
            thing, head = _thing(sdoc, ent.start, end)
            # "$25,000" where the model left the symbol out of the span
            printed = _before(sdoc, ent)
            kind, unit = _kind_unit(printed + ent_text, label, sdoc, ent.start, end, head,
                                    _places_near(places, ent.sent.start_char, ent.sent.end_char, ent.start_char))
            if kind == "percent" and thing is not None and thing.lower() in data.PERCENT_WORDS:
                thing = None  # "2.5 percentage points": the unit, not what is counted
            if kind == "money":
                currency = unit
                if head is not None and (head.lower_ in data.CURRENCY_WORDS or head.lower_ in data.CURRENCY_FORMS):
                    thing = None
        of = _owner(head, tok_entity) if head is not None else None
        if age is not None:
            of = _age_of(sdoc, ent, tok_entity)
        where = _where(head, tok_entity, place_ids) if head is not None else []
        first_char = ent.start_char
        if age is None and _before(sdoc, ent) and sdoc[ent.start - 1].idx + len(sdoc[ent.start - 1]) == ent.start_char:
            first_char = sdoc[ent.start - 1].idx  # the figure as printed: "$25,000"
        span = doc.span(first_char, end_char)
        figures.append(Figure(f"F{len(figures) + 1}", value, qualifier, unit, thing, of, where, kind, span,
                              currency=currency))
    return figures


class ExtractFigures(ParsedStep):
    name = "figures"
    needs = ("nlp_doc", "entities")
    adds = ("figures",)

    def build(self, doc: Document) -> list:
        return build_figures(doc)
