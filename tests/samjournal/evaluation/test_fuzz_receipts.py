"""Hostile receipts for the journal: random and mutated JSON and signatures, also re-signed with
the evaluator's key. Each is refused with BundleRejected (NotFound for a study the journal does
not know), never hangs, and changes nothing."""

# The shared fixtures are imported by name and then taken as parameters, which ruff reads as
# redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samjournal.errors import BundleRejected, NotFound
from samjournal.journal import Journal
from tests.conftest import note_reliability
from tests.fuzz.settings import fuzz_settings
from tests.samjournal.evaluation.conftest import (
    STUDY,
)
from tests.samjournal.evaluation.fuzz_support import (  # noqa: F401 - fixtures
    FUZZ,
    MANY,
    Material,
    lead,
    material,
    no_hang,
    ws,
)
from tests.samjournal.test_fuzz_backup import _mutate, edits, json_values

# -- receipts ----------------------------------------------------------------------------------


def _receipt_json(body: str, signature: str) -> bytes:
    return json.dumps({"receipt": body, "signature": signature}).encode()


def _resign(m: Material, body: str) -> bytes:
    """Signed by the evaluator's own receipt key: what a broken evaluator could send."""
    signature = m.receipt_key.sign(body.encode("utf-8"), trusted_comment="samjournal receipt")
    return _receipt_json(body, signature)


def _hostile_receipts(m: Material) -> st.SearchStrategy[bytes]:
    outer = json.loads(m.receipt)
    body = json.loads(outer["receipt"])
    fields = sorted(body)
    values = st.one_of(
        json_values,
        st.sampled_from(
            [10**30, -1, 0, 2**63, float("inf"), "\ud800", "a\x00b", STUDY.upper(), "x" * 5000]
        ),
    )

    def with_field(args: tuple[int, object, bool]) -> bytes:
        index, value, signed = args
        changed = {**body, fields[index % len(fields)]: value}
        text = json.dumps(changed, sort_keys=True, separators=(",", ":"))
        if signed and text.isascii():
            return _resign(m, text)
        return _receipt_json(text, outer["signature"])

    def with_signature(lines: list[str]) -> bytes:
        return _receipt_json(outer["receipt"], "\n".join(lines))

    sig_lines = outer["signature"].splitlines()
    return st.one_of(
        st.binary(max_size=1024),
        edits.map(lambda e: _mutate(m.receipt, e)),
        st.integers(0, len(m.receipt)).map(lambda n: m.receipt[:n]),
        st.tuples(st.integers(0, 20), values, st.booleans()).map(with_field),
        json_values.map(lambda v: json.dumps(v).encode()),
        json_values.map(lambda v: _receipt_json(json.dumps(v), "x")),
        st.text(max_size=200).map(
            lambda t: _resign(m, t) if t.isascii() else t.encode("utf-8", "surrogatepass")
        ),
        st.tuples(st.integers(0, 3), st.text(max_size=60)).map(
            lambda a: with_signature([*sig_lines[: a[0]], a[1], *sig_lines[a[0] + 1 :]])
        ),
        st.sampled_from(
            [
                b"[" * 10_000 + b"]" * 10_000,
                m.receipt.decode().encode("utf-16"),
                b"\xef\xbb\xbf" + m.receipt,
                m.receipt + b" " * 20_000,
                with_signature([*sig_lines[:2], "trusted comment: \ud800", *sig_lines[3:]]),
                _receipt_json(outer["receipt"] + "\ud800", outer["signature"]),
            ]
        ),
    )


def _journal_state(journal: Journal) -> object:
    return (
        journal.audit_head(),
        journal.evaluation.export_log(),
        journal.evaluation.studies(),
    )


def _undeliver(journal: Journal) -> None:
    """Start every example with bundle 1 not yet confirmed, so a receipt can go all the way."""
    db = journal._require_open().db
    with db.transaction():
        db.execute("UPDATE evaluation_exports SET delivered_at = NULL, receipt = NULL")


def _check_receipt(lead: Journal, data: bytes) -> None:
    _undeliver(lead)
    before = _journal_state(lead)
    note_reliability("fuzz")
    refusal: Exception | None = None
    try:
        with no_hang():
            entry = lead.evaluation.import_receipt(data)
    except (BundleRejected, NotFound) as exc:
        refusal = exc
    if refusal is not None:
        assert str(refusal)
        assert _journal_state(lead) == before, "a refused receipt changed the journal"
        return
    assert entry.delivered
    assert entry.sequence == 1
    assert lead.verify_audit().ok


@FUZZ
@given(data=st.data())
def test_hostile_receipts_are_refused_cleanly(
    data: st.DataObject, material: Material, lead: Journal
) -> None:
    _check_receipt(lead, data.draw(_hostile_receipts(material)))


@pytest.mark.slow
@fuzz_settings(MANY)
@given(data=st.data())
def test_hostile_receipts_many(data: st.DataObject, material: Material, lead: Journal) -> None:
    _check_receipt(lead, data.draw(_hostile_receipts(material)))


def test_the_fuzzed_receipt_is_accepted(material: Material, lead: Journal) -> None:
    _undeliver(lead)
    assert lead.evaluation.import_receipt(material.receipt).delivered


# -- what the fuzzing found, pinned ----------------------------------------------------------
# Each of these raised something other than the importer's own error (RecursionError,
# OverflowError, UnicodeEncodeError, TypeError) or, for the study id, was accepted.


def _body(m: Material, **changes: object) -> str:
    body = {**json.loads(json.loads(m.receipt)["receipt"]), **changes}
    return json.dumps(body, sort_keys=True, separators=(",", ":"))


RECEIPTS: dict[str, Callable[[Material], bytes]] = {
    "deeply nested": lambda m: b"[" * 5000 + b"]" * 5000,
    "sequence Infinity": lambda m: _receipt_json(_body(m, sequence=float("inf")), "x"),
    "study id with a lone surrogate": lambda m: _receipt_json(_body(m, study_id="\ud800"), "x"),
    "signed, stored_at a lone surrogate": lambda m: _resign(m, _body(m, stored_at="\ud800")),
    "signed, sequence past 64 bits": lambda m: _resign(m, _body(m, sequence=2**70)),
    "trusted comment a lone surrogate": lambda m: _receipt_json(
        json.loads(m.receipt)["receipt"],
        "\n".join(
            "trusted comment: \ud800" if line.startswith("trusted comment") else line
            for line in json.loads(m.receipt)["signature"].splitlines()
        ),
    ),
    "the real receipt in UTF-16": lambda m: m.receipt.decode().encode("utf-16"),
}


@pytest.mark.parametrize("case", sorted(RECEIPTS))
def test_receipts_the_fuzzing_found(material: Material, lead: Journal, case: str) -> None:
    _undeliver(lead)
    before = _journal_state(lead)
    with pytest.raises(BundleRejected):
        lead.evaluation.import_receipt(RECEIPTS[case](material))
    assert _journal_state(lead) == before
