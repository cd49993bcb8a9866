"""High-precision evaluation: complex intermediates keep every digit, exact comparisons at points."""

import itertools

import mpmath
import pytest
import sympy
from sympy import I, atan, cos, exp, log, sin, sinh, sqrt

from symcond.model.context import Context
from symcond.model.verdict import Verdict
from symcond.numeric.sampling import compare, evaluate, satisfies
from symcond.prove import check_equality
from tests.numeric.vocabulary import VOCABULARY, vocabulary_point

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
    """True identities SymPy's simplify cannot prove agree at every point to 40 digits (were refuted from rounding);
    the prover's strategies (rewrite in exp) now prove them."""
    out = check_equality(lhs, rhs, Context())
    assert out.verdict in (Verdict.UNDECIDED, Verdict.HOLDS), out.evidence.reason
    assert out.evidence.numeric_points == Context().points, out.evidence.reason


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


@pytest.mark.parametrize(("expr", "reference"), [(e, r) for _, e, r in VOCABULARY], ids=[n for n, _, _ in VOCABULARY])
def test_special_function_evaluates_like_mpmath_at_40_digits(expr, reference):
    """Each function of the parser's vocabulary evaluates to mpmath's own value to 38 of 40 digits."""
    point = vocabulary_point()
    value = evaluate(expr, point, 40)
    with mpmath.workdps(40):
        exact = reference(*(mpmath.mpmathify(v) for v in point.values()))
        assert isinstance(value, mpmath.mpf) and abs(value - exact) <= mpmath.mpf(10) ** -38 * abs(exact)


def test_a_chain_of_order_constraints_gets_admissible_points():
    """x0 < x1 < ... < x30 is met by 1 in 31! independent draws: draws sorted along the chain are kept instead."""
    from symcond.numeric.sampling import Sampler

    xs = sympy.symbols("x0:31", positive=True)
    chain = [sympy.Lt(a, b) for a, b in itertools.pairwise(xs)]
    points = Sampler().points(xs, 6, chain, "test")
    assert len(points) == 6 and all(satisfies(c, p) for p in points for c in chain)


def test_order_constraints_between_symbols_of_different_signs_are_not_sorted():
    """A real and a positive symbol are drawn differently; sorting their values could change a sign: not done."""
    from symcond.numeric.sampling import _order_of

    r, p = sympy.Symbol("r", real=True), sympy.Symbol("p", positive=True)
    assert _order_of([r, p], [sympy.Lt(r, p)]) is None
    assert _order_of([x, y], [sympy.Gt(x, y)]) == [y, x]


@pytest.mark.parametrize("lhs, rhs, point, sign", [
    (x, y, {x: 1, y: 2}, -1), (x, sympy.Rational(1, 3), THIRD, 0), (y, x, THIRD, 1), (x, 2.5, THIRD, None),
])
def test_comparing_plain_symbols_is_exact(lhs, rhs, point, sign):
    """Symbols and rationals compare exactly at a point (a float side is left to the numeric comparison)."""
    from symcond.numeric.sampling import _plain_difference

    difference = _plain_difference(sympy.sympify(lhs), sympy.sympify(rhs), point)
    assert (None if difference is None else int(sympy.sign(difference))) == sign
    if sign is not None:
        assert compare(lhs, rhs, point, 30) == sign
