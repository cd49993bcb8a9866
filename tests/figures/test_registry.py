"""Figure look-up goes through the papers' declarations; nothing registers itself."""

from __future__ import annotations

import pytest
import sympy

from symcond import Dash, DefinitionError, Paper, RatioLine, SubbandFigure, VelocityVariant
from symcond.figures import available_figures, figure_spec, figure_specs

ETA, R, V = sympy.symbols("eta R v", positive=True)


def paper_with_figure(key: str = "demo2026", number: int = 2) -> Paper:
    """Return a paper that declares one sub-band figure."""
    paper = Paper(key)
    paper.attach_figure(SubbandFigure(
        number=number, title="Demo", thresholds=(5,), mu_range=(0.0, 1.0),
        ratios=(RatioLine(1.0, Dash.SOLID, "black"),),
        variants=(VelocityVariant("only", R / (1 + R) / (1 + sympy.exp(-ETA)), V, "only"),),
        solver_velocity=V, eta=ETA, ratio=R, default_points=7))
    return paper


def test_figures_of_given_papers_are_found() -> None:
    """A figure a paper declares is listed and looked up by <paper>:fig<N>, with its declared data."""
    papers = [paper_with_figure(), Paper("empty2026")]
    spec = figure_spec("demo2026:fig2", papers)
    assert available_figures(papers) == ("demo2026:fig2",)
    assert (spec.variants, spec.default_points, spec.summary) == (
        ("only",), 7, "G/G0 vs mu/kT, threshold 5 kT, tau_in/tau_el = 1")


def test_no_papers_no_figures() -> None:
    """There is no global registry: without papers there are no figures."""
    assert available_figures([]) == () and figure_specs([]) == {}


def test_unknown_key_names_the_declared_figures() -> None:
    """An unknown key is refused naming the figures of the given papers."""
    with pytest.raises(DefinitionError, match=r"^no figure 'demo2026:fig1' \(have demo2026:fig2\)$"):
        figure_spec("demo2026:fig1", [paper_with_figure()])


def test_a_key_declared_twice_is_refused() -> None:
    """Two papers with the same key declaring the same figure number are refused."""
    with pytest.raises(DefinitionError, match=r"^figure key 'demo2026:fig2' is declared twice$"):
        figure_specs([paper_with_figure(), paper_with_figure()])


def test_bundled_figures_come_from_the_derivation_files() -> None:
    """By default the bundled papers are loaded: Das & Green declare Figure 1."""
    assert "dasgreen2003:fig1" in available_figures()
