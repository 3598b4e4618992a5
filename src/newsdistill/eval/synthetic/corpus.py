"""Seeded generator of news-like plain texts with scraped-page boilerplate (for benchmarks).

Every text is written from the word lists below (nothing copied from real
articles): a headline, optionally a byline / dateline / photo caption, body
paragraphs of varied sentences with quotes and figures, and boilerplate lines
(ad markers, share counters, newsletter prompts, related links, footers)
before, inside and after the body.  Same seed, same corpus.  :func:`corpus` gives
the texts, :func:`records` them as JSON-ready ``{id, text}`` (the command line:
``bench/gen_corpus.py``; the cleaning speed bench, ``bench/clean_speed.py``, reads them).
"""

from __future__ import annotations

import random
from collections.abc import Iterator

PEOPLE = ("Maria Lopez", "Daniel Okafor", "Hannah Weiss", "Tomasz Nowak", "Aiko Tanaka", "Samuel Reyes",
          "Leila Haddad", "Peter Lindqvist", "Grace Mensah", "Rahul Iyer", "Claire Dubois", "Yusuf Demir")
ROLES = ("the city's finance director", "a spokesperson for the ministry", "the union's regional secretary",
         "an economist at the central bank", "the mayor", "a senior official who asked not to be named",
         "the head of the port authority", "a researcher at the national institute", "the opposition leader",
         "the company's chief executive", "a local farmer", "the health minister")
ORGS = ("the city council", "the transport ministry", "the regional water board", "the national statistics office",
        "the harbour workers' union", "the central bank", "the electoral commission", "the health agency",
        "the state utility", "the chamber of commerce", "the university hospital", "the planning department")
PLACES = ("Riverton", "the northern province", "Port Alden", "the capital", "Greenvale", "the coastal district",
          "Marlow County", "the eastern valley", "Kestrel Bay", "the old town", "Ashford", "the delta region")
NOUNS = ("budget", "water supply", "housing plan", "rail link", "wage agreement", "tax reform", "flood defences",
         "school programme", "harbour expansion", "vaccination campaign", "energy tariff", "bus network",
         "drought response", "pension scheme", "bridge repair", "export quota")
VERBS = ("approved", "rejected", "delayed", "announced", "criticised", "defended", "revised", "expanded",
         "suspended", "funded", "questioned", "reviewed")
ADJ = ("controversial", "long-awaited", "costly", "ambitious", "modest", "temporary", "revised", "regional",
       "emergency", "multi-year", "disputed", "popular")
TIME = ("on Tuesday", "last week", "earlier this month", "on Friday evening", "after months of talks",
        "late on Monday", "this morning", "over the weekend", "in March", "since the spring")
CONNECT = ("However,", "Meanwhile,", "In a statement,", "According to officials,", "At the same time,",
           "Critics say", "Supporters argue that", "Separately,", "By contrast,", "For now,")
REASONS = ("costs had risen sharply", "the previous plan had failed", "demand was growing faster than expected",
           "the weather had damaged key roads", "workers were owed back pay", "inflation remained stubborn",
           "the deadline could not be met", "residents had complained for years", "funding from the state fell short",
           "new data showed a steady decline")

BOILER_TOP = ("Skip to main content", "Home > News > Local", "Menu", "Search", "Sign in", "Subscribe",
              "Latest News", "Politics", "Business", "Sport", "Opinion")
BOILER_MID = ("- Advertisement -", "Advertisement", "Story continues below advertisement",
              "Subscribe to our newsletter", "Read more: {headline}", "Sign up for our daily briefing, delivered to your inbox.",
              "Share this article", "Facebook Twitter WhatsApp Email")
BOILER_END = ("Related stories", "{headline}", "{headline}", "Tags: {tag}, {tag}, {tag}", "Share on Facebook",
              "0 Comments", "Leave a comment", "© {year} The Daily Courier. All rights reserved.",
              "Privacy Policy | Terms of Use | Contact Us", "Get real time updates directly on your device, subscribe now.",
              "Download our free app", "Back to top")


SAID = ("said", "told reporters", "argued", "noted", "warned", "added", "explained", "insisted", "conceded", "claimed")
OPENERS = ("", "On balance, ", "Even so, ", "Until then, ", "As expected, ", "In practice, ", "Locally, ",
           "Privately, ", "Publicly, ", "Last year, ", "In recent weeks, ", "Behind the scenes, ")
VIEWS = ("overdue", "unfair", "welcome", "too small", "a relief", "badly planned", "long overdue", "a gamble",
         "a sensible compromise", "rushed", "poorly explained", "generous")
TAILS = ("", " despite objections", " by a narrow margin", " without a vote", " after a public hearing",
         " at a packed meeting", " in a brief statement", " under pressure from lenders", " with little notice")


def _first_name(rng: random.Random) -> str:
    return rng.choice(PEOPLE).split()[rng.randint(0, 1)]


