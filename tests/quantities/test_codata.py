"""The CODATA table: every scipy.constants entry with its SI dimension, and relations tested against CODATA values."""

from decimal import Decimal

import pytest
import scipy.constants as sc
import sympy
from sympy.physics.units import (
    amount_of_substance,
    charge,
    conductance,
    energy,
    frequency,
    impedance,
    length,
    luminous_intensity,
    magnetic_density,
    mass,
    momentum,
    power,
    temperature,
    time,
    voltage,
)

from symcond.errors import DefinitionError
from symcond.parse.grammar import parse_expression
from symcond.quantities.codata import SHORT_NAMES, constant, table, unit_dimension
from symcond.quantities.dimensions import DIMENSIONLESS, Dim
from symcond.quantities.registry import _DEFINITION_FUNCTIONS, DEFAULT


def test_every_scipy_entry_is_in_the_table():
    """The table has one entry per scipy.constants.physical_constants key, with scipy's value, unit and uncertainty."""
    rows = {name: (c.value, c.unit, c.uncertainty) for name, c in table().items()}
    assert rows == {name: (float(v), u, float(s)) for name, (v, u, s) in sc.physical_constants.items()}


def test_current_entries_are_those_scipy_finds():
    """An entry is current exactly when scipy.constants.find lists it (older names scipy keeps are not)."""
    assert sorted(c.name for c in table().values() if c.current) == sorted(sc.find())


@pytest.mark.parametrize(("unit", "expected"), [
    ("J K^-1", energy / temperature),
    ("m^3 kg^-1 s^-2", length**3 / (mass * time**2)),
    ("S", conductance),
    ("ohm", impedance),
    ("Hz V^-1", frequency / voltage),
    ("J T^-1", energy / magnetic_density),
    ("MeV/c", momentum),
    ("(GeV/c^2)^-2", mass**-2),
    ("MHz T^-1", frequency / magnetic_density),
    ("MeV fm", energy * length),
    ("E_h", energy),
    ("u", mass),
    ("C_90 mol^-1", charge / amount_of_substance),
    ("lm W^-1", luminous_intensity / power),
    ("W m^2 sr^-1", power * length**2),
])
def test_unit_dimension_table(unit, expected):
    """A CODATA unit string gets the SI dimension of the sympy.physics.units quantities it names."""
    assert unit_dimension(unit) == Dim.of(expected)


def test_empty_unit_is_dimensionless():
    """A pure number (unit '') is dimensionless."""
    assert unit_dimension("") == DIMENSIONLESS


@pytest.mark.parametrize(("unit", "message"), [
    ("furlong", "unit 'furlong': 'furlong' is not a unit of sympy.physics.units"),
    ("m^x", "unit 'm^x' must be a product of units and rational powers"),
])
def test_bad_unit_is_an_error(unit, message):
    """A unit sympy does not know, or a symbolic power, is rejected with the rule broken."""
    with pytest.raises(DefinitionError) as caught:
        unit_dimension(unit)
    assert str(caught.value) == message


def test_unknown_constant_suggests_the_closest_name():
    """An unknown CODATA name is an error that suggests the closest name scipy knows."""
    with pytest.raises(DefinitionError) as caught:
        constant("Rydberg")
    assert str(caught.value) == "scipy.constants has no CODATA constant 'Rydberg'; did you mean 'Rydberg constant'?"


@pytest.mark.parametrize(("name", "exact"), [("conductance quantum", True),
                                             ("Newtonian constant of gravitation", False)])
def test_exact_means_zero_uncertainty(name, exact):
    """A constant is exact when CODATA states no uncertainty for it."""
    assert constant(name).exact is exact


# --- defining relations against CODATA values --------------------------------------------------------------------

#: Relations between CODATA entries that have no symbol of their own: (CODATA name, value in the CODATA unit).
EXTRA_RELATIONS = [
    ("inverse of conductance quantum", "h/(2*e**2)"),
    ("inverse fine-structure constant", "1/alpha"),
    ("Planck constant in eV/Hz", "h/e"),
    ("Boltzmann constant in eV/K", "k_B/e"),
    ("Boltzmann constant in Hz/K", "k_B/h"),
    ("Bohr magneton in eV/T", "mu_B/e"),
    ("Bohr magneton in Hz/T", "mu_B/h"),
    ("Bohr magneton in K/T", "mu_B/k_B"),
    ("Rydberg constant times hc in J", "R_inf*h*c"),
    ("Rydberg constant times c in Hz", "R_inf*c"),
    ("Hartree energy in eV", "E_h/e"),
    ("atomic unit of time", "hbar/E_h"),
    ("atomic unit of electric field", "E_h/(e*a_0)"),
    ("first radiation constant", "2*pi*h*c**2"),
    ("second radiation constant", "h*c/k_B"),
    ("Wien frequency displacement law constant", "k_B*(3 + LambertW(-3*exp(-3)))/h"),
    ("molar Planck constant", "N_A*h"),
    ("electron volt", "e"),
    ("reduced Compton wavelength", "hbar/(m_e*c)"),
    ("quantum of circulation", "h/(2*m_e)"),
    ("electron mass energy equivalent", "m_e*c**2"),
    ("electron mass energy equivalent in MeV", "m_e*c**2/(e*10**6)"),
    ("proton-electron mass ratio", "m_p/m_e"),
    ("neutron-proton mass ratio", "m_n/m_p"),
    ("Planck mass energy equivalent in GeV", "m_P*c**2/(e*10**9)"),
    ("Newtonian constant of gravitation over h-bar c", "G_N/(hbar*c)*(10**9*e/c**2)**2"),
    ("Loschmidt constant (273.15 K, 100 kPa)", "100000/(k_B*273.15)"),
    ("molar volume of ideal gas (273.15 K, 101.325 kPa)", "R*273.15/101325"),
    ("Sackur-Tetrode constant (1 K, 100 kPa)", "5/2 + log((m_u*k_B/(2*pi*hbar**2))**(3/2)*k_B/100000)"),
]

