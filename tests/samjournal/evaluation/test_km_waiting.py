"""Rows that wait: held back by an export and unchanged since, they start held in the next one
and are tried bottom-up after the top-down rounds (km.protect's release pass): sent when every
set they make holds k and no other household's set breaks, else held again."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal import demo
from samjournal.demo.consents import demo_consents
from samjournal.evaluation import km, km_support
from samjournal.evaluation.bundle import open_bundle
from samjournal.evaluation.evaluator import Workspace
from samjournal.evaluation.km import Candidate, Unit, protect
from samjournal.evaluation.release_state import RecordKey, Registry, Sent
from samjournal.evaluation.tables import DATA_TABLES
from samjournal.journal import Journal
from samjournal.kdf import TEST_COST
from samjournal.model import ConsentMethod
from tests.samjournal.evaluation import km_check
from tests.samjournal.evaluation.conftest import STUDY, WS_PASS, World, register
from tests.samjournal.evaluation.test_km_pairs import arrays
from tests.samjournal.evaluation.test_km_union import _truth, first_case

K, M = 5, 2
COMMON = ("v|a", "p|health|1000|2026-03", "m|office|2026-04")
RARE = "p|transport|9000|2026-05"
PAYMENT = DATA_TABLES["payments"].header[2:-1]  # a payment's content: the fields after its ids


def _household(
    name: str, extra: tuple[str, ...] = (), rows: dict[str, int] | None = None
) -> Candidate:
    """A household sent before: the common fields and events, and `extra`."""
    fixed = {*COMMON, *extra}
    return Candidate(name, set(fixed), set(fixed), dict(rows or {}), [], new=False)


def _waiting(record: int, item: str, table: str = "payments") -> Unit:
    return Unit(RecordKey(table, record), table, (item,), (item,), True, waiting=True)


@pytest.mark.parametrize(("holders", "sent"), [(3, False), (4, True)])
def test_a_waiting_row_is_sent_once_others_footprints_hold_its_item(
    holders: int, sent: bool
) -> None:
    """Three others hold the rare payment: with the household itself four, under k, it waits
    again. Once a fourth other holds it (a later export), sending it makes five: it goes."""
    crowd = [_household(f"h{i}", (RARE,) if i < holders else ()) for i in range(5)]
    lone = _household("lonely")
    lone.units = [_waiting(9, RARE)]
    outcome = protect([*crowd, lone], {}, K, M)
    assert (RecordKey("payments", 9) in outcome.held_rows) is not sent
    assert (RARE in outcome.footprints["lonely"]) is sent
    assert outcome.residual == ()


def test_waiting_rows_stay_out_of_the_top_down_rounds() -> None:
    """A new row and a waiting one: the new row goes as before; the waiting one, whose item
    no other household holds, stays held and does not hold the new one back."""
    crowd = [_household(f"h{i}") for i in range(5)]
    lone = _household("lonely")
    new = Unit(RecordKey("meetings", 8), "meetings", (COMMON[2],), (COMMON[2],), True)
    lone.units = [_waiting(9, RARE), new]
    outcome = protect([*crowd, lone], {}, K, M)
    assert outcome.held_rows == {RecordKey("payments", 9)}
    assert outcome.rounds == 1


@pytest.mark.parametrize(("alike", "sent"), [(4, False), (5, True)])
def test_a_waiting_row_that_would_take_a_count_band_others_need_stays_held(
    alike: int, sent: bool
) -> None:
    """The household has 9 meetings at the evaluator and a tenth waits: held, its released 9
    is a lower bound (bands 1-9 up); sent, its footprint leaves 1-9 (hand-made: it never held
    1-9 before). With four others of 1-9 meetings, that band would fall to four: it stays."""
    others = [_household(f"h{i}", rows={"meetings": 3}) for i in range(alike)]
    tenth = _household("w", rows={"meetings": 9})
    tenth.units = [_waiting(10, COMMON[2], "meetings")]
    outcome = protect([*others, tenth], {}, K, M)
    assert (RecordKey("meetings", 10) in outcome.held_rows) is not sent
    assert ("#|m|1-9" in outcome.footprints["w"]) is not sent
    assert outcome.residual == ()


def _demo(template: World, root: Path) -> Journal:
    """A demo journal of 60 families, every one asked, registered with the study's workspace."""
    shutil.copytree(template.workspace, root / "workspace")
    journal = demo.create_demo_journal(
        root / "demo", families=60, seed=3, cost=TEST_COST, bulk=True
    )
    demo_consents(journal, root / "workspace" / "study.json")
    register(root / "workspace", journal)
    return journal


def _waiting_rows(journal: Journal) -> dict[RecordKey, Sent]:
    """The records held back and kept to wait (members' records are pseudonyms only)."""
    states = Registry(journal._require_open().db, STUDY).by_family.values()
    return {
        key: sent
        for state in states
        for key, sent in state.records.items()
        if sent.version == 0 and key.table != "members"
    }


