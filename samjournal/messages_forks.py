"""Messages by key for restores and accepted losses at the evaluator, in bokmål and English:
its decisions (accept, refuse, withdraw), the journals it holds back, and what to do.

Data only: samjournal/catalogue.py merges these into its catalogue and formats them.
"""

from __future__ import annotations

from collections.abc import Mapping

Words = tuple[str, str]  # (bokmål, English)

MESSAGES: Mapping[str, Words] = {
    # one restore in `evaluator status` (evaluator/forks.py)
    "fork_lost_reach": (
        "; journalen var kommet til {short}",
        "; the journal had come to {short}",
    ),
    "fork_restore_point": (  # where a decided restore went back to, in its decision's line
        "{at} fra hodet {short}{lost}",
        "{at} from the head {short}{lost}",
    ),
    "fork_waiting": (
        "GAFFEL, VENTER PÅ BESLUTNING (gjenoppretting {tag}): journalen sier den ble"
        " gjenopprettet {at} fra hodet {short}, og at hendelsene etter det er tapt{lost}."
        " Pakke {sequence} er avvist til evaluator har bestemt seg. Ring journalens teamleder;"
        " bekreftes den: samjournal evaluator journal reanchor … --id {journal_id} --tag {tag}"
        " --reason …; benektes den: samjournal evaluator journal reject … --id {journal_id}"
        " --tag {tag} --reason …",
        "FORK, WAITING FOR A DECISION (restore {tag}): the journal says it was restored {at}"
        " from the head {short}, and that the events after it are lost{lost}. Bundle"
        " {sequence} is refused until the evaluator decides. Call the journal's team lead; if"
        " confirmed: samjournal evaluator journal reanchor … --id {journal_id} --tag {tag}"
        " --reason …; if denied: samjournal evaluator journal reject … --id {journal_id}"
        " --tag {tag} --reason …",
    ),
    "fork_accepted": (
        "GAFFEL, GODTATT {decided} (gjenoppretting {tag}): journalen ble gjenopprettet {point};"
        " hoder bevitnet her som den ikke bygger videre på, er lagt til side. Grunn: {reason}",
        "FORK, ACCEPTED {decided} (restore {tag}): the journal was restored {point}; heads"
        " witnessed here that it does not extend are set aside. Reason: {reason}",
    ),
    "fork_refused": (
        "GAFFEL, AVVIST {decided} (gjenoppretting {tag}): journalen sa den ble gjenopprettet"
        " {point}; hver pakke som sier det, avvises. Grunn: {reason}",
        "FORK, REFUSED {decided} (restore {tag}): the journal said it was restored {point};"
        " every bundle that says so is refused. Reason: {reason}",
    ),
    # a refused statement dropped to free its tag (evaluator/forget.py)
    "fork_forgotten": (
        "GAFFEL, AVVIST OG LAGT BORT {dropped} (gjenoppretting {tag}): pakke {sequence} sa at"
        " journalen ble gjenopprettet {at} fra hodet {short}{lost}; avvist {refused}: {refusal}."
        " Lagt bort for å frigjøre merket: {reason}. En pakke som sier det igjen, avvises.",
        "FORK, REFUSED AND DROPPED {dropped} (restore {tag}): bundle {sequence} said the journal"
        " was restored {at} from the head {short}{lost}; refused {refused}: {refusal}. Dropped"
        " to free the tag: {reason}. A bundle that says it again is refused.",
    ),
    "write_why_forgotten": (
        "skriv hvorfor den avviste gjenopprettingen legges bort",
        "write why the refused restore is dropped",
    ),
    "forget_only_refused": (
        "bare en avvist gjenoppretting kan legges bort; {tag} er godtatt (trekk beslutningen"
        " tilbake med withdraw)",
        "only a refused restore can be dropped; {tag} is accepted (take the decision back with"
        " withdraw)",
    ),
    "restore_echoes_dropped": (
        "Pakke {sequence} sier at journalen er gjenopprettet {at} fra hodet {short}"
        " (gjenoppretting {tag}): samme gjenopprettingspunkt og samme tap som gjenoppretting"
        " {old}, som evaluator avviste {refused}: {refusal}, og la bort {dropped}: {reason}."
        " Pakken er ikke importert, og gjenopprettingen venter på en beslutning. En ny"
        " gjenoppretting fra samme sikkerhetskopi sier det samme, men det kan også være den"
        " avviste igjen under et nytt merke: spør journalens teamleder. Bekreftes den:"
        " samjournal evaluator journal reanchor ARBEIDSOMRÅDE --id {journal_id} --tag {tag}"
        " --reason «…»; ellers: samjournal evaluator journal reject … --tag {tag} --reason «…».",
        "Bundle {sequence} says the journal was restored {at} from the head {short} (restore"
        " {tag}): the same restore point and the same loss as restore {old}, which the"
        " evaluator refused {refused}: {refusal}, and dropped {dropped}: {reason}. The bundle"
        " was not imported, and the restore waits for a decision. A new restore from the same"
        " backup says the same, but it may also be the refused one again under a new tag: ask"
        " the journal's team lead. If confirmed: samjournal evaluator journal reanchor"
        " WORKSPACE --id {journal_id} --tag {tag} --reason “…”; if not: samjournal evaluator"
        " journal reject … --tag {tag} --reason “…”.",
    ),
    "fork_echoes_dropped": (
        "SAMME SOM EN AVVIST (gjenoppretting {tag}): den sier det samme som gjenoppretting"
        " {old}, avvist {refused}: {refusal}, og lagt bort {dropped}. Spør teamlederen før"
        " du godtar den.",
        "SAME AS A REFUSED ONE (restore {tag}): it says the same as restore {old}, refused"
        " {refused}: {refusal}, and dropped {dropped}. Ask the team lead before accepting it.",
    ),
    "restore_dropped_here": (
        "Pakke {sequence} sier at journalen er gjenopprettet fra hodet {short}"
        " (gjenoppretting {tag}), men evaluator avviste den gjenopprettingen {refused}:"
        " {refusal}, og la den bort {dropped}: {reason}. Den er fortsatt avvist; pakken er ikke"
        " importert og ingenting er lagret. Be journalens teamleder undersøke hvor pakken"
        " kommer fra.",
        "Bundle {sequence} says the journal was restored from the head {short} (restore {tag}),"
        " but the evaluator refused that restore {refused}: {refusal}, and dropped it"
        " {dropped}: {reason}. It is still refused; the bundle was not imported and nothing was"
        " stored. Ask the journal's team lead to find out where the bundle comes from.",
    ),
    # a decision taken back (evaluator/on_top.py): the decision it was, then what was undone
    "fork_withdrawn_was_accepted": (
        "godtatt {at}: {reason}",
        "accepted {at}: {reason}",
    ),
    "fork_withdrawn_was_refused": (
        "avvist {at}: {reason}",
        "refused {at}: {reason}",
    ),
    "fork_withdrawn": (
        "BESLUTNING TILBAKETRUKKET {at} (gjenoppretting {tag}): den var {decided}. Grunn til å"
        " trekke den tilbake: {reason}",
        "DECISION WITHDRAWN {at} (restore {tag}): it was {decided}. Reason for withdrawing it:"
        " {reason}",
    ),
    "fork_withdrawn_on_top": (
        "BESLUTNING TILBAKETRUKKET {at} (gjenoppretting {tag}): den var {decided}. Pakke"
        " {sequences}, importert etter den, er lagt til side, og det de endret er satt tilbake"
        " slik det var før dem: rader satt tilbake: {rows}; slettemeldinger fjernet:"
        " {lifted}{from_10}; husholdninger de meldte ut av studien, som holdes ute til"
        " teamlederen har svart (se under): {kept}. Grunn: {reason}",
        "DECISION WITHDRAWN {at} (restore {tag}): it was {decided}. Bundle {sequences},"
        " imported after it, set aside, and what they changed put back as it was before them:"
        " rows put back: {rows}; tombstones taken away: {lifted}{from_10}; households they said"
        " left the study, kept out until the team lead has answered (see below): {kept}."
        " Reason: {reason}",
    ),
    "fork_withdrawn_from_10": (  # imported on top before schema 11
        " (pakkene kom før skjema 11, som husker slettemeldingene: slettemeldinger for poster de"
        " ikke hadde med, kan være beholdt, og hver husholdning som var ute, regnes som et"
        " spørsmål til journalens neste pakke svarer)",
        " (the bundles came before schema 11, which keeps tombstones: tombstones of records they"
        " did not carry may be kept, and every household that was out counts as a question"
        " until the journal's next bundle answers)",
    ),
    "fork_withdrawn_on_top_10": (  # withdrawn before schema 11, which kept the tombstones
        "BESLUTNING TILBAKETRUKKET {at} (gjenoppretting {tag}): pakke {sequences}, importert"
        " etter den, er lagt til side; {rows} rader er satt tilbake slik de var før dem"
        " (slettemeldingene er beholdt). Grunn: {reason}",
        "DECISION WITHDRAWN {at} (restore {tag}): bundle {sequences}, imported after it, set"
        " aside; {rows} rows put back as they were before them (the tombstones are kept)."
        " Reason: {reason}",
    ),
    # a household a withdrawn line said left the study (evaluator/readmit.py)
    "household_kept_out": (
        "HUSHOLDNING HOLDT UTE ({household}): linjen som ble trukket tilbake {at}"
        " (gjenoppretting {tag}), sa at den gikk ut av studien. Les pseudonymet opp for"
        " journalens teamleder, som finner familien med samjournal study household JOURNAL"
        " --study {study_id} {household}. Bekrefter teamlederen at den aldri gikk ut:"
        " samjournal evaluator journal readmit ARBEIDSOMRÅDE --id {journal_id} --household"
        " {household} --reason «…», og be om en full pakke.",
        "HOUSEHOLD KEPT OUT ({household}): the line withdrawn {at} (restore {tag}) said it left"
        " the study. Read the pseudonym out to the journal's team lead, who finds the family with"
        " samjournal study household JOURNAL --study {study_id} {household}. If the team lead"
        " confirms it never left: samjournal evaluator journal readmit WORKSPACE --id"
        " {journal_id} --household {household} --reason “…”, and ask for a full bundle.",
    ),
    "household_readmitted": (
        "HUSHOLDNING TATT INN IGJEN {at} ({household}): linjen som ble trukket tilbake"
        " (gjenoppretting {tag}), sa at den gikk ut av studien. Grunn: {reason}",
        "HOUSEHOLD TAKEN BACK IN {at} ({household}): the line withdrawn (restore {tag}) said it"
        " left the study. Reason: {reason}",
    ),
    "household_left_journal_says": (
        "HUSHOLDNING UTE ({household}): linjen som ble trukket tilbake (gjenoppretting {tag}),"
        " sa at den gikk ut av studien, og journalen selv sier det samme i pakke {sequence}.",
        "HOUSEHOLD OUT ({household}): the line withdrawn (restore {tag}) said it left the study,"
        " and the journal itself says so too in bundle {sequence}.",
    ),
    "readmit_journal_said_left": (
        "{household} tas ikke inn igjen: journalen selv sier at den gikk ut av studien, i pakke"
        " {sequence}",
        "{household} is not taken back in: the journal itself says it left the study, in bundle"
        " {sequence}",
    ),
    "write_why_readmitted": (
        "skriv hvorfor husholdningen tas inn igjen (--reason): hva sa teamlederen?",
        "write why the household is taken back in (--reason): what did the team lead say?",
    ),
    "readmit_only_kept_out": (
        "{household} er ikke en husholdning som en tilbaketrukket linje holdt ute (eller den er"
        " alt tatt inn igjen); se evaluator status",
        "{household} is not a household a withdrawn line kept out (or it was taken back in"
        " already); see evaluator status",
    ),
    "write_why_withdrawn": (
        "skriv hvorfor beslutningen trekkes tilbake (--reason); den og grunnen blir stående i"
        " status",
        "write why the decision is withdrawn (--reason); it and the reason stay in status",
    ),
    "bundles_freed": (
        "IMPORTER IGJEN: pakke {sequences} ble lagt til side av en tilbaketrekning og er sluppet"
        " fri igjen da beslutningen ble tatt igjen; det de brakte, mangler til de er importert"
        " på nytt (samjournal evaluator import … med de samme filene).",
        "IMPORT AGAIN: bundle {sequences} was set aside by a withdrawal and freed again when"
        " the decision was taken again; what they brought is missing until they are imported"
        " again (samjournal evaluator import … with the same files).",
    ),
    "bundle_withdrawn_aside": (
        "Pakke {sequence} ble importert etter en beslutning som er trukket tilbake, og er lagt"
        " til side (se evaluator status). Den tas ikke inn igjen før beslutningen eventuelt tas"
        " igjen (reanchor).",
        "Bundle {sequence} was imported after a decision that was withdrawn, and is set aside"
        " (see evaluator status). It is not taken in again unless that decision is taken again"
        " (reanchor).",
    ),
    # naming and taking decisions (evaluator/forks.py)
    "name_one_restore": (
        "flere gjenopprettinger passer for journal {journal_id}: {tags}. En beslutning gjelder"
        " én: velg den med --tag (eller --bundle), etter å ha spurt teamlederen hvilken som"
        " er den riktige",
        "several restores match for journal {journal_id}: {tags}. A decision is about one:"
        " choose it with --tag (or --bundle), after asking the team lead which is the right one",
    ),
    "no_decision_journal": (
        "ingen beslutning om en gjenoppretting for journal {journal_id} passer (en som venter,"
        " har ingen ennå: avgjør den med «reanchor» eller «reject»; de som er lagt bort, står i"
        " status)",
        "no decision on a restore for journal {journal_id} matches (one still waiting has none"
        " yet: decide it with “reanchor” or “reject”; those dropped are listed in status)",
    ),
    "write_why_restore_refused": (
        "skriv hvorfor gjenopprettingen avvises",
        "write why the restore is refused",
    ),
    "decision_built_on": (
        "journal {journal_id} har fått pakker importert etter beslutningen før arbeidsområdet"
        " tok vare på hva de endret; den kan ikke trekkes tilbake (en senere godtatt"
        " gjenoppretting som bygger videre på de hodene, legger dem tilbake på linjen)",
        "journal {journal_id} has had bundles imported since the decision before the workspace"
        " kept what they changed; it cannot be withdrawn (a later accepted restore that extends"
        " those heads puts them back on the line)",
    ),
    "later_decision_stands": (
        "en senere godtatt gjenoppretting ({tag}) står; trekk den tilbake først",
        "a later accepted restore ({tag}) stands; withdraw it first",
    ),
    # a bundle held to a decision (evaluator/witness.py, merge.py)
    "restore_refused_here": (
        "Pakke {sequence} sier at journalen er gjenopprettet fra hodet {short}, men evaluator"
        " avviste den gjenopprettingen ({tag}) {decided}: {reason}. Pakken er ikke importert."
        " Be journalens teamleder undersøke journalen; en ekte gjenoppretting etterpå sier fra"
        " om seg selv i neste pakke.",
        "Bundle {sequence} says the journal was restored from the head {short}, but the"
        " evaluator refused that restore ({tag}) {decided}: {reason}. The bundle was not"
        " imported. Ask the journal's team lead to look into the journal; a genuine restore"
        " after this states itself in the next bundle.",
    ),
    "restore_tag_reused": (
        "Pakke {sequence} sier at gjenopprettingen {tag} var fra hodet {short}, men en pakke"
        " før den (nummer {first}) sa at gjenopprettingen med samme merke var en annen"
        " (fra hodet {short2}):"
        " to ulike gjenopprettinger bærer samme merke, så journalens opplysninger om"
        " gjenopprettinger er endret. Pakken er ikke importert og ingenting er lagret; ta ingen"
        " beslutning om {tag} på grunnlag av den. Journalen må undersøkes: ring journalens"
        " teamleder.",
        "Bundle {sequence} says the restore {tag} was from the head {short}, but a bundle"
        " before it (number {first}) said the restore with the same tag was another one"
        " (from the head {short2}):"
        " two different restores carry the same tag, so the journal's records of its restores"
        " were edited. The bundle was not imported and nothing was stored; take no decision on"
        " {tag} because of it. The journal must be looked into: call the journal's team lead.",
    ),
    "restore_echo_note": (  # in a message on a statement that repeats a dropped refusal
        " Den sier det samme som gjenoppretting {old}, som evaluator avviste {refused}:"
        " {refusal}, og la bort {dropped}: {reason}.",
        " It says the same as restore {old}, which the evaluator refused {refused}: {refusal},"
        " and dropped {dropped}: {reason}.",
    ),
    "restore_would_undo_decision": (
        "Pakke {sequence} sier at journalen er gjenopprettet {at} fra hodet {short}"
        " (gjenoppretting {new}).{echo} Å godta den ville oppheve evaluators beslutning {decided}"
        " om å ta journalen videre fra gjenopprettingen {tag}, og legge til side for godt"
        " hodene {heads}, som er bevitnet her etter den beslutningen. Pakken er ikke importert."
        " Den kan komme fra den gamle journalen som gjenopprettingen la til side"
        " (….before-restore-…). Ta den videre bare hvis journalens teamleder bekrefter at det"
        " er denne journalen som er i bruk, og ikke den som ble tatt videre: samjournal"
        " evaluator journal reanchor … --id {journal_id} --tag {new} --reason «…»; ellers:"
        " samjournal evaluator journal reject … --id {journal_id} --tag {new} --reason «…».",
        "Bundle {sequence} says the journal was restored {at} from the head {short} (restore"
        " {new}).{echo} Accepting it would undo the evaluator's decision of {decided} to take the"
        " journal on from the restore {tag}, and set aside for good the heads {heads},"
        " witnessed here after that decision. The bundle was not imported. It may come from"
        " the old journal that restore kept aside (….before-restore-…). Take it on only if the"
        " journal's team lead confirms that this journal is the one in use, not the one taken"
        " on: samjournal evaluator journal reanchor … --id {journal_id} --tag {new} --reason"
        " “…”; otherwise: samjournal evaluator journal reject … --id {journal_id} --tag {new}"
        " --reason “…”.",
    ),
    "restore_from_replaced_line": (
        "Pakke {sequence} sier at journalen er gjenopprettet {at} fra hodet {short}, før"
        " gjenopprettingen {tag} ({restored_at}) som evaluator tok journalen videre fra"
        " {decided}: den kommer fra linjen den gjenopprettingen erstattet.{echo} Å godta den ville"
        " oppheve den beslutningen og legge til side hodene {heads}, bevitnet her etter den."
        " Pakken er avvist og ingenting er lagret. Be journalens teamleder undersøke hvor"
        " pakken kommer fra (for eksempel den gamle journalen, ….before-restore-…).",
        "Bundle {sequence} says the journal was restored {at} from the head {short}, before the"
        " restore {tag} ({restored_at}) the evaluator took the journal on from {decided}: it"
        " comes from the line that restore replaced.{echo} Accepting it would undo that"
        " decision and set aside the heads {heads}, witnessed here after it. The bundle is"
        " refused and"
        " nothing was stored. Ask the journal's team lead to find out where the bundle comes"
        " from (for example the old journal, ….before-restore-…).",
    ),
    "journal_restarted": (
        "journal {journal} er gjenopprettet og tatt videre fra hodet {short}: dens {gone} rader"
        " her er erstattet av denne fulle pakken; slettemeldingene er beholdt",
        "journal {journal} was restored and taken on from the head {short}: its {gone} rows here"
        " are replaced by this full bundle; the tombstones are kept",
    ),
    "journal_says_restored": (
        "journalen sier den er gjenopprettet {at} fra hodet {short}{lost}",
        "the journal says it was restored {at} from the head {short}{lost}",
    ),
    "journal_blocked": (
        "SPERRET: journalens siste pakke ({sequence}) ble avvist {at}: {why}",
        "BLOCKED: the journal's last bundle ({sequence}) was refused {at}: {why}",
    ),
    # a bundle signed with another key, refused, that takes nothing (evaluator/refusals.py)
    "journal_refused_copy": (
        "En pakke som sa den var nummer {sequence}, signert med en annen nøkkel, ble avvist {at}"
        " (pakke {sequence} som alt er lagret, står: ingenting mangler): {why}",
        "A bundle claiming to be number {sequence}, signed with another key, was refused {at}"
        " (the bundle {sequence} already stored stands: nothing is missing): {why}",
    ),
    "journal_refused_older_number": (
        "En pakke som sa den var nummer {sequence}, signert med en annen nøkkel, ble avvist {at}"
        " (journalens nyere pakker er lagret: den er ikke sperret): {why}",
        "A bundle claiming to be number {sequence}, signed with another key, was refused {at}"
        " (the journal's newer bundles are stored: it is not blocked): {why}",
    ),
    # moved from messages_evaluation.py: a restore held, decided, set aside (evaluator/witness.py)
    "journal_restored_from_older": (
        "Journalen er gjenopprettet fra en eldre sikkerhetskopi: pakke {sequence} sier, under "
        "journalens signatur, at loggen går videre fra hodet {short} ({at}) og at hendelsene "
        "etter det er tapt, også hodet {short2} som er bevitnet her. Pakken er ikke "
        "importert. Ta journalen videre derfra bare etter å ha snakket med journalens "
        "teamleder: samjournal evaluator journal reanchor ARBEIDSOMRÅDE --id {journal_id} "
        "--tag {tag} --reason «…», og importer pakken igjen (benekter teamlederen den: "
        "samjournal evaluator journal reject … --tag {tag} --reason «…»).",
        "The journal was restored from an older backup: bundle {sequence} says, under the "
        "journal's signature, that the log goes on from the head {short} ({at}) and that the "
        "events after it are lost, the head {short2} witnessed here among them. The bundle "
        "was not imported. Take the journal on from there only after talking to its team "
        "lead: samjournal evaluator journal reanchor WORKSPACE --id {journal_id} --tag {tag} "
        "--reason “…”, and import the bundle again (if the team lead denies it: samjournal "
        "evaluator journal reject … --tag {tag} --reason “…”).",
    ),
    "write_why_journal_taken": (
        "skriv hvorfor journalen tas videre fra gjenopprettingen",
        "write why the journal is taken on from the restore",
    ),
    "restore_waiting_journal_bundle": (
        "ingen gjenoppretting venter for journal {journal_id}: bare en pakke som sier fra om "
        "en gjenoppretting kan forankres på nytt, en omskrevet logg aldri",
        "no restore is waiting for journal {journal_id}: only a bundle that states a restore "
        "can be re-anchored, a rewritten log never",
    ),
    "bundle_from_withdrawn_line": (
        "Pakke {sequence} er fra en linje som ble lagt til side da beslutningen om"
        " gjenoppretting {tag} ble trukket tilbake (se evaluator status). Pakken er ikke"
        " importert. Ta beslutningen igjen bare hvis journalens teamleder bekrefter at denne"
        " linjen er journalen som er i bruk: samjournal evaluator journal reanchor"
        " ARBEIDSOMRÅDE --id {journal_id} --tag {tag} --reason «…».",
        "Bundle {sequence} is from a line set aside when the decision on restore {tag} was"
        " withdrawn (see evaluator status). The bundle was not imported. Take the decision"
        " again only if the journal's team lead confirms this line is the journal in use:"
        " samjournal evaluator journal reanchor WORKSPACE --id {journal_id} --tag {tag}"
        " --reason “…”.",
    ),
    "bundle_from_set_aside_line": (
        "Pakke {sequence} er fra journalens gamle linje, som ble lagt til side da evaluator"
        " {at} tok journalen videre fra hodet {short} (gjenoppretting {tag}: {reason}). Pakken"
        " er ikke importert og blir aldri et bevitnet hode her; rader den ville sluppet ut,"
        " regnes som trukket tilbake. Sier journalens teamleder at pakken kommer fra journalen"
        " som er i bruk, var den beslutningen feil: samjournal evaluator journal withdraw"
        " ARBEIDSOMRÅDE --id {journal_id} --tag {tag} --reason «…», og importer pakken igjen.",
        "Bundle {sequence} is from the journal's old line, set aside when the evaluator took the"
        " journal on from the head {short} on {at} (restore {tag}: {reason}). The bundle was"
        " not imported and never becomes a witnessed head here; rows it would have released"
        " count as withdrawn. If the journal's team lead says the bundle comes from the journal"
        " in use, that decision was a mistake: samjournal evaluator journal withdraw WORKSPACE"
        " --id {journal_id} --tag {tag} --reason “…”, and import the bundle again.",
    ),
}
