"""schema.org JSON-LD on HTML pages: the one walk over a block's objects that the byline reader
(:mod:`.html_bylines`) and the publication time (:mod:`.html_published`) both read."""

from __future__ import annotations

from .html_rules import JSONLD_MAX_DEPTH, JSONLD_MAX_NODES


def json_nodes(data, nodes: list, depth: int = 0) -> None:
    """Every object in ``data`` (``@graph`` members, ``mainEntity``, nested values), appended to
    ``nodes`` in document order; at most :data:`.html_rules.JSONLD_MAX_NODES` of them, none
    deeper than :data:`.html_rules.JSONLD_MAX_DEPTH`."""
    if depth > JSONLD_MAX_DEPTH or len(nodes) > JSONLD_MAX_NODES:
        return
    if isinstance(data, list):
        for item in data:
            json_nodes(item, nodes, depth + 1)
    elif isinstance(data, dict):
        nodes.append(data)
        for value in data.values():
            if isinstance(value, (dict, list)):
                json_nodes(value, nodes, depth + 1)
