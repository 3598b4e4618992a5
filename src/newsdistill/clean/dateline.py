"""Wire datelines: "PARIS (AFP) – ", "WASHINGTON (AP) — ", "PORTLAND, Ore. — " opening a story.

:func:`wire_dateline` recognises the opener (rule ``meta.wire-dateline``, pattern and word lists
in :mod:`.rules`) and says where the paragraph's own words begin, with the dateline's place and
agency.  The cleaner splits it off the first body paragraph into a metadata line
(:func:`.assemble.assemble`); the attribution step keeps contents from beginning with one.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import rules


@dataclass(frozen=True, slots=True)
class WireDateline:
    end: int            # where the dateline, without the spaces after it, ends
    body_start: int     # where the paragraph's own words begin
    place: str          # as printed: "PORTLAND, Ore.", "Washington"
    agency: str | None  # "AFP", "AP", ...; None for a dateline without one ("WASHINGTON — ")


def wire_dateline(text: str) -> WireDateline | None:
    """The wire dateline ``text`` opens with, or None.  A place in capitals needs a spaced dash or
    an agency after it, and without an agency at least ``WIRE_DATELINE_MIN_BARE_PLACE`` letters
    or a region ("US - Mexico talks" is no dateline); a place in Title Case ("Washington (CNN)")
    needs the agency."""
    head = text[:rules.WIRE_DATELINE_MAX_CHARS]
    m = rules.WIRE_DATELINE.match(head)
    if m is None or (m["agency"] is None and (m["caps"] is None or (
            len(m["place"]) < rules.WIRE_DATELINE_MIN_BARE_PLACE and "," not in m["place"]))):
        return None
    if m.end() == len(head) < len(text):  # cut off by the length bound: not a dateline's end
        return None
    end = len(head[:m.end()].rstrip())
    return WireDateline(end, m.end(), m["place"], m["agency"])
