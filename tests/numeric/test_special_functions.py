"""NumPy implementations of the special functions SymPy's SciPy printer leaves undefined, against mpmath."""

import mpmath
import numpy as np
import pytest

from symcond.numeric.special_functions import NUMPY_FUNCTIONS

POINTS = np.array([0.25, 1.0, 3.7, 20.0])

CASES = [
    ("Shi", (POINTS,), lambda a: mpmath.shi(a)),
    ("Chi", (POINTS,), lambda a: mpmath.chi(a)),
    ("li", (POINTS + 0.5,), lambda a: mpmath.li(a)),
    ("expint", (np.full(4, 3.0), POINTS), lambda n, a: mpmath.expint(n, a)),
    ("expint", (np.full(4, 2.5), POINTS), lambda n, a: mpmath.expint(n, a)),
    ("dirichlet_eta", (POINTS,), lambda s: mpmath.altzeta(s)),
    ("dirichlet_eta", (POINTS, np.full(4, 2.5)), lambda s, a: mpmath.nsum(lambda k: (-1) ** k / (k + a) ** s,
                                                                           [0, mpmath.inf])),
    ("lambertw", (POINTS,), lambda a: mpmath.lambertw(a).real),
]


@pytest.mark.parametrize(("name", "args", "reference"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_numpy_function_matches_mpmath(name, args, reference):
    """Each NumPy implementation gives real float64 values within 1e-12 of mpmath's."""
    got = NUMPY_FUNCTIONS[name](*args)
    exact = [float(reference(*(mpmath.mpf(float(a[i])) for a in args))) for i in range(len(POINTS))]
    assert np.asarray(got).dtype == np.float64 and np.allclose(got, exact, rtol=1e-12, atol=0)


def test_lambertw_keeps_complex_values():
    """Lambert W of branch -1 at a positive argument is complex and stays complex."""
    got = NUMPY_FUNCTIONS["lambertw"](np.array([1.0]), -1)
    assert np.iscomplexobj(got) and complex(got[0]) == pytest.approx(complex(mpmath.lambertw(1, -1)), rel=1e-12)
