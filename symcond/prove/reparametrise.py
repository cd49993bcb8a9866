r"""Stated inequalities as new variables: ``mu > E_c`` becomes ``mu = E_c + d`` with a fresh ``d > 0``.

SymPy's :func:`~sympy.limit` knows the signs of symbols but not relations between them:
``lim_{T -> 0+} 1/(exp((E_c - mu)/(k_B T)) + 1)`` is 1 when ``mu > E_c``, but SymPy cannot use
that.  A relation ``lhs > rhs`` (``>=``, ``<``, ``<=``) whose difference ``D = lhs - rhs``
(``rhs - lhs`` for ``<``, ``<=``) is linear in a symbol ``s``, ``D = c s + R`` with ``c``
nonzero and free of ``s``, is the equation ``D = d`` with a fresh symbol ``d`` that is
positive (nonnegative for ``>=``, ``<=``) and nothing else: ``s = (d - R)/c``.  Every point
satisfying the relation has exactly one such ``d``, so an expression true for every positive
``d`` (and the old signs of the other symbols) is true wherever the relation holds;
:meth:`Reparametrisation.back` puts ``d = D`` back.

Soundness rules kept here:

* the fresh symbol gets exactly the sign the relation gives (``positive`` for a strict one,
  ``nonnegative`` otherwise); the other symbols keep their declared signs;
* a relation involving the limit variable is not used (``T < T_F`` would make ``T_F`` depend
  on ``T`` and change the limit), nor one whose difference is not linear in a usable symbol;
* the eliminated symbol's own declared sign is not assumed of ``(d - R)/c``: the result holds
  for all values of the new symbols, a superset of the admissible ones.

>>> import sympy
>>> mu, E_c, T, k = sympy.symbols("mu E_c T k", positive=True)
>>> fermi = 1 / (sympy.exp((E_c - mu) / (k * T)) + 1)
>>> r = reparametrise([sympy.Gt(mu, E_c)], (fermi,), avoid={T})
>>> new, = r.exprs
>>> new
1/(1 + exp(-_d_0/(T*k)))
>>> sympy.limit(new, T, 0, "+")
1
>>> r.back(r.fresh[0] + E_c)
mu
>>> reparametrise([sympy.Lt(T, mu)], (fermi,), avoid={T}).fresh
()
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sympy

__all__ = ["Reparametrisation", "reparametrise"]


@dataclass(frozen=True)
class Reparametrisation:
    """Expressions rewritten in fresh symbols, and the way back.

    Attributes
    ----------
    exprs : tuple of Expr
        The expressions with every eliminated symbol replaced.
    fresh : tuple of Symbol
        The fresh symbols, in the order they were introduced.
    inverse : tuple of Expr
        ``inverse[i]`` is the value of ``fresh[i]`` in the symbols present when it was made
        (the relation's difference ``D``; it may contain earlier fresh symbols).
    used : tuple of Relational
        The relations turned into fresh symbols.
    """

    exprs: tuple[sympy.Expr, ...]
    fresh: tuple[sympy.Symbol, ...] = ()
    inverse: tuple[sympy.Expr, ...] = ()
    used: tuple[sympy.Basic, ...] = ()

    def back(self, expr: sympy.Expr) -> sympy.Expr:
        """``expr`` in the original symbols: each fresh symbol replaced by its difference, latest first."""
        for symbol, value in reversed(list(zip(self.fresh, self.inverse, strict=True))):
            expr = expr.xreplace({symbol: value})
        return expr


def reparametrise(relations: Iterable[sympy.Basic], exprs: Sequence[sympy.Expr],
                  avoid: Iterable[sympy.Symbol] = ()) -> Reparametrisation:
    """``exprs`` with each usable relation turned into a fresh symbol (see the module).

    ``avoid``: symbols that must not change (the limit variable); a relation that involves one is
    not used.  A relation whose symbols do not occur in the expressions is not used either.
    """
    avoided = set(avoid)
    current = tuple(sympy.sympify(e) for e in exprs)
    fresh: list[sympy.Dummy] = []
    inverse: list[sympy.Expr] = []
    used: list[sympy.Basic] = []
    replaced: dict[sympy.Symbol, sympy.Expr] = {}
    for relation in relations:
        found = _difference(relation)
        if found is None:
            continue
        difference, strict = found
        difference = sympy.expand(difference.xreplace(replaced)) if replaced else difference
        if difference.free_symbols & avoided:
            continue
        present = set().union(*(e.free_symbols for e in current))
        symbol = _eliminable(difference, present - avoided - set(fresh))
        if symbol is None:
            continue
        dummy = _fresh(len(fresh), strict)
        coefficient = difference.coeff(symbol)
        value = (dummy - (difference - coefficient * symbol)) / coefficient
        current = tuple(e.xreplace({symbol: value}) for e in current)
        replaced = {s: v.xreplace({symbol: value}) for s, v in replaced.items()}
        replaced[symbol] = value
        fresh.append(dummy)
        inverse.append(difference)
        used.append(relation)
    return Reparametrisation(current, tuple(fresh), tuple(inverse), tuple(used))


def _difference(relation: sympy.Basic) -> tuple[sympy.Expr, bool] | None:
    """``(D, strict)`` with the relation equivalent to ``D > 0`` (strict) or ``D >= 0``; None for others."""
    if isinstance(relation, (sympy.StrictGreaterThan, sympy.GreaterThan)):
        return sympy.expand(relation.lhs - relation.rhs), isinstance(relation, sympy.StrictGreaterThan)
    if isinstance(relation, (sympy.StrictLessThan, sympy.LessThan)):
        return sympy.expand(relation.rhs - relation.lhs), isinstance(relation, sympy.StrictLessThan)
    return None


def _eliminable(difference: sympy.Expr, candidates: set[sympy.Symbol]) -> sympy.Symbol | None:
    """A symbol ``s`` of ``difference = c s + R`` (``c`` nonzero, ``c`` and ``R`` free of ``s``), or None.

    One whose value ``(d - R)/c`` provably keeps its declared sign for every ``d > 0`` is
    preferred (``mu = E_c + d``, not ``E_c = mu - d``); then by name.
    """
    probe = sympy.Dummy(positive=True)
    usable = []
    for symbol in sorted(difference.free_symbols & candidates, key=str):
        coefficient = difference.coeff(symbol)
        rest = difference - coefficient * symbol
        if coefficient.is_zero is False and symbol not in coefficient.free_symbols | rest.free_symbols:
            value = (probe - rest) / coefficient
            keeps = value.is_positive if symbol.is_positive else value.is_nonnegative if symbol.is_nonnegative else True
            usable.append((keeps is not True, symbol))
    return min(usable, key=lambda u: (u[0], u[1].name))[1] if usable else None


def _fresh(index: int, strict: bool) -> sympy.Dummy:
    """A new symbol ``d_<index>``, distinct from every other (a Dummy), positive when strict, else nonnegative."""
    return sympy.Dummy(f"d_{index}", positive=True) if strict else sympy.Dummy(f"d_{index}", nonnegative=True)
