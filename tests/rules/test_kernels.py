"""Closed forms of the statistical-kernel integrals, each checked against mpmath quadrature."""

import mpmath
import pytest
import sympy

from symcond.rules.kernels import evaluate_kernels, kernel_integral

E, mu = sympy.symbols("E mu", real=True)
x, u, kT, a = sympy.symbols("x u kT a", positive=True)
eta = sympy.Symbol("eta", negative=True)
oo = sympy.oo
f = 1 / (sympy.exp((E - mu) / kT) + 1)
window = -f.diff(E)
POINT = {mu: sympy.Rational(7, 10), kT: sympy.Rational(3, 10), a: sympy.Rational(13, 10),
         eta: sympy.Rational(-2, 3), x: None, u: None}


def _quad(integral: sympy.Integral) -> mpmath.mpf:
    var, lower, upper = integral.limits[0]
    body = sympy.lambdify(var, integral.function.subs({k: v for k, v in POINT.items() if v is not None}), "mpmath")
    with mpmath.workdps(30):
        pieces = [lower, 0, 1, 5, 20, upper] if lower == 0 else [lower, -5, -1, 0, 1, 5, upper]
        return mpmath.quad(body, [mpmath.mpf(float(p)) if p.is_finite else (mpmath.inf if p > 0 else -mpmath.inf)
                                  for p in map(sympy.sympify, pieces)])


FAMILIES = [
    # the Fermi window and its Sommerfeld moments, in the forms papers print
    (sympy.Integral(window, (E, -oo, oo)), "Sommerfeld"),
    (sympy.Integral((E - mu) ** 2 * window, (E, -oo, oo)), "Sommerfeld"),
    (sympy.Integral((E - mu) ** 4 * window, (E, -oo, oo)), "Sommerfeld"),
    (sympy.Integral(E ** 2 * window, (E, -oo, oo)), "Sommerfeld"),
    (sympy.Integral((E - mu) ** 3 * window, (E, -oo, oo)), "Sommerfeld"),
    (sympy.Integral(E ** 2 / (4 * kT * sympy.cosh((E - mu) / (2 * kT)) ** 2), (E, -oo, oo)), "Sommerfeld"),
    (sympy.Integral((E - mu) ** 2 / (kT * (sympy.cosh((E - mu) / kT) + 1)), (E, -oo, oo)), "Sommerfeld"),
    # Fermi-Dirac and Bose integrals on the half line
    (sympy.Integral(sympy.sqrt(x) / (sympy.exp(x - eta) + 1), (x, 0, oo)), "Fermi-Dirac integral"),
    (sympy.Integral(x ** 3 / (sympy.exp(a * x) + 1), (x, 0, oo)), "Fermi-Dirac integral"),
    (sympy.Integral(x ** 3 / (sympy.exp(x / kT) - 1), (x, 0, oo)), "Bose integral"),
    (sympy.Integral(x ** 2 / (sympy.exp(x - eta) - 1), (x, 0, oo)), "Bose integral"),
    (sympy.Integral(x ** 4 * sympy.exp(x) / (sympy.exp(x) - 1) ** 2, (x, 0, oo)), "Bose window"),
    (sympy.Integral(x * sympy.exp(x - eta) / (sympy.exp(x - eta) + 1) ** 2, (x, 0, oo)), "Fermi-Dirac window"),
    (sympy.Integral((x ** 2 + 3 * x) / (sympy.exp(x) - 1), (x, 0, oo)), "Bose integral"),
    # Maxwell-Boltzmann moments (Euler's Gamma integral): a classical gas's transport window
    (sympy.Integral(x ** sympy.Rational(3, 2) * sympy.exp(-x), (x, 0, oo)), "Maxwell-Boltzmann"),
    (sympy.Integral(x ** 2 * sympy.exp(eta - x / kT), (x, 0, oo)), "Maxwell-Boltzmann"),
    (sympy.Integral(sympy.sqrt(x) * sympy.exp(-a * x), (x, 0, oo)), "Maxwell-Boltzmann"),
]


@pytest.mark.parametrize("integral, family", FAMILIES, ids=[str(i) for i in range(len(FAMILIES))])
def test_each_family_matches_quadrature(integral, family):
    """The closed form agrees with 30-digit quadrature of the printed integral at a sample point."""
    found = kernel_integral(integral)
    assert found is not None and family in found[1]
    value, _ = found
    assert not value.has(sympy.Integral)
    numeric = sympy.N(value.subs({k: v for k, v in POINT.items() if v is not None}), 30)
    with mpmath.workdps(30):
        quadrature = _quad(integral)
        assert abs(mpmath.mpf(str(numeric)) - quadrature) < mpmath.mpf(10) ** -20 * max(1, abs(quadrature))


NOT_FAMILIES = [
    sympy.Integral(x / (sympy.exp(x) + 1), (x, 0, 1)),  # finite range
    sympy.Integral(x ** 3 / (sympy.exp(x - mu) - 1), (x, 0, oo)),  # Bose with mu of unknown sign: may diverge
    sympy.Integral(1 / (sympy.exp(x) - 1), (x, 0, oo)),  # divergent at 0
    sympy.Integral(window / E, (E, -oo, oo)),  # not a polynomial moment
    sympy.Integral(sympy.exp(-x ** 2), (x, 0, oo)),  # not linear in the exponent
    sympy.Integral(x / (sympy.exp(sympy.I * x) + 1), (x, 0, oo)),  # complex slope
    sympy.Integral(sympy.log(x) / (sympy.exp(x) + 1), (x, 0, oo)),  # cofactor not a power
    sympy.Integral(x / (sympy.exp(x) + 2), (x, 0, oo)),  # another kernel
    sympy.Integral(x / (sympy.exp(mu * x) + 1), (x, 0, oo)),  # slope of unknown sign
    sympy.Integral(sympy.exp(-x) / x, (x, 0, oo)),  # Gamma(0): divergent at 0
    sympy.Integral(x * sympy.exp(x), (x, 0, oo)),  # growing: divergent
]


@pytest.mark.parametrize("integral", NOT_FAMILIES, ids=[str(i) for i in range(len(NOT_FAMILIES))])
def test_other_integrals_are_left_alone(integral):
    assert kernel_integral(integral) is None
    assert evaluate_kernels(2 * integral) == (2 * integral, ())


def test_sommerfeld_coefficients():
    """pi^2/3 and 7 pi^4/15 as the issue states them; odd moments vanish."""
    moments = [kernel_integral(sympy.Integral((E - mu) ** n * window, (E, -oo, oo)))[0] for n in range(7)]
    assert moments[:5] == [1, 0, sympy.pi ** 2 * kT ** 2 / 3, 0, 7 * sympy.pi ** 4 * kT ** 4 / 15]
    assert moments[6] == 31 * sympy.pi ** 6 * kT ** 6 / 21
