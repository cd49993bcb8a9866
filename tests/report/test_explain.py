"""symcond explain: each step with its rule and own check, refutation evidence, SI dimensions, close ids."""

import re

import mpmath
import pytest
import sympy
from sympy.physics.units import conductance

from symcond import Paper, Rewrite, Step
from symcond.cli.main import main
from symcond.errors import DefinitionError
from symcond.ledger.run import load_papers
from symcond.model.verdict import Verdict
from symcond.quantities.dimensions import Dim
from symcond.report.explain import explain, resolve_claim


@pytest.fixture(scope="module")
def papers():
    """The bundled papers."""
    return load_papers()


@pytest.fixture(scope="module")
def eq11(papers):
    """The explanation of reggiani2026:eq11 (q_P^2/h against eps0 c: refuted, factor 2)."""
    return explain(*resolve_claim(papers, "reggiani2026:eq11"))


def test_derivation_lists_every_step_with_its_rule_and_check(papers):
    """dasgreen2003:eq3 shows each step's rule and its own passed check, in order."""
    paper, claim = resolve_claim(papers, "dasgreen2003:eq3")
    explanation = explain(paper, claim)
    text = explanation.text()
    assert [s.rule for s in explanation.steps] == [s.rule.describe() for s in claim.steps]
    assert all(s.outcome.verdict is Verdict.HOLDS for s in explanation.steps)
    assert text.index("step 1: integrate over t_p from 0 to t") < text.index("step 2: limit t -> oo")
    assert text.count("check: passed") == len(claim.steps)


def test_broken_step_shows_its_ratio():
    """A step off by a factor 2 is reported as FAILS with ratio stated/expected = 2; the others pass."""
    paper = Paper("broken2026")
    e, h = paper.symbols("e h")
    claim = paper.derivation("eq1", e**2 / h, Step(e * e / h, Rewrite()), Step(2 * e**2 / h, Rewrite()))
    explanation = explain(paper, claim)
    assert [s.outcome.verdict for s in explanation.steps] == [Verdict.HOLDS, Verdict.FAILS]
    assert "check: FAILS: " in explanation.text() and "ratio stated/expected = 2" in explanation.text()
    assert explanation.outcome.verdict is Verdict.FAILS and explanation.outcome.evidence.step == 2


def test_refuted_claim_shows_exact_factor(eq11):
    """The refuted Eq. (11) shows the exact factor 2 and the recorded erratum."""
    text = eq11.text()
    assert "exact factor lhs/rhs: 2" in text and "erratum recorded: q_P^2/h = 2 eps0 c" in text


def test_counterexample_is_a_real_counterexample(eq11):
    """At the printed counterexample both sides, re-evaluated with mpmath, differ by the stated factor."""
    point = eq11.outcome.evidence.shown().counterexample
    lhs, rhs = (e.prepared if e.prepared is not None else e.expr for e in eq11.expressions)
    subs = {s: sympy.Float(point[s.name], 30) for s in lhs.free_symbols | rhs.free_symbols}
    with mpmath.workdps(30):
        ratio = sympy.N(lhs.subs(subs) / rhs.subs(subs), 25)
        assert abs(ratio - 2) < 1e-20
        assert abs(sympy.N(rhs.subs(subs), 25) - sympy.Float(point["rhs"])) < 1e-9 * abs(sympy.Float(point["rhs"]))


def test_each_side_has_its_si_dimension(eq11):
    """Both sides of Eq. (11) are conductances: 'S = <base units of sympy's conductance>'."""
    assert [e.dimension for e in eq11.expressions] == [f"S = {Dim.of(conductance)}"] * 2
    assert eq11.text().count(f"[SI: S = {Dim.of(conductance)}]") == 2


def test_latex_option_uses_the_papers_symbol_names(capsys):
    """--latex prints expressions as LaTeX with registry names (eps0 as \\varepsilon_0)."""
    code = main(["explain", "reggiani2026:eq11", "--latex"])
    out = capsys.readouterr().out
    assert code == 0 and r"c \varepsilon_0" in out


def test_markdown_has_a_row_per_expression_and_step(papers):
    """The Markdown view has a table row for the start and one per step, each with inline math."""
    paper, claim = resolve_claim(papers, "dasgreen2003:eq3")
    rows = [ln for ln in explain(paper, claim)._repr_markdown_().splitlines() if re.match(r"\| (start|\d+) \| \$", ln)]
    assert len(rows) == 1 + len(claim.steps)


def test_unknown_id_is_one_line_naming_close_ids(capsys):
    """An unknown id exits 2 with one line on stderr that suggests the close ids."""
    code = main(["explain", "reggiani2026:eq111"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1
    assert err.startswith("symcond: error: no claim with id 'reggiani2026:eq111'; did you mean reggiani2026:eq11")


def test_ambiguous_local_id_names_the_candidates():
    """A local id defined by two papers is rejected, naming both full ids."""
    papers = [Paper("one2026"), Paper("two2026")]
    for paper in papers:
        e, h = paper.symbols("e h")
        paper.equality("eq1", e**2 / h, e**2 / h)
    with pytest.raises(DefinitionError, match=r"^claim id 'eq1' is ambiguous: one2026:eq1, two2026:eq1$"):
        resolve_claim(papers, "eq1")


def test_counterexample_shows_codata_values_and_si_units(eq11):
    """The constants of Eq. (11) take their CODATA values, marked so; coordinates and sides carry SI units."""
    line = next(line for line in eq11.text().splitlines() if "numeric counterexample:" in line)
    assert "c = 299792458.0 m/s (CODATA)" in line and "eps0 = 8.8541878188e-12 F m^-1 (CODATA)" in line
    assert re.search(r"\bL = [0-9.e-]+ m, ", line) and re.search(r"rhs = [0-9.e-]+ S$", line)
