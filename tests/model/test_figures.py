"""Figure declarations as data and attaching them to a paper."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
import sympy

from symcond import Dash, DefinitionError, Paper, RatioLine, SubbandFigure, VelocityVariant

ETA, R, V = sympy.symbols("eta R v", positive=True)


def declaration(**changes: Any) -> SubbandFigure:
    """Return a valid two-variant declaration, with ``changes`` applied."""
    fields: dict[str, Any] = dict(
        number=3, title="Demo, Fig. 3: 1D wire", thresholds=(5, 17), mu_range=(-5.0, 30.0),
        ratios=(RatioLine(1.0, Dash.SOLID, "black"),),
        variants=(VelocityVariant("one", R / (1 + R) * sympy.exp(ETA), V, "one"),
                  VelocityVariant("two", R / (1 + R) * sympy.exp(ETA) / 2, 2 * V, "two")),
        solver_velocity=V, eta=ETA, ratio=R)
    fields.update(changes)
    return SubbandFigure(**fields)


def test_key_names_paper_and_number() -> None:
    """A declaration's key is <paper key>:fig<number>; variants are found by name."""
    figure = declaration()
    assert (figure.key(Paper("demo2026")), figure.variant_names, figure.variant("two").velocity) == (
        "demo2026:fig3", ("one", "two"), 2 * V)


def test_unknown_variant_names_the_known_ones() -> None:
    """Asking for a variant the figure lacks is refused naming the variants."""
    with pytest.raises(DefinitionError, match=r"^'variant' must be one of one, two \(got 'three'\)$"):
        declaration().variant("three")


@pytest.mark.parametrize(("changes", "message"), [
    ({"number": 0}, r"^figure number must be a positive integer \(got 0\)$"),
    ({"number": True}, r"^figure number must be a positive integer \(got True\)$"),
    ({"variants": ()}, r"^figure 3 must have variants with distinct names \(got \(\)\)$"),
    ({"thresholds": ()}, r"^figure 3 must have at least one threshold and one ratio$"),
    ({"ratios": ()}, r"^figure 3 must have at least one threshold and one ratio$"),
    ({"mu_range": (30.0, -5.0)}, r"^figure 3: mu_range must be increasing \(got \(30.0, -5.0\)\)$"),
    ({"eta": 2 * ETA}, r"^figure 3: eta and ratio must be symbols \(got 2\*eta, R\)$"),
])
def test_malformed_declarations_are_refused(changes: dict[str, Any], message: str) -> None:
    """A declaration that cannot be drawn is refused when it is written, with a one-line message."""
    with pytest.raises(DefinitionError, match=message):
        declaration(**changes)


def test_duplicate_variant_names_are_refused() -> None:
    """Two variants with the same name (one panel each, one CSV key) are refused."""
    one = declaration().variants[0]
    with pytest.raises(DefinitionError, match=r"distinct names \(got \('one', 'one'\)\)$"):
        declaration(variants=(one, one))


def test_paper_keeps_its_figures_by_number() -> None:
    """attach_figure returns the declaration; paper.figures lists them by number."""
    paper = Paper("demo2026")
    late, early = declaration(number=4), declaration(number=2)
    assert paper.attach_figure(late) is late
    paper.attach_figure(early)
    assert paper.figures == (early, late)


def test_a_figure_number_is_attached_once() -> None:
    """A second figure with the same number is refused."""
    paper = Paper("demo2026")
    paper.attach_figure(declaration())
    with pytest.raises(DefinitionError, match=r"^figure 3 is attached to demo2026 twice$"):
        paper.attach_figure(dataclasses.replace(declaration(), title="other"))
