"""The demo journal can be exported from, end to end: made as `make run` makes it, the team lead
runs the export wizard to a bundle, and the demo's evaluator workspace beside it stores it. A
demo made before it had a workspace gets one at the team lead's sign-in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from samjournal.demo import DEMO_CASEWORKERS, DEMO_LEAD, DEMO_PASSPHRASE, create_demo_journal
from samjournal.demo.constants import DEMO_EVALUATOR_PASSPHRASE, DEMO_STUDY
from samjournal.demo.evaluator import workspace_beside
from samjournal.errors import StorageFailed
from samjournal.evaluation.evaluator import Workspace, import_bundles
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.messages import keyed
from tests.ui.conftest import TIMEOUT, unlock_in
from ui import app as app_module
from ui.app import App
from ui.export import open_export_wizard
from ui.export.labels import table
from ui.main_window import MainWindow


def start_demo(qtbot: QtBot, app: App, user: str) -> MainWindow:
    app.start(demo=True)
    qtbot.waitUntil(lambda: app.unlock_dialog is not None, timeout=60_000)
    assert app.unlock_dialog is not None
    return unlock_in(qtbot, app, app.unlock_dialog, user, DEMO_PASSPHRASE)


def studies(path: Path) -> dict[str, str | None]:
    journal = Journal.open(path, DEMO_LEAD[0], DEMO_PASSPHRASE)
    try:
        return {s.id: s.fingerprint for s in journal.evaluation.studies()}
    finally:
        journal.lock()


def test_the_demo_lead_exports_a_bundle_the_demo_workspace_stores(
    qtbot: QtBot, make_app: Callable[..., App], tmp_path: Path
) -> None:
    app = make_app("en")
    app.demo_families = 20  # enough consenting households for the study's k = 5
    window = start_demo(qtbot, app, DEMO_LEAD[0])
    workspace = workspace_beside(tmp_path / "demo")
    assert (workspace / "study.json").exists()
    assert not list(tmp_path.glob("*.partial"))

    wizard = open_export_wizard(window.session, window)
    assert wizard is not None
    page = wizard.study_page
    qtbot.waitUntil(lambda: page.loaded, timeout=TIMEOUT)
    [study] = page.model.rows()
    assert (study.id, study.ready) == (DEMO_STUDY[0], True)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.review_page, timeout=TIMEOUT)
    # Every table of the study is in "The bundle", those held back whole too (review s30).
    review = wizard.review_page.flow.review
    assert review is not None
    bundle = wizard.review_page.values["rows"].text().splitlines()
    shown = [line.split(":")[0] for line in bundle]
    assert {table(t) for t in ("households", *review.policy.tables)} <= set(shown), bundle
    wizard.next()
    usb = tmp_path / "USB"
    usb.mkdir()
    wizard.destination_page.path.setText(str(usb))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=TIMEOUT)
    [bundle] = usb.iterdir()
    wizard.accept()

    with Workspace.open(workspace, DEMO_EVALUATOR_PASSPHRASE) as ws:
        [report] = import_bundles(ws, [bundle])
    assert report.status == "stored", report.lines("en")
    assert report.receipt is not None
    assert report.receipt.exists()


def test_an_older_demo_gets_its_workspace_when_the_lead_signs_in(
    qtbot: QtBot, make_app: Callable[..., App], tmp_path: Path
) -> None:
    demo = tmp_path / "demo"
    create_demo_journal(demo, families=3, cost=TEST_COST).lock()  # as an older version made it
    workspace = workspace_beside(demo)
    app = make_app("en")
    window = start_demo(qtbot, app, DEMO_CASEWORKERS[0][0])
    assert not workspace.exists()  # a caseworker cannot import a study profile
    assert studies(demo) == {DEMO_STUDY[0]: None}
    window.close()
    app.stop()

    app = make_app("en")
    start_demo(qtbot, app, DEMO_LEAD[0])
    with Workspace.open(workspace, DEMO_EVALUATOR_PASSPHRASE) as ws:
        assert studies(demo) == {DEMO_STUDY[0]: ws.profile.fingerprint}


def test_a_workspace_that_cannot_be_made_leaves_the_demo_to_open(
    qtbot: QtBot, make_app: Callable[..., App], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(journal: Journal, path: Path) -> None:
        raise keyed(StorageFailed, "could_write_identity_file")

    monkeypatch.setattr(app_module, "create_demo_workspace", full_disk)
    monkeypatch.setattr(app_module, "add_demo_workspace", full_disk)
    start_demo(qtbot, make_app("en"), DEMO_LEAD[0])
    assert (tmp_path / "demo" / "keyring.json").exists()
    assert not workspace_beside(tmp_path / "demo").exists()


def test_cancel_stops_making_the_demo_after_the_current_family(
    qtbot: QtBot, make_app: Callable[..., App], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancel said "Stopping after the current step…" and then made every family before
    throwing the journal away (helper's review): it now stops after the family being made."""
    made: list[int] = []
    real = app_module.create_demo_journal

    def counted(*args: object, progress: Callable[[int, int], None], **kw: object) -> Journal:
        def seen(done: int, total: int) -> None:
            made.append(done)
            progress(done, total)

        return real(*args, progress=seen, **kw)  # type: ignore[arg-type]

    quit_asked: list[bool] = []
    monkeypatch.setattr(app_module, "create_demo_journal", counted)
    monkeypatch.setattr(app_module.QCoreApplication, "quit", lambda: quit_asked.append(True))
    app = make_app("en")
    app.demo_families = 60
    app.start(demo=True)
    qtbot.waitUntil(lambda: bool(made), timeout=60_000)
    assert app.progress is not None
    app.progress.canceled.emit()  # as its Cancel button does
    qtbot.waitUntil(lambda: bool(quit_asked), timeout=60_000)
    assert len(made) < 60
    assert not (tmp_path / "demo").exists()
    assert not list(tmp_path.glob("demo*.partial"))
