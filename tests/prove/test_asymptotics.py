"""Asymptotic equivalents of special functions and the limits computed with them."""

from __future__ import annotations

import mpmath
import pytest
import sympy

from symcond.model.context import Context
from symcond.model.verdict import Verdict
from symcond.prove import asymptotics, check_limit, limits
from symcond.prove.asymptotics import EQUIVALENTS, equivalent, limit
from symcond.special import fermi_dirac_mp
from symcond.special.sympy_fd import FermiDirac

X = sympy.Symbol("x", real=True)
ORDERS = [sympy.Rational(-3, 2), sympy.Rational(-1, 2), sympy.Integer(0), sympy.Rational(1, 2), sympy.Integer(2)]


def _fd_quadrature(order: float, x: float) -> mpmath.mpf:
    """F_j(x) for j > -1 from its defining integral (independent of the tabulated equivalents)."""
    j, x = mpmath.mpf(order), mpmath.mpf(x)
    with mpmath.workdps(40):
        body = mpmath.quad(lambda t: t**j / (1 + mpmath.exp(t - x)), [0, max(x, 1), mpmath.inf])
        return body / mpmath.gamma(j + 1)


@pytest.mark.parametrize("order", [o for o in ORDERS if o > -1])
def test_degenerate_equivalent_matches_quadrature_with_sommerfeld_error(order):
    """At x = 400 the table's x**(j+1)/Gamma(j+2) differs from the integral by the Sommerfeld term."""
    x = 400
    lead = float(equivalent(FermiDirac(order, X), X, sympy.oo).subs(X, x))
    second = float(sympy.pi**2 / 6 * order * (order + 1)) / x**2
    assert float(_fd_quadrature(float(order), x)) / lead - 1 == pytest.approx(second, rel=1e-3, abs=1e-12)


@pytest.mark.parametrize("order", ORDERS)
def test_classical_equivalent_matches_series_error(order):
    """At x = -30 F_j(x)/exp(x) - 1 is the next series term -exp(x)/2**(j+1)."""
    x = -30
    ratio = fermi_dirac_mp(float(order), x, dps=40) / mpmath.exp(x)
    assert float(ratio - 1) == pytest.approx(-float(mpmath.exp(x)) / 2 ** float(order + 1), rel=1e-6)


@pytest.mark.parametrize(("expr", "point", "value"), [
    (sympy.polylog(sympy.S.Half, -sympy.exp(X)) / sympy.sqrt(X), sympy.oo, -2 / sympy.sqrt(sympy.pi)),
    (FermiDirac(sympy.S.Half, X) / X ** sympy.Rational(3, 2), sympy.oo, 4 / (3 * sympy.sqrt(sympy.pi))),
    (FermiDirac(-sympy.S.Half, X) ** 2 / FermiDirac(0, X), sympy.oo, 4 / sympy.pi),
    (FermiDirac(2, X) * sympy.exp(-X), -sympy.oo, 1),
    (FermiDirac(0, X - 5) / X + FermiDirac(-sympy.S.Half, X) / sympy.sqrt(X), sympy.oo, 1 + 2 / sympy.sqrt(sympy.pi)),
])
def test_limit_values(expr, point, value):
    """Limits of products, powers and sums of special functions have the exact values."""
    assert sympy.simplify(limit(expr, X, point) - value) == 0


@pytest.mark.parametrize("expr", [
    FermiDirac(sympy.S.Half, X) - X,
    sympy.log(FermiDirac(0, X)),
    FermiDirac(0, X) ** X,
])
def test_non_multiplicative_occurrences_have_no_equivalent(expr):
    """A special function inside a sum, another function or under a variable power is not replaced."""
    assert equivalent(expr, X, sympy.oo) is None


def test_cancelling_sum_is_left_undecided():
    """F_1/2(x) - 4 x**(3/2)/(3 sqrt(pi)) is not decided from leading terms (they cancel)."""
    expr = FermiDirac(sympy.S.Half, X) - 4 * X ** sympy.Rational(3, 2) / (3 * sympy.sqrt(sympy.pi))
    assert limit(expr, X, sympy.oo).has(sympy.Limit)


