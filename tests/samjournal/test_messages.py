"""Messages by key: every keyed raise names a message that has both languages and the same
parameters in each, and the modules migrated to keys raise no finished sentences any more."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

from samjournal import errors, messages
from samjournal.errors import InvalidTransition, NotFound, ValidationError
from samjournal.i18n import describe, field_message
from samjournal.journal import Journal
from samjournal.model import MemberId, NeedCategory, NeedStatus
from samjournal.money import Money
from tests.conftest import LEAD, LEAD_PASS, Template

CORE = Path(messages.__file__).parent
for _info in pkgutil.walk_packages([str(CORE)], "samjournal."):
    importlib.import_module(_info.name)  # every error class of the core, wherever defined


def _subclasses(cls: type) -> set[str]:
    return {cls.__name__}.union(*(_subclasses(sub) for sub in cls.__subclasses__()))


ERRORS = _subclasses(errors.SamJournalError)
# Errors that word themselves from the catalogue, by key, from what they are given.
SELF_WORDED = {"UnlockThrottled", "RecentWorkMissing", "Refused"}


@pytest.mark.parametrize("key", sorted(messages.MESSAGES))
def test_every_message_has_both_languages_with_the_same_parameters(key: str) -> None:
    nb, en = messages.MESSAGES[key]
    assert nb.strip()
    assert en.strip()
    assert nb != en
    assert messages.placeholders(nb) == messages.placeholders(en)


def _calls(path: Path) -> list[tuple[str, ast.Call]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (f"{path.name}:{node.lineno}", node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    ]


def _wrappers(paths: list[Path]) -> tuple[dict[str, int], set[str]]:
    """Helpers that pass their own `key` parameter on to invalid/keyed (a module's `refused(key,
    **params)`): by name, the position of that parameter (their callers are checked instead),
    and where they pass it on."""
    found, inside = {}, set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            names = [a.arg for a in node.args.args]
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Name)
                    and call.func.id in ("invalid", "keyed")
                    and len(call.args) > 1
                    and isinstance(call.args[1], ast.Name)
                    and call.args[1].id in names
                ):
                    found[node.name] = names.index(call.args[1].id)
                    inside.add(f"{path.name}:{call.lineno}")
    return found, inside


def keyed_raise_problems(paths: list[Path]) -> list[str]:
    """What is wrong with the raise sites of `paths`: a finished sentence, or a key, field or
    parameter the catalogue does not have."""
    problems = []
    wrappers, inside = _wrappers(paths)
    for path in paths:
        for where, call in _calls(path):
            name = call.func.id  # type: ignore[attr-defined]
            args = [a.value for a in call.args if isinstance(a, ast.Constant)]
            if name in ERRORS and any(isinstance(a, str) for a in args):
                problems.append(f"{where}: {name} raised with a sentence, not a key")
            elif name in ERRORS - SELF_WORDED and (call.args or call.keywords):
                problems.append(f"{where}: {name} raised with text, not a key")
            if name not in ("invalid", "keyed", "said", *wrappers):
                continue
            key_at = 0 if name == "said" else wrappers.get(name, 1)
            if where in inside:
                continue  # a wrapper passing its key on: its callers give the key
            if not (len(call.args) > key_at and isinstance(call.args[key_at], ast.Constant)):
                problems.append(f"{where}: the key is not a literal")
                continue
            key = call.args[key_at].value
            if key not in messages.MESSAGES:
                problems.append(f"{where}: no message {key!r}")
                continue
            given = {k.arg for k in call.keywords if k.arg is not None}
            wanted = messages.placeholders(messages.MESSAGES[key][0])
            if given != wanted:
                problems.append(f"{where}: {key!r} takes {sorted(wanted)}, given {sorted(given)}")
            if name in wrappers:
                continue
            field = call.args[0]
            literal = field.value if isinstance(field, ast.Constant) else None
            if name == "invalid" and literal is not None and literal not in messages.FIELDS:
                problems.append(f"{where}: no field {literal!r}")
    return problems


def test_no_key_is_in_two_catalogues() -> None:
    from samjournal import (
        messages_audit,
        messages_evaluation,
        messages_handover,
        messages_journal,
        messages_reports,
        messages_study,
    )

    catalogues = [
        messages_journal,
        messages_handover,
        messages_evaluation,
        messages_reports,
        messages_audit,
        messages_study,
    ]
    keys = [key for c in catalogues for key in c.MESSAGES]
    assert len(keys) == len(set(keys))
    assert set(keys) <= set(messages.MESSAGES)


def test_the_check_finds_what_it_should(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        'raise ValidationError("beløp", "må være større enn null")\n'
        'raise invalid("amount", "no_such_key")\n'
        'raise invalid("amount", "too_long")\n'
        'raise invalid("beløp", "required")\n'
        'raise keyed(NotFound, "not_found", what=("x", "x"))\n'
        "raise JournalLocked(message)\n"
        "raise UnlockThrottled(4)\n"
        'notice = said("cli_wrote")\n'
        "raise notice.error(BundleRejected)\n",
        encoding="utf-8",
    )
    assert keyed_raise_problems([bad]) == [
        "bad.py:1: ValidationError raised with a sentence, not a key",
        "bad.py:2: no message 'no_such_key'",
        "bad.py:3: 'too_long' takes ['max'], given []",
        "bad.py:4: no field 'beløp'",
        "bad.py:6: JournalLocked raised with text, not a key",
        "bad.py:8: 'cli_wrote' takes ['path'], given []",
    ]


def test_a_field_error_reads_in_either_language() -> None:
    with pytest.raises(ValidationError) as refused:
        Money.parse("tolv kroner")
    error = refused.value
    assert error.field == "beløp"  # the forms still find the field by its bokmål name
    assert (error.key, error.field_id) == ("amount_form", "amount")
    assert str(error) == "beløp: skriv et beløp i kroner, for eksempel 1 250,50"
    assert describe(error, "nb") == str(error)
    assert describe(error, "en") == "amount: enter an amount in kroner, e.g. 1 250,50"
    assert field_message(error, "en") == "enter an amount in kroner, e.g. 1 250,50"


def test_parameters_are_put_in_each_language(journal_dir: Path, template: Template) -> None:
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    need = lead.needs.raise_need(template.worker_family, "Busskort", NeedCategory.TRANSPORT)
    with pytest.raises(InvalidTransition) as refused:
        lead.needs.set_status(need.id, NeedStatus.MET)
    assert describe(refused.value, "nb") == "status: kan ikke gå fra meldt til oppfylt"
    assert describe(refused.value, "en") == "status: cannot go from raised to met"
    with pytest.raises(NotFound) as missing:
        lead.members.get(MemberId(999_999))
    assert describe(missing.value, "nb") == "Fant ikke medlemmet."
    assert describe(missing.value, "en") == "The member was not found."
    lead.lock()


def test_every_refusal_of_the_export_flow_has_both_languages() -> None:
    from samjournal.flows.export import REFUSALS, Problem, Refused

    assert set(REFUSALS) == set(Problem)
    for problem, (field, key) in REFUSALS.items():
        assert field in messages.FIELDS
        refused = Refused(problem)
        assert (refused.key, refused.field_id) == (key, field)
        assert describe(refused, "nb") == str(refused)
        assert describe(refused, "en") != describe(refused, "nb")


def test_every_raise_site_of_the_core_is_by_key() -> None:
    """Every module of the core, found by walking it (a new module is checked at once), raises
    by key with both languages, and every message it hands on as text (`said`) is by key too."""
    modules = sorted(CORE.rglob("*.py"))
    assert len(modules) > 100
    # keyed, invalid, said and Said.error pass keys on
    helpers = {CORE / "messages.py", CORE / "catalogue.py"}
    assert keyed_raise_problems([p for p in modules if p not in helpers]) == []


def _literals_in_code() -> set[str]:
    """Every string literal of the core and the window, outside the catalogues themselves."""
    roots = [CORE, CORE.parent / "ui"]
    found: set[str] = set()
    for path in (p for root in roots for p in root.rglob("*.py")):
        if path.parent == CORE and (
            path.name.startswith("messages") or path.name == "catalogue.py"
        ):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_no_catalogue_entry_is_unused() -> None:
    """A message, field, action or record no code names any more is taken out, not kept."""
    used = _literals_in_code()
    catalogues = {
        "MESSAGES": messages.MESSAGES,
        "FIELDS": messages.FIELDS,
        "ACTIONS": messages.ACTIONS,
        "RECORDS": messages.RECORDS,
    }
    unused = [f"{name}[{key!r}]" for name, c in catalogues.items() for key in c if key not in used]
    assert unused == []
