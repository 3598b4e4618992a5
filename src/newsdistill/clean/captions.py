"""Recognise photo captions and parse credit, usage restrictions, date and place."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import rules


@dataclass(slots=True)
class CaptionParse:
    rule: str
    credit: str | None = None
    restrictions: list[str] = field(default_factory=list)
    date: str | None = None
    place: str | None = None


# a line holding none of the credit patterns' needles (most lines) has no credit: one test
_ALL_CREDIT_NEEDLES = (tuple(sorted({n for needles in rules.CREDIT_NEEDLES.values() for n in needles}))
                       if all(name in rules.CREDIT_NEEDLES for name, _ in rules.CREDIT_PATTERNS) else None)


def find_credit(text: str, low: str | None = None) -> tuple[str, str] | None:
    """(rule name, credit) of the first credit in ``text``, if any (``low``: ``text.lower()``)."""
    low = text.lower() if low is None else low
    if _ALL_CREDIT_NEEDLES is not None and not any(n in low for n in _ALL_CREDIT_NEEDLES):
        return None
    for name, pattern in rules.CREDIT_PATTERNS:
        needles = rules.CREDIT_NEEDLES.get(name)
        if needles is not None and not any(n in low for n in needles):
            continue
        m = pattern.search(text)
        if m is None:
            continue
        if name in ("credit.label", "credit.getty") and m.end() < len(text) - 60:
            # a label/agency name mid-sentence is usually prose ("Getty Images said ..."),
            # as a caption credit it closes the line
            continue
        return name, m.group().strip(" ()[].")
    return None


def find_restrictions(text: str, low: str | None = None) -> list[str]:
    low = text.lower() if low is None else low
    if not any(n in low for n in rules.RESTRICTION_NEEDLES) or not rules.RESTRICTION_ANY.search(text):
        return []
    found: list[str] = []
    for part in rules.RESTRICTION_SPLIT.split(text):
        part = part.strip(" =-|.")
        letters = [c for c in part if c.isalpha()]
        if not letters:
            continue
        upper = sum(c.isupper() for c in letters) / len(letters)
        if upper >= rules.RESTRICTION_MIN_UPPER_SHARE and rules.RESTRICTION_ANY.search(part):
            found.append(part)
        elif rules.RESTRICTION_ANY.fullmatch(part.strip()):
            found.append(part.strip())
    return found


def find_date(text: str) -> str | None:
    m = rules.CAPTION_DATE.search(text)
    if m is None:
        return None
    month = m.group("month") or m.group("month2")
    day = m.group("day") or m.group("day2")
    year = m.group("year") or m.group("year2")
    try:
        return dt.date(int(year), rules.MONTH_ABBR[month[:4].lower() if month.lower().startswith("sept") else month[:3].lower()], int(day)).isoformat()
    except (ValueError, KeyError):
        return None


def _place_from_phrase(phrase: str) -> str | None:
    parts = [p for p in (_place_from_part(part) for part in phrase.split(", ")) if p]
    return ", ".join(parts) or None


def _place_from_part(phrase: str) -> str | None:
    if rules.PLACE_IGNORE.search(phrase):
        return None
    m = rules.PLACE_CONTAINERS.search(phrase)
    if m:
        return m.group("name")
    words = phrase.split()
    while words and words[0].lower() in rules.PLACE_ADJECTIVES:
        words.pop(0)
    kept: list[str] = []
    for k, w in enumerate(words):
        if w[:1].isupper():
            kept.append(w)
        elif kept and w in rules.PLACE_LINKERS and k + 1 < len(words) and words[k + 1][:1].isupper():
            kept.append(w)  # "Port of Valmora", "Rio de Janeiro"
        elif kept and w.lower() in rules.PLACE_HEAD_NOUNS:
            kept.append(w)
            break
        else:
            break
    return " ".join(kept) or None


def find_place(text: str, date_at: int | None) -> str | None:
    """Place named by the "in/at ..." phrases just before the caption's date."""
    scope = text[:date_at] if date_at is not None else text
    # the sentence that holds the date
    sentence_start = max(scope.rfind(". "), -1) + 1
    scope = scope[sentence_start:]
    places: list[str] = []
    for m in rules.PLACE_PHRASE.finditer(scope):
        place = _place_from_phrase(m.group("phrase"))
        for part in (place.split(", ") if place else []):
            if part not in places:
                places.append(part)
    return ", ".join(places) or None


def parse_caption(text: str, rule: str) -> CaptionParse:
    credit = find_credit(text)
    restrictions = find_restrictions(text)
    parsed = CaptionParse(rule=rule, credit=credit[1] if credit else None, restrictions=restrictions)
    m = rules.CAPTION_DATE.search(text)
    parsed.date = find_date(text)
    parsed.place = find_place(text, m.start() if m else None)
    return parsed


def caption_rule(text: str) -> str | None:
    """Name of the rule that makes this line a caption, or None."""
    if len(text) > rules.MAX_CAPTION_CHARS:
        return None
    low = text.lower()
    credit = find_credit(text, low)
    if credit is not None:
        rest = text.replace(credit[1], " ")
        if len(rest.split()) >= 5:
            return "caption." + credit[0].split(".", 1)[1]
    if find_restrictions(text, low):
        return "caption.restriction"
    if rules.CAPTION_PREFIX.match(text) and len(text.split()) >= 5:
        return "caption.prefix"
    return None
