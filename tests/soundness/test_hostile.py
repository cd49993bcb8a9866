"""Hostile and malformed input to ``symcond check`` and ``symcond solve``: exit 2 with one line, nothing runs.

Every injection payload tries to create a sentinel file; the tests assert it never exists.
Property tests draw from :mod:`tests.strategies` with bounded example counts.
"""

import importlib.util

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from symcond.cli.check import check_texts
from symcond.cli.main import main
from symcond.errors import SymcondError
from symcond.model.verdict import Outcome
from symcond.parse.grammar import parse_expression
from tests.strategies import hostile_texts, identifiers

EXAMPLES = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
FAST = ["--budget", "0.5", "--total-budget", "3"]
HAS_SOLVE = importlib.util.find_spec("symcond.cli.solve") is not None
NO_SOLVE = "symcond.cli.solve (symcond solve) is not committed"

#: Payload templates; ``{s}`` is replaced by the sentinel path.
INJECTIONS = (
    "__import__('os').system('touch {s}')", "open('{s}', 'w')", "eval(\"open('{s}','w')\")",
    "exec(\"open('{s}','w')\")", "(lambda: open('{s}', 'w'))()", "[open('{s}', 'w') for _ in (1,)]",
    "{{open('{s}', 'w')}}", "f\"{{open('{s}','w')}}\"", "x.__class__.__base__.__subclasses__()",
    "getattr(x, '__class__')", "().__class__.__bases__[0].__subclasses__()", "__builtins__",
    "globals()['__builtins__']", "x; open('{s}', 'w')", "x if open('{s}', 'w') else x",
    "sympify(\"open('{s}', 'w')\")", "Symbol('x').__init__", "x.real", "__import__",
    "breakpoint()", "compile('1', 'f', 'eval')", "S('open(\"{s}\", \"w\")')",
)
#: Characters that look like ASCII but are not.
LOOKALIKES = ("\u0445", "\uff58", "\U0001d465", "x\u00a0+1", "x \u2212 1", "x\u00b2", "x\u200b", "\u202ex",
              "x\u0301", "\u0435**2", "\u03c0")


def run(capsys, argv):
    """Run the CLI in-process; return (exit code, stdout, stderr) (argparse errors exit via SystemExit)."""
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_bad_input(code, out, err):
    """Exit 2, nothing on stdout, one line on stderr."""
    assert (code, out) == (2, "")
    assert err.startswith("symcond: error: ") and err.count("\n") == 1


@pytest.fixture
def sentinel(tmp_path):
    """A path that any successful injection would create."""
    path = tmp_path / "pwned"
    yield path
    assert not path.exists(), "an injection payload was executed"


@pytest.mark.parametrize("template", INJECTIONS)
@pytest.mark.parametrize("place", ["lhs", "rhs", "given", "assume"])
def test_injection_is_bad_input_and_never_runs(capsys, sentinel, template, place):
    """Each injection payload in each argument of check gets exit 2 and runs nothing."""
    payload = template.format(s=sentinel)
    argv = {"lhs": ["check", payload, "1"], "rhs": ["check", "1", payload],
            "given": ["check", "x", "1", "--given", f"x={payload}"],
            "assume": ["check", "x", "1", "--assume", f"x<={payload}"]}[place]
    assert_bad_input(*run(capsys, argv))


@pytest.mark.parametrize("text", LOOKALIKES)
def test_unicode_lookalikes_are_bad_input(capsys, text):
    """Look-alike and invisible characters are rejected, naming the character."""
    code, out, err = run(capsys, ["check", text, "1"])
    assert_bad_input(code, out, err)
    assert "is not allowed" in err


@pytest.mark.parametrize("argv", [
    ["check", "", "1"], ["check", "1", ""], ["check", " ", "1"], ["check", "x", "1", "--given", ""],
    ["check", "x", "1", "--given", "x="], ["check", "x", "1", "--given", "=1"], ["check", "x", "1", "--assume", ""],
    ["check", "x", "1", "--dim", ""], ["check", "x", "1", "--dim", "x="], ["check", "x", "1", "--dim", "x=velocityy"],
])
def test_empty_and_malformed_options_are_bad_input(capsys, argv):
    """Empty expressions and malformed --given/--assume/--dim get exit 2."""
    assert_bad_input(*run(capsys, argv))


@pytest.mark.parametrize("text", [
    "10**10**10", "2**2**2**2**2**2", "x**(10**100)", "9" * 5000, "(" * 5000 + "x" + ")" * 5000,
    "(" + "-" * 100000 + "x)", "gamma(10**300)", "exp(exp(exp(1000)))", "x" + "+x" * 200000, "1e999999999",
], ids=lambda text: text[:24])
def test_enormous_numbers_towers_and_nesting_are_bad_input(capsys, text):
    """Exponent towers, huge literals and deep nesting are refused before any work."""
    assert_bad_input(*run(capsys, ["check", *FAST, "--", text, "1"]))


