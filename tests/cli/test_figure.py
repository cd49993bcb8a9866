"""The ``symcond figure`` subcommand and the files it writes (PNG, PDF, SVG, CSV)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from symcond.cli.main import main
from symcond.figures import figure_spec, render

FIG1 = "dasgreen2003:fig1"
MAGIC = {".png": b"\x89PNG\r\n\x1a\n", ".pdf": b"%PDF-", ".svg": b"<?xml"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process; return (exit code, stdout, stderr)."""
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def small_fig1():
    """Figure 1 with both panels on 6 points."""
    return figure_spec(FIG1).build(("literal", "paper"), 6)


@pytest.mark.parametrize("suffix", [".png", ".pdf", ".svg"])
def test_render_writes_the_format_of_the_suffix(small_fig1, tmp_path: Path, suffix: str) -> None:
    """render() writes a file whose first bytes are those of the requested format."""
    path = render(small_fig1, tmp_path / f"fig1{suffix}")
    assert path.read_bytes().startswith(MAGIC[suffix])


def test_two_panels_are_twice_as_wide(small_fig1, tmp_path: Path) -> None:
    """--variant both draws two panels side by side: the PNG is twice as wide as one panel."""
    import matplotlib.image

    both = matplotlib.image.imread(render(small_fig1, tmp_path / "both.png"))
    one = matplotlib.image.imread(render(figure_spec(FIG1).build(("paper",), 6), tmp_path / "one.png"))
    assert both.shape[1] == 2 * one.shape[1] and both.shape[0] == one.shape[0]


def test_figure_command_writes_png_and_long_csv(capsys, tmp_path: Path) -> None:
    """The command exits 0 and writes the PNG and a CSV with the documented columns and rows."""
    png, data = tmp_path / "fig1.png", tmp_path / "fig1.csv"
    code, _, _ = run(capsys, "figure", FIG1, "--points", "5", "--out", str(png), "--data", str(data))
    with data.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert code == 0 and png.read_bytes().startswith(MAGIC[".png"])
    assert list(rows[0]) == ["mu_kT", "ratio", "velocity", "source", "G_G0"]
    assert len(rows) == 2 * (1 + 2 * 3) * 5  # panels x (Landauer + 3 ratios x 2 sources) x points


def test_figure_command_reports_agreement(capsys) -> None:
    """Without files the command prints one agreement line per solver curve (3 for one panel)."""
    code, out, _ = run(capsys, "figure", FIG1, "--points", "4", "--variant", "literal")
    assert code == 0 and out.count("solver agrees with closed form") == 3


def test_figure_command_lists_figures(capsys) -> None:
    """Without a key the command lists the registered figures."""
    code, out, _ = run(capsys, "figure")
    assert code == 0 and out.startswith("dasgreen2003:fig1: ")


def test_bad_suffix_is_a_one_line_error(capsys, tmp_path: Path) -> None:
    """An unsupported image suffix exits 2 with one line naming the rule and what was given."""
    code, out, err = run(capsys, "figure", FIG1, "--out", "fig1.jpg")
    assert (code, out) == (2, "")
    assert err == "symcond: error: '--out' must end in .png, .pdf, .svg (got 'fig1.jpg')\n"


def test_unwritable_data_path_is_a_one_line_error(capsys, tmp_path: Path) -> None:
    """A CSV path in a missing folder exits 2 with a one-line message."""
    target = str(tmp_path / "missing" / "fig1.csv")
    code, _, err = run(capsys, "figure", FIG1, "--points", "3", "--data", target)
    assert (code, err) == (2, f"symcond: error: cannot write '{target}': the folder '{Path(target).parent}' "
                              "does not exist\n")


def test_render_refuses_an_existing_file(small_fig1, tmp_path: Path) -> None:
    """render() does not replace an existing file unless force=True."""
    from symcond.errors import OutputError

    path = tmp_path / "fig1.png"
    path.write_bytes(b"old")
    with pytest.raises(OutputError, match="file exists"):
        render(small_fig1, path)
    assert path.read_bytes() == b"old"


def test_render_with_force_replaces_the_file(small_fig1, tmp_path: Path) -> None:
    """render(..., force=True) replaces an existing file with the drawing, in the suffix's format."""
    path = tmp_path / "fig1.pdf"
    path.write_bytes(b"old")
    assert render(small_fig1, path, force=True).read_bytes().startswith(MAGIC[".pdf"])


