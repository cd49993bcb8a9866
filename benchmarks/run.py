"""Run every benchmark and print a table; ``--update-readme`` writes it into README.md.

Each row is a ratio against a baseline measured in the same run, never an absolute target.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import re
import sys
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # threaded BLAS fights over the cores
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def collect(selected: list[str]) -> list[dict[str, object]]:
    """Rows from every ``benchmarks/bench_*.py`` module (or the selected ones)."""
    rows: list[dict[str, object]] = []
    for info in sorted(pkgutil.iter_modules([str(ROOT / "benchmarks")]), key=lambda i: i.name):
        if info.name.startswith("bench_") and (not selected or info.name in selected):
            rows.extend(importlib.import_module(f"benchmarks.{info.name}").run())
    return rows


def table(rows: list[dict[str, object]]) -> str:
    """A Markdown table of the rows."""
    lines = ["| benchmark | baseline | symcond | ratio | target |", "|---|---:|---:|---:|---|"]
    for r in rows:
        unit = r.get("unit", "s")
        lines.append(f"| {r['name']} | {r['baseline']:.3g} {unit} | {r['value']:.3g} {unit} | "
                     f"{r['ratio']:.3g} | {r['target']} |")
    return "\n".join(lines)


def main() -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("only", nargs="*", help="benchmark modules, e.g. bench_lambdify")
    parser.add_argument("--update-readme", action="store_true")
    args = parser.parse_args()
    text = table(collect(args.only))
    print(text)
    if args.update_readme:
        readme = ROOT / "README.md"
        content = readme.read_text(encoding="utf-8")
        block = f"<!-- benchmarks -->\n{text}\n<!-- /benchmarks -->"
        readme.write_text(re.sub(r"<!-- benchmarks -->.*?<!-- /benchmarks -->", block, content, flags=re.S),
                          encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
