<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About SamJournal</source>
            <translation>Om SamJournal</translation>
        </message>
        <message>
            <source>SamJournal %1</source>
            <translation>SamJournal %1</translation>
        </message>
        <message>
            <source>Program version</source>
            <translation>Programversjon</translation>
        </message>
        <message>
            <source>An encrypted case journal for trust-based, co-created family support. SamJournal is free software under the EUPL-1.2.</source>
            <translation>En kryptert saksjournal for tillitsbasert, samskapt familiestøtte. SamJournal er fri programvare under EUPL-1.2.</translation>
        </message>
        <message>
            <source>Licences of the bundled components</source>
            <translation>Lisensene til de medfølgende komponentene</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Lukk</translation>
        </message>
        <message>
            <source>This journal</source>
            <translation>Denne journalen</translation>
        </message>
        <message>
            <source>No journal is open.</source>
            <translation>Ingen journal er åpen.</translation>
        </message>
        <message>
            <source>Journal id</source>
            <translation>Journal-ID</translation>
        </message>
        <message>
            <source>Key fingerprint</source>
            <translation>Nøkkelens fingeravtrykk</translation>
        </message>
        <message>
            <source>Qt and PySide6 are used under the GNU LGPL version 3 (%1). They are separate libraries in the program folder, and you may replace them with your own build of the same version. Their source code is at %2 and %3.</source>
            <translation>Qt og PySide6 brukes under GNU LGPL versjon 3 (%1). De er egne biblioteker i programmappen, og du kan bytte dem ut med ditt eget bygg av samme versjon. Kildekoden finnes på %2 og %3.</translation>
        </message>
        <message>
            <source>The full licence texts are in %1.</source>
            <translation>De fullstendige lisenstekstene ligger i %1.</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>Komponent</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versjon</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Lisens</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Hvor</translation>
        </message>
        <message>
            <source>Bundled components</source>
            <translation>Medfølgende komponenter</translation>
        </message>
        <message>
            <source>DejaVu fonts licence</source>
            <translation>Lisensen til DejaVu-skriftene</translation>
        </message>
    </context>
    <context>
        <name>AccessLogDialog</name>
        <message>
            <source>Access log for case %1</source>
            <translation>Innsynslogg for sak %1</translation>
        </message>
        <message>
            <source>Who has viewed, printed or changed the family's records, and when: the family's right to know. It shows no record content. Printing it is recorded in the audit log.</source>
            <translation>Hvem som har sett, skrevet ut eller endret familiens opplysninger, og når: familiens rett til innsyn. Den viser ikke noe av innholdet i journalen. Utskriften registreres i revisjonsloggen.</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>S&amp;pråk:</translation>
        </message>
    </context>
    <context>
        <name>Accessibility</name>
        <message>
            <source>Vertical scroll bar</source>
            <translation>Loddrett rullefelt</translation>
        </message>
        <message>
            <source>Horizontal scroll bar</source>
            <translation>Vannrett rullefelt</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>Informasjon</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>Spørsmål</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Advarsel</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Feil</translation>
        </message>
    </context>
    <context>
        <name>AddStudyDialog</name>
        <message>
            <source>Add study</source>
            <translation>Legg inn studie</translation>
        </message>
        <message>
            <source>The id from the study profile</source>
            <translation>ID-en fra studieprofilen</translation>
        </message>
        <message>
            <source>Study &amp;id:</source>
            <translation>Studie-&amp;ID:</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Navn:</translation>
        </message>
        <message>
            <source>For consents given before the study profile has come. Use the id the evaluator gives the study: the profile, imported later under Team lead → Import study profile…, completes this study. Exports wait for it.</source>
            <translation>For samtykker gitt før studieprofilen er kommet. Bruk den id-en evaluator gir studien: studieprofilen, importert senere under Leder → Importer studieprofil…, gjør studien komplett. Eksport venter på den.</translation>
        </message>
    </context>
    <context>
        <name>AddUserDialog</name>
        <message>
            <source>Add user</source>
            <translation>Legg til bruker</translation>
        </message>
        <message>
            <source>e.g. kari.nilsen</source>
            <translation>f.eks. kari.nilsen</translation>
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation>&amp;Brukernavn:</translation>
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation>&amp;Fullt navn:</translation>
        </message>
        <message>
            <source>R&amp;epeat:</source>
            <translation>&amp;Gjenta:</translation>
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation>&amp;Rolle:</translation>
        </message>
        <message>
            <source>First &amp;passphrase:</source>
            <translation>Første &amp;passordfrase:</translation>
        </message>
        <message>
            <source>is not the same</source>
            <translation>er ikke lik</translation>
        </message>
    </context>
    <context>
        <name>Answers</name>
        <message>
            <source>Not answered</source>
            <translation>Ikke besvart</translation>
        </message>
        <message>
            <source>Strongly disagree</source>
            <translation>Helt uenig</translation>
        </message>
        <message>
            <source>Somewhat disagree</source>
            <translation>Litt uenig</translation>
        </message>
        <message>
            <source>Neither agree nor disagree</source>
            <translation>Verken enig eller uenig</translation>
        </message>
        <message>
            <source>Somewhat agree</source>
            <translation>Litt enig</translation>
        </message>
        <message>
            <source>Strongly agree</source>
            <translation>Helt enig</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Ja</translation>
        </message>
        <message>
            <source>No</source>
            <translation>Nei</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Making the demo journal with made-up families…</source>
            <translation>Lager demojournalen med oppdiktede familier…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>SamJournal demo</source>
            <translation>SamJournal demo</translation>
        </message>
        <message>
            <source>Stopping after the current step…</source>
            <translation>Stopper etter dette trinnet…</translation>
        </message>
        <message>
            <source>Open a journal folder</source>
            <translation>Åpne en journalmappe</translation>
        </message>
    </context>
    <context>
        <name>ApprovalsPage</name>
        <message>
            <source>Proposed</source>
            <translation>Foreslått</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Sak</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Familie</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Beløp</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Formål</translation>
        </message>
        <message>
            <source>Left of budget</source>
            <translation>Igjen av budsjett</translation>
        </message>
        <message>
            <source>Proposed by</source>
            <translation>Foreslått av</translation>
        </message>
        <message>
            <source>Payments waiting for approval</source>
            <translation>Utbetalinger som venter på godkjenning</translation>
        </message>
        <message>
            <source>Payments over the approval limit, waiting for a team lead</source>
            <translation>Utbetalinger over godkjenningsgrensen som venter på en teamleder</translation>
        </message>
        <message>
            <source>App&amp;rove</source>
            <translation>&amp;Godkjenn</translation>
        </message>
        <message>
            <source>Re&amp;ject…</source>
            <translation>Avsl&amp;å…</translation>
        </message>
        <message>
            <source>&amp;Open family</source>
            <translation>Å&amp;pne familien</translation>
        </message>
        <message>
            <source>No payments are waiting for approval.</source>
            <translation>Ingen utbetalinger venter på godkjenning.</translation>
        </message>
        <message>
            <source>Need:</source>
            <translation>Behov:</translation>
        </message>
        <message>
            <source>The family's words:</source>
            <translation>Familiens ord:</translation>
        </message>
        <message>
            <source>Choose a payment to see its need and the family's words.</source>
            <translation>Velg en utbetaling for å se behovet og familiens ord.</translation>
        </message>
        <message>
            <source>(none recorded)</source>
            <translation>(ikke skrevet ned)</translation>
        </message>
        <message>
            <source>Choose a payment first.</source>
            <translation>Velg en utbetaling først.</translation>
        </message>
        <message>
            <source>Approved: %1 to %2 for “%3”.</source>
            <translation>Godkjent: %1 til %2 for «%3».</translation>
        </message>
        <message>
            <source>Rejected: %1 to %2 for “%3”.</source>
            <translation>Avslått: %1 til %2 for «%3».</translation>
        </message>
    </context>
    <context>
        <name>BackToCases</name>
        <message>
            <source>← &amp;Case list</source>
            <translation>← &amp;Saksliste</translation>
        </message>
        <message>
            <source>Back to the case list (Esc, Alt+Left)</source>
            <translation>Tilbake til sakslisten (Esc, Alt+Venstre)</translation>
        </message>
    </context>
    <context>
        <name>BatchPrintDialog</name>
        <message>
            <source>Print case summaries</source>
            <translation>Skriv ut saksoppsummeringer</translation>
        </message>
        <message>
            <source>and %1 more</source>
            <translation>og %1 til</translation>
        </message>
        <message numerus="yes">
            <source>A case summary for each of the %n selected families:</source>
            <translation>
                <numerusform>En saksoppsummering for den valgte familien:</numerusform>
                <numerusform>En saksoppsummering for hver av de %n valgte familiene:</numerusform>
            </translation>
        </message>
        <message>
            <source>Selected families</source>
            <translation>Valgte familier</translation>
        </message>
        <message>
            <source>Show &amp;full identity numbers</source>
            <translation>Vis hele fødsels&amp;numre</translation>
        </message>
        <message>
            <source>Otherwise they are masked (010190 •••••).</source>
            <translation>Ellers skjules de delvis (010190 •••••).</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Språk</translation>
        </message>
        <message>
            <source>Send to a pr&amp;inter</source>
            <translation>Send til en &amp;skriver</translation>
        </message>
        <message>
            <source>Save as PDF files in a f&amp;older</source>
            <translation>Lagre som PDF-filer i en m&amp;appe</translation>
        </message>
        <message>
            <source>No folder chosen</source>
            <translation>Ingen mappe valgt</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Mappe</translation>
        </message>
        <message>
            <source>&amp;Choose folder…</source>
            <translation>&amp;Velg mappe…</translation>
        </message>
        <message>
            <source>Files are named by case number, e.g. %1.</source>
            <translation>Filene får navn etter saksnummeret, f.eks. %1.</translation>
        </message>
        <message>
            <source>Identity numbers:</source>
            <translation>Fødselsnumre:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>S&amp;pråk:</translation>
        </message>
        <message>
            <source>Destination:</source>
            <translation>Hvor:</translation>
        </message>
        <message>
            <source>%v of %m</source>
            <translation>%v av %m</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Fremdrift</translation>
        </message>
        <message>
            <source>Summaries are built one at a time; you can stop between two.</source>
            <translation>Oppsummeringene lages én om gangen; du kan stoppe mellom to.</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>&amp;Print</source>
            <translation>Skriv &amp;ut</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Lagre</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>Skriv &amp;ut…</translation>
        </message>
        <message>
            <source>case summaries</source>
            <translation>saksoppsummeringer</translation>
        </message>
        <message>
            <source>The folder does not exist.</source>
            <translation>Mappen finnes ikke.</translation>
        </message>
        <message>
            <source>&amp;Stop</source>
            <translation>&amp;Stopp</translation>
        </message>
        <message>
            <source>Stop after the current family</source>
            <translation>Stopp etter familien som lages nå</translation>
        </message>
        <message>
            <source>Case %1 (%2 of %3)…</source>
            <translation>Sak %1 (%2 av %3)…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Lukk</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Lukk</translation>
        </message>
        <message numerus="yes">
            <source>Saved %1 of %n summaries in %2.</source>
            <translation>
                <numerusform>Lagret %1 av %n oppsummering i %2.</numerusform>
                <numerusform>Lagret %1 av %n oppsummeringer i %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Saved %1 of %n summaries.</source>
            <translation>
                <numerusform>Lagret %1 av %n oppsummering.</numerusform>
                <numerusform>Lagret %1 av %n oppsummeringer.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Sent %1 of %n summaries to the printer.</source>
            <translation>
                <numerusform>Sendte %1 av %n oppsummering til skriveren.</numerusform>
                <numerusform>Sendte %1 av %n oppsummeringer til skriveren.</numerusform>
            </translation>
        </message>
        <message>
            <source>Stopped.</source>
            <translation>Stoppet.</translation>
        </message>
        <message>
            <source>Stopping after the current family…</source>
            <translation>Stopper etter familien som lages nå…</translation>
        </message>
    </context>
    <context>
        <name>BudgetBar</name>
        <message>
            <source>Budget</source>
            <translation>Budsjett</translation>
        </message>
        <message>
            <source>remaining %1 of %2</source>
            <translation>gjenstår %1 av %2</translation>
        </message>
        <message>
            <source>%1 of the frame approved or paid: %2</source>
            <translation>%1 av rammen er godkjent eller utbetalt: %2</translation>
        </message>
        <message>
            <source>Budget frame %1, remaining %2</source>
            <translation>Budsjettramme %1, gjenstår %2</translation>
        </message>
    </context>
    <context>
        <name>BundleRiskDialog</name>
        <message>
            <source>Risk report</source>
            <translation>Risikorapport</translation>
        </message>
        <message>
            <source>Bundle %1 to “%2”, exported %3 by %4</source>
            <translation>Pakke %1 til «%2», eksportert %3 av %4</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Lukk</translation>
        </message>
    </context>
    <context>
        <name>CaseListModel</name>
        <message>
            <source>Case</source>
            <translation>Sak</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Familie</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Familiekoordinator</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Open needs</source>
            <translation>Åpne behov</translation>
        </message>
        <message>
            <source>Budget used</source>
            <translation>Budsjett brukt</translation>
        </message>
        <message>
            <source>Last meeting</source>
            <translation>Siste møte</translation>
        </message>
        <message>
            <source>Next meeting</source>
            <translation>Neste møte</translation>
        </message>
        <message>
            <source>Check-in</source>
            <translation>Kartlegging</translation>
        </message>
        <message>
            <source>%1: a check-in due now or overdue; empty when none is due</source>
            <translation>%1: en kartlegging som venter nå eller er forsinket; tom når ingen venter</translation>
        </message>
        <message>
            <source>%1 of %2 approved or paid</source>
            <translation>%1 av %2 godkjent eller utbetalt</translation>
        </message>
    </context>
    <context>
        <name>CaseListPage</name>
        <message>
            <source>Search names, meeting notes, needs and payments (Ctrl+F)</source>
            <translation>Søk i navn, møtenotater, behov og utbetalinger (Ctrl+F)</translation>
        </message>
        <message>
            <source>Search the case list</source>
            <translation>Søk i sakslisten</translation>
        </message>
        <message>
            <source>My families</source>
            <translation>Mine familier</translation>
        </message>
        <message>
            <source>All families</source>
            <translation>Alle familier</translation>
        </message>
        <message>
            <source>Whose families</source>
            <translation>Hvem sine familier</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Aktive</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>På pause</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Avsluttede</translation>
        </message>
        <message>
            <source>Active and paused</source>
            <translation>Aktive og på pause</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Alle statuser</translation>
        </message>
        <message>
            <source>Status filter</source>
            <translation>Statusfilter</translation>
        </message>
        <message>
            <source>&amp;New family…</source>
            <translation>&amp;Ny familie…</translation>
        </message>
        <message>
            <source>New family</source>
            <translation>Ny familie</translation>
        </message>
        <message>
            <source>Print case &amp;summaries…</source>
            <translation>Skriv ut saks&amp;oppsummeringer…</translation>
        </message>
        <message>
            <source>A case summary for each selected family, to a printer or a folder (Ctrl+Shift+B). Select several with Ctrl+click or Shift+click.</source>
            <translation>En saksoppsummering for hver valgte familie, til en skriver eller en mappe (Ctrl+Shift+B). Velg flere med Ctrl+klikk eller Shift+klikk.</translation>
        </message>
        <message>
            <source>Case list</source>
            <translation>Saksliste</translation>
        </message>
        <message>
            <source>Number of families shown</source>
            <translation>Antall familier som vises</translation>
        </message>
        <message>
            <source>%1's families</source>
            <translation>Familiene til %1</translation>
        </message>
        <message numerus="yes">
            <source>%n families match the search (%1 in the list)</source>
            <translation>
                <numerusform>%n familie passer med søket (%1 i listen)</numerusform>
                <numerusform>%n familier passer med søket (%1 i listen)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n families shown</source>
            <translation>
                <numerusform>%1 av %n familie vises</numerusform>
                <numerusform>%1 av %n familier vises</numerusform>
            </translation>
        </message>
        <message>
            <source>No families here yet. Add the first one with New family… (%1); it then shows here, and the search finds it.</source>
            <translation>Ingen familier her ennå. Legg til den første med Ny familie… (%1); den vises da her, og søket finner den.</translation>
        </message>
        <message>
            <source>No family matches the search. Check the spelling, or search for the beginning of a word.</source>
            <translation>Ingen familie passer med søket. Sjekk stavemåten, eller søk på begynnelsen av et ord.</translation>
        </message>
        <message>
            <source>No families with this status. Choose another status above.</source>
            <translation>Ingen familier med denne statusen. Velg en annen status ovenfor.</translation>
        </message>
    </context>
    <context>
        <name>CaseSummaryDialog</name>
        <message>
            <source>Case summary for case %1</source>
            <translation>Saksoppsummering for sak %1</translation>
        </message>
        <message>
            <source>Members, needs, meetings, payments, check-ins and consents, for the whole case or a period. Printing it is recorded in the audit log.</source>
            <translation>Medlemmer, behov, møter, utbetalinger, kartlegginger og samtykker, for hele saken eller en periode. Utskriften blir registrert i revisjonsloggen.</translation>
        </message>
        <message>
            <source>Pe&amp;riod:</source>
            <translation>Pe&amp;riode:</translation>
        </message>
        <message>
            <source>Show &amp;full identity numbers</source>
            <translation>Vis hele fødsels&amp;numre</translation>
        </message>
        <message>
            <source>Only when the reader needs them. Otherwise they are masked (010190 •••••).</source>
            <translation>Bare når leseren trenger dem. Ellers skjules de delvis (010190 •••••).</translation>
        </message>
        <message>
            <source>Identity numbers:</source>
            <translation>Fødselsnumre:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>S&amp;pråk:</translation>
        </message>
    </context>
    <context>
        <name>ChangePassphraseDialog</name>
        <message>
            <source>Change passphrase</source>
            <translation>Bytt passordfrase</translation>
        </message>
        <message>
            <source>&amp;Current passphrase:</source>
            <translation>&amp;Nåværende passordfrase:</translation>
        </message>
        <message>
            <source>&amp;New passphrase:</source>
            <translation>N&amp;y passordfrase:</translation>
        </message>
        <message>
            <source>R&amp;epeat:</source>
            <translation>&amp;Gjenta:</translation>
        </message>
        <message>
            <source>is not the same</source>
            <translation>er ikke lik</translation>
        </message>
        <message>
            <source>is not your current passphrase</source>
            <translation>er ikke passordfrasen din nå</translation>
        </message>
    </context>
    <context>
        <name>CheckinDialog</name>
        <message>
            <source>Record check-in</source>
            <translation>Registrer kartlegging</translation>
        </message>
        <message>
            <source>Edit check-in</source>
            <translation>Endre kartlegging</translation>
        </message>
        <message>
            <source>%1 (version %2)</source>
            <translation>%1 (versjon %2)</translation>
        </message>
        <message>
            <source>&amp;Instrument:</source>
            <translation>&amp;Skjema:</translation>
        </message>
        <message>
            <source>&amp;Occasion:</source>
            <translation>&amp;Anledning:</translation>
        </message>
        <message>
            <source>Respondents</source>
            <translation>Hvem svarer</translation>
        </message>
        <message>
            <source>One page per respondent (Ctrl+Tab for the next). A question left at “Not answered” is saved as not answered; a page without answers is not saved.</source>
            <translation>Én side per person som svarer (Ctrl+Tab for neste). Et spørsmål som står på «Ikke besvart», lagres som ikke besvart; en side uten svar lagres ikke.</translation>
        </message>
        <message>
            <source>No adult is recorded in the family: add the members (Overview, Add member) to record their own answers.</source>
            <translation>Ingen voksne er registrert i familien: legg inn medlemmene (Oversikt, Legg til medlem) for å registrere deres egne svar.</translation>
        </message>
        <message>
            <source>No check-in is due.</source>
            <translation>Ingen kartlegging venter.</translation>
        </message>
        <message>
            <source>The check-ins are saved.</source>
            <translation>Kartleggingene er lagret.</translation>
        </message>
        <message>
            <source>The check-in is saved.</source>
            <translation>Kartleggingen er lagret.</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Dato:</translation>
        </message>
    </context>
    <context>
        <name>CheckinPage</name>
        <message>
            <source>Caseworker</source>
            <translation>Familiekoordinator</translation>
        </message>
        <message>
            <source>The family together</source>
            <translation>Familien sammen</translation>
        </message>
        <message>
            <source>Your own assessment as the caseworker.</source>
            <translation>Din egen vurdering som familiekoordinator.</translation>
        </message>
        <message>
            <source>%1 answers (child).</source>
            <translation>%1 svarer (barn).</translation>
        </message>
        <message>
            <source>%1 answers (adult).</source>
            <translation>%1 svarer (voksen).</translation>
        </message>
    </context>
    <context>
        <name>CheckinsTab</name>
        <message>
            <source>Check-ins due</source>
            <translation>Kartlegginger som venter</translation>
        </message>
        <message>
            <source>Show &amp;domains</source>
            <translation>Vis &amp;områder</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Dato</translation>
        </message>
        <message>
            <source>Occasion</source>
            <translation>Anledning</translation>
        </message>
        <message>
            <source>Other answers</source>
            <translation>Andre svar</translation>
        </message>
        <message>
            <source>Check-ins</source>
            <translation>Kartlegginger</translation>
        </message>
        <message>
            <source>Answers of the chosen check-in</source>
            <translation>Svarene i valgt kartlegging</translation>
        </message>
        <message>
            <source>Choose a check-in to see all its answers.</source>
            <translation>Velg en kartlegging for å se alle svarene.</translation>
        </message>
        <message>
            <source>&amp;Record check-in…</source>
            <translation>&amp;Registrer kartlegging…</translation>
        </message>
        <message>
            <source>&amp;Edit check-in…</source>
            <translation>&amp;Endre kartlegging…</translation>
        </message>
        <message>
            <source>Change the answers; the earlier version is kept</source>
            <translation>Endre svarene; den forrige versjonen tas vare på</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Familiekoordinator</translation>
        </message>
        <message>
            <source>The family together</source>
            <translation>Familien sammen</translation>
        </message>
        <message>
            <source>%1, %2 — %3 (version %4)</source>
            <translation>%1, %2 — %3 (versjon %4)</translation>
        </message>
        <message>
            <source>Occasion: %1</source>
            <translation>Anledning: %1</translation>
        </message>
        <message>
            <source>Choose a check-in in the list first.</source>
            <translation>Velg en kartlegging i listen først.</translation>
        </message>
        <message>
            <source>No check-ins yet: record one first.</source>
            <translation>Ingen kartlegginger ennå: registrer en kartlegging først.</translation>
        </message>
    </context>
    <context>
        <name>ConsentsTab</name>
        <message>
            <source>Member</source>
            <translation>Medlem</translation>
        </message>
        <message>
            <source>Study</source>
            <translation>Studie</translation>
        </message>
        <message>
            <source>Given on</source>
            <translation>Gitt</translation>
        </message>
        <message>
            <source>Recorded by</source>
            <translation>Registrert av</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Consents</source>
            <translation>Samtykker</translation>
        </message>
        <message>
            <source>Consents are never edited: to correct one, withdraw it and record it anew.</source>
            <translation>Samtykker endres aldri: for å rette et, trekk det tilbake og registrer det på nytt.</translation>
        </message>
        <message>
            <source>&amp;Record consent…</source>
            <translation>&amp;Registrer samtykke…</translation>
        </message>
        <message>
            <source>&amp;Withdraw consent…</source>
            <translation>&amp;Trekk tilbake samtykke…</translation>
        </message>
        <message>
            <source>Add &amp;study…</source>
            <translation>Legg inn studi&amp;e…</translation>
        </message>
        <message>
            <source>No study is registered in this journal yet; a team lead adds studies.</source>
            <translation>Ingen studie er lagt inn i journalen ennå; en teamleder legger inn studier.</translation>
        </message>
        <message>
            <source>Consents are given by adult members; add one first.</source>
            <translation>Samtykke gis av voksne medlemmer; legg til en voksen først.</translation>
        </message>
        <message>
            <source>Choose an active consent first.</source>
            <translation>Velg et aktivt samtykke først.</translation>
        </message>
        <message>
            <source>Withdraw consent</source>
            <translation>Trekk tilbake samtykke</translation>
        </message>
        <message>
            <source>Withdraw %1's consent to %2 from today? Data for this family stops being exported to the study, and the next export tells the study to remove what it was sent before.</source>
            <translation>Trekke tilbake samtykket fra %1 til %2 fra i dag? Data om familien slutter da å bli sendt til studien, og neste eksport ber studien fjerne det den har fått før.</translation>
        </message>
        <message>
            <source>&amp;Withdraw</source>
            <translation>&amp;Trekk tilbake</translation>
        </message>
    </context>
    <context>
        <name>DeleteForGoodDialog</name>
        <message>
            <source>For example: retention period ended</source>
            <translation>For eksempel: oppbevaringstiden er ute</translation>
        </message>
        <message>
            <source>The reason stays in the audit log: do not write names or numbers.</source>
            <translation>Begrunnelsen blir stående i revisjonsloggen: ikke skriv navn eller numre.</translation>
        </message>
        <message>
            <source>I &amp;understand that this cannot be undone</source>
            <translation>Jeg &amp;forstår at dette ikke kan angres</translation>
        </message>
    </context>
    <context>
        <name>DiffModel</name>
        <message>
            <source>changed</source>
            <translation>endret</translation>
        </message>
    </context>
    <context>
        <name>DraftRow</name>
        <message>
            <source>Remove this row</source>
            <translation>Fjern denne linjen</translation>
        </message>
    </context>
    <context>
        <name>Due</name>
        <message>
            <source>Check-in overdue (%1): it was due on %2</source>
            <translation>Kartlegging forsinket (%1): skulle vært gjort %2</translation>
        </message>
        <message>
            <source>Check-in due (%1) since %2</source>
            <translation>Kartlegging venter (%1) fra %2</translation>
        </message>
        <message>
            <source>No check-in due</source>
            <translation>Ingen kartlegging venter</translation>
        </message>
    </context>
    <context>
        <name>EraseFamily</name>
        <message>
            <source>Erase family</source>
            <translation>Slett familien for godt</translation>
        </message>
        <message>
            <source>Erase %1 (case %2) at the family's request? The case and everything recorded about it is deleted for good: members, meetings, needs, payments, check-ins, consents and their history. The audit log keeps only that the case was erased, and why. It cannot be undone. Older backups still hold the family until they are replaced.</source>
            <translation>Slette %1 (sak %2) etter krav fra familien? Saken og alt som er registrert om den, slettes for godt: medlemmer, møter, behov, utbetalinger, kartlegginger, samtykker og historikken deres. Revisjonsloggen beholder bare at saken ble slettet, og hvorfor. Det kan ikke angres. Eldre sikkerhetskopier har fortsatt familien til de blir erstattet.</translation>
        </message>
        <message>
            <source>&amp;Erase for good</source>
            <translation>&amp;Slett for godt</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message numerus="yes">
            <source>Too many failed attempts. Wait %n second(s) and try again.</source>
            <translation>
                <numerusform>For mange mislykkede forsøk. Vent %n sekund og prøv igjen.</numerusform>
                <numerusform>For mange mislykkede forsøk. Vent %n sekunder og prøv igjen.</numerusform>
            </translation>
        </message>
        <message>
            <source>Wrong passphrase. Check it and try again (is Caps Lock on?).</source>
            <translation>Feil passordfrase. Sjekk den og prøv igjen (er Caps Lock på?).</translation>
        </message>
        <message>
            <source>This folder does not hold a SamJournal journal: %1</source>
            <translation>Denne mappen inneholder ikke en SamJournal-journal: %1</translation>
        </message>
        <message>
            <source>No journal was found in that folder.</source>
            <translation>Fant ingen journal i den mappen.</translation>
        </message>
        <message>
            <source>There is already something in that folder; choose an empty one.</source>
            <translation>Det finnes allerede noe i den mappen; velg en tom mappe.</translation>
        </message>
        <message>
            <source>The journal is locked.</source>
            <translation>Journalen er låst.</translation>
        </message>
        <message>
            <source>Not allowed: %1</source>
            <translation>Ikke tillatt: %1</translation>
        </message>
        <message>
            <source>Not found: %1</source>
            <translation>Fant ikke: %1</translation>
        </message>
        <message>
            <source>The printer could not be started; nothing was printed.</source>
            <translation>Skriveren kunne ikke startes; ingenting ble skrevet ut.</translation>
        </message>
        <message>
            <source>Something unexpected went wrong (%1). Nothing you typed was lost.</source>
            <translation>Noe uventet gikk galt (%1). Ingenting du skrev, gikk tapt.</translation>
        </message>
    </context>
    <context>
        <name>ExportHistory</name>
        <message>
            <source>No — waiting for the receipt</source>
            <translation>Nei — venter på kvittering</translation>
        </message>
        <message>
            <source>Yes, %1</source>
            <translation>Ja, %1</translation>
        </message>
    </context>
    <context>
        <name>ExportHistoryDialog</name>
        <message>
            <source>Export history</source>
            <translation>Eksporthistorikk</translation>
        </message>
        <message>
            <source>Study</source>
            <translation>Studie</translation>
        </message>
        <message>
            <source>Bundle</source>
            <translation>Pakke</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>Eksportert</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Av</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>Husstander</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>Rader</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Levert</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fil</translation>
        </message>
        <message>
            <source>Bundles exported</source>
            <translation>Eksporterte pakker</translation>
        </message>
        <message>
            <source>&amp;Import receipt…</source>
            <translation>&amp;Importer kvittering…</translation>
        </message>
        <message>
            <source>Show &amp;risk report…</source>
            <translation>Vis &amp;risikorapport…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Lukk</translation>
        </message>
        <message>
            <source>No bundle has been exported from this journal yet.</source>
            <translation>Ingen pakke er eksportert fra denne journalen ennå.</translation>
        </message>
        <message>
            <source>Not yet confirmed by the evaluator: %1. A bundle counts as delivered once its receipt is imported.</source>
            <translation>Ikke bekreftet av evaluator ennå: %1. En pakke regnes som levert først når kvitteringen for den er importert.</translation>
        </message>
        <message>
            <source>Every bundle is confirmed by the evaluator.</source>
            <translation>Evaluator har bekreftet alle pakkene.</translation>
        </message>
        <message>
            <source>Import receipt</source>
            <translation>Importer kvittering</translation>
        </message>
        <message>
            <source>Receipts (*.json);;All files (*)</source>
            <translation>Kvitteringer (*.json);;Alle filer (*)</translation>
        </message>
        <message>
            <source>%1: not accepted. %2</source>
            <translation>%1: ikke godtatt. %2</translation>
        </message>
        <message>
            <source>Receipt accepted: bundle %1 to “%2” is delivered.</source>
            <translation>Kvittering godtatt: pakke %1 til «%2» er levert.</translation>
        </message>
    </context>
    <context>
        <name>ExportLabels</name>
        <message>
            <source>Choose a study in the list.</source>
            <translation>Velg en studie i listen.</translation>
        </message>
        <message>
            <source>This study has no profile yet. Import the study profile (study.json) from the evaluator first: Team lead → Import study profile…</source>
            <translation>Studien har ingen studieprofil ennå. Importer studieprofilen (study.json) fra evaluator først: Leder → Importer studieprofil…</translation>
        </message>
        <message>
            <source>No family has consented to this study yet, so there is nothing to send. Record a consent for every adult in a family (Family → Record consent…), then export.</source>
            <translation>Ingen familie har samtykket til denne studien ennå, så det er ingenting å sende. Registrer samtykke for hver voksen i en familie (Familie → Registrer samtykke…), og eksporter deretter.</translation>
        </message>
        <message>
            <source>Fewer families have consented than the study needs (k = %1), so nothing can be sent without the risk that someone is recognised. Record more consents, then export.</source>
            <translation>Færre familier har samtykket enn studien krever (k = %1), så ingenting kan sendes uten fare for at noen blir gjenkjent. Registrer flere samtykker, og eksporter deretter.</translation>
        </message>
        <message>
            <source>Enough families have consented, but no %1 of them are alike yet in their household details (area, size, children, the adults' ages, when the case opened, status, budget frame), so none can be sent without the risk that someone is recognised. They wait: as more families consent, they can be sent.</source>
            <translation>Nok familier har samtykket, men ingen %1 av dem er like nok ennå i husstandsopplysningene (område, størrelse, barn, de voksnes alder, når saken startet, status, budsjettramme), så ingen kan sendes uten fare for at noen blir gjenkjent. De venter: når flere familier samtykker, kan de sendes.</translation>
        </message>
        <message>
            <source>Choose a folder.</source>
            <translation>Velg en mappe.</translation>
        </message>
        <message>
            <source>The folder does not exist. Is the USB stick plugged in?</source>
            <translation>Mappen finnes ikke. Står minnepinnen i?</translation>
        </message>
        <message>
            <source>That is a file, not a folder.</source>
            <translation>Det er en fil, ikke en mappe.</translation>
        </message>
        <message>
            <source>SamJournal cannot write in that folder. Choose another one, or check that the USB stick is not write-protected.</source>
            <translation>SamJournal får ikke skrevet i den mappen. Velg en annen, eller sjekk at minnepinnen ikke er skrivebeskyttet.</translation>
        </message>
        <message>
            <source>The folder already holds a file with this bundle's name. Choose another folder, or move the old file away first.</source>
            <translation>Mappen har allerede en fil med navnet til denne pakken. Velg en annen mappe, eller flytt den gamle filen bort først.</translation>
        </message>
        <message>
            <source>Choose the study profile file (study.json).</source>
            <translation>Velg filen med studieprofilen (study.json).</translation>
        </message>
        <message>
            <source>That is not the fingerprint in the file. Do not import it: ask the evaluator to send the profile again.</source>
            <translation>Det er ikke fingeravtrykket i filen. Ikke importer den: be evaluator sende profilen på nytt.</translation>
        </message>
        <message>
            <source>Tick “Replace the existing profile” to replace it.</source>
            <translation>Kryss av for «Erstatt den gamle profilen» for å bytte den ut.</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>Område</translation>
        </message>
        <message>
            <source>Household size</source>
            <translation>Husstandens størrelse</translation>
        </message>
        <message>
            <source>Children</source>
            <translation>Barn</translation>
        </message>
        <message>
            <source>Adults' ages</source>
            <translation>De voksnes alder</translation>
        </message>
        <message>
            <source>When the case opened</source>
            <translation>Når saken startet</translation>
        </message>
        <message>
            <source>Case status</source>
            <translation>Saksstatus</translation>
        </message>
        <message>
            <source>Budget frame</source>
            <translation>Budsjettramme</translation>
        </message>
        <message>
            <source>district</source>
            <translation>bydel</translation>
        </message>
        <message>
            <source>municipality only</source>
            <translation>bare kommune</translation>
        </message>
        <message>
            <source>exact (1–5, 6+)</source>
            <translation>nøyaktig (1–5, 6+)</translation>
        </message>
        <message>
            <source>bands (1–2, 3–4, 5+)</source>
            <translation>grupper (1–2, 3–4, 5+)</translation>
        </message>
        <message>
            <source>hidden (1+)</source>
            <translation>skjult (1+)</translation>
        </message>
        <message>
            <source>exact (0–3, 4+)</source>
            <translation>nøyaktig (0–3, 4+)</translation>
        </message>
        <message>
            <source>bands (0, 1–2, 3+)</source>
            <translation>grupper (0, 1–2, 3+)</translation>
        </message>
        <message>
            <source>none or some (0, 1+)</source>
            <translation>ingen eller noen (0, 1+)</translation>
        </message>
        <message>
            <source>10-year bands</source>
            <translation>10-årsgrupper</translation>
        </message>
        <message>
            <source>20-year bands (18–39, 40–59, 60+)</source>
            <translation>20-årsgrupper (18–39, 40–59, 60+)</translation>
        </message>
        <message>
            <source>adult only (18+)</source>
            <translation>bare voksen (18+)</translation>
        </message>
        <message>
            <source>month</source>
            <translation>måned</translation>
        </message>
        <message>
            <source>quarter</source>
            <translation>kvartal</translation>
        </message>
        <message>
            <source>half-year</source>
            <translation>halvår</translation>
        </message>
        <message>
            <source>year</source>
            <translation>år</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>eksakt</translation>
        </message>
        <message>
            <source>open or closed</source>
            <translation>åpen eller avsluttet</translation>
        </message>
        <message>
            <source>the study's rounding</source>
            <translation>studiens avrunding</translation>
        </message>
        <message>
            <source>nearest 25 000 kr</source>
            <translation>nærmeste 25 000 kr</translation>
        </message>
        <message>
            <source>nearest 50 000 kr</source>
            <translation>nærmeste 50 000 kr</translation>
        </message>
        <message>
            <source>Checking the folder…</source>
            <translation>Sjekker mappen …</translation>
        </message>
        <message>
            <source>Anonymising, signing, encrypting and writing the bundle…</source>
            <translation>Anonymiserer, signerer, krypterer og skriver pakken …</translation>
        </message>
        <message>
            <source>Reading the file back from the folder…</source>
            <translation>Leser filen tilbake fra mappen …</translation>
        </message>
        <message>
            <source>full</source>
            <translation>full</translation>
        </message>
        <message>
            <source>changes only</source>
            <translation>bare endringer</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>ukjent</translation>
        </message>
    </context>
    <context>
        <name>ExportWizard</name>
        <message>
            <source>Choose the study</source>
            <translation>Velg studie</translation>
        </message>
        <message>
            <source>Only families where every adult has consented to the study are sent. Names, identity numbers, contact details and free text never leave the journal.</source>
            <translation>Bare familier der alle voksne har samtykket til studien, blir sendt. Navn, fødselsnumre, kontaktopplysninger og fritekst forlater aldri journalen.</translation>
        </message>
        <message>
            <source>Study</source>
            <translation>Studie</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisasjon</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Profil</translation>
        </message>
        <message>
            <source>Bundles sent</source>
            <translation>Pakker sendt</translation>
        </message>
        <message>
            <source>Last export</source>
            <translation>Siste eksport</translation>
        </message>
        <message>
            <source>Waiting for receipt</source>
            <translation>Venter på kvittering</translation>
        </message>
        <message>
            <source>Studies</source>
            <translation>Studier</translation>
        </message>
        <message>
            <source>Send &amp;everything again (a full bundle), not only what changed since the last one</source>
            <translation>Send &amp;alt på nytt (en full pakke), ikke bare det som er endret siden forrige</translation>
        </message>
        <message>
            <source>The first bundle to a study is always full. Ask for a full one again when the evaluator has lost data or asks to rebuild.</source>
            <translation>Den første pakken til en studie er alltid full. Send en full pakke igjen når evaluator har mistet data eller ber om å bygge opp datasettet på nytt.</translation>
        </message>
        <message>
            <source>The journal knows no study yet. Import the study profile (study.json) you got from the evaluator first.</source>
            <translation>Journalen kjenner ingen studie ennå. Importer først studieprofilen (study.json) du har fått fra evaluator.</translation>
        </message>
        <message>
            <source>&amp;Import study profile…</source>
            <translation>&amp;Importer studieprofil…</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Arbeider</translation>
        </message>
        <message>
            <source>Imported (k = %1)</source>
            <translation>Importert (k = %1)</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Mangler</translation>
        </message>
        <message>
            <source>What will be sent</source>
            <translation>Dette blir sendt</translation>
        </message>
        <message>
            <source>Check the risk report and who is left out. Nothing has been written yet.</source>
            <translation>Se over risikorapporten og hvem som holdes utenfor. Ingenting er skrevet ennå.</translation>
        </message>
        <message>
            <source>Someone who holds every bundle the study got and knows all of a family's household fields, or up to m of its events (such as a payment in a month), must find at least k households that fit. Rows that would break this wait for a later bundle; intervals within a household stay exact.</source>
            <translation>Den som har alle pakkene studien har fått og kjenner alle husstandsfeltene til en familie, eller opptil m av hendelsene dens (som en utbetaling i en måned), skal finne minst k husstander som passer. Rader som ville bryte dette, venter til en senere pakke; intervaller innen en husstand er fortsatt nøyaktige.</translation>
        </message>
        <message>
            <source>Households in a group smaller than k. It must be 0.</source>
            <translation>Husstander i en gruppe mindre enn k. Det må være 0.</translation>
        </message>
        <message>
            <source>The chance of picking out the right household: 1 in the smallest group.</source>
            <translation>Sjansen for å peke ut riktig husstand: 1 av den minste gruppen.</translation>
        </message>
        <message>
            <source>The share of households an attacker would pick out right on average.</source>
            <translation>Andelen husstander en angriper i snitt ville pekt ut riktig.</translation>
        </message>
        <message>
            <source>Prosecutor model: someone who knows a family is in the data, and knows all its household fields (area, household size, children, adults' ages, when the case opened, its status and budget frame), picks one household of those that match, over every bundle the study has received. Every group must hold at least k households.</source>
            <translation>Anklagermodellen: den som vet at en familie er med i dataene og kjenner alle husstandsfeltene dens (område, husstandsstørrelse, barn, de voksnes alder, når saken startet, status og budsjettramme), velger én av husstandene som passer, over alle pakkene studien har fått. Hver gruppe må ha minst k husstander.</translation>
        </message>
        <message>
            <source>The fewest households that look alike on all their household fields, over every bundle the study has received (households that left included). It must be at least k.</source>
            <translation>Færrest husstander som er like i alle husstandsfeltene, over alle pakkene studien har fått (husstander som gikk ut, medregnet). Det må være minst k.</translation>
        </message>
        <message>
            <source>Households that would stand out even so: their household fields are sent as * (the status only as open or closed, the budget frame at its coarsest).</source>
            <translation>Husstander som likevel ville skilt seg ut: husstandsfeltene deres sendes som * (status bare som åpen eller avsluttet, budsjettrammen på det groveste).</translation>
        </message>
        <message>
            <source>Rows new or changed since the last bundle that would let someone narrow a household down to fewer than k. They are not sent now: they wait in the journal and go in a later bundle, once enough households share what they show.</source>
            <translation>Rader som er nye eller endret siden forrige pakke, og som ville latt noen snevre inn en husstand til færre enn k. De sendes ikke nå: de venter i journalen og går med en senere pakke, når nok husstander deler det de viser.</translation>
        </message>
        <message>
            <source>New households that would stand out even with their fields coarsened: none of their rows is sent this time. They go once enough households like them have joined.</source>
            <translation>Nye husstander som ville skilt seg ut selv med grovere felt: ingen av radene deres sendes denne gangen. De går når nok husstander som ligner, er kommet til.</translation>
        </message>
        <message>
            <source>Everything the journal holds back for now, from this bundle and the ones before, of all it would send the study if nothing had to wait. A large share means the study gets thin data: talk to the evaluator about the study's rules.</source>
            <translation>Alt journalen holder tilbake nå, fra denne pakken og de før, av alt den ville sendt studien om ingenting måtte vente. En stor andel betyr tynne data for studien: snakk med evaluator om studiens regler.</translation>
        </message>
        <message>
            <source>Household fields sent in a coarser form than the journal holds them, such as age groups, or the quarter a case opened instead of its month.</source>
            <translation>Husstandsfelt sendt grovere enn journalen har dem, for eksempel aldersgrupper, eller kvartalet saken ble åpnet i stedet for måneden.</translation>
        </message>
        <message>
            <source>The study's rules</source>
            <translation>Studiens regler</translation>
        </message>
        <message>
            <source>The bundle</source>
            <translation>Pakken</translation>
        </message>
        <message>
            <source>Bundle:</source>
            <translation>Pakke:</translation>
        </message>
        <message>
            <source>Rows:</source>
            <translation>Rader:</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>Fil:</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Sak</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Familie</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Hvorfor</translation>
        </message>
        <message>
            <source>Families left out</source>
            <translation>Familier som holdes utenfor</translation>
        </message>
        <message>
            <source>To include a family, record a consent for every adult in it (Family → Consents).</source>
            <translation>For å ta med en familie: registrer samtykke for hver voksen i den (Familie → Samtykker).</translation>
        </message>
        <message>
            <source>The check above protects a family from someone who knows its household fields with the period its case opened, or up to %1 of its events, and from someone who knows its fields with the month the case opened: new families' rows wait until that month has %2 families to choose from. This counts the families such a person could still narrow down to fewer than %2 (the family itself included): families an older version of SamJournal sent, or a new family its group in this bundle needs to reach %2. If the number is not 0, talk to the study's data protection officer before sending.</source>
            <translation>Kontrollen over beskytter en familie mot den som kjenner husstandsfeltene med perioden saken startet i, eller opptil %1 av hendelsene, og mot den som kjenner feltene med måneden saken startet: radene til nye familier venter til den måneden har %2 familier å velge mellom. Dette teller familiene en slik person likevel kan snevre inn til færre enn %2 (familien selv medregnet): familier en eldre versjon av SamJournal sendte, eller en ny familie som gruppen i denne pakken trenger for å nå %2. Er tallet ikke 0, snakk med personvernombudet for studien før du sender.</translation>
        </message>
        <message>
            <source>(no longer in the journal)</source>
            <translation>(ikke lenger i journalen)</translation>
        </message>
        <message>
            <source>Bundle %1 to “%2” (%3)</source>
            <translation>Pakke %1 til «%2» (%3)</translation>
        </message>
        <message>
            <source>number %1, %2</source>
            <translation>nummer %1, %2</translation>
        </message>
        <message>
            <source>Left out: %1</source>
            <translation>Holdt utenfor: %1</translation>
        </message>
        <message>
            <source>No household is sent this time, only the notices that data sent before must be removed (tombstones).</source>
            <translation>Ingen husstander sendes denne gangen, bare beskjedene om at data som er sendt før, skal fjernes (slettemeldinger).</translation>
        </message>
        <message>
            <source>Export to a study</source>
            <translation>Eksporter til en studie</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>&amp;Neste &gt;</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; &amp;Tilbake</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Lukk</translation>
        </message>
        <message>
            <source>The export was stopped. Nothing was written.</source>
            <translation>Eksporten ble stoppet. Ingenting er skrevet.</translation>
        </message>
        <message>
            <source>Nothing was exported: %1</source>
            <translation>Ingenting ble eksportert: %1</translation>
        </message>
        <message>
            <source>Where to put the bundle</source>
            <translation>Hvor pakken skal lagres</translation>
        </message>
        <message>
            <source>Choose a folder on this computer or on a USB stick. The bundle is one encrypted file that only the study's evaluator can open.</source>
            <translation>Velg en mappe på denne datamaskinen eller på en minnepinne. Pakken er én kryptert fil som bare studiens evaluator kan åpne.</translation>
        </message>
        <message>
            <source>A folder, for example on a USB stick</source>
            <translation>En mappe, for eksempel på en minnepinne</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Mappe</translation>
        </message>
        <message>
            <source>B&amp;rowse…</source>
            <translation>&amp;Bla gjennom…</translation>
        </message>
        <message>
            <source>&amp;Folder:</source>
            <translation>&amp;Mappe:</translation>
        </message>
        <message>
            <source>File name:</source>
            <translation>Filnavn:</translation>
        </message>
        <message>
            <source>Free space:</source>
            <translation>Ledig plass:</translation>
        </message>
        <message>
            <source>Bundle size:</source>
            <translation>Pakkens størrelse:</translation>
        </message>
        <message>
            <source>The file is written whole or not at all, and the export is recorded in the journal's export history. Do not remove the USB stick until the last page says the bundle is written.</source>
            <translation>Filen skrives hel eller ikke i det hele tatt, og eksporten føres i journalens eksporthistorikk. Ikke ta ut minnepinnen før siste side sier at pakken er skrevet.</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Eksporter</translation>
        </message>
        <message>
            <source>up to about %1</source>
            <translation>opptil omtrent %1</translation>
        </message>
        <message>
            <source>There may not be room for the bundle here.</source>
            <translation>Det er kanskje ikke plass til pakken her.</translation>
        </message>
        <message>
            <source>Exporting</source>
            <translation>Eksporterer</translation>
        </message>
        <message>
            <source>The bundle is anonymised, signed with the journal's key and encrypted to the study.</source>
            <translation>Pakken anonymiseres, signeres med journalens nøkkel og krypteres til studien.</translation>
        </message>
        <message>
            <source>&amp;Stop</source>
            <translation>&amp;Stopp</translation>
        </message>
        <message>
            <source>Step %1 of %2: %3</source>
            <translation>Trinn %1 av %2: %3</translation>
        </message>
        <message>
            <source>You can still stop: nothing has been written yet.</source>
            <translation>Du kan fortsatt stoppe: ingenting er skrevet ennå.</translation>
        </message>
        <message>
            <source>This cannot be stopped now: the bundle is written and recorded in one go, whole or not at all. It takes a moment.</source>
            <translation>Dette kan ikke stoppes nå: pakken skrives og føres i én operasjon, hel eller ikke i det hele tatt. Det tar et øyeblikk.</translation>
        </message>
        <message>
            <source>The bundle is being written and cannot be stopped now.</source>
            <translation>Pakken skrives nå og kan ikke stoppes.</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Stopper …</translation>
        </message>
        <message>
            <source>The bundle is written</source>
            <translation>Pakken er skrevet</translation>
        </message>
        <message>
            <source>Hand the file to the evaluator. It is encrypted to the study.</source>
            <translation>Gi filen til evaluator. Den er kryptert til studien.</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>Mappe:</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>Størrelse:</translation>
        </message>
        <message>
            <source>Content:</source>
            <translation>Innhold:</translation>
        </message>
        <message>
            <source>Signed with key:</source>
            <translation>Signert med nøkkel:</translation>
        </message>
        <message>
            <source>Audit log head:</source>
            <translation>Revisjonsloggens topp:</translation>
        </message>
        <message>
            <source>Removals tell the evaluator what it got before and no longer gets: a household that left the study, a row deleted here. They never say why.</source>
            <translation>Fjerninger forteller evaluatoren hva den fikk før og ikke får lenger: en husstand som gikk ut av studien, en rad som er slettet her. De sier aldri hvorfor.</translation>
        </message>
        <message>
            <source>The journal's own signing key. The evaluator registered it when the study began and refuses a bundle signed with any other.</source>
            <translation>Journalens egen signeringsnøkkel. Evaluatoren registrerte den da studien startet, og avviser en pakke som er signert med en annen.</translation>
        </message>
        <message>
            <source>A fingerprint of the journal's audit log as the bundle was made. The bundle proves that the log only grew since the last one, so the evaluator would see it if the log had been rewritten.</source>
            <translation>Et fingeravtrykk av journalens revisjonslogg slik den var da pakken ble laget. Pakken beviser at loggen bare har vokst siden forrige pakke, så evaluatoren ville sett det om loggen var skrevet om.</translation>
        </message>
        <message>
            <source>What to do next</source>
            <translation>Dette gjør du nå</translation>
        </message>
        <message>
            <source>&amp;Open the folder</source>
            <translation>&amp;Åpne mappen</translation>
        </message>
        <message>
            <source>number %1 (%2) to “%3”</source>
            <translation>nummer %1 (%2) til «%3»</translation>
        </message>
        <message>
            <source>households: %1, rows: %2, removals: %3</source>
            <translation>husstander: %1, rader: %2, fjerninger: %3</translation>
        </message>
        <message>
            <source>1. If the folder is on a USB stick, eject it safely before you pull it out.</source>
            <translation>1. Hvis mappen er på en minnepinne: løs den ut på trygt vis før du tar den ut.</translation>
        </message>
        <message>
            <source>2. Hand the file to the evaluator as agreed with them. Only the study can open it; keep no other copies.</source>
            <translation>2. Gi filen til evaluator slik dere har avtalt. Bare studien kan åpne den; ikke behold andre kopier.</translation>
        </message>
        <message>
            <source>3. The evaluator sends back a receipt file once the bundle is stored. Import it under Team lead → Export history → Import receipt. Until then the bundle is shown as not delivered.</source>
            <translation>3. Evaluatoren sender tilbake en kvitteringsfil når pakken er lagret. Importer den under Leder → Eksporthistorikk → Importer kvittering. Fram til da vises pakken som ikke levert.</translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) to this study are waiting for a receipt.</source>
            <translation>
                <numerusform>%n pakke til denne studien venter på kvittering.</numerusform>
                <numerusform>%n pakker til denne studien venter på kvittering.</numerusform>
            </translation>
        </message>
        <message>
            <source>The file could not be read back from the folder. The export is recorded; check the USB stick, and if the evaluator cannot open the file, make a full export.</source>
            <translation>Filen kunne ikke leses tilbake fra mappen. Eksporten er ført; sjekk minnepinnen, og lag en full eksport hvis evaluator ikke får åpnet filen.</translation>
        </message>
    </context>
    <context>
        <name>FamilyCopyDialog</name>
        <message>
            <source>Family copy for case %1</source>
            <translation>Familiens kopi for sak %1</translation>
        </message>
        <message>
            <source>What we agreed, what the municipality will pay and when, the next meeting and who to call: in plain language and large type, without internal notes.</source>
            <translation>Hva vi ble enige om, hva kommunen betaler og når, neste møte og hvem familien kan ringe: i klarspråk og stor skrift, uten interne notater.</translation>
        </message>
        <message>
            <source>The family's &amp;language:</source>
            <translation>Familiens s&amp;pråk:</translation>
        </message>
    </context>
    <context>
        <name>FamilyDialog</name>
        <message>
            <source>Edit family</source>
            <translation>Endre familie</translation>
        </message>
        <message>
            <source>New family</source>
            <translation>Ny familie</translation>
        </message>
        <message>
            <source>e.g. The Hansen family</source>
            <translation>f.eks. Familien Hansen</translation>
        </message>
        <message>
            <source>Family &amp;name:</source>
            <translation>Familie&amp;navn:</translation>
        </message>
        <message>
            <source>&amp;District:</source>
            <translation>By&amp;del:</translation>
        </message>
        <message>
            <source>Yearly &amp;budget frame (NOK):</source>
            <translation>Årlig budsjett&amp;ramme (kr):</translation>
        </message>
        <message>
            <source>Leave empty for the next free number</source>
            <translation>La stå tomt for neste ledige nummer</translation>
        </message>
        <message>
            <source>&amp;Case number:</source>
            <translation>&amp;Saksnummer:</translation>
        </message>
        <message>
            <source>&amp;Opened on:</source>
            <translation>&amp;Åpnet:</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>&amp;Status:</translation>
        </message>
        <message>
            <source>Case&amp;worker:</source>
            <translation>Familie&amp;koordinator:</translation>
        </message>
    </context>
    <context>
        <name>FamilyView</name>
        <message>
            <source>Family</source>
            <translation>Familie</translation>
        </message>
        <message>
            <source>Preview and print what was agreed, for the family to take home (Ctrl+P)</source>
            <translation>Forhåndsvis og skriv ut det som ble avtalt, til familien (Ctrl+P)</translation>
        </message>
        <message>
            <source>Family c&amp;opy…</source>
            <translation>Familiens kop&amp;i…</translation>
        </message>
        <message>
            <source>Edit famil&amp;y…</source>
            <translation>En&amp;dre familie…</translation>
        </message>
        <message>
            <source>Case s&amp;ummary…</source>
            <translation>Saksopps&amp;ummering…</translation>
        </message>
        <message>
            <source>Preview and print the whole case for a period (Ctrl+Shift+S)</source>
            <translation>Forhåndsvis og skriv ut hele saken for en periode (Ctrl+Shift+S)</translation>
        </message>
        <message>
            <source>Access lo&amp;g…</source>
            <translation>I&amp;nnsynslogg…</translation>
        </message>
        <message>
            <source>Family tabs</source>
            <translation>Familiefaner</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Oversikt</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Møter</translation>
        </message>
        <message>
            <source>Needs</source>
            <translation>Behov</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>Utbetalinger</translation>
        </message>
        <message>
            <source>Check-ins</source>
            <translation>Kartlegginger</translation>
        </message>
        <message>
            <source>Consents</source>
            <translation>Samtykker</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Historikk</translation>
        </message>
        <message>
            <source>Opening…</source>
            <translation>Åpner…</translation>
        </message>
        <message>
            <source>%1 (was %2 at %3)</source>
            <translation>%1 (tidligere %2 hos %3)</translation>
        </message>
        <message>
            <source>Case %1 · %2 · caseworker %3</source>
            <translation>Sak %1 · %2 · familiekoordinator %3</translation>
        </message>
        <message>
            <source>Handed over to %1 on %2, waiting for their receipt. A change made now does not go with the file: make the file again after changing anything.</source>
            <translation>Overført til %1 %2, venter på kvittering. En endring gjort nå følger ikke med filen: lag filen på nytt etter å ha endret noe.</translation>
        </message>
        <message>
            <source>Who viewed or changed the family's records, and when (Ctrl+Shift+L)</source>
            <translation>Hvem som har sett eller endret familiens opplysninger, og når (Ctrl+Shift+L)</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Lagre</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>Discard what you have written?</source>
            <translation>Forkaste det du har skrevet?</translation>
        </message>
        <message>
            <source>It has not been saved.</source>
            <translation>Det er ikke lagret.</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Forkast</translation>
        </message>
        <message>
            <source>&amp;Keep writing</source>
            <translation>Fortsett å &amp;skrive</translation>
        </message>
        <message numerus="yes">
            <source>Not saved: check the marked field(s).</source>
            <translation>
                <numerusform>Ikke lagret: se på feltet som er merket.</numerusform>
                <numerusform>Ikke lagret: se på feltene som er merket.</numerusform>
            </translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Ikke lagret: %1</translation>
        </message>
    </context>
    <context>
        <name>GiveConsentDialog</name>
        <message>
            <source>Record consent</source>
            <translation>Registrer samtykke</translation>
        </message>
        <message>
            <source>A consent is never edited. To correct one, withdraw it and record a new one.</source>
            <translation>Et samtykke endres aldri. For å rette et, trekk det tilbake og registrer et nytt.</translation>
        </message>
        <message>
            <source>&amp;Adult member:</source>
            <translation>&amp;Voksent medlem:</translation>
        </message>
        <message>
            <source>St&amp;udy:</source>
            <translation>&amp;Studie:</translation>
        </message>
        <message>
            <source>e.g. v2 2026-03</source>
            <translation>f.eks. v2 2026-03</translation>
        </message>
        <message>
            <source>Information &amp;letter version:</source>
            <translation>Versjon av &amp;informasjonsskriv:</translation>
        </message>
        <message>
            <source>&amp;Given on:</source>
            <translation>&amp;Gitt:</translation>
        </message>
        <message>
            <source>&amp;How:</source>
            <translation>&amp;Hvordan:</translation>
        </message>
    </context>
    <context>
        <name>Handover</name>
        <message>
            <source>Register handover receipt</source>
            <translation>Legg inn kvittering for overføring</translation>
        </message>
        <message>
            <source>Handover receipts (*.kvittering);;All files (*)</source>
            <translation>Kvitteringer (*.kvittering);;Alle filer (*)</translation>
        </message>
        <message numerus="yes">
            <source>Receipt registered: %n family(ies) handed over and removed from this journal. The audit log keeps a note without content.</source>
            <translation>
                <numerusform>Kvitteringen er lagt inn: %n familie er overført og fjernet fra denne journalen. Revisjonsloggen beholder et notat uten innhold.</numerusform>
                <numerusform>Kvitteringen er lagt inn: %n familier er overført og fjernet fra denne journalen. Revisjonsloggen beholder et notat uten innhold.</numerusform>
            </translation>
        </message>
        <message>
            <source>This receipt was registered before: nothing more to do.</source>
            <translation>Kvitteringen er lagt inn før: ingenting mer å gjøre.</translation>
        </message>
    </context>
    <context>
        <name>HandoverPeersDialog</name>
        <message>
            <source>Journals for handover</source>
            <translation>Journaler for overføring</translation>
        </message>
        <message>
            <source>This journal's receiving key</source>
            <translation>Denne journalens mottaksnøkkel</translation>
        </message>
        <message>
            <source>Give the key file to the team lead of the other journal and read the fingerprint out over the phone. The file holds no secret.</source>
            <translation>Gi nøkkelfilen til teamlederen i den andre journalen og les fingeravtrykket opp på telefon. Filen inneholder ingen hemmelighet.</translation>
        </message>
        <message>
            <source>This journal's fingerprint</source>
            <translation>Denne journalens fingeravtrykk</translation>
        </message>
        <message>
            <source>Fingerprint:</source>
            <translation>Fingeravtrykk:</translation>
        </message>
        <message>
            <source>&amp;Save key file…</source>
            <translation>&amp;Lagre nøkkelfil…</translation>
        </message>
        <message>
            <source>Registered journals</source>
            <translation>Registrerte journaler</translation>
        </message>
        <message>
            <source>Journal</source>
            <translation>Journal</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>Fingeravtrykk</translation>
        </message>
        <message>
            <source>Register a journal</source>
            <translation>Registrer en journal</translation>
        </message>
        <message>
            <source>The other journal's key file</source>
            <translation>Den andre journalens nøkkelfil</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Bla gjennom…</translation>
        </message>
        <message>
            <source>&amp;Key file:</source>
            <translation>&amp;Nøkkelfil:</translation>
        </message>
        <message>
            <source>Fingerprint in the file</source>
            <translation>Fingeravtrykket i filen</translation>
        </message>
        <message>
            <source>In the file:</source>
            <translation>I filen:</translation>
        </message>
        <message>
            <source>Fingerprint read out by the other team lead</source>
            <translation>Fingeravtrykket den andre teamlederen leste opp</translation>
        </message>
        <message>
            <source>Read &amp;out:</source>
            <translation>Lest &amp;opp:</translation>
        </message>
        <message>
            <source>Whose journal it is</source>
            <translation>Hvem journalen tilhører</translation>
        </message>
        <message>
            <source>e.g. Trondheim, team East</source>
            <translation>f.eks. Trondheim, team Øst</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>Na&amp;vn:</translation>
        </message>
        <message>
            <source>&amp;Register</source>
            <translation>&amp;Registrer</translation>
        </message>
        <message>
            <source>Save key file</source>
            <translation>Lagre nøkkelfil</translation>
        </message>
        <message>
            <source>Key files (*.mottak)</source>
            <translation>Nøkkelfiler (*.mottak)</translation>
        </message>
        <message>
            <source>Key file saved. Read the fingerprint %1 out over the phone.</source>
            <translation>Nøkkelfilen er lagret. Les fingeravtrykket %1 opp på telefon.</translation>
        </message>
        <message>
            <source>Key files (*.mottak);;All files (*)</source>
            <translation>Nøkkelfiler (*.mottak);;Alle filer (*)</translation>
        </message>
        <message>
            <source>Registered: %1.</source>
            <translation>Registrert: %1.</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <source>Case number</source>
            <translation>Saksnummer</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Navn</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Familiekoordinator</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Bydel</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Åpnet</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Avsluttet</translation>
        </message>
        <message>
            <source>Yearly budget</source>
            <translation>Årsbudsjett</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Språk</translation>
        </message>
        <message>
            <source>Child</source>
            <translation>Barn</translation>
        </message>
        <message>
            <source>Birth year</source>
            <translation>Fødselsår</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>Fødselsdato</translation>
        </message>
        <message>
            <source>Identity number</source>
            <translation>Fødselsnummer</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>Holdt</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Sted</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Next meeting</source>
            <translation>Neste møte</translation>
        </message>
        <message>
            <source>Need</source>
            <translation>Behov</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Raised</source>
            <translation>Meldt</translation>
        </message>
        <message>
            <source>For the need</source>
            <translation>Til behovet</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Beløp</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Formål</translation>
        </message>
        <message>
            <source>Proposed by</source>
            <translation>Foreslått av</translation>
        </message>
        <message>
            <source>Proposed</source>
            <translation>Foreslått</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>Godkjent av</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Godkjent</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>Bilag</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Begrunnelse</translation>
        </message>
        <message>
            <source>Removed</source>
            <translation>Fjernet</translation>
        </message>
        <message>
            <source>Reason for removal</source>
            <translation>Grunn til fjerning</translation>
        </message>
        <message>
            <source>Answered on</source>
            <translation>Besvart</translation>
        </message>
        <message>
            <source>Respondent</source>
            <translation>Hvem svarte</translation>
        </message>
        <message>
            <source>Occasion</source>
            <translation>Anledning</translation>
        </message>
        <message>
            <source>Instrument</source>
            <translation>Skjema</translation>
        </message>
        <message>
            <source>Case record</source>
            <translation>Saken</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Medlem</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Møte</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>Utbetaling</translation>
        </message>
        <message>
            <source>Check-in</source>
            <translation>Kartlegging</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Samtykke</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>no</source>
            <translation>nei</translation>
        </message>
        <message>
            <source>created</source>
            <translation>opprettet</translation>
        </message>
        <message>
            <source>changed: %1</source>
            <translation>endret: %1</translation>
        </message>
        <message>
            <source>saved</source>
            <translation>lagret</translation>
        </message>
        <message>
            <source>removed: %1</source>
            <translation>fjernet: %1</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>fjernet</translation>
        </message>
        <message>
            <source>Case summary, with full identity numbers</source>
            <translation>Saksoppsummering, med hele fødselsnumre</translation>
        </message>
        <message>
            <source>sent to the printer</source>
            <translation>sendt til skriveren</translation>
        </message>
        <message>
            <source>printed to a PDF file</source>
            <translation>skrevet ut til en PDF-fil</translation>
        </message>
        <message>
            <source>%1 saved as PDF</source>
            <translation>%1 lagret som PDF</translation>
        </message>
        <message>
            <source>%1 printed to a PDF file</source>
            <translation>%1 skrevet ut til en PDF-fil</translation>
        </message>
        <message>
            <source>Status: %1 → %2</source>
            <translation>Status: %1 → %2</translation>
        </message>
        <message>
            <source>withdrawn</source>
            <translation>trukket tilbake</translation>
        </message>
        <message>
            <source>opened the family in SamJournal</source>
            <translation>åpnet familien i SamJournal</translation>
        </message>
    </context>
    <context>
        <name>HistoryTab</name>
        <message>
            <source>Changed by</source>
            <translation>Endret av</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Når</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Bruker</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Handling</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Post</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>Hva skjedde</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Felt</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Før</translation>
        </message>
        <message>
            <source>After</source>
            <translation>Etter</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Detalj</translation>
        </message>
        <message>
            <source>All records</source>
            <translation>Alle poster</translation>
        </message>
        <message>
            <source>The case record</source>
            <translation>Saken</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Medlemmer</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Møter</translation>
        </message>
        <message>
            <source>Needs</source>
            <translation>Behov</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>Utbetalinger</translation>
        </message>
        <message>
            <source>Show the history of</source>
            <translation>Vis historikken for</translation>
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation>Utval&amp;g:</translation>
        </message>
        <message>
            <source>Number of versions shown</source>
            <translation>Antall versjoner som vises</translation>
        </message>
        <message>
            <source>Versions of the records</source>
            <translation>Versjoner av postene</translation>
        </message>
        <message>
            <source>Fields of the selected version</source>
            <translation>Feltene i den valgte versjonen</translation>
        </message>
        <message>
            <source>Select a version to see its fields.</source>
            <translation>Velg en versjon for å se feltene.</translation>
        </message>
        <message>
            <source>Versions: who changed what, and when</source>
            <translation>Versjoner: hvem endret hva, og når</translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n version(s)</source>
            <translation>
                <numerusform>%1 av %n versjon</numerusform>
                <numerusform>%1 av %n versjoner</numerusform>
            </translation>
        </message>
        <message>
            <source>%1, version %2, saved by %3 %4</source>
            <translation>%1, versjon %2, lagret av %3 %4</translation>
        </message>
        <message>
            <source>Who has read or changed this family (audit log)</source>
            <translation>Hvem som har lest eller endret denne familien (revisjonslogg)</translation>
        </message>
        <message>
            <source>The selected version (changes stand out)</source>
            <translation>Den valgte versjonen (endringer er uthevet)</translation>
        </message>
        <message>
            <source>Audit events</source>
            <translation>Hendelser i revisjonsloggen</translation>
        </message>
        <message>
            <source>Re&amp;load history</source>
            <translation>Last historikken på n&amp;ytt</translation>
        </message>
    </context>
    <context>
        <name>ImportStudyDialog</name>
        <message>
            <source>Import study profile</source>
            <translation>Importer studieprofil</translation>
        </message>
        <message>
            <source>The evaluator gives you the study profile (study.json). It says where bundles are encrypted to and what the journal must do before anything leaves it.</source>
            <translation>Du får studieprofilen (study.json) fra evaluator. Den sier hvem pakkene krypteres til, og hva journalen må gjøre før noe forlater den.</translation>
        </message>
        <message>
            <source>Study profile file</source>
            <translation>Fil med studieprofil</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Bla gjennom…</translation>
        </message>
        <message>
            <source>Rea&amp;d</source>
            <translation>&amp;Les</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>&amp;Fil:</translation>
        </message>
        <message>
            <source>The study</source>
            <translation>Studien</translation>
        </message>
        <message>
            <source>Study:</source>
            <translation>Studie:</translation>
        </message>
        <message>
            <source>Organisation:</source>
            <translation>Organisasjon:</translation>
        </message>
        <message>
            <source>Rules:</source>
            <translation>Regler:</translation>
        </message>
        <message>
            <source>Fingerprint in the file</source>
            <translation>Fingeravtrykket i filen</translation>
        </message>
        <message>
            <source>Fingerprint:</source>
            <translation>Fingeravtrykk:</translation>
        </message>
        <message>
            <source>&amp;Replace the existing profile</source>
            <translation>&amp;Erstatt den gamle profilen</translation>
        </message>
        <message>
            <source>Compare with the evaluator</source>
            <translation>Sammenlign med evaluator</translation>
        </message>
        <message>
            <source>Call the evaluator on a number you already know and ask them to read their fingerprint aloud. Type what you hear; import only if it is the same.</source>
            <translation>Ring evaluator på et nummer du kjenner fra før, og be dem lese opp fingeravtrykket sitt. Skriv det du hører; importer bare hvis det er likt.</translation>
        </message>
        <message>
            <source>Fingerprint read out by the evaluator</source>
            <translation>Fingeravtrykket evaluator leste opp</translation>
        </message>
        <message>
            <source>Read &amp;out:</source>
            <translation>&amp;Opplest:</translation>
        </message>
        <message>
            <source>Municipality</source>
            <translation>Kommune</translation>
        </message>
        <message>
            <source>&amp;Municipality:</source>
            <translation>&amp;Kommune:</translation>
        </message>
        <message>
            <source>The place name sent instead of addresses and (when too few) districts.</source>
            <translation>Stedsnavnet som sendes i stedet for adresser og (når det er for få) bydeler.</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Importer</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>Study profiles (*.json);;All files (*)</source>
            <translation>Studieprofiler (*.json);;Alle filer (*)</translation>
        </message>
        <message>
            <source>The journal already has another profile for this study (fingerprint %1). Importing this one replaces it: bundles from now on are encrypted to the new profile's keys.</source>
            <translation>Journalen har allerede en annen profil for denne studien (fingeravtrykk %1). Importerer du denne, erstatter den den gamle: pakker krypteres fra nå av til nøklene i den nye profilen.</translation>
        </message>
        <message>
            <source>The journal already has this profile; importing it again is safe.</source>
            <translation>Journalen har allerede denne profilen; det er trygt å importere den igjen.</translation>
        </message>
        <message>
            <source>Not imported: %1</source>
            <translation>Ikke importert: %1</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>overdue</source>
            <translation>over tiden</translation>
        </message>
        <message>
            <source>over the frame</source>
            <translation>over rammen</translation>
        </message>
        <message>
            <source>nearly spent</source>
            <translation>nesten brukt opp</translation>
        </message>
        <message>
            <source>family</source>
            <translation>familie</translation>
        </message>
        <message>
            <source>member</source>
            <translation>medlem</translation>
        </message>
        <message>
            <source>meeting</source>
            <translation>møte</translation>
        </message>
        <message>
            <source>need</source>
            <translation>behov</translation>
        </message>
        <message>
            <source>payment</source>
            <translation>utbetaling</translation>
        </message>
        <message>
            <source>check-in</source>
            <translation>kartlegging</translation>
        </message>
        <message>
            <source>consent</source>
            <translation>samtykke</translation>
        </message>
        <message>
            <source>user</source>
            <translation>bruker</translation>
        </message>
        <message>
            <source>journal</source>
            <translation>journal</translation>
        </message>
        <message>
            <source>study</source>
            <translation>studie</translation>
        </message>
        <message>
            <source>receipt</source>
            <translation>kvittering</translation>
        </message>
        <message>
            <source>case list figures</source>
            <translation>saksoversiktens tall</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>SamJournal</source>
            <translation>SamJournal</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Arbeider</translation>
        </message>
        <message>
            <source>SamJournal is locked. Unlock to continue (Ctrl+L).</source>
            <translation>SamJournal er låst. Lås opp for å fortsette (Ctrl+L).</translation>
        </message>
        <message>
            <source>A payment you proposed was rejected since you last signed in: %1 for “%2” to %3, by %4: “%5”.</source>
            <translation>En utbetaling du foreslo, er avslått siden du sist logget inn: %1 til «%2» for %3, av %4: «%5».</translation>
        </message>
        <message>
            <source>%6 payments you proposed were rejected since you last signed in. The latest: %1 for “%2” to %3, by %4: “%5”.</source>
            <translation>%6 utbetalinger du foreslo, er avslått siden du sist logget inn. Den siste: %1 til «%2» for %3, av %4: «%5».</translation>
        </message>
        <message>
            <source>journal.mark, which records how far this journal had come, was found gone or damaged when the journal was opened, so recent work that is missing could not be noticed. Tell your team lead, who can check the journal against a backup (Team lead ▸ Verify the audit log, or “samjournal audit verify”) and then acknowledge the alarm; until then it is shown at every unlock.</source>
            <translation>journal.mark, som viser hvor langt journalen var kommet, var borte eller ødelagt da journalen ble åpnet, så nyeste arbeid som mangler, kunne ikke merkes. Si fra til teamlederen, som kan sjekke journalen mot en sikkerhetskopi (Leder ▸ Kontroller revisjonsloggen, eller «samjournal audit verify») og så kvittere ut alarmen; til da vises den ved hver opplåsing.</translation>
        </message>
        <message>
            <source>The audit log does not extend a head it had already shown outside this journal: events were removed or rewritten. Tell your team lead, who can check it with “samjournal audit verify”.</source>
            <translation>Revisjonsloggen bygger ikke videre på et hode den alt hadde vist utenfor journalen: hendelser er fjernet eller skrevet om. Si fra til teamlederen, som kan kontrollere den med «samjournal audit verify».</translation>
        </message>
        <message>
            <source>The record of failed unlock attempts in this journal's folder was changed since your last unlock, so attempts may be hidden. Tell your team lead.</source>
            <translation>Oversikten over feilede opplåsingsforsøk i journalmappen er endret siden du sist låste opp, så forsøk kan være skjult. Si fra til teamlederen.</translation>
        </message>
        <message numerus="yes">
            <source>%n failed unlock attempt(s) as you since last time (latest %1). If that was not you, change your passphrase (File ▸ Change passphrase…); each attempt is in the audit log.</source>
            <translation>
                <numerusform>%n mislykket forsøk på å låse opp som deg siden sist (det siste %1). Var det ikke deg, bytt passordfrase (Fil ▸ Bytt passordfrase…); hvert forsøk står i revisjonsloggen.</numerusform>
                <numerusform>%n mislykkede forsøk på å låse opp som deg siden sist (det siste %1). Var det ikke deg, bytt passordfrase (Fil ▸ Bytt passordfrase…); hvert forsøk står i revisjonsloggen.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed unlock attempt(s) as you since last time (latest %1). If that was not you, tell your team lead.</source>
            <translation>
                <numerusform>%n mislykket forsøk på å låse opp som deg siden sist (det siste %1). Var det ikke deg, si fra til teamlederen.</numerusform>
                <numerusform>%n mislykkede forsøk på å låse opp som deg siden sist (det siste %1). Var det ikke deg, si fra til teamlederen.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Approvals (%1)</source>
            <translation>&amp;Godkjenninger (%1)</translation>
        </message>
        <message>
            <source>Your passphrase was changed.</source>
            <translation>Passordfrasen din er byttet.</translation>
        </message>
        <message>
            <source>The journal was restored from a backup at event %1 (%2, by %3): the log goes on from head %4, and the events after it were lost. Reason: %5</source>
            <translation>Journalen ble gjenopprettet fra en sikkerhetskopi ved hendelse %1 (%2, av %3): loggen går videre fra hodet %4, og hendelsene etter det gikk tapt. Grunn: %5</translation>
        </message>
        <message numerus="yes">
            <source>The audit log is intact: %n event(s), head %1.</source>
            <translation>
                <numerusform>Revisjonsloggen er hel: %n hendelse, topp %1.</numerusform>
                <numerusform>Revisjonsloggen er hel: %n hendelser, topp %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>The audit log does NOT verify: %1</source>
            <translation>Revisjonsloggen stemmer IKKE: %1</translation>
        </message>
        <message>
            <source>Acknowledge the alarm?</source>
            <translation>Kvittere ut alarmen?</translation>
        </message>
        <message>
            <source>journal.mark was found gone or damaged when the journal was opened, so recent work that is missing could not be noticed. Compare the journal with your latest backup first (a family or a meeting you know of). Acknowledged, the alarm is no longer shown at every unlock; the acknowledgement is in the audit log.</source>
            <translation>journal.mark var borte eller ødelagt da journalen ble åpnet, så nyeste arbeid som mangler, kunne ikke merkes. Sammenlign journalen med den nyeste sikkerhetskopien først (en familie eller et møte du kjenner til). Kvittert ut vises alarmen ikke lenger ved hver opplåsing; kvitteringen står i revisjonsloggen.</translation>
        </message>
        <message>
            <source>&amp;Acknowledge</source>
            <translation>&amp;Kvitter ut</translation>
        </message>
        <message>
            <source>The journal.mark alarm is acknowledged (in the audit log).</source>
            <translation>Alarmen om journal.mark er kvittert ut (står i revisjonsloggen).</translation>
        </message>
        <message>
            <source>Select the families in the case list first (Ctrl+click or Shift+click to select several), then choose Print case summaries.</source>
            <translation>Velg familiene i sakslisten først (Ctrl+klikk eller Shift+klikk for å velge flere), og velg så Skriv ut saksoppsummeringer.</translation>
        </message>
        <message>
            <source>Sign out?</source>
            <translation>Logge av?</translation>
        </message>
        <message>
            <source>Windows left open, such as a meeting being written, close: what was typed in them and not saved is lost.</source>
            <translation>Vinduer som står åpne, som et møte som skrives, lukkes: det som er skrevet i dem og ikke lagret, går tapt.</translation>
        </message>
        <message>
            <source>&amp;Sign out</source>
            <translation>&amp;Logg av</translation>
        </message>
        <message>
            <source>Quit SamJournal?</source>
            <translation>Avslutte SamJournal?</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Avslutt</translation>
        </message>
        <message>
            <source>Another program is waiting to change this journal (a user removal or a restore). Lock or close this window to let it go ahead.</source>
            <translation>Et annet program venter på å endre denne journalen (fjerne en bruker eller gjenopprette). Lås eller lukk dette vinduet for å slippe det til.</translation>
        </message>
        <message>
            <source>Locked · %1</source>
            <translation>Låst · %1</translation>
        </message>
        <message>
            <source>Signed in as %1 (%2) · %3</source>
            <translation>Logget inn som %1 (%2) · %3</translation>
        </message>
        <message>
            <source>Case %1 was erased for good.</source>
            <translation>Sak %1 er slettet for godt.</translation>
        </message>
    </context>
    <context>
        <name>MarkPaidDialog</name>
        <message>
            <source>Mark as paid</source>
            <translation>Merk som utbetalt</translation>
        </message>
        <message>
            <source>Payment:</source>
            <translation>Utbetaling:</translation>
        </message>
        <message>
            <source>Purpose:</source>
            <translation>Formål:</translation>
        </message>
        <message>
            <source>The voucher number in the accounts</source>
            <translation>Bilagsnummeret i regnskapet</translation>
        </message>
        <message>
            <source>&amp;Voucher reference:</source>
            <translation>&amp;Bilagsnummer:</translation>
        </message>
        <message>
            <source>&amp;Paid on:</source>
            <translation>&amp;Utbetalt:</translation>
        </message>
        <message>
            <source>&amp;Mark as paid</source>
            <translation>&amp;Merk som utbetalt</translation>
        </message>
        <message>
            <source>Paid before it was approved (%1): is the date right?</source>
            <translation>Utbetalt før godkjenningen (%1): stemmer datoen?</translation>
        </message>
        <message>
            <source>The payment is saved.</source>
            <translation>Utbetalingen er lagret.</translation>
        </message>
    </context>
    <context>
        <name>MeetingDialog</name>
        <message>
            <source>Edit meeting</source>
            <translation>Endre møte</translation>
        </message>
        <message>
            <source>Record meeting</source>
            <translation>Registrer møte</translation>
        </message>
        <message>
            <source>&amp;When:</source>
            <translation>&amp;Når:</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Type:</translation>
        </message>
        <message>
            <source>&amp;Place:</source>
            <translation>&amp;Sted:</translation>
        </message>
        <message>
            <source>Who took part</source>
            <translation>Hvem deltok</translation>
        </message>
        <message>
            <source>child</source>
            <translation>barn</translation>
        </message>
        <message>
            <source>adult</source>
            <translation>voksen</translation>
        </message>
        <message>
            <source>staff</source>
            <translation>ansatt</translation>
        </message>
        <message>
            <source>Ne&amp;xt meeting:</source>
            <translation>N&amp;este møte:</translation>
        </message>
        <message>
            <source>The family's &amp;own words:</source>
            <translation>Familiens egne &amp;ord:</translation>
        </message>
        <message>
            <source>e.g. NAV, school (comma-separated)</source>
            <translation>f.eks. NAV, skolen (skill med komma)</translation>
        </message>
        <message>
            <source>Who took par&amp;t:</source>
            <translation>&amp;Deltakere:</translation>
        </message>
        <message>
            <source>P&amp;artners:</source>
            <translation>Samarbeids&amp;partnere:</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Avtalt</translation>
        </message>
        <message>
            <source>Next meeting time</source>
            <translation>Tidspunkt for neste møte</translation>
        </message>
        <message>
            <source>What the family said, in their own words</source>
            <translation>Det familien sa, med deres egne ord</translation>
        </message>
        <message>
            <source>What you agreed together, and who does what</source>
            <translation>Det dere ble enige om, og hvem som gjør hva</translation>
        </message>
        <message>
            <source>What was a&amp;greed:</source>
            <translation>&amp;Hva som ble avtalt:</translation>
        </message>
        <message>
            <source>Needs agreed in this meeting</source>
            <translation>Behov avtalt i dette møtet</translation>
        </message>
        <message>
            <source>Add &amp;need</source>
            <translation>Legg til &amp;behov</translation>
        </message>
        <message>
            <source>Payments proposed in this meeting</source>
            <translation>Utbetalinger foreslått i dette møtet</translation>
        </message>
        <message>
            <source>Add pa&amp;yment</source>
            <translation>Legg til &amp;utbetaling</translation>
        </message>
        <message>
            <source>The meeting is saved.</source>
            <translation>Møtet er lagret.</translation>
        </message>
        <message>
            <source>Payment %1, %2: %3</source>
            <translation>Utbetaling %1, %2: %3</translation>
        </message>
        <message>
            <source>tick who from the family took part, or write what was said or agreed</source>
            <translation>kryss av hvem fra familien som var med, eller skriv hva som ble sagt eller avtalt</translation>
        </message>
    </context>
    <context>
        <name>MeetingsTab</name>
        <message>
            <source>When</source>
            <translation>Når</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Sted</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Møter</translation>
        </message>
        <message>
            <source>Meeting notes</source>
            <translation>Møtenotater</translation>
        </message>
        <message>
            <source>&amp;Record meeting…</source>
            <translation>&amp;Registrer møte…</translation>
        </message>
        <message>
            <source>&amp;Edit meeting…</source>
            <translation>&amp;Endre møte…</translation>
        </message>
        <message>
            <source>Edit the chosen meeting</source>
            <translation>Endre det valgte møtet</translation>
        </message>
        <message>
            <source>Re&amp;move meeting…</source>
            <translation>Fjern &amp;møte…</translation>
        </message>
        <message>
            <source>No meetings recorded yet.</source>
            <translation>Ingen møter er registrert ennå.</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Familie</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Ansatte</translation>
        </message>
        <message>
            <source>Partners</source>
            <translation>Samarbeidspartnere</translation>
        </message>
        <message>
            <source>Needs agreed</source>
            <translation>Behov som ble avtalt</translation>
        </message>
        <message>
            <source>Payments proposed in the meeting</source>
            <translation>Utbetalinger foreslått i møtet</translation>
        </message>
        <message>
            <source>Next meeting</source>
            <translation>Neste møte</translation>
        </message>
        <message>
            <source>Choose a meeting first.</source>
            <translation>Velg et møte først.</translation>
        </message>
        <message>
            <source>No meetings yet: record one first.</source>
            <translation>Ingen møter ennå: registrer et møte først.</translation>
        </message>
        <message>
            <source>Remove meeting</source>
            <translation>Fjern møte</translation>
        </message>
        <message>
            <source>Remove this meeting? It is kept in the history with your reason.</source>
            <translation>Fjerne dette møtet? Det tas vare på i historikken sammen med begrunnelsen din.</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>&amp;Fjern</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <source>Edit member</source>
            <translation>Endre medlem</translation>
        </message>
        <message>
            <source>Add member</source>
            <translation>Legg til medlem</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Navn:</translation>
        </message>
        <message>
            <source>&amp;Adult</source>
            <translation>&amp;Voksen</translation>
        </message>
        <message>
            <source>C&amp;hild</source>
            <translation>&amp;Barn</translation>
        </message>
        <message>
            <source>Adult or child</source>
            <translation>Voksen eller barn</translation>
        </message>
        <message>
            <source>Adult or child:</source>
            <translation>Voksen eller barn:</translation>
        </message>
        <message>
            <source>e.g. 1985 (optional)</source>
            <translation>f.eks. 1985 (valgfritt)</translation>
        </message>
        <message>
            <source>Birth &amp;year:</source>
            <translation>Fødsels&amp;år:</translation>
        </message>
        <message>
            <source>11 digits (optional)</source>
            <translation>11 siffer (valgfritt)</translation>
        </message>
        <message>
            <source>National &amp;identity number:</source>
            <translation>&amp;Fødselsnummer/D-nummer:</translation>
        </message>
        <message>
            <source>&amp;Phone:</source>
            <translation>&amp;Telefon:</translation>
        </message>
        <message>
            <source>Primary &amp;contact for the family</source>
            <translation>&amp;Hovedkontakt for familien</translation>
        </message>
        <message>
            <source>write the year with four digits</source>
            <translation>skriv årstallet med fire siffer</translation>
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fil</translation>
        </message>
        <message>
            <source>&amp;New family…</source>
            <translation>&amp;Ny familie…</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>&amp;Lås</translation>
        </message>
        <message>
            <source>Change &amp;passphrase…</source>
            <translation>Bytt &amp;passordfrase…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Avslutt</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Vis</translation>
        </message>
        <message>
            <source>&amp;Case list</source>
            <translation>&amp;Saksliste</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>S&amp;øk</translation>
        </message>
        <message>
            <source>&amp;Back to the case list</source>
            <translation>&amp;Tilbake til sakslisten</translation>
        </message>
        <message>
            <source>&amp;Reload</source>
            <translation>&amp;Oppdater</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>S&amp;pråk</translation>
        </message>
        <message>
            <source>&amp;Norwegian dates and amounts</source>
            <translation>&amp;Norske datoer og beløp</translation>
        </message>
        <message>
            <source>Register handover receip&amp;t…</source>
            <translation>Legg inn kvitte&amp;ring for overføring…</translation>
        </message>
        <message>
            <source>05.12.2026 and 12 000,00 kr in every language; off: the language's own</source>
            <translation>05.12.2026 og 12 000,00 kr på alle språk; av: språkets egne</translation>
        </message>
        <message>
            <source>F&amp;amily</source>
            <translation>F&amp;amilie</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>L&amp;ogg av</translation>
        </message>
        <message>
            <source>&amp;Edit family…</source>
            <translation>&amp;Endre familie…</translation>
        </message>
        <message>
            <source>Add &amp;member…</source>
            <translation>Legg til &amp;medlem…</translation>
        </message>
        <message>
            <source>&amp;Record meeting…</source>
            <translation>&amp;Registrer møte…</translation>
        </message>
        <message>
            <source>Raise &amp;need…</source>
            <translation>Meld &amp;behov…</translation>
        </message>
        <message>
            <source>&amp;Propose payment…</source>
            <translation>&amp;Foreslå utbetaling…</translation>
        </message>
        <message>
            <source>Record check-&amp;in…</source>
            <translation>Registrer &amp;kartlegging…</translation>
        </message>
        <message>
            <source>Record &amp;consent…</source>
            <translation>Registrer &amp;samtykke…</translation>
        </message>
        <message>
            <source>Family c&amp;opy…</source>
            <translation>Familiens ko&amp;pi…</translation>
        </message>
        <message>
            <source>Case &amp;summary…</source>
            <translation>Saks&amp;oppsummering…</translation>
        </message>
        <message>
            <source>Hand over to another &amp;journal…</source>
            <translation>Overfør til en annen &amp;journal…</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Oversikt</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Møter</translation>
        </message>
        <message>
            <source>Needs</source>
            <translation>Behov</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>Utbetalinger</translation>
        </message>
        <message>
            <source>Check-ins</source>
            <translation>Kartlegginger</translation>
        </message>
        <message>
            <source>Consents</source>
            <translation>Samtykker</translation>
        </message>
        <message>
            <source>History</source>
            <translation>Historikk</translation>
        </message>
        <message>
            <source>&amp;Team lead</source>
            <translation>&amp;Leder</translation>
        </message>
        <message>
            <source>&amp;My profile…</source>
            <translation>&amp;Min profil…</translation>
        </message>
        <message>
            <source>&amp;Approvals</source>
            <translation>&amp;Godkjenninger</translation>
        </message>
        <message>
            <source>&amp;Portfolio report…</source>
            <translation>&amp;Porteføljerapport…</translation>
        </message>
        <message>
            <source>Print &amp;case summaries…</source>
            <translation>Skriv ut &amp;saksoppsummeringer…</translation>
        </message>
        <message>
            <source>&amp;Users…</source>
            <translation>&amp;Brukere…</translation>
        </message>
        <message>
            <source>Journal &amp;settings…</source>
            <translation>Journalens &amp;innstillinger…</translation>
        </message>
        <message>
            <source>Contact details for &amp;families…</source>
            <translation>Kontaktinfo for &amp;familier…</translation>
        </message>
        <message>
            <source>&amp;Verify the audit log</source>
            <translation>&amp;Kontroller revisjonsloggen</translation>
        </message>
        <message>
            <source>&amp;Export to study…</source>
            <translation>&amp;Eksporter til studie…</translation>
        </message>
        <message>
            <source>Export &amp;history…</source>
            <translation>Eksport&amp;historikk…</translation>
        </message>
        <message>
            <source>&amp;Import study profile…</source>
            <translation>Importer st&amp;udieprofil…</translation>
        </message>
        <message>
            <source>&amp;Receive a family…</source>
            <translation>&amp;Ta imot en familie…</translation>
        </message>
        <message>
            <source>Journals for hand&amp;over…</source>
            <translation>Journaler for &amp;overføring…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hjelp</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Hurtigtaster</translation>
        </message>
        <message>
            <source>&amp;About SamJournal</source>
            <translation>&amp;Om SamJournal</translation>
        </message>
        <message>
            <source>&amp;Access log…</source>
            <translation>&amp;Innsynslogg…</translation>
        </message>
        <message>
            <source>Erase famil&amp;y…</source>
            <translation>S&amp;lett familien for godt…</translation>
        </message>
        <message>
            <source>Cases due for pur&amp;ge…</source>
            <translation>Saker som skal s&amp;lettes…</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <source>Close message</source>
            <translation>Lukk meldingen</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Melding</translation>
        </message>
    </context>
    <context>
        <name>MoneyEdit</name>
        <message>
            <source>e.g. 1250</source>
            <translation>f.eks. 1250</translation>
        </message>
    </context>
    <context>
        <name>MyProfileDialog</name>
        <message>
            <source>Your work phone was saved.</source>
            <translation>Jobbtelefonen din er lagret.</translation>
        </message>
        <message>
            <source>My profile</source>
            <translation>Min profil</translation>
        </message>
        <message>
            <source>Your work phone is printed on the family's copy for the families you follow, under “Who to call”. Leave it empty to print none.</source>
            <translation>Jobbtelefonen din skrives på familiens kopi for familiene du følger, under «Hvem dere kan ringe». La feltet stå tomt hvis du ikke vil ha noe nummer der.</translation>
        </message>
        <message>
            <source>You are:</source>
            <translation>Du er:</translation>
        </message>
        <message>
            <source>e.g. 415 55 123</source>
            <translation>f.eks. 415 55 123</translation>
        </message>
        <message>
            <source>&amp;Work phone:</source>
            <translation>&amp;Jobbtelefon:</translation>
        </message>
    </context>
    <context>
        <name>NeedDialog</name>
        <message>
            <source>Edit need</source>
            <translation>Endre behov</translation>
        </message>
        <message>
            <source>Raise need</source>
            <translation>Meld behov</translation>
        </message>
        <message>
            <source>In the family's own words</source>
            <translation>Med familiens egne ord</translation>
        </message>
        <message>
            <source>&amp;Need:</source>
            <translation>&amp;Behov:</translation>
        </message>
        <message>
            <source>&amp;Category:</source>
            <translation>&amp;Kategori:</translation>
        </message>
        <message>
            <source>The need is saved.</source>
            <translation>Behovet er lagret.</translation>
        </message>
    </context>
    <context>
        <name>NeedRow</name>
        <message>
            <source>The need, in the family's words</source>
            <translation>Behovet, med familiens ord</translation>
        </message>
        <message>
            <source>Need</source>
            <translation>Behov</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
    </context>
    <context>
        <name>NeedStatusDialog</name>
        <message>
            <source>Change need status</source>
            <translation>Endre status for behov</translation>
        </message>
        <message>
            <source>Need:</source>
            <translation>Behov:</translation>
        </message>
        <message>
            <source>Now:</source>
            <translation>Nå:</translation>
        </message>
        <message>
            <source>&amp;New status:</source>
            <translation>&amp;Ny status:</translation>
        </message>
        <message>
            <source>Agreed in &amp;meeting:</source>
            <translation>Avtalt i &amp;møte:</translation>
        </message>
        <message>
            <source>&amp;Outcome:</source>
            <translation>&amp;Resultat:</translation>
        </message>
        <message>
            <source>The need is saved.</source>
            <translation>Behovet er lagret.</translation>
        </message>
    </context>
    <context>
        <name>NeedsTab</name>
        <message>
            <source>Need</source>
            <translation>Behov</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Raised</source>
            <translation>Meldt</translation>
        </message>
        <message>
            <source>Needs</source>
            <translation>Behov</translation>
        </message>
        <message>
            <source>&amp;Raise need…</source>
            <translation>&amp;Meld behov…</translation>
        </message>
        <message>
            <source>&amp;Edit need…</source>
            <translation>&amp;Endre behov…</translation>
        </message>
        <message>
            <source>Change &amp;status…</source>
            <translation>Endre s&amp;tatus…</translation>
        </message>
        <message>
            <source>&amp;Propose payment for need…</source>
            <translation>Foreslå utbetaling til &amp;behovet…</translation>
        </message>
        <message>
            <source>Choose a need in the list first.</source>
            <translation>Velg et behov i listen først.</translation>
        </message>
        <message>
            <source>No needs yet.</source>
            <translation>Ingen behov ennå.</translation>
        </message>
        <message>
            <source>This need is finished; its status cannot change.</source>
            <translation>Dette behovet er avsluttet; statusen kan ikke endres.</translation>
        </message>
    </context>
    <context>
        <name>OverviewTab</name>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Navn</translation>
        </message>
        <message>
            <source>Adult/child</source>
            <translation>Voksen/barn</translation>
        </message>
        <message>
            <source>child</source>
            <translation>barn</translation>
        </message>
        <message>
            <source>adult</source>
            <translation>voksen</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>Født</translation>
        </message>
        <message>
            <source>Identity number</source>
            <translation>Fødselsnummer</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Medlemmer</translation>
        </message>
        <message>
            <source>&amp;Edit member…</source>
            <translation>&amp;Endre medlem…</translation>
        </message>
        <message>
            <source>A&amp;dd member…</source>
            <translation>Le&amp;gg til medlem…</translation>
        </message>
        <message>
            <source>&amp;Remove member…</source>
            <translation>Fje&amp;rn medlem…</translation>
        </message>
        <message>
            <source>Copy identity &amp;number</source>
            <translation>&amp;Kopier fødselsnummer</translation>
        </message>
        <message>
            <source>The clipboard is cleared again after 30 seconds.</source>
            <translation>Utklippstavlen tømmes igjen etter 30 sekunder.</translation>
        </message>
        <message>
            <source>Budget since the case opened</source>
            <translation>Budsjett siden saken startet</translation>
        </message>
        <message>
            <source>Paid and approved since the case opened, against the family's budget frame. To give a new year its own room, the team lead raises the frame.</source>
            <translation>Utbetalt og godkjent siden saken startet, mot familiens budsjettramme. For å gi et nytt år eget rom hever teamlederen rammen.</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Møter</translation>
        </message>
        <message>
            <source>Next:</source>
            <translation>Neste:</translation>
        </message>
        <message>
            <source>Last:</source>
            <translation>Siste:</translation>
        </message>
        <message>
            <source>Check-in:</source>
            <translation>Kartlegging:</translation>
        </message>
        <message>
            <source>Check-in due</source>
            <translation>Kartlegging som venter</translation>
        </message>
        <message>
            <source>Open need</source>
            <translation>Åpent behov</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Open needs</source>
            <translation>Åpne behov</translation>
        </message>
        <message>
            <source>not planned</source>
            <translation>ikke avtalt</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>ingen ennå</translation>
        </message>
        <message>
            <source>Caseworker: %1 · District: %2 · Opened %3</source>
            <translation>Familiekoordinator: %1 · Bydel: %2 · Åpnet %3</translation>
        </message>
        <message>
            <source>Choose a member in the list first.</source>
            <translation>Velg et medlem i listen først.</translation>
        </message>
        <message>
            <source>No members yet: add one first.</source>
            <translation>Ingen medlemmer ennå: legg til et medlem først.</translation>
        </message>
        <message>
            <source>Remove member</source>
            <translation>Fjern medlem</translation>
        </message>
        <message>
            <source>Remove %1 from the family? The record is kept in the history.</source>
            <translation>Fjerne %1 fra familien? Opplysningene tas vare på i historikken.</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>&amp;Fjern</translation>
        </message>
        <message>
            <source>This member has no identity number recorded.</source>
            <translation>Dette medlemmet har ikke registrert fødselsnummer.</translation>
        </message>
        <message>
            <source>Copied. The clipboard is cleared in 30 seconds.</source>
            <translation>Kopiert. Utklippstavlen tømmes om 30 sekunder.</translation>
        </message>
    </context>
    <context>
        <name>PageView</name>
        <message>
            <source>Pages of the printout</source>
            <translation>Sidene i utskriften</translation>
        </message>
    </context>
    <context>
        <name>PassphraseEdit</name>
        <message>
            <source>Hide passphrase</source>
            <translation>Skjul passordfrasen</translation>
        </message>
        <message>
            <source>Show passphrase</source>
            <translation>Vis passordfrasen</translation>
        </message>
    </context>
    <context>
        <name>PaymentDecisions</name>
        <message>
            <source>Reject payment</source>
            <translation>Avslå utbetaling</translation>
        </message>
        <message>
            <source>Reject %1 for “%2”?</source>
            <translation>Avslå %1 til «%2»?</translation>
        </message>
        <message>
            <source>Re&amp;ject</source>
            <translation>&amp;Avslå</translation>
        </message>
        <message>
            <source>Cancel payment</source>
            <translation>Kanseller utbetaling</translation>
        </message>
        <message>
            <source>Cancel %1 for “%2”?</source>
            <translation>Kansellere %1 til «%2»?</translation>
        </message>
        <message>
            <source>Cancel &amp;payment</source>
            <translation>&amp;Kanseller utbetalingen</translation>
        </message>
        <message>
            <source>Approve payment</source>
            <translation>Godkjenn utbetaling</translation>
        </message>
        <message>
            <source>Approve %1 to %2 for “%3”? Left of the family's budget frame before this payment: %4.</source>
            <translation>Godkjenne %1 til %2 for «%3»? Igjen av familiens budsjettramme før denne utbetalingen: %4.</translation>
        </message>
        <message>
            <source>&amp;Approve</source>
            <translation>&amp;Godkjenn</translation>
        </message>
        <message>
            <source>Approve over budget</source>
            <translation>Godkjenn over budsjett</translation>
        </message>
        <message>
            <source>This payment takes the family over its yearly budget frame. Approve it anyway?</source>
            <translation>Denne utbetalingen tar familien over årets budsjettramme. Godkjenne likevel?</translation>
        </message>
        <message>
            <source>&amp;Approve over budget</source>
            <translation>&amp;Godkjenn over budsjett</translation>
        </message>
    </context>
    <context>
        <name>PaymentRow</name>
        <message>
            <source>Amount</source>
            <translation>Beløp</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Formål</translation>
        </message>
        <message>
            <source>(no need)</source>
            <translation>(uten behov)</translation>
        </message>
        <message>
            <source>New: %1</source>
            <translation>Nytt: %1</translation>
        </message>
    </context>
    <context>
        <name>PaymentsTab</name>
        <message>
            <source>Proposed</source>
            <translation>Foreslått</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Beløp</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Formål</translation>
        </message>
        <message>
            <source>Need</source>
            <translation>Behov</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Proposed by</source>
            <translation>Foreslått av</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>Godkjent av</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>Bilag</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>Utbetalinger</translation>
        </message>
        <message>
            <source>&amp;Propose payment…</source>
            <translation>Foreslå ut&amp;betaling…</translation>
        </message>
        <message>
            <source>App&amp;rove</source>
            <translation>&amp;Godkjenn</translation>
        </message>
        <message>
            <source>Ca&amp;ncel payment…</source>
            <translation>&amp;Kanseller utbetaling…</translation>
        </message>
        <message>
            <source>Rejected.</source>
            <translation>Avslått.</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Kansellert.</translation>
        </message>
        <message>
            <source>&amp;Mark paid…</source>
            <translation>&amp;Merk utbetalt…</translation>
        </message>
        <message>
            <source>Re&amp;ject…</source>
            <translation>Avsl&amp;å…</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategori</translation>
        </message>
        <message>
            <source>Totals per category</source>
            <translation>Sum per kategori</translation>
        </message>
        <message>
            <source>Totals per need</source>
            <translation>Sum per behov</translation>
        </message>
        <message>
            <source>(no need)</source>
            <translation>(uten behov)</translation>
        </message>
        <message>
            <source>needs a second team lead</source>
            <translation>krever en teamleder til</translation>
        </message>
        <message>
            <source>needs team lead</source>
            <translation>krever teamleder</translation>
        </message>
        <message>
            <source>Approved.</source>
            <translation>Godkjent.</translation>
        </message>
    </context>
    <context>
        <name>PeriodChoice</name>
        <message>
            <source>The &amp;whole case</source>
            <translation>&amp;Hele saken</translation>
        </message>
        <message>
            <source>O&amp;nly:</source>
            <translation>&amp;Bare:</translation>
        </message>
    </context>
    <context>
        <name>PeriodEdit</name>
        <message>
            <source>Period from</source>
            <translation>Perioden fra</translation>
        </message>
        <message>
            <source>Period to</source>
            <translation>Perioden til</translation>
        </message>
    </context>
    <context>
        <name>PortfolioDialog</name>
        <message>
            <source>Portfolio report</source>
            <translation>Porteføljerapport</translation>
        </message>
        <message>
            <source>Figures and charts over every family for the period: families by status, payments by category and month, budget use, needs and check-in scores.</source>
            <translation>Tall og diagrammer over alle familiene i perioden: familier etter status, utbetalinger etter kategori og måned, budsjettbruk, behov og kartleggingsskårer.</translation>
        </message>
        <message>
            <source>Pe&amp;riod:</source>
            <translation>Pe&amp;riode:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>S&amp;pråk:</translation>
        </message>
    </context>
    <context>
        <name>PreviewDialog</name>
        <message>
            <source>Print preview — %1</source>
            <translation>Forhåndsvisning — %1</translation>
        </message>
        <message>
            <source>Pages of the document</source>
            <translation>Sidene i dokumentet</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>Skriv &amp;ut…</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>&amp;Lagre som PDF…</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Zoom u&amp;t</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>Zoom &amp;inn</translation>
        </message>
        <message>
            <source>&amp;Fit to width</source>
            <translation>Tilpass til &amp;bredden</translation>
        </message>
        <message>
            <source>Preview tools</source>
            <translation>Verktøy for forhåndsvisningen</translation>
        </message>
        <message>
            <source>Page number</source>
            <translation>Sidenummer</translation>
        </message>
        <message>
            <source>This is exactly what will be printed. Nothing is saved unless you choose Save as PDF.</source>
            <translation>Slik blir utskriften. Ingenting lagres med mindre du velger Lagre som PDF.</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Lukk</translation>
        </message>
        <message>
            <source>Close the preview</source>
            <translation>Lukk forhåndsvisningen</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>Side %1 av %2</translation>
        </message>
        <message numerus="yes">
            <source>Sent %n page(s) to the printer.</source>
            <translation>
                <numerusform>Sendte %n side til skriveren.</numerusform>
                <numerusform>Sendte %n sider til skriveren.</numerusform>
            </translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>Skriver ut…</translation>
        </message>
        <message>
            <source>Saved as %1.</source>
            <translation>Lagret som %1.</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <source>No printer</source>
            <translation>Ingen skriver</translation>
        </message>
        <message>
            <source>No printer is set up on this computer. Save the document as a PDF instead, and print it where there is a printer; or ask IT to set one up.</source>
            <translation>Ingen skriver er satt opp på denne maskinen. Lagre dokumentet som PDF i stedet, og skriv det ut der det finnes en skriver; eller be IT sette opp en.</translation>
        </message>
    </context>
    <context>
        <name>Printouts</name>
        <message>
            <source>Save as PDF</source>
            <translation>Lagre som PDF</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF-dokumenter (*.pdf)</translation>
        </message>
        <message>
            <source>Save the case summaries in</source>
            <translation>Lagre saksoppsummeringene i</translation>
        </message>
        <message>
            <source>Replace files?</source>
            <translation>Erstatte filer?</translation>
        </message>
        <message>
            <source>These files are already in the folder and will be replaced:
%1</source>
            <translation>Disse filene finnes allerede i mappen og blir erstattet:
%1</translation>
        </message>
        <message>
            <source>&amp;Replace</source>
            <translation>&amp;Erstatt</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>Case summary</source>
            <translation>Saksoppsummering</translation>
        </message>
        <message>
            <source>Family copy</source>
            <translation>Familiens kopi</translation>
        </message>
        <message>
            <source>Portfolio report</source>
            <translation>Porteføljerapport</translation>
        </message>
        <message>
            <source>case-summary</source>
            <translation>saksoppsummering</translation>
        </message>
        <message>
            <source>family-copy</source>
            <translation>familiekopi</translation>
        </message>
        <message>
            <source>portfolio</source>
            <translation>portefolje</translation>
        </message>
        <message>
            <source>Access log</source>
            <translation>Innsynslogg</translation>
        </message>
        <message>
            <source>access-log</source>
            <translation>innsynslogg</translation>
        </message>
    </context>
    <context>
        <name>ProposePaymentDialog</name>
        <message>
            <source>Propose payment</source>
            <translation>Foreslå utbetaling</translation>
        </message>
        <message>
            <source>&amp;Amount (NOK):</source>
            <translation>&amp;Beløp (kr):</translation>
        </message>
        <message>
            <source>&amp;Purpose:</source>
            <translation>&amp;Formål:</translation>
        </message>
        <message>
            <source>&amp;Method:</source>
            <translation>Betalings&amp;måte:</translation>
        </message>
        <message>
            <source>(no need)</source>
            <translation>(uten behov)</translation>
        </message>
        <message>
            <source>For &amp;need:</source>
            <translation>Til be&amp;hov:</translation>
        </message>
        <message>
            <source>%1 over the family's budget frame (%2 left).</source>
            <translation>%1 over familiens budsjettramme (%2 igjen).</translation>
        </message>
        <message>
            <source>The payment is saved.</source>
            <translation>Utbetalingen er lagret.</translation>
        </message>
    </context>
    <context>
        <name>PurgeListDialog</name>
        <message>
            <source>Cases due for purge</source>
            <translation>Saker som skal slettes</translation>
        </message>
        <message numerus="yes">
            <source>These cases ended more than %n year(s) ago (the journal's retention period). Check that the archive has what the municipality must keep, then purge them: each case and everything recorded about it is deleted for good.</source>
            <translation>
                <numerusform>Disse sakene ble avsluttet for mer enn %n år siden (journalens oppbevaringstid). Sjekk at arkivet har det kommunen skal ta vare på, og slett dem så: hver sak og alt som er registrert om den, slettes for godt.</numerusform>
                <numerusform>Disse sakene ble avsluttet for mer enn %n år siden (journalens oppbevaringstid). Sjekk at arkivet har det kommunen skal ta vare på, og slett dem så: hver sak og alt som er registrert om den, slettes for godt.</numerusform>
            </translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Sak</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Familie</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Familiekoordinator</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Avsluttet</translation>
        </message>
        <message>
            <source>Retention ran out</source>
            <translation>Oppbevaringstiden gikk ut</translation>
        </message>
        <message>
            <source>Removed earlier</source>
            <translation>Fjernet tidligere</translation>
        </message>
        <message>
            <source>No case is due for purge.</source>
            <translation>Ingen saker skal slettes nå.</translation>
        </message>
        <message>
            <source>&amp;Purge…</source>
            <translation>&amp;Slett…</translation>
        </message>
        <message>
            <source>Purge the selected case</source>
            <translation>Slett den valgte saken</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Lukk</translation>
        </message>
        <message>
            <source>Choose a case in the list first.</source>
            <translation>Velg en sak i listen først.</translation>
        </message>
        <message>
            <source>Purge case %1</source>
            <translation>Slett sak %1</translation>
        </message>
        <message>
            <source>Purge %1 (case %2)? Its retention period ran out on %3. The case and everything recorded about it is deleted for good; the audit log keeps only that it was purged, and why. It cannot be undone. Older backups still hold it until they are replaced.</source>
            <translation>Slette %1 (sak %2)? Oppbevaringstiden gikk ut %3. Saken og alt som er registrert om den, slettes for godt; revisjonsloggen beholder bare at den ble slettet, og hvorfor. Det kan ikke angres. Eldre sikkerhetskopier har den fortsatt til de blir erstattet.</translation>
        </message>
        <message>
            <source>&amp;Purge for good</source>
            <translation>&amp;Slett for godt</translation>
        </message>
        <message>
            <source>Retention period ended</source>
            <translation>Oppbevaringstiden er ute</translation>
        </message>
        <message>
            <source>Case %1 was purged.</source>
            <translation>Sak %1 er slettet.</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Begrunnelse:</translation>
        </message>
    </context>
    <context>
        <name>ReceiveFamilyDialog</name>
        <message>
            <source>Receive a family</source>
            <translation>Ta imot en familie</translation>
        </message>
        <message>
            <source>Choose the handover file from the other journal. The family is added with its whole history and a new case number, and a receipt is written beside the file: send it back so the family can leave the other journal.</source>
            <translation>Velg overføringsfilen fra den andre journalen. Familien legges til med hele historikken og et nytt saksnummer, og en kvittering skrives ved siden av filen: send den tilbake, så familien kan slettes i den andre journalen.</translation>
        </message>
        <message>
            <source>Handover file</source>
            <translation>Overføringsfil</translation>
        </message>
        <message>
            <source>&amp;Receive</source>
            <translation>&amp;Ta imot</translation>
        </message>
        <message>
            <source>Handover files (*.age);;All files (*)</source>
            <translation>Overføringsfiler (*.age);;Alle filer (*)</translation>
        </message>
        <message>
            <source>%1 (was %2)</source>
            <translation>%1 (tidligere %2)</translation>
        </message>
        <message>
            <source>This file was received before: nothing changed. The receipt was written again to %1.</source>
            <translation>Denne filen er tatt imot før: ingenting er endret. Kvitteringen ble skrevet på nytt til %1.</translation>
        </message>
        <message>
            <source>Received from %1: case %2. Send the receipt %3 back to them.</source>
            <translation>Tatt imot fra %1: sak %2. Send kvitteringen %3 tilbake til dem.</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <source>New recovery key</source>
            <translation>Ny gjenopprettingsnøkkel</translation>
        </message>
        <message>
            <source>Write this key on the recovery sheet and keep it in the safe. It is shown only once. The old key no longer works.</source>
            <translation>Skriv denne nøkkelen på gjenopprettingsarket og legg det i safen. Den vises bare én gang. Den gamle nøkkelen virker ikke lenger.</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>Gjenopprettingsnøkkel</translation>
        </message>
        <message>
            <source>&amp;Print recovery sheet…</source>
            <translation>&amp;Skriv ut gjenopprettingsark…</translation>
        </message>
        <message>
            <source>Print the recovery sheet</source>
            <translation>Skriv ut gjenopprettingsarket</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>&amp;Lagre som PDF…</translation>
        </message>
        <message>
            <source>I have written it down</source>
            <translation>Jeg har skrevet den ned</translation>
        </message>
        <message>
            <source>Recovery sheet</source>
            <translation>Gjenopprettingsark</translation>
        </message>
        <message>
            <source>The recovery sheet was sent to the printer.</source>
            <translation>Gjenopprettingsarket er sendt til skriveren.</translation>
        </message>
    </context>
    <context>
        <name>RecoveryResetDialog</name>
        <message>
            <source>Reset passphrase with recovery key</source>
            <translation>Ny passordfrase med gjenopprettingsnøkkelen</translation>
        </message>
        <message>
            <source>The recovery key is on the recovery sheet in the team lead's safe. It gives the chosen user a new passphrase.</source>
            <translation>Gjenopprettingsnøkkelen står på gjenopprettingsarket i teamlederens safe. Med den får brukeren du velger en ny passordfrase.</translation>
        </message>
        <message>
            <source>Recovery &amp;key:</source>
            <translation>Gjenopprettings&amp;nøkkel:</translation>
        </message>
        <message>
            <source>&amp;User:</source>
            <translation>&amp;Bruker:</translation>
        </message>
        <message>
            <source>&amp;New passphrase:</source>
            <translation>N&amp;y passordfrase:</translation>
        </message>
        <message>
            <source>R&amp;epeat:</source>
            <translation>&amp;Gjenta:</translation>
        </message>
        <message>
            <source>&amp;Reset passphrase</source>
            <translation>&amp;Sett ny passordfrase</translation>
        </message>
        <message>
            <source>is not the same</source>
            <translation>er ikke lik</translation>
        </message>
        <message>
            <source>does not open this journal</source>
            <translation>åpner ikke denne journalen</translation>
        </message>
    </context>
    <context>
        <name>RecoverySheet</name>
        <message>
            <source>SamJournal-recovery-sheet</source>
            <translation>SamJournal-gjenopprettingsark</translation>
        </message>
        <message>
            <source>Could not save the recovery sheet there; choose another folder.</source>
            <translation>Kunne ikke lagre gjenopprettingsarket der; velg en annen mappe.</translation>
        </message>
        <message>
            <source>Saved as %1. Print it on a computer with a printer, put the sheet in the safe, and delete the file: anyone who has it can open the journal.</source>
            <translation>Lagret som %1. Skriv det ut på en maskin med skriver, legg arket i safen, og slett filen: alle som har den, kan åpne journalen.</translation>
        </message>
    </context>
    <context>
        <name>RemoveUserDialog</name>
        <message>
            <source>Remove user</source>
            <translation>Fjern bruker</translation>
        </message>
        <message>
            <source>Remove %1 (%2)? Their key is deleted and the whole journal is encrypted again with a new key, so nothing they held can open it. This can take a while.</source>
            <translation>Fjerne %1 (%2)? Nøkkelen deres slettes, og hele journalen krypteres på nytt med en ny nøkkel, så ingenting de hadde kan åpne den. Dette kan ta litt tid.</translation>
        </message>
        <message>
            <source>&amp;Remove and re-encrypt</source>
            <translation>&amp;Fjern og krypter på nytt</translation>
        </message>
    </context>
    <context>
        <name>SendFamilyDialog</name>
        <message>
            <source>Hand the family over</source>
            <translation>Overfør familien</translation>
        </message>
        <message>
            <source>The family's whole record, with every earlier version and who did what, is written to a file only the receiving journal can open. The family stays here until that journal's receipt is registered; then it is removed here for good.</source>
            <translation>Hele familiens journal, med alle tidligere versjoner og hvem som gjorde hva, skrives til en fil bare den mottakende journalen kan åpne. Familien blir her til kvitteringen fra den journalen er lagt inn; da slettes den her for godt.</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Familie</translation>
        </message>
        <message>
            <source>Family:</source>
            <translation>Familie:</translation>
        </message>
        <message>
            <source>Receiving journal</source>
            <translation>Mottakende journal</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>&amp;Til:</translation>
        </message>
        <message>
            <source>&amp;Write file</source>
            <translation>&amp;Skriv fil</translation>
        </message>
        <message>
            <source>No journal is registered yet. Register the receiving journal under Team lead ▸ Journals for handover first.</source>
            <translation>Ingen journal er registrert ennå. Registrer den mottakende journalen under Teamleder ▸ Journaler for overføring først.</translation>
        </message>
        <message>
            <source>Save handover file</source>
            <translation>Lagre overføringsfil</translation>
        </message>
        <message>
            <source>Handover files (*.age)</source>
            <translation>Overføringsfiler (*.age)</translation>
        </message>
        <message>
            <source>Written. Give the file to the receiving team lead. The family stays here, marked as waiting, until you register their receipt.</source>
            <translation>Skrevet. Gi filen til teamlederen som skal ta imot. Familien blir her, merket som ventende, til du legger inn kvitteringen deres.</translation>
        </message>
    </context>
    <context>
        <name>ServiceContactDialog</name>
        <message>
            <source>Contact details for families</source>
            <translation>Kontaktinfo for familier</translation>
        </message>
        <message>
            <source>Printed on the family's copy under “Who to call”. Leave out what you do not want printed.</source>
            <translation>Skrives ut på familiens kopi under «Hvem dere kan ringe». La stå tomt det som ikke skal skrives ut.</translation>
        </message>
        <message>
            <source>Family coordinators, Trondheim municipality</source>
            <translation>Familiekoordinatorene, Trondheim kommune</translation>
        </message>
        <message>
            <source>&amp;Name of the service:</source>
            <translation>Tjenestens &amp;navn:</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Adresse:</translation>
        </message>
        <message>
            <source>&amp;Phone:</source>
            <translation>Tele&amp;fon:</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>&amp;E-post:</translation>
        </message>
        <message>
            <source>Monday–Friday 08.00–15.30</source>
            <translation>Mandag–fredag 08.00–15.30</translation>
        </message>
        <message>
            <source>Opening &amp;hours:</source>
            <translation>Åpnings&amp;tider:</translation>
        </message>
        <message>
            <source>Work phones of the staff</source>
            <translation>Ansattes jobbtelefon</translation>
        </message>
        <message>
            <source>Work phone of %1</source>
            <translation>Jobbtelefonen til %1</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Journal settings</source>
            <translation>Journalens innstillinger</translation>
        </message>
        <message>
            <source>&amp;Approval limit (NOK):</source>
            <translation>&amp;Godkjenningsgrense (kr):</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>&amp;Lock after idle:</source>
            <translation>Lås etter &amp;inaktivitet:</translation>
        </message>
        <message>
            <source>Default yearly &amp;budget (NOK):</source>
            <translation>Standard årlig &amp;budsjett (kr):</translation>
        </message>
        <message>
            <source>Journal lan&amp;guage:</source>
            <translation>Journalens &amp;språk:</translation>
        </message>
        <message>
            <source> years</source>
            <translation> år</translation>
        </message>
        <message>
            <source>Keep closed cases &amp;for:</source>
            <translation>&amp;Oppbevar avsluttede saker i:</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>Welcome to SamJournal</source>
            <translation>Velkommen til SamJournal</translation>
        </message>
        <message>
            <source>SamJournal keeps the families' journal encrypted on this computer.</source>
            <translation>SamJournal holder familienes journal kryptert på denne maskinen.</translation>
        </message>
        <message>
            <source>Setting it up takes a few minutes: a folder, the first team lead, a passphrase, and the recovery key to write down or print.</source>
            <translation>Oppsettet tar noen minutter: en mappe, den første teamlederen, en passordfrase og gjenopprettingsnøkkelen som skrives ned eller skrives ut.</translation>
        </message>
        <message>
            <source>Language / Språk:</source>
            <translation>Språk / Language:</translation>
        </message>
        <message>
            <source>Where the journal lives</source>
            <translation>Hvor journalen skal ligge</translation>
        </message>
        <message>
            <source>The journal is one folder, encrypted. Choose an empty or new folder on this computer.</source>
            <translation>Journalen er én kryptert mappe. Velg en tom eller ny mappe på denne datamaskinen.</translation>
        </message>
        <message>
            <source>&amp;Folder:</source>
            <translation>&amp;Mappe:</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Mappe</translation>
        </message>
        <message>
            <source>The first team lead</source>
            <translation>Den første teamlederen</translation>
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation>&amp;Brukernavn:</translation>
        </message>
        <message>
            <source>Your passphrase</source>
            <translation>Passordfrasen din</translation>
        </message>
        <message>
            <source>At least 10 characters. A few ordinary words in a row are easy to remember and hard to guess.</source>
            <translation>Minst 10 tegn. Noen vanlige ord etter hverandre er lette å huske og vanskelige å gjette.</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Passordfrase:</translation>
        </message>
        <message>
            <source>Create the journal</source>
            <translation>Opprett journalen</translation>
        </message>
        <message>
            <source>SamJournal now makes the encryption keys and the journal. After this you will see the recovery key once.</source>
            <translation>SamJournal lager nå krypteringsnøklene og journalen. Etterpå ser du gjenopprettingsnøkkelen én gang.</translation>
        </message>
        <message>
            <source>Creating</source>
            <translation>Oppretter</translation>
        </message>
        <message>
            <source>&amp;Create journal</source>
            <translation>&amp;Opprett journal</translation>
        </message>
        <message>
            <source>Folder: %1
Team lead: %2 (%3)</source>
            <translation>Mappe: %1
Teamleder: %2 (%3)</translation>
        </message>
        <message>
            <source>The recovery key</source>
            <translation>Gjenopprettingsnøkkelen</translation>
        </message>
        <message>
            <source>Write these eight groups on the recovery sheet, in order, and keep it in the safe. If every passphrase is forgotten, this key is the only way in. It is shown only now.</source>
            <translation>Skriv disse åtte gruppene på gjenopprettingsarket i riktig rekkefølge, og legg arket i safen. Hvis alle glemmer passordfrasen, er denne nøkkelen eneste vei inn. Den vises bare nå.</translation>
        </message>
        <message>
            <source>I have &amp;written the key down</source>
            <translation>Jeg &amp;har skrevet ned nøkkelen</translation>
        </message>
        <message>
            <source>&amp;Print the recovery sheet…</source>
            <translation>&amp;Skriv ut gjenopprettingsarket…</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>&amp;Lagre som PDF…</translation>
        </message>
        <message>
            <source>Group %1</source>
            <translation>Gruppe %1</translation>
        </message>
        <message>
            <source>Check the sheet</source>
            <translation>Sjekk arket</translation>
        </message>
        <message>
            <source>To be sure the key was written down right, type one group from it.</source>
            <translation>Skriv inn én gruppe fra arket, så vet vi at nøkkelen ble skrevet riktig.</translation>
        </message>
        <message>
            <source>&amp;Group:</source>
            <translation>&amp;Gruppe:</translation>
        </message>
        <message>
            <source>Type group number %1 from your sheet.</source>
            <translation>Skriv gruppe nummer %1 fra arket ditt.</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Klar</translation>
        </message>
        <message>
            <source>The journal is created and you are signed in. Add caseworkers under Team lead → Users.</source>
            <translation>Journalen er opprettet, og du er logget inn. Legg til familiekoordinatorer under Leder → Brukere.</translation>
        </message>
        <message>
            <source>If you like, fill in how families reach the service: it is printed on the family's copy. Everything here is optional and can be changed later under Team lead → Contact details for families.</source>
            <translation>Fyll gjerne inn hvordan familiene når tjenesten: det skrives ut på familiens kopi. Alt her er valgfritt og kan endres senere under Leder → Kontaktinfo for familier.</translation>
        </message>
        <message>
            <source>Name of the &amp;service:</source>
            <translation>Tjenestens &amp;navn:</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Adresse:</translation>
        </message>
        <message>
            <source>&amp;Phone:</source>
            <translation>Tele&amp;fon:</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>&amp;E-post:</translation>
        </message>
        <message>
            <source>Opening &amp;hours:</source>
            <translation>Åpnings&amp;tider:</translation>
        </message>
        <message>
            <source>Set up SamJournal</source>
            <translation>Sett opp SamJournal</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>&amp;Neste &gt;</translation>
        </message>
        <message>
            <source>B&amp;rowse…</source>
            <translation>&amp;Bla gjennom…</translation>
        </message>
        <message>
            <source>The team lead approves payments over the approval limit, manages users and keeps the recovery key. More users are added later.</source>
            <translation>Teamlederen godkjenner utbetalinger over godkjenningsgrensen, styrer brukerne og tar vare på gjenopprettingsnøkkelen. Flere brukere legges til senere.</translation>
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation>&amp;Fullt navn:</translation>
        </message>
        <message>
            <source>R&amp;epeat:</source>
            <translation>&amp;Gjenta:</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; &amp;Tilbake</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Avbryt</translation>
        </message>
        <message>
            <source>&amp;Start SamJournal</source>
            <translation>&amp;Start SamJournal</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Hurtigtaster</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Taster</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Handling</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Lukk</translation>
        </message>
    </context>
    <context>
        <name>Strength</name>
        <message>
            <source>Use at least 10 characters.</source>
            <translation>Bruk minst 10 tegn.</translation>
        </message>
        <message>
            <source>Mix capitals, digits or signs, or use more words.</source>
            <translation>Bland store bokstaver, tall eller tegn, eller bruk flere ord.</translation>
        </message>
        <message>
            <source>Several ordinary words in a row are easy to remember and hard to guess.</source>
            <translation>Flere vanlige ord etter hverandre er lette å huske og vanskelige å gjette.</translation>
        </message>
        <message>
            <source>Avoid repeating the same letters.</source>
            <translation>Unngå å gjenta de samme bokstavene.</translation>
        </message>
        <message>
            <source>Avoid runs like abc, 1234 and qwerty.</source>
            <translation>Unngå rekker som abc, 1234 og qwerty.</translation>
        </message>
        <message>
            <source>Common passwords and single words are guessed first.</source>
            <translation>Vanlige passord og enkeltord blir gjettet først.</translation>
        </message>
        <message>
            <source>Avoid dates and years.</source>
            <translation>Unngå datoer og årstall.</translation>
        </message>
        <message>
            <source>Avoid your own name.</source>
            <translation>Unngå ditt eget navn.</translation>
        </message>
        <message>
            <source>Too short</source>
            <translation>For kort</translation>
        </message>
        <message>
            <source>Weak</source>
            <translation>Svak</translation>
        </message>
        <message>
            <source>Fair</source>
            <translation>Middels</translation>
        </message>
        <message>
            <source>Good</source>
            <translation>God</translation>
        </message>
        <message>
            <source>Strong</source>
            <translation>Sterk</translation>
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation>Passordfrasens styrke</translation>
        </message>
    </context>
    <context>
        <name>TrendChart</name>
        <message>
            <source>Check-in trend chart</source>
            <translation>Utviklingen i kartleggingene</translation>
        </message>
        <message numerus="yes">
            <source>%n check-in(s); life satisfaction went from %1 to %2</source>
            <translation>
                <numerusform>%n kartlegging; livet alt i alt gikk fra %1 til %2</numerusform>
                <numerusform>%n kartlegginger; livet alt i alt gikk fra %1 til %2</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: no answers</source>
            <translation>%1: ingen svar</translation>
        </message>
        <message>
            <source>%1 from %2 to %3</source>
            <translation>%1 fra %2 til %3</translation>
        </message>
        <message>
            <source>No check-ins yet. Record the family's answers with Record check-in…; each one is drawn here, so the trend shows over time.</source>
            <translation>Ingen kartlegginger ennå. Registrer familiens svar med Registrer kartlegging…; hver av dem tegnes her, så utviklingen vises over tid.</translation>
        </message>
        <message>
            <source>Life satisfaction</source>
            <translation>Livet alt i alt</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <source>Unlock SamJournal</source>
            <translation>Lås opp SamJournal</translation>
        </message>
        <message>
            <source>The journal is locked.</source>
            <translation>Journalen er låst.</translation>
        </message>
        <message>
            <source>Unlock the journal</source>
            <translation>Lås opp journalen</translation>
        </message>
        <message>
            <source>Journal: %1</source>
            <translation>Journal: %1</translation>
        </message>
        <message>
            <source>DEMO JOURNAL with made-up families. The passphrase for every demo user is: %1</source>
            <translation>DEMOJOURNAL med oppdiktede familier. Passordfrasen for alle demobrukerne er: %1</translation>
        </message>
        <message>
            <source>User</source>
            <translation>Bruker</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passordfrase</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Passordfrase:</translation>
        </message>
        <message>
            <source>⚠︎ Caps Lock seems to be on.</source>
            <translation>⚠︎ Caps Lock ser ut til å være på.</translation>
        </message>
        <message>
            <source>Caps Lock seems to be on.</source>
            <translation>Caps Lock ser ut til å være på.</translation>
        </message>
        <message>
            <source>Sign in as someone &amp;else…</source>
            <translation>Logg inn som en a&amp;nnen…</translation>
        </message>
        <message>
            <source>&amp;Take the journal as it is…</source>
            <translation>Go&amp;dta journalen slik den er…</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Lås opp</translation>
        </message>
        <message>
            <source>&amp;Quit SamJournal</source>
            <translation>&amp;Avslutt SamJournal</translation>
        </message>
        <message>
            <source>&amp;Forgot passphrase…</source>
            <translation>&amp;Glemt passordfrasen…</translation>
        </message>
        <message>
            <source>&amp;Other journal…</source>
            <translation>A&amp;nnen journal…</translation>
        </message>
        <message>
            <source>U&amp;ser:</source>
            <translation>&amp;Bruker:</translation>
        </message>
        <message>
            <source>Type your passphrase.</source>
            <translation>Skriv passordfrasen din.</translation>
        </message>
        <message>
            <source>Take the journal as it is?</source>
            <translation>Godta journalen slik den er?</translation>
        </message>
        <message>
            <source>The work the message names is then given up for good, unless a newer backup holds it: restore that backup instead if you have one. Only a team lead can do this; it is recorded in the audit log and told to the evaluator in the next bundle.</source>
            <translation>Arbeidet meldingen nevner, er da gitt opp for godt, med mindre en nyere sikkerhetskopi har det: gjenopprett heller den om du har en. Bare en teamleder kan gjøre dette; det føres i revisjonsloggen og meldes til evaluator i neste pakke.</translation>
        </message>
        <message>
            <source>&amp;Take it as it is</source>
            <translation>&amp;Godta slik den er</translation>
        </message>
        <message>
            <source>Upgrading the journal to this version (only once; it can take a minute)…</source>
            <translation>Oppgraderer journalen til denne versjonen (bare én gang; det kan ta et minutt)…</translation>
        </message>
        <message>
            <source>Wrong passphrase. Check the user and try again (is Caps Lock on?). A forgotten passphrase can be replaced with the recovery key (Forgot passphrase…).</source>
            <translation>Feil passordfrase. Sjekk brukeren og prøv igjen (er Caps Lock på?). En glemt passordfrase kan byttes med gjenopprettingsnøkkelen (Glemt passordfrase…).</translation>
        </message>
        <message>
            <source>Wrong passphrase. Try again (is Caps Lock on?). If it is forgotten: choose Quit SamJournal, start it again and choose Forgot passphrase… there.</source>
            <translation>Feil passordfrase. Prøv igjen (er Caps Lock på?). Er den glemt: velg Avslutt SamJournal, start på nytt og velg Glemt passordfrase… der.</translation>
        </message>
        <message>
            <source>You can try again in %1 seconds.</source>
            <translation>Du kan prøve igjen om %1 sekunder.</translation>
        </message>
        <message>
            <source>Opening the journal…</source>
            <translation>Åpner journalen…</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <source>Users</source>
            <translation>Brukere</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Brukernavn</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Navn</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rolle</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>&amp;Add user…</source>
            <translation>&amp;Legg til bruker…</translation>
        </message>
        <message>
            <source>&amp;Remove user…</source>
            <translation>&amp;Fjern bruker…</translation>
        </message>
        <message>
            <source>Reset passphrase with recovery &amp;key…</source>
            <translation>Ny passordfrase med gjenopprettings&amp;nøkkel…</translation>
        </message>
        <message>
            <source>&amp;New recovery key…</source>
            <translation>N&amp;y gjenopprettingsnøkkel…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Lukk</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <source>Removed</source>
            <translation>Fjernet</translation>
        </message>
        <message>
            <source>Choose an active user first.</source>
            <translation>Velg en aktiv bruker først.</translation>
        </message>
        <message>
            <source>The passphrase was reset.</source>
            <translation>Passordfrasen er satt på nytt.</translation>
        </message>
        <message>
            <source>New recovery key</source>
            <translation>Ny gjenopprettingsnøkkel</translation>
        </message>
        <message>
            <source>Make a new recovery key? The key on the current recovery sheet stops working at once, and the new key is shown only once.</source>
            <translation>Lage en ny gjenopprettingsnøkkel? Nøkkelen på det nåværende arket slutter å virke med en gang, og den nye vises bare én gang.</translation>
        </message>
        <message>
            <source>&amp;Make a new key</source>
            <translation>&amp;Lag en ny nøkkel</translation>
        </message>
    </context>
    <context>
        <name>_PrintoutDialog</name>
        <message>
            <source>&amp;Preview…</source>
            <translation>&amp;Forhåndsvis…</translation>
        </message>
        <message>
            <source>Build the document and preview it</source>
            <translation>Lag dokumentet og forhåndsvis det</translation>
        </message>
    </context>
</TS>
