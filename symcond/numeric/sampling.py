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

from symcond.usercode import raised_in

__all__ = ["Point", "Sampler", "evaluate", "relative_difference", "compare", "differ", "satisfies", "threshold",
           "exact_difference", "format_point", "MIN_DIGITS"]

MIN_DIGITS = 30
Point = Mapping[sympy.Symbol, sympy.Rational]


def evaluate(expr: sympy.Expr, point: Point, dps: int) -> mpmath.mpf | mpmath.mpc | None:
    """``expr`` at ``point`` with ``dps`` digits; None when it is not a finite number there.

    A complex value keeps its full precision (real and imaginary parts are converted
    separately, never through a Python ``complex``).

    >>> x = sympy.Symbol("x", positive=True)
    >>> mpmath.nstr(evaluate(sympy.exp(sympy.I * x), {x: sympy.Rational(1, 3)}, 40).imag, 30)
    '0.327194696796152244173344085268'
    """
    try:
        value = sympy.sympify(expr).xreplace(dict(point)).evalf(dps, maxn=4 * dps)
    except (ValueError, TypeError, ZeroDivisionError, ArithmeticError) as exc:
        if raised_in(exc) is not None:  # a derivation file's own code: Paper.check reports it as such
            raise
        return None
    if value.free_symbols or not value.is_number or value.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        return None
    with mpmath.workdps(dps):
        try:
            if value.is_real:
                return mpmath.mpf(value._to_mpmath(mpmath.mp.prec))
            real, imag = value.as_real_imag()
            return mpmath.mpc(real._to_mpmath(mpmath.mp.prec), imag._to_mpmath(mpmath.mp.prec))
        except (TypeError, AttributeError, ValueError):
            return None


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


