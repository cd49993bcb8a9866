"""Quantities in givens: a number with a unit becomes its SI value; a bare number needs a unit.

A given (``T = ...`` substituted before a claim is checked) may carry a unit: in Python a SymPy
unit object (``300*kelvin``, from ``sympy.physics.units``, also ``symcond.units``) or a string
``"300 K"``; on the command line ``T=300 K`` (or ``T=300*K`` when ``T`` has a dimension and no
name of the unit is a known symbol).  The value is converted to SI and its dimension checked
against the symbol's.  A bare number for a symbol with a dimension is an error that names the
symbol and its dimension: its unit would be lost.

>>> from sympy.physics.units import kelvin
>>> from symcond.quantities.registry import Registry
>>> reg = Registry.default()
>>> T, = reg.symbols("T")
>>> si_givens({T: 300 * kelvin}, reg)
{T: 300}
>>> si_givens({T: "20 mK"}, reg)
{T: 1/50}
>>> si_givens({T: 300}, reg, require_units=True)
Traceback (most recent call last):
...
symcond.errors.DefinitionError: T has dimension temperature; give a unit, e.g. {T: "300 K"}
>>> parse_given("T=300 K", reg.resolver(), reg)
('T', 300)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Container, Mapping
from enum import Enum

import sympy

from symcond.errors import DefinitionError, DimensionError
from symcond.parse.grammar import parse_assignment, parse_expression
from symcond.quantities.dimensions import Dim, dimension_of
from symcond.quantities.registry import Registry
from symcond.quantities.units import Unit, dimension_name, parse_unit, split_quantity, unit_of

__all__ = ["Syntax", "check_bare_number", "parse_given", "si_given", "si_givens"]

_NUMBER = re.compile(r"\s*[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Syntax(Enum):
    """How the example in an error message writes a given: ``T=300 K`` (command line) or ``{T: "300 K"}``."""

    CLI = "cli"
    PYTHON = "python"


def si_givens(givens: Mapping[sympy.Symbol, object], registry: Registry, *,
              require_units: bool = False) -> dict[sympy.Symbol, sympy.Expr]:
    """Givens with every number-with-unit in SI (see :func:`si_given`), for symbols of ``registry``."""
    return {symbol: si_given(symbol, value, registry, require_units=require_units) for symbol, value in givens.items()}


def si_given(symbol: sympy.Symbol, value: object, registry: Registry, *, require_units: bool = False) -> sympy.Expr:
    """The SI value of one given: SymPy units converted, a ``"300 K"`` string read, dimensions checked.

    Raises
    ------
    DimensionError
        When the unit's dimension is not the symbol's.
    DefinitionError
        With ``require_units``, when a bare number is given for a symbol with a dimension; when a
        string is not a number with a unit; when units appear in an expression with symbols.
    """
    expected = registry.dimension(symbol)
    if isinstance(value, str):
        number, unit = split_quantity(value)
        return _converted(symbol.name, sympy.Rational(number), unit, expected, Syntax.PYTHON)
    expr = sympy.sympify(value)
    units = _unit_atoms(expr)
    if not units:
        if require_units:
            check_bare_number(symbol.name, expr, expected, Syntax.PYTHON)
        return expr
    converted = expr.xreplace({u: unit_of(u).scale for u in units})
    if not converted.is_number:  # l = L + 2*meter would be L + 2: the unit's dimension would be lost
        raise DefinitionError(f"the given {symbol.name} = {sympy.sstr(expr)} must be a number with a unit"
                              f" ({symbol.name}: 300*kelvin or \"300 K\"), not an expression with units")
    dummies = {u: sympy.Dummy(str(u)) for u in units}
    dims = {dummies[u]: unit_of(u).dimension for u in units}
    found = dimension_of(expr.xreplace(dummies), dims.get)
    if expected is not None and found is not None and found != expected:
        raise _mismatch(symbol.name, expected, sympy.sstr(expr), found)
    return converted


def _unit_atoms(expr: sympy.Basic) -> set[sympy.Basic]:
    """The units and prefixes of :mod:`sympy.physics.units` in ``expr``.

    None can be there before that module is imported, and a given without one is common: it is not
    imported for them (a seventh of a second).
    """
    if "sympy.physics.units" not in sys.modules:
        return set()
    from sympy.physics.units import Quantity
    from sympy.physics.units.prefixes import Prefix

    return expr.atoms(Quantity, Prefix)


def parse_given(text: str, resolve: Callable[[str], sympy.Expr], registry: Registry,
                taken: Container[str] = ()) -> tuple[str, sympy.Expr]:
    """Parse a command-line ``NAME=EXPR`` or ``NAME=NUMBER UNIT`` into the name and its (SI) value.

    ``NAME=NUMBER*UNIT`` is a quantity when ``NAME`` has a dimension and no name of ``UNIT`` is
    a registry symbol or in ``taken`` (the other ``--given`` names); otherwise it is an
    expression.  A bare number for a name with a dimension is a :class:`DefinitionError`.

    >>> reg = Registry.default()
    >>> parse_given("T=300*K", reg.resolver(), reg), float(parse_given("eps=12 meV", reg.resolver(), reg)[1])
    (('T', 300), 1.9226119608e-21)
    >>> parse_given("T=300", reg.resolver(), reg)
    Traceback (most recent call last):
    ...
    symcond.errors.DefinitionError: T has dimension temperature; give a unit, e.g. T=300 K
    """
    name, sep, rest = text.partition("=")
    name = name.strip()
    expected = registry.dimension(registry.symbol(name)) if name in registry else None
    quantity = _quantity_text(rest, expected, registry, taken) if sep and not rest.startswith("=") else None
    if quantity is None:
        name, expr = parse_assignment(text, resolve)
        check_bare_number(name, expr, expected, Syntax.CLI)
        return name, expr
    number, unit = quantity
    return name, _converted(name, parse_expression(number), unit, expected, Syntax.CLI)


def check_bare_number(name: str, value: sympy.Expr, dimension: Dim | None, syntax: Syntax = Syntax.CLI) -> None:
    """Refuse a bare (non-zero, finite) number for a quantity with a dimension: its unit would be lost."""
    if dimension is None or dimension.is_dimensionless or not value.is_number or value.is_zero:
        return
    if value.is_finite is False:
        return
    number = f"{float(value):g}" if value.is_extended_real else sympy.sstr(value)
    unit = dimension.unit_name()
    example = f"{name}={number} {unit}" if syntax is Syntax.CLI else f'{{{name}: "{number} {unit}"}}'
    raise DefinitionError(f"{name} has dimension {dimension_name(dimension)}; give a unit, e.g. {example}")


def _converted(name: str, number: sympy.Expr, unit: Unit | None, expected: Dim | None,
               syntax: Syntax) -> sympy.Expr:
    """``number`` in ``unit`` as an SI value, after checking the unit against the symbol's dimension."""
    if unit is None:
        check_bare_number(name, number, expected, syntax)
        return number
    if expected is not None and unit.dimension != expected:
        raise _mismatch(name, expected, f"{sympy.sstr(number)} {unit.text}", unit.dimension)
    return number * unit.scale


def _mismatch(name: str, expected: Dim, shown: str, found: Dim) -> DimensionError:
    return DimensionError(f"{name} has dimension {dimension_name(expected)}, but {shown} is "
                          f"{dimension_name(found)}", lhs=expected, rhs=found)


def _quantity_text(rest: str, expected: Dim | None, registry: Registry,
                   taken: Container[str]) -> tuple[str, Unit] | None:
    """The number and unit of ``NUMBER UNIT`` (or of ``NUMBER*UNIT``, see :func:`parse_given`), else None."""
    match = _NUMBER.match(rest)
    after = rest[match.end():] if match else ""
    stripped = after.strip()
    if match is None or not stripped:
        return None
    number = match.group(0).strip()
    if stripped.startswith("*") and not stripped.startswith("**"):
        unit_text = stripped[1:]
        names = _NAME.findall(unit_text)
        if expected is None or expected.is_dimensionless or any(n in registry or n in taken for n in names):
            return None
        try:
            return number, parse_unit(unit_text)
        except (DefinitionError, ValueError):
            return None
    if (after[0].isspace() or after[0].isalpha()) and (stripped[0].isalpha() or stripped[0] in "Ωµμ"):
        return number, parse_unit(stripped)
    return None
