"""The canary: a scripted session through the real client, with HOME, TMPDIR, the XDG folders,
the platform folders and Qt's settings all pointed at a fresh directory. A family is recorded
whose names, notes and numbers are unique canary strings, consents to a study and is exported
to it through the export wizard; afterwards no canary may appear in any file outside the
encrypted journal and the PDF the user chose to save: not in the settings, not in a temp or
cache file, not in a log, not on the clipboard, and not in the bundle either, read the way the
evaluator reads it (decrypted, every file in the bag)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import platformdirs
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from samjournal.evaluation.bundle import decrypt, unzip
from samjournal.evaluation.evaluator import Workspace
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.model import ConsentMethod, MeetingKind, NeedCategory, NeedDraft, PaymentDraft
from samjournal.money import Money
from samjournal.records.meetings import member, staff
from tests.conftest import LEAD, LEAD_PASS, Template, note_reliability
from tests.rich_family import national_id
from tests.study import STUDY, WS_PASS, make_workspace
from tests.ui.conftest import TIMEOUT, find_window, open_as, wait_closed
from ui import clipboard
from ui.app import App
from ui.dialogs.checkin import CheckinDialog
from ui.dialogs.family import FamilyDialog
from ui.dialogs.meeting import MeetingDialog
from ui.dialogs.member import MemberDialog
from ui.export import open_export_wizard
from ui.main_window import MainWindow
from ui.prefs import Prefs
from ui.printouts import ask
from ui.printouts.options import CaseSummaryDialog, FamilyCopyDialog
from ui.printouts.preview import PreviewDialog

# Where the platform folders are and how they are chosen (XDG) is Linux's; the same code runs on
# Windows and macOS, where this test would need their variables instead.
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are Linux's")
SHARED_TEMP = (Path("/tmp"), Path("/var/tmp"), Path("/dev/shm"))


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


class Canaries:
    def __init__(self, rng: random.Random) -> None:
        self.tag = "Kanar" + "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(8))
        self.nin = national_id(rng, dt.date(1983, 4, 17))
        self.phone = f"9{rng.randint(1_000_000, 9_999_999)}"

    @property
    def strings(self) -> list[str]:
        return [self.tag, self.nin, self.phone, f"{self.phone[:3]} {self.phone[3:5]}"]

    def needles(self) -> list[bytes]:
        found = []
        for text in self.strings:
            for variant in (text, text.lower()):
                found += [variant.encode("utf-8"), variant.encode("utf-16-le")]
        return found

    def hits(self, data: bytes) -> list[str]:
        return [n.decode("utf-8", "replace") for n in self.needles() if n in data]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every place the client or Qt could write to, inside one new folder."""
    home = tmp_path / "home"
    places = {
        "HOME": home,
        "TMPDIR": home / "tmp",
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
        "XDG_RUNTIME_DIR": home / "run",
    }
    for name, path in places.items():
        path.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(path))
    places["XDG_RUNTIME_DIR"].chmod(0o700)
    monkeypatch.setattr(tempfile, "tempdir", None)  # Python reads TMPDIR again
    config = str(places["XDG_CONFIG_HOME"])
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, config)
    assert platformdirs.user_data_path("SamJournal").is_relative_to(home)
    yield home
    default = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, default)


def _new_family(qtbot: QtBot, w: MainWindow, c: Canaries) -> None:
    click(qtbot, w.cases.new_button)
    dialog = find_window(qtbot, FamilyDialog)
    qtbot.keyClicks(dialog.name, f"Familien {c.tag}")
    qtbot.keyClicks(dialog.district, f"Bydel{c.tag}")
    click(qtbot, dialog.save_button)
    wait_closed(qtbot, dialog)
    qtbot.waitUntil(lambda: w.family.data is not None, timeout=TIMEOUT)
    w.actions_by_name["add_member"].trigger()
    member = find_window(qtbot, MemberDialog)
    qtbot.keyClicks(member.name, f"Åse {c.tag}sen")
    qtbot.keyClicks(member.birth_year, "1983")
    qtbot.keyClicks(member.national_id, c.nin)
    qtbot.keyClicks(member.phone, c.phone)
    click(qtbot, member.save_button)
    wait_closed(qtbot, member)
    qtbot.waitUntil(lambda: w.family.overview.members.rowCount() == 1, timeout=TIMEOUT)


