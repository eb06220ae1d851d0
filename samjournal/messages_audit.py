"""Messages by key for audit, in bokmål and English.

Data only: samjournal/catalogue.py merges these into its catalogue and formats them.
"""

from __future__ import annotations

from collections.abc import Mapping

Words = tuple[str, str]  # (bokmål, English)

FIELDS: Mapping[str, Words] = {
    "witness": (
        "vitne",
        "witness",
    ),
}

# Said at every open until a team lead acknowledges it (mark.acknowledge).
_UNTIL_ACKNOWLEDGED = (
    " Dette sies ved hver åpning til en teamleder har kontrollert journalen mot en"
    " sikkerhetskopi («samjournal audit verify») og kvittert ut alarmen («samjournal audit"
    " acknowledge»)."
)
_UNTIL_ACKNOWLEDGED_EN = (
    " This is said at every open until a team lead has checked the journal against a backup"
    " («samjournal audit verify») and acknowledged the alarm («samjournal audit acknowledge»)."
)

MESSAGES: Mapping[str, Words] = {
    # wrong stored case-list figures, found by the integrity check (Journal.integrity_problems)
    "stale_totals_family": (
        "feil tall i saksoversikten for familie {family}",
        "wrong figures in the case list for family {family}",
    ),
    # the chain and the tree recomputed from the events (audit.py, AuditLog.verify)
    "chain_events_missing": (
        "hendelse {first}–{last} mangler",
        "events {first}–{last} are missing",
    ),
    "chain_event_changed": (
        "hendelse {seq} er endret, flyttet eller satt inn",
        "event {seq} was changed, moved or inserted",
    ),
    "tree_nodes_off": (
        "{count} lagrede deltrær stemmer ikke med hendelsene, det første ved hendelse {first}:"
        " hendelsen er endret etter at den ble ført i treet (eller treet er endret der)",
        "{count} stored subtree(s) do not match the events, the first at event {first}: the"
        " event was changed after it entered the tree (or the tree was changed there)",
    ),
    "tree_root_off": (
        "loggens Merkle-rot stemmer ikke med hendelsene",
        "the log's Merkle root does not match the events",
    ),
    "tree_off": (
        "loggens Merkle-tre stemmer ikke med hendelsene",
        "the log's Merkle tree does not match the events",
    ),
    # a log that does not extend a head (audit_heads.problem), and where the head came from
    "head_cut": (
        "{what}: loggen var kommet til {had} hendelser, men har nå bare {has}; hendelser er"
        " fjernet fra slutten av loggen",
        "{what}: the log had come to {had} events, but now has only {has}; events were removed"
        " from the end of the log",
    ),
    "head_not_extended": (
        "{what}: loggen bygger ikke videre på hodet {head}; hendelser til og med nummer {size}"
        " er endret, fjernet eller satt inn",
        "{what}: the log does not extend the head {head}; events up to number {size} were"
        " changed, removed or inserted",
    ),
    "head_lost_in_restore": (
        "{what}: hodet {head} ble tapt ved gjenopprettingen ved hendelse {seq} (journalen gikk"
        " tilbake til {restored})",
        "{what}: the head {head} was lost in the restore at event {seq} (the journal went back"
        " to {restored})",
    ),
    # the export recomputes the log before it signs a head (evaluation/exporter.py)
    "export_log_broken": (
        "Revisjonsloggen stemmer ikke med seg selv ({problem}). Ingenting er eksportert: en"
        " pakke ville signert et hode loggens hendelser ikke gir. Kjør «samjournal audit verify»"
        " for å se hva som er endret.",
        "The audit log does not agree with itself ({problem}). Nothing was exported: a bundle"
        " would sign a head the log's events do not give. Run “samjournal audit verify” to see"
        " what was changed.",
    ),
    # a fork of the log held to what a restore leaves (audit_check.implausible)
    "fork_implausible": (
        "gaffelen ved hendelse {seq} kan ikke være en gjenoppretting: {why}; den forklarer ikke"
        " noe tapt hode",
        "the fork at event {seq} cannot be a restore: {why}; it explains no lost head",
    ),
    "fork_not_after_head": (
        "hendelsen følger ikke rett etter hodet den sier journalen gikk tilbake til (hendelse"
        " {size}); andre hendelser ligger mellom",
        "the event does not come right after the head it says the journal went back to (event"
        " {size}); other events lie between",
    ),
    "fork_not_by_teamlead": (
        "hendelsen er ikke ført av {user}, eller {user} er ikke teamleder i journalen",
        "the event was not recorded by {user}, or {user} is not a team lead in the journal",
    ),
    # a fork of the log, one line in `audit verify` (audit_forks.Fork.describe)
    "fork_line": (
        "Gaffel ved hendelse {seq} ({at}, {user}): {what}; {lost}{seen}.{why}",
        "Fork at event {seq} ({at}, {user}): {what}; {lost}{seen}.{why}",
    ),
    "fork_what": (
        "journalen ble gjenopprettet fra en sikkerhetskopi med hodet {head}",
        "the journal was restored from a backup with the head {head}",
    ),
    "fork_what_loss": (
        "tapt arbeid ble godtatt (check --accept-loss); loggen går videre fra hodet {head}",
        "lost work was accepted (check --accept-loss); the log goes on from the head {head}",
    ),
    "fork_lost_maybe": ("hendelser etter det kan være tapt", "events after it may be lost"),
    "fork_lost_upto": (
        "hendelsene etter det, til og med nummer {size} (hodet {head}), er tapt",
        "the events after it, up to number {size} (the head {head}), are lost",
    ),
    "fork_seen": (
        "; nyeste bevitnede hode før gjenopprettingen var {head}",
        "; the newest head witnessed before the restore was {head}",
    ),
    "fork_reason": (" Grunn: {reason}", " Reason: {reason}"),
    "fork_not_a_restore": (
        "hendelsen er ingen gjenoppretting av journalen, eller gaffelen er ikke ført sammen med"
        " den",
        "the event is no restore of the journal, or the fork was not recorded with it",
    ),
    "fork_later_events_older": (
        "hendelser etter den er eldre enn den",
        "events after it are older than it",
    ),
    # a witness excused by a restore the evaluator has not taken (audit_check.verify)
    "restore_unconfirmed": (
        "Ubekreftet: hodene over er bare forklart av gjenopprettingen ved hendelse {seq}, og"
        " kvitteringene som er gitt viser ikke at evaluator har godtatt den. En gjenoppretting"
        " kan også være plantet for å skjule en endring: gi en kvittering som ble tapt ved den"
        " og en fra etter den med --witness, eller spør evaluator.",
        "Unconfirmed: the heads above are explained only by the restore at event {seq}, and the"
        " receipts given do not show the evaluator accepted it. A restore can also be planted to"
        " hide a change: give a receipt it lost and one from after it with --witness, or ask the"
        " evaluator.",
    ),
    "witnessed_in_mark": ("vitnet hode i journal.mark", "witnessed head in journal.mark"),
    # a receipt whose signature fails against the journal's stored receipt key (audit_check)
    "receipt_key_disagrees": (
        "{name}: {problem} Enten er kvitteringen ikke evaluators, eller kvitteringsnøkkelen"
        " som er lagret i journalen, er byttet ut; hodet i kvitteringen er likevel holdt mot"
        " loggen. Kontroller med --study og studieprofilen fra evaluator.",
        "{name}: {problem} Either the receipt is not the evaluator's, or the receipt key stored"
        " in the journal has been replaced; the head in the receipt is held against the log all"
        " the same. Check with --study and the study profile from the evaluator.",
    ),
    # journal.mark gone or spoiled (mark.settle): this open could not check for lost work
    "mark_unreadable": (
        "journal.mark kunne ikke leses eller var ikke denne journalens (endret, byttet ut eller"
        " ødelagt); om nyeste arbeid manglet, kunne ikke åpningen som fant det se det. Den er"
        " skrevet på nytt." + _UNTIL_ACKNOWLEDGED,
        "journal.mark could not be read or was not this journal's (edited, replaced or"
        " damaged); if recent work was missing, the open that found it could not tell. It has"
        " been written anew." + _UNTIL_ACKNOWLEDGED_EN,
    ),
    "mark_removed": (
        "journal.mark var borte, men denne journalen har hatt en; om nyeste arbeid manglet,"
        " kunne ikke åpningen som fant det se det. Den er skrevet på nytt." + _UNTIL_ACKNOWLEDGED,
        "journal.mark was gone, though this journal has had one; if recent work was missing,"
        " the open that found it could not tell. It has been written anew."
        + _UNTIL_ACKNOWLEDGED_EN,
    ),
    "mark_alarm_acknowledged": (
        "Alarmen om journal.mark er kvittert ut; den vises ikke lenger ved åpning.",
        "The journal.mark alarm is acknowledged; it is no longer shown at each open.",
    ),
    "no_mark_alarm": ("Ingen alarm om journal.mark venter.", "No journal.mark alarm is pending."),
    "witnessed_head": ("vitnet hode ({source})", "witnessed head ({source})"),
    "witnessed_in_account_mark": ("merket i brukerkontoen", "the account's mark"),
    # an unsigned head the log does not extend (audit_check.verify): a note, not a finding
    "head_unproven": (
        "{problem} (ubekreftet: hodet er usignert, og hvem som helst med filen kan ha skrevet"
        " det; vet du at filen er urørt, gi hodet med --witness)",
        "{problem} (unproven: the head is unsigned, and anyone with the file could have written"
        " it; if you know the file is untouched, give the head with --witness)",
    ),
    "receipt_for_bundle": (
        "kvittering for pakke {sequence} til studien {study}",
        "receipt for bundle {sequence} to the study {study}",
    ),
    "head_given": ("oppgitt hode", "the head given"),
    "restored_head": ("gjenopprettet hode", "restored head"),
    "witness_backup": ("sikkerhetskopien {name}", "the backup {name}"),
    "witness_receipt": ("kvitteringen {name}", "the receipt {name}"),
    "witness_file": ("filen {name}", "the file {name}"),
    "witness_unsigned": (
        "{name} (usignert hode, fra før hodene ble signert)",
        "{name} (unsigned head, from before heads were signed)",
    ),
    "head_lost_signature": (
        "hodet i {name} mangler signaturen sin",
        "the head in {name} has lost its signature",
    ),
    "head_signed_by_journal": (
        "hodet i {name} er ikke signert av denne journalen: sikkerhetskopien er endret eller "
        "ikke herfra",
        "the head in {name} is not signed by this journal: the backup was altered or is not "
        "from here",
    ),
    "head_signed_other_key": (
        "hodet i {name} er ikke signert av denne journalen (kontrollert med {ours}), men med"
        " nøkkelen {theirs}: er det nøkkelen evaluator har registrert for journalen, er"
        " journalens egne nøkler byttet ut (kontroller med --key journal.pub); ellers er"
        " sikkerhetskopien endret eller ikke herfra",
        "the head in {name} is not signed by this journal (checked with {ours}) but with the"
        " key {theirs}: if that is the key the evaluator registered for the journal, the"
        " journal's own keys were replaced (check with --key journal.pub); otherwise the backup"
        " was altered or is not from here",
    ),
    "file_samjournal_receipt": (
        "Filen er ikke en SamJournal-kvittering.",
        "The file is not a SamJournal receipt.",
    ),
    "audit_log_merkle_tree": (
        "Revisjonsloggens Merkle-tre mangler deler. Kjør «samjournal audit verify».",
        "The audit log's Merkle tree has parts missing. Run “samjournal audit verify”.",
    ),
    "receipt_from_before_log": (
        "kvitteringen er fra før loggen fikk hoder",
        "the receipt is from before the log had heads",
    ),
    "neither_head_nor_receipt": (
        "{name} er verken et hode eller en kvittering",
        "{name} is neither a head nor a receipt",
    ),
    "write_head_as_stands": (
        "skriv hodet slik det står, for eksempel «Logg 12345 · 3f9a5e0c7d21b4a8», eller oppgi "
        "en sikkerhetskopi, en kvittering eller en fil med hodet",
        "write the head as it stands, e.g. “Log 12345 · 3f9a5e0c7d21b4a8”, or give a backup, "
        "a receipt or a file with the head",
    ),
    "witness_no_file": (
        "finner ingen fil {name}; skriv hodet slik det står, eller oppgi en sikkerhetskopi, en"
        " kvittering eller en fil med hodet",
        "there is no file {name}; write the head as it stands, or give a backup, a receipt or"
        " a file with the head",
    ),
    "witness_is_folder": (
        "{name} er en mappe; oppgi en sikkerhetskopi, en kvittering eller en fil med hodet",
        "{name} is a folder; give a backup, a receipt or a file with the head",
    ),
    "too_large_head": (
        "{name} er for stor til å være et hode",
        "{name} is too large to be a head",
    ),
    "backup_made_before_log": (
        "sikkerhetskopien er laget før loggen fikk hoder, og har ikke noe hode",
        "the backup was made before the log had heads, and holds none",
    ),
    "cannot_read": (
        "kan ikke lese {name}",
        "cannot read {name}",
    ),
    "file_samjournal_backup": (
        "Filen er ikke en SamJournal-sikkerhetskopi.",
        "The file is not a SamJournal backup.",
    ),
    "backup_checksums": (
        "Sikkerhetskopien mangler kontrollsummer.",
        "The backup has no checksums.",
    ),
    "file_damaged_samjournal_backup": (
        "Filen er skadet eller ikke en SamJournal-sikkerhetskopi.",
        "The file is damaged or not a SamJournal backup.",
    ),
    "backup_damaged_cannot_unpacked": (
        "Sikkerhetskopien er skadet og kan ikke pakkes ut.",
        "The backup is damaged and cannot be unpacked.",
    ),
    "backup_unreasonably_large": (
        "Sikkerhetskopien er urimelig stor.",
        "The backup is unreasonably large.",
    ),
    "keyring_backup_damaged": (
        "Nøkkelringen i sikkerhetskopien er skadet.",
        "The keyring in the backup is damaged.",
    ),
    "database_backup_cannot_opened": (
        "Databasen i sikkerhetskopien kan ikke åpnes.",
        "The database in the backup cannot be opened.",
    ),
    "database_backup_fails_integrity": (
        "Databasen i sikkerhetskopien består ikke integritetssjekken.",
        "The database in the backup fails the integrity check.",
    ),
    "backup_head_malformed": (
        "Sikkerhetskopiens manifest har et revisjonshode som ikke kan leses. Ingenting er"
        " gjenopprettet.",
        "The backup's manifest has an audit head that cannot be read. Nothing was restored.",
    ),
    "backup_head_unsigned": (
        "Revisjonshodet i sikkerhetskopiens manifest mangler signaturen sin: manifestet er"
        " endret. Ingenting er gjenopprettet.",
        "The audit head in the backup's manifest has lost its signature: the manifest was"
        " altered. Nothing was restored.",
    ),
    "backup_head_not_signed": (
        "Revisjonshodet og kontrollsummene i sikkerhetskopiens manifest er ikke signert av"
        " journalen i den: manifestet eller filene er endret eller byttet ut. Ingenting er"
        " gjenopprettet.",
        "The audit head and checksums in the backup's manifest are not signed by the journal in"
        " it: the manifest or the files were altered or swapped. Nothing was restored.",
    ),
    "backup_log_not_at_head": (
        "Revisjonsloggen i sikkerhetskopien ender ikke ved hodet manifestet oppgir ({head}),"
        " men ved {found}: databasen er fra en annen sikkerhetskopi eller endret. Ingenting er"
        " gjenopprettet.",
        "The audit log in the backup does not end at the head its manifest states ({head}) but"
        " at {found}: the database is from another backup, or altered. Nothing was restored.",
    ),
    "backup_holds_other_files": (
        "{name} holder andre filer enn dem hodet er signert sammen med: filene er byttet ut"
        " eller skadet",
        "{name} holds other files than those its head is signed with: the files were swapped"
        " or damaged",
    ),
    "backup_damaged_checksum_does": (
        "Sikkerhetskopien er skadet (kontrollsummen stemmer ikke).",
        "The backup is damaged (the checksum does not match).",
    ),
}
