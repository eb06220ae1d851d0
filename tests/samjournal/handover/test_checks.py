"""Received rows go through the journal's own field rules: a value no form would take refuses
the whole file by key, naming the field, and nothing changes (outside review s26: a peer's
signed file put direction overrides, 2^62 øre and a meeting in 1800 into the journal)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from samjournal.errors import HandoverRejected, ValidationError
from samjournal.handover import keys, package
from samjournal.handover.checks import RULES, SET_HERE
from samjournal.handover.collect import REFS, TABLES
from samjournal.i18n import describe
from samjournal.records.instruments import OWN_ID
from samjournal.signing import signing_key
from tests.rich_family import rich_family
from tests.samjournal.handover.conftest import Pair
from tests.samjournal.handover.test_bad_files import _state

Payload = dict[str, Any]


@pytest.fixture
def payload(pair: Pair, tmp_path: Path) -> Payload:
    """The sender's file for a rich family, opened as the receiver would."""
    rich = rich_family(pair.sender, "Sjekk")
    target = tmp_path / "fil.age"
    pair.sender.handovers.send([rich.id], pair.receiver.journal_id, target)
    db = pair.receiver._ctx.db
    with db.transaction():
        identity = keys.identity(db)
    data, _ = package.open_sealed(target.read_bytes(), identity)
    opened: Payload = json.loads(data)
    return opened


def _resealed(pair: Pair, payload: Payload) -> bytes:
    """`payload` signed by the sending journal's own key: a file its team lead made by hand."""
    sender, receiver = pair.sender._ctx.db, pair.receiver._ctx.db
    with sender.transaction():
        key = signing_key(sender)
    with receiver.transaction():
        recipient = keys.identity(receiver).to_public()
    return package.seal(package.canonical(payload), key, "handover", recipient)


def _first(table: str) -> Callable[[Payload], dict[str, Any]]:
    return lambda p: p["families"][0]["rows"][table][0]


def test_every_column_handed_over_has_a_rule(pair: Pair) -> None:
    """A migration that adds a column to a handed-over table must say how a received value of
    it is checked."""
    db = pair.receiver._ctx.db
    for table, _ in TABLES:
        columns = {r["name"] for r in db.all(f"PRAGMA table_info({table})")}
        unruled = columns - set(RULES[table]) - set(REFS[table]) - {"id"}
        assert not unruled, (table, unruled)
    studies = {r["name"] for r in db.all("PRAGMA table_info(studies)")}
    assert not studies - set(RULES["studies"]) - SET_HERE["studies"]


