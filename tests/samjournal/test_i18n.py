"""Every message the core can raise reads in English too, and bokmål names its statuses."""

from __future__ import annotations

import ast
import copy
import pickle
from pathlib import Path

import pytest

import samjournal
from samjournal import messages
from samjournal.errors import (
    AuditRewritten,
    InvalidTransition,
    PermissionDenied,
    SamJournalError,
    UnlockThrottled,
)
from samjournal.i18n import describe, word
from samjournal.model import CHECKIN_DOMAINS, NeedStatus

ROOT = Path(samjournal.__file__).parent
SKIP = {"demo"}  # fictional data, never shown as an error


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


def test_every_field_and_action_is_an_id_with_both_languages() -> None:
    missing = []
    for where, call, args in _calls():
        texts = [_template(a) for a in args]
        if call.startswith("v.") and texts and texts[0] is not None:
            if texts[0] not in messages.FIELDS and texts[0] not in CHECKIN_DOMAINS:
                missing.append(f"{where} field {texts[0]!r}")
        elif (
            call.endswith(".require_teamlead")
            and texts
            and texts[-1] is not None
            and texts[-1] not in messages.ACTIONS
        ):
            missing.append(f"{where} action {texts[-1]!r}")
    assert not missing, "name it by an id in samjournal/messages*.py:\n" + "\n".join(missing)


@pytest.mark.parametrize(
    ("error", "nb", "en"),
    [
        (
            messages.keyed(PermissionDenied, "teamlead_only", what=messages.action("remove_users")),
            "Bare en teamleder kan fjerne brukere.",
            "Only a team lead can remove users.",
        ),
        (
            messages.invalid(
                "status", "transition", InvalidTransition, old=NeedStatus.RAISED, new=NeedStatus.MET
            ),
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
            "For mange feilede forsøk. Vent 4 s og prøv igjen.",
            "Too many failed attempts. Wait 4 s and try again.",
        ),
        (  # never "Vent 0 sekunder" (reliability review): the seconds left, rounded up
            UnlockThrottled(0.4),
            "For mange feilede forsøk. Vent 1 s og prøv igjen.",
            "Too many failed attempts. Wait 1 s and try again.",
        ),
    ],
)
def test_describe_in_both_languages(error: SamJournalError, nb: str, en: str) -> None:
    assert describe(error, "nb") == nb
    assert describe(error, "en") == en


def test_text_without_a_key_is_shown_as_it_is() -> None:
    assert word("noe helt annet", "en") == "noe helt annet"


def test_a_message_handed_on_as_text_reads_in_either_language() -> None:
    """An audit head's problem: bokmål where it is used as a string (the audit log's detail),
    and worded by its key at the edge, the head's origin (itself a message) included."""
    origin = messages.said("witness_backup", name="kopi.sjbak")
    found = messages.said("head_cut", what=origin, had=12, has=9)
    assert found == (
        "sikkerhetskopien kopi.sjbak: loggen var kommet til 12 hendelser, men har nå bare 9;"
        " hendelser er fjernet fra slutten av loggen"
    )
    assert word(found, "nb") == found
    assert word(found, "en") == (
        "the backup kopi.sjbak: the log had come to 12 events, but now has only 9; events were"
        " removed from the end of the log"
    )
    for copied in (pickle.loads(pickle.dumps(found)), copy.deepcopy(found)):
        assert (copied, copied.words("en")) == (found, word(found, "en"))
    refused = found.error(AuditRewritten)
    assert (refused.key, str(refused)) == ("head_cut", found)
    assert describe(refused, "en") == word(found, "en")
