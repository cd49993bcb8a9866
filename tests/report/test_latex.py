"""The LaTeX ledger compiles with pdflatex, renders to PNG, and shows claim text literally (escaping)."""

import re
import shutil
import subprocess

import pytest

from symcond import Expect, Paper
from symcond.ledger.run import verify
from symcond.report.latex import escape_math, escape_text, statement_latex
from symcond.report.ledger_formats import render_ledger

TOOLS = all(shutil.which(tool) for tool in ("pdflatex", "pdftoppm", "pdftotext"))
needs_tex = pytest.mark.skipif(not TOOLS, reason="pdflatex/poppler missing; .ci/system-deps installs them")
HOSTILE = "a_b 50% R&D #3 {x} ~t^2 back\\slash <less> |bar| \"quoted\" $5"


def _compile(folder, text):
    """pdflatex the document, render page 1 to PNG at 80 dpi; return (PDF text, PNG paths)."""
    (folder / "ledger.tex").write_text(text, encoding="utf-8")
    done = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "ledger.tex"], cwd=folder,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:]
    subprocess.run(["pdftoppm", "-png", "-r", "80", "ledger.pdf", "page"], cwd=folder, check=True, timeout=120)
    extracted = subprocess.run(["pdftotext", "-raw", "ledger.pdf", "-"], cwd=folder, check=True, timeout=60,
                               capture_output=True, text=True).stdout
    return extracted, sorted(folder.glob("page-*.png"))


@needs_tex
def test_real_ledger_compiles_and_shows_every_claim(bundled_ledger, tmp_path):
    """The real ledger compiles to a PDF whose text contains every claim id, rendered to PNG pages."""
    extracted, pages = _compile(tmp_path, render_ledger(bundled_ledger, "latex"))
    squeezed = re.sub(r"\s+", "", extracted)
    missing = [e.claim.id for e in bundled_ledger.entries if e.claim.id.partition(":")[2] not in squeezed]
    assert not missing and pages and all(p.stat().st_size > 10_000 for p in pages)


@pytest.fixture(scope="module")
def hostile_ledger():
    """A small ledger whose locations, statements and erratum notes contain every LaTeX special and unicode."""
    paper = Paper("hostile2026", title="Specials & unicode: 100% τ", reference="R&D_lab #1")
    e, h = paper.symbols("e h")
    paper.equality("eq1", e**2 / h, e**2 / h, where=HOSTILE, statement="G_0 x D_0 is e^2/h for 100% of cases")
    paper.equality("eq2", 2 * e**2 / h, e**2 / h, where="Eq. (2) — café ħ ≤ τ 中",
                   statement=r"at $l = L$ the time is $\tau_T = L/v'$ \& more",
                   expect=Expect.refuted("factor 2: see " + HOSTILE))
    paper.equality("eq3", e, e, statement=r"\frac{1}{2")
    return verify([paper])


@needs_tex
def test_hostile_text_compiles_and_reads_back_literally(hostile_ledger, tmp_path):
    """Underscores, %, &, #, braces, ~, ^, backslash, <, >, |, quotes and $ print (and copy) as themselves."""
    extracted, _ = _compile(tmp_path, render_ledger(hostile_ledger, "latex"))
    flat = re.sub(r"\s+", "", extracted)
    for token in ("a_b50%R&D#3{x}~t^2back\\slash<less>|bar|\"quoted\"$5", "100%", "R&D_lab#1", "\\frac{1}{2"):
        assert token in flat, token


@needs_tex
def test_unicode_is_typeset(hostile_ledger, tmp_path):
    """Accented letters and Greek letters come out as glyphs; a CJK character is shown as its code point."""
    extracted, _ = _compile(tmp_path, render_ledger(hostile_ledger, "latex"))
    assert "[U+4E2D]" in extracted and "caf" in extracted and "—" in extracted


@pytest.mark.parametrize(("text", "expected"), [
    ("a_b", r"a\texttt{\char95}b"), ("50%", r"50\%"), ("R&D", r"R\&D"), ("#", r"\#"), ("$", r"\$"),
    ("{}", r"\{\}"), ("~", r"\texttt{\char126}"), ("^", r"\texttt{\char94}"), ("\\", r"\texttt{\char92}"),
    ("<>", r"\textless{}\textgreater{}"), ("|", r"\textbar{}"), ('"', r"\texttt{\char34}"),
    ("τ", r"\ensuremath{\tau}"), ("Ω", r"\ensuremath{\Omega}"), ("—", "---"), ("é", r"\'{e}"), ("ü", r'\"{u}'),
    ("中", "[U+4E2D]"), ("≤", r"\ensuremath{\le}"),
])
def test_escape_text_table(text, expected):
    """Each special and non-ASCII character maps to its LaTeX text-mode form."""
    assert escape_text(text) == expected


@pytest.mark.parametrize(("statement", "expected"), [
    (r"\tau_m < \tau_{in}", r"$\tau_m < \tau_{in}$"),
    ("G_0 x D_0 for m is independent of h", r"G\texttt{\char95}0 x D\texttt{\char95}0 for m is independent of h"),
    ("at $l = L$ it holds", "at $l = L$ it holds"),
    ("unbalanced $x", r"unbalanced \$x"),
    (r"\frac{1}{2", r"\texttt{\char92}frac\{1\}\{2"),
    (r"a & b \\ c", r"a \& b \texttt{\char92}\texttt{\char92} c"),
    ("τ_in ≤ 1", r"$\tau _in \le  1$"),
])
def test_statement_latex_table(statement, expected):
    """Statements become inline math, text with math, or escaped text when they would not compile."""
    assert statement_latex(statement) == expected


def test_escape_math_keeps_ascii():
    """ASCII LaTeX passes through escape_math unchanged."""
    assert escape_math(r"\frac{e^2}{h} = G_0") == r"\frac{e^2}{h} = G_0"


def test_counterexample_is_typeset_with_units():
    """A refuted claim's counterexample sets each CODATA constant with its unit upright, marked CODATA."""
    from symcond.report.latex import detail_latex

    paper = Paper("units2026")
    e, h = paper.symbols("e h")
    paper.equality("eq2", 2 * e**2 / h, e**2 / h, where="Eq. (2)", expect=Expect.refuted("factor 2"))
    detail = detail_latex(verify([paper]).entries[0])
    assert r"e = 1.602176634 \times 10^{-19}\,\mathrm{C}$ (CODATA)" in detail
    assert r"h = 6.62607015 \times 10^{-34}\,\mathrm{J\,s}$ (CODATA)" in detail


@pytest.mark.parametrize(("expect", "line"), [
    (None, "1 claim decided by symcond"),
    (Expect.refuted("a slip that is none"), "; 1 verdict differs from the recorded expectation"),
])
def test_closing_line_counts_in_the_singular(expect, line):
    """One claim and one unexpected verdict are counted in the singular ('1 claim', '1 verdict differs')."""
    paper = Paper("one2026")
    e, h = paper.symbols("e h")
    paper.equality("eq1", e**2 / h, e**2 / h, **({"expect": expect} if expect else {}))
    assert line in render_ledger(verify([paper]), "latex")
