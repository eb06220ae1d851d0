"""Every message the core can raise reads in English too, and bokmål names its statuses."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import samjournal
from samjournal import messages
from samjournal.errors import (
    InvalidTransition,
    PermissionDenied,
    SamJournalError,
    UnlockThrottled,
)
from samjournal.i18n import FIELDS_EN, MESSAGES_EN, VALUES, describe, render

ROOT = Path(samjournal.__file__).parent
SKIP = {"demo"}  # fictional data, never shown as an error
VALIDATION = {"ValidationError", "InvalidTransition", "OverBudget"}


def _error_names() -> set[str]:
    for info in pkgutil.walk_packages([str(ROOT)], "samjournal."):
        if not SKIP & set(info.name.split(".")):
            importlib.import_module(info.name)
    names, todo = set(), [SamJournalError]
    while todo:
        cls = todo.pop()
        names.add(cls.__name__)
        todo += cls.__subclasses__()
    return names


def _template(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return None


def _calls() -> list[tuple[str, str, list[ast.expr]]]:
    found = []
    for path in ROOT.rglob("*.py"):
        if SKIP & set(path.relative_to(ROOT).parts):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                owner = getattr(getattr(func, "value", None), "id", "")
                found.append((f"{path.name}:{node.lineno}", f"{owner}.{name}", node.args))
    return found


def test_every_raised_message_has_english() -> None:
    errors = _error_names()
    missing = []
    for where, call, args in _calls():
        name = call.split(".")[-1]
        if name not in errors:
            continue
        texts = [_template(a) for a in args]
        if name in VALIDATION and texts:
            field, texts = texts[0], texts[1:]
            if field is not None and field not in FIELDS_EN:
                missing.append(f"{where} field {field!r}")
        for text in texts:
            if text is not None and text not in MESSAGES_EN:
                missing.append(f"{where} {text!r}")
    assert not missing, "add to samjournal/i18n.py:\n" + "\n".join(missing)


def test_every_field_and_value_has_english() -> None:
    missing = []
    for where, call, args in _calls():
        texts = [_template(a) for a in args]
        if call.startswith("v.") and texts and texts[0] is not None:
            if texts[0] not in FIELDS_EN and texts[0] not in messages.FIELDS:  # by name, by id
                missing.append(f"{where} field {texts[0]!r}")
        elif (
            call.endswith((".require_teamlead", ".owned_row"))
            and texts[-1] is not None
            and texts[-1] not in VALUES["en"]
            and texts[-1] not in messages.ACTIONS
        ):
            missing.append(f"{where} value {texts[-1]!r}")
    assert not missing, "add to samjournal/i18n.py:\n" + "\n".join(missing)


@pytest.mark.parametrize(
    ("error", "nb", "en"),
    [
        (
            messages.keyed(PermissionDenied, "teamlead_only", what=messages.action("remove_users")),
            "Bare en teamleder kan fjerne brukere.",
            "Only a team lead can remove users.",
        ),
        (
            InvalidTransition("status", "kan ikke gå fra raised til met"),
            "status: kan ikke gå fra meldt til oppfylt",
            "status: cannot go from raised to met",
        ),
        (
            messages.invalid("amount", "amount_positive"),
            "beløp: må være større enn null",
            "amount: must be more than zero",
        ),
        (
            UnlockThrottled(4),
            "For mange feilede forsøk. Vent 4 sekunder og prøv igjen.",
            "Too many failed attempts. Wait 4 seconds and try again.",
        ),
    ],
)
def test_describe_in_both_languages(error: SamJournalError, nb: str, en: str) -> None:
    assert describe(error, "nb") == nb
    assert describe(error, "en") == en


def test_unknown_text_is_shown_as_it_is() -> None:
    assert render("noe helt annet", "en") == "noe helt annet"
