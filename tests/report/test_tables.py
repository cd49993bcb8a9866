"""Regenerated tables: cells come from claims, verdicts and footnotes from the ledger, SI values from
CODATA; the LaTeX of reggiani2026 compiles with pdflatex and renders to PNG."""

import argparse
import os
import shutil
import subprocess

import pytest
import scipy.constants as sc
import sympy

from symcond import Eq, Paper
from symcond.cli import tables as tables_command
from symcond.errors import DefinitionError
from symcond.ledger.run import load_papers, verify
from symcond.model.tables import Carrier, Column, Row, Table
from symcond.report.table_formats import render_tables
from symcond.report.tables import (
    build_tables,
    si_value,
    table_prefixes,
    unit_latex,
)

DEMO = '''
from symcond import Column, Expect, Paper, Row, Table

paper = Paper("demo2026", title="Demo")
e, h, eps0, c, q_P = paper.symbols("e h eps0 c q_P")
paper.equality("table1:e", e**2 / h, e**2 / h)
paper.equality("table1:em", q_P**2 / h, eps0 * c, expect=EXPECT)
paper.attach_table(Table(1, "Units", (Column("qp"), Column("$G_0$", claim="")),
                          (Row("e", ("$e$",)), Row("em", ("em",)))))
'''
ERRATUM = 'Expect.refuted("factor 2")'


def _demo():
    """A small paper: a true row, a refuted row (factor 2), a conditional row and a mass row."""
    paper = Paper("demo2026", title="Demo")
    e, h, eps0, c, q_P, m, m_e, h_s = paper.symbols("e h eps0 c q_P m m_e h_s")
    paper.assume("quantum", Eq(h_s, h))
    paper.equality("table1:e", e**2 / h, e**2 / h)
    paper.equality("table1:em", q_P**2 / h, eps0 * c)
    paper.equality("table1:m", m**2 / h_s, m**2 / h)
    paper.dimension("table1:m.dim", m**2 / h, "mass**2/energy/time")
    table = Table(1, "Units of $G_0$", (Column("qp"), Column("$G_0$", claim="", values=True)),
                  (Row("e", ("$e$",)), Row("em", ("em",)), Row("m", ("$m$",))),
                  (Carrier("electron", "e^-", {m: m_e}, ("m",)),))
    paper.attach_table(table)
    return paper


@pytest.fixture(scope="module")
def demo():
    """The demo paper with its table attached."""
    return _demo()


@pytest.fixture(scope="module")
def built(demo):
    """The demo table built from a fresh ledger."""
    return build_tables(demo)[0]


@pytest.fixture(scope="module")
def reggiani():
    """The bundled reggiani2026 paper and the ledger of its table claims."""
    paper = next(p for p in load_papers() if p.key == "reggiani2026")
    return paper, verify([paper], only=table_prefixes(paper))


def test_printed_cell_is_the_claims_right_side(built):
    """A claim cell shows the right-hand side of its claim, not a retyped expression."""
    assert built.rows[1][1].lines == (((True, r"c \varepsilon_0"),),)


def test_refuted_row_gets_a_footnote_with_the_exact_ratio(built):
    """The row q_P^2/h = eps0 c is marked and its footnote carries lhs/rhs = 2."""
    assert (built.rows[1][-1].plain(), built.notes[0].ratio) == ("fails (a)", "2")


def test_conditional_row_names_its_condition(built):
    """A holds-under row shows the stated assumption it needs."""
    assert built.rows[2][-1].plain() == "holds under; quantum"


def test_true_row_has_no_footnote(built):
    """A row that holds is plain and adds no footnote."""
    assert (built.rows[0][-1].plain(), len(built.notes)) == ("holds", 1)


def test_value_column_only_for_applicable_carriers(built):
    """The electron value appears in the mass row only; elsewhere a dash."""
    assert built.rows[0][2].plain() == "—" and built.rows[2][2].plain().startswith("e^-")


def test_si_value_of_the_mass_conductance_matches_codata(demo):
    """m_e^2/h for the electron matches scipy's CODATA values to 4 digits, in kg^2/(J s)."""
    m, m_e, h = demo.symbols("m m_e h")
    mantissa, exponent = f"{sc.m_e**2 / sc.h:.3e}".split("e")
    assert si_value(demo, m**2 / h, Carrier("electron", "e^-", {m: m_e})) == (
        rf"{mantissa} \times 10^{{{int(exponent)}}}", r"\mathrm{kg^{2}/(J\,s)}")


def test_si_value_keeps_symbols_without_values(demo):
    """The thermal quantum pi^2 k_B^2 T/(3h) keeps T and has the CODATA coefficient, in W/K."""
    k_B, T, h = demo.symbols("k_B T h")
    number, unit = si_value(demo, sympy.pi**2 * k_B**2 * T / (3 * h), Carrier("none", ""))
    assert (number, unit) == (f"{sympy.pi.evalf() ** 2 * sc.k**2 / (3 * sc.h) * 1e13:.4g}" r" \times 10^{-13}\,T",
                              r"\mathrm{W/K}")


@pytest.mark.parametrize(("unit", "latex"), [("m^2/s", r"\mathrm{m^{2}/s}"),
                                             ("kg s^-2 K^-1", r"\mathrm{kg\,s^{-2}\,K^{-1}}")])
def test_unit_latex(unit, latex):
    """Unit names become upright LaTeX with braced exponents and thin spaces."""
    assert unit_latex(unit) == latex


