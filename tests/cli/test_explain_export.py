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


def _help_ids() -> list[tuple[str, str]]:
    """(command, id) of every `symcond explain|export ID` example in the help texts that uses the bundled papers."""
    import re

    found = []
    for name in ("explain", "export"):
        for match in re.finditer(rf"(?m)^\s+(?:\$ )?symcond {name} (\S+)(.*)", _subcommands()[name].format_help()):
            if "--derivation" not in match.group(2):
                found.append((name, match.group(1)))
    return found


@pytest.mark.parametrize(("command", "wanted"), _help_ids())
def test_help_examples_name_one_bundled_claim(command, wanted):
    """Every claim id in the explain/export help examples resolves to exactly one bundled claim (no ambiguous eq7)."""
    from symcond.ledger.run import load_papers
    from symcond.report.explain import resolve_claim

    assert resolve_claim(load_papers(None), wanted)[1].id.endswith(wanted)


@pytest.mark.parametrize("command", [["explain", "foo:eq1"], ["export", "foo:eq1", "--to", "out.py"]])
def test_unbundled_paper_suggests_derivation(tmp_path, capsys, monkeypatch, command):
    """An id of a paper that is not bundled says so and points at --derivation, instead of 'did you mean ...:eq1'."""
    monkeypatch.chdir(tmp_path)
    assert main(command) == 2
    assert capsys.readouterr().err == ("symcond: error: paper 'foo' is not bundled (bundled: dasgreen2003,"
                                       " reggiani2026); give its derivation file with --derivation FILE\n")
    assert not (tmp_path / "out.py").exists()


def test_paper_missing_from_given_derivations_names_theirs(tmp_path, capsys):
    """With --derivation, an id of another paper names the papers the files define."""
    path = tmp_path / "demo.py"
    path.write_text("from symcond import Paper\npaper = Paper('demo2026')\ne, h = paper.symbols('e h')\n"
                    "paper.equality('eq1', e / h, e / h)\n")
    assert main(["explain", "foo:eq1", "--derivation", str(path)]) == 2
    assert capsys.readouterr().err == ("symcond: error: no paper 'foo' in the given derivation files (they define"
                                       " demo2026); add its file with --derivation FILE\n")


def test_local_id_with_a_colon_is_not_a_paper_key(capsys):
    """table1:classical_diffusive is a unique local id of reggiani2026, not an id of a paper 'table1'."""
    assert main(["explain", "table1:classical_diffusive"]) == 0
    assert capsys.readouterr().out.startswith("reggiani2026:table1:classical_diffusive ")


def test_explain_prints_plain_text_unless_latex(capsys):
    """explain shows pretty-printed Unicode by default and LaTeX only with --latex."""
    main(["explain", "dasgreen2003:eq7"])
    plain = capsys.readouterr().out
    main(["explain", "dasgreen2003:eq7", "--latex"])
    latex = capsys.readouterr().out
    assert "\\frac" not in plain and "τ" in plain
    assert "\\frac" in latex
