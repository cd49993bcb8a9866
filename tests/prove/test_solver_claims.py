"""Solver-backed claims: verdicts from the kinetic solver, tolerances from its error estimate, sound both ways."""

from __future__ import annotations

import math

import pytest
import sympy

from symcond import Paper, decide
from symcond.errors import DefinitionError, SolverError
from symcond.model.verdict import Finding, Verdict
from symcond.montecarlo.statistics import Estimate
from symcond.prove.solver_claims import RUNS_MARK, Run, _verdict


@pytest.fixture
def paper():
    paper = Paper("demo2026")
    paper.declare("u", 1, "reduced band energy", latex="u")
    return paper


def _u(paper):
    return paper.registry.get("u").symbol


def test_number_is_conserved_for_energy_dependent_times(paper):
    u = _u(paper)
    claim = paper.kinetic("eq9", "conserves-number", energy=u, laws=((1 / (1 + u), 1 + u),), etas=(-3.0, 5.0),
                          fields=(0.5, 20.0))
    outcome = decide(claim, paper)
    assert outcome.verdict is Verdict.HOLDS and outcome.evidence.finding is Finding.AGREES
    assert outcome.evidence.numeric_points == 4 and float(outcome.evidence.ratio) <= 1.0
    assert outcome.evidence.reason.count("<=") == 4 and RUNS_MARK in outcome.evidence.reason


def test_drude_at_every_field_with_constant_times(paper):
    u = _u(paper)
    claim = paper.kinetic("eq9", "drude", energy=u, laws=((1, 2),), etas=(0.0,), ratios=(0.5,),
                          fields=(1e-3, 1.0, 100.0))
    outcome = decide(claim, paper)
    assert outcome.verdict is Verdict.HOLDS
    assert 0.0 <= float(outcome.evidence.value) < 1e-13  # measured |G / G_Drude - 1|


def test_drude_needs_energy_independent_times(paper):
    u = _u(paper)
    claim = paper.kinetic("eq9", "drude", energy=u, laws=((1 / (1 + u), 1),), etas=(0.0,), fields=(1.0,))
    with pytest.raises(DefinitionError, match="energy-independent times"):
        decide(claim, paper)


def test_kubo_greenwood_at_low_current(paper):
    u = _u(paper)
    claim = paper.kinetic("eq9", "kubo-greenwood", energy=u, laws=((sympy.exp(-u / 10), 1 / (1 + u)),),
                          etas=(-5.0, 10.0))
    outcome = decide(claim, paper)
    assert outcome.verdict is Verdict.HOLDS and float(outcome.evidence.value) < 1e-13


def test_conductivity_decreases_at_high_current_with_energy_dependent_times(paper):
    u = _u(paper)
    claim = paper.kinetic("eq9", "conductivity-decreases", energy=u, laws=((1 / (1 + u), 1),), etas=(0.0,),
                          fields=(1.0, 10.0))
    outcome = decide(claim, paper)
    assert outcome.verdict is Verdict.HOLDS and float(outcome.evidence.value) > 0.1  # sigma drops by > 10 %


def test_constant_times_are_ohmic_so_a_decrease_is_undecided(paper):
    u = _u(paper)
    claim = paper.kinetic("eq9", "conductivity-decreases", energy=u, laws=((1, 1),), etas=(0.0,), fields=(1.0, 10.0))
    outcome = decide(claim, paper)
    assert outcome.verdict is Verdict.UNDECIDED and "within its tolerance" in outcome.evidence.reason


def test_a_rising_conductivity_fails_and_names_the_point(paper):
    u = _u(paper)
    claim = paper.kinetic("eq9", "conductivity-decreases", energy=u, laws=((sympy.sqrt(1 + u), 1),), etas=(0.0,),
                          fields=(0.3, 1.0))
    outcome = decide(claim, paper)
    assert outcome.verdict is Verdict.FAILS and outcome.evidence.finding is Finding.VIOLATED
    assert outcome.evidence.counterexample == {"eta": 0, "ratio": 1, "F": 1}
    assert "sigma increases at eta=0, ratio=1, F=1" in outcome.evidence.reason


def test_degenerate_band_conductivity_first_rises_at_low_field(paper):
    """A finding, not an artefact: at eta = 5 with tau_in ~ 1/(1+eps), sigma(F) rises by ~2e-5 up to F ~ 0.1."""
    u = _u(paper)
    claim = paper.kinetic("eq9", "conductivity-decreases", energy=u, laws=((1 / (1 + u), 1),), etas=(5.0,),
                          fields=(0.0, 0.1))
    outcome = decide(claim, paper)
    assert outcome.verdict is Verdict.FAILS
    assert -1e-4 < float(outcome.evidence.value) < -1e-5


def test_a_deviation_beyond_its_tolerance_fails():
    """The verdict logic itself: one run outside its tolerance is a refutation naming that run."""
    u = sympy.Symbol("u", positive=True)
    claim = Paper("demo2026").kinetic("eq9", "drude", energy=u, laws=((1, 1),), etas=(0.0, 1.0), fields=(1.0,))
    runs = [Run(0, 0.0, 1.0, 1.0, 1e-15, 1e-12), Run(0, 1.0, 1.0, 1.0, 3e-12, 1e-12)]
    outcome = _verdict(claim, runs, "|deviation|")
    assert outcome.verdict is Verdict.FAILS
    assert outcome.evidence.counterexample == {"eta": 1, "ratio": 1, "F": 1}
    assert math.isclose(float(outcome.evidence.ratio), 3.0) and math.isclose(float(outcome.evidence.value), 3e-12)


def test_a_solver_error_leaves_the_claim_undecided(paper, monkeypatch):
    u = _u(paper)

    def broken(params, **kw):
        raise SolverError("no steady state")

    monkeypatch.setattr("symcond.kinetic.solve", broken)  # imported by the decider when it runs
    claim = paper.kinetic("eq9", "drude", energy=u, laws=((1, 1),), etas=(0.0,), fields=(1.0,))
    outcome = decide(claim, paper)
    assert outcome.verdict is Verdict.UNDECIDED
    assert "the solver stopped at eta=0, ratio=1, F=1: no steady state" in outcome.evidence.reason


def test_a_disagreeing_monte_carlo_witness_leaves_the_claim_undecided(paper, monkeypatch):
    import symcond.montecarlo as mc

    class Fake:
        success, message = True, "completed"
        G_G0 = Estimate(10.0, 0.01)

    monkeypatch.setattr(mc, "drift", lambda params, **kw: Fake())
    u = _u(paper)
    claim = paper.kinetic("eq9", "drude", energy=u, laws=((1, 1),), etas=(0.0,), fields=(1.0,), witness=True)
    outcome = decide(claim, paper)
    assert outcome.verdict is Verdict.UNDECIDED
    assert "the Monte Carlo witness disagrees with the solver at eta=0, ratio=1, F=1" in outcome.evidence.reason
