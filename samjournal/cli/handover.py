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
from samjournal.cli.support import EXIT_OK, say, unlocked
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
    def leaf(
        parent: argparse._SubParsersAction[Parser], name: str, handler: Handler, help_text: str
    ) -> argparse.ArgumentParser:
        p = parent.add_parser(name, help=help_text, description=help_text)
        p.add_argument("journal", type=Path, metavar="JOURNAL", help="journalmappen")
        p.add_argument("--user", help="brukernavn (standard: SAMJOURNAL_USER eller eneste bruker)")
        p.set_defaults(handler=handler)
        return p

    handover = sub.add_parser(
        "handover", help="overfør familier mellom journaler (teamleder)"
    ).add_subparsers(dest="handover_command", required=True, metavar="KOMMANDO")
    peer = handover.add_parser("peer", help="journalene familier kan sendes til og fra")
    peers = peer.add_subparsers(dest="peer_command", required=True, metavar="KOMMANDO")
    p = leaf(peers, "add", cmd_peer_add, "registrer en annen journal fra mottaksnøkkelen dens")
    p.add_argument("--key", type=Path, required=True, metavar="FIL", help="mottaksnøkkelen")
    p.add_argument("--name", required=True, help="hvem journalen tilhører, f.eks. kommune og team")
    leaf(peers, "list", cmd_peer_list, "list registrerte journaler")

    p = leaf(handover, "export", cmd_export, "skriv en signert og kryptert overføringsfil")
    p.add_argument("--case", action="append", required=True, metavar="SAKSNUMMER")
    p.add_argument(
        "--to", required=True, metavar="JOURNAL", help="mottakerens journal-id eller nøkkelfil"
    )
    p.add_argument("--out", type=Path, required=True, metavar="FIL")
    p = leaf(handover, "import", cmd_import, "ta imot en overføringsfil og skriv kvitteringen")
    p.add_argument("file", type=Path, metavar="FIL")
    p.add_argument("--receipt", type=Path, metavar="FIL", help="hvor kvitteringen skrives")
    p = leaf(handover, "receipt", cmd_receipt, "legg inn mottakerens kvittering")
    p.add_argument("file", type=Path, metavar="FIL")
    leaf(handover, "waiting", cmd_waiting, "familier som er sendt og venter på kvittering")
