"""Recognise photo captions and parse credit, usage restrictions, date and place."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import credit_rules as cr
from . import rules


@dataclass(slots=True)
class CaptionParse:
    rule: str
    credit: str | None = None
    restrictions: list[str] = field(default_factory=list)
    date: str | None = None
    place: str | None = None
    photographer: str | None = None  # the credit's person, where it names one ("Jane Doe")
    agency: str | None = None  # the credit's agency or outlet ("AFP", "AFP via Getty Images", "Gazette")


@dataclass(slots=True)
class Credit:
    """A credit found by the grammar of :mod:`.credit_rules`: its rule, the text as printed
    (without the parentheses) and the photographer and agency it names."""

    rule: str
    text: str
    photographer: str | None = None
    agency: str | None = None


_PART_SPLIT = re.compile("(" + cr.PART_SPLIT.pattern + ")")
_HANDOUT_MARKERS = frozenset(("ho", "handout", "handout photo", "courtesy"))


def _org_named(part: str) -> bool:
    """``part`` ends in an organisation's head word ("Greenhouse Studio", "Quanta Magazine")."""
    return part.rsplit(None, 1)[-1].lower().strip(".") in cr.ORG_HEADS


def parse_credit_block(body: str, marked: bool = False) -> Credit | None:
    """Photographer and agency of one credit block ("Photo by LUDOVIC MARIN / AFP", "Jane
    Doe/AFP via Getty Images"); None unless every part is an agency, a marker or a name, and
    the block names an agency (or has a photo label and a name).  ``marked``: the page marks
    the block as a credit (HTML's ``<span class="credit">``), which then counts as its label:
    a lone agency ("Getty Images") or name is a credit."""
    body = _without_trailing_restrictions(body.strip(" ."))
    label = cr.CREDIT_LABEL.match(body)
    rest = body[label.end():] if label else body
    if not rest or len(body) > cr.WIRE_MAX_CHARS:
        return None
    pieces = _PART_SPLIT.split(rest)
    people: list[str] = []
    agencies: list[tuple[str, str]] = []  # (connector before it, name)
    agency_side = False
    connector = ""
    for k, part in enumerate(pieces):
        if k % 2:
            connector = part
            if cr.AGENCY_SIDE.fullmatch(part):
                agency_side = True
            continue
        part = part.strip(" .")
        low = part.lower()
        if not part:
            if k == 0 and len(pieces) > 1:
                continue
            return None
        if low in cr.MARKERS:
            if low in _HANDOUT_MARKERS:
                agency_side = True  # "HO / SANA": the source that handed the picture out
            continue
        if cr.AGENCY.fullmatch(part):
            agencies.append((connector, part))
            continue
        m = cr.AGENCY_PHOTO.fullmatch(part)
        if m is not None:
            name = m.group("name")
            if name.lower() not in cr.MARKERS:
                agencies.append((connector, name))
            continue
        if agency_side and (cr.PERSON.fullmatch(part) or cr.OUTLET.fullmatch(part) or cr.ORG.fullmatch(part)):
            agencies.append((connector, part))
            continue
        if cr.OUTLET.fullmatch(part):
            agencies.append((connector, part))
            continue
        if cr.PERSON.fullmatch(part) and len(part.split()) <= 5:
            if _org_named(part):
                agencies.append((connector, part))  # rule credit.org-head: "Photo: Greenhouse Studio"
            elif people and ("/" in connector or "|" in connector) and (len(part.split()) >= cr.OUTLET_AFTER_PERSON_MIN_WORDS or (
                    k + 1 < len(pieces) and " via " in pieces[k + 1])):  # "Mira Patel/DigitalVision via Getty Images"
                agencies.append((connector, part))  # "Mark Olsen/Tulsa World via AP": the outlet after the name
            else:
                people.append(part)
            continue
        return None
    labelled = label is not None or marked
    if (labelled and not agencies and len(people) == 1 and len(people[0].split()) == 1
            and not (label and cr.BY_LABEL.match(label.group()))):
        agencies, people = [("", people[0])], []  # rule credit.label-brand: "Credit: Nikon", "Photo: GoPro"
    if not agencies and not (labelled and people):
        return None
    if len(pieces) == 1 and not labelled and cr.AGENCY_PHOTO.fullmatch(rest) is None:
        return None  # "(Reuters)", "(Bloomberg)" alone close prose too: the older patterns decide
    agency = None
    if agencies:
        names = list(dict.fromkeys(name for _, name in agencies))  # one outlet of several photographers once
        agency = agencies[0][1]
        for conn, name in agencies[1:]:
            if name in names[:1] or name in agency.split("/"):
                continue
            via = cr.AGENCY_SIDE.fullmatch(conn)
            agency += f" {conn.strip()} " if via else "/"
            agency += name
    return Credit("", body, ", ".join(people) or None, agency)


