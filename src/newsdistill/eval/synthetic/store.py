"""Seeded records shaped like distilled ones, for the corpus store benches and tests (nothing
copied from real articles).

:class:`Generator` writes ~250 words in 5 paragraphs from a Zipf-distributed vocabulary of
pseudo-words, ~6 entities and 3 attributions per document; speakers and statements are drawn
Zipf-like from pools, so popular statements are carried by many documents, some trimmed (the
quote-cluster case), and popular speakers are quoted thousands of times in 100,000 documents.
Every offset is computed from the text.  One document in 97 is an error record.  Same seed,
same records (``bench/store_speed.py``, ``bench/api_speed.py``).
"""

from __future__ import annotations

import itertools
import random

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "ba", "di", "fu", "ga", "ho", "ja", "ke", "lu", "ma",
             "no", "pe", "qui", "ra", "se", "to", "ur", "ve", "wa", "xi", "yo", "zu"]
OUTLETS = [f"outlet{i}.example" for i in range(300)]
ROLES = ["minister of finance", "UN Secretary-General", "spokesperson", "ambassador", "president", "senator", "CEO", "professor"]


def zipf_weights(n: int, s: float = 1.05) -> list[float]:
    return list(itertools.accumulate(1 / (i + 1) ** s for i in range(n)))


class Generator:
    def __init__(self, seed: int = 7, vocab: int = 20_000, people: int = 5_000, statements: int = 40_000):
        self.rng = random.Random(seed)
        rng = self.rng
        words = set()
        while len(words) < vocab:
            words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.vocab = sorted(words)
        rng.shuffle(self.vocab)
        self.vocab_w = zipf_weights(vocab)
        self.people = [(f"{w1.title()} {w2.title()}", rng.choice(ROLES)) for w1, w2 in zip(rng.sample(self.vocab, people), rng.sample(self.vocab, people))]
        self.people_w = zipf_weights(people)
        self.statements = [self.words(rng.randint(10, 28)) for _ in range(statements)]
        self.statements_w = zipf_weights(statements, 0.9)
        self.speaker_of = [rng.randrange(people) for _ in range(statements)]

    def words(self, n: int) -> str:
        return " ".join(self.rng.choices(self.vocab, cum_weights=self.vocab_w, k=n))

    def record(self, i: int) -> dict:
        rng = self.rng
        text, paras, atts, mentions = "", [], [], {}
        people = [self.people[k] for k in rng.choices(range(len(self.people)), cum_weights=self.people_w, k=4)]

        def add(par: str, quote: tuple[int, int, dict] | None = None) -> None:
            nonlocal text
            start = len(text) + (2 if text else 0)
            text = text + "\n\n" + par if text else par
            paras.append({"start": start, "end": start + len(par), "text": par})
            if quote:
                qs, qe, att = quote
                att["content"] = {"start": start + qs, "end": start + qe, "text": par[qs:qe]}
                atts.append(att)

        for p in range(5):
            body = self.words(rng.randint(30, 55)).capitalize() + "."
            if p in (1, 2, 4):
                k = rng.choices(range(len(self.statements)), cum_weights=self.statements_w)[0]
                quote = self.statements[k]
                if rng.random() < 0.3:  # trimmed by this outlet
                    ws = quote.split()
                    quote = " ".join(ws[rng.randint(0, 3): len(ws) - rng.randint(0, 3)])
                name, role = self.people[self.speaker_of[k]] if rng.random() < 0.8 else people[p % 4]
                lead = f"{body} "
                par = f"{lead}“{quote},” {name} said."
                qs = len(lead) + 1
                eid = mentions.setdefault(name, (f"E{len(mentions) + 1}", role))[0]
                add(par, (qs, qs + len(quote), {"id": f"A{len(atts) + 1}", "kind": "direct", "source": None, "cue": None,
                                               "speaker": {"entity": eid, "name": name, "role": role, "type": "person"}}))
            else:
                add(body)
        for name, role in people:
            mentions.setdefault(name, (f"E{len(mentions) + 1}", role))
        entities = []
        for name, (eid, role) in mentions.items():
            ms = []
            at = 0
            while (j := text.find(name, at)) >= 0:
                ms.append({"start": j, "end": j + len(name), "text": name, "kind": "name"})
                at = j + len(name)
            entities.append({"id": eid, "name": name, "label": "PERSON", "aliases": [], "roles": [role], "mentions": ms})
        entities.append({"id": f"E{len(entities) + 1}", "name": self.vocab[i % 500].title(), "label": "GPE", "aliases": [], "roles": [],
                         "mentions": []})
        day = 1 + i % 700
        return {"id": f"doc{i:07d}", "format_version": "1.0", "status": "ok" if i % 97 else "error",
                "error": None if i % 97 else {"code": "bad-json", "message": "synthetic", "kind": "record"},
                "source": {"url": f"https://{OUTLETS[rng.randrange(len(OUTLETS))]}/a/{i}"}, "input_kind": "jsonl", "language": "en",
                "title": self.words(8).capitalize(), "byline": None,
                "published": f"{2023 + day // 365}-{1 + (day % 365) // 31:02d}-{1 + day % 28:02d}",
                "text": text, "paragraphs": paras,
                "removed": [{"input_start": None, "input_end": None, "text": "- Advertisement -", "reason": "ad-marker", "rule": "ad.marker"}],
                "captions": [], "metadata_lines": [], "entities": entities, "attributions": atts}
