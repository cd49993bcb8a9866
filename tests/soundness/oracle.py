"""An independent judge of claims: mpmath at 50 digits at seeded random positive points.

Nothing here uses symcond's provers or its numeric module.  Expressions (with the
registry definitions, the claim's givens and, for the "assumed" judgement, the stated
equality assumptions substituted; one whose symbol is already replaced must hold as well, so
it is a condition, which random points almost never meet) are compiled with
``sympy.lambdify(modules="mpmath")``;
Fermi–Dirac integrals are evaluated as ``-polylog(j + 1, -exp(eta))`` by mpmath.
Random points are drawn with this module's own generator (positive symbols log-uniform in
[1/20, 20], real ones uniform in [-5, 5]) and must satisfy the stated inequality
assumptions.  A difference counts only when it is above 1e-10 (relative) at both 50 and
80 digits; agreement means a relative difference below 1e-25 at every point.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

import mpmath
import sympy

from symcond.model.claims import Claim
from symcond.model.paper import Paper

DIGITS = 50
CHECK_DIGITS = 80
EQUAL_TOL = mpmath.mpf("1e-25")
DIFFER_TOL = mpmath.mpf("1e-10")
POINTS = 8
INEQUALITY_POINTS = 40
_ORACLE_FD = sympy.Function("oracle_fermi_dirac")
Subs = Mapping[sympy.Symbol, sympy.Expr]
Point = dict[sympy.Symbol, mpmath.mpf]


class Truth(Enum):
    """What the numeric judge found."""

    REFUTED = "refuted"
    CONSISTENT = "consistent"
    UNKNOWN = "unknown"


def _fermi_dirac(j: mpmath.mpf, eta: mpmath.mpf) -> mpmath.mpf:
    """F_j(eta) = -Li_{j+1}(-e^eta) (DLMF 25.12.16); log1p(e^eta) for j = 0, where polylog loses e^eta."""
    if j == 0:
        return mpmath.log1p(mpmath.exp(eta))
    return -mpmath.re(mpmath.polylog(j + 1, -mpmath.exp(eta)))


def compile_expr(expr: sympy.Expr, symbols: Sequence[sympy.Symbol]) -> Callable[..., object] | None:
    """``expr`` as an mpmath function of ``symbols`` (None if SymPy cannot print it)."""
    swapped = expr.replace(lambda n: type(n).__name__ == "FermiDirac", lambda n: _ORACLE_FD(*n.args))
    try:
        return sympy.lambdify(list(symbols), swapped, modules=[{"oracle_fermi_dirac": _fermi_dirac}, "mpmath"])
    except Exception:
        return None


def value_at(func: Callable[..., object] | None, point: Sequence[mpmath.mpf], digits: int) -> mpmath.mpc | None:
    """``func(*point)`` at ``digits`` digits; None when it is not a finite number."""
    if func is None:
        return None
    with mpmath.workdps(digits):
        try:
            value = mpmath.mpmathify(func(*(mpmath.mpf(p) for p in point)))
        except Exception:
            return None
        return value if mpmath.isfinite(value) else None


def prepared(expr: sympy.Basic, subs: Subs) -> sympy.Basic:
    """``expr`` with ``subs`` applied until nothing changes (at most 40 rounds)."""
    current = sympy.sympify(expr)
    for _ in range(40):
        following = current.xreplace(dict(subs))
        if following == current:
            break
        current = following
    return current


@dataclass(frozen=True)
class Setting:
    """Substitutions and constraints under which a claim is judged."""

    subs: Subs
    constraints: tuple[sympy.Basic, ...]
    seed: str

    def points(self, symbols: Iterable[sympy.Symbol], count: int, span: float = 20.0) -> list[Point]:
        """Up to ``count`` random points satisfying every constraint."""
        wanted = set(symbols).union(*(c.free_symbols for c in self.constraints))
        ordered = sorted(wanted, key=lambda s: s.name)
        rng = random.Random(f"oracle:{self.seed}:{','.join(s.name for s in ordered)}:{span}")
        checks = [_constraint(c, ordered) for c in self.constraints]
        found: list[Point] = []
        for _ in range(40 * count):
            point = {s: _draw(s, rng, span) for s in ordered}
            if all(check(point) for check in checks):
                found.append(point)
            if len(found) == count:
                break
        return found


def _draw(symbol: sympy.Symbol, rng: random.Random, span: float) -> mpmath.mpf:
    if symbol.is_positive or symbol.is_nonnegative:
        return mpmath.mpf(math.exp(rng.uniform(-math.log(span), math.log(span))))
    return mpmath.mpf(rng.uniform(-5.0, 5.0))


def _constraint(relation: sympy.Basic, symbols: Sequence[sympy.Symbol]) -> Callable[[Point], bool]:
    if relation in (sympy.true, sympy.false):
        return lambda point: bool(relation)
    gap = compile_expr(relation.rhs - relation.lhs, symbols)  # type: ignore[attr-defined]
    strict = isinstance(relation, (sympy.StrictLessThan, sympy.StrictGreaterThan))
    sign = 1 if isinstance(relation, (sympy.LessThan, sympy.StrictLessThan)) else -1
    equality = isinstance(relation, sympy.Equality)

    def holds(point: Point) -> bool:
        value = value_at(gap, [point[s] for s in symbols], DIGITS)
        if value is None or mpmath.im(value) != 0:
            return False
        if equality:  # random points (almost) never meet one: the setting then has no points
            return bool(abs(value) < EQUAL_TOL)
        return sign * value > 0 if strict else sign * value >= 0
    return holds


def setting(paper: Paper, claim: Claim, names: Iterable[str] = (), extra: Subs | None = None) -> Setting:
    """Registry definitions, givens (+ ``extra``) and the stated assumptions called ``names``."""
    subs = {**paper.registry.definitions(), **claim.givens, **(extra or {})}
    wanted = set(names)
    usable = [a for a in paper.assumptions if a.name in wanted]
    conditions = [a.relation for a in usable if not a.is_equality]
    for a in (a for a in usable if a.is_equality):
        if a.relation.lhs in subs:  # already replaced: both hold, so this one is a condition on the points
            conditions.append(a.relation)
        else:
            subs[a.relation.lhs] = a.relation.rhs  # type: ignore[attr-defined]
    constraints = tuple(prepared(relation, subs) for relation in conditions)
    return Setting(subs, constraints, f"{claim.id}:{sorted(wanted)}")


def relative_gap(a: mpmath.mpc, b: mpmath.mpc) -> mpmath.mpf:
    """|a - b| / max(|a|, |b|), 0 when both vanish."""
    scale = max(abs(a), abs(b))
    return mpmath.mpf(0) if scale == 0 else abs(a - b) / scale


def compare(lhs: sympy.Expr, rhs: sympy.Expr, where: Setting, count: int = POINTS) -> Truth:
    """REFUTED if the sides differ stably at some point, CONSISTENT if they agree at >= 3."""
    left, right = prepared(lhs, where.subs), prepared(rhs, where.subs)
    symbols = sorted(left.free_symbols | right.free_symbols, key=lambda s: s.name)
    f, g = compile_expr(left, symbols), compile_expr(right, symbols)
    agreed = 0
    for point in where.points(symbols, count):
        values = [point[s] for s in symbols]
        gap = _gap_at(f, g, values, DIGITS)
        if gap is None:
            continue
        if gap > DIFFER_TOL:
            confirmed = _gap_at(f, g, values, CHECK_DIGITS)
            if confirmed is not None and confirmed > DIFFER_TOL:
                return Truth.REFUTED
        agreed += gap < EQUAL_TOL
    return Truth.CONSISTENT if agreed >= 3 else Truth.UNKNOWN


def _gap_at(f: Callable[..., object] | None, g: Callable[..., object] | None, values: list[mpmath.mpf],
            digits: int) -> mpmath.mpf | None:
    a, b = value_at(f, values, digits), value_at(g, values, digits)
    if a is None or b is None:
        return None
    with mpmath.workdps(digits):
        return relative_gap(a, b)


def ordered(lhs: sympy.Expr, rhs: sympy.Expr, strict: bool, where: Setting) -> Truth:
    """REFUTED if lhs > rhs (or lhs == rhs when strict) at a sampled point, else CONSISTENT."""
    left, right = prepared(lhs, where.subs), prepared(rhs, where.subs)
    symbols = sorted(left.free_symbols | right.free_symbols, key=lambda s: s.name)
    f, g = compile_expr(left, symbols), compile_expr(right, symbols)
    checked = 0
    for span in (20.0, 1000.0):
        for point in where.points(symbols, INEQUALITY_POINTS // 2, span):
            values = [point[s] for s in symbols]
            a, b = value_at(f, values, DIGITS), value_at(g, values, DIGITS)
            if a is None or b is None or mpmath.im(a) != 0 or mpmath.im(b) != 0:
                continue
            checked += 1
            scale = max(abs(a), abs(b)) or 1
            if (a - b) / scale > DIFFER_TOL or (strict and abs(a - b) / scale < EQUAL_TOL):
                return Truth.REFUTED
    return Truth.CONSISTENT if checked >= 10 else Truth.UNKNOWN