def test_order_without_equivalent_at_plus_infinity():
    """F_{-3}(x) decays exponentially; the x**(j+1)/Gamma(j+2) rule does not apply and is not used."""
    assert EQUIVALENTS["FermiDirac"](FermiDirac(-3, X), X, sympy.oo) is None


def test_limit_claim_reports_the_true_value():
    """The limit prover refutes a wrong plateau and reports the true value 4/pi."""
    outcome = check_limit(FermiDirac(-sympy.S.Half, X) ** 2 / FermiDirac(0, X), X, sympy.oo, sympy.Integer(1),
                          Context())
    assert (outcome.verdict, outcome.evidence.value) == (Verdict.FAILS, 4 / sympy.pi)


def test_limit_claim_holds_with_numeric_approach():
    """A true limit holds: SymPy on the equivalents plus numeric approach at x = 1e2, 1e4, 1e8."""
    outcome = check_limit(FermiDirac(0, X) / FermiDirac(-sympy.S.Half, X) ** 2, X, sympy.oo, sympy.pi / 4, Context())
    assert outcome.verdict is Verdict.HOLDS


def test_finite_argument_uses_the_value():
    """F_{1/2}(1/x) x/(x + 1) tends to F_{1/2}(0) = (1 - 2**(-1/2)) zeta(3/2) as x -> oo."""
    found = limit(FermiDirac(sympy.S.Half, 1 / X) * X / (X + 1), X, sympy.oo)
    exact = (1 - 1 / sympy.sqrt(2)) * sympy.zeta(sympy.Rational(3, 2))
    assert abs(sympy.N(found - exact, 30)) < 1e-28


# ---------------------------------------------------------------- integrals with a moving limit
_T, _TH, _N, _K = sympy.symbols("T Theta N k", positive=True)
_X = sympy.Symbol("x", positive=True)
_DEBYE = 9 * _N * _K * (_T / _TH) ** 3 * sympy.Integral(
    _X ** 4 * sympy.exp(_X) / (sympy.exp(_X) - 1) ** 2, (_X, 0, _TH / _T))


def test_dulong_petit_limit_of_the_debye_heat_capacity():
    """Upper limit Theta/T -> 0: the integral ~ (Theta/T)**3/3, so C -> 3 N k."""
    assert limit(_DEBYE, _T, sympy.oo) == 3 * _N * _K


@pytest.mark.parametrize(("coefficient", "ratio"), [(12 * sympy.pi ** 4 / 5, 1),
                                                    (2 * sympy.pi ** 4, sympy.Rational(6, 5))])
def test_debye_t_cubed_law(coefficient, ratio):
    """Upper limit -> oo: the integral tends to 4 pi^4/15 (a Bose window integral)."""
    assert limit(_DEBYE / (coefficient * _N * _K * (_T / _TH) ** 3), _T, 0, "+") == ratio


def test_moving_integrals_outside_the_theorems_are_left_to_sympy():
    """Integrand depending on the variable, a divergent or zero improper integral: no equivalent."""
    t = sympy.Symbol("t", positive=True)
    cases = [
        (sympy.Integral(_X * _T, (_X, 0, 1 / _T)), sympy.oo),  # integrand moves too
        (sympy.Integral(_X, (_X, 0, _T)), sympy.oo),  # diverges as the limit grows
        (sympy.Integral(sympy.sin(_X) * sympy.exp(-_X), (_X, 0, _T)) - 1, sympy.oo),  # not multiplicative
        (sympy.Integral(_X * sympy.exp(-_X), (_X, 1, 1 + t)), 0),  # fine: ~ exp(-1) t
    ]
    assert equivalent(cases[0][0], _T, cases[0][1]) is None
    assert equivalent(cases[1][0], _T, cases[1][1]) is None
    assert equivalent(cases[2][0], _T, cases[2][1]) is None
    assert equivalent(cases[3][0], t, cases[3][1]) == sympy.exp(-1) * t


