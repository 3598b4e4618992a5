"""Speaker resolution: who an attribution's source is.

Through the entity clusters of the entity step (``doc.extra["entities"]``) when present --
names and surnames by cluster membership, pronouns by gender/number, recency and speaker
salience, "the report"/"the text" to the document introduced earlier with its author -- and
through the parse's named entities when the entity step did not run.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..record import Document
from . import rules as R
from .filters import antecedent
from .tokens import Candidate


# ---------------------------------------------------------------------------------------------
# mentions: the entity clusters (or the parse's named entities as a fallback)
# ---------------------------------------------------------------------------------------------
@dataclass(slots=True)
class Mention:
    start: int
    end: int
    key: str  # entity id, or the canonical name in fallback mode
    entity: str | None
    name: str
    label: str
    gender: str | None
    role: str | None
    kind: str = "name"


def entity_mentions(entities: list) -> list[Mention]:
    out = []
    for e in entities:
        e = e.to_dict() if hasattr(e, "to_dict") else e
        roles = e.get("roles") or []
        for m in e.get("mentions") or []:
            if "start" not in m:
                continue
            out.append(Mention(m["start"], m["end"], e["id"], e["id"], e.get("name") or m.get("text", ""),
                               e.get("label") or "", e.get("gender"), roles[0] if roles else None, m.get("kind") or "name"))
    out.sort(key=lambda m: m.start)
    return out


def fallback_mentions(sdoc) -> list[Mention]:
    """Named entities of the parse; surnames join the earlier full name ("Haddad" -> "Riyad Haddad")."""
    out: list[Mention] = []
    full_names: dict[str, str] = {}
    genders: dict[str, str] = {}
    for ent in sdoc.ents:
        if ent.label_ not in R.SPEAKER_LABELS:
            continue
        label, start = ent.label_, ent.start
        if len(ent) == 1 and label == "PERSON" and start > 0:  # NER missed the first name
            prev = sdoc[start - 1]
            if prev.pos_ == "PROPN" and prev.dep_ == "compound" and prev.head.i == ent.start and prev.text[:1].isupper() \
                    and prev.lower_ not in R.TITLE_WORDS and "-" not in prev.text:
                start -= 1
        ent = sdoc[start:ent.end]
        words = [t.text for t in ent if t.lower_ not in R.HONORIFIC_GENDER]
        name = " ".join(words) or ent.text
        if label == "PERSON":
            if len(words) >= 2:
                full_names[words[-1]] = name
            elif words and words[-1] in full_names:
                name = full_names[words[-1]]
            prev = sdoc[ent.start - 1] if ent.start > 0 else None
            hon = ent[0].lower_ if ent[0].lower_ in R.HONORIFIC_GENDER else (prev.lower_ if prev is not None else "")
            if hon in R.HONORIFIC_GENDER:
                genders[name] = R.HONORIFIC_GENDER[hon]
        out.append(Mention(ent.start_char, ent.end_char, name, None, name, label, None, None))
    for m in out:
        m.gender = genders.get(m.key)
    return out


# ---------------------------------------------------------------------------------------------
# speaker resolution
# ---------------------------------------------------------------------------------------------
class Resolver:
    def __init__(self, doc: Document, sdoc, mentions: list[Mention], cands: list[Candidate]):
        self.doc = doc
        self.sdoc = sdoc
        self.mentions = mentions
        self.cands = cands
        self.roles: dict[str, str] = {}
        self.speakers: list[tuple[int, dict]] = []  # (source start, speaker) of resolved attributions
        self._doc_nouns: list | None = None
        self._rules: dict[int, list[str]] = {}  # id(candidate) -> the speaker rules that resolved it

    def rules_of(self, cand: Candidate) -> list[str]:
        """The named speaker rules that decided ``cand``'s speaker (``speaker.relative-antecedent``,
        ``speaker.place-modifier``), for its ``rule``."""
        return self._rules.get(id(cand), [])

    # -- helpers --
    def mentions_in(self, s: int, e: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= s and m.end <= e]

    def _speaker(self, m: Mention, role: str | None = None) -> dict:
        role = m.role or role or self.roles.get(m.key)
        if role:
            self.roles.setdefault(m.key, role)
        return {"entity": m.entity, "name": m.name, "role": role, "type": R.LABEL_TYPE.get(m.label, "other")}

    def _inside_content(self, pos: int) -> bool:
        return any(c.content[0] <= pos < c.content[1] for c in self.cands)

    def _role_from_source(self, cand: Candidate, m: Mention) -> str | None:
        """'Syrian ambassador to Russia Riyad Haddad' -> 'Syrian ambassador to Russia'."""
        s, e = cand.source
        words = [t for t in self.sdoc.char_span(s, e, alignment_mode="expand") or [] if not (m.start <= t.idx < m.end)]
        words = [t for t in words if t.idx < m.start and t.dep_ != "det" and not t.is_punct
                 and t.lower_ not in R.HONORIFIC_GENDER]
        if not words or not any(t.pos_ in ("NOUN", "PROPN") for t in words):
            # 'John Smith, a local banker' -> 'local banker'
            ment = self.sdoc.char_span(m.start, m.end, alignment_mode="expand")
            head = ment.root if ment is not None and len(ment) else None
            # an age is no role ("Halima Guyo, 46, said": the figure step records it as an age)
            appos = [c for c in head.children if c.dep_ == "appos" and c.idx < e and not c.like_num] if head is not None else []
            if not appos:
                return None
            words = [t for t in appos[0].subtree if t.dep_ != "det" and not t.is_punct and t.idx < e]
            while words and words[0].like_num:
                words.pop(0)
            if not words or not any(t.pos_ in ("NOUN", "PROPN") for t in words):
                return None
        role = R.AGE_IN_ROLE.sub("", self.doc.text[words[0].idx:words[-1].idx + len(words[-1])])
        return role or None

    def pronoun(self, tok, before: int) -> dict | None:
        low = tok.lower_
        # the entity step may already have linked the pronoun
        for m in self.mentions:
            if m.start <= tok.idx < m.end and m.kind != "name":
                return self._speaker(m)
        if low in R.PRONOUN_GENDER:
            want, labels = R.PRONOUN_GENDER[low], ("PERSON",)
        elif low in R.PLURAL_PRONOUNS:
            want, labels = None, ("ORG", "NORP", "GPE")
        elif low in R.NEUTER_PRONOUNS:
            want, labels = None, ("ORG", "GPE")
        else:
            return None
        prior = [m for m in self.mentions if m.end <= before and m.label in labels and (
            want is None or m.gender in (None, want))]
        if not prior:
            return None
        best = prior[-1]
        # salience: someone talked about inside a quote does not take over from the speaker
        if self._inside_content(best.start):
            for pos, sp in reversed(self.speakers):
                if sp.get("type") == "person" and sp.get("_key") and before - pos < 1500:
                    hit = [m for m in prior if m.key == sp["_key"]]
                    if hit:
                        return self._speaker(hit[-1])
                    break
        return self._speaker(best)

    def document(self, head, before: int) -> dict | None:
        """'the report' / 'the text' -> the document introduced earlier, with its author."""
        if self._doc_nouns is None:
            self._doc_nouns = [t for t in self.sdoc if t.pos_ == "NOUN" and t.lemma_.lower() in R.DOCUMENT_NOUNS]
        for tok in reversed([t for t in self._doc_nouns if t.idx + len(t) <= before]):
            author = None
            for c in tok.children:
                if c.dep_ == "poss":
                    author = self.pronoun(c, c.idx) if c.pos_ == "PRON" else self._name_at(c)
                elif c.dep_ == "compound" or (c.dep_ == "prep" and c.lower_ == "by"):
                    author = author or self._name_at(c)
            if author is None:
                continue
            words = [t for t in tok.subtree if t.dep_ != "poss" and not (t.head == tok and t.dep_ == "case")]
            words = [t for t in words if t.i >= tok.i or t.dep_ in ("amod", "compound")]
            name = self.doc.text[words[0].idx:words[-1].idx + len(words[-1])] if words else tok.text
            return {"entity": None, "name": name, "role": None, "type": "document",
                    "author": {"entity": author.get("entity"), "name": author.get("name")}}
        return None

    def _locates(self, m: Mention, head) -> bool:
        """Rule ``speaker.place-modifier``: a mention inside a source that only says where its
        speaker is ("drivers in Portland", "the mayor of Lyon", "teachers at Acme"): a place
        anywhere but as the possessor or after "for" ("Russia's foreign ministry", "a spokesman
        for Belgium"), or any name after a preposition of place."""
        toks = [t for t in head.subtree if m.start <= t.idx < m.end]
        root = next((t for t in toks if not (m.start <= t.head.idx < m.end) or t.head is t), None)
        if root is None:
            return False
        prep = root.head.lower_ if root.dep_ == "pobj" else None
        if prep in R.LOCATIVE_PREPS:
            return True
        return m.label in R.PLACE_LABELS and root.dep_ not in R.PLACE_SPEAKER_DEPS and prep not in R.PLACE_SPEAKER_PREPS

    def _antecedent_words(self, ant, pronoun) -> dict | None:
        """A speaker made of the antecedent's words without its clauses and appositions ("one
        resident" of "one resident, who declined to give her name"); None without a word."""
        drop = {t.i for c in ant.children if c.dep_ in ("relcl", "appos", "acl", "punct") for t in c.subtree}
        words = [t for t in ant.subtree if t.i not in drop and not t.is_punct and t.i < pronoun.i]
        if not words:
            return None
        name = self.doc.text[words[0].idx:words[-1].idx + len(words[-1])]
        return {"entity": None, "name": name, "role": None,
                "type": "person" if pronoun.lower_ in R.RELATIVE_PERSON_WORDS else "other"}

    def _organisation_before(self, before: int) -> dict | None:
        """The organisation named last before ``before``, within ``ORG_NOUN_WINDOW`` (rule
        speaker.definite-org-noun); one named outside any quote's content first (a company that a
        speaker only talks about is a weaker antecedent than one that spoke or acted)."""
        near = [m for m in self.mentions if m.end <= before and before - m.end <= R.ORG_NOUN_WINDOW
                and m.label in R.ORG_NOUN_LABELS and m.kind == "name" and not self._told(m)]
        best = next((m for m in reversed(near) if not self._inside_content(m.start)), near[-1] if near else None)
        return None if best is None else {**self._speaker(best), "_key": best.key}

    def _told(self, m: Mention) -> bool:
        """``m`` is whom something was said to ("a spokesperson told Reuters", "said in an interview
        with AP", "told the BBC"): an addressee is no antecedent of "the company"."""
        span = self.sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        head = root.head.head if root.dep_ == "pobj" else root.head
        return root.dep_ in R.ADDRESSEE_DEPS and head.lemma_.lower() in R.CUE_VERBS

    def _name_at(self, tok) -> dict | None:
        for t in tok.subtree:
            for m in self.mentions:
                if m.start <= t.idx < m.end:
                    return self._speaker(m)
        return None

    def resolve(self, cand: Candidate) -> dict | None:
        if cand.source is None or cand.source_head is None:
            return None
        s, e = cand.source
        head = self.sdoc[cand.source_head]
        speaker = None
        if head.tag_ in R.RELATIVE_SOURCE_TAGS and (ant := antecedent(head)) is not None:
            # "Barkley, who said ...": the speaker is the antecedent ("Weber, the party leader, who said": Weber)
            if ant.pos_ == "PRON":
                speaker = self.pronoun(ant, ant.idx)
            else:
                speaker = next((self._speaker(m) for t in ant.subtree if t.i <= ant.i
                                for m in self.mentions if m.start <= t.idx < m.end), None)
            direct = head.head.dep_ == "relcl" and ant.i < head.i  # the parse's own relative clause
            if speaker is None:  # "one resident, who declined ...": the antecedent's own words
                speaker = self._antecedent_words(ant, head)
                direct = False
            if not direct:  # named where the antecedent's words or a coordinated/missed clause decided
                self._rules[id(cand)] = [R.RULE_RELATIVE_ANTECEDENT]
        elif head.pos_ == "PRON":
            speaker = self.pronoun(head, s)
        else:
            inside = self.mentions_in(s, e)
            on_head = [m for m in inside if m.start <= head.idx < m.end]
            pick = on_head or [m for m in inside if m.label == "PERSON"] or inside
            if not on_head and inside:  # rule speaker.place-modifier: "drivers in Portland"
                kept = [m for m in inside if not self._locates(m, head)]
                unlocated = [m for m in kept if m.label == "PERSON"] or kept
                if unlocated[:1] != pick[:1]:  # named only when it changed the speaker
                    self._rules[id(cand)] = [R.RULE_PLACE_MODIFIER]
                pick = unlocated
            if pick and not (head.lemma_.lower() in R.DOCUMENT_NOUNS and not on_head and head.pos_ == "NOUN"
                             and pick[0].label != "ORG"):
                m = pick[0]
                speaker = self._speaker(m, self._role_from_source(cand, m) if m.label == "PERSON" else None)
                speaker["_key"] = m.key
            elif head.lemma_.lower() in R.DOCUMENT_NOUNS and any(
                c.dep_ == "det" and c.lower_ in R.DEFINITE_DETERMINERS for c in head.children
            ):
                speaker = self.document(head, s)
            elif not pick and head.pos_ == "NOUN" and head.lower_ in R.ORG_NOUNS and any(
                c.dep_ == "det" and c.lower_ in R.DEFINITE_DETERMINERS for c in head.children
            ):
                speaker = self._organisation_before(s)
                if speaker is not None:
                    self._rules[id(cand)] = [R.RULE_ORG_NOUN]
        if speaker is not None:
            if "_key" not in speaker:
                speaker["_key"] = next((m.key for m in self.mentions if m.name == speaker["name"]), None)
            self.speakers.append((s, speaker))
        return speaker
