"""Quadrature of expressions with definite integrals: values computed once per integral and point."""

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
