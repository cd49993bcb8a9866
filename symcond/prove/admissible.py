"""Admissible points: the declared signs of substituted symbols, givens' domains, exact re-checks.

SymPy builds a claim with each symbol's declared sign: ``sqrt(a**2)`` is already ``a`` for
a positive ``a``.  Substituting a given ``a = b - c`` afterwards is faithful only where
``b - c > 0``.  So a substituted symbol whose value is not provably of its declared sign
gets a :class:`DeclaredSign` condition (``a = b - c > 0 (declared positive)``): sampled
points satisfy it, and a claim that passes names it.  A value that provably has the wrong
sign is refused (:func:`symcond.prove.common.check_substitutions`).

A point is admissible when every active condition provably holds there and every
substituted value is finite; counterexamples are re-checked this way, as reported.

>>> a, b, c = sympy.symbols("a b c", positive=True)
>>> str(sign_condition(a, b - c))
'a = b - c > 0 (declared positive)'
>>> sign_condition(a, b + c) is None
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import sympy

from symcond.errors import DefinitionError
from symcond.model.context import Assumption, Context
from symcond.numeric.quadrature import fold_constant_integrals
from symcond.numeric.sampling import Point, evaluate, format_point, satisfies

__all__ = ["side_conditions", "DeclaredSign", "sign_condition", "declared_signs", "equality_signs", "substituted",
           "admissible", "as_reported", "label", "check_substitutions"]


class DeclaredSign(Assumption):
    """The declared sign of a substituted symbol, as a condition on its value (``b - c > 0``)."""

    def __str__(self) -> str:
        return self.name


def sign_condition(symbol: sympy.Symbol, value: sympy.Expr) -> DeclaredSign | None:
    """The condition ``value > 0`` (``>= 0``) a positive (nonnegative) ``symbol`` needs, unless provable."""
    value = sympy.sympify(value)
    if symbol.is_positive and value.is_positive is not True:
        return DeclaredSign(f"{symbol} = {sympy.sstr(value)} > 0 (declared positive)",
                            sympy.Gt(value, 0, evaluate=False))
    if symbol.is_nonnegative and not symbol.is_positive and value.is_nonnegative is not True:
        return DeclaredSign(f"{symbol} = {sympy.sstr(value)} >= 0 (declared nonnegative)",
                            sympy.Ge(value, 0, evaluate=False))
    return None


def equality_signs(active: Iterable[Assumption]) -> tuple[DeclaredSign, ...]:
    """The :class:`DeclaredSign` conditions of the stated equalities among ``active``."""
    found = (sign_condition(a.relation.lhs, a.relation.rhs) for a in active  # type: ignore[attr-defined]
             if a.is_equality and not isinstance(a, DeclaredSign))
    return tuple(c for c in found if c is not None)


def check_substitutions(ctx: Context) -> None:
    """Reject a given or stated equality that assigns a symbol a value its declaration excludes.

    SymPy simplifies with the declared signs (``sqrt(tau**2)`` is ``tau`` for positive
    ``tau``), so substituting ``tau = -1`` afterwards would prove a false claim.  A value
    whose sign is merely unknown is not refused: it gets a :class:`DeclaredSign` condition.

    Raises
    ------
    DefinitionError
        For a positive (nonnegative, real) symbol given a value that is provably not
        positive (nonnegative, real), or any symbol given an infinite or undefined value.
    """
    equalities = ((a.relation.lhs, a.relation.rhs) for a in ctx.assumptions if a.is_equality)
    for symbol, value in [*ctx.givens.items(), *equalities]:
        value = sympy.sympify(value)
        if value.is_finite is False or value.has(sympy.nan, sympy.zoo):
            raise DefinitionError(f"'{symbol}' must be finite (given {sympy.sstr(value)})")
        for declared, known, word in ((symbol.is_positive, value.is_positive, "positive"),
                                      (symbol.is_nonnegative, value.is_nonnegative, "nonnegative"),
                                      (symbol.is_real, value.is_real, "real")):
            if declared and known is False:
                raise DefinitionError(f"'{symbol}' must be {word} (given {sympy.sstr(value)})")


def substituted(ctx: Context, exprs: Iterable[sympy.Basic],
                active: Iterable[Assumption] = ()) -> list[tuple[sympy.Symbol, sympy.Expr]]:
    """``(symbol, value)`` of every substitution reachable from ``exprs`` (givens, active equalities,
    registry definitions), in name order."""
    subs = ctx.substitutions(active)
    todo = [s for e in exprs for s in sympy.sympify(e).free_symbols]
    seen: set[sympy.Symbol] = set()
    while todo:
        symbol = todo.pop()
        if symbol in subs and symbol not in seen:
            seen.add(symbol)
            todo.extend(sympy.sympify(subs[symbol]).free_symbols)
    return [(s, sympy.sympify(subs[s])) for s in sorted(seen, key=lambda s: (s.name, str(s.assumptions0)))]


def declared_signs(ctx: Context, exprs: Iterable[sympy.Basic]) -> tuple[DeclaredSign, ...]:
    """The :class:`DeclaredSign` conditions of the givens reachable from ``exprs``."""
    found = (sign_condition(s, v) for s, v in substituted(ctx, exprs) if s in ctx.givens)
    return tuple(c for c in found if c is not None)


def admissible(point: Point, constraints: Sequence[sympy.Basic], domain: Sequence[sympy.Expr], dps: int) -> bool:
    """True when every constraint provably holds at ``point`` (at ``dps`` and ``2 * dps`` digits),
    every ``domain`` value that the point determines is finite, and every symbol has its declared sign."""
    for symbol, value in point.items():
        if (symbol.is_positive and not value > 0) or (symbol.is_nonnegative and not value >= 0):
            return False
    if not all(satisfies(c, point, dps) for c in constraints):
        return False
    known = set(point)
    return all(evaluate(v, point, 2 * dps) is not None for v in domain if v.free_symbols <= known)


def as_reported(point: Mapping[sympy.Symbol, sympy.Rational]) -> dict[sympy.Symbol, sympy.Rational] | None:
    """The exact point a user reads in the evidence (:func:`~symcond.numeric.sampling.format_point`), or None
    when two symbols share a name."""
    shown = format_point(point)
    if len(shown) != len(point):
        return None
    return {s: sympy.Rational(shown[s.name]) for s in point}


def label(assumption: Assumption) -> str:
    """How an assumption is named in a message: its relation alone when its name just spells it."""
    text = str(assumption)
    name, _, relation = text.partition(": ")
    if not relation:
        return text

    def squeeze(t: str) -> str:
        return t.replace(" ", "").replace("==", "=")

    return relation if squeeze(name) == squeeze(relation) else text


def side_conditions(ctx: Context, conditions: Sequence[sympy.Basic]) -> list[sympy.Basic]:
    """The numeric side conditions of a check (stated relations, values of givens) with their constant
    integrals evaluated once, by quadrature at twice the working digits: SymPy would evaluate each
    again at every sampled point, seconds each (a Lorenz number given as a ratio of moments)."""
    return [fold_constant_integrals(c, 2 * ctx.dps) if c.has(sympy.Integral) else c for c in conditions]
