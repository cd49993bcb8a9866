"""The example paper (examples/planckdebye): every verdict as intended, the three slips found, nothing undecided."""

from pathlib import Path

import pytest
import sympy

from symcond import Finding, Verdict
from symcond.ledger.run import load_papers, verify

PAPER = Path(__file__).resolve().parents[2] / "examples" / "planckdebye" / "planckdebye.py"
SLIPS = {"planckdebye:eq4", "planckdebye:eq6", "planckdebye:eq9.value"}


@pytest.fixture(scope="module")
def ledger():
    """The example paper's ledger, computed once (two workers)."""
    return {e.claim.id: e for e in verify(load_papers([PAPER]), jobs=2).entries}


def test_every_claim_is_decided_as_expected(ledger):
    """No claim is undecided, and every verdict matches the paper file's expectation."""
    assert [i for i, e in ledger.items() if e.outcome.verdict is Verdict.UNDECIDED] == []
    assert [i for i, e in ledger.items() if not e.as_expected] == []


def test_only_the_three_slips_fail(ledger):
    assert {i for i, e in ledger.items() if e.outcome.verdict is Verdict.FAILS} == SLIPS


def test_sigma_with_c_cubed_is_a_dimension_slip(ledger):
    assert ledger["planckdebye:eq4"].outcome.evidence.finding is Finding.DIMENSION_MISMATCH


def test_peaks_relation_fails_by_the_exact_ratio_of_the_two_roots(ledger):
    """lambda_max nu_max / c = x_nu / x_lambda = 0.568..., an exact constant factor."""
    evidence = ledger["planckdebye:eq6"].outcome.evidence
    assert evidence.finding is Finding.CONSTANT_FACTOR
    expected = (3 + sympy.LambertW(-3 * sympy.exp(-3))) / (5 + sympy.LambertW(-5 * sympy.exp(-5)))
    assert sympy.simplify(evidence.ratio - expected) == 0
    assert float(evidence.ratio) == pytest.approx(0.56825, abs=1e-5)


@pytest.mark.parametrize("claim_id", ["planckdebye:eq3", "planckdebye:eq3.bose", "planckdebye:eq9.integral",
                                      "planckdebye:eq8", "planckdebye:eq9"])
def test_integrals_as_printed_hold(ledger, claim_id):
    """The Stefan-Boltzmann integral, the Bose integrals, Dulong-Petit and the T^3 law hold as printed."""
    assert ledger[claim_id].outcome.verdict is Verdict.HOLDS