@pytest.mark.parametrize(
    ("table", "column", "value", "said"),
    [
        ("families", "display_name", "Familien \u202eneslin", "retningstegn"),
        ("families", "opened_on", "1800-01-01", "mellom år 1900"),
        ("families", "budget_ore", -1, "negativ"),
        ("members", "name", "Kari\u2028Nordmann", "én linje"),
        ("members", "is_child", 2, "ukjent verdi"),
        ("meetings", "held_at", "1800-05-01T10:00:00+00:00", "mellom år 1900"),
        ("meetings", "held_at", "2026-05-01T10:00:00", "mellom år 1900"),  # no offset
        ("meetings", "kind", "seance", "ukjent verdi"),
        ("needs", "category", "jewellery", "ukjent verdi"),
        ("payments", "amount_ore", 2**62, "urimelig stort"),
        ("payments", "amount_ore", 10**20, "urimelig stort"),
        ("payments", "amount_ore", "1000", "større enn null"),
        ("payments", "purpose", "", "må fylles ut"),
        ("checkins", "life_satisfaction", 11, "0 til 10"),
        ("checkins", "answers", "{not json", "ukjent verdi"),
        ("consents", "given_on", "2026-13-40", "mellom år 1900"),
    ],
)
def test_a_value_no_form_would_take_refuses_the_file(
    pair: Pair, payload: Payload, table: str, column: str, value: object, said: str
) -> None:
    _first(table)(payload)[column] = value
    before = _state(pair.receiver)
    with pytest.raises(HandoverRejected, match="Overføringen kan ikke tas inn") as raised:
        pair.receiver.handovers.receive(_resealed(pair, payload))
    assert said in str(raised.value)
    assert raised.value.key == "handover_bad_value"
    assert "The handover cannot be taken in. Field «" in describe(raised.value, "en")
    assert _state(pair.receiver) == before


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p["families"][0]["people"][0].update(role="root"), id="role"),
        pytest.param(
            lambda p: p["families"][0]["people"][0].update(display_name="Ola \u2066x"),
            id="author-name",
        ),
        pytest.param(
            lambda p: p["families"][0]["trail"][0].update(username="a\x1b[31mb\nc"),
            id="trail-line",
        ),
        pytest.param(
            lambda p: p["families"][0]["rows"]["history"][0].update(changed_at="0001-01-01"),
            id="history-time",
        ),
        pytest.param(
            lambda p: p["families"][0]["rows"]["history"][0].update(
                data=json.dumps({"display_name": "\u202e", "version": 1})
                if p["families"][0]["rows"]["history"][0]["entity"] == "family"
                else json.dumps({"version": 0})
            ),
            id="history-version",
        ),
        pytest.param(
            lambda p: p["families"][0]["studies"][0].update(name="Studien\u202e"), id="study"
        ),
        pytest.param(lambda p: p["families"][0]["rows"]["members"].append([1, 2]), id="not-a-row"),
        # What an outside review (s27) still got through as raw errors or stored:
        pytest.param(lambda p: _first("members")(p).update(id=math.inf), id="id-infinity"),
        pytest.param(lambda p: _first("members")(p).update(national_id=[1]), id="nin-list"),
        pytest.param(lambda p: _first("members")(p).pop("name"), id="lacks-a-column"),
        pytest.param(
            lambda p: p["families"][0]["rows"]["members"].append(dict(_first("members")(p))),
            id="two-rows-one-id",
        ),
        pytest.param(lambda p: _first("checkins")(p).update(answers="[" * 200_000), id="deep"),
        pytest.param(lambda p: _first("checkins")(p).update(answers="NaN"), id="nan"),
        pytest.param(lambda p: _first("checkins")(p).update(answers="[]"), id="not-an-object"),
        pytest.param(lambda p: _first("families")(p).update(opened_on="2025-W01-1"), id="week"),
        pytest.param(lambda p: _first("consents")(p).update(study_id="ukjent"), id="no-study"),
        pytest.param(lambda p: p["families"][0].update(studies=[{}]), id="empty-study"),
        pytest.param(lambda p: p["families"][0].update(rows=[]), id="rows-a-list"),
        pytest.param(lambda p: p.pop("file"), id="no-file-id"),
        pytest.param(
            lambda p: p["families"][0].update(
                released=[
                    {
                        "study": p["families"][0]["studies"][0]["id"],
                        "pseudonym": "h" + "a" * 16,
                        "records": [["households", _first("families")(p)["id"], "ab"]],
                        "footprint": [],
                    }
                ]
            ),
            id="released-short-body",
        ),
    ],
)
def test_what_travels_beside_the_rows_is_checked_too(
    pair: Pair, payload: Payload, damage: Callable[[Payload], None]
) -> None:
    damage(payload)
    before = _state(pair.receiver)
    with pytest.raises(HandoverRejected):
        pair.receiver.handovers.receive(_resealed(pair, payload))
    assert _state(pair.receiver) == before


def test_a_deeply_nested_file_is_refused_before_its_signature_is_read(pair: Pair) -> None:
    """Anyone with the receiving key file can encrypt to it: the claim is read unverified."""
    db = pair.receiver._ctx.db
    with db.transaction():
        recipient = keys.identity(db).to_public()
    sealed = package.seal(b"[" * 200_000, signing_key(db), "x", recipient)
    with pytest.raises(HandoverRejected, match="skadet"):
        pair.receiver.handovers.receive(sealed)


