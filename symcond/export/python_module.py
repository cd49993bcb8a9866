'''Standalone Python source for exported functions (NumPy or mpmath), written with SymPy's printers.

The generated module imports ``numpy`` (NumPy back end; plus ``scipy.special`` or ``mpmath``
only when a logistic or Fermi–Dirac helper is needed) or ``mpmath``: never SymPy nor
symcond.  NumPy code is the expression after the stability rewrites of
:func:`symcond.numeric.lambdify.lambdify` (:data:`symcond.numeric.lambdify.NUMPY_REWRITES`), common
subexpressions eliminated, printed by :class:`sympy.printing.numpy.NumPyPrinter`; mpmath code
is printed by :class:`sympy.printing.pycode.MpmathPrinter` and evaluated at ``dps`` digits.
Helpers come from :mod:`symcond.export.runtime`.  A function a back end cannot print is a
one-line :class:`~symcond.errors.DefinitionError` at export time.

>>> from symcond import decide
>>> import sympy
>>> from symcond.model.paper import Paper
>>> from symcond.export.spec import ExportBackend, functions_for
>>> paper = Paper("demo2026")
>>> e, h = paper.symbols("e h")
>>> claim = paper.equality("eq1", e**2 / h, e**2 / h, where="Eq. (1)")
>>> source = python_module_source(functions_for(paper, claim, decide(claim, paper)), ExportBackend.NUMPY)
>>> namespace: dict = {}
>>> exec(source, namespace)
>>> print(f'{namespace["eq1_lhs"](**namespace["CONSTANTS"]):.9e}')  # e**2/h in siemens
3.874045865e-05
'''

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import sympy
from sympy.codegen.cfunctions import log1p
from sympy.printing.codeprinter import PrintMethodNotImplementedError
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.pycode import MpmathPrinter

from symcond.errors import DefinitionError
from symcond.export.runtime import HELPERS, helper_source
from symcond.export.spec import ExportBackend, FunctionSpec, describe
from symcond.numeric.lambdify import NUMPY_REWRITES
from symcond.numeric.rewrites import expit, scaled_product, softplus

__all__ = ["python_module_source", "numeric_form", "docstring_lines"]


def _fold_constants(expr: sympy.Expr) -> sympy.Expr:
    """Numeric special-function constants (``zeta(3)``) as 40-digit floats, which every printer can write."""
    return expr.replace(lambda a: isinstance(a, sympy.Function) and not a.free_symbols and a.is_number,
                        lambda a: sympy.Float(a.evalf(40), 40))


def numeric_form(expr: sympy.Expr, backend: ExportBackend) -> sympy.Expr:
    """The expression a back end evaluates: the stability rewrites of :mod:`symcond.numeric.lambdify` for NumPy and C.

    C keeps ``log1p``/``expm1`` and writes softplus, logistic and scaled products in elementary
    functions; mpmath evaluates the expression as it is.

    >>> import sympy
    >>> x = sympy.Symbol("x", real=True)
    >>> numeric_form(sympy.log(1 + sympy.exp(x)) * sympy.zeta(3), ExportBackend.NUMPY)
    1.202056903159594285399738161511449990765*softplus(x)
    """
    if backend is ExportBackend.MPMATH:
        return expr
    for rewrite in NUMPY_REWRITES:
        expr = rewrite(expr)
    if backend is ExportBackend.C:  # C99 has log1p and expm1 but no softplus, logistic or scaled product
        table = {softplus: lambda a: log1p(sympy.exp(a)), expit: lambda a: 1 / (1 + sympy.exp(-a)),
                 scaled_product: lambda *a: sympy.Mul(*(b**p for b, p in zip(a[0::2], a[1::2], strict=True)))}
        expr = expr.replace(lambda e: type(e) in table, lambda e: table[type(e)](*e.args))
    return _fold_constants(expr)


def _printer(backend: ExportBackend) -> NumPyPrinter | MpmathPrinter:
    names = {k: v[0] for k, v in HELPERS[backend.value].items()}
    if backend is ExportBackend.NUMPY:
        return NumPyPrinter({"fully_qualified_modules": True, "strict": True, "user_functions": names})
    return MpmathPrinter({"fully_qualified_modules": True, "strict": True,
                          "user_functions": {**names, "zeta": "mpmath.zeta", "polylog": "mpmath.polylog"}})


def _body(spec: FunctionSpec, backend: ExportBackend, used: set[str]) -> list[str]:
    expr = numeric_form(spec.expr, backend)
    used |= {type(f).__name__ for f in expr.atoms(sympy.Function)}
    printer = _printer(backend)
    try:
        if backend is ExportBackend.MPMATH:
            return [f"return {printer.doprint(expr)}"]
        temps, (reduced,) = sympy.cse([expr], symbols=sympy.numbered_symbols("_t"))
        return [f"{t} = {printer.doprint(v)}" for t, v in temps] + [f"return {printer.doprint(reduced)}"]
    except PrintMethodNotImplementedError as exc:
        missing = str(exc).split(": ")[-1].splitlines()[0]
        raise DefinitionError(f"cannot export {spec.claim_id} with the {backend.value} back end: "
                              f"{missing} has no {backend.value} code (got {spec.formula})") from None


