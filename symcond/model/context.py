"""The setting in which a claim is checked: symbols, given definitions, stated assumptions.

A :class:`Context` bundles the :class:`~symcond.quantities.registry.Registry` (dimensions, values,
defining relations), the ``given`` substitutions of a claim (``Gamma = l/L``), the
paper's stated :class:`Assumption` s, the time budget and the numeric settings.

>>> import sympy
>>> reg = Registry.default()
>>> G, l, L = sympy.Symbol("Gamma", positive=True), *reg.symbols("l L")
>>> ctx = Context(reg, givens={G: l / L})
>>> ctx.prepare(G * L)
l
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import sympy

from symcond.budget import run_with_budget
from symcond.errors import DefinitionError
from symcond.numeric.sampling import MIN_DIGITS, Sampler
from symcond.parse.substitute import bounded_xreplace
from symcond.quantities.dimensions import Dim, dimension_of
from symcond.quantities.givens import si_givens
from symcond.quantities.registry import Registry

__all__ = ["Assumption", "Context"]

_MAX_SUBSTITUTION_ROUNDS = 32


@dataclass(frozen=True)
class Assumption:
    """A named condition a paper states (``"ballistic"``: Gamma = 1; ``tau_in <= tau_el``).

    Equalities act as substitutions (their left side, a symbol, is replaced); inequalities
    restrict the admissible points and are used by the inequality prover.
    """

    name: str
    relation: sympy.Basic

    def __post_init__(self) -> None:
        if not isinstance(self.relation, sympy.core.relational.Relational):
            raise DefinitionError(f"assumption {self.name!r} must be a relation (got {self.relation})")
        if self.is_equality and not self.relation.lhs.is_Symbol:  # type: ignore[attr-defined]
            raise DefinitionError(f"assumption {self.name!r}: the left side of an equality must be a symbol")

    @property
    def is_equality(self) -> bool:
        """True for ``Eq(symbol, expr)`` assumptions."""
        return isinstance(self.relation, sympy.Equality)

    def __str__(self) -> str:
        return f"{self.name}: {_relation_text(self.relation)}"


def _relation_text(rel: sympy.Basic) -> str:
    ops = {"Equality": "=", "LessThan": "<=", "StrictLessThan": "<", "GreaterThan": ">=",
           "StrictGreaterThan": ">"}
    return f"{rel.lhs} {ops[type(rel).__name__]} {rel.rhs}"  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Context:
    """Everything a check needs besides the claim itself.

    Attributes
    ----------
    registry : Registry
        Dimensions, SI values and defining relations of symbols.
    givens : mapping
        Substitutions symbol -> expression applied before checking (claim definitions); a number
        with a unit (``300*kelvin``, ``"300 K"``) is converted to SI.
    assumptions : tuple of Assumption
        Stated assumptions the engine may use to establish ``holds-under``.
    budget : float
        Seconds allowed for each symbolic operation (simplify, limit, integrate).
    dps : int
        Decimal digits of the numeric confirmation (at least 30).
    points : int
        Number of random points for confirmation.
    """

    registry: Registry = field(default_factory=Registry.default)
    givens: Mapping[sympy.Symbol, sympy.Expr] = field(default_factory=dict)
    assumptions: tuple[Assumption, ...] = ()
    budget: float = 5.0
    dps: int = 40
    points: int = 6
    search_points: int = 24
    sampler: Sampler = field(default_factory=Sampler)
    #: prepared expression -> the forms it had before numeric givens were substituted (for its dimension)
    _before_numbers: dict[sympy.Expr, set[sympy.Expr]] = field(default_factory=dict, init=False, repr=False,
                                                               compare=False)

    def __post_init__(self) -> None:
        if self.dps < MIN_DIGITS:
            raise DefinitionError(f"'dps' must be at least {MIN_DIGITS} (got {self.dps})")
        if not self.budget > 0:
            raise DefinitionError(f"'budget' must be positive (got {self.budget})")
        givens = si_givens(self.givens, self.registry)  # a number with a unit (300*kelvin, "300 K") in SI
        givens = _without_restatements(givens, self.registry.definitions(), self.budget)
        object.__setattr__(self, "givens", MappingProxyType(givens))
        _check_acyclic(self.givens)

    def with_assumptions(self, assumptions: Iterable[Assumption]) -> Context:
        """A copy with a different set of stated assumptions."""
        return Context(self.registry, self.givens, tuple(assumptions), self.budget, self.dps, self.points,
                       self.search_points, self.sampler)

    def substitutions(self, active: Iterable[Assumption] = ()) -> dict[sympy.Symbol, sympy.Expr]:
        """Givens, equality assumptions and registry definitions, as one mapping."""
        subs: dict[sympy.Symbol, sympy.Expr] = dict(self.registry.definitions())
        subs.update(self.givens)
        for assumption in active:
            if assumption.is_equality:
                subs[assumption.relation.lhs] = assumption.relation.rhs  # type: ignore[attr-defined]
        return subs

    def prepare(self, expr: sympy.Expr, active: Iterable[Assumption] = ()) -> sympy.Expr:
        """``expr`` with all substitutions applied until nothing changes.

        Each round is :func:`~symcond.parse.caps.bounded_xreplace`: a substitution that would
        build a number, exponent or expression beyond the parser's limits raises
        :class:`~symcond.errors.DefinitionError` instead of computing it.
        """
        subs = self.substitutions(active)
        numeric = {s for s, v in self.givens.items() if v.is_number and not self._dimensionless(s)}
        if not numeric & subs.keys():
            return _expanded(sympy.sympify(expr), subs)
        symbolic = _expanded(sympy.sympify(expr), {s: v for s, v in subs.items() if s not in numeric})
        prepared = _expanded(symbolic, subs)
        self._before_numbers.setdefault(prepared, set()).add(symbolic)
        return prepared

    def dimension(self, expr: sympy.Expr) -> Dim | None:
        """SI dimension of an expression (None if some symbol has no declared dimension).

        For an expression :meth:`prepare` made, the dimension is that of its form before numeric
        givens (``T = 300``, from ``"300 K"``) were substituted: a number has no dimension.
        """
        if expr in self._before_numbers:
            found = {dimension_of(before, self._lookup) for before in self._before_numbers[expr]}
            return found.pop() if len(found) == 1 else None
        return dimension_of(expr, self._lookup)

    def _dimensionless(self, symbol: sympy.Symbol) -> bool:
        dimension = self.registry.dimension(symbol)
        return dimension is None or dimension.is_dimensionless

    def _lookup(self, symbol: sympy.Symbol) -> Dim | None:
        return self.registry.dimension(symbol)


def _reaches(value: sympy.Expr, target: sympy.Symbol, definitions: Mapping[sympy.Symbol, sympy.Expr]) -> bool:
    """True when ``value``, expanded through ``definitions``, mentions ``target``."""
    seen: set[sympy.Symbol] = set()
    todo = [s for s in value.free_symbols if isinstance(s, sympy.Symbol)]
    while todo:
        symbol = todo.pop()
        if symbol == target:
            return True
        if symbol in seen or symbol not in definitions:
            continue
        seen.add(symbol)
        todo.extend(s for s in definitions[symbol].free_symbols if isinstance(s, sympy.Symbol))
    return False


def _expanded(value: sympy.Expr, definitions: Mapping[sympy.Symbol, sympy.Expr]) -> sympy.Expr:
    """``value`` with ``definitions`` substituted until nothing changes, each round bounded.

    Raises
    ------
    DefinitionError
        When a round would build something beyond the parser's limits
        (:func:`~symcond._limits.bounded_xreplace`), or after
        :data:`_MAX_SUBSTITUTION_ROUNDS` rounds that still change it.
    """
    current = value
    for _ in range(_MAX_SUBSTITUTION_ROUNDS):
        following = bounded_xreplace(current, definitions)
        if following == current:
            return following
        current = following
    raise DefinitionError(f"substitutions do not terminate on {value}")


def _without_restatements(givens: dict[sympy.Symbol, sympy.Expr], definitions: Mapping[sympy.Symbol, sympy.Expr],
                          budget: float) -> dict[sympy.Symbol, sympy.Expr]:
    """``givens`` without those that restate the registry's definitions (``c = 1/sqrt(eps0*mu0)``).

    A given whose value leads back to its own symbol through the registry's defining relations
    (``mu0 = 1/(eps0*c**2)``) would make the substitutions circular.  When the value, expanded
    through those relations, simplifies to the symbol itself, the given says what the registry
    already says and is dropped; otherwise it contradicts the registry: DefinitionError.

    >>> from symcond.quantities.registry import Registry
    >>> reg = Registry.default()
    >>> c, eps0, mu0 = reg.symbols("c eps0 mu0")
    >>> _without_restatements({c: 1 / sympy.sqrt(eps0 * mu0)}, reg.definitions(), 5.0)
    {}
    """
    kept: dict[sympy.Symbol, sympy.Expr] = {}
    for symbol, value in givens.items():
        own = {s: v for s, v in definitions.items() if s != symbol}
        if symbol in definitions:  # the registry defines it already: the given must say the same
            gap = _expanded(definitions[symbol], own) - _expanded(value, own)
            same = run_with_budget(lambda g=gap: sympy.simplify(g) == 0,  # type: ignore[misc]
                                   budget, f"comparing the given {symbol} with the registry")
            if not same:
                raise DefinitionError(f"the given {symbol} = {sympy.sstr(value)} contradicts the registry's"
                                      f" definition {symbol} = {sympy.sstr(definitions[symbol])}")
            continue
        if symbol in value.free_symbols or not _reaches(value, symbol, own):  # a direct loop is circular
            kept[symbol] = value
            continue
        expanded = _expanded(value, own)
        same = run_with_budget(lambda e=expanded, s=symbol: sympy.simplify(e - s) == 0, budget,  # type: ignore[misc]
                               f"comparing the given {symbol} with the registry")
        if not same:
            relations = ", ".join(f"{s} = {sympy.sstr(v)}" for s, v in own.items()
                                  if _reaches(value, s, own) and _reaches(v, symbol, own))
            raise DefinitionError(
                f"the given {symbol} = {sympy.sstr(value)} is circular with the registry's definitions"
                f" ({relations}) and does not restate them (it makes {symbol} = {sympy.sstr(expanded)})")
    return kept


def _check_acyclic(givens: Mapping[sympy.Symbol, sympy.Expr]) -> None:
    graph = {s: {d for d in e.free_symbols if d in givens} for s, e in givens.items()}
    for start in graph:
        path = [start]
        _walk_cycle(graph, start, path, set())


def _walk_cycle(graph: Mapping[sympy.Symbol, set[sympy.Symbol]], node: sympy.Symbol,
                path: list[sympy.Symbol], done: set[sympy.Symbol]) -> None:
    for nxt in sorted(graph[node], key=str):
        if nxt in path:
            cycle = " -> ".join(str(s) for s in [*path[path.index(nxt):], nxt])
            raise DefinitionError(f"given definitions are circular: {cycle}")
        if nxt not in done:
            _walk_cycle(graph, nxt, [*path, nxt], done)
            done.add(nxt)
