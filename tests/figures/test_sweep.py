"""Building a declared sub-band figure: titles, velocity rescaling, closed forms, panels."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import sympy

from symcond import Dash, DefinitionError, RatioLine, SubbandFigure, VelocityVariant
from symcond.figures import Source
from symcond.figures.sweep import abscissae, build, closed_form, subband_spec, summary, title, velocity_factor

ETA, R, V, W = sympy.symbols("eta R v w", positive=True)
PLAIN = R / (1 + R) / (1 + sympy.exp(-ETA))


def declaration(**changes: Any) -> SubbandFigure:
    """Return a declaration with two variants: the solver's velocity ``v`` and ``2 v``."""
    fields: dict[str, Any] = dict(
        number=2, title="Demo, Fig. 2: 1D wire", thresholds=(sympy.Integer(5), 17.0), mu_range=(-5.0, 30.0),
        ratios=(RatioLine(1.0, Dash.SOLID, "black"), RatioLine(0.5, Dash.DOTTED, "tab:red")),
        variants=(VelocityVariant("same", PLAIN, V, "same"), VelocityVariant("double", PLAIN / 2, 2 * V, "double")),
        solver_velocity=V, eta=ETA, ratio=R, closed_form_label="Eq. (7)", solver_label="solver")
    fields.update(changes)
    return SubbandFigure(**fields)


def test_summary_and_title_come_from_the_declared_numbers() -> None:
    """The listing and the drawn title show the declared thresholds and ratios, not a copy."""
    figure = declaration(thresholds=(1, 2.5, 9), ratios=(RatioLine(0.25, Dash.SOLID, "k"),))
    assert summary(figure) == "G/G0 vs mu/kT, thresholds 1, 2.5 and 9 kT, tau_in/tau_el = 0.25"
    assert title(figure) == (r"Demo, Fig. 2: 1D wire, $\varepsilon_1 = 1\,k_BT$, $\varepsilon_2 = 2.5\,k_BT$, "
                             r"$\varepsilon_3 = 9\,k_BT$")
    assert summary(declaration(thresholds=(4,))) == "G/G0 vs mu/kT, threshold 4 kT, tau_in/tau_el = 1, 0.5"


def test_spec_lists_variants_and_default_points() -> None:
    """The buildable entry carries the key, the variants' names and the default number of points."""
    spec = subband_spec("demo2026:fig2", declaration(default_points=11))
    assert (spec.key, spec.variants, spec.default_points, spec.select("both")) == (
        "demo2026:fig2", ("same", "double"), 11, ("same", "double"))


def test_velocity_factor_is_the_ratio_of_the_velocities() -> None:
    """The solver's G (velocity v) is rescaled by v/vbar to a variant with velocity vbar."""
    figure = declaration()
    assert [velocity_factor(figure, v) for v in figure.variants] == [1.0, 0.5]


def test_velocity_ratio_must_be_a_number() -> None:
    """A variant whose velocity is not a constant multiple of the solver's is refused."""
    figure = declaration(variants=(VelocityVariant("other", PLAIN, W, "other"),))
    with pytest.raises(DefinitionError, match=r"^velocity ratio v/w must be a positive number \(got v/w\)$"):
        velocity_factor(figure, figure.variants[0])


def test_closed_form_must_depend_only_on_eta_and_ratio() -> None:
    """A closed form with another free symbol cannot be evaluated on the sweep and is refused."""
    figure = declaration(variants=(VelocityVariant("bad", PLAIN * W, V, "bad"),))
    with pytest.raises(DefinitionError, match=r"^closed form of variant 'bad' must depend only on eta and R "
                                              r"\(also has w\)$"):
        closed_form(figure, figure.variants[0])


def test_points_must_be_at_least_two() -> None:
    """A sweep needs two abscissae."""
    with pytest.raises(DefinitionError, match=r"^'points' must be an integer >= 2 \(got 1\)$"):
        abscissae(declaration(), 1)


def test_build_draws_one_panel_per_variant_with_rescaled_solver() -> None:
    """Each panel has the Landauer reference, then closed form and solver per ratio; the solver
    curve of the ``2 v`` variant is half that of the ``v`` variant, and the closed forms are the declared ones."""
    data = build("demo2026:fig2", declaration(), ("same", "double"), 3)
    same, double = data.panels
    assert [c.source for c in same.curves] == [Source.LANDAUER] + [Source.CLOSED_FORM, Source.SOLVER] * 2
    assert [c.label for c in same.curves[1:3]] == [r"Eq. (7), $\tau_{in}/\tau_{el}$ = 1", "solver"]
    assert np.array_equal(double.curves[2].y, same.curves[2].y * 0.5)
    mu = same.curves[1].x
    expected = sum(0.5 / (1 + np.exp(-(mu - eps))) for eps in (5.0, 17.0))
    assert same.curves[1].y == pytest.approx(expected, rel=1e-14)
    assert data.title.endswith(r"$\varepsilon_2 = 17\,k_BT$") and data.key == "demo2026:fig2"
