"""After any sequence of adds, edits (a payment paid: its item's month moves; a case closed: its
household's fields change), consents, withdrawals and exports, the union of the study's bundles
holds k^m-anonymity, and no household is singled out by its fields and the month its case opened
(checked by the independent km_check.py after every export)."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal.evaluation.bundle import open_bundle
from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.tables import DATA_TABLES
from samjournal.journal import Journal
from samjournal.model import ConsentMethod, FamilyStatus, MeetingKind
from tests.samjournal.evaluation import km_check
from tests.samjournal.evaluation.conftest import LEAD, LEAD_PASS, STUDY, WS_PASS, World
from tests.samjournal.evaluation.test_km_union import _truth, first_case

STEPS = (
    "checkin",
    "meeting",
    "cancel",
    "pay",
    "close",
    "withdraw",
    "consent",
    "newcomer",
    "export",
    "full",
)


def _step(journal: Journal, world: World, step: str, pick: int, out: Path) -> Path | None:
    families = world.families
    family = families[pick % len(families)]
    if step == "checkin":
        for other in families[pick % 7 : pick % 7 + 5]:  # some alike, some alone
            journal.checkins.record(other, pick % 11)
    elif step == "meeting":
        journal.meetings.record(family, dt.datetime.now(dt.UTC), MeetingKind.PHONE)
    elif step == "cancel":
        for payment in journal.families.open(family).payments:
            if payment.status == "proposed":
                journal.payments.cancel(payment.id, "ikke nødvendig")
                break
    elif step == "pay":  # paid today: the payment's item moves from the month proposed
        for other in families[pick % 5 : pick % 5 + 1 + pick % 4]:
            for payment in journal.families.open(other).payments:
                if payment.status == "proposed":
                    journal.payments.approve(payment.id, over_budget_ok=True)
                    journal.payments.mark_paid(payment.id, "bilag 1")
                    break
    elif step == "close":  # its household moves to the closed cases' class
        journal.families.set_status(family, FamilyStatus.CLOSED)
    elif step == "withdraw":
        active = [c for c in journal.consents.for_family(family) if c.withdrawn_on is None]
        if active:
            journal.consents.withdraw(active[0].id)
    elif step in ("consent", "newcomer"):
        target = families[-1 - pick % 4] if step == "consent" else family
        for adult in world.adults[target]:
            if not any(
                c.withdrawn_on is None
                for c in journal.consents.for_family(target)
                if c.member_id == adult
            ):
                journal.consents.give(
                    adult, STUDY, letter_version="v1", method=ConsentMethod.WRITTEN
                )
    else:
        return journal.evaluation.export(STUDY, out, full=step == "full").path
    return None


@settings(max_examples=15, deadline=None)
@given(
    steps=st.lists(st.tuples(st.sampled_from(STEPS), st.integers(0, 1000)), min_size=2, max_size=7)
)
def test_any_sequence_keeps_the_union_k_m_anonymous(
    template_world: World, steps: list[tuple[str, int]]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(template_world.journal, root / "journal")
        shutil.copytree(template_world.workspace, root / "workspace")
        journal = Journal.open(root / "journal", LEAD, LEAD_PASS)
        paths = []
        try:
            paths.append(journal.evaluation.export(STUDY, root / "out").path)
            for step, pick in steps:
                made = _step(journal, template_world, step, pick, root / "out")
                if made is not None:
                    paths.append(made)
            paths.append(journal.evaluation.export(STUDY, root / "out").path)
            opened, counts = _truth(journal)
            first = first_case(journal)
            policy = journal.evaluation.profile(STUDY).policy
            # Which pseudonyms are one family (a withdrawn family given consent again comes
            # back under a new one): k counts families.
            family_of = dict(
                journal._require_open().db.tuples(
                    "SELECT pseudonym, family_id FROM evaluation_households"
                )
            )
        finally:
            journal.lock()
        with Workspace.open(root / "workspace", WS_PASS) as ws:
            bundles = [open_bundle(p.read_bytes(), ws.identities) for p in paths]
        union = km_check.Union(policy.tables)
        for bundle in bundles:
            union.add(bundle)
            found = km_check.check(
                union, opened, counts, policy.k, policy.m, family_of, first=first
            )
            assert found == []
            assert km_check.by_opening_month(union, opened, policy.k, first=first) == set()
            assert bundle.risk["protection"]["violations_left"] == 0
            assert bundle.risk["protection"]["opening_month_attack"]["households_singled_out"] == 0
            stones = {row[3] for row in bundle.tables["tombstones"] if row[2] == "households"}
            assert stones <= {"left"}  # no reason leaves with a household
            # A suppressed household's check-ins are starred with its row, never ahead of it,
            # and the report counts the rows the bundle stars (outside review s21).
            starred = {row[0] for row in bundle.tables["households"] if row[1] == "*"}
            role = DATA_TABLES["checkins"].header.index("respondent_role")
            told = {row[1] for row in bundle.tables.get("checkins", []) if row[role] == "*"}
            assert told <= starred
            assert bundle.risk["suppressed_households"] == len(starred)