def _sentence(rng: random.Random) -> str:
    """One sentence from a random template; many alternatives per slot keep 5-gram repeats rare."""
    org, noun, verb = rng.choice(ORGS), rng.choice(NOUNS), rng.choice(VERBS)
    op = rng.choice(OPENERS)
    kind = rng.randrange(7)
    if kind == 0:
        person, role = rng.choice(PEOPLE), rng.choice(ROLES)
        return (f"\u201cWe {rng.choice(('cannot', 'will not', 'should not', 'must', 'may yet', 'have to'))} "
                f"{rng.choice(('wait', 'accept this', 'give up', 'move faster', 'ignore it', 'pay twice'))} on the {noun},\u201d "
                f"{rng.choice(('said', 'says', 'added'))} {person}, {role}.")
    if kind == 1:
        n, m = rng.randint(2, 95), rng.randint(100, 9000)
        return (f"{op}{org} {verb} the {rng.choice(ADJ)} {noun}{rng.choice(TAILS)} {rng.choice(TIME)}, "
                f"{rng.choice(('a change worth about', 'at a cost of roughly', 'putting a price of', 'with some'))} {m:,} "
                f"{rng.choice(('million', 'thousand', 'billion'))} at stake for {n} percent of {rng.choice(('households', 'firms', 'farms', 'pupils', 'commuters'))} in {rng.choice(PLACES)}.")
    if kind == 2:
        return (f"{op}{rng.choice(PEOPLE)} {rng.choice(SAID)} that {org} had {verb} the {noun} because {rng.choice(REASONS)}, "
                f"and {rng.choice(('that a ruling on', 'that talks about', 'that any news on', 'a final word on'))} the {rng.choice(NOUNS)} "
                f"{rng.choice(('would follow', 'could come', 'was expected', 'might arrive'))} {rng.choice(TIME)}.")
    if kind == 3:
        return (f"In {rng.choice(PLACES)}, {rng.choice(('residents', 'shop owners', 'parents', 'drivers', 'nurses', 'students'))} "
                f"{rng.choice(('called', 'described', 'saw'))} the {rng.choice(ADJ)} {noun} as {rng.choice(VIEWS)}, "
                f"while {rng.choice(ORGS)} {rng.choice(VERBS)} {rng.choice(('a second', 'a rival', 'an older', 'its own'))} proposal {rng.choice(TIME)}.")
    if kind == 4:
        return (f"{op}{_first_name(rng)} {rng.choice(('has', 'had'))} {rng.choice(('spent', 'worked', 'lived', 'campaigned'))} "
                f"{rng.randint(2, 40)} years in {rng.choice(PLACES)} and {rng.choice(SAID)} the {noun} was {rng.choice(VIEWS)}.")
    if kind == 5:
        a, b = rng.randint(1, 60), rng.randint(61, 99)
        return (f"{op}Figures from {org} show {rng.choice(('spending', 'demand', 'turnout', 'prices', 'waiting times'))} "
                f"{rng.choice(('rose', 'fell', 'climbed', 'slipped'))} from {a} to {b} {rng.choice(('percent', 'points', 'days'))} "
                f"between {rng.choice(('January', 'April', 'July'))} and {rng.choice(('September', 'November', 'December'))}.")
    return f"{rng.choice(CONNECT)} {rng.choice(REASONS)}, {rng.choice(ROLES)} {rng.choice(SAID)} {rng.choice(TIME)}."


def _headline(rng: random.Random) -> str:
    return f"{rng.choice(ORGS).replace('the ', '').title()} {rng.choice(VERBS)} {rng.choice(ADJ)} {rng.choice(NOUNS)} in {rng.choice(PLACES).replace('the ', '').title()}"


def document(rng: random.Random, words: int) -> str:
    """One news-like text of about ``words`` body words, with boilerplate lines around and inside."""
    headline = _headline(rng)
    year = rng.randint(2014, 2025)

    def fill(s: str) -> str:
        return s.format(headline=_headline(rng), tag=rng.choice(NOUNS), year=year)

    out: list[str] = []
    if rng.random() < 0.6:
        out += rng.sample(BOILER_TOP, rng.randint(2, 6))
    out.append(headline)
    if rng.random() < 0.5:
        out.append(f"By {rng.choice(PEOPLE)}")
    if rng.random() < 0.5:
        out.append(f"Published {rng.choice(('March', 'June', 'October', 'January'))} {rng.randint(1, 28)}, {year}")
    if rng.random() < 0.3:
        out.append(f"A worker inspects the {rng.choice(NOUNS)} in {rng.choice(PLACES)}, on May {rng.randint(1, 28)}, {year}. "
                   f"{rng.choice(('AFP PHOTO / STR', '(AP Photo/Jane Doe)', 'Photo: Reuters', 'Getty Images'))}")
    if rng.random() < 0.4:
        out.append(f"{rng.randint(0, 9)} {rng.randint(10, 9999):,}")
    body_words = 0
    while body_words < words:
        para = " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))
        body_words += len(para.split())
        out.append(para)
        if rng.random() < 0.12:
            out.append(fill(rng.choice(BOILER_MID)))
    out += [fill(s) for s in rng.sample(BOILER_END, rng.randint(0, 6))]
    return "\n\n".join(out) + "\n"


def corpus(n: int, words: int, seed: int = 0) -> Iterator[str]:
    """``n`` texts of about ``words`` body words each (drawn around it, sd 15%); deterministic for a seed."""
    rng = random.Random(seed)
    for _ in range(n):
        yield document(rng, max(20, int(rng.gauss(words, words * 0.15))))


def records(n: int, words: int, seed: int = 0) -> Iterator[dict]:
    """:func:`corpus` as JSON-ready ``{"id": "gen-<seed>-<i>", "text": ...}`` objects."""
    for i, text in enumerate(corpus(n, words, seed)):
        yield {"id": f"gen-{seed}-{i}", "text": text}
