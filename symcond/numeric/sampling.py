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
           "exact_difference", "format_point", "MIN_DIGITS",
           "PHYSICAL_DIGITS"]

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
    with sympy.evaluate(False):  # an exact power of rationals, (a*b)**y, can take minutes: evalf does it fast
        substituted = sympy.sympify(expr).xreplace(dict(point))
    found = _number(substituted, dps)
    if found is None:  # a function that evalf does not evaluate unevaluated (Heaviside): substitute exactly
        found = _number(sympy.sympify(expr).xreplace(dict(point)), dps)
    return found


def _number(substituted: sympy.Expr, dps: int) -> mpmath.mpf | mpmath.mpc | None:
    """The value of a substituted expression with ``dps`` digits; None when it is not a finite number."""
    try:
        value = substituted.evalf(dps, maxn=4 * dps)
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
    exact = _plain_difference(lhs, rhs, point)
    if exact is None:
        exact = exact_difference(lhs, rhs, point)
    if exact is not None:
        return int(bool(exact > 0)) - int(bool(exact < 0))  # the sign, without building sympy.sign
    return _stable(lhs, rhs, point, dps, real=True, twice=twice)


def _plain_difference(lhs: sympy.Expr, rhs: sympy.Expr, point: Point) -> sympy.Rational | None:
    """``lhs - rhs`` when each side is a rational number or a symbol of ``point`` (None otherwise).

    The same number :func:`exact_difference` computes, without building the difference: an
    assumption ``x3 < x4`` is screened at every sampled point.
    """
    sides = (sympy.sympify(lhs), sympy.sympify(rhs))
    values = [side if side.is_Rational else point.get(side) if side.is_Symbol else None for side in sides]
    if values[0] is None or values[1] is None:
        return None
    a, b = sympy.sympify(values[0]), sympy.sympify(values[1])
    return a - b if a.is_Rational and b.is_Rational else None


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
        draw = lambda symbol: self._draw(symbol, rng)  # noqa: E731
        found = self._search(ordered, count, constraints, draw, None)
        chain = _order_of(ordered, constraints)
        if len(found) < count and chain:
            found += self._search(ordered, count - len(found), constraints, draw, chain)
        return found

    def physical_points(self, symbols: Iterable[sympy.Symbol], count: int, constraints: Sequence[sympy.Basic] = (),
                        salt: str = "", fixed: Point | None = None,
                        ranges: Mapping[sympy.Symbol, tuple[float, float]] | None = None,
                        ) -> list[dict[sympy.Symbol, sympy.Rational]]:
        """As :meth:`points`, with each symbol of ``fixed`` at its value there (a CODATA constant) and each
        symbol of ``ranges`` drawn log-uniformly within its ``(low, high)`` bounds (SI units), rounded to
        :data:`PHYSICAL_DIGITS` significant digits; the other symbols are drawn as :meth:`points` draws them.

        >>> T, e = sympy.symbols("T e", positive=True)
        >>> [point] = Sampler().physical_points([T, e], 1, fixed={e: sympy.Rational("1.602176634e-19")},
        ...                                     ranges={T: (1.0, 1000.0)})
        >>> point[e] == sympy.Rational("1.602176634e-19"), sympy.Float(point[T], 4)
        (True, 17.76)
        """
        ordered = sorted(set(symbols), key=lambda s: s.name)
        rng = random.Random(f"{self.seed}:{salt}:physical:{','.join(s.name for s in ordered)}")
        fixed, ranges = fixed or {}, ranges or {}

        def draw(symbol: sympy.Symbol) -> sympy.Rational:
            if symbol in fixed:
                return sympy.Rational(fixed[symbol])
            if symbol in ranges:
                return _log_uniform(rng, *ranges[symbol])
            return self._draw(symbol, rng)

        return self._search(ordered, count, constraints, draw, None)

    def _search(self, ordered: Sequence[sympy.Symbol], count: int, constraints: Sequence[sympy.Basic],
                draw: Callable[[sympy.Symbol], sympy.Rational],
                chain: Sequence[sympy.Symbol] | None) -> list[dict[sympy.Symbol, sympy.Rational]]:
        """Draws kept when every constraint holds; with ``chain``, its symbols' values are sorted along it first."""
        found: list[dict[sympy.Symbol, sympy.Rational]] = []
        for attempt in range(self.tries):
            if len(found) >= count or (not found and attempt >= self.patience):
                break
            point = {s: draw(s) for s in ordered}
            if chain:
                point.update(zip(chain, sorted(point[s] for s in chain), strict=True))
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


#: Significant digits of a value drawn in a physical range (``T = 275.3`` K reads as a temperature).
PHYSICAL_DIGITS = 4


def _log_uniform(rng: random.Random, low: float, high: float) -> sympy.Rational:
    """A log-uniform draw in [low, high] as an exact rational of :data:`PHYSICAL_DIGITS` significant digits."""
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    return sympy.Rational(f"{value:.{PHYSICAL_DIGITS}g}")


def _order_of(symbols: Sequence[sympy.Symbol], constraints: Sequence[sympy.Basic]) -> list[sympy.Symbol] | None:
    """The symbols that constraints such as ``x < y`` order among themselves, smaller first (None: none or a cycle).

    A chain ``x0 < x1 < ... < x30`` is almost never met by independent draws (1 in 31!), but
    always by draws sorted along this order.  Only symbols drawn alike (all positive, or
    all real) are sorted, so a value keeps its sign.
    """
    known, edges = set(symbols), dict[sympy.Symbol, set[sympy.Symbol]]()
    for rel in constraints:
        if isinstance(rel, (sympy.Lt, sympy.Le, sympy.Gt, sympy.Ge)) and rel.lhs in known and rel.rhs in known:
            small, large = (rel.lhs, rel.rhs) if isinstance(rel, (sympy.Lt, sympy.Le)) else (rel.rhs, rel.lhs)
            edges.setdefault(small, set()).add(large)
            edges.setdefault(large, set())
    if len({bool(s.is_positive or s.is_nonnegative) for s in edges}) != 1:
        return None
    return _topological(edges)


def _topological(edges: Mapping[sympy.Symbol, set[sympy.Symbol]]) -> list[sympy.Symbol] | None:
    """Kahn's order of the graph (names break ties, so it is reproducible); None when it has a cycle."""
    waiting = {node: 0 for node in edges}
    for targets in edges.values():
        for target in targets:
            waiting[target] += 1
    ready = sorted((n for n, k in waiting.items() if k == 0), key=lambda s: s.name, reverse=True)
    order: list[sympy.Symbol] = []
    while ready:
        node = ready.pop()
        order.append(node)
        for target in sorted(edges[node], key=lambda s: s.name, reverse=True):
            waiting[target] -= 1
            if waiting[target] == 0:
                ready.append(target)
    return order if len(order) == len(edges) else None


def format_point(point: Point, digits: int = 8) -> dict[str, str]:
    """A point as name -> decimal string, for evidence and JSON."""
    return {s.name: str(sympy.Float(v, digits)) for s, v in sorted(point.items(), key=lambda kv: kv[0].name)}


def format_number(value: mpmath.mpf | mpmath.mpc | None, digits: int = 12) -> str:
    """An mpmath number as a short decimal string ('undefined' for None)."""
    if value is None:
        return "undefined"
    return mpmath.nstr(value, digits)