def docstring_lines(lines: Sequence[str], width: int = 96) -> list[str]:
    """Documentation lines wrapped at ``width`` (keeping indentation), safe inside ``r\"\"\"...\"\"\"``."""
    out = []
    for line in lines:
        indent = line[:len(line) - len(line.lstrip())]
        wrapped = textwrap.wrap(line, width, subsequent_indent=indent + "    ", break_long_words=False,
                                break_on_hyphens=False) or [""]
        out += [w.replace('"""', "'''") for w in wrapped]
    if out and out[-1].endswith("\\"):
        out[-1] += " "
    return out


def _docstring(lines: Sequence[str], indent: str) -> list[str]:
    text = docstring_lines(lines)
    return [f'{indent}r"""{text[0]}', *(indent + ln if ln else "" for ln in text[1:]), f'{indent}"""']


def _function(spec: FunctionSpec, backend: ExportBackend, used: set[str]) -> list[str]:
    names = [a.name for a in spec.args]
    body = _body(spec, backend, used)
    doc = _docstring(describe(spec, backend), "    ")
    if backend is ExportBackend.NUMPY:
        return ["", "", f"def {spec.name}({', '.join(names)}):", *doc, *("    " + line for line in body)]
    convert = [f"        {', '.join(names)}{',' if len(names) == 1 else ''} = "
               f"{', '.join(f'mpmath.mpmathify({n})' for n in names)}"] if names else []
    return ["", "", f"def {spec.name}({', '.join([*names, 'dps=30'])}):", *doc, "    with mpmath.workdps(dps):",
            *convert, *("        " + line for line in body)]


def _constants(specs: Sequence[FunctionSpec], backend: ExportBackend) -> list[str]:
    values = {a.name: a.value for s in specs for a in s.arguments if a.value is not None}
    shown = {k: (repr(str(v)) if backend is ExportBackend.MPMATH else repr(float(v))) for k, v in values.items()}
    return ["", "#: SI values (CODATA, from scipy.constants through symcond's registry) of the constants among",
            "#: the arguments: call f(**CONSTANTS, other=...) to use them.",
            "CONSTANTS = {" + ", ".join(f"{k!r}: {v}" for k, v in sorted(shown.items())) + "}"]


def _header(specs: Sequence[FunctionSpec], backend: ExportBackend) -> list[str]:
    first = specs[0]
    lines = [f"Functions exported from {first.claim_id} ({first.where}) by {first.generator}: "
             + ", ".join(s.name for s in specs) + ".", "", f"Source: {first.source}.",
             f"Verdict: {first.verdict} -- {first.detail}.", "",
             f"Back end: {backend.value}. No SymPy or symcond import is needed to use this module.",
             f"Regenerate with: symcond export {first.claim_id} --to FILE --backend {backend.value}"]
    return [*_docstring(lines, ""), "", "# Generated code: do not edit."]


def _support(backend: ExportBackend, used: set[str]) -> tuple[list[str], list[str]]:
    """Import lines and helper sources needed by the functions in ``used``."""
    table = HELPERS[backend.value]
    modules = {"numpy" if backend is ExportBackend.NUMPY else "mpmath"}
    helpers: list[str] = []
    for name in sorted(used & set(table)):
        _, sources, needs = table[name]
        modules.update(needs)
        helpers += [s for s in sources if s not in helpers]
    imports = [f"import {m}" for m in sorted(modules)]
    return imports, [line for h in helpers for line in ["", "", *helper_source(h).rstrip().splitlines()]]


def python_module_source(specs: Sequence[FunctionSpec], backend: ExportBackend) -> str:
    """The source text of a standalone module defining one function per spec.

    Parameters
    ----------
    specs : sequence of FunctionSpec
        The functions (see :func:`symcond.export.spec.functions_for`).
    backend : ExportBackend
        ``NUMPY`` or ``MPMATH``.

    Raises
    ------
    DefinitionError
        When an expression uses a function the back end cannot print.
    """
    if backend is ExportBackend.C or not specs:
        raise DefinitionError(f"python_module_source needs numpy or mpmath and at least one function "
                              f"(got {backend.value}, {len(specs)} functions)")
    used: set[str] = set()
    functions = [line for spec in specs for line in _function(spec, backend, used)]
    imports, helpers = _support(backend, used)
    names = ", ".join(repr(s.name) for s in specs)
    lines = [*_header(specs, backend), "", *imports, "", f"__all__ = [{names}, 'CONSTANTS']",
             *_constants(specs, backend), *helpers, *functions]
    return "\n".join(lines) + "\n"
