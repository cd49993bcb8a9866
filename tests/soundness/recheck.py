"""An independent re-check of a counterexample printed by ``symcond check --json``, without the engine.

The ``--given``/``--assume`` texts and both sides are parsed again by :mod:`symcond.parse.grammar` over plain
symbols (no sign assumed, so nothing is simplified by one); registry definitions (``hbar = h/(2 pi)``, ...)
apply unless a --given replaces them.  The printed point is substituted as exact rationals of its decimal
strings (:mod:`fractions`, never a SymPy parse of a string) and everything is evaluated by mpmath (SymPy
``evalf``) at 60 digits.  Every assumption, given and definition must hold at the point, allowing only the
rounding of the printed digits: a constraint off by less than twice its change when each printed value
moves by half a unit of its last digit, plus 1e-7 of its sides, is accepted ("within rounding").

A point that leaves out a symbol (the engine drops those its simplified residual no longer contains) is
completed: an equality assumption ``s == expr`` defines a left-out ``s``; the other left-out symbols, positive
as every undeclared name, get 1 and then seeded log-uniform values in [1e-3, 1e3]; the point is valid if one
of :data:`COMPLETIONS` completions satisfies every constraint and does not satisfy the relation.

>>> text = CheckText("x", "y", "le", assume=("exp(x)<=exp(y)",))
>>> recheck(text, {"x": "4.3105450", "y": "1.0593400"}).problems
["--assume 'exp(x)<=exp(y)' does not hold at the point (74.48107006 vs 2.884466613)"]
"""

from __future__ import annotations

import random
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

import sympy

from symcond.parse.grammar import parse_assignment, parse_expression, parse_relation
from symcond.quantities.registry import Registry

__all__ = ["COMPLETIONS", "CheckText", "Recheck", "check_text", "recheck"]

DIGITS = 60
REL_TOL = sympy.Rational(1, 10**7)
COMPLETIONS = 200


@dataclass(frozen=True)
class CheckText:
    """The texts of a ``check`` command line."""

    lhs: str
    rhs: str
    relation: str = "eq"
    given: tuple[str, ...] = ()
    assume: tuple[str, ...] = ()


def check_text(argv: Sequence[str]) -> CheckText:
    """The relation, givens and assumptions of a ``check`` argv written as ``--flag=value ... -- LHS RHS``."""
    cut = argv.index("--")
    options: dict[str, list[str]] = {"--relation": [], "--given": [], "--assume": []}
    for word in argv[1:cut]:
        flag, _, value = word.partition("=")
        options.get(flag, []).append(value)
    return CheckText(argv[cut + 1], argv[cut + 2], (options["--relation"] or ["eq"])[-1],
                     tuple(options["--given"]), tuple(options["--assume"]))


def _plain(name: str) -> sympy.Symbol:
    """Every name a symbol with no assumption: nothing is simplified by a sign the engine may assume."""
    return sympy.Symbol(name)


def _relation_text(text: str) -> str:
    """A lone ``=`` means ``==`` (as for ``--assume``)."""
    return text if any(op in text for op in ("<=", ">=", "==", "!=", "<", ">")) else text.replace("=", "==", 1)


@dataclass
class Recheck:
    """The verdict on one printed counterexample.

    ``problems``: why the point is invalid (an assumption, given or definition does not hold, a value is not
    finite, or no value of the symbols it leaves out makes it valid); ``satisfies_relation``: the relation
    holds at the point beyond rounding; ``unconfirmed``: it is violated only within rounding;
    ``within_rounding``: constraints that hold only within rounding; ``completed``: the point left out
    symbols and a completion was found; ``unverifiable``: the harness itself could not evaluate.
    """

    problems: list[str] = field(default_factory=list)
    satisfies_relation: bool = False
    unconfirmed: bool = False
    within_rounding: int = 0
    completed: bool = False
    unverifiable: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Constraint:
    label: str
    lhs: sympy.Expr
    op: str
    rhs: sympy.Expr


