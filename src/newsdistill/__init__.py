"""newsdistill: what does this article actually say, and on whose word?"""

from __future__ import annotations

from .record import FORMAT_VERSION, Document

__version__ = "0.1.0"
__all__ = ["FORMAT_VERSION", "Document", "__version__", "distill", "distill_html"]


def _attribution_mode(name: str) -> str:
    import warnings

    from .attribution import deprecation

    if (line := deprecation(name)) is not None:
        warnings.warn(line.replace("--attribution-model ", "attribution_model="), FutureWarning, stacklevel=3)
    return name


def _check_types(func: str, name: str, value: object, allowed: tuple[type, ...], hint: str = "") -> None:
    """A clear TypeError for a value of the wrong type, before it reaches a step (``distill(None)``
    would otherwise fail deep inside with an AttributeError)."""
    if not isinstance(value, allowed):
        names = " or ".join("None" if t is type(None) else t.__name__ for t in allowed)
        raise TypeError(f"{func}(): {name} must be {names}, not {type(value).__name__}{hint}")


def _check_options(func: str, **options: object) -> None:
    for name, value in options.items():
        _check_types(func, name, value, (str, type(None)))


def distill(text: str, *, url: str | None = None, published: str | None = None, id: str | None = None,
            attribution_model: str = "accurate", steps=None) -> Document:
    """Distil one plain-text article.  Never raises for bad text: check ``doc.status``.

    ``attribution_model``: ``accurate`` (the default: rules, cue model and the MiniLM span model),
    ``fast`` (rules and cue model: the most throughput) or ``lite`` (rules, cue model and a small
    tagger), as ``--attribution-model``; an unknown name is a ValueError.  ``steps``: as ``--steps``
    (``"clean"``, ``"all"``, a comma list or a list of step names; None: every step); an unknown
    name or an impossible list raises :class:`newsdistill.errors.Fatal`; a ``text`` (or option) of the
    wrong type is a TypeError."""
    import hashlib

    _check_types("distill", "text", text, (str,),
                 " (decode bytes first, or pass an HTML page to distill_html)" if isinstance(text, (bytes, bytearray)) else "")
    _check_options("distill", url=url, published=published, id=id)
    _check_types("distill", "attribution_model", attribution_model, (str,))

    from .engine.serial import process
    from .pipeline import default_pipeline
    from .record import Source

    doc_id = id or hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    doc = Document(id=doc_id, input_text=text, source=Source(url=url), published=published)
    pipeline = default_pipeline(_attribution_mode(attribution_model), steps)
    if not text.strip():
        return doc.fail("empty-input", "input is empty" if not text else "input holds only whitespace")
    return process(pipeline, doc)


def distill_html(html: bytes | str, *, url: str | None = None, id: str | None = None,
                 attribution_model: str = "accurate", steps=None) -> Document:
    """Distil one HTML page: main content and metadata with trafilatura, then the same cleaning.
    Never raises for a bad page: check ``doc.status``.  Input offsets refer to ``doc.input_text``,
    the text extracted from the page; ``attribution_model`` and ``steps`` as for :func:`distill`;
    ``html`` (or an option) of the wrong type is a TypeError."""
    import hashlib

    _check_types("distill_html", "html", html, (bytes, bytearray, str))
    _check_options("distill_html", url=url, id=id)
    _check_types("distill_html", "attribution_model", attribution_model, (str,))

    from .engine.serial import process
    from .pipeline import default_pipeline
    from .read.html import html_document
    from .record import Source

    data = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else bytes(html)
    pipeline = default_pipeline(_attribution_mode(attribution_model), steps)
    doc = html_document(data, id or hashlib.sha1(data).hexdigest()[:16], Source(url=url))
    return process(pipeline, doc)