REGISTRY_RELATIONS = [(q.codata, q.name) for q in DEFAULT if q.definition is not None and q.codata is not None]


def _half_unit(value: float) -> sympy.Rational:
    """Half a unit of the last digit CODATA prints (scipy keeps the printed digits: repr gives them back)."""
    return 5 * sympy.Integer(10) ** (Decimal(repr(value)).as_tuple().exponent - 1)


def _expanded(expr: sympy.Expr) -> sympy.Expr:
    definitions = DEFAULT.definitions()
    while (following := expr.xreplace(definitions)) != expr:
        expr = following
    return expr


def _gap_and_bound(name: str, expr: sympy.Expr) -> tuple[sympy.Float, sympy.Float]:
    """|relation - CODATA value| and what it may be: the stated uncertainty, plus the rounding of every printed value.

    CODATA values satisfy the relations exactly before they are rounded for print, so the value computed from the
    printed inputs may differ from the printed result by the result's own uncertainty and rounding, plus each
    input's rounding (half a unit of its last digit) times the sensitivity of the relation to that input.  The
    inputs left after expanding the definitions are either defining constants of the SI, printed exactly (h, e,
    c, k_B, N_A), or measured ones (eps0, m_e, m_p, G_N, ...).  An exact result (G_0, sigma_SB) is computed by
    scipy in float64: about one rounding (2**-53, relative) per operation of the relation.
    """
    entry, expanded = constant(name), _expanded(expr)
    values = {s: sympy.Rational(DEFAULT.values()[s]) for s in expanded.free_symbols}
    computed = sympy.N(expanded.xreplace(values), 40)
    listed = sympy.Rational(repr(entry.value))
    rounding = sum(abs(sympy.N(sympy.diff(expanded, s).xreplace(values), 40)) * _half_unit(float(v))
                   for s, v in values.items() if not DEFAULT.constant(s.name).exact)
    own = (sympy.Rational(repr(entry.uncertainty)) + _half_unit(entry.value) if not entry.exact
           else (sympy.count_ops(expanded) + 1) * abs(listed) / 2**53)
    return abs(computed - listed), sympy.N(own + rounding, 40)


def _parsed(text: str) -> sympy.Expr:
    return parse_expression(text, DEFAULT.resolver(strict=True), functions=_DEFINITION_FUNCTIONS)


@pytest.mark.parametrize(("codata_name", "symbol"), REGISTRY_RELATIONS, ids=[s for _, s in REGISTRY_RELATIONS])
def test_registry_definition_agrees_with_codata(codata_name, symbol):
    """A registry symbol's defining relation, evaluated with CODATA inputs, is its CODATA value within uncertainty."""
    gap, bound = _gap_and_bound(codata_name, DEFAULT.quantity(symbol).definition)
    assert gap <= bound


@pytest.mark.parametrize(("codata_name", "relation"), EXTRA_RELATIONS, ids=[n for n, _ in EXTRA_RELATIONS])
def test_relation_between_codata_entries_agrees(codata_name, relation):
    """A relation between CODATA entries (in the unit CODATA states) agrees with the listed value within uncertainty."""
    gap, bound = _gap_and_bound(codata_name, _parsed(relation))
    assert gap <= bound


@pytest.mark.parametrize(("codata_name", "slip"), [
    ("conductance quantum", "e**2/h"),
    ("Rydberg constant", "alpha**2*m_e*c/h"),
    ("Bohr radius", "eps0*hbar**2/(m_e*e**2)"),
    ("Stefan-Boltzmann constant", "pi**5*k_B**4/(15*h**3*c**2)"),
    ("Rydberg constant", "alpha**2*m_e*c/(2*h)*(1 + 10**-9)"),
    ("Newtonian constant of gravitation", "G_N*(1 + 10**-3)"),
])
def test_a_wrong_relation_is_rejected(codata_name, slip):
    """The test's bound is tight: a factor slip, or a relative error well above the uncertainty, is outside it."""
    gap, bound = _gap_and_bound(codata_name, _parsed(slip))
    assert gap > bound


def test_short_names_cover_the_common_constants():
    """The conventional symbols the issue names all exist, each tied to a CODATA entry."""
    wanted = {"G_0", "R_K", "K_J", "Phi_0", "Z_0", "a_0", "R_inf", "sigma_SB", "mu_B", "m_p", "m_n", "N_A", "F", "R"}
    assert wanted <= {s.name for s in SHORT_NAMES}
