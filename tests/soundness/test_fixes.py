"""Regression tests for engine bugs found by the soundness suites (one test per bug)."""

import math

import pytest

from symcond.budget import time_budget
from symcond.cli import main
from symcond.errors import DefinitionError


@pytest.mark.parametrize("seconds", ["nan", "-1", "0"])
def test_check_rejects_a_total_budget_that_is_not_positive(capsys, seconds):
    """--total-budget nan / -1 / 0 is bad input (exit 2, one line), not an internal error (was exit 70)."""
    code = main(["check", "x", "1", "--total-budget", seconds])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("symcond: error: the budget of check must be a positive number")
    assert err.count("\n") == 1


def test_check_accepts_an_infinite_total_budget(capsys):
    """--total-budget inf means no deadline (was an OverflowError reported as 'input too large')."""
    assert main(["check", "2*x", "x + x", "--total-budget", "inf"]) == 0


@pytest.mark.parametrize("seconds", [math.nan, -1.0, 0.0])
def test_time_budget_rejects_non_positive_seconds(seconds):
    """time_budget raises DefinitionError for NaN, negative or zero seconds."""
    with pytest.raises(DefinitionError, match="must be a positive number of seconds"):
        with time_budget(seconds, "demo"):
            pass
