"""External data a paper quotes: a measured value with its unit, and what it implies.

A datum is not derived, so its verdict is the class ``data``; it is still checked: its unit
must have the dimension of the quantity it is the value of, and the quantities it implies
(an Einstein mobility ``e D/(k_B T)`` from a diffusion coefficient) are computed from it.

>>> import sympy
>>> from symcond.quantities.registry import Registry
>>> D = sympy.Symbol("D", positive=True)
>>> datum = DataValue(D, "3.5e-3 m^2/s", id="demo:text.si_D", where="Sec. 3")
>>> datum.kind.value, datum.role.value, datum.expect.verdicts
('data', 'data', frozenset({<Verdict.DATA: 'data'>}))
>>> datum.sides()
(D, 0.00350000000000000)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sympy

from symcond.errors import DefinitionError, SymcondError
from symcond.model.claims import Claim, ClaimKind, Role, SymbolNames, build, latex_printer
from symcond.quantities.units import Unit, split_quantity

__all__ = ["DataValue"]


@dataclass(frozen=True, kw_only=True)
class DataValue(Claim):
    """``quantity`` has the measured value ``stated`` (a number with its unit), quoted from outside.

    Attributes
    ----------
    quantity : sympy.Expr
        What was measured (usually a symbol with a declared dimension).
    stated : str
        The value as printed, with its unit (``"1.6e-2 m^2/s"``).
    implies : tuple of (str, sympy.Expr)
        Quantities the datum implies, each named and computed with the datum in place of
        ``quantity``, the claim's givens and CODATA values.
    """

    kind = ClaimKind.DATA
    quantity: sympy.Expr
    stated: str
    implies: tuple[tuple[str, sympy.Expr], ...] = ()

    def __init__(self, quantity: sympy.Expr, stated: str,
                 implies: Mapping[str, sympy.Expr] | Sequence[tuple[str, sympy.Expr]] = (), **kw: object) -> None:
        if kw.setdefault("role", Role.DATA) not in (Role.DATA, "data"):
            raise DefinitionError(f"claim {kw.get('id', '')!r}: a datum has the role 'data' (got {kw['role']!r})")
        pairs = tuple(implies.items()) if isinstance(implies, Mapping) else tuple(implies)
        build(self, kw, quantity=sympy.sympify(quantity), stated=stated,
              implies=tuple((str(name), sympy.sympify(expr)) for name, expr in pairs))

    def printed(self) -> tuple[str, Unit]:
        """The printed number and its unit; a value without a unit is refused (data carry their units)."""
        try:
            number, unit = split_quantity(self.stated)
        except SymcondError as exc:
            raise DefinitionError(f"claim {self.id!r}: {exc}") from exc
        if unit is None:
            raise DefinitionError(f"claim {self.id!r}: the datum {self.stated!r} needs its unit")
        return number, unit

    def si_value(self) -> sympy.Expr:
        """The datum in SI units (``"1.6e-2 cm^2/s"`` is 1.6e-6)."""
        number, unit = self.printed()
        return sympy.Float(number) * unit.scale

    def sides(self) -> tuple[sympy.Expr, sympy.Expr]:
        """The quantity and its value in SI."""
        return self.quantity, self.si_value()

    def latex(self, names: SymbolNames | None = None) -> str:
        try:
            number, unit = self.printed()
        except DefinitionError:
            return f"{latex_printer(names)(self.quantity)} = {self.stated}"
        return f"{latex_printer(names)(self.quantity)} = {number}\\ {unit.latex()}"
