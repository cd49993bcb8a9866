r"""Limits at infinity of expressions containing special functions with known asymptotics.

SymPy's :func:`~sympy.limit` knows no asymptotics of the polylogarithm at large negative
argument, nor of the complete Fermi–Dirac integral :math:`F_j(x) = -\mathrm{Li}_{j+1}(-e^x)`.
This module keeps a table :data:`EQUIVALENTS` of *asymptotic equivalents* (``f ~ g``: the
ratio ``f/g`` tends to 1), by SymPy function name, and computes limits with them:

* in a product or a power with a constant exponent, a factor may be replaced by an
  equivalent one without changing the limit (``f ~ g`` implies ``f h / (g h) -> 1``);
* a sum is taken term by term when every term has a limit and no ``oo - oo`` arises.

Anything else (a special function inside a sum that is multiplied, inside another
function, in an exponent) is left to SymPy.  The equivalents are theorems:

* :math:`F_j(x) \sim e^x` as :math:`x \to -\infty`, every real ``j`` (the alternating
  series :math:`F_j(x) = \sum_{k\ge1} (-1)^{k+1} e^{kx}/k^{j+1}`, DLMF 25.12.10-16);
* :math:`F_j(x) \sim x^{j+1}/\Gamma(j+2)` as :math:`x \to +\infty`, real ``j > -2``
  (leading Sommerfeld term; Wood, 1992; DLMF 25.12.16 with 25.11.43);
* ``polylog(s, -exp(x)) = -F_{s-1}(x)``;
* at a finite point ``c`` (j >= -1) the positive value :math:`F_j(c)` itself;
* an integral whose upper limit ``b`` moves while its integrand and lower limit ``a`` stay:
  when ``b -> a`` from above and the integrand is :math:`g(x) \sim c\,(x-a)^k` (``k > -1``,
  ``c != 0``), :math:`\int_a^b g \sim c\,(b-a)^{k+1}/(k+1)`; when ``b -> oo`` and
  :math:`\int_a^\infty g` is a known finite, non-zero value ``L`` (a family of
  :mod:`symcond.rules.kernels`, or SymPy's ``integrate``), :math:`\int_a^b g \sim L`.  These
  apply at finite limit points too (the high- and low-temperature limits of the Debye heat
  capacity, whose upper limit is Theta/T).

>>> import sympy
>>> x = sympy.Symbol("x", real=True)
>>> limit(sympy.polylog(sympy.S.Half, -sympy.exp(x)) / sympy.sqrt(x), x, sympy.oo)
-2/sqrt(pi)
"""

from __future__ import annotations

from collections.abc import Callable

import sympy

from symcond.rules.kernels import evaluate_kernels

__all__ = ["EQUIVALENTS", "equivalent", "limit"]

Equivalent = Callable[[sympy.Expr, sympy.Symbol, sympy.Expr], sympy.Expr | None]


def _direction(point: sympy.Expr, direction: str) -> str:
    if point is sympy.S.Infinity:
        return "-"
    if point is sympy.S.NegativeInfinity:
        return "+"
    return direction


def _fermi_dirac_of(order: sympy.Expr, x: sympy.Expr, var: sympy.Symbol, point: sympy.Expr) -> sympy.Expr | None:
    """An elementary equivalent of F_order(x) as var -> point, or None."""
    if not order.is_real:
        return None
    where = sympy.limit(x, var, point, _direction(point, "+-"))
    if where is sympy.S.NegativeInfinity:
        return sympy.exp(x)
    if where is sympy.S.Infinity and (order + 2).is_positive:
        return x ** (order + 1) / sympy.gamma(order + 2)
    if where.is_finite and where.is_real and (order + 1).is_nonnegative:
        # continuous and positive at a finite point: its value F_j(c) = -Li_{j+1}(-e^c) is an equivalent
        return -sympy.polylog(order + 1, -sympy.exp(where))
    return None


def _fermi_dirac(func: sympy.Expr, var: sympy.Symbol, point: sympy.Expr) -> sympy.Expr | None:
    order, x = func.args
    return _fermi_dirac_of(order, x, var, point)


def _polylog(func: sympy.Expr, var: sympy.Symbol, point: sympy.Expr) -> sympy.Expr | None:
    s, z = func.args
    minus = -z
    if not isinstance(minus, sympy.exp):
        return None
    found = _fermi_dirac_of(s - 1, minus.args[0], var, point)
    return None if found is None else -found


