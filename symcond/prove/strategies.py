"""An ordered list of simplification strategies, each under its own slice of the budget.

:func:`~symcond.prove.common.simplified` used to call ``sympy.simplify`` once; SymPy's simplify
is general and slow, and it does not combine powers and logarithms unless told that it may.
:func:`reduce` tries the strategies of :data:`STRATEGIES` in order, cheapest first, each under
``share * budget`` CPU seconds (and never past :data:`TOTAL_SHARE` ``* budget`` for the whole
list), and stops at the first whose result is a plain number (0 for a difference, 1 or another
constant for a ratio).  When none reaches a number, the result is what ``sympy.simplify`` gave.

Soundness: every strategy is an identity of SymPy's principal-branch functions, except the
sign-dependent rewrites (``powsimp``/``powdenest``/``expand_log``/``logcombine`` with
``force=True``, which assume every base and every logarithm's argument positive); they are
forced only when every free symbol is positive (``is_positive`` is True), otherwise SymPy's
unforced versions, which consult the symbols' assumptions, are used -- except ``powdenest``, whose
unforced version is not sound either (``exp(y*(log(r) + log(s)))`` becomes ``(r*s)**y`` for real
``r``, ``s``): it runs only when every symbol is positive.

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

__all__ = ["Strategy", "STRATEGIES", "TOTAL_SHARE", "reduce", "all_positive", "exp_log_form"]


def all_positive(expr: sympy.Expr) -> bool:
    """True when every free symbol of ``expr`` is known to be positive (forcing power and log rules is sound).

    >>> all_positive(sympy.Symbol("a", positive=True) + 1), all_positive(sympy.Symbol("b", real=True))
    (True, False)
    """
    return all(s.is_positive is True for s in expr.free_symbols)


def exp_log_form(expr: sympy.Expr) -> sympy.Expr:
    """``expr`` with every power ``b**e`` of non-integer ``e`` written ``exp(e*log(b))`` (SymPy's principal
    branch: an identity for every ``b != 0``), logarithms expanded when every symbol is positive, and
    then expanded: a normal form in which the exp/log/power family often cancels.

    >>> a, b, y = sympy.symbols("a b y", positive=True)
    >>> exp_log_form((a * b)**y - sympy.exp(y * sympy.log(a)) * b**y)
    0
    """
    force = all_positive(expr)
    written = expr.replace(lambda n: n.is_Pow and not n.exp.is_Integer and n.base is not sympy.E,
                           lambda n: sympy.exp(n.exp * sympy.log(n.base)))
    logs = sympy.expand_log(written, force=force)
    return sympy.expand(sympy.powsimp(sympy.expand(logs), force=force))


def _rational(expr: sympy.Expr) -> sympy.Expr:
    return sympy.cancel(expr)


def _powers(expr: sympy.Expr) -> sympy.Expr:
    force = all_positive(expr)
    # Unforced powdenest is not sound: it turns exp(y*(log(r) + log(s))) into (r*s)**y for real r, s.
    denested = sympy.powdenest(expr, force=True) if force else expr
    combined = sympy.powsimp(denested, force=force)
    return sympy.cancel(sympy.expand(sympy.logcombine(combined, force=force)))


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


def _forced(expr: sympy.Expr) -> sympy.Expr:
    force = all_positive(expr)
    return sympy.simplify(sympy.expand(sympy.powsimp(sympy.simplify(expr), force=force)))


@dataclass(frozen=True)
class Strategy:
    """One way to simplify: a name (for timeout reports), its share of the budget and the function."""

    name: str
    share: float
    apply: Callable[[sympy.Expr], sympy.Expr]


#: The strategies, cheapest first; ``simplify`` is the one whose result stands when none reaches a number.
STRATEGIES: tuple[Strategy, ...] = (
    Strategy("cancel", 0.1, _rational),
    Strategy("powsimp/powdenest/logcombine", 0.15, _powers),
    Strategy("exp-log normal form", 0.2, _exp_log),
    Strategy("simplify", 1.0, sympy.simplify),
    Strategy("trigsimp (fu)", 0.25, _trig),
    Strategy("rewrite in exp", 0.25, _in_exp),
    Strategy("gammasimp/expand_func/hyperexpand", 0.25, _special),
    Strategy("powsimp then simplify", 0.5, _forced),
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