def test_a_repeat_with_nothing_changed_sends_what_fits_and_holds_no_more(
    template_world: World, tmp_path: Path
) -> None:
    """Three exports of a demo journal, nothing changed between them: the rows the first held
    back wait (kept with the content offered, version 0); the second sends those that now fit
    and holds no more than the first; the third has nothing left to send; the union holds."""
    journal = _demo(template_world, tmp_path)
    try:
        results = [journal.evaluation.export(STUDY, tmp_path / "out") for _ in range(3)]
        waiting = _waiting_rows(journal)
        opened, counts = _truth(journal)
        first = first_case(journal)
        policy = journal.evaluation.profile(STUDY).policy
    finally:
        journal.lock()
    held = [r.risk.protection.rows_held for r in results]
    assert held[0] > 0  # something to wait
    assert held[2] == held[1] <= held[0]
    third = results[2].risk.protection  # offers only the rows that wait (and households held)
    assert third.rows_offered == held[1] + third.rows_of_households_held
    assert len(waiting) == held[2]
    assert all(sent.content for sent in waiting.values())
    union = km_check.Union(policy.tables)
    with Workspace.open(tmp_path / "workspace", WS_PASS) as ws:
        for result in results:
            union.add(open_bundle(result.path.read_bytes(), ws.identities))
            assert km_check.check(union, opened, counts, policy.k, policy.m, first=first) == []


def test_rows_held_back_by_an_earlier_version_wait_after_one_export(
    template_world: World, tmp_path: Path
) -> None:
    """Before rows waited, a row held back was kept with no content: the next export offers it
    as changed, and if it is held back again its household is saved with the content offered,
    though nothing else of it changed (else every later export would offer it as new again)."""
    journal = _demo(template_world, tmp_path)
    try:
        journal.evaluation.export(STUDY, tmp_path / "out")
        db = journal._require_open().db
        registry = Registry(db, STUDY)
        with db.transaction():
            for state in registry.by_family.values():
                for sent in state.records.values():
                    if sent.version == 0:
                        sent.content = ""  # as the version before kept it
                db.execute(
                    "UPDATE evaluation_households SET records = ? WHERE id = ?",
                    (state.pack(), state.row_id),
                )
        journal.evaluation.export(STUDY, tmp_path / "out")
        waiting = _waiting_rows(journal)
    finally:
        journal.lock()
    assert waiting
    assert all(sent.content for sent in waiting.values())


# -- the release pass against brute force ------------------------------------------------------

EVENTS = ("p|a|1|2026-01", "p|b|1|2026-01", "m|office|2026-02", "n|work|2026-03", "c|2026-04")
Households = list[tuple[set[str], int, list[str], list[str]]]  # fixed, meetings, waiting, new


def _world(households: Households) -> list[Candidate]:
    """Fresh candidates (protect changes them): each household's fixed items (its truth too),
    meetings at the evaluator, and meetings that wait and that are new, by item."""
    out = []
    for i, (fixed, meetings, waiting, new) in enumerate(households):
        c = Candidate(f"h{i}", {"v|x", *fixed}, {"v|x", *fixed}, {"meetings": meetings}, [], False)
        c.units = [
            Unit(RecordKey("meetings", 100 * i + j), "meetings", (x,), (x,), True, waiting=w)
            for j, (x, w) in enumerate([*((x, True) for x in waiting), *((x, False) for x in new)])
        ]
        out.append(c)
    return out


def _broken(
    candidates: list[Candidate], footprints: dict[str, set[str]], *, minimal: bool
) -> set[tuple[str, tuple[str, ...]]]:
    """Every set of up to m true items that fewer than k footprints hold, by brute force
    (`minimal`: only those whose every smaller set holds k, as km counts them: a set with an
    item no k households hold is that item's violation, and is not one of its own)."""
    found = set()
    for c in candidates:
        truth = sorted(c.truth()[0])
        for size in range(1, M + 1):
            for items in itertools.combinations(truth, size):
                if size > 1 and any(x[0] in km_support.ALONE for x in items):
                    continue  # fields and counts are checked alone (attacker.py)
                if sum(1 for f in footprints.values() if f.issuperset(items)) >= K:
                    continue
                if minimal and any(
                    (c.name, smaller) in found
                    for smaller in itertools.combinations(items, size - 1)
                ):
                    continue
                found.add((c.name, items))
    return found


@settings(max_examples=150, deadline=None)
@given(
    households=st.lists(
        st.tuples(
            st.sets(st.sampled_from(EVENTS)),
            st.sampled_from([0, 1, 8, 9]),
            st.lists(st.sampled_from(EVENTS), max_size=3),
            st.lists(st.sampled_from(EVENTS), max_size=2),
        ),
        min_size=K,
        max_size=10,
    )
)
def test_the_release_pass_breaks_no_set_and_is_the_same_with_or_without_numpy(
    households: Households,
) -> None:
    """Every set broken after protect holds one broken with only the top-down rounds (every row
    that waits held): the pass breaks nothing new. It is the same by arrays, by ANDs and
    without numpy."""
    import importlib.util

    tried = _world(households)
    outcome = protect(tried, {}, K, M)
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(km, "_release_waiting", lambda *args: None)
        held = _world(households)
        top_down = protect(held, {}, K, M)
    before = _broken(held, top_down.footprints, minimal=False)
    for name, items in _broken(tried, outcome.footprints, minimal=True):
        # Broken before, or made of an item or a set that was (a residual km leaves be).
        assert any(
            (name, smaller) in before
            for size in range(1, len(items) + 1)
            for smaller in itertools.combinations(items, size)
        ), (name, items)
    with arrays(0):
        by_arrays = protect(_world(households), {}, K, M)
    find_spec = importlib.util.find_spec
    with pytest.MonkeyPatch.context() as monkeypatch, arrays(0):
        monkeypatch.setattr(
            importlib.util,
            "find_spec",
            lambda name, *a: None if name == "numpy" else find_spec(name),
        )
        by_and = protect(_world(households), {}, K, M)
    for other in (by_arrays, by_and):
        assert (other.held_rows, other.footprints) == (outcome.held_rows, outcome.footprints)


