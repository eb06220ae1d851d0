"""Evaluation export: study profiles, consent gating, anonymisation, signed and encrypted bundles,
receipts, and the evaluator's merged dataset. See DESIGN.md, "Evaluation export".
"""

from __future__ import annotations

from samjournal.evaluation.exporter import Evaluation, ExportEntry, ExportResult, Preview
from samjournal.evaluation.profile import Policy, StudyProfile
from samjournal.evaluation.risk import RiskReport

__all__ = [
    "Evaluation",
    "ExportEntry",
    "ExportResult",
    "Policy",
    "Preview",
    "RiskReport",
    "StudyProfile",
]
