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
