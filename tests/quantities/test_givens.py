"""Quantities in givens: numbers with units in SI, bare numbers for dimensional symbols refused."""

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.physics.units import electronvolt, joule, kelvin, kilo, meter, ohm, second

from symcond.errors import DefinitionError, DimensionError
from symcond.quantities.givens import Syntax, check_bare_number, parse_given, si_given, si_givens
from symcond.quantities.registry import DEFAULT


@pytest.mark.parametrize(("name", "value", "expected"), [
    ("T", 300 * kelvin, 300), ("T", "300 K", 300), ("T", "20 mK", sympy.Rational(1, 50)),
    ("eps", 25 * electronvolt / 1000, sympy.Rational("25e-3") * sympy.Rational("1.602176634e-19")),
    ("v", 3 * meter / second, 3), ("v", "3 m/s", 3), ("L", 2 * kilo * meter, 2000),
])
def test_a_number_with_a_unit_becomes_its_si_value(registry, name, value, expected):
    """SymPy units and "NUMBER UNIT" strings are converted to SI, prefixes included."""
    assert si_given(registry.symbol(name), value, registry) == expected


def test_units_inside_an_expression_with_symbols_are_refused(registry):
    """l = L + 2 m would lose the unit's dimension once converted (L + 2): a given with units is a number."""
    L, l = registry.symbols("L l")
    with pytest.raises(DefinitionError) as info:
        si_givens({l: 2 * meter + L}, registry)
    assert str(info.value) == ('the given l = 2*meter + L must be a number with a unit (l: 300*kelvin or "300 K"),'
                               ' not an expression with units')


@pytest.mark.parametrize(("value", "message"), [
    (300 * joule, "T has dimension temperature, but 300*joule is energy"),
    ("300 J", "T has dimension temperature, but 300 J is energy"),
    (5 * ohm, "T has dimension temperature, but 5*ohm is impedance"),
])
def test_a_unit_of_another_dimension_is_refused(registry, value, message):
    """The unit's dimension must be the symbol's: the message names both dimensions."""
    with pytest.raises(DimensionError) as info:
        si_given(registry.symbol("T"), value, registry)
    assert str(info.value) == message


def test_a_bare_number_for_a_dimensional_symbol_is_refused(registry):
    """With require_units, T: 300 names the symbol, its dimension and an example with the number."""
    with pytest.raises(DefinitionError) as info:
        si_givens({registry.symbol("T"): 300}, registry, require_units=True)
    assert str(info.value) == 'T has dimension temperature; give a unit, e.g. {T: "300 K"}'


@pytest.mark.parametrize("value", [0, sympy.oo, sympy.Rational(1, 2) * 0])
def test_zero_and_infinity_need_no_unit(registry, value):
    """0 and oo are the same in every unit, so they are accepted bare."""
    assert si_given(registry.symbol("T"), value, registry, require_units=True) == value


def test_bare_numbers_are_fine_for_dimensionless_and_undeclared_symbols(registry):
    """N (dimensionless) and an undeclared symbol take a bare number."""
    x = sympy.Symbol("xx", positive=True)
    assert si_givens({registry.symbol("N"): 3, x: 2}, registry, require_units=True) == {registry.symbol("N"): 3, x: 2}


def test_without_require_units_a_bare_number_passes(registry):
    """Inside a Context (already converted givens) a bare number is taken as SI."""
    assert si_given(registry.symbol("T"), 300, registry) == 300


@pytest.mark.parametrize(("text", "expected"), [
    ("T=300 K", ("T", 300)), ("T=300*K", ("T", 300)), ("T=300K", ("T", 300)),
    ("T = 20 mK", ("T", sympy.Rational(1, 50))),
    ("v=3 m/s", ("v", 3)), ("eps=1 eV", ("eps", sympy.Rational("1.602176634e-19"))), ("N=2", ("N", 2)),
])
def test_command_line_quantities(registry, text, expected):
    """NAME=NUMBER UNIT (and NAME=NUMBER*UNIT for a dimensional NAME) is the SI value."""
    assert parse_given(text, registry.resolver(), registry) == expected


def test_star_form_with_a_registry_name_is_an_expression(registry):
    """v=3*m/s is 3 carrier masses per sound velocity, not 3 m/s: m and s are registry symbols."""
    m, s = registry.symbols("m s")
    assert parse_given("v=3*m/s", registry.resolver(), registry) == ("v", 3 * m / s)


def test_star_form_with_a_name_defined_by_another_given_is_an_expression(registry):
    """T=300*K is an expression when another --given defines K."""
    name, value = parse_given("T=300*K", registry.resolver(), registry, taken={"K"})
    assert (name, value) == ("T", 300 * sympy.Symbol("K", positive=True))


def test_star_form_for_an_undeclared_name_is_an_expression(registry):
    """x=2*g is an expression: x has no dimension to read g as a unit against."""
    assert parse_given("x=2*g", registry.resolver(), registry)[1] == 2 * sympy.Symbol("g", positive=True)


@pytest.mark.parametrize(("text", "message"), [
    ("T=300", "T has dimension temperature; give a unit, e.g. T=300 K"),
    ("e=1.6e-19", "e has dimension charge; give a unit, e.g. e=1.6e-19 C"),
    ("G_x=2.5", None),
])
def test_command_line_bare_number_is_refused(registry, text, message):
    """A bare number for a registry symbol with a dimension is one line naming symbol and dimension."""
    if message is None:
        assert parse_given(text, registry.resolver(), registry)[1] == sympy.Rational(5, 2)
        return
    with pytest.raises(DefinitionError) as info:
        parse_given(text, registry.resolver(), registry)
    assert str(info.value) == message


def test_command_line_unit_of_another_dimension(registry):
    """T=300 J is refused with both dimensions named."""
    with pytest.raises(DimensionError, match=r"^T has dimension temperature, but 300 J is energy$"):
        parse_given("T=300 J", registry.resolver(), registry)


def test_bare_number_example_reads_back(registry):
    """The example of the message is itself a valid command-line given."""
    dimension = registry.quantity("k_B").dimension
    with pytest.raises(DefinitionError) as info:
        check_bare_number("k_B", sympy.Rational(138, 10), dimension, Syntax.CLI)
    example = str(info.value).split("e.g. ")[1]
    assert parse_given(example, registry.resolver(), registry) == ("k_B", sympy.Rational(138, 10))


@settings(max_examples=40, deadline=None, derandomize=True)
@given(number=st.integers(min_value=1, max_value=10**6), prefix=st.sampled_from(["", "k", "m", "u", "n", "M"]))
def test_prefixed_kelvin_round_trip(number, prefix):
    """NUMBER <prefix>K is NUMBER times the prefix factor kelvin, the same in Python and on the command line."""
    registry = DEFAULT  # read only
    factor = {"": 1, "k": 10**3, "m": sympy.Rational(1, 10**3), "u": sympy.Rational(1, 10**6),
              "n": sympy.Rational(1, 10**9), "M": 10**6}[prefix]
    T = registry.symbol("T")
    assert si_given(T, f"{number} {prefix}K", registry) == number * factor
    assert parse_given(f"T={number} {prefix}K", registry.resolver(), registry) == ("T", number * factor)
