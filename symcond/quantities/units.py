"""Units and dimensions by name, taken from :mod:`sympy.physics.units` (nothing typed by hand).

A unit text is read by the restricted parser (:mod:`symcond.parse`, never ``eval``) as a
product of names with rational powers: ``ohm``, ``kOhm``, ``W/K``, ``eV``, ``J/(mol*K)``,
``m**2/s``, ``kg^2/(J s)`` (``^`` is a power and a space a product, as people write units;
``Ω`` and ``µ`` may be used).  Each name is, in this order:

1. a dimension of :mod:`sympy.physics.units` (``length``, ``energy``, ``conductance``; also
   ``dimensionless``, ``angle`` and ``resistance``): its coherent SI unit;
2. a unit or constant of :mod:`sympy.physics.units` by name or abbreviation (``ohm``,
   ``kelvin``, ``K``, ``eV``, ``h`` is the hour, ``c`` the speed of light), a full name in
   any case (``Ohm``, ``Kelvin``);
3. an SI prefix (``k``, ``kilo``, ``mu``/``u``/``µ`` ...) before such a unit (``kOhm``, ``meV``, ``uF``).

The scale is the SI value of one unit, exact (from ``convert_to`` into the SI base units).

>>> u = parse_unit("kOhm")
>>> u.scale, u.dimension.unit_name()
(1000, 'Ω')
>>> print(parse_unit("J/(mol*K)").dimension)
kg m^2 s^-2 K^-1 mol^-1
>>> float(parse_unit("meV").scale)
1.602176634e-22
>>> print(dimension_from_name("energy/temperature"))
kg m^2 s^-2 K^-1
>>> number, unit = split_quantity("12.906 kOhm")
>>> number, unit.text, unit.scale
('12.906', 'kOhm', 1000)
"""

from __future__ import annotations

import difflib
import keyword
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import sympy

from symcond.errors import DefinitionError, ParseError
from symcond.parse.grammar import parse_expression
from symcond.quantities.dimensions import DIMENSIONLESS, Dim

if TYPE_CHECKING:  # sympy.physics.units (a seventh of a second) is imported where a unit is read
    from sympy.physics.units import Quantity
    from sympy.physics.units.prefixes import Prefix

__all__ = ["Unit", "dimension_from_name", "dimension_name", "parse_unit", "split_number", "split_quantity", "unit_of"]


@cache
def _base() -> tuple[Quantity, ...]:
    """SI base units of :mod:`sympy.physics.units` (kilogram, not gram: SI scales count in kg)."""
    from sympy.physics import units

    return units.meter, units.kilogram, units.second, units.ampere, units.mole, units.candela, units.kelvin


#: Dimension names that sympy.physics.units lacks, as aliases of its own names (1: dimensionless).
_DIMENSION_ALIASES: Mapping[str, str | int] = {"dimensionless": 1, "one": 1, "angle": 1, "resistance": "impedance"}
#: ``u`` for micro, as in sympy's own ``um``, ``us``, ``ug``.
_PREFIX_ALIASES: Mapping[str, str] = {"u": "mu"}
#: Suffix that hides a Python keyword (``as``: attosecond) from the parser, which refuses keywords.
_KEYWORD = "_kw"
_NUMBER = re.compile(r"\s*([-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)")


@dataclass(frozen=True)
class Unit:
    """A unit as written: its text, the SI value of one unit (exact) and its SI dimension.

    ``dimension_only`` marks a text of dimension names (``length**2/time``), which stands for the
    coherent SI unit of that dimension.
    """

    text: str
    scale: sympy.Expr
    dimension: Dim
    dimension_only: bool = False

    def latex(self) -> str:
        r"""The unit upright in LaTeX, as written (``\mathrm{k\Omega}``).

        >>> parse_unit("kg^2/(J s)").latex()
        '\\mathrm{kg^{2}/(J\\,s)}'
        """
        text = re.sub(r"\s+", r"\\,", self.text.strip()).replace("**", "^")
        text = re.sub(r"\^\(?(-?[0-9]+(?:/[0-9]+)?)\)?", r"^{\1}", text)
        text = text.replace("Ω", r"\Omega{}").replace("µ", r"\mu{}").replace("μ", r"\mu{}")
        return r"\mathrm{" + text + "}"


def parse_unit(text: str, what: str = "unit") -> Unit:
    """Read a unit (or dimension) text: names of :mod:`sympy.physics.units`, prefixes, ``* / ** ^``, spaces.

    Raises
    ------
    ParseError
        When the text is not a product of names and rational powers.
    DefinitionError
        When a name is neither a dimension nor a unit of :mod:`sympy.physics.units`, or the
        unit is not positive.

    Examples
    --------
    >>> parse_unit("m**2/s").dimension.unit_name()
    'm^2/s'
    >>> parse_unit("metre")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symcond.errors.DefinitionError: unknown unit 'metre' (did you mean meter?); use a dimension (length, ...
    """
    try:
        expr = parse_expression(_normalised(text), resolve=sympy.Symbol, functions={})
    except ParseError as exc:
        raise ParseError(f"cannot read the {what} {text.strip()!r}: {exc}") from exc
    scale, dimension, dimension_only = _combine(expr, text, what)
    if scale.is_positive is not True or not scale.is_finite:
        raise DefinitionError(f"the {what} {text.strip()!r} must be a positive multiple of units (got {scale})")
    return Unit(text.strip(), scale, dimension, dimension_only)


