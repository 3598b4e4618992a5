"""Copyright and rights notices of an HTML article (issue #14), which trafilatura drops unlabelled.

:func:`find_rights_notices` finds, in the article's container, the elements whose whole text is a
notice by the plain-text cleaner's own rules (``footer.copyright``, ``footer.all-rights`` in
``clean/rules.py``): "Copyright 2024 The Associated Press. All rights reserved. This material
may not be published, broadcast, rewritten or redistributed.", "© 2025 The Herald. All rights
reserved."  The ``html-captions`` step records each one trafilatura left out of the text as a
``removed`` line (reason ``copyright-footer``, the rule's name), its text appended to
``input_text`` like the captions.  At most :data:`MAX_NOTICES` a page, each at most
:data:`MAX_NOTICE_CHARS` long (the rules' own bound).
"""

from __future__ import annotations

from lxml.etree import XPath

MAX_NOTICES = 5
MAX_NOTICE_CHARS = 400  # clean/rules.py MAX_RULE_LINE_CHARS: longer lines are never rule-matched
NOTICE_RULES = ("footer.copyright", "footer.all-rights")
# the elements holding a text node with a notice's needle (C speed over the container)
# ("All rights reserved" alone, without © or "Copyright", is left to the cleaner: a third needle costs
# half as much again)
_HOLDERS = XPath(".//text()[contains(., '©') or contains(., 'opyright')]/..")


def find_rights_notices(container) -> list[tuple[str, str]]:
    """(rule name, text) of each rights notice inside ``container`` (the article's element:
    :func:`.html_figures.article_container`; site footers outside it are not looked at, a
    search of the whole page would cost ~10 % of the HTML step), in page order, each text once."""
    if container is None:
        return []
    from ..clean import rules

    wanted = [r for r in rules.BOILERPLATE_RULES if r.name in NOTICE_RULES]
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for el in _HOLDERS(container):
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript", "a"):
            continue
        text = " ".join("".join(el.itertext()).split())
        if not text or len(text) > MAX_NOTICE_CHARS or text in seen:
            continue
        folded = rules.fold(text)
        for rule in wanted:
            if any(n in folded for n in rule.needs) and rule.pattern.fullmatch(text):
                seen.add(text)
                found.append((rule.name, text))
                break
        if len(found) >= MAX_NOTICES:
            break
    return found
