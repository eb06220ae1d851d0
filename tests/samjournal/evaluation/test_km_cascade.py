"""A first export's rounds found from what changed (km_cascade) hold back exactly what the
rounds found household by household (Support.violations) hold back: the same sets reported in
the same order (the order decides which rows are held), on generated first exports whose rounds
cascade and on a demo journal's real first export."""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal import demo
from samjournal.demo.consents import demo_consents
from samjournal.evaluation import km, km_cascade, release_check
from samjournal.evaluation.km import Candidate, Outcome, Unit, protect
from samjournal.evaluation.release_state import RecordKey
from samjournal.kdf import TEST_COST
from tests.samjournal.evaluation.conftest import STUDY, World, register
from tests.samjournal.evaluation.test_km_pairs import arrays

K, M = 3, 2
MONTHS = [f"2026-{m:02d}" for m in range(1, 9)]
BASES = ("p|health|1000", "p|work|2000", "m|office", "n|housing", "c")
FIELDS = ("v|a", "v|b", "v|c")


@st.composite
def first_exports(draw: st.DrawFn) -> list[Candidate]:
    """New households, each with its fields and events: an event's true month inside the
    window of months its released form fits (or no month at all), as release_check makes them."""
    out = []
    for i in range(draw(st.integers(K, 14))):
        field = draw(st.sampled_from(FIELDS))
        units = [Unit(RecordKey("households", i), "households", (field,), (field,), True, True)]
        for j in range(draw(st.integers(0, 7))):
            base = draw(st.sampled_from(BASES))
            table = {"p": "payments", "m": "meetings", "n": "needs", "c": "checkins"}[base[0]]
            first = draw(st.integers(0, len(MONTHS) - 1))
            last = draw(st.integers(first, min(first + 3, len(MONTHS) - 1)))
            true = draw(st.integers(first, last))
            if draw(st.integers(0, 9)) == 0:
                items, truth = (f"{base}|?",), (f"{base}|{MONTHS[true]}",)
            else:
                items = tuple(f"{base}|{m}" for m in MONTHS[first : last + 1])
                truth = (f"{base}|{MONTHS[true]}",)
            units.append(Unit(RecordKey(table, 100 * i + j), table, items, truth, True))
        rows = {"meetings": 0, "payments": 0}
        out.append(Candidate(f"h{i:02d}", set(), set(), rows, units, new=True))
    return out


@contextmanager
def fixes() -> Iterator[list[tuple[str, tuple[str, ...]]]]:
    """The sets km.protect fixes, in the order it fixes them."""
    found: list[tuple[str, tuple[str, ...]]] = []
    real = km._fix

    def fix(candidate: Candidate, items: tuple[str, ...], support: km.Support) -> bool:
        found.append((candidate.name, items))
        return real(candidate, items, support)

    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(km, "_fix", fix)
        yield found


def without_cascade(run: Callable[[], Outcome]) -> Outcome:
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(km, "_cascade", lambda *args: None)
        return run()


def same(one: Outcome, other: Outcome) -> bool:
    return (one.held_rows, one.held_households, one.footprints, one.residual, one.rounds) == (
        other.held_rows,
        other.held_households,
        other.footprints,
        other.residual,
        other.rounds,
    )


# Households that left: their footprints still count (months of a base, its month-less item).
LEFT = st.dictionaries(
    st.sampled_from([f"left{i}" for i in range(4)]),
    st.frozensets(
        st.sampled_from([*FIELDS, *(f"{b}|{m}" for b in BASES for m in [*MONTHS[:4], "?"])])
    ),
    max_size=4,
)


