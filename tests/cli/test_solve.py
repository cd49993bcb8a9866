"""The ``symcond solve`` subcommand handler (cli.py prints; the handler returns text)."""

from __future__ import annotations

import argparse
import json

import pytest

from symcond.cli.command import EXIT_OK
from symcond.cli.solve import parse_law, parse_thresholds, register
from symcond.errors import ParseError
from symcond.kinetic.solver import solve_subbands


def _run(argv: list[str]):
    """Parse ``argv`` with a parser carrying only the solve subcommand and run its handler."""
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["solve", *argv])
    return args.handler(args)


def test_json_output_has_required_keys_and_values() -> None:
    """--json prints one object whose sums match a direct solve."""
    out = _run(["--mu-kT", "10", "--eps-kT", "5,17", "--ratio", "0.75", "--field", "0.5", "--json"])
    data = json.loads(out.text)
    direct = solve_subbands(10.0, [5.0, 17.0], ratio=0.75, field=0.5)
    required = {"G_G0", "density", "current", "joule_power", "inelastic_loss", "error_estimate", "grid_points"}
    assert out.code == EXIT_OK and required <= set(data)
    assert data["G_G0"] == pytest.approx(direct.G_G0, rel=1e-14)


def test_text_output_reports_the_total() -> None:
    """The text report starts with the summed conductance."""
    out = _run(["--mu-kT", "30", "--eps-kT", "5,17", "--ratio", "1"])
    assert out.text.startswith("G/G0 = ") and "sum over 2 sub-bands" in out.text


def test_one_sub_band_is_singular() -> None:
    """One threshold is counted as '1 sub-band', not '1 sub-band(s)'."""
    out = _run(["--mu-kT", "3", "--eps-kT", "0"])
    assert out.text.splitlines()[0].endswith("(sum over 1 sub-band)")


def test_tau_in_law_is_parsed_and_used() -> None:
    """--tau-in-law changes the conductance as the equivalent Python law does."""
    out = json.loads(_run(["--mu-kT", "3", "--field", "2", "--tau-in-law", "1/(1+eps)", "--json"]).text)
    direct = solve_subbands(3.0, [0.0], field=2.0, tau_in_law=lambda e: 1.0 / (1.0 + e))
    assert out["G_G0"] == pytest.approx(direct.G_G0, rel=1e-14)


def test_law_with_unknown_name_is_a_parse_error() -> None:
    """Only the name 'eps' may appear in a law."""
    with pytest.raises(ParseError) as info:
        parse_law("1/(1+E)", "tau_in_law")
    assert str(info.value) == "'tau_in_law' may use only the name 'eps' (energy in k_B T) (got 'E')"


def test_law_cannot_execute_code() -> None:
    """Laws go through the safe parser, so Python code is rejected."""
    with pytest.raises(ParseError):
        parse_law("__import__('os').system('true')", "tau_in_law")


def test_bad_threshold_list_is_a_parse_error() -> None:
    """--eps-kT must be numbers separated by commas."""
    with pytest.raises(ParseError) as info:
        parse_thresholds("5,x")
    assert str(info.value) == "'--eps-kT' must be comma-separated numbers (got '5,x')"


def test_threshold_list_longer_than_the_limit_is_a_parse_error() -> None:
    """A list of more than MAX_SUBBANDS thresholds is refused before any band is solved (5000 took half an hour)."""
    with pytest.raises(ParseError) as info:
        parse_thresholds(",".join(["0"] * 5000))
    assert str(info.value) == "'--eps-kT' may list at most 100 sub-bands (got 5000)"


def test_threshold_list_at_the_limit_is_accepted() -> None:
    """MAX_SUBBANDS thresholds are still fine."""
    assert parse_thresholds(",".join(["0"] * 100)) == [0.0] * 100
