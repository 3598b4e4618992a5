"""Roles (titles, functions) of people, and gender clues, read off the parse around a name.

* pre-nominal titles: "Syrian ambassador to Russia Riyad Haddad" -> "Syrian ambassador to Russia"
  (rule ``role.pre-nominal``);
* apposition: "Maria Lopez, a spokeswoman for the ministry, said" -> "spokeswoman for the ministry"
  (rule ``role.apposition``);
* unnamed role-holders: "the president of the South Ossetian republic" (rule ``role.nominal``).
"""

from __future__ import annotations

import numpy as np

from . import entity_data as data
from .spacy_import import import_spacy

LOWER = import_spacy().attrs.LOWER

_STOP_PUNCT = {",", ".", ";", ":", ")", "(", "“", "”", '"', "!", "?", "[", "]", "—", "–", "--", "―"}


def is_title(tok) -> bool:
    low = tok.lower_
    if low in data.TITLE_WORDS or tok.lemma_.lower() in data.TITLE_WORDS or (low.endswith("s") and low[:-1] in data.TITLE_WORDS):
        return True
    parts = [p for p in low.split("-") if p]  # "vice-chairman", "secretary-general"
    return len(parts) > 1 and all(p in data.TITLE_WORDS or p in data.TITLE_MODIFIERS for p in parts)


def _title_part(tok, in_mention) -> bool:
    """May ``tok`` be inside a pre-nominal title phrase?"""
    low = tok.lower_
    if in_mention[tok.i] == "PERSON":
        # a possessor is part of the title ("Clinton's lawyer Cheryl Mills"), another name is not
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.text in ("'s", "’s")
    if low in data.HONORIFICS:
        return False  # another person's name ("Mr. King and Mr. Schultz")
    if is_title(tok) or low in data.TITLE_MODIFIERS or low in data.TITLE_LINKS:
        return True
    if in_mention[tok.i]:
        return True  # "UN", "Syrian", "Russia" inside a title
    if tok.text == "-":  # "Secretary-General" yes, "leaders - British Prime Minister" no
        return not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
    if tok.text in ("'s", "’s") or tok.text in data.DEMONYMS:
        return True
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ != "PERSON"


def _clean(doc, start: int, end: int) -> str:
    return doc[start:end].text if end > start else ""  # (Doc.text would rebuild the whole text)


def prenominal_role(doc, start: int, in_mention) -> tuple[str, int] | None:
    """The title phrase right before the name starting at token ``start``, and its first token."""
    i = start - 1
    lo = max(0, start - data.MAX_TITLE_TOKENS)
    while i >= lo and _title_part(doc[i], in_mention) and not doc[i].is_sent_end:
        i -= 1
    first = i + 1
    # trim small words and determiners from the left edge
    while first < start and (doc[first].lower_ in data.TITLE_LINKS or doc[first].pos_ == "DET" or doc[first].text in ("-", "'s", "’s")):
        first += 1
    if first >= start:
        return None
    if not any(is_title(doc[k]) for k in range(first, start)):
        return None
    stop = start
    while stop > first and doc[stop - 1].is_punct:
        stop -= 1  # "staffer- Heather Samuelson"
    if stop <= first:
        return None
    last = doc[stop - 1]
    if last.lower_ in data.TITLE_LINKS or last.pos_ in ("DET", "CCONJ", "ADP"):
        return None  # "senior adviser to the Clinton campaign": the name is not what the title is about
    name_end = doc[start]
    while name_end.i + 1 < len(doc) and name_end.dep_ in ("compound", "flat") and name_end.head.i == name_end.i + 1:
        name_end = doc[name_end.i + 1]
    if name_end.dep_ == "compound" and name_end.head.i > name_end.i and name_end.head.pos_ == "NOUN":
        return None  # the name modifies a noun ("the Clinton campaign")
    return _clean(doc, first, stop), first


