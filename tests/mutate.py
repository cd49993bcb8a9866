"""Mutants of claims: the typical slips of a derivation, applied one at a time.

A mutant is a copy of a claim with one deliberate error -- a factor 2 or 1/2, an
exponent moved by one, ``h`` written for ``hbar`` (or back), a flipped sign, a dropped
term or factor, two symbols swapped, ``pi`` for ``2 pi`` (or back), or an inequality
turned around.  Deciding mutants measures how sharp a verifier is: a sound verifier
never says ``holds`` for a mutant that is really false, and a sharp one refutes it.
Some mutants are accidentally still true (swapping two symbols of a symmetric
expression); telling those apart is the caller's job (e.g. by high-precision numerics).

Every claim kind except dimension claims is mutated: both sides of equalities and
inequalities, the givens, the value of limits, the stated number of numeric values, the
condition of "exactly when" claims and each step of a derivation.

>>> import sympy
>>> from symcond.model.claims import Equality
>>> a, b = sympy.symbols("a b", positive=True)
>>> found = mutants(Equality(a / b, 1, id="demo:eq1"))
>>> sorted({m.kind.value for m in found})
['dropped factor', 'exponent +1', 'exponent -1', 'factor 1/2', 'factor 2', 'sign flip', 'symbols swapped']
>>> [m.detail for m in found if m.kind is MutationKind.SWAP]
['lhs: a <-> b']
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from itertools import combinations
from typing import TypeVar

import sympy

from symcond.model.claims import Claim, ClaimKind, NumericValue
from symcond.model.derivation import Derivation, Step

__all__ = ["MutationKind", "ExprMutation", "Mutant", "mutate_expression", "mutants", "sample"]

T = TypeVar("T")
_PI = sympy.pi
_H, _HBAR = sympy.Symbol("h", positive=True), sympy.Symbol("hbar", positive=True)


class MutationKind(Enum):
    """The closed set of slips a mutant can carry."""

    DOUBLE = "factor 2"
    HALVE = "factor 1/2"
    EXPONENT_UP = "exponent +1"
    EXPONENT_DOWN = "exponent -1"
    H_HBAR = "h <-> hbar"
    SIGN = "sign flip"
    DROP_TERM = "dropped term"
    DROP_FACTOR = "dropped factor"
    SWAP = "symbols swapped"
    PI = "pi <-> 2 pi"
    DIRECTION = "inequality direction"


@dataclass(frozen=True)
class ExprMutation:
    """One mutated expression: the slip, a one-line description and the result."""

    kind: MutationKind
    detail: str
    expr: sympy.Expr


@dataclass(frozen=True)
class Mutant:
    """A claim with exactly one slip.

    Attributes
    ----------
    claim : Claim
        The mutated claim (same kind, id and context as the original).
    original : Claim
        The claim it was made from.
    kind : MutationKind
        The slip.
    site : str
        Where the slip sits: ``lhs``, ``rhs``, ``given <symbol>``, ``value``, ``stated``,
        ``condition``, ``step <k>`` or ``relation``.
    detail : str
        One line describing the slip (``"rhs: tau -> tau**2"``).
    step : int or None
        For derivations, the 1-based index of the mutated step.
    """

    claim: Claim
    original: Claim
    kind: MutationKind
    site: str
    detail: str
    step: int | None = None

    @property
    def label(self) -> str:
        """``<claim id> <kind>: <detail>``, for reports."""
        return f"{self.original.id} {self.kind.value}: {self.detail}"

    def focused(self) -> Claim:
        """The mutated claim restricted to what the slip can affect.

        For a derivation this is the sub-derivation from the predecessor of the mutated
        step through its successor (the other steps are unchanged, so they decide
        nothing about the slip); other claims are returned unchanged.
        """
        if self.step is None or not isinstance(self.claim, Derivation):
            return self.claim
        exprs = self.claim.expressions()
        steps = self.claim.steps[self.step - 1:self.step + 1]
        return dataclasses.replace(self.claim, start=exprs[self.step - 1], steps=steps)


# --- expressions ---------------------------------------------------------------------------------

def _nodes(expr: sympy.Basic, path: tuple[int, ...] = ()) -> Iterator[tuple[tuple[int, ...], sympy.Basic]]:
    """Pre-order (path, node) pairs, not descending into integration limits."""
    yield path, expr
    if isinstance(expr, sympy.Tuple):
        return
    for index, arg in enumerate(expr.args):
        yield from _nodes(arg, (*path, index))


def _replace(expr: sympy.Basic, path: tuple[int, ...], new: sympy.Basic) -> sympy.Basic:
    """``expr`` with the node at ``path`` replaced by ``new`` (re-evaluated on the way up)."""
    if not path:
        return new
    args = list(expr.args)
    args[path[0]] = _replace(args[path[0]], path[1:], new)
    return expr.func(*args)


def _exponents(expr: sympy.Expr) -> Iterator[ExprMutation]:
    for path, node in _nodes(expr):
        if isinstance(node, sympy.Pow) and node.exp.is_Number:
            for kind, delta in ((MutationKind.EXPONENT_UP, 1), (MutationKind.EXPONENT_DOWN, -1)):
                new = sympy.Pow(node.base, node.exp + delta)
                yield ExprMutation(kind, f"{sympy.sstr(node)} -> {sympy.sstr(new)}", _replace(expr, path, new))
        elif isinstance(node, sympy.Symbol) and not _parent_is_pow(expr, path):
            yield ExprMutation(MutationKind.EXPONENT_UP, f"{node} -> {node}**2", _replace(expr, path, node**2))


def _parent_is_pow(expr: sympy.Basic, path: tuple[int, ...]) -> bool:
    if not path:
        return False
    parent = expr
    for index in path[:-1]:
        parent = parent.args[index]
    return isinstance(parent, (sympy.Pow, sympy.Tuple))


def _drops(expr: sympy.Expr) -> Iterator[ExprMutation]:
    for path, node in _nodes(expr):
        kind = {sympy.Add: MutationKind.DROP_TERM, sympy.Mul: MutationKind.DROP_FACTOR}.get(type(node))
        if kind is None:
            continue
        for index, arg in enumerate(node.args):
            rest = node.func(*(a for i, a in enumerate(node.args) if i != index))
            yield ExprMutation(kind, f"drop {sympy.sstr(arg)} from {sympy.sstr(node)[:60]}",
                               _replace(expr, path, rest))


def _swaps(expr: sympy.Expr) -> Iterator[ExprMutation]:
    names = sorted(expr.free_symbols, key=lambda s: s.name)
    for a, b in combinations(names, 2):
        yield ExprMutation(MutationKind.SWAP, f"{a} <-> {b}", expr.xreplace({a: b, b: a}))


def _global(expr: sympy.Expr) -> Iterator[ExprMutation]:
    yield ExprMutation(MutationKind.DOUBLE, "times 2", 2 * expr)
    yield ExprMutation(MutationKind.HALVE, "times 1/2", expr / 2)
    yield ExprMutation(MutationKind.SIGN, "times -1", -expr)
    symbols = {s.name: s for s in expr.free_symbols if isinstance(s, sympy.Symbol)}
    for old, new in (("h", _HBAR), ("hbar", _H)):
        if old in symbols:
            yield ExprMutation(MutationKind.H_HBAR, f"{old} -> {new}", expr.xreplace({symbols[old]: new}))
    if expr.has(_PI):
        yield ExprMutation(MutationKind.PI, "pi -> 2*pi", expr.xreplace({_PI: 2 * _PI}))
        yield ExprMutation(MutationKind.PI, "2*pi -> pi", expr.xreplace({_PI: _PI / 2}))


def mutate_expression(expr: sympy.Expr) -> list[ExprMutation]:
    """Every single-slip variant of ``expr`` that differs from it structurally.

    Examples
    --------
    >>> import sympy
    >>> x = sympy.Symbol("x", positive=True)
    >>> [(m.kind.name, m.expr) for m in mutate_expression(2 * x)][:3]
    [('DOUBLE', 4*x), ('HALVE', x), ('SIGN', -2*x)]
    """
    expr = sympy.sympify(expr)
    found: dict[sympy.Basic, ExprMutation] = {}
    for mutation in (*_global(expr), *_exponents(expr), *_drops(expr), *_swaps(expr)):
        if mutation.expr != expr and mutation.expr not in found:
            found[mutation.expr] = mutation
    return list(found.values())


# --- claims --------------------------------------------------------------------------------------

Builder = Callable[[sympy.Expr], Claim]


def _sited(claim: Claim, site: str, expr: sympy.Expr, build: Builder, step: int | None = None) -> list[Mutant]:
    out = []
    for mutation in mutate_expression(expr):
        mutated = build(mutation.expr)
        out.append(Mutant(mutated, claim, mutation.kind, site, f"{site}: {mutation.detail}", step))
    return out


def _copy(claim: Claim, **changes: object) -> Claim:
    return dataclasses.replace(claim, statement="", **changes)  # type: ignore[arg-type]


def _given_mutants(claim: Claim) -> list[Mutant]:
    out = []
    for symbol, value in claim.givens.items():
        def build(new: sympy.Expr, symbol: sympy.Symbol = symbol) -> Claim:
            return _copy(claim, givens={**claim.givens, symbol: new})
        out += _sited(claim, f"given {symbol}", value, build)
    return out


def _two_sided(claim: Claim) -> list[Mutant]:
    lhs, rhs = claim.sides()
    out = _sited(claim, "rhs", rhs, lambda new: _copy(claim, rhs=new))
    out += _sited(claim, "lhs", lhs, lambda new: _copy(claim, lhs=new))
    if claim.kind is ClaimKind.INEQUALITY:
        out.append(Mutant(_copy(claim, lhs=rhs, rhs=lhs), claim, MutationKind.DIRECTION, "relation",
                          "relation: lhs and rhs exchanged"))
    if claim.kind is ClaimKind.EQUALITY_IFF:
        condition = claim.condition  # type: ignore[attr-defined]
        out += _sited(claim, "condition", condition.rhs,
                      lambda new: _copy(claim, condition=sympy.Eq(condition.lhs, new, evaluate=False)))
    return out


def _limit(claim: Claim) -> list[Mutant]:
    out = _sited(claim, "value", claim.value, lambda new: _copy(claim, value=new))  # type: ignore[attr-defined]
    return out + _sited(claim, "expr", claim.expr, lambda new: _copy(claim, expr=new))  # type: ignore[attr-defined]


def _single(claim: Claim) -> list[Mutant]:
    return _sited(claim, "expr", claim.expr, lambda new: _copy(claim, expr=new))  # type: ignore[attr-defined]


def _stated(claim: Claim) -> list[Mutant]:
    assert isinstance(claim, NumericValue)
    number = Decimal(claim.stated.strip())
    digits = max(len(number.as_tuple().digits), 1)
    out = _single(claim)
    for kind, factor in ((MutationKind.DOUBLE, 2), (MutationKind.HALVE, Decimal("0.5"))):
        text = f"{number * factor:.{digits - 1}e}"
        out.append(Mutant(_copy(claim, stated=text), claim, kind, "stated", f"stated: {claim.stated} -> {text}"))
    return out


def _derivation(claim: Claim) -> list[Mutant]:
    assert isinstance(claim, Derivation)
    out = []
    for index, step in enumerate(claim.steps, start=1):
        def build(new: sympy.Expr, index: int = index, step: Step = step) -> Claim:
            steps = list(claim.steps)
            steps[index - 1] = dataclasses.replace(step, expr=new)
            return _copy(claim, steps=tuple(steps))
        out += _sited(claim, f"step {index}", step.expr, build, index)
    return out


_BY_KIND: dict[ClaimKind, Callable[[Claim], list[Mutant]]] = {
    ClaimKind.EQUALITY: _two_sided, ClaimKind.INEQUALITY: _two_sided, ClaimKind.EQUALITY_IFF: _two_sided,
    ClaimKind.LIMIT: _limit, ClaimKind.ASYMPTOTIC: _limit, ClaimKind.INDEPENDENCE: _single,
    ClaimKind.VALUE: _stated, ClaimKind.DERIVATION: _derivation,
}


def mutants(claim: Claim) -> list[Mutant]:
    """Every single-slip mutant of ``claim`` (none for dimension claims).

    Examples
    --------
    >>> import sympy
    >>> from symcond.model.claims import Inequality
    >>> a, b = sympy.symbols("a b", positive=True)
    >>> [m.detail for m in mutants(Inequality(a, a + b)) if m.kind is MutationKind.DIRECTION]
    ['relation: lhs and rhs exchanged']
    """
    build = _BY_KIND.get(claim.kind)
    if build is None:
        return []
    extra = _given_mutants(claim) if claim.kind is not ClaimKind.DERIVATION else []
    return build(claim) + extra


def sample(items: Sequence[T], count: int, seed: int | str) -> list[T]:
    """``count`` items chosen reproducibly (independent of ``PYTHONHASHSEED``), in their order.

    >>> sample(list(range(10)), 3, seed=1)
    [4, 6, 8]
    """
    digest = hashlib.sha256(str(seed).encode()).hexdigest()
    chosen = sorted(random.Random(digest).sample(range(len(items)), min(count, len(items))))
    return [items[i] for i in chosen]
