"""Stated assumptions that hold together: a stated equality on a symbol that is already replaced.

An equality assumption ``symbol = value`` is a substitution.  When a given, a registry
definition or an earlier active equality already replaces ``symbol`` (``Gamma = l/L`` given,
``Gamma = 1`` stated), replacing it again would silently drop the first: a counterexample
could then break it.  Both must hold, so the stated one becomes ``l/L = 1`` and is

* solved for a symbol it is linear in (``L = l``), which is then substituted, or
* kept as a condition that every point must satisfy (``1 = 2`` for ``x = 1`` with
  ``x = 2``: no point does, and Fourier–Motzkin names the contradiction), also when
  solving runs out of budget or SymPy fails in it.

>>> import sympy
>>> from symcond.model.context import Context
>>> G, l, L = sympy.symbols("Gamma l L", positive=True)
>>> [str(a) for a in joint(Context(givens={G: l / L}), (Assumption("ballistic", sympy.Eq(G, 1)),))]
['ballistic: L = l']
>>> x = sympy.Symbol("x", positive=True)
>>> both = (Assumption("x=1", sympy.Eq(x, 1)), Assumption("x=2", sympy.Eq(x, 2)))
>>> [a.is_equality for a in joint(Context(), both)]
[True, False]
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy

from symcond.budget import run_with_budget
from symcond.model.context import Assumption, Context
from symcond.parse.caps import _SYMPY_ERRORS
from symcond.prove.boundary import sympy_failure

__all__ = ["joint"]


class _Condition(Assumption):
    """A stated equality whose symbol is already replaced: a condition checked at points, not a substitution."""

    @property
    def is_equality(self) -> bool:
        return False


def joint(ctx: Context, active: Sequence[Assumption]) -> tuple[Assumption, ...]:
    """``active`` with every equality whose symbol is already replaced solved for another symbol or
    turned into a condition (see the module), so that all of them hold together."""
    replaced = set(ctx.substitutions())
    together: list[Assumption] = []
    for assumption in active:
        if assumption.is_equality:
            if assumption.relation.lhs in replaced:  # type: ignore[attr-defined]
                assumption = _solved(ctx, assumption, together)
            if assumption.is_equality:
                replaced.add(assumption.relation.lhs)  # type: ignore[attr-defined]
        together.append(assumption)
    return tuple(together)


def _solved(ctx: Context, assumption: Assumption, before: Sequence[Assumption]) -> Assumption:
    """``assumption`` (``symbol = value``, ``symbol`` replaced) as ``other = solution``, else a condition."""
    gap = ctx.prepare(assumption.relation.lhs - assumption.relation.rhs, before)  # type: ignore[attr-defined]
    try:
        found = run_with_budget(lambda: _linear_solution(gap), ctx.budget, f"solving the assumption {assumption.name}")
    except _SYMPY_ERRORS as exc:
        if not sympy_failure(exc):
            raise
        found = None
    if found is None:
        return _Condition(assumption.name, assumption.relation)
    return Assumption(assumption.name, sympy.Eq(*found))


def _linear_solution(gap: sympy.Expr) -> tuple[sympy.Symbol, sympy.Expr] | None:
    """``(symbol, value)`` with ``gap = 0`` exactly when ``symbol = value``: the first symbol (in a fixed
    order) that the numerator of ``gap`` is affine in, with a value of the symbol's declared sign."""
    numerator = sympy.numer(sympy.together(gap))
    for symbol in sorted(numerator.free_symbols, key=sympy.default_sort_key):
        slope = sympy.expand(sympy.diff(numerator, symbol))
        if slope == 0 or symbol in slope.free_symbols:
            continue
        value = sympy.simplify(-numerator.xreplace({symbol: 0}) / slope)
        if not _wrong_sign(symbol, value):
            return symbol, value
    return None


def _wrong_sign(symbol: sympy.Symbol, value: sympy.Expr) -> bool:
    """True when ``value`` is provably not of ``symbol``'s declared sign (or not finite)."""
    return value.is_finite is False or value.has(sympy.nan, sympy.zoo) or any(
        declared and known is False for declared, known in ((symbol.is_positive, value.is_positive),
                                                             (symbol.is_nonnegative, value.is_nonnegative),
                                                             (symbol.is_real, value.is_real)))
