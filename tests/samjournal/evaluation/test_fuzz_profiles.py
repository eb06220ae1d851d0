"""Hostile study profiles for the journal: random and mutated JSON, huge numbers, wrong types,
also re-fingerprinted. Each is refused with BundleRejected (ValidationError for a municipality
name too long), never hangs, and changes nothing; no importer writes beside its input."""

# The shared fixtures are imported by name and then taken as parameters, which ruff reads as
# redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samjournal.errors import BundleRejected, ValidationError
from samjournal.evaluation.evaluator import (
    Workspace,
    import_bundles,
)
from samjournal.evaluation.profile import canonical
from samjournal.journal import Journal
from samjournal.minisign import short_fingerprint
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

# -- study profiles ----------------------------------------------------------------------------


def _refingerprinted(raw: dict[str, Any]) -> bytes:
    body = {k: v for k, v in raw.items() if k != "fingerprint"}
    with contextlib.suppress(TypeError, ValueError):
        raw = {**raw, "fingerprint": short_fingerprint(canonical(body))}
    return json.dumps(raw).encode("utf-8", "surrogatepass")


def _hostile_profiles(m: Material) -> st.SearchStrategy[bytes]:
    raw = json.loads(m.profile)
    top = sorted(raw)
    policy = sorted(raw["policy"])
    values = st.one_of(
        json_values,
        st.sampled_from(
            [
                10**400,
                -(10**30),
                2**63,
                1e308,
                float("inf"),
                float("nan"),
                True,
                "\ud800",
                "a\x00b",
                "x" * 70_000,
                ["meetings"] * 3,
                ["x" * 81],
                {"meetings": 1},
                "meetings",
                f"{STUDY}\n",
            ]
        ),
    )

    def changed(args: tuple[bool, int, object, bool, str]) -> bytes:
        in_policy, index, value, refingerprint, new_id = args
        out = json.loads(json.dumps(raw))
        if in_policy:
            out["policy"][policy[index % len(policy)]] = value
        else:
            out[top[index % len(top)]] = value
        if new_id and out.get("id") == raw["id"]:
            out["id"] = new_id  # a new study, so an accepted one does not block the next
        if refingerprint:
            return _refingerprinted(out)
        return json.dumps(out).encode("utf-8", "surrogatepass")

    ids = st.from_regex(r"\A[a-z0-9][a-z0-9._-]{0,20}\Z")
    return st.one_of(
        st.binary(max_size=1024),
        edits.map(lambda e: _mutate(m.profile, e)),
        st.integers(0, len(m.profile)).map(lambda n: m.profile[:n]),
        st.tuples(st.booleans(), st.integers(0, 20), values, st.booleans(), ids).map(changed),
        json_values.map(lambda v: json.dumps(v).encode()),
        st.sampled_from(
            [
                b"[" * 20_000 + b"]" * 20_000,
                b"{" + b'"a":{' * 5000 + b"}" * 5001,
                m.profile.decode().encode("utf-16"),
                m.profile + b" " * 70_000,
                _refingerprinted({**raw, "unknown": 1}),
            ]
        ),
    )


def _check_profile(lead: Journal, data: bytes) -> None:
    before = (lead.audit_head(), lead.evaluation.studies())
    note_reliability("fuzz")
    refusal: Exception | None = None
    try:
        with no_hang():
            profile = lead.evaluation.import_study(data)
    except (BundleRejected, ValidationError) as exc:
        refusal = exc
    if refusal is not None:
        assert str(refusal)
        assert (lead.audit_head(), lead.evaluation.studies()) == before
        return
    # Accepted (whole, or changed and fingerprinted again): it reads back, and the journal can
    # work out an export with it.
    assert lead.evaluation.profile(profile.id) == profile
    with no_hang():
        lead.evaluation.preview(profile.id)
    assert lead.verify_audit().ok


@FUZZ
@given(data=st.data())
def test_hostile_profiles_are_refused_cleanly(
    data: st.DataObject, material: Material, lead: Journal
) -> None:
    _check_profile(lead, data.draw(_hostile_profiles(material)))


@pytest.mark.slow
@fuzz_settings(MANY)
@given(data=st.data())
def test_hostile_profiles_many(data: st.DataObject, material: Material, lead: Journal) -> None:
    _check_profile(lead, data.draw(_hostile_profiles(material)))


def test_the_fuzzed_profile_imports(material: Material, lead: Journal) -> None:
    assert lead.evaluation.import_study(material.profile).id == STUDY


# A refusal must never leave a file behind either: the importers only read.
def test_importers_write_nothing_beside_their_input(
    material: Material, ws: Workspace, lead: Journal, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for name, data in (
        ("b.age", b"junk"),
        ("r.json", b"{}"),
        ("p.json", b"[]"),
    ):
        (folder / name).write_bytes(data)
    import_bundles(ws, [folder / "b.age"])
    with pytest.raises(BundleRejected):
        lead.evaluation.import_receipt(folder / "r.json")
    with pytest.raises(BundleRejected):
        lead.evaluation.import_study(folder / "p.json")
    assert sorted(p.name for p in folder.iterdir()) == ["b.age", "p.json", "r.json"]


# -- what the fuzzing found, pinned ----------------------------------------------------------
# Each of these raised something other than the importer's own error (RecursionError,
# OverflowError, UnicodeEncodeError, TypeError) or, for the study id, was accepted.


def _profile(m: Material, change: Callable[[dict[str, Any]], object]) -> bytes:
    raw = json.loads(m.profile)
    change(raw)
    return _refingerprinted(raw)


PROFILES: dict[str, Callable[[Material], bytes]] = {
    "deeply nested": lambda m: b"[" * 5000 + b"]" * 5000,
    "max_suppression 10**400": lambda m: _profile(
        m, lambda r: r["policy"].update(max_suppression=10**400)
    ),
    # a new study, or the journal refuses it for having another fingerprint than the one it has
    "name with a lone surrogate": lambda m: _profile(
        m, lambda r: r.update(id="ny-studie", name="a\ud800")
    ),
    "municipality with a lone surrogate": lambda m: _profile(
        m, lambda r: (r.update(id="ny-studie"), r["policy"].update(municipality="\ud800"))
    ),
    "id ending in a newline": lambda m: _profile(m, lambda r: r.update(id=f"{STUDY}\n")),
}


@pytest.mark.parametrize("case", sorted(PROFILES))
def test_profiles_the_fuzzing_found(material: Material, lead: Journal, case: str) -> None:
    before = (lead.audit_head(), lead.evaluation.studies())
    with pytest.raises(BundleRejected):
        lead.evaluation.import_study(PROFILES[case](material))
    assert (lead.audit_head(), lead.evaluation.studies()) == before