def _definitions(given: Sequence[str]) -> dict[sympy.Symbol, sympy.Expr]:
    """Registry definitions (hbar = h/(2 pi), ...) over plain symbols, overridden by the --given ones."""
    defs = {_plain(s.name): e.xreplace({t: _plain(t.name) for t in e.free_symbols}) for s, e in
            Registry.default().definitions().items()}
    for text in given:
        name, expr = parse_assignment(text, _plain)
        defs[_plain(name)] = expr
    return defs


def _expand(expr: sympy.Expr, defs: Mapping[sympy.Symbol, sympy.Expr], known: Container[sympy.Symbol]) -> sympy.Expr:
    for _ in range(60):
        subs = {s: defs[s] for s in expr.free_symbols if s in defs and s not in known}
        if not subs:
            return expr
        expr = expr.xreplace(subs)
    raise ValueError("the definitions do not terminate")


def _number(expr: sympy.Expr, values: Mapping[sympy.Symbol, sympy.Rational]) -> sympy.Float | None:
    """The real value of ``expr`` at 60 digits (mpmath through ``evalf``), None if not a finite real."""
    value = sympy.N(expr, DIGITS, subs={s: values[s] for s in expr.free_symbols})
    re, im = value.as_real_imag()
    if not (re.is_Number and im.is_Number and re.is_finite and im.is_finite):
        return None
    if im != 0 and abs(im) > abs(re) * sympy.Rational(1, 10**50):
        return None
    return sympy.Float(re, DIGITS)


def _holds(op: str, d: Any, tol: Any) -> bool:
    """``d = lhs - rhs`` satisfies the relation ``op`` once ``tol`` of slack is allowed (tol < 0: with room)."""
    return bool({"<": d < tol, "<=": d <= tol, ">": d > -tol, ">=": d >= -tol, "==": abs(d) <= tol}[op])


def _tolerance(c: _Constraint, values: Mapping[sympy.Symbol, sympy.Rational],
               halves: Mapping[sympy.Symbol, sympy.Rational], scale: Any) -> Any:
    """Twice the change of lhs - rhs when each printed value moves by half a unit of its last digit,
    plus 1e-7 * ``scale``; infinite where a move leaves the reals (the point is on such a boundary)."""
    diff = c.lhs - c.rhs
    base, change = _number(diff, values), sympy.Integer(0)
    for symbol in diff.free_symbols & set(halves):
        moved = [_number(diff, {**values, symbol: values[symbol] + sign * halves[symbol]}) for sign in (1, -1)]
        if base is None or None in moved:
            return sympy.oo
        change += max(abs(m - base) for m in moved)
    return 2 * change + REL_TOL * scale


def _evaluate(c: _Constraint, values, halves, strict: bool = False) -> tuple[str, str]:
    """'exact', 'rounding' (holds only within rounding), 'violated' or 'not-real', with the two sides for
    messages; with ``strict``, 'strict' for an inequality that holds beyond rounding."""
    left, right = _number(c.lhs, values), _number(c.rhs, values)
    if left is None or right is None:
        return "not-real", ""
    sides, d = f"{sympy.Float(left, 10)} vs {sympy.Float(right, 10)}", left - right
    exact = _holds(c.op, d, 0)
    if exact and not (strict and c.op != "=="):
        return "exact", sides
    tol = _tolerance(c, values, halves, max(abs(left), abs(right)))
    if strict and c.op != "==" and _holds(c.op, d, -tol):
        return "strict", sides
    return ("exact" if exact else "rounding" if _holds(c.op, d, tol) else "violated"), sides


def _judge_point(constraints: Sequence[_Constraint], claim: _Constraint, values, halves) -> Recheck:
    out = Recheck()
    for c in constraints:
        status, sides = _evaluate(c, values, halves)
        if status == "not-real":
            out.problems.append(f"{c.label} is not a real relation at the point")
        elif status == "violated":
            out.problems.append(f"{c.label} does not hold at the point ({sides})")
        out.within_rounding += status == "rounding"
    status, _ = _evaluate(claim, values, halves, strict=True)
    out.satisfies_relation = status == "strict"
    out.unconfirmed = status in ("exact", "rounding")
    return out


