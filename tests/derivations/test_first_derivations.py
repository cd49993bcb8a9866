"""The four derivations of the engine-core issue verify, and wrong versions of each are refuted."""

import pytest
import sympy

from symcond import Assume, Paper, Rewrite, Step, Substitute, Verdict
from symcond.ledger.run import load_papers, verify
from symcond.prove import decide


@pytest.fixture(scope="module")
def ledger():
    """The ledger of the bundled papers, computed once."""
    return {e.claim.id: e for e in verify(load_papers()).entries}


@pytest.mark.parametrize(
    ("claim_id", "verdict", "conditions"),
    [
        ("reggiani2026:eq1", Verdict.HOLDS, ()),
        ("reggiani2026:eq8", Verdict.HOLDS_UNDER, ("quantum", "ballistic", "single_mode")),
        ("dasgreen2003:eq7", Verdict.HOLDS, ()),
        ("dasgreen2003:eq7.bound", Verdict.HOLDS_UNDER, ("tau_in_le_tau_el: tau_in <= tau_el",)),
        ("dasgreen2003:eq8", Verdict.HOLDS, ()),
        ("dasgreen2003:eq4", Verdict.HOLDS, ()),
    ],
)
def test_derivation_verdicts(ledger, claim_id, verdict, conditions):
    """Each first derivation gets its computed verdict and conditions."""
    outcome = ledger[claim_id].outcome
    assert (outcome.verdict, outcome.evidence.conditions) == (verdict, conditions)


@pytest.mark.parametrize("row", ["N", "e", "m", "eps", "th", "pht", "phn", "em"])
def test_table4_products_are_h_free(ledger, row):
    """G_0 x D_0 does not depend on h, row by row."""
    assert ledger[f"reggiani2026:table4:{row}.h_free"].outcome.verdict is Verdict.HOLDS


def _drude_paper(mutate):
    paper = Paper("mutant")
    e, h_s, m, L, l, tau, N, Gamma = paper.symbols("e h_s m L l tau N Gamma")
    v = paper.symbols("v")[0]
    final = mutate(e**2 * N * Gamma / h_s, locals())
    return paper, paper.derivation(
        "eq1", e**2 * N * tau / (m * L**2),
        Step(e**2 * N * l / (m * v * L**2), Substitute({l: v * tau})),
        Step(e**2 * N * Gamma / (m * v * L), Substitute({Gamma: l / L})),
        Step(final, Substitute({h_s: m * v * L})),
    )


@pytest.mark.parametrize(
    ("name", "mutate", "ratio"),
    [
        ("factor 2", lambda g, s: 2 * g, "2"),
        ("exponent off by one", lambda g, s: g * s["e"], None),
        ("h <-> hbar", lambda g, s: g.subs(s["h_s"], s["h_s"] / (2 * sympy.pi)), None),
        ("dropped factor", lambda g, s: g / s["N"], None),
    ],
)
def test_wrong_drude_step_is_pinpointed(name, mutate, ratio):
    """A wrong last step of the Drude derivation fails at step 3 with its residual."""
    paper, claim = _drude_paper(mutate)
    out = decide(claim, paper)
    assert out.verdict is Verdict.FAILS, name
    assert out.evidence.step == 3
    if ratio is not None:
        assert out.evidence.shown().ratio == ratio


def test_wrong_tkg_bound_is_refuted():
    """T_KG <= 1/2 is refuted even under tau_in <= tau_el."""
    paper = Paper("mutant")
    tau_in, tau_el = paper.symbols("tau_in tau_el")
    paper.assume("short", sympy.Le(tau_in, tau_el))
    claim = paper.inequality("eq7", 2 * tau_in / (tau_in + tau_el), sympy.Rational(1, 2))
    assert decide(claim, paper).verdict is Verdict.FAILS


def test_quantum_limit_with_dropped_assumption_fails():
    """Without h_s -> h the quantum-limit chain does not reach e^2/h."""
    paper = Paper("mutant")
    e, h, h_s, N, Gamma = paper.symbols("e h h_s N Gamma")
    claim = paper.derivation("eq8", e**2 * N * Gamma / h_s, Step(e**2 * N / h_s, Assume({Gamma: 1}, name="b")),
                             Step(e**2 / h, Rewrite()))
    out = decide(claim, paper)
    assert out.verdict is Verdict.FAILS and out.evidence.step == 2


def test_table4_row_with_stray_h_is_refuted():
    """A product that still contains h is refuted with d/dh as residual."""
    paper = Paper("mutant")
    e, h, m = paper.symbols("e h m")
    out = decide(paper.independent("table4:e", (e**2 / h) * (h**2 / m), of=h), paper)
    assert out.verdict is Verdict.FAILS and out.evidence.shown().residual == "e**2/m"