def dimension_from_name(text: str) -> Dim:
    """A dimension from SymPy dimension or unit names combined with ``*``, ``/``, ``**`` (see :func:`parse_unit`).

    Parsed with the restricted parser (nothing is evaluated as Python).

    >>> print(dimension_from_name("mass**2/(energy*time)"))
    kg m^-2 s
    >>> dimension_from_name("W/K") == dimension_from_name("power/temperature")
    True
    """
    return parse_unit(text, "dimension").dimension


def split_quantity(text: str) -> tuple[str, Unit | None]:
    """A printed number and its unit (``"12.906 kOhm"``, ``"300*K"``); the unit is None for a bare number.

    >>> split_quantity("1.25e-27")
    ('1.25e-27', None)
    >>> split_quantity("300*K")[1].dimension.unit_name()
    'K'
    """
    parts = split_number(text)
    if parts is None:
        raise DefinitionError(f"{text.strip()!r} must be a number, optionally followed by a unit ('300 K')")
    number, rest = parts
    return number, (parse_unit(rest) if rest else None)


def split_number(text: str) -> tuple[str, str] | None:
    """The leading decimal number of ``text`` and the rest (after a ``*``, if any); None without a number.

    >>> split_number("12.906*kOhm"), split_number("1e-3"), split_number("kOhm")
    (('12.906', 'kOhm'), ('1e-3', ''), None)
    """
    match = _NUMBER.match(text)
    if match is None:
        return None
    rest = text[match.end():].strip()
    return match.group(1), (rest[1:].strip() if rest.startswith("*") and not rest.startswith("**") else rest)


def unit_of(quantity: Quantity | Prefix) -> Unit:
    """A SymPy unit object (``sympy.physics.units.kelvin``) or prefix as a :class:`Unit`.

    >>> from sympy.physics.units import electronvolt
    >>> unit_of(electronvolt).scale
    801088317/5000000000000000000000000000
    """
    from sympy.physics.units.prefixes import Prefix

    if isinstance(quantity, Prefix):
        return Unit(str(quantity.abbrev), sympy.sympify(quantity.scale_factor), DIMENSIONLESS)
    return _quantity_unit(quantity)


def dimension_name(dim: Dim) -> str:
    """The name :mod:`sympy.physics.units` gives a dimension (``'temperature'``), else its SI base units.

    >>> from sympy.physics.units import temperature, length
    >>> dimension_name(Dim.of(temperature)), dimension_name(Dim.of(length**3 / temperature))
    ('temperature', 'm^3 K^-1')
    """
    if dim.is_dimensionless:
        return "dimensionless"
    return _names_of_dimensions().get(dim, str(dim))


# ------------------------------------------------------------------------------------------ reading
def _normalised(text: str) -> str:
    """Unit text in the parser's grammar: ``^`` -> ``**``, a space between factors -> ``*``, Ω -> ohm, µ -> mu.

    A name that is a Python keyword (``as``, attosecond) gets a suffix that :func:`_atom` removes.
    """
    text = text.replace("Ω", "ohm").replace("µ", "mu").replace("μ", "mu").replace("·", "*").replace("⋅", "*")
    text = re.sub(r"[A-Za-z_][A-Za-z0-9_]*", lambda m: m[0] + _KEYWORD if keyword.iskeyword(m[0]) else m[0], text)
    text = text.replace("^", "**")
    return re.sub(r"(?<=[A-Za-z0-9_)])\s+(?=[A-Za-z_(])", "*", text.strip())


def _combine(expr: sympy.Expr, text: str, what: str) -> tuple[sympy.Expr, Dim, bool]:
    """Scale, dimension and 'dimension names only' of a parsed product of names."""
    if expr.is_Symbol:
        return _atom(expr.name, what)  # type: ignore[attr-defined]
    if expr.is_number:
        return expr, DIMENSIONLESS, True
    if isinstance(expr, sympy.Mul):
        scale, dimension, only = sympy.S.One, DIMENSIONLESS, True
        for factor in expr.args:
            s, d, o = _combine(factor, text, what)
            scale, dimension, only = scale * s, dimension * d, only and o
        return scale, dimension, only
    if isinstance(expr, sympy.Pow) and expr.exp.is_Rational:
        s, d, o = _combine(expr.base, text, what)
        return s**expr.exp, d**expr.exp, o
    raise DefinitionError(f"{what} {text.strip()!r} must be a product of names with rational powers")


