"""What the evaluator's workspace reports, by key, in bokmål and English: a bundle's import
(evaluator/merge.py `ImportReport.lines`), gaps and forks in a journal's bundles, and `evaluator
status` (evaluator/status.py; its alarms are in messages_forks.py).

Data only: samjournal/messages.py merges these into its catalogue and formats them.
"""

from __future__ import annotations

from collections.abc import Mapping

Words = tuple[str, str]  # (bokmål, English)

MESSAGES: Mapping[str, Words] = {
    # one bundle's import
    "import_rejected": (
        "{name}: AVVIST — {reason} Ingenting er endret.",
        "{name}: REJECTED — {reason} Nothing was changed.",
    ),
    "import_bundle": (
        "{name}: journal {journal} ({site}) pakke {sequence} ({kind})",
        "{name}: journal {journal} ({site}) bundle {sequence} ({kind})",
    ),
    "import_already": (
        "{bundle}: allerede importert; ingenting endret.",
        "{bundle}: already imported; nothing changed.",
    ),
    "import_stored": ("{bundle}: lagret.", "{bundle}: stored."),
    "import_received": ("  mottatt: {rows}", "  received: {rows}"),
    "import_merged": (
        "  nye rader {added}, oppdatert {updated}, uendret {unchanged}, stoppet av slettemelding"
        " {blocked}",
        "  new rows {added}, updated {updated}, unchanged {unchanged}, stopped by a tombstone"
        " {blocked}",
    ),
    "import_tombstones": (
        "  slettemeldinger {tombstones} (nye {new}), fjernet fra datasettet {removed}",
        "  tombstones {tombstones} (new {new}), removed from the dataset {removed}",
    ),
    "import_witnessed": ("  revisjonslogg: {head} (bevitnet)", "  audit log: {head} (witnessed)"),
    "import_note": ("  merk: {note}", "  note: {note}"),
    "import_receipt": ("  kvittering: {path}", "  receipt: {path}"),
    "bundle_full": ("full", "complete"),
    "bundle_incremental": ("endringer", "changes"),
    # gaps and forks in a journal's bundles (merge.sequence_problems)
    "bundles_missing": (
        "journal {journal}: mangler pakke {span}",
        "journal {journal}: bundle {span} is missing",
    ),
    "bundles_missing_covered": (
        "journal {journal}: mangler pakke {span} (dekket av en senere full pakke)",
        "journal {journal}: bundle {span} is missing (covered by a later complete bundle)",
    ),
    "bundles_fork_same_number": (
        "journal {journal}: gaffel — {count} ulike pakker med nummer {sequence}",
        "journal {journal}: fork — {count} different bundles numbered {sequence}",
    ),
    "bundles_fork_chain": (
        "journal {journal}: gaffel — pakke {sequence} bygger ikke på pakke {previous}",
        "journal {journal}: fork — bundle {sequence} does not build on bundle {previous}",
    ),
    # evaluator status
    "status_study": ("Studie {id}: {name}", "Study {id}: {name}"),
    "status_fingerprint": ("  fingeravtrykk {fingerprint}", "  fingerprint {fingerprint}"),
    "status_journals": (
        "  journaler: {count}; siste import: {last}",
        "  journals: {count}; last import: {last}",
    ),
    "status_never": ("aldri", "never"),
    "status_totals": ("  totalt: {rows}", "  in all: {rows}"),
    "status_not_registered": (
        "IKKE REGISTRERT (pakker avvises)",
        "NOT REGISTERED (bundles are refused)",
    ),
    "status_key": (
        "  nøkkel {key_id} ({fingerprint}): {how}",
        "  key {key_id} ({fingerprint}): {how}",
    ),
    "status_key_registered": ("registrert", "registered"),
    "status_key_first_use": (
        "stolt på ved første bruk (før registrering fantes; gjelder ikke lenger)",
        "trusted on first use (before registration existed; no longer valid)",
    ),
    "status_key_explicit": (
        "stolt på med --trust-new-key (før registrering fantes; gjelder ikke lenger)",
        "trusted with --trust-new-key (before registration existed; no longer valid)",
    ),
    "status_bundles": (
        "  pakker: {count} (nummer {sequences}); siste import {last}",
        "  bundles: {count} (numbers {sequences}); last import {last}",
    ),
    "status_set_aside": (
        "  lagt til side etter en gjenoppretting: {count} (nummer {sequences})",
        "  set aside after a restore: {count} (numbers {sequences})",
    ),
    "status_rows": (
        "  rader: {rows}; slettemeldinger {tombstones}",
        "  rows: {rows}; tombstones {tombstones}",
    ),
    "status_witnessed": ("  revisjonslogg bevitnet: {head}", "  audit log witnessed: {head}"),
}
