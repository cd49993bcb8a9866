"""Exported Python modules run without SymPy and agree with the in-process lambdified functions."""

import importlib.util
import json
import subprocess
import sys
import textwrap

import mpmath
import numpy as np
import pytest

from symcond.errors import DefinitionError
from symcond.export.claim import export_files
from symcond.export.spec import ExportBackend
from symcond.numeric.lambdify import lambdify
from symcond.prove import decide
from tests.export.exports import sample_points, specs_by_claim

SEED = 20260521
#: Runs in a fresh interpreter: SymPy is made unimportable, then every exported module is loaded and evaluated.
RUNNER = textwrap.dedent("""
    import importlib.util, json, sys
    sys.modules["sympy"] = None
    import mpmath
    jobs, out = json.load(sys.stdin), {}
    for job in jobs:
        spec = importlib.util.spec_from_file_location(job["module"], job["path"])
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        f = getattr(module, job["function"])
        values = [f(*[str(v) for v in p], dps=30) if job["mp"] else f(*p) for p in job["points"]]
        out[job["key"]] = [mpmath.nstr(v, 45) if job["mp"] else float(v).hex() for v in values]
    out["loaded"] = sorted(m for m in sys.modules if m.split(".")[0] in ("sympy", "symcond") and sys.modules[m])
    json.dump(out, sys.stdout)
""")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Every test claim exported with both Python back ends, evaluated in one SymPy-free subprocess."""
    folder, jobs, refs = tmp_path_factory.mktemp("exported"), [], {}
    for index, (claim_id, (paper, claim, specs)) in enumerate(specs_by_claim().items()):
        for backend in (ExportBackend.NUMPY, ExportBackend.MPMATH):
            stem = f"m{index}_{backend.value}"
            (name, text), = export_files(paper, claim, backend, stem).items()
            (folder / name).write_text(text, encoding="utf-8")
            for spec in specs:
                key = f"{claim_id}/{spec.name}/{backend.value}"
                points = sample_points(spec, 4, SEED + index)
                refs[key] = (spec, points)
                jobs.append({"key": key, "module": stem, "path": str(folder / name), "function": spec.name,
                             "points": points, "mp": backend is ExportBackend.MPMATH})
    done = subprocess.run([sys.executable, "-c", RUNNER], input=json.dumps(jobs), capture_output=True, text=True,
                          check=True, cwd=folder)
    return json.loads(done.stdout), refs, folder


def _keys(backend):
    return [k for k in _all_keys() if k.endswith("/" + backend)]


def _all_keys():
    return [f"{cid}/{s.name}/{b}" for cid, (_, _, specs) in specs_by_claim().items() for s in specs
            for b in ("numpy", "mpmath")]


def test_no_sympy_or_symcond_is_imported(exported):
    """The subprocess that ran every exported module never imported SymPy or symcond."""
    results, _, _ = exported
    assert results["loaded"] == []


@pytest.mark.parametrize("key", _keys("numpy"))
def test_numpy_export_agrees_with_lambdify(exported, key):
    """NumPy exports agree with symcond.numeric.lambdify to a few ulp (Fermi-Dirac: mpmath helper vs tables, 16 ulp)."""
    results, refs, _ = exported
    spec, points = refs[key]
    expected = np.array([float(lambdify(spec.expr, spec.args)(*p)) for p in points])
    got = np.array([float.fromhex(v) for v in results[key]])
    np.testing.assert_array_max_ulp(got, expected, maxulp=16 if "FermiDirac" in spec.formula else 4)


@pytest.mark.parametrize("key", _keys("mpmath"))
def test_mpmath_export_agrees_to_30_digits(exported, key):
    """mpmath exports at dps=30 agree with symcond.numeric.lambdify's mpmath back end at dps=30 to 30 digits."""
    results, refs, _ = exported
    spec, points = refs[key]
    reference = lambdify(spec.expr, spec.args, backend="mpmath")
    for point, text in zip(points, results[key], strict=True):
        want = reference(*[str(v) for v in point], dps=30)
        with mpmath.workdps(45):
            assert abs(mpmath.mpf(text) - want) <= mpmath.mpf("1e-30") * abs(want)


def test_zeta_constant_matches_mpmath_reference(exported):
    """N_ph of Eq. (18) (with zeta(3) folded to a number) matches a 40-digit mpmath evaluation to 4 ulp."""
    results, refs, _ = exported
    key = next(k for k in refs if k.startswith("reggiani2026:eq18/") and k.endswith("/numpy"))
    spec, points = refs[key]
    with mpmath.workdps(40):
        want = [float(spec.expr.evalf(40, subs=dict(zip(spec.args, p, strict=True)))) for p in points]
    np.testing.assert_array_max_ulp(np.array([float.fromhex(v) for v in results[key]]), np.array(want), maxulp=4)


def test_docstring_carries_formula_units_source_verdict_precision(exported):
    """The exported eq11_lhs docstring names formula, units, source, verdict and the float64 precision."""
    _, _, folder = exported
    path = next(folder.glob("m0_numpy.py"))
    spec = importlib.util.spec_from_file_location("m0_numpy", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    doc = module.eq11_lhs.__doc__
    for text in ("Formula: 2*c*eps0", "c : float or array_like", "[m/s]", "Eq. (11)", "arXiv:2604.19828",
                 "Verdict computed by symcond", "fails", "float64", "Returns", "[S]"):
        assert text in doc


def test_mpmath_module_honours_dps(exported):
    """The mpmath export evaluates at the requested dps (50 digits of e**2/h-like ratios when asked)."""
    _, _, folder = exported
    spec = importlib.util.spec_from_file_location("m0_mpmath", folder / "m0_mpmath.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    value = module.eq11_rhs("1", "3", dps=50)
    with mpmath.workdps(60):
        assert abs(value - 3) < mpmath.mpf(10) ** -49 and module.CONSTANTS["c"] == "299792458.0"


def test_unknown_argument_name_is_rejected():
    """A symbol named like the generated module's own names is a one-line DefinitionError."""
    from symcond.export.spec import functions_for
    from symcond.model.paper import Paper

    paper = Paper("clash2026")
    dps = paper.declare("dps", 1, "a clashing name")
    claim = paper.equality("eq1", dps, dps)
    with pytest.raises(DefinitionError, match=r"^cannot export an argument named 'dps': it is reserved in generated "
                                              r"code$"):
        functions_for(paper, claim, decide(claim, paper))
