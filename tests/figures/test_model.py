"""Figure data, CSV, registry and the solver/closed-form comparison on hand-made curves."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest

from symcond.errors import DefinitionError
from symcond.figures import Curve, FigureData, FigureSpec, Panel, Source, compare, figure_spec, to_csv

X = np.array([0.0, 0.5, 1.0])


def data_with(solver_y: np.ndarray, bound: np.ndarray) -> FigureData:
    """Return a one-panel figure: closed form y = x**2, and a solver curve with error bounds."""
    keys = (("ratio", "1"),)
    closed = Curve("closed", Source.CLOSED_FORM, X, X**2, keys)
    solver = Curve("solver", Source.SOLVER, X, solver_y, keys, tolerance=bound)
    return FigureData("demo:fig1", "demo", (Panel("p", (closed, solver)),), "x", "y", ("ratio",), "x", "y")


def test_csv_reads_back_every_point_exactly() -> None:
    """Every (x, keys, source, y) of every curve reads back from the CSV bit for bit."""
    data = data_with(X**2 + np.array([1e-17, 1.0 / 3.0, np.pi]), np.full(3, 1e-12))
    rows = list(csv.DictReader(io.StringIO(to_csv(data))))
    assert [(float(r["x"]), r["ratio"], r["source"], float(r["y"])) for r in rows] == [
        (x, "1", c.source.value, y) for c in data.curves() for x, y in zip(c.x, c.y, strict=True)]


def test_curve_rejects_mismatched_lengths() -> None:
    """A curve with more y than x values is refused with a one-line message."""
    with pytest.raises(DefinitionError, match=r"^curve 'c' must have as many y as x values \(got 4 and 3\)$"):
        Curve("c", Source.SOLVER, X, np.zeros(4))


def test_agreement_passes_within_bound() -> None:
    """Differences of half the error bound pass, with worst ratio 0.5."""
    (result,) = compare(data_with(X**2 + 0.5e-10, np.full(3, 1e-10)))
    assert result.passed and result.worst_bound_ratio == pytest.approx(0.5)


def test_agreement_fails_beyond_bound_and_names_the_point() -> None:
    """A point off by three bounds fails the comparison, and its abscissa is reported."""
    (result,) = compare(data_with(X**2 + np.array([0.0, 3e-10, 0.0]), np.full(3, 1e-10)))
    assert (result.passed, result.worst_x) == (False, 0.5)


def test_agreement_counts_unconverged_points() -> None:
    """A NaN error bound (solver not converged) is counted and fails the comparison."""
    (result,) = compare(data_with(X**2, np.array([1e-10, np.nan, 1e-10])))
    assert (result.unconverged, result.passed) == (1, False)


def test_unknown_figure_lists_the_known_ones() -> None:
    """An unknown key is refused naming the registered figures."""
    with pytest.raises(DefinitionError, match=r"^no figure 'dasgreen2003:fig2' \(have dasgreen2003:fig1\)$"):
        figure_spec("dasgreen2003:fig2")


def test_unknown_variant_is_refused() -> None:
    """A variant that the figure does not have is refused with the allowed names."""
    with pytest.raises(DefinitionError, match=r"must be one of paper, literal or both \(got 'exact'\)$"):
        figure_spec("dasgreen2003:fig1").select("exact")


def test_figure_key_must_name_a_paper_figure() -> None:
    """A key not of the form <paper>:fig<N> is refused."""
    with pytest.raises(DefinitionError, match=r"^figure key must look like '<paper>:fig<N>' \(got 'fig1'\)$"):
        FigureSpec("fig1", "", ("a",), 2, lambda variants, points: data_with(X**2, X))
