"""The ``symcond mc`` subcommand: JSON fields, agreement with ``symcond solve``, help and errors."""

from __future__ import annotations

import json

import pytest

from symcond.cli.main import main
from symcond.cli.mc import run_size
from symcond.kinetic.params import KineticParams
from symcond.montecarlo import simulate
from tests.montecarlo.reference import moments, tau_m


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["mc", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_has_G_and_its_standard_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints one object with G_G0 and G_G0_stderr, consistent with Eq. (11) (3 sigma)."""
    code, out, _ = _run(capsys, "--mu-kT", "0", "--ratio", "1", "--field", "1", "--particles", "1000",
                        "--time", "40", "--seed", "3", "--json")
    data = json.loads(out)
    assert code == 0 and abs(data["G_G0"] - moments(0.0).g_scale * tau_m(1.0)) <= 3 * data["G_G0_stderr"]


def test_default_field_uses_green_kubo_and_sums_bands(capsys: pytest.CaptureFixture[str]) -> None:
    """F = 0 runs Green-Kubo per sub-band; the total is the sum of the bands and agrees with solve."""
    code, out, _ = _run(capsys, "--mu-kT", "2", "--eps-kT", "0,3", "--particles", "400", "--json")
    data = json.loads(out)
    solved = json.loads(_solve(capsys, "--mu-kT", "2", "--eps-kT", "0,3"))["G_G0"]
    assert code == 0 and data["method"] == "green-kubo" and len(data["bands"]) == 2
    assert abs(data["G_G0"] - solved) <= 3 * data["G_G0_stderr"]


def _solve(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(["solve", *argv, "--json"])
    return capsys.readouterr().out


def test_help_worked_example_reproduces(capsys: pytest.CaptureFixture[str]) -> None:
    """The worked example in --help, rerun, prints exactly the first output line shown there."""
    with pytest.raises(SystemExit):
        main(["mc", "--help"])
    lines = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("$ symcond mc"))
    argv = lines[at].split()[3:]
    _, out, _ = _run(capsys, *argv)
    assert out.splitlines()[0] == lines[at + 1].strip()


@pytest.mark.parametrize(("argv", "message"), [
    (["--particles", "1"], "symcond: error: 'particles' must be an integer >= 2 (got 1)\n"),
    (["--ratio", "inf", "--field", "1"], "symcond: error: no steady state: without inelastic scattering"),
    (["--eps-kT", "a"], "symcond: error: '--eps-kT' must be comma-separated numbers (got 'a')\n"),
    (["--particles", "100000000000000000000000"],
     "symcond: error: 'particles' must be at most 1000000 (got 100000000000000000000000)\n"),
    (["--particles", "100", "--time", "1e300"],
     "symcond: error: the run of sub-band eta=0 (--time 1e+300) needs about 4e+300 sampling steps,"
     " more than the limit of 1e+06\n"),
    (["--particles", "10", "--ratio", "1e6", "--field", "1"],
     "symcond: error: the run of sub-band eta=0 (automatic --time) needs about 6.9e+06 sampling steps,"
     " more than the limit of 1e+06\n"),
    (["--particles", "10", "--ratio", "1e-300", "--time", "1"],
     "symcond: error: the run of sub-band eta=0 (--time 1) needs about 2e+300 sampling steps,"
     " more than the limit of 1e+06\n"),
    (["--particles", "1000000", "--time", "1e6", "--field", "1"],
     "symcond: error: the run of sub-band eta=0 (--time 1e+06) with 1000000 particles needs about 1.5e+12"
     " collisions, more than the limit of 1e+12\n"),
    (["--eps-kT", ",".join(["0"] * 5000), "--particles", "10"],
     "symcond: error: '--eps-kT' may list at most 100 sub-bands (got 5000)\n"),
])
def test_bad_input_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    """Bad input exits with code 2 and a one-line message naming the rule."""
    code, _, err = _run(capsys, "--mu-kT", "0", *argv)
    assert code == 2 and err.startswith(message) and err.count("\n") == 1


@pytest.mark.parametrize(("params", "time"), [
    (KineticParams(eta=1.0, ratio=0.5, field=1.0), None), (KineticParams(eta=1.0, ratio=0.5, field=1.0), 50.0),
    (KineticParams(eta=1.0, ratio=2.0), None), (KineticParams(eta=-3.0, ratio=2.0), 300.0),
    (KineticParams(eta=5.0, ratio=20.0, field=0.3), None),
], ids=["drift", "drift-time", "equilibrium", "equilibrium-time", "drift-degenerate"])
def test_run_size_matches_the_counters_of_a_run(params: KineticParams, time: float | None) -> None:
    """The size check's estimate is the run's step count (up to rounding) and its collisions within 5 %."""
    steps, collisions = run_size(params, 200, time)
    counters = simulate(params, particles=200, time=time, seed=1).counters
    assert abs(counters.steps - steps) <= 1.5
    assert counters.events == pytest.approx(collisions, rel=0.05)
