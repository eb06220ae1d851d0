"""`SamJournal --smoke-test OUTDIR`: exercise what a frozen build most easily gets wrong.

Each step touches something the freezer must have brought along: SQLCipher with FTS5, the
migrations (package data), the fonts (reports), QtPdf and print support (plugins), the compiled
translations, the Qt refcount workaround, the evaluation export (pyrage, minisign), and the main
window on Qt's offscreen platform. Everything is written under OUTDIR, nothing to the user's
settings or journals. A failed check raises SmokeFailed: a traceback and a non-zero exit.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from samjournal import __version__, reports
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.model import ConsentMethod, MeetingKind, NeedCategory, NeedDraft
from samjournal.records.meetings import member, staff

# A trivial Argon2 cost, as the tests use, for this throwaway journal under OUTDIR only (a real
# journal calibrates to ~0.5 s per unlock); the same code path, just quick.
SMOKE_ONLY_KDF_COST = TEST_COST
PASSPHRASE = "røyktest passordfrase 1"  # noqa: S105 - a throwaway journal under OUTDIR
USER = "smoke"
STUDY = "smoke-study"

Say = Callable[[str], None]


class SmokeFailed(Exception):
    """A check of the build failed (not `assert`: a build with -O must not skip the checks)."""


def check(condition: object, message: object) -> None:
    if not condition:
        raise SmokeFailed(str(message))


def run(outdir: Path, say: Say) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    outdir.mkdir(parents=True, exist_ok=True)
    check(not any(outdir.iterdir()), f"{outdir} must be empty")
    started = time.perf_counter()
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    say(f"smoke: SamJournal {__version__} ({frozen}, Python {sys.version.split()[0]})")
    check_sqlcipher(say)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0], "-platform", "offscreen"])
    check_qt_compat(say)
    check_translations(say)
    journal = make_journal(outdir / "journal", say)
    pdf = print_summary(journal, outdir / "case-summary.pdf", say)
    check_qtpdf(pdf, say)
    check_render_process(journal, say)
    export_bundle(journal, outdir, say)
    check_about(journal, say)
    open_main_window(journal, outdir, say)
    app.processEvents()
    say(f"smoke: OK in {time.perf_counter() - started:.1f} s")
    return 0


def check_sqlcipher(say: Say) -> None:
    """The bundled SQLCipher answers, and has FTS5 (search needs it), before any journal."""
    # Asked directly of the bundled module: this checks the build, not the journal code.
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(":memory:")
    try:
        version = conn.execute("PRAGMA cipher_version").fetchone()
        check(version is not None and version[0], "SQLCipher does not report a cipher_version")
        fts5 = conn.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')").fetchone()[0]
        check(fts5 == 1, "this SQLCipher lacks FTS5")
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
        conn.execute("INSERT INTO t (body) VALUES ('strømregning for mars')")
        hits = conn.execute("SELECT count(*) FROM t WHERE t MATCH '\"strømregning\"'").fetchone()
        check(hits[0] == 1, "FTS5 finds nothing")
    finally:
        conn.close()
    say(f"smoke: SQLCipher {version[0]} (SQLite {dbapi2.sqlite_version}), FTS5 yes")


def check_qt_compat(say: Say) -> None:
    """ui/qt_compat.py must be active where this PySide6 needs it, or the app aborts later."""
    from PySide6.QtCore import QObject, Signal

    from ui import qt_compat

    needed = qt_compat.emit_drops_references()
    # Read, not apply(): importing `ui` must already have switched it on.
    check(qt_compat._applied == needed, "the PySide6 refcount workaround is not active")

    class Probe(QObject):
        ping = Signal()

    probe = Probe()
    for _ in range(5000):  # unpatched, 3.11 aborts after a few hundred of these
        probe.ping.emit()
    say(f"smoke: PySide6 refcount workaround {'active' if needed else 'not needed'}")


def check_translations(say: Say) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.translations import Language

    language = Language()
    check(language.install("nb"), "the bokmål translation did not load")
    text = QCoreApplication.translate("Menus", "&File")
    check(text != "&File", "the bokmål translation is empty")
    say(f"smoke: translation nb loaded ('&File' -> {text!r})")


def make_journal(path: Path, say: Say) -> Journal:
    journal = Journal.create(
        path,
        username=USER,
        display_name="Røyk Testesen",
        passphrase=PASSPHRASE,
        cost=SMOKE_ONLY_KDF_COST,
    ).journal
    family = journal.families.create("Familien Ødegård-Smoke", district="Lade")
    adult = journal.members.add(family.id, "Åse Ødegård", birth_year=1984, primary_contact=True)
    journal.members.add(family.id, "Liv Ødegård", is_child=True, birth_year=2015)
    journal.meetings.record(
        family.id,
        dt.datetime.now(dt.UTC) - dt.timedelta(days=1),
        MeetingKind.HOME_VISIT,
        place="Hjemme",
        family_words="Vi trenger hjelp med strømregningen.",
        agreed="Kommunen betaler strømregningen for mars.",
        participants=[member(adult.id), staff(journal.user.id)],
        needs=[NeedDraft("Strøm i vinter", NeedCategory.ECONOMY)],
    )
    journal.checkins.record(family.id, 6, member_id=adult.id, domains={"economy": 4})
    facts = journal.facts()
    check(facts.counts["families"] == 1 and facts.counts["meetings"] == 1, facts.counts)
    hits = journal.search("strømregningen")
    check(hits, "full-text search finds nothing in the journal")
    say(
        f"smoke: journal created (schema {facts.schema_version}); 1 family, 1 meeting,"
        f" search finds {len(hits)}"
    )
    return journal


def print_summary(journal: Journal, target: Path, say: Say) -> bytes:
    family_id = journal.families.case_list()[0].id
    pdf = reports.case_summary(journal, family_id)
    check(pdf.startswith(b"%PDF-"), "the case summary is not a PDF")
    reports.save_pdf(pdf, target, journal=journal, document="case_summary", family_id=family_id)
    say(f"smoke: case summary printed to {target.name} ({len(pdf) // 1024} KiB)")
    return pdf


def check_render_process(journal: Journal, say: Say) -> None:
    """Batch prints lay out in a spawned child: in a frozen build that child is this program
    again, which works only with multiprocessing.freeze_support() at the entry point."""
    from samjournal.reports.summary import gather
    from ui.render_process import RenderProcess

    renderer = RenderProcess()
    try:
        pdf = renderer.render(gather(journal, journal.families.case_list()[0].id))
        check(renderer.running, "the render process did not start")
        check(pdf.startswith(b"%PDF-"), "the render process returned no PDF")
    finally:
        renderer.stop()
    say(f"smoke: case summary laid out in a child process ({len(pdf) // 1024} KiB)")


def check_qtpdf(pdf: bytes, say: Say) -> None:
    """The print preview renders the PDF with QtPdf from memory: do that once here."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    check(document.status() == QPdfDocument.Status.Ready, document.error())
    image = document.render(0, QSize(595, 842))
    check(not image.isNull(), "QtPdf rendered nothing")
    pages = document.pageCount()
    document.close()
    printers = QPrinterInfo.availablePrinterNames()  # asks the print support plugin
    check(QPrinter().isValid(), "QPrinter is not usable")
    say(f"smoke: QtPdf renders {pages} page(s); print support sees {len(printers)} printer(s)")


