"""Per-particle random streams for the compiled kernel: xoshiro256++ and a ziggurat exponential.

Every particle owns a 256-bit xoshiro256++ state (Blackman & Vigna), seeded from the
ensemble's ``numpy.random.Generator``.  A particle's trajectory therefore depends only on
the seed and its own index -- not on how particles are split between threads -- and the
state lives in registers inside the event loop (no call through a bit-generator pointer).

* :func:`next_u64` -- one step of xoshiro256++ on a state held in four local variables;
* :func:`unit` -- a uniform double in ``[0, 1)`` from the top 53 bits;
* :func:`standard_exponential` -- Marsaglia & Tsang's ziggurat with ``ZIGGURAT_LAYERS = 1024``
  layers, laid out as in NumPy's ``random_standard_exponential``: the low 10 bits pick the
  layer, the top 53 bits the abscissa (disjoint bits); one 64-bit draw, one comparison and
  no logarithm in 99.36 % of calls (97.8 % with NumPy's 256 layers).  Exact: the rejection
  steps and the tail ``R - log(U)`` make the result exponential.

numba is a dependency of symcond; should it be missing, :func:`jit` leaves the functions as
Python (unused: the ensemble then keeps its NumPy path).  :func:`reference_u64` is the
generator's specification in Python integers, for the tests.

References
----------
.. [1] D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
   ACM Trans. Math. Softw. 47, 36 (2021) -- xoshiro256++.
.. [2] G. Marsaglia and W. W. Tsang, "The ziggurat method for generating random
   variables", J. Stat. Softw. 5(8) (2000).

Examples
--------
>>> state = seed_states(np.random.default_rng(1), 2)
>>> state.shape, state.dtype
((2, 4), dtype('uint64'))
>>> u = uniforms(state[0].copy(), 100_000)
>>> bool(0.0 <= u.min() and u.max() < 1.0), round(float(u.mean()), 2)
(True, 0.5)
>>> e = exponentials(state[1].copy(), 100_000)
>>> round(float(e.mean()), 1), bool(e.min() >= 0.0)
(1.0, True)
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.typing import NDArray

__all__ = ["AVAILABLE", "LAYER_MASK", "ZIGGURAT_LAYERS", "ZIGGURAT_R", "exponentials", "jit", "next_u64",
           "reference_u64", "seed_states", "ziggurat_closure",
           "standard_exponential", "uniforms", "unit", "ziggurat_tables"]

#: Whether numba is importable.
AVAILABLE = importlib.util.find_spec("numba") is not None
#: Layers of the exponential ziggurat (a power of two: the low bits of a draw pick the layer).
ZIGGURAT_LAYERS = 1024
#: Mask of the layer bits.
LAYER_MASK = np.uint64(ZIGGURAT_LAYERS - 1)
#: Start of the exponential's tail in that ziggurat: the root of :func:`ziggurat_closure`.
ZIGGURAT_R = 9.256164544265544
#: Area of each layer: the base strip, ``R exp(-R)`` plus the tail ``exp(-R)``.
_ZIGGURAT_V = math.exp(-ZIGGURAT_R) * (ZIGGURAT_R + 1.0)
_MASK = (1 << 64) - 1
_U53 = 1.0 / 9007199254740992.0  # 2**-53


def jit(func: Callable[..., Any]) -> Callable[..., Any]:
    """Compile ``func`` with numba (cached, inlined, GIL released, no NRT) if available, else keep Python."""
    if not AVAILABLE:
        return func
    import numba

    options: dict[str, Any] = {"cache": True, "inline": "always", "_nrt": False, "nogil": True,
                               "error_model": "numpy"}
    return numba.njit(**options)(func)


def ziggurat_closure(tail: float, layers: int = ZIGGURAT_LAYERS) -> float:
    """Return how far the ziggurat with tail start ``tail`` misses closing at its top layer (zero at ``R``).

    Layers of area ``V = exp(-R) (R + 1)`` are stacked from the base up by Marsaglia &
    Tsang's recursion ``x_(i-1) = -log(V / x_i + exp(-x_i))``; the top layer ``[0, x_1]``
    then has area ``V`` exactly when ``V / x_1 + exp(-x_1) = 1``.  Positive: ``R`` too small.

    Examples
    --------
    >>> abs(ziggurat_closure(ZIGGURAT_R)) < 1e-13, abs(ziggurat_closure(7.69711747013105, 256)) < 1e-13
    (True, True)
    """
    area, edge = math.exp(-tail) * (tail + 1.0), tail
    for _ in range(layers - 2):
        below = area / edge + math.exp(-edge)
        if below >= 1.0:
            return 1.0
        edge = -math.log(below)
    return area / edge + math.exp(-edge) - 1.0


def ziggurat_tables() -> tuple[NDArray[np.uint64], NDArray[np.float64], NDArray[np.float64]]:
    """Return ``(k, w, f)`` of the ``ZIGGURAT_LAYERS``-layer exponential ziggurat for 53-bit abscissas.

    ``x = j * w[i]`` for the 53-bit integer ``j``; accepted at once if ``j < k[i]``;
    ``f[i] = exp(-x_i)`` at the layer edges.  Recursion of Marsaglia & Tsang (2000).

    Examples
    --------
    >>> k, w, f = ziggurat_tables()
    >>> int(k[1]), float(f[0]), bool(np.all(np.diff(f[1:]) < 0.0))
    (0, 1.0, True)
    """
    scale = 2.0**53
    edge = tail = ZIGGURAT_R
    top = ZIGGURAT_LAYERS - 1
    k, w, f = np.zeros(top + 1, dtype=np.uint64), np.zeros(top + 1), np.zeros(top + 1)
    q = _ZIGGURAT_V / math.exp(-edge)
    k[0], w[0], w[top] = np.uint64(edge / q * scale), q / scale, edge / scale
    f[0], f[top] = 1.0, math.exp(-edge)
    for i in range(top - 1, 0, -1):
        edge = -math.log(_ZIGGURAT_V / edge + math.exp(-edge))
        k[i + 1] = np.uint64(edge / tail * scale)
        tail = edge
        f[i], w[i] = math.exp(-edge), edge / scale
    return k, w, f


@jit
def next_u64(s0, s1, s2, s3):  # type: ignore[no-untyped-def]
    """One xoshiro256++ step: return ``(output, s0, s1, s2, s3)`` (all ``uint64``)."""
    t = s0 + s3
    out = ((t << np.uint64(23)) | (t >> np.uint64(41))) + s0
    t = s1 << np.uint64(17)
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << np.uint64(45)) | (s3 >> np.uint64(19))
    return out, s0, s1, s2, s3


@jit
def unit(r):  # type: ignore[no-untyped-def]
    """Return the uniform double in ``[0, 1)`` of the top 53 bits of ``r``."""
    return (r >> np.uint64(11)) * _U53


@jit
def standard_exponential(s0, s1, s2, s3, k, w, f):  # type: ignore[no-untyped-def]
    """Return ``(E, s0, s1, s2, s3)`` with ``E`` standard exponential (ziggurat; tables of :func:`ziggurat_tables`)."""
    while True:
        r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
        layer = r & LAYER_MASK
        j = r >> np.uint64(11)
        x = j * w[layer]
        if j < k[layer]:
            return x, s0, s1, s2, s3
        r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
        u = unit(r)
        if layer == 0:
            return ZIGGURAT_R - math.log1p(-u), s0, s1, s2, s3
        if (f[layer - 1] - f[layer]) * u + f[layer] < math.exp(-x):
            return x, s0, s1, s2, s3


@jit
def _fill_uniforms(state, out):  # type: ignore[no-untyped-def]
    s0, s1, s2, s3 = state[0], state[1], state[2], state[3]
    for i in range(out.size):
        r, s0, s1, s2, s3 = next_u64(s0, s1, s2, s3)
        out[i] = unit(r)
    state[0], state[1], state[2], state[3] = s0, s1, s2, s3


@jit
def _fill_exponentials(state, out, k, w, f):  # type: ignore[no-untyped-def]
    s0, s1, s2, s3 = state[0], state[1], state[2], state[3]
    for i in range(out.size):
        out[i], s0, s1, s2, s3 = standard_exponential(s0, s1, s2, s3, k, w, f)
    state[0], state[1], state[2], state[3] = s0, s1, s2, s3


def uniforms(state: NDArray[np.uint64], n: int) -> NDArray[np.float64]:
    """Return ``n`` uniforms in ``[0, 1)`` from one stream ``state`` (4 ``uint64``, advanced in place)."""
    out = np.empty(n)
    _fill_uniforms(state, out)
    return out


def exponentials(state: NDArray[np.uint64], n: int) -> NDArray[np.float64]:
    """Return ``n`` standard exponentials from one stream ``state`` (advanced in place)."""
    out = np.empty(n)
    _fill_exponentials(state, out, *ziggurat_tables())
    return out


def seed_states(rng: np.random.Generator, n: int) -> NDArray[np.uint64]:
    """Return ``n`` xoshiro256++ states (shape ``(n, 4)``): raw 64-bit words of ``rng``, none all-zero."""
    state = np.asarray(rng.bit_generator.random_raw(4 * n), dtype=np.uint64).reshape(n, 4)
    zero = ~state.any(axis=1)
    state[zero, 0] = np.uint64(1)  # probability 2**-256; the all-zero state is a fixed point
    return state


def reference_u64(state: list[int], n: int) -> list[int]:
    """Return ``n`` xoshiro256++ outputs of ``state`` in Python integers (the specification, for tests).

    Examples
    --------
    >>> reference_u64([1, 2, 3, 4], 2)
    [41943041, 58720359]
    """
    s, out = list(state), []
    for _ in range(n):
        t = (s[0] + s[3]) & _MASK
        out.append((((t << 23) | (t >> 41)) + s[0]) & _MASK)
        t = (s[1] << 17) & _MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = ((s[3] << 45) | (s[3] >> 19)) & _MASK
    return out
