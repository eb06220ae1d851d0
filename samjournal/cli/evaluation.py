"""Subcommands of `samjournal` for evaluation: studies, exports, receipts, keys, the evaluator.

`register(sub)` adds them to the main parser's subparsers. Handlers return 0 (ok), 1 (error)
or 2 (refused); errors are raised as SamJournalError subclasses for `samjournal.cli.main` to
print. Passphrases come from SAMJOURNAL_PASSPHRASE or a prompt, as everywhere in the CLI.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from samjournal.cli import handover as handover_cli
from samjournal.cli.parser import Parser
from samjournal.cli.support import (
    EXIT_ERROR,
    EXIT_OK,
    language,
    passphrase,
    say,
    secret,
    unlocked,
    words,
)
from samjournal.errors import BundleRejected, SamJournalError
from samjournal.evaluation.evaluator import (
    Workspace,
    forget,
    forks,
    import_bundles,
    on_top,
    read_key,
    readmit,
    senders,
    status,
    write_datapackage,
)
from samjournal.evaluation.evaluator import backup as workspace_backup
from samjournal.evaluation.evaluator import register as register_journal
from samjournal.evaluation.evaluator.senders import sites
from samjournal.evaluation.evaluator.status import ALARM
from samjournal.evaluation.evaluator.workspace import as_workspace_error
from samjournal.evaluation.exporter import ExportEntry
from samjournal.evaluation.instrument_words import instrument_sentences
from samjournal.evaluation.policy_words import policy_sentences
from samjournal.evaluation.profile import (
    EVENT_TABLES,
    Policy,
    StudyProfile,
    instruments_from_json,
)
from samjournal.fsutil import os_reason
from samjournal.i18n import describe, word
from samjournal.instruments.model import Instrument
from samjournal.messages import invalid, keyed

Handler = Callable[[argparse.Namespace], int]


@contextmanager
def _workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    ws = Workspace.open(args.workspace, passphrase())
    try:
        yield ws
    except SamJournalError as exc:  # a page found damaged only now: the workspace's way back
        raised = as_workspace_error(exc)
        if raised is exc:
            raise
        raise raised from exc
    finally:
        ws.close()


# -- the journal's side ---------------------------------------------------------------------------


def _print_policy(policy: Policy) -> None:
    """The rules in words, for the team lead to read before an import or an export."""
    say("cli_policy_heading")
    for sentence in policy_sentences(policy, language()):
        print(f"  - {sentence}")


def _print_questions(profile: StudyProfile) -> None:
    """What the families will be asked, in plain words, read before an import."""
    say("cli_questions_heading")
    for sentence in instrument_sentences(profile.instruments, language()):
        print(f"  - {sentence}")


def cmd_study_show(args: argparse.Namespace) -> int:
    """Read a profile without importing it: what the team lead reads before `study import`."""
    profile = StudyProfile.load(args.file)
    say("cli_study", id=profile.id, name=profile.name, organisation=profile.organisation)
    say("cli_fingerprint", fingerprint=profile.fingerprint)
    _print_policy(profile.policy)
    _print_questions(profile)
    return EXIT_OK


def cmd_study_import(args: argparse.Namespace) -> int:
    with unlocked(args) as journal:
        profile = journal.evaluation.import_study(
            args.file,
            expect_fingerprint=args.expect,
            replace=args.replace,
            municipality=args.municipality,
        )
    say("cli_study_imported", id=profile.id, name=profile.name, organisation=profile.organisation)
    say("cli_fingerprint", fingerprint=profile.fingerprint)
    if args.expect is None:
        say("cli_read_fingerprint")
    _print_policy(profile.policy)
    _print_questions(profile)
    return EXIT_OK


def cmd_study_household(args: argparse.Namespace) -> int:
    """The team lead's answer when the evaluator asks about a household by its pseudonym."""
    with unlocked(args) as journal:
        family = journal.families.get(journal.evaluation.family_of(args.study, args.pseudonym))
        consents = [c for c in journal.consents.for_family(family.id) if c.study_id == args.study]
    say("cli_household_family", case=family.case_number, name=family.display_name)
    for consent in consents:
        if consent.withdrawn_on is None:
            say("cli_household_consent", given=consent.given_on.isoformat())
        else:
            say(
                "cli_household_consent_withdrawn",
                given=consent.given_on.isoformat(),
                withdrawn=consent.withdrawn_on.isoformat(),
            )
    return EXIT_OK


