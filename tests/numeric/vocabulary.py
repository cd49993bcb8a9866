"""The parser's special functions as SymPy expressions in x, y, each with mpmath's own function (an
independent second method), evaluated at :func:`vocabulary_point` (arguments kept inside each real domain)."""

from __future__ import annotations

from collections.abc import Callable

import mpmath
import sympy

x, y = sympy.symbols("x y", positive=True)


def vocabulary_point() -> dict[sympy.Symbol, sympy.Rational]:
    """The point x = 37/10, y = 23/10 at which the table is evaluated."""
    return {x: sympy.Rational(37, 10), y: sympy.Rational(23, 10)}


#: (id, SymPy expression, the same function written with mpmath, taking mpf x and y).
VOCABULARY: list[tuple[str, sympy.Expr, Callable[..., object]]] = [
    ("erf", sympy.erf(x), lambda a, b: mpmath.erf(a)),
    ("erfc", sympy.erfc(x), lambda a, b: mpmath.erfc(a)),
    ("erfi", sympy.erfi(x), lambda a, b: mpmath.erfi(a)),
    ("erfinv", sympy.erfinv(x / 8), lambda a, b: mpmath.erfinv(a / 8)),
    ("fresnels", sympy.fresnels(x), lambda a, b: mpmath.fresnels(a)),
    ("fresnelc", sympy.fresnelc(x), lambda a, b: mpmath.fresnelc(a)),
    ("cot", sympy.cot(x), lambda a, b: mpmath.cot(a)),
    ("sec", sympy.sec(x), lambda a, b: mpmath.sec(a)),
    ("csc", sympy.csc(x), lambda a, b: mpmath.csc(a)),
    ("acot", sympy.acot(x), lambda a, b: mpmath.acot(a)),
    ("asec", sympy.asec(x), lambda a, b: mpmath.asec(a)),
    ("acsc", sympy.acsc(x), lambda a, b: mpmath.acsc(a)),
    ("atan2", sympy.atan2(y, x - 3), lambda a, b: mpmath.atan2(b, a - 3)),
    ("coth", sympy.coth(x), lambda a, b: mpmath.coth(a)),
    ("sech", sympy.sech(x), lambda a, b: mpmath.sech(a)),
    ("csch", sympy.csch(x), lambda a, b: mpmath.csch(a)),
    ("asinh", sympy.asinh(x), lambda a, b: mpmath.asinh(a)),
    ("acosh", sympy.acosh(x), lambda a, b: mpmath.acosh(a)),
    ("atanh", sympy.atanh(x / 8), lambda a, b: mpmath.atanh(a / 8)),
    ("acoth", sympy.acoth(x), lambda a, b: mpmath.acoth(a)),
    ("asech", sympy.asech(x / 8), lambda a, b: mpmath.asech(a / 8)),
    ("acsch", sympy.acsch(x), lambda a, b: mpmath.acsch(a)),
    ("loggamma", sympy.loggamma(x), lambda a, b: mpmath.loggamma(a)),
    ("digamma", sympy.digamma(x), lambda a, b: mpmath.digamma(a)),
    ("trigamma", sympy.trigamma(x), lambda a, b: mpmath.psi(1, a)),
    ("polygamma", sympy.polygamma(3, x), lambda a, b: mpmath.psi(3, a)),
    ("beta", sympy.beta(x, y), lambda a, b: mpmath.beta(a, b)),
    ("uppergamma", sympy.uppergamma(x, y), lambda a, b: mpmath.gammainc(a, b, mpmath.inf)),
    ("lowergamma", sympy.lowergamma(x, y), lambda a, b: mpmath.gammainc(a, 0, b)),
    ("factorial", sympy.factorial(x), lambda a, b: mpmath.factorial(a)),
    ("binomial", sympy.binomial(x, y), lambda a, b: mpmath.binomial(a, b)),
    ("Ei", sympy.Ei(x), lambda a, b: mpmath.ei(a)),
    ("E1", sympy.E1(x), lambda a, b: mpmath.e1(a)),
    ("expint", sympy.expint(y, x), lambda a, b: mpmath.expint(b, a)),
    ("Si", sympy.Si(x), lambda a, b: mpmath.si(a)),
    ("Ci", sympy.Ci(x), lambda a, b: mpmath.ci(a)),
    ("Shi", sympy.Shi(x), lambda a, b: mpmath.shi(a)),
    ("Chi", sympy.Chi(x), lambda a, b: mpmath.chi(a)),
    ("li", sympy.li(x), lambda a, b: mpmath.li(a)),
    ("besselj", sympy.besselj(y, x), lambda a, b: mpmath.besselj(b, a)),
    ("bessely", sympy.bessely(y, x), lambda a, b: mpmath.bessely(b, a)),
    ("besseli", sympy.besseli(y, x), lambda a, b: mpmath.besseli(b, a)),
    ("besselk", sympy.besselk(y, x), lambda a, b: mpmath.besselk(b, a)),
    ("zeta", sympy.zeta(x), lambda a, b: mpmath.zeta(a)),
    ("hurwitz zeta", sympy.zeta(x, y), lambda a, b: mpmath.zeta(a, b)),
    ("dirichlet_eta", sympy.dirichlet_eta(y), lambda a, b: mpmath.altzeta(b)),
    ("polylog", sympy.polylog(x, y / 9), lambda a, b: mpmath.polylog(a, b / 9)),
    ("sign", sympy.sign(x - 4), lambda a, b: mpmath.sign(a - 4)),
    ("Heaviside", sympy.Heaviside(x - 3), lambda a, b: mpmath.mpf(1) if a > 3 else mpmath.mpf(0)),
    ("LambertW", sympy.LambertW(x), lambda a, b: mpmath.lambertw(a).real),
    ("LambertW branch -1", sympy.LambertW(-x / 30, -1), lambda a, b: mpmath.lambertw(-a / 30, -1).real),
    ("gamma", sympy.gamma(x), lambda a, b: mpmath.gamma(a)),
]