def _without_trailing_restrictions(block: str) -> str:
    """``block`` without the restrictions after its last " / " or " | " ("AFP PHOTO / ANNA KOWALSKA /
    RESTRICTED TO EDITORIAL USE": the restriction is no agency)."""
    parts = cr.BLOCK_TAIL_SPLIT.split(block)  # [part, separator, part, ...]
    while len(parts) > 1 and _is_restriction(parts[-1].strip(" .")):
        del parts[-2:]
    return "".join(parts).rstrip(" .")


def site_as_outlet(photographer: str | None, agency: str | None, site_name: str | None = None,
                   url: str | None = None) -> tuple[str | None, str | None]:
    """(photographer, agency) of a credit, where a "photographer" that is the site's own name
    is its outlet: "Credit: Upgraded Points" on upgradedpoints.com, "Photo: Valley Courier" on
    the Valley Courier's pages (the name's words are the site name's, or spell the site's
    host: "upgraded points" ~ "upgradedpoints").  A credit that names an agency keeps its parts."""
    if not photographer or agency or "," in photographer:
        return photographer, agency
    words = [w.lower() for w in cr.WORD.findall(photographer)]
    site = [w.lower() for w in cr.WORD.findall(site_name or "")]
    host = ""
    if url:
        from urllib.parse import urlsplit

        labels = (urlsplit(url).hostname or "").lower().split(".")
        host = max((label for label in labels[:-1] if label not in cr.HOST_PREFIXES), key=len, default="")
    if words and (words == site or "".join(words) == host):
        return None, photographer
    return photographer, agency


def _restriction_only(tail: str) -> bool:
    """``tail`` (what follows a credit) is empty or only restrictions."""
    if cr.RESTRICTION_TAIL.match(tail):
        return True
    parts = [p.strip(" =-|./") for p in _split_restrictions(tail)]
    parts = [p for p in parts if p]
    return bool(parts) and all(_is_restriction(p) for p in parts)


def _paren_credit(text: str) -> Credit | None:
    last = cr.CREDIT_PAREN.match(text, text.rfind("("))  # the last parenthesised group
    if last is None or not _restriction_only(text[last.end():]):
        return None
    credit = parse_credit_block(last.group("body"))
    if credit is None:
        return None
    body = credit.text
    if cr.CREDIT_LABEL.match(body):
        credit.rule = "credit.photo-by"
    elif cr.AGENCY_PHOTO.match(body.split("/")[0].strip()) and not cr.AGENCY.fullmatch(body.split("/")[0].strip()):
        credit.rule = "credit.ap-style"
    else:
        credit.rule = "credit.paren"
    return credit


_BLOCK_END = re.compile(r"\s*===|\s*\n|\s+-\s+(?=[A-Z]{2,}\b[^a-z]*$)")


def _wire_credit(text: str) -> Credit | None:
    for m in cr.CREDIT_WIRE_START.finditer(text):
        block = text[m.start():]
        end = _BLOCK_END.search(block)
        if end is not None:
            block = block[:end.start()]
        block = _without_trailing_restrictions(block)
        if len(block) > cr.WIRE_MAX_CHARS:
            continue
        credit = parse_credit_block(block)
        if credit is None and " | " in block:
            block = block[:block.index(" | ")].rstrip(" .")  # "Photo: Jane Doe | Share": the pipe ends the credit
            credit = parse_credit_block(block)
        if credit is None:
            continue
        head = block[:m.end() - m.start()]
        if cr.CREDIT_LABEL.match(head):
            credit.rule = "credit.label"
        elif head.upper().startswith("REUTERS/") or head.upper().startswith("REUTERS /"):
            credit.rule = "credit.reuters-name"
        elif re.search(r"(?i)photo", head):
            credit.rule = "credit.wire-photo"
        else:
            credit.rule = "credit.wire"
        return credit
    return None


