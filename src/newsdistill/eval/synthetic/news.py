"""Seeded generator of synthetic scraped-news documents for the engine and dedup benches and tests.

Each document is a news-like plain text with the boilerplate scrapers leave in (share
counters, ad markers, newsletter prompts, navigation, a copyright footer), a headline,
a byline, quotes and reported speech.  A share of the documents are exact copies (other
whitespace/case) or near copies (a few words changed) of earlier ones, so the dedup bench
has something to find.  Streams: nothing is held in memory, 1,000,000 documents are fine.
:func:`generate` gives the documents, :func:`write_jsonl` / :func:`write_txt` write them
(the command line: ``bench/gen_news.py``).
"""

from __future__ import annotations

import gzip
import json
import os
import random
from collections.abc import Iterator

NAMES = ["Maria Lopez", "John Carter", "Aisha Khan", "Peter Novak", "Li Wei", "Fatima Haddad", "Tom Berg",
         "Sara Jensen", "Ahmed Saleh", "Olga Petrova", "James Miller", "Nadia Rahman", "Carlos Ruiz", "Emma Stone"]
ROLES = ["the minister", "a spokesman for the ministry", "the mayor", "a senior official", "the company's chief executive",
         "an analyst at the bank", "the police chief", "a local resident", "the union leader", "the senator"]
ORGS = ["the United Nations", "the central bank", "the health ministry", "Reuters", "the city council",
        "the World Bank", "the European Commission", "the opposition party", "the army", "the court"]
PLACES = ["Damascus", "Berlin", "Nairobi", "Lima", "Jakarta", "Toronto", "Madrid", "Cairo", "Oslo", "Manila"]
SUBJECTS = ["the government", "officials", "investors", "the committee", "residents", "the ministry", "experts",
            "the police", "lawmakers", "the company", "aid groups", "the report"]
VERBS = ["announced", "rejected", "approved", "criticised", "welcomed", "delayed", "expanded", "reviewed",
         "proposed", "confirmed", "questioned", "suspended"]
OBJECTS = ["a new budget plan", "the peace talks", "the tax reform", "the water project", "the election results",
           "the trade agreement", "the emergency measures", "the housing programme", "the wage increase",
           "the border controls", "the climate targets", "the vaccine rollout"]
TAILS = ["on Tuesday", "after weeks of debate", "despite strong protests", "in a statement", "late on Friday",
         "for the second time this year", "amid rising prices", "at a press conference", "without giving details",
         "under pressure from donors"]
SAYS = ["said", "told reporters", "said in a statement", "added", "warned", "insisted"]
QUOTES = ["We will not accept this", "The situation is very difficult", "This is a victory for everyone",
          "We need more time to study the proposal", "Nobody expected these numbers",
          "The people deserve better answers", "It is too early to say", "We are ready to talk"]
BOILER_TOP = ["Home | World | Politics | Business | Sport", "Skip to main content", "1 2,172", "Share this article",
              "Menu", "Subscribe now for unlimited access"]
BOILER_MID = ["- Advertisement -", "Story continues below advertisement", "Sign up for our daily newsletter",
              "Read more: {title}", "Download our app for breaking news alerts"]
BOILER_END = ["© {year} Example News Media. All rights reserved.", "Tags: politics, economy, {place}",
              "Related: {title}", "Follow us on Twitter and Facebook", "Comments (12)"]


def _sentence(rng: random.Random) -> str:
    s = f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
    if rng.random() < 0.3:
        s += f", according to {rng.choice(ORGS)}"
    if rng.random() < 0.25:
        s += f", {rng.randint(2, 95)} percent of {rng.choice(SUBJECTS)} said"
    return s + "."


def _quote(rng: random.Random) -> str:
    name = rng.choice(NAMES)
    if rng.random() < 0.5:
        return f"\"{rng.choice(QUOTES)},\" {rng.choice(SAYS)} {name}, {rng.choice(ROLES)}."
    return f"{name}, {rng.choice(ROLES)}, {rng.choice(SAYS)} that {rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."


def article(rng: random.Random, paragraphs: tuple[int, int] = (4, 12)) -> tuple[str, str]:
    """(title, text) of one synthetic scraped article."""
    place, year = rng.choice(PLACES), rng.randint(2015, 2025)
    title = f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in {place}"
    lines = rng.sample(BOILER_TOP, rng.randint(0, 3)) + [title, f"By {rng.choice(NAMES)}",
                                                           f"{place}, {rng.randint(1, 28)} March {year}"]
    for i in range(rng.randint(*paragraphs)):
        sentences = [_quote(rng) if rng.random() < 0.35 else _sentence(rng) for _ in range(rng.randint(2, 5))]
        lines.append(" ".join(sentences))
        if i == 2 and rng.random() < 0.5:
            lines.append(rng.choice(BOILER_MID).format(title=title))
    lines += [b.format(year=year, place=place, title=title) for b in rng.sample(BOILER_END, rng.randint(1, 3))]
    return title, "\n\n".join(lines) + "\n"


def _near_copy(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    for _ in range(max(1, len(words) // 60)):  # about 1.5% of the words changed
        words[rng.randrange(len(words))] = rng.choice(["also", "then", "still", "now", "again"])
    return " ".join(words)


def generate(n: int, seed: int = 1, dup_rate: float = 0.05, near_rate: float = 0.05,
             paragraphs: tuple[int, int] = (4, 12)) -> Iterator[dict]:
    """``n`` JSON-ready documents ``{id, title, url, text}``; deterministic for a seed."""
    rng = random.Random(seed)
    recent: list[str] = []  # a small window of earlier texts to copy from (memory stays flat)
    for i in range(n):
        roll = rng.random()
        if recent and roll < dup_rate:
            text = rng.choice(recent)
            text = text.upper() if rng.random() < 0.2 else text.replace("\n\n", "\n\n\n")
            title = None
        elif recent and roll < dup_rate + near_rate:
            title, text = None, _near_copy(rng, rng.choice(recent))
        else:
            title, text = article(rng, paragraphs)
            recent.append(text)
            if len(recent) > 200:
                recent.pop(rng.randrange(len(recent)))
        yield {"id": f"g{seed}-{i:07d}", "title": title, "url": f"https://news.example/{seed}/{i}", "text": text}


def write_jsonl(docs, path: str) -> None:
    """One JSON object a line into ``path`` (a ``.gz`` name compresses)."""
    opener = gzip.open if (path or "").endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")


def write_txt(docs, folder: str) -> None:
    """One ``<id>.txt`` file per document (its text) into ``folder``."""
    os.makedirs(folder, exist_ok=True)
    for d in docs:
        with open(os.path.join(folder, d["id"] + ".txt"), "w", encoding="utf-8") as fh:
            fh.write(d["text"])
