"""``symcond check``: plain-maths mode, the registry line, and the function vocabulary on SymPy's identities."""

import contextlib
import io
import json

import pytest

from symcond.cli.check import run_check
from symcond.cli.main import main
from tests.cli.function_identities import IDENTITIES

FAST = ["--budget", "5", "--total-budget", "30"]


def run(capsys, *argv):
    """Run the CLI in-process; return (exit code, stdout, stderr)."""
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


# --------------------------------------------------------------------------- plain-maths mode
def test_plain_mode_makes_c_a_plain_number(capsys):
    """c + 1 = 1 + c holds with --plain; in physics mode c is the speed of light and cannot be added to 1."""
    assert run(capsys, "check", "c + 1", "1 + c", "--plain") == (
        0, "holds: the difference simplifies to 0; confirmed at 6 points with 40 digits\n", "")
    code, out, _ = run(capsys, "check", "c + 1", "1 + c")
    assert code == 1 and out == ("fails: dimensionally inconsistent: cannot add 1 (1) and c (m s^-1)\n"
                                 "  ratio lhs/rhs: 1\n  registry: c = speed of light in vacuum\n")


def test_plain_mode_knows_e_i_and_euler_gamma(capsys):
    """In plain mode E, I and EulerGamma are SymPy's constants: exp(I*pi) = -1, log(E) - EulerGamma = 1 + digamma(1)."""
    assert run(capsys, "check", "exp(I*pi)", "-1", "--plain")[0] == 0
    assert run(capsys, "check", "log(E) - EulerGamma", "1 + digamma(1)", "--plain")[0] == 0


def test_physics_mode_keeps_e_and_i_as_names(capsys):
    """Without --plain, E and I are ordinary positive names: E = exp(1) is refuted with a counterexample."""
    code, out, _ = run(capsys, "check", "E", "exp(1)", "--json")
    assert code == 1 and set(json.loads(out)["counterexample"]) == {"E", "lhs", "rhs"}


@pytest.mark.parametrize(("option", "text", "message"), [
    ("--given", "E=2", "symcond: error: --given cannot define 'E': in plain-maths mode it is a constant\n"),
    ("--dim", "I=current", "symcond: error: --dim cannot define 'I': in plain-maths mode it is a constant\n"),
])
def test_plain_constants_cannot_be_redefined(capsys, option, text, message):
    """--given or --dim for E, I or EulerGamma in plain mode exits 2 with one line."""
    assert run(capsys, "check", "x", "1", "--plain", option, text) == (2, "", message)


def test_plain_mode_keeps_dim_declarations(capsys):
    """--dim still gives a name a dimension in plain mode, and a mismatch is reported."""
    code, out, _ = run(capsys, "check", "w", "z", "--plain", "--dim", "w=time", "--dim", "z=length", "--json")
    assert code == 1 and json.loads(out)["detail"] == "dimension mismatch: lhs is s but rhs is m (lhs/rhs: m^-1 s)"


# --------------------------------------------------------------------------- the registry line
def test_registry_line_names_the_quantities_taken_from_the_registry(capsys):
    """The text output ends with the registry names used, in order of first use, with their descriptions."""
    code, out, _ = run(capsys, "check", "e**2/h", "e**2/h")
    assert code == 0 and out.splitlines()[-1] == "  registry: e = elementary charge, h = Planck constant"


def test_registry_key_in_json(capsys):
    """--json carries the same names as an object; it is empty in plain mode."""
    _, out, _ = run(capsys, "check", "hbar", "h/(2*pi)", "--json")
    assert json.loads(out)["registry"] == {"hbar": "reduced Planck constant", "h": "Planck constant"}
    _, out, _ = run(capsys, "check", "hbar", "h/(2*pi)", "--json", "--plain")
    assert json.loads(out)["registry"] == {}


