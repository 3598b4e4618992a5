"""The caption credit grammar (issue #14) - data, not logic (the logic is :mod:`.captions`).

A credit names who took a picture and who distributes it, in the forms wire services and
papers print at the end of a caption:

* agency then photographer: "(AP Photo/Jane Doe)", "(Reuters/Jane Doe)", "REUTERS/Jane Doe/File
  Photo", "AFP PHOTO / LUDOVIC MARIN", "EPA-EFE/JANE DOE", "(Gazette photo/Ana Ruiz)";
* photographer then agency: "(Jane Doe/Getty Images)", "(Photo by LUDOVIC MARIN / AFP)",
  "(Jane Doe/AFP via Getty Images)", "Jane Doe for The New York Times", "(Photo by Jane Doe -
  WPA Pool/Getty Images)";
* markers that are neither: "File", "(FILES)", "HO", "Handout", "Pool", "Stringer";
* trailing usage restrictions, each one item, split on " / ", " - ", "===", "|" or a new line
  (never inside double quotes: 'MANDATORY CREDIT "AFP PHOTO / HO / SANA"' is one).

A credit block is either the caption's last parenthesised group (``CREDIT_PAREN``, followed by
nothing or by restrictions only) or a wire credit that opens with an agency and a slash or with
a photo label (``CREDIT_WIRE_START``) and runs to the end of the caption or its restrictions.
The block's parts (split on ``PART_SPLIT``) are each an agency (``AGENCY``, or a name followed by
"photo": ``AGENCY_PHOTO``), a marker (``MARKERS``), or a person's name (``PERSON``); a block is a
credit when it has an agency, or a photo label and a name.
"""

from __future__ import annotations

import re

# agencies, picture services and syndicates named in credits (matched whole, case-insensitive)
AGENCY_NAMES: tuple[str, ...] = (
    "AP", "The Associated Press", "Associated Press", "AFP", "Agence France-Presse", "Reuters", "Thomson Reuters",
    "EPA", "EPA-EFE", "EFE", "Getty Images", "Getty", "WireImage", "FilmMagic", "Shutterstock", "Rex",
    "Rex Features", "REX/Shutterstock", "Alamy", "Alamy Stock Photo", "iStock", "iStockphoto", "PA", "PA Wire",
    "PA Images", "PA Media", "Xinhua", "Xinhua News Agency", "Anadolu", "Anadolu Agency", "ANSA", "DPA", "dpa",
    "picture alliance", "Kyodo", "Kyodo News", "Yonhap", "UPI", "Sipa", "Sipa USA", "Bloomberg", "NurPhoto",
    "ZUMA Press", "ZUMA Wire", "Zuma", "Polaris", "Redux", "KCNA", "KCNA via KNS", "SANA", "TASS", "Sputnik",
    "RIA Novosti", "Canadian Press", "The Canadian Press", "CP", "AAP", "AAP Image", "Belga", "ANP", "Lusa",
    "Imago", "Abaca", "Bestimage", "SOPA Images", "LightRocket", "Hindustan Times", "Press Association",
    "Wikimedia Commons", "Unsplash", "Pexels", "Pixabay", "NASA", "Planet Labs", "Maxar Technologies",
    "Maxar", "WPA Pool", "USA Today Sports", "USA TODAY Sports", "Reuters Pictures", "Getty Images North America",
    "Getty Images Europe", "Getty Images AsiaPac",
)
AGENCY = re.compile("(?:" + "|".join(re.escape(n) for n in sorted(AGENCY_NAMES, key=len, reverse=True)) + ")",
                    re.IGNORECASE)
# "Gazette photo", "Staff photo", "Times Photo", "AFP PHOTO", "Reuters Pictures": a name and a picture word
AGENCY_PHOTO = re.compile(r"(?P<name>(?:The )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}) (?:photos?|pictures?|images?|illustrations?)"
                          r"(?: (?:file|pool|handout))?", re.IGNORECASE)
# a newspaper or outlet named after a "/" or "for": "The Gazette", "The New York Times"
OUTLET = re.compile(r"The [A-Z][\w.&'’-]*(?: (?:[A-Z][\w.&'’-]*|of|and|&)){0,5}")
# an organisation named after "for" or "via" ("Tiffany & Co", "Ministry of Defence")
ORG = re.compile(r"[A-Z][\w.&'’-]*(?: (?:[A-Z&][\w.&'’-]*|of|and|the|for)){0,6}")
# parts that are neither agency nor photographer
MARKERS = frozenset(("file", "files", "(files)", "file photo", "ho", "handout", "pool", "pool photo", "stringer",
                     "str", "-", "staff", "staff photographer", "contributor", "courtesy", "handout photo",
                     "screenshot", "screen shot", "screengrab", "screen grab"))
# a name ending in one of these is an organisation, not a photographer ("Greenhouse Studio", "Quanta
# Magazine", "Ministry of Defence" ends otherwise and is caught after "via"/"for"/"HO")
ORG_HEADS = frozenset(("studio", "studios", "media", "photography", "magazine", "news", "press", "images", "pictures",
                       "agency", "service", "group", "inc", "ltd", "llc", "co", "company", "corp", "university", "museum",
                       "archive", "archives", "library", "collection", "foundation", "institute", "office", "ministry",
                       "department", "police", "council", "government", "network", "tv", "times", "post", "herald",
                       "tribune", "journal", "gazette", "daily", "weekly", "online", "com"))