def _needles(needles) -> re.Pattern[str]:
    """One search for "holds any of ``needles``" (each a literal): the same answer as
    ``any(n in s for n in needles)``, in C rather than a Python loop a line (15 -> 12-14 us a line
    for :func:`caption_rule`, HTML mode's lines of WCXB dev's first half)."""
    return re.compile("|".join(re.escape(n) for n in sorted(needles, key=len, reverse=True)))


_WIRE_NEEDLES = _needles(cr.WIRE_NEEDLES)
_CASED_NEEDLES = _needles(cr.CASED_NEEDLES)
_RESTRICTION_NEEDLES = _needles(rules.RESTRICTION_NEEDLES)


def find_credit_parts(text: str, low: str | None = None) -> Credit | None:
    """The caption's credit by the grammar of :mod:`.credit_rules` (its last parenthesised
    group, or a wire credit to the end), else by the older patterns of ``rules.CREDIT_PATTERNS``
    (then without photographer and agency); ``low``: ``text.lower()`` when the caller has it."""
    low = text.lower() if low is None else low
    if len(text) <= rules.MAX_CAPTION_CHARS:
        credit = _paren_credit(text) if ")" in text else None
        if credit is None and (_WIRE_NEEDLES.search(low) or _CASED_NEEDLES.search(text)):
            credit = _wire_credit(text)
        if credit is not None:
            return credit
    found = _pattern_credit(text, low)
    if found is None:
        return None
    # the older patterns find where the credit is ("Mikolette / Getty Images", "Credit: Eric
    # Thayer/Associated Press", "iStock"); the grammar then names its parts where it can, the
    # patterns' find counting as its label
    parts = parse_credit_block(found[1], marked=True)
    return Credit(found[0], found[1], parts.photographer if parts else None, parts.agency if parts else None)


# a line holding none of the credit patterns' needles (most lines) has no credit: one test
_ALL_CREDIT_NEEDLES = (_needles({n for needles in rules.CREDIT_NEEDLES.values() for n in needles})
                       if all(name in rules.CREDIT_NEEDLES for name, _ in rules.CREDIT_PATTERNS) else None)


def find_credit(text: str, low: str | None = None) -> tuple[str, str] | None:
    """(rule name, credit) of the credit in ``text``, if any (see :func:`find_credit_parts`)."""
    credit = find_credit_parts(text, low)
    return (credit.rule, credit.text) if credit else None


def _pattern_credit(text: str, low: str | None = None) -> tuple[str, str] | None:
    """(rule name, credit) of the first of ``rules.CREDIT_PATTERNS`` in ``text``, if any."""
    low = text.lower() if low is None else low
    if _ALL_CREDIT_NEEDLES is not None and not _ALL_CREDIT_NEEDLES.search(low):
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
    if not _RESTRICTION_NEEDLES.search(low) or not rules.RESTRICTION_ANY.search(text):
        return []
    found: list[str] = []
    for part in _split_restrictions(text):
        part = part.strip(" =-|./")
        if _is_restriction(part):
            found.append(part)
    return found


def _split_restrictions(text: str) -> list[str]:
    """``text`` split on :data:`.credit_rules.RESTRICTION_SEPARATORS`, never inside double quotes."""
    if '"' not in text:
        return cr.RESTRICTION_SEPARATORS.split(text)
    parts: list[str] = []
    start = 0
    for m in cr.RESTRICTION_SEPARATORS.finditer(text):
        if text.count('"', start, m.start()) % 2:
            continue  # inside a quotation: 'MANDATORY CREDIT "AFP PHOTO / HO / SANA"'
        parts.append(text[start:m.start()])
        start = m.end()
    parts.append(text[start:])
    return parts


def _is_restriction(part: str) -> bool:
    letters = [c for c in part if c.isalpha()]
    if not letters:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    if upper >= rules.RESTRICTION_MIN_UPPER_SHARE and rules.RESTRICTION_ANY.search(part):
        return True
    return rules.RESTRICTION_ANY.fullmatch(part.strip()) is not None


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
    credit = find_credit_parts(text)
    restrictions = find_restrictions(text)
    parsed = CaptionParse(rule=rule, credit=credit.text if credit else None, restrictions=restrictions,
                          photographer=credit.photographer if credit else None, agency=credit.agency if credit else None)
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
    if cr.FILES_PREFIX.match(text) and len(text.split()) >= cr.FILES_PREFIX_MIN_WORDS:
        return "caption.files"
    return None