def test_a_file_as_sent_is_taken_in_as_it_came(pair: Pair, payload: Payload) -> None:
    """The checks keep what a journal stores unchanged: the resealed file is taken in whole."""
    intake = pair.receiver.handovers.receive(_resealed(pair, payload))
    [family] = intake.families
    sent = payload["families"][0]["rows"]
    db = pair.receiver._ctx.db
    names = sorted(
        r["name"]
        for r in db.all("SELECT name FROM members WHERE family_id = ?", (family.family_id,))
    )
    assert names == sorted(m["name"] for m in sent["members"])
    purposes = sorted(
        r["purpose"]
        for r in db.all("SELECT purpose FROM payments WHERE family_id = ?", (family.family_id,))
    )
    assert purposes == sorted(p["purpose"] for p in sent["payments"])
    assert purposes


@pytest.mark.parametrize("label", ["Team \u202eTSØ", "Team\u2066 Øst", "Team\x1b[2J"])
def test_a_peer_name_with_hidden_characters_is_refused(pair: Pair, label: str) -> None:
    """The name stands in lists and on receipts beside other text (review s26)."""
    key = pair.sender.handovers.receiving_key().to_file()
    with pytest.raises(ValidationError, match="tegn som ikke kan skrives"):
        pair.receiver.handovers.add_peer(key, label)
    assert pair.receiver.handovers.add_peer(key, "  Team   Øst ").label == "Team Øst"


def _refused(pair: Pair, payload: Payload, key: str = "handover_bad_value") -> HandoverRejected:
    """The receiver refuses `payload`, signed by its sender, by `key`, asking for a new file,
    and nothing changes."""
    before = _state(pair.receiver)
    with pytest.raises(HandoverRejected) as raised:
        pair.receiver.handovers.receive(_resealed(pair, payload))
    assert raised.value.key == key
    assert "Ask the sender" in describe(raised.value, "en")
    assert _state(pair.receiver) == before
    return raised.value


@pytest.mark.parametrize(
    ("table", "change", "said"),
    [
        (
            "families",
            {"status": "closed", "closed_on": "1999-01-01"},
            "«avsluttet»: kan ikke være før saken ble åpnet",
        ),
        (
            "families",
            {"status": "active", "closed_on": "2026-01-01"},
            "«avsluttet»: bare en avsluttet sak har avslutningsdato",
        ),
        (
            "members",
            {"birth_year": 1990, "birth_date": "1984-03-12"},
            "«fødselsår»: stemmer ikke med fødselsdatoen",
        ),
        (
            "meetings",
            {"held_at": "2026-05-01T10:00:00+00:00", "next_meeting_at": "2026-04-01T10:00:00Z"},
            "«neste møte»: må være etter dette møtet",
        ),
        (
            "consents",
            {"given_on": "2026-05-02", "withdrawn_on": "2026-05-01"},
            "«trukket tilbake»: kan ikke være før samtykket ble gitt",
        ),
    ],
)
def test_columns_no_form_would_put_together_refuse_the_file(
    pair: Pair, payload: Payload, table: str, change: dict[str, object], said: str
) -> None:
    """Each column held its rule, the row did not: a case closed before it opened was taken in
    (review s27). The rules are the forms' own."""
    _first(table)(payload).update(change)
    assert said in str(_refused(pair, payload))


@pytest.mark.parametrize("given", [{"birth_year": 1990}, {"birth_date": "1990-03-12"}])
def test_a_birth_year_the_national_id_does_not_say_is_refused(
    pair: Pair, payload: Payload, given: dict[str, object]
) -> None:
    """The form refuses a birth year (or a birth date's) other than the fødselsnummer's
    (validation.birth_year_of); each column held its rule, and the file was taken in."""
    mother = next(m for m in payload["families"][0]["rows"]["members"] if m["national_id"])
    assert mother["birth_year"] == 1984
    mother.update(given)
    if "birth_date" in given:
        mother["birth_year"] = 1990
    refused = _refused(pair, payload)
    assert "«fødselsår»: stemmer ikke med fødselsnummeret (født 1984)" in str(refused)
    assert "does not match the national identity number" in describe(refused, "en")


