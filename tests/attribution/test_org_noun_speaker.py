"""A definite noun for an organisation is the organisation named before it (rule
speaker.definite-org-noun): "TikTok said ... The company said ..." resolves the second speaker to
TikTok, as "it said" would, instead of leaving it unresolved."""

from __future__ import annotations

import pytest

from newsdistill import distill
from newsdistill.attribution import rules as R


def _speakers(text: str) -> list[tuple[str, str | None]]:
    doc = distill(text, attribution_model="fast")
    assert doc.status == "ok", doc.error
    return [(a.source.text, a.speaker.name if a.speaker else None) for a in doc.attributions if a.source]


@pytest.mark.parametrize(("text", "source", "speaker"), [
    ("TikTok said on Monday that it had removed the videos. The company said it was reviewing its rules.",
     "The company", "TikTok"),
    ("Kenya Airways cancelled 20 flights on Monday. The airline said a strike by pilots had grounded its fleet.",
     "The airline", "Kenya Airways"),
    ("Spotify raised its prices in June. The retailer said in a statement that users would be told by email.",
     "The retailer", "Spotify"),
])
def test_the_org_noun_is_the_organisation_named_before(text, source, speaker):
    assert (source, speaker) in _speakers(text)


@pytest.mark.parametrize("text", [
    "Acme Corp cut 200 jobs on Monday, a spokesperson told Reuters. The company said more cuts were possible.",
    "Acme Corp cut 200 jobs, its chief executive said in an interview with Bloomberg. The company said more "
    "cuts were possible.",
])
def test_whom_it_was_said_to_is_no_antecedent(text):
    # the agency a statement was given to is named last, but "the company" is Acme Corp
    assert ("The company", "Acme Corp") in _speakers(text)


def test_the_group_is_not_taken_for_an_organisation():
    # "the group" is as often people (protesters) as a company: not resolved by this rule
    speakers = _speakers("Protesters gathered outside the offices of Acme Corp. The group said it would return.")
    assert ("The group", "Acme Corp") not in speakers


def test_nothing_named_before_leaves_it_unresolved():
    assert _speakers("The company said it would appeal the ruling.") == [("The company", None)]


def test_an_organisation_named_long_before_is_no_antecedent():
    filler = " ".join(["Farmers in the valley have waited for rain since the spring, and the wells are dry."] * 20)
    assert len(filler) > R.ORG_NOUN_WINDOW
    speakers = _speakers(f"Spotify raised its prices in June. {filler} The company said it would appeal.")
    assert ("The company", None) in speakers


def test_the_rule_is_named_on_the_attribution():
    doc = distill("TikTok said on Monday that it had removed the videos. The company said it was reviewing its rules.",
                  attribution_model="fast")
    second = [a for a in doc.attributions if a.source and a.source.text == "The company"][0]
    assert second.rule.endswith("+" + R.RULE_ORG_NOUN)
