"""A handed-over family keeps its answers readable: the instrument versions it answered, and the
questions its studies ask, travel with it."""

from __future__ import annotations

from pathlib import Path

from samjournal.instruments.model import Respondent
from samjournal.instruments.parse import instrument_from_json
from samjournal.model import FamilyId
from tests.samjournal.handover.conftest import Pair
from tests.samjournal.instruments.test_checkins import give_study_instrument
from tests.samjournal.instruments.test_model import custom


def test_the_instruments_a_family_answered_travel_with_it(pair: Pair, tmp_path: Path) -> None:
    sender = pair.sender
    form = instrument_from_json(custom())
    form = give_study_instrument(sender, form)
    family = sender.families.create("Familien Skjema")
    adult = sender.members.add(family.id, "Åse Skjema", birth_year=1985)
    sender.consents.give(adult.id, "s1", letter_version="v1")
    sender.checkins.record(
        family.id, form.ref, {"safe": 4, "moves": 1}, respondent=Respondent.ADULT,
        member_id=adult.id,
    )  # fmt: skip
    target = tmp_path / "overføring.age"
    sender.handovers.send([family.id], pair.receiver.journal_id, target)
    [got] = pair.receiver.handovers.receive(target.read_bytes()).families
    receiver, moved = pair.receiver, FamilyId(got.family_id)
    [checkin] = receiver.checkins.trend(moved)
    assert (checkin.instrument, checkin.answers) == (form.ref, {"moves": 1, "safe": 4})
    assert receiver.instruments.get(form.ref) == form
    assert receiver.instruments.for_family(moved) == (form,)  # the study asks it here too
    updated = receiver.checkins.update(checkin.id, {"safe": 5}, expected_version=1)
    assert updated.answers == {"safe": 5}
