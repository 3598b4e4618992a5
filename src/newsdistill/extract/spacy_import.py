"""Import spaCy without thinc's torch support when nothing here can use it.

thinc (spaCy's ML library) imports torch at start-up whenever torch is installed, which costs
about 1.2 s (one-file run: 2.5 s -> 1.3 s on the seed, 2 cores).  Torch is installed for the
opt-in MiniLM span model, which imports torch itself and does not go through thinc; the
shipped spaCy pipeline (en_core_web_sm) has no torch layers.  So, unless a spaCy pipeline
could need torch (``spacy-transformers`` installed) or the user asks for it
(``NEWSDISTILL_THINC_TORCH=1``), torch is hidden from the first ``import spacy`` only.
"""

from __future__ import annotations

import importlib.util
import os
import sys

OPT_OUT_ENV = "NEWSDISTILL_THINC_TORCH"


def thinc_may_skip_torch() -> bool:
    if os.environ.get(OPT_OUT_ENV) == "1":
        return False
    if any(name in sys.modules for name in ("spacy", "thinc", "torch")):
        return False  # too late, or torch is already in use in this process: change nothing
    if importlib.util.find_spec("torch") is None:
        return False  # nothing to hide
    return importlib.util.find_spec("spacy_transformers") is None


def import_spacy():
    """``import spacy``, with torch hidden from thinc when :func:`thinc_may_skip_torch`."""
    if not thinc_may_skip_torch():
        import spacy

        return spacy
    sys.modules["torch"] = None  # makes `import torch` raise ImportError, so thinc sets has_torch = False
    try:
        import spacy
    finally:
        del sys.modules["torch"]  # a later `import torch` (the span model) imports it for real
    return spacy