# a label that says a person made the picture ("Photo by", "Photographs by"); after the others
# ("Credit:", "Photo:", "Image:", "©") a lone one-word name is a brand or outlet ("Credit: Nikon",
# "Photo: GoPro": 9 of the 12 such one-word credits on WCXB dev's first half), and so the agency
BY_LABEL = re.compile(r"(?i).*\bby\b")
# a name after "/" that follows a person is the outlet only with 2+ words ("Mark Olsen/Tulsa World");
# one word there is no outlet ("Low-Code/No-Code", "Project Lead / Strategist" are no credits)
OUTLET_AFTER_PERSON_MIN_WORDS = 2
# a person's name, as printed ("Jane Doe", "LUDOVIC MARIN", "Ana de la Cruz", "J. Scott Applewhite")
PERSON = re.compile(r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|del|de la|da|dos|van|von|der|den|bin|al|el|le|la|di)){0,4}")

# the labels that open a credit ("Photo by Jane Doe/AP", "Photo: AP", "Pool photo by ...")
CREDIT_LABEL = re.compile(
    r"(?:(?:staff |pool |file |handout |courtesy )?(?:photo|photos|photograph|picture|image|video|illustration)"
    r"(?: by| courtesy of| credit|s by)?\s*[:©]?|credit\s*:|courtesy of|©)\s*", re.IGNORECASE)
# a credit's words, and the host labels that are no site name ("www.upgradedpoints.com" ->
# "upgradedpoints"): the site's own name as a credit is its outlet (captions.site_as_outlet)
WORD = re.compile(r"[^\W_]+")
HOST_PREFIXES = frozenset(("www", "m", "amp", "news", "blog", "edition", "mobile", "co", "com", "org", "net"))
# the connectors between a block's parts; " for " and " via " make the next part the agency side
# " | " as "/" ("Photo: Jane Doe | Reuters", "Ana Ruiz | The Gazette": the pipe sites print between
# photographer and outlet)
PART_SPLIT = re.compile(r"\s*/\s*|\s+\|\s+|\s+(?:via|for)\s+|\s+-\s+|\s*,\s+|\s*;\s*|\s+and\s+")
# the separators a block's trailing restrictions follow ("AFP PHOTO / X / RESTRICTED TO EDITORIAL USE",
# "Jane Doe | AP | EDITORIAL USE ONLY")
BLOCK_TAIL_SPLIT = re.compile(r"( / | \| )")
AGENCY_SIDE = re.compile(r"\s+(?:via|for)\s+")

# a credit block: the last parenthesised group (then nothing, or restrictions)
CREDIT_PAREN = re.compile(r"\((?P<body>[^()]{2,160})\)")
# a wire credit outside parentheses, from its start to the end (or its restrictions)
CREDIT_WIRE_START = re.compile(
    r"(?:(?<=^)|(?<=[\s.;:!?\"”’]))(?:"
    r"(?:AFP|AP|EPA(?:-EFE)?|EFE|REUTERS|Reuters|ANADOLU|XINHUA|Xinhua|SPUTNIK|TASS|DPA|ANSA|UPI|SIPA|KCNA|YONHAP|"
    r"POOL|Pool|HANDOUT|Handout|PA)(?:[ -](?:PHOTO|PHOTOS|Photo|Photos|IMAGES|PICTURE|POOL|HANDOUT|FILE|Wire))*\s*/\s*(?=\S)"
    r"|(?:(?:Staff|Pool|File|Handout) )?(?:Photo|Photos|Photograph|Picture|Image|PHOTO)(?: by|:|\s*©)\s+(?=\S)"
    r"|(?:Handout|HANDOUT|Pool|POOL) (?:via|VIA) (?=\S)"
    r"|(?:[A-Z][\w.'’-]+ ){1,3}(?:Photo|photo|PHOTO)\s*/\s*(?=[A-Z])"
    r"|(?<=\. )(?:[A-Z][\w.'’-]+ ){1,3}for (?=The [A-Z])"
    r"|(?<=[.?!] )(?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w.'’-]+\s*/\s*(?=[A-Z])"
    r")")
# a line holds a wire credit only if it holds one of these (lower-cased) or CASED_NEEDLES
WIRE_NEEDLES = ("/", "photo", "picture", "image", " via ", "©")
CASED_NEEDLES = (" for The ",)
WIRE_MAX_CHARS = 160  # longest credit block (parts, connectors): "Photo by Handout / Ukrainian Presidential Press Service / AFP"

# Usage restrictions are split on these, outside double quotes (" / " is AFP's separator, a line break a
# restriction on its own line); the uppercase stretches with a restriction keyword are the restrictions
RESTRICTION_SEPARATORS = re.compile(r"\s*===+\s*|\s+-\s+|\s*\|\s*|\s+/\s+|\s*\n\s*|\)\s*/\s*")
RESTRICTION_TAIL = re.compile(r"^[\s.=|/-]*$")

# a caption that opens with AFP's "(FILES)" marker ("(FILES) This file photo taken on ...")
FILES_PREFIX = re.compile(r"\(FILES?\)\s+\S")
FILES_PREFIX_MIN_WORDS = 5
