"""``symcond check`` with units: quantities in --given, units in --dim."""

import json

import pytest

from symcond.cli.main import main


def run(capsys, *argv):
    """Run the CLI in-process; return (exit code, stdout, stderr)."""
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("given", ["T=300 K", "T=300*K", "T=0.3 kK", "T=300000 mK"])
def test_a_given_with_a_unit_is_its_si_value(capsys, given):
    """T=300 K (or 300*K, 0.3 kK) makes k_B*T equal to 300*k_B: the given is the SI number."""
    code, out, _ = run(capsys, "check", "k_B*T", "300*k_B", "--given", given, "--json")
    assert code == 0 and json.loads(out)["verdict"] == "holds"


def test_a_bare_number_for_a_dimensional_symbol_is_bad_input(capsys):
    """--given T=300 exits 2 with one line naming T, its dimension and an example with a unit."""
    code, out, err = run(capsys, "check", "k_B*T", "eps", "--given", "T=300")
    assert (code, out) == (2, "")
    assert err == "symcond: error: T has dimension temperature; give a unit, e.g. T=300 K\n"


def test_a_unit_of_another_dimension_is_bad_input(capsys):
    """--given "T=300 J" exits 2 naming both dimensions."""
    code, _, err = run(capsys, "check", "k_B*T", "eps", "--given", "T=300 J")
    assert code == 2 and err == "symcond: error: T has dimension temperature, but 300 J is energy\n"


def test_the_dimension_survives_the_number(capsys):
    """k_B*T with T=300 K is an energy: compared with eps it differs, without a dimension mismatch."""
    code, out, _ = run(capsys, "check", "k_B*T", "eps", "--given", "T=300 K", "--json")
    record = json.loads(out)
    assert code == 1 and record["lhs_dimension"] == record["rhs_dimension"] == "kg m^2 s^-2"


@pytest.mark.parametrize(("dim", "mismatch"), [("w=kOhm", False), ("w=ohm", False), ("w=resistance", False),
                                               ("w=V/A", False), ("w=W/K", True)])
def test_dim_takes_units(capsys, dim, mismatch):
    """--dim accepts a unit (kOhm, V/A, W/K) as well as a dimension name; unlike dimensions are a mismatch."""
    _, out, _ = run(capsys, "check", "w", "h/e**2", "--dim", dim, "--json")
    record = json.loads(out)
    assert record["detail"].startswith("dimension mismatch") is mismatch
    assert (record["lhs_dimension"] == record["rhs_dimension"]) is not mismatch


def test_unknown_unit_in_dim_is_bad_input(capsys):
    """--dim x=furlong exits 2 with the unknown name."""
    code, _, err = run(capsys, "check", "x", "1", "--dim", "x=furlong")
    assert code == 2 and err.startswith("symcond: error: unknown dimension 'furlong'; use a dimension")
