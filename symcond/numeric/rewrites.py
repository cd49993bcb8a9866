r"""Numerically stable NumPy code for closed forms: rewrites applied before ``lambdify``.

SymPy's NumPy printer evaluates an expression as written.  Some forms that are exact
symbolically lose every digit in double precision:

=================================  ==============================  ==========================
form                               problem                          rewritten to
=================================  ==============================  ==========================
``log(1 + exp(x))``                0 for x < -37, inf for x > 709   ``softplus(x)`` (logaddexp)
``x + log(1 + exp(-x))``           cancels for x -> -oo             ``softplus(x)``
``1/(1 + exp(x))``, ``exp(x)/(..)``  inf/inf = nan for x > 709        ``expit(-x)``, ``expit(x)``
``log(1 + u)``, ``exp(u) - 1``     cancel for small u               ``log1p(u)``, ``expm1(u)``
``F(x)**2 / G(x)`` (tiny F, G)     F**2 underflows to 0             ``scaled_product``
``polylog(s, -exp(x))``            no NumPy polylog (NameError)     ``-FermiDirac(s - 1, x)``
=================================  ==============================  ==========================

``scaled_product(b1, p1, b2, p2, ...)`` is ``b1**p1 * b2**p2 * ...`` evaluated as mantissas
times a power of two (:func:`numpy.frexp` / :func:`numpy.ldexp`), so that intermediate
results neither underflow nor overflow; it is used for products of two or more powers of
functions that can be very small or very large (``exp``, Fermi–Dirac integrals, ...), and
for a Fermi–Dirac integral times other symbolic factors, and it takes every factor of the
product (so ``1e300 * F(x)**2`` is not ``1e300 * 0``).  Fermi–Dirac factors are split
exactly even where their value underflows (``F_j(x) = e**x s_j(x)``, see
:mod:`symcond.special.scaled`), so ``F_{-1/2}(x)/F_0(x)`` is finite down to x = -1e15.

The module's contribution to :func:`symcond.numeric.lambdify.lambdify` is two fixed tables,
:data:`NUMPY_REWRITES` and :data:`NUMPY_FUNCTIONS`, which :mod:`symcond.numeric.lambdify`
imports and places after those of :mod:`symcond.special.sympy_fd` (so that
``polylog(s, -exp(x))`` reaches :func:`stable_rewrite` as a Fermi–Dirac integral); importing
this module changes nothing elsewhere.

>>> import numpy as np
>>> import sympy
>>> x = sympy.Symbol("x", real=True)
>>> stable_rewrite(x + sympy.log(1 + sympy.exp(-x)))
softplus(x)
>>> from symcond.numeric.lambdify import lambdify
>>> f = lambdify(sympy.log(1 + sympy.exp(x)))
>>> print(f(np.array([-700.0, -40.0, 800.0])))
[9.85967654e-305 4.24835426e-018 8.00000000e+002]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import mpmath
import numpy as np
import sympy
from scipy.special import expit as _np_expit
from sympy.codegen.cfunctions import expm1, log1p

from symcond.special.scaled import _two_product, frexp_exact

__all__ = ["softplus", "expit", "scaled_product", "stable_rewrite", "to_elementary", "HAZARDOUS", "NUMPY_REWRITES",
           "NUMPY_FUNCTIONS"]

#: SymPy function names whose values may under- or overflow (factors worth scaling).
HAZARDOUS: frozenset[str] = frozenset({"exp", "FermiDirac", "softplus", "expit", "polylog"})


def _is_mp(*values: Any) -> bool:
    return any(isinstance(v, (mpmath.mpf, mpmath.mpc)) for v in values)


def _softplus_numeric(x: Any) -> Any:
    """log(1 + exp(x)) without overflow: NumPy logaddexp, or mpmath for mpf input."""
    return mpmath.log1p(mpmath.exp(x)) if _is_mp(x) else np.logaddexp(0.0, x)


def _expit_numeric(x: Any) -> Any:
    """1/(1 + exp(-x)) without overflow: SciPy expit, or mpmath for mpf input."""
    return 1 / (1 + mpmath.exp(-x)) if _is_mp(x) else _np_expit(x)


def _scaled_product_numeric(*pairs: Any) -> Any:
    """Product of base**power pairs: mantissas times an exactly summed power of two."""
    bases, powers = pairs[0::2], pairs[1::2]
    if _is_mp(*bases):
        return mpmath.fprod(b**p for b, p in zip(bases, powers, strict=True))
    mantissa: Any = 1.0
    whole: Any = 0.0
    fraction: Any = 0.0
    with np.errstate(over="ignore", under="ignore"):
        for base, power in zip(bases, powers, strict=True):
            m, e = frexp_exact(base)
            mantissa, carry = np.frexp(mantissa * m**power)
            t, error = _two_product(np.asarray(e, dtype=np.float64), float(power))
            floor = np.floor(t)
            whole, fraction = whole + floor + carry, fraction + (t - floor) + error
        floor = np.floor(fraction)
        whole = np.clip(whole + floor, -4000, 4000).astype(np.int64)
        return np.ldexp(mantissa * np.exp2(fraction - floor), whole)


class softplus(sympy.Function):
    """``softplus(x) = log(1 + exp(x))`` (dimensionless ``x``)."""

    nargs = 1
    _imp_ = staticmethod(_softplus_numeric)

    def fdiff(self, argindex: int = 1) -> sympy.Expr:
        """d/dx softplus(x) = expit(x)."""
        return expit(self.args[0])

    def _eval_rewrite_as_log(self, x: sympy.Expr, **kwargs: Any) -> sympy.Expr:
        return sympy.log(1 + sympy.exp(x))

    def _eval_is_extended_real(self) -> bool | None:
        return self.args[0].is_extended_real

    def _eval_evalf(self, prec: int) -> sympy.Float | None:
        return _mp_evalf(self, prec, lambda x: mpmath.log1p(mpmath.exp(x)))


class expit(sympy.Function):
    """The logistic function ``expit(x) = 1/(1 + exp(-x))``."""

    nargs = 1
    _imp_ = staticmethod(_expit_numeric)

    def fdiff(self, argindex: int = 1) -> sympy.Expr:
        """d/dx expit(x) = expit(x) expit(-x)."""
        return expit(self.args[0]) * expit(-self.args[0])

    def _eval_rewrite_as_exp(self, x: sympy.Expr, **kwargs: Any) -> sympy.Expr:
        return 1 / (1 + sympy.exp(-x))

    def _eval_is_extended_real(self) -> bool | None:
        return self.args[0].is_extended_real

    def _eval_evalf(self, prec: int) -> sympy.Float | None:
        return _mp_evalf(self, prec, lambda x: 1 / (1 + mpmath.exp(-x)))


class scaled_product(sympy.Function):
    """``scaled_product(b1, p1, b2, p2, ...) = b1**p1 * b2**p2 * ...`` with over/underflow-free evaluation."""

    _imp_ = staticmethod(_scaled_product_numeric)

    def _eval_rewrite_as_Mul(self, *args: sympy.Expr, **kwargs: Any) -> sympy.Expr:
        return sympy.Mul(*(b**p for b, p in zip(args[0::2], args[1::2], strict=True)))

    def _eval_evalf(self, prec: int) -> sympy.Float | None:
        return self._eval_rewrite_as_Mul(*self.args).evalf(mpmath.libmp.prec_to_dps(prec))  # type: ignore[no-any-return]


def _mp_evalf(func: sympy.Function, prec: int, formula: Callable[[mpmath.mpf], mpmath.mpf]) -> sympy.Float | None:
    (x,) = func.args
    if not (x.is_number and x.is_extended_real):
        return None
    with mpmath.workprec(prec + 20):
        return sympy.Float(formula(x._to_mpmath(prec + 20)), precision=prec)


def to_elementary(expr: sympy.Expr) -> sympy.Expr:
    """Undo :func:`stable_rewrite`: the same expression in elementary SymPy functions.

    >>> import sympy
    >>> x = sympy.Symbol("x")
    >>> to_elementary(softplus(x) * scaled_product(x, 2, expit(x), -1))
    x**2*(1 + exp(-x))*log(exp(x) + 1)
    """
    table = {softplus: lambda a: sympy.log(1 + sympy.exp(a)), expit: lambda a: 1 / (1 + sympy.exp(-a)),
             log1p: lambda a: sympy.log(1 + a), expm1: lambda a: sympy.exp(a) - 1}
    out = sympy.sympify(expr).replace(lambda e: type(e) in table, lambda e: table[type(e)](*e.args))
    return out.replace(lambda e: isinstance(e, scaled_product), lambda e: e._eval_rewrite_as_Mul(*e.args))


# --- rewrites ------------------------------------------------------------------------------------
def _exp_affine(arg: sympy.Expr) -> tuple[sympy.Expr, sympy.Expr] | None:
    """``(c, x + log(d/c))`` when ``arg == c + d*exp(x)`` with positive numbers c, d; else None."""
    if not arg.is_Add or len(arg.args) != 2:
        return None
    constant, term = arg.as_coeff_Add()
    d, factor = term.as_coeff_Mul()
    if not (constant.is_positive and d.is_positive and isinstance(factor, sympy.exp)):
        return None
    return constant, factor.args[0] + sympy.log(d / constant)


def _softplus_logs(expr: sympy.Expr) -> sympy.Expr:
    """log(c + d exp(x)) -> log(c) + softplus(x + log(d/c))."""

    def rewrite(node: sympy.Expr) -> sympy.Expr:
        c, shifted = _exp_affine(node.args[0])  # type: ignore[misc]
        return sympy.log(c) + softplus(shifted)

    return expr.replace(lambda e: isinstance(e, sympy.log) and _exp_affine(e.args[0]) is not None, rewrite)


def _terms(expr: sympy.Expr) -> int:
    return 0 if expr == 0 else len(sympy.Add.make_args(expr))


def _merge_softplus(add: sympy.Expr) -> sympy.Expr:
    """c softplus(u) + rest -> c softplus(-u) + (rest + c u) when rest + c u has fewer terms."""
    for term in add.args:
        c, factor = term.as_coeff_Mul()
        if isinstance(factor, softplus):
            rest = add - term
            linear = sympy.expand(rest + c * factor.args[0])
            if _terms(linear) < _terms(rest):
                return linear + c * softplus(-factor.args[0])
    return add


def _softplus_sums(expr: sympy.Expr) -> sympy.Expr:
    return expr.replace(lambda e: e.is_Add and e.has(softplus), _merge_softplus)


def _one_plus_exp(base: sympy.Expr) -> sympy.Expr | None:
    """``x`` when ``base == 1 + exp(x)``, else None."""
    found = _exp_affine(base)
    return found[1] if found is not None and _unit(base) else None


def _unit(base: sympy.Expr) -> bool:
    constant, term = base.as_coeff_Add()
    return bool(constant == 1 and term.as_coeff_Mul()[0] == 1)


def _logistic(expr: sympy.Expr) -> sympy.Expr:
    """(1 + exp(x))**-n -> expit(-x)**n, then exp(a) expit(-a) -> expit(a)."""
    def logistic(power: sympy.Expr) -> sympy.Expr:
        return expit(-_one_plus_exp(power.base)) ** (-power.exp)  # type: ignore[operator]

    rewritten = expr.replace(
        lambda e: e.is_Pow and e.exp.is_integer and e.exp.is_negative and _one_plus_exp(e.base) is not None,
        logistic)
    return rewritten.replace(lambda e: e.is_Mul and e.has(expit), _merge_expit)


def _merge_expit(mul: sympy.Expr) -> sympy.Expr:
    factors = list(mul.args)
    for i, f in enumerate(factors):
        if not isinstance(f, sympy.exp):
            continue
        for j, g in enumerate(factors):
            if isinstance(g, expit) and sympy.expand(f.args[0] + g.args[0]) == 0:
                rest = [h for k, h in enumerate(factors) if k not in (i, j)]
                return sympy.Mul(*rest, expit(f.args[0]))
    return mul


def _log1p_expm1(expr: sympy.Expr) -> sympy.Expr:
    """log(1 + u) -> log1p(u); exp(u) - 1 + rest -> expm1(u) + rest."""
    out = expr.replace(lambda e: isinstance(e, sympy.log) and e.args[0].is_Add and e.args[0].as_coeff_Add()[0] == 1,
                       lambda e: log1p(e.args[0] - 1))
    return out.replace(lambda e: e.is_Add and e.as_coeff_Add()[0] == -1 and any(
        isinstance(t, sympy.exp) for t in e.args), _expm1_in)


def _expm1_in(add: sympy.Expr) -> sympy.Expr:
    term = next(t for t in add.args if isinstance(t, sympy.exp))
    return add - term + 1 + expm1(term.args[0])


def _hazard_power(factor: sympy.Expr) -> tuple[sympy.Expr, sympy.Expr] | None:
    if type(factor).__name__ in HAZARDOUS:
        return factor, sympy.S.One
    if factor.is_Pow and type(factor.base).__name__ in HAZARDOUS and factor.exp.is_number and factor.exp.is_real:
        return factor.base, factor.exp
    return None


def _numeric_power(factor: sympy.Expr) -> tuple[sympy.Expr, sympy.Expr] | None:
    if factor.is_Pow and factor.exp.is_number and factor.exp.is_real:
        return factor.base, factor.exp
    return None if factor.is_Pow else (factor, sympy.S.One)


def _worth_scaling(mul: sympy.Expr) -> bool:
    """Hazardous powers of total |power| >= 2, or a Fermi–Dirac integral times another symbolic factor."""
    pairs = [p for p in map(_hazard_power, mul.args) if p is not None]
    if sum(abs(p) for _, p in pairs) >= 2:
        return True
    symbolic = [f for f in mul.args if not f.is_number]
    return len(symbolic) >= 2 and any(type(b).__name__ == "FermiDirac" for b, _ in pairs)


def _scale_products(expr: sympy.Expr) -> sympy.Expr:
    """Products worth scaling (:func:`_worth_scaling`) -> scaled_product of all their numeric powers."""

    def scale(mul: sympy.Expr) -> sympy.Expr:
        coefficient, symbolic = mul.as_independent(*mul.free_symbols, as_Add=False)
        pairs = [(f, _numeric_power(f)) for f in sympy.Mul.make_args(symbolic)]
        rest = [f for f, p in pairs if p is None]
        flat = [item for _, p in pairs if p is not None for item in p]
        scale = (coefficient, sympy.S.One) if coefficient != 1 else ()
        return sympy.Mul(*rest, scaled_product(*scale, *flat))

    return expr.replace(lambda e: e.is_Mul and _worth_scaling(e), scale)


def stable_rewrite(expr: sympy.Expr) -> sympy.Expr:
    """``expr`` rewritten into forms NumPy evaluates without cancellation, overflow or underflow.

    The result equals ``expr`` (:func:`to_elementary` undoes it); see the module table.

    >>> import sympy
    >>> x, y = sympy.symbols("x y", real=True)
    >>> stable_rewrite(sympy.exp(x) / (1 + sympy.exp(x)))
    expit(x)
    >>> stable_rewrite(sympy.log(1 + y) + sympy.exp(y) - 1)
    expm1(y) + log1p(y)
    >>> stable_rewrite(sympy.exp(-x) * softplus(x)**2)
    scaled_product(softplus(x), 2, exp(-x), 1)
    """
    out = sympy.sympify(expr)
    for step in (_softplus_logs, _softplus_sums, _logistic, _log1p_expm1, _scale_products):
        out = step(out)
    return out


#: The rewrites :func:`symcond.numeric.lambdify.lambdify` applies, in order, for NumPy (after the
#: Fermi–Dirac rewrite of :data:`symcond.special.sympy_fd.NUMPY_REWRITES`).
NUMPY_REWRITES: tuple[Callable[[sympy.Expr], sympy.Expr], ...] = (stable_rewrite,)

#: NumPy implementations of the functions :func:`stable_rewrite` introduces, by SymPy function name.
NUMPY_FUNCTIONS: Mapping[str, Callable[..., Any]] = MappingProxyType({
    "softplus": _softplus_numeric, "expit": _expit_numeric, "scaled_product": _scaled_product_numeric})
