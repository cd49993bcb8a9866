"""Dimensions of a draft's own symbols, pinned by its definitions and equalities.

A symbol alone on one side of a definition or equality takes the dimension of the other side when
that is known; the argument of ``exp``, ``log``, ``sin``... is dimensionless, which pins the one
unknown symbol of a product of powers.

>>> from symcond.draft.claims import Drafted
>>> from symcond.draft.symbols import SymbolTable
>>> table = SymbolTable()
>>> U, k_B, T = table("U|||"), table("k|B||"), table("T|||")
>>> infer_dimensions([Drafted("definition", "eq1", "Eq. (1)", "U = k_B T", lhs=U, rhs=k_B * T)], table)
{'U': 'J'}
"""

from __future__ import annotations

from fractions import Fraction

import sympy

from symcond.draft.claims import Drafted
from symcond.draft.symbols import SymbolTable
from symcond.errors import SymcondError
from symcond.quantities.dimensions import dimension_of

__all__ = ["infer_dimensions"]


def _pin_by_arguments(expr: sympy.Expr, known: dict[sympy.Basic, object], table: SymbolTable) -> None:
    """``exp(h nu / k_B T)``: the argument of exp, log, sin, ... is dimensionless, which pins the one
    unknown symbol of a product of powers (``nu`` is a frequency)."""
    for call in expr.atoms(sympy.Function):
        if len(call.args) != 1 or isinstance(call, sympy.Integral):
            continue
        (argument,) = call.args
        factors = [f.as_base_exp() for f in sympy.Mul.make_args(argument)]
        if not all(b.is_number or isinstance(b, sympy.Symbol) for b, _e in factors) or not all(
                e.is_Rational for _b, e in factors):
            continue
        unknown = [(b, e) for b, e in factors if isinstance(b, sympy.Symbol) and b not in known]
        if len(unknown) != 1 or not table.is_own(unknown[0][0]):
            continue
        symbol, power = unknown[0]
        try:
            rest = dimension_of(argument / symbol**power, known.get)  # type: ignore[arg-type]
        except SymcondError:
            continue
        if rest is not None:
            known[symbol] = (rest ** -1) ** Fraction(int(power.p), int(power.q))  # type: ignore[operator]


def infer_dimensions(drafted: list[Drafted], table: SymbolTable) -> dict[str, str]:
    """Dimensions of the paper's own symbols pinned by definitions and equalities (name -> unit text)."""
    known: dict[sympy.Basic, object] = {table.registry.symbol(n): table.registry.quantity(n).dimension
                                        for n in table.registry_names()}
    for _round in range(3):
        for item in drafted:
            for expr in (item.lhs, item.rhs):
                if expr is not None:
                    _pin_by_arguments(expr, known, table)
            if item.kind not in ("definition", "equality") or item.lhs is None or item.rhs is None:
                continue
            for side, other in ((item.lhs, item.rhs), (item.rhs, item.lhs)):
                if isinstance(side, sympy.Symbol) and side not in known and table.is_own(side):
                    try:
                        dim = dimension_of(other, known.get)  # type: ignore[arg-type]
                    except SymcondError:
                        dim = None
                    if dim is not None:
                        known[side] = dim
    return {s.name: d.unit_name() if not d.is_dimensionless else "1"  # type: ignore[attr-defined]
            for s, d in known.items() if isinstance(s, sympy.Symbol) and table.is_own(s)}
