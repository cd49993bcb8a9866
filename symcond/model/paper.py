"""A paper: its symbols, its stated assumptions and its claims, in the paper's order.

Derivation files build one :class:`Paper` declaratively::

    paper = Paper("demo2026", title="A demo")
    e, h = paper.symbols("e h")
    paper.equality("eq1", e**2 / h, e**2 / h, where="Eq. (1)")

>>> paper = Paper("demo2026", title="A demo")
>>> e, h = paper.symbols("e h")
>>> claim = paper.equality("eq1", 2 * e**2 / h, e**2 / h, where="Eq. (1)")
>>> claim.id, claim.kind.value
('demo2026:eq1', 'equality')
>>> paper.limit("eq2", e / h, var=h, point=sympy.oo, value=0).id
'demo2026:eq2'

Every claim method takes ``role=`` for what the paper takes as given rather than derives --
``"postulate"`` (a premise: Das & Green's Eq. (6)) or ``"definition"`` (``l = v tau``) -- and
:meth:`Paper.data` quotes external data; their verdicts (``postulate``, ``definition``,
``data``) are counted apart from computed ones.

>>> paper.inequality("eq3", h, 2 * h, role="postulate").expect.verdicts
frozenset({<Verdict.POSTULATE: 'postulate'>})

Decide claims with :func:`symcond.decide` (``decide(claim, paper)``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import sympy

from symcond.errors import DefinitionError, DimensionError, SymcondError
from symcond.model.claims import (
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
from symcond.model.context import Assumption, Context
from symcond.model.data import DataValue
from symcond.model.derivation import Derivation, Step
from symcond.model.figures import SubbandFigure
from symcond.model.solver_claims import KineticClaim, KineticProperty
from symcond.model.tables import Table
from symcond.model.verdict import Expect
from symcond.quantities.dimensions import DIMENSIONLESS, Dim
from symcond.quantities.givens import si_givens
from symcond.quantities.registry import Registry, dimension_from_name
from symcond.quantities.units import parse_unit, split_quantity

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
    plain : bool
        Plain-maths mode: the registry starts empty instead of with the conventional physics
        symbols (:meth:`Registry.default`), and :meth:`symbols` makes every name it does not know
        a dimensionless positive symbol (``c`` is not the speed of light).  :meth:`declare` still
        gives a symbol a dimension.

    Examples
    --------
    >>> c, = Paper("maths2026", plain=True).symbols("c")
    >>> c.is_positive, Paper("maths2026", plain=True).registry.get("c") is None
    (True, True)
    >>> Paper("phys2026").registry.get("c").description
    'speed of light in vacuum'
    """

    def __init__(self, key: str, title: str = "", reference: str = "", budget: float = 5.0, *,
                 plain: bool = False) -> None:
        if not _KEY.match(key):
            raise DefinitionError(f"paper key {key!r} must be lower-case letters, digits and '_'")
        self.key, self.title, self.reference, self.budget = key, title, reference, budget
        self.plain = plain
        self.registry = Registry() if plain else Registry.default()
        self._assumptions: dict[str, Assumption] = {}
        self._claims: dict[str, Claim] = {}
        self._tables: dict[int, Table] = {}
        self._figures: dict[int, SubbandFigure] = {}

    def __repr__(self) -> str:
        count = len(self._claims)
        return f"Paper({self.key!r}, {count} claim{'s' * (count != 1)})"

    def symbols(self, names: str) -> tuple[sympy.Symbol, ...]:
        """Symbols of declared quantities, from a space-separated list (any name in plain-maths mode)."""
        if self.plain:
            for name in names.split():
                if name not in self.registry:
                    self.registry.declare(name, DIMENSIONLESS, "plain symbol")
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

    def latex_names(self) -> dict[sympy.Symbol, str]:
        """The LaTeX of every symbol the paper knows (registry and declarations)."""
        return {q.symbol: q.latex for q in self.registry}

    def add(self, claim: Claim) -> Claim:
        """Register a claim; a local id gets the paper key as prefix (in a new claim, never by mutation).

        A claim without a statement of its own gets one generated from its expressions, with the
        paper's LaTeX symbol names (``\\varepsilon_0``, not ``eps0``).
        """
        local = claim.id.removeprefix(self.key + ":")
        if not _LOCAL_ID.match(local):
            raise DefinitionError(f"claim id {claim.id!r} must look like eq<N>[.tag], table<N>:<row> or fig<N>")
        full = f"{self.key}:{local}"
        if full in self._claims:
            raise DefinitionError(f"claim id {full!r} is used twice")
        _check_expect(full, claim.expect)
        for name in claim.assumptions or ():
            if name not in self._assumptions:
                raise DefinitionError(f"claim {full!r} refers to the unknown assumption {name!r}")
        changes: dict[str, Any] = {"id": full} if claim.id != full else {}
        givens = self._si_givens(full, claim)
        if givens != dict(claim.givens):
            changes["givens"] = givens
        if claim.statement == claim.latex():  # generated: print it with the paper's symbol names
            changes["statement"] = claim.latex(self.latex_names())
        if changes:
            claim = dataclasses.replace(claim, **changes)
        self._claims[full] = claim
        return claim

    def attach_table(self, table: Table) -> Table:
        """Attach a printed table after checking that its claim cells name claims of this paper.

        Raises
        ------
        DefinitionError
            When a claim cell names no claim of the paper, a row has the wrong number of texts,
            or the table number is used twice.
        """
        texts = sum(1 for c in table.columns if c.claim is None)
        for row in table.rows:
            if len(row.texts) != texts:
                raise DefinitionError(f"row {row.key!r} of table {table.number} must have {texts} texts "
                                      f"(got {len(row.texts)})")
            for column in table.columns:
                if column.claim is not None:
                    self.claim(table.claim_id(self, row, column))
        if table.number in self._tables:
            raise DefinitionError(f"table {table.number} is attached to {self.key} twice")
        self._tables[table.number] = table
        return table

    @property
    def tables(self) -> tuple[Table, ...]:
        """The attached tables, by number."""
        return tuple(self._tables[n] for n in sorted(self._tables))

    def attach_figure(self, figure: SubbandFigure) -> SubbandFigure:
        """Attach a figure declaration (:mod:`symcond.model.figures`); its key is ``<paper key>:fig<number>``.

        Raises
        ------
        DefinitionError
            When the figure number is used twice.
        """
        if figure.number in self._figures:
            raise DefinitionError(f"figure {figure.number} is attached to {self.key} twice")
        self._figures[figure.number] = figure
        return figure

    @property
    def figures(self) -> tuple[SubbandFigure, ...]:
        """The attached figures, by number."""
        return tuple(self._figures[n] for n in sorted(self._figures))

    def context(self, claim: Claim) -> Context:
        """The context in which ``claim`` is decided."""
        names = claim.assumptions if claim.assumptions is not None else tuple(self._assumptions)
        return Context(self.registry, claim.givens, tuple(self._assumptions[n] for n in names), self.budget)

    # Declarative helpers, one per claim kind.  Arguments whose order is not obvious are keywords.
    def equality(self, id: str, lhs: Any, rhs: Any, **kw: Any) -> Claim:
        """Claim ``lhs == rhs``."""
        return self.add(Equality(lhs, rhs, id=self._full(id), **kw))

    def inequality(self, id: str, lhs: Any, rhs: Any, *, relation: str | None = None, strict: bool = False,
                   **kw: Any) -> Claim:
        r"""Claim ``lhs <relation> rhs``, the relation as printed: ``"<="`` (the default), ``"<"``, ``">="``, ``">"``.

        ``"≤"`` and ``"≥"`` are read as ``"<="`` and ``">="``; ``strict=True`` without a
        relation means ``"<"``.  Any other relation is a DefinitionError naming it.  The ledger
        prints the statement as written (``a \geq b``, not ``b \leq a``).

        >>> paper = Paper("demo2026", plain=True)
        >>> mu, E_c = paper.symbols("mu E_c")
        >>> paper.inequality("eq1", mu + E_c, E_c, relation=">").statement
        'E_{c} + \\mu > E_{c}'
        """
        return self.add(Inequality(lhs, rhs, strict, relation, id=self._full(id), **kw))

    def equality_iff(self, id: str, lhs: Any, rhs: Any, *, condition: sympy.Equality, **kw: Any) -> Claim:
        """Claim ``lhs == rhs`` exactly when ``condition``."""
        return self.add(EqualityIff(lhs, rhs, condition, id=self._full(id), **kw))

    def limit(self, id: str, expr: Any, *, var: sympy.Symbol, point: Any, value: Any, **kw: Any) -> Claim:
        """Claim ``lim_{var->point} expr == value``."""
        return self.add(Limit(expr, var, point, value, id=self._full(id), **kw))

    def asymptotic(self, id: str, expr: Any, *, var: sympy.Symbol, point: Any, value: Any, **kw: Any) -> Claim:
        """Claim ``expr ~ value`` as ``var -> point``."""
        return self.add(Asymptotic(expr, var, point, value, id=self._full(id), **kw))

    def independent(self, id: str, expr: Any, *, of: sympy.Symbol, **kw: Any) -> Claim:
        """Claim that ``expr`` does not depend on the variable ``of``."""
        return self.add(Independence(expr, of, id=self._full(id), **kw))

    def value(self, id: str, expr: Any, stated: str, *, unit: str | Dim | int | None = None, **kw: Any) -> Claim:
        """Claim that ``expr`` (CODATA values) rounds to the printed ``stated`` in ``unit``.

        The unit may be printed with the number (``"12.906 kOhm"``) or given as ``unit=`` (a unit
        such as ``"kOhm"`` or ``"W/K"``, or dimension names such as ``"power/temperature"``, which
        stand for the coherent SI unit); see :func:`symcond.quantities.units.parse_unit`.
        """
        if not isinstance(stated, str):  # a float has lost the printed digits (12.90 is 12.9)
            raise DefinitionError(f"claim {self._full(id)!r}: the stated value must be the text the paper prints,"
                                  f" e.g. {str(stated)!r} (got {type(stated).__name__} {stated!r}); its digits fix"
                                  " the rounding that is checked")
        stated, dimension = _stated_with_unit(stated, unit)
        return self.add(NumericValue(expr, stated, dimension, id=self._full(id), **kw))

    def data(self, id: str, quantity: Any, stated: str, *, implies: Any = (), **kw: Any) -> Claim:
        """External data the paper quotes: ``quantity`` was measured as ``stated`` (with its unit).

        Its verdict is ``data``: the unit is checked against the quantity's dimension, and each
        of ``implies`` (``{"Einstein mobility": e*D/(k_B*T)}``) is computed from the datum, the
        claim's givens and CODATA values and shown beside it.
        """
        if not isinstance(stated, str):
            raise DefinitionError(f"claim {self._full(id)!r}: the datum must be the text the paper prints with its"
                                  f" unit, e.g. '3.5e-3 m^2/s' (got {type(stated).__name__} {stated!r})")
        return self.add(DataValue(quantity, stated, implies, id=self._full(id), **kw))

    def dimension(self, id: str, expr: Any, dimension: str | Dim | int, **kw: Any) -> Claim:
        """Claim that ``expr`` has the SI ``dimension``."""
        return self.add(DimensionClaim(expr, _dim(dimension), id=self._full(id), **kw))  # type: ignore[arg-type]

    def derivation(self, id: str, start: Any, *steps: Step, **kw: Any) -> Claim:
        """A derivation ``start -> steps``; each step is checked on its own."""
        return self.add(Derivation(start=start, steps=steps, id=self._full(id), **kw))

    def kinetic(self, id: str, asserts: KineticProperty | str, *, energy: sympy.Symbol,
                laws: tuple[tuple[Any, Any], ...], etas: tuple[float, ...], **kw: Any) -> Claim:
        """A property of Eq. (9) decided by the kinetic solver (:mod:`symcond.model.solver_claims`).

        ``laws``: pairs ``(tau_in_law, tau_el_law)`` of expressions of ``energy``; ``ratios``,
        ``fields`` and ``witness`` as for :class:`~symcond.model.solver_claims.KineticClaim`.
        """
        return self.add(KineticClaim(asserts, energy, laws=laws, etas=etas, id=self._full(id), **kw))

    def _full(self, local: str) -> str:
        return f"{self.key}:{local.removeprefix(self.key + ':')}"

    def _si_givens(self, full: str, claim: Claim) -> dict[sympy.Symbol, sympy.Expr]:
        """The claim's givens in SI; a bare number for a symbol with a dimension is refused."""
        try:
            return si_givens(claim.givens, self.registry, require_units=True)
        except DefinitionError as exc:
            raise DefinitionError(f"claim {full!r}: {exc}") from exc
        except DimensionError as exc:
            raise DimensionError(f"claim {full!r}: {exc}", lhs=exc.lhs, rhs=exc.rhs) from exc


