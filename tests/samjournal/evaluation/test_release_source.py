"""The plan's reads made once (release_source.Source) and the household lattice counted once
(generalise's memo): a release built on them is the release built on fresh reads, at every
point a levels search may measure; and nothing read is kept from one export to the next."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from samjournal.evaluation import release_source
from samjournal.evaluation.anonymise import (
    CATEGORY_LEVELS,
    NODES,
    category_level,
    category_loss,
    generalise,
    need_category_at,
    round_nok,
)
from samjournal.evaluation.levels import Levels
from samjournal.evaluation.release import Release, _households, build_release, household_node
from samjournal.evaluation.release_source import Source
from samjournal.evaluation.release_state import Registry
from samjournal.evaluation.tables import SUPPRESSED
from samjournal.journal import Journal
from samjournal.kinds import NEED_GROUP, MeetingKind, NeedCategory, NeedGroup, NeedStatus
from samjournal.model import NeedDraft
from samjournal.money import Money
from tests.samjournal.evaluation.conftest import STUDY, World

# A linked row's or a respondent's pseudonym: random per registry.
_PSEUDONYM = re.compile(r"(?<![^,])[mnr][A-Za-z0-9_-]{16}(?![^,])")


def _view(release: Release) -> tuple[Any, ...]:
    """The release by record, pseudonyms aside."""
    lines = {
        table: sorted((line.key, _PSEUDONYM.sub("*", line.sent.content)) for line in rows)
        for table, rows in release.lines.items()
    }
    general = release.generalised
    summary = release.summary
    return (
        lines,
        general.node,
        general.released,
        general.suppressed,
        (summary.amounts, summary.amounts_top_coded, summary.budgets_top_coded),
        release.gate,
    )


def test_shared_reads_build_the_release_fresh_reads_build_at_every_point(lead: Journal) -> None:
    db = lead._require_open().db
    policy = lead.evaluation.profile(STUDY).policy
    with db.transaction():
        source = Source(db, STUDY)
        node = household_node(db, STUDY, policy, "", source)
        assert node == household_node(db, STUDY, policy, "")
        for rounding, top, period in ((100, 20_000, 0), (1_000, 5_000, 2), (5_000, 2_000, 3)):
            a, s, c, g, p, t, b = node
            levels = Levels((a, s, c, g, max(p, period), t, b), rounding, top, 1_000, 200_000)
            at = levels.apply(policy)
            shared = build_release(
                db, STUDY, at, "", Registry(db, STUDY), node=levels.node, source=source
            )
            fresh = build_release(db, STUDY, at, "", Registry(db, STUDY), node=levels.node)
            assert _view(shared) == _view(fresh)
            # Each amount as round_nok gives it (the SQL rounded before: half up, top-coded).
            stored = dict(db.tuples("SELECT id, amount_ore FROM payments"))
            for line in shared.lines["payments"]:
                nok, top_coded = line.sent.content.split(",")[2:4]
                expected = round_nok(stored[line.key.record_id], rounding, top)
                assert (int(nok), int(top_coded)) == expected
            assert shared.summary.amounts > 0
    # The rounding reached the rows: the coarsest point top-codes amounts the finest does not.
    assert "2000,1," in "".join(line.sent.content for line in shared.lines["payments"])


def test_the_lattice_counted_once_gives_every_floor_what_a_fresh_count_gives(
    lead: Journal,
) -> None:
    db = lead._require_open().db
    policy = lead.evaluation.profile(STUDY).policy
    with db.transaction():
        _, households = _households(Source(db, STUDY), policy, dt.date.today())
    floors = [NODES[0], (0, 1, 0, 0, 2, 0, 0), (1, 0, 1, 1, 3, 1, 1), NODES[0]]
    memo: dict[Any, Any] = {}
    for floor in floors:  # the last: finer than the one before, so counted again
        kept = generalise(
            households, k=5, max_suppression=0.05, municipality="T", floor=floor, memo=memo
        )
        fresh = generalise(households, k=5, max_suppression=0.05, municipality="T", floor=floor)
        assert kept == fresh
        assert all(lv >= least for lv, least in zip(kept.node, floor, strict=True))
    other = generalise(households[1:], k=5, max_suppression=0.05, municipality="T", memo=memo)
    assert other == generalise(households[1:], k=5, max_suppression=0.05, municipality="T")


def test_each_export_reads_the_journal_once_and_sees_the_edit_made_before_it(
    lead: Journal, world: World, tmp_path: Path
) -> None:
    """A study's first export reads the payments once for its levels search and every point
    it measures; the next export reads them again, with the payment added in between."""
    read: list[list[tuple[Any, ...]]] = []
    payments = Source.payments

    def counted(self: Source) -> list[tuple[Any, ...]]:
        found = payments(self)
        if not any(found is r for r in read):
            read.append(found)
        return found

    original = release_source.Source.payments
    release_source.Source.payments = counted  # type: ignore[method-assign]
    try:
        lead.evaluation.export(STUDY, tmp_path / "out")
        assert len(read) == 1
        added = lead.payments.propose(world.families[0], Money.kr(4321), "etter første pakke")
        lead.evaluation.export(STUDY, tmp_path / "out")
    finally:
        release_source.Source.payments = original  # type: ignore[method-assign]
    assert len(read) == 2
    assert not [r for r in read[0] if r[0] == added.id]
    assert [r[3] for r in read[1] if r[0] == added.id] == [432_100]


def test_a_need_raised_in_a_meeting_is_released_agreed_only_once_it_was(
    lead: Journal, world: World
) -> None:
    """A need drafted as raised in a meeting keeps that meeting in the journal (its family's
    copy lists it there), but leaves with no agreed meeting or day until it is agreed; one
    dropped leaves with them only if it was agreed before (evaluator review s23: raised needs
    carried an agreed day)."""
    family = world.families[0]
    recorded = lead.meetings.record(
        family,
        dt.datetime(2025, 5, 6, 10, tzinfo=dt.UTC),
        MeetingKind.OFFICE,
        needs=[NeedDraft(f"Behov {n}", NeedCategory.HOUSING, NeedStatus.RAISED) for n in range(3)],
    )
    raised, agreed_later, dropped_raised = recorded.need_ids
    later = lead.meetings.record(
        family, dt.datetime(2025, 6, 3, 10, tzinfo=dt.UTC), MeetingKind.OFFICE
    )
    lead.needs.set_status(agreed_later, NeedStatus.AGREED, meeting_id=later.meeting.id)
    dropped_agreed = lead.needs.raise_need(family, "Behov 4", NeedCategory.HOUSING).id
    lead.needs.set_status(dropped_agreed, NeedStatus.AGREED, meeting_id=later.meeting.id)
    lead.needs.set_status(dropped_agreed, NeedStatus.DROPPED)
    lead.needs.set_status(dropped_raised, NeedStatus.DROPPED)
    db = lead._require_open().db
    with db.transaction():
        rows = {r[0]: r for r in Source(db, STUDY).needs()}
    # (need, family, agreed meeting, category, status and raised day, later days)
    agreed_day = (dt.date(2025, 6, 3) - lead.families.get(family).opened_on).days
    for need in (raised, dropped_raised):
        assert rows[need][2] is None
        assert rows[need][5].startswith(",")  # no agreed day
    for need in (agreed_later, dropped_agreed):
        assert rows[need][2] == later.meeting.id
        assert rows[need][5].split(",")[0] == str(agreed_day)


def test_need_categories_are_released_at_the_levels_category_level(lead: Journal) -> None:
    """As recorded, each need's group (kinds.NEED_GROUP), or "*": in needs.category and in
    payments.need_category alike; a payment with no need stays empty (missing, not hidden)."""
    db = lead._require_open().db
    policy = lead.evaluation.profile(STUDY).policy
    stored = dict(db.tuples("SELECT id, category FROM needs"))
    with db.transaction():
        seen: dict[int, set[str]] = {}
        for level in range(len(CATEGORY_LEVELS)):
            release = build_release(db, STUDY, policy, "", Registry(db, STUDY), categories=level)
            needs = {
                line.key.record_id: line.sent.content.split(",")[0]
                for line in release.lines["needs"]
            }
            for need_id, shown in needs.items():
                assert shown == need_category_at(stored[need_id], level)
            payments = [line.sent.content.split(",")[1] for line in release.lines["payments"]]
            seen[level] = set(needs.values()) | set(payments)
    assert seen[0] >= {"housing", "economy"}
    assert seen[1] - {""} <= {g.value for g in NeedGroup}
    assert seen[2] - {""} == {SUPPRESSED}


def test_a_groups_loss_is_the_categories_it_stands_for_per_row() -> None:
    assert need_category_at("housing", 0) == "housing"
    assert need_category_at("housing", 1) == NeedGroup.LIVING == NEED_GROUP[NeedCategory.HOUSING]
    assert need_category_at("other", 2) == SUPPRESSED
    assert need_category_at("", 2) == ""
    rows = ["housing", "health", ""]  # of four rows offered, two carry a category
    assert category_loss(rows, 4, 0) == 0.0
    assert category_loss(rows, 4, 2) == 2 / 4
    # Housing's group holds 4 of the 9 categories (3 of 8 lost), health's 2 (1 of 8).
    assert category_loss(rows, 4, 1) == (3 / 8 + 1 / 8) / 4
    assert {NEED_GROUP[c] for c in NeedCategory} == set(NeedGroup)


def test_a_received_category_level_is_kept_within_the_levels() -> None:
    assert [category_level(x) for x in (None, "1", 2, 7, -1, "x")] == [0, 1, 2, 2, 0, 0]
