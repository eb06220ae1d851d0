"""English for the messages of the audit log's heads, witnesses and proofs (`{}`: a value).

samjournal.i18n merges this into its catalogue, as it does evaluation/messages_en.py.
"""

from __future__ import annotations

FIELDS_EN: dict[str, str] = {"vitne": "witness", "grunn": "reason", "journal": "journal"}

MESSAGES_EN: dict[str, str] = {
    # a log that does not extend a head (audit_heads.problem), and where the head came from
    "{}: loggen var kommet til {} hendelser, men har nå bare {}; hendelser er fjernet fra"
    " slutten av loggen": (
        "{}: the log had come to {} events, but now has only {}; events were removed from the"
        " end of the log"
    ),
    "{}: loggen bygger ikke videre på hodet {}; hendelser til og med nummer {} er endret,"
    " fjernet eller satt inn": (
        "{}: the log does not extend the head {}; events up to number {} were changed, removed"
        " or inserted"
    ),
    "journal.mark": "journal.mark",
    "merket i brukerkontoen": "the account's mark",
    # an unsigned head the log does not extend (audit_check.UNPROVEN): a note, not a finding
    "{} (ubekreftet: hodet er usignert, og hvem som helst med filen kan ha skrevet det; vet du at"
    " filen er urørt, gi hodet med --witness)": (
        "{} (unproven: the head is unsigned, and anyone with the file could have written it; if"
        " you know the file is untouched, give the head with --witness)"
    ),
    "vitnet hode i journal.mark": "witnessed head in journal.mark",
    "vitnet hode ({})": "witnessed head ({})",
    "kvittering for pakke {} til studien {}": "receipt for bundle {} to the study {}",
    "oppgitt hode": "the head given",
    "sikkerhetskopien {}": "the backup {}",
    "kvitteringen {}": "the receipt {}",
    "filen {}": "the file {}",
    # witnesses that cannot be read
    "skriv hodet slik det står, for eksempel «Logg 12345 · 3f9a5e0c7d21b4a8», eller oppgi en"
    " sikkerhetskopi, en kvittering eller en fil med hodet": (
        "write the head as it stands, e.g. “Log 12345 · 3f9a5e0c7d21b4a8”, or give a backup,"
        " a receipt or a file with the head"
    ),
    "sikkerhetskopien er laget før loggen fikk hoder, og har ikke noe hode": (
        "the backup was made before the log had heads, and holds none"
    ),
    "kan ikke lese {}": "cannot read {}",
    "{} er for stor til å være et hode": "{} is too large to be a head",
    "{} er verken et hode eller en kvittering": "{} is neither a head nor a receipt",
    "kvitteringen er fra før loggen fikk hoder": "the receipt is from before the log had heads",
    "Revisjonsloggens Merkle-tre mangler deler. Kjør «samjournal audit verify».": (
        "The audit log's Merkle tree has parts missing. Run “samjournal audit verify”."
    ),
    # bundles (evaluation/audit_proof.py, evaluator/witness.py)
    "samjournal-audit.json har feil form.": "samjournal-audit.json is malformed.",
    "Pakkens revisjonslogg bygger ikke videre på forrige pakkes hode: konsistensbeviset fra {}"
    " til {} holder ikke.": (
        "The bundle's audit log does not extend the previous bundle's head: the consistency"
        " proof from {} to {} does not hold."
    ),
    "Journalens revisjonslogg er skrevet om: den bygger ikke videre på hodet {} som ble"
    " bevitnet i pakke {}. {}": (
        "The journal's audit log was rewritten: it does not extend the head {} witnessed in"
        " bundle {}. {}"
    ),
    "Journalens revisjonslogg er avkortet: pakke {} har færre hendelser enn pakke {}. {}": (
        "The journal's audit log was cut short: bundle {} has fewer events than bundle {}. {}"
    ),
    "Pakke {} beviser ikke at journalens revisjonslogg bygger videre på hodet fra pakke {}. {}": (
        "Bundle {} does not prove that the journal's audit log extends the head of bundle {}. {}"
    ),
    "Pakken er ikke importert; be journalens teamleder undersøke journalen.": (
        "The bundle was not imported; ask the journal's team lead to look into the journal."
    ),
    "Journalen har sendt en annen pakke {} før, med revisjonsloggens hode {}; denne bygger ikke"
    " beviselig videre på det. {}": (
        "The journal sent another bundle {} before, with the audit log's head {}; this one does"
        " not provably extend it. {}"
    ),
    # a restore from an older backup: a fork (audit_forks.py, audit_proof.py, evaluator/forks.py)
    "gjenopprettet hode": "restored head",
    "{}: hodet {} ble tapt ved gjenopprettingen ved hendelse {} (journalen gikk tilbake til {})": (
        "{}: the head {} was lost in the restore at event {} (the journal went back to {})"
    ),
    "Pakken sier at journalen er gjenopprettet fra hodet {}, men konsistensbeviset derfra til {}"
    " holder ikke.": (
        "The bundle says the journal was restored from the head {}, but the consistency proof"
        " from there to {} does not hold."
    ),
    "Journalen er gjenopprettet fra en eldre sikkerhetskopi: pakke {} sier, under journalens"
    " signatur, at loggen går videre fra hodet {} ({}) og at hendelsene etter det er tapt, også"
    " hodet {} som er bevitnet her. Pakken er ikke importert. Ta journalen videre derfra bare"
    " etter å ha snakket med journalens teamleder: samjournal evaluator journal reanchor"
    " ARBEIDSOMRÅDE --id {} --reason «…», og importer pakken igjen.": (
        "The journal was restored from an older backup: bundle {} says, under the journal's"
        " signature, that the log goes on from the head {} ({}) and that the events after it are"
        " lost, the head {} witnessed here among them. The bundle was not imported. Take the"
        " journal on from there only after talking to its team lead: samjournal evaluator"
        " journal reanchor WORKSPACE --id {} --reason “…”, and import the bundle again."
    ),
    "skriv hvorfor journalen tas videre fra gjenopprettingen": (
        "write why the journal is taken on from the restore"
    ),
    "ingen gjenoppretting venter for journal {}: bare en pakke som sier fra om en gjenoppretting"
    " kan forankres på nytt, en omskrevet logg aldri": (
        "no restore is waiting for journal {}: only a bundle that states a restore can be"
        " re-anchored, a rewritten log never"
    ),
    # a backup's signed head (audit_signed.py)
    "hodet i {} er ikke signert av denne journalen: sikkerhetskopien er endret eller ikke herfra": (
        "the head in {} is not signed by this journal: the backup was altered or is not from here"
    ),
    "hodet i {} mangler signaturen sin": "the head in {} has lost its signature",
    "{} (usignert hode, fra før hodene ble signert)": (
        "{} (unsigned head, from before heads were signed)"
    ),
}
