"""The main window's actions, declared once in a table, and the menus built from it.

Each row names an action, its text, shortcut and typed handler, and whether it needs an open
family or a team lead; `build_menus` turns the rows into QActions (in the window too, so the
shortcuts work while the menu bar is hidden) and enables them as the page and lock change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ui.about import show_about
from ui.dialogs.profile import open_my_profile
from ui.dialogs.service_contact import open_service_contact

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from ui.family.view import FamilyView
    from ui.main_window import MainWindow

Shortcut = QKeySequence.StandardKey | str
Handler = Callable[["MainWindow"], object]

FILE, VIEW, LANGUAGE, FAMILY, LEAD, HELP = "file", "view", "language", "family", "lead", "help"
# Languages by their own names, never translated.
LANGUAGES = (("nb", "Norsk bokmål"), ("en", "English"))


@dataclass(frozen=True, slots=True)
class Action:
    name: str
    menu: str
    text: str
    handler: Handler
    shortcut: Shortcut | None = None
    family_only: bool = False  # needs an open family
    off_cases: bool = False  # needs a page shown instead of the case list (family, approvals)
    teamlead_only: bool = False  # left out of a caseworker's window altogether
    while_locked: bool = False  # stays enabled while the journal is locked
    separator_before: bool = False
    checked: Callable[[MainWindow], bool] | None = None  # checkable, with its state at start


def on_family(
    run: Callable[[FamilyView], object], tab: Callable[[FamilyView], QWidget] | None = None
) -> Handler:
    """A family action: to the tab that owns it (if any), then run it on the family
    (`with_family`)."""

    def act(view: FamilyView) -> None:
        if tab is not None:
            view.tabs.setCurrentWidget(tab(view))
        run(view)

    return lambda window: with_family(window, act)


def with_family(window: MainWindow, act: Callable[[FamilyView], object]) -> None:
    """Run `act` on the open family; on the case list, on the one family selected there, opened
    first (the action runs once it is shown): a family's shortcut works from the list too."""
    view = window.family
    page = window.pages.currentWidget()
    if page is view and view.data is not None:
        act(view)
    elif page is window.cases and (row := window.cases.chosen_family()) is not None:
        window.show_family(row.id)
        view.when_shown(row.id, act)


def menu_titles() -> dict[str, str]:
    return {
        FILE: translate("Menus", "&File"),
        VIEW: translate("Menus", "&View"),
        LANGUAGE: translate("Menus", "&Language"),
        FAMILY: translate("Menus", "F&amily"),
        LEAD: translate("Menus", "&Team lead"),
        HELP: translate("Menus", "&Help"),
    }


