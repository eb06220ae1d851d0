"""The journal's side: study profiles, the export (incremental or full), the export log, receipts
and the journal's signing key. `Evaluation` is a section of the facade, like `journal.consents`.

An export runs in one write transaction: read, gate, anonymise, assign pseudonyms and versions,
write the bundle to a temp file (fsynced), record the new state and the export log with the
file's SHA-256, commit, and only then give the file its name. So a bundle under its name always
has its line in the log, and a sequence number never names two bundles: a crash before the
commit leaves a temp file (removed at the next export into that folder, the number unused); a
crash after it leaves the logged bundle under its temp name, adopted at the next export into the
folder when its SHA-256 is the logged one. A named bundle without a line (written by a version
before this order) is moved aside with a notice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from samjournal import mark
from samjournal.audit import Action
from samjournal.context import Context, iso, utcnow
from samjournal.errors import AuditChainBroken, AuditRewritten, BundleRejected, NotFound
from samjournal.evaluation import audit_proof, bundle_names, pseudonyms
from samjournal.evaluation.anonymise import Risk, budget_rounding
from samjournal.evaluation.bundle import Header, csv_bytes, csv_lines, write_bundle
from samjournal.evaluation.bundle_files import move_aside, name_bundle, sha256_of, write_synced
from samjournal.evaluation.consent_counts import consent_counts
from samjournal.evaluation.levels import Levels, choose, stored_levels
from samjournal.evaluation.profile import (
    EVENT_TABLES,
    STUDY_ID,
    Policy,
    StudyProfile,
    normalise_fingerprint,
)
from samjournal.evaluation.receipts import MAX_RECEIPT_BYTES, Receipt, verify_receipt
from samjournal.evaluation.release import Release, household_node
from samjournal.evaluation.release_check import Checked, protection, release_at
from samjournal.evaluation.release_source import Source
from samjournal.evaluation.release_state import ENTITY_PREFIX, RecordKey, Registry
from samjournal.evaluation.risk import RiskReport
from samjournal.evaluation.sql import executemany, paused_gc, tuples
from samjournal.evaluation.tables import CONSENT_COUNTS, DATA_TABLES, TOMBSTONES
from samjournal.fsutil import (
    FOLDER_MODE,
    atomic_write,
    remove_partials,
    storage_error,
    temp_path,
)
from samjournal.messages import Said, invalid, keyed, said
from samjournal.minisign import PublicKey, SigningKey
from samjournal.model import FamilyId
from samjournal.records import base
from samjournal.records.instruments import set_for_study
from samjournal.signing import signing_key
from samjournal.store import Database


@dataclass(frozen=True, slots=True)
class StudyInfo:
    id: str
    name: str
    organisation: str
    fingerprint: str | None  # None: known from consents only, no profile imported yet
    municipality: str


@dataclass(frozen=True, slots=True)
class ExportEntry:
    """One line of the export log."""

    study_id: str
    sequence: int
    kind: str
    created_at: dt.datetime
    created_by: str
    file_name: str
    bundle_hash: str
    previous_hash: str
    change_from: int
    change_to: int
    households: int
    rows: int
    tombstones: int
    key_id: str
    delivered_at: str | None

    @property
    def delivered(self) -> bool:
        return self.delivered_at is not None


@dataclass(frozen=True, slots=True)
class Preview:
    """What an export would send, for the wizard and `export --dry-run`; nothing is written."""

    study_id: str
    kind: str
    sequence: int
    risk: RiskReport
    left_out: dict[FamilyId, str]  # the families not exported, and why (for the wizard's list)


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    entry: ExportEntry
    risk: RiskReport
    notices: tuple[Said, ...] = ()  # what the export found and settled in the folder first
    # The audit head the bundle carries, short ("18636 · 670a9d16181b508f"): what the evaluator's
    # import prints, to compare on the phone (the journal's own head is one further, at the
    # export's own event).
    audit_head: str = ""


@dataclass(slots=True)
class _Plan:
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


# -- the signing key ---------------------------------------------------------------------------


# -- the section -------------------------------------------------------------------------------


class Evaluation(base.Section):
    """Studies, exports and receipts of one journal, as the signed-in user."""

    def __init__(self, ctx: Context) -> None:
        super().__init__(ctx)

    # -- studies ----------------------------------------------------------------------------

    def import_study(
        self,
        source: Path | str | bytes,
        *,
        expect_fingerprint: str | None = None,
        replace: bool = False,
        municipality: str | None = None,
    ) -> StudyProfile:
        """Import a study profile (team lead). Refused when its fingerprint does not hold."""
        ctx = self._ctx
        ctx.require_teamlead("import_study_profile")
        if isinstance(source, bytes):
            profile = StudyProfile.parse(source)
        else:
            profile = StudyProfile.load(Path(source))
        if expect_fingerprint is not None and (
            normalise_fingerprint(expect_fingerprint) != profile.fingerprint
        ):
            raise keyed(
                BundleRejected,
                "fingerprint_profile_evaluator_read",
                fingerprint=profile.fingerprint,
                expect_fingerprint=expect_fingerprint,
            )
        place = " ".join((municipality or profile.policy.municipality).split())
        if len(place) > 80:
            raise invalid("municipality", "value_too_long")
        with ctx.db.transaction() as db:
            row = db.first("SELECT fingerprint FROM studies WHERE id = ?", (profile.id,))
            if row is not None and row[0] and row[0] != profile.fingerprint and not replace:
                raise keyed(
                    BundleRejected, "study_already_profile_fingerprint", id=profile.id, value=row[0]
                )
            db.execute(
                "INSERT INTO studies (id, name, imported_at, organisation, fingerprint, profile,"
                " municipality, profile_imported_at, profile_imported_by)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                " organisation = excluded.organisation, fingerprint = excluded.fingerprint,"
                " profile = excluded.profile, municipality = excluded.municipality,"
                " profile_imported_at = excluded.profile_imported_at,"
                " profile_imported_by = excluded.profile_imported_by",
                (
                    profile.id,
                    profile.name,
                    iso(utcnow()),
                    profile.organisation,
                    profile.fingerprint,
                    profile.canonical_text(),
                    place,
                    iso(utcnow()),
                    ctx.user.id,
                ),
            )
            set_for_study(db, profile.id, profile.instruments)  # refuses a changed version
            ctx.log(Action.IMPORT, "study", profile.id, detail=f"profile {profile.fingerprint}")
        ctx.emit("study")
        return profile

    def studies(self) -> list[StudyInfo]:
        return [
            StudyInfo(r["id"], r["name"], r["organisation"], r["fingerprint"], r["municipality"])
            for r in self._ctx.db.all("SELECT * FROM studies ORDER BY id")
        ]

    def family_of(self, study_id: str, pseudonym: str) -> FamilyId:
        """The family a household pseudonym of the study stands for (team lead, audited)."""
        return pseudonyms.family_of(self._ctx, study_id, pseudonym)

    def profile(self, study_id: str) -> StudyProfile:
        row = self._ctx.db.first("SELECT profile FROM studies WHERE id = ?", (study_id,))
        if row is None:
            raise keyed(NotFound, "study_not_in_journal", study_id=study_id)
        if row[0] is None:
            raise keyed(NotFound, "study_study_profile_yet", study_id=study_id)
        return StudyProfile.parse(row[0])

    # -- the signing key --------------------------------------------------------------------

    def public_key(self) -> PublicKey:
        """The journal's signing key (made now if this journal has none yet)."""
        with self._ctx.db.transaction() as db:
            return signing_key(db).public

    def write_public_key(self, target: Path) -> PublicKey:
        public = self.public_key()
        atomic_write(Path(target), public.to_file().encode("ascii"))
        return public

    # -- exporting --------------------------------------------------------------------------

    def bundle_file_name(self, study_id: str, sequence: int) -> str:
        """The name bundle `sequence` of the study gets (no ids in it: bundle_names)."""
        key = bundle_names.name_key(self._ctx.db)
        return bundle_names.file_name(key, study_id, sequence)

    def preview(self, study_id: str, *, full: bool = False) -> Preview:
        ctx = self._ctx
        ctx.require_teamlead("export_to_study")
        with paused_gc(), ctx.db.transaction():  # a consistent read; nothing is written
            plan = self._plan(study_id, full)
        left = {FamilyId(f): str(r) for f, r in plan.release.gate.left_out.items()}
        return Preview(study_id, plan.kind, plan.sequence, plan.risk, left)

    def export(self, study_id: str, out_dir: Path, *, full: bool = False) -> ExportResult:
        ctx = self._ctx
        ctx.require_teamlead("export_to_study")
        out_dir = Path(out_dir)
        try:
            out_dir.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)  # never chmod a USB
        except OSError as exc:
            raise storage_error(exc) from exc
        target: Path | None = None
        staged: Path | None = None
        notices: list[Said] = []
        try:
            with paused_gc(), ctx.db.transaction() as db:
                notices += self._adopt(study_id, out_dir)
                # The head signed below is read from the stored tree: it must be the events' own,
                # recomputed (O(n), ~2 s at 400k events), or an edited event rides out unseen.
                # Every event, each time: a checkpoint kept in the database (from where to go on)
                # is rewritten as easily as the chain by whoever holds the key, and would let an
                # event changed behind it ride out under the genuine tree (issue 13, F1/F1b).
                # Here, on this connection: a child process beside the release saved the ~2 s but
                # opened the journal by its name (a swapped file passed) and took the key through
                # a pipe another process of the user can read and write (review, 2026-12-06).
                checked = ctx.audit.verify(db)
                if not checked.ok:
                    raise keyed(AuditChainBroken, "export_log_broken", problem=checked.problems[0])
                key = signing_key(db)
                plan = self._plan(study_id, full)
                header = Header(
                    journal_id=self._journal_id(),
                    study_id=study_id,
                    sequence=plan.sequence,
                    kind=plan.kind,
                    previous=plan.previous,
                    change_from=plan.change_from,
                    change_to=plan.change_to,
                    created=iso(utcnow()) or "",
                )
                name_key = bundle_names.name_key(db)
                target = out_dir / bundle_names.file_name(name_key, study_id, plan.sequence)
                # Temp files of this study's exports from this journal that a crash left here:
                # the write lock held since the transaction began means none is being written.
                for number in range(1, plan.sequence + 1):
                    remove_partials(out_dir, bundle_names.file_name(name_key, study_id, number))
                remove_partials(out_dir, bundle_names.legacy_prefix(header.journal_id, study_id))
                legacy = bundle_names.legacy_name(header.journal_id, study_id, plan.sequence)
                for unrecorded in (target, out_dir / legacy):
                    if unrecorded.exists():
                        notices.append(move_aside(unrecorded, plan.sequence))
                tables = {
                    name: csv_lines(DATA_TABLES[name].header, lines)
                    for name, lines in plan.tables.items()
                }
                tables[TOMBSTONES.name] = csv_bytes(TOMBSTONES.header, plan.tombstones_all)
                tables[CONSENT_COUNTS.name] = csv_bytes(CONSENT_COUNTS.header, plan.consent_counts)
                claim = audit_proof.for_export(db, study_id, plan.change_to)
                data, bundle_hash = write_bundle(
                    header,
                    tables,
                    plan.risk.to_json(),
                    key,
                    plan.profile.age_recipients(),
                    f"{plan.profile.name}: pakke {plan.sequence} fra en SamJournal-journal",
                    claim,
                )
                staged = temp_path(target)
                write_synced(staged, data)
                digest = hashlib.sha256(data).hexdigest()
                self._save(db, plan, header, key, target.name, bundle_hash, digest)
                sequence, risk = plan.sequence, plan.risk
                del plan  # freed while the collector is paused (resumed, it would walk it all)
        except BaseException:
            if staged is not None:
                with contextlib.suppress(OSError):
                    staged.unlink()
            raise
        assert target is not None
        assert staged is not None
        name_bundle(staged, target)  # committed: the bundle is logged; naming it comes last
        ctx.emit("export")
        return ExportResult(
            target, self._entry(study_id, sequence), risk, tuple(notices), claim.head.short()
        )

    def export_log(self, study_id: str | None = None) -> list[ExportEntry]:
        sql = "SELECT e.*, u.username FROM evaluation_exports e JOIN users u ON u.id = e.created_by"
        if study_id is None:
            rows = self._ctx.db.all(f"{sql} ORDER BY e.study_id, e.sequence")
        else:
            rows = self._ctx.db.all(f"{sql} WHERE e.study_id = ? ORDER BY e.sequence", (study_id,))
        return [_entry_from_row(r) for r in rows]

    def unacknowledged(self, study_id: str | None = None) -> list[ExportEntry]:
        return [e for e in self.export_log(study_id) if not e.delivered]

    def risk_report(self, study_id: str, sequence: int) -> RiskReport:
        row = self._ctx.db.first(
            "SELECT risk_report FROM evaluation_exports WHERE study_id = ? AND sequence = ?",
            (study_id, sequence),
        )
        if row is None:
            raise keyed(NotFound, "no_such_export")
        return RiskReport.from_json(json.loads(row[0]))

    # -- receipts ---------------------------------------------------------------------------

    def import_receipt(self, source: Path | str | bytes) -> ExportEntry:
        """Mark a bundle delivered: only when the evaluator's signature and every fact hold."""
        ctx = self._ctx
        ctx.require_teamlead("register_receipts")
        if isinstance(source, bytes):
            text = source
        else:
            try:
                with Path(source).open("rb") as fh:
                    text = fh.read(MAX_RECEIPT_BYTES + 1)
            except OSError as exc:
                raise keyed(
                    BundleRejected, "cannot_read_receipt", strerror=str(exc.strerror)
                ) from exc
        receipt = _peek(text)
        profile = self.profile(receipt.study_id)
        receipt = verify_receipt(text, profile.receipt_public_key())
        if receipt.journal_id != self._journal_id():
            raise keyed(BundleRejected, "receipt_other_journal")
        entry = self._entry(receipt.study_id, receipt.sequence)
        if entry.bundle_hash != receipt.bundle_hash:
            raise keyed(BundleRejected, "receipt_another_bundle_than", sequence=receipt.sequence)
        if entry.delivered:
            return entry
        with ctx.db.transaction() as db:
            db.execute(
                "UPDATE evaluation_exports SET delivered_at = ?, receipt = ?"
                " WHERE study_id = ? AND sequence = ?",
                (
                    receipt.stored_at,
                    text.decode("utf-8") if isinstance(text, bytes) else text,
                    receipt.study_id,
                    receipt.sequence,
                ),
            )
            ctx.log(
                Action.IMPORT,
                "receipt",
                f"{receipt.study_id}/{receipt.sequence}",
                detail="bundle delivered",
            )
            rewritten = audit_proof.record_receipt(db, receipt)  # the witnessed head, kept
        ctx.emit("export")
        if rewritten:
            raise rewritten.error(AuditRewritten)
        return self._entry(receipt.study_id, receipt.sequence)

    # -- inside -----------------------------------------------------------------------------

    def _adopt(self, study_id: str, out_dir: Path) -> list[Said]:
        """Give logged bundles of this study that a crash left under their temp name in
        `out_dir` their name, when the file is the very one logged (its SHA-256)."""
        notices: list[Said] = []
        for row in self._ctx.db.all(
            "SELECT sequence, file_name, file_sha256 FROM evaluation_exports"
            " WHERE study_id = ? AND file_sha256 IS NOT NULL",
            (study_id,),
        ):
            name, digest = str(row["file_name"]), str(row["file_sha256"])
            if (out_dir / name).exists():
                continue
            for staged in out_dir.glob(f".{glob.escape(name)}.*.partial"):
                if sha256_of(staged) == digest:
                    name_bundle(staged, out_dir / name)
                    notices.append(said("bundle_adopted", sequence=int(row["sequence"]), name=name))
                    break
        return notices

    def _journal_id(self) -> str:
        return mark.journal_id(self._ctx.db)

    def _entry(self, study_id: str, sequence: int) -> ExportEntry:
        row = self._ctx.db.first(
            "SELECT e.*, u.username FROM evaluation_exports e JOIN users u ON u.id = e.created_by"
            " WHERE e.study_id = ? AND e.sequence = ?",
            (study_id, sequence),
        )
        if row is None:
            raise keyed(BundleRejected, "no_bundle_for_study", sequence=sequence, study_id=study_id)
        return _entry_from_row(row)

    def _plan(self, study_id: str, full: bool) -> _Plan:
        db = self._ctx.db
        profile = self.profile(study_id)
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
            """The release at `levels`, checked (state in memory only until `_save`)."""
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
            gone = [
                k for k, sent in state.records.items() if sent.version > 0 and not sent.released
            ]
            for k in gone:  # rows sent before, not released now: deleted, or out of the study
                if k.table in EVENT_TABLES:
                    pseudonym = f"{ENTITY_PREFIX[k.table]}{state.records[k].body}"
                    reason = "deleted" if k.table in profile.policy.tables else "out_of_scope"
                    tombstones_new.append((pseudonym, state.pseudonym, k.table, reason))
                    del state.records[k]
                    state.dirty = True

        # What goes into the bundle: every household (so k holds in the bundle itself), and the
        # changed rows of the other tables (all of them in a full bundle).
        tables: dict[str, list[str]] = {}
        for name, lines in release.lines.items():
            if name != "households" and name not in profile.policy.tables:
                continue
            every = name == "households" or full
            tables[name] = [line.text() for line in lines if every or line.sent.changed]
        new_rows = [[p, h, t, r] for p, h, t, r in tombstones_new]
        if kind == "full":
            old = [
                [r[0], r[1], r[2], r[3]]
                for r in tuples(
                    db,
                    "SELECT pseudonym, household, tablename, reason FROM evaluation_tombstones"
                    " WHERE study_id = ? ORDER BY sequence, pseudonym",
                    (study_id,),
                )
            ]
            tombstones_all = old + new_rows
        else:
            tombstones_all = new_rows
        sequence = 1 if last is None else int(last[0]) + 1
        change_to = int(db.scalar("SELECT coalesce(max(seq), 0) FROM audit"))
        change_from = 1 if kind == "full" or last is None else int(last[2]) + 1
        counts = consent_counts(db, study_id, release.gate)
        risk = self._risk(profile, policy, release, tombstones_all, tables, len(counts))
        risk = replace(risk, protection=protection(policy, levels, checked, release))
        return _Plan(
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

    def _risk(
        self,
        profile: StudyProfile,
        policy: Policy,  # with the study's levels applied
        release: Release,
        tombstones: list[list[str]],
        tables: dict[str, list[str]],
        consent_months: int,
    ) -> RiskReport:
        general = release.generalised
        reasons: dict[str, int] = {}
        for row in tombstones:
            reasons[row[3]] = reasons.get(row[3], 0) + 1
        left = release.gate.counts()
        after = general.after
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
            suppressed=len(general.suppressed & release.household_of.keys()),
            before=general.before,
            after=after,
            amounts={
                "rounding_nok": policy.amount_rounding_nok,
                "top_code_nok": policy.amount_top_code_nok,
                "top_coded": release.summary.amounts_top_coded,
                # The grid of the frames released: the node's level of the hierarchy.
                "budget_rounding_nok": budget_rounding(policy.budget_rounding_nok, general.node[6]),
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

    def _save(
        self,
        db: Database,
        plan: _Plan,
        header: Header,
        key: SigningKey,
        file_name: str,
        bundle_hash: str,
        file_sha256: str,
    ) -> None:
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
                self._ctx.user.id,
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
        self._ctx.log(
            Action.EXPORT,
            "study",
            study_id,
            detail=f"bundle {seq} ({plan.kind}): {rows} rows, {len(plan.tombstones_all)}"
            f" tombstones, key {key.public.key_id_hex}",
        )


def _entry_from_row(row: Any) -> ExportEntry:
    return ExportEntry(
        study_id=row["study_id"],
        sequence=int(row["sequence"]),
        kind=row["kind"],
        created_at=dt.datetime.fromisoformat(row["created_at"]),
        created_by=row["username"],
        file_name=row["file_name"],
        bundle_hash=row["bundle_hash"],
        previous_hash=row["previous_hash"],
        change_from=int(row["change_from"]),
        change_to=int(row["change_to"]),
        households=int(row["households"]),
        rows=int(row["rows_sent"]),
        tombstones=int(row["tombstones"]),
        key_id=row["key_id"],
        delivered_at=row["delivered_at"],
    )


def _peek(text: str | bytes) -> Receipt:
    """The receipt's claims, unverified: only to find which study's key must verify it."""
    try:
        body = json.loads(json.loads(text)["receipt"])
        receipt = Receipt(
            str(body["study_id"]),
            str(body["journal_id"]),
            int(body["sequence"]),
            str(body["bundle_hash"]),
            str(body["stored_at"]),
        )
    except (ValueError, KeyError, TypeError, OverflowError, RecursionError) as exc:
        raise keyed(BundleRejected, "file_samjournal_receipt") from exc
    if not STUDY_ID.fullmatch(receipt.study_id):  # it is looked up before anything is verified
        raise keyed(BundleRejected, "file_samjournal_receipt")
    return receipt


__all__ = ["Evaluation", "ExportEntry", "ExportResult", "Preview", "StudyInfo"]
