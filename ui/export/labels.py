"""The export flow's codes in words: refusals, why families are left out, how far each
quasi-identifier was coarsened, phases, sizes and shares."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from samjournal import messages, vocabulary
from samjournal.evaluation.tables import table_title
from samjournal.flows.export import Generalisation, Phase, Problem
from ui import fmt
from ui.translations import core_language, ui_language


def problem(value: Problem, *, k: int | None = None) -> str:
    texts = {
        Problem.NO_STUDY: QCoreApplication.translate("ExportLabels", "Choose a study in the list."),
        Problem.NO_PROFILE: QCoreApplication.translate(
            "ExportLabels",
            "This study has no profile yet. Import the study profile (study.json) from the"
            " evaluator first: Team lead → Import study profile…",
        ),
        Problem.NO_CONSENTS: QCoreApplication.translate(
            "ExportLabels",
            "No family has consented to this study yet, so there is nothing to send. Record"
            " a consent for every adult in a family (Family → Record consent…), then export.",
        ),
        Problem.TOO_FEW: QCoreApplication.translate(
            "ExportLabels",
            "Fewer families have consented than the study needs (k = %1), so nothing can be"
            " sent without the risk that someone is recognised. Record more consents, then"
            " export.",
        ).replace("%1", str(k) if k is not None else "?"),
        Problem.NONE_ALIKE: QCoreApplication.translate(
            "ExportLabels",
            "Enough families have consented, but no %1 of them are alike yet in their household"
            " details (area, size, children, the adults' ages, when the case opened, status,"
            " budget frame), so none can be sent without the risk that someone is recognised."
            " They wait: as more families consent, they can be sent.",
        ).replace("%1", str(k) if k is not None else "?"),
        Problem.NO_FOLDER: QCoreApplication.translate("ExportLabels", "Choose a folder."),
        Problem.FOLDER_MISSING: QCoreApplication.translate(
            "ExportLabels", "The folder does not exist. Is the USB stick plugged in?"
        ),
        Problem.NOT_A_FOLDER: QCoreApplication.translate(
            "ExportLabels", "That is a file, not a folder."
        ),
        Problem.NOT_WRITABLE: QCoreApplication.translate(
            "ExportLabels",
            "SamJournal cannot write in that folder. Choose another one, or check that the USB"
            " stick is not write-protected.",
        ),
        Problem.FILE_EXISTS: QCoreApplication.translate(
            "ExportLabels",
            "The folder already holds a file with this bundle's name. Choose another folder,"
            " or move the old file away first.",
        ),
        Problem.NO_FILE: QCoreApplication.translate(
            "ExportLabels", "Choose the study profile file (study.json)."
        ),
        Problem.FINGERPRINT_DIFFERS: QCoreApplication.translate(
            "ExportLabels",
            "That is not the fingerprint in the file. Do not import it: ask the evaluator to"
            " send the profile again.",
        ),
        Problem.WOULD_REPLACE: QCoreApplication.translate(
            "ExportLabels", "Tick “Replace the existing profile” to replace it."
        ),
    }
    return texts[value]


def risk(key: str, **params: str | int) -> str:
    """The risk report's words (samjournal/messages_risk.py): the CLI's report says the same."""
    return messages.text(key, params, core_language())


def risk_caption(key: str) -> str:
    """A caption of the review page, as the CLI's risk report words it, for a form's row."""
    return f"{risk(key)}:"


def left_out_reason(reason: str) -> str:
    return vocabulary.left_out(reason, ui_language())


def quasi_identifier(name: str) -> str:
    texts = {
        "area": QCoreApplication.translate("ExportLabels", "Area"),
        "household_size": QCoreApplication.translate("ExportLabels", "Household size"),
        "children": QCoreApplication.translate("ExportLabels", "Children"),
        "adult_ages": QCoreApplication.translate("ExportLabels", "Adults' ages"),
        "opened_month": QCoreApplication.translate("ExportLabels", "When the case opened"),
        "status": QCoreApplication.translate("ExportLabels", "Case status"),
        "budget_frame_nok": QCoreApplication.translate("ExportLabels", "Budget frame"),
    }
    return texts.get(name, name)


def level(value: Generalisation) -> str:
    """How coarse a quasi-identifier is sent, in words (core: anonymise.LEVEL_NAMES)."""
    texts = {
        "area": (
            QCoreApplication.translate("ExportLabels", "district"),
            QCoreApplication.translate("ExportLabels", "municipality only"),
        ),
        "household_size": (
            QCoreApplication.translate("ExportLabels", "exact (1–5, 6+)"),
            QCoreApplication.translate("ExportLabels", "bands (1–2, 3–4, 5+)"),
            QCoreApplication.translate("ExportLabels", "hidden (1+)"),
        ),
        "children": (
            QCoreApplication.translate("ExportLabels", "exact (0–3, 4+)"),
            QCoreApplication.translate("ExportLabels", "bands (0, 1–2, 3+)"),
            QCoreApplication.translate("ExportLabels", "none or some (0, 1+)"),
        ),
        "adult_ages": (
            QCoreApplication.translate("ExportLabels", "10-year bands"),
            QCoreApplication.translate("ExportLabels", "20-year bands (18–39, 40–59, 60+)"),
            QCoreApplication.translate("ExportLabels", "adult only (18+)"),
        ),
        "opened_month": (  # attacker.PERIODS
            QCoreApplication.translate("ExportLabels", "month"),
            QCoreApplication.translate("ExportLabels", "quarter"),
            QCoreApplication.translate("ExportLabels", "half-year"),
            QCoreApplication.translate("ExportLabels", "year"),
        ),
        "status": (
            QCoreApplication.translate("ExportLabels", "exact"),
            QCoreApplication.translate("ExportLabels", "open or closed"),
        ),
        "budget_frame_nok": (  # anonymise.BUDGET_LEVELS
            QCoreApplication.translate("ExportLabels", "the study's rounding"),
            QCoreApplication.translate("ExportLabels", "nearest 25 000 kr"),
            QCoreApplication.translate("ExportLabels", "nearest 50 000 kr"),
        ),
    }
    names = texts.get(value.quasi_identifier)
    if names is None or not 0 <= value.level < len(names):
        return str(value.level)
    return names[value.level]


def phase(value: Phase) -> str:
    return {
        Phase.CHECKING: QCoreApplication.translate("ExportLabels", "Checking the folder…"),
        Phase.WRITING: QCoreApplication.translate(
            "ExportLabels", "Anonymising, signing, encrypting and writing the bundle…"
        ),
        Phase.VERIFYING: QCoreApplication.translate(
            "ExportLabels", "Reading the file back from the folder…"
        ),
    }[value]


def kind(value: str) -> str:
    if value == "full":
        return QCoreApplication.translate("ExportLabels", "full")
    return QCoreApplication.translate("ExportLabels", "changes only")


def table(name: str) -> str:
    """A bundle table's title, the core's (the bundle's data package gives the same)."""
    return table_title(name, core_language())


def size(n: int | None) -> str:
    if n is None:
        return QCoreApplication.translate("ExportLabels", "unknown")
    return QLocale().formattedDataSize(n, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


def share(value: float) -> str:
    number = QLocale().toString(round(value * 100))
    return f"{number}\u00a0%" if fmt.is_norwegian() else f"{number}%"


def number(n: int) -> str:
    return QLocale().toString(n)


def kroner(n: int) -> str:
    """Whole kroner: "20 000 kr", or "NOK 20,000" where English formats were chosen."""
    if fmt.norwegian_formats():
        return f"{fmt.NORWEGIAN.toString(n)}\u00a0kr"
    return f"NOK\u00a0{QLocale().toString(n)}"