def test_registry_line_lists_given_names_but_not_dim_declarations(capsys):
    """A --given name from the registry is listed; a name declared by --dim is the user's and is not."""
    code, out, _ = run(capsys, "check", "w", "L", "--dim", "w=time")
    assert code == 1 and out.splitlines()[-1] == "  registry: L = sample length"
    _, out, _ = run(capsys, "check", "Gamma", "l/L", "--given", "Gamma=l/L")
    assert out.splitlines()[-1] == ("  registry: l = mean free path, L = sample length,"
                                    " Gamma = transmission probability")


def test_no_registry_line_without_registry_names(capsys):
    """A check that uses no registry name prints no registry line."""
    _, out, _ = run(capsys, "check", "x**2", "x*x")
    assert out == "holds: the difference simplifies to 0; confirmed at 6 points with 40 digits\n"


def test_run_check_returns_the_quantities():
    """run_check gives the outcome and the registry's Quantity records in order of first use."""
    result = run_check("k_B*T", "T*k_B")
    assert result.outcome.verdict.value == "holds" and [q.name for q in result.registry] == ["k_B", "T"]


# --------------------------------------------------------------------------- identities of SymPy's test-suite
@pytest.fixture(scope="module")
def exit_codes() -> dict[tuple[str, str], int]:
    """The exit code of `symcond check LHS RHS --plain` for every identity and every mutant (run once)."""
    codes = {}
    for lhs, rhs, mutant in IDENTITIES:
        for side in (rhs, mutant):
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                codes[lhs, side] = main(["check", *FAST, "--plain", "--", lhs, side])
    return codes


def test_every_identity_and_mutant_parses(exit_codes):
    """No identity or mutant is bad input (exit 2): every function parses with its arity."""
    assert [key for key, code in exit_codes.items() if code == 2] == []


def test_no_identity_is_refuted(exit_codes):
    """No true identity fails (exit 1): no false alarm."""
    assert [(lhs, rhs) for lhs, rhs, _ in IDENTITIES if exit_codes[lhs, rhs] == 1] == []


def test_no_mutant_holds_and_every_mutant_is_refuted(exit_codes):
    """Every false mutant fails (exit 1); none holds (exit 0) or stays undecided."""
    assert [(lhs, mutant, exit_codes[lhs, mutant]) for lhs, _, mutant in IDENTITIES
            if exit_codes[lhs, mutant] != 1] == []


def test_most_identities_are_proved(exit_codes):
    """At least 55 of the 86 identities are proved (exit 0); the rest are undecided, not refuted."""
    proved = sum(exit_codes[lhs, rhs] == 0 for lhs, rhs, _ in IDENTITIES)
    assert len(IDENTITIES) == 86 and proved >= 55


# --------------------------------------------------------------------------- counterexamples in SI units
def test_counterexample_text_has_codata_values_and_units(capsys):
    """k_B T/e = k_B T/(2e) fails at a point with CODATA constants and a temperature in kelvin; sides in volts."""
    code, out, _ = run(capsys, "check", "k_B*T/e", "k_B*T/(2*e)", *FAST)
    line = next(line for line in out.splitlines() if line.startswith("  counterexample: "))
    assert code == 1 and "e = 1.602176634e-19 C (CODATA), k_B = 1.380649e-23 J/K (CODATA)" in line
    assert line.startswith("  counterexample: T = ") and " K, e = " in line and line.endswith(" V")
    assert "  dimensions: lhs V, rhs V" in out.splitlines()


def test_counterexample_json_has_units_as_data(capsys):
    """--json gives the units of each entry and the CODATA coordinates as their own fields."""
    _, out, _ = run(capsys, "check", "k_B*T/e", "k_B*T/(2*e)", "--json", *FAST)
    record = json.loads(out)
    assert record["counterexample_units"] == {"T": "K", "e": "C", "k_B": "J/K", "lhs": "V", "rhs": "V"}
    assert record["counterexample_codata"] == ["e", "k_B"] and record["counterexample"]["e"] == "1.602176634e-19"
