"""Units and dimensions by name, from sympy.physics.units: names, prefixes, products, scales."""

from fractions import Fraction

import pytest
import sympy
import sympy.physics.units as u
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy.physics.units import Dimension, Quantity, convert_to
from sympy.physics.units.definitions import dimension_definitions
from sympy.physics.units.prefixes import PREFIXES
from sympy.physics.units.systems.si import SI

from symcond.errors import DefinitionError, ParseError
from symcond.quantities.dimensions import DIMENSIONLESS, Dim
from symcond.quantities.units import (
    dimension_from_name,
    dimension_name,
    parse_unit,
    split_number,
    split_quantity,
    unit_of,
)

BASE = (u.meter, u.kilogram, u.second, u.ampere, u.mole, u.candela, u.kelvin)


def _sympy_scale(expr: sympy.Expr) -> sympy.Expr:
    """SI scale of a product of SymPy units, by SymPy's own convert_to (the independent method)."""
    converted = convert_to(expr, list(BASE)).xreplace({b: 1 for b in BASE})
    return sympy.nsimplify(converted, rational=True)


@pytest.mark.parametrize(("text", "sympy_expr"), [
    ("ohm", u.ohm), ("kOhm", 1000 * u.ohm), ("kΩ", 1000 * u.ohm), ("S", u.siemens), ("W/K", u.watt / u.kelvin),
    ("eV", u.electronvolt), ("meV", u.electronvolt / 1000), ("J/(mol*K)", u.joule / (u.mole * u.kelvin)),
    ("m**2/s", u.meter**2 / u.second), ("m^2/s", u.meter**2 / u.second),
    ("kg^2/(J s)", u.kilogram**2 / (u.joule * u.second)), ("m s^-1", u.meter / u.second),
    ("µm", u.micrometer), ("uF", u.farad / 10**6), ("mum", u.micrometer), ("GHz", 10**9 * u.hertz),
    ("Ohm", u.ohm), ("Kelvin", u.kelvin), ("kiloohm", 1000 * u.ohm), ("h", u.hour), ("c", u.speed_of_light),
    ("J·s", u.joule * u.second), ("mK", u.kelvin / 1000), ("nm", u.nanometer), ("hPa", 100 * u.pascal),
])
def test_unit_scale_and_dimension_agree_with_convert_to(text, sympy_expr):
    """Each unit text has the SI scale SymPy's convert_to gives and the dimension SymPy's SI system gives."""
    unit = parse_unit(text)
    assert sympy.nsimplify(unit.scale, rational=True) == _sympy_scale(sympy_expr)
    assert unit.dimension == Dim.of(SI.get_dimensional_expr(sympy_expr))


def test_electronvolt_scale_is_exact():
    """The electronvolt is exactly 1.602176634e-19 J (defined, not rounded through a float)."""
    assert parse_unit("eV").scale == sympy.Rational("1.602176634e-19")


@pytest.mark.parametrize("name", sorted(n for n, d in vars(dimension_definitions).items()
                                        if isinstance(d, Dimension) and n not in ("information", "angle")))
def test_every_sympy_dimension_name_is_a_dimension(name):
    """Every SI dimension sympy.physics.units names is accepted, as its coherent SI unit (scale 1)."""
    unit = parse_unit(name)
    assert unit.dimension == Dim.of(getattr(dimension_definitions, name))
    assert unit.scale == 1 and unit.dimension_only


def _si_units() -> list[str]:
    names = []
    for name, quantity in sorted(vars(u).items()):
        if isinstance(quantity, Quantity) and not name.startswith("_"):
            try:
                Dim.of(SI.get_quantity_dimension(quantity))
            except ValueError:  # bit, steradian: not SI dimensions
                continue
            names.append(name)
    return names


@pytest.mark.parametrize("name", _si_units())
def test_every_sympy_unit_name_is_a_unit(name):
    """Every unit and constant of sympy.physics.units with an SI dimension is read, with SymPy's scale."""
    quantity = getattr(u, name)
    unit = parse_unit(name)
    assert unit.dimension == Dim.of(SI.get_quantity_dimension(quantity))
    assert unit.scale == unit_of(quantity).scale and unit.scale.is_positive


@settings(max_examples=60, deadline=None, derandomize=True)
@given(prefix=st.sampled_from(sorted(PREFIXES)), unit=st.sampled_from(
    ["m", "s", "K", "A", "mol", "cd", "J", "W", "ohm", "Ohm", "S", "V", "Hz", "eV", "Pa", "F", "T", "C"]))
def test_prefix_multiplies_the_scale(prefix, unit):
    """A prefix by abbreviation or by name multiplies the unit's scale by the prefix factor, same dimension."""
    plain = parse_unit(unit)
    for written in (prefix + unit, str(PREFIXES[prefix].name) + unit):
        prefixed = parse_unit(written)
        if written in _si_units():  # an exact SymPy name wins over a prefix reading (mm, km, Pa)
            continue
        assert prefixed.scale == plain.scale * PREFIXES[prefix].scale_factor
        assert prefixed.dimension == plain.dimension


