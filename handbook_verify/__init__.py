"""Verifies the handbook's code samples: runs them, checks their claimed output, reports.

Independent of MkDocs: the `handbook-verify` MkDocs plugin (handbook_site/adapters), pytest
and the CLI all call `verify_site`.
"""

from .model import Include, Meta, Problem, Result, Sample
from .runner import SiteReport, verify_site

__all__ = ["Include", "Meta", "Problem", "Result", "Sample", "SiteReport", "verify_site"]
