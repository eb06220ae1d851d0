from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samjournal.folding import fold
from samjournal.journal import Journal
from samjournal.model import FamilyId, MeetingKind
from samjournal.records.base import search_rowid
from samjournal.records.search import SNIPPET_WORDS, fts_query
from tests.conftest import OTHER, OTHER_PASS, Template

HOSTILE = [
    '"',
    "'",
    "*",
    "(",
    ")",
    "((",
    '"unbalanced',
    "NEAR(a b)",
    "a OR",
    "AND",
    "NOT x",
    "body:x",
    "^x",
    "x' OR '1'='1",
    "'; DROP TABLE families; --",
    "\0",
    "{body}: x",
    "-x",
    "+",
    "\\",
    "%_%",
]


# Names with the letters folding is about, their neighbours, and other marks.
NAMES = st.text(alphabet="aeoøæåAEOØÆÅbdgnrséüÜ -", max_size=30).filter(
    lambda s: fts_query(s) is not None
)


@pytest.fixture
def noted(lead: Journal, template: Template) -> Journal:
    lead.members.add(template.worker_family, "Łukasz Żółć", birth_year=1980)
    lead.meetings.record(
        template.worker_family,
        dt.datetime(2026, 9, 1, 9, 0, tzinfo=dt.UTC),
        MeetingKind.HOME_VISIT,
        family_words="Vi ønsker leksehjelp og en sykkel til Amina.",
    )
    return lead


@pytest.fixture
def spelled(lead: Journal, template: Template) -> dict[str, FamilyId]:
    """Families by the name they are written with: with and without Norwegian letters."""
    others = ("Odegaard", "Åsen", "Sæther", "Müller")
    return {"Ødegård": template.worker_family} | {
        name: lead.families.create(f"Familien {name}").id for name in others
    }


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("odegard", {"Ødegård", "Odegaard"}),
        ("oedegaard", {"Ødegård", "Odegaard"}),
        ("Ødegård", {"Ødegård", "Odegaard"}),  # both ways: a name written plain is found too
        ("ØDEG", {"Ødegård", "Odegaard"}),
        ("oede", {"Ødegård", "Odegaard"}),  # as it is typed
        ("aasen", {"Åsen"}),
        ("asen", {"Åsen"}),
        ("Åsen", {"Åsen"}),
        ("saether", {"Sæther"}),
        ("sæth", {"Sæther"}),
        ("sather", set()),  # æ is ae, not a (samjournal/folding.py)
        ("muller", {"Müller"}),  # the other marks as before
        ("mül", {"Müller"}),
    ],
)
def test_finds_a_name_however_its_letters_are_typed(
    lead: Journal, spelled: dict[str, FamilyId], typed: str, names: set[str]
) -> None:
    assert set(lead.search.families(typed)) == {spelled[n] for n in names}
    assert {h.family_id for h in lead.search(typed)} == {spelled[n] for n in names}


def test_a_hit_shows_the_text_as_written_around_the_word_found(
    lead: Journal, template: Template
) -> None:
    note = (
        "Mor forteller at skolen har ringt flere ganger denne måneden."
        " Hun ber om at vi snakker med Ødegård på skolen om leksehjelp, og om en sykkel."
    )
    lead.meetings.record(
        template.worker_family,
        dt.datetime(2026, 9, 1, 9, 0, tzinfo=dt.UTC),
        MeetingKind.HOME_VISIT,
        family_words=note,
    )
    [hit] = [h for h in lead.search("oedegaard") if h.entity == "meeting"]
    assert hit.snippet == "…at vi snakker med Ødegård på skolen om leksehjelp, og om en…"
    assert len(hit.snippet.split()) == SNIPPET_WORDS
    assert [h.snippet for h in lead.search("odegard") if h.entity == "family"] == [
        "Familien Ødegård\n" + lead.families.get(template.worker_family).case_number
    ]


def test_finds_names_notes_and_prefixes(noted: Journal, template: Template) -> None:
    assert {h.entity for h in noted.search("Żółć")} == {"member"}
    assert {h.entity for h in noted.search("zołc")} == {"member"}  # diacritics folded (not ł)
    hits = noted.search("leksehj")
    assert [(h.family_id, h.entity) for h in hits] == [(template.worker_family, "meeting")]
    assert "leksehjelp" in hits[0].snippet
    assert noted.search("sykkel amina")  # every word must match
    assert noted.search("sykkel zebra") == []


def test_every_search_row_carries_its_family_in_its_rowid(
    noted: Journal, template: Template
) -> None:
    """Search.families reads the family from the rowid alone (records/base.search_rowid)."""
    db = noted._ctx.db
    rows = db.all("SELECT rowid, family_id, entity, entity_id FROM search_index")
    assert len(rows) >= 4  # two families, a member, a meeting
    for r in rows:
        assert r["rowid"] == search_rowid(r["family_id"], r["entity"], r["entity_id"])
    assert noted.search.families("leksehj") == [template.worker_family]
    assert set(noted.search.families("familien")) == {
        template.worker_family,
        template.other_family,
    }
    noted.families.delete(template.other_family, "feilregistrert")
    assert noted.search.families("familien") == [template.worker_family]


def test_search_respects_visibility(noted: Journal, worker: Journal) -> None:
    other = Journal.open(worker.path, OTHER, OTHER_PASS)
    assert other.search("leksehjelp") == []
    assert worker.search("leksehjelp")


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_is_text_not_syntax(noted: Journal, text: str) -> None:
    assert isinstance(noted.search(text), list)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_string_returns_results_or_nothing(noted: Journal, text: str) -> None:
    hits = noted.search(text)
    assert all(h.family_id for h in hits)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(NAMES)
def test_a_name_finds_itself_written_as_typed_folded_or_in_capitals(
    noted: Journal, template: Template, name: str
) -> None:
    member = noted.members.add(template.worker_family, name)
    for typed in (name, fold(name), name.upper()):
        hits = noted.search(typed)
        assert ("member", member.id) in {(h.entity, h.entity_id) for h in hits}, typed


@given(st.text(max_size=60))
def test_query_is_only_quoted_prefix_terms(text: str) -> None:
    query = fts_query(text)
    if query is None:
        return
    for term in query.split(" "):
        assert term.startswith('"')
        assert term.endswith('"*')
        assert '"' not in term[1:-2]