def test_a_change_held_back_is_counted_apart_from_the_rows_waiting(
    template_world: World, tmp_path: Path
) -> None:
    """Rows the evaluator holds whose change is held back are counted as changes waiting, not
    as rows waiting. The rows the first export held back are made rows the evaluator holds at
    version 1 with other content (as if their first version had been sent, and they changed
    since): the second export offers each as changed, and what it holds back of them keeps
    version 1 and is counted apart."""
    journal = _demo(template_world, tmp_path)
    try:
        first = journal.evaluation.export(STUDY, tmp_path / "out")
        db = journal._require_open().db
        registry = Registry(db, STUDY)
        made: set[RecordKey] = set()
        with db.transaction():
            for state in registry.by_family.values():
                for key, sent in state.records.items():
                    if not sent.version and key.table == "payments" and ",paid," in sent.content:
                        # Approved, not yet paid: an item of the month proposed, since paid.
                        fields = sent.content.split(",")
                        fields[PAYMENT.index("status")] = "approved"
                        fields[PAYMENT.index("paid_day")] = ""
                        sent.version, sent.content = 1, ",".join(fields)
                        made.add(key)
                db.execute(
                    "UPDATE evaluation_households SET records = ? WHERE id = ?",
                    (state.pack(), state.row_id),
                )
        second = journal.evaluation.export(STUDY, tmp_path / "out")
        after = Registry(db, STUDY)
    finally:
        journal.lock()
    kept = {k for s in after.by_family.values() for k, r in s.records.items() if r.version == 1}
    held = made & kept  # changes held back: version 1 as before, its old content kept
    payments = second.risk.protection.rows_by_table["payments"]
    assert held < made  # the world has changes to hold back, and some that fit (version 2)
    assert payments.changes_waiting == len(held)
    assert first.risk.protection.rows_by_table["payments"].changes_waiting == 0
    lines = "\n".join(second.risk.lines("en"))
    assert f"; changes to rows already sent, waiting: {len(held)}" in lines


def test_the_risk_after_anonymisation_counts_the_households_sent(
    template_world: World, tmp_path: Path
) -> None:
    """Households held back whole are not in the bundle: the report's risk after anonymisation
    is over the households sent (it counted the held ones, and showed a smallest group under k
    beside "violations left: 0"). In a first bundle nothing older supports a class: every class
    of the households sent holds k."""
    journal = _demo(template_world, tmp_path)
    try:
        first = journal.evaluation.export(STUDY, tmp_path / "out").risk
        # A new household like no other (nine people, eight of them children): it waits whole.
        family = journal.families.create("Familien Ny", opened_on=dt.date.today())
        adult = journal.members.add(family.id, "Voksen Ny", birth_year=1931)
        for n in range(8):
            journal.members.add(family.id, f"Barn {n}", is_child=True, birth_year=2015 + n)
        journal.consents.give(adult.id, STUDY, letter_version="v1", method=ConsentMethod.WRITTEN)
        second = journal.evaluation.export(STUDY, tmp_path / "out").risk
    finally:
        journal.lock()
    assert second.protection.households_held == 1
    for report in (first, second):
        assert report.after.records == report.released
    assert first.after.smallest_class >= first.k
    assert first.after.records_at_risk == 0


def test_after_withdrawals_the_risk_after_anonymisation_shows_no_household_at_risk(
    template_world: World, tmp_path: Path
) -> None:
    """Every fourth adult withdraws between two bundles: the second bundle's households are
    generalised again among those left, so the report shows no household at risk, as the check
    (which also counts the households that left) finds no violation."""
    journal = _demo(template_world, tmp_path)
    try:
        journal.evaluation.export(STUDY, tmp_path / "out")
        db = journal._require_open().db
        given = [r[0] for r in db.all("SELECT id FROM consents WHERE study_id = ?", (STUDY,))]
        for consent_id in given[::4]:  # every fourth adult withdraws
            journal.consents.withdraw(consent_id)
        report = journal.evaluation.export(STUDY, tmp_path / "out").risk
    finally:
        journal.lock()
    assert report.protection.violations == 0
    assert report.after.records == report.released
    assert report.after.records_at_risk == 0
    assert report.after.smallest_class >= report.k
