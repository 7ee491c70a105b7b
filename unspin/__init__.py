"""unspin: find, explain and repair machine-spun English."""

from .api import Config, Result, Unspinner, repair, repair_and_explain, scan, spin_evidence
from .lexicon import LexiconError
from .repair import Change, apply_changes

__all__ = [
    "Change",
    "Config",
    "LexiconError",
    "Result",
    "Unspinner",
    "apply_changes",
    "repair",
    "repair_and_explain",
    "scan",
    "spin_evidence",
]
__version__ = "0.1.0"