@pytest.mark.parametrize(
    ("answers", "said"),
    [
        ({"life_satisfaction": 7, "shoe_size": 3}, "«shoe_size» er ikke et spørsmål"),
        ({}, "minst ett spørsmål må være besvart"),
        ({"life_satisfaction": 12}, "0 til 10"),
    ],
)
def test_answers_the_instrument_would_not_take_refuse_the_file(
    pair: Pair, payload: Payload, answers: dict[str, int], said: str
) -> None:
    """A check-in's answers go through its instrument's items, as the form's do."""
    _first("checkins")(payload)["answers"] = json.dumps(answers)
    refused = _refused(pair, payload)
    assert "«svar»" in str(refused)
    assert said in str(refused)


def test_score_columns_are_copied_from_the_answers(pair: Pair, payload: Payload) -> None:
    """The score columns are a copy of the answers (migration 0010): a file whose columns say
    otherwise is stored as its answers say, the way the form would have stored them."""
    checkin = _first("checkins")(payload)
    assert json.loads(checkin["answers"]) == {"economy": 4, "life_satisfaction": 7}
    checkin.update(life_satisfaction=1, economy=None, housing=9)
    [family] = pair.receiver.handovers.receive(_resealed(pair, payload)).families
    row = pair.receiver._ctx.db.first(
        "SELECT life_satisfaction, economy, housing, answers FROM checkins WHERE family_id = ?",
        (family.family_id,),
    )
    assert row is not None
    assert (row["life_satisfaction"], row["economy"], row["housing"]) == (7, 4, None)
    assert json.loads(row["answers"]) == {"economy": 4, "life_satisfaction": 7}


def test_direction_characters_in_a_file_are_not_for_the_receiver_to_retype(
    pair: Pair, payload: Payload
) -> None:
    """A form says to type the text in without them; a team lead receiving a file cannot, and
    is told to ask the sender for a new one (review s27)."""
    _first("members")(payload)["name"] = "Kari \u202eNordmann"
    refused = _refused(pair, payload)
    for language, retype, ask in (
        ("nb", "skriv inn teksten uten dem", "Be avsenderen rette dette"),
        ("en", "type the text in without them", "Ask the sender to correct this"),
    ):
        words = describe(refused, language)
        assert retype not in words
        assert ask in words


def test_the_journals_own_instrument_is_never_a_files(pair: Pair, payload: Payload) -> None:
    """A forged definition of the journal's own instrument, stored as its own, refused every
    check-in made here after (review s28); it is refused, and check-ins go on."""
    [entry] = [e for e in payload["families"][0]["instruments"] if e["definition"]["id"] == OWN_ID]
    entry["definition"]["title"]["nb"] = "Forfalsket"
    _refused(pair, payload, "handover_invalid_instrument")
    family = pair.receiver.families.create("Familien Her")
    pair.receiver.checkins.record(family.id, 5)


def test_a_record_version_given_twice_is_refused_by_key(pair: Pair, payload: Payload) -> None:
    """It was an SQLite constraint error (review s28)."""
    history = payload["families"][0]["rows"]["history"]
    history.append(dict(history[0], id=999_999))
    _refused(pair, payload, "handover_repeated_version")


def test_an_earlier_versions_answers_go_through_the_instrument(
    pair: Pair, payload: Payload
) -> None:
    checkin = _first("checkins")(payload)
    payload["families"][0]["rows"]["history"].append(
        {
            "id": 999_998,
            "entity": "checkin",
            "entity_id": checkin["id"],
            "version": checkin["version"],
            "data": json.dumps({**checkin, "answers": json.dumps({"shoe_size": 99})}),
            "changed_by": checkin["updated_by"],
            "changed_at": checkin["updated_at"],
        }
    )
    assert "«shoe_size»" in str(_refused(pair, payload))