@pytest.mark.parametrize("given", [["tau_in=-1"], ["tau_in=0"], ["tau_in=oo"], ["tau_in=-oo"], ["tau_in=0*oo"]])
def test_non_physical_given_values_are_bad_input(capsys, given):
    """A negative, zero, infinite or undefined value for a positive quantity gets exit 2."""
    argv = ["check", "tau_in", "1", *[a for g in given for a in ("--given", g)]]
    assert_bad_input(*run(capsys, argv))


@EXAMPLES
@given(names=st.lists(identifiers(), min_size=1, max_size=6, unique=True))
def test_circular_given_chains_are_bad_input(capsys, names):
    """x1 = x2, ..., xn = x1 (any length, including x = x) is rejected as circular."""
    chain = [f"{a}={b}" for a, b in zip(names, [*names[1:], names[0]], strict=True)]
    code, out, err = run(capsys, ["check", names[0], "1", *[a for c in chain for a in ("--given", c)]])
    assert_bad_input(code, out, err)
    assert "circular" in err


@EXAMPLES
@given(text=hostile_texts())
def test_hostile_text_never_crashes_check(capsys, text):
    """Arbitrary glued tokens give a verdict (0, 1, 3) or one-line bad input (2), never an internal error."""
    code, out, err = run(capsys, ["check", *FAST, "--", text, "1"])
    assert code in (0, 1, 2, 3)
    if code == 2:
        assert_bad_input(code, out, err)


@EXAMPLES
@given(text=hostile_texts(), template=st.sampled_from(INJECTIONS), glue=st.sampled_from(["", " ", "+", "*", "("]))
def test_injection_inside_hostile_text_never_runs(tmp_path_factory, text, template, glue):
    """An injection payload glued to arbitrary text never executes."""
    sentinel = tmp_path_factory.mktemp("inject") / "pwned"
    for lhs in (text + glue + template.format(s=sentinel), template.format(s=sentinel) + glue + text):
        try:
            check_texts(lhs, "1", budget=0.5, total_budget=3)
        except SymcondError:
            pass
    assert not sentinel.exists()


@EXAMPLES
@given(text=hostile_texts())
def test_python_api_raises_only_symcond_errors(text):
    """parse_expression and check_texts return a value or raise a SymcondError, nothing else."""
    try:
        parse_expression(text)
        assert isinstance(check_texts(text, "1", budget=0.5, total_budget=3), Outcome)
    except SymcondError:
        pass


# --- symcond solve ---------------------------------------------------------------------------------

@pytest.mark.skipif(not HAS_SOLVE, reason=NO_SOLVE)
@pytest.mark.parametrize("argv", [
    ["--mu-kT", "nan"], ["--mu-kT", "inf"], ["--mu-kT", "-inf"], ["--mu-kT", "1e308"], ["--mu-kT", "1", "--ratio", "0"],
    ["--mu-kT", "1", "--ratio", "-1"], ["--mu-kT", "1", "--ratio", "nan"], ["--mu-kT", "1", "--field", "nan"],
    ["--mu-kT", "1", "--field", "inf"], ["--mu-kT", "1", "--ratio", "inf"], ["--mu-kT", "1", "--eps-kT", ""],
    ["--mu-kT", "1", "--eps-kT", "nan"], ["--mu-kT", "1", "--eps-kT", "1,,2"], ["--mu-kT", "1", "--tol", "0"],
    ["--mu-kT", "1", "--tol", "nan"], ["--mu-kT", "1", "--tau-in-law", "-1"], ["--mu-kT", "1", "--tau-in-law", "0"],
    ["--mu-kT", "1", "--tau-el-law", "eps-1"], ["--mu-kT", "1", "--tau-in-law", ""],
])
def test_solve_rejects_non_physical_parameters(capsys, argv):
    """NaN, infinite, negative or empty solver parameters get exit 2 with one line."""
    assert_bad_input(*run(capsys, ["solve", *argv]))


@pytest.mark.skipif(not HAS_SOLVE, reason=NO_SOLVE)
@pytest.mark.parametrize("template", INJECTIONS)
def test_solve_time_law_injection_never_runs(capsys, sentinel, template):
    """An injection payload as --tau-in-law gets exit 2 and runs nothing."""
    assert_bad_input(*run(capsys, ["solve", "--mu-kT", "1", "--tau-in-law", template.format(s=sentinel)]))


@pytest.mark.skipif(not HAS_SOLVE, reason=NO_SOLVE)
@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_texts(max_tokens=12), option=st.sampled_from(["--tau-in-law", "--tau-el-law", "--eps-kT"]))
def test_solve_hostile_text_never_crashes(capsys, text, option):
    """Arbitrary text in a solve option gives a result (0, 1) or one-line bad input (2)."""
    code, out, err = run(capsys, ["solve", "--mu-kT", "2", "--ratio", "1", f"{option}={text}"])
    assert code in (0, 1, 2)
    if code == 2:
        assert_bad_input(code, out, err)

