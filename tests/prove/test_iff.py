"""'Equality exactly when': declared signs of givens are conditions, counterexamples satisfy the assumptions."""

import sympy

from symcond.model.context import Assumption, Context
from symcond.model.verdict import Verdict
from symcond.numeric.sampling import satisfies
from symcond.prove import check_equality_iff

a, u, w, z = sympy.symbols("a u w z", positive=True)


def stated(*relations):
    """Assumptions named by their own text."""
    return tuple(Assumption(sympy.sstr(r), r) for r in relations)


def test_declared_sign_of_a_given_is_a_condition():
    """sqrt(a**2) = 1 exactly when w = z + 1, with a = w - z, needs a > 0 (was holds: w = z - 1 also gives 1)."""
    out = check_equality_iff(sympy.sqrt(a**2), sympy.Integer(1), sympy.Eq(w, z + 1), Context(givens={a: w - z}))
    assert (out.verdict, out.evidence.conditions) == (Verdict.HOLDS_UNDER, ("a = w - z > 0 (declared positive)",))


def test_no_counterexample_outside_the_stated_assumptions():
    """u Max(z, 1) = w exactly when u = w is true under z < 1: not refuted at a point with z > 1 (was fails)."""
    claim = (u * sympy.Max(z, 1), w, sympy.Eq(u, w))
    out = check_equality_iff(*claim, Context(assumptions=stated(sympy.Lt(z, 1))))
    assert out.verdict is Verdict.UNDECIDED and out.evidence.counterexample is None


def test_counterexample_satisfies_the_stated_assumptions():
    """u Max(z, 1) = w exactly when u = w is false under z > 2; the point has z > 2, re-checked at 60 digits."""
    claim = (u * sympy.Max(z, 1), w, sympy.Eq(u, w))
    out = check_equality_iff(*claim, Context(assumptions=stated(sympy.Gt(z, 2))))
    assert out.verdict is Verdict.FAILS
    point = {s: sympy.Rational(out.evidence.counterexample[s.name]) for s in (w, z)}
    assert satisfies(sympy.Gt(z, 2), point, 60)


def test_identity_is_refuted_at_an_admissible_point_off_the_condition():
    """u w = w u 'exactly when u = w' fails with a point where u != w that satisfies u < 2 w."""
    out = check_equality_iff(u * w, w * u + 0 * z, sympy.Eq(u, w), Context(assumptions=stated(sympy.Lt(u, 2 * w))))
    assert out.verdict is Verdict.FAILS
    point = {s: sympy.Rational(out.evidence.counterexample[s.name]) for s in (u, w)}
    assert point[u] != point[w] and satisfies(sympy.Lt(u, 2 * w), point, 60)


def test_counterexample_keeps_the_declared_sign_of_the_unknown():
    """u = 2 (z - w) exactly when u = z - w fails at a point with z > w (was at w = 1.18, z = 0.43: u < 0)."""
    out = check_equality_iff(u, 2 * (z - w), sympy.Eq(u, z - w), Context())
    assert out.verdict is Verdict.FAILS
    point = {s: sympy.Rational(out.evidence.counterexample[s.name]) for s in (w, z)}
    assert point[z] > point[w]


def test_stated_equality_that_fixes_the_condition_is_not_bad_input():
    """u = 2 w exactly when u = w, with u = w stated, is undecided (was a DefinitionError: the run saw w = w)."""
    out = check_equality_iff(u, 2 * w, sympy.Eq(u, w), Context(assumptions=stated(sympy.Eq(u, w))))
    assert out.verdict is Verdict.UNDECIDED
    assert out.evidence.reason.endswith("under them: the assumptions in force make the condition True")
