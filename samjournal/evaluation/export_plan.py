"""An export's plan: what the next bundle of a study sends (the release checked over every
bundle before it, tombstones, consent counts, the risk report), and what the journal records once
the bundle is written (`record`). Both run inside the export's one write transaction
(exporter.py says why); nothing here touches files.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import Any

from samjournal.audit import Action
from samjournal.context import Context, iso, utcnow
from samjournal.evaluation import audit_proof
from samjournal.evaluation.anonymise import Risk, budget_step
from samjournal.evaluation.bundle import Header
from samjournal.evaluation.consent_counts import consent_counts
from samjournal.evaluation.levels import Levels, choose, stored_levels
from samjournal.evaluation.profile import EVENT_TABLES, Policy, StudyProfile
from samjournal.evaluation.release import Line, Release, household_node, starred
from samjournal.evaluation.release_check import Checked, protection, release_at
from samjournal.evaluation.release_items import row_items
from samjournal.evaluation.release_source import Source
from samjournal.evaluation.release_state import ENTITY_PREFIX, RecordKey, Registry
from samjournal.evaluation.risk import RiskReport
from samjournal.evaluation.sql import executemany, tuples
from samjournal.evaluation.tables import CONSENT_COUNTS
from samjournal.minisign import SigningKey
from samjournal.store import Database


@dataclass(slots=True)
class Plan:
    """The next bundle of a study; its release state in memory until `record`."""

    profile: StudyProfile
    registry: Registry
    release: Release
    kind: str
    sequence: int
    previous: str
    change_from: int
    change_to: int
    tables: dict[str, list[str]]  # table -> CSV lines
    tombstones_new: list[tuple[str, str, str, str]]  # pseudonym, household, table, reason
    tombstones_all: list[list[str]]
    consent_counts: list[list[str]]  # the whole journal's, per month: sent whole every time
    risk: RiskReport


def make_plan(db: Database, profile: StudyProfile, full: bool) -> Plan:
    """The next bundle of the study: its release checked over every bundle before it, its
    tombstones, tables, consent counts and risk report (nothing written: `record` does)."""
    study_id = profile.id
    municipality = str(
        db.scalar("SELECT municipality FROM studies WHERE id = ?", (study_id,)) or ""
    )
    last = db.first(
        "SELECT sequence, bundle_hash, change_to FROM evaluation_exports WHERE study_id = ?"
        " ORDER BY sequence DESC LIMIT 1",
        (study_id,),
    )
    # After a restore the evaluator's rows from the bundles it lost must go: full bundles,
    # until one comes back with a receipt, replace them once the evaluator takes the journal
    # on (evaluator/forks.py).
    full = full or bool(audit_proof.unacknowledged_forks(db, study_id))
    kind = "full" if full or last is None else "incremental"
    tried: dict[tuple[Any, ...], tuple[Registry, Release, Checked]] = {}
    source = Source(db, study_id)  # the journal's rows, read once for every attempt

    def attempt(levels: Levels) -> tuple[Registry, Release, Checked]:
        """The release at `levels`, checked (state in memory only until `record`)."""
        found = tried.get(levels.key)
        if found is None:
            policy = levels.apply(profile.policy)
            found = tried[levels.key] = release_at(
                db, study_id, policy, municipality, levels, source
            )
        return found

    levels = stored_levels(db, study_id)
    if levels is None:  # the study's first export: search, each point checked for real
        levels = choose(
            source,
            profile.policy,
            lambda policy: household_node(db, study_id, policy, municipality, source),
            lambda levels: attempt(levels)[2].held_share,
        )
    registry, release, checked = attempt(levels)  # the point chosen was run: kept
    policy = levels.apply(profile.policy)
    levels = replace(levels, node=release.generalised.node)

    # Tombstones: what was sent before and is no longer released. A household's says only
    # that it left the study (the reason stays in the journal).
    tombstones_new: list[tuple[str, str, str, str]] = []
    for state in registry.by_family.values():
        own = state.records.get(RecordKey("households", state.family_id))
        if own is not None and own.version > 0 and not own.released:
            tombstones_new.append((state.pseudonym, state.pseudonym, "households", "left"))
            state.retired = True
            continue
        gone = [k for k, sent in state.records.items() if sent.version > 0 and not sent.released]
        for k in gone:  # rows sent before, not released now: deleted, or out of the study
            if k.table in EVENT_TABLES:
                pseudonym = f"{ENTITY_PREFIX[k.table]}{state.records[k].body}"
                reason = "deleted" if k.table in profile.policy.tables else "out_of_scope"
                tombstones_new.append((pseudonym, state.pseudonym, k.table, reason))
                del state.records[k]
                state.dirty = True

    # What goes into the bundle: every household (so k holds in the bundle itself), and the
    # changed rows of the other tables (all of them in a full bundle). Rows go in an order of
    # released values only: in the journal's order they followed its ids, which follow
    # registration, and told when each case opened (review, 2026-12-06). Households by their
    # random pseudonym; an event table's rows by household, then by their own random pseudonym
    # (kept together, a household's rows compress as they did: 8.5 MB at 2,000 households when
    # scattered, against 5.3 MB). Consent counts come by month.
    tables: dict[str, list[str]] = {}
    for name, lines in release.lines.items():
        if name != "households" and name not in profile.policy.tables:
            continue
        every = name == "households" or full
        sent = [line for line in lines if every or line.sent.changed]
        tables[name] = (
            sorted(line.text() for line in sent) if name == "households" else _by_household(sent)
        )
    tombstones_all = [[p, h, t, r] for p, h, t, r in tombstones_new]
    if kind == "full":
        tombstones_all += [
            [r[0], r[1], r[2], r[3]]
            for r in tuples(
                db,
                "SELECT pseudonym, household, tablename, reason FROM evaluation_tombstones"
                " WHERE study_id = ?",
                (study_id,),
            )
        ]
    tombstones_all.sort()
    sequence = 1 if last is None else int(last[0]) + 1
    change_to = int(db.scalar("SELECT coalesce(max(seq), 0) FROM audit"))
    change_from = 1 if kind == "full" or last is None else int(last[2]) + 1
    counts = consent_counts(db, study_id, release.gate)
    risk = _risk(
        profile, policy, release, tombstones_all, tables, len(counts), checked.outcome.footprints
    )
    risk = replace(risk, protection=protection(policy, levels, checked, release, registry))
    return Plan(
        profile=profile,
        registry=registry,
        release=release,
        kind=kind,
        sequence=sequence,
        previous="" if last is None else str(last[1]),
        change_from=change_from,
        change_to=change_to,
        tables=tables,
        tombstones_new=tombstones_new,
        tombstones_all=tombstones_all,
        consent_counts=counts,
        risk=risk,
    )


def _by_household(lines: list[Line]) -> list[str]:
    """Event rows' CSV lines by household pseudonym, each household's by the line (its own
    pseudonym first). Bucketed, not sorted by a key per line: five times the plain sort."""
    buckets: dict[str, list[str]] = {}
    for line in lines:
        found = buckets.get(line.state.pseudonym)
        if found is None:
            buckets[line.state.pseudonym] = found = []
        found.append(line.text())
    return [text for household in sorted(buckets) for text in sorted(buckets[household])]


def _risk(
    profile: StudyProfile,
    policy: Policy,  # with the study's levels applied
    release: Release,
    tombstones: list[list[str]],
    tables: dict[str, list[str]],
    consent_months: int,
    footprints: Mapping[str, AbstractSet[str]],
) -> RiskReport:
    general = release.generalised
    reasons: dict[str, int] = {}
    for row in tombstones:
        reasons[row[3]] = reasons.get(row[3], 0) + 1
    left = release.gate.counts()
    # The households this bundle holds (those held back whole wait, unsent: counted in, they
    # showed a smallest group under k beside "violations left: 0", evaluator review), each
    # among every household whose fields, in any bundle the study has, are the same: the
    # union's footprints (`footprints`, after the check), those that left included. Counted
    # over this bundle alone, a later bundle's groups were not what the evaluator holds.
    holders = Counter(x for found in footprints.values() for x in found if x.startswith("v|"))
    fields = [
        row_items("households", line.sent.content, None)[0] for line in release.lines["households"]
    ]
    after = Risk.among(fields, holders, policy.k)
    if general.too_few:
        after = Risk(0, 0, 0, 0, 0.0, 0.0)
    return RiskReport(
        study_id=profile.id,
        k=policy.k,
        created=iso(utcnow()) or "",
        families=release.families_total,
        consented=len(release.gate.eligible),
        # The households in this bundle (those held back whole wait; the check says so).
        released=len(release.household_of),
        left_out=left,
        generalisation=general.describe(),
        # As the bundle shows them: a change to starred held back is not (outside review s21).
        suppressed=sum(starred(line.sent.content) for line in release.lines["households"]),
        before=general.before,
        after=after,
        amounts={
            "rounding_nok": policy.amount_rounding_nok,
            "top_code_nok": policy.amount_top_code_nok,
            "top_coded": release.summary.amounts_top_coded,
            # The grid of the frames released: the node's level of the hierarchy.
            "budget_rounding_nok": budget_step(policy.budget_rounding_nok, general.node[6]),
            "budget_top_code_nok": policy.budget_top_code_nok,
            "budgets_top_coded": release.summary.budgets_top_coded,
        },
        tombstones=reasons,
        rows={
            **{n: len(r) for n, r in tables.items()},
            "tombstones": len(tombstones),
            CONSENT_COUNTS.name: consent_months,
        },
    )


def record(
    ctx: Context,
    db: Database,
    plan: Plan,
    header: Header,
    key: SigningKey,
    file_name: str,
    bundle_hash: str,
    file_sha256: str,
) -> None:
    """What the export leaves in the journal, inside its transaction: the households' release
    state, the new tombstones, the log line (with the file's SHA-256) and the audit event."""
    study_id = plan.profile.id
    seq = plan.sequence
    states = list(plan.registry.by_family.values())
    executemany(
        db,
        "INSERT INTO evaluation_households (study_id, pseudonym, family_id, records, retired)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (study_id, st.pseudonym, st.family_id, st.pack(), int(st.retired))
            for st in states
            if st.row_id is None
        ],
    )
    executemany(
        db,
        "UPDATE evaluation_households SET records = ?, retired = ? WHERE id = ?",
        [
            (st.pack(), int(st.retired), st.row_id)
            for st in states
            if st.row_id is not None and (st.dirty or st.retired)
        ],
    )
    now = iso(utcnow())
    executemany(
        db,
        "INSERT INTO evaluation_tombstones (study_id, pseudonym, household, tablename, reason,"
        " created_at, sequence) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(study_id, p, h, t, r, now, seq) for p, h, t, r in plan.tombstones_new],
    )
    rows = sum(len(r) for r in plan.tables.values())
    db.execute(
        "INSERT INTO evaluation_exports (study_id, sequence, kind, created_at, created_by,"
        " file_name, bundle_hash, previous_hash, change_from, change_to, households,"
        " rows_sent, tombstones, key_id, risk_report, file_sha256)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            study_id,
            seq,
            plan.kind,
            header.created,
            ctx.user.id,
            file_name,
            bundle_hash,
            plan.previous,
            plan.change_from,
            plan.change_to,
            len(plan.tables.get("households", [])),
            rows,
            len(plan.tombstones_all),
            key.public.key_id_hex,
            json.dumps(plan.risk.to_json(), ensure_ascii=False),
            file_sha256,
        ),
    )
    ctx.log(
        Action.EXPORT,
        "study",
        study_id,
        detail=f"bundle {seq} ({plan.kind}): {rows} rows, {len(plan.tombstones_all)}"
        f" tombstones, key {key.public.key_id_hex}",
    )
