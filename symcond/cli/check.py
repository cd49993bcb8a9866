"""``symcond check``: decide one relation between two expressions typed by a user.

All text goes through the restricted parser (:mod:`symcond.parse.grammar`); nothing is evaluated
as Python.  In physics mode (the default) a name the registry knows is that quantity (``c`` is the
speed of light, with its dimension and value) and :func:`run_check` reports which names were
taken from it; in plain-maths mode (``plain=True``, ``--plain``) every name is a plain positive
symbol, except ``E``, ``I`` and ``EulerGamma``, which are SymPy's constants
(:data:`~symcond.parse.functions.PLAIN_CONSTANTS`).

>>> out = check_texts("e**2*N*tau/(m*L**2)", "e**2*N*Gamma/h_s",
...                   given=["Gamma=l/L", "l=v*tau", "h_s=m*v*L"])
>>> out.verdict
<Verdict.HOLDS: 'holds'>
>>> registry_text(run_check("c", "1/sqrt(eps0*mu0)").registry)
'registry: c = speed of light in vacuum, eps0 = vacuum permittivity, mu0 = vacuum permeability'
>>> run_check("c**2", "c*c", plain=True).registry
()
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

import sympy

from symcond.budget import time_budget
from symcond.errors import BudgetExceeded, DefinitionError, ParseError
from symcond.ledger.workers import decide_in_worker
from symcond.model.context import Assumption, Context
from symcond.model.verdict import Evidence, Finding, Outcome, Verdict
from symcond.parse.functions import PLAIN_CONSTANTS, plain_symbol, positive_symbol
from symcond.parse.grammar import is_identifier, parse_expression, parse_relation
from symcond.prove import check_equality, check_inequality
from symcond.quantities.dimensions import Dim
from symcond.quantities.givens import parse_given
from symcond.quantities.registry import Quantity, Registry, dimension_from_name

__all__ = ["CheckRun", "Relation", "check_texts", "counterexample_text", "dimensions_text", "outcome_json",
           "parse_dimension", "registry_text", "run_check"]


class Relation(Enum):
    """The relation asserted between LHS and RHS."""

    EQ = "eq"
    LE = "le"
    LT = "lt"
    GE = "ge"
    GT = "gt"


#: Most ``--assume`` conditions one check accepts: a chain ``x0 < x1 < ... < x1000`` decides in about
#: 10 s on one core, and the work grows with the square of the number.
MAX_ASSUMPTIONS = 1000


def parse_dimension(text: str) -> Dim:
    """A dimension from names of SymPy dimensions combined with ``*``, ``/`` and ``**``.

    >>> print(parse_dimension("mass**2/(energy*time)"))
    kg m^-2 s
    """
    return dimension_from_name(text)


@dataclass(frozen=True)
class CheckRun:
    """A decided check and the quantities its texts took from the registry, in order of first use."""

    outcome: Outcome
    registry: tuple[Quantity, ...] = ()


class _Names:
    """How the names of one check resolve, recording the registry's quantities that were used.

    Physics mode: a registry name is its quantity, another name a positive symbol.  Plain-maths
    mode: the registry holds only the ``--dim`` declarations; other names are plain symbols or
    :data:`~symcond.parse.functions.PLAIN_CONSTANTS`.  Names declared by ``--dim`` are the
    user's, not the registry's, and are not recorded.
    """

    def __init__(self, registry: Registry, plain: bool, declared: set[str]) -> None:
        self.registry, self.plain, self._declared = registry, plain, declared
        self.used: dict[str, Quantity] = {}

    def __call__(self, name: str) -> sympy.Expr:
        found = self.registry.get(name)
        if found is None:
            return plain_symbol(name) if self.plain else positive_symbol(name)
        if name not in self._declared:
            self.used.setdefault(name, found)
        return found.symbol

    def check_name(self, name: str, option: str) -> None:
        """Refuse ``--given``/``--dim`` for a name that is a constant in plain-maths mode."""
        if self.plain and name in PLAIN_CONSTANTS:
            raise ParseError(f"{option} cannot define {name!r}: in plain-maths mode it is a constant")


def _names(dims: Sequence[str], plain: bool) -> _Names:
    """The registry of one check (the conventional symbols, or none when ``plain``) with the ``--dim`` declarations."""
    registry = Registry() if plain else Registry.default()
    declared: set[str] = set()
    names = _Names(registry, plain, declared)
    for item in dims:
        name, sep, dimension = item.partition("=")
        name = name.strip()
        if not sep or not is_identifier(name):
            raise ParseError(f"--dim {item!r} must look like NAME=DIMENSION, e.g. v_p=length/time")
        names.check_name(name, "--dim")
        registry.declare(name, parse_dimension(dimension))
        declared.add(name)
    return names


def _relation_text(text: str) -> str:
    return text if re.search(r"[<>!=]=|[<>]", text) else text.replace("=", "==", 1)


def build_context(given: Sequence[str], assume: Sequence[str], dims: Sequence[str], budget: float, *,
                  plain: bool = False) -> Context:
    """The registry with ``--dim`` declarations, ``--given`` definitions and ``--assume`` conditions.

    A name that only a ``--given`` defines takes the sign its definition implies (positive,
    nonnegative, real, or none), not the default positive: ``sqrt(a**2)`` with
    ``a = b - c`` must stay ``Abs(a)``.  Declared names (the registry's, ``--dim``) keep
    their declaration.

    >>> ctx = build_context(["a=b-c"], [], [], 5.0)
    >>> [(s, s.is_positive, s.is_real) for s in ctx.givens]
    [(a, None, True)]
    """
    return _context(given, assume, budget, _names(dims, plain))


def _context(given: Sequence[str], assume: Sequence[str], budget: float, names: _Names) -> Context:
    if len(assume) > MAX_ASSUMPTIONS:
        raise DefinitionError(f"at most {MAX_ASSUMPTIONS} --assume conditions are accepted (got {len(assume)})")
    givens = _parse_givens(given, names)
    resolve = _resolver(names, givens)
    assumptions = tuple(Assumption(t.strip(), parse_relation(_relation_text(t), resolve)) for t in assume)
    return Context(names.registry, givens, assumptions, budget)


def _resolver(names: _Names, givens: Mapping[sympy.Symbol, sympy.Expr]) -> Callable[[str], sympy.Expr]:
    """Names defined by ``--given`` resolve to their own symbols, others as ``names`` says."""
    defined = {symbol.name: symbol for symbol in givens}
    return lambda name: defined[name] if name in defined else names(name)


def _parse_givens(texts: Sequence[str], names: _Names) -> dict[sympy.Symbol, sympy.Expr]:
    """``--given`` definitions parsed in dependency order, each name with the sign of its definition."""
    drafts: dict[str, tuple[str, set[str]]] = {}
    defined = {text.partition("=")[0].strip() for text in texts}  # NAME=3*UNIT: UNIT is no unit if defined here
    for text in texts:
        name, expr = parse_given(text, names, names.registry, defined)
        names.check_name(name, "--given")
        if name in drafts:
            raise DefinitionError(f"--given defines {name!r} twice")
        drafts[name] = (text, {s.name for s in expr.free_symbols})  # type: ignore[attr-defined]
    order = _dependency_order({name: uses for name, (_, uses) in drafts.items()})
    givens: dict[sympy.Symbol, sympy.Expr] = {}
    for name in order or drafts:  # a cycle: parse as written and let the Context report it
        resolve = _resolver(names, givens) if order else names
        _, expr = parse_given(drafts[name][0], resolve, names.registry, defined)
        symbol = resolve(name) if name in names.registry or not order else _implied_symbol(name, expr)
        givens[symbol] = expr  # type: ignore[index]
    return givens


def _implied_symbol(name: str, value: sympy.Expr) -> sympy.Symbol:
    """A symbol ``name`` with the strongest sign SymPy proves for ``value``."""
    for fact in ("positive", "nonnegative", "real"):
        if getattr(value, f"is_{fact}") is True:
            return sympy.Symbol(name, **{fact: True})
    return sympy.Symbol(name)


def _dependency_order(uses: Mapping[str, set[str]]) -> list[str] | None:
    """Names so that each comes after the defined names its definition uses; None on a cycle."""
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(name: str) -> bool:
        if state.get(name) == "open":
            return False
        if state.get(name) != "done":
            state[name] = "open"
            if not all(visit(used) for used in sorted(uses[name] & uses.keys())):
                return False
            state[name] = "done"
            order.append(name)
        return True

    return order if all(visit(name) for name in uses) else None


def check_texts(lhs: str, rhs: str, relation: Relation = Relation.EQ, given: Sequence[str] = (),
                assume: Sequence[str] = (), dims: Sequence[str] = (), budget: float = 5.0,
                total_budget: float = 60.0, *, plain: bool = False) -> Outcome:
    """Parse and decide ``lhs <relation> rhs``; a run past ``total_budget`` s is undecided."""
    return run_check(lhs, rhs, relation, given, assume, dims, budget, total_budget, plain=plain).outcome


def run_check(lhs: str, rhs: str, relation: Relation = Relation.EQ, given: Sequence[str] = (),
              assume: Sequence[str] = (), dims: Sequence[str] = (), budget: float = 5.0,
              total_budget: float = 60.0, *, plain: bool = False) -> CheckRun:
    """As :func:`check_texts`, with the quantities the texts took from the registry (none when ``plain``)."""
    names = _names(dims, plain)
    ctx = _context(given, assume, budget, names)
    resolve = _resolver(names, ctx.givens)
    left, right = parse_expression(lhs, resolve), parse_expression(rhs, resolve)
    if not total_budget > 0:
        raise DefinitionError(f"the total budget must be a positive number of seconds (got {total_budget!r})")
    outcome = decide_in_worker(lambda: _soft(left, right, relation, ctx, total_budget),
                               total_budget + HARD_GRACE, "the check")
    return CheckRun(outcome, tuple(names.used.values()))


#: Seconds the worker process gets past ``total_budget`` to report by itself before it is killed.
HARD_GRACE = 1.0


def _soft(left: sympy.Expr, right: sympy.Expr, relation: Relation, ctx: Context, total_budget: float) -> Outcome:
    """The check under the interrupting (soft) budget; the worker's hard limit backs it up."""
    try:
        with time_budget(total_budget, "check"):
            return _decide(left, right, relation, ctx)
    except BudgetExceeded as exc:
        return Outcome(Verdict.UNDECIDED, Evidence(reason=str(exc), finding=Finding.BUDGET_EXCEEDED))
    except RecursionError:
        return Outcome(Verdict.UNDECIDED, Evidence(reason="expression too deeply nested to analyse",
                                                   finding=Finding.UNSUPPORTED))


def _decide(left: sympy.Expr, right: sympy.Expr, relation: Relation, ctx: Context) -> Outcome:
    if relation is Relation.EQ:
        return check_equality(left, right, ctx)
    return check_inequality(left, right, ctx, strict=relation in (Relation.LT, Relation.GT),
                            greater=relation in (Relation.GE, Relation.GT))


def outcome_json(outcome: Outcome, registry: Sequence[Quantity] = ()) -> str:
    """The one JSON object printed by ``symcond check --json``.

    Its ``registry`` maps each name taken from the registry to the quantity's description;
    ``counterexample_units`` maps each counterexample entry with a dimension to its SI unit, and
    ``counterexample_codata`` lists the coordinates set at their CODATA value.
    """
    ev, shown = outcome.evidence, outcome.evidence.shown()
    record: dict[str, Any] = {
        "verdict": outcome.verdict.value, "conditions": list(ev.conditions), "ratio": shown.ratio,
        "residual": shown.residual, "counterexample": shown.counterexample,
        "counterexample_units": shown.units, "counterexample_codata": list(shown.constants),
        "lhs_dimension": shown.lhs_dimension, "rhs_dimension": shown.rhs_dimension, "detail": ev.reason,
        "registry": {quantity.name: quantity.description for quantity in registry},
    }
    return json.dumps(record)


def dimensions_text(evidence: Evidence) -> str | None:
    """The line with the SI units of both sides, named where SI names them (``V`` for ``kg m^2 s^-3 A^-1``).

    >>> from sympy.physics.units import voltage
    >>> dimensions_text(Evidence(lhs_dimension=Dim.of(voltage), rhs_dimension=None))
    'dimensions: lhs V, rhs unknown'
    """
    lhs, rhs = evidence.lhs_dimension, evidence.rhs_dimension
    if lhs is None and rhs is None:
        return None
    return "dimensions: " + ", ".join(f"{side} {'unknown' if dim is None else dim.unit_name()}"
                                      for side, dim in (("lhs", lhs), ("rhs", rhs)))


def counterexample_text(evidence: Evidence) -> str | None:
    """The line with the counterexample and its SI units (``counterexample: T = 275.3 K, e = ... C (CODATA)``)."""
    shown = evidence.shown()
    return None if not shown.counterexample else f"counterexample: {shown.point_text()}"


def registry_text(registry: Sequence[Quantity]) -> str | None:
    """The line naming the quantities taken from the registry (``registry: c = speed of light in vacuum``), or None."""
    if not registry:
        return None
    return "registry: " + ", ".join(f"{q.name} = {q.description}" if q.description else q.name for q in registry)
