"""Proving that stated conditions contradict each other (Fourier–Motzkin over exact rationals).

Each relation is moved to one side and expanded; every term is a rational coefficient
times a real *atom* (a symbol, a monomial, a function value), and each atom is treated
as an unknown of its own, together with the sign SymPy knows for it (``x > 0`` for a
positive symbol, ``exp(x) > 0``).  Forgetting how atoms depend on each other only
enlarges the solution set, so when the linear system has no real solution the relations
have none either: a contradiction found here is proved.  Finding none proves nothing.

>>> x, y, z = sympy.symbols("x y z", positive=True)
>>> contradiction([("x < y", sympy.Lt(x, y)), ("y < z", sympy.Lt(y, z)), ("z < x", sympy.Lt(z, x))])
('x < y', 'y < z', 'z < x')
>>> contradiction([("x < 0", sympy.Lt(x, 0, evaluate=False))])
('x < 0', 'x > 0 (declared positive)')
>>> contradiction([("x <= y", sympy.Le(x, y)), ("y <= x", sympy.Le(y, x))]) is None
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property, lru_cache

import sympy

__all__ = ["contradiction"]

#: Largest number of inequalities Fourier–Motzkin may hold; beyond it the search gives up (no proof).
MAX_ROWS = 400


@dataclass(frozen=True)
class _Row:
    """``sum(coeffs[a] * a) + constant > 0`` (``>= 0`` unless strict), derived from ``origin``."""

    coeffs: tuple[tuple[sympy.Expr, Fraction], ...]
    constant: Fraction
    strict: bool
    origin: frozenset[int]

    @cached_property
    def _by_atom(self) -> dict[sympy.Expr, Fraction]:
        return dict(self.coeffs)

    def coefficient(self, atom: sympy.Expr) -> Fraction:
        return self._by_atom.get(atom, Fraction(0))

    @property
    def contradictory(self) -> bool:
        return not self.coeffs and (self.constant < 0 or (self.strict and self.constant == 0))


def _row(coeffs: dict[sympy.Expr, Fraction], constant: Fraction, strict: bool, origin: frozenset[int]) -> _Row:
    kept = sorted(((a, c) for a, c in coeffs.items() if c != 0), key=lambda ac: sympy.default_sort_key(ac[0]))
    scale = abs(kept[0][1]) if kept else (abs(constant) or Fraction(1))
    return _Row(tuple((a, c / scale) for a, c in kept), constant / scale, strict, origin)


def _linear(expr: sympy.Expr) -> tuple[dict[sympy.Expr, Fraction], Fraction] | None:
    """``expr`` as rational coefficients of real atoms plus a rational constant, or None."""
    coeffs: dict[sympy.Expr, Fraction] = {}
    constant = Fraction(0)
    for term in sympy.Add.make_args(sympy.expand(expr)):
        coeff, atom = term.as_coeff_Mul()
        if not coeff.is_Rational:
            return None
        value = Fraction(int(coeff.p), int(coeff.q))
        if atom == 1:
            constant += value
        elif atom.is_extended_real is True and atom.is_finite is not False:
            coeffs[atom] = coeffs.get(atom, Fraction(0)) + value
        else:
            return None
    return coeffs, constant


def _rows(relation: sympy.Basic, index: int) -> list[_Row] | None:
    """The rows of one relation (an equality gives two), [] when it says nothing usable, None when false."""
    if relation == sympy.false:
        return None
    if not isinstance(relation, sympy.core.relational.Relational) or isinstance(relation, sympy.Unequality):
        return []
    big, small = (relation.lhs, relation.rhs) if isinstance(relation, (sympy.Gt, sympy.Ge, sympy.Eq)) \
        else (relation.rhs, relation.lhs)
    linear = _linear(big - small)
    if linear is None:
        return []
    coeffs, constant = linear
    strict = isinstance(relation, (sympy.Gt, sympy.Lt))
    origin = frozenset({index})
    rows = [_row(coeffs, constant, strict, origin)]
    if isinstance(relation, sympy.Eq):
        rows.append(_row({a: -c for a, c in coeffs.items()}, -constant, False, origin))
    return rows


def _sign_facts(atoms: Iterable[sympy.Expr]) -> list[tuple[str, sympy.Basic]]:
    """What SymPy knows about each atom's sign, as labelled relations."""
    facts: list[tuple[str, sympy.Basic]] = []
    for atom in sorted(set(atoms), key=sympy.default_sort_key):
        for known, relation, word in ((atom.is_positive, sympy.Gt, "positive"),
                                      (atom.is_negative, sympy.Lt, "negative")):
            if known:
                facts.append((_fact_label(atom, relation, word, strict=True), relation(atom, 0, evaluate=False)))
                break
        else:
            for known, relation, word in ((atom.is_nonnegative, sympy.Ge, "nonnegative"),
                                          (atom.is_nonpositive, sympy.Le, "nonpositive")):
                if known:
                    facts.append((_fact_label(atom, relation, word, strict=False), relation(atom, 0, evaluate=False)))
                    break
    return facts