def appositive_role(doc, end: int) -> str | None:
    """", a spokeswoman for the ministry," right after the name ending at token ``end``."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    k = end + 1
    stop = min(len(doc), k + 12)
    first = k
    while k < stop and doc[k].text not in _STOP_PUNCT and doc[k].pos_ not in ("VERB", "AUX", "PRON") \
            and not (doc[k].text == "-" and (doc[k].whitespace_ or doc[k - 1].whitespace_)):
        k += 1
    if k == stop and k < len(doc) and doc[k].text not in _STOP_PUNCT:
        return None  # runs on: not a bounded apposition
    while first < k and doc[first].pos_ == "DET":
        first += 1
    if first >= k or doc[first].like_num:
        # "Jane Doe, 45, a lawyer": skip the age and try again
        if first < k and doc[first].like_num and k < len(doc) and doc[k].text == ",":
            return appositive_role(doc, k)
        return None
    while k > first and (doc[k - 1].lower_ in data.TITLE_LINKS or doc[k - 1].pos_ in ("DET", "CCONJ", "ADP")):
        k -= 1  # never end a role on "to the"
    # the title must head the phrase: "a spokeswoman for the ministry", not "no relation to the minister"
    head_end = next((j for j in range(first, k) if doc[j].pos_ == "ADP"), k)
    head_ok = any(is_title(doc[j]) for j in range(first, head_end))
    return _clean(doc, first, k) if head_ok else None


def nominal_holders(doc, in_mention) -> list[tuple[int, int, str]]:
    """Unnamed role-holders: (token start, token end, role) for "the president of the X republic"."""
    out = []
    # only the tokens whose lower-case form is a nominal head, found in one pass over the
    # token array (not a Python Token object per token)
    heads = np.array([doc.vocab.strings[w] for w in data.POSSESSED_HEADS], dtype=np.uint64)
    for i in np.flatnonzero(np.isin(doc.to_array(LOWER), heads)).tolist():
        tok = doc[i]
        if tok.lower_ not in data.POSSESSED_HEADS or tok.pos_ != "NOUN" or in_mention[tok.i] or in_mention[max(tok.i - 1, 0)] and tok.i and doc[tok.i - 1].lower_ == "the":
            continue
        # the title of a named person, not an unnamed holder
        if tok.dep_ == "appos" or any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in tok.children):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].ent_type_ == "PERSON":
            continue
        dets = [c for c in tok.lefts if c.dep_ == "det" and c.lower_ == "the"]
        # "Kenya's finance minister", "Russia's foreign ministry": a named place or organisation
        # in the possessive stands where "the" would (rule role.nominal, the same)
        poss = [c for c in tok.lefts if c.dep_ == "poss" and in_mention[c.i] and c.pos_ == "PROPN"
                and any(g.dep_ == "case" for g in c.children)]
        if not poss and (not dets or tok.lower_ not in data.NOMINAL_HEADS):
            continue
        start = dets[0].i if dets else poss[0].left_edge.i
        role_start = start + 1 if dets else next(g.i for g in poss[0].children if g.dep_ == "case") + 1
        end = tok.i + 1
        comps = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("of", "for", "to")]
        if comps:
            pobj = [c for c in comps[0].children if c.dep_ == "pobj"]
            if not pobj:
                continue
            end = pobj[0].i + 1
        elif not any(in_mention[c.i] for c in tok.lefts):
            continue  # "the president" alone: too ambiguous to be an entity
        if end - start > data.MAX_TITLE_TOKENS + 2:
            continue
        role = _clean(doc, role_start, end)
        out.append((start, end, role))
    return out


def honorific_gender(doc, start: int) -> tuple[str | None, bool]:
    """(gender, found) from an honorific right before token ``start`` ("Mrs. Lopez")."""
    if start > 0:
        low = doc[start - 1].lower_
        if low in data.HONORIFICS:
            return data.HONORIFICS[low], True
    return None, False


def role_gender(role: str) -> str | None:
    for word in role.lower().replace("-", " ").split():
        if word in data.GENDERED_TITLES:
            return data.GENDERED_TITLES[word]
    return None


def pronoun_gender(doc, end: int, person_starts: set[int]) -> tuple[str, float] | None:
    """(gender, weight) of the first he/she-type pronoun after token ``end``, before another person is
    named: close after the name in its sentence, or the subject opening the next sentence, it weighs
    more than farther away (where it often points to someone else)."""
    stop = min(len(doc), end + data.PRONOUN_WINDOW)
    sent_end = doc[end - 1].sent.end if end > 0 else 0
    for k in range(end, stop):
        if k in person_starts:
            return None
        g = data.PRONOUN_GENDER.get(doc[k].lower_)
        if g is not None:
            near = (k < sent_end and k - end <= data.PRONOUN_NEAR) or (k == sent_end and doc[k].dep_ in ("nsubj", "nsubjpass"))
            return g, data.GENDER_WEIGHTS["pronoun-near" if near else "pronoun-far"]
    return None


def given_name_gender(name: str) -> str | None:
    words = name.split()
    return data.GIVEN_NAMES.get(words[0].lower()) if len(words) >= 2 else None