_EXPONENTS = st.fractions(min_value=-3, max_value=3, max_denominator=1)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(st.tuples(*[_EXPONENTS] * 7))
def test_printed_unit_names_read_back(exponents):
    """The unit name a dimension prints as (J s, W/K, kg m^-2 s, Ω) reads back as that dimension, scale 1."""
    bases = ("mass", "length", "time", "current", "temperature", "amount_of_substance", "luminous_intensity")
    dim = Dim._from_dict({b: Fraction(e) for b, e in zip(bases, exponents, strict=True)})
    unit = parse_unit(dim.unit_name())
    assert unit.dimension == dim and unit.scale == 1


@pytest.mark.parametrize(("text", "message"), [
    ("metre", "unknown unit 'metre' (did you mean meter?); use a dimension (length, energy/temperature) or a unit"
              " (ohm, kOhm, W/K, eV) of sympy.physics.units, with SI prefixes"),
    ("m+s", "unit 'm+s' must be a product of names with rational powers"),
    ("m**x", "unit 'm**x' must be a product of names with rational powers"),
    ("-m", "the unit '-m' must be a positive multiple of units (got -1)"),
    ("bit", "the unit bit has no SI dimension"),
])
def test_bad_units_are_refused_with_one_line(text, message):
    """A unit text outside the rules is a DefinitionError stating the rule."""
    with pytest.raises(DefinitionError) as info:
        parse_unit(text)
    assert str(info.value) == message


def test_unit_text_goes_through_the_restricted_parser():
    """A unit text is never executed: Python syntax is a ParseError naming the unit."""
    with pytest.raises(ParseError, match=r"^cannot read the unit \"__import__\('os'\)\": "):
        parse_unit("__import__('os')")


def test_unknown_dimension_message_names_the_dimension():
    """dimension_from_name names what it was asked for: a dimension."""
    with pytest.raises(DefinitionError, match=r"^unknown dimension 'velocityy' \(did you mean velocity\?\)"):
        dimension_from_name("velocityy")


@pytest.mark.parametrize(("text", "expected"), [
    ("energy/temperature", "J/K"), ("W/K", "W/K"), ("power/temperature", "W/K"), ("resistance", "Ω"),
    ("kOhm", "Ω"), ("dimensionless", "1"), ("1", "1"), ("angle", "1"), ("length*velocity", "m^2/s"),
])
def test_dimension_from_name_takes_dimensions_and_units(text, expected):
    """Dimension names and units both give a dimension (the scale of a unit does not matter)."""
    assert dimension_from_name(text).unit_name() == expected


@pytest.mark.parametrize(("text", "number", "unit_text", "scale"), [
    ("12.906 kOhm", "12.906", "kOhm", 1000), ("300*K", "300", "K", 1), ("300K", "300", "K", 1),
    ("1.25e-27", "1.25e-27", None, None), ("-2 mK", "-2", "mK", sympy.Rational(1, 1000)),
])
def test_split_quantity(text, number, unit_text, scale):
    """A printed number and its unit come apart; the unit is None for a bare number."""
    got_number, unit = split_quantity(text)
    assert got_number == number
    assert (unit.text, unit.scale) == (unit_text, scale) if unit_text else unit is None


def test_split_quantity_needs_a_number():
    """A text without a leading number is refused; split_number says None."""
    assert split_number("kOhm") is None
    with pytest.raises(DefinitionError, match=r"^'kOhm' must be a number, optionally followed by a unit \('300 K'\)$"):
        split_quantity("kOhm")


@pytest.mark.parametrize(("dimension", "name"), [
    (u.temperature, "temperature"), (u.conductance, "conductance"), (u.energy, "energy"),
    (u.length**3 / u.temperature, "m^3 K^-1"), (Dimension(1), "dimensionless"),
])
def test_dimension_name(dimension, name):
    """A dimension is named as SymPy names it, else by its SI base units."""
    assert dimension_name(Dim.of(dimension)) == name


@pytest.mark.parametrize(("text", "latex"), [
    ("kg^2/(J s)", r"\mathrm{kg^{2}/(J\,s)}"), ("kΩ", r"\mathrm{k\Omega{}}"), ("m**2/s", r"\mathrm{m^{2}/s}"),
])
def test_unit_latex_is_upright_as_written(text, latex):
    """A unit prints in LaTeX as written, upright, with braced exponents and Ω as \\Omega."""
    assert parse_unit(text).latex() == latex


def test_prefix_objects_are_dimensionless_scales():
    """A SymPy prefix is a pure number for unit_of."""
    assert unit_of(PREFIXES["k"]).scale == 1000 and unit_of(PREFIXES["k"]).dimension == DIMENSIONLESS
