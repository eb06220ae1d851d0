"""The `samjournal` command's help (`--help`, usage and argparse's own words), by key, in bokmål
and English.

Data only: samjournal/messages.py merges these into its catalogue; the parsers (samjournal/cli/)
are built after the language is chosen (cli.support.language), so each help text is worded once,
in that language. Metavars are words too ("FIL" / "FILE"); names that read the same in both
("JOURNAL", "ID", "STUDY.JSON") are written in the code.
"""

from __future__ import annotations

from collections.abc import Mapping

Words = tuple[str, str]  # (bokmål, English)

MESSAGES: Mapping[str, Words] = {
    # argparse's own words (cli/parser.py)
    "argparse_usage": ("bruk: ", "usage: "),
    "argparse_positionals": ("argumenter", "positional arguments"),
    "argparse_options": ("valg", "options"),
    "argparse_help": ("vis denne hjelpen og avslutt", "show this help message and exit"),
    "argparse_error": ("{prog}: feil: {message}", "{prog}: error: {message}"),
    "argparse_required": (
        "disse mangler: {names}",
        "the following arguments are required: {names}",
    ),
    "argparse_unrecognised": ("ukjente argumenter: {names}", "unrecognised arguments: {names}"),
    "argparse_invalid_choice": (
        "{argument}: ugyldig: {value} (velg: {choices})",
        "{argument}: invalid choice: {value} (choose from {choices})",
    ),
    "argparse_invalid_value": (
        "{argument}: ugyldig verdi: {value}",
        "{argument}: invalid value: {value}",
    ),
    "argparse_one_value": ("{argument}: skal ha én verdi", "{argument}: expected one value"),
    "argparse_no_value": (
        "{argument}: tar ingen verdi (fikk {value})",
        "{argument}: takes no value (got {value})",
    ),
    "argparse_at_least_one": (
        "{argument}: skal ha minst én verdi",
        "{argument}: expected at least one value",
    ),
    "argparse_ambiguous": (
        "{option} kan bety flere valg: {matches}",
        "{option} is ambiguous: it could be {matches}",
    ),
    # metavars
    "metavar_command": ("KOMMANDO", "COMMAND"),
    "metavar_file": ("FIL", "FILE"),
    "metavar_pdf": ("FIL.pdf", "FILE.pdf"),
    "metavar_pub": ("FIL.pub", "FILE.pub"),
    "metavar_seconds": ("SEKUNDER", "SECONDS"),
    "metavar_text": ("TEKST", "TEXT"),
    "metavar_reason": ("GRUNN", "REASON"),
    "metavar_head": ("HODE|FIL", "HEAD|FILE"),
    "metavar_username": ("BRUKERNAVN", "USERNAME"),
    "metavar_report": ("RAPPORT", "REPORT"),
    "metavar_case": ("SAKSNUMMER", "CASE-NUMBER"),
    "metavar_date": ("ÅÅÅÅ-MM-DD", "YYYY-MM-DD"),
    "metavar_workspace": ("ARBEIDSOMRÅDE", "WORKSPACE"),
    "metavar_fingerprint": ("FINGERAVTRYKK", "FINGERPRINT"),
    "metavar_municipality": ("KOMMUNE", "MUNICIPALITY"),
    "metavar_folder": ("MAPPE", "FOLDER"),
    "metavar_bundle": ("PAKKE", "BUNDLE"),
    "metavar_site": ("STED", "SITE"),
    "metavar_tag": ("MERKE", "TAG"),
    "metavar_household": ("HUSHOLDNING", "HOUSEHOLD"),
    "metavar_number": ("NR", "NUMBER"),
    "metavar_out": ("UT", "OUT"),
    "metavar_name": ("NAVN", "NAME"),
    "metavar_org": ("ORGANISASJON", "ORGANISATION"),
    "metavar_count": ("ANTALL", "NUMBER"),
    "metavar_seed": ("FRØ", "SEED"),
    "metavar_tables": ("TABELLER", "TABLES"),
    # shared by many subcommands
    "help_journal": ("journalmappen", "the journal folder"),
    "help_user": (
        "brukernavn (standard: SAMJOURNAL_USER eller eneste bruker)",
        "user name (default: SAMJOURNAL_USER or the only user)",
    ),
    "help_full_name": ("fullt navn", "full name"),
    "help_wait": (
        "vent så lenge på at journalen lukkes i andre vinduer (standard {seconds})",
        "wait this long for the journal to be closed in other windows (default {seconds})",
    ),
    # the desktop client (ui/app.py), in the CLI's language
    "help_client": (
        "SamJournal: skrivebordsprogrammet. Åpner journalen sist brukt, eller veiviseren første"
        " gang. Språk i hjelpen: SAMJOURNAL_LANG=nb eller en.",
        "SamJournal: the desktop client. Opens the journal last used, or the set-up wizard the"
        " first time. Language of this help: SAMJOURNAL_LANG=nb or en.",
    ),
    "help_client_demo": (
        "åpne demojournalen med oppdiktede familier (lages første gang)",
        "open the demo journal of made-up families (made the first time)",
    ),
    # samjournal (cli/commands.py)
    "help_description": (
        "SamJournal: kryptert saksjournal for samskapt familiestøtte.",
        "SamJournal: an encrypted case journal for co-created family support.",
    ),
    "help_epilog": (
        "Passordfrasen leses fra SAMJOURNAL_PASSPHRASE eller spørres om. Avslutningskoder: 0 ok,"
        " 1 feil, 2 feil passordfrase eller ingen tilgang. Språk: SAMJOURNAL_LANG=nb eller en.",
        "The passphrase is read from SAMJOURNAL_PASSPHRASE or asked for. Exit codes: 0 ok,"
        " 1 error, 2 wrong passphrase or access refused. Language: SAMJOURNAL_LANG=nb or en.",
    ),
    "help_version": ("vis versjonen og avslutt", "show the version and exit"),
    "help_init": (
        "lag en ny journal med første teamleder",
        "create a new journal with its first team lead",
    ),
    "help_init_user": ("brukernavn for første teamleder", "user name of the first team lead"),
    "help_demo": (
        "lag en demojournal med oppdiktede familier",
        "create a demo journal with made-up families",
    ),
    "help_demo_families": ("hvor mange familier (standard 60)", "how many families (default 60)"),
    "help_demo_seed": (
        "frø for de oppdiktede familiene (standard 1)",
        "seed for the made-up families (default 1)",
    ),
    "help_demo_study": (
        "importer studien og registrer samtykker",
        "import the study and record consents",
    ),
    "help_info": ("vis fakta om journalen", "show facts about the journal"),
    "help_list": (
        "list familiene: saksnummer, navn, status, familiekoordinator (tabulert)",
        "list the families: case number, name, status, caseworker (tab-separated)",
    ),
    "help_search": (
        "fulltekstsøk i navn, møtenotater, behov og utbetalinger",
        "full-text search in names, meeting notes, needs and payments",
    ),
    "help_check": ("kjør integritetssjekkene", "run the integrity checks"),
    "help_check_repair": (
        "regn ut saksoversiktens tall på nytt fra journalen først (avledede data)",
        "first recompute the case list's figures from the journal (derived data)",
    ),
    "help_check_accept_loss": (
        "godta en journal der nyeste arbeid mangler (revisjonsloggen er bak journal.mark);"
        " det revideres",
        "accept a journal whose most recent work is missing (the audit log is behind"
        " journal.mark); this is audited",
    ),
    "help_backup": ("skriv en sikkerhetskopi (én fil)", "write a backup (one file)"),
    "help_backup_file": ("filen sikkerhetskopien skrives til", "the file the backup is written to"),
    "help_restore": (
        "gjenopprett fra sikkerhetskopi (sjekkes før noe erstattes)",
        "restore from a backup (checked before anything is replaced)",
    ),
    "help_restore_user": ("hvem som gjenoppretter", "who restores"),
    "help_restore_reason": (
        "hvorfor journalen gjenopprettes (føres i revisjonsloggen, blir i journalen)",
        "why the journal is restored (written to the audit log, stays in the journal)",
    ),
    "help_audit": ("revisjonsloggen", "the audit log"),
    "help_audit_verify": (
        "kontroller hash-kjeden og Merkle-treet",
        "check the hash chain and the Merkle tree",
    ),
    "help_audit_verify_description": (
        "Regner ut hele revisjonsloggen på nytt og holder den mot hvert vitne. Avslutningskode"
        " 0: loggen er hel og bygger videre på hvert vitne (eller et vitne ble tapt ved en"
        " gjenoppretting som kvitteringene viser at evaluator har godtatt); 1: loggen er endret,"
        " kuttet eller har en gaffel som ikke kan være en gjenoppretting; 2: feil passordfrase"
        " eller ingen tilgang; 3: et vitne er bare forklart av en gjenoppretting kvitteringene"
        " som er gitt ikke viser at evaluator har godtatt (gi en kvittering fra før den tapte og"
        " en fra etter den, eller spør evaluator).",
        "Recomputes the whole audit log and holds it against every witness. Exit code 0: the"
        " log is whole and extends every witness (or a witness was lost in a restore that the"
        " receipts show the evaluator accepted); 1: the log was changed, cut short or has a fork"
        " that cannot be a restore; 2: wrong passphrase or access refused; 3: a witness is"
        " explained only by a restore that the receipts given do not show the evaluator"
        " accepted (give a receipt from before the lost one and one from after it, or ask the"
        " evaluator).",
    ),
    "help_audit_witness": (
        "et hode (som «Logg 12345 · 3f9a5e0c7d21b4a8»), en sikkerhetskopi, en kvittering eller"
        " en fil med et hode: loggen må bygge videre på det (kan gjentas)",
        "a head (such as “Log 12345 · 3f9a5e0c7d21b4a8”), a backup, a receipt or a file with a"
        " head: the log must extend it (may be repeated)",
    ),
    "help_audit_key": (
        "kontroller hodene i sikkerhetskopier med denne nøkkelen (den evaluator har registrert,"
        " fra `samjournal key`), ikke med nøklene i journalen",
        "check the heads in backups with this key (the one the evaluator registered, from"
        " `samjournal key`), not with the keys in the journal",
    ),
    "help_audit_study": (
        "kontroller kvitteringer med kvitteringsnøkkelen i denne studieprofilen (fra"
        " evaluator), ikke med den som er lagret i journalen",
        "check receipts with the receipt key in this study profile (from the evaluator), not"
        " with the one stored in the journal",
    ),
    "help_audit_head": (
        "skriv ut loggens hode, til å skrive ned eller ut",
        "print the log's head, to write down or print out",
    ),
    "help_audit_acknowledge": (
        "kvitter ut alarmen om journal.mark når journalen er kontrollert (teamleder)",
        "acknowledge the journal.mark alarm once the journal has been checked (team lead)",
    ),
    "help_users": ("brukere og passordfraser", "users and passphrases"),
    "help_user_add": (
        "legg til en bruker (ny passordfrase: SAMJOURNAL_NEW_PASSPHRASE)",
        "add a user (new passphrase: SAMJOURNAL_NEW_PASSPHRASE)",
    ),
    "help_user_list": ("list brukerne", "list the users"),
    "help_user_remove": (
        "fjern en bruker og gi databasen ny nøkkel",
        "remove a user and give the database a new key",
    ),
    "help_user_passwd": ("bytt din passordfrase", "change your passphrase"),
    "help_user_reset": (
        "ny passordfrase med gjenopprettingsnøkkelen",
        "a new passphrase with the recovery key",
    ),
    "help_signs_in": ("hvem som logger inn", "who signs in"),
    "help_role": ("rollen (standard caseworker)", "the role (default caseworker)"),
    "help_report": (
        "skriv en rapport til PDF: summary, family, portfolio, access-log eller recovery-sheet",
        "write a report as PDF: summary, family, portfolio, access-log or recovery-sheet",
    ),
    "help_report_description": (
        "Saksoppsummering (summary, teamleder), familiens kopi (family), porteføljerapport"
        " (portfolio, teamleder), innsynslogg (access-log, teamleder: hvem som har sett eller"
        " endret familiens opplysninger) eller gjenopprettingsarket på nytt (recovery-sheet,"
        " teamleder: nøkkelen skrives inn når den blir spurt etter, og må være journalens),"
        " lagret som PDF. Utskriften revideres.",
        "Case summary (summary, team lead), the family's copy (family), portfolio report"
        " (portfolio, team lead), access log (access-log, team lead: who has seen or changed"
        " the family's records) or the recovery sheet again (recovery-sheet, team lead: the key"
        " is typed in when asked for, and must be the journal's), saved as PDF. The printout is"
        " audited.",
    ),
    "help_report_kind": ("hvilken rapport (se over)", "which report (see above)"),
    "help_report_case": (
        "familiens saksnummer (summary, family, access-log)",
        "the family's case number (summary, family, access-log)",
    ),
    "help_report_from": (
        "fra og med dato (portfolio; summary valgfritt)",
        "from this date on (portfolio; summary optionally)",
    ),
    "help_report_to": (
        "til og med dato (portfolio; summary valgfritt)",
        "up to and including this date (portfolio; summary optionally)",
    ),
    "help_report_out": ("PDF-filen som skrives", "the PDF file to write"),
    "help_report_national_ids": (
        "vis hele fødselsnumre (summary)",
        "show national identity numbers in full (summary)",
    ),
    "help_report_language": (
        "språk (standard: journalens)",
        "language (default: the journal's)",
    ),
    "help_gui": ("åpne skrivebordsklienten", "open the desktop client"),
    # studies, exports, receipts, keys (cli/evaluation.py)
    "help_study": ("studieprofiler fra evaluator", "study profiles from the evaluator"),
    "help_study_import": (
        "legg inn en studieprofil (teamleder)",
        "add a study profile (team lead)",
    ),
    "help_study_expect": (
        "fingeravtrykket evaluator leste opp",
        "the fingerprint the evaluator read out",
    ),
    "help_study_replace": (
        "bytt ut en profil med annet avtrykk",
        "replace a profile that has another fingerprint",
    ),
    "help_study_municipality": (
        "kommunenavnet i utleveringen",
        "the municipality's name in the release",
    ),
    "help_study_list": ("list studiene journalen kjenner", "list the studies the journal knows"),
    "help_study_show": (
        "vis en studieprofil og reglene uten å legge den inn",
        "show a study profile and its rules without adding it",
    ),
    "help_export": (
        "eksporter en samtykket, anonymisert, signert og kryptert pakke til en studie",
        "export a consented, anonymised, signed and encrypted bundle to a study",
    ),
    "help_export_study": ("studie-id", "study id"),
    "help_export_out": (
        "hvor pakken skrives (f.eks. USB)",
        "where the bundle is written (a USB stick, say)",
    ),
    "help_export_full": ("alt på nytt, ikke bare endringer", "everything again, not only changes"),
    "help_export_dry_run": (
        "vis risikorapporten, skriv ingenting",
        "show the risk report, write nothing",
    ),
    "help_export_log": (
        "vis eksportloggen og hva som er kvittert",
        "show the export log and what has been acknowledged",
    ),
    "help_receipt": ("kvitteringer fra evaluator", "receipts from the evaluator"),
    "help_receipt_import": (
        "registrer kvitteringer (signatur sjekkes)",
        "record receipts (their signatures are checked)",
    ),
    "help_key": (
        "skriv journalens offentlige signeringsnøkkel (minisign)",
        "write the journal's public signing key (minisign)",
    ),
    "help_key_out": ("filen nøkkelen skrives til", "the file the key is written to"),
    "help_key_receive": (
        "mottaksnøkkelen for overføring av familier i stedet (teamleder)",
        "the receiving key for handing families over instead (team lead)",
    ),
    # the evaluator (cli/evaluation.py)
    "help_evaluator": (
        "evaluators arbeidsområde: motta, slå sammen og analysere pakker",
        "the evaluator's workspace: receive, merge and analyse bundles",
    ),
    "help_workspace": ("arbeidsområdets mappe", "the workspace's folder"),
    "help_evaluator_init": (
        "lag et arbeidsområde og en studieprofil",
        "create a workspace and a study profile",
    ),
    "help_evaluator_study_id": ("studiens id", "the study's id"),
    "help_evaluator_name": ("studiens navn", "the study's name"),
    "help_evaluator_org": ("organisasjonen som evaluerer", "the organisation that evaluates"),
    "help_evaluator_k": (
        "k-anonymitet (standard og minst 5)",
        "k-anonymity (default 5, and never less)",
    ),
    "help_evaluator_m": (
        "hendelser en utenforstående kjenner (standard og minst 2)",
        "events an outsider knows (default 2, and never less)",
    ),
    "help_evaluator_tables": (
        "tabeller utover husstandene, kommaseparert (standard {tables})",
        "tables besides the households, comma-separated (default {tables})",
    ),
    "help_evaluator_municipality": (
        "kommunenavn, hvis alle journalene er i én kommune",
        "the municipality's name, if every journal is in one municipality",
    ),
    "help_evaluator_instrument": (
        "et spørreskjema (JSON) studien stiller; flere kan gis (standard: Innbyggernes modell)",
        "an instrument (JSON) the study asks; several may be given (default: Innbyggernes modell)",
    ),
    "help_evaluator_instruments": (
        "gi studien nye spørreskjemaer (en ny studieprofil)",
        "give the study new instruments (a new study profile)",
    ),
    "help_evaluator_reset": (
        "gi arbeidsområdet ny passordfrase med gjenopprettingsnøkkelen fra init",
        "give the workspace a new passphrase with the recovery key from init",
    ),
    "help_evaluator_identity": (
        "skriv age-identiteten til en fil",
        "write the age identity to a file",
    ),
    "help_evaluator_identity_export": (
        "filen identiteten skrives til",
        "the file the identity is written to",
    ),
    "help_evaluator_backup": (
        "skriv en sikkerhetskopi av arbeidsområdet (én kryptert fil med studiens private nøkkel)",
        "write a backup of the workspace (one encrypted file holding the study's private key)",
    ),
    "help_evaluator_backup_file": (
        "en ny fil sikkerhetskopien skrives til (en som finnes, skrives ikke over)",
        "a new file the backup is written to (an existing one is never overwritten)",
    ),
    "help_evaluator_restore": (
        "lag et arbeidsområde fra en sikkerhetskopi, i en ny eller tom mappe (sjekkes først)",
        "make a workspace from a backup, in a new or empty folder (checked first)",
    ),
    "help_evaluator_restore_file": ("sikkerhetskopien", "the backup"),
    "metavar_backup": ("SIKKERHETSKOPI", "BACKUP"),
    "help_evaluator_import": (
        "importer pakker og skriv kvitteringer",
        "import bundles and write receipts",
    ),
    "help_evaluator_receipts": ("hvor kvitteringene skrives", "where the receipts are written"),
    "help_evaluator_journal": (
        "journalene arbeidsområdet tar imot pakker fra",
        "the journals the workspace takes bundles from",
    ),
    "help_evaluator_journal_add": (
        "registrer en journal før dens pakker",
        "register a journal before its bundles",
    ),
    "help_journal_id": ("journalens id", "the journal's id"),
    "help_evaluator_key": ("fra `key`", "from `key`"),
    "help_evaluator_site": ("kommune og team", "municipality and team"),
    "help_evaluator_new_key": (
        "legg til en ny nøkkel for en registrert journal",
        "add a new key for a registered journal",
    ),
    "help_evaluator_journal_list": ("registrerte journaler", "registered journals"),
    "help_evaluator_reanchor": (
        "ta en journal videre fra en gjenoppretting den har sagt fra om (etter samtale med"
        " teamlederen)",
        "take a journal on from a restore it stated (after talking with the team lead)",
    ),
    "help_evaluator_reject": (
        "avvis en gjenoppretting journalen har sagt fra om (teamlederen benekter den)",
        "refuse a restore the journal stated (the team lead denies it)",
    ),
    "help_evaluator_withdraw": (
        "trekk tilbake en beslutning om en gjenoppretting, med grunn (pakker importert etter"
        " den legges til side; beslutningen blir stående i status)",
        "withdraw a decision on a restore, with a reason (bundles imported after it are set"
        " aside; the decision stays in status)",
    ),
    "help_study_household": (
        "hvilken familie en husholdning i studien er (evaluator leser pseudonymet opp)",
        "which family a household in the study is (the evaluator reads its pseudonym out)",
    ),
    "help_evaluator_readmit": (
        "ta inn igjen en husholdning som en tilbaketrukket linje holdt ute, med grunn (etter at"
        " teamlederen har bekreftet at den aldri gikk ut av studien)",
        "take back in a household a withdrawn line kept out, with a reason (once the team lead"
        " has confirmed it never left the study)",
    ),
    "help_readmit_household": (
        "husholdningens pseudonym (se status)",
        "the household's pseudonym (see status)",
    ),
    "help_evaluator_forget": (
        "legg bort en avvist gjenoppretting så merket blir ledig (den vises fortsatt og avvises"
        " igjen)",
        "drop a refused restore so its tag is free (it still shows, and is refused again)",
    ),
    "help_decision_tag": ("gjenopprettingens merke (se status)", "the restore's tag (see status)"),
    "help_decision_bundle": ("pakken som sa fra om den", "the bundle that stated it"),
    "help_decision_reason": ("hvorfor (lagres med beslutningen)", "why (kept with the decision)"),
    "help_evaluator_status": ("journaler, pakker, hull", "journals, bundles, gaps"),
    "help_evaluator_datapackage": (
        "skriv datasettet som Frictionless",
        "write the dataset as a Frictionless data package",
    ),
    "help_evaluator_datapackage_out": (
        "mappen datapakken skrives til (ny eller tom)",
        "the folder the data package is written to (new or empty)",
    ),
    "help_evaluator_datapackage_replace": (
        "erstatt datapakken i mappen (bare om mappen ikke har annet enn en datapakke denne"
        " kommandoen skrev)",
        "replace the data package in the folder (only if the folder holds nothing but a data"
        " package this command wrote)",
    ),
    # handing families over (cli/handover.py)
    "help_handover": (
        "overfør familier mellom journaler (teamleder)",
        "hand families over between journals (team lead)",
    ),
    "help_handover_peer": (
        "journalene familier kan sendes til og fra",
        "the journals families can be sent to and from",
    ),
    "help_handover_peer_add": (
        "registrer en annen journal fra mottaksnøkkelen dens",
        "register another journal from its receiving key",
    ),
    "help_handover_key": ("mottaksnøkkelen", "the receiving key"),
    "help_handover_name": (
        "hvem journalen tilhører, f.eks. kommune og team",
        "whose journal it is, e.g. municipality and team",
    ),
    "help_handover_peer_list": ("list registrerte journaler", "list registered journals"),
    "help_handover_export": (
        "skriv en signert og kryptert overføringsfil",
        "write a signed and encrypted handover file",
    ),
    "help_handover_case": (
        "saksnummeret til en familie som skal overføres (kan gjentas)",
        "the case number of a family to hand over (may be repeated)",
    ),
    "help_handover_to": (
        "mottakerens journal-id eller nøkkelfil",
        "the receiver's journal id or key file",
    ),
    "help_handover_out": ("overføringsfilen som skrives", "the handover file to write"),
    "help_handover_import": (
        "ta imot en overføringsfil og skriv kvitteringen",
        "take in a handover file and write the receipt",
    ),
    "help_handover_file": ("overføringsfilen", "the handover file"),
    "help_handover_receipt_out": ("hvor kvitteringen skrives", "where the receipt is written"),
    "help_handover_receipt": (
        "legg inn mottakerens kvittering",
        "add the receiver's receipt",
    ),
    "help_handover_receipt_file": ("kvitteringen", "the receipt"),
    "help_handover_waiting": (
        "familier som er sendt og venter på kvittering",
        "families sent and waiting for a receipt",
    ),
}
