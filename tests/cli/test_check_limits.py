"""`symcond check` as a function: the limit on the number of stated conditions."""

from symcond.cli.check import MAX_ASSUMPTIONS
from symcond.cli.main import main


def test_more_conditions_than_the_cap_are_refused_in_one_line(capsys):
    """1001 --assume conditions are bad input at once (exit 2), before any work."""
    argv = ["check", "x0", f"x{MAX_ASSUMPTIONS + 1}", "--relation", "lt"]
    for i in range(MAX_ASSUMPTIONS + 1):
        argv += ["--assume", f"x{i}<x{i + 1}"]
    assert main(argv) == 2
    assert capsys.readouterr().err == "symcond: error: at most 1000 --assume conditions are accepted (got 1001)\n"


def test_a_chain_of_300_conditions_holds_under_all_of_them(capsys):
    """check x0 < x300 with the 300-link chain: holds-under, exit 0 (was undecided after the 60 s budget)."""
    argv = ["check", "x0", "x300", "--relation", "lt", "--total-budget", "30", "--json"]
    for i in range(300):
        argv += ["--assume", f"x{i}<x{i + 1}"]
    assert main(argv) == 0
    assert '"verdict": "holds-under"' in capsys.readouterr().out
