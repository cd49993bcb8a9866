"""Exported C files compile with the system compiler and agree with the in-process lambdified functions."""

import ctypes
import shutil
import subprocess

import mpmath
import numpy as np
import pytest

from symcond.errors import DefinitionError
from symcond.export.claim import export_files
from symcond.export.spec import ExportBackend
from symcond.numeric.lambdify import lambdify
from tests.export.exports import sample_points, specs_by_claim

SEED = 20260522
COMPILER = shutil.which("cc")
CLAIMS = ("reggiani2026:eq11", "reggiani2026:eq1", "reggiani2026:eq5.bound", "reggiani2026:eq5.nonnegative",
          "exporttest:eq1", "exporttest:eq3")
pytestmark = pytest.mark.skipif(COMPILER is None, reason="no C compiler (cc); .ci/system-deps installs gcc")


def _compile(folder, stem, files):
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    library = folder / f"lib{stem}.so"
    subprocess.run([COMPILER, "-std=c99", "-Wall", "-Werror", "-O2", "-shared", "-fPIC", "-o", str(library),
                    str(folder / f"{stem}.c"), "-lm"], check=True, capture_output=True, text=True)
    return ctypes.CDLL(str(library))


def _c_function(library, spec):
    function = getattr(library, spec.name)
    function.restype, function.argtypes = ctypes.c_double, [ctypes.c_double] * len(spec.args)
    return function


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    """claim id -> (specs, loaded shared library) for every C export."""
    folder, found = tmp_path_factory.mktemp("c_export"), {}
    everything = specs_by_claim()
    for index, claim_id in enumerate((*CLAIMS, "reggiani2026:eq18")):
        paper, claim, specs = everything[claim_id]
        files = export_files(paper, claim, ExportBackend.C, f"c{index}")
        found[claim_id] = (specs, _compile(folder, f"c{index}", files))
    return found


@pytest.mark.parametrize("claim_id", CLAIMS)
def test_c_export_agrees_with_lambdify(compiled, claim_id):
    """Each compiled function agrees with symcond.numeric.lambdify (NumPy) to 8 ulp at seeded random points."""
    specs, library = compiled[claim_id]
    for spec in specs:
        points = sample_points(spec, 5, SEED)
        got = np.array([_c_function(library, spec)(*p) for p in points])
        want = np.array([float(lambdify(spec.expr, spec.args)(*p)) for p in points])
        np.testing.assert_array_max_ulp(got, want, maxulp=8)


def test_c_zeta_constant_matches_mpmath(compiled):
    """N_ph of Eq. (18) in C (zeta(3) written as a number) matches 40-digit mpmath to 8 ulp."""
    (spec,), library = compiled["reggiani2026:eq18"]
    points = sample_points(spec, 5, SEED)
    with mpmath.workdps(40):
        want = [float(spec.expr.evalf(40, subs=dict(zip(spec.args, p, strict=True)))) for p in points]
    np.testing.assert_array_max_ulp(np.array([_c_function(library, spec)(*p) for p in points]), np.array(want),
                                    maxulp=8)


def test_header_declares_documented_functions(tmp_path):
    """The header declares each function after a comment with formula, units, source, verdict and precision."""
    paper, claim, _ = specs_by_claim()["reggiani2026:eq11"]
    header = export_files(paper, claim, ExportBackend.C, "gem")["gem.h"]
    comment, declaration = header.split(" */\ndouble eq11_lhs(")[0], header.split(" */\n")[2].splitlines()[0]
    for text in ("Formula: 2*c*eps0", "[m/s]", "Eq. (11)", "fails", "IEEE-754 binary64"):
        assert text in comment
    assert declaration == "double eq11_lhs(double c, double eps0);"


def test_small_main_links_against_the_header(tmp_path):
    """A C program that includes the header compiles, links and prints the same value as ctypes."""
    paper, claim, _ = specs_by_claim()["reggiani2026:eq11"]
    for name, text in export_files(paper, claim, ExportBackend.C, "gem").items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "main.c").write_text('#include <stdio.h>\n#include "gem.h"\n'
                                     'int main(void) { printf("%.17g\\n", eq11_rhs(3.0, 0.5)); return 0; }\n')
    subprocess.run([COMPILER, "-std=c99", "-Wall", "-Werror", "-o", str(tmp_path / "main"), str(tmp_path / "main.c"),
                    str(tmp_path / "gem.c"), "-lm"], check=True, capture_output=True)
    done = subprocess.run([str(tmp_path / "main")], check=True, capture_output=True, text=True)
    assert float(done.stdout) == 1.5


def test_fermi_dirac_has_no_c_code():
    """A Fermi-Dirac integral cannot be exported to C: one-line DefinitionError naming the function."""
    paper, claim, _ = specs_by_claim()["exporttest:eq2"]
    with pytest.raises(DefinitionError, match=r"^cannot export exporttest:eq2 with the c back end: FermiDirac has "
                                              r"no C99 code \(got .*\)$"):
        export_files(paper, claim, ExportBackend.C, "fd")