def _fact_label(atom: sympy.Expr, relation: type, word: str, strict: bool) -> str:
    op = {sympy.Gt: ">", sympy.Lt: "<", sympy.Ge: ">=", sympy.Le: "<="}[relation]
    text = f"{sympy.sstr(atom)} {op} 0"
    return f"{text} (declared {word})" if atom.is_Symbol else text


def _eliminate(rows: list[_Row]) -> frozenset[int] | None:
    """The origin of a contradiction Fourier–Motzkin derives from ``rows``, or None."""
    while True:
        for row in rows:
            if row.contradictory:
                return row.origin
        atom = _cheapest(rows)
        if atom is None:
            return None
        upper = [r for r in rows if r.coefficient(atom) > 0]
        lower = [r for r in rows if r.coefficient(atom) < 0]
        rows = [r for r in rows if r.coefficient(atom) == 0] + [_combine(p, n, atom) for p in upper for n in lower]
        rows = list({(r.coeffs, r.constant, r.strict): r for r in rows}.values())
        if len(rows) > MAX_ROWS:
            return None


def _cheapest(rows: list[_Row]) -> sympy.Expr | None:
    """The atom whose elimination creates the fewest rows (then a fixed order, for determinism); None: no atom.

    One pass over the rows counts, for every atom, the rows where it has a positive and a
    negative coefficient (a chain of 300 assumptions has 600 rows and 300 atoms).
    """
    above: Counter[sympy.Expr] = Counter()
    below: Counter[sympy.Expr] = Counter()
    for row in rows:
        for atom, value in row.coeffs:
            (above if value > 0 else below)[atom] += 1
    atoms = above.keys() | below.keys()
    return min(atoms, key=lambda a: (above[a] * below[a], _sort_key(a))) if atoms else None


@lru_cache(maxsize=4096)
def _sort_key(atom: sympy.Expr) -> tuple:
    return sympy.default_sort_key(atom)


def _combine(p: _Row, n: _Row, atom: sympy.Expr) -> _Row:
    a, b = p.coefficient(atom), -n.coefficient(atom)
    coeffs: dict[sympy.Expr, Fraction] = {}
    for row, factor in ((p, b), (n, a)):
        for key, value in row.coeffs:
            coeffs[key] = coeffs.get(key, Fraction(0)) + factor * value
    coeffs.pop(atom, None)
    return _row(coeffs, b * p.constant + a * n.constant, p.strict or n.strict, p.origin | n.origin)


def _infeasible(rows_of: Sequence[list[_Row] | None], chosen: Iterable[int]) -> frozenset[int] | None:
    chosen = list(chosen)
    for index in chosen:
        if rows_of[index] is None:
            return frozenset({index})
    return _eliminate([row for index in chosen for row in rows_of[index] or ()])


def contradiction(relations: Sequence[tuple[str, sympy.Basic]]) -> tuple[str, ...] | None:
    """Labels of a minimal set of ``relations`` (plus the signs of their atoms) that cannot all hold.

    None when no contradiction is proved.  Atom sign facts that take part are labelled
    like ``x > 0 (declared positive)``.
    """
    labelled = list(relations)
    rows_of: list[list[_Row] | None] = [_rows(rel, i) for i, (_, rel) in enumerate(labelled)]
    atoms = {a for rows in rows_of for row in rows or () for a, _ in row.coeffs}
    for label, fact in _sign_facts(atoms):
        labelled.append((label, fact))
        rows_of.append(_rows(fact, len(labelled) - 1))
    origin = _infeasible(rows_of, range(len(labelled)))
    if origin is None:
        return None
    keep = sorted(origin)
    for index in list(keep):
        trial = [k for k in keep if k != index]
        if trial and _infeasible(rows_of, trial) is not None:
            keep = trial
    return tuple(labelled[k][0] for k in keep)
