"""Errors cross process boundaries intact (the local engine's workers, Ray actors)."""

from __future__ import annotations

import pickle

from newsdistill import errors
from newsdistill.attribution.models.span_model import SpanModelError
from newsdistill.errors import BadRecord, BadShard, Fatal


def test_every_error_kind_survives_pickling_with_its_code_message_and_fields():
    for exc in (Fatal(errors.BAD_OPTION, "--workers must be at least 1"), BadRecord(errors.EMPTY, "input is empty"),
                BadShard(errors.TRUNCATED, "cut at byte 10", offset=10), SpanModelError("weights not found")):
        back = pickle.loads(pickle.dumps(exc))
        assert type(back) is type(exc)
        assert (back.code, back.message, back.kind, str(back)) == (exc.code, exc.message, exc.kind, str(exc))
        assert getattr(back, "offset", None) == getattr(exc, "offset", None)
    assert pickle.loads(pickle.dumps(SpanModelError("x"))).code == errors.SPAN_MODEL_UNAVAILABLE
