"""English for every message the evaluation code raises (`{}` stands for a value).

samjournal.i18n merges this into its catalogue; tests/samjournal/test_i18n.py fails on any
raised message missing here.
"""

from __future__ import annotations

FIELDS_EN: dict[str, str] = {
    "--out": "--out",
    "--study": "--study",
    "kommune": "municipality",
    "mappe": "folder",
    "fingeravtrykk": "fingerprint",
    "--id": "--id",
    "--key": "--key",
    "--site": "--site",
}

MESSAGES_EN: dict[str, str] = {
    # study profiles
    "Filen er ikke en SamJournal-studieprofil.": "The file is not a SamJournal study profile.",
    "Studieprofilen er for stor.": "The study profile is too large.",
    "Studieprofilen er ikke gyldig JSON.": "The study profile is not valid JSON.",
    "Studieprofilen har en ukjent versjon.": "The study profile has an unknown version.",
    "Studieprofilen har ukjente felt.": "The study profile has unknown fields.",
    "Studieprofilen mangler felt eller har feil felttyper.": (
        "The study profile lacks fields or has fields of the wrong type."
    ),
    "Studieprofilens fingeravtrykk stemmer ikke med innholdet: filen er endret eller skadet."
    " Be evaluator om en ny fil.": (
        "The study profile's fingerprint does not match its content: the file has been changed"
        " or damaged. Ask the evaluator for a new file."
    ),
    "Studieprofilen: policy mangler.": "Study profile: the policy is missing.",
    "Studieprofilen: policy har feil felttyper.": (
        "Study profile: the policy has fields of the wrong type."
    ),
    "Studieprofilen: k skal være høyst 1000.": "Study profile: k must be at most 1000.",
    "Studieprofilen: m skal være høyst {}.": "Study profile: m must be at most {}.",
    "Studieprofilen: et tak er mindre enn avrundingen under det.": (
        "Study profile: a cap is smaller than the rounding below it."
    ),
    # the journal's floor (samjournal/evaluation/floor.py)
    "Studieprofilen ber om k = {}, men journalen krever minst k = {}. Be evaluator om en profil"
    " som holder journalens minstekrav.": (
        "The study profile asks for k = {}, but the journal requires at least k = {}. Ask the"
        " evaluator for a profile that meets the journal's floor."
    ),
    "Studieprofilen ber om m = {}, men journalen krever minst m = {}. Be evaluator om en profil"
    " som holder journalens minstekrav.": (
        "The study profile asks for m = {}, but the journal requires at least m = {}. Ask the"
        " evaluator for a profile that meets the journal's floor."
    ),
    "Studieprofilen runder beløp til {} kr, men journalen krever minst {} kr. Be evaluator om"
    " en profil som holder journalens minstekrav.": (
        "The study profile rounds amounts to {} kr, but the journal requires at least {} kr."
        " Ask the evaluator for a profile that meets the journal's floor."
    ),
    "Studieprofilen setter taket for beløp til {} kr, men journalen tillater høyst {} kr. Be"
    " evaluator om en profil som holder journalens minstekrav.": (
        "The study profile caps amounts at {} kr, but the journal allows at most {} kr. Ask the"
        " evaluator for a profile that meets the journal's floor."
    ),
    "Studieprofilen runder budsjettrammer til {} kr, men journalen krever minst {} kr. Be"
    " evaluator om en profil som holder journalens minstekrav.": (
        "The study profile rounds budget frames to {} kr, but the journal requires at least {}"
        " kr. Ask the evaluator for a profile that meets the journal's floor."
    ),
    "Studieprofilen setter taket for budsjettrammer til {} kr, men journalen tillater høyst {}"
    " kr. Be evaluator om en profil som holder journalens minstekrav.": (
        "The study profile caps budget frames at {} kr, but the journal allows at most {} kr."
        " Ask the evaluator for a profile that meets the journal's floor."
    ),
    "Studieprofilen: tabellene kan være meetings, needs, payments og checkins.": (
        "Study profile: the tables can be meetings, needs, payments and checkins."
    ),
    "Studieprofilen: max_suppression skal være mellom 0 og 0.5.": (
        "Study profile: max_suppression must be between 0 and 0.5."
    ),
    "Studieprofilen: {} skal være mellom 1 og 100000.": (
        "Study profile: {} must be between 1 and 100000."
    ),
    "Studieprofilen: {} skal være mellom 1 og 10000000.": (
        "Study profile: {} must be between 1 and 10000000."
    ),
    "Studieprofilen: navn på kommune og bydeler er for lange.": (
        "Study profile: the municipality or district names are too long."
    ),
    "Studieprofilen: id skal være små bokstaver, tall, punktum, - eller _ (høyst 63 tegn).": (
        "Study profile: the id must be lower-case letters, digits, dots, - or _ (at most 63)."
    ),
    "Studieprofilen: navnet mangler eller er for langt.": (
        "Study profile: the name is missing or too long."
    ),
    "Studieprofilen: organisasjonen mangler eller er for lang.": (
        "Study profile: the organisation is missing or too long."
    ),
    "Studieprofilen: trenger minst én og høyst 16 age-mottakere.": (
        "Study profile: needs at least one and at most 16 age recipients."
    ),
    "Studieprofilen: en age-mottaker er ugyldig.": "Study profile: an age recipient is invalid.",
    "Studieprofilen: kvitteringsnøkkelen er ugyldig.": (
        "Study profile: the receipt key is invalid."
    ),
    "Kan ikke lese studieprofilen: {}": "Cannot read the study profile: {}",
    "Fingeravtrykket er {}, ikke {}: profilen er ikke den evaluator leste opp.": (
        "The fingerprint is {}, not {}: this is not the profile the evaluator read out."
    ),
    "Studien {} har allerede en profil med fingeravtrykk {}; bruk --replace for å bytte den"
    " ut.": "Study {} already has a profile with fingerprint {}; use --replace to replace it.",
    "Studien {} er ikke lagt inn i journalen.": "Study {} is not in this journal.",
    "Studien {} har ingen studieprofil ennå: importer study.json fra evaluator først.": (
        "Study {} has no study profile yet: import study.json from the evaluator first."
    ),
    "er for langt": "is too long",
    # exports and receipts (the journal)
    "velg studien det skal eksporteres til": "choose the study to export to",
    "velg mappen pakken skal skrives til": "choose the folder to write the bundle to",
    "{} finnes allerede der": "{} already exists there",
    "Pakke {} ble registrert, men et avbrudd hindret at filen fikk navnet sitt; den er"
    " kontrollert og lagt på plass: {}": (
        "Bundle {} was recorded, but an interruption kept the file from getting its name; it"
        " has been checked and put in place: {}"
    ),
    "{} i mappen er ikke registrert i journalen (en eksport ble avbrutt før den ble registrert,"
    " eller journalen er gjenopprettet fra en eldre sikkerhetskopi). Den er flyttet til {} og"
    " skal ikke sendes; den nye pakken {} erstatter den.": (
        "{} in the folder is not recorded in the journal (an export was interrupted before it"
        " was recorded, or the journal was restored from an older backup). It has been moved to"
        " {} and must not be sent; the new bundle {} replaces it."
    ),
    "Ingen slik eksport.": "No such export.",
    "Journalen har ingen pakke {} for studien {}.": "The journal has no bundle {} for study {}.",
    "Filen er ikke en SamJournal-kvittering.": "The file is not a SamJournal receipt.",
    "Kan ikke lese kvitteringen: {}": "Cannot read the receipt: {}",
    "Kvitteringen er for stor.": "The receipt is too large.",
    "Kvitteringen har feil format.": "The receipt has the wrong format.",
    "Kvitteringen mangler felt.": "The receipt lacks fields.",
    "Kvitteringens signatur holder ikke mot studiens kvitteringsnøkkel: {}": (
        "The receipt's signature does not verify against the study's receipt key: {}"
    ),
    "Kvitteringen gjelder en annen journal.": "The receipt is for another journal.",
    "Kvitteringen gjelder en annen pakke {} enn den journalen sendte.": (
        "The receipt is for another bundle {} than the one this journal sent."
    ),
    # keys and signatures
    "{}: ugyldig base64.": "{}: invalid base64.",
    "offentlig nøkkel: ikke en minisign Ed25519-nøkkel.": (
        "public key: not a minisign Ed25519 key."
    ),
    "offentlig nøkkel: ikke en minisign-nøkkelfil.": "public key: not a minisign key file.",
    "signaturen er laget med nøkkel {}, ikke {}.": "the signature was made with key {}, not {}.",
    "signaturen stemmer ikke.": "the signature does not verify.",
    "signaturfilen har feil format.": "the signature file has the wrong format.",
    # bundles: encryption and archive
    "Pakken er større enn grensen.": "The bundle is larger than the limit.",
    "Filen er ikke en age-kryptert SamJournal-pakke.": (
        "The file is not an age-encrypted SamJournal bundle."
    ),
    "Pakken kan ikke dekrypteres: den er skadet, avkortet eller ikke kryptert til denne studien.": (
        "The bundle cannot be decrypted: it is damaged, truncated or not encrypted to this study."
    ),
    "Pakken inneholder ikke et gyldig zip-arkiv.": "The bundle holds no valid zip archive.",
    "Arkivet har for mange filer.": "The archive has too many files.",
    "Arkivet har samme filnavn to ganger: {}": "The archive has the same file name twice: {}",
    "Arkivet har en symbolsk lenke: {}": "The archive has a symbolic link: {}",
    "Arkivet har krypterte filer.": "The archive has encrypted files.",
    "Arkivet bruker en ukjent komprimering.": "The archive uses an unknown compression.",
    "Arkivet oppgir en størrelse over grensen (zip-bombe?).": (
        "The archive declares a size over the limit (zip bomb?)."
    ),
    "Arkivet er mistenkelig sterkt komprimert (zip-bombe?).": (
        "The archive is suspiciously highly compressed (zip bomb?)."
    ),
    "Arkivet skal ha nøyaktig én mappe på toppnivå.": (
        "The archive must have exactly one top-level folder."
    ),
    "Arkivet har filer utenfor bag-mappen.": "The archive has files outside the bag folder.",
    "Arkivet har en ulovlig sti: {}": "The archive has a forbidden path: {}",
    "En fil i arkivet er større enn oppgitt (zip-bombe?).": (
        "A file in the archive is larger than declared (zip bomb?)."
    ),
    "Arkivet er skadet ({}).": "The archive is damaged ({}).",
    # bundles: the bag
    "{} er ikke UTF-8.": "{} is not UTF-8.",
    "{} har feil format.": "{} has the wrong format.",
    "bag-info.txt er ikke UTF-8.": "bag-info.txt is not UTF-8.",
    "bag-info.txt har feil format.": "bag-info.txt has the wrong format.",
    "Pakken har et ukjent format; oppdater SamJournal.": (
        "The bundle has an unknown format; update SamJournal."
    ),
    "bag-info.txt mangler SamJournal-felt eller har feil verdier.": (
        "bag-info.txt lacks SamJournal fields or has wrong values."
    ),
    "bag-info.txt har ugyldige SamJournal-verdier.": "bag-info.txt has invalid SamJournal values.",
    "Bag-en mangler {}.": "The bag lacks {}.",
    "bagit.txt er ikke BagIt 1.0.": "bagit.txt is not BagIt 1.0.",
    "Bag-ens nøkkel- eller signaturfil er skadet: {}": (
        "The bag's key or signature file is damaged: {}"
    ),
    "Signaturen på tag-manifestet holder ikke: {}": "The tag manifest's signature fails: {}",
    "Tag-manifestet lister ikke nøyaktig bag-ens tag-filer.": (
        "The tag manifest does not list exactly the bag's tag files."
    ),
    "{} stemmer ikke med tag-manifestet.": "{} does not match the tag manifest.",
    "Bag-en har ukjente filer: {}": "The bag has unknown files: {}",
    "Manifestet lister ikke nøyaktig filene i data/.": (
        "The manifest does not list exactly the files in data/."
    ),
    "{} stemmer ikke med manifestet.": "{} does not match the manifest.",
    "Payload-Oxum i bag-info.txt stemmer ikke.": "Payload-Oxum in bag-info.txt does not match.",
    "Signaturens kommentar stemmer ikke med bag-info.txt.": (
        "The signature's comment does not match bag-info.txt."
    ),
    "bag-info.txt oppgir en annen signeringsnøkkel enn bag-en har.": (
        "bag-info.txt names another signing key than the bag holds."
    ),
    "Bag-mappens navn stemmer ikke med bag-info.txt.": (
        "The bag folder's name does not match bag-info.txt."
    ),
    # bundles: the data package
    "Datapakken mangler datapackage.json eller risikorapporten.": (
        "The data package lacks datapackage.json or the risk report."
    ),
    "datapackage.json eller risikorapporten er ikke gyldig JSON.": (
        "datapackage.json or the risk report is not valid JSON."
    ),
    "datapackage.json har feil form.": "datapackage.json has the wrong shape.",
    "Datapakken har ikke de tabellene en SamJournal-pakke skal ha.": (
        "The data package does not have the tables a SamJournal bundle has."
    ),
    "Datapakkens filer stemmer ikke med datapackage.json.": (
        "The data package's files do not match datapackage.json."
    ),
    "{}.csv er ikke UTF-8.": "{}.csv is not UTF-8.",
    "{}.csv har kontrolltegn.": "{}.csv has control characters.",
    "{}.csv er ikke gyldig CSV.": "{}.csv is not valid CSV.",
    "{}.csv har feil kolonner.": "{}.csv has the wrong columns.",
    "{}.csv har rader med feil antall felt.": "{}.csv has rows with the wrong number of fields.",
    "{}.csv: versjonen er ikke et tall.": "{}.csv: the version is not a number.",
    "{}.csv: ugyldig id eller versjon.": "{}.csv: invalid id or version.",
    "{}.csv: ugyldig måned eller antall.": "{}.csv: invalid month or count.",
    "{}.csv: en måned står to ganger.": "{}.csv: a month appears twice.",
    "tombstones.csv: ukjent tabell eller grunn.": "tombstones.csv: unknown table or reason.",
    "tombstones.csv: en husstand er sin egen husstand.": (
        "tombstones.csv: a household is its own household."
    ),
    "Pakken bryter k-anonymiteten: en gruppe har {} husstander, studien krever {}.": (
        "The bundle breaks k-anonymity: a group has {} households, the study requires {}."
    ),
    # the evaluator
    "Pakken gjelder studien {}, dette arbeidsområdet studien {}.": (
        "The bundle is for study {}, this workspace for study {}."
    ),
    "Journalen {} er ikke registrert hos evaluator; pakken er signert med nøkkel {}"
    " (fingeravtrykk {}). Få journalens nøkkel fra kommunen, les fingeravtrykket opp over"
    " telefon, og registrer den med «samjournal evaluator journal add».": (
        "Journal {} is not registered with the evaluator; the bundle is signed with key {}"
        " (fingerprint {}). Get the journal's key from the municipality, read the fingerprint"
        " out over the phone, and register it with “samjournal evaluator journal add”."
    ),
    "Journalen {} er registrert med en annen signeringsnøkkel; denne pakken er signert med {}"
    " (fingeravtrykk {}). Sjekk fingeravtrykket med kommunen; har journalen fått ny nøkkel,"
    " registrer den med «samjournal evaluator journal add --new-key».": (
        "Journal {} is registered with another signing key; this bundle is signed with {}"
        " (fingerprint {}). Check the fingerprint with the municipality; if the journal has a"
        " new key, register it with “samjournal evaluator journal add --new-key”."
    ),
    "er ikke en minisign-nøkkelfil": "is not a minisign key file",
    "har tegn som ikke kan skrives": "has characters that cannot be written",
    "skal være journalens id: 32 tegn 0-9 og a-f": (
        "must be the journal's id: 32 characters 0-9 and a-f"
    ),
    "skriv kommune og team, f.eks. «Trondheim, team Øst»": (
        "write the municipality and team, e.g. “Trondheim, team Øst”"
    ),
    "nøkkelen {} er allerede registrert for journal {}; hver journal har sin egen nøkkel": (
        "key {} is already registered for journal {}; each journal has its own key"
    ),
    "journalen {} er registrert med en annen nøkkel; les opp det nye fingeravtrykket med"
    " kommunen og bruk --new-key": (
        "journal {} is registered with another key; read the new fingerprint out with the"
        " municipality and use --new-key"
    ),
    "Kan ikke lese filen: {}.": "Cannot read the file: {}.",
    "Fant ikke noe evaluator-arbeidsområde i den mappen.": "No evaluator workspace in that folder.",
    "{} mangler i arbeidsområdet.": "{} is missing from the workspace.",
    "Arbeidsområdet har en ukjent versjon; oppdater SamJournal.": (
        "The workspace has an unknown version; update SamJournal."
    ),
    "{} finnes allerede; velg et nytt navn": "{} already exists; choose a new name",
    "Kunne ikke skrive identitetsfilen.": "Could not write the identity file.",
    "{} finnes og er ikke tom": "{} exists and is not empty",
    # the export wizard's flow
    "velg en studie journalen kjenner": "choose a study the journal knows",
    "studien har ingen studieprofil; importer study.json først": (
        "the study has no profile; import study.json first"
    ),
    "ingen familie har samtykket til studien ennå": "no family has consented to the study yet",
    "for få familier har samtykket til at noe kan sendes": (
        "too few families have consented for anything to be sent"
    ),
    "kan ikke skrive i mappen": "cannot write in the folder",
    "pakken finnes allerede i mappen": "the bundle is already in the folder",
    "velg studieprofilen (study.json)": "choose the study profile (study.json)",
    "stemmer ikke med fingeravtrykket i filen": "does not match the fingerprint in the file",
    "studien har allerede en annen profil": "the study already has another profile",
}