def _derived(assume: Sequence[_Constraint], missing: set[sympy.Symbol]) -> dict[sympy.Symbol, sympy.Expr]:
    """Equality assumptions ``s == expr`` for a symbol the point leaves out: s is expr (a definition)."""
    derived: dict[sympy.Symbol, sympy.Expr] = {}
    for c in assume:
        for s, e in ((c.lhs, c.rhs), (c.rhs, c.lhs)):
            if c.op == "==" and s in missing and s not in derived and s not in e.free_symbols:
                derived[s] = e
                break
    return derived


def _completions(missing: Sequence[sympy.Symbol], seed: str, count: int = COMPLETIONS) -> list[dict]:
    """Values for symbols the point leaves out (positive, as every undeclared name): 1, then seeded
    log-uniform draws in [1e-3, 1e3] rounded to 8 digits."""
    rng = random.Random(seed)
    draws = [dict.fromkeys(missing, sympy.Integer(1))]
    for _ in range(count - 1):
        draws.append({s: _rational(f"{10 ** rng.uniform(-3, 3):.7e}") for s in missing})
    return draws


def _rational(text: str) -> sympy.Rational:
    """The exact value of a decimal string (``fractions``, no SymPy parsing); ValueError if not finite."""
    fraction = Fraction(text)
    return sympy.Rational(fraction.numerator, fraction.denominator)


def _point(point: Mapping[str, str], out: Recheck) -> tuple[dict, dict]:
    values, halves = {}, {}
    for name in sorted(n for n in point if n not in ("lhs", "rhs")):
        try:
            value = _rational(point[name])
            exponent = Decimal(point[name]).as_tuple().exponent
        except (ValueError, ZeroDivisionError, InvalidOperation):
            out.problems.append(f"value of {name} is {point[name]!r}, not a finite number")
            continue
        values[_plain(name)] = value
        halves[_plain(name)] = sympy.Rational(1, 2) * sympy.Rational(10) ** int(exponent)
    return values, halves


def recheck(parts: CheckText, point: Mapping[str, str]) -> Recheck:
    """Re-check a printed counterexample against every assumption, given and definition, and the relation."""
    out = Recheck()
    values, halves = _point(point, out)
    if out.problems:
        return out
    try:
        return _recheck(parts, values, halves, seed=f"{parts}{sorted(point.items())}")
    except Exception as exc:  # the harness could not re-check (its limits, not the engine's)
        out.unverifiable.append(f"{type(exc).__name__}: {exc}")
        return out


def _recheck(parts: CheckText, values: dict, halves: dict, seed: str) -> Recheck:
    defs = _definitions(parts.given)
    assume = [_Constraint(f"--assume {t!r}", r.lhs, r.rel_op, r.rhs)
              for t in parts.assume for r in [parse_relation(_relation_text(t), _plain)]]
    op = {"eq": "==", "le": "<=", "lt": "<", "ge": ">=", "gt": ">"}[parts.relation]
    claim = _Constraint("the relation", parse_expression(parts.lhs, _plain), op, parse_expression(parts.rhs, _plain))
    constraints = [*assume, *(_Constraint(f"the definition {s} = {defs[s]}", s, "==", defs[s])
                              for s in sorted(set(defs) & set(values), key=str))]
    needed = set().union(*(c.lhs.free_symbols | c.rhs.free_symbols for c in [*constraints, claim]))
    defs.update(_derived(assume, {s for s in needed if s not in values and s not in defs}))

    def expanded(c: _Constraint) -> _Constraint:
        return _Constraint(c.label, _expand(c.lhs, defs, values), c.op, _expand(c.rhs, defs, values))

    constraints, claim = [expanded(c) for c in constraints], expanded(claim)
    missing = sorted(set().union(*(c.lhs.free_symbols | c.rhs.free_symbols for c in [*constraints, claim]))
                     - set(values), key=str)
    first = None
    for extra in _completions(missing, seed) if missing else [{}]:
        result = _judge_point(constraints, claim, {**values, **extra}, halves)
        first = first or result
        if not result.problems and not result.satisfies_relation:
            result.completed = bool(missing)
            return result
    if missing:
        names = ", ".join(map(str, missing))
        first.problems.append(f"the point gives no value for {names}, and none of {COMPLETIONS} positive "
                              "values tried for them makes it valid")
    return first
