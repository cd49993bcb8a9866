"""Contexts: givens that restate the registry's defining relations are consistent, others circular."""

import pytest
import sympy

from symcond.cli.main import main
from symcond.errors import DefinitionError
from symcond.model.context import Context
from symcond.quantities.registry import Registry

REG = Registry.default()
c, eps0, mu0, h, hbar, e, q_P, alpha = REG.symbols("c eps0 mu0 h hbar e q_P alpha")


def test_a_float_restatement_is_not_an_identity():
    """h = 6.283185307179586 hbar is not exactly the registry's h = 2 pi hbar: refused, never silently kept."""
    with pytest.raises(DefinitionError, match="does not restate them"):
        Context(REG, givens={h: 6.283185307179586 * hbar})


@pytest.mark.parametrize("given", ["c=1/sqrt(eps0*mu0)", "h=2*pi*hbar", "e=q_P*sqrt(alpha)", "mu0=1/(eps0*c**2)"])
def test_a_given_restating_the_registry_is_accepted(capsys, given):
    """`--given` restating a registry definition is accepted as consistent: the check decides (exit 0)."""
    assert main(["check", "c", "1/sqrt(eps0*mu0)", "--given", given]) == 0
    assert capsys.readouterr().out.startswith("holds: ")


def test_a_circular_given_that_contradicts_the_registry_is_refused(capsys):
    """c = 2/sqrt(eps0 mu0) leads back to c through mu0 = 1/(eps0 c^2) and says c = 2c: exit 2, one line."""
    assert main(["check", "c", "1", "--given", "c=2/sqrt(eps0*mu0)"]) == 2
    assert capsys.readouterr().err == (
        "symcond: error: the given c = 2/(sqrt(eps0)*sqrt(mu0)) is circular with the registry's definitions"
        " (mu0 = 1/(c**2*eps0)) and does not restate them (it makes c = 2*c)\n")


def test_the_restating_given_is_dropped_and_others_kept():
    """Only the restating given is dropped; an unrelated given stays."""
    x = REG.symbol("l")
    ctx = Context(REG, givens={c: 1 / sympy.sqrt(eps0 * mu0), x: 2 * c})
    assert dict(ctx.givens) == {x: 2 * c}


@pytest.mark.parametrize("given, message", [
    ("hbar=h/pi", "the given hbar = h/pi contradicts the registry's definition hbar = h/(2*pi)"),
    ("mu0=2/(eps0*c**2)", "the given mu0 = 2/(c**2*eps0) contradicts the registry's definition mu0 = 1/(c**2*eps0)"),
])
def test_a_given_contradicting_a_registry_definition_is_refused(capsys, given, message):
    """A given for a symbol the registry defines must say the same (hbar = h/pi made a false `holds`)."""
    name, _, value = given.partition("=")
    assert main(["check", name, value, "--given", given]) == 2
    assert capsys.readouterr().err == f"symcond: error: {message}\n"


def test_expanding_a_given_through_the_registry_is_bounded(capsys):
    """alpha = mu0**999 expands (mu0 = 1/(c**2 eps0)) to an exponent beyond the parser's limit: refused as such."""
    assert main(["check", "alpha", "1", "--given", "alpha=mu0**999"]) == 2
    assert capsys.readouterr().err == ("symcond: error: substituting mu0 = 1/(c**2*eps0): exponent -1998 in mu0**999"
                                       " exceeds the limit of 1000 in magnitude\n")


def test_numbers_with_units_in_givens_are_si():
    """A given T = 300*kelvin or "20 mK" is substituted as its SI value."""
    from sympy.physics.units import kelvin

    T, k_B = REG.symbols("T k_B")
    assert Context(REG, givens={T: 300 * kelvin}).prepare(k_B * T) == 300 * k_B
    assert Context(REG, givens={T: "20 mK"}).prepare(k_B * T) == k_B / 50


def test_a_numeric_given_keeps_its_dimension():
    """k_B*T with T = 300 K is an energy, not an entropy: the dimension is taken before the number is substituted."""
    T, k_B, eps = REG.symbols("T k_B eps")
    ctx = Context(REG, givens={T: "300 K"})
    assert ctx.dimension(ctx.prepare(k_B * T)) == REG.quantity("eps").dimension
    assert ctx.dimension(ctx.prepare(eps)) == REG.quantity("eps").dimension


def test_a_prepared_form_reached_from_two_dimensions_is_unknown():
    """300*k_B reached from k_B*T (T = 300 K) and from 300*k_B has no single dimension: unknown, not a guess."""
    T, k_B = REG.symbols("T k_B")
    ctx = Context(REG, givens={T: "300 K"})
    prepared = ctx.prepare(k_B * T)
    assert ctx.prepare(300 * k_B) == prepared and ctx.dimension(prepared) is None
