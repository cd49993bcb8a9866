"""Help that teaches (every subcommand shows a worked example), --version, and the export command."""

import argparse

import pytest

import symcond
from symcond.cli.main import build_parser, main


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
        f"symcond: error: cannot write '{tmp_path / 'nope' / 'gem.py'}': the folder '{tmp_path / 'nope'}' "
        "does not exist\n")


def test_export_c_writes_source_and_header(tmp_path):
    """--backend c writes FILE.c and FILE.h side by side."""
    assert main(["export", "reggiani2026:eq11", "--to", str(tmp_path / "gem.c"), "--backend", "c"]) == 0
    assert (tmp_path / "gem.c").is_file() and (tmp_path / "gem.h").is_file()


def test_export_c_checks_the_header_before_writing_the_source(tmp_path, capsys):
    """--backend c with an existing FILE.h exits 2 and writes neither FILE.c nor FILE.h."""
    (tmp_path / "gem.h").write_text("old", encoding="utf-8")
    code = main(["export", "reggiani2026:eq11", "--to", str(tmp_path / "gem.c"), "--backend", "c"])
    assert code == 2 and capsys.readouterr().err == (
        f"symcond: error: cannot write '{tmp_path / 'gem.h'}': file exists (use --force to replace it)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gem.h"] and (tmp_path / "gem.h").read_text() == "old"


def test_export_c_force_replaces_source_and_header(tmp_path):
    """--backend c --force replaces both an existing FILE.c and FILE.h."""
    for name in ("gem.c", "gem.h"):
        (tmp_path / name).write_text("old", encoding="utf-8")
    assert main(["export", "reggiani2026:eq11", "--to", str(tmp_path / "gem.c"), "--backend", "c", "--force"]) == 0
    assert "old" not in {(tmp_path / name).read_text() for name in ("gem.c", "gem.h")}


def test_export_c_refuses_a_header_as_target(tmp_path, capsys):
    """--backend c --to FILE.h exits 2: the source and the header would be the same file."""
    code = main(["export", "reggiani2026:eq11", "--to", str(tmp_path / "gem.h"), "--backend", "c"])
    assert code == 2 and capsys.readouterr().err == (
        "symcond: error: the C back end writes FILE and its header FILE.h: '--to' must not end in .h "
        f"(got '{tmp_path / 'gem.h'}')\n")


def test_export_claim_api_has_force(tmp_path):
    """export_claim(..., force=True) replaces an existing target; without force it raises OutputError."""
    from symcond.errors import OutputError
    from symcond.export import export_claim
    from symcond.ledger.run import load_papers

    target = tmp_path / "gem.py"
    target.write_text("old", encoding="utf-8")
    papers = load_papers()
    with pytest.raises(OutputError, match="file exists"):
        export_claim(papers, "reggiani2026:eq11", target)
    export_claim(papers, "reggiani2026:eq11", target, force=True)
    assert "def eq11_lhs" in target.read_text()