def _meeting_payment_checkin(qtbot: QtBot, w: MainWindow, c: Canaries) -> None:
    w.actions_by_name["record_meeting"].trigger()
    meeting = find_window(qtbot, MeetingDialog)
    meeting.check_participant(f"Åse {c.tag}sen")
    qtbot.keyClicks(meeting.place, f"{c.tag}veien 17")
    qtbot.keyClicks(meeting.partners, f"Skole{c.tag}")
    qtbot.keyClicks(meeting.family_words, f"Vi trenger hjelp med regningene, sier {c.tag}.")
    qtbot.keyClicks(meeting.agreed, f"Avtalt: kommunen betaler {c.tag}regningen.")
    meeting.add_need(f"Strømregning {c.tag}behov", NeedCategory.ECONOMY)
    meeting.add_payment("2 345,67", f"Strøm for {c.tag}", draft_need=0)
    click(qtbot, meeting.save_button)
    wait_closed(qtbot, meeting)
    qtbot.waitUntil(lambda: len(w.family.data.detail.payments) == 1, timeout=TIMEOUT)
    w.actions_by_name["record_checkin"].trigger()
    checkin = find_window(qtbot, CheckinDialog)
    checkin.set_answer("life_satisfaction", 7)
    checkin.set_answer("economy", 3)
    click(qtbot, checkin.save_button)
    wait_closed(qtbot, checkin)
    qtbot.waitUntil(lambda: len(w.family.data.detail.checkins) == 1, timeout=TIMEOUT)


def _copy_identity_number(qtbot: QtBot, w: MainWindow, c: Canaries) -> None:
    """The clipboard holds the number, then is cleared by itself (timer shortened)."""
    w.show_tab(0)
    w.family.overview.members_view.selectRow(0)
    click(qtbot, w.family.overview.copy_button)
    board = QGuiApplication.clipboard()
    assert board.text(QClipboard.Mode.Clipboard) == c.nin
    qtbot.waitUntil(lambda: board.text(QClipboard.Mode.Clipboard) == "", timeout=TIMEOUT)


def _previews(qtbot: QtBot, w: MainWindow, saved: Path) -> None:
    w.actions_by_name["family_copy"].trigger()
    options = find_window(qtbot, FamilyCopyDialog)
    click(qtbot, options.save_button)
    preview = find_window(qtbot, PreviewDialog)
    preview.save_document()  # the user's explicit choice: `saved`
    qtbot.waitUntil(saved.exists, timeout=TIMEOUT)
    preview.close()
    w.actions_by_name["case_summary"].trigger()
    options = find_window(qtbot, CaseSummaryDialog)
    click(qtbot, options.save_button)
    find_window(qtbot, PreviewDialog).close()


def _study(journal_dir: Path, evaluator: Path) -> None:
    """Before the session: the evaluator's study profile imported, and five families (no
    canaries in them) consented, each with what the canary family gets (one adult, a meeting
    with a need and a payment, a check-in), so the canary family is released with k = 5: alone
    in its row counts, it was held back whole, and the bundle searched held none of it."""
    make_workspace(evaluator)
    lead = Journal.open(journal_dir, LEAD, LEAD_PASS)
    try:
        lead.evaluation.import_study(evaluator / "study.json")
        for i, year in enumerate((1981, 1984, 1979, 1990, 1986)):
            family = lead.families.create(f"Familien Studie {i}", district="Lade")
            adult = lead.members.add(family.id, f"Voksen Studie {i}", birth_year=year)
            lead.meetings.record(
                family.id,
                dt.datetime.now(dt.UTC),
                MeetingKind.HOME_VISIT,
                participants=[member(adult.id), staff(lead.user.id)],
                needs=[NeedDraft("Strømregning", NeedCategory.ECONOMY)],
                payments=[PaymentDraft(Money(234_567), "Strøm", draft_need=0)],
            )
            lead.checkins.record(family.id, 7, member_id=adult.id, domains={"economy": 3})
            lead.consents.give(adult.id, STUDY, letter_version="v1")
    finally:
        lead.lock()


def _consent_and_export(qtbot: QtBot, w: MainWindow, c: Canaries, usb: Path) -> Path:
    """The canary family's adult consents (through the facade, on the database worker), then
    the team lead exports through the wizard to the folder they chose."""
    done: list[object] = []

    def consent(journal: Journal) -> None:
        [row] = [r for r in journal.families.case_list() if c.tag in r.display_name]
        for person in journal.families.open(row.id).members:
            journal.consents.give(
                person.id, STUDY, letter_version="v1", method=ConsentMethod.WRITTEN
            )

    w.session.submit(consent, done.append, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=TIMEOUT)
    assert done == [None], done
    wizard = open_export_wizard(w.session, w)
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.study_page.loaded, timeout=TIMEOUT)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.review_page, timeout=TIMEOUT)
    review = wizard.flow.review
    assert review is not None
    assert (review.risk.consented, review.risk.released) == (6, 6)  # the canary family is in
    wizard.next()
    assert wizard.currentPage() is wizard.destination_page
    wizard.destination_page.path.setText(str(usb))
    wizard.next()  # Export
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=TIMEOUT)
    outcome = wizard.flow.outcome
    assert outcome is not None
    assert outcome.verified
    wizard.button(QWizard.WizardButton.FinishButton).click()
    wait_closed(qtbot, wizard)
    return outcome.path


