"""``symcond explain`` of a solver-backed claim shows the solver runs behind its verdict."""

from __future__ import annotations

from symcond import Paper
from symcond.report.explain import explain


def test_explain_lists_every_solver_run_with_deviation_and_tolerance():
    paper = Paper("demo2026")
    u = paper.declare("u", 1, "reduced band energy", latex="u")
    claim = paper.kinetic("eq9", "drude", energy=u, laws=((1, 1),), etas=(0.0, 5.0), fields=(0.1, 10.0),
                          assumptions=())
    text = explain(paper, claim).text()
    lines = text.splitlines()
    assert lines[0] == "demo2026:eq9  ()  kinetic"
    assert "verdict: holds -- kinetic solver: 4 comparisons" in lines[2]
    assert "runs:" not in lines[2]
    runs = [line.strip() for line in lines if line.startswith("      eta=")]
    assert [r.split(":")[0] for r in runs] == ["eta=0, ratio=1, F=0.1", "eta=0, ratio=1, F=10",
                                               "eta=5, ratio=1, F=0.1", "eta=5, ratio=1, F=10"]
    assert all(" <= " in r for r in runs)
    assert any(line.strip().startswith("worst measured deviation:") for line in lines)
    assert "tau_in/tau_in0 (one per law pair)" in text