def _integral(func: sympy.Expr, var: sympy.Symbol, point: sympy.Expr) -> sympy.Expr | None:
    """An equivalent of ``Integral(g, (x, a, b(var)))`` as ``var -> point`` (see the module's list)."""
    if len(func.limits) != 1 or len(func.limits[0]) != 3:
        return None
    x, lower, upper = func.limits[0]
    integrand = func.function
    if var in integrand.free_symbols or var in lower.free_symbols or var not in upper.free_symbols:
        return None
    point = sympy.sympify(point)
    side = "+" if point.is_zero and var.is_nonnegative else _direction(point, "+-")  # T -> 0 of a positive T
    where = sympy.limit(upper, var, point, side)
    if where is sympy.S.Infinity:
        whole, _ = evaluate_kernels(sympy.Integral(integrand, (x, lower, sympy.oo)))
        if whole.has(sympy.Integral):
            whole = sympy.integrate(integrand, (x, lower, sympy.oo))
        finite = not whole.has(sympy.Integral) and whole.is_finite and whole.is_nonzero
        return whole if finite else None
    if sympy.simplify(where - lower) != 0 or not (upper - lower).is_positive:
        return None
    t = sympy.Dummy("t", positive=True)
    coefficient, power = integrand.subs(x, lower + t).as_leading_term(t).as_coeff_exponent(t)
    if coefficient.has(t) or not coefficient.is_nonzero or not (power + 1).is_positive:
        return None
    return coefficient * (upper - lower) ** (power + 1) / (power + 1)


#: SymPy class name -> rule giving an elementary equivalent (or None) as var -> point.
EQUIVALENTS: dict[str, Equivalent] = {"FermiDirac": _fermi_dirac, "polylog": _polylog, "Integral": _integral}


def _registered(expr: sympy.Basic, var: sympy.Symbol) -> bool:
    return any(type(node).__name__ in EQUIVALENTS and var in node.free_symbols
               for node in sympy.preorder_traversal(expr))


def equivalent(expr: sympy.Expr, var: sympy.Symbol, point: sympy.Expr) -> sympy.Expr | None:
    """``expr`` with every registered special function replaced by its equivalent as ``var -> point``.

    Only multiplicative positions are replaced (factors of products, bases of powers with a
    constant exponent); None when a special function sits elsewhere or has no equivalent.

    >>> import sympy
    >>> x = sympy.Symbol("x", real=True)
    >>> from symcond.prove.asymptotics import equivalent
    >>> equivalent(3 * sympy.polylog(2, -sympy.exp(x))**2, x, -sympy.oo)
    3*exp(2*x)
    >>> equivalent(sympy.polylog(2, -sympy.exp(x)) + x, x, sympy.oo) is None
    True
    """
    if not _registered(expr, var):
        return expr
    rule = EQUIVALENTS.get(type(expr).__name__)
    if rule is not None:
        return rule(expr, var, point)
    if expr.is_Mul:
        factors = [equivalent(f, var, point) for f in expr.args]
        return None if any(f is None for f in factors) else sympy.Mul(*factors)
    if expr.is_Pow and var not in expr.exp.free_symbols:
        base = equivalent(expr.base, var, point)
        return None if base is None else base**expr.exp
    return None


def limit(expr: sympy.Expr, var: sympy.Symbol, point: sympy.Expr, direction: str = "+-") -> sympy.Expr:
    """``lim_{var -> point} expr``, using :data:`EQUIVALENTS` at infinite points.

    Returns an unevaluated :class:`sympy.Limit` when neither the equivalents nor SymPy
    decide it.

    >>> import sympy
    >>> x = sympy.Symbol("x", real=True)
    >>> limit(sympy.log(1 + sympy.exp(x)) / sympy.polylog(sympy.S.Half, -sympy.exp(x)), x, -sympy.oo)
    -1
    """
    expr, point = sympy.sympify(expr), sympy.sympify(point)
    infinite = point in (sympy.S.Infinity, sympy.S.NegativeInfinity)
    if not _registered(expr, var) or not (infinite or _moving_integral(expr, var)):
        return sympy.limit(expr, var, point, _direction(point, direction))
    continuous = _by_continuity(expr, var, point) if _moving_integral(expr, var) else None
    if continuous is not None:
        return continuous
    if expr.is_Add:
        return _termwise(expr, var, point, direction)
    replaced = equivalent(expr, var, point)
    if replaced is None:
        return sympy.Limit(expr, var, point)
    return sympy.limit(replaced, var, point, _direction(point, direction))


