"""Reproducible figures the papers declare: data from the derivations and the solvers.

A paper declares its figures in its derivation file (:mod:`symcond.model.figures`); a figure
is looked up by ``<paper key>:fig<N>`` through the loaded papers (:mod:`symcond.figures.registry`),
built as data (:mod:`symcond.figures.model`, :mod:`symcond.figures.sweep`), drawn with Matplotlib's Agg backend
(:mod:`symcond.figures.render`), written as a long-form CSV (:func:`to_csv`), and its
solver curves are checked against its closed forms (:mod:`symcond.figures.agreement`).

>>> data = figure_spec("dasgreen2003:fig1").build(("literal",), 5)
>>> [curve.source.value for curve in data.panels[0].curves][:3]
['landauer', 'closed-form', 'solver']
"""

from symcond.figures.agreement import Agreement, check_figure, compare
from symcond.figures.model import Curve, FigureData, FigureSpec, Look, Panel, Source, to_csv
from symcond.figures.registry import available_figures, figure_spec, figure_specs
from symcond.figures.render import FORMATS, render
from symcond.model.figures import Dash

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
    "figure_specs",
    "render",
    "to_csv",
]
