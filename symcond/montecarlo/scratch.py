"""Two numba intrinsics for the vectorised event loop: stack scratch arrays and trailing zeros.

* :func:`stack_array` -- a C-contiguous array of a literal shape in the caller's stack frame.
  LLVM knows that such an array cannot alias the arrays passed in, so a loop that gathers
  from a table argument and stores to stack arrays vectorises without run-time overlap
  checks (which it gives up on for gathers).  The array lives as long as the compiled
  function that creates it -- callers must not return it.
* :func:`ctz` -- the number of trailing zero bits of a ``uint64`` (``llvm.cttz``): iterate
  over the set bits of a lane mask.

Both are callable from compiled code only.  Without numba they fall back to plain Python
(``numpy.zeros`` and integer arithmetic), so the functions that use them still import.

Examples
--------
>>> import numba
>>> @numba.njit
... def lowest_set_bits(mask):
...     out = stack_array((3,), np.int64)
...     for k in range(3):
...         out[k] = ctz(mask)
...         mask &= mask - np.uint64(1)
...     return out[0] + 10 * out[1] + 100 * out[2]
>>> int(lowest_set_bits(np.uint64(0b101100)))
532
"""

from __future__ import annotations

from typing import Any

import numpy as np

from symcond.montecarlo.streams import AVAILABLE

__all__ = ["ctz", "stack_array"]


def _ctz_python(value: Any) -> int:
    """Trailing zero bits of a non-zero integer (Python fallback)."""
    value = int(value)
    return (value & -value).bit_length() - 1


def _stack_array_python(shape: tuple[int, ...], dtype: Any) -> np.ndarray:
    """A zeroed array of ``shape`` (Python fallback)."""
    return np.zeros(shape, dtype=dtype)


ctz: Any = _ctz_python
stack_array: Any = _stack_array_python

if AVAILABLE:  # pragma: no branch - numba is a dependency
    from llvmlite import ir
    from numba import types
    from numba.core import cgutils
    from numba.extending import intrinsic
    from numba.np.arrayobj import make_array, populate_array

    @intrinsic(prefer_literal=True)
    def _stack_array(typingctx: Any, shape: Any, dtype: Any) -> Any:
        """Typing and lowering of :func:`stack_array` (shape: a tuple of integer literals)."""
        items: Any = getattr(shape, "types", [None])  # element types of a tuple type
        if not all(isinstance(n, types.IntegerLiteral) for n in items):
            return None
        dims = [int(n.literal_value) for n in items]
        element = dtype.dtype if isinstance(dtype, (types.NumberClass, types.DType)) else None
        if element is None or min(dims) < 1:
            return None
        array_type = types.Array(element, len(dims), "C")

        def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
            count = int(np.prod(dims))
            size = ir.Constant(ir.IntType(64), count)
            data = cgutils.alloca_once(builder, context.get_value_type(element), size=size)
            itemsize = context.get_abi_sizeof(context.get_value_type(element))
            strides = [itemsize * int(np.prod(dims[k + 1:])) for k in range(len(dims))]
            intp = context.get_value_type(types.intp)
            array = make_array(array_type)(context, builder)
            populate_array(array, data=data, shape=[ir.Constant(intp, d) for d in dims],
                           strides=[ir.Constant(intp, s) for s in strides], itemsize=ir.Constant(intp, itemsize),
                           meminfo=None)
            return array._getvalue()

        return array_type(shape, dtype), codegen

    @intrinsic
    def _ctz(typingctx: Any, value: Any) -> Any:
        """Typing and lowering of :func:`ctz` (``llvm.cttz``, zero input undefined)."""
        if value != types.uint64:
            return None

        def codegen(context: Any, builder: Any, signature: Any, args: Any) -> Any:
            return builder.cttz(args[0], ir.Constant(ir.IntType(1), 1))

        return types.uint64(value), codegen

    stack_array = _stack_array
    ctz = _ctz
