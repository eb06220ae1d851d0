"""Messages by key for evaluation, in bokmål and English.

Data only: samjournal/catalogue.py merges these into its catalogue and formats them.
"""

from __future__ import annotations

from collections.abc import Mapping

Words = tuple[str, str]  # (bokmål, English)

FIELDS: Mapping[str, Words] = {
    "grunn": (
        "grunn",
        "reason",
    ),
    "journal": (
        "journal",
        "journal",
    ),
    "--key": (
        "--key",
        "--key",
    ),
    "--id": (
        "--id",
        "--id",
    ),
    "--household": (
        "--household",
        "--household",
    ),
    "--site": (
        "--site",
        "--site",
    ),
    "municipality": (
        "kommune",
        "municipality",
    ),
    "--study": (
        "--study",
        "--study",
    ),
    "--out": (
        "--out",
        "--out",
    ),
}

MESSAGES: Mapping[str, Words] = {
    # a bundle's titles in its datapackage.json (bundle.py: in bokmål, as its tables are)
    "bundle_title": (
        "{study}: pakke {sequence} fra en SamJournal-journal",
        "{study}: bundle {sequence} from a SamJournal journal",
    ),
    "bundle_risk_title": ("Risikorapport", "Risk report"),
    # what an export found and settled in its folder first (an export's notices)
    "bundle_adopted": (
        "Pakke {sequence} ble registrert, men et avbrudd hindret at filen fikk navnet sitt; den"
        " er kontrollert og lagt på plass: {name}",
        "Bundle {sequence} was recorded, but an interruption kept the file from getting its name;"
        " it has been checked and put in place: {name}",
    ),
    "bundle_moved_aside": (
        "{name} i mappen er ikke registrert i journalen (en eksport ble avbrutt før den ble"
        " registrert, eller journalen er gjenopprettet fra en eldre sikkerhetskopi). Den er"
        " flyttet til {aside} og skal ikke sendes; den nye pakken {sequence} erstatter den.",
        "{name} in the folder is not recorded in the journal (an export was interrupted before it"
        " was recorded, or the journal was restored from an older backup). It has been moved to"
        " {aside} and must not be sent; the new bundle {sequence} replaces it.",
    ),
    # a bundle's audit head beside those recorded from the journal (evaluator/witness.py)
    "bundle_not_imported": (
        "Pakken er ikke importert. Den sier ikke fra om noen gjenoppretting eller godtatt tap"
        " som forklarer det. Spør journalens teamleder om journalen er gjenopprettet fra en"
        " sikkerhetskopi eller har mistet arbeid (en eldre journal.db, en tapt -wal): i så fall"
        " tar teamlederen den videre med «samjournal restore» eller «samjournal check"
        " --accept-loss» i en versjon som sier fra om det, og eksporterer på nytt. Ellers er"
        " loggen skrevet om, og det er ingenting å godta: journalens pakker avvises til den er"
        " gjenopprettet fra en sikkerhetskopi fra før omskrivingen, som evaluator så tar"
        " stilling til.",
        "The bundle was not imported. It states no restore or accepted loss that explains this."
        " Ask the journal's team lead whether the journal was restored from a backup or lost"
        " work (an older journal.db, a lost -wal): if so, the team lead takes it on with"
        " “samjournal restore” or “samjournal check --accept-loss” in a version that states it,"
        " and exports again. Otherwise the log was rewritten, and there is nothing to accept:"
        " the journal's bundles are refused until it is restored from a backup made before the"
        " rewrite, which the evaluator then decides on.",
    ),
    "bundle_says_journal_restored": (
        "Pakken sier at journalen er gjenopprettet fra hodet {short}, men konsistensbeviset "
        "derfra til {short2} holder ikke.",
        "The bundle says the journal was restored from the head {short}, but the consistency "
        "proof from there to {short2} does not hold.",
    ),
    "bundle_audit_log_does": (
        "Pakkens revisjonslogg bygger ikke videre på forrige pakkes hode: konsistensbeviset "
        "fra {short} til {short2} holder ikke.",
        "The bundle's audit log does not extend the previous bundle's head: the consistency "
        "proof from {short} to {short2} does not hold.",
    ),
    "samjournal_audit_json_malformed": (
        "samjournal-audit.json har feil form.",
        "samjournal-audit.json is malformed.",
    ),
    "bundle_proof_from_head_fails": (
        "Pakken sier at revisjonsloggen bygger videre på hodet {short}, men konsistensbeviset "
        "derfra til {short2} holder ikke.",
        "The bundle says its audit log extends the head {short}, but the consistency proof "
        "from there to {short2} does not hold.",
    ),
    "bundle_not_proved_from_newest": (
        "Pakke {sequence} beviser ikke at journalens revisjonslogg bygger videre på det nyeste "
        "hodet som er bevitnet her, {short} (pakke {newest}). Pakken holdes tilbake: den er "
        "ikke importert, og ingen kvittering er skrevet. Importer først pakkene fra journalen "
        "som mangler her, eller la journalens teamleder registrere kvitteringen for pakke "
        "{newest} og eksportere på nytt. Er journalen gjenopprettet eller har den mistet "
        "arbeid uten at pakken sier fra om det, spør teamlederen (se README: «After a restore "
        "from an older backup»).",
        "Bundle {sequence} does not prove that the journal's audit log extends the newest head "
        "witnessed here, {short} (bundle {newest}). The bundle is held back: it was not "
        "imported, and no receipt was written. First import the journal's bundles that are "
        "missing here, or have the journal's team lead register the receipt for bundle "
        "{newest} and export again. If the journal was restored or lost work without the "
        "bundle stating it, ask the team lead (see README: “After a restore from an older "
        "backup”).",
    ),
    "journal_sent_other_bundle": (
        "Journalen har sendt en annen pakke {sequence} før, med revisjonsloggens hode {short}; "
        "denne bygger ikke beviselig videre på det. Pakken er ikke importert; be journalens "
        "teamleder undersøke journalen.",
        "The journal sent another bundle {sequence} before, with the audit log's head {short}; "
        "this one does not provably extend it. The bundle was not imported; ask the journal's "
        "team lead to look into the journal.",
    ),
    "bundle_larger_than_limit": (
        "Pakken er større enn grensen.",
        "The bundle is larger than the limit.",
    ),
    "file_age_encrypted_samjournal": (
        "Filen er ikke en age-kryptert SamJournal-pakke.",
        "The file is not an age-encrypted SamJournal bundle.",
    ),
    "archive_too_many_files": (
        "Arkivet har for mange filer.",
        "The archive has too many files.",
    ),
    "archive_exactly_one_top": (
        "Arkivet skal ha nøyaktig én mappe på toppnivå.",
        "The archive must have exactly one top-level folder.",
    ),
    "archive_forbidden_path": (
        "Arkivet har en ulovlig sti: {name}",
        "The archive has a forbidden path: {name}",
    ),
    "archive_damaged": (
        "Arkivet er skadet ({filename}).",
        "The archive is damaged ({filename}).",
    ),
    "bag_info_txt_invalid": (
        "bag-info.txt har ugyldige SamJournal-verdier.",
        "bag-info.txt has invalid SamJournal values.",
    ),
    "bagit_txt_bagit_1": (
        "bagit.txt er ikke BagIt 1.0.",
        "bagit.txt is not BagIt 1.0.",
    ),
    "tag_manifest_does_list": (
        "Tag-manifestet lister ikke nøyaktig bag-ens tag-filer.",
        "The tag manifest does not list exactly the bag's tag files.",
    ),
    "bag_unknown_files": (
        "Bag-en har ukjente filer: {names}",
        "The bag has unknown files: {names}",
    ),
    "manifest_does_list_exactly": (
        "Manifestet lister ikke nøyaktig filene i data/.",
        "The manifest does not list exactly the files in data/.",
    ),
    "payload_oxum_bag_info": (
        "Payload-Oxum i bag-info.txt stemmer ikke.",
        "Payload-Oxum in bag-info.txt does not match.",
    ),
    "signature_comment_does_match": (
        "Signaturens kommentar stemmer ikke med bag-info.txt.",
        "The signature's comment does not match bag-info.txt.",
    ),
    "bag_info_txt_names": (
        "bag-info.txt oppgir en annen signeringsnøkkel enn bag-en har.",
        "bag-info.txt names another signing key than the bag holds.",
    ),
    "bag_folder_name_does": (
        "Bag-mappens navn stemmer ikke med bag-info.txt.",
        "The bag folder's name does not match bag-info.txt.",
    ),
    "datapackage_json_wrong_shape": (
        "datapackage.json har feil form.",
        "datapackage.json has the wrong shape.",
    ),
    "data_package_does_tables": (
        "Datapakken har ikke de tabellene en SamJournal-pakke skal ha.",
        "The data package does not have the tables a SamJournal bundle has.",
    ),
    "data_package_files_do": (
        "Datapakkens filer stemmer ikke med datapackage.json.",
        "The data package's files do not match datapackage.json.",
    ),
    "csv_control_characters": (
        "{name}.csv har kontrolltegn.",
        "{name}.csv has control characters.",
    ),
    "csv_wrong_columns": (
        "{name}.csv har feil kolonner.",
        "{name}.csv has the wrong columns.",
    ),
    "csv_value_not_allowed": (
        "{name}.csv har en verdi i kolonnen {column} som kolonnen ikke kan ha.",
        "{name}.csv has a value in the column {column} that the column cannot hold.",
    ),
    "csv_rows_wrong_number": (
        "{name}.csv har rader med feil antall felt.",
        "{name}.csv has rows with the wrong number of fields.",
    ),
    "bundle_breaks_k_anonymity": (
        "Pakken bryter k-anonymiteten: en gruppe har {smallest} husstander, studien krever {k}.",
        "The bundle breaks k-anonymity: a group has {smallest} households, the study requires {k}.",
    ),
    "bundle_cannot_decrypted_damaged": (
        "Pakken kan ikke dekrypteres: den er skadet, avkortet eller ikke kryptert til denne "
        "studien.",
        "The bundle cannot be decrypted: it is damaged, truncated or not encrypted to this study.",
    ),
    "bundle_holds_valid_zip": (
        "Pakken inneholder ikke et gyldig zip-arkiv.",
        "The bundle holds no valid zip archive.",
    ),
    "archive_same_file_name": (
        "Arkivet har samme filnavn to ganger: {filename}",
        "The archive has the same file name twice: {filename}",
    ),
    "archive_symbolic_link": (
        "Arkivet har en symbolsk lenke: {filename}",
        "The archive has a symbolic link: {filename}",
    ),
    "archive_encrypted_files": (
        "Arkivet har krypterte filer.",
        "The archive has encrypted files.",
    ),
    "archive_uses_unknown_compression": (
        "Arkivet bruker en ukjent komprimering.",
        "The archive uses an unknown compression.",
    ),
    "archive_declares_size_over": (
        "Arkivet oppgir en størrelse over grensen (zip-bombe?).",
        "The archive declares a size over the limit (zip bomb?).",
    ),
    "archive_suspiciously_highly_compressed": (
        "Arkivet er mistenkelig sterkt komprimert (zip-bombe?).",
        "The archive is suspiciously highly compressed (zip bomb?).",
    ),
    "archive_files_outside_bag": (
        "Arkivet har filer utenfor bag-mappen.",
        "The archive has files outside the bag folder.",
    ),
    "not_utf8": (
        "{what} er ikke UTF-8.",
        "{what} is not UTF-8.",
    ),
    "wrong_format_of": (
        "{what} har feil format.",
        "{what} has the wrong format.",
    ),
    "bag_info_txt_utf": (
        "bag-info.txt er ikke UTF-8.",
        "bag-info.txt is not UTF-8.",
    ),
    "bag_info_txt_wrong": (
        "bag-info.txt har feil format.",
        "bag-info.txt has the wrong format.",
    ),
    "bundle_unknown_format_update": (
        "Pakken har et ukjent format; oppdater SamJournal.",
        "The bundle has an unknown format; update SamJournal.",
    ),
    "bag_info_txt_lacks": (
        "bag-info.txt mangler SamJournal-felt eller har feil verdier.",
        "bag-info.txt lacks SamJournal fields or has wrong values.",
    ),
    "bag_lacks": (
        "Bag-en mangler {required}.",
        "The bag lacks {required}.",
    ),
    "bag_key_signature_file": (
        "Bag-ens nøkkel- eller signaturfil er skadet: {exc}",
        "The bag's key or signature file is damaged: {exc}",
    ),
    "tag_manifest_signature_fails": (
        "Signaturen på tag-manifestet holder ikke: {exc}",
        "The tag manifest's signature fails: {exc}",
    ),
    "does_match_tag_manifest": (
        "{path} stemmer ikke med tag-manifestet.",
        "{path} does not match the tag manifest.",
    ),
    "does_match_manifest": (
        "{path} stemmer ikke med manifestet.",
        "{path} does not match the manifest.",
    ),
    "data_package_lacks_datapackage": (
        "Datapakken mangler datapackage.json eller risikorapporten.",
        "The data package lacks datapackage.json or the risk report.",
    ),
    "datapackage_json_risk_report": (
        "datapackage.json eller risikorapporten er ikke gyldig JSON.",
        "datapackage.json or the risk report is not valid JSON.",
    ),
    "csv_not_utf8": (
        "{name}.csv er ikke UTF-8.",
        "{name}.csv is not UTF-8.",
    ),
    "csv_valid_csv": (
        "{name}.csv er ikke gyldig CSV.",
        "{name}.csv is not valid CSV.",
    ),
    "file_archive_larger_than": (
        "En fil i arkivet er større enn oppgitt (zip-bombe?).",
        "A file in the archive is larger than declared (zip bomb?).",
    ),
    "folder_exists_not_empty": (
        "{out} finnes og er ikke tom (en datapakke denne kommandoen skrev, kan erstattes med"
        " --replace)",
        "{out} exists and is not empty (a data package this command wrote can be replaced with"
        " --replace)",
    ),
    "folder_not_a_package": (
        "{out} har ingen datapakke fra SamJournal (datapackage.json) og blir ikke erstattet;"
        " velg en ny eller tom mappe",
        "{out} holds no SamJournal data package (datapackage.json) and is not replaced; choose"
        " a new or empty folder",
    ),
    "folder_another_study": (
        "{out} har datapakken til studien {found}, ikke {study}, og blir ikke erstattet; velg en"
        " ny eller tom mappe",
        "{out} holds the data package of study {found}, not {study}, and is not replaced; choose"
        " a new or empty folder",
    ),
    "folder_holds_other_files": (
        "{out} har filer datapakken ikke har ({files}) og blir ikke erstattet; flytt dem, eller"
        " velg en ny eller tom mappe",
        "{out} holds files the data package does not ({files}) and is not replaced; move them,"
        " or choose a new or empty folder",
    ),
    "folder_is_a_file": (
        "{out} er en fil, ikke en mappe; velg en ny eller tom mappe",
        "{out} is a file, not a folder; choose a new or empty folder",
    ),
    "bundle_study_workspace_study": (
        "Pakken gjelder studien {study_id}, dette arbeidsområdet studien {id}.",
        "The bundle is for study {study_id}, this workspace for study {id}.",
    ),
    "csv_month_appears_twice": (
        "{name}.csv: en måned står to ganger.",
        "{name}.csv: a month appears twice.",
    ),
    "cannot_read_file": (
        "Kan ikke lese filen: {strerror}.",
        "Cannot read the file: {strerror}.",
    ),
    "tombstones_csv_unknown_table": (
        "tombstones.csv: ukjent tabell eller grunn.",
        "tombstones.csv: unknown table or reason.",
    ),
    "tombstones_csv_household_own": (
        "tombstones.csv: en husstand er sin egen husstand.",
        "tombstones.csv: a household is its own household.",
    ),
    "csv_invalid_month_count": (
        "{name}.csv: ugyldig måned eller antall.",
        "{name}.csv: invalid month or count.",
    ),
    "csv_invalid_id_version": (
        "{name}.csv: ugyldig id eller versjon.",
        "{name}.csv: invalid id or version.",
    ),
    "csv_version_number": (
        "{name}.csv: versjonen er ikke et tall.",
        "{name}.csv: the version is not a number.",
    ),
    "minisign_key_file": (
        "er ikke en minisign-nøkkelfil",
        "is not a minisign key file",
    ),
    "journal_id_32_characters": (
        "skal være journalens id: 32 tegn 0-9 og a-f",
        "must be the journal's id: 32 characters 0-9 and a-f",
    ),
    "write_municipality_team_e": (
        "skriv kommune og team, f.eks. «Trondheim, team Øst»",
        "write the municipality and team, e.g. “Trondheim, team Øst”",
    ),
    "value_too_long": (
        "er for langt",
        "is too long",
    ),
    "characters_that_cannot_written": (
        "har tegn som ikke kan skrives",
        "has characters that cannot be written",
    ),
    "journal_registered_evaluator_bundle": (
        "Journalen {journal_id} er ikke registrert hos evaluator; pakken er signert med "
        "nøkkel {key_id_hex} (fingeravtrykk {fingerprint}). Få journalens nøkkel fra "
        "kommunen, les fingeravtrykket opp over telefon, og registrer den med «samjournal "
        "evaluator journal add».",
        "Journal {journal_id} is not registered with the evaluator; the bundle is signed with "
        "key {key_id_hex} (fingerprint {fingerprint}). Get the journal's key from the "
        "municipality, read the fingerprint out over the phone, and register it with "
        "“samjournal evaluator journal add”.",
    ),
    # bundles refused for a registered journal, signed with keys not registered for it
    # (evaluator/senders.py): kept, shown in status until such a key is registered
    "journal_foreign_bundles": (
        "Pakker med journalens id, men signert med en nøkkel som ikke er registrert for den, er"
        " avvist: {count} (sist {at}; fingeravtrykk {keys}). Noen annen enn journalen kan ha"
        " prøvd å sende i dens navn: sjekk med kommunen.",
        "Bundles carrying the journal's id but signed with a key not registered for it were"
        " refused: {count} (last {at}; fingerprint {keys}). Someone other than the journal may"
        " have tried to send in its name: check with the municipality.",
    ),
    "journal_registered_another_signing": (
        "Journalen {journal_id} er registrert med en annen signeringsnøkkel; denne pakken er "
        "signert med {key_id_hex} (fingeravtrykk {fingerprint}). Sjekk fingeravtrykket med "
        "kommunen; har journalen fått ny nøkkel, registrer den med «samjournal evaluator "
        "journal add --new-key».",
        "Journal {journal_id} is registered with another signing key; this bundle is signed "
        "with {key_id_hex} (fingerprint {fingerprint}). Check the fingerprint with the "
        "municipality; if the journal has a new key, register it with “samjournal evaluator "
        "journal add --new-key”.",
    ),
    "key_already_registered_journal": (
        "nøkkelen {key_id_hex} er allerede registrert for journal {min}; hver journal har sin "
        "egen nøkkel",
        "key {key_id_hex} is already registered for journal {min}; each journal has its own key",
    ),
    "journal_registered_another_key": (
        "journalen {journal_id} er registrert med en annen nøkkel; les opp det nye "
        "fingeravtrykket med kommunen og bruk --new-key",
        "journal {journal_id} is registered with another key; read the new fingerprint out "
        "with the municipality and use --new-key",
    ),
    "journal_audit_log_cut": (
        "Journalens revisjonslogg er avkortet: pakke {later} har færre hendelser enn pakke "
        "{earlier}. {not_imported}",
        "The journal's audit log was cut short: bundle {later} has fewer events than bundle "
        "{earlier}. {not_imported}",
    ),
    "journal_audit_log_rewritten": (
        "Journalens revisjonslogg er skrevet om: den bygger ikke videre på hodet {short} som "
        "ble bevitnet i pakke {seq}. {not_imported}",
        "The journal's audit log was rewritten: it does not extend the head {short} witnessed "
        "in bundle {seq}. {not_imported}",
    ),
    "evaluator_workspace_that_folder": (
        "Fant ikke noe evaluator-arbeidsområde i den mappen.",
        "No evaluator workspace in that folder.",
    ),
    "journal_not_workspace": (
        "{folder} er en journal, ikke et evaluator-arbeidsområde: oppgi mappen med dataset.db"
        " og study.json.",
        "{folder} is a journal, not an evaluator workspace: give the folder that holds"
        " dataset.db and study.json.",
    ),
    "workspace_unknown_version_update": (
        "Arbeidsområdet har en ukjent versjon; oppdater SamJournal.",
        "The workspace has an unknown version; update SamJournal.",
    ),
    "missing_from_workspace": (
        "{db_name} mangler i arbeidsområdet.",
        "{db_name} is missing from the workspace.",
    ),
    # a damaged workspace store (evaluator/workspace.py) and its backup (evaluator/backup.py)
    "workspace_damaged": (
        "Arbeidsområdets database (dataset.db) er skadet eller avkortet. Flytt arbeidsområdets"
        " mappe til side (behold den) og gjenopprett arbeidsområdet fra sikkerhetskopien:"
        " samjournal evaluator restore SIKKERHETSKOPI ARBEIDSOMRÅDE.",
        "The workspace's database (dataset.db) is damaged or truncated. Move the workspace"
        " folder aside (keep it) and restore the workspace from its backup: samjournal"
        " evaluator restore BACKUP WORKSPACE.",
    ),
    "workspace_db_error": (
        "Databasefeil i arbeidsområdet ({problem}). Prøv igjen; gjentar feilen seg, flytt"
        " arbeidsområdets mappe til side (behold den) og gjenopprett arbeidsområdet fra"
        " sikkerhetskopien: samjournal evaluator restore SIKKERHETSKOPI ARBEIDSOMRÅDE.",
        "Database error in the workspace ({problem}). Try again; if it happens again, move the"
        " workspace folder aside (keep it) and restore the workspace from its backup:"
        " samjournal evaluator restore BACKUP WORKSPACE.",
    ),
    "workspace_restore_not_empty": (
        "{folder} er ikke tom. Gjenopprett til en ny mappe, eller flytt det som ligger der til"
        " side (behold det) og gjenopprett igjen.",
        "{folder} is not empty. Restore into a new folder, or move what is there aside (keep"
        " it) and restore again.",
    ),
    "workspace_backup_not_unlocked": (
        "Feil passordfrase for sikkerhetskopien: den åpnes med passordfrasen arbeidsområdet"
        " hadde da kopien ble skrevet.",
        "Wrong passphrase for the backup: it opens with the passphrase the workspace had when"
        " the backup was written.",
    ),
    "already_exists_choose_new": (
        "{target} finnes allerede; velg et nytt navn",
        "{target} already exists; choose a new name",
    ),
    "could_write_identity_file": (
        "Kunne ikke skrive identitetsfilen.",
        "Could not write the identity file.",
    ),
    "fingerprint_profile_evaluator_read": (
        "Fingeravtrykket er {fingerprint}, ikke {expect_fingerprint}: profilen er ikke den "
        "evaluator leste opp.",
        "The fingerprint is {fingerprint}, not {expect_fingerprint}: this is not the profile "
        "the evaluator read out.",
    ),
    "household_not_released": (
        "Ingen husholdning i studiens pakker fra denne journalen heter {pseudonym}.",
        "No household in the study's bundles from this journal is called {pseudonym}.",
    ),
    "study_not_in_journal": (
        "Studien {study_id} er ikke lagt inn i journalen.",
        "Study {study_id} is not in this journal.",
    ),
    "study_study_profile_yet": (
        "Studien {study_id} har ingen studieprofil ennå: importer study.json fra evaluator først.",
        "Study {study_id} has no study profile yet: import study.json from the evaluator first.",
    ),
    "no_such_export": (
        "Ingen slik eksport.",
        "No such export.",
    ),
    "receipt_another_bundle_than": (
        "Kvitteringen gjelder en annen pakke {sequence} enn den journalen sendte.",
        "The receipt is for another bundle {sequence} than the one this journal sent.",
    ),
    "no_bundle_for_study": (
        "Journalen har ingen pakke {sequence} for studien {study_id}.",
        "The journal has no bundle {sequence} for study {study_id}.",
    ),
    "study_already_profile_fingerprint": (
        "Studien {id} har allerede en profil med fingeravtrykk {value}; bruk --replace for å "
        "bytte den ut.",
        "Study {id} already has a profile with fingerprint {value}; use --replace to replace it.",
    ),
    "cannot_read_receipt": (
        "Kan ikke lese kvitteringen: {strerror}",
        "Cannot read the receipt: {strerror}",
    ),
    "invalid_base64": (
        "{what}: ugyldig base64.",
        "{what}: invalid base64.",
    ),
    "public_key_minisign_ed25519": (
        "offentlig nøkkel: ikke en minisign Ed25519-nøkkel.",
        "public key: not a minisign Ed25519 key.",
    ),
    "public_key_minisign_key": (
        "offentlig nøkkel: ikke en minisign-nøkkelfil.",
        "public key: not a minisign key file.",
    ),
    "signature_made_key": (
        "signaturen er laget med nøkkel {format_key_id}, ikke {key_id_hex}.",
        "the signature was made with key {format_key_id}, not {key_id_hex}.",
    ),
    "signature_file_wrong_format": (
        "signaturfilen har feil format.",
        "the signature file has the wrong format.",
    ),
    "signature_does_verify": (
        "signaturen stemmer ikke.",
        "the signature does not verify.",
    ),
    "study_profile_range_100k": (
        "Studieprofilen: {name} skal være mellom 1 og 100000.",
        "Study profile: {name} must be between 1 and 100000.",
    ),
    "study_profile_range_10m": (
        "Studieprofilen: {name} skal være mellom 1 og 10000000.",
        "Study profile: {name} must be between 1 and 10000000.",
    ),
    "receipt_too_large": (
        "Kvitteringen er for stor.",
        "The receipt is too large.",
    ),
    "receipt_wrong_format": (
        "Kvitteringen har feil format.",
        "The receipt has the wrong format.",
    ),
    "receipt_signature_does_verify": (
        "Kvitteringens signatur holder ikke mot studiens kvitteringsnøkkel: {exc}",
        "The receipt's signature does not verify against the study's receipt key: {exc}",
    ),
    "receipt_lacks_fields": (
        "Kvitteringen mangler felt.",
        "The receipt lacks fields.",
    ),
    "choose_study_export": (
        "velg studien det skal eksporteres til",
        "choose the study to export to",
    ),
    "choose_folder_write_bundle": (
        "velg mappen pakken skal skrives til",
        "choose the folder to write the bundle to",
    ),
}
