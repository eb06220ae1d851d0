"""The one vocabulary: every enum of the core that a person reads has a bokmål and an English
label (the exceptions listed with their reason), and no other module keeps its own table of
them (the window, the reports, the errors and the codebook had drifted apart: "Innfridd" on
screen, "Oppfylt" on paper)."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from enum import StrEnum
from pathlib import Path

import pytest

import samjournal
from samjournal import i18n, kinds, messages, model, vocabulary
from samjournal.audit import Action
from samjournal.evaluation import tables
from samjournal.evaluation.consent_gate import Left
from samjournal.model import CHECKIN_DOMAINS, MeetingKind, NeedStatus, PaymentStatus
from samjournal.reports.labels import Words

ROOT = Path(__file__).resolve().parents[2]
DOMAIN_ENUMS = [
    value
    for value in vars(kinds).values()
    if inspect.isclass(value) and issubclass(value, StrEnum) and value.__module__ == kinds.__name__
]


def _core_enums() -> dict[str, type[StrEnum]]:
    """Every StrEnum defined anywhere under samjournal/, by its dotted name."""
    found: dict[str, type[StrEnum]] = {}
    for info in pkgutil.walk_packages(samjournal.__path__, "samjournal."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, StrEnum)
                and value.__module__ == module.__name__
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return found


CORE_ENUMS = _core_enums()
# The enums not in vocabulary.LABELS, and why.
NOT_IN_LABELS = {
    # Labelled by value in vocabulary.LEFT_OUT: the gate sits above the vocabulary (the
    # evaluation package imports it), and the reasons travel as strings (counts, tombstones).
    "samjournal.evaluation.consent_gate.Left": "vocabulary.LEFT_OUT",
    # Labelled by value in vocabulary.ACTIONS, for the same reasons: the audit log sits above
    # the vocabulary (import-linter's layers), and an event carries its action as a string.
    "samjournal.audit.Action": "vocabulary.ACTIONS",
    # The wizards' own states: their pages are the words, never the value.
    "samjournal.flows.export.Step": "not shown",
    "samjournal.flows.export.ImportStep": "not shown",
    "samjournal.flows.setup.Step": "not shown",
    # Whole sentences of the export wizard alone (ui/export/labels.py, Qt-translated): never a
    # word on paper, in an error or in the codebook.
    "samjournal.flows.export.Phase": "sentences of one wizard",
    "samjournal.flows.export.Problem": "sentences of one wizard",
    # Advice of the passphrase meter alone (ui/dialogs/passphrase.py, Qt-translated).
    "samjournal.passphrase.Hint": "sentences of one dialog",
    # validation.py checks the number and drops its kind: nothing shows it.
    "samjournal.nin.NinKind": "not shown",
}

BY_VALUE = {Left: vocabulary.LEFT_OUT, Action: vocabulary.ACTIONS}


def test_the_domain_enums_are_found() -> None:
    assert {e.__name__ for e in DOMAIN_ENUMS} >= {"NeedStatus", "PaymentStatus", "Role"}
    assert len(CORE_ENUMS) > len(DOMAIN_ENUMS)


def test_every_enum_of_the_core_is_labelled_or_a_listed_exception() -> None:
    labelled = {name for name, enum in CORE_ENUMS.items() if enum in vocabulary.LABELS}
    assert set(CORE_ENUMS) - labelled == set(NOT_IN_LABELS)
    assert labelled.isdisjoint(NOT_IN_LABELS)


@pytest.mark.parametrize("enum", [Left, Action], ids=lambda e: e.__name__)
def test_an_enum_labelled_by_value_has_both_labels_for_every_value(enum: type[StrEnum]) -> None:
    table = BY_VALUE[enum]
    assert {m.value for m in enum} <= set(table)
    for language in vocabulary.LANGUAGES:
        words = [pair[vocabulary.LANGUAGES.index(language)] for pair in table.values()]
        assert all(w.strip() for w in words), words
        assert len(set(words)) == len(words), f"two {enum.__name__} values share a word: {words}"


@pytest.mark.parametrize("enum", list(vocabulary.LABELS), ids=lambda e: e.__name__)
def test_every_labelled_value_has_both_labels(enum: type[StrEnum]) -> None:
    assert set(vocabulary.LABELS[enum]) == {m.value for m in enum}
    for language in vocabulary.LANGUAGES:
        words = [vocabulary.label(m, language) for m in enum]
        assert all(w.strip() and w != m.value for w, m in zip(words, enum, strict=True)), words
        assert len(set(words)) == len(words), f"two {enum.__name__} values share a word: {words}"


def test_every_checkin_domain_has_both_labels() -> None:
    assert set(vocabulary.DOMAINS) == {vocabulary.LIFE_SATISFACTION, *CHECKIN_DOMAINS}
    for key in vocabulary.DOMAINS:
        nb, en = (vocabulary.domain(key, language) for language in vocabulary.LANGUAGES)
        assert nb
        assert en
        assert key not in (nb, en)
    assert set(vocabulary.DOMAINS_SHORT) <= set(vocabulary.DOMAINS)


def test_enums_with_equal_values_keep_their_own_words() -> None:
    assert vocabulary.label(model.NeedCategory.OTHER, "nb") == "Annet"
    assert vocabulary.label(model.PaymentMethod.OTHER, "nb") == "Annen måte"


def test_reports_errors_and_codebook_say_what_the_vocabulary_says() -> None:
    for language in vocabulary.LANGUAGES:
        words = Words(language)
        for enum in DOMAIN_ENUMS:
            for member in enum:
                assert words.label(member) == vocabulary.label(member, language)
        for status in (*NeedStatus, *PaymentStatus):  # a refused status change names them so
            said = messages.text("transition", {"old": status, "new": status}, language)
            assert vocabulary.in_sentence(status, language) in said
    kinds = next(c for c in tables.MEETINGS.columns if c.name == "kind").categories
    assert ("office", "Kontormøte", "Office meeting") in kinds
    score = next(c for c in tables.CHECKINS.columns if c.name == "participation")
    assert score.title == tuple(vocabulary.domain("participation", x) for x in vocabulary.LANGUAGES)
    transition = {"old": NeedStatus.RAISED, "new": NeedStatus.MET}
    assert messages.text("transition", transition, "nb") == "kan ikke gå fra meldt til oppfylt"
    assert i18n.field_name("social", "nb") == "sosialt liv"
    assert i18n.field_name("social", "en") == "social life"


def test_a_meeting_kind_reads_the_same_in_both_languages_everywhere() -> None:
    assert Words("en").label(MeetingKind.OFFICE) == "Office meeting"
    assert Words("nb").label(None) == vocabulary.NO_NEED[0]


# -- no other module keeps its own words ------------------------------------------------------

_ENUM_NAMES = {e.__name__: e for e in [*vocabulary.LABELS, *BY_VALUE]}
_VALUES = [({m.value for m in e}, e.__name__) for e in vocabulary.LABELS]
_VALUES += [(set(table), e.__name__) for e, table in BY_VALUE.items()]
_VALUES.append((set(vocabulary.DOMAINS), "check-in domains"))


def _is_words(node: ast.expr) -> bool:
    """A label: a string, a (bokmål, English) pair, or a Qt translation call."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Tuple):
        return bool(node.elts) and all(_is_words(e) for e in node.elts)
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        return name in ("translate", "tr")
    return False


