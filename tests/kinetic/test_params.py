"""Validation and units of :class:`symcond.kinetic.params.KineticParams`."""

from __future__ import annotations

import dataclasses
import math

import pytest

from symcond.errors import DefinitionError
from symcond.kinetic.params import KineticParams


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"eta": 1.0, "ratio": -1.0}, "'ratio' must be positive (a number > 0 or inf) (got -1.0)"),
        ({"eta": 1.0, "ratio": 0.0}, "'ratio' must be positive (a number > 0 or inf) (got 0.0)"),
        ({"eta": 1.0, "ratio": math.nan}, "'ratio' must be positive (a number > 0 or inf) (got nan)"),
        ({"eta": math.nan}, "'eta' must be finite (got nan)"),
        ({"eta": 1e6}, "'eta' must lie in [-500, 5000] (got 1000000.0)"),
        ({"eta": "abc"}, "'eta' must be a real number (got 'abc')"),
        ({"eta": 1.0, "field": math.inf}, "'field' must be finite (got inf)"),
        ({"eta": 1.0, "tau_in_law": 3}, "'tau_in_law' must be callable or None (got 3)"),
        ({"eta": 1.0, "tau_el_law": "1/eps"}, "'tau_el_law' must be callable or None (got '1/eps')"),
    ],
)
def test_invalid_parameters_raise_exact_message(kwargs: dict, message: str) -> None:
    """Each broken rule raises DefinitionError with a one-line message naming it."""
    with pytest.raises(DefinitionError) as info:
        KineticParams(**kwargs)
    assert str(info.value) == message


def test_infinite_ratio_is_accepted_as_no_inelastic_scattering() -> None:
    """ratio = inf is a valid parameter (the solver, not the constructor, rejects it)."""
    params = KineticParams(eta=0.0, ratio=math.inf)
    assert not params.has_dissipation


def test_from_energies_subtracts_the_threshold() -> None:
    """eta = mu/k_BT - eps_i/k_BT."""
    assert KineticParams.from_energies(mu_kT=12.5, eps_kT=17.0).eta == -4.5


def test_params_are_frozen() -> None:
    """Parameters are immutable value objects."""
    params = KineticParams(eta=1.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        params.eta = 2.0  # type: ignore[misc]


def test_numbers_are_stored_as_floats() -> None:
    """Integer inputs are normalised to float."""
    params = KineticParams(eta=3, ratio=2, field=1)
    assert (type(params.eta), type(params.ratio), type(params.field)) == (float, float, float)