@pytest.mark.parametrize(
    ("table", "change", "said"),
    [
        ("checkins", {"respondent": "caseworker"}, "«svarte»"),  # a member's check-in
        ("checkins", {"respondent": "child", "member_id": None}, "«svarte»"),
        ("checkins", {"answered_on": "2150-01-01"}, "«dato»"),
        ("families", {"status": "closed", "closed_on": "2150-01-01"}, "«avsluttet»"),
        ("consents", {"given_on": "2150-01-01"}, "«dato»"),
        # A meeting held, a need raised, a payment proposed or approved on a day to come: the
        # case summary left them out while its totals counted them (outside review).
        ("meetings", {"held_at": "2150-01-01T09:00:00+00:00"}, "neste møte i møtet før"),
        ("needs", {"raised_on": "2150-01-01"}, "«dato»"),
        ("payments", {"proposed_at": "2150-01-01T09:00:00+00:00"}, "«dato»"),
        ("payments", {"approved_at": "2150-01-01T09:00:00+00:00"}, "«dato»"),
    ],
)
def test_what_no_form_records_is_refused(
    pair: Pair, payload: Payload, table: str, change: dict[str, object], said: str
) -> None:
    """Review s28: each was taken in; the forms refuse each."""
    _first(table)(payload).update(change)
    assert said in str(_refused(pair, payload))


@pytest.mark.parametrize(
    ("kind", "said"),
    [("partner", "«samarbeidspartner»"), ("member", "«deltakere»"), ("staff", "«deltakere»")],
)
def test_a_participant_without_who_is_refused(
    pair: Pair, payload: Payload, kind: str, said: str
) -> None:
    rows = payload["families"][0]["rows"]
    rows.setdefault("meeting_participants", []).append(
        {"meeting_id": rows["meetings"][0]["id"], "kind": kind, "member_id": None,
         "user_id": None, "name": ""}
    )  # fmt: skip
    assert said in str(_refused(pair, payload))


def test_a_childs_consent_is_refused(pair: Pair, payload: Payload) -> None:
    """Only adults consent; a child's made the family answer the study's instruments."""
    rows = payload["families"][0]["rows"]
    child = next(m for m in rows["members"] if m["is_child"])
    rows["consents"][0]["member_id"] = child["id"]
    assert "samtykke gis av voksne medlemmer" in str(_refused(pair, payload))


def test_a_second_active_consent_to_one_study_is_refused(pair: Pair, payload: Payload) -> None:
    """The form gives a member one active consent per study; with two, withdrawing the one
    shown left the other, and the family went on to the evaluator."""
    consents = payload["families"][0]["rows"]["consents"]
    consents.append({**consents[0], "id": max(c["id"] for c in consents) + 1})
    assert "medlemmet har allerede et aktivt samtykke" in str(_refused(pair, payload))


def test_a_consent_withdrawn_and_given_again_is_taken(pair: Pair, payload: Payload) -> None:
    """A correction withdraws and records anew: one withdrawn, one active, is as sent."""
    consents = payload["families"][0]["rows"]["consents"]
    given = consents[0]["given_on"]
    withdrawn = {**consents[0], "withdrawn_on": given, "withdrawn_by": consents[0]["recorded_by"]}
    consents.insert(0, {**withdrawn, "id": max(c["id"] for c in consents) + 1})
    [family] = pair.receiver.handovers.receive(_resealed(pair, payload)).families
    consents_here = pair.receiver.consents.for_family(family.family_id)
    assert sorted(c.withdrawn_on is None for c in consents_here) == [False, True]