def _moving_integral(expr: sympy.Expr, var: sympy.Symbol) -> bool:
    """True when an integral of ``expr`` has ``var`` in its limits (the equivalents apply at any point)."""
    return any(any(var in end.free_symbols for end in i.limits[0][1:]) for i in expr.atoms(sympy.Integral))


def _complete(integral: sympy.Integral, var: sympy.Symbol, point: sympy.Expr) -> sympy.Expr | None:
    """``lim ∫_a^b g`` as ``var -> point`` when one end moves to its own infinity (``a -> -oo`` or
    ``b -> oo``) and the improper integral has a known finite value, else None."""
    if len(integral.limits) != 1 or len(integral.limits[0]) != 3 or var in integral.function.free_symbols:
        return None
    x, *ends = integral.limits[0]
    moving = [k for k, end in enumerate(ends) if var in end.free_symbols]
    if len(moving) != 1:
        return None
    infinity = (sympy.S.NegativeInfinity, sympy.S.Infinity)[moving[0]]
    side = "+" if point.is_zero and var.is_nonnegative else _direction(point, "+-")
    if sympy.limit(ends[moving[0]], var, point, side) != infinity:
        return None
    ends[moving[0]] = infinity
    whole, _ = evaluate_kernels(sympy.Integral(integral.function, (x, *ends)))
    if whole.has(sympy.Integral):
        whole = sympy.integrate(integral.function, (x, *ends))
    return whole if not whole.has(sympy.Integral) and whole.is_finite else None


def _arithmetic(expr: sympy.Expr, var: sympy.Symbol, leaves: set[sympy.Basic]) -> bool:
    """``expr`` is a sum, product or constant power of parts free of ``var`` and of ``leaves``."""
    if var not in expr.free_symbols or expr in leaves:
        return True
    if expr.is_Add or expr.is_Mul:
        return all(_arithmetic(a, var, leaves) for a in expr.args)
    return bool(expr.is_Pow and var not in expr.exp.free_symbols and _arithmetic(expr.base, var, leaves))


def _by_continuity(expr: sympy.Expr, var: sympy.Symbol, point: sympy.Expr) -> sympy.Expr | None:
    """The limit of sums, products and constant powers of moving integrals that tend to finite
    improper integrals (:func:`_complete`): the same arithmetic of those values, when it is a finite
    number (arithmetic is continuous wherever it is finite), else None.

    >>> u, eta = sympy.Symbol("u", real=True), sympy.Symbol("eta", positive=True)
    >>> w = sympy.exp(u) / (sympy.exp(u) + 1)**2
    >>> moment = [sympy.Integral(u**k * w, (u, -eta, sympy.oo)) for k in range(3)]
    >>> _by_continuity(moment[2] / moment[0] - (moment[1] / moment[0])**2, eta, sympy.oo)
    pi**2/3
    >>> _by_continuity(moment[2] / moment[1], eta, sympy.oo) is None  # pi^2/3 / 0
    True
    """
    integrals = {i for i in expr.atoms(sympy.Integral) if var in i.free_symbols}
    if not _arithmetic(expr, var, integrals):
        return None
    values = {i: _complete(i, var, point) for i in integrals}
    if any(v is None for v in values.values()):
        return None
    found = sympy.simplify(expr.xreplace(values))
    return found if found.is_finite and not found.has(sympy.nan, sympy.zoo) else None


def _termwise(expr: sympy.Add, var: sympy.Symbol, point: sympy.Expr, direction: str) -> sympy.Expr:
    """Sum of the limits of the terms, when each exists and no oo - oo arises."""
    limits = [limit(term, var, point, direction) for term in expr.args]
    undecided = any(v.has(sympy.Limit, sympy.AccumBounds, sympy.nan) for v in limits)
    infinite = {v for v in limits if v.is_infinite}
    if undecided or len(infinite) > 1:
        return sympy.Limit(expr, var, point)
    return sympy.Add(*limits)