def _bundle_contents(bundle: Path, evaluator: Path) -> dict[str, bytes]:
    """Every file in the bag, as the evaluator sees it, and the zip they came in."""
    with Workspace.open(evaluator, WS_PASS) as ws:
        plain = decrypt(bundle.read_bytes(), ws.identities)
    root, files = unzip(plain)
    assert b"households.csv" in plain
    return {"(zip)": plain, **{f"{root}/{name}": data for name, data in files.items()}}


def _files(root: Path) -> list[Path]:
    """The regular files under `root`. A folder that vanishes during the walk (another test
    process's temp files, on a shared machine) is passed over, as os.walk does; rglob raised."""
    found: list[Path] = []
    for folder, _dirs, names in os.walk(root):
        found += [p for p in (Path(folder, n) for n in names) if p.is_file() and not p.is_symlink()]
    return found


def test_no_canary_escapes_the_journal(
    qtbot: QtBot,
    fresh: Path,
    template: Template,
    qm_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    c = Canaries(random.Random())
    started = time.time() - 1
    caplog.set_level(logging.DEBUG)
    journal = fresh / "Dokumenter" / "journal"
    shutil.copytree(template.path, journal)
    evaluator = fresh.parent / "evaluator"  # the evaluator's machine, not the team lead's
    _study(journal, evaluator)
    saved = fresh / "Dokumenter" / "familiens-kopi.pdf"
    usb = fresh / "USB-pinne"  # the folder the team lead chooses for the bundle
    usb.mkdir()
    monkeypatch.setattr(ask, "ask_save_path", lambda _parent, _suggested: saved)
    monkeypatch.setattr(clipboard, "CLEAR_AFTER_MS", 150)

    prefs = Prefs()  # the real settings location, now inside `fresh`
    app = App(prefs, kdf_cost=TEST_COST, qm_dir=qm_dir)
    try:
        w = open_as(qtbot, app, journal, LEAD, LEAD_PASS)
        _new_family(qtbot, w, c)
        _meeting_payment_checkin(qtbot, w, c)
        _copy_identity_number(qtbot, w, c)
        w.focus_search()
        qtbot.keyClicks(w.cases.search, c.tag)
        qtbot.waitUntil(
            lambda: w.cases.search_idle and w.cases.proxy.rowCount() == 1, timeout=TIMEOUT
        )
        w.show_family(w.cases.proxy.family_at(0).id)
        qtbot.waitUntil(lambda: w.family.data is not None, timeout=TIMEOUT)
        _previews(qtbot, w, saved)
        bundle = _consent_and_export(qtbot, w, c, usb)
        w.lock()
        qtbot.waitUntil(lambda: w.session.journal.locked, timeout=TIMEOUT)
    finally:
        app.stop()
        app.language.uninstall()
        prefs.sync()

    # The settings file is where it should be, and holds paths, never the family.
    settings = list((fresh / ".config").rglob("*.conf")) + list((fresh / ".config").rglob("*.ini"))
    assert settings, "no settings file was written where the test looks for it"
    assert str(journal) in "".join(p.read_text(errors="replace") for p in settings)
    assert saved.read_bytes().startswith(b"%PDF-")  # the user's own file: it may name them

    hits: list[str] = []
    places = 0
    for path in _files(fresh):
        if path == saved or path.is_relative_to(journal):
            continue
        places += 1
        hits += [f"{path.relative_to(fresh)}: {h}" for h in c.hits(path.read_bytes())]
    for root in SHARED_TEMP:  # what the session wrote outside the fresh folder
        for path in _files(root) if root.is_dir() else []:
            try:
                if path.stat().st_mtime < started or path.is_relative_to(fresh):
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            places += 1
            hits += [f"{path}: {h}" for h in c.hits(data)]
    out, err = capfd.readouterr()
    logs = caplog.text + out + err
    places += 3
    hits += [f"log: {h}" for h in c.hits(logs.encode("utf-8"))]
    board = QGuiApplication.clipboard().text(QClipboard.Mode.Clipboard)
    hits += [f"clipboard: {h}" for h in c.hits(board.encode("utf-8"))]
    # The bundle was scanned above as the file on the stick; now as the evaluator opens it.
    assert [p.name for p in usb.iterdir()] == [bundle.name]
    for name, data in _bundle_contents(bundle, evaluator).items():
        places += 1
        hits += [f"bundle {name}: {h}" for h in c.hits(data)]
    note_reliability("canary_places", places)
    note_reliability("canary_hits", len(hits))
    assert places > 3
    assert hits == []
