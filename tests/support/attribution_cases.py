"""Small articles for the attribution tests: a neutral lead paragraph (``LEAD``) before the body
under test, its attributions, and the one attribution that matches."""

from __future__ import annotations

import newsdistill

LEAD = ("The finance ministry published its annual report on Tuesday, and the opposition parties "
        "in parliament criticised the plan for the coming year as too timid for the economy.")


def attributions(body: str) -> list[dict]:
    doc = newsdistill.distill(LEAD + "\n\n" + body, attribution_model="fast")
    assert doc.status == "ok"
    assert not doc.removed, [r.text for r in doc.removed]  # the test text must reach the body
    return doc.to_dict()["attributions"]


def only(body: str, **match) -> dict:
    found = [a for a in attributions(body) if all(
        (a[k]["text"] if isinstance(a[k], dict) else a[k]) == v for k, v in match.items())]
    assert len(found) == 1, found
    return found[0]
