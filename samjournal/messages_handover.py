"""Messages by key for handing a family over (samjournal/handover/), in bokmål and English.

Data only: samjournal/catalogue.py merges these into its catalogue and formats them.
"""

from __future__ import annotations

from collections.abc import Mapping

Words = tuple[str, str]  # (bokmål, English)

MESSAGES: Mapping[str, Words] = {
    "handover_invalid_instrument": (
        "Overføringen har et ugyldig spørreskjema. Be avsenderen sende en ny overføring.",
        "The handover has an invalid instrument. Ask the sender to send a new handover.",
    ),
    "handover_choose_family": (
        "Velg minst én familie å overføre.",
        "Choose at least one family to hand over.",
    ),
    "handover_already_sent": (
        "Familien er allerede sendt til en annen journal og venter på kvittering.",
        "The family has already been sent to another journal and is waiting for its receipt.",
    ),
    "handover_other_journal": (
        "Overføringen er laget for en annen journal.",
        "The handover was made for another journal.",
    ),
    "handover_format": (
        "Overføringen har et format denne versjonen ikke kjenner.",
        "The handover has a format this version does not know.",
    ),
    "handover_taken_elsewhere": (
        "Overføringen er allerede tatt imot fra en annen journal.",
        "The handover has already been received from another journal.",
    ),
    "handover_bad_value": (
        "Overføringen kan ikke tas inn. Feltet «{field}»: {reason}. Be avsenderen rette dette"
        " og sende en ny overføring.",
        "The handover cannot be taken in. Field «{field}»: {reason}. Ask the sender to correct"
        " this and send a new handover.",
    ),
    "handover_repeated_version": (
        "Overføringen har samme versjon av en post to ganger. Be avsenderen sende en ny"
        " overføring.",
        "The handover holds the same version of a record twice. Ask the sender to send a new"
        " handover.",
    ),
    "handover_lacks": (
        "Overføringen mangler opplysninger den skal ha. Be avsenderen sende en ny overføring.",
        "The handover lacks details it must have. Ask the sender to send a new handover.",
    ),
    "handover_receipt_not_sent": (
        "Kvitteringen gjelder en overføring denne journalen ikke har sendt.",
        "The receipt is for a handover this journal has not sent.",
    ),
    "handover_receipt_older": (
        "Kvitteringen gjelder en eldre fil for familien. Send den nyeste filen på nytt; "
        "ingenting er slettet.",
        "The receipt is for an older file of the family. Send the newest file again; nothing "
        "has been deleted.",
    ),
    "handover_changed_since": (
        "Familien er endret etter at filen ble laget. Lag en ny fil og send den; ingenting er "
        "slettet.",
        "The family has changed since the file was made. Make a new file and send it; nothing "
        "has been deleted.",
    ),
    "handover_not_one_family": (
        "Overføringen har ikke nøyaktig én familie.",
        "A part of the handover does not hold one family.",
    ),
    "handover_unknown_history": (
        "Overføringen har en ukjent historikk.",
        "The handover has history of an unknown kind.",
    ),
    "handover_missing_rows": (
        "Overføringen viser til rader den ikke har med. Be avsenderen sende en ny overføring.",
        "The handover refers to rows it does not contain. Ask the sender to send a new handover.",
    ),
    "handover_too_large": (
        "Filen er for stor til å være en overføring.",
        "The file is too large to be a handover.",
    ),
    "handover_incomplete": (
        "Overføringen er ufullstendig.",
        "The handover is incomplete.",
    ),
    "handover_damaged": (
        "Overføringen er skadet.",
        "The handover is damaged.",
    ),
    "handover_cannot_open": (
        "Filen kan ikke åpnes med denne journalens mottaksnøkkel: den er laget for en annen "
        "journal, endret eller avkortet.",
        "The file cannot be opened with this journal's receiving key: it was made for another "
        "journal, or has been changed or cut short.",
    ),
    "handover_signature_damaged": (
        "Overføringens signatur er skadet.",
        "The handover's signature is damaged.",
    ),
    "handover_forged": (
        "Overføringen er ikke signert av journalen den sier den kommer fra: den er endret "
        "eller forfalsket.",
        "The handover is not signed by the journal it says it comes from: it has been changed "
        "or forged.",
    ),
    "handover_extra_files": (
        "Overføringen har filer den ikke skal ha.",
        "The handover holds files it must not have.",
    ),
    "peer_name_required": (
        "skriv hvem journalen tilhører, f.eks. «Trondheim, team Øst»",
        "write whose journal it is, e.g. “Trondheim, team East”",
    ),
    "peer_name_unwritable": (
        "er for langt eller har tegn som ikke kan skrives",
        "is too long or has characters that cannot be written",
    ),
    "peer_own_key": (
        "Nøkkelfilen er denne journalens egen.",
        "The key file is this journal's own.",
    ),
    "peer_other_keys": (
        "Journalen er allerede registrert med andre nøkler. Fjern den først hvis den har fått "
        "nye nøkler, og les fingeravtrykket opp igjen.",
        "The journal is already registered with other keys. Remove it first if it has new "
        "keys, and read the fingerprint out again.",
    ),
    "peer_unregistered": (
        "Journalen filen gjelder er ikke registrert her. Registrer den med nøkkelfilen og "
        "fingeravtrykket lest opp på telefon først.",
        "The journal the file is from or for is not registered here. Register it first with "
        "its key file and the fingerprint read out over the phone.",
    ),
    "receipt_not_receipt": (
        "Filen er ikke en kvittering for en overføring.",
        "The file is not a receipt for a handover.",
    ),
    "receipt_forged": (
        "Kvitteringen er ikke signert av journalen familien ble sendt til: den er endret "
        "eller forfalsket. Ingenting er slettet.",
        "The receipt is not signed by the journal the family was sent to: it has been changed "
        "or forged. Nothing has been deleted.",
    ),
    "key_not_key": (
        "Filen er ikke en mottaksnøkkel fra SamJournal.",
        "The file is not a SamJournal receiving key.",
    ),
    "key_fingerprint": (
        "Mottaksnøkkelens fingeravtrykk stemmer ikke med innholdet: filen er endret eller skadet.",
        "The receiving key's fingerprint does not match its content: the file has been "
        "changed or damaged.",
    ),
    "receipt_other_journal": (
        "Kvitteringen gjelder en annen journal.",
        "The receipt is for another journal.",
    ),
}
