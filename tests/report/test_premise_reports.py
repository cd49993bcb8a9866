"""Premises (postulate, definition, data) are shown and counted apart from computed verdicts in every format."""

import json

import pytest
import sympy

from symcond import Paper
from symcond.cli.readme import ledger_summary
from symcond.ledger.run import verify
from symcond.report.ledger_formats import render_ledger


@pytest.fixture(scope="module")
def ledger():
    """One computed claim, a postulate, a definition and a datum."""
    paper = Paper("prem2026")
    e, h = paper.symbols("e h")
    tau_in, tau_el = paper.declare("tau_in", "time"), paper.declare("tau_el", "time")
    D = paper.declare("D_n", "length**2/time")
    paper.assume("ordered", sympy.Le(tau_in, tau_el))
    paper.equality("eq1", e / h, e / h)
    paper.inequality("eq2", tau_in, tau_el, role="postulate")
    paper.dimension("eq3", D * tau_in, "length**2", role="definition")
    paper.data("eq4.si", D, "3.5e-3 m^2/s")
    return verify([paper], jobs=0)


def test_text_counts_premises_apart(ledger):
    """The paper line counts the computed verdict, then 'premises: 1 postulate, 1 definition, 1 datum'."""
    first = render_ledger(ledger, "text").splitlines()[0]
    assert first == "prem2026: 4 claims: 1 holds; premises: 1 postulate, 1 definition, 1 datum"


def test_json_summary_has_the_premise_verdicts(ledger):
    """The JSON summary counts each premise class under its own verdict."""
    summary = json.loads(render_ledger(ledger, "json"))["summary"]
    assert summary["verdicts"] == {"holds": 1, "postulate": 1, "definition": 1, "data": 1}
    assert summary["unexpected"] == []


@pytest.mark.parametrize("fmt", ["markdown", "latex", "html"])
def test_tables_have_premise_columns_after_the_computed_ones(ledger, fmt):
    """Markdown, LaTeX and HTML summaries list postulate, definition and data after undecided."""
    text = render_ledger(ledger, fmt)
    assert text.index("undecided") < text.index("postulate") < text.index("definition") < text.index("data")


def test_readme_summary_has_premise_columns(ledger):
    """The README's ledger-summary table gains the premise columns when a paper has premises."""
    head = ledger_summary(ledger).splitlines()[0]
    assert head == ("| paper | claims | holds | holds-under | fails | undecided | postulate | definition | data"
                    " | unexpected |")


@pytest.mark.parametrize(("unit", "html"), [
    ("m^2/s", "m<sup>2</sup>/s"),
    ("kg^-1 m^2 s^-1", "kg<sup>−1</sup> m<sup>2</sup> s<sup>−1</sup>"),
    ("kg^1/2 m^3/2", "kg<sup>1/2</sup> m<sup>3/2</sup>"),
])
def test_unit_html_raises_only_the_exponent(unit, html):
    """'m^2/s' raises the 2, not '2/s' (the named unit of a diffusion coefficient printed as m^{2/s})."""
    from symcond.report.html_math import unit_html

    assert unit_html(unit) == html