def actions(W: type[MainWindow]) -> tuple[Action, ...]:
    """Every action of the main window, in menu order (texts in the installed language). `W`:
    the window's class, whose methods are the handlers (given, not imported: it imports this
    module)."""
    std = QKeySequence.StandardKey
    tab_titles = (
        translate("Menus", "Overview"),
        translate("Menus", "Meetings"),
        translate("Menus", "Needs"),
        translate("Menus", "Payments"),
        translate("Menus", "Check-ins"),
        translate("Menus", "Consents"),
        translate("Menus", "History"),
    )
    # fmt: off
    return (
        Action("new_family", FILE, translate("Menus", "&New family…"), W.new_family, std.New),
        Action("lock", FILE, translate("Menus", "&Lock"), W.lock, "Ctrl+L", while_locked=True,
               separator_before=True),
        Action("change_passphrase", FILE, translate("Menus", "Change &passphrase…"),
               W.change_passphrase),
        Action("my_profile", FILE, translate("Menus", "&My profile…"), open_my_profile),
        Action("sign_out", FILE, translate("Menus", "Sign &out"), W.sign_out),
        Action("quit", FILE, translate("Menus", "&Quit"), W.close, std.Quit, while_locked=True,
               separator_before=True),
        Action("cases", VIEW, translate("Menus", "&Case list"), W.show_cases, "Ctrl+1"),
        Action("search", VIEW, translate("Menus", "&Search"), W.focus_search, std.Find),
        Action("back", VIEW, translate("Menus", "&Back to the case list"), W.show_cases,
               "Alt+Left", off_cases=True),
        Action("reload", VIEW, translate("Menus", "&Reload"), W.reload, std.Refresh),
        *(
            Action(f"lang_{code}", LANGUAGE, name,
                   partial(_request_language, code=code), while_locked=True,
                   checked=partial(_language_is, code=code))
            for code, name in LANGUAGES
        ),
        Action("norwegian_formats", VIEW, translate("Menus", "&Norwegian dates and amounts"),
               _toggle_formats, checked=lambda w: w.prefs.norwegian_formats),
        Action("edit_family", FAMILY, translate("Menus", "&Edit family…"),
               on_family(lambda v: v.edit_family()), "Ctrl+E", family_only=True),
        Action("add_member", FAMILY, translate("Menus", "Add &member…"),
               on_family(lambda v: v.overview.add_member(), lambda v: v.overview),
               "Ctrl+Shift+M", family_only=True),
        Action("record_meeting", FAMILY, translate("Menus", "&Record meeting…"),
               on_family(lambda v: v.meetings.record_meeting(), lambda v: v.meetings),
               "Ctrl+R", family_only=True),
        Action("raise_need", FAMILY, translate("Menus", "Raise &need…"),
               on_family(lambda v: v.needs.raise_need(), lambda v: v.needs),
               "Ctrl+Shift+N", family_only=True),
        Action("propose_payment", FAMILY, translate("Menus", "&Propose payment…"),
               on_family(lambda v: v.payments.propose(), lambda v: v.payments),
               "Ctrl+Shift+P", family_only=True),
        Action("record_checkin", FAMILY, translate("Menus", "Record check-&in…"),
               on_family(lambda v: v.checkins.record_checkin(), lambda v: v.checkins),
               "Ctrl+Shift+K", family_only=True),
        Action("record_consent", FAMILY, translate("Menus", "Record &consent…"),
               on_family(lambda v: v.consents.give(), lambda v: v.consents),
               family_only=True),
        Action("family_copy", FAMILY, translate("Menus", "Family c&opy…"),
               on_family(lambda v: v.family_copy()), std.Print, family_only=True,
               separator_before=True),
        Action("case_summary", FAMILY, translate("Menus", "Case &summary…"),
               on_family(lambda v: v.case_summary()), "Ctrl+Shift+S", family_only=True,
               teamlead_only=True),
        Action("access_log", FAMILY, translate("Menus", "&Access log…"),
               on_family(lambda v: v.access_log()), "Ctrl+Shift+L", family_only=True,
               teamlead_only=True),
        Action("erase_family", FAMILY, translate("Menus", "Erase famil&y…"),
               on_family(lambda v: v.erase_family()), family_only=True,
               teamlead_only=True),
        Action("hand_over", FAMILY, translate("Menus", "Hand over to another &journal…"),
               W.hand_over_family, family_only=True, teamlead_only=True),
        *(
            Action(f"tab_{index}", FAMILY, title, partial(W.show_tab, index=index),
                   f"Alt+{index + 1}", family_only=True, separator_before=index == 0)
            for index, title in enumerate(tab_titles)
        ),
        Action("approvals", LEAD, translate("Menus", "&Approvals"), W.show_approvals,
               "Ctrl+2", teamlead_only=True),
        Action("portfolio", LEAD, translate("Menus", "&Portfolio report…"),
               W.portfolio_report, "Ctrl+Shift+R", teamlead_only=True,
               separator_before=True),
        Action("batch_print", LEAD, translate("Menus", "Print &case summaries…"),
               W.batch_print, "Ctrl+Shift+B", teamlead_only=True),
        Action("purge_list", LEAD, translate("Menus", "Cases due for pur&ge…"), W.purge_list,
               teamlead_only=True),
        Action("users", LEAD, translate("Menus", "&Users…"), W.manage_users, "Ctrl+Shift+U",
               teamlead_only=True, separator_before=True),
        Action("settings", LEAD, translate("Menus", "Journal &settings…"), W.journal_settings,
               std.Preferences, teamlead_only=True),
        Action("service_contact", LEAD, translate("Menus", "Contact details for &families…"),
               open_service_contact, teamlead_only=True),
        Action("verify_audit", LEAD, translate("Menus", "&Verify the audit log"),
               W.verify_audit, teamlead_only=True),
        Action("export_study", LEAD, translate("Menus", "&Export to study…"), W.export_to_study,
               "Ctrl+Shift+E", teamlead_only=True, separator_before=True),
        Action("export_history", LEAD, translate("Menus", "Export &history…"),
               W.export_history, "Ctrl+Shift+H", teamlead_only=True),
        Action("import_study", LEAD, translate("Menus", "&Import study profile…"),
               W.import_study_profile, "Ctrl+Shift+I", teamlead_only=True),
        Action("receive_family", LEAD, translate("Menus", "&Receive a family…"),
               W.receive_family, teamlead_only=True, separator_before=True),
        Action("handover_receipt", LEAD, translate("Menus", "Register handover receip&t…"),
               W.register_handover_receipt, teamlead_only=True),
        Action("handover_peers", LEAD, translate("Menus", "Journals for hand&over…"),
               W.handover_peers, teamlead_only=True),
        Action("shortcuts", HELP, translate("Menus", "&Keyboard shortcuts"), W.show_shortcuts, "F1",
               while_locked=True),
        Action("about", HELP, translate("Menus", "&About SamJournal"),
               lambda w: show_about(w.session, w), while_locked=True),
    )
    # fmt: on


