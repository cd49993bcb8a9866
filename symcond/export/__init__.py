"""Standalone numeric code for a claim's expressions: Python (NumPy or mpmath) modules and C files.

Generated code never imports SymPy or symcond.  Every function carries its formula, the SI
units of its arguments, its source (paper, equation), the computed verdict and the
precision of its back end.

>>> from symcond.model.paper import Paper
>>> paper = Paper("demo2026", title="A demo")
>>> e, h = paper.symbols("e h")
>>> claim = paper.equality("eq1", e**2 / h, e**2 / h, where="Eq. (1)")
>>> files = export_files(paper, claim, ExportBackend.C, "demo")
>>> sorted(files)
['demo.c', 'demo.h']
"""

from symcond.export.c_module import c_module_sources
from symcond.export.claim import ExportResult, export_claim, export_files
from symcond.export.python_module import python_module_source
from symcond.export.spec import ExportBackend, FunctionSpec, functions_for

__all__ = ["ExportBackend", "ExportResult", "FunctionSpec", "c_module_sources", "export_claim", "export_files",
           "functions_for", "python_module_source"]
