"""SI dimensions of symbolic expressions, built on :mod:`sympy.physics.units`.

A :class:`Dim` is the vector of exponents over the seven SI base dimensions, obtained
from a SymPy ``Dimension`` through ``dimsys_SI``.  :func:`dimension_of` walks an
expression and applies the rules of dimensional analysis: terms of a sum share one
dimension, exponents and arguments of transcendental functions are dimensionless.

>>> from sympy.physics.units import action, mass
>>> print(Dim.of(action / mass))
m^2 s^-1
>>> Dim.of(action / mass).unit_name()
'm^2/s'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

import sympy

from symcond.errors import DimensionError

if TYPE_CHECKING:  # sympy.physics.units (a seventh of a second) is imported where a Dimension is read
    from sympy.physics.units import Dimension, Quantity

__all__ = ["Dim", "DIMENSIONLESS", "dimension_of", "named_dimension"]

# SI base dimension -> base unit symbol, in the conventional print order.
_BASE_UNITS = (
    ("mass", "kg"),
    ("length", "m"),
    ("time", "s"),
    ("current", "A"),
    ("temperature", "K"),
    ("amount_of_substance", "mol"),
    ("luminous_intensity", "cd"),
)


@dataclass(frozen=True)
class Dim:
    """Exponents of the SI base dimensions, e.g. velocity = ``{length: 1, time: -1}``."""

    exponents: tuple[tuple[str, Fraction], ...] = ()

    @classmethod
    def of(cls, dimension: Dimension) -> Dim:
        """Build from a :class:`sympy.physics.units.Dimension`."""
        from sympy.physics.units.systems.si import dimsys_SI

        deps = dimsys_SI.get_dimensional_dependencies(dimension)
        items = {str(base.name): Fraction(str(power)) for base, power in deps.items()}
        return cls._from_dict(items)

    @classmethod
    def _from_dict(cls, items: Mapping[str, Fraction]) -> Dim:
        order = [name for name, _ in _BASE_UNITS]
        kept = [(k, v) for k, v in items.items() if v != 0]
        return cls(tuple(sorted(kept, key=lambda kv: order.index(kv[0]))))

    @property
    def is_dimensionless(self) -> bool:
        """True when every exponent is zero."""
        return not self.exponents

    def __mul__(self, other: Dim) -> Dim:
        merged = dict(self.exponents)
        for name, power in other.exponents:
            merged[name] = merged.get(name, Fraction(0)) + power
        return Dim._from_dict(merged)

    def __truediv__(self, other: Dim) -> Dim:
        return self * other ** -1

    def __pow__(self, power: object) -> Dim:
        exponent = Fraction(str(power))
        return Dim._from_dict({k: v * exponent for k, v in self.exponents})

    def __str__(self) -> str:
        if self.is_dimensionless:
            return "1"
        units = dict(_BASE_UNITS)
        return " ".join(_power(units[name], p) for name, p in self.exponents)

    def unit_name(self) -> str:
        """A conventional SI unit name when one is known (``'S'``, ``'W/K'``, ``'Ω'``), else the shortest
        product of one named unit and base units (``'Pa s'``, ``'W m^-2'``), else base units.

        >>> from sympy.physics.units import Dimension
        >>> (Dim.of(Dimension("mass")) / Dim.of(Dimension("length")) / Dim.of(Dimension("time"))).unit_name()
        'Pa s'
        """
        return named_dimension(self) or _with_named_unit(self) or str(self)

    def unit_latex(self) -> str:
        r""":meth:`unit_name` for ``\mathrm{...}`` in LaTeX (``Ω`` is ``\Omega``)."""
        return self.unit_name().replace("Ω", r"\Omega")


def _power(unit: str, power: Fraction) -> str:
    return unit if power == 1 else f"{unit}^{power}"


def _named_table() -> dict[Dim, str]:
    from sympy.physics.units import (
        Dimension,
        action,
        charge,
        conductance,
        energy,
        frequency,
        length,
        mass,
        power,
        temperature,
        time,
        velocity,
    )
    table = {
        conductance: "S", power / temperature: "W/K", length**2 / time: "m^2/s",
        mass**2 / (energy * time): "kg^2/(J s)", energy: "J", action: "J s",
        charge: "C", velocity: "m/s", energy / temperature: "J/K", frequency: "Hz",
        power: "W", mass: "kg", length: "m", time: "s", temperature: "K",
        1 / (energy * time): "1/(J s)",
        # a mobility: velocity per field, as every semiconductor table prints it
        charge * time / mass: "m^2/(V s)",
        # the Josephson constant 2e/h
        charge / action: "Hz/V",
    }
    named = {Dim.of(Dimension(d) if not isinstance(d, Dimension) else d): n for d, n in table.items()}
    return {**_derived_units(), **named}


def _derived_units() -> dict[Dim, str]:
    """The SI derived units with a name of their own, symbol from SymPy (``V``; ``Ω`` from ``\\Omega``)."""
    from sympy.physics.units import farad, henry, newton, ohm, pascal, tesla, volt, weber
    from sympy.physics.units.systems.si import SI

    return {Dim.of(SI.get_quantity_dimension(u)): _unit_symbol(u)
            for u in (volt, ohm, farad, henry, tesla, weber, newton, pascal)}


def _unit_symbol(unit: Quantity) -> str:
    """A SymPy unit's symbol: its abbreviation, or the Greek letter its LaTeX names (``\\Omega`` -> ``Ω``)."""
    tex = sympy.latex(unit)
    if re.fullmatch(r"\\[A-Z][a-z]+", tex):
        return unicodedata.lookup(f"GREEK CAPITAL LETTER {tex[1:].upper()}")
    return str(unit.abbrev)


