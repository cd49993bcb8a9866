"""High-precision numeric evaluation and sampling of admissible points.

Every symbolic ``holds`` is confirmed here: both sides are evaluated with mpmath (through
SymPy's ``evalf``) at ``dps`` >= 30 digits at several seeded random points that satisfy
the active assumptions.  A counterexample is accepted only when the disagreement is
stable when the precision is doubled.

>>> import sympy
>>> x = sympy.Symbol("x", positive=True)
>>> relative_difference(x**2, x*x, {x: sympy.Rational(3, 7)}, 40)
mpf('0.0')
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import mpmath
import sympy

__all__ = ["Point", "Sampler", "evaluate", "relative_difference", "format_point", "MIN_DIGITS"]

MIN_DIGITS = 30
Point = Mapping[sympy.Symbol, sympy.Rational]


def evaluate(expr: sympy.Expr, point: Point, dps: int) -> mpmath.mpf | mpmath.mpc | None:
    """``expr`` at ``point`` with ``dps`` digits; None when it is not a finite number there."""
    try:
        value = sympy.sympify(expr).xreplace(dict(point)).evalf(dps, maxn=4 * dps)
    except (ValueError, TypeError, ZeroDivisionError, ArithmeticError):
        return None
    if value.free_symbols or not value.is_number or value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        return None
    with mpmath.workdps(dps):
        try:
            result = mpmath.mpmathify(complex(value) if not value.is_real else value._to_mpmath(mpmath.mp.prec))
        except (TypeError, AttributeError, ValueError):
            return None
    return result


Evaluator = Callable[[sympy.Expr, Point, int], "mpmath.mpf | mpmath.mpc | None"]


def relative_difference(lhs: sympy.Expr, rhs: sympy.Expr, point: Point, dps: int,
                        evaluator: Evaluator | None = None) -> mpmath.mpf | None:
    """|lhs - rhs| / max(|lhs|, |rhs|) at ``point`` (0 when both are 0); None if undefined.

    ``evaluator`` replaces :func:`evaluate` (e.g. one that integrates by quadrature).
    """
    value_of = evaluator if evaluator is not None else evaluate
    a, b = value_of(lhs, point, dps), value_of(rhs, point, dps)
    if a is None or b is None:
        return None
    with mpmath.workdps(dps):
        scale = max(abs(a), abs(b))
        return mpmath.mpf(0) if scale == 0 else abs(a - b) / scale


@dataclass(frozen=True)
class Sampler:
    """Seeded random points for a set of symbols, honouring their sign assumptions.

    Positive symbols are drawn log-uniformly in [1/span, span]; real symbols uniformly
    in [-span, span].  Values are exact rationals so that every evaluation is exact
    up to the working precision.
    """

    seed: int = 20260420
    span: float = 8.0
    tries: int = 400

    def points(
        self,
        symbols: Iterable[sympy.Symbol],
        count: int,
        constraints: Sequence[sympy.Basic] = (),
        salt: str = "",
    ) -> list[dict[sympy.Symbol, sympy.Rational]]:
        """Up to ``count`` points satisfying every constraint (fewer if rejection fails)."""
        ordered = sorted(set(symbols), key=lambda s: s.name)
        rng = random.Random(f"{self.seed}:{salt}:{','.join(s.name for s in ordered)}")
        found: list[dict[sympy.Symbol, sympy.Rational]] = []
        for _ in range(self.tries):
            if len(found) >= count:
                break
            point = {s: self._draw(s, rng) for s in ordered}
            if all(_satisfied(c, point) for c in constraints):
                found.append(point)
        return found

    def _draw(self, symbol: sympy.Symbol, rng: random.Random) -> sympy.Rational:
        if symbol.is_positive or symbol.is_nonnegative:
            value = math.exp(rng.uniform(-math.log(self.span), math.log(self.span)))
        else:
            value = rng.uniform(-self.span, self.span)
        return sympy.Rational(round(value * 10**6), 10**6)


def _satisfied(constraint: sympy.Basic, point: Point) -> bool:
    value = constraint.xreplace(dict(point))
    if value in (sympy.true, sympy.false):
        return bool(value)
    diff = evaluate(value.lhs - value.rhs, {}, MIN_DIGITS)  # type: ignore[attr-defined]
    if diff is None or isinstance(diff, mpmath.mpc):
        return False
    return bool(value.func(sympy.Float(mpmath.nstr(diff, MIN_DIGITS), MIN_DIGITS), 0))  # type: ignore[attr-defined]


def format_point(point: Point, digits: int = 8) -> dict[str, str]:
    """A point as name -> decimal string, for evidence and JSON."""
    return {s.name: str(sympy.Float(v, digits)) for s, v in sorted(point.items(), key=lambda kv: kv[0].name)}


def format_number(value: mpmath.mpf | mpmath.mpc | None, digits: int = 12) -> str:
    """An mpmath number as a short decimal string ('undefined' for None)."""
    if value is None:
        return "undefined"
    return mpmath.nstr(value, digits)