# ------------------------------------------- moving integrals tending to finite improper integrals
_U = sympy.Symbol("u", real=True)
_ETA = sympy.Symbol("eta", real=True)
_WINDOW = sympy.exp(_U) / (sympy.exp(_U) + 1) ** 2


def _moments(lower: sympy.Expr) -> list[sympy.Integral]:
    """The moments u^0, u^1, u^2 of the Fermi window from ``lower`` to oo."""
    return [sympy.Integral(_U ** k * _WINDOW, (_U, lower, sympy.oo)) for k in range(3)]


def _variance(lower: sympy.Expr) -> sympy.Expr:
    """Variance of u over the Fermi window from ``lower`` (the Lorenz number of one channel)."""
    k0, k1, k2 = _moments(lower)
    return k2 / k0 - (k1 / k0) ** 2


def _variance_quadrature(eta: int) -> mpmath.mpf:
    """The window variance from the band bottom -eta by mpmath quadrature (independent of the kernels)."""
    with mpmath.workdps(30):
        window = [mpmath.quad(lambda u, k=k: u**k * mpmath.exp(u) / (mpmath.exp(u) + 1)**2, [-eta, 0, mpmath.inf])
                  for k in range(3)]
        return window[2] / window[0] - (window[1] / window[0]) ** 2


def test_window_variance_from_a_receding_band_bottom_is_the_sommerfeld_value():
    """A band bottom at -eta -> -oo: each moment tends to its whole-line value (1, 0, pi^2/3), and so
    does the variance, which quadrature at eta = 60 confirms independently."""
    assert limit(_variance(-_ETA), _ETA, sympy.oo) == sympy.pi ** 2 / 3
    with mpmath.workdps(30):
        assert abs(_variance_quadrature(60) - mpmath.pi ** 2 / 3) < mpmath.mpf("1e-20")


def test_window_variance_at_the_band_edge_is_not_the_sommerfeld_value():
    """At eta = 0 quadrature gives pi^2/3 - 4 ln(2)^2, so the limit above is needed."""
    with mpmath.workdps(30):
        exact = mpmath.pi ** 2 / 3 - 4 * mpmath.log(2) ** 2
        assert abs(_variance_quadrature(0) - exact) < mpmath.mpf("1e-25")


@pytest.mark.parametrize("expr", [
    _moments(-_ETA)[2] / _moments(-_ETA)[1],  # pi^2/3 over a first moment that tends to 0
    sympy.Integral(sympy.exp(-_U), (_U, -_ETA, 0)),  # the improper integral diverges
    sympy.Integral(_WINDOW, (_U, -_ETA, _ETA)),  # both ends move
    _ETA * _moments(-_ETA)[0],  # the variable outside the integrals
])
def test_continuity_needs_finite_improper_integrals_and_finite_arithmetic(expr):
    """No value by continuity when an integral has no finite limit or the arithmetic of the limits is not finite."""
    assert asymptotics._by_continuity(expr, _ETA, sympy.oo) is None


def test_limit_claim_with_moving_integrals_holds_by_quadrature():
    """The limit prover proves the variance's limit and confirms it by quadrature at eta = 100 (where
    evalf of the integrals took minutes); at 1e4 and 1e8 quadrature is not reliable and is skipped."""
    outcome = check_limit(_variance(-_ETA), _ETA, sympy.oo, sympy.pi ** 2 / 3, Context())
    assert outcome.verdict is Verdict.HOLDS


def test_limit_claim_with_moving_integrals_reports_the_true_value():
    """A wrong value fails and reports pi^2/3."""
    outcome = check_limit(_variance(-_ETA), _ETA, sympy.oo, sympy.Integer(1), Context())
    assert (outcome.verdict, outcome.evidence.value) == (Verdict.FAILS, sympy.pi ** 2 / 3)


def test_no_reliable_quadrature_point_is_no_confirmation():
    """A band bottom at -eta**2 is 10**4 away at the first approach point: nothing is confirmed."""
    assert not limits._approaches(_variance(-_ETA ** 2), _ETA, sympy.oo, sympy.pi ** 2 / 3, Context())
