"""The About box: version, licences of the bundled components, the journal's fingerprints."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from samjournal import __version__
from samjournal.folder import JournalFolder
from samjournal.journal import Journal
from ui.about import AboutDialog, components, journal_facts, show_about
from ui.session import Session
from ui.worker import DbWorker


def labels(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_version_and_licences_without_a_journal(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert any(__version__ in text for text in labels(dialog))
    assert any("No journal is open" in text for text in labels(dialog))
    text = dialog.licence_text()
    for needle in (
        "Qt",
        "LGPL-3.0",
        "https://download.qt.io/official_releases/qt/",
        "https://download.qt.io/official_releases/QtForPython/",
        "SQLCipher",
        "BSD-3-Clause",
        "reportlab",
        "pyrage",
        "MIT",
        "cryptography",
        "Pillow",
        "MIT-CMU",
        "DejaVu",
        "Bitstream Vera",  # the fonts' licence text itself, from resources/fonts/LICENSE
    ):
        assert needle in text, needle


def test_every_component_has_a_licence_and_an_address() -> None:
    for component in components("4.6.0 community"):
        assert component.licence, component.name
        assert component.url.startswith("https://"), component.name
    versions = {c.name: c.version for c in components()}
    assert versions["reportlab"]  # read from the installed metadata (copied into the build)


def test_fingerprints_of_the_open_journal(qtbot: QtBot, lead: Journal) -> None:
    facts = journal_facts(lead)
    assert facts.journal_id == lead.facts().journal_id
    assert facts.keyring_fingerprint == JournalFolder(lead.path).keyring().fingerprint()
    assert facts.cipher_version
    dialog = AboutDialog(facts)
    qtbot.addWidget(dialog)
    shown = labels(dialog)
    assert facts.journal_id in shown
    assert facts.keyring_fingerprint in shown
    assert facts.cipher_version in dialog.licence_text()


def test_show_about_reads_the_fingerprints_on_the_worker(qtbot: QtBot, lead: Journal) -> None:
    worker = DbWorker()
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        session = Session(lead, worker)
        show_about(session, parent)
        dialogs: list[AboutDialog] = []

        def shown() -> bool:
            dialogs[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog)]
            return any(d.isVisible() for d in dialogs)

        qtbot.waitUntil(shown, timeout=5000)
        expected = JournalFolder(lead.path).keyring().fingerprint()
        assert any(expected in labels(d) for d in dialogs)
        for dialog in dialogs:
            dialog.close()
        session.close()
    finally:
        worker.stop()