def build_menus(window: MainWindow) -> None:
    """The menu bar from `actions()`, leaving out what the signed-in user may not do."""
    titles = menu_titles()
    menus: dict[str, QMenu] = {}
    language_group = QActionGroup(window)
    for spec in actions(type(window)):
        if spec.teamlead_only and not window.session.is_teamlead:
            continue
        menu = menus.get(spec.menu)
        if menu is None:
            parent = menus[VIEW] if spec.menu == LANGUAGE else window.menuBar()
            if spec.menu == LANGUAGE:
                menus[VIEW].addSeparator()
            menu = menus[spec.menu] = parent.addMenu(titles[spec.menu])
        if spec.separator_before:
            menu.addSeparator()
        action = QAction(spec.text, window)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.checked is not None:
            action.setCheckable(True)
            action.setChecked(spec.checked(window))
        if spec.menu == LANGUAGE:
            language_group.addAction(action)
        action.triggered.connect(partial(_run, spec.handler, window))
        menu.addAction(action)
        window.addAction(action)  # shortcuts work while the menu bar is hidden too
        window.actions_by_name[spec.name] = action
        window.action_specs[spec.name] = spec
    window.actions_by_name["norwegian_formats"].setToolTip(
        QCoreApplication.translate(
            "Menus", "05.12.2026 and 12 000,00 kr in every language; off: the language's own"
        )
    )


def update_enabled(window: MainWindow, *, locked: bool, page: QWidget | None) -> None:
    on_cases = page is window.cases
    on_family = page is window.family or (on_cases and window.cases.chosen_family() is not None)
    for name, action in window.actions_by_name.items():
        spec = window.action_specs[name]
        if not spec.while_locked:
            action.setEnabled(
                not locked
                and (on_family or not spec.family_only)
                and (not on_cases or not spec.off_cases)
            )


def _run(handler: Handler, window: MainWindow, _checked: bool = False) -> None:
    handler(window)


def _request_language(window: MainWindow, code: str) -> None:
    window.language_requested.emit(code)


def _language_is(window: MainWindow, code: str) -> bool:
    return window.prefs.language == code


def _toggle_formats(window: MainWindow) -> None:
    window.set_norwegian_formats(window.actions_by_name["norwegian_formats"].isChecked())