def test_attach_rejects_an_unknown_claim(demo):
    """A claim cell naming no claim is a DefinitionError naming the id."""
    table = Table(2, "x", (Column("$G$", claim=""),), (Row("zz"),))
    with pytest.raises(DefinitionError, match=r"^no claim 'demo2026:table2:zz' in demo2026$"):
        demo.attach_table(table)


def test_attach_rejects_a_wrong_number_of_texts(demo):
    """Each row needs one text per text column."""
    table = Table(3, "x", (Column("qp"), Column("$G$", claim="")), (Row("e"),))
    with pytest.raises(DefinitionError, match=r"^row 'e' of table 3 must have 1 texts \(got 0\)$"):
        demo.attach_table(table)


def test_attach_rejects_a_table_number_twice():
    """A paper cannot attach two tables with the same number."""
    paper = _demo()
    with pytest.raises(DefinitionError, match=r"^table 1 is attached to demo2026 twice$"):
        paper.attach_table(Table(1, "again", (Column("$G$", claim=""),), (Row("e"),)))


def test_render_rejects_an_unknown_format(demo):
    """Only latex and markdown exist."""
    with pytest.raises(DefinitionError, match=r"^unknown table format 'html'; choose latex or markdown$"):
        render_tables(demo, "html")


def test_render_needs_attached_tables():
    """A paper without tables cannot be rendered."""
    with pytest.raises(DefinitionError, match=r"^paper 'bare2026' attaches no tables$"):
        render_tables(Paper("bare2026"), "markdown")


def test_markdown_has_one_line_per_row(demo):
    """The Markdown table has a header, a rule and one line per row, then the footnote."""
    lines = render_tables(demo, "markdown", standalone=False).splitlines()
    assert [line[:2] for line in lines[2:7]] == ["| ", "|-", "| ", "| ", "| "] and lines[-1].startswith("a. ")


def test_reggiani_tables_mark_every_refuted_row(reggiani):
    """Each refuted table row of reggiani2026 has a footnote mark in its verdict cell."""
    paper, ledger = reggiani
    marked = {(t.number, i) for t in build_tables(paper, ledger) for i, row in enumerate(t.rows)
              if row[-1].plain().startswith("fails (")}
    failing_rows = {(int(e.claim.id.split(":")[1][5:]), e.claim.id.split(":")[2].split(".")[0])
                    for e in ledger.entries if not e.outcome.passed}
    # 7 printed entries, plus the rows whose isotropic reading (c/sqrt(3), s/sqrt(3)) is refuted (issue 16)
    assert len(marked) == len(failing_rows) >= 7


def _run(cmd, cwd):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)


def test_reggiani_latex_compiles_and_renders(reggiani, tmp_path):
    """The LaTeX document of Tables 1-4 compiles with pdflatex and renders to PNG pages with pdftoppm."""
    if shutil.which("pdflatex") is None or shutil.which("pdftoppm") is None:
        if os.environ.get("CI"):
            pytest.fail("pdflatex/pdftoppm missing: install texlive-latex-base and poppler-utils")
        pytest.skip("pdflatex or pdftoppm not installed (Debian: texlive-latex-base poppler-utils)")
    paper, ledger = reggiani
    (tmp_path / "tables.tex").write_text(render_tables(paper, "latex", ledger), encoding="utf-8")
    compiled = _run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "tables.tex"], tmp_path)
    assert compiled.returncode == 0, compiled.stdout[-2000:]
    rendered = _run(["pdftoppm", "-png", "-r", "100", "tables.pdf", "page"], tmp_path)
    assert rendered.returncode == 0 and len(list(tmp_path.glob("page-*.png"))) >= 2


def _tables_args(argv):
    parser = argparse.ArgumentParser(prog="symcond")
    tables_command.register(parser.add_subparsers(dest="command"))
    return parser.parse_args(argv)


def test_tables_command_writes_markdown(tmp_path):
    """`symcond tables demo2026 --format markdown` renders the demo paper's table and exits 0."""
    (tmp_path / "demo.py").write_text(DEMO.replace("EXPECT", ERRATUM), encoding="utf-8")
    args = _tables_args(["tables", "demo2026", "--format", "markdown", "--derivation", str(tmp_path / "demo.py")])
    result = args.handler(args)
    assert (result.code, result.text.splitlines()[2]) == (0, "**Table 1.** Units")


def test_tables_command_writes_a_file(tmp_path):
    """--out writes the document and reports what it wrote."""
    (tmp_path / "demo.py").write_text(DEMO.replace("EXPECT", ERRATUM), encoding="utf-8")
    out = tmp_path / "t.tex"
    args = _tables_args(["tables", "demo2026", "--out", str(out), "--derivation", str(tmp_path / "demo.py")])
    assert (args.handler(args).text, out.read_text().startswith(r"\documentclass{article}")) == (
        f"wrote {out}: 1 table, 2 claims", True)


def test_tables_command_rejects_an_unknown_paper(tmp_path):
    """An unknown paper key is bad input with a one-line message."""
    (tmp_path / "demo.py").write_text(DEMO.replace("EXPECT", ERRATUM), encoding="utf-8")
    args = _tables_args(["tables", "nope", "--derivation", str(tmp_path / "demo.py")])
    with pytest.raises(DefinitionError, match=r"^no paper with key 'nope'$"):
        args.handler(args)


def test_tables_command_exits_1_on_an_unexpected_verdict(tmp_path):
    """A table claim whose verdict differs from its expectation makes the command exit 1."""
    (tmp_path / "demo.py").write_text(DEMO.replace("EXPECT", "Expect()"), encoding="utf-8")
    args = _tables_args(["tables", "demo2026", "--derivation", str(tmp_path / "demo.py")])
    assert args.handler(args).code == 1
