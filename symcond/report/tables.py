r"""Tables of a paper regenerated from its claims, with verdicts, SI values and footnotes.

A derivation file describes each printed table once (:class:`~symcond.model.tables.Table`:
columns, rows, carriers) and attaches it to its :class:`~symcond.model.paper.Paper`.
Nothing of the printed entries is typed twice: a *claim column* shows the right-hand side
of the claim ``table<N>:<row>[.<tag>]`` (the printed expression that claim checks).  The
row's verdict combines every claim of that row; a refuted claim gets a footnote with the
exact ratio and, when they differ, both SI dimensions.  :func:`build_tables` turns the
description into plain cells (:class:`BuiltTable`), which
:mod:`symcond.report.table_formats` writes as LaTeX or Markdown.

>>> import sympy
>>> from symcond import Column, Paper, Row, Table
>>> paper = Paper("demo2026")
>>> e, h = paper.symbols("e h")
>>> _ = paper.equality("table1:e", e**2 / h, 2 * e**2 / h)
>>> table = paper.attach_table(Table(1, "Units", (Column("$G_0$", claim=""),), (Row("e"),)))
>>> built = build_tables(paper)[0]
>>> built.rows[0][-1].plain(), built.notes[0].ratio
('fails (a)', '\\frac{1}{2}')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sympy

from symcond.ledger.run import Entry, Ledger, verify
from symcond.model.context import Context
from symcond.model.paper import Paper
from symcond.model.tables import Carrier, Row, Table, latex_of
from symcond.model.verdict import Evidence, Verdict

__all__ = ["Cell", "Note", "BuiltTable", "tables_of", "table_prefixes", "build_tables", "si_value", "unit_latex",
           "split_math"]

Segment = tuple[bool, str]  # (is LaTeX math, content)


def tables_of(paper: Paper) -> tuple[Table, ...]:
    """The tables attached to ``paper``, by number."""
    return paper.tables


def table_prefixes(paper: Paper) -> list[str]:
    """Claim-id prefixes of every attached table (for :func:`symcond.ledger.run.verify`)."""
    return [f"{paper.key}:table{t.number}:" for t in tables_of(paper)]


@dataclass(frozen=True)
class Cell:
    """A table cell: lines of segments, each segment LaTeX math or plain text."""

    lines: tuple[tuple[Segment, ...], ...] = ()

    @classmethod
    def of(cls, text: str) -> Cell:
        """A one-line cell from text with ``$...$`` math."""
        return cls((split_math(text),))

    @classmethod
    def math(cls, *lines: str) -> Cell:
        """A cell of LaTeX math lines."""
        return cls(tuple(((True, line),) for line in lines))

    @classmethod
    def text(cls, *lines: str) -> Cell:
        """A cell of plain-text lines."""
        return cls(tuple(((False, line),) for line in lines))

    def plain(self) -> str:
        """The cell as plain text (math kept as LaTeX), lines joined by ``; ``."""
        return "; ".join("".join(s for _, s in line) for line in self.lines)


@dataclass(frozen=True)
class Note:
    """A footnote on a refuted or undecided claim of a row."""

    mark: str
    claim_id: str
    where: str
    statement: tuple[Segment, ...]
    verdict: str
    ratio: str | None
    dimensions: tuple[str, str] | None
    reason: str
    erratum: str


@dataclass(frozen=True)
class BuiltTable:
    """A table ready to be written: header cells, body cells, footnotes."""

    number: int
    caption: tuple[Segment, ...]
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    notes: tuple[Note, ...]


def split_math(text: str) -> tuple[Segment, ...]:
    """Split text with ``$...$`` into (is_math, content) segments.

    >>> split_math("row $e$ only")
    ((False, 'row '), (True, 'e'), (False, ' only'))
    """
    parts = text.split("$")
    return tuple((i % 2 == 1, p) for i, p in enumerate(parts) if p)


def si_value(paper: Paper, expr: sympy.Expr, carrier: Carrier, digits: int = 4) -> tuple[str, str]:
    """The SI value of ``expr`` for ``carrier`` as (LaTeX number times remaining symbols, unit).

    Symbols without an SI value stay in the result, to be read in SI units.

    >>> paper = Paper("demo2026")
    >>> m, m_e, h, T = paper.symbols("m m_e h T")
    >>> si_value(paper, m**2 / h, Carrier("electron", "e^-", {m: m_e}))
    ('1.252 \\\\times 10^{-27}', '\\\\mathrm{kg^{2}/(J\\\\,s)}')
    """
    ctx = Context(paper.registry)
    prepared = ctx.prepare(sympy.sympify(expr).xreplace(dict(carrier.substitutions)))
    values = {s: sympy.Rational(v) for s, v in paper.registry.values().items()}
    number = sympy.N(prepared.xreplace(values), 30)
    coefficient, rest = number.as_coeff_Mul() if number.is_Mul or number.is_Number else (sympy.S.One, number)
    text = _number_latex(float(coefficient), digits)
    if rest != 1:
        text = latex_of(paper, rest) if coefficient == 1 else text + r"\," + latex_of(paper, rest)
    dimension = ctx.dimension(prepared)
    return text, "" if dimension is None or dimension.is_dimensionless else unit_latex(dimension.unit_name())


def _number_latex(value: float, digits: int) -> str:
    plain = value == 0 or 1e-2 <= abs(value) < 1e4
    mantissa, _, exponent = (f"{value:.{digits}g}" if plain else f"{value:.{digits - 1}e}").partition("e")
    return mantissa if not exponent else rf"{mantissa} \times 10^{{{int(exponent)}}}"


def unit_latex(unit: str) -> str:
    """A unit name (``'kg s^-2 K^-1'``, ``'Ω'``) in upright LaTeX.

    >>> unit_latex("kg s^-2"), unit_latex("Ω")
    ('\\\\mathrm{kg\\\\,s^{-2}}', '\\\\mathrm{\\\\Omega{}}')
    """
    braced = re.sub(r"\^(-?\d+(?:/\d+)?)", r"^{\1}", unit)
    return r"\mathrm{" + braced.replace(" ", r"\,").replace("Ω", r"\Omega{}") + "}"


def build_tables(paper: Paper, ledger: Ledger | None = None) -> list[BuiltTable]:
    """Every attached table of ``paper`` as cells, using ``ledger`` (computed when omitted)."""
    tables = tables_of(paper)
    if ledger is None:
        ledger = verify([paper], only=table_prefixes(paper))
    entries = {e.claim.id: e for e in ledger.entries}
    return [_build(paper, table, entries) for table in tables]


def _build(paper: Paper, table: Table, entries: Mapping[str, Entry]) -> BuiltTable:
    header: list[Cell] = []
    for column in table.columns:
        header.append(Cell.of(column.header))
        if column.values:
            header.append(Cell.of(f"{column.header} (SI)"))
    header.append(Cell.of("verdict"))
    notes: list[Note] = []
    body = tuple(_row_cells(paper, table, row, entries, notes) for row in table.rows)
    return BuiltTable(table.number, split_math(table.caption), tuple(header), body, tuple(notes))


def _row_cells(paper: Paper, table: Table, row: Row, entries: Mapping[str, Entry],
               notes: list[Note]) -> tuple[Cell, ...]:
    cells, texts = [], iter(row.texts)
    for column in table.columns:
        if column.claim is None:
            cells.append(Cell.of(next(texts)))
            continue
        printed = paper.claim(table.claim_id(paper, row, column)).sides()[1]
        cells.append(Cell.math(latex_of(paper, printed)))
        if column.values:
            cells.append(_values_cell(paper, table, row, printed))
    prefix = table.row_prefix(paper, row)
    mine = [e for i, e in entries.items() if i == prefix or i.startswith(prefix + ".")]
    cells.append(_verdict_cell(mine, notes))
    return tuple(cells)


def _values_cell(paper: Paper, table: Table, row: Row, printed: sympy.Expr) -> Cell:
    lines = []
    for carrier in (c for c in table.carriers if c.applies_to(row.key)):
        number, unit = si_value(paper, printed, carrier)
        label = f"{carrier.latex}:\\ " if carrier.latex else ""
        lines.append(f"{label}{number}" + (f"\\ {unit}" if unit else ""))
    return Cell.math(*lines) if lines else Cell.text("—")


def _verdict_cell(entries: Sequence[Entry], notes: list[Note]) -> Cell:
    if not entries:
        return Cell.of("not checked")
    worst = max(entries, key=lambda e: e.outcome.verdict.rank).outcome.verdict
    marks = [_note(e, notes) for e in entries if not e.outcome.passed]
    if worst is Verdict.HOLDS_UNDER:
        names = sorted({c.split(":")[0] for e in entries for c in e.outcome.evidence.conditions})
        return Cell.text("holds under", ", ".join(names))
    suffix = f" ({', '.join(marks)})" if marks else ""
    return Cell.of(worst.value + suffix)


def _note(entry: Entry, notes: list[Note]) -> str:
    mark = chr(ord("a") + len(notes)) if len(notes) < 26 else str(len(notes) + 1)
    ev, claim = entry.outcome.evidence, entry.claim
    statement = split_math(claim.statement) if "$" in claim.statement else ((True, claim.statement),)
    lhs, rhs = ev.lhs_dimension, ev.rhs_dimension
    dims = (str(lhs), str(rhs)) if lhs is not None and rhs is not None and lhs != rhs else None
    ratio = _ratio_latex(entry.paper, ev)
    notes.append(Note(mark, claim.id, claim.where, statement, entry.outcome.verdict.value, ratio, dims,
                      ev.reason, claim.expect.note))
    return mark


def _ratio_latex(paper: Paper, ev: Evidence) -> str | None:
    """The ratio in LaTeX with the paper's symbol names; a computed ratio with the digits it is shown with."""
    if ev.ratio is None:
        return None
    ratio = sympy.Float(ev.shown().ratio) if ev.numeric else ev.ratio
    names = {q.name: q.symbol for q in paper.registry}
    ours = {s: names[s.name] for s in ratio.free_symbols if isinstance(s, sympy.Symbol) and s.name in names}
    return latex_of(paper, ratio.xreplace(ours))
