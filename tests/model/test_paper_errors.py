"""A derivation file's common slips in Paper calls give one clear DefinitionError; the repr counts its claims."""

from __future__ import annotations

import pytest

from symcond.errors import DefinitionError
from symcond.model.paper import Paper
from symcond.model.verdict import Expect, Verdict


@pytest.fixture
def paper() -> Paper:
    """An empty paper with the conventional symbols."""
    return Paper("demo2026")


@pytest.mark.parametrize("stated", [25812.807, 12906, None])
def test_value_needs_the_printed_text(paper, stated):
    """paper.value with a number (not the printed text) names the claim, the rule and what was got."""
    e, h = paper.symbols("e h")
    with pytest.raises(DefinitionError) as exc:
        paper.value("eq1", h / e**2, stated, unit="Ohm")
    assert str(exc.value) == (f"claim 'demo2026:eq1': the stated value must be the text the paper prints, e.g."
                              f" {str(stated)!r} (got {type(stated).__name__} {stated!r}); its digits fix the"
                              " rounding that is checked")


@pytest.mark.parametrize(("expect", "hint"), [
    ("fails", "Expect.refuted('why the paper is wrong')"),
    ("undecided", "Expect.undecided('why it is not decided')"),
    (Verdict.FAILS, "Expect.refuted('...') or Expect.undecided('...')"),
])
def test_expect_must_be_an_expect(paper, expect, hint):
    """expect="fails" (a string, or a bare Verdict) is refused when the claim is added, naming the spelling to use."""
    e, h = paper.symbols("e h")
    with pytest.raises(DefinitionError) as exc:
        paper.equality("eq1", e / h, 2 * e / h, expect=expect)
    assert str(exc.value) == f"claim 'demo2026:eq1': expect must be an Expect, e.g. expect={hint} (got {expect!r})"
    assert not paper.claims


def test_value_with_expect_refuted_is_accepted(paper):
    """The right spellings still work: the printed text and Expect.refuted."""
    e, h = paper.symbols("e h")
    claim = paper.value("eq1", h / e**2, "25812.807 Ohm", expect=Expect.refuted("misprint"))
    assert claim.expect.verdicts == {Verdict.FAILS} and claim.stated == "25812.807 Ohm"


def test_repr_counts_in_the_singular(paper):
    """repr(paper) says '1 claim' for one claim and '2 claims' for two."""
    e, h = paper.symbols("e h")
    paper.equality("eq1", e / h, e / h)
    assert repr(paper) == "Paper('demo2026', 1 claim)"
    paper.equality("eq2", e / h, e / h)
    assert repr(paper) == "Paper('demo2026', 2 claims)"