def export_bundle(journal: Journal, outdir: Path, say: Say) -> None:
    try:
        from samjournal.evaluation import Policy
        from samjournal.evaluation.evaluator import Workspace
        from samjournal.evaluation.evaluator.merge import import_bundles
        from samjournal.evaluation.evaluator.senders import register
    except ImportError as exc:
        say(f"smoke: evaluation export skipped: samjournal.evaluation not importable ({exc})")
        return
    workspace = Workspace.init(
        outdir / "evaluator",
        study_id=STUDY,
        name="Røyktest",
        organisation="SamJournal packaging",
        passphrase=PASSPHRASE,
        policy=Policy(municipality="Trondheim"),
        cost=SMOKE_ONLY_KDF_COST,
    ).workspace
    try:
        section = journal.evaluation
        section.import_study(outdir / "evaluator" / "study.json")
        # k is at least 5 (the journal's floor): four more consenting households beside the one.
        for i, year in enumerate((1981, 1983, 1986, 1988)):
            other = journal.families.create(f"Familien Studie {i}", district="Lade")
            journal.members.add(other.id, f"Voksen Studie {i}", birth_year=year)
        for row in journal.families.case_list():
            for person in journal.families.open(row.id).members:
                if not person.is_child:
                    journal.consents.give(
                        person.id, STUDY, letter_version="v1", method=ConsentMethod.WRITTEN
                    )
        result = section.export(STUDY, outdir / "bundles")
        # The evaluator registers the journal (its key read out by phone) before importing.
        register(workspace, journal.journal_id, section.public_key(), "Røyktest, team Smoke")
        reports = import_bundles(workspace, [result.path])
        check(reports[0].status == "stored", reports[0].lines())
    finally:
        workspace.close()
    say(f"smoke: evaluation bundle {result.path.name} exported, decrypted and verified")


def check_about(journal: Journal, say: Say) -> None:
    from ui.about import AboutDialog, journal_facts

    dialog = AboutDialog(journal_facts(journal))
    text = dialog.licence_text()
    for needle in ("LGPL", "DejaVu", "SQLCipher", "Bitstream"):
        check(needle in text, f"the About box lacks {needle}")
    dialog.close()
    say("smoke: About box shows version, licences and fingerprints")


def open_main_window(journal: Journal, outdir: Path, say: Say) -> None:
    """Build the real main window offscreen on the journal, let it load, close it (locks)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.prefs import Prefs
    from ui.session import Session
    from ui.worker import DbWorker

    worker = DbWorker()
    try:
        session = Session(journal, worker, settings=journal.settings())
        prefs = Prefs(QSettings(str(outdir / "prefs.ini"), QSettings.Format.IniFormat))
        window = MainWindow(session, prefs)
        window.show()
        window.start()
        deadline = time.monotonic() + 20
        while not window.cases.loaded and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        check(window.cases.loaded, "the case list did not load")
        rows = window.cases.proxy.rowCount()
        window.close()
        QApplication.processEvents()
    finally:
        worker.stop()
    check(journal.locked, "closing the window did not lock the journal")
    say(f"smoke: main window opened offscreen ({rows} case), closed, journal locked")
