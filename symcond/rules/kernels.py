r"""Integrals of the statistical kernels in closed form: Fermi windows, Fermi–Dirac and Bose integrals.

Papers print these integrals as they are, and SymPy's ``integrate`` does not return (or
returns an unevaluated ``Integral``) for most of them.  :func:`evaluate_kernels` replaces
every :class:`~sympy.Integral` of a known family by its value, from the theorem that gives it;
the prover then compares closed forms, and the printed integral is still evaluated by
quadrature to confirm the result numerically.

The families, after the change of variable that makes the exponent ``u`` (a positive slope
``s``, read from the integrand, is divided out; its sign must be known):

* **Fermi window** over the whole line, :math:`w(u) = e^u/(e^u+1)^2 = -\partial f/\partial u`,
  times a polynomial :math:`\sum c_n u^n` (the Sommerfeld moments):
  :math:`\int u^n w\,du = 0` for odd ``n``, 1 for ``n = 0`` and
  :math:`2(1 - 2^{1-n})\,n!\,\zeta(n)` for even ``n >= 2`` (:math:`\pi^2/3`,
  :math:`7\pi^4/15`, ...; DLMF 25.12.E13 / 25.2.E3 integrated by parts).
* **Fermi–Dirac** on the half line, :math:`\int_0^\infty u^p/(e^{u-\eta}+1)\,du =
  \Gamma(p+1)\,F_p(\eta)` for ``p > -1`` (DLMF 25.12.14), and its window
  :math:`\int_0^\infty u^p e^{u-\eta}/(e^{u-\eta}+1)^2\,du = \Gamma(p+1)\,F_{p-1}(\eta)`, ``p > 0``.
* **Bose** on the half line, :math:`\int_0^\infty u^p/(e^{u-\eta}-1)\,du =
  \Gamma(p+1)\operatorname{Li}_{p+1}(e^\eta)` (``eta <= 0``; ``p > 0`` at ``eta = 0``, where it is
  :math:`\Gamma(p+1)\zeta(p+1)`, DLMF 25.5.1), and
  :math:`\int_0^\infty u^p e^u/(e^u-1)^2\,du = \Gamma(p+1)\,\zeta(p)`, ``p > 1``.
* **Maxwell–Boltzmann** on the half line, :math:`\int_0^\infty u^p e^{-(u-\eta)}\,du =
  \Gamma(p+1)\,e^\eta` for ``p > -1`` (Euler's integral, DLMF 5.2.1): the classical limit
  of the others, and the moments of a classical gas.

A sum of powers :math:`\sum c_k u^{p_k}` times a kernel is integrated term by term; each
term must meet its family's condition, proved from the symbols' assumptions, or nothing is
evaluated.

>>> import sympy
>>> E, mu = sympy.symbols("E mu", real=True)
>>> kT = sympy.Symbol("kT", positive=True)
>>> f = 1 / (sympy.exp((E - mu) / kT) + 1)
>>> evaluate_kernels(sympy.Integral((E - mu)**2 * -f.diff(E), (E, -sympy.oo, sympy.oo)))[0]
pi**2*kT**2/3
>>> x, T = sympy.symbols("x T", positive=True)
>>> evaluate_kernels(sympy.Integral(x**3 / (sympy.exp(x / T) - 1), (x, 0, sympy.oo)))[0]
pi**4*T**4/15
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sympy

__all__ = ["evaluate_kernels", "kernel_integral"]

#: A term ``c * u**p`` of a kernel's cofactor -> its integral, or None when ``p`` is outside the family.
TermRule = Callable[[sympy.Expr, sympy.Expr], sympy.Expr | None]


def _window_moment(n: sympy.Expr) -> sympy.Expr | None:
    """:math:`\\int_{-\\infty}^{\\infty} u^n e^u/(e^u+1)^2\\,du` for an integer ``n >= 0``."""
    if not (n.is_Integer and n >= 0):
        return None
    if n == 0:
        return sympy.S.One
    if n % 2:
        return sympy.S.Zero
    return 2 * (1 - sympy.Integer(2) ** (1 - n)) * sympy.factorial(n) * sympy.zeta(n)


@dataclass(frozen=True)
class _Family:
    """A kernel on the half line, ``kernel(u - eta)``, and the integral of ``u**p`` times it."""

    name: str
    kernel: Callable[[sympy.Expr], sympy.Expr]
    integral: Callable[[sympy.Expr, sympy.Expr], sympy.Expr | None]


def _fd(p: sympy.Expr, eta: sympy.Expr) -> sympy.Expr | None:
    from symcond.special.sympy_fd import FermiDirac  # with NumPy (a tenth of a second): when a proof needs it

    return sympy.gamma(p + 1) * FermiDirac(p, eta) if (p + 1).is_positive else None


def _fd_window(p: sympy.Expr, eta: sympy.Expr) -> sympy.Expr | None:
    if p.is_zero:
        return 1 / (sympy.exp(-eta) + 1)
    from symcond.special.sympy_fd import FermiDirac

    return sympy.gamma(p + 1) * FermiDirac(p - 1, eta) if p.is_positive else None


def _bose(p: sympy.Expr, eta: sympy.Expr) -> sympy.Expr | None:
    if eta.is_zero:
        return sympy.gamma(p + 1) * sympy.zeta(p + 1) if p.is_positive else None
    if eta.is_negative and (p + 1).is_positive:
        return sympy.gamma(p + 1) * sympy.polylog(p + 1, sympy.exp(eta))
    return None


def _bose_window(p: sympy.Expr, eta: sympy.Expr) -> sympy.Expr | None:
    if eta.is_zero and (p - 1).is_positive:
        return sympy.gamma(p + 1) * sympy.zeta(p)
    if eta.is_negative and p.is_positive:
        return sympy.gamma(p + 1) * sympy.polylog(p, sympy.exp(eta))
    return None


def _boltzmann(p: sympy.Expr, eta: sympy.Expr) -> sympy.Expr | None:
    return sympy.gamma(p + 1) * sympy.exp(eta) if (p + 1).is_positive else None


_HALF_LINE = (
    _Family("a Fermi-Dirac integral", lambda v: 1 / (sympy.exp(v) + 1), _fd),
    _Family("a Bose integral", lambda v: 1 / (sympy.exp(v) - 1), _bose),
    _Family("a Fermi-Dirac window integral", lambda v: sympy.exp(v) / (sympy.exp(v) + 1) ** 2, _fd_window),
    _Family("a Bose window integral", lambda v: sympy.exp(v) / (sympy.exp(v) - 1) ** 2, _bose_window),
    _Family("a Maxwell-Boltzmann (Gamma) integral", lambda v: sympy.exp(-v), _boltzmann),
)


def evaluate_kernels(expr: sympy.Expr) -> tuple[sympy.Expr, tuple[str, ...]]:
    """``expr`` with every integral of a known kernel family replaced by its value, and what was used.

    >>> u = sympy.Symbol("u", positive=True)
    >>> evaluate_kernels(2 * sympy.Integral(sympy.sqrt(u) / (sympy.exp(u) + 1), (u, 0, sympy.oo)))
    (sqrt(pi)*FermiDirac(1/2, 0), ('a Fermi-Dirac integral',))
    """
    replaced, used = {}, []
    for integral in sorted(sympy.sympify(expr).atoms(sympy.Integral), key=sympy.default_sort_key):
        found = kernel_integral(integral)
        if found is not None:
            replaced[integral], name = found
            used.append(name)
    return (sympy.sympify(expr).xreplace(replaced) if replaced else expr), tuple(used)


def kernel_integral(integral: sympy.Integral) -> tuple[sympy.Expr, str] | None:
    """The value of one integral of a known family and the family's name, else None.

    >>> u = sympy.Symbol("u", positive=True)
    >>> kernel_integral(sympy.Integral(u**4 * sympy.exp(u) / (sympy.exp(u) - 1)**2, (u, 0, sympy.oo)))
    (4*pi**4/15, 'a Bose window integral')
    >>> kernel_integral(sympy.Integral(u / (sympy.exp(u) + 1), (u, 0, 1))) is None  # not a family
    True
    """
    if len(integral.limits) != 1 or len(integral.limits[0]) != 3:
        return None
    var, lower, upper = integral.limits[0]
    integrand = integral.function
    if lower == -sympy.oo and upper == sympy.oo:
        return _whole_line(integrand, var)
    if lower == 0 and upper == sympy.oo:
        return _half_line(integrand, var)
    return None


_HYPERBOLIC = (sympy.cosh, sympy.sinh, sympy.tanh, sympy.coth, sympy.sech, sympy.csch)


def _in_exp(expr: sympy.Expr) -> sympy.Expr:
    """Hyperbolic functions as exponentials, each exponent expanded (powers are left alone)."""
    rewritten = expr.rewrite(_HYPERBOLIC, sympy.exp)  # type: ignore[arg-type]
    return rewritten.replace(lambda e: isinstance(e, sympy.exp), lambda e: sympy.exp(sympy.expand(e.args[0])))


def _exponent(integrand: sympy.Expr, var: sympy.Symbol) -> tuple[sympy.Expr, sympy.Expr] | None:
    """``(s, r)`` with every exponent of ``integrand`` an integer multiple of ``s*var + r``, ``s > 0``."""
    exps = [a for a in _in_exp(integrand).atoms(sympy.exp) if a.has(var)]
    if not exps:
        return None
    pairs = []
    for e in exps:
        poly = sympy.Poly(sympy.expand(e.args[0]), var) if e.args[0].is_polynomial(var) else None
        if poly is None or poly.degree() != 1:
            return None
        slope, rest = poly.all_coeffs()
        pairs.append((slope, rest))
    base_slope, base_rest = min(pairs, key=lambda pair: sympy.count_ops(pair[0]))
    if base_slope.is_negative:
        base_slope, base_rest = -base_slope, -base_rest
    if not base_slope.is_positive or base_rest.is_real is not True:
        return None
    for slope, rest in pairs:
        k = sympy.simplify(slope / base_slope)
        if not k.is_Integer or sympy.simplify(rest - k * base_rest) != 0:
            return None
    return base_slope, base_rest


def _powers(cofactor: sympy.Expr, u: sympy.Symbol) -> list[tuple[sympy.Expr, sympy.Expr]] | None:
    """``cofactor`` as ``[(c, p), ...]`` meaning ``sum c * u**p`` with ``c`` and ``p`` free of ``u``."""
    terms = []
    for term in sympy.Add.make_args(sympy.expand(cofactor)):
        coefficient, power = term.as_coeff_exponent(u)
        if coefficient.has(u) or power.has(u):
            return None
        terms.append((coefficient, power))
    return terms


def _cofactor(integrand: sympy.Expr, kernel: sympy.Expr, u: sympy.Symbol) -> sympy.Expr | None:
    """``integrand / kernel`` when it is free of exponentials in ``u``, else None."""
    ratio = sympy.simplify(sympy.powsimp(sympy.expand(_in_exp(integrand / kernel))))
    if ratio.has(sympy.exp) and any(e.has(u) for e in ratio.atoms(sympy.exp)):
        ratio = sympy.simplify(sympy.factor(ratio))
    if any(e.has(u) for e in ratio.atoms(sympy.exp, sympy.Pow) if not (e.is_Pow and e.base == u)):
        return None
    return ratio


def _whole_line(integrand: sympy.Expr, var: sympy.Symbol) -> tuple[sympy.Expr, str] | None:
    found = _exponent(integrand, var)
    if found is None:
        return None
    u = sympy.Dummy("u", real=True)
    window = sympy.exp(u) / (sympy.exp(u) + 1) ** 2
    for multiple in (1, 2):  # the window's exponent is the integrand's, or twice it (cosh((E - mu)/2kT))
        slope, rest = (multiple * part for part in found)
        moved = _in_exp(integrand.subs(var, (u - rest) / slope) / slope)
        cofactor = _cofactor(moved, window, u)
        terms = None if cofactor is None else _powers(cofactor, u)
        if terms:
            break
    else:
        return None
    moments = [_window_moment(p) for _, p in terms]
    if any(m is None for m in moments):
        return None
    value = sympy.Add(*[c * m for (c, _), m in zip(terms, moments, strict=True)])
    return sympy.simplify(value), "a moment of the Fermi window (Sommerfeld)"


def _half_line(integrand: sympy.Expr, var: sympy.Symbol) -> tuple[sympy.Expr, str] | None:
    found = _exponent(integrand, var)
    if found is None:
        return None
    slope, rest = found
    eta = -rest
    u = sympy.Dummy("u", positive=True)
    scaled = _in_exp(integrand.subs(var, u / slope) / slope)
    for family in _HALF_LINE:
        cofactor = _cofactor(scaled, family.kernel(u - eta), u)
        terms = None if cofactor is None else _powers(cofactor, u)
        if not terms:
            continue
        values = [family.integral(p, eta) for _, p in terms]
        if any(v is None for v in values):
            continue
        return sympy.simplify(sympy.Add(*[c * v for (c, _), v in zip(terms, values, strict=True)])), family.name
    return None
