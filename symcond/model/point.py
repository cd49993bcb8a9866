"""A counterexample as data: the exact point, both sides' values there, and their SI units.

:class:`Counterexample` reads as the mapping it always was (name -> exact coordinate, ``"lhs"``
and ``"rhs"`` -> the sides' values) and carries, as data beside it, the SI dimension of each entry
that has one (:attr:`Counterexample.units`) and the coordinates that are CODATA constants at their
CODATA value (:attr:`Counterexample.constants`).  Reports print the units from these values; no
text is parsed back.

>>> from sympy.physics.units import temperature
>>> point = Counterexample.of({"T": sympy.Rational("275.3"), "lhs": sympy.Float(2)},
...                           units={"T": Dim.of(temperature)})
>>> dict(point), point.unit("T").unit_name(), point.unit("lhs")
({'T': 2753/10, 'lhs': 2.00000000000000}, 'K', None)
>>> show_coordinate(sympy.Rational("1.602176634e-19")), show_coordinate(sympy.Rational(1, 3))
('1.602176634e-19', '0.33333333')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import sympy
from mpmath.libmp import to_str

from symcond.quantities.dimensions import Dim

__all__ = ["Counterexample", "show_coordinate", "point_text", "POINT_DIGITS", "EXACT_DIGITS"]

#: Significant digits of a counterexample coordinate that has no shorter exact decimal form.
POINT_DIGITS = 8
#: Most significant digits with which a coordinate is shown exactly (a CODATA value has up to 11).
EXACT_DIGITS = 20


@dataclass(frozen=True, eq=False)
class Counterexample(Mapping[str, sympy.Expr]):
    """Name -> value of a counterexample, with the SI dimension of the entries that have one.

    Attributes
    ----------
    entries : tuple of (str, sympy.Expr)
        The coordinates (exact rationals) and the sides' values (``"lhs"``, ``"rhs"``), in order.
    units : tuple of (str, Dim)
        The SI dimension of each entry whose dimension is known (coordinates in SI units).
    constants : frozenset of str
        The coordinates set at their CODATA value (SI).
    """

    entries: tuple[tuple[str, sympy.Expr], ...]
    units: tuple[tuple[str, Dim], ...] = ()
    constants: frozenset[str] = frozenset()

    @classmethod
    def of(cls, values: Mapping[str, sympy.Expr], units: Mapping[str, Dim] | None = None,
           constants: Iterable[str] = ()) -> Counterexample:
        """A counterexample from a mapping, with the units of (some of) its entries."""
        known = units or {}
        return cls(tuple(values.items()), tuple((k, known[k]) for k in values if k in known),
                   frozenset(c for c in constants if c in values))

    def __getitem__(self, name: str) -> sympy.Expr:
        for key, value in self.entries:
            if key == name:
                return value
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return (key for key, _ in self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Counterexample):
            return (self.entries, self.units, self.constants) == (other.entries, other.units, other.constants)
        return isinstance(other, Mapping) and dict(self.entries) == dict(other)

    __hash__ = None  # type: ignore[assignment]

    def unit(self, name: str) -> Dim | None:
        """The SI dimension of entry ``name``; None when it is not known."""
        return dict(self.units).get(name)

    def with_values(self, values: Mapping[str, sympy.Expr]) -> Counterexample:
        """The same units and constants over new values for the same names."""
        return Counterexample(tuple(values.items()), self.units, self.constants)


def show_coordinate(value: sympy.Rational) -> str:
    """A coordinate as its shortest exact decimal (up to :data:`EXACT_DIGITS` digits), else rounded to
    :data:`POINT_DIGITS` significant digits: the re-checks used exactly the point shown.

    >>> show_coordinate(sympy.Rational("0.217262")), show_coordinate(sympy.Integer(3))
    ('0.217262', '3.0')
    """
    for digits in range(1, EXACT_DIGITS + 1):
        text = str(to_str(sympy.Float(value, digits)._mpf_, digits))
        if sympy.Rational(text) == value:
            return text
    return str(to_str(sympy.Float(value, POINT_DIGITS)._mpf_, POINT_DIGITS))


def point_text(values: Mapping[str, str], units: Mapping[str, str], constants: Iterable[str]) -> str:
    """A shown counterexample as one line: ``T = 275.3 K, e = 1.602176634e-19 C (CODATA), lhs = ...``.

    >>> point_text({"T": "275.3", "e": "1.602176634e-19", "x": "2.0"}, {"T": "K", "e": "C"}, {"e"})
    'T = 275.3 K, e = 1.602176634e-19 C (CODATA), x = 2.0'
    """
    codata = set(constants)
    return ", ".join(f"{name} = {value}" + (f" {units[name]}" if name in units and value != "undefined" else "")
                     + (" (CODATA)" if name in codata else "") for name, value in values.items())
