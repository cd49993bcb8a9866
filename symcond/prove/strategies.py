"""An ordered list of simplification strategies, each under its own slice of the budget.

:func:`~symcond.prove.common.simplified` used to call ``sympy.simplify`` once; SymPy's simplify
is general and slow, and it does not combine powers and logarithms unless told that it may.
:func:`reduce` tries the strategies of :data:`STRATEGIES` in order, cheapest first, each under
``share * budget`` CPU seconds (and never past :data:`TOTAL_SHARE` ``* budget`` for the whole
list), and stops at the first whose result is a plain number (0 for a difference, 1 or another
constant for a ratio).  When none reaches a number, the result is what ``sympy.simplify`` gave.

Soundness: every strategy is an identity of SymPy's principal-branch functions.  The
sign-dependent rewrites (``powsimp``, ``expand_log``, ``logcombine``) run unforced: SymPy then combines
``sqrt(a)*sqrt(b)`` or splits ``log(a*b)`` only where the assumptions prove the bases positive.
``force=True`` is never used: positive symbols do not make ``x - 1`` positive, and the forced
``powsimp`` "proves" ``sqrt(x - 1)*sqrt(x - 2) = sqrt((x - 1)*(x - 2))``, false for ``0 < x < 1``.
``powdenest`` is not used either: even unforced it turns ``exp(y*(log(r) + log(s)))`` into
``(r*s)**y`` for real ``r``, ``s``.

>>> x, y = sympy.symbols("x y", positive=True)
>>> reduce(sympy.exp(y * (sympy.log(x) + sympy.log(2))) - (2 * x)**y, 5.0)
0
>>> r = sympy.Symbol("r", real=True)
>>> reduce(sympy.sqrt(r**2) - r, 5.0) == 0
False
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import sympy

from symcond.budget import run_with_budget
from symcond.parse.caps import _SYMPY_ERRORS
from symcond.prove.boundary import sympy_failure

__all__ = ["Strategy", "STRATEGIES", "TOTAL_SHARE", "reduce", "exp_log_form"]


def exp_log_form(expr: sympy.Expr) -> sympy.Expr:
    """``expr`` with every power ``b**e`` of non-integer ``e`` written ``exp(e*log(b))`` (SymPy's principal
    branch: an identity for every ``b != 0``), logarithms expanded where SymPy's assumptions allow,
    and then expanded: a normal form in which the exp/log/power family often cancels.

    >>> a, b, y = sympy.symbols("a b y", positive=True)
    >>> exp_log_form((a * b)**y - sympy.exp(y * sympy.log(a)) * b**y)
    0
    """
    written = expr.replace(lambda n: n.is_Pow and not n.exp.is_Integer and n.base is not sympy.E,
                           lambda n: sympy.exp(n.exp * sympy.log(n.base)))
    return sympy.expand(sympy.powsimp(sympy.expand(sympy.expand_log(written))))


def _rational(expr: sympy.Expr) -> sympy.Expr:
    return sympy.cancel(expr)


def _powers(expr: sympy.Expr) -> sympy.Expr:
    return sympy.cancel(sympy.expand(sympy.logcombine(sympy.powsimp(expr))))


def _exp_log(expr: sympy.Expr) -> sympy.Expr:
    return sympy.cancel(exp_log_form(expr))


def _trig(expr: sympy.Expr) -> sympy.Expr:
    return sympy.trigsimp(expr, method="fu")


def _in_exp(expr: sympy.Expr) -> sympy.Expr:
    trig = (sympy.sin, sympy.cos, sympy.tan, sympy.cot, sympy.sec, sympy.csc,
            sympy.sinh, sympy.cosh, sympy.tanh, sympy.coth, sympy.sech, sympy.csch)
    return sympy.cancel(exp_log_form(expr.rewrite(trig, sympy.exp)))


def _special(expr: sympy.Expr) -> sympy.Expr:
    expanded = sympy.expand_func(sympy.gammasimp(expr))
    return sympy.simplify(sympy.hyperexpand(expanded)) if expanded.has(sympy.hyper, sympy.meijerg) \
        else sympy.cancel(sympy.expand(expanded))


def _rewritten(expr: sympy.Expr) -> sympy.Expr:
    """Inverse trigonometric and hyperbolic functions in logarithms, then a few special-function families
    in one another (SymPy's rewrite rules are identities); the first form that cancels to a number."""
    inverse = (sympy.asin, sympy.acos, sympy.atan, sympy.acot, sympy.asec, sympy.acsc,
               sympy.asinh, sympy.acosh, sympy.atanh, sympy.acoth, sympy.asech, sympy.acsch)
    forms = [exp_log_form(expr.rewrite(inverse, sympy.log))] if expr.has(*inverse) else []
    for target in (sympy.gamma, sympy.uppergamma, sympy.expint, sympy.Ei, sympy.zeta, sympy.erf, sympy.log):
        forms.append(sympy.expand(expr.rewrite(target)))
    for form in forms:
        reduced = sympy.cancel(form)
        if reduced.is_Number:
            return reduced
    return forms[0] if forms else expr


def _lambert(expr: sympy.Expr) -> sympy.Expr:
    """``exp(a + k*W(z))`` written ``exp(a) * (z/W(z))**k`` for integer ``k`` and ``z != 0`` (``W e^W = z`` on
    every branch), then cancelled: the roots of ``n(1 - e^-x) = x`` that Wien's law writes with ``W``.

    >>> z = -5 * sympy.exp(-5)
    >>> _lambert(5 * (1 - sympy.exp(-5 - sympy.LambertW(z))) - 5 - sympy.LambertW(z))
    0
    """
    def split(arg: sympy.Expr) -> sympy.Expr | None:
        terms = sympy.Add.make_args(sympy.expand(arg))
        factor, rest = sympy.S.One, []
        for term in terms:
            k, w = term.as_coeff_Mul()
            if isinstance(w, sympy.LambertW) and k.is_Integer and w.args[0].is_nonzero:
                factor *= (w.args[0] / w) ** k
            else:
                rest.append(term)
        return None if factor == 1 else sympy.exp(sympy.Add(*rest)) * factor

    if not expr.has(sympy.LambertW):
        return expr
    written = expr.replace(lambda n: isinstance(n, sympy.exp) and n.has(sympy.LambertW),
                           lambda n: split(n.args[0]) or n)
    return sympy.cancel(sympy.expand(written))


def _then_simplify(expr: sympy.Expr) -> sympy.Expr:
    return sympy.simplify(sympy.expand(sympy.powsimp(sympy.simplify(expr))))


@dataclass(frozen=True)
class Strategy:
    """One way to simplify: a name (for timeout reports), its share of the budget and the function."""

    name: str
    share: float
    apply: Callable[[sympy.Expr], sympy.Expr]


#: The strategies, cheapest first; ``simplify`` is the one whose result stands when none reaches a number.
STRATEGIES: tuple[Strategy, ...] = (
    Strategy("cancel", 0.1, _rational),
    Strategy("powsimp/logcombine", 0.15, _powers),
    Strategy("exp-log normal form", 0.2, _exp_log),
    Strategy("rewrite in log and special functions", 0.2, _rewritten),
    Strategy("simplify", 1.0, sympy.simplify),
    Strategy("trigsimp (fu)", 0.25, _trig),
    Strategy("rewrite in exp", 0.25, _in_exp),
    Strategy("gammasimp/expand_func/hyperexpand", 0.25, _special),
    Strategy("exp of Lambert W", 0.1, _lambert),
    Strategy("powsimp then simplify", 0.5, _then_simplify),
)

#: The whole list stops after this many budgets of CPU time.
TOTAL_SHARE = 2.0


def reduce(expr: sympy.Expr, budget: float, what: str = "simplification",
           strategies: tuple[Strategy, ...] | None = None) -> sympy.Expr | None:
    """The first strategy's result that is a number, else ``simplify``'s (else the shortest one found).

    None when every strategy ran out of its budget.  A strategy on which SymPy fails
    (:func:`~symcond.prove.boundary.sympy_failure`) is skipped; when every strategy failed so, the
    first failure is raised again (the prover reports it).
    """
    started = time.process_time()
    results: list[sympy.Expr] = []
    standing: sympy.Expr | None = None
    failure: BaseException | None = None
    for strategy in STRATEGIES if strategies is None else strategies:
        left = TOTAL_SHARE * budget - (time.process_time() - started)
        if left <= 0:
            break
        try:
            found = run_with_budget(lambda s=strategy: s.apply(expr),  # type: ignore[misc]
                                    min(strategy.share * budget, left), f"{what} ({strategy.name})")
        except _SYMPY_ERRORS as exc:
            if not sympy_failure(exc):
                raise
            failure = failure or exc
            continue
        if found is None:
            continue
        if found.is_Number and found.is_finite:
            return found
        results.append(found)
        if strategy.name == "simplify":
            standing = found
    if standing is not None:
        return standing
    if results:
        return min(results, key=sympy.count_ops)
    if failure is not None:
        raise failure
    return None
