r"""Writing regenerated tables (:class:`~symcond.report.tables.BuiltTable`) as LaTeX or Markdown.

The LaTeX is a complete ``article`` document that compiles with a plain TeX Live
(``texlive-latex-base``: only ``amsmath`` and ``geometry`` are used); with
``standalone=False`` only the ``table`` environments are returned, for inclusion.

>>> from symcond.model.paper import Paper
>>> from symcond.model.tables import Column, Row, Table
>>> paper = Paper("demo2026", title="Demo")
>>> e, h = paper.symbols("e h")
>>> _ = paper.equality("table1:e", e**2 / h, e**2 / h)
>>> _ = paper.attach_table(Table(1, "Units", (Column("$G_0$", claim=""),), (Row("e"),)))
>>> print(render_tables(paper, "markdown").splitlines()[6])
| $\frac{e^{2}}{h}$ | holds |
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum

from symcond.errors import DefinitionError
from symcond.ledger.run import Ledger
from symcond.model.paper import Paper
from symcond.report.tables import BuiltTable, Cell, Note, Segment, build_tables, tables_of

__all__ = ["TableFormat", "render_tables", "latex_tables", "markdown_tables", "latex_document"]


class TableFormat(Enum):
    """Output formats of ``symcond tables``."""

    LATEX = "latex"
    MARKDOWN = "markdown"


_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "{": r"\{",
                  "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "$": r"\$", "—": "---"}


def latex_escape(text: str) -> str:
    r"""Plain text made safe for LaTeX.

    >>> print(latex_escape("q_P^2 & 50%"))
    q\_P\textasciicircum{}2 \& 50\%
    """
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in text)


def _latex_segments(segments: Sequence[Segment], display: bool = False) -> str:
    style = r"\displaystyle " if display else ""
    return "".join(f"${style}{s}$" if math else latex_escape(s) for math, s in segments)


def _latex_cell(cell: Cell, display: bool = False) -> str:
    lines = [_latex_segments(line, display) for line in cell.lines]
    if len(lines) == 1:
        return lines[0]
    return r"{\renewcommand{\arraystretch}{1.2}\begin{tabular}[t]{@{}l@{}}" + r" \\ ".join(lines) + r"\end{tabular}}"


def _note_statement(note: Note, paper: Paper) -> str:
    """A note's statement: a LaTeX statement with its prose as text, the registry's names typeset."""
    from symcond.report.latex import statement_latex

    if len(note.statement) == 1 and note.statement[0][0]:
        return statement_latex(note.statement[0][1], paper)
    return "".join(f"${s}$" if math else statement_latex(s, paper) for math, s in note.statement)


def _latex_note(note: Note, paper: Paper) -> str:
    from symcond.report.latex import reason_latex
    from symcond.report.typeset import latex_names, names_of, unit_tex

    parts = [f"$^{{{note.mark}}}$ {latex_escape(note.where)} ({latex_escape(note.claim_id)}): "
             f"{_note_statement(note, paper)}: {note.verdict}"]
    if note.ratio is not None:
        parts.append(f"; lhs/rhs $= {note.ratio}$")
    if note.dimensions is not None:
        parts.append(f"; dimensions ${unit_tex(note.dimensions[0])}$ vs ${unit_tex(note.dimensions[1])}$")
    parts.append(f"; {reason_latex(note.erratum or note.reason, names_of(paper), latex_names(paper))}.")
    return "".join(parts)


def _latex_table(table: BuiltTable, paper: Paper) -> str:
    spec = "l" * len(table.header)
    lines = [r"\begin{table}[!htbp]", r"\centering\small\renewcommand{\arraystretch}{1.9}",
             rf"\setcounter{{table}}{{{table.number - 1}}}", rf"\caption{{{_latex_segments(table.caption)}}}",
             rf"\begin{{tabular}}{{{spec}}}", r"\hline",
             " & ".join(_latex_cell(c) for c in table.header) + r" \\", r"\hline"]
    lines += [" & ".join(_latex_cell(c, display=True) for c in row) + r" \\" for row in table.rows]
    lines += [r"\hline", r"\end{tabular}"]
    if table.notes:
        lines += [r"\par\smallskip", r"\begin{minipage}{0.95\textwidth}\footnotesize"]
        lines += [_latex_note(n, paper) + r"\par" for n in table.notes]
        lines.append(r"\end{minipage}")
    lines.append(r"\end{table}")
    return "\n".join(lines)


def latex_document(body: str, title: str = "") -> str:
    """``body`` wrapped in a complete ``article`` document."""
    heading = rf"\section*{{{latex_escape(title)}}}" if title else ""
    return "\n".join([r"\documentclass{article}", r"\usepackage[a4paper,landscape,margin=1.5cm]{geometry}",
                      r"\usepackage{amsmath}", r"\begin{document}", heading, body, r"\end{document}", ""])


def latex_tables(paper: Paper, tables: Sequence[BuiltTable], standalone: bool = True) -> str:
    """The tables as LaTeX: a complete document, or (``standalone=False``) the table environments."""
    legend = ("Printed entries are the right-hand sides of the checked claims; SI values use CODATA "
              "constants, symbols left in a value are in SI units.")
    body = "\n\n".join([latex_escape(legend), *(_latex_table(t, paper) for t in tables)])
    return latex_document(body, f"{paper.key}: {paper.title}") if standalone else body


def _md_segments(segments: Sequence[Segment]) -> str:
    return "".join(f"${s}$" if math else s for math, s in segments).replace("|", r"\|")


def _md_cell(cell: Cell) -> str:
    return "<br>".join(_md_segments(line) for line in cell.lines)


def _md_note(note: Note, paper: Paper) -> str:
    from symcond.report.typeset import latex_names, names_of, reason_markdown, unit_tex

    text = f"{note.mark}. {note.where} (`{note.claim_id}`): {_md_segments(note.statement)}: {note.verdict}"
    if note.ratio is not None:
        text += f"; lhs/rhs $= {note.ratio}$"
    if note.dimensions is not None:
        text += f"; dimensions ${unit_tex(note.dimensions[0])}$ vs ${unit_tex(note.dimensions[1])}$"
    return text + f"; {reason_markdown(note.erratum or note.reason, names_of(paper), latex_names(paper))}."


def _md_table(table: BuiltTable, paper: Paper) -> str:
    lines = [f"**Table {table.number}.** {_md_segments(table.caption)}", "",
             "| " + " | ".join(_md_cell(c) for c in table.header) + " |",
             "|" + "---|" * len(table.header)]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows]
    lines += ["", *(_md_note(n, paper) for n in table.notes)] if table.notes else []
    return "\n".join(lines)


def markdown_tables(paper: Paper, tables: Sequence[BuiltTable], standalone: bool = True) -> str:
    """The tables as Markdown (math as ``$...$``), with a heading when ``standalone``."""
    body = "\n\n".join(_md_table(t, paper) for t in tables)
    return f"## {paper.key}: {paper.title}\n\n{body}" if standalone else body


_WRITERS: dict[TableFormat, Callable[[Paper, Sequence[BuiltTable], bool], str]] = {
    TableFormat.LATEX: latex_tables, TableFormat.MARKDOWN: markdown_tables}


def render_tables(paper: Paper, fmt: str | TableFormat = TableFormat.LATEX, ledger: Ledger | None = None,
                  standalone: bool = True) -> str:
    """Every table attached to ``paper``, regenerated and written in ``fmt``.

    Raises
    ------
    DefinitionError
        When the format is unknown or the paper has no attached tables.
    """
    try:
        chosen = TableFormat(fmt)
    except ValueError:
        raise DefinitionError(f"unknown table format {fmt!r}; choose latex or markdown") from None
    if not tables_of(paper):
        raise DefinitionError(f"paper {paper.key!r} attaches no tables")
    return _WRITERS[chosen](paper, build_tables(paper, ledger), standalone)