@cache
def _atom(name: str, what: str) -> tuple[sympy.Expr, Dim, bool]:
    """One name: a dimension (scale 1), a unit, or a prefixed unit."""
    name = name.removesuffix(_KEYWORD) if keyword.iskeyword(name.removesuffix(_KEYWORD)) else name
    dims = _dimensions()
    if name in dims:
        return sympy.S.One, dims[name], True
    quantity = _unit_named(name)
    if quantity is not None:
        unit = _quantity_unit(quantity)
        return unit.scale, unit.dimension, False
    for prefix, rest in _prefix_splits(name):
        quantity = _unit_named(rest)
        if quantity is not None and not quantity._is_prefixed:
            unit = _quantity_unit(quantity)
            return unit.scale * prefix.scale_factor, unit.dimension, False
    close = difflib.get_close_matches(name, [*dims, *_unit_names()], n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    raise DefinitionError(f"unknown {what} {name!r}{hint}; use a dimension (length, energy/temperature) or a unit"
                          " (ohm, kOhm, W/K, eV) of sympy.physics.units, with SI prefixes")


def _prefix_splits(name: str) -> list[tuple[Prefix, str]]:
    """Every (prefix, rest) reading of ``name``, longest prefix first."""
    from sympy.physics.units.prefixes import PREFIXES

    table = {**PREFIXES, **{str(p.name): p for p in PREFIXES.values()},
             **{alias: PREFIXES[key] for alias, key in _PREFIX_ALIASES.items()}}
    found = [(p, name[len(key):]) for key, p in table.items() if name.startswith(key) and len(name) > len(key)]
    return sorted(found, key=lambda pair: len(pair[1]))


def _unit_named(name: str) -> Quantity | None:
    """A unit of sympy.physics.units by attribute name or abbreviation, or a full name in any case."""
    exact = _unit_names()
    if name in exact:
        return exact[name]
    return _folded_names().get(name.lower()) if len(name) >= 3 else None


@cache
def _quantity_unit(quantity: Quantity) -> Unit:
    """Scale (SI, exact decimals) and dimension of one SymPy unit."""
    from sympy.physics.units import Quantity, convert_to
    from sympy.physics.units.systems.si import SI

    try:
        dimension = Dim.of(SI.get_quantity_dimension(quantity))
    except ValueError:  # information, steradian: not SI dimensions
        raise DefinitionError(f"the unit {quantity} has no SI dimension") from None
    if dimension.is_dimensionless:  # percent, degree: SymPy's scale factor is the SI value
        scale = sympy.sympify(SI.get_quantity_scale_factor(quantity))
    else:
        scale = convert_to(quantity, list(_base())).xreplace({base: sympy.S.One for base in _base()})
    scale = scale.xreplace({f: sympy.Rational(str(f)) for f in scale.atoms(sympy.Float)})
    if scale.atoms(Quantity):
        raise DefinitionError(f"the unit {quantity} cannot be converted into SI base units")
    return Unit(str(quantity.abbrev), scale, dimension)


# ---------------------------------------------------------------------------------- name tables
@cache
def _dimensions() -> dict[str, Dim]:
    """Dimension names: those of sympy.physics.units (skipping non-SI ones) and the aliases."""
    from sympy.physics import units
    from sympy.physics.units import Dimension
    from sympy.physics.units.definitions import dimension_definitions

    found: dict[str, Dim] = {}
    for module in (dimension_definitions, units):
        for name, value in vars(module).items():
            if isinstance(value, Dimension) and not name.startswith("_"):
                try:
                    found.setdefault(name, Dim.of(value))
                except ValueError:  # information, angle: not among the SI base dimensions
                    continue
    for alias, target in _DIMENSION_ALIASES.items():
        found[alias] = DIMENSIONLESS if target == 1 else found[str(target)]
    return found


@cache
def _unit_names() -> dict[str, Quantity]:
    """Attribute names of sympy.physics.units, then abbreviations that no attribute name takes."""
    from sympy.physics import units

    names = {n: q for n, q in vars(units).items() if isinstance(q, units.Quantity) and not n.startswith("_")}
    for quantity in list(names.values()):
        abbrev = str(quantity.abbrev)
        if abbrev.isidentifier():
            names.setdefault(abbrev, quantity)
    return names


@cache
def _folded_names() -> dict[str, Quantity]:
    """Full names (three letters or more) in lower case, where only one unit has that name."""
    folded: dict[str, set[Quantity]] = {}
    for name, quantity in _unit_names().items():
        if len(name) >= 3:
            folded.setdefault(name.lower(), set()).add(quantity)
    return {name: next(iter(qs)) for name, qs in folded.items() if len(qs) == 1}


@cache
def _names_of_dimensions() -> dict[Dim, str]:
    """Dim -> the sympy name of that dimension (first in alphabetical order)."""
    from sympy.physics.units import Dimension
    from sympy.physics.units.definitions import dimension_definitions

    names: dict[Dim, str] = {}
    for name, value in sorted(vars(dimension_definitions).items()):
        if isinstance(value, Dimension):
            try:
                names.setdefault(Dim.of(value), name)
            except ValueError:
                continue
    return names
