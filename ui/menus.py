"""The main window's menus: every action reachable from the keyboard, with its shortcut."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from ui.about import show_about
from ui.dialogs.service_contact import open_service_contact

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    actions = window.actions_by_name

    def add(
        menu: QMenu,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        *,
        family_only: bool = False,
    ) -> QAction:
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        action.setProperty("family_only", family_only)
        menu.addAction(action)
        window.addAction(action)  # shortcuts work while the menu bar is hidden too
        actions[name] = action
        return action

    file_menu = bar.addMenu(QCoreApplication.translate("Menus", "&File"))
    add(
        file_menu,
        "new_family",
        QCoreApplication.translate("Menus", "&New family…"),
        window.new_family,
        QKeySequence.StandardKey.New,
    )
    file_menu.addSeparator()
    add(file_menu, "lock", QCoreApplication.translate("Menus", "&Lock"), window.lock, "Ctrl+L")
    add(
        file_menu,
        "change_passphrase",
        QCoreApplication.translate("Menus", "Change &passphrase…"),
        window.change_passphrase,
    )
    file_menu.addSeparator()
    add(
        file_menu,
        "quit",
        QCoreApplication.translate("Menus", "&Quit"),
        window.close,
        QKeySequence.StandardKey.Quit,
    )

    view_menu = bar.addMenu(QCoreApplication.translate("Menus", "&View"))
    add(
        view_menu,
        "cases",
        QCoreApplication.translate("Menus", "&Case list"),
        window.show_cases,
        "Ctrl+1",
    )
    add(
        view_menu,
        "search",
        QCoreApplication.translate("Menus", "&Search"),
        window.focus_search,
        QKeySequence.StandardKey.Find,
    )
    add(
        view_menu,
        "back",
        QCoreApplication.translate("Menus", "&Back to the case list"),
        window.show_cases,
        "Alt+Left",
        family_only=True,
    )
    add(
        view_menu,
        "reload",
        QCoreApplication.translate("Menus", "&Reload"),
        window.reload,
        QKeySequence.StandardKey.Refresh,
    )
    view_menu.addSeparator()
    language_menu = view_menu.addMenu(QCoreApplication.translate("Menus", "&Language"))
    group = QActionGroup(window)
    for code, name in (("nb", "Norsk bokmål"), ("en", "English")):
        action = add(
            language_menu, f"lang_{code}", name, partial(window.language_requested.emit, code)
        )
        action.setCheckable(True)
        action.setChecked(window.prefs.language == code)
        group.addAction(action)
    formats = add(
        view_menu,
        "norwegian_formats",
        QCoreApplication.translate("Menus", "&Norwegian dates and amounts"),
        lambda: window.set_norwegian_formats(actions["norwegian_formats"].isChecked()),
    )
    formats.setCheckable(True)
    formats.setChecked(window.prefs.norwegian_formats)
    formats.setToolTip(
        QCoreApplication.translate(
            "Menus", "05.12.2026 and 12 000,00 kr in every language; off: the language's own"
        )
    )

    family_menu = bar.addMenu(QCoreApplication.translate("Menus", "F&amily"))
    add(
        family_menu,
        "edit_family",
        QCoreApplication.translate("Menus", "&Edit family…"),
        lambda: window.family_action("edit_family"),
        "Ctrl+E",
        family_only=True,
    )
    add(
        family_menu,
        "add_member",
        QCoreApplication.translate("Menus", "Add &member…"),
        lambda: window.family_action("add_member"),
        "Ctrl+Shift+M",
        family_only=True,
    )
    add(
        family_menu,
        "record_meeting",
        QCoreApplication.translate("Menus", "&Record meeting…"),
        lambda: window.family_action("record_meeting"),
        "Ctrl+R",
        family_only=True,
    )
    add(
        family_menu,
        "raise_need",
        QCoreApplication.translate("Menus", "Raise &need…"),
        lambda: window.family_action("raise_need"),
        "Ctrl+Shift+N",
        family_only=True,
    )
    add(
        family_menu,
        "propose_payment",
        QCoreApplication.translate("Menus", "&Propose payment…"),
        lambda: window.family_action("propose_payment"),
        "Ctrl+Shift+P",
        family_only=True,
    )
    add(
        family_menu,
        "record_checkin",
        QCoreApplication.translate("Menus", "Record check-&in…"),
        lambda: window.family_action("record_checkin"),
        "Ctrl+Shift+K",
        family_only=True,
    )
    add(
        family_menu,
        "record_consent",
        QCoreApplication.translate("Menus", "Record &consent…"),
        lambda: window.family_action("record_consent"),
        family_only=True,
    )
    family_menu.addSeparator()
    add(
        family_menu,
        "family_copy",
        QCoreApplication.translate("Menus", "Family c&opy…"),
        lambda: window.family_action("family_copy"),
        QKeySequence.StandardKey.Print,
        family_only=True,
    )
    if window.session.is_teamlead:
        add(
            family_menu,
            "case_summary",
            QCoreApplication.translate("Menus", "Case &summary…"),
            lambda: window.family_action("case_summary"),
            "Ctrl+Shift+S",
            family_only=True,
        )
        add(
            family_menu,
            "access_log",
            QCoreApplication.translate("Menus", "&Access log…"),
            lambda: window.family_action("access_log"),
            "Ctrl+Shift+L",
            family_only=True,
        )
        add(
            family_menu,
            "erase_family",
            QCoreApplication.translate("Menus", "Erase famil&y…"),
            lambda: window.family_action("erase_family"),
            family_only=True,
        )
    family_menu.addSeparator()
    tabs = (
        QCoreApplication.translate("Menus", "Overview"),
        QCoreApplication.translate("Menus", "Meetings"),
        QCoreApplication.translate("Menus", "Needs"),
        QCoreApplication.translate("Menus", "Payments"),
        QCoreApplication.translate("Menus", "Check-ins"),
        QCoreApplication.translate("Menus", "Consents"),
        QCoreApplication.translate("Menus", "History"),
    )
    for index, title in enumerate(tabs):
        add(
            family_menu,
            f"tab_{index}",
            title,
            partial(window.show_tab, index),
            f"Alt+{index + 1}",
            family_only=True,
        )

    if window.session.is_teamlead:
        lead_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Team lead"))
        add(
            lead_menu,
            "approvals",
            QCoreApplication.translate("Menus", "&Approvals"),
            window.show_approvals,
            "Ctrl+2",
        )
        lead_menu.addSeparator()
        add(
            lead_menu,
            "portfolio",
            QCoreApplication.translate("Menus", "&Portfolio report…"),
            window.portfolio_report,
            "Ctrl+Shift+R",
        )
        add(
            lead_menu,
            "batch_print",
            QCoreApplication.translate("Menus", "Print &case summaries…"),
            window.batch_print,
            "Ctrl+Shift+B",
        )
        add(
            lead_menu,
            "purge_list",
            QCoreApplication.translate("Menus", "Cases due for pur&ge…"),
            window.purge_list,
        )
        lead_menu.addSeparator()
        add(
            lead_menu,
            "users",
            QCoreApplication.translate("Menus", "&Users…"),
            window.manage_users,
            "Ctrl+Shift+U",
        )
        add(
            lead_menu,
            "settings",
            QCoreApplication.translate("Menus", "Journal &settings…"),
            window.journal_settings,
            QKeySequence.StandardKey.Preferences,
        )
        add(
            lead_menu,
            "service_contact",
            QCoreApplication.translate("Menus", "Contact details for &families…"),
            partial(open_service_contact, window),
        )
        add(
            lead_menu,
            "verify_audit",
            QCoreApplication.translate("Menus", "&Verify the audit log"),
            window.verify_audit,
        )
        lead_menu.addSeparator()
        add(
            lead_menu,
            "export_study",
            QCoreApplication.translate("Menus", "&Export to study…"),
            window.export_to_study,
            "Ctrl+Shift+E",
        )
        add(
            lead_menu,
            "export_history",
            QCoreApplication.translate("Menus", "Export &history…"),
            window.export_history,
            "Ctrl+Shift+H",
        )
        add(
            lead_menu,
            "import_study",
            QCoreApplication.translate("Menus", "&Import study profile…"),
            window.import_study_profile,
            "Ctrl+Shift+I",
        )

    help_menu = bar.addMenu(QCoreApplication.translate("Menus", "&Help"))
    add(
        help_menu,
        "shortcuts",
        QCoreApplication.translate("Menus", "&Keyboard shortcuts"),
        lambda: _info(
            window,
            QCoreApplication.translate("Menus", "Keyboard shortcuts"),
            window.shortcut_text(),
        ),
        "F1",
    )
    add(
        help_menu,
        "about",
        QCoreApplication.translate("Menus", "&About SamJournal"),
        lambda: show_about(window.session, window),
    )


def _info(window: MainWindow, title: str, text: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, window
    )
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("Menus", "Close"))
    box.open()
