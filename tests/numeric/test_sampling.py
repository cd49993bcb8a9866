"""High-precision evaluation: complex intermediates keep every digit, exact comparisons at points."""

import mpmath
import pytest
import sympy
from sympy import I, atan, cos, exp, log, sin, sinh, sqrt

from symcond.model.context import Context
from symcond.model.verdict import Verdict
from symcond.numeric.sampling import compare, evaluate, satisfies
from symcond.prove import check_equality

x, y = sympy.symbols("x y", positive=True)
THIRD = {x: sympy.Rational(1, 3), y: sympy.Rational(7, 5)}


def test_complex_value_keeps_the_working_precision():
    """exp(i/3) at 50 digits agrees with mpmath's own value to 50 digits (not to a double's 16)."""
    value = evaluate(exp(I * x), THIRD, 50)
    with mpmath.workdps(50):
        exact = mpmath.expj(mpmath.mpf(1) / 3)
        assert abs(value - exact) < mpmath.mpf(10) ** -48


@pytest.mark.parametrize(
    ("lhs", "rhs"),
    [
        (cos(x), exp(I * x) / 2 + exp(-I * x) / 2),
        (sin(x), (exp(I * x) - exp(-I * x)) / (2 * I)),
        (cos(x) ** 2, (exp(2 * I * x) + 2 + exp(-2 * I * x)) / 4),
        (sin(x) ** 2, -((exp(I * x) - exp(-I * x)) ** 2) / 4),
        (cos(x - y), (exp(I * (x - y)) + exp(I * (y - x))) / 2),
    ],
)
def test_identity_through_complex_intermediates_holds(lhs, rhs):
    """Identities whose sides pass through complex values are confirmed at 40 digits (were undecided)."""
    out = check_equality(lhs, rhs, Context())
    assert out.verdict is Verdict.HOLDS, out.evidence.reason


@pytest.mark.parametrize(
    ("lhs", "rhs"),
    [
        (sinh(x) * cos(y), (exp(x + I * y) + exp(x - I * y) - exp(-x + I * y) - exp(-x - I * y)) / 4),
        (atan(x), I * (log(1 - I * x) - log(1 + I * x)) / 2),
        (cos(x) * sin(y), (exp(I * x) + exp(-I * x)) * (exp(I * y) - exp(-I * y)) / (4 * I)),
    ],
)
def test_unproved_complex_identity_agrees_numerically_and_does_not_fail(lhs, rhs):
    """True identities SymPy cannot simplify agree at every point to 40 digits (were refuted from rounding)."""
    out = check_equality(lhs, rhs, Context())
    assert out.verdict is Verdict.UNDECIDED and out.evidence.numeric_points == Context().points, out.evidence.reason


def test_complex_sides_that_differ_still_fail():
    """cos(x) against exp(ix) (complex) is refuted, with a counterexample."""
    out = check_equality(cos(x), exp(I * x), Context())
    assert out.verdict is Verdict.FAILS and out.evidence.counterexample is not None


@pytest.mark.parametrize(
    ("lhs", "rhs", "sign"),
    [
        (x + sympy.Rational(1, 10**300), x, 1),
        (x, x + sympy.Rational(1, 10**300), -1),
        (sqrt(x) + sympy.Rational(1, 10**300), sqrt(x), 1),
        (x * y, y * x, 0),
        (exp(x), exp(y), -1),
    ],
)
def test_compare_is_exact_where_the_difference_is_rational(lhs, rhs, sign):
    """compare() finds the sign of a difference of 1e-300 exactly, far below 80 digits."""
    assert compare(lhs, rhs, THIRD, 40) == sign


def test_compare_does_not_call_numeric_noise_a_sign():
    """sin^2 + cos^2 against 1 is 0 but not exactly so after substitution: no sign, not 0."""
    assert compare(sin(x) ** 2 + cos(x) ** 2, sympy.Integer(1), THIRD, 40) is None


def test_compare_has_no_sign_for_complex_values():
    """A difference that is not real has no sign."""
    assert compare(sqrt(x - y), sympy.Integer(0), THIRD, 40) is None


@pytest.mark.parametrize(
    ("relation", "expected"),
    [
        (sympy.Gt(x + sympy.Rational(1, 10**300), x, evaluate=False), True),
        (sympy.Lt(x + sympy.Rational(1, 10**300), x, evaluate=False), False),
        (sympy.Le(x, x, evaluate=False), True),
        (sympy.Lt(x, x, evaluate=False), False),
        (sympy.Le(exp(x), exp(y)), True),
        (sympy.Ge(sin(x) ** 2 + cos(x) ** 2, 1), False),
        (sympy.Gt(sqrt(x - y), 0), False),
    ],
)
def test_satisfies_needs_an_established_sign(relation, expected):
    """A relation holds at a point only when its sign is established (exactly or stably at two precisions)."""
    assert satisfies(relation, THIRD, 40) is expected
