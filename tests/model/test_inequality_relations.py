"""Inequalities as printed: ``paper.inequality(..., relation=">=")`` and ``symcond check --relation ge|gt``."""

import json

import pytest
import sympy

from symcond import decide
from symcond.cli.main import main
from symcond.errors import DefinitionError
from symcond.model.paper import Paper
from symcond.model.verdict import Verdict


@pytest.fixture
def paper():
    paper = Paper("demo2026", plain=True)
    paper.assume("mu_above", sympy.Gt(*paper.symbols("mu E_c")))
    return paper


@pytest.mark.parametrize(("relation", "tex"), [
    ("<=", r"\leq"), ("<", "<"), (">=", r"\geq"), (">", ">"), ("≤", r"\leq"), ("≥", r"\geq")])
def test_statement_prints_the_relation_as_written(paper, relation, tex):
    """The generated statement keeps the sides and the relation as printed (>= is not turned into <=)."""
    mu, E_c = paper.symbols("mu E_c")
    claim = paper.inequality("eq1", mu, E_c, relation=relation)
    assert claim.statement == rf"\mu {tex} E_{{c}}"
    assert (claim.lhs, claim.rhs) == (mu, E_c)


@pytest.mark.parametrize("bad", ["=>", "==", "!=", "ge", "", 1, sympy.Ge])
def test_an_unknown_relation_is_refused_naming_it(paper, bad):
    """Anything but <=, <, >=, > (or ≤, ≥) is a DefinitionError that names the bad value."""
    mu, E_c = paper.symbols("mu E_c")
    with pytest.raises(DefinitionError, match=f"got {bad!r}".replace("(", r"\(").replace(")", r"\)")):
        paper.inequality("eq1", mu, E_c, relation=bad)


def test_strict_keeps_working_and_must_agree_with_the_relation(paper):
    """strict=True alone means <; with a non-strict relation it is refused."""
    mu, E_c = paper.symbols("mu E_c")
    assert paper.inequality("eq1", mu, E_c, strict=True).relation == "<"
    assert paper.inequality("eq2", mu, E_c, strict=True, relation=">").relation == ">"
    with pytest.raises(DefinitionError, match="not strict"):
        paper.inequality("eq3", mu, E_c, strict=True, relation=">=")


def test_greater_holds_under_the_stated_assumption(paper):
    """mu + E_c > 2 E_c needs mu > E_c: holds-under naming it; the residual is lhs - rhs."""
    mu, E_c = paper.symbols("mu E_c")
    out = decide(paper.inequality("eq1", mu + E_c, 2 * E_c, relation=">"), paper)
    assert out.verdict is Verdict.HOLDS_UNDER
    assert out.evidence.conditions == ("mu_above: mu > E_c",)


def test_false_greater_fails_with_printed_sides(paper):
    """E_c >= mu is false under mu > E_c; the counterexample's lhs is the printed lhs (E_c), and it is smaller."""
    mu, E_c = paper.symbols("mu E_c")
    out = decide(paper.inequality("eq1", E_c, mu, relation=">="), paper)
    assert out.verdict is Verdict.FAILS
    point = out.evidence.counterexample
    assert point["mu"] > point["E_c"]
    assert point["lhs"] == pytest.approx(float(point["E_c"]), rel=1e-6) and point["lhs"] < point["rhs"]


def test_greater_equal_of_equal_sides_holds_but_greater_fails(paper):
    """x >= x holds; x > x fails at a point where both sides are equal."""
    mu, _ = paper.symbols("mu E_c")
    assert decide(paper.inequality("eq1", mu, mu, relation=">=", assumptions=()), paper).verdict is Verdict.HOLDS
    assert decide(paper.inequality("eq2", mu, mu, relation=">", assumptions=()), paper).verdict is Verdict.FAILS


def test_check_ge_reports_the_printed_sides(capsys):
    """check x 2*y --relation ge: the counterexample's lhs is x (not 2 y), and it is below rhs."""
    assert main(["check", "x", "2*y", "--relation", "ge", "--assume", "x>y", "--json"]) == 1
    found = json.loads(capsys.readouterr().out)
    point = found["counterexample"]
    assert found["verdict"] == "fails"
    assert float(point["lhs"]) == pytest.approx(float(point["x"]), rel=1e-6)
    assert float(point["x"]) > float(point["y"]) and float(point["lhs"]) < float(point["rhs"])


def test_check_gt_holds_under_and_names_lhs_minus_rhs(capsys):
    """check x 2*y --relation gt --assume x>3*y: holds-under; x + y > y holds and says lhs - rhs = x."""
    assert main(["check", "x", "2*y", "--relation", "gt", "--assume", "x>3*y", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert (found["verdict"], found["conditions"]) == ("holds-under", ["x>3*y: x > 3*y"])
    assert main(["check", "x+y", "y", "--relation", "gt"]) == 0
    assert capsys.readouterr().out.startswith("holds: lhs - rhs = x is positive")