def cmd_study_list(args: argparse.Namespace) -> int:
    with unlocked(args) as journal:
        for study in journal.evaluation.studies():
            fingerprint = study.fingerprint or words("cli_no_profile")
            print(f"{study.id}\t{study.name}\t{study.organisation}\t{fingerprint}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    with unlocked(args) as journal:
        section = journal.evaluation
        if args.log:
            _print_log(section.export_log(args.study))
            return EXIT_OK
        if not args.study:
            raise invalid("--study", "choose_study_export")
        _print_policy(section.profile(args.study).policy)
        if args.dry_run:
            preview = section.preview(args.study, full=args.full)
            print("\n".join(preview.risk.lines(language())))
            say("cli_dry_run", sequence=preview.sequence, kind=_kind(preview.kind))
            return EXIT_OK
        if args.out is None:
            raise invalid("--out", "choose_folder_write_bundle")
        result = section.export(args.study, args.out, full=args.full)
    for notice in result.notices:  # what the export found and settled in the folder first
        say("cli_note", file=sys.stderr, note=notice)
    print("\n".join(result.risk.lines(language())))
    entry = result.entry
    say(
        "cli_bundle_written",
        sequence=entry.sequence,
        kind=_kind(entry.kind),
        path=str(result.path),
        households=entry.households,
        rows=entry.rows,
        tombstones=entry.tombstones,
        key_id=entry.key_id,
        head=result.audit_head,
    )
    return EXIT_OK


def _kind(kind: str) -> str:
    """A bundle's kind ("full" or "incremental") in the CLI's language."""
    return words("bundle_full") if kind == "full" else words("bundle_incremental")


def _print_log(entries: list[ExportEntry]) -> None:
    waiting = 0
    for entry in entries:
        state = (
            words("cli_delivered", at=str(entry.delivered_at))
            if entry.delivered
            else words("cli_not_acknowledged")
        )
        waiting += not entry.delivered
        print(
            f"{entry.study_id}\t{entry.sequence}\t{entry.kind}"
            f"\t{entry.created_at.isoformat(timespec='seconds')}\t{entry.created_by}"
            f"\t{entry.rows}\t{entry.tombstones}\t{state}\t{entry.file_name}"
        )
    if waiting:
        say("cli_bundles_waiting", file=sys.stderr, count=waiting)


def cmd_receipt_import(args: argparse.Namespace) -> int:
    """Each receipt on its own: one refused (another journal's, damaged) is said with its file's
    name and the rest are still taken (it stopped the batch at the first: evaluator review)."""
    refused = 0
    with unlocked(args) as journal:
        section = journal.evaluation
        for file in args.files:
            try:
                entry = section.import_receipt(file)
            except SamJournalError as exc:
                refused += 1
                print(f"samjournal: {file}: {describe(exc, language())}", file=sys.stderr)
                continue
            say(
                "cli_receipt_accepted",
                study=entry.study_id,
                sequence=entry.sequence,
                at=str(entry.delivered_at),
            )
        waiting = section.unacknowledged()
    if waiting:
        numbers = ", ".join(f"{e.study_id}/{e.sequence}" for e in waiting)
        say("cli_still_waiting", numbers=numbers)
    return EXIT_ERROR if refused else EXIT_OK


def cmd_key(args: argparse.Namespace) -> int:
    if args.receive:
        return handover_cli.write_key(args)
    with unlocked(args) as journal:
        public = journal.evaluation.write_public_key(args.out)
        journal_id = journal.journal_id
    say("cli_key_written", path=str(args.out))
    say("cli_journal_id", id=journal_id)
    say("cli_key_id", key_id=public.key_id_hex, fingerprint=public.fingerprint)
    say("cli_key_give")
    say("cli_key_check", path=str(args.out))
    return EXIT_OK


# -- the evaluator's side -------------------------------------------------------------------------


def cmd_evaluator_init(args: argparse.Namespace) -> int:
    tables = tuple(t for t in args.tables.split(",") if t) if args.tables else EVENT_TABLES
    policy = Policy(k=args.k, m=args.m, tables=tables, municipality=args.municipality or "")
    created = Workspace.init(
        args.workspace,
        study_id=args.study_id,
        name=args.name,
        organisation=args.org,
        passphrase=passphrase(confirm=True),
        policy=policy,
        instruments=_instruments(args.instrument) if args.instrument else None,
    )
    ws = created.workspace
    try:
        say("cli_workspace_created", path=str(ws.path))
        say("cli_profile_give", path=str(ws.folder.study_path))
        say("cli_fingerprint", fingerprint=ws.profile.fingerprint)
        say("cli_age_recipient", recipient=ws.profile.recipients[0])
        say("cli_receipt_key", key_id=ws.receipt_key.public.key_id_hex)
        say("cli_store_recovery_once")
        print(f"    {created.recovery_key}")
    finally:
        ws.close()
    return EXIT_OK


def _instruments(paths: list[Path]) -> tuple[Instrument, ...]:
    """Instruments from JSON files, one each, checked as a profile's are (refused with what to
    fix, before anything is written)."""
    raw = []
    for path in paths:
        try:
            raw.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise invalid("instrument", "instrument_file", name=path.name) from exc
    return instruments_from_json(raw)


def cmd_evaluator_instruments(args: argparse.Namespace) -> int:
    with _workspace(args) as ws:
        profile = ws.set_instruments(_instruments(args.instrument))
    say("cli_new_profile_give", path=str(args.workspace / "study.json"))
    say("cli_fingerprint", fingerprint=profile.fingerprint)
    say("cli_profile_replace")
    _print_questions(profile)
    return EXIT_OK


def cmd_evaluator_reset(args: argparse.Namespace) -> int:
    recovery = secret("SAMJOURNAL_RECOVERY_KEY", words("cli_recovery_key_prompt"))
    new = secret("SAMJOURNAL_NEW_PASSPHRASE", words("cli_new_passphrase_prompt"), confirm=True)
    Workspace.reset_passphrase(args.workspace, recovery, new)
    say("cli_workspace_passphrase_reset", path=str(args.workspace))
    return EXIT_OK


def cmd_evaluator_backup(args: argparse.Namespace) -> int:
    with _workspace(args) as ws:
        target = workspace_backup.write_backup(ws, args.file)
    say("cli_workspace_backup_written", path=str(target))
    return EXIT_OK


def cmd_evaluator_restore(args: argparse.Namespace) -> int:
    target = workspace_backup.restore(args.file, args.workspace, passphrase())
    say("cli_workspace_restored", path=str(target))
    say("cli_workspace_restored_next")
    return EXIT_OK


def cmd_evaluator_identity(args: argparse.Namespace) -> int:
    with _workspace(args) as ws:
        target = ws.export_identity(args.export)
    say("cli_identity_warning", file=sys.stderr)
    say("cli_identity_written", path=str(target))
    say("cli_identity_decrypt", path=str(target))
    return EXIT_OK


def cmd_evaluator_import(args: argparse.Namespace) -> int:
    with _workspace(args) as ws:
        reports = import_bundles(ws, args.bundles, receipts_dir=args.receipts)
    rejected = 0
    for report in reports:
        stream = sys.stderr if report.status == "rejected" else sys.stdout
        text = "\n".join(report.lines(language()))
        print(red(text, stream) if report.status == "rejected" else text, file=stream)
        rejected += report.status == "rejected"
    stored = sum(r.status == "stored" for r in reports)
    already = sum(r.status == "already" for r in reports)
    say("cli_imported", stored=stored, already=already, rejected=rejected)
    return EXIT_ERROR if rejected else EXIT_OK


def cmd_evaluator_journal_add(args: argparse.Namespace) -> int:
    try:
        text = args.key.read_bytes()[:8192]
    except OSError as exc:
        raise keyed(BundleRejected, "cannot_read_file", strerror=os_reason(exc)) from exc
    key = read_key(text)
    with _workspace(args) as ws:
        was = sites(ws)
        sender = register_journal(ws, args.id, key, args.site, new_key=args.new_key)
    say("cli_journal_registered", id=sender.journal_id, site=sender.site)
    before = was.get(sender.journal_id, sender.site)
    if before != sender.site:  # registered again under another label: every CSV row changes
        say("cli_site_changed", was=before, site=sender.site)
    say("cli_key_id_only", key_id=key.key_id_hex)
    say("cli_fingerprint", fingerprint=key.fingerprint)
    say("cli_compare_fingerprint")
    return EXIT_OK


def cmd_evaluator_journal_list(args: argparse.Namespace) -> int:
    with _workspace(args) as ws:
        found = senders(ws)
    for sender in found:
        site = sender.site if sender.registered else words("cli_not_registered")
        keys = ", ".join(
            f"{k.key_id} ({k.fingerprint})" for k in sender.keys if k.how == "registered"
        )
        print(f"{sender.journal_id}\t{site}\t{keys or '-'}\t{sender.registered_at or '-'}")
    if not found:
        say("cli_no_journals")
    return EXIT_OK


def cmd_evaluator_status(args: argparse.Namespace) -> int:
    with _workspace(args) as ws:
        lines = status(ws).lines(language())
    for line in lines:
        print(red(line) if line.startswith(ALARM) else line)
    return EXIT_OK


def cmd_evaluator_journal_reanchor(args: argparse.Namespace) -> int:
    with _workspace(args) as ws:
        decided = forks.reanchor(
            ws.db, args.id, args.reason, tag=args.tag or "", bundle=args.bundle
        )
        freed = on_top.freed(ws.db, args.id)
    for line in (*(fork.line() for fork in decided), *filter(None, [freed])):
        print(red(f"{ALARM}{word(line, language())}"))
    say("cli_import_again")
    return EXIT_OK


def cmd_evaluator_journal_reject(args: argparse.Namespace) -> int:
    with _workspace(args) as ws:
        fork = forks.reject(ws.db, args.id, args.reason, tag=args.tag or "", bundle=args.bundle)
    print(red(f"{ALARM}{word(fork.line(), language())}"))
    return EXIT_OK


def cmd_evaluator_journal_withdraw(args: argparse.Namespace) -> int:
    with _workspace(args) as ws:
        fork = forks.withdraw(ws.db, args.id, args.reason, tag=args.tag or "", bundle=args.bundle)
        taken_back = on_top.withdrawals(ws.db, args.id)[-1]
    for line in (fork.line(), taken_back.line()):
        print(red(f"{ALARM}{word(line, language())}"))
    return EXIT_OK


def cmd_evaluator_journal_forget(args: argparse.Namespace) -> int:
    with _workspace(args) as ws:
        gone = forget.forget(ws.db, args.id, args.reason, tag=args.tag or "", bundle=args.bundle)
    print(red(f"{ALARM}{word(gone.line(), language())}"))
    return EXIT_OK


def cmd_evaluator_journal_readmit(args: argparse.Namespace) -> int:
    with _workspace(args) as ws:
        back = readmit.readmit(ws.db, args.id, args.household, args.reason)
    for line in back.lines():
        print(red(f"{ALARM}{word(line, language())}"))
    say("cli_readmit_full_bundle")
    return EXIT_OK


def _decision_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "workspace", type=Path, metavar=words("metavar_workspace"), help=words("help_workspace")
    )
    p.add_argument("--id", required=True, metavar="JOURNAL-ID", help=words("help_journal_id"))
    p.add_argument("--tag", metavar=words("metavar_tag"), help=words("help_decision_tag"))
    p.add_argument(
        "--bundle", type=int, metavar=words("metavar_number"), help=words("help_decision_bundle")
    )
    _reason_arg(p)


