r"""Printed tables as data: a derivation file describes each table once (columns, rows, carriers)
and attaches it to its paper (:meth:`symcond.model.paper.Paper.attach_table`).

A *claim column* shows the right-hand side of the claim ``table<N>:<row>[.<tag>]``, so nothing
of a printed entry is typed twice; :mod:`symcond.report.tables` regenerates the table with
verdicts, SI values and footnotes.

>>> import sympy
>>> table = Table(1, "Units", (Column("$G_0$", claim=""),), (Row("e"),))
>>> class Demo:
...     key = "demo2026"
>>> table.claim_id(Demo(), table.rows[0], table.columns[0])
'demo2026:table1:e'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import sympy

__all__ = ["Carrier", "Column", "Row", "Table", "latex_of"]


class Keyed(Protocol):
    """Anything with a paper key (a :class:`~symcond.model.paper.Paper`)."""

    key: str


@dataclass(frozen=True)
class Carrier:
    """A particle whose SI values a table shows.

    Attributes
    ----------
    name : str
        Plain name (``"electron"``).
    latex : str
        LaTeX label shown before its values (``"e^-"``).
    substitutions : mapping
        Symbol -> expression with an SI value (``{m: m_e}``).
    rows : tuple of str or None
        Row keys the carrier applies to (None: every row).
    """

    name: str
    latex: str
    substitutions: Mapping[sympy.Symbol, sympy.Expr] = field(default_factory=dict)
    rows: tuple[str, ...] | None = None

    def applies_to(self, row: str) -> bool:
        """True when the carrier's values are shown in ``row``."""
        return self.rows is None or row in self.rows


@dataclass(frozen=True)
class Column:
    """One printed column: a text column (``claim=None``) or the right side of a row claim.

    ``claim=""`` shows claim ``table<N>:<row>``; ``claim="D"`` shows ``table<N>:<row>.D``.
    ``values=True`` adds a column with the SI values of the entry for the table's carriers.
    """

    header: str
    claim: str | None = None
    values: bool = False


@dataclass(frozen=True)
class Row:
    """A row: its key (as in the claim ids) and the texts of the text columns, in order."""

    key: str
    texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    """A printed table: number, caption (``$...$`` for math), columns, rows, carriers."""

    number: int
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    carriers: tuple[Carrier, ...] = ()

    def claim_id(self, paper: Keyed, row: Row, column: Column) -> str:
        """The full id of the claim shown in a claim cell."""
        tag = f".{column.claim}" if column.claim else ""
        return f"{paper.key}:table{self.number}:{row.key}{tag}"

    def row_prefix(self, paper: Keyed, row: Row) -> str:
        """The id every claim of ``row`` starts with (followed by nothing or ``.tag``)."""
        return f"{paper.key}:table{self.number}:{row.key}"


def _latex_names(paper: Any) -> dict[sympy.Symbol, str]:
    return {q.symbol: q.latex for q in paper.registry}


def latex_of(paper: Any, expr: sympy.Expr) -> str:
    """``expr`` in LaTeX with the paper's symbol names (``\\varepsilon_0`` for eps0)."""
    return sympy.latex(expr, symbol_names=_latex_names(paper))
