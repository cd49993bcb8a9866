"""Drawing a :class:`~symcond.figures.model.FigureData` with Matplotlib (Agg, no screen).

No ``pyplot`` state is touched: each call builds its own ``matplotlib.figure.Figure`` on
an Agg canvas, so rendering is safe in tests and servers.  The format follows the file
suffix: ``.png``, ``.pdf`` or ``.svg``.  The file is written atomically (drawn into a
temporary file beside it, then renamed: :func:`symcond.files.replacing`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from symcond.errors import DefinitionError
from symcond.figures.model import Curve, FigureData, Panel
from symcond.files import check_target, replacing

__all__ = ["FORMATS", "render"]

#: File suffixes that :func:`render` writes.
FORMATS = (".png", ".pdf", ".svg")

#: Width of one panel and the height of the figure, in inches.
PANEL_SIZE = (6.4, 4.8)


def render(data: FigureData, path: str | Path, dpi: int = 150, *, force: bool = False) -> Path:
    """Draw ``data`` (one panel per column) and write it to ``path``; return the path.

    ``force`` allows replacing an existing file.

    Raises
    ------
    DefinitionError
        If the suffix of ``path`` is not one of :data:`FORMATS`.
    OutputError
        If ``path`` exists (without ``force``), is not a regular file, or cannot be written.
    """
    target = Path(path)
    if target.suffix.lower() not in FORMATS:
        raise DefinitionError(f"figure file must end in {', '.join(FORMATS)} (got {str(target)!r})")
    check_target(path, force)  # before drawing
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    width, height = PANEL_SIZE
    rows = 2 if data.log_row else 1
    figure = Figure(figsize=(width * len(data.panels), height * (1.0 + 0.5 * (rows - 1)) + 0.4), layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.subplots(rows, len(data.panels), squeeze=False, sharex="col", height_ratios=[2, 1][:rows])
    for column, panel in enumerate(data.panels):
        _draw_panel(axes[0, column], panel, data)
        if data.log_row:
            axes[0, column].set_xlabel("")
            _draw_log_panel(axes[1, column], panel, data)
    figure.suptitle(data.title, fontsize=10)
    with replacing(path, force) as temporary:  # the temporary name ends in .tmp: name the format
        figure.savefig(temporary, format=target.suffix[1:].lower(), dpi=dpi,
                       metadata={"Title": f"{data.key}: {data.title}"})
    return target


def _draw_panel(ax: Any, panel: Panel, data: FigureData) -> None:
    """Draw the curves of one panel with labels, legend and grid."""
    for curve in panel.curves:
        _draw_curve(ax, curve)
    ax.set_title(panel.title, fontsize=10)
    ax.set_xlabel(data.x_label)
    ax.set_ylabel(data.y_label)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=7.5, loc="upper left", frameon=False)


def _draw_log_panel(ax: Any, panel: Panel, data: FigureData) -> None:
    """Draw the curves of one panel again on a logarithmic ``y`` axis (no legend)."""
    for curve in panel.curves:
        _draw_curve(ax, curve, legend=False)
    ax.set_yscale("log")
    ax.set_xlabel(data.x_label)
    ax.set_ylabel(data.y_label.split("  (")[0] + " (log scale)")
    ax.grid(True, which="major", alpha=0.3)


def _draw_curve(ax: Any, curve: Curve, legend: bool = True) -> None:
    """Draw one curve as its line and/or markers."""
    look = curve.look
    ax.plot(curve.x, curve.y, linestyle=look.dash.value if look.dash else "none", marker=look.marker or None,
            markevery=look.every, color=look.color, linewidth=look.width, markersize=4,
            markerfacecolor="none" if look.marker else None, label=(curve.label or None) if legend else None)

