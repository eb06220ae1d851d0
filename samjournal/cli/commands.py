"""The `samjournal` command: scriptable access to a journal.

The passphrase comes from SAMJOURNAL_PASSPHRASE when set, otherwise from a prompt. Exit codes:
0 success, 1 error, 2 wrong passphrase or refused access, 3 (`audit verify`) a witness explained
only by a restore the receipts given do not show the evaluator accepted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from samjournal import __version__, audit_check, demo
from samjournal.backup import restore
from samjournal.cli import evaluation as evaluation_cli
from samjournal.cli.parser import Parser
from samjournal.cli.support import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_UNCONFIRMED,
    language,
    open_journal,
    passphrase,
    run_child,
    say,
    secret,
    unlocked,
    words,
)
from samjournal.demo.consents import demo_consents
from samjournal.errors import (
    PermissionDenied,
    SamJournalError,
    UnlockThrottled,
    WrongPassphrase,
)
from samjournal.evaluation.profile import StudyProfile
from samjournal.folder_lock import WAIT
from samjournal.i18n import describe, word
from samjournal.journal import Journal, require_intact
from samjournal.model import Role
from samjournal.private_memory import keep_private
from samjournal.vocabulary import label

Handler = Callable[[argparse.Namespace], int]


# -- commands -----------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    created = Journal.create(
        args.journal,
        username=args.user,
        display_name=args.name or args.user,
        passphrase=passphrase(confirm=True),
    )
    say("cli_created", path=str(created.journal.path))
    say("cli_recovery_key_once")
    print(f"    {created.recovery_key}")
    created.journal.lock()
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    journal = demo.create_demo_journal(Path(args.journal), families=args.families, seed=args.seed)
    if args.study:
        say("cli_demo_consents", count=demo_consents(journal, args.study))
    journal.lock()
    say("cli_demo_created", families=args.families, path=str(journal.path))
    say("cli_demo_users", names=", ".join(Journal.usernames(journal.path)))
    say("cli_demo_passphrase", passphrase=demo.DEMO_PASSPHRASE)
    say("cli_demo_open", path=str(journal.path))
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    facts = journal.facts()
    print(f"Journal:\t{journal.path}")
    say("cli_info_id", value=facts.journal_id)
    say("cli_info_schema", value=facts.schema_version)
    print(f"SQLCipher:\t{facts.cipher_version}")
    say("cli_info_user", user=journal.user.username, role=label(journal.user.role, language()))
    say("cli_info_users", value=", ".join(u.username for u in journal.users() if u.active))
    for table, count in facts.counts.items():
        print(f"{table}:\t{count}")
    say("cli_info_audit", value=str(facts.audit_head))
    journal.lock()
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    for row in journal.families.case_list():
        status = label(row.status, language())
        print(f"{row.case_number}\t{row.display_name}\t{status}\t{row.owner}")
    journal.lock()
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    for hit in journal.search(args.text):
        snippet = " ".join(hit.snippet.split())
        print(f"{hit.case_number}\t{hit.display_name}\t{hit.entity}\t{snippet}")
    journal.lock()
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    asked = words("cli_passphrase_for_prompt", user=args.username)
    new = secret("SAMJOURNAL_NEW_PASSPHRASE", asked, confirm=True)
    user = journal.add_user(args.username, args.name or args.username, Role(args.role), new)
    say("cli_user_added", user=user.username, role=label(user.role, language()))
    journal.lock()
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    for user in (u for u in journal.users() if u.staff):
        state = words("cli_user_active" if user.active else "cli_user_gone")
        role = label(user.role, language())
        print(f"{user.username}\t{user.display_name}\t{role}\t{state}")
    journal.lock()
    return EXIT_OK


def cmd_user_remove(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        journal.remove_user(args.username, wait=args.wait)
    finally:
        journal.lock()
    say("cli_user_removed", user=args.username)
    return EXIT_OK


def cmd_user_passwd(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    current = passphrase()
    new = secret("SAMJOURNAL_NEW_PASSPHRASE", words("cli_new_passphrase_prompt"), confirm=True)
    journal.change_passphrase(current, new)
    say("cli_passphrase_changed")
    journal.lock()
    return EXIT_OK


def cmd_user_reset(args: argparse.Namespace) -> int:
    recovery = secret("SAMJOURNAL_RECOVERY_KEY", words("cli_recovery_key_prompt"))
    asked = words("cli_new_passphrase_for_prompt", user=args.username)
    new = secret("SAMJOURNAL_NEW_PASSPHRASE", asked, confirm=True)
    Journal.reset_passphrase(args.journal, recovery, args.username, new)
    say("cli_passphrase_reset", user=args.username)
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        key = audit_check.read_key(args.key) if args.key is not None else None
        study = StudyProfile.load(args.study).receipt_public_key() if args.study else None
        witnesses = [audit_check.witness(journal, given, key, study) for given in args.witness]
        verdict = audit_check.verify(journal, witnesses)
    finally:
        journal.lock()
    for problem in verdict.problems:
        print(word(problem, language()))
    for fork in verdict.forks:  # a restore went back: shown every time, never hidden
        print(word(fork.describe(), language()))
    for lost in verdict.lost:
        print(word(lost, language()))
    for unconfirmed in verdict.unconfirmed:
        print(word(unconfirmed, language()))
    for note in verdict.notes:  # unsigned heads: said, but they prove nothing either way
        print(word(note, language()))
    if not verdict.ok:
        say("cli_audit_broken", file=sys.stderr, count=len(verdict.problems))
        return EXIT_ERROR
    events, root = verdict.report.events, verdict.report.root.hex()[:16]
    if verdict.unconfirmed:  # no rewrite found, but not "whole" either: its own exit code
        say("cli_audit_unconfirmed", file=sys.stderr, events=events, root=root)
    else:
        say("cli_audit_whole", events=events, root=root)
    for w in verdict.extended:  # not those a restore lost: they are listed above
        say("cli_audit_extends", what=w.what, head=w.head.short())
    return EXIT_UNCONFIRMED if verdict.unconfirmed else EXIT_OK


def cmd_audit_head(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    try:
        head = journal.audit_tree_head()
    finally:
        journal.lock()
    say("cli_audit_head", head=head.short())
    print(head.text())
    return EXIT_OK


def cmd_audit_acknowledge(args: argparse.Namespace) -> int:
    with unlocked(args) as journal:
        acknowledged = journal.acknowledge_alarm()
    say("mark_alarm_acknowledged" if acknowledged else "no_mark_alarm")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    # Recent work missing (journal.mark) is reported by the open itself: the error names where
    # the work may be; --accept-loss records that the journal is taken as it is.
    journal = open_journal(args, accept_missing=args.accept_loss)
    if args.repair:
        for family in journal.families.rebuild_totals():
            say("cli_repaired_totals", family=family)
    problems = journal.integrity_problems()
    journal.lock()
    for problem in problems:
        print(word(problem, language()))
    require_intact(problems)  # one clear error that names the way back
    say("cli_check_ok")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    journal = open_journal(args)
    target = journal.backup(args.file)
    journal.lock()
    say("cli_backup_written", path=str(target))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    restored = restore(
        Path(args.file),
        Path(args.journal),
        args.user,
        passphrase(),
        wait=args.wait,
        reason=args.reason,
    )
    say("cli_restored", path=str(args.journal))
    # The head it went back to, checked against the copy's log: to compare with what the
    # backup was said to hold, and to write down.
    say(
        "cli_restored_head" if restored.signed else "cli_restored_head_unsigned",
        head=restored.head.short(),
    )
    print(restored.head.text())
    say("cli_restore_fork")
    if restored.kept:
        say("cli_restore_kept", path=str(restored.kept))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from samjournal import reports  # reportlab is loaded for this command only

    journal = open_journal(args)
    try:
        # The recovery key is typed at a prompt (or given in SAMJOURNAL_RECOVERY_KEY by a
        # script), never on the command line, and never kept.
        key = (
            secret("SAMJOURNAL_RECOVERY_KEY", words("cli_recovery_prompt"))
            if args.kind == "recovery-sheet"
            else None
        )
        target = reports.cli_build(
            journal,
            args.kind,
            args.out,
            case_number=args.case,
            start=args.start,
            end=args.end,
            show_national_ids=args.show_national_ids,
            language=args.language,
            recovery_key=key,
        )
    finally:
        journal.lock()
    say("cli_wrote", path=str(target))
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    # The desktop client is a separate package; the core never imports it.
    command = [sys.executable, "-m", "ui"] + ([str(args.journal)] if args.journal else [])
    return run_child(command)


# -- parser -------------------------------------------------------------------------------------


def _wait_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--wait",
        type=float,
        default=WAIT,
        metavar=words("metavar_seconds"),
        help=words("help_wait", seconds=f"{WAIT:.0f}"),
    )


def build_parser() -> argparse.ArgumentParser:
    """The command's parser, its help in the CLI's language (built after it is chosen)."""
    parser = Parser(
        prog="samjournal",
        description=words("help_description"),
        epilog=words("help_epilog"),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"samjournal {__version__}",
        help=words("help_version"),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar=words("metavar_command"))
    journal_help, user_help, file_ = (
        words("help_journal"),
        words("help_user"),
        words("metavar_file"),
    )

    def add(
        name: str, handler: Handler, help_text: str, journal: bool = True
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        if journal:
            p.add_argument("journal", type=Path, metavar="JOURNAL", help=journal_help)
            p.add_argument("--user", metavar=words("metavar_username"), help=user_help)
        p.set_defaults(handler=handler)
        return p

    p = add("init", cmd_init, words("help_init"), journal=False)
    p.add_argument("journal", type=Path, metavar="JOURNAL", help=journal_help)
    p.add_argument(
        "--user", metavar=words("metavar_username"), required=True, help=words("help_init_user")
    )
    p.add_argument("--name", metavar=words("metavar_name"), help=words("help_full_name"))

    p = add("demo", cmd_demo, words("help_demo"), journal=False)
    p.add_argument("journal", type=Path, metavar="JOURNAL", help=journal_help)
    p.add_argument(
        "--families",
        type=int,
        default=60,
        metavar=words("metavar_count"),
        help=words("help_demo_families"),
    )
    p.add_argument(
        "--seed", type=int, default=1, metavar=words("metavar_seed"), help=words("help_demo_seed")
    )
    p.add_argument("--study", type=Path, metavar="STUDY.JSON", help=words("help_demo_study"))

    add("info", cmd_info, words("help_info"))
    add("list", cmd_list, words("help_list"))
    add("search", cmd_search, words("help_search")).add_argument(
        "text", metavar=words("metavar_text")
    )
    check_p = add("check", cmd_check, words("help_check"))
    check_p.add_argument("--repair", action="store_true", help=words("help_check_repair"))
    check_p.add_argument("--accept-loss", action="store_true", help=words("help_check_accept_loss"))
    add("backup", cmd_backup, words("help_backup")).add_argument(
        "file", type=Path, metavar=file_, help=words("help_backup_file")
    )

    p = add("restore", cmd_restore, words("help_restore"), journal=False)
    p.add_argument("file", type=Path, metavar=file_)
    p.add_argument("journal", type=Path, metavar="JOURNAL", help=journal_help)
    p.add_argument(
        "--user", metavar=words("metavar_username"), required=True, help=words("help_restore_user")
    )
    p.add_argument(
        "--reason",
        default="",
        metavar=words("metavar_reason"),
        help=words("help_restore_reason"),
    )
    _wait_option(p)

    audit_p = sub.add_parser("audit", help=words("help_audit"), description=words("help_audit"))
    audit_sub = audit_p.add_subparsers(
        dest="audit_command", required=True, metavar=words("metavar_command")
    )
    p = audit_sub.add_parser(
        "verify",
        help=words("help_audit_verify"),
        description=words("help_audit_verify_description"),
    )
    p.add_argument("journal", type=Path, metavar="JOURNAL", help=journal_help)
    p.add_argument("--user", metavar=words("metavar_username"), help=user_help)
    p.add_argument(
        "--witness",
        action="append",
        default=[],
        metavar=words("metavar_head"),
        help=words("help_audit_witness"),
    )
    p.add_argument("--key", type=Path, metavar="JOURNAL.pub", help=words("help_audit_key"))
    p.add_argument("--study", type=Path, metavar="STUDY.json", help=words("help_audit_study"))
    p.set_defaults(handler=cmd_audit_verify)
    head_help = words("help_audit_head")
    p = audit_sub.add_parser("head", help=head_help, description=head_help)
    p.add_argument("journal", type=Path, metavar="JOURNAL", help=journal_help)
    p.add_argument("--user", metavar=words("metavar_username"), help=user_help)
    p.set_defaults(handler=cmd_audit_head)
    acknowledge_help = words("help_audit_acknowledge")
    p = audit_sub.add_parser("acknowledge", help=acknowledge_help, description=acknowledge_help)
    p.add_argument("journal", type=Path, metavar="JOURNAL", help=journal_help)
    p.add_argument("--user", metavar=words("metavar_username"), help=user_help)
    p.set_defaults(handler=cmd_audit_acknowledge)

    user_p = sub.add_parser("user", help=words("help_users"), description=words("help_users"))
    user_sub = user_p.add_subparsers(
        dest="user_command", required=True, metavar=words("metavar_command")
    )
    for name, handler, help_text, needs_name in (
        ("add", cmd_user_add, words("help_user_add"), True),
        ("list", cmd_user_list, words("help_user_list"), False),
        ("remove", cmd_user_remove, words("help_user_remove"), True),
        ("passwd", cmd_user_passwd, words("help_user_passwd"), False),
        ("reset", cmd_user_reset, words("help_user_reset"), True),
    ):
        p = user_sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument("journal", type=Path, metavar="JOURNAL", help=journal_help)
        if needs_name:
            p.add_argument("username", metavar=words("metavar_username"))
        p.add_argument("--user", metavar=words("metavar_username"), help=words("help_signs_in"))
        if name == "remove":
            _wait_option(p)
        if name == "add":
            p.add_argument("--name", metavar=words("metavar_name"), help=words("help_full_name"))
            p.add_argument(
                "--role",
                choices=[r.value for r in Role],
                default="caseworker",
                help=words("help_role"),
            )
        p.set_defaults(handler=handler)

    p = sub.add_parser(
        "report", help=words("help_report"), description=words("help_report_description")
    )
    p.add_argument(
        "kind",
        choices=("summary", "family", "portfolio", "access-log", "recovery-sheet"),
        metavar=words("metavar_report"),
        help=words("help_report_kind"),
    )
    p.add_argument("journal", type=Path, metavar="JOURNAL", help=journal_help)
    p.add_argument("--user", metavar=words("metavar_username"), help=user_help)
    p.add_argument("--case", metavar=words("metavar_case"), help=words("help_report_case"))
    date = words("metavar_date")
    p.add_argument(
        "--from",
        dest="start",
        type=dt.date.fromisoformat,
        metavar=date,
        help=words("help_report_from"),
    )
    p.add_argument(
        "--to", dest="end", type=dt.date.fromisoformat, metavar=date, help=words("help_report_to")
    )
    p.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar=words("metavar_pdf"),
        help=words("help_report_out"),
    )
    p.add_argument(
        "--show-national-ids", action="store_true", help=words("help_report_national_ids")
    )
    p.add_argument("--language", choices=("nb", "en"), help=words("help_report_language"))
    p.set_defaults(handler=cmd_report)

    p = add("gui", cmd_gui, words("help_gui"), journal=False)
    p.add_argument("journal", type=Path, nargs="?", metavar="JOURNAL", help=journal_help)
    evaluation_cli.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    keep_private()  # no core dump of the key or a family's data (samjournal/private_memory.py)
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except (WrongPassphrase, UnlockThrottled, PermissionDenied) as exc:
        print(f"samjournal: {describe(exc, language())}", file=sys.stderr)
        return EXIT_REFUSED
    except SamJournalError as exc:
        print(f"samjournal: {describe(exc, language())}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:
        # `samjournal list | head`: the reader has gone. Point stdout at devnull so the flush
        # at exit does not raise again, and stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
