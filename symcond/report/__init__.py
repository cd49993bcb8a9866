"""Rendering a ledger: plain text (optionally coloured), JSON, Markdown, LaTeX and HTML."""

from symcond.report.ledger_formats import FORMATS, render_ledger

__all__ = ["FORMATS", "render_ledger"]
