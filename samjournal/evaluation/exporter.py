"""The journal's side: study profiles, the export (incremental or full), the export log, receipts
and the journal's signing key. `Evaluation` is a section of the facade, like `journal.consents`;
what a bundle sends and what the journal records of it is export_plan's, the log export_log's.

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
import glob
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from samjournal import mark
from samjournal.audit import Action
from samjournal.context import Context, iso, utcnow
from samjournal.errors import AuditChainBroken, AuditRewritten, BundleRejected, NotFound
from samjournal.evaluation import audit_proof, bundle_names, export_log, pseudonyms
from samjournal.evaluation.bundle import Header, bundle_title, csv_bytes, csv_lines, write_bundle
from samjournal.evaluation.bundle_files import move_aside, name_bundle, sha256_of, write_synced
from samjournal.evaluation.export_log import ExportEntry
from samjournal.evaluation.export_plan import make_plan, record
from samjournal.evaluation.profile import (
    STUDY_ID,
    StudyProfile,
)
from samjournal.evaluation.receipts import MAX_RECEIPT_BYTES, unverified_receipt, verify_receipt
from samjournal.evaluation.risk import RiskReport
from samjournal.evaluation.sql import paused_gc
from samjournal.evaluation.tables import CONSENT_COUNTS, DATA_TABLES, TOMBSTONES
from samjournal.fsutil import (
    FOLDER_MODE,
    atomic_write,
    new_folders,
    os_reason,
    remove_new_folders,
    remove_partials,
    storage_error,
    temp_path,
)
from samjournal.messages import Said, invalid, keyed, said
from samjournal.minisign import PublicKey, heard_fingerprint
from samjournal.model import FamilyId
from samjournal.records import base
from samjournal.records.instruments import set_for_study
from samjournal.signing import signing_key


@dataclass(frozen=True, slots=True)
class StudyInfo:
    id: str
    name: str
    organisation: str
    fingerprint: str | None  # None: known from consents only, no profile imported yet
    municipality: str


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
            heard_fingerprint(expect_fingerprint) != profile.fingerprint
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
            plan = make_plan(ctx.db, self.profile(study_id), full)
        left = {FamilyId(f): str(r) for f, r in plan.release.gate.left_out.items()}
        return Preview(study_id, plan.kind, plan.sequence, plan.risk, left)

    def export(self, study_id: str, out_dir: Path, *, full: bool = False) -> ExportResult:
        ctx = self._ctx
        ctx.require_teamlead("export_to_study")
        out_dir = Path(out_dir)
        made = new_folders(out_dir)  # taken away again if the export fails
        try:
            out_dir.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)  # never chmod a USB
        except OSError as exc:
            remove_new_folders(made)
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
                plan = make_plan(db, self.profile(study_id), full)
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
                    bundle_title(plan.profile.name, plan.sequence),
                    claim,
                )
                staged = temp_path(target)
                write_synced(staged, data)
                digest = hashlib.sha256(data).hexdigest()
                record(ctx, db, plan, header, key, target.name, bundle_hash, digest)
                sequence, risk = plan.sequence, plan.risk
                del plan  # freed while the collector is paused (resumed, it would walk it all)
        except BaseException:
            if staged is not None:
                with contextlib.suppress(OSError):
                    staged.unlink()
            remove_new_folders(made)
            raise
        assert target is not None
        assert staged is not None
        name_bundle(staged, target)  # committed: the bundle is logged; naming it comes last
        ctx.emit("export")
        return ExportResult(
            target,
            export_log.entry(ctx.db, study_id, sequence),
            risk,
            tuple(notices),
            claim.head.short(),
        )

    def export_log(self, study_id: str | None = None) -> list[ExportEntry]:
        return export_log.entries(self._ctx.db, study_id)

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
                raise keyed(BundleRejected, "cannot_read_receipt", strerror=os_reason(exc)) from exc
        claimed = unverified_receipt(text)  # only to find the study whose key must verify it
        if not STUDY_ID.fullmatch(claimed.study_id):  # looked up before anything is verified
            raise keyed(BundleRejected, "file_samjournal_receipt")
        profile = self.profile(claimed.study_id)
        receipt = verify_receipt(text, profile.receipt_public_key())
        if receipt.journal_id != self._journal_id():
            raise keyed(BundleRejected, "receipt_other_journal")
        entry = export_log.entry(ctx.db, receipt.study_id, receipt.sequence)
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
        return export_log.entry(ctx.db, receipt.study_id, receipt.sequence)

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


__all__ = ["Evaluation", "ExportEntry", "ExportResult", "Preview", "StudyInfo"]
