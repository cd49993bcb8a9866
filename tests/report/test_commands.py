"""Help that teaches (every subcommand shows a worked example), --version, and the export command."""

import argparse

import pytest

import symcond
from symcond.cli import build_parser, main


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_top_level_help_shows_examples():
    """symcond --help ends with worked examples."""
    assert "example" in build_parser().format_help().lower()


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_every_subcommand_help_shows_an_example(name):
    """Each registered subcommand (including ones added later) has a worked example in its --help."""
    assert "example" in _subcommands()[name].format_help().lower()


def test_report_commands_are_registered():
    """explain and export are subcommands."""
    assert {"explain", "export"} <= set(_subcommands())


def test_version(capsys):
    """--version prints the package version."""
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and capsys.readouterr().out == f"symcond {symcond.__version__}\n"


def test_export_writes_a_module(tmp_path, capsys):
    """symcond export writes the module and says which functions it holds."""
    target = tmp_path / "gem.py"
    code = main(["export", "reggiani2026:eq11", "--to", str(target)])
    assert code == 0 and target.is_file()
    assert capsys.readouterr().out == f"wrote {target}: eq11_lhs, eq11_rhs from reggiani2026:eq11 (verdict: fails)\n"


def test_export_to_missing_folder_is_one_line_error(tmp_path, capsys):
    """A target in a folder that does not exist exits 2 with one line naming the folder."""
    code = main(["export", "reggiani2026:eq11", "--to", str(tmp_path / "nope" / "gem.py")])
    assert code == 2 and capsys.readouterr().err == (
        f"symcond: error: export target folder '{tmp_path / 'nope'}' does not exist\n")


def test_export_c_writes_source_and_header(tmp_path):
    """--backend c writes FILE.c and FILE.h side by side."""
    assert main(["export", "reggiani2026:eq11", "--to", str(tmp_path / "gem.c"), "--backend", "c"]) == 0
    assert (tmp_path / "gem.c").is_file() and (tmp_path / "gem.h").is_file()
