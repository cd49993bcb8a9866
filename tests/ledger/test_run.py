"""Loading derivation files and running the ledger."""

import textwrap

import pytest

from symcond.errors import DefinitionError, UserCodeError
from symcond.ledger.run import bundled_paths, load_papers, verify
from symcond.model.verdict import Verdict

DEMO = textwrap.dedent('''
    from symcond import Eq, Expect, Paper
    paper = Paper("demo2026", title="A demo")
    e, h, N, Gamma = paper.symbols("e h N Gamma")
    paper.assume("ballistic", Eq(Gamma, 1))
    paper.equality("eq1", e**2 * N * Gamma / h, e**2 * N / h, where="Eq. (1)")
    paper.equality("eq2", 2 * e**2 / h, e**2 / h, where="Eq. (2)", expect=Expect.refuted("factor 2"))
''')


def test_bundled_papers_are_found():
    """Both shipped papers are bundled."""
    assert {p.stem for p in bundled_paths()} >= {"reggiani2026", "dasgreen2003"}


def test_user_file_verdicts(tmp_path):
    """A user derivation file is loaded and decided; the erratum matches its expectation."""
    path = tmp_path / "demo.py"
    path.write_text(DEMO)
    ledger = verify(load_papers([path]))
    verdicts = {e.claim.id: e.outcome.verdict for e in ledger.entries}
    assert verdicts == {"demo2026:eq1": Verdict.HOLDS_UNDER, "demo2026:eq2": Verdict.FAILS}
    assert ledger.all_as_expected


def test_broken_user_file_is_reported(tmp_path):
    """An exception inside a derivation file becomes a one-line UserCodeError."""
    path = tmp_path / "bad.py"
    path.write_text("raise RuntimeError('boom')\n")
    with pytest.raises(UserCodeError, match=r"^bad\.py: RuntimeError: boom$"):
        load_papers([path])


def test_missing_file_is_reported(tmp_path):
    """A path that does not exist is a DefinitionError naming it."""
    with pytest.raises(DefinitionError, match="does not exist"):
        load_papers([tmp_path / "nope.py"])


def test_total_budget_marks_rest_undecided(tmp_path):
    """Past the run budget, claims are undecided with the reason."""
    path = tmp_path / "demo.py"
    path.write_text(DEMO)
    ledger = verify(load_papers([path]), total_budget=1e-6)
    assert {e.outcome.verdict for e in ledger.entries} == {Verdict.UNDECIDED}


def test_a_file_that_loops_while_loading_is_stopped_by_the_budget(tmp_path):
    """A derivation file whose own code never ends is a UserCodeError once the budget is spent."""
    path = tmp_path / "loops.py"
    path.write_text("while True:\n    pass\n")
    with pytest.raises(UserCodeError, match=r"^loops.py: loading took longer than the budget of 0.2 s$"):
        load_papers([path], budget=0.2)


def test_ledger_record_has_counterexample_units(tmp_path):
    """A refuted claim's JSON record gives its counterexample's SI units and CODATA coordinates (issue 18.3)."""
    path = tmp_path / "demo.py"
    path.write_text(DEMO)
    record = {e.claim.id: e for e in verify(load_papers([path])).entries}["demo2026:eq2"].to_dict()
    assert record["counterexample"]["e"] == "1.602176634e-19" and record["counterexample_codata"] == ["e", "h"]
    assert record["counterexample_units"] == {"e": "C", "h": "J s", "lhs": "S", "rhs": "S"}
