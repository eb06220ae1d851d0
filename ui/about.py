"""The About box: version, the licences of what the program bundles, the journal's fingerprints.

The fingerprints let two people (or IT and a caseworker) check over the phone that they mean the
same journal and the same set of keys without reading anything secret aloud. They are read on
the database worker (`journal_facts`), then shown; the box itself touches no journal.
"""

from __future__ import annotations

import html
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from samjournal import __version__
from samjournal.folder import JournalFolder
from samjournal.reports.fonts import font_dir
from ui.widgets import Dialog

if TYPE_CHECKING:
    from samjournal.journal import Journal
    from ui.session import Session

LGPL = "https://www.gnu.org/licenses/lgpl-3.0.html"
QT_SOURCE = "https://download.qt.io/official_releases/qt/"
PYSIDE_SOURCE = "https://download.qt.io/official_releases/QtForPython/"


@dataclass(frozen=True, slots=True)
class JournalFacts:
    """What the About box shows about the open journal; nothing in it is secret."""

    journal_id: str
    keyring_fingerprint: str
    cipher_version: str


def journal_facts(journal: Journal) -> JournalFacts:
    """Read on the worker: it queries the database and reads the keyring file."""
    facts = journal.facts()
    keyring = JournalFolder(journal.path).keyring()
    return JournalFacts(facts.journal_id, keyring.fingerprint(), facts.cipher_version)


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    version: str
    licence: str
    url: str  # the project, or where its source is (what the LGPL asks for)


def _version(distribution: str) -> str:
    # The frozen build copies these distributions' metadata (packaging/samjournal.spec).
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def components(cipher_version: str = "") -> list[Component]:
    """Everything the installed program bundles, with the licence it is used under."""
    python = sys.version.split()[0]
    found = [
        Component("Python", python, "PSF-2.0", "https://docs.python.org/3/license.html"),
        Component("Qt", qVersion(), "LGPL-3.0", QT_SOURCE),
        Component("PySide6, Shiboken6", _version("shiboken6"), "LGPL-3.0", PYSIDE_SOURCE),
        Component(
            "SQLCipher (with SQLite)",
            cipher_version,
            "BSD-3-Clause (SQLite: public domain)",
            "https://github.com/sqlcipher/sqlcipher",
        ),
        Component(
            "sqlcipher3", _version("sqlcipher3"), "zlib", "https://github.com/coleifer/sqlcipher3"
        ),
        Component(
            "OpenSSL (in sqlcipher3 and cryptography)",
            "",
            "Apache-2.0",
            "https://openssl-library.org/source/",
        ),
        Component(
            "cryptography",
            _version("cryptography"),
            "Apache-2.0 OR BSD-3-Clause",
            "https://github.com/pyca/cryptography",
        ),
        Component("cffi", _version("cffi"), "MIT-0", "https://github.com/python-cffi/cffi"),
        Component("reportlab", _version("reportlab"), "BSD-3-Clause", "https://www.reportlab.com/"),
        Component("pyrage", _version("pyrage"), "MIT", "https://github.com/woodruffw/pyrage"),
        Component(
            "platformdirs",
            _version("platformdirs"),
            "MIT",
            "https://github.com/tox-dev/platformdirs",
        ),
        Component("Pillow", _version("pillow"), "MIT-CMU", "https://python-pillow.github.io/"),
        Component(
            "charset-normalizer",
            _version("charset-normalizer"),
            "MIT",
            "https://github.com/jawah/charset_normalizer",
        ),
        Component("DejaVu fonts", "", "Bitstream Vera licence", "https://dejavu-fonts.github.io/"),
        Component("Noto Sans fonts", "", "OFL-1.1", "https://notofonts.github.io/"),
        Component(
            "uharfbuzz (HarfBuzz)",
            _version("uharfbuzz"),
            "Apache-2.0 (HarfBuzz: MIT)",
            "https://github.com/harfbuzz/uharfbuzz",
        ),
        Component(
            "python-bidi",
            _version("python-bidi"),
            "LGPL-3.0-or-later",
            "https://github.com/MeirKriheli/python-bidi",
        ),
        Component(
            "pikepdf (qpdf)",
            _version("pikepdf"),
            "MPL-2.0 (qpdf: Apache-2.0)",
            "https://github.com/pikepdf/pikepdf",
        ),
        Component("lxml", _version("lxml"), "BSD-3-Clause", "https://lxml.de/"),
        Component(
            "packaging",
            _version("packaging"),
            "Apache-2.0 OR BSD-2-Clause",
            "https://github.com/pypa/packaging",
        ),
    ]
    if getattr(sys, "frozen", False) and sys.platform.startswith("linux"):
        # A Linux build carries the build machine's libraries that Qt needs (glib, ICU, xcb...).
        found.append(
            Component(
                "Linux system libraries",
                "",
                "each its own free licence",
                "https://sources.debian.org/",
            )
        )
    return found


