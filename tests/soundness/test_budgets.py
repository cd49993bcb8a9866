"""Time budgets: an expensive step is undecided with the reason and the step; whole runs have a budget.

Wall-clock times are measured only as hang detectors (well above the budgets), never as
performance assertions.
"""

import time

import pytest
import sympy

from symcond.budget import run_with_budget
from symcond.cli.check import check_texts
from symcond.cli.main import main
from symcond.ledger.run import verify
from symcond.model.derivation import Step
from symcond.model.paper import Paper
from symcond.model.verdict import Verdict
from symcond.prove import decide
from symcond.rules.base import Integrate, Rewrite, TakeLimit

BUDGET = 0.2  # seconds per symbolic operation
HANG = 60.0  # seconds: far above any budgeted run, so only a hang trips it
a, b, c, d = sympy.symbols("a b c d", positive=True)
x = sympy.Symbol("x", positive=True)
POLYNOMIAL = (a + b + c + d + 1) ** 8
HARD_INTEGRAND = sympy.exp(-x**3 + x**2 * sympy.sin(x)) * sympy.log(1 + x**5) / (1 + x**7)
GAMMA_RATIO = sympy.gamma(x + sympy.Rational(1, 3)) / (sympy.gamma(x) * x ** sympy.Rational(1, 3))  # -> 1, ~3 s


@pytest.fixture
def paper():
    """A paper whose symbolic operations get 0.2 s each."""
    return Paper("demo2026", budget=BUDGET)


def timed(func):
    """(result, wall seconds) of ``func()``."""
    started = time.monotonic()
    result = func()
    return result, time.monotonic() - started


def test_expanded_polynomial_rewrite_is_undecided_naming_step_and_budget(paper):
    """Simplifying expand((a+b+c+d+1)**8) - (a+b+c+d+1)**8 in 0.2 s fails: undecided, step 1, budget."""
    claim = paper.derivation("eq1", POLYNOMIAL, Step(sympy.expand(POLYNOMIAL), Rewrite()))
    outcome, seconds = timed(lambda: decide(claim, paper))
    assert outcome.verdict is Verdict.UNDECIDED and outcome.evidence.step == 1
    assert outcome.evidence.reason.startswith("step 1 (algebraic rewrite): simplification exceeded its budget")
    assert seconds < HANG


def test_hard_integration_step_is_undecided_naming_the_integral(paper):
    """An integral SymPy cannot do in 0.2 s makes its step undecided, naming the integration."""
    claim = paper.derivation("eq1", HARD_INTEGRAND, Step(sympy.Integer(1), Integrate(x, 0, sympy.oo)))
    outcome, seconds = timed(lambda: decide(claim, paper))
    assert outcome.verdict is Verdict.UNDECIDED and outcome.evidence.step == 1
    assert "integrate over x from 0 to oo exceeded its budget" in outcome.evidence.reason
    assert seconds < HANG


def test_hard_limit_step_is_undecided_naming_the_limit(paper):
    """A limit SymPy cannot take in 0.2 s makes its step undecided, naming the limit."""
    claim = paper.derivation("eq1", GAMMA_RATIO, Step(sympy.Integer(1), TakeLimit(x, sympy.oo)))
    outcome, seconds = timed(lambda: decide(claim, paper))
    assert outcome.verdict is Verdict.UNDECIDED
    assert outcome.evidence.reason == "step 1 (limit x -> oo): limit x -> oo exceeded its budget"
    assert seconds < HANG


def test_hard_limit_claim_is_undecided_naming_the_budget(paper):
    """A limit claim whose limit SymPy cannot take in 0.2 s is undecided and says the budget ran out."""
    outcome, seconds = timed(lambda: decide(paper.limit("eq1", GAMMA_RATIO, var=x, point=sympy.oo, value=1), paper))
    assert outcome.verdict is Verdict.UNDECIDED and "exceeded its budget" in outcome.evidence.reason
    assert seconds < HANG


def test_limit_sympy_cannot_compute_is_undecided(paper):
    """A TakeLimit step on which SymPy raises NotImplementedError is undecided, not an exception."""
    expr = sympy.gamma(x + sympy.sqrt(x)) * sympy.sin(1 / x) ** x / (sympy.exp(x) * sympy.besselj(x, x))
    claim = paper.derivation("eq1", expr, Step(sympy.Integer(0), TakeLimit(x, sympy.oo)))
    assert decide(claim, paper).verdict is Verdict.UNDECIDED


def test_limit_claim_sympy_cannot_compute_is_undecided(paper):
    """A limit claim on which SymPy raises NotImplementedError is undecided, not an exception."""
    expr = sympy.gamma(x + sympy.sqrt(x)) * sympy.sin(1 / x) ** x / (sympy.exp(x) * sympy.besselj(x, x))
    assert decide(paper.limit("eq1", expr, var=x, point=sympy.oo, value=0), paper).verdict is Verdict.UNDECIDED


def test_run_with_budget_interrupts_sympy(paper):
    """run_with_budget returns None when SymPy's simplify overruns (BudgetExceeded is not swallowed)."""
    result, seconds = timed(lambda: run_with_budget(lambda: sympy.simplify(sympy.expand(POLYNOMIAL**2)), BUDGET,
                                                    "demo"))
    assert result is None and seconds < HANG


def test_verify_run_budget_leaves_later_claims_undecided(paper):
    """Once the run budget is spent, the remaining claims are undecided with the budget as reason."""
    paper.derivation("eq1", POLYNOMIAL, Step(sympy.expand(POLYNOMIAL), Rewrite()))
    paper.equality("eq2", a * b, b * a)
    paper.equality("eq3", a + b, b + a)
    ledger = verify([paper], total_budget=BUDGET, jobs=1)
    later = [e.outcome for e in ledger.entries[1:]]
    assert [o.verdict for o in later] == [Verdict.UNDECIDED] * 2
    assert {o.evidence.reason for o in later} == {"verify run budget of 0.2 s spent"}


def test_cli_verify_total_budget(capsys, tmp_path):
    """symcond verify --total-budget marks claims past the budget undecided and exits 1 (not as expected)."""
    path = tmp_path / "slow.py"
    path.write_text(
        "import sympy\nfrom symcond import Paper, Rewrite, Step\npaper = Paper('slowpaper', budget=30)\n"
        "a, b, c, d = sympy.symbols('a b c d', positive=True)\ns = a + b + c + d\n"
        # about 2 s of proof (a degree-16 product against its expanded factors; the prover's cancel strategy
        # proved the old (a + b + c + d + 1)**8 against its expansion inside the 1 s), quick to load
        "paper.derivation('eq1', (s + 1)**8 * (s + 2)**8,\n"
        "                 Step(sympy.expand((s + 1)**8) * sympy.expand((s + 2)**8), Rewrite()))\n"
        "paper.equality('eq2', a * b, b * a)\n",
        encoding="utf-8")
    code = main(["verify", str(path), "--total-budget", "1", "--format", "json"])
    out = capsys.readouterr().out
    assert code == 1 and "verify run budget of 1 s spent: stopped after 1.0 s during step 1 (algebraic rewrite)" in out


def test_check_total_budget_gives_undecided():
    """symcond check of a true 120-term expansion with a 0.05 s total budget is undecided, naming it."""
    left = sympy.sstr(sympy.expand((a + b + c + 1) ** 7))
    outcome, seconds = timed(lambda: check_texts(left, "(a + b + c + 1)**7", budget=5.0, total_budget=0.05))
    assert outcome.verdict is Verdict.UNDECIDED and seconds < HANG
    assert outcome.evidence.reason == "check exceeded its budget of 0.05 s"