def test_an_item_id_no_instrument_could_have_is_not_repeated(pair: Pair, payload: Payload) -> None:
    """Control characters and 3,000 characters of it reached the message (review s28)."""
    hostile = "ab\u202ecd\n\x1b[31m" + "x" * 3000
    _first("checkins")(payload)["answers"] = json.dumps({hostile: 1})
    refused = _refused(pair, payload)
    for language in ("nb", "en"):
        words = describe(refused, language)
        assert "\u202e" not in words
        assert "\x1b" not in words
        assert len(words) < 300
    assert "nevner spørsmål som ikke er i dette skjemaet" in str(refused)


def test_a_next_meeting_stored_at_the_same_second_is_taken(pair: Pair, payload: Payload) -> None:
    """The form compares times before they are stored in whole seconds: 10:00:00.2 and
    10:00:00.7 are stored alike, and that file was refused (review s28)."""
    meeting = _first("meetings")(payload)
    meeting["next_meeting_at"] = meeting["held_at"]
    [family] = pair.receiver.handovers.receive(_resealed(pair, payload)).families
    assert family.family_id


def test_a_migrated_childs_row_holds_only_the_old_forms_items(pair: Pair, payload: Payload) -> None:
    """Migration 0010 made a child's old check-in the journal's own instrument's, answered by
    the child, on occasion "other": its score items are the adults', and are taken so; any
    other item is held to its respondent (review s28: a caseworker's item was taken)."""
    rows = payload["families"][0]["rows"]
    child = next(m for m in rows["members"] if m["is_child"])
    checkin = _first("checkins")(payload)
    checkin.update(respondent="child", occasion="other", member_id=child["id"])
    checkin["answers"] = json.dumps({"money_other": 1})
    assert "«svar»" in str(_refused(pair, payload))
    checkin["answers"] = json.dumps({"life_satisfaction": 6})
    [family] = pair.receiver.handovers.receive(_resealed(pair, payload)).families
    assert family.family_id


@pytest.mark.parametrize(("score", "taken"), [(5, True), (11, False)])
def test_a_check_in_version_kept_before_answers_is_taken(
    pair: Pair, payload: Payload, score: int, taken: bool
) -> None:
    """A version kept before check-ins had answers (migration 0010 left the history as it was)
    has only the score columns: taken, each held to its rule."""
    checkin = _first("checkins")(payload)
    old = {k: checkin[k] for k in ("id", "family_id", "member_id", "answered_on", "version")}
    payload["families"][0]["rows"]["history"].append(
        {
            "id": 999_997,
            "entity": "checkin",
            "entity_id": checkin["id"],
            "version": checkin["version"],
            "data": json.dumps({**old, "life_satisfaction": score, "economy": 3}),
            "changed_by": checkin["updated_by"],
            "changed_at": checkin["updated_at"],
        }
    )
    if taken:
        [family] = pair.receiver.handovers.receive(_resealed(pair, payload)).families
        assert family.family_id
    else:
        assert "0 til 10" in str(_refused(pair, payload))


