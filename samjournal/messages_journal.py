"""Messages by key for opening a journal, its keys, its files and its users (keyring, folder,
store, context, passphrase, journal, the setup flow and the command line), in bokmål and English.

Data only: samjournal/catalogue.py merges these into its catalogue and formats them.
"""

from __future__ import annotations

from collections.abc import Mapping

Words = tuple[str, str]  # (bokmål, English)

FIELDS: Mapping[str, Words] = {
    "recovery_key": ("gjenopprettingsnøkkel", "recovery key"),
    "passphrase": ("passordfrase", "passphrase"),
    "repeat_passphrase": ("gjenta passordfrase", "repeat passphrase"),
    "username": ("brukernavn", "user name"),
    "user": ("bruker", "user"),
    "location": ("plassering", "location"),
    "group": ("gruppe", "group"),
    "role": ("rolle", "role"),
    "folder": ("mappe", "folder"),
    "file": ("fil", "file"),
    "fingerprint": ("fingeravtrykk", "fingerprint"),
    # the journal's settings and the service's contact details (settings.py)
    "approval_limit": ("godkjenningsgrense", "approval limit"),
    "idle_timeout": ("tid før låsing", "time before locking"),
    "default_budget": ("standard budsjett", "default budget"),
    "service_name": ("tjenestens navn", "name of the service"),
    "address": ("adresse", "address"),
    "email": ("e-post", "e-mail"),
    "opening_hours": ("åpningstider", "opening hours"),
}

# What only a team lead may do (context.require_teamlead), by its id.
ACTIONS: Mapping[str, Words] = {
    "add_users": ("legge til brukere", "add users"),
    "remove_users": ("fjerne brukere", "remove users"),
    "new_recovery_key": ("lage en ny gjenopprettingsnøkkel", "make a new recovery key"),
    "change_settings": ("endre journalens innstillinger", "change the journal's settings"),
    "read_audit_log": ("lese hele revisjonsloggen", "read the whole audit log"),
    "change_others_phone": ("endre andres telefonnummer", "change another user's phone number"),
    "add_study": ("legge inn en studie", "add a study"),
    "import_study_profile": ("legge inn en studieprofil", "import a study profile"),
    "export_to_study": ("eksportere til en studie", "export to a study"),
    "register_receipts": ("registrere kvitteringer", "register receipts"),
    "find_household": (
        "finne familien bak en husholdning i en studie",
        "find the family behind a household in a study",
    ),
    "acknowledge_alarm": ("kvittere ut et alarmvarsel", "acknowledge an alarm"),
    "give_family": (
        "gi en familie til en annen familiekoordinator",
        "give a family to another caseworker",
    ),
    "move_family": (
        "flytte en familie til en annen familiekoordinator",
        "move a family to another caseworker",
    ),
    "delete_family": ("slette en familie", "delete a family"),
    "see_purge_due": ("se saker som skal slettes", "see the cases due for purge"),
    "purge_cases": ("slette saker for godt", "delete cases for good"),
    "make_demo_families": ("lage demofamilier", "make demo families"),
    "purge_family": ("slette en familie for godt", "delete a family for good"),
    "reject_over_limit": (
        "avslå en utbetaling over godkjenningsgrensen",
        "reject a payment over the approval limit",
    ),
    "hand_over": ("overføre familier", "hand families over"),
    "take_over": ("ta imot familier", "receive families"),
    "restore_backup": ("gjenopprette en sikkerhetskopi", "restore a backup"),
    "accept_loss": (
        "godta en journal der nyeste arbeid mangler",
        "accept a journal whose recent work is missing",
    ),
}

RESTORE = " Gjenopprett journalen fra en sikkerhetskopi."
RESTORE_EN = " Restore the journal from a backup."
_ACCEPT_LOSS = (
    " Ingenting er endret. Gjenopprett sikkerhetskopien, eller la en teamleder godta journalen"
    " slik den er (i vinduet: «Godta journalen slik den er…», på kommandolinjen: «samjournal"
    " check --accept-loss»)."
)
_ACCEPT_LOSS_EN = (
    " Nothing was changed. Restore the backup, or have a team lead accept the journal as it is"
    " (in the window: “Take the journal as it is…”, on the command line: “samjournal check"
    " --accept-loss”)."
)
_OLDER_FOLDER = (
    "Journalmappen er eldre enn den denne brukerkontoen har sett: revisjonsloggen var kommet til"
    " hendelse {mark} (merket i brukerkontoen, utenfor journalmappen), men journalen har nå bare"
    " {found} hendelser. En eldre kopi av hele mappen kan være lagt tilbake; det som mangler kan"
    " ligge i en nyere sikkerhetskopi."
)
_OLDER_FOLDER_EN = (
    "The journal folder is older than this user account has seen: the audit log had come to"
    " event {mark} (the account's mark, outside the journal folder), but the journal now has"
    " only {found} events. An older copy of the whole folder may have been put back; what is"
    " missing may be in a newer backup."
)

