"""Time-zone abbreviations as news prints them ("6:45 p.m. EDT"), shared by the dateline of the
clean step (``published``, ``published_tz``) and the date step (``DateMention.time`` / ``tz``).

An abbreviation with one meaning in news becomes an ISO 8601 offset; one with several (CST: US
Central, China or Cuba; IST: India, Ireland or Israel; BST: British or Bangladesh) is kept as
written, and the time stays without an offset.
"""

from __future__ import annotations

import re

TZ_OFFSETS = {"UTC": "+00:00", "GMT": "+00:00", "EDT": "-04:00", "EST": "-05:00",
              "CDT": "-05:00", "MDT": "-06:00", "MST": "-07:00", "PDT": "-07:00", "PST": "-08:00",
              "AKDT": "-08:00", "AKST": "-09:00", "HST": "-10:00", "HAST": "-10:00", "NDT": "-02:30", "NST": "-03:30",
              "ADT": "-03:00", "CET": "+01:00", "CEST": "+02:00", "WET": "+00:00", "WEST": "+01:00",
              "EET": "+02:00", "EEST": "+03:00", "MSK": "+03:00", "EAT": "+03:00", "WAT": "+01:00",
              "CAT": "+02:00", "SAST": "+02:00", "PKT": "+05:00", "NPT": "+05:45", "ICT": "+07:00", "WIB": "+07:00",
              "SGT": "+08:00", "HKT": "+08:00", "PHT": "+08:00", "AWST": "+08:00", "JST": "+09:00", "KST": "+09:00",
              "ACST": "+09:30", "ACDT": "+10:30", "AEST": "+10:00", "AEDT": "+11:00", "NZST": "+12:00",
              "NZDT": "+13:00"}
TZ_AMBIGUOUS = {"CST", "IST", "BST", "AST", "SST", "GST", "ET", "CT", "MT", "PT", "ECT", "MET", "WST", "CCT", "AMT"}
# the zone after a clock time, longest first ("AEDT" before "EDT"), in capitals as printed
ZONE = re.compile(r"\(?(" + "|".join(sorted([*TZ_OFFSETS, *TZ_AMBIGUOUS], key=len, reverse=True)) + r")\b\)?")


def zone(abbreviation: str | None) -> tuple[str | None, str | None]:
    """``(offset, ambiguous)``: ("-04:00", None) for EDT, (None, "CST") for CST, (None, None) otherwise."""
    if not abbreviation:
        return None, None
    key = abbreviation.upper()
    if key in TZ_OFFSETS:
        return TZ_OFFSETS[key], None
    if key in TZ_AMBIGUOUS:
        return None, key
    return None, None
