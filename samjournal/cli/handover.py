"""`samjournal handover …`: hand families over between journals, for team leads.

samjournal key J --receive --out J.mottak       this journal's key file (fingerprint shown)
samjournal handover peer add J --key F --name "Trondheim, team Vest"
samjournal handover export J --case 2026-0012 [--case …] --to JOURNAL-ID|F --out FILE
samjournal handover import J FILE [--receipt R]  the receipt to send back is written to R
samjournal handover receipt J R                  the family leaves the sending journal
samjournal handover waiting J                    handed over, no receipt yet
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from samjournal.cli.parser import Parser
from samjournal.cli.support import EXIT_OK, say, unlocked, words
from samjournal.fsutil import atomic_write
from samjournal.handover.keys import JOURNAL_ID, ReceivingKey

Handler = Callable[[argparse.Namespace], int]
MAX_FILE = 1 << 30


def write_key(args: argparse.Namespace) -> int:
    """`samjournal key J --receive --out F`."""
    with unlocked(args) as journal:
        key = journal.handovers.receiving_key()
    atomic_write(Path(args.out), key.to_file().encode("ascii"))
    say("cli_receiving_key_written", path=str(args.out))
    say("cli_receiving_key_id", id=key.journal_id, fingerprint=key.fingerprint)
    say("cli_receiving_key_give")
    return EXIT_OK


def cmd_peer_add(args: argparse.Namespace) -> int:
    text = Path(args.key).read_bytes()[: MAX_FILE + 1]
    key = ReceivingKey.from_file(text)
    say("cli_peer_fingerprint", fingerprint=key.fingerprint, id=key.journal_id)
    with unlocked(args) as journal:
        peer = journal.handovers.add_peer(text, args.name)
    say("cli_peer_added", label=peer.label)
    return EXIT_OK


def cmd_peer_list(args: argparse.Namespace) -> int:
    with unlocked(args) as journal:
        for peer in journal.handovers.peers():
            print(f"{peer.journal_id}\t{peer.fingerprint}\t{peer.label}")
    return EXIT_OK


def _receiving_journal(value: str) -> str:
    if JOURNAL_ID.fullmatch(value.strip().lower()):
        return value.strip().lower()
    return ReceivingKey.from_file(Path(value).read_bytes()[: MAX_FILE + 1]).journal_id


def cmd_export(args: argparse.Namespace) -> int:
    to_journal = _receiving_journal(args.to)
    with unlocked(args) as journal:
        ids = [journal.families.by_case_number(number) for number in args.case]
        sent = journal.handovers.send(ids, to_journal, args.out)
    for item in sent:
        say("cli_handover_sent", case=item.case_number, path=str(args.out))
    say("cli_handover_stays")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    data = Path(args.file).read_bytes()[: MAX_FILE + 1]
    with unlocked(args) as journal:
        intake = journal.handovers.receive(data)
    receipt = Path(args.receipt or f"{args.file}.kvittering")
    atomic_write(receipt, intake.receipt.encode("utf-8"))
    for family in intake.families:
        say(
            "cli_handover_received_again" if family.again else "cli_handover_received",
            case=family.case_number,
            old=family.old_case_number,
            sender=intake.from_label,
        )
    say("cli_handover_receipt_written", path=str(receipt), sender=intake.from_label)
    return EXIT_OK


def cmd_receipt(args: argparse.Namespace) -> int:
    text = Path(args.file).read_bytes()[: MAX_FILE + 1]
    with unlocked(args) as journal:
        removed = journal.handovers.take_receipt(text)
    for item in removed:
        say("cli_handover_acknowledged", case=item.case_number)
    if not removed:
        say("cli_handover_receipt_before")
    return EXIT_OK


def cmd_waiting(args: argparse.Namespace) -> int:
    with unlocked(args) as journal:
        for item in journal.handovers.waiting():
            print(f"{item.case_number}\t{item.to_label}\t{item.sent_at.isoformat()}")
    return EXIT_OK


def register(sub: argparse._SubParsersAction[Parser]) -> None:
    command, file_ = words("metavar_command"), words("metavar_file")

    def leaf(
        parent: argparse._SubParsersAction[Parser], name: str, handler: Handler, help_text: str
    ) -> argparse.ArgumentParser:
        p = parent.add_parser(name, help=help_text, description=help_text)
        p.add_argument("journal", type=Path, metavar="JOURNAL", help=words("help_journal"))
        p.add_argument("--user", metavar=words("metavar_username"), help=words("help_user"))
        p.set_defaults(handler=handler)
        return p

    help_text = words("help_handover")
    handover = sub.add_parser("handover", help=help_text, description=help_text).add_subparsers(
        dest="handover_command", required=True, metavar=command
    )
    help_text = words("help_handover_peer")
    peer = handover.add_parser("peer", help=help_text, description=help_text)
    peers = peer.add_subparsers(dest="peer_command", required=True, metavar=command)
    p = leaf(peers, "add", cmd_peer_add, words("help_handover_peer_add"))
    p.add_argument(
        "--key", type=Path, required=True, metavar=file_, help=words("help_handover_key")
    )
    p.add_argument(
        "--name", metavar=words("metavar_name"), required=True, help=words("help_handover_name")
    )
    leaf(peers, "list", cmd_peer_list, words("help_handover_peer_list"))

    p = leaf(handover, "export", cmd_export, words("help_handover_export"))
    p.add_argument(
        "--case",
        action="append",
        required=True,
        metavar=words("metavar_case"),
        help=words("help_handover_case"),
    )
    p.add_argument("--to", required=True, metavar="JOURNAL", help=words("help_handover_to"))
    p.add_argument(
        "--out", type=Path, required=True, metavar=file_, help=words("help_handover_out")
    )
    p = leaf(handover, "import", cmd_import, words("help_handover_import"))
    p.add_argument("file", type=Path, metavar=file_, help=words("help_handover_file"))
    p.add_argument("--receipt", type=Path, metavar=file_, help=words("help_handover_receipt_out"))
    p = leaf(handover, "receipt", cmd_receipt, words("help_handover_receipt"))
    p.add_argument("file", type=Path, metavar=file_, help=words("help_handover_receipt_file"))
    leaf(handover, "waiting", cmd_waiting, words("help_handover_waiting"))
