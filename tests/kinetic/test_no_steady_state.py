"""Without dissipation Eq. (9) has no steady state: the solver says so instead of returning numbers."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from symcond.errors import DefinitionError, SolverError, UserCodeError
from symcond.kinetic.params import KineticParams
from symcond.kinetic.solver import solve, solve_subbands

NO_STEADY_STATE = (
    "no steady state: without inelastic scattering (tau_in -> infinity) Eq. (9) has no "
    "steady state, because nothing dissipates the Joule power e E <v f> that the field "
    "feeds into the carriers"
)


@pytest.mark.parametrize("field", [0.0, 1.0])
def test_infinite_ratio_raises_no_steady_state(field: float) -> None:
    """ratio = inf raises SolverError with the paper's central claim, at any field."""
    with pytest.raises(SolverError) as info:
        solve(KineticParams(eta=5.0, ratio=math.inf, field=field))
    assert str(info.value) == NO_STEADY_STATE


def test_infinite_inelastic_law_raises_no_steady_state() -> None:
    """A tau_in law that is infinite at every energy is the same physics."""
    with pytest.raises(SolverError) as info:
        solve(KineticParams(eta=5.0, field=1.0, tau_in_law=lambda e: np.full_like(e, np.inf)))
    assert str(info.value) == NO_STEADY_STATE


def test_subbands_without_dissipation_raise() -> None:
    """The multi-band entry point refuses too."""
    with pytest.raises(SolverError) as info:
        solve_subbands(30.0, [5.0, 17.0], ratio=math.inf)
    assert str(info.value) == NO_STEADY_STATE


def test_runaway_carriers_are_reported() -> None:
    """tau_in growing like eps lets the field-driven tail escape (power law, not normalisable)."""
    with pytest.raises(SolverError) as info:
        solve(KineticParams(eta=0.0, field=1.0, tau_in_law=lambda e: 1.0 + e))
    text = str(info.value)
    assert text.startswith("no steady state within |k| <= 1e+07 k_T: the field-driven tail does not decay")
    assert text.endswith("e-folds), carriers run away")


def test_law_that_raises_is_wrapped_as_user_code_error() -> None:
    """An exception inside a user law becomes UserCodeError naming the law."""
    def broken(eps):
        raise ZeroDivisionError("boom")

    with pytest.raises(UserCodeError) as info:
        solve(KineticParams(eta=0.0, field=1.0, tau_in_law=broken))
    assert str(info.value) == "'tau_in_law' raised ZeroDivisionError: boom"


def test_non_positive_time_is_rejected() -> None:
    """A law returning a non-positive time raises DefinitionError with the time and where it happened."""
    with pytest.raises(DefinitionError) as info:
        solve(KineticParams(eta=0.0, field=1.0, tau_el_law=lambda e: 1.0 - e))
    found = re.fullmatch(r"'tau_el_law' must return positive times \(got (\S+) at eps=(\S+)\)", str(info.value))
    assert found is not None, str(info.value)
    got, eps = float(found[1]), float(found[2])
    assert eps >= 1.0 and got <= 0.0 and got == pytest.approx(1.0 - eps, abs=1e-5)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"tol": 0.0}, "'tol' must be positive and finite (got 0.0)"),
        ({"degree": 2}, "'degree' must be an integer in [4, 40] (got 2)"),
        ({"max_refinements": -1}, "'max_refinements' must be a non-negative integer (got -1)"),
    ],
)
def test_solver_options_are_validated(options: dict, message: str) -> None:
    """Out-of-range solver options raise DefinitionError with the rule."""
    with pytest.raises(DefinitionError) as info:
        solve(KineticParams(eta=0.0), **options)
    assert str(info.value) == message