def _reason_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--reason",
        required=True,
        metavar=words("metavar_reason"),
        help=words("help_decision_reason"),
    )


def red(line: str, stream: TextIO = sys.stdout) -> str:
    """A line in red on a terminal (not when NO_COLOR is set): what an evaluator must not miss."""
    if os.environ.get("NO_COLOR") or not stream.isatty():
        return line
    return f"\033[31m{line}\033[0m"


def cmd_evaluator_datapackage(args: argparse.Namespace) -> int:
    with _workspace(args) as ws:
        written = write_datapackage(ws, args.out, language(), replace=args.replace)
    rows = ", ".join(f"{t} {n}" for t, n in written.rows.items())
    say("cli_datapackage_written", path=str(written.path), rows=rows)
    for journal_id, missing in written.gaps.items():
        print(
            red(words("cli_datapackage_gap", journal=journal_id[:8], missing=missing), sys.stderr),
            file=sys.stderr,
        )
    if written.skipped:
        say("cli_datapackage_skipped", skipped=str(written.skipped))
    else:
        say("cli_datapackage_also")
    return EXIT_OK


# -- the parser -----------------------------------------------------------------------------------


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    """Add `study`, `export`, `receipt`, `key` and `evaluator` to the `samjournal` command."""
    command, file_, folder = (
        words("metavar_command"),
        words("metavar_file"),
        words("metavar_folder"),
    )

    def journal_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("journal", type=Path, metavar="JOURNAL", help=words("help_journal"))
        p.add_argument("--user", metavar=words("metavar_username"), help=words("help_user"))

    def leaf(
        parent: argparse._SubParsersAction[Parser],
        name: str,
        handler: Handler,
        help_text: str,
    ) -> argparse.ArgumentParser:
        p = parent.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    def group(
        parent: argparse._SubParsersAction[Parser], name: str, help_text: str, dest: str
    ) -> argparse._SubParsersAction[Parser]:
        p = parent.add_parser(name, help=help_text, description=help_text)
        return p.add_subparsers(dest=dest, required=True, metavar=command)

    study = group(sub, "study", words("help_study"), "study_command")
    p = leaf(study, "import", cmd_study_import, words("help_study_import"))
    journal_args(p)
    p.add_argument("file", type=Path, metavar="STUDY.JSON")
    p.add_argument(
        "--expect", metavar=words("metavar_fingerprint"), help=words("help_study_expect")
    )
    p.add_argument("--replace", action="store_true", help=words("help_study_replace"))
    p.add_argument(
        "--municipality",
        metavar=words("metavar_municipality"),
        help=words("help_study_municipality"),
    )
    journal_args(leaf(study, "list", cmd_study_list, words("help_study_list")))
    p = leaf(study, "household", cmd_study_household, words("help_study_household"))
    journal_args(p)
    p.add_argument("--study", required=True, metavar="STUDY-ID", help=words("help_export_study"))
    p.add_argument("pseudonym", metavar=words("metavar_household"))
    p = leaf(study, "show", cmd_study_show, words("help_study_show"))
    p.add_argument("file", type=Path, metavar="STUDY.JSON")

    p = leaf(sub, "export", cmd_export, words("help_export"))
    journal_args(p)
    p.add_argument("--study", metavar="ID", help=words("help_export_study"))
    p.add_argument("--out", type=Path, metavar=folder, help=words("help_export_out"))
    p.add_argument("--full", action="store_true", help=words("help_export_full"))
    p.add_argument("--dry-run", action="store_true", help=words("help_export_dry_run"))
    p.add_argument("--log", action="store_true", help=words("help_export_log"))

    receipt = group(sub, "receipt", words("help_receipt"), "receipt_command")
    p = leaf(receipt, "import", cmd_receipt_import, words("help_receipt_import"))
    journal_args(p)
    p.add_argument("files", type=Path, nargs="+", metavar=file_)

    p = leaf(sub, "key", cmd_key, words("help_key"))
    journal_args(p)
    p.add_argument(
        "--out", type=Path, required=True, metavar=words("metavar_pub"), help=words("help_key_out")
    )
    p.add_argument("--receive", action="store_true", help=words("help_key_receive"))
    handover_cli.register(sub)

    evaluator = group(sub, "evaluator", words("help_evaluator"), "evaluator_command")

    def workspace_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "workspace",
            type=Path,
            metavar=words("metavar_workspace"),
            help=words("help_workspace"),
        )

    p = leaf(evaluator, "init", cmd_evaluator_init, words("help_evaluator_init"))
    workspace_arg(p)
    p.add_argument("--study-id", required=True, metavar="ID", help=words("help_evaluator_study_id"))
    p.add_argument(
        "--name", required=True, metavar=words("metavar_name"), help=words("help_evaluator_name")
    )
    p.add_argument(
        "--org", required=True, metavar=words("metavar_org"), help=words("help_evaluator_org")
    )
    p.add_argument("--k", type=int, default=Policy().k, help=words("help_evaluator_k"))
    p.add_argument("--m", type=int, default=Policy().m, help=words("help_evaluator_m"))
    p.add_argument(
        "--tables",
        metavar=words("metavar_tables"),
        help=words("help_evaluator_tables", tables=",".join(EVENT_TABLES)),
    )
    p.add_argument(
        "--municipality",
        metavar=words("metavar_municipality"),
        help=words("help_evaluator_municipality"),
    )
    p.add_argument(
        "--instrument",
        type=Path,
        action="append",
        metavar=file_,
        help=words("help_evaluator_instrument"),
    )

    p = leaf(
        evaluator, "instruments", cmd_evaluator_instruments, words("help_evaluator_instruments")
    )
    workspace_arg(p)
    p.add_argument(
        "--instrument",
        type=Path,
        action="append",
        required=True,
        metavar=file_,
        help=words("help_evaluator_instrument"),
    )

    p = leaf(evaluator, "reset-passphrase", cmd_evaluator_reset, words("help_evaluator_reset"))
    workspace_arg(p)

    p = leaf(evaluator, "backup", cmd_evaluator_backup, words("help_evaluator_backup"))
    workspace_arg(p)
    p.add_argument("file", type=Path, metavar=file_, help=words("help_evaluator_backup_file"))

    p = leaf(evaluator, "restore", cmd_evaluator_restore, words("help_evaluator_restore"))
    p.add_argument(
        "file",
        type=Path,
        metavar=words("metavar_backup"),
        help=words("help_evaluator_restore_file"),
    )
    workspace_arg(p)

    p = leaf(evaluator, "identity", cmd_evaluator_identity, words("help_evaluator_identity"))
    workspace_arg(p)
    p.add_argument(
        "--export",
        type=Path,
        required=True,
        metavar=file_,
        help=words("help_evaluator_identity_export"),
    )

    p = leaf(evaluator, "import", cmd_evaluator_import, words("help_evaluator_import"))
    workspace_arg(p)
    p.add_argument("bundles", type=Path, nargs="+", metavar=words("metavar_bundle"))
    p.add_argument("--receipts", type=Path, metavar=folder, help=words("help_evaluator_receipts"))

    journals = group(evaluator, "journal", words("help_evaluator_journal"), "journal_command")
    p = leaf(journals, "add", cmd_evaluator_journal_add, words("help_evaluator_journal_add"))
    workspace_arg(p)
    p.add_argument("--id", required=True, metavar="JOURNAL-ID", help=words("help_journal_id"))
    p.add_argument(
        "--key",
        type=Path,
        required=True,
        metavar="JOURNAL.pub",
        help=words("help_evaluator_key"),
    )
    p.add_argument(
        "--site", required=True, metavar=words("metavar_site"), help=words("help_evaluator_site")
    )
    p.add_argument("--new-key", action="store_true", help=words("help_evaluator_new_key"))
    workspace_arg(
        leaf(journals, "list", cmd_evaluator_journal_list, words("help_evaluator_journal_list"))
    )
    p = leaf(journals, "reanchor", cmd_evaluator_journal_reanchor, words("help_evaluator_reanchor"))
    _decision_args(p)
    p = leaf(journals, "reject", cmd_evaluator_journal_reject, words("help_evaluator_reject"))
    _decision_args(p)
    p = leaf(journals, "withdraw", cmd_evaluator_journal_withdraw, words("help_evaluator_withdraw"))
    _decision_args(p)
    p = leaf(journals, "forget", cmd_evaluator_journal_forget, words("help_evaluator_forget"))
    _decision_args(p)
    p = leaf(journals, "readmit", cmd_evaluator_journal_readmit, words("help_evaluator_readmit"))
    p.add_argument(
        "workspace", type=Path, metavar=words("metavar_workspace"), help=words("help_workspace")
    )
    p.add_argument("--id", required=True, metavar="JOURNAL-ID", help=words("help_journal_id"))
    p.add_argument(
        "--household",
        required=True,
        metavar=words("metavar_household"),
        help=words("help_readmit_household"),
    )
    _reason_arg(p)

    workspace_arg(leaf(evaluator, "status", cmd_evaluator_status, words("help_evaluator_status")))

    p = leaf(
        evaluator, "datapackage", cmd_evaluator_datapackage, words("help_evaluator_datapackage")
    )
    workspace_arg(p)
    p.add_argument(
        "out",
        type=Path,
        metavar=words("metavar_out"),
        help=words("help_evaluator_datapackage_out"),
    )
    p.add_argument(
        "--replace", action="store_true", help=words("help_evaluator_datapackage_replace")
    )
