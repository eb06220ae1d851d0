"""What the `samjournal` command prints (samjournal/cli/), by key, in bokmål and English.

Data only: samjournal/messages.py merges these into its catalogue; the CLI prints them with
`cli.support.say` in the language it gives its errors in (cli.support.language).
"""

from __future__ import annotations

from collections.abc import Mapping

Words = tuple[str, str]  # (bokmål, English)

MESSAGES: Mapping[str, Words] = {
    # asking (cli/support.py)
    "cli_passphrase_prompt": ("Passordfrase: ", "Passphrase: "),
    "cli_repeat_prompt": ("Gjenta: ", "Repeat: "),
    "cli_passphrase_for_prompt": ("Passordfrase for {user}: ", "Passphrase for {user}: "),
    "cli_new_passphrase_prompt": ("Ny passordfrase: ", "New passphrase: "),
    "cli_new_passphrase_for_prompt": (
        "Ny passordfrase for {user}: ",
        "New passphrase for {user}: ",
    ),
    "cli_recovery_key_prompt": ("Gjenopprettingsnøkkel: ", "Recovery key: "),
    "cli_recovery_prompt": (
        "Gjenopprettingsnøkkel (fra det gamle arket): ",
        "Recovery key (from the old sheet): ",
    ),
    "cli_failed_unlocks": (
        "Merk: {count} mislykkede opplåsingsforsøk siden sist.",
        "Note: {count} failed unlock attempts since last time.",
    ),
    "cli_note": ("Merk: {note}", "Note: {note}"),
    "cli_alarm": ("ALARM fra revisjonsloggen: {alarm}", "AUDIT ALARM: {alarm}"),
    # init, demo, info, users, passphrases, reports (cli/commands.py)
    "cli_created": ("Journal opprettet i {path}", "Journal created in {path}"),
    "cli_recovery_key_once": (
        "Gjenopprettingsnøkkel (vises bare nå — skriv den ut og legg den i safen):",
        "Recovery key (shown only now — print it and keep it in the safe):",
    ),
    "cli_demo_consents": ("Samtykker registrert: {count}", "Consents recorded: {count}"),
    "cli_demo_created": (
        "Demojournal med {families} familier i {path}",
        "Demo journal with {families} families in {path}",
    ),
    "cli_demo_users": ("Brukere: {names}", "Users: {names}"),
    "cli_demo_passphrase": (
        "Demo-passordfrase (bare for demo): {passphrase}",
        "Demo passphrase (for the demo only): {passphrase}",
    ),
    "cli_demo_open": ("Åpne den med: samjournal gui {path}", "Open it with: samjournal gui {path}"),
    "cli_info_id": ("Journal-id:\t{value}", "Journal id:\t{value}"),
    "cli_info_schema": ("Skjemaversjon:\t{value}", "Schema version:\t{value}"),
    "cli_info_user": ("Innlogget:\t{user} ({role})", "Signed in:\t{user} ({role})"),
    "cli_info_users": ("Brukere:\t{value}", "Users:\t{value}"),
    "cli_info_audit": ("Revisjonslogg:\t{value}", "Audit log:\t{value}"),
    "cli_user_added": ("La til {user} ({role})", "Added {user} ({role})"),
    "cli_user_active": ("aktiv", "active"),
    "cli_user_gone": ("fjernet", "removed"),
    "cli_user_removed": (
        "Fjernet {user}; databasen har fått ny nøkkel.",
        "Removed {user}; the database has a new key.",
    ),
    "cli_passphrase_changed": ("Passordfrasen er endret.", "The passphrase has been changed."),
    "cli_workspace_passphrase_reset": (
        "Arbeidsområdet {path} har fått ny passordfrase.",
        "The workspace {path} has a new passphrase.",
    ),
    "cli_passphrase_reset": (
        "{user} har fått ny passordfrase.",
        "{user} has a new passphrase.",
    ),
    "cli_wrote": ("Skrev {path}", "Wrote {path}"),
    # the audit log, the integrity check, backups and restores (cli/commands.py)
    "cli_audit_broken": (
        "Revisjonsloggen er brutt ({count} feil).",
        "The audit log is broken ({count} problem(s)).",
    ),
    "cli_audit_whole": (
        "Revisjonsloggen er hel: {events} hendelser, rot {root}",
        "The audit log is whole: {events} events, root {root}",
    ),
    "cli_audit_unconfirmed": (
        "Revisjonsloggen stemmer med seg selv ({events} hendelser, rot {root}), men bare en"
        " ubekreftet gjenoppretting forklarer at den ikke bygger videre på et vitne.",
        "The audit log agrees with itself ({events} events, root {root}), but only an"
        " unconfirmed restore explains why it does not extend a witness.",
    ),
    "cli_audit_extends": ("Bygger videre på {what}: {head}", "Extends {what}: {head}"),
    "cli_audit_head": ("Logg {head}", "Log {head}"),  # audit_heads.parse reads both
    "cli_repaired_totals": (
        "rettet: saksoversiktens tall for familie {family}",
        "repaired: the case list's figures for family {family}",
    ),
    "cli_check_ok": (
        "ok: cipher_integrity_check, integrity_check, fremmednøkler, revisjonslogg og"
        " saksoversiktens tall",
        "ok: cipher_integrity_check, integrity_check, foreign keys, audit log and the case"
        " list's figures",
    ),
    "cli_backup_written": ("Sikkerhetskopi skrevet: {path}", "Backup written: {path}"),
    "cli_restored": ("Journalen er gjenopprettet i {path}", "The journal was restored in {path}"),
    "cli_restored_head": (
        "Revisjonsloggen gikk tilbake til hodet Logg {head} (signert)",
        "The audit log went back to the head Log {head} (signed)",
    ),
    "cli_restored_head_unsigned": (
        "Revisjonsloggen gikk tilbake til hodet Logg {head} (usignert: fra før hodene ble signert)",
        "The audit log went back to the head Log {head} (unsigned: from before heads were signed)",
    ),
    "cli_restore_fork": (
        "Gjenopprettingen er ført i revisjonsloggen som en gaffel; neste pakke til hver studie"
        " sier fra om den (se README: «After a restore from an older backup»).",
        "The restore is recorded in the audit log as a fork; the next bundle to each study"
        " states it (see README: “After a restore from an older backup”).",
    ),
    "cli_restore_kept": (
        "Journalen som lå der er tatt vare på i {path}",
        "The journal that was there is kept in {path}",
    ),
    # studies, exports, receipts and keys (cli/evaluation.py)
    "cli_policy_heading": ("Reglene i studieprofilen:", "The study profile's rules:"),
    "cli_questions_heading": ("Spørsmålene i studieprofilen:", "The study's questions:"),
    "cli_study": (
        "Studie: {id} — {name} ({organisation})",
        "Study: {id} — {name} ({organisation})",
    ),
    "cli_study_imported": (
        "Studie lagt inn: {id} — {name} ({organisation})",
        "Study added: {id} — {name} ({organisation})",
    ),
    "cli_fingerprint": ("Fingeravtrykk: {fingerprint}", "Fingerprint: {fingerprint}"),
    "cli_read_fingerprint": (
        "Les fingeravtrykket høyt for evaluator og sammenlign før første eksport.",
        "Read the fingerprint aloud to the evaluator and compare before the first export.",
    ),
    "cli_no_profile": ("(ingen profil)", "(no profile)"),
    "cli_dry_run": (
        "(prøvekjøring: pakke {sequence}, {kind}; ingenting er skrevet)",
        "(dry run: bundle {sequence}, {kind}; nothing was written)",
    ),
    "cli_bundle_written": (
        "Pakke {sequence} ({kind}) skrevet: {path}\n"
        "  {households} husstander, {rows} rader, {tombstones} slettemeldinger;"
        " signert med nøkkel {key_id}\n"
        "  revisjonslogg: {head}",
        "Bundle {sequence} ({kind}) written: {path}\n"
        "  {households} households, {rows} rows, {tombstones} tombstones;"
        " signed with key {key_id}\n"
        "  audit log: {head}",
    ),
    "cli_delivered": ("levert {at}", "delivered {at}"),
    "cli_not_acknowledged": ("IKKE KVITTERT", "NOT ACKNOWLEDGED"),
    "cli_bundles_waiting": (
        "{count} pakke(r) venter på kvittering fra evaluator.",
        "{count} bundle(s) wait for a receipt from the evaluator.",
    ),
    "cli_receipt_accepted": (
        "Kvittering godtatt: {study} pakke {sequence} levert {at}",
        "Receipt accepted: {study} bundle {sequence} delivered {at}",
    ),
    "cli_still_waiting": (
        "Venter fortsatt på kvittering: {numbers}",
        "Still waiting for a receipt: {numbers}",
    ),
    "cli_key_written": (
        "Offentlig signeringsnøkkel skrevet: {path}",
        "Public signing key written: {path}",
    ),
    "cli_journal_id": ("Journal-id {id}", "Journal id {id}"),
    "cli_key_id": (
        "Nøkkel-id {key_id}, fingeravtrykk {fingerprint}",
        "Key id {key_id}, fingerprint {fingerprint}",
    ),
    "cli_key_give": (
        "Gi filen og journal-id-en til evaluator, og les fingeravtrykket opp over telefon.",
        "Give the file and the journal id to the evaluator, and read the fingerprint aloud"
        " over the phone.",
    ),
    "cli_key_check": (
        "Sjekk en pakke med: minisign -V -p {path} -m tagmanifest-sha256.txt",
        "Check a bundle with: minisign -V -p {path} -m tagmanifest-sha256.txt",
    ),
    # the evaluator's workspace (cli/evaluation.py)
    "cli_workspace_created": (
        "Arbeidsområde opprettet i {path}",
        "Workspace created in {path}",
    ),
    "cli_profile_give": (
        "Studieprofil (gi denne til kommunene): {path}",
        "Study profile (give this to the municipalities): {path}",
    ),
    "cli_new_profile_give": (
        "Ny studieprofil (gi denne til kommunene): {path}",
        "New study profile (give this to the municipalities): {path}",
    ),
    "cli_profile_replace": (
        "Kommunene legger den inn med «samjournal study import --replace».",
        "The municipalities add it with “samjournal study import --replace”.",
    ),
    "cli_age_recipient": ("age-mottaker: {recipient}", "age recipient: {recipient}"),
    "cli_receipt_key": ("Kvitteringsnøkkel: {key_id}", "Receipt key: {key_id}"),
    "cli_store_recovery_once": (
        "Gjenopprettingsnøkkel for datalageret (vises bare nå — oppbevar den trygt):",
        "Recovery key for the data store (shown only now — keep it safe):",
    ),
    "cli_identity_warning": (
        "ADVARSEL: denne filen åpner hver pakke til studien. Bruk den bare på en sikker maskin"
        " og slett den etterpå.",
        "WARNING: this file opens every bundle to the study. Use it only on a secure machine"
        " and delete it afterwards.",
    ),
    "cli_workspace_backup_written": (
        "Sikkerhetskopi av arbeidsområdet skrevet: {path}. Den holder studiens private nøkkel"
        " (kryptert under passordfrasen): oppbevar den utenfor maskinen.",
        "Workspace backup written: {path}. It holds the study's private key (encrypted under"
        " the passphrase): keep it off this machine.",
    ),
    "cli_workspace_restored": (
        "Arbeidsområdet er gjenopprettet i {path}",
        "The workspace was restored in {path}",
    ),
    "cli_workspace_restored_next": (
        "Pakker importert etter at sikkerhetskopien ble skrevet, mangler: importer dem igjen"
        " (eller be journalene om en full pakke, samjournal export --full).",
        "Bundles imported after the backup was written are missing: import them again (or ask"
        " the journals for a complete bundle, samjournal export --full).",
    ),
    "cli_identity_written": ("age-identitet skrevet: {path}", "age identity written: {path}"),
    "cli_identity_decrypt": (
        "Dekrypter med: age -d -i {path} PAKKE.age > pakke.zip",
        "Decrypt with: age -d -i {path} BUNDLE.age > bundle.zip",
    ),
    "cli_imported": (
        "Lagret {stored}, allerede importert {already}, avvist {rejected}.",
        "Stored {stored}, already imported {already}, rejected {rejected}.",
    ),
    "cli_journal_registered": (
        "Journal registrert: {id} — {site}",
        "Journal registered: {id} — {site}",
    ),
    "cli_site_changed": (
        "Stedet er endret fra «{was}» til «{site}».",
        "Site changed from “{was}” to “{site}”.",
    ),
    "cli_key_id_only": ("Nøkkel-id {key_id}", "Key id {key_id}"),
    "cli_compare_fingerprint": (
        "Be kommunen lese opp fingeravtrykket fra «samjournal key» og sammenlign; er det ikke"
        " det samme, er nøkkelfilen ikke journalens.",
        "Ask the municipality to read out the fingerprint from “samjournal key” and compare;"
        " if it differs, the key file is not the journal's.",
    ),
    "cli_not_registered": (
        "(IKKE REGISTRERT: pakker avvises)",
        "(NOT REGISTERED: bundles are rejected)",
    ),
    "cli_no_journals": (
        "Ingen journaler registrert ennå: samjournal evaluator journal add ...",
        "No journals registered yet: samjournal evaluator journal add ...",
    ),
    "cli_household_family": ("Familie {case}: {name}", "Family {case}: {name}"),
    "cli_household_consent": ("  samtykke gitt {given}", "  consent given {given}"),
    "cli_household_consent_withdrawn": (
        "  samtykke gitt {given}, trukket {withdrawn}",
        "  consent given {given}, withdrawn {withdrawn}",
    ),
    "cli_readmit_full_bundle": (
        "Be journalens teamleder om en full pakke (samjournal export … --full): den tar med"
        " husholdningens rader, eller en slettemelding igjen hvis den gikk ut likevel.",
        "Ask the journal's team lead for a full bundle (samjournal export … --full): it brings"
        " the household's rows, or a tombstone again if it did leave.",
    ),
    "cli_import_again": (
        "Importer pakken som ble avvist igjen; den tas nå inn.",
        "Import the rejected bundle again; it is taken in now.",
    ),
    "cli_datapackage_written": (
        "Datapakke skrevet: {path}/datapackage.json ({rows})",
        "Data package written: {path}/datapackage.json ({rows})",
    ),
    "cli_datapackage_skipped": ("Ikke skrevet: {skipped}", "Not written: {skipped}"),
    "cli_datapackage_gap": (
        "Ufullstendig: journal {journal} mangler pakke {missing}, og radene fra den er ikke i"
        " datasettet (README.txt; journals.csv: bundles_missing). Importer pakken og skriv"
        " datasettet på nytt.",
        "Incomplete: journal {journal} lacks bundle {missing}, and its rows are not in the"
        " dataset (README.txt; journals.csv: bundles_missing). Import it and write the dataset"
        " again.",
    ),
    "cli_datapackage_also": (
        "Også stata/*.dta, spss/*.sav, parquet/*.parquet, load_samjournal.R, transforms/README.md",
        "Also stata/*.dta, spss/*.sav, parquet/*.parquet, load_samjournal.R, transforms/README.md",
    ),
    # handing families over (cli/handover.py)
    "cli_receiving_key_written": (
        "Mottaksnøkkel skrevet: {path}",
        "Receiving key written: {path}",
    ),
    "cli_receiving_key_id": (
        "Journal-id {id}, fingeravtrykk {fingerprint}",
        "Journal id {id}, fingerprint {fingerprint}",
    ),
    "cli_receiving_key_give": (
        "Gi filen til teamlederen i den andre journalen og les fingeravtrykket opp på telefon.",
        "Give the file to the team lead of the other journal and read the fingerprint aloud"
        " on the phone.",
    ),
    "cli_peer_fingerprint": (
        "Fingeravtrykk i filen: {fingerprint} (journal {id})",
        "Fingerprint in the file: {fingerprint} (journal {id})",
    ),
    "cli_peer_added": (
        "Registrert: {label}. Sjekk at fingeravtrykket er det som ble lest opp.",
        "Registered: {label}. Check that the fingerprint is the one read aloud.",
    ),
    "cli_handover_sent": (
        "Sak {case}: skrevet til {path}, venter på kvittering",
        "Case {case}: written to {path}, waiting for a receipt",
    ),
    "cli_handover_stays": (
        "Familien blir i journalen til kvitteringen fra mottakeren er lagt inn.",
        "The family stays in the journal until the receiver's receipt has been added.",
    ),
    "cli_handover_received": (
        "Sak {case} (tidligere {old} hos {sender}): tatt imot",
        "Case {case} (formerly {old} at {sender}): received",
    ),
    "cli_handover_received_again": (
        "Sak {case} (tidligere {old} hos {sender}): allerede tatt imot",
        "Case {case} (formerly {old} at {sender}): already received",
    ),
    "cli_handover_receipt_written": (
        "Kvittering skrevet: {path}. Send den tilbake til {sender}.",
        "Receipt written: {path}. Send it back to {sender}.",
    ),
    "cli_handover_acknowledged": (
        "Sak {case}: kvittert, innholdet er slettet her (slettemelding i loggen)",
        "Case {case}: acknowledged, its content is deleted here (a tombstone in the log)",
    ),
    "cli_handover_receipt_before": (
        "Kvitteringen var lagt inn før: ingenting mer å gjøre.",
        "The receipt had been added before: nothing more to do.",
    ),
}