@contextmanager
def read_by_household(per_household: int) -> Iterator[None]:
    """A round's sets read household by household from `per_household` pairs a household on
    (0: always; a huge number: never, one AND per pair)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(km_cascade, "BY_HOUSEHOLD", per_household)
        yield


@pytest.mark.parametrize("per_household", [0, 10**9], ids=["by household", "by pair"])
@settings(max_examples=200, deadline=None)
@given(world=first_exports(), left=LEFT)
def test_the_cascade_fixes_what_the_rounds_by_household_fix_in_the_same_order(
    per_household: int, world: list[Candidate], left: dict[str, frozenset[str]]
) -> None:
    # the cascade from the smallest export on
    with arrays(0), read_by_household(per_household), fixes() as by_cascade:
        outcome = protect(copy.deepcopy(world), left, K, M)
    with arrays(0), fixes() as by_household:
        reference = without_cascade(lambda: protect(copy.deepcopy(world), left, K, M))
    assert by_cascade == by_household
    assert same(outcome, reference)


def test_the_generated_exports_do_cascade() -> None:
    """The strategy makes worlds where holding rows back breaks sets of other households."""
    rounds: list[int] = []
    first_exports().example  # noqa: B018 (hypothesis warms up its example database)

    @settings(max_examples=60, deadline=None, database=None)
    @given(world=first_exports())
    def count(world: list[Candidate]) -> None:
        with arrays(0):
            rounds.append(protect(world, {}, K, M).rounds)

    count()
    assert max(rounds) >= 3


def test_a_demo_journals_first_export_holds_back_the_same_rows(
    template_world: World, tmp_path: Path
) -> None:
    compared: list[Outcome] = []
    real, made = release_check.protect, km._cascade
    cascades: list[object] = []

    def both(
        candidates: list[Candidate], others: dict[str, frozenset[str]], k: int, m: int
    ) -> Outcome:
        twin = copy.deepcopy((candidates, others))
        reference = without_cascade(lambda: real(*twin, k, m))
        outcome = real(candidates, others, k, m)
        assert same(outcome, reference)
        compared.append(outcome)
        return outcome

    def made_and_kept(*args: object) -> object:
        cascades.append(made(*args))  # type: ignore[arg-type]
        return cascades[-1]

    shutil.copytree(template_world.workspace, tmp_path / "workspace")
    journal = demo.create_demo_journal(
        tmp_path / "demo", families=60, seed=3, cost=TEST_COST, bulk=True
    )
    try:
        demo_consents(journal, tmp_path / "workspace" / "study.json")
        register(tmp_path / "workspace", journal)
        with arrays(0), pytest.MonkeyPatch.context() as monkeypatch:
            monkeypatch.setattr(release_check, "protect", both)
            monkeypatch.setattr(km, "_cascade", made_and_kept)
            journal.evaluation.export(STUDY, tmp_path / "out")
    finally:
        journal.lock()
    assert compared
    assert any(c is not None for c in cascades)  # the export's rounds did run by cascade
    assert max(o.rounds for o in compared) >= 2
    assert any(o.held_rows for o in compared)


def test_an_export_with_a_household_sent_before_has_no_cascade() -> None:
    """A household sent before whose count band is under k keeps it (a residual: no row of this
    export explains it); a new household's row held back moves the band's support, still under
    k, and the rounds by household report it again. The cascade would not (review): so only an
    export of new households has one."""

    def meetings(i: int, items: list[str]) -> list[Unit]:
        own = Unit(RecordKey("households", i), "households", ("v|a",), ("v|a",), True, True)
        return [own] + [
            Unit(RecordKey("meetings", 100 * i + j), "meetings", (x,), (x,), True)
            for j, x in enumerate(items)
        ]

    common = ["m|office|2026-01"] * 10
    rare = [*common[1:], "m|home|2026-02"]  # one meeting no one else has
    world = [
        Candidate("q", {"v|a"}, set(), {"meetings": 5}, [], new=False),  # sent before, quiet
        Candidate("n1", set(), set(), {"meetings": 0}, meetings(1, rare), True),
        Candidate("n2", set(), set(), {"meetings": 0}, meetings(2, common), True),
        Candidate("n3", set(), set(), {"meetings": 0}, meetings(3, common), True),
    ]
    with arrays(0), fixes() as found:
        outcome = protect(copy.deepcopy(world), {}, K, M)
    with arrays(0), fixes() as by_household:
        reference = without_cascade(lambda: protect(copy.deepcopy(world), {}, K, M))
    assert found == by_household
    assert found.count(("q", ("#|m|1-9",))) == 2  # the residual, reported again
    assert same(outcome, reference)
