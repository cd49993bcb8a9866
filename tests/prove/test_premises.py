"""Premises: postulates, definitions and data get their own verdict class, and are still checked."""

import pytest
import sympy

from symcond import DataValue, Paper, Verdict, decide
from symcond.errors import DefinitionError


@pytest.fixture
def paper():
    """A paper with a length L and two times, tau_in <= tau_el stated as an assumption."""
    p = Paper("premise2026")
    L = p.declare("L", "length", "length of the sample")
    tau_in, tau_el = (p.declare(n, "time") for n in ("tau_in", "tau_el"))
    p.assume("ordered", sympy.Le(tau_in, tau_el))
    return p, L, tau_in, tau_el


def test_a_postulate_restating_an_assumption_is_a_postulate_not_holds_under(paper):
    """tau_in <= tau_el, stated as the paper's premise, is 'postulate', with the assumption named."""
    p, _, tau_in, tau_el = paper
    outcome = decide(p.inequality("eq1", tau_in, tau_el, role="postulate"), p)
    assert outcome.verdict is Verdict.POSTULATE and outcome.evidence.conditions
    assert "holds-under" in outcome.evidence.reason


def test_a_postulate_with_a_dimension_mismatch_is_refuted(paper):
    """A premise tau_in <= L compares a time with a length: 'fails', whatever the paper takes as given."""
    p, L, tau_in, _ = paper
    assert decide(p.inequality("eq2", tau_in, L, role="postulate"), p).verdict is Verdict.FAILS


def test_a_definition_is_a_definition_when_its_dimension_is_right(paper):
    """l = v tau as the definition of a length: 'definition'; as a time: 'fails'."""
    p, _, tau_in, _ = paper
    v = p.declare("v_p", "velocity")
    assert decide(p.dimension("eq3", v * tau_in, "length", role="definition"), p).verdict is Verdict.DEFINITION
    assert decide(p.dimension("eq4", v * tau_in, "time", role="definition"), p).verdict is Verdict.FAILS


def test_a_premise_expects_its_own_verdict_class(paper):
    """Without an expect=, a postulate is expected to come out 'postulate' (an erratum can still be recorded)."""
    p, _, tau_in, tau_el = paper
    claim = p.inequality("eq5", tau_in, tau_el, role="postulate")
    assert claim.expect.met_by(Verdict.POSTULATE) and not claim.expect.met_by(Verdict.HOLDS)


def test_an_unknown_role_is_a_one_line_error(paper):
    """role='axiom' names the choices."""
    p, _, tau_in, tau_el = paper
    with pytest.raises(DefinitionError, match="role must be one of"):
        p.inequality("eq6", tau_in, tau_el, role="axiom")


def test_data_with_the_right_unit_implies_its_einstein_mobility():
    """D = 3.5e-3 m^2/s at 300 K is 'data' and implies mu = e D/(k_B T) = 0.1354 m^2/(V s), from CODATA."""
    p = Paper("data2026")
    e, k_B, T = p.symbols("e k_B T")
    D = p.declare("D_n", "length**2/time", "diffusion coefficient of electrons")
    outcome = decide(p.data("text.D", D, "3.5e-3 m^2/s", implies={"mu": e * D / (k_B * T)},
                            givens={T: "300 K"}), p)
    assert outcome.verdict is Verdict.DATA
    mobility = 3.5e-3 * 1.602176634e-19 / (1.380649e-23 * 300)
    assert f"mu = {mobility:.6g} m^2/(V s)" in outcome.evidence.reason


def test_data_in_a_unit_of_the_wrong_dimension_is_refuted():
    """A diffusion coefficient quoted in m/s: 'fails' with a dimension mismatch."""
    p = Paper("data2026")
    D = p.declare("D_n", "length**2/time")
    assert decide(p.data("text.D", D, "3.5e-3 m/s"), p).verdict is Verdict.FAILS


@pytest.mark.parametrize("stated", ["3.5e-3", 3.5e-3])
def test_data_without_its_unit_or_as_a_float_is_refused(stated):
    """A datum needs the printed text with its unit."""
    p = Paper("data2026")
    D = p.declare("D_n", "length**2/time")
    with pytest.raises(DefinitionError):
        decide(p.data("text.D", D, stated), p)


def test_a_datum_cannot_be_given_another_role():
    """DataValue(role='postulate') is refused: data are data."""
    with pytest.raises(DefinitionError, match="role 'data'"):
        DataValue(sympy.Symbol("D"), "1 m^2/s", role="postulate", id="x:text.D")


def test_a_postulate_not_among_the_assumptions_is_a_postulate_not_implied():
    """tau_el <= 2 tau_in, postulated without a matching assumption: not implied, still a postulate (that is what
    a postulate is), and the reason says it is not implied."""
    p = Paper("premise2026")
    tau_in, tau_el = (p.declare(n, "time") for n in ("tau_in", "tau_el"))
    outcome = decide(p.inequality("eq1", tau_el, 2 * tau_in, role="postulate"), p)
    assert outcome.verdict is Verdict.POSTULATE and "not implied by the stated assumptions" in outcome.evidence.reason


def test_a_postulate_contradicting_the_assumptions_is_refuted(paper):
    """tau_in > tau_el postulated while tau_in <= tau_el is stated: its negation holds, so 'fails'."""
    p, _, tau_in, tau_el = paper
    outcome = decide(p.inequality("eq7", tau_in, tau_el, relation=">", role="postulate"), p)
    assert outcome.verdict is Verdict.FAILS and "contradicts the stated assumptions" in outcome.evidence.reason


def test_a_premise_whose_assumptions_contradict_each_other_is_undecided_not_a_postulate():
    """a > 2 and a < 1 stated: the check cannot run, so the premise is 'undecided' (unexpected), not 'postulate'."""
    p = Paper("premise2026", plain=True)
    a, b = p.symbols("a b")
    p.assume("big", sympy.Gt(a, 2))
    p.assume("small", sympy.Lt(a, 1))
    claim = p.inequality("eq1", b, a, role="postulate")
    outcome = decide(claim, p)
    assert outcome.verdict is Verdict.UNDECIDED and not claim.expect.met_by(outcome.verdict)


def test_an_equality_postulate_off_by_a_constant_factor_is_refuted(paper):
    """A postulated tau_in = 2 tau_in can never hold: refuted with its factor."""
    p, _, tau_in, _ = paper
    assert decide(p.equality("eq8", tau_in, 2 * tau_in, role="postulate"), p).verdict is Verdict.FAILS


def test_a_negative_datum_for_a_positive_quantity_is_refuted():
    """A diffusion coefficient declared positive, quoted as -3.5e-3 m^2/s: 'fails', not data (negative mobility)."""
    p = Paper("data2026")
    D = p.declare("D_n", "length**2/time")
    outcome = decide(p.data("text.D", D, "-3.5e-3 m^2/s"), p)
    assert outcome.verdict is Verdict.FAILS and "not positive" in outcome.evidence.reason


def test_an_inconsistent_implied_quantity_names_its_claim():
    """implies={'bad': e + D} adds a charge to a diffusion coefficient: a one-line error naming the claim."""
    p = Paper("data2026")
    e, = p.symbols("e")
    D = p.declare("D_n", "length**2/time")
    with pytest.raises(DefinitionError, match=r"data2026:text\.D"):
        decide(p.data("text.D", D, "3.5e-3 m^2/s", implies={"bad": e + D}), p)