_EXPECT_HINTS = {"fails": "Expect.refuted('why the paper is wrong')",
                 "undecided": "Expect.undecided('why it is not decided')"}


def _check_expect(full: str, expect: object) -> None:
    """Refuse an ``expect=`` that is not an :class:`Expect` (``expect="fails"``), naming the spelling to use.

    >>> try:
    ...     _check_expect("demo2026:eq1", "fails")
    ... except DefinitionError as exc:
    ...     print(exc)
    claim 'demo2026:eq1': expect must be an Expect, e.g. expect=Expect.refuted('why the paper is wrong') (got 'fails')
    """
    if not isinstance(expect, Expect):
        hint = _EXPECT_HINTS.get(str(expect), "Expect.refuted('...') or Expect.undecided('...')")
        raise DefinitionError(f"claim {full!r}: expect must be an Expect, e.g. expect={hint} (got {expect!r})")


def _stated_with_unit(stated: str, unit: str | Dim | int | None) -> tuple[str, Dim | None]:
    """The printed number with its unit text (``"12.906 kOhm"``) and the unit's dimension.

    Dimension names in ``unit=`` (``"length**2/time"``) leave ``stated`` as printed.
    """
    try:
        number, printed = split_quantity(stated)
    except SymcondError:  # not a number: refused when the claim is decided
        return stated, _dim(unit)
    if printed is not None:
        if unit is not None and _dim(unit) != printed.dimension:
            raise DefinitionError(f"the unit of {stated.strip()!r} is not the dimension {unit!r}")
        return f"{number} {printed.text}", printed.dimension
    if isinstance(unit, str):
        written = parse_unit(unit)
        if not (written.dimension_only and written.scale == 1):
            return f"{number} {written.text}", written.dimension
    return stated, _dim(unit)


def _dim(unit: str | Dim | int | None) -> Dim | None:
    if isinstance(unit, str):
        return dimension_from_name(unit)
    if isinstance(unit, int) and not isinstance(unit, bool) and unit == 1:
        return DIMENSIONLESS
    return unit  # type: ignore[return-value]
