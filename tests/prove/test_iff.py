"""'Equality exactly when': declared signs of givens are conditions, counterexamples satisfy the assumptions."""

import sympy

from symcond.context import Assumption, Context
from symcond.prove import check_equality_iff
from symcond.verdict import Verdict

a, u, w, z = sympy.symbols("a u w z", positive=True)


def stated(*relations):
    """Assumptions named by their own text."""
    return tuple(Assumption(sympy.sstr(r), r) for r in relations)


def test_declared_sign_of_a_given_is_a_condition():
    """sqrt(a**2) = 1 exactly when w = z + 1, with a = w - z, needs a > 0 (was holds: w = z - 1 also gives 1)."""
    out = check_equality_iff(sympy.sqrt(a**2), sympy.Integer(1), sympy.Eq(w, z + 1), Context(givens={a: w - z}))
    assert (out.verdict, out.evidence.conditions) == (Verdict.HOLDS_UNDER, ("a = w - z > 0 (declared positive)",))