def test_out_and_data_must_differ(capsys, tmp_path: Path) -> None:
    """--out and --data naming the same file exit 2 before anything is computed or written."""
    target = str(tmp_path / "fig1.png")
    code, _, err = run(capsys, "figure", FIG1, "--out", target, "--data", target)
    assert (code, err) == (2, f"symcond: error: '--out' and '--data' must be different files (both are {target!r})\n")
    assert not Path(target).exists()


def test_paper_panel_comes_first_and_the_literal_is_labelled_refuted() -> None:
    """Issue 18: the paper's own figure is the first panel; the literal Eq. (10) panel says it is refuted."""
    spec = figure_spec(FIG1)
    assert spec.variants == ("paper", "literal")
    data = spec.build(spec.select("both"), 3)
    assert data.panels[0].title.startswith("the paper's Fig. 1")
    assert data.panels[1].title.startswith("refuted reading")


def test_thresholds_are_marked(small_fig1) -> None:
    """The sub-band thresholds of the caption, 5 and 17 k_BT, are the figure's markers."""
    assert small_fig1.markers == ((5.0, r"$\varepsilon_1$"), (17.0, r"$\varepsilon_2$"))


def test_log_panels_only_on_request(capsys, tmp_path: Path) -> None:
    """Without --log one row of panels; --log adds the logarithmic row below (a taller PNG)."""
    import matplotlib.image

    plain, logged = tmp_path / "plain.png", tmp_path / "log.png"
    assert run(capsys, "figure", FIG1, "--points", "4", "--variant", "paper", "--out", str(plain))[0] == 0
    assert run(capsys, "figure", FIG1, "--points", "4", "--variant", "paper", "--log", "--out", str(logged))[0] == 0
    one, two = matplotlib.image.imread(plain), matplotlib.image.imread(logged)
    assert one.shape[1] == two.shape[1] and two.shape[0] > 1.3 * one.shape[0]


@pytest.mark.parametrize("variant", ["paper", "literal", "both"])
def test_titles_fit_inside_the_figure(variant: str) -> None:
    """No title is clipped: each drawn title (broken into lines if needed) lies inside the figure."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from symcond.figures.render import PANEL_SIZE, _fit

    spec = figure_spec(FIG1)
    data = spec.build(spec.select(variant), 3)
    width = PANEL_SIZE[0] * len(data.panels)
    figure = Figure(figsize=(width, PANEL_SIZE[1]))
    renderer = FigureCanvasAgg(figure).get_renderer()
    texts = [figure.text(0.5, 0.5, data.title, ha="center")] + [figure.text(0.5, 0.5, p.title) for p in data.panels]
    _fit(texts[0], width - 0.3, renderer)
    for text in texts[1:]:
        _fit(text, PANEL_SIZE[0] - 0.8, renderer)
    for text, limit in zip(texts, [width - 0.3] + [PANEL_SIZE[0] - 0.8] * len(data.panels), strict=True):
        assert text.get_window_extent(renderer).width / figure.dpi <= limit
    assert "\n" in texts[0].get_text() if variant != "both" else "\n" not in texts[0].get_text()


def test_split_keeps_math_whole() -> None:
    """Titles are broken only outside $...$ math."""
    from symcond.figures.render import _split

    assert _split(r"A, $x = 1, y$, B c", ", ") == ["A,", "$x = 1, y$,", "B c"]
    assert _split(r"a $b c$ d", " ") == ["a", "$b c$", "d"]


@pytest.mark.parametrize("points", ["0", "1", "-3"])
def test_too_few_points_is_bad_input(capsys, tmp_path: Path, points: str) -> None:
    """--points 0 (and 1, -3) exits 2 with one line and writes nothing; 0 is not "the figure's own" count."""
    data = tmp_path / "fig1.csv"
    code, out, err = run(capsys, "figure", FIG1, "--points", points, "--data", str(data))
    assert (code, out) == (2, "") and err == f"symcond: error: '--points' must be an integer >= 2 (got {points})\n"
    assert not data.exists()


def test_one_panel_is_singular(capsys) -> None:
    """The first line counts one panel as '1 panel', not '1 panel(s)'."""
    code, out, _ = run(capsys, "figure", FIG1, "--points", "2", "--variant", "paper")
    assert code == 0 and out.splitlines()[0] == f"{FIG1}: 1 panel, 2 points"
