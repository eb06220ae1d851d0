"""The audit chain finds any edited, removed, inserted or reordered event."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal import audit, audit_heads
from samjournal.audit_tree import consistency_proof, proof_between, root, verify_consistency
from samjournal.i18n import word
from samjournal.journal import Journal
from samjournal.money import Money
from samjournal.store import Database
from tests.conftest import Template


@pytest.fixture
def busy(lead: Journal, template: Template) -> Journal:
    for amount in (100, 200, 300):
        lead.payments.propose(template.worker_family, Money.kr(amount), f"Busskort {amount}")
    assert lead.verify_audit().ok
    return lead


def _raw(journal: Journal) -> Database:
    return journal._ctx.db


def _edit(db: Database) -> None:
    db.execute("UPDATE audit SET username = 'mallory' WHERE seq = 3")


def _remove(db: Database) -> None:
    db.execute("DELETE FROM audit WHERE seq = 4")


def _insert(db: Database) -> None:
    last = db.first("SELECT * FROM audit ORDER BY seq DESC LIMIT 1")
    assert last is not None
    db.execute(
        "INSERT INTO audit (seq, at, username, action, entity, entity_id, detail, hash)"
        " VALUES (?, ?, 'mallory', 'view', 'family', '1', '', ?)",
        (last["seq"] + 1, last["at"], last["hash"]),
    )


def _reorder(db: Database) -> None:
    a = db.first("SELECT * FROM audit WHERE seq = 5")
    b = db.first("SELECT * FROM audit WHERE seq = 6")
    assert a is not None
    assert b is not None
    db.execute("DELETE FROM audit WHERE seq IN (5, 6)")
    for seq, row in ((5, b), (6, a)):
        db.execute(
            "INSERT INTO audit (seq, at, username, action, entity, entity_id, family_id, detail,"
            " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                seq,
                *(
                    row[k]
                    for k in (
                        "at",
                        "username",
                        "action",
                        "entity",
                        "entity_id",
                        "family_id",
                        "detail",
                        "hash",
                    )
                ),
            ),
        )


@pytest.mark.parametrize("tamper", [_edit, _remove, _insert, _reorder])
def test_tampering_is_detected(busy: Journal, tamper: Callable[[Database], None]) -> None:
    db = _raw(busy)
    with db.transaction():
        tamper(db)
    report = busy.verify_audit()
    assert not report.ok
    assert busy.integrity_problems()


def test_head_moves_with_every_event(busy: Journal, template: Template) -> None:
    before = busy.audit_head()
    busy.families.open(template.worker_family)
    after = busy.audit_head()
    assert before != after
    assert int(after.split(" · ")[0]) == int(before.split(" · ")[0]) + 1


@settings(max_examples=300, deadline=None)
@given(
    st.binary(min_size=1, max_size=100),
    st.tuples(
        st.integers(0, 2**62),
        st.text(),
        st.text(),
        st.text(),
        st.text(),
        st.text(),
        st.none() | st.integers(-(2**62), 2**62),
        st.text(),
    ),
)
def test_the_chain_hash_is_hmac_over_compact_json(key: bytes, fields: tuple[object, ...]) -> None:
    """The fast row body and keyed states give the very hash journals already hold."""
    body = json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode()
    expected = hmac.new(key, b"abc\n" + body, hashlib.sha256).hexdigest()
    assert audit._row_hash(key, "abc", fields) == expected


def test_the_stored_tree_gives_the_proofs_the_events_give(busy: Journal) -> None:
    """A bundle's head and proof are read from stored subtree roots: they must be exactly what
    the events themselves give, for every old size and every tree size up to the log's."""
    for _ in range(40):
        busy.families.open(busy.families.case_list()[0].id)
    db = _raw(busy)
    leaves = [audit.leaf_of(str(r[0])) for r in db.tuples("SELECT hash FROM audit ORDER BY seq")]
    stored = audit.StoredTree(db)
    assert busy.verify_audit().ok
    for size in range(1, len(leaves) + 1):
        assert stored.mth(0, size) == root(leaves[:size])
        assert audit_heads.root_at(db, size) == root(leaves[:size])
        for old in range(0, size + 1, 3):
            by_store = proof_between(old, size, stored.mth)
            assert by_store == consistency_proof(old, leaves[:size])
            assert verify_consistency(old, size, root(leaves[:old]), root(leaves[:size]), by_store)


def test_a_stored_subtree_that_was_changed_is_found(busy: Journal) -> None:
    db = _raw(busy)
    with db.transaction():
        db.execute("UPDATE audit SET node = zeroblob(32) WHERE seq = 4")
    report = busy.verify_audit()
    [problem] = report.problems
    assert problem.startswith(
        "1 lagrede deltrær stemmer ikke med hendelsene, det første ved hendelse 4"
    )
    assert word(problem, "en").startswith(
        "1 stored subtree(s) do not match the events, the first at event 4"
    )
