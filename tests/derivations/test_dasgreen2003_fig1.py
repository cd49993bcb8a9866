"""dasgreen2003:fig1, declared in the derivation file, against independent references and its caption.

References: Fermi integrals by mpmath quadrature (:mod:`tests.kinetic.reference`), so
``G_i/G_0 = (N**2/M) R/(1+R)`` (literal Eq. (10)) is computed without the derivation's closed
form, the solver or the figure code; the Landauer reference by mpmath.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest

from symcond import load_papers
from symcond.figures import FigureData, Source, check_figure, figure_spec
from tests.kinetic.reference import drude_G_G0

THRESHOLDS = (5.0, 17.0)
MU = (-5.0, 2.5, 7.5, 22.5, 30.0)  # on the 15-point grid: below, at, between and above the thresholds


def test_figure_draws_the_checked_claims() -> None:
    """The declaration uses the paper's own closed forms (those claims eq11 and eq11.paper_normalised derive)
    and the thresholds of the claims about G = sum_i G_i (eq11.sum), not a copy."""
    (paper,) = [p for p in load_papers() if p.key == "dasgreen2003"]
    (figure,) = paper.figures
    nu = paper.registry.symbols("nu")[0]
    total = sum(figure.variant("literal").closed_form.subs(figure.eta, nu - level) for level in figure.thresholds)
    assert figure.variant("literal").closed_form == paper.claim("eq11").result
    assert figure.variant("paper").closed_form == paper.claim("eq11.paper_normalised").result
    assert total == paper.claim("eq11.sum").expr
    assert tuple(figure.thresholds) == THRESHOLDS  # the caption


@pytest.fixture(scope="module")
def fig1() -> FigureData:
    """Both panels of Figure 1 on 15 points (mu/k_B T = -5, -2.5, ..., 30)."""
    return figure_spec("dasgreen2003:fig1").build(("literal", "paper"), 15)


def curve(data: FigureData, velocity: str, source: Source, ratio: str = ""):
    """Return the curve of a panel with these keys."""
    (found,) = [c for c in data.curves(source) if c.key("velocity") == velocity and c.key("ratio") == ratio]
    return found


def reference_G(mu: float, ratio: float) -> float:
    """Return sum_i G_i/G_0 with the literal Eq. (10), from mpmath Fermi integrals."""
    return sum(drude_G_G0(mu - eps, ratio) for eps in THRESHOLDS)


@pytest.mark.parametrize("ratio", ["1", "0.75", "0.5"])
@pytest.mark.parametrize("source", [Source.CLOSED_FORM, Source.SOLVER])
def test_literal_curves_match_mpmath_quadrature(fig1: FigureData, source: Source, ratio: str) -> None:
    """Closed-form and solver curves of the literal panel equal (N^2/M) R/(1+R) summed, to 1e-12."""
    c = curve(fig1, "literal", source, ratio)
    picks = [int(np.argmin(np.abs(c.x - mu))) for mu in MU]
    expected = [reference_G(float(c.x[i]), float(ratio)) for i in picks]
    assert c.y[picks] == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("ratio", ["1", "0.75", "0.5"])
def test_paper_panel_is_half_the_literal_panel(fig1: FigureData, ratio: str) -> None:
    """Doubling vbar (2 <|v| f_eq>/n) halves G: the paper panel is the mpmath literal value / 2."""
    c = curve(fig1, "paper", Source.CLOSED_FORM, ratio)
    expected = [reference_G(float(mu), float(ratio)) / 2.0 for mu in c.x[::4]]
    assert c.y[::4] == pytest.approx(expected, rel=1e-12)


def test_landauer_reference_is_the_fermi_sum(fig1: FigureData) -> None:
    """The dashed reference is sum_i 1/(1 + exp(eps_i - mu)) (mpmath)."""
    c = curve(fig1, "literal", Source.LANDAUER)
    expected = [float(sum(1 / (1 + mpmath.exp(eps - mu)) for eps in THRESHOLDS)) for mu in c.x]
    assert c.y == pytest.approx(expected, rel=1e-14)


def test_conductance_vanishes_exponentially_below_threshold() -> None:
    """Caption: well below eps_1, G vanishes as exp[-(eps_1 - mu)/k_BT] (log-slope 1 per k_BT)."""
    data = figure_spec("dasgreen2003:fig1").build(("literal",), 36)  # mu = -5, -4, ..., 30
    c = curve(data, "literal", Source.SOLVER, "1")
    slope = math.log(c.y[1] / c.y[0])
    assert slope == pytest.approx(1.0, abs=math.exp(-9.0))  # next order: -0.91 (e^-9 - e^-10)


def test_plateaux_fall_with_inelastic_scattering(fig1: FigureData) -> None:
    """Caption: the plateaux at mu = 30 k_BT are ordered R = 1 > 0.75 > 0.5."""
    ends = [curve(fig1, "paper", Source.SOLVER, r).y[-1] for r in ("1", "0.75", "0.5")]
    assert ends[0] > ends[1] > ends[2]


def test_ideal_paper_plateau_is_one_G0_per_band(fig1: FigureData) -> None:
    """Paper-normalised, R = 1: G/G0 at mu = 30 k_BT is 2 (two open bands) within the
    degenerate correction (pi^2/12)/eta^2 of each band."""
    correction = sum(math.pi**2 / 12.0 / (30.0 - eps) ** 2 for eps in THRESHOLDS)
    value = curve(fig1, "paper", Source.SOLVER, "1").y[-1]
    assert value == pytest.approx(2.0 - correction, abs=0.1 * correction)


def test_solver_agrees_with_closed_form_within_its_error_bound() -> None:
    """check_figure pairs every solver curve with its closed form and all pass."""
    results = check_figure("dasgreen2003:fig1", "both", 11)
    assert len(results) == 6 and all(a.passed and a.unconverged == 0 for a in results)