def fonts_licence() -> str:
    """DejaVu's licence, then the Open Font License of the Noto faces that reports fall back to."""
    texts = []
    for name in ("LICENSE", "OFL.txt"):
        try:
            texts.append((font_dir() / name).read_text(encoding="utf-8"))
        except OSError:
            continue
    return "\n\n".join(texts)


def licences_folder() -> Path | None:
    """The full licence texts a frozen build carries (`resources/licenses`), when present."""
    folder = font_dir().parent / "licenses"
    return folder if folder.is_dir() else None


class AboutDialog(Dialog):
    def __init__(self, facts: JournalFacts | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About SamJournal"))
        self.resize(680, 600)
        layout = QVBoxLayout(self)

        title = QLabel(self.tr("SamJournal %1").replace("%1", __version__))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        title.setAccessibleName(self.tr("Program version"))
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(title)
        about = QLabel(
            self.tr(
                "An encrypted case journal for trust-based, co-created family support."
                " SamJournal is free software under the EUPL-1.2."
            )
        )
        about.setWordWrap(True)
        layout.addWidget(about)

        layout.addWidget(self._journal_box(facts))

        self.licences = QTextBrowser()
        self.licences.setOpenExternalLinks(True)
        self.licences.setAccessibleName(self.tr("Licences of the bundled components"))
        self.licences.setHtml(self._licences_html(facts.cipher_version if facts else ""))
        layout.addWidget(self.licences, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _journal_box(self, facts: JournalFacts | None) -> QGroupBox:
        box = QGroupBox(self.tr("This journal"))
        form = QFormLayout(box)
        if facts is None:
            form.addRow(QLabel(self.tr("No journal is open.")))
            return box
        for label, value in (
            (self.tr("Journal id"), facts.journal_id),
            (self.tr("Key fingerprint"), facts.keyring_fingerprint),
        ):
            field = QLabel(value)
            field.setTextFormat(Qt.TextFormat.PlainText)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setAccessibleName(label)
            form.addRow(label + ":", field)
        return box

    def _licences_html(self, cipher_version: str) -> str:
        esc = html.escape
        rows = "".join(
            f"<tr><td>{esc(c.name)}</td><td>{esc(c.version)}</td><td>{esc(c.licence)}</td>"
            f'<td><a href="{esc(c.url)}">{esc(c.url)}</a></td></tr>'
            for c in components(cipher_version)
        )
        lgpl = (
            self.tr(
                "Qt and PySide6 are used under the GNU LGPL version 3 (%1). They are separate"
                " libraries in the program folder, and you may replace them with your own build"
                " of the same version. Their source code is at %2 and %3."
            )
            .replace("%1", f'<a href="{LGPL}">{LGPL}</a>')
            .replace("%2", f'<a href="{QT_SOURCE}">{QT_SOURCE}</a>')
            .replace("%3", f'<a href="{PYSIDE_SOURCE}">{PYSIDE_SOURCE}</a>')
        )
        folder = licences_folder()
        texts = (
            self.tr("The full licence texts are in %1.").replace("%1", esc(str(folder)))
            if folder
            else ""
        )
        header = "".join(
            f"<th align='left'>{esc(h)}</th>"
            for h in (
                self.tr("Component"),
                self.tr("Version"),
                self.tr("Licence"),
                self.tr("Where"),
            )
        )
        bundled = self.tr("Bundled components")  # outside the f-string, where lupdate sees it
        fonts = self.tr("DejaVu fonts licence")
        return (
            f"<h3>{esc(bundled)}</h3>"
            f"<table cellspacing='4'><tr>{header}</tr>{rows}</table>"
            f"<p>{lgpl}</p><p>{texts}</p>"
            f"<h3>{esc(fonts)}</h3>"
            f"<pre>{esc(fonts_licence())}</pre>"
        )

    def licence_text(self) -> str:
        return self.licences.toPlainText()


def show_about(session: Session | None, parent: QWidget) -> None:
    """Help > About: read the journal's fingerprints on the worker, then open the box."""

    def show(facts: JournalFacts | None) -> None:
        dialog = AboutDialog(facts, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    if session is None or session.locked:
        show(None)
        return
    session.submit(journal_facts, show, lambda _error: show(None), context=parent)