def threshold(dps: int) -> mpmath.mpf:
    """The relative difference a numeric comparison at ``dps`` digits must exceed: 10^-(dps/2).

    Far above the rounding noise of the working precision (10^-dps), so that special
    functions evaluated a few digits short of it cannot fake a difference.
    """
    return mpmath.mpf(10) ** -(dps // 2)


def exact_difference(lhs: sympy.Expr, rhs: sympy.Expr, point: Point) -> sympy.Rational | None:
    """``lhs - rhs`` at ``point`` when it is a rational function there, computed exactly (None otherwise).

    Only rational functions are substituted exactly: SymPy's exact evaluation of, say,
    ``polylog(5/2, 7/3)`` can take far longer than evaluating it numerically.
    """
    difference = sympy.sympify(lhs) - sympy.sympify(rhs)
    if not difference.is_rational_function(*difference.free_symbols):
        return None
    try:
        value = difference.xreplace(dict(point))
    except (ValueError, TypeError, ZeroDivisionError, ArithmeticError) as exc:
        if raised_in(exc) is not None:
            raise
        return None
    return value if value.is_Rational else None


def _stable(lhs: sympy.Expr, rhs: sympy.Expr, point: Point, dps: int, real: bool, twice: bool = True) -> int | None:
    """Sign of ``lhs - rhs`` (1 for "differ" when not ``real``) if it is above the threshold at
    ``dps`` and (when ``twice``) at ``2 * dps`` digits, with the same sign; None otherwise."""
    signs = set()
    for digits in (dps, 2 * dps) if twice else (dps,):
        a, b = evaluate(lhs, point, digits), evaluate(rhs, point, digits)
        if a is None or b is None or (real and not (isinstance(a, mpmath.mpf) and isinstance(b, mpmath.mpf))):
            return None
        with mpmath.workdps(digits):
            scale = max(abs(a), abs(b))
            if scale == 0 or abs(a - b) <= threshold(dps) * scale:
                return None
            signs.add(int(mpmath.sign(a - b)) if real else 1)
    return signs.pop() if len(signs) == 1 else None


def compare(lhs: sympy.Expr, rhs: sympy.Expr, point: Point, dps: int, twice: bool = True) -> int | None:
    """The sign of the real number ``lhs - rhs`` at ``point`` (-1, 0 or 1), or None if not established.

    Exact when the difference is a rational function, so a rational number at the
    (rational) point: 0 only then.  Otherwise both sides are evaluated at ``dps`` and
    ``2 * dps`` digits (only ``dps`` unless ``twice``), and the difference must exceed
    :func:`threshold` relative to the larger side each time, with one sign.  Undefined or
    non-real values, and differences within the noise, give None.

    >>> x = sympy.Symbol("x", positive=True)
    >>> compare(x + sympy.Rational(1, 10**300), x, {x: sympy.Rational(12, 5)}, 40)
    1
    >>> compare(sympy.sin(x)**2 + sympy.cos(x)**2, sympy.Integer(1), {x: sympy.Rational(12, 5)}, 40) is None
    True
    """
    exact = exact_difference(lhs, rhs, point)
    if exact is not None:
        return int(sympy.sign(exact))
    return _stable(lhs, rhs, point, dps, real=True, twice=twice)


def differ(lhs: sympy.Expr, rhs: sympy.Expr, point: Point, dps: int) -> bool:
    """True when ``lhs`` and ``rhs`` (real or complex) provably differ at ``point``, as in :func:`compare`."""
    exact = exact_difference(lhs, rhs, point)
    if exact is not None:
        return exact != 0
    return _stable(lhs, rhs, point, dps, real=False) is not None


_SIGNS_ALLOWED = {
    "StrictLessThan": {-1}, "LessThan": {-1, 0}, "StrictGreaterThan": {1}, "GreaterThan": {1, 0},
    "Equality": {0}, "Unequality": {-1, 1},
}


def satisfies(relation: sympy.Basic, point: Point, dps: int = MIN_DIGITS, twice: bool = True) -> bool:
    """True when ``relation`` provably holds at ``point`` (its sign established by :func:`compare`).

    The sampler screens points with ``twice=False`` (one precision); counterexamples are
    re-checked with both.

    >>> x, y = sympy.symbols("x y", positive=True)
    >>> satisfies(sympy.Le(sympy.exp(x), sympy.exp(y)), {x: 1, y: 2})
    True
    """
    if relation in (sympy.true, sympy.false):
        return bool(relation)
    sign = compare(relation.lhs, relation.rhs, point, dps, twice)  # type: ignore[attr-defined]
    return sign is not None and sign in _SIGNS_ALLOWED[type(relation).__name__]


@dataclass(frozen=True)
class Sampler:
    """Seeded random points for a set of symbols, honouring their sign assumptions.

    Positive symbols are drawn log-uniformly in [1/span, span]; real symbols uniformly
    in [-span, span].  Values are exact rationals so that every evaluation is exact
    up to the working precision.  A point is kept when every constraint holds there by
    :func:`satisfies` at :data:`MIN_DIGITS`; the search stops after ``tries`` draws, or
    after a quarter of them when none was kept (constraints that are expensive to evaluate
    and never met would otherwise cost ``tries`` evaluations in every run).
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
        for attempt in range(self.tries):
            if len(found) >= count or (not found and attempt >= self.patience):
                break
            point = {s: self._draw(s, rng) for s in ordered}
            if all(satisfies(c, point, MIN_DIGITS, twice=False) for c in constraints):
                found.append(point)
        return found

    @property
    def patience(self) -> int:
        """Draws after which a search that kept no point gives up."""
        return max(1, self.tries // 4)

    def _draw(self, symbol: sympy.Symbol, rng: random.Random) -> sympy.Rational:
        if symbol.is_positive or symbol.is_nonnegative:
            value = math.exp(rng.uniform(-math.log(self.span), math.log(self.span)))
        else:
            value = rng.uniform(-self.span, self.span)
        return sympy.Rational(round(value * 10**6), 10**6)


def format_point(point: Point, digits: int = 8) -> dict[str, str]:
    """A point as name -> decimal string, for evidence and JSON."""
    return {s.name: str(sympy.Float(v, digits)) for s, v in sorted(point.items(), key=lambda kv: kv[0].name)}


def format_number(value: mpmath.mpf | mpmath.mpc | None, digits: int = 12) -> str:
    """An mpmath number as a short decimal string ('undefined' for None)."""
    if value is None:
        return "undefined"
    return mpmath.nstr(value, digits)
