"""Reproducible figures of the bundled papers: data from the derivations and the solvers.

A figure is registered under ``<paper key>:fig<N>`` (:mod:`symcond.figures.registry`),
built as data (:mod:`symcond.figures.model`), drawn with Matplotlib's Agg backend
(:mod:`symcond.figures.render`), written as a long-form CSV (:func:`to_csv`), and its
solver curves are checked against its closed forms (:mod:`symcond.figures.agreement`).

>>> data = figure_spec("dasgreen2003:fig1").build(("literal",), 5)
>>> [curve.source.value for curve in data.panels[0].curves][:3]
['landauer', 'closed-form', 'solver']
"""

from symcond.figures.agreement import Agreement, check_figure, compare
from symcond.figures.model import Curve, Dash, FigureData, Look, Panel, Source, to_csv
from symcond.figures.registry import FigureSpec, available_figures, figure_spec, register_figure
from symcond.figures.render import FORMATS, render

__all__ = [
    "FORMATS",
    "Agreement",
    "Curve",
    "Dash",
    "FigureData",
    "FigureSpec",
    "Look",
    "Panel",
    "Source",
    "available_figures",
    "check_figure",
    "compare",
    "figure_spec",
    "register_figure",
    "render",
    "to_csv",
]
