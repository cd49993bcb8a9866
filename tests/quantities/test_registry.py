"""The registry's CODATA symbols: values, dimensions and definitions agree with the CODATA table."""

import pytest

from symcond.errors import DefinitionError
from symcond.quantities.codata import LINKED, SHORT_NAMES, constant
from symcond.quantities.dimensions import dimension_of
from symcond.quantities.registry import _CONVENTIONAL, DEFAULT

CODATA_SYMBOLS = sorted(q.name for q in DEFAULT if q.codata is not None)
DEFINED = sorted(q.name for q in DEFAULT if q.definition is not None)


@pytest.mark.parametrize("name", CODATA_SYMBOLS)
def test_value_is_the_codata_value(name):
    """A symbol tied to a CODATA entry carries exactly that entry's value."""
    quantity = DEFAULT.quantity(name)
    assert quantity.value == repr(constant(quantity.codata).value)


@pytest.mark.parametrize("name", CODATA_SYMBOLS)
def test_dimension_is_that_of_the_codata_unit(name):
    """A symbol tied to a CODATA entry has the SI dimension of the unit CODATA states (the older ones included)."""
    quantity = DEFAULT.quantity(name)
    assert quantity.dimension == constant(quantity.codata).dimension


@pytest.mark.parametrize("name", DEFINED)
def test_definition_has_the_symbol_dimension(name):
    """Every defining relation has the dimension of the symbol it defines."""
    quantity = DEFAULT.quantity(name)
    assert dimension_of(quantity.definition, DEFAULT.dimension) == quantity.dimension


def test_new_names_leave_the_older_symbols_alone():
    """No conventional CODATA symbol redeclares a symbol the registry had before (the bundled ledger uses them)."""
    older = {name for name, *_ in _CONVENTIONAL} | {"q_P"}
    assert {s.name for s in SHORT_NAMES} & older == set() and set(LINKED) <= older


def test_every_listed_constant_is_positive():
    """The conventional CODATA symbols are positive symbols with positive values (no signed magnetic moments)."""
    assert all(DEFAULT.symbol(s.name).is_positive and float(DEFAULT.quantity(s.name).value) > 0 for s in SHORT_NAMES)


@pytest.mark.parametrize(("name", "codata_name"), [
    ("G_0", "conductance quantum"), ("e", "elementary charge"), ("Rydberg constant", "Rydberg constant")])
def test_constant_takes_a_symbol_or_a_codata_name(name, codata_name):
    """Registry.constant finds the CODATA entry of a registry symbol or of a full CODATA name."""
    assert DEFAULT.constant(name).name == codata_name


@pytest.mark.parametrize(("name", "message"), [
    ("tau_in", "the symbol 'tau_in' (inelastic scattering time) is not a CODATA constant"),
    ("Bohr radus", "scipy.constants has no CODATA constant 'Bohr radus'; did you mean 'Bohr radius'?"),
])
def test_constant_of_something_else_is_an_error(name, message):
    """A registry symbol without a CODATA entry, or a misspelt name, is an error that says which."""
    with pytest.raises(DefinitionError) as caught:
        DEFAULT.constant(name)
    assert str(caught.value) == message


def test_a_quantity_of_unknown_dimension_skips_dimension_checks():
    """declare(name, None): the dimension is not known, so a check involving it is skipped, never failed."""
    import sympy

    from symcond import Paper, Verdict, decide

    paper = Paper("unknown2026")
    (h,) = paper.symbols("h")
    x = paper.declare("x", None, "a quantity the equations do not pin")
    assert paper.registry.dimension(x) is None
    assert decide(paper.equality("eq1", x * h, h * x), paper).verdict is Verdict.HOLDS
    outcome = decide(paper.dimension("eq2", x * h, "energy"), paper)
    assert outcome.verdict is Verdict.UNDECIDED and outcome.evidence.reason == "a symbol has no declared dimension"
    assert sympy.Symbol("x", positive=True) == x


def _modules_after(code: str) -> list[str]:
    import subprocess
    import sys

    heavy = ("scipy.constants", "sympy.physics.units")
    probe = f"import sys\n{code}\nprint(sorted(m for m in {heavy!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


def test_names_symbols_and_definitions_are_read_without_scipy_or_sympy_units():
    """The default registry's names, symbols and definitions need neither scipy.constants nor sympy.physics.units."""
    code = ("import sympy\nfrom symcond.quantities.registry import Registry\nreg = Registry.default()\n"
            "h, hbar, R_K = (reg.resolver(strict=True)(n) for n in ('h', 'hbar', 'R_K'))\n"
            "assert 'G_0' in reg and reg.definitions()[hbar] == h / (2 * sympy.pi) and reg.definition(R_K) is not None")
    assert _modules_after(code) == "[]"


@pytest.mark.parametrize(("code", "imported"), [
    ("Registry.default().quantity('e')", "['sympy.physics.units']"),
    ("Registry.default().quantity('e').value", "['scipy.constants', 'sympy.physics.units']"),
    ("Registry.default().quantity('G_0')", "['scipy.constants', 'sympy.physics.units']"),
])
def test_a_looked_up_quantity_reads_its_dimension_and_an_asked_value(code, imported):
    """Looking up a symbol reads its dimension (sympy.physics.units; scipy.constants for a CODATA unit);
    a CODATA value is read from scipy.constants when it is asked for."""
    assert _modules_after(f"from symcond.quantities.registry import Registry\n{code}") == imported


def test_a_registry_equals_its_resolved_copy():
    """Resolving entries on first use changes nothing a caller sees: a used copy equals a fresh one."""
    from symcond.quantities.registry import Registry

    used = Registry.default()
    used.quantity("G_0")
    assert used == Registry.default() and used != Registry()
