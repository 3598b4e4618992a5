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


def distill(text: str, *, url: str | None = None, published: str | None = None, id: str | None = None,
            attribution_model: str = "accurate") -> Document:
    """Distil one plain-text article.  Never raises for bad text: check ``doc.status``.

    ``attribution_model``: ``accurate`` (the default: rules, cue model and the MiniLM span model),
    ``fast`` (rules and cue model: the most throughput) or ``lite`` (rules, cue model and a small
    tagger), as ``--attribution-model``; an unknown name is a ValueError."""
    import hashlib

    from .engine.serial import process
    from .pipeline import default_pipeline
    from .record import Source

    doc_id = id or hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    doc = Document(id=doc_id, input_text=text, source=Source(url=url), published=published)
    pipeline = default_pipeline(_attribution_mode(attribution_model))
    if not text.strip():
        return doc.fail("empty-input", "input is empty" if not text else "input holds only whitespace")
    return process(pipeline, doc)


def distill_html(html: bytes | str, *, url: str | None = None, id: str | None = None,
                 attribution_model: str = "accurate") -> Document:
    """Distil one HTML page: main content and metadata with trafilatura, then the same cleaning.
    Never raises for a bad page: check ``doc.status``.  Input offsets refer to ``doc.input_text``,
    the text extracted from the page; ``attribution_model`` as for :func:`distill`."""
    import hashlib

    from .engine.serial import process
    from .pipeline import default_pipeline
    from .read.html import html_document
    from .record import Source

    data = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
    pipeline = default_pipeline(_attribution_mode(attribution_model))
    doc = html_document(data, id or hashlib.sha1(data).hexdigest()[:16], Source(url=url))
    return process(pipeline, doc)