MESSAGES: Mapping[str, Words] = {
    # who may do what (context.py)
    "teamlead_only": ("Bare en teamleder kan {what}.", "Only a team lead can {what}."),
    "locked": ("Journalen er låst.", "The journal is locked."),
    "user_removed": (
        "Brukeren er fjernet fra journalen.",
        "The user has been removed from the journal.",
    ),
    "no_such_journal_user": (
        "Ingen slik bruker i journalen.",
        "There is no such user in the journal.",
    ),
    # keyring.json (keyring.py); KeyringDamaged adds "restore_keyring"
    "restore_keyring": (
        "Gjenopprett fra en sikkerhetskopi (den har med keyring.json).",
        "Restore from a backup (it includes keyring.json).",
    ),
    "keyring_field_type": (
        "keyring.json: feil felttype.",
        "keyring.json: a field has the wrong type.",
    ),
    "keyring_base64": ("keyring.json: ugyldig base64.", "keyring.json: invalid base64."),
    "keyring_slot_incomplete": (
        "keyring.json: en nøkkelplass er ufullstendig.",
        "keyring.json: a key slot is incomplete.",
    ),
    "keyring_kdf_params": (
        "keyring.json: ugyldige KDF-parametre.",
        "keyring.json: invalid KDF parameters.",
    ),
    "keyring_kdf_unknown": ("keyring.json: ukjent KDF.", "keyring.json: unknown KDF."),
    "keyring_data_key": (
        "keyring.json: datanøkkelen i nøkkelplassen er skadet.",
        "keyring.json: the data key in the key slot is damaged.",
    ),
    "keyring_missing": (
        "keyring.json mangler: journalen kan ikke låses opp.",
        "keyring.json is missing: the journal cannot be unlocked.",
    ),
    "keyring_unreadable": (
        "keyring.json er skadet og kan ikke leses.",
        "keyring.json is damaged and cannot be read.",
    ),
    "keyring_not_keyring": (
        "keyring.json er ikke en SamJournal-nøkkelring.",
        "keyring.json is not a SamJournal keyring.",
    ),
    "keyring_version": (
        "keyring.json har en ukjent versjon.",
        "keyring.json has an unknown version.",
    ),
    "keyring_incomplete": ("keyring.json er ufullstendig.", "keyring.json is incomplete."),
    "keyring_no_recovery": (
        "keyring.json har ingen gjenopprettingsplass.",
        "keyring.json has no recovery slot.",
    ),
    "slot_damaged": (
        "Nøkkelplassen din i keyring.json er skadet, så passordfrasen kan ikke prøves (det telles"
        " ikke som et feilet forsøk). En teamleder kan gi deg ny passordfrase med"
        " gjenopprettingsnøkkelen, eller keyring.json kan hentes fra en sikkerhetskopi.",
        "Your key slot in keyring.json is damaged, so the passphrase cannot be tried (this does"
        " not count as a failed attempt). A team lead can give you a new passphrase with the"
        " recovery key, or keyring.json can be taken from a backup.",
    ),
    "foreign_keyring": (
        "keyring.json hører til en annen journal enn journal.db i denne mappen. Legg den riktige"
        " keyring.json tilbake, eller gjenopprett fra en sikkerhetskopi.",
        "keyring.json belongs to another journal than the journal.db in this folder. Put the"
        " right keyring.json back, or restore from a backup.",
    ),
    "not_unlocked": (
        "Feil brukernavn eller passordfrase. Er passordfrasen glemt, kan en ny settes med"
        " gjenopprettingsnøkkelen.",
        "Wrong user name or passphrase. A forgotten passphrase can be replaced with the"
        " recovery key.",
    ),
    "workspace_not_unlocked": (
        "Feil passordfrase for arbeidsområdet. Er den glemt, kan en ny settes med"
        " gjenopprettingsnøkkelen fra init: samjournal evaluator reset-passphrase ARBEIDSOMRÅDE.",
        "Wrong passphrase for the workspace. If it is forgotten, a new one can be set with the"
        " recovery key from init: samjournal evaluator reset-passphrase WORKSPACE.",
    ),
    "recovery_characters": ("ugyldige tegn: {chars}", "invalid characters: {chars}"),
    "recovery_groups": ("skal være 8 grupper på 4 tegn", "must be 8 groups of 4 characters"),
    "recovery_check": (
        "en av gruppene er feil skrevet (kontrollgruppen stemmer ikke)",
        "one of the groups is mistyped (the check group does not match)",
    ),
    # storage (errors.py: StorageError and its kinds)
    "storage_failed": (
        "Journalens filer kunne ikke skrives eller leses: disken eller mappen svarte med en feil."
        " Prøv igjen; skjer det igjen, kan disken være i ferd med å svikte: ta en sikkerhetskopi"
        " til en annen disk.",
        "The journal's files could not be written or read: the disk or the folder reported an"
        " error. Try again; if it happens again, the disk may be failing: make a backup to"
        " another disk.",
    ),
    "read_only": (
        "Lagring feilet: mappen er skrivebeskyttet, eller du har ikke skrivetilgang til den."
        " Ingenting ble lagret.",
        "Saving failed: the folder is read-only, or you have no permission to write to it."
        " Nothing was saved.",
    ),
    "disk_full": (
        "Lagring feilet: disken er full. Journalen kan leses, men ikke endres før det er frigjort"
        " plass på disken; ingenting som er lagret er tapt.",
        "Saving failed: the disk is full. The journal can be read, but not changed until space"
        " is freed on the disk; nothing that was saved is lost.",
    ),
    # why a file could not be read or written, in the user's words (fsutil.os_reason): the
    # system's own text is English whatever the user's language (evaluator review s23)
    "os_missing": ("filen eller mappen finnes ikke", "the file or folder does not exist"),
    "os_folder": ("det er en mappe, ikke en fil", "it is a folder, not a file"),
    "os_not_folder": ("en del av stien er ikke en mappe", "part of the path is not a folder"),
    "os_denied": ("ingen tilgang", "access denied"),
    "os_read_only": ("stedet kan bare leses", "the place is read-only"),
    "os_full": ("disken er full", "the disk is full"),
    "os_io": (
        "lese- eller skrivefeil (en skadet eller fjernet disk?)",
        "a read or write error (a damaged or removed disk?)",
    ),
    "no_space": (  # a file beside the journal or on a stick (fsutil): the journal is not named
        "Lagring feilet: disken er full. Ingenting ble lagret.",
        "Saving failed: the disk is full. Nothing was saved.",
    ),
    "no_room": (
        "Disken er full, og journalens reserve er brukt opp. Frigjør minst 1 MB på disken og prøv"
        " igjen; ingenting som er lagret er tapt.",
        "The disk is full, and the journal's reserve is used up. Free at least 1 MB on the disk"
        " and try again; nothing that was saved is lost.",
    ),
    "unlock_throttled": (
        "For mange feilede forsøk. Vent {seconds} s og prøv igjen.",
        "Too many failed attempts. Wait {seconds} s and try again.",
    ),
    "recent_work_missing": (
        "Nyeste arbeid mangler i journalen: den var kommet til revisjonshendelse {mark}, men den"
        " hendelsen finnes ikke lenger slik den var (journalen har nå {found} hendelser). Det som"
        " mangler kan ligge i en journal.db-wal-fil der journalen ble kopiert fra, eller i en"
        " nyere sikkerhetskopi." + _ACCEPT_LOSS,
        "Recent work is missing from the journal: it had come to audit event {mark}, but that"
        " event is no longer there as it was (the journal now has {found} events). What is"
        " missing may be in a journal.db-wal file where the journal was copied from, or in a"
        " newer backup." + _ACCEPT_LOSS_EN,
    ),
    "older_folder": (_OLDER_FOLDER + _ACCEPT_LOSS, _OLDER_FOLDER_EN + _ACCEPT_LOSS_EN),
    "older_folder_kept_wal": (
        _OLDER_FOLDER
        + " Filen journal.db-wal slik den ble funnet er kopiert til {kept}."
        + _ACCEPT_LOSS,
        _OLDER_FOLDER_EN
        + " The journal.db-wal file as it was found has been copied to {kept}."
        + _ACCEPT_LOSS_EN,
    ),
    "recent_work_kept_wal": (
        "Nyeste arbeid mangler i journalen: den var kommet til revisjonshendelse {mark}, men den"
        " hendelsen finnes ikke lenger slik den var (journalen har nå {found} hendelser). Filen"
        " journal.db-wal slik den ble funnet er kopiert til {kept}; det som mangler kan også"
        " ligge i en nyere sikkerhetskopi." + _ACCEPT_LOSS,
        "Recent work is missing from the journal: it had come to audit event {mark}, but that"
        " event is no longer there as it was (the journal now has {found} events). The"
        " journal.db-wal file as it was found has been copied to {kept}; what is missing may"
        " also be in a newer backup." + _ACCEPT_LOSS_EN,
    ),
    # the journal's folder (folder.py, folder_lock.py)
    "no_journal": ("Fant ingen journal i den mappen.", "There is no journal in that folder."),
    "db_missing": (
        "journal.db mangler." + RESTORE,
        "journal.db is missing." + RESTORE_EN,
    ),
    "rekey_no_space": (
        "Det er for lite ledig plass til å gi journalen ny nøkkel (den trenger omtrent {mb} MB)."
        " Ingenting ble endret; frigjør plass og prøv igjen.",
        "There is too little free space to give the journal a new key (it needs about {mb} MB)."
        " Nothing was changed; free some space and try again.",
    ),
    "rekey_interrupted": (
        "Nøkkelbyttet stoppet halvveis ({problem}). Journalen åpnes med de gyldige"
        " passordfrasene, og byttet fullføres neste gang den låses opp.",
        "The key change stopped halfway ({problem}). The journal opens with the valid"
        " passphrases, and the change is finished the next time it is unlocked.",
    ),
    "copy_unverified": (
        "Kopien av journalen kunne ikke bekreftes; ingenting ble endret.",
        "The copy of the journal could not be verified; nothing was changed.",
    ),
    "in_use": (
        "SamJournal er åpen i et annet vindu på denne journalen; lukk det først.",
        "SamJournal is open in another window on this journal; close it first.",
    ),
    "busy_exclusive": (
        "Journalen er opptatt i et annet vindu eller program (en gjenoppretting eller ny nøkkel"
        " pågår). Prøv igjen om litt.",
        "The journal is busy in another window or process (a restore or a key change is"
        " running). Try again shortly.",
    ),
    # the database (store/)
    "db_busy": (
        "Journalen er opptatt i et annet vindu eller program. Vent litt og prøv igjen; ingenting"
        " er skadet.",
        "The journal is busy in another window or process. Wait a moment and try again;"
        " nothing is damaged.",
    ),
    "db_replaced": (
        "Journalfilen ble byttet ut av et annet program mens den var åpen (en gjenoppretting"
        " eller ny nøkkel). Endringen ble ikke lagret; lukk journalen og åpne den igjen.",
        "The journal file was replaced by another program while it was open (a restore or a key"
        " change). The change was not saved; close the journal and open it again.",
    ),
    "plain_sqlite": (
        "Filen er en ukryptert SQLite-database, ikke en SamJournal-journal. Velg riktig"
        " journalmappe, eller gjenopprett journalen fra en sikkerhetskopi.",
        "The file is an unencrypted SQLite database, not a SamJournal journal. Choose the right"
        " journal folder, or restore the journal from a backup.",
    ),
    "db_damaged": (
        "Journaldatabasen er skadet eller avkortet." + RESTORE,
        "The journal database is damaged or truncated." + RESTORE_EN,
    ),
    "db_error": (
        "Databasefeil ({problem}). Lukk SamJournal og prøv igjen; gjentar feilen seg,"
        " gjenopprett journalen fra en sikkerhetskopi.",
        "Database error ({problem}). Close SamJournal and try again; if it happens again, restore"
        " the journal from a backup.",
    ),
    "no_fts5": (
        "Denne SQLCipher-utgaven mangler FTS5 (fulltekstsøk). Installer SamJournal på nytt.",
        "This SQLCipher build lacks FTS5 (full-text search). Reinstall SamJournal.",
    ),
    "newer_journal": (
        "Journalen er laget av en nyere SamJournal-versjon. Oppdater programmet.",
        "The journal was made by a newer SamJournal. Update the program.",
    ),
    # opening and checking (journal.py)
    "folder_not_empty": (
        "Det finnes allerede noe i den mappen; velg en tom mappe.",
        "That folder is not empty; choose an empty folder.",
    ),
    "db_empty": (
        "Journaldatabasen er tom." + RESTORE,
        "The journal database is empty." + RESTORE_EN,
    ),
    "db_unreadable": (
        "Journaldatabasen (journal.db) kan ikke leses: den er skadet, eller byttet ut med en"
        " annen journals database." + RESTORE,
        "The journal database (journal.db) cannot be read: it is damaged, or was replaced by"
        " another journal's database." + RESTORE_EN,
    ),
    "stale_totals": (
        "Saksoversiktens tall stemmer ikke med journalen. Kjør «samjournal check --repair» for å"
        " regne dem ut på nytt; ingenting går tapt.",
        "The case list's figures do not match the journal. Run “samjournal check --repair” to"
        " compute them again; nothing is lost.",
    ),
    "integrity_problems": (
        "Integritetssjekken fant {count} feil." + RESTORE,
        "The integrity check found {count} problems." + RESTORE_EN,
    ),
    "username_characters": (
        "bruk bokstaver, tall, punktum, bindestrek eller _",
        "use letters, digits, dot, hyphen or _",
    ),
    "remove_self": ("du kan ikke fjerne deg selv", "you cannot remove yourself"),
    "last_teamlead": (
        "journalen må ha minst én teamleder",
        "the journal must have at least one team lead",
    ),
    # passphrases (passphrase.py)
    "passphrase_short": ("må ha minst {min} tegn", "must have at least {min} characters"),
    "passphrase_easy": ("er for lett å gjette: {advice}", "is too easy to guess: {advice}"),
    # first-run setup (flows/setup.py)
    "choose_folder": ("velg en mappe", "choose a folder"),
    "is_a_file": ("er en fil, ikke en mappe", "is a file, not a folder"),
    "setup_folder_not_empty": (
        "mappen er ikke tom; velg en tom eller ny mappe",
        "the folder is not empty; choose an empty or new folder",
    ),
    "passphrases_differ": ("er ikke lik passordfrasen", "does not match the passphrase"),
    "group_mismatch": (
        "stemmer ikke med nøkkelen; se på arket igjen",
        "does not match the key; look at the sheet again",
    ),
    # settings (settings.py)
    "email_form": (
        "skriv en e-postadresse, for eksempel post@kommune.no",
        "enter an e-mail address, e.g. post@kommune.no",
    ),
    "idle_range": ("skal være mellom 1 og 240 minutter", "must be between 1 and 240 minutes"),
    "negative_neuter": ("kan ikke være negativt", "cannot be negative"),
    "retention_range": ("skal være mellom 1 og 100 år", "must be between 1 and 100 years"),
    # the export wizard and the study-profile import (flows/export.py)
    "export_no_study": ("velg en studie journalen kjenner", "choose a study the journal knows"),
    "export_no_profile": (
        "studien har ingen studieprofil; importer study.json først",
        "the study has no profile; import study.json first",
    ),
    "export_no_consents": (
        "ingen familie har samtykket til studien ennå",
        "no family has consented to the study yet",
    ),
    "export_too_few": (
        "for få familier har samtykket til at noe kan sendes",
        "too few families have consented for anything to be sent",
    ),
    "export_none_alike": (
        "ingen gruppe av k samtykkede familier er like nok i husstandsopplysningene ennå til at"
        " noe kan sendes; de venter til flere samtykker",
        "no group of k consented families is alike enough in its household details yet for"
        " anything to be sent; they wait until more consent",
    ),
    "folder_missing": ("mappen finnes ikke", "the folder does not exist"),
    "folder_not_writable": ("kan ikke skrive i mappen", "cannot write in the folder"),
    "bundle_exists": ("pakken finnes allerede i mappen", "the bundle is already in the folder"),
    "choose_study_profile": (
        "velg studieprofilen (study.json)",
        "choose the study profile (study.json)",
    ),
    "fingerprint_differs": (
        "stemmer ikke med fingeravtrykket i filen",
        "does not match the fingerprint in the file",
    ),
    "other_profile": (
        "studien har allerede en annen profil",
        "the study already has another profile",
    ),
    # the command line (cli/support.py)
    "set_env_or_terminal": (
        "sett {env} eller kjør i en terminal",
        "set {env} or run in a terminal",
    ),
    "two_passphrases_differ": ("de to passordfrasene er ulike", "the two passphrases differ"),
    "choose_user": ("velg bruker med --user ({names})", "choose the user with --user ({names})"),
}
