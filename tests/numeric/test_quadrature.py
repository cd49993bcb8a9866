"""Quadrature of expressions with definite integrals: values computed once per integral and point."""

import pytest
import sympy

from symcond.numeric import quadrature


def test_an_integral_at_a_point_is_computed_once(monkeypatch):
    """The second evaluation of the same integral at the same point and digits reuses the first value."""
    quadrature._remembered_value.cache_clear()
    calls = []
    original = quadrature._integral_value

    def counted(integral, point, dps):
        calls.append((integral, dps))
        return original(integral, point, dps)

    monkeypatch.setattr(quadrature, "_integral_value", counted)
    s, a = sympy.Symbol("s", positive=True), sympy.Symbol("a", positive=True)
    integral = sympy.Integral(sympy.exp(-a * s**2), (s, 0, sympy.oo))
    first = quadrature.quad_evaluate(2 * integral, {a: sympy.Integer(3)}, 30)
    second = quadrature.quad_evaluate(integral / 5, {a: sympy.Integer(3)}, 30)
    quadrature.quad_evaluate(integral, {a: sympy.Integer(2)}, 30)
    assert abs(first / second - 10) < 1e-12 and len(calls) == 2


def test_an_even_integrand_over_the_real_line_is_integrated_on_one_half():
    """exp(-t**2) over (-oo, oo): only t >= 0 is evaluated, and the value is the two halves' (sqrt(pi))."""
    import mpmath

    seen = []

    def gauss(t):
        seen.append(t)
        return mpmath.exp(-t * t)

    with mpmath.workdps(40):
        both = quadrature._substituted_quad(lambda t: mpmath.exp(-t * t), -mpmath.inf, mpmath.inf, -10)
        half = quadrature._substituted_quad(gauss, -mpmath.inf, mpmath.inf, -10, even=True)
        assert both == half and abs(half - mpmath.sqrt(mpmath.pi)) < mpmath.mpf(10) ** -38
    assert min(seen) >= 0


_T = sympy.Symbol("t", positive=True)


@pytest.mark.parametrize("integrand", [sympy.exp(_T), 1 / _T, 1 / (_T * sympy.log(_T)), sympy.sin(_T) / _T,
                                       _T**sympy.Rational(-1, 10)])
def test_an_integral_that_does_not_converge_absolutely_has_no_value(integrand):
    """exp(t), 1/t, 1/(t log t), sin(t)/t over (2, oo): no value, rather than a truncated tail's sum."""
    assert quadrature.quad_evaluate(sympy.Integral(integrand, (_T, 2, sympy.oo)), {}, 30) is None


@pytest.mark.parametrize(("integrand", "exact"), [
    (1 / (1 + _T**2), sympy.pi / 2),
    (1 / (1 + _T ** sympy.Rational(3, 2)), 4 * sympy.pi / (3 * sympy.sqrt(3))),
    (sympy.exp(-_T**2), sympy.sqrt(sympy.pi) / 2),
    (_T**3 / (sympy.exp(_T) - 1), sympy.pi**4 / 15),
])
def test_an_integral_with_an_algebraic_or_faster_tail_keeps_its_value(integrand, exact):
    """1/(1+t**2), 1/(1+t**1.5), exp(-t**2), t**3/(e**t-1) over (0, oo) still agree with the exact value."""
    value = quadrature.quad_evaluate(sympy.Integral(integrand, (_T, 0, sympy.oo)), {}, 30)
    assert value is not None and abs(value - sympy.N(exact, 40)) < 1e-28


def test_a_constant_integral_is_computed_once_whatever_the_point(monkeypatch):
    """An integral free of the sampled symbols is remembered by no coordinate: once per precision, not per point."""
    quadrature._remembered_value.cache_clear()
    calls = []
    original = quadrature._integral_value
    monkeypatch.setattr(quadrature, "_integral_value", lambda i, p, d: calls.append(d) or original(i, p, d))
    x = sympy.Symbol("x", positive=True)
    integral = sympy.Integral(sympy.exp(-_T), (_T, 0, sympy.oo))
    for value in (1, 2, 3):
        quadrature.quad_evaluate(x * integral, {x: sympy.Integer(value)}, 30)
    assert calls == [30]
