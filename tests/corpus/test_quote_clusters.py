"""Quote clusters: trimmed, partial and re-punctuated quotes cluster together; different statements don't."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdistill.corpus.quote_clusters import cluster_quotes, normalize

FULL = ("The world cannot afford another decade of inaction on climate finance, and developing countries "
        "must not pay the price for a crisis they did not create")


def clusters(quotes):
    return [a.cluster for a in cluster_quotes(quotes)]


def test_normalize_drops_quote_marks_punctuation_and_case():
    assert normalize("“We are on the verge,” he said…") == normalize('"we are ON the verge" he said') == "we are on the verge he said"
    assert normalize("«Ça va», dit-il") == "ça va dit il"


def test_trimmed_partial_and_repunctuated_quotes_join_one_cluster():
    variants = [
        FULL,
        "developing countries must not pay the price for a crisis they did not create",  # trimmed front
        "The world cannot afford another decade of inaction on climate finance",  # first half
        FULL.replace(",", "").upper(),  # other punctuation and case
        "‘must not pay the price for a crisis they did not create’",  # partial, other quote marks
    ]
    c = clusters(variants)
    assert len(set(c)) == 1
    rules = {a.rule for a in cluster_quotes(variants)}
    assert "quote.containment" in rules


def test_different_statements_stay_apart_even_when_sharing_a_phrase():
    quotes = [
        FULL,
        "ISIS remains a serious threat in Iraq and Syria despite the loss of its territory",
        "We are on the verge of the final victory over the terrorism represented by Daesh",
        "Rich countries must not pay the price of inaction, the minister told reporters in Paris on Tuesday",
    ]
    assert len(set(clusters(quotes))) == 4


def test_short_quotes_cluster_only_by_equal_text():
    c = cluster_quotes(["weak", "“Weak”", "too weak", FULL])
    assert c[0].cluster == c[1].cluster
    assert c[1].rule == "quote.exact"
    assert c[2].cluster != c[0].cluster
    assert c[3].cluster not in (c[0].cluster, c[2].cluster)


def test_a_partial_quote_joins_the_longest_containing_statement():
    a = "the return and movement of foreign terrorists and members of their families"
    b = "Another troubling problem is the return and movement of foreign terrorists and members of their families"
    other = "the flow of foreign terrorists to ISIS in Iraq and Syria has generally ended"
    c = clusters([a, other, b])
    assert c[0] == c[2] != c[1]


words = st.sampled_from(["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma"])


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=8, max_size=30), st.integers(0, 3), st.integers(0, 3))
def test_property_any_trim_of_a_long_quote_joins_it(ws, cut_front, cut_back):
    full = " ".join(ws)
    part = " ".join(ws[cut_front : len(ws) - cut_back])
    if len(part.split()) < 5:
        return
    c = clusters([full, part])
    assert c[0] == c[1]


def test_a_repetitive_quote_with_one_distinct_shingle_joins_its_trim():
    """Found by hypothesis: eight "alpha" and seven "alpha" share their only shingle."""
    c = clusters([" ".join(["alpha"] * 8), " ".join(["alpha"] * 7)])
    assert c[0] == c[1]


def test_one_assignment_per_quote_in_order_and_deterministic():
    quotes = [FULL, "x", FULL.lower(), "something else entirely different here"]
    a, b = cluster_quotes(quotes), cluster_quotes(list(quotes))
    assert len(a) == 4 and [x.cluster for x in a] == [x.cluster for x in b]
    assert a[0].cluster == a[2].cluster
