"""A paper: its symbols, its stated assumptions and its claims, in the paper's order.

Derivation files build one :class:`Paper` declaratively::

    paper = Paper("demo2026", title="A demo")
    e, h = paper.symbols("e h")
    paper.equality("eq1", e**2 / h, e**2 / h, where="Eq. (1)")

>>> paper = Paper("demo2026", title="A demo")
>>> e, h = paper.symbols("e h")
>>> claim = paper.equality("eq1", 2 * e**2 / h, e**2 / h, where="Eq. (1)")
>>> claim.id, paper.check(claim).evidence.ratio
('demo2026:eq1', '2')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import sympy

from symcond.claims import (
    Asymptotic,
    Claim,
    DimensionClaim,
    Equality,
    EqualityIff,
    Independence,
    Inequality,
    Limit,
    NumericValue,
)
from symcond.context import Assumption, Context
from symcond.derivation import Derivation, Step
from symcond.dimensions import DIMENSIONLESS, Dim
from symcond.errors import DefinitionError
from symcond.symbols import Registry, dimension_from_name
from symcond.verdict import Outcome

__all__ = ["Paper"]

_KEY = re.compile(r"[a-z][a-z0-9_]*\Z")
_LOCAL_ID = re.compile(r"(eq\d+[a-z]?|table\d+:[A-Za-z0-9_-]+|fig\d+|text|sec\d+)(\.[A-Za-z0-9_-]+)*\Z")


class Paper:
    """The claims of one paper, with the registry and assumptions they are checked in.

    Parameters
    ----------
    key : str
        Paper key used as id prefix (``"reggiani2026"``).
    title, reference : str
        For reports.
    budget : float
        Seconds allowed for each symbolic operation of each claim.
    """

    def __init__(self, key: str, title: str = "", reference: str = "", budget: float = 5.0) -> None:
        if not _KEY.match(key):
            raise DefinitionError(f"paper key {key!r} must be lower-case letters, digits and '_'")
        self.key, self.title, self.reference, self.budget = key, title, reference, budget
        self.registry = Registry.default()
        self._assumptions: dict[str, Assumption] = {}
        self._claims: dict[str, Claim] = {}

    def __repr__(self) -> str:
        return f"Paper({self.key!r}, {len(self._claims)} claims)"

    def symbols(self, names: str) -> tuple[sympy.Symbol, ...]:
        """Symbols of declared quantities, from a space-separated list."""
        return self.registry.symbols(names)

    def declare(self, name: str, dimension: Any = 1, description: str = "", **kw: Any) -> sympy.Symbol:
        """Declare a paper-specific quantity (see :meth:`Registry.declare`)."""
        return self.registry.declare(name, dimension, description, **kw)

    def assume(self, name: str, relation: sympy.Basic) -> Assumption:
        """Record an assumption the paper states; claims may need it (``holds-under``).

        The assumptions of a claim (all of the paper's, unless the claim names some) hold
        together: regimes that exclude each other (``Gamma = 1``, ``Gamma = l/L``) are named
        per claim with ``assumptions=``, or they contradict each other.
        """
        if name in self._assumptions:
            raise DefinitionError(f"assumption {name!r} is stated twice in {self.key}")
        self._assumptions[name] = Assumption(name, relation)
        return self._assumptions[name]

    @property
    def assumptions(self) -> tuple[Assumption, ...]:
        """All stated assumptions, in order."""
        return tuple(self._assumptions.values())

    @property
    def claims(self) -> tuple[Claim, ...]:
        """All claims, in the paper's order."""
        return tuple(self._claims.values())

    def __iter__(self) -> Iterator[Claim]:
        return iter(self._claims.values())

    def claim(self, claim_id: str) -> Claim:
        """A claim by full or local id."""
        full = claim_id if claim_id.startswith(self.key + ":") else f"{self.key}:{claim_id}"
        try:
            return self._claims[full]
        except KeyError:
            raise DefinitionError(f"no claim {claim_id!r} in {self.key}") from None

    def add(self, claim: Claim) -> Claim:
        """Register a claim, prefixing its id with the paper key."""
        local = claim.id.removeprefix(self.key + ":")
        if not _LOCAL_ID.match(local):
            raise DefinitionError(f"claim id {claim.id!r} must look like eq<N>[.tag], table<N>:<row> or fig<N>")
        full = f"{self.key}:{local}"
        if full in self._claims:
            raise DefinitionError(f"claim id {full!r} is used twice")
        for name in claim.assumptions or ():
            if name not in self._assumptions:
                raise DefinitionError(f"claim {full!r} refers to the unknown assumption {name!r}")
        object.__setattr__(claim, "id", full)
        self._claims[full] = claim
        return claim

    def context(self, claim: Claim) -> Context:
        """The context in which ``claim`` is decided."""
        names = claim.assumptions if claim.assumptions is not None else tuple(self._assumptions)
        return Context(self.registry, claim.givens, tuple(self._assumptions[n] for n in names), self.budget)

    def check(self, claim: Claim) -> Outcome:
        """Decide one claim of this paper."""
        return claim.decide(self.context(claim))

    # Declarative helpers, one per claim kind.
    def equality(self, id: str, lhs: Any, rhs: Any, **kw: Any) -> Claim:
        """Claim ``lhs == rhs``."""
        return self.add(Equality(lhs, rhs, id=id, **kw))

    def inequality(self, id: str, lhs: Any, rhs: Any, strict: bool = False, **kw: Any) -> Claim:
        """Claim ``lhs <= rhs`` (``<`` when strict)."""
        return self.add(Inequality(lhs, rhs, strict, id=id, **kw))

    def equality_iff(self, id: str, lhs: Any, rhs: Any, condition: sympy.Equality, **kw: Any) -> Claim:
        """Claim ``lhs == rhs`` exactly when ``condition``."""
        return self.add(EqualityIff(lhs, rhs, condition, id=id, **kw))

    def limit(self, id: str, expr: Any, var: sympy.Symbol, point: Any, value: Any, **kw: Any) -> Claim:
        """Claim ``lim_{var->point} expr == value``."""
        return self.add(Limit(expr, var, point, value, id=id, **kw))

    def asymptotic(self, id: str, expr: Any, var: sympy.Symbol, point: Any, value: Any, **kw: Any) -> Claim:
        """Claim ``expr ~ value`` as ``var -> point``."""
        return self.add(Asymptotic(expr, var, point, value, id=id, **kw))

    def independent(self, id: str, expr: Any, var: sympy.Symbol, **kw: Any) -> Claim:
        """Claim that ``expr`` does not depend on ``var``."""
        return self.add(Independence(expr, var, id=id, **kw))

    def value(self, id: str, expr: Any, stated: str, unit: str | Dim | int | None = None, **kw: Any) -> Claim:
        """Claim that ``expr`` (CODATA values) rounds to the printed ``stated`` in ``unit``."""
        return self.add(NumericValue(expr, stated, _dim(unit), id=id, **kw))

    def dimension(self, id: str, expr: Any, dimension: str | Dim | int, **kw: Any) -> Claim:
        """Claim that ``expr`` has the SI ``dimension``."""
        return self.add(DimensionClaim(expr, _dim(dimension), id=id, **kw))  # type: ignore[arg-type]

    def derivation(self, id: str, start: Any, *steps: Step, **kw: Any) -> Claim:
        """A derivation ``start -> steps``; each step is checked on its own."""
        return self.add(Derivation(start=start, steps=steps, id=id, **kw))


def _dim(unit: str | Dim | int | None) -> Dim | None:
    if isinstance(unit, str):
        return dimension_from_name(unit)
    if isinstance(unit, int) and not isinstance(unit, bool) and unit == 1:
        return DIMENSIONLESS
    return unit  # type: ignore[return-value]
