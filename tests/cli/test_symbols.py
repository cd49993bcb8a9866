"""The ``symcond symbols`` subcommand: the registry and the CODATA table, filtered, as text or JSON."""

import json

import pytest
import scipy.constants as sc

from symcond.cli.main import main
from symcond.errors import DefinitionError
from symcond.quantities.registry import DEFAULT, dimension_from_name


def run(capsys, *argv):
    """Run ``symcond symbols ARGV`` in-process; return (exit code, stdout, stderr)."""
    code = main(["symbols", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def names(capsys, *argv):
    """The names ``symcond symbols ARGV --json`` lists."""
    _, out, _ = run(capsys, *argv, "--json")
    record = json.loads(out)
    return [r["name"] for r in record.get("symbols", record.get("constants", []))]


def test_every_registry_symbol_is_listed(capsys):
    """Without filters the JSON lists every symbol of the default registry, in registry order."""
    assert names(capsys) == [q.name for q in DEFAULT]


def test_json_record_of_a_derived_constant(capsys):
    """A symbol's JSON record has its LaTeX, dimension, CODATA value, uncertainty and definition."""
    _, out, _ = run(capsys, "--grep", "^G_0$", "--json")
    assert json.loads(out) == {"count": 1, "symbols": [{
        "name": "G_0", "latex": "G_0", "description": "conductance quantum", "codata": "conductance quantum",
        "dimension": "kg^-1 m^-2 s^3 A^2", "unit": "S", "value": sc.physical_constants["conductance quantum"][0],
        "uncertainty": 0.0, "definition": "2*e**2/h"}]}


def test_text_row_shows_value_and_definition(capsys):
    """The text row of a measured constant shows its unit, value +/- uncertainty and defining relation."""
    code, out, _ = run(capsys, "--grep", "Bohr radius")
    header, row, footer = out.splitlines()
    assert code == 0 and header.split() == ["name", "LaTeX", "unit", "value", "definition", "description"]
    assert row.split() == ["a_0", "a_0", "m", "5.29177210544e-11", "+/-", "8.2e-21", "4*pi*eps0*hbar**2/(e**2*m_e)",
                           "Bohr", "radius"]
    assert footer == "1 symbol (--grep 'Bohr radius')"


def test_text_columns_are_aligned(capsys):
    """Every column of the text table starts at the same offset on every line, and no line ends in blanks."""
    _, out, _ = run(capsys)
    lines = out.splitlines()[:-1]
    start = lines[0].index("value")
    assert all(line[start - 2:start] == "  " for line in lines) and all(line == line.rstrip() for line in lines)


@pytest.mark.parametrize(("argv", "expected"), [
    (["--grep", "conductance"], ["G_0"]),
    (["--grep", "PLANCK"], ["h", "hbar", "q_P", "m_P", "l_P", "t_P", "T_P"]),
    (["--dimension", "conductance"], ["G_0"]),
    (["--dimension", "energy/temperature"], ["k_B"]),
    (["--dimension", "J K^-1"], ["k_B"]),
    (["--dimension", "ohm"], ["R_K", "Z_0"]),
    (["--grep", "^m_", "--dimension", "mass"], ["m_star", "m_e", "m_r", "m_p", "m_n", "m_mu", "m_u", "m_P"]),
])
def test_filters(capsys, argv, expected):
    """--grep (a regular expression, any case) and --dimension (a dimension or a unit) select symbols."""
    assert names(capsys, *argv) == expected


def test_codata_lists_every_current_constant(capsys):
    """--codata lists each constant of the latest CODATA adjustment once, sorted by name."""
    listed = names(capsys, "--codata")
    assert sorted(listed) == sorted(sc.find()) and listed == sorted(listed, key=str.lower)


def test_codata_record_names_the_registry_symbol(capsys):
    """A CODATA record gives value, uncertainty, unit, SI dimension and the registry symbol, if there is one."""
    _, out, _ = run(capsys, "--codata", "--grep", "^Newtonian constant of gravitation$", "--json")
    assert json.loads(out)["constants"] == [{
        "name": "Newtonian constant of gravitation", "symbol": "G_N", "value": 6.6743e-11, "uncertainty": 1.5e-15,
        "exact": False, "unit": "m^3 kg^-1 s^-2", "dimension": "kg^-1 m^3 s^-2", "si_unit": "kg^-1 m^3 s^-2"}]


def test_codata_dimension_filter(capsys):
    """--codata --dimension keeps the constants whose unit has that SI dimension, whatever the unit (eV, J)."""
    assert "Hartree energy in eV" in names(capsys, "--codata", "--dimension", "energy")
    assert "Bohr radius" not in names(capsys, "--codata", "--dimension", "energy")


def test_nothing_matches_exits_1(capsys):
    """A filter that matches nothing says so and exits 1."""
    assert run(capsys, "--grep", "zzz", "--dimension", "length") == (
        1, "no symbol matches (--grep 'zzz', --dimension 'length')\n", "")


def test_bad_regular_expression_is_one_line_and_exit_2(capsys):
    """A --grep that is not a regular expression is one line on stderr and exit 2, nothing on stdout."""
    assert run(capsys, "--grep", "(") == (2, "", "symcond: error: --grep '(' is not a regular expression (missing ), "
                                                 "unterminated subpattern at position 0)\n")


def test_bad_dimension_is_one_line_and_exit_2(capsys):
    """An unknown --dimension is one line on stderr, with the reason dimension_from_name gives, and exit 2."""
    with pytest.raises(DefinitionError) as caught:
        dimension_from_name("furlong")
    assert run(capsys, "--dimension", "furlong") == (2, "", f"symcond: error: --dimension 'furlong': {caught.value}\n")
