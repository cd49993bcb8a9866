"""SI dimensions of expressions."""

import pytest
import sympy
from sympy.physics.units import (
    action,
    capacitance,
    charge,
    conductance,
    energy,
    force,
    frequency,
    impedance,
    inductance,
    length,
    magnetic_density,
    magnetic_flux,
    mass,
    power,
    pressure,
    temperature,
    time,
    velocity,
    voltage,
)

from symcond.errors import DimensionError
from symcond.quantities.dimensions import DIMENSIONLESS, Dim, dimension_of


@pytest.mark.parametrize(
    ("expr_text", "expected"),
    [
        ("e**2/h", Dim.of(conductance)),
        ("h/m", Dim.of(length**2 / time)),
        ("m**2/h", Dim.of(mass**2 / (energy * time))),
        ("k_B**2*T/h", Dim.of(energy / (temperature * time))),
        ("eps0*c", Dim.of(conductance)),
        ("exp(-eps/(k_B*T))", DIMENSIONLESS),
    ],
)
def test_dimension_table(registry, expr_text, expected):
    """Conventional quantities get their SI dimensions."""
    names = {q.name: q.symbol for q in registry}
    expr = sympy.sympify(expr_text, locals=names)  # test-only: trusted literal text
    assert dimension_of(expr, registry.dimension) == expected


def test_adding_unlike_quantities_is_an_error(registry):
    """A sum of a length and a time is rejected with both dimensions in the message."""
    L, tau = registry.symbols("L tau")
    with pytest.raises(DimensionError, match=r"cannot add .* \(m\) and .* \(s\)|cannot add .* \(s\) and .* \(m\)"):
        dimension_of(L + tau, registry.dimension)


def test_exp_of_dimensional_argument_is_an_error(registry):
    """exp() of an energy is rejected."""
    (eps,) = registry.symbols("eps")
    with pytest.raises(DimensionError, match="must be dimensionless"):
        dimension_of(sympy.exp(eps), registry.dimension)


def test_unknown_symbol_gives_none(registry):
    """A symbol without a declared dimension makes the dimension unknown, not wrong."""
    assert dimension_of(sympy.Symbol("zz") * registry.symbol("L"), registry.dimension) is None


def test_unit_names():
    """Named units are used where conventional."""
    assert Dim.of(conductance).unit_name() == "S"
    assert Dim.of(action).unit_name() == "J s"
    assert Dim.of(charge / time).unit_name() == "A"


@pytest.mark.parametrize(("dimension", "name"), [
    (conductance, "S"), (power / temperature, "W/K"), (length**2 / time, "m^2/s"), (mass**2 / (energy * time),
     "kg^2/(J s)"), (energy, "J"), (action, "J s"), (charge, "C"), (velocity, "m/s"), (energy / temperature, "J/K"),
    (frequency, "Hz"), (power, "W"), (1 / (energy * time), "1/(J s)"), (conductance * length, "S m"),
    (velocity**2, "m^2 s^-2"), (charge * time / mass, "m^2/(V s)"), (charge / action, "Hz/V"),
])
def test_printed_names_of_the_ledger_stay(dimension, name):
    """The unit names the ledger of the bundled papers prints are pinned (power stays J/s there)."""
    assert Dim.of(dimension).unit_name() == name


@pytest.mark.parametrize(("dimension", "name", "latex"), [
    (voltage, "V", "V"), (impedance, "Ω", r"\Omega"), (capacitance, "F", "F"), (inductance, "H", "H"),
    (magnetic_density, "T", "T"), (magnetic_flux, "Wb", "Wb"), (force, "N", "N"), (pressure, "Pa", "Pa"),
])
def test_si_derived_units_print_by_their_symbol(dimension, name, latex):
    """SI derived units with a name of their own print as people write them, Ω as \\Omega in LaTeX."""
    assert (Dim.of(dimension).unit_name(), Dim.of(dimension).unit_latex()) == (name, latex)


@pytest.mark.parametrize("build", [
    lambda eps, mu, L, l: sympy.Heaviside(eps - mu), lambda eps, mu, L, l: sympy.Heaviside(eps - mu, sympy.S.Half),
    lambda eps, mu, L, l: sympy.sign(eps - mu), lambda eps, mu, L, l: sympy.atan2(L, l, evaluate=False),
    lambda eps, mu, L, l: sympy.besselj(2, L / l) * sympy.erf(eps / mu) * sympy.polygamma(1, L / l),
], ids=["Heaviside", "Heaviside-H0", "sign", "atan2", "special"])
def test_step_sign_and_angle_take_any_one_dimension(registry, build):
    """Heaviside(E - mu), sign(E - mu) and atan2(p_y, p_x) are pure numbers; so are special functions of ratios."""
    assert dimension_of(build(*registry.symbols("eps mu L l")), registry.dimension) == DIMENSIONLESS


@pytest.mark.parametrize(("build", "message"), [
    (lambda eps, L, tau: sympy.atan2(L, tau, evaluate=False),
     "arguments of atan2 in atan2(L, tau) have different dimensions"),
    (lambda eps, L, tau: sympy.Heaviside(eps, L, evaluate=False),
     "argument L of Heaviside must be dimensionless (got m)"),
    (lambda eps, L, tau: sympy.besselj(0, L), "argument L of besselj must be dimensionless (got m)"),
    (lambda eps, L, tau: sympy.factorial(tau), "argument tau of factorial must be dimensionless (got s)"),
], ids=["atan2", "Heaviside-H0", "besselj", "factorial"])
def test_special_function_arguments_must_be_dimensionless(registry, build, message):
    """A dimensional H(0), unlike atan2 arguments or a dimensional Bessel or factorial argument are errors."""
    with pytest.raises(DimensionError) as info:
        dimension_of(build(*registry.symbols("eps L tau")), registry.dimension)
    assert str(info.value) == message