def _key(node: ast.expr | None) -> tuple[str, str] | None:
    """(what it names, the value) for `NeedStatus.MET` or "met"."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        enum = _ENUM_NAMES.get(node.value.id)
        if enum is not None and node.attr in enum.__members__:
            return enum.__name__, enum[node.attr].value
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return "", node.value
    return None


def word_tables(root: Path) -> list[str]:
    """Dict literals that label two or more values of one domain enum (or check-in domain),
    those values being at least half of what the dict holds."""
    found = []
    for path in sorted([*(root / "samjournal").rglob("*.py"), *(root / "ui").rglob("*.py")]):
        if path.name == "vocabulary.py" and path.parent.name == "samjournal":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Dict):
                continue
            named_keys = [
                _key(k) for k, v in zip(node.keys, node.values, strict=True) if _is_words(v)
            ]
            keys = [k for k in named_keys if k is not None]
            for values, name in _VALUES:
                named = [v for owner, v in keys if owner in ("", name) and v in values]
                # Mostly this enum's values: a table of its words (a table of fields, say, may
                # have a field called "member" without labelling ParticipantKind).
                if len(named) >= 2 and 2 * len(named) >= len(node.keys):
                    found.append(f"{path.relative_to(root)}:{node.lineno} labels {name}")
                    break
    return found


def test_no_other_module_defines_its_own_labels() -> None:
    assert word_tables(ROOT) == [], "read these words from samjournal/vocabulary.py"


def test_the_check_finds_a_table_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "samjournal").mkdir()
    (tmp_path / "ui").mkdir()
    (tmp_path / "samjournal" / "a.py").write_text(
        'X = {"met": "Innfridd", "dropped": "Droppet"}\n', encoding="utf-8"
    )
    (tmp_path / "ui" / "b.py").write_text(
        "Y = {MeetingKind.OFFICE: tr('Labels', 'Office'), MeetingKind.PHONE: tr('L', 'Phone')}\n"
        "Z = {NeedStatus.RAISED: frozenset(), NeedStatus.MET: frozenset()}\n"  # not words
        "A = {Action.VIEW: ('Åpnet saken', 'Opened the case'), Action.UPDATE: ('Endret', 'x')}\n"
        'L = {"no_consent": "mangler samtykke", "withdrawn": "samtykke trukket"}\n',
        encoding="utf-8",
    )
    assert word_tables(tmp_path) == [
        "samjournal/a.py:1 labels NeedStatus",
        "ui/b.py:1 labels MeetingKind",
        "ui/b.py:3 labels Action",
        "ui/b.py:4 labels Left",
    ]


# -- the caseworker has one word ---------------------------------------------------------------


def test_the_caseworker_has_one_word_on_screen_on_paper_and_in_errors() -> None:
    nb = vocabulary.label(model.Role.CASEWORKER, "nb")
    assert messages.FIELDS["caseworker"] == (
        vocabulary.in_sentence(model.Role.CASEWORKER, "nb"),
        vocabulary.in_sentence(model.Role.CASEWORKER, "en"),
    )
    ts = (ROOT / "resources" / "translations" / "samjournal_nb.ts").read_text(encoding="utf-8")
    said = re.findall(r"<source>Caseworker</source>\s*<translation>([^<]*)</translation>", ts)
    assert said
    assert set(said) == {nb}
    # "saksbehandler" was the screen's, the errors' and the command line's word; the only one
    # left is in the list of passphrases too easy to guess.
    stray = [
        str(path.relative_to(ROOT))
        for path in [
            *(ROOT / "samjournal").rglob("*.py"),
            *(ROOT / "ui").rglob("*.py"),
            *(ROOT / "resources" / "translations").glob("samjournal_*.ts"),
        ]
        if "saksbehandler" in path.read_text(encoding="utf-8").lower()
    ]
    assert stray == ["samjournal/passphrase.py"]


def test_why_a_household_is_left_out_reads_the_same_everywhere() -> None:
    from samjournal.evaluation.anonymise import Risk
    from samjournal.evaluation.risk import RiskReport

    assert {m.value for m in Left} <= set(vocabulary.LEFT_OUT)
    for language in vocabulary.LANGUAGES:
        words = [vocabulary.left_out(reason, language) for reason in vocabulary.LEFT_OUT]
        assert all(w.strip() for w in words)
        assert len(set(words)) == len(words)
    reasons = next(c for c in tables.TOMBSTONES.columns if c.name == "reason").categories
    assert reasons == tuple((k, nb, en) for k, (nb, en) in vocabulary.LEFT_OUT.items())
    none = Risk(0, 0, 0, 0, 0.0, 0.0)
    report = RiskReport("s", 5, "", 1, 0, 0, {"no_consent": 1}, {}, 0, none, none, {}, {"left": 2})
    for language in vocabulary.LANGUAGES:  # the CLI's risk report: left out, tombstones
        said = report.lines(language)
        assert f"    {vocabulary.left_out('no_consent', language)}: 1" in said
        assert f"  {vocabulary.left_out('left', language)}: 2" in said
    assert vocabulary.left_out("something_new", "en") == "something_new"


def test_the_codebook_titles_a_status_day_by_the_status_word() -> None:
    needs = {c.name: c.title for c in tables.NEEDS.columns}
    assert needs["met_day"][0] == f"{vocabulary.label(NeedStatus.MET, 'nb')} dag" == "Oppfylt dag"
    assert needs["met_day"][1] == f"Day {vocabulary.in_sentence(NeedStatus.MET, 'en')}"
    assert needs["in_progress_day"] == ("Under arbeid dag", "Day in progress")
    payments = {c.name: c.title for c in tables.PAYMENTS.columns}
    cancelled = f"{vocabulary.label(PaymentStatus.CANCELLED, 'nb')} dag"
    assert payments["cancelled_day"] == (cancelled, "Day cancelled")
