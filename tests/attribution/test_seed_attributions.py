"""Golden test: the seed's nine attributions, exactly as issue #4 lists them."""

from __future__ import annotations

# the checks live in support.seed_checks (test_lite_tagger.py collects them again in lite mode),
# the golden table in support.seed_golden
from support.seed_checks import (  # noqa: F401
    attributions,
    test_quotes_table_rows,
    test_seed_attribution,
    test_seed_figures_attributed_to_their_source,
    test_seed_has_no_other_sourced_attributions,
    test_seed_kinds_of_quoted_statements,
    test_seed_speakers_resolve_to_entities_and_documents,
)


def test_seed_attribution_fields_are_documented(attributions):  # noqa: F811 (the fixture imported above)
    from pathlib import Path

    doc_text = (Path(__file__).resolve().parents[2] / "docs" / "record-format.md").read_text(encoding="utf-8")
    keys = {k for a in attributions for k in a}
    assert "complementizer" in keys and "content_fragments" in keys
    assert not [k for k in keys if f"`{k}`" not in doc_text]
