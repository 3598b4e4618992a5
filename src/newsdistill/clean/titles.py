"""A headline's site suffix ("Bridge collapse | Metro Herald", "... - BBC News") split off into
``site_name`` (patterns and word list: ``rules.SITE_*``)."""

from __future__ import annotations

from . import rules


def split_site(title: str) -> tuple[str, str | None]:
    """``(headline, site name or None)``: the last separator's tail when it reads as a site name."""
    parts = list(rules.SITE_SEPARATORS.finditer(title))
    if not parts:
        return title, None
    sep = parts[-1]
    head, tail = title[:sep.start()].rstrip(), title[sep.end():].strip()
    words = tail.split()
    if not words or len(words) > rules.SITE_MAX_WORDS or len(head.split()) < rules.SITE_MIN_TITLE_WORDS:
        return title, None
    if tail[-1:] in ".?!" and not rules.SITE_DOMAIN.fullmatch(tail):
        return title, None  # a sentence: "... - and it worked."
    pipe = sep.group().strip() in ("|", "::", "\u00bb", "\u00b7")
    named = rules.SITE_DOMAIN.fullmatch(tail) is not None or any(
        w.lower().strip(".,'") in rules.SITE_WORDS or (len(w) >= 2 and w.isupper() and w.isalpha()) for w in words)
    capitalised = all(w[:1].isupper() or w[:1].isdigit() or w.lower() in rules.SMALL_WORDS for w in words)
    if (pipe and capitalised) or (named and capitalised):
        return head, tail
    return title, None
