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


def render(data: FigureData, path: str | Path, dpi: int = 150, *, force: bool = False,
           log: bool | None = None) -> Path:
    """Draw ``data`` (one panel per column) and write it to ``path``; return the path.

    ``force`` allows replacing an existing file.  ``log`` draws (``True``) or omits (``False``)
    a row of logarithmic panels below the linear ones; ``None`` follows ``data.log_row``.
    Titles too wide for their panel (or the figure) are broken into lines at spaces outside math.

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

    log_row = data.log_row if log is None else log
    width, height = PANEL_SIZE
    rows = 2 if log_row else 1
    figure = Figure(figsize=(width * len(data.panels), height * (1.0 + 0.5 * (rows - 1)) + 0.4), layout="constrained")
    canvas = FigureCanvasAgg(figure)
    axes = figure.subplots(rows, len(data.panels), squeeze=False, sharex="col", height_ratios=[2, 1][:rows])
    renderer = canvas.get_renderer()
    for column, panel in enumerate(data.panels):
        _draw_panel(axes[0, column], panel, data)
        _fit(axes[0, column].title, width - 0.8, renderer)
        if log_row:
            axes[0, column].set_xlabel("")
            _draw_log_panel(axes[1, column], panel, data)
    _fit(figure.suptitle(data.title, fontsize=10), width * len(data.panels) - 0.3, renderer)
    with replacing(path, force) as temporary:  # the temporary name ends in .tmp: name the format
        figure.savefig(temporary, format=target.suffix[1:].lower(), dpi=dpi,
                       metadata={"Title": f"{data.key}: {data.title}"})
    return target


def _split(text: str, separator: str) -> list[str]:
    """Split ``text`` after each ``separator`` outside ``$...$`` math (the separator's trailing space dropped)."""
    parts, current, math, index = [], "", False, 0
    while index < len(text):
        if text[index] == "$":
            math = not math
        if not math and text.startswith(separator, index):
            parts.append(current + separator.rstrip())
            current, index = "", index + len(separator)
            continue
        current += text[index]
        index += 1
    return [*parts, current]


def _fit(text: Any, inches: float, renderer: Any) -> None:
    """Break the text of the artist ``text`` into lines at most ``inches`` wide: after commas
    outside math first, then at spaces outside math (a single word too wide keeps its own line)."""

    def width(candidate: str) -> float:
        text.set_text(candidate)
        return float(text.get_window_extent(renderer).width / text.figure.dpi)

    def greedy(pieces: list[str]) -> list[str]:
        lines: list[str] = []
        for piece in pieces:
            if lines and width(f"{lines[-1]} {piece}") <= inches:
                lines[-1] = f"{lines[-1]} {piece}"
            else:
                lines.append(piece)
        return lines

    lines = [line if width(line) <= inches else "\n".join(greedy(_split(line, " ")))
             for line in greedy(_split(text.get_text(), ", "))]
    text.set_text("\n".join(lines))


def _draw_markers(ax: Any, data: FigureData, labels: bool) -> None:
    """Mark ``data.markers`` with thin vertical lines (labelled on the top axis when ``labels``)."""
    for x, _ in data.markers:
        ax.axvline(x, color="0.35", linestyle=(0, (1, 2)), linewidth=0.9, zorder=0)
    if labels and data.markers:
        top = ax.secondary_xaxis("top")
        top.set_xticks([x for x, _ in data.markers], labels=[label for _, label in data.markers])
        top.tick_params(direction="in", length=4, labelsize=10)


def _draw_panel(ax: Any, panel: Panel, data: FigureData) -> None:
    """Draw the curves of one panel with labels, legend and grid."""
    _draw_markers(ax, data, labels=True)
    for curve in panel.curves:
        _draw_curve(ax, curve)
    ax.set_title(panel.title, fontsize=10)
    ax.set_xlabel(data.x_label)
    ax.set_ylabel(data.y_label)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=7.5, loc="upper left", framealpha=0.9, edgecolor="none")


def _draw_log_panel(ax: Any, panel: Panel, data: FigureData) -> None:
    """Draw the curves of one panel again on a logarithmic ``y`` axis (no legend)."""
    _draw_markers(ax, data, labels=False)
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

