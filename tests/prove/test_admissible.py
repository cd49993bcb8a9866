"""Declared signs of substituted symbols: a condition when unproved, an error when contradicted."""

import pytest
import sympy

from symcond.errors import DefinitionError
from symcond.model.context import Assumption, Context
from symcond.model.verdict import Verdict
from symcond.prove import check_equality, check_inequality
from symcond.prove.admissible import declared_signs, label, sign_condition

a, b, c, d = sympy.symbols("a b c d", positive=True)
n = sympy.Symbol("n", nonnegative=True)
r = sympy.Symbol("r", real=True)
CONDITION = "a = b - c > 0 (declared positive)"


def test_positive_symbol_given_an_unsigned_value_holds_only_under_its_sign():
    """sqrt(a**2) = a with a = b - c is holds-under 'b - c > 0', not holds (SymPy built a, not |a|)."""
    out = check_equality(sympy.sqrt(a**2), a, Context(givens={a: b - c}))
    assert (out.verdict, out.evidence.conditions) == (Verdict.HOLDS_UNDER, (CONDITION,))


def test_declared_sign_condition_restricts_the_points():
    """0 < a with a = b - c holds under the condition: every sampled point has b > c (else it would fail)."""
    out = check_inequality(sympy.Integer(0), a, Context(givens={a: b - c}), strict=True)
    assert (out.verdict, out.evidence.conditions) == (Verdict.HOLDS_UNDER, (CONDITION,))


def test_declared_sign_condition_joins_the_stated_ones():
    """A claim that also needs a stated assumption names both, the stated one first."""
    ctx = Context(givens={a: b - c}, assumptions=(Assumption("d_le_a", sympy.Le(d, a)),))
    out = check_inequality(d, sympy.sqrt(a**2), ctx)
    assert out.evidence.conditions == ("d_le_a: d <= a", CONDITION)


def test_declared_sign_contradicting_an_assumption_is_named():
    """b < c contradicts a = b - c > 0 for a positive a: undecided, both named."""
    ctx = Context(givens={a: b - c}, assumptions=(Assumption("b<c", sympy.Lt(b, c)),))
    out = check_equality(sympy.sqrt(a**2), a, ctx)
    assert (out.verdict, out.evidence.reason) == (
        Verdict.UNDECIDED, f"the assumptions contradict each other: b < c, {CONDITION}")


def test_provably_positive_value_needs_no_condition():
    """a = b + c is positive: the claim simply holds."""
    assert check_equality(sympy.sqrt(a**2), a, Context(givens={a: b + c})).verdict is Verdict.HOLDS


def test_unused_given_adds_no_condition():
    """A given for a symbol the claim does not use is not named."""
    assert check_equality(b * 2, 2 * b, Context(givens={a: b - c})).verdict is Verdict.HOLDS


def test_condition_follows_chains_of_givens():
    """d = a + 1 with a = b - c: a's sign is still needed (d's follows from it)."""
    ctx = Context(givens={d: a + 1, a: b - c})
    assert [str(s) for s in declared_signs(ctx, [sympy.sqrt(d**2)])] == [CONDITION]


@pytest.mark.parametrize(
    ("symbol", "value", "text"),
    [(a, b - c, CONDITION), (n, b - c, "n = b - c >= 0 (declared nonnegative)"), (r, b - c, None), (a, b * c, None),
     (n, r**2, None)],
)
def test_sign_condition(symbol, value, text):
    """Positive and nonnegative symbols need a condition unless the value's sign is proved; real ones none."""
    found = sign_condition(symbol, value)
    assert (None if found is None else str(found)) == text


@pytest.mark.parametrize(
    ("symbol", "value", "message"),
    [(a, -b, "'a' must be positive (given -b)"), (n, -b, "'n' must be nonnegative (given -b)"),
     (r, sympy.I, "'r' must be real (given I)")],
)
def test_value_with_the_wrong_sign_is_refused(symbol, value, message):
    """A value that provably contradicts the declared sign is a DefinitionError, as before."""
    with pytest.raises(DefinitionError, match=f"^{message}$".replace("(", r"\(").replace(")", r"\)")):
        check_equality(symbol, symbol, Context(givens={symbol: value}))


def test_stated_equality_with_an_unsigned_value_is_named_with_its_sign():
    """--assume-style a = b - c used as a substitution brings its declared-sign condition along."""
    ctx = Context(assumptions=(Assumption("a_is_b_minus_c", sympy.Eq(a, b - c)),))
    out = check_inequality(sympy.Integer(0), b - c, ctx, strict=True)
    assert out.evidence.conditions == ("a_is_b_minus_c: a = b - c", CONDITION)


@pytest.mark.parametrize(
    ("assumption", "text"),
    [(Assumption("a>b", sympy.Gt(a, b)), "a > b"), (Assumption("ballistic", sympy.Gt(a, b)), "ballistic: a > b"),
     (Assumption("a==b", sympy.Eq(a, b)), "a = b")],
)
def test_label(assumption, text):
    """Messages show an assumption's relation alone when its name just spells it."""
    assert label(assumption) == text
