"""Claims: what a paper asserts, as data.

Claims are immutable and built complete.  They carry the paper's own statement; the verdict
is always computed by :func:`symcond.prove.decide`, never stored.  An erratum is recorded as
an :class:`~symcond.model.verdict.Expect`, which is compared with the computed verdict.

>>> import sympy
>>> x = sympy.Symbol("y", positive=True)
>>> claim = Equality(2 * x, x, id="demo:eq1", where="Eq. (1)")
>>> claim.kind, claim.statement
(<ClaimKind.EQUALITY: 'equality'>, '2 y = y')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum

import sympy

from symcond.errors import DefinitionError, SymcondError
from symcond.model.verdict import Expect, Verdict
from symcond.quantities.dimensions import Dim
from symcond.quantities.units import Unit, split_quantity

__all__ = [
    "Claim", "ClaimKind", "Role", "Equality", "Inequality", "EqualityIff", "Limit", "Asymptotic",
    "Independence", "NumericValue", "DimensionClaim",
]


SymbolNames = Mapping[sympy.Symbol, str]


def latex_printer(names: SymbolNames | None = None) -> Callable[[sympy.Basic], str]:
    r"""``sympy.latex`` with the given symbol names; a compound name (``\tau_{in}/\tau_{el}``) is
    parenthesised so that powers and products of it read right.

    >>> r = sympy.Symbol("R")
    >>> print(latex_printer({r: r"\tau_{in}/\tau_{el}"})(r**2))
    \left(\tau_{in}/\tau_{el}\right)^{2}
    """
    wrapped = {s: (f"\\left({tex}\\right)" if _COMPOUND.search(tex) else tex) for s, tex in (names or {}).items()}
    return lambda expr: sympy.latex(expr, symbol_names=wrapped)


_COMPOUND = re.compile(r"[/+-]")


class ClaimKind(Enum):
    """The closed set of things a paper can assert."""

    EQUALITY = "equality"
    INEQUALITY = "inequality"
    EQUALITY_IFF = "equality-iff"
    LIMIT = "limit"
    ASYMPTOTIC = "asymptotic"
    INDEPENDENCE = "independence"
    VALUE = "value"
    DIMENSION = "dimension"
    DERIVATION = "derivation"
    KINETIC = "kinetic"
    DATA = "data"


class Role(Enum):
    """What the paper does with a statement: asserts it (its verdict is computed), or takes it as given.

    A premise (postulate, definition, data) is still checked -- dimensions, consistency with the
    stated assumptions -- but its verdict is its own class, counted apart from computed verdicts.

    >>> Role("postulate").verdict
    <Verdict.POSTULATE: 'postulate'>
    """

    ASSERTED = "asserted"
    POSTULATE = "postulate"
    DEFINITION = "definition"
    DATA = "data"

    @property
    def verdict(self) -> Verdict | None:
        """The verdict class of a premise whose checks pass (None for an asserted claim)."""
        return {Role.POSTULATE: Verdict.POSTULATE, Role.DEFINITION: Verdict.DEFINITION,
                Role.DATA: Verdict.DATA}.get(self)


@dataclass(frozen=True, kw_only=True)
class Claim:
    """Common fields of every claim.

    Attributes
    ----------
    id : str
        ``<paper>:eq<N>[.<tag>]`` or ``<paper>:table<N>:<row>``.
    where : str
        Location in the paper (``"Eq. (8)"``, ``"Table 4, row e"``).
    statement : str
        The claim as the paper states it (LaTeX or words); generated when empty.
    givens : mapping
        Definitions substituted before checking (symbol -> expression).
    assumptions : tuple of str or None
        Names of the paper's stated assumptions the engine may use (None: all of them).
    expect : Expect
        The recorded expectation (an erratum expects ``fails``; a premise, its own verdict class).
    role : Role
        Asserted (the default), or a premise the paper takes as given: a postulate, a definition, data.
    """

    id: str = ""
    where: str = ""
    statement: str = ""
    givens: Mapping[sympy.Symbol, sympy.Expr] = field(default_factory=dict)
    assumptions: tuple[str, ...] | None = None
    expect: Expect = field(default_factory=Expect)
    role: Role = Role.ASSERTED

    kind = ClaimKind.EQUALITY

    def __post_init__(self) -> None:
        if not isinstance(self.role, Role):
            object.__setattr__(self, "role", _role(self.role))
        if self.role.verdict is not None and self.expect == Expect():
            object.__setattr__(self, "expect", Expect(frozenset({self.role.verdict})))
        if not self.statement:
            object.__setattr__(self, "statement", self.latex())

    def sides(self) -> tuple[sympy.Expr, sympy.Expr]:
        """The two expressions compared (for dimensions and explanations)."""
        raise NotImplementedError

    def latex(self, names: SymbolNames | None = None) -> str:
        """The claim in LaTeX (``names``: LaTeX of each symbol, e.g. the paper's registry)."""
        tex = latex_printer(names)
        lhs, rhs = self.sides()
        return f"{tex(lhs)} = {tex(rhs)}"

    def _repr_latex_(self) -> str:
        return f"${self.latex()}$"

    def _repr_markdown_(self) -> str:
        return f"**{self.id}** ({self.where}): ${self.latex()}$"


@dataclass(frozen=True, kw_only=True)
class Equality(Claim):
    """``lhs == rhs``."""

    lhs: sympy.Expr
    rhs: sympy.Expr

    def __init__(self, lhs: sympy.Expr, rhs: sympy.Expr, **kw: object) -> None:
        build(self, kw, lhs=sympy.sympify(lhs), rhs=sympy.sympify(rhs))

    def sides(self) -> tuple[sympy.Expr, sympy.Expr]:
        return self.lhs, self.rhs


@dataclass(frozen=True, kw_only=True)
class Inequality(Claim):
    r"""``lhs <relation> rhs``, the relation as printed: ``"<="``, ``"<"``, ``">="`` or ``">"``.

    ``"≤"`` and ``"≥"`` are read as ``"<="`` and ``">="``.  Without ``relation``, ``strict``
    chooses between ``"<"`` and ``"<="`` (the older spelling); ``strict=True`` with a
    non-strict relation is refused.

    >>> a, b = sympy.symbols("a b", positive=True)
    >>> claim = Inequality(a, b, relation=">=", id="demo:eq1")
    >>> claim.statement, claim.strict, claim.greater
    ('a \\geq b', False, True)
    >>> Inequality(a, b, strict=True, id="demo:eq2").relation
    '<'
    >>> Inequality(a, b, relation="=>", id="demo:eq3")
    Traceback (most recent call last):
    ...
    symcond.errors.DefinitionError: inequality relation must be one of '<=', '<', '>=', '>' (got '=>')
    """

    kind = ClaimKind.INEQUALITY
    lhs: sympy.Expr
    rhs: sympy.Expr
    relation: str = "<="

    def __init__(self, lhs: sympy.Expr, rhs: sympy.Expr, strict: bool = False, relation: str | None = None,
                 **kw: object) -> None:
        build(self, kw, lhs=sympy.sympify(lhs), rhs=sympy.sympify(rhs), relation=inequality_relation(relation, strict))

    @property
    def strict(self) -> bool:
        """True for ``<`` and ``>``."""
        return self.relation in ("<", ">")

    @property
    def greater(self) -> bool:
        """True for ``>=`` and ``>`` (the claim is ``rhs <= lhs``, printed the other way round)."""
        return self.relation in (">=", ">")

    def sides(self) -> tuple[sympy.Expr, sympy.Expr]:
        return self.lhs, self.rhs

    def latex(self, names: SymbolNames | None = None) -> str:
        tex = latex_printer(names)
        return f"{tex(self.lhs)} {_RELATION_LATEX[self.relation]} {tex(self.rhs)}"


#: The printed inequality relations, with their LaTeX.
_RELATION_LATEX = {"<=": r"\leq", "<": "<", ">=": r"\geq", ">": ">"}
_RELATION_ALIASES = {"≤": "<=", "≥": ">="}


def inequality_relation(relation: object, strict: bool = False) -> str:
    """The relation of an :class:`Inequality`: ``relation`` as printed, else ``"<"`` or ``"<="`` by ``strict``.

    >>> inequality_relation("≥"), inequality_relation(None, strict=True)
    ('>=', '<')
    >>> inequality_relation("<=", strict=True)
    Traceback (most recent call last):
    ...
    symcond.errors.DefinitionError: inequality relation '<=' is not strict, but strict=True was given
    """
    if relation is None:
        return "<" if strict else "<="
    name = _RELATION_ALIASES.get(relation, relation) if isinstance(relation, str) else relation
    if not isinstance(name, str) or name not in _RELATION_LATEX:
        raise DefinitionError(f"inequality relation must be one of '<=', '<', '>=', '>' (got {relation!r})")
    if strict and name not in ("<", ">"):
        raise DefinitionError(f"inequality relation {name!r} is not strict, but strict=True was given")
    return name


@dataclass(frozen=True, kw_only=True)
class EqualityIff(Claim):
    """``lhs == rhs`` exactly when ``condition`` holds."""

    kind = ClaimKind.EQUALITY_IFF
    lhs: sympy.Expr
    rhs: sympy.Expr
    condition: sympy.Equality

    def __init__(self, lhs: sympy.Expr, rhs: sympy.Expr, condition: sympy.Equality, **kw: object) -> None:
        build(self, kw, lhs=sympy.sympify(lhs), rhs=sympy.sympify(rhs), condition=condition)

    def sides(self) -> tuple[sympy.Expr, sympy.Expr]:
        return self.lhs, self.rhs

    def latex(self, names: SymbolNames | None = None) -> str:
        tex = latex_printer(names)
        return (f"{tex(self.lhs)} = {tex(self.rhs)} \\iff "
                f"{tex(self.condition.lhs)} = {tex(self.condition.rhs)}")


@dataclass(frozen=True, kw_only=True)
class Limit(Claim):
    """``lim_{var -> point} expr == value``."""

    kind = ClaimKind.LIMIT
    expr: sympy.Expr
    var: sympy.Symbol
    point: sympy.Expr
    value: sympy.Expr
    direction: str = "+-"

    def __init__(self, expr: sympy.Expr, var: sympy.Symbol, point: object, value: object,
                 direction: str = "+-", **kw: object) -> None:
        build(self, kw, expr=sympy.sympify(expr), var=var, point=sympy.sympify(point), value=sympy.sympify(value),
              direction=direction)

    def sides(self) -> tuple[sympy.Expr, sympy.Expr]:
        return self.expr, self.value

    def latex(self, names: SymbolNames | None = None) -> str:
        tex = latex_printer(names)
        return (f"\\lim_{{{tex(self.var)} \\to {tex(self.point)}}} {tex(self.expr)}"
                f" = {tex(self.value)}")


@dataclass(frozen=True, kw_only=True)
class Asymptotic(Limit):
    """``expr ~ value`` as ``var -> point`` (their ratio tends to 1)."""

    kind = ClaimKind.ASYMPTOTIC
    __init__ = Limit.__init__

    def latex(self, names: SymbolNames | None = None) -> str:
        tex = latex_printer(names)
        return (f"{tex(self.expr)} \\sim {tex(self.value)} \\quad "
                f"({tex(self.var)} \\to {tex(self.point)})")


@dataclass(frozen=True, kw_only=True)
class Independence(Claim):
    """``expr`` does not depend on ``var``."""

    kind = ClaimKind.INDEPENDENCE
    expr: sympy.Expr
    var: sympy.Symbol

    def __init__(self, expr: sympy.Expr, var: sympy.Symbol, **kw: object) -> None:
        build(self, kw, expr=sympy.sympify(expr), var=var)

    def sides(self) -> tuple[sympy.Expr, sympy.Expr]:
        return self.expr, self.expr

    def latex(self, names: SymbolNames | None = None) -> str:
        tex = latex_printer(names)
        return f"\\frac{{\\partial}}{{\\partial {tex(self.var)}}} \\left({tex(self.expr)}\\right) = 0"


@dataclass(frozen=True, kw_only=True)
class NumericValue(Claim):
    """``expr`` evaluated with CODATA values rounds to the printed ``stated`` value."""

    kind = ClaimKind.VALUE
    expr: sympy.Expr
    stated: str
    unit: Dim | None = None

    def __init__(self, expr: sympy.Expr, stated: str, unit: Dim | None = None, **kw: object) -> None:
        build(self, kw, expr=sympy.sympify(expr), stated=stated, unit=unit)

    def sides(self) -> tuple[sympy.Expr, sympy.Expr]:
        """The expression and the printed value in SI (``"12.906 kOhm"`` is 12906)."""
        number, printed = _printed(self.stated)
        return self.expr, sympy.Float(number) * (1 if printed is None else printed.scale)

    def latex(self, names: SymbolNames | None = None) -> str:
        tex = latex_printer(names)
        number, printed = _printed(self.stated)
        if printed is not None:
            return f"{tex(self.expr)} \\approx {number}\\ {printed.latex()}"
        unit = "" if self.unit is None else f"\\ \\mathrm{{{self.unit.unit_latex()}}}"
        return f"{tex(self.expr)} \\approx {self.stated}{unit}"


def _printed(stated: str) -> tuple[str, Unit | None]:
    """A printed value's number and unit (:func:`~symcond.quantities.units.split_quantity`); as is when unreadable."""
    try:
        return split_quantity(stated)
    except SymcondError:
        return stated, None


@dataclass(frozen=True, kw_only=True)
class DimensionClaim(Claim):
    """``expr`` has the SI dimension ``dimension``."""

    kind = ClaimKind.DIMENSION
    expr: sympy.Expr
    dimension: Dim

    def __init__(self, expr: sympy.Expr, dimension: Dim, **kw: object) -> None:
        build(self, kw, expr=sympy.sympify(expr), dimension=dimension)

    def sides(self) -> tuple[sympy.Expr, sympy.Expr]:
        return self.expr, self.expr

    def latex(self, names: SymbolNames | None = None) -> str:
        tex = latex_printer(names)
        return f"[{tex(self.expr)}] = \\mathrm{{{self.dimension.unit_latex()}}}"


def _role(value: object) -> Role:
    """A role given by name (``"postulate"``); a one-line error naming the choices otherwise."""
    try:
        return Role(value)
    except ValueError:
        choices = ", ".join(repr(r.value) for r in Role)
        raise DefinitionError(f"role must be one of {choices} (got {value!r})") from None


def build(claim: Claim, common: Mapping[str, object], **own: object) -> None:
    """Set every field of ``claim`` once, inside its ``__init__`` (claims are never changed afterwards)."""
    for name, value in own.items():
        object.__setattr__(claim, name, value)
    defaults: dict[str, object] = {
        "id": "", "where": "", "statement": "", "givens": {}, "assumptions": None, "expect": Expect(),
        "role": Role.ASSERTED}
    unknown = set(common) - set(defaults)
    if unknown:
        raise TypeError(f"unexpected claim fields: {', '.join(sorted(unknown))}")
    for name, default in defaults.items():
        object.__setattr__(claim, name, common.get(name, default))
    Claim.__post_init__(claim)