_NAMED: dict[Dim, str] = {}

#: Named units a product may start with (``W m^-2``, ``J s m^-3``), in order of preference.
_FACTORS = ("W", "J", "Pa", "N", "V", "C", "Ω", "S", "T", "Wb", "F", "H")


def _with_named_unit(dim: Dim) -> str | None:
    """``dim`` as one named unit times base units, when that takes fewer factors than base units alone
    (as many when the rest is per metre, kelvin or mole and the base units include the kilogram:
    ``W m^-2``, not ``kg s^-3``; but ``m s^-2`` and ``kg m^2``)."""
    if not _NAMED:
        _NAMED.update(_named_table())
    by_name = {name: d for d, name in _NAMED.items() if name in _FACTORS}
    best: tuple[int, int, str] | None = None
    for rank, name in enumerate(_FACTORS):
        if name not in by_name:
            continue
        rest = dim / by_name[name]
        cost = 1 + len(rest.exponents)
        text = name if rest.is_dimensionless else f"{name} {rest}"
        per = {base for base, _ in rest.exponents} <= {"length", "temperature", "amount_of_substance"}
        allowed = len(dim.exponents) + (1 if per and any(base == "mass" for base, _ in dim.exponents) else 0)
        if cost < allowed and (best is None or (cost, rank) < best[:2]):
            best = (cost, rank, text)
    return None if best is None else best[2]


def named_dimension(dim: Dim) -> str | None:
    """The conventional unit for a dimension (``'S'`` for conductance), or None.

    >>> from sympy.physics.units import conductance
    >>> named_dimension(Dim.of(conductance))
    'S'
    """
    if not _NAMED:
        _NAMED.update(_named_table())
    if dim.is_dimensionless:
        return "1"
    return _NAMED.get(dim)


DIMENSIONLESS = Dim()

SymbolDims = Callable[[sympy.Symbol], "Dim | None"]


class _Unknown(Exception):
    """A symbol without a known dimension was met (internal)."""


def dimension_of(expr: sympy.Basic, lookup: SymbolDims) -> Dim | None:
    """The SI dimension of ``expr``; None when a symbol's dimension is unknown.

    Parameters
    ----------
    expr : sympy.Basic
        The expression to analyse.
    lookup : callable
        Maps a Symbol to its :class:`Dim`, or None when unknown.

    Raises
    ------
    DimensionError
        When the expression adds unlike quantities or feeds a dimensional quantity to a
        transcendental function.

    Examples
    --------
    >>> from sympy import symbols, exp
    >>> from sympy.physics.units import length, time
    >>> x, t = symbols("x t", positive=True)
    >>> dims = {x: Dim.of(length), t: Dim.of(time)}
    >>> print(dimension_of(x / t**2, dims.get))
    m s^-2
    >>> dimension_of(x + t, dims.get)
    Traceback (most recent call last):
    ...
    symcond.errors.DimensionError: cannot add t (s) and x (m)
    """
    try:
        return _walk(expr, lookup)
    except _Unknown:
        return None


