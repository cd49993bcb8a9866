"""Units in a paper: printed values with their unit, dimensions and givens as quantities."""

import pytest
import sympy
from sympy.physics.units import joule, kelvin

from symcond.errors import DefinitionError, DimensionError
from symcond.model.paper import Paper
from symcond.model.verdict import Finding, Verdict
from symcond.prove import decide


@pytest.fixture
def paper() -> Paper:
    """An empty paper with the conventional symbols."""
    return Paper("demo2026")


@pytest.mark.parametrize(("stated", "unit", "verdict"), [
    ("12.906 kOhm", None, Verdict.HOLDS), ("12906 ohm", None, Verdict.HOLDS), ("12.906", "kOhm", Verdict.HOLDS),
    ("12.906 kΩ", None, Verdict.HOLDS), ("12.907 kOhm", None, Verdict.FAILS), ("12.906 W/K", None, Verdict.FAILS),
    ("12.906e3", "resistance", Verdict.HOLDS),
])
def test_printed_value_with_its_unit(paper, stated, unit, verdict):
    """h/(2 e^2) = 12.906 kOhm: the number is compared in its unit and the unit's dimension is checked."""
    e, h = paper.symbols("e h")
    claim = paper.value("eq1", h / (2 * e**2), stated, unit=unit)
    assert decide(claim, paper).verdict is verdict


def test_a_printed_unit_of_another_dimension_is_a_dimension_mismatch(paper):
    """12.906 W/K for a resistance fails as a dimension mismatch naming both units."""
    e, h = paper.symbols("e h")
    outcome = decide(paper.value("eq1", h / (2 * e**2), "12.906 W/K"), paper)
    assert outcome.evidence.finding is Finding.DIMENSION_MISMATCH
    assert outcome.evidence.reason == "dimension mismatch: value is Ω but printed unit is W/K"


def test_value_statement_prints_the_unit_as_written(paper):
    """The generated statement keeps the printed number and unit (\\mathrm{k\\Omega})."""
    e, h = paper.symbols("e h")
    statement = paper.value("eq1", h / (2 * e**2), "12.906 kΩ").statement
    assert statement == r"\frac{h}{2 e^{2}} \approx 12.906\ \mathrm{k\Omega{}}"
    assert paper.value("eq2", h / (2 * e**2), "12.906", unit="kOhm").stated == "12.906 kOhm"


def test_dimension_names_leave_the_printed_value_as_is(paper):
    """unit= with dimension names (the bundled papers' style) keeps the printed text and the coherent SI unit."""
    m_e, h = paper.symbols("m_e h")
    claim = paper.value("eq1", m_e**2 / h, "1.25e-27", unit="mass**2/energy/time")
    assert claim.stated == "1.25e-27" and claim.unit.unit_name() == "kg^2/(J s)"


def test_a_unit_that_contradicts_unit_keyword_is_refused(paper):
    """A printed unit and a unit= of another dimension cannot both be meant."""
    e, h = paper.symbols("e h")
    with pytest.raises(DefinitionError, match=r"^the unit of '12.906 kOhm' is not the dimension 'length'$"):
        paper.value("eq1", h / (2 * e**2), "12.906 kOhm", unit="length")


@pytest.mark.parametrize("dimension", ["resistance", "ohm", "kOhm", "V/A", "impedance"])
def test_dimension_claims_take_units(paper, dimension):
    """paper.dimension accepts a unit or a dimension name: h/e^2 is a resistance."""
    e, h = paper.symbols("e h")
    assert decide(paper.dimension("eq1", h / e**2, dimension), paper).verdict is Verdict.HOLDS


def test_declare_takes_units(paper):
    """paper.declare accepts a unit (W/K) for the dimension of a new quantity."""
    kappa = paper.declare("kappa", "W/K", "thermal conductance")
    assert paper.registry.dimension(kappa).unit_name() == "W/K"


@pytest.mark.parametrize("temperature", [300 * kelvin, "300 K", "0.3 kK"])
def test_givens_with_units(paper, temperature):
    """k_B T at T = 300 K rounds to 25.85 meV, whichever way the unit is written."""
    T, k_B = paper.symbols("T k_B")
    claim = paper.value("eq1", k_B * T, "25.85 meV", givens={T: temperature})
    assert claim.givens == {T: 300}
    assert decide(claim, paper).verdict is Verdict.HOLDS


def test_a_bare_number_for_a_dimensional_given_is_refused(paper):
    """givens={T: 300} names the claim, the symbol and its dimension: the kelvin would be lost."""
    T, k_B = paper.symbols("T k_B")
    with pytest.raises(DefinitionError) as info:
        paper.value("eq1", k_B * T, "25.85 meV", givens={T: 300})
    assert str(info.value) == "claim 'demo2026:eq1': T has dimension temperature; give a unit, e.g. {T: \"300 K\"}"


def test_a_given_unit_of_another_dimension_is_refused(paper):
    """givens={T: 300*joule} is refused with both dimensions."""
    T, k_B = paper.symbols("T k_B")
    with pytest.raises(DimensionError, match=r"^claim 'demo2026:eq1': T has dimension temperature, but 300\*joule"):
        paper.equality("eq1", k_B * T, k_B * T, givens={T: 300 * joule})


def test_an_equality_with_a_quantity_given_checks_dimensions_before_the_number(paper):
    """k_B T (T = 300 K) against an energy differs as energies do: no false dimension mismatch."""
    T, k_B, eps = paper.symbols("T k_B eps")
    outcome = decide(paper.equality("eq1", k_B * T, eps, givens={T: "300 K"}), paper)
    energy = paper.registry.quantity("eps").dimension
    assert outcome.verdict is Verdict.FAILS and outcome.evidence.finding is not Finding.DIMENSION_MISMATCH
    assert outcome.evidence.lhs_dimension == outcome.evidence.rhs_dimension == energy


def test_the_sides_of_a_value_claim_are_si(paper):
    """NumericValue.sides gives the printed value in SI (12.906 kOhm is 12906)."""
    e, h = paper.symbols("e h")
    assert paper.value("eq1", h / (2 * e**2), "12.906 kOhm").sides()[1] == sympy.Float("12906")
