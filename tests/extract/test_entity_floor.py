"""Floor on entity recall over PolNeAR dev named sources (newsdistill.eval.entities), on a subset for speed.

Measured (first 15 dev articles, 172 named sources): same span 0.884, trimmed span 0.959
(full dev, 744 named sources: 0.719 / 0.954).
The full dev split is measured by ``python bench/entities_eval.py``.
"""

from __future__ import annotations

import pytest

from newsdistill.eval import entities


@pytest.mark.slow
def test_named_source_recall_floor(shared_dir):
    split = shared_dir / "data" / "polnear" / "dev"
    if not split.is_dir():
        pytest.skip(f"PolNeAR dev not found at {split}")
    from newsdistill.extract.nlp import load_model

    named, hit, _lenient, trim_hit, _times, _misses = entities.evaluate(entities.one_ann_per_article(split), load_model(), 15)
    assert named >= 150
    assert hit / named >= 0.87
    assert trim_hit / named >= 0.95