_APPROVED, _PAID = "2026-01-05T09:00:00+00:00", "2026-01-06"


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (
            {"status": "paid", "approved_at": _APPROVED, "paid_on": None},
            "«utbetalt dato»: en utbetalt betaling har datoen den ble utbetalt",
        ),
        (
            {"status": "paid", "approved_at": None, "paid_on": _PAID},
            "«status»: en godkjent eller utbetalt betaling har tidspunktet den ble godkjent",
        ),
        (
            {"status": "approved", "approved_at": None, "paid_on": None},
            "«status»: en godkjent eller utbetalt betaling har tidspunktet den ble godkjent",
        ),
        (
            {"status": "proposed", "approved_at": _APPROVED, "paid_on": None},
            "«status»: en betaling som ikke er godkjent, har ikke tidspunkt for godkjenning",
        ),
        (
            {"status": "rejected", "approved_at": None, "paid_on": _PAID, "reason": "Nei"},
            "«utbetalt dato»: bare en utbetalt betaling har utbetalt dato",
        ),
        (
            {"status": "cancelled", "approved_at": _APPROVED, "paid_on": _PAID, "reason": "Nei"},
            "«utbetalt dato»: bare en utbetalt betaling har utbetalt dato",
        ),
        (
            {"status": "paid", "approved_at": _APPROVED, "paid_on": _PAID, "voucher_ref": ""},
            "«bilagsnummer»: må fylles ut",
        ),
    ],
)
def test_a_payment_whose_status_its_days_do_not_fit_is_refused(
    pair: Pair, payload: Payload, change: dict[str, object], said: str
) -> None:
    """A payment reaches its status through the form's steps (PAYMENT_FLOW): approving records
    its time, marking paid (an approved payment only) its day and voucher; a file's payment
    paid with no day, or approved with no time, was taken in."""
    payment = _first("payments")(payload)
    payment.update({"approved_by": payment["proposed_by"], "voucher_ref": "B-1", **change})
    refused = _refused(pair, payload)
    assert said in str(refused)
    assert "Ask the sender" in describe(refused, "en")


@pytest.mark.parametrize("paid_on", ["2000-01-03", _PAID])
def test_a_payment_paid_on_any_day_up_to_today_is_taken(
    pair: Pair, payload: Payload, paid_on: str
) -> None:
    """The form marks a payment paid on any day up to today, before it was proposed too, and
    a cancelled payment may have been approved first: such a file is taken in as it came."""
    payments = payload["families"][0]["rows"]["payments"]
    payments[0].update(
        status="paid", approved_at=_APPROVED, approved_by=payments[0]["proposed_by"],
        paid_on=paid_on, voucher_ref="B-1",
    )  # fmt: skip
    payments.append(
        dict(
            payments[0], id=max(p["id"] for p in payments) + 1, status="cancelled",
            paid_on=None, voucher_ref="", reason="Ikke lenger nødvendig",
        )
    )  # fmt: skip
    [family] = pair.receiver.handovers.receive(_resealed(pair, payload)).families
    rows = pair.receiver._ctx.db.all(
        "SELECT status, paid_on FROM payments WHERE family_id = ? ORDER BY id",
        (family.family_id,),
    )
    assert ("paid", paid_on) in [(r["status"], r["paid_on"]) for r in rows]


def test_a_closed_case_without_a_closing_day_is_taken(pair: Pair, payload: Payload) -> None:
    """The form never refuses one (closing gives today), and the retention rules keep such a
    case: taken as it came, where a closing day on an open case, or before the case opened,
    refuses the file (records.families.closing, as set_status)."""
    _first("families")(payload).update(status="closed", closed_on=None)
    [family] = pair.receiver.handovers.receive(_resealed(pair, payload)).families
    taken = pair.receiver.families.get(family.family_id)
    assert (taken.status.value, taken.closed_on) == ("closed", None)


@pytest.mark.parametrize("edited", [{"is_child": 0}, {"birth_year": 2022}])
def test_a_childs_check_in_on_a_member_edited_since_is_taken(
    pair: Pair, payload: Payload, edited: dict[str, object]
) -> None:
    """The form refuses a child's answers from an adult, or from a child under the items' age
    on the check-in's day; but a member edited afterwards keeps their check-ins (records/
    members.py does not look at them, nor does a check-in's update), so a journal holds such
    a pair honestly, and its file is taken as it came."""
    rows = payload["families"][0]["rows"]
    child = next(m for m in rows["members"] if m["is_child"])
    _first("checkins")(payload).update(
        respondent="child",
        occasion="follow_up",
        member_id=child["id"],
        answers=json.dumps({"child_life": 7}),
    )
    child.update(edited)
    [family] = pair.receiver.handovers.receive(_resealed(pair, payload)).families
    [checkin] = pair.receiver.checkins.trend(family.family_id)
    assert checkin.answers == {"child_life": 7}