def _walk(expr: sympy.Basic, lookup: SymbolDims) -> Dim:
    if expr.is_Number or isinstance(expr, sympy.NumberSymbol) or expr is sympy.S.ImaginaryUnit:
        return DIMENSIONLESS
    if expr.is_Symbol:
        found = lookup(expr)  # type: ignore[arg-type]
        if found is None:
            raise _Unknown(str(expr))
        return found
    handler = _HANDLERS.get(type(expr).__name__)
    if handler is not None:
        return handler(expr, lookup)
    if isinstance(expr, sympy.Add):
        return _add(expr, lookup)
    if isinstance(expr, sympy.Mul):
        result = DIMENSIONLESS
        for factor in expr.args:
            result = result * _walk(factor, lookup)
        return result
    if isinstance(expr, sympy.Pow):
        return _pow(expr, lookup)
    if isinstance(expr, (sympy.Function, sympy.Min, sympy.Max)):
        return _function(expr, lookup)
    raise _Unknown(f"no dimension rule for {type(expr).__name__}")


def _add(expr: sympy.Add, lookup: SymbolDims) -> Dim:
    first, *rest = expr.args
    dim = _walk(first, lookup)
    for term in rest:
        other = _walk(term, lookup)
        if other != dim:
            raise DimensionError(f"cannot add {first} ({dim}) and {term} ({other})", lhs=dim, rhs=other)
    return dim


def _pow(expr: sympy.Pow, lookup: SymbolDims) -> Dim:
    base, exponent = expr.args
    if not _walk(exponent, lookup).is_dimensionless:
        raise DimensionError(f"exponent {exponent} of {base} must be dimensionless")
    base_dim = _walk(base, lookup)
    if base_dim.is_dimensionless:
        return DIMENSIONLESS
    if not exponent.is_Rational:
        raise DimensionError(f"{base} ({base_dim}) is raised to the non-numeric power {exponent}")
    return base_dim ** exponent


_SAME_AS_ARG = {"Abs", "Min", "Max", "re", "im"}
#: Functions whose value is a pure number and whose first arguments (how many) may carry any one
#: dimension: sign(E - mu), Heaviside(E - E_c) (its H(0) is a number), atan2(p_y, p_x).
_SCALE_FREE = {"sign": 1, "Heaviside": 1, "atan2": 2}


def _function(expr: sympy.Basic, lookup: SymbolDims) -> Dim:
    name = type(expr).__name__
    free = _SCALE_FREE.get(name, len(expr.args) if name in _SAME_AS_ARG else 0)
    dims = {_walk(arg, lookup) for arg in expr.args[:free]}
    if len(dims) > 1:
        raise DimensionError(f"arguments of {name} in {expr} have different dimensions")
    for arg in expr.args[free:]:
        arg_dim = _walk(arg, lookup)
        if not arg_dim.is_dimensionless:
            raise DimensionError(f"argument {arg} of {name} must be dimensionless (got {arg_dim})")
    return dims.pop() if name in _SAME_AS_ARG else DIMENSIONLESS


def _derivative(expr: sympy.Derivative, lookup: SymbolDims) -> Dim:
    result = _walk(expr.expr, lookup)
    for var, count in expr.variable_count:
        result = result / _walk(var, lookup) ** count
    return result


def _integral(expr: sympy.Integral, lookup: SymbolDims) -> Dim:
    result = _walk(expr.function, lookup)
    for limits in expr.limits:
        result = result * _walk(limits[0], lookup)
    return result


def _limit(expr: sympy.Limit, lookup: SymbolDims) -> Dim:
    return _walk(expr.args[0], lookup)


def _relational(expr: sympy.Basic, lookup: SymbolDims) -> Dim:
    lhs, rhs = _walk(expr.args[0], lookup), _walk(expr.args[1], lookup)
    if lhs != rhs:
        raise DimensionError(f"the sides of {expr} differ in dimension: {lhs} vs {rhs}", lhs=lhs, rhs=rhs)
    return lhs


_HANDLERS: dict[str, Callable[[sympy.Basic, SymbolDims], Dim]] = {
    "Derivative": _derivative,  # type: ignore[dict-item]
    "Integral": _integral,  # type: ignore[dict-item]
    "Limit": _limit,  # type: ignore[dict-item]
    "Equality": _relational,
    "LessThan": _relational,
    "StrictLessThan": _relational,
    "GreaterThan": _relational,
    "StrictGreaterThan": _relational,
}
