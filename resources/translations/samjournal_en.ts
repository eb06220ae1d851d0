<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About SamJournal</source>
            <translation>About SamJournal</translation>
        </message>
        <message>
            <source>SamJournal %1</source>
            <translation>SamJournal %1</translation>
        </message>
        <message>
            <source>Program version</source>
            <translation>Program version</translation>
        </message>
        <message>
            <source>An encrypted case journal for trust-based, co-created family support. SamJournal is free software under the EUPL-1.2.</source>
            <translation>An encrypted case journal for trust-based, co-created family support. SamJournal is free software under the EUPL-1.2.</translation>
        </message>
        <message>
            <source>Licences of the bundled components</source>
            <translation>Licences of the bundled components</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>This journal</source>
            <translation>This journal</translation>
        </message>
        <message>
            <source>No journal is open.</source>
            <translation>No journal is open.</translation>
        </message>
        <message>
            <source>Journal id</source>
            <translation>Journal id</translation>
        </message>
        <message>
            <source>Key fingerprint</source>
            <translation>Key fingerprint</translation>
        </message>
        <message>
            <source>Qt and PySide6 are used under the GNU LGPL version 3 (%1). They are separate libraries in the program folder, and you may replace them with your own build of the same version. Their source code is at %2 and %3.</source>
            <translation>Qt and PySide6 are used under the GNU LGPL version 3 (%1). They are separate libraries in the program folder, and you may replace them with your own build of the same version. Their source code is at %2 and %3.</translation>
        </message>
        <message>
            <source>The full licence texts are in %1.</source>
            <translation>The full licence texts are in %1.</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>Component</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>Licence</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Where</translation>
        </message>
        <message>
            <source>Bundled components</source>
            <translation>Bundled components</translation>
        </message>
        <message>
            <source>DejaVu fonts licence</source>
            <translation>DejaVu fonts licence</translation>
        </message>
    </context>
    <context>
        <name>AccessLogDialog</name>
        <message>
            <source>Access log for case %1</source>
            <translation>Access log for case %1</translation>
        </message>
        <message>
            <source>Who has viewed, printed or changed the family's records, and when: the family's right to know. It shows no record content. Printing it is recorded in the audit log.</source>
            <translation>Who has viewed, printed or changed the family's records, and when: the family's right to know. It shows no record content. Printing it is recorded in the audit log.</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
    </context>
    <context>
        <name>Accessibility</name>
        <message>
            <source>Vertical scroll bar</source>
            <translation>Vertical scroll bar</translation>
        </message>
        <message>
            <source>Horizontal scroll bar</source>
            <translation>Horizontal scroll bar</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>Information</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>Question</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warning</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Error</translation>
        </message>
    </context>
    <context>
        <name>AddStudyDialog</name>
        <message>
            <source>Add study</source>
            <translation>Add study</translation>
        </message>
        <message>
            <source>The id from the study profile</source>
            <translation>The id from the study profile</translation>
        </message>
        <message>
            <source>Study &amp;id:</source>
            <translation>Study &amp;id:</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>For consents given before the study profile has come. Use the id the evaluator gives the study: the profile, imported later under Team lead → Import study profile…, completes this study. Exports wait for it.</source>
            <translation>For consents given before the study profile has come. Use the id the evaluator gives the study: the profile, imported later under Team lead → Import study profile…, completes this study. Exports wait for it.</translation>
        </message>
    </context>
    <context>
        <name>AddUserDialog</name>
        <message>
            <source>Add user</source>
            <translation>Add user</translation>
        </message>
        <message>
            <source>e.g. kari.nilsen</source>
            <translation>e.g. kari.nilsen</translation>
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation>&amp;Username:</translation>
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation>&amp;Full name:</translation>
        </message>
        <message>
            <source>R&amp;epeat:</source>
            <translation>R&amp;epeat:</translation>
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation>&amp;Role:</translation>
        </message>
        <message>
            <source>First &amp;passphrase:</source>
            <translation>First &amp;passphrase:</translation>
        </message>
        <message>
            <source>is not the same</source>
            <translation>is not the same</translation>
        </message>
    </context>
    <context>
        <name>Answers</name>
        <message>
            <source>Not answered</source>
            <translation>Not answered</translation>
        </message>
        <message>
            <source>Strongly disagree</source>
            <translation>Strongly disagree</translation>
        </message>
        <message>
            <source>Somewhat disagree</source>
            <translation>Somewhat disagree</translation>
        </message>
        <message>
            <source>Neither agree nor disagree</source>
            <translation>Neither agree nor disagree</translation>
        </message>
        <message>
            <source>Somewhat agree</source>
            <translation>Somewhat agree</translation>
        </message>
        <message>
            <source>Strongly agree</source>
            <translation>Strongly agree</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Making the demo journal with made-up families…</source>
            <translation>Making the demo journal with made-up families…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>SamJournal demo</source>
            <translation>SamJournal demo</translation>
        </message>
        <message>
            <source>Stopping after the current step…</source>
            <translation>Stopping after the current step…</translation>
        </message>
        <message>
            <source>Open a journal folder</source>
            <translation>Open a journal folder</translation>
        </message>
    </context>
    <context>
        <name>ApprovalsPage</name>
        <message>
            <source>Proposed</source>
            <translation>Proposed</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <source>Left of budget</source>
            <translation>Left of budget</translation>
        </message>
        <message>
            <source>Proposed by</source>
            <translation>Proposed by</translation>
        </message>
        <message>
            <source>Payments waiting for approval</source>
            <translation>Payments waiting for approval</translation>
        </message>
        <message>
            <source>Payments over the approval limit, waiting for a team lead</source>
            <translation>Payments over the approval limit, waiting for a team lead</translation>
        </message>
        <message>
            <source>App&amp;rove</source>
            <translation>App&amp;rove</translation>
        </message>
        <message>
            <source>Re&amp;ject…</source>
            <translation>Re&amp;ject…</translation>
        </message>
        <message>
            <source>&amp;Open family</source>
            <translation>&amp;Open family</translation>
        </message>
        <message>
            <source>No payments are waiting for approval.</source>
            <translation>No payments are waiting for approval.</translation>
        </message>
        <message>
            <source>Need:</source>
            <translation>Need:</translation>
        </message>
        <message>
            <source>The family's words:</source>
            <translation>The family's words:</translation>
        </message>
        <message>
            <source>Choose a payment to see its need and the family's words.</source>
            <translation>Choose a payment to see its need and the family's words.</translation>
        </message>
        <message>
            <source>(none recorded)</source>
            <translation>(none recorded)</translation>
        </message>
        <message>
            <source>Choose a payment first.</source>
            <translation>Choose a payment first.</translation>
        </message>
        <message>
            <source>Approved: %1 to %2 for “%3”.</source>
            <translation>Approved: %1 to %2 for “%3”.</translation>
        </message>
        <message>
            <source>Rejected: %1 to %2 for “%3”.</source>
            <translation>Rejected: %1 to %2 for “%3”.</translation>
        </message>
    </context>
    <context>
        <name>BackToCases</name>
        <message>
            <source>← &amp;Case list</source>
            <translation>← &amp;Case list</translation>
        </message>
        <message>
            <source>Back to the case list (Esc, Alt+Left)</source>
            <translation>Back to the case list (Esc, Alt+Left)</translation>
        </message>
    </context>
    <context>
        <name>BatchPrintDialog</name>
        <message>
            <source>Print case summaries</source>
            <translation>Print case summaries</translation>
        </message>
        <message>
            <source>and %1 more</source>
            <translation>and %1 more</translation>
        </message>
        <message numerus="yes">
            <source>A case summary for each of the %n selected families:</source>
            <translation>
                <numerusform>A case summary for the selected family:</numerusform>
                <numerusform>A case summary for each of the %n selected families:</numerusform>
            </translation>
        </message>
        <message>
            <source>Selected families</source>
            <translation>Selected families</translation>
        </message>
        <message>
            <source>Show &amp;full identity numbers</source>
            <translation>Show &amp;full identity numbers</translation>
        </message>
        <message>
            <source>Otherwise they are masked (010190 •••••).</source>
            <translation>Otherwise they are masked (010190 •••••).</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Send to a pr&amp;inter</source>
            <translation>Send to a pr&amp;inter</translation>
        </message>
        <message>
            <source>Save as PDF files in a f&amp;older</source>
            <translation>Save as PDF files in a f&amp;older</translation>
        </message>
        <message>
            <source>No folder chosen</source>
            <translation>No folder chosen</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>&amp;Choose folder…</source>
            <translation>&amp;Choose folder…</translation>
        </message>
        <message>
            <source>Files are named by case number, e.g. %1.</source>
            <translation>Files are named by case number, e.g. %1.</translation>
        </message>
        <message>
            <source>Identity numbers:</source>
            <translation>Identity numbers:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
        <message>
            <source>Destination:</source>
            <translation>Destination:</translation>
        </message>
        <message>
            <source>%v of %m</source>
            <translation>%v of %m</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>Summaries are built one at a time; you can stop between two.</source>
            <translation>Summaries are built one at a time; you can stop between two.</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>&amp;Print</source>
            <translation>&amp;Print</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>case summaries</source>
            <translation>case summaries</translation>
        </message>
        <message>
            <source>The folder does not exist.</source>
            <translation>The folder does not exist.</translation>
        </message>
        <message>
            <source>&amp;Stop</source>
            <translation>&amp;Stop</translation>
        </message>
        <message>
            <source>Stop after the current family</source>
            <translation>Stop after the current family</translation>
        </message>
        <message>
            <source>Case %1 (%2 of %3)…</source>
            <translation>Case %1 (%2 of %3)…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message numerus="yes">
            <source>Saved %1 of %n summaries in %2.</source>
            <translation>
                <numerusform>Saved %1 of %n summary in %2.</numerusform>
                <numerusform>Saved %1 of %n summaries in %2.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Saved %1 of %n summaries.</source>
            <translation>
                <numerusform>Saved %1 of %n summary.</numerusform>
                <numerusform>Saved %1 of %n summaries.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Sent %1 of %n summaries to the printer.</source>
            <translation>
                <numerusform>Sent %1 of %n summary to the printer.</numerusform>
                <numerusform>Sent %1 of %n summaries to the printer.</numerusform>
            </translation>
        </message>
        <message>
            <source>Stopped.</source>
            <translation>Stopped.</translation>
        </message>
        <message>
            <source>Stopping after the current family…</source>
            <translation>Stopping after the current family…</translation>
        </message>
    </context>
    <context>
        <name>BudgetBar</name>
        <message>
            <source>Budget</source>
            <translation>Budget</translation>
        </message>
        <message>
            <source>remaining %1 of %2</source>
            <translation>remaining %1 of %2</translation>
        </message>
        <message>
            <source>%1 of the frame approved or paid: %2</source>
            <translation>%1 of the frame approved or paid: %2</translation>
        </message>
        <message>
            <source>Budget frame %1, remaining %2</source>
            <translation>Budget frame %1, remaining %2</translation>
        </message>
    </context>
    <context>
        <name>BundleRiskDialog</name>
        <message>
            <source>Risk report</source>
            <translation>Risk report</translation>
        </message>
        <message>
            <source>Bundle %1 to “%2”, exported %3 by %4</source>
            <translation>Bundle %1 to “%2”, exported %3 by %4</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>CaseListModel</name>
        <message>
            <source>Case</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Open needs</source>
            <translation>Open needs</translation>
        </message>
        <message>
            <source>Budget used</source>
            <translation>Budget used</translation>
        </message>
        <message>
            <source>Last meeting</source>
            <translation>Last meeting</translation>
        </message>
        <message>
            <source>Next meeting</source>
            <translation>Next meeting</translation>
        </message>
        <message>
            <source>Check-in</source>
            <translation>Check-in</translation>
        </message>
        <message>
            <source>%1: a check-in due now or overdue; empty when none is due</source>
            <translation>%1: a check-in due now or overdue; empty when none is due</translation>
        </message>
        <message>
            <source>%1 of %2 approved or paid</source>
            <translation>%1 of %2 approved or paid</translation>
        </message>
    </context>
    <context>
        <name>CaseListPage</name>
        <message>
            <source>Search names, meeting notes, needs and payments (Ctrl+F)</source>
            <translation>Search names, meeting notes, needs and payments (Ctrl+F)</translation>
        </message>
        <message>
            <source>Search the case list</source>
            <translation>Search the case list</translation>
        </message>
        <message>
            <source>My families</source>
            <translation>My families</translation>
        </message>
        <message>
            <source>All families</source>
            <translation>All families</translation>
        </message>
        <message>
            <source>Whose families</source>
            <translation>Whose families</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>Paused</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Active and paused</source>
            <translation>Active and paused</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Status filter</source>
            <translation>Status filter</translation>
        </message>
        <message>
            <source>&amp;New family…</source>
            <translation>&amp;New family…</translation>
        </message>
        <message>
            <source>New family</source>
            <translation>New family</translation>
        </message>
        <message>
            <source>Print case &amp;summaries…</source>
            <translation>Print case &amp;summaries…</translation>
        </message>
        <message>
            <source>A case summary for each selected family, to a printer or a folder (Ctrl+Shift+B). Select several with Ctrl+click or Shift+click.</source>
            <translation>A case summary for each selected family, to a printer or a folder (Ctrl+Shift+B). Select several with Ctrl+click or Shift+click.</translation>
        </message>
        <message>
            <source>Case list</source>
            <translation>Case list</translation>
        </message>
        <message>
            <source>Number of families shown</source>
            <translation>Number of families shown</translation>
        </message>
        <message>
            <source>%1's families</source>
            <translation>%1's families</translation>
        </message>
        <message numerus="yes">
            <source>%n families match the search (%1 in the list)</source>
            <translation>
                <numerusform>%n family matches the search (%1 in the list)</numerusform>
                <numerusform>%n families match the search (%1 in the list)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n families shown</source>
            <translation>
                <numerusform>%1 of %n family shown</numerusform>
                <numerusform>%1 of %n families shown</numerusform>
            </translation>
        </message>
        <message>
            <source>No families here yet. Add the first one with New family… (%1); it then shows here, and the search finds it.</source>
            <translation>No families here yet. Add the first one with New family… (%1); it then shows here, and the search finds it.</translation>
        </message>
        <message>
            <source>No family matches the search. Check the spelling, or search for the beginning of a word.</source>
            <translation>No family matches the search. Check the spelling, or search for the beginning of a word.</translation>
        </message>
        <message>
            <source>No families with this status. Choose another status above.</source>
            <translation>No families with this status. Choose another status above.</translation>
        </message>
    </context>
    <context>
        <name>CaseSummaryDialog</name>
        <message>
            <source>Case summary for case %1</source>
            <translation>Case summary for case %1</translation>
        </message>
        <message>
            <source>Members, needs, meetings, payments, check-ins and consents, for the whole case or a period. Printing it is recorded in the audit log.</source>
            <translation>Members, needs, meetings, payments, check-ins and consents, for the whole case or a period. Printing it is recorded in the audit log.</translation>
        </message>
        <message>
            <source>Pe&amp;riod:</source>
            <translation>Pe&amp;riod:</translation>
        </message>
        <message>
            <source>Show &amp;full identity numbers</source>
            <translation>Show &amp;full identity numbers</translation>
        </message>
        <message>
            <source>Only when the reader needs them. Otherwise they are masked (010190 •••••).</source>
            <translation>Only when the reader needs them. Otherwise they are masked (010190 •••••).</translation>
        </message>
        <message>
            <source>Identity numbers:</source>
            <translation>Identity numbers:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
    </context>
    <context>
        <name>ChangePassphraseDialog</name>
        <message>
            <source>Change passphrase</source>
            <translation>Change passphrase</translation>
        </message>
        <message>
            <source>&amp;Current passphrase:</source>
            <translation>&amp;Current passphrase:</translation>
        </message>
        <message>
            <source>&amp;New passphrase:</source>
            <translation>&amp;New passphrase:</translation>
        </message>
        <message>
            <source>R&amp;epeat:</source>
            <translation>R&amp;epeat:</translation>
        </message>
        <message>
            <source>is not the same</source>
            <translation>is not the same</translation>
        </message>
        <message>
            <source>is not your current passphrase</source>
            <translation>is not your current passphrase</translation>
        </message>
    </context>
    <context>
        <name>CheckinDialog</name>
        <message>
            <source>Record check-in</source>
            <translation>Record check-in</translation>
        </message>
        <message>
            <source>Edit check-in</source>
            <translation>Edit check-in</translation>
        </message>
        <message>
            <source>%1 (version %2)</source>
            <translation>%1 (version %2)</translation>
        </message>
        <message>
            <source>&amp;Instrument:</source>
            <translation>&amp;Instrument:</translation>
        </message>
        <message>
            <source>&amp;Occasion:</source>
            <translation>&amp;Occasion:</translation>
        </message>
        <message>
            <source>Respondents</source>
            <translation>Respondents</translation>
        </message>
        <message>
            <source>One page per respondent (Ctrl+Tab for the next). A question left at “Not answered” is saved as not answered; a page without answers is not saved.</source>
            <translation>One page per respondent (Ctrl+Tab for the next). A question left at “Not answered” is saved as not answered; a page without answers is not saved.</translation>
        </message>
        <message>
            <source>No adult is recorded in the family: add the members (Overview, Add member) to record their own answers.</source>
            <translation>No adult is recorded in the family: add the members (Overview, Add member) to record their own answers.</translation>
        </message>
        <message>
            <source>No check-in is due.</source>
            <translation>No check-in is due.</translation>
        </message>
        <message>
            <source>The check-ins are saved.</source>
            <translation>The check-ins are saved.</translation>
        </message>
        <message>
            <source>The check-in is saved.</source>
            <translation>The check-in is saved.</translation>
        </message>
        <message>
            <source>&amp;Date:</source>
            <translation>&amp;Date:</translation>
        </message>
    </context>
    <context>
        <name>CheckinPage</name>
        <message>
            <source>Caseworker</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>The family together</source>
            <translation>The family together</translation>
        </message>
        <message>
            <source>Your own assessment as the caseworker.</source>
            <translation>Your own assessment as the caseworker.</translation>
        </message>
        <message>
            <source>%1 answers (child).</source>
            <translation>%1 answers (child).</translation>
        </message>
        <message>
            <source>%1 answers (adult).</source>
            <translation>%1 answers (adult).</translation>
        </message>
    </context>
    <context>
        <name>CheckinsTab</name>
        <message>
            <source>Check-ins due</source>
            <translation>Check-ins due</translation>
        </message>
        <message>
            <source>Show &amp;domains</source>
            <translation>Show &amp;domains</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Occasion</source>
            <translation>Occasion</translation>
        </message>
        <message>
            <source>Other answers</source>
            <translation>Other answers</translation>
        </message>
        <message>
            <source>Check-ins</source>
            <translation>Check-ins</translation>
        </message>
        <message>
            <source>Answers of the chosen check-in</source>
            <translation>Answers of the chosen check-in</translation>
        </message>
        <message>
            <source>Choose a check-in to see all its answers.</source>
            <translation>Choose a check-in to see all its answers.</translation>
        </message>
        <message>
            <source>&amp;Record check-in…</source>
            <translation>&amp;Record check-in…</translation>
        </message>
        <message>
            <source>&amp;Edit check-in…</source>
            <translation>&amp;Edit check-in…</translation>
        </message>
        <message>
            <source>Change the answers; the earlier version is kept</source>
            <translation>Change the answers; the earlier version is kept</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>The family together</source>
            <translation>The family together</translation>
        </message>
        <message>
            <source>%1, %2 — %3 (version %4)</source>
            <translation>%1, %2 — %3 (version %4)</translation>
        </message>
        <message>
            <source>Occasion: %1</source>
            <translation>Occasion: %1</translation>
        </message>
        <message>
            <source>Choose a check-in in the list first.</source>
            <translation>Choose a check-in in the list first.</translation>
        </message>
        <message>
            <source>No check-ins yet: record one first.</source>
            <translation>No check-ins yet: record one first.</translation>
        </message>
    </context>
    <context>
        <name>ConsentsTab</name>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Study</source>
            <translation>Study</translation>
        </message>
        <message>
            <source>Given on</source>
            <translation>Given on</translation>
        </message>
        <message>
            <source>Recorded by</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Consents</source>
            <translation>Consents</translation>
        </message>
        <message>
            <source>Consents are never edited: to correct one, withdraw it and record it anew.</source>
            <translation>Consents are never edited: to correct one, withdraw it and record it anew.</translation>
        </message>
        <message>
            <source>&amp;Record consent…</source>
            <translation>&amp;Record consent…</translation>
        </message>
        <message>
            <source>&amp;Withdraw consent…</source>
            <translation>&amp;Withdraw consent…</translation>
        </message>
        <message>
            <source>Add &amp;study…</source>
            <translation>Add &amp;study…</translation>
        </message>
        <message>
            <source>No study is registered in this journal yet; a team lead adds studies.</source>
            <translation>No study is registered in this journal yet; a team lead adds studies.</translation>
        </message>
        <message>
            <source>Consents are given by adult members; add one first.</source>
            <translation>Consents are given by adult members; add one first.</translation>
        </message>
        <message>
            <source>Choose an active consent first.</source>
            <translation>Choose an active consent first.</translation>
        </message>
        <message>
            <source>Withdraw consent</source>
            <translation>Withdraw consent</translation>
        </message>
        <message>
            <source>Withdraw %1's consent to %2 from today? Data for this family stops being exported to the study, and the next export tells the study to remove what it was sent before.</source>
            <translation>Withdraw %1's consent to %2 from today? Data for this family stops being exported to the study, and the next export tells the study to remove what it was sent before.</translation>
        </message>
        <message>
            <source>&amp;Withdraw</source>
            <translation>&amp;Withdraw</translation>
        </message>
    </context>
    <context>
        <name>DeleteForGoodDialog</name>
        <message>
            <source>For example: retention period ended</source>
            <translation>For example: retention period ended</translation>
        </message>
        <message>
            <source>The reason stays in the audit log: do not write names or numbers.</source>
            <translation>The reason stays in the audit log: do not write names or numbers.</translation>
        </message>
        <message>
            <source>I &amp;understand that this cannot be undone</source>
            <translation>I &amp;understand that this cannot be undone</translation>
        </message>
    </context>
    <context>
        <name>DiffModel</name>
        <message>
            <source>changed</source>
            <translation>changed</translation>
        </message>
    </context>
    <context>
        <name>DraftRow</name>
        <message>
            <source>Remove this row</source>
            <translation>Remove this row</translation>
        </message>
    </context>
    <context>
        <name>Due</name>
        <message>
            <source>Check-in overdue (%1): it was due on %2</source>
            <translation>Check-in overdue (%1): it was due on %2</translation>
        </message>
        <message>
            <source>Check-in due (%1) since %2</source>
            <translation>Check-in due (%1) since %2</translation>
        </message>
        <message>
            <source>No check-in due</source>
            <translation>No check-in due</translation>
        </message>
    </context>
    <context>
        <name>EraseFamily</name>
        <message>
            <source>Erase family</source>
            <translation>Erase family</translation>
        </message>
        <message>
            <source>Erase %1 (case %2) at the family's request? The case and everything recorded about it is deleted for good: members, meetings, needs, payments, check-ins, consents and their history. The audit log keeps only that the case was erased, and why. It cannot be undone. Older backups still hold the family until they are replaced.</source>
            <translation>Erase %1 (case %2) at the family's request? The case and everything recorded about it is deleted for good: members, meetings, needs, payments, check-ins, consents and their history. The audit log keeps only that the case was erased, and why. It cannot be undone. Older backups still hold the family until they are replaced.</translation>
        </message>
        <message>
            <source>&amp;Erase for good</source>
            <translation>&amp;Erase for good</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message numerus="yes">
            <source>Too many failed attempts. Wait %n second(s) and try again.</source>
            <translation>
                <numerusform>Too many failed attempts. Wait %n second and try again.</numerusform>
                <numerusform>Too many failed attempts. Wait %n seconds and try again.</numerusform>
            </translation>
        </message>
        <message>
            <source>Wrong passphrase. Check it and try again (is Caps Lock on?).</source>
            <translation>Wrong passphrase. Check it and try again (is Caps Lock on?).</translation>
        </message>
        <message>
            <source>This folder does not hold a SamJournal journal: %1</source>
            <translation>This folder does not hold a SamJournal journal: %1</translation>
        </message>
        <message>
            <source>No journal was found in that folder.</source>
            <translation>No journal was found in that folder.</translation>
        </message>
        <message>
            <source>There is already something in that folder; choose an empty one.</source>
            <translation>There is already something in that folder; choose an empty one.</translation>
        </message>
        <message>
            <source>The journal is locked.</source>
            <translation>The journal is locked.</translation>
        </message>
        <message>
            <source>Not allowed: %1</source>
            <translation>Not allowed: %1</translation>
        </message>
        <message>
            <source>Not found: %1</source>
            <translation>Not found: %1</translation>
        </message>
        <message>
            <source>The printer could not be started; nothing was printed.</source>
            <translation>The printer could not be started; nothing was printed.</translation>
        </message>
        <message>
            <source>Something unexpected went wrong (%1). Nothing you typed was lost.</source>
            <translation>Something unexpected went wrong (%1). Nothing you typed was lost.</translation>
        </message>
    </context>
    <context>
        <name>ExportHistory</name>
        <message>
            <source>No — waiting for the receipt</source>
            <translation>No — waiting for the receipt</translation>
        </message>
        <message>
            <source>Yes, %1</source>
            <translation>Yes, %1</translation>
        </message>
    </context>
    <context>
        <name>ExportHistoryDialog</name>
        <message>
            <source>Export history</source>
            <translation>Export history</translation>
        </message>
        <message>
            <source>Study</source>
            <translation>Study</translation>
        </message>
        <message>
            <source>Bundle</source>
            <translation>Bundle</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Exported</source>
            <translation>Exported</translation>
        </message>
        <message>
            <source>By</source>
            <translation>By</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>Households</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>Rows</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>Delivered</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Bundles exported</source>
            <translation>Bundles exported</translation>
        </message>
        <message>
            <source>&amp;Import receipt…</source>
            <translation>&amp;Import receipt…</translation>
        </message>
        <message>
            <source>Show &amp;risk report…</source>
            <translation>Show &amp;risk report…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>No bundle has been exported from this journal yet.</source>
            <translation>No bundle has been exported from this journal yet.</translation>
        </message>
        <message>
            <source>Not yet confirmed by the evaluator: %1. A bundle counts as delivered once its receipt is imported.</source>
            <translation>Not yet confirmed by the evaluator: %1. A bundle counts as delivered once its receipt is imported.</translation>
        </message>
        <message>
            <source>Every bundle is confirmed by the evaluator.</source>
            <translation>Every bundle is confirmed by the evaluator.</translation>
        </message>
        <message>
            <source>Import receipt</source>
            <translation>Import receipt</translation>
        </message>
        <message>
            <source>Receipts (*.json);;All files (*)</source>
            <translation>Receipts (*.json);;All files (*)</translation>
        </message>
        <message>
            <source>%1: not accepted. %2</source>
            <translation>%1: not accepted. %2</translation>
        </message>
        <message>
            <source>Receipt accepted: bundle %1 to “%2” is delivered.</source>
            <translation>Receipt accepted: bundle %1 to “%2” is delivered.</translation>
        </message>
    </context>
    <context>
        <name>ExportLabels</name>
        <message>
            <source>Choose a study in the list.</source>
            <translation>Choose a study in the list.</translation>
        </message>
        <message>
            <source>This study has no profile yet. Import the study profile (study.json) from the evaluator first: Team lead → Import study profile…</source>
            <translation>This study has no profile yet. Import the study profile (study.json) from the evaluator first: Team lead → Import study profile…</translation>
        </message>
        <message>
            <source>No family has consented to this study yet, so there is nothing to send. Record a consent for every adult in a family (Family → Record consent…), then export.</source>
            <translation>No family has consented to this study yet, so there is nothing to send. Record a consent for every adult in a family (Family → Record consent…), then export.</translation>
        </message>
        <message>
            <source>Fewer families have consented than the study needs (k = %1), so nothing can be sent without the risk that someone is recognised. Record more consents, then export.</source>
            <translation>Fewer families have consented than the study needs (k = %1), so nothing can be sent without the risk that someone is recognised. Record more consents, then export.</translation>
        </message>
        <message>
            <source>Enough families have consented, but no %1 of them are alike yet in their household details (area, size, children, the adults' ages, when the case opened, status, budget frame), so none can be sent without the risk that someone is recognised. They wait: as more families consent, they can be sent.</source>
            <translation>Enough families have consented, but no %1 of them are alike yet in their household details (area, size, children, the adults' ages, when the case opened, status, budget frame), so none can be sent without the risk that someone is recognised. They wait: as more families consent, they can be sent.</translation>
        </message>
        <message>
            <source>Choose a folder.</source>
            <translation>Choose a folder.</translation>
        </message>
        <message>
            <source>The folder does not exist. Is the USB stick plugged in?</source>
            <translation>The folder does not exist. Is the USB stick plugged in?</translation>
        </message>
        <message>
            <source>That is a file, not a folder.</source>
            <translation>That is a file, not a folder.</translation>
        </message>
        <message>
            <source>SamJournal cannot write in that folder. Choose another one, or check that the USB stick is not write-protected.</source>
            <translation>SamJournal cannot write in that folder. Choose another one, or check that the USB stick is not write-protected.</translation>
        </message>
        <message>
            <source>The folder already holds a file with this bundle's name. Choose another folder, or move the old file away first.</source>
            <translation>The folder already holds a file with this bundle's name. Choose another folder, or move the old file away first.</translation>
        </message>
        <message>
            <source>Choose the study profile file (study.json).</source>
            <translation>Choose the study profile file (study.json).</translation>
        </message>
        <message>
            <source>That is not the fingerprint in the file. Do not import it: ask the evaluator to send the profile again.</source>
            <translation>That is not the fingerprint in the file. Do not import it: ask the evaluator to send the profile again.</translation>
        </message>
        <message>
            <source>Tick “Replace the existing profile” to replace it.</source>
            <translation>Tick “Replace the existing profile” to replace it.</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>Area</translation>
        </message>
        <message>
            <source>Household size</source>
            <translation>Household size</translation>
        </message>
        <message>
            <source>Children</source>
            <translation>Children</translation>
        </message>
        <message>
            <source>Adults' ages</source>
            <translation>Adults' ages</translation>
        </message>
        <message>
            <source>When the case opened</source>
            <translation>When the case opened</translation>
        </message>
        <message>
            <source>Case status</source>
            <translation>Case status</translation>
        </message>
        <message>
            <source>Budget frame</source>
            <translation>Budget frame</translation>
        </message>
        <message>
            <source>district</source>
            <translation>district</translation>
        </message>
        <message>
            <source>municipality only</source>
            <translation>municipality only</translation>
        </message>
        <message>
            <source>exact (1–5, 6+)</source>
            <translation>exact (1–5, 6+)</translation>
        </message>
        <message>
            <source>bands (1–2, 3–4, 5+)</source>
            <translation>bands (1–2, 3–4, 5+)</translation>
        </message>
        <message>
            <source>hidden (1+)</source>
            <translation>hidden (1+)</translation>
        </message>
        <message>
            <source>exact (0–3, 4+)</source>
            <translation>exact (0–3, 4+)</translation>
        </message>
        <message>
            <source>bands (0, 1–2, 3+)</source>
            <translation>bands (0, 1–2, 3+)</translation>
        </message>
        <message>
            <source>none or some (0, 1+)</source>
            <translation>none or some (0, 1+)</translation>
        </message>
        <message>
            <source>10-year bands</source>
            <translation>10-year bands</translation>
        </message>
        <message>
            <source>20-year bands (18–39, 40–59, 60+)</source>
            <translation>20-year bands (18–39, 40–59, 60+)</translation>
        </message>
        <message>
            <source>adult only (18+)</source>
            <translation>adult only (18+)</translation>
        </message>
        <message>
            <source>month</source>
            <translation>month</translation>
        </message>
        <message>
            <source>quarter</source>
            <translation>quarter</translation>
        </message>
        <message>
            <source>half-year</source>
            <translation>half-year</translation>
        </message>
        <message>
            <source>year</source>
            <translation>year</translation>
        </message>
        <message>
            <source>exact</source>
            <translation>exact</translation>
        </message>
        <message>
            <source>open or closed</source>
            <translation>open or closed</translation>
        </message>
        <message>
            <source>the study's rounding</source>
            <translation>the study's rounding</translation>
        </message>
        <message>
            <source>nearest 25 000 kr</source>
            <translation>nearest 25 000 kr</translation>
        </message>
        <message>
            <source>nearest 50 000 kr</source>
            <translation>nearest 50 000 kr</translation>
        </message>
        <message>
            <source>Checking the folder…</source>
            <translation>Checking the folder…</translation>
        </message>
        <message>
            <source>Anonymising, signing, encrypting and writing the bundle…</source>
            <translation>Anonymising, signing, encrypting and writing the bundle…</translation>
        </message>
        <message>
            <source>Reading the file back from the folder…</source>
            <translation>Reading the file back from the folder…</translation>
        </message>
        <message>
            <source>full</source>
            <translation>full</translation>
        </message>
        <message>
            <source>changes only</source>
            <translation>changes only</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>unknown</translation>
        </message>
    </context>
    <context>
        <name>ExportWizard</name>
        <message>
            <source>Choose the study</source>
            <translation>Choose the study</translation>
        </message>
        <message>
            <source>Only families where every adult has consented to the study are sent. Names, identity numbers, contact details and free text never leave the journal.</source>
            <translation>Only families where every adult has consented to the study are sent. Names, identity numbers, contact details and free text never leave the journal.</translation>
        </message>
        <message>
            <source>Study</source>
            <translation>Study</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Profile</translation>
        </message>
        <message>
            <source>Bundles sent</source>
            <translation>Bundles sent</translation>
        </message>
        <message>
            <source>Last export</source>
            <translation>Last export</translation>
        </message>
        <message>
            <source>Waiting for receipt</source>
            <translation>Waiting for receipt</translation>
        </message>
        <message>
            <source>Studies</source>
            <translation>Studies</translation>
        </message>
        <message>
            <source>Send &amp;everything again (a full bundle), not only what changed since the last one</source>
            <translation>Send &amp;everything again (a full bundle), not only what changed since the last one</translation>
        </message>
        <message>
            <source>The first bundle to a study is always full. Ask for a full one again when the evaluator has lost data or asks to rebuild.</source>
            <translation>The first bundle to a study is always full. Ask for a full one again when the evaluator has lost data or asks to rebuild.</translation>
        </message>
        <message>
            <source>The journal knows no study yet. Import the study profile (study.json) you got from the evaluator first.</source>
            <translation>The journal knows no study yet. Import the study profile (study.json) you got from the evaluator first.</translation>
        </message>
        <message>
            <source>&amp;Import study profile…</source>
            <translation>&amp;Import study profile…</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Working</translation>
        </message>
        <message>
            <source>Imported (k = %1)</source>
            <translation>Imported (k = %1)</translation>
        </message>
        <message>
            <source>Missing</source>
            <translation>Missing</translation>
        </message>
        <message>
            <source>What will be sent</source>
            <translation>What will be sent</translation>
        </message>
        <message>
            <source>Check the risk report and who is left out. Nothing has been written yet.</source>
            <translation>Check the risk report and who is left out. Nothing has been written yet.</translation>
        </message>
        <message>
            <source>Someone who holds every bundle the study got and knows all of a family's household fields, or up to m of its events (such as a payment in a month), must find at least k households that fit. Rows that would break this wait for a later bundle; intervals within a household stay exact.</source>
            <translation>Someone who holds every bundle the study got and knows all of a family's household fields, or up to m of its events (such as a payment in a month), must find at least k households that fit. Rows that would break this wait for a later bundle; intervals within a household stay exact.</translation>
        </message>
        <message>
            <source>Households in a group smaller than k. It must be 0.</source>
            <translation>Households in a group smaller than k. It must be 0.</translation>
        </message>
        <message>
            <source>The chance of picking out the right household: 1 in the smallest group.</source>
            <translation>The chance of picking out the right household: 1 in the smallest group.</translation>
        </message>
        <message>
            <source>The share of households an attacker would pick out right on average.</source>
            <translation>The share of households an attacker would pick out right on average.</translation>
        </message>
        <message>
            <source>Prosecutor model: someone who knows a family is in the data, and knows all its household fields (area, household size, children, adults' ages, when the case opened, its status and budget frame), picks one household of those that match, over every bundle the study has received. Every group must hold at least k households.</source>
            <translation>Prosecutor model: someone who knows a family is in the data, and knows all its household fields (area, household size, children, adults' ages, when the case opened, its status and budget frame), picks one household of those that match, over every bundle the study has received. Every group must hold at least k households.</translation>
        </message>
        <message>
            <source>The fewest households that look alike on all their household fields, over every bundle the study has received (households that left included). It must be at least k.</source>
            <translation>The fewest households that look alike on all their household fields, over every bundle the study has received (households that left included). It must be at least k.</translation>
        </message>
        <message>
            <source>Households that would stand out even so: their household fields are sent as * (the status only as open or closed, the budget frame at its coarsest).</source>
            <translation>Households that would stand out even so: their household fields are sent as * (the status only as open or closed, the budget frame at its coarsest).</translation>
        </message>
        <message>
            <source>Rows new or changed since the last bundle that would let someone narrow a household down to fewer than k. They are not sent now: they wait in the journal and go in a later bundle, once enough households share what they show.</source>
            <translation>Rows new or changed since the last bundle that would let someone narrow a household down to fewer than k. They are not sent now: they wait in the journal and go in a later bundle, once enough households share what they show.</translation>
        </message>
        <message>
            <source>New households that would stand out even with their fields coarsened: none of their rows is sent this time. They go once enough households like them have joined.</source>
            <translation>New households that would stand out even with their fields coarsened: none of their rows is sent this time. They go once enough households like them have joined.</translation>
        </message>
        <message>
            <source>Everything the journal holds back for now, from this bundle and the ones before, of all it would send the study if nothing had to wait. A large share means the study gets thin data: talk to the evaluator about the study's rules.</source>
            <translation>Everything the journal holds back for now, from this bundle and the ones before, of all it would send the study if nothing had to wait. A large share means the study gets thin data: talk to the evaluator about the study's rules.</translation>
        </message>
        <message>
            <source>Household fields sent in a coarser form than the journal holds them, such as age groups, or the quarter a case opened instead of its month.</source>
            <translation>Household fields sent in a coarser form than the journal holds them, such as age groups, or the quarter a case opened instead of its month.</translation>
        </message>
        <message>
            <source>The study's rules</source>
            <translation>The study's rules</translation>
        </message>
        <message>
            <source>The bundle</source>
            <translation>The bundle</translation>
        </message>
        <message>
            <source>Bundle:</source>
            <translation>Bundle:</translation>
        </message>
        <message>
            <source>Rows:</source>
            <translation>Rows:</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>File:</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Why</translation>
        </message>
        <message>
            <source>Families left out</source>
            <translation>Families left out</translation>
        </message>
        <message>
            <source>To include a family, record a consent for every adult in it (Family → Consents).</source>
            <translation>To include a family, record a consent for every adult in it (Family → Consents).</translation>
        </message>
        <message>
            <source>The check above protects a family from someone who knows its household fields with the period its case opened, or up to %1 of its events, and from someone who knows its fields with the month the case opened: new families' rows wait until that month has %2 families to choose from. This counts the families such a person could still narrow down to fewer than %2 (the family itself included): families an older version of SamJournal sent, or a new family its group in this bundle needs to reach %2. If the number is not 0, talk to the study's data protection officer before sending.</source>
            <translation>The check above protects a family from someone who knows its household fields with the period its case opened, or up to %1 of its events, and from someone who knows its fields with the month the case opened: new families' rows wait until that month has %2 families to choose from. This counts the families such a person could still narrow down to fewer than %2 (the family itself included): families an older version of SamJournal sent, or a new family its group in this bundle needs to reach %2. If the number is not 0, talk to the study's data protection officer before sending.</translation>
        </message>
        <message>
            <source>(no longer in the journal)</source>
            <translation>(no longer in the journal)</translation>
        </message>
        <message>
            <source>Bundle %1 to “%2” (%3)</source>
            <translation>Bundle %1 to “%2” (%3)</translation>
        </message>
        <message>
            <source>number %1, %2</source>
            <translation>number %1, %2</translation>
        </message>
        <message>
            <source>Left out: %1</source>
            <translation>Left out: %1</translation>
        </message>
        <message>
            <source>No household is sent this time, only the notices that data sent before must be removed (tombstones).</source>
            <translation>No household is sent this time, only the notices that data sent before must be removed (tombstones).</translation>
        </message>
        <message>
            <source>Export to a study</source>
            <translation>Export to a study</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>&amp;Next &gt;</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; &amp;Back</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>The export was stopped. Nothing was written.</source>
            <translation>The export was stopped. Nothing was written.</translation>
        </message>
        <message>
            <source>Nothing was exported: %1</source>
            <translation>Nothing was exported: %1</translation>
        </message>
        <message>
            <source>Where to put the bundle</source>
            <translation>Where to put the bundle</translation>
        </message>
        <message>
            <source>Choose a folder on this computer or on a USB stick. The bundle is one encrypted file that only the study's evaluator can open.</source>
            <translation>Choose a folder on this computer or on a USB stick. The bundle is one encrypted file that only the study's evaluator can open.</translation>
        </message>
        <message>
            <source>A folder, for example on a USB stick</source>
            <translation>A folder, for example on a USB stick</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>B&amp;rowse…</source>
            <translation>B&amp;rowse…</translation>
        </message>
        <message>
            <source>&amp;Folder:</source>
            <translation>&amp;Folder:</translation>
        </message>
        <message>
            <source>File name:</source>
            <translation>File name:</translation>
        </message>
        <message>
            <source>Free space:</source>
            <translation>Free space:</translation>
        </message>
        <message>
            <source>Bundle size:</source>
            <translation>Bundle size:</translation>
        </message>
        <message>
            <source>The file is written whole or not at all, and the export is recorded in the journal's export history. Do not remove the USB stick until the last page says the bundle is written.</source>
            <translation>The file is written whole or not at all, and the export is recorded in the journal's export history. Do not remove the USB stick until the last page says the bundle is written.</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Export</translation>
        </message>
        <message>
            <source>up to about %1</source>
            <translation>up to about %1</translation>
        </message>
        <message>
            <source>There may not be room for the bundle here.</source>
            <translation>There may not be room for the bundle here.</translation>
        </message>
        <message>
            <source>Exporting</source>
            <translation>Exporting</translation>
        </message>
        <message>
            <source>The bundle is anonymised, signed with the journal's key and encrypted to the study.</source>
            <translation>The bundle is anonymised, signed with the journal's key and encrypted to the study.</translation>
        </message>
        <message>
            <source>&amp;Stop</source>
            <translation>&amp;Stop</translation>
        </message>
        <message>
            <source>Step %1 of %2: %3</source>
            <translation>Step %1 of %2: %3</translation>
        </message>
        <message>
            <source>You can still stop: nothing has been written yet.</source>
            <translation>You can still stop: nothing has been written yet.</translation>
        </message>
        <message>
            <source>This cannot be stopped now: the bundle is written and recorded in one go, whole or not at all. It takes a moment.</source>
            <translation>This cannot be stopped now: the bundle is written and recorded in one go, whole or not at all. It takes a moment.</translation>
        </message>
        <message>
            <source>The bundle is being written and cannot be stopped now.</source>
            <translation>The bundle is being written and cannot be stopped now.</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>Stopping…</translation>
        </message>
        <message>
            <source>The bundle is written</source>
            <translation>The bundle is written</translation>
        </message>
        <message>
            <source>Hand the file to the evaluator. It is encrypted to the study.</source>
            <translation>Hand the file to the evaluator. It is encrypted to the study.</translation>
        </message>
        <message>
            <source>Folder:</source>
            <translation>Folder:</translation>
        </message>
        <message>
            <source>Size:</source>
            <translation>Size:</translation>
        </message>
        <message>
            <source>Content:</source>
            <translation>Content:</translation>
        </message>
        <message>
            <source>Signed with key:</source>
            <translation>Signed with key:</translation>
        </message>
        <message>
            <source>Audit log head:</source>
            <translation>Audit log head:</translation>
        </message>
        <message>
            <source>Removals tell the evaluator what it got before and no longer gets: a household that left the study, a row deleted here. They never say why.</source>
            <translation>Removals tell the evaluator what it got before and no longer gets: a household that left the study, a row deleted here. They never say why.</translation>
        </message>
        <message>
            <source>The journal's own signing key. The evaluator registered it when the study began and refuses a bundle signed with any other.</source>
            <translation>The journal's own signing key. The evaluator registered it when the study began and refuses a bundle signed with any other.</translation>
        </message>
        <message>
            <source>A fingerprint of the journal's audit log as the bundle was made. The bundle proves that the log only grew since the last one, so the evaluator would see it if the log had been rewritten.</source>
            <translation>A fingerprint of the journal's audit log as the bundle was made. The bundle proves that the log only grew since the last one, so the evaluator would see it if the log had been rewritten.</translation>
        </message>
        <message>
            <source>What to do next</source>
            <translation>What to do next</translation>
        </message>
        <message>
            <source>&amp;Open the folder</source>
            <translation>&amp;Open the folder</translation>
        </message>
        <message>
            <source>number %1 (%2) to “%3”</source>
            <translation>number %1 (%2) to “%3”</translation>
        </message>
        <message>
            <source>households: %1, rows: %2, removals: %3</source>
            <translation>households: %1, rows: %2, removals: %3</translation>
        </message>
        <message>
            <source>1. If the folder is on a USB stick, eject it safely before you pull it out.</source>
            <translation>1. If the folder is on a USB stick, eject it safely before you pull it out.</translation>
        </message>
        <message>
            <source>2. Hand the file to the evaluator as agreed with them. Only the study can open it; keep no other copies.</source>
            <translation>2. Hand the file to the evaluator as agreed with them. Only the study can open it; keep no other copies.</translation>
        </message>
        <message>
            <source>3. The evaluator sends back a receipt file once the bundle is stored. Import it under Team lead → Export history → Import receipt. Until then the bundle is shown as not delivered.</source>
            <translation>3. The evaluator sends back a receipt file once the bundle is stored. Import it under Team lead → Export history → Import receipt. Until then the bundle is shown as not delivered.</translation>
        </message>
        <message numerus="yes">
            <source>%n bundle(s) to this study are waiting for a receipt.</source>
            <translation>
                <numerusform>%n bundle to this study is waiting for a receipt.</numerusform>
                <numerusform>%n bundles to this study are waiting for a receipt.</numerusform>
            </translation>
        </message>
        <message>
            <source>The file could not be read back from the folder. The export is recorded; check the USB stick, and if the evaluator cannot open the file, make a full export.</source>
            <translation>The file could not be read back from the folder. The export is recorded; check the USB stick, and if the evaluator cannot open the file, make a full export.</translation>
        </message>
    </context>
    <context>
        <name>FamilyCopyDialog</name>
        <message>
            <source>Family copy for case %1</source>
            <translation>Family copy for case %1</translation>
        </message>
        <message>
            <source>What we agreed, what the municipality will pay and when, the next meeting and who to call: in plain language and large type, without internal notes.</source>
            <translation>What we agreed, what the municipality will pay and when, the next meeting and who to call: in plain language and large type, without internal notes.</translation>
        </message>
        <message>
            <source>The family's &amp;language:</source>
            <translation>The family's &amp;language:</translation>
        </message>
    </context>
    <context>
        <name>FamilyDialog</name>
        <message>
            <source>Edit family</source>
            <translation>Edit family</translation>
        </message>
        <message>
            <source>New family</source>
            <translation>New family</translation>
        </message>
        <message>
            <source>e.g. The Hansen family</source>
            <translation>e.g. The Hansen family</translation>
        </message>
        <message>
            <source>Family &amp;name:</source>
            <translation>Family &amp;name:</translation>
        </message>
        <message>
            <source>&amp;District:</source>
            <translation>&amp;District:</translation>
        </message>
        <message>
            <source>Yearly &amp;budget frame (NOK):</source>
            <translation>Yearly &amp;budget frame (NOK):</translation>
        </message>
        <message>
            <source>Leave empty for the next free number</source>
            <translation>Leave empty for the next free number</translation>
        </message>
        <message>
            <source>&amp;Case number:</source>
            <translation>&amp;Case number:</translation>
        </message>
        <message>
            <source>&amp;Opened on:</source>
            <translation>&amp;Opened on:</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>S&amp;tatus:</translation>
        </message>
        <message>
            <source>Case&amp;worker:</source>
            <translation>Case&amp;worker:</translation>
        </message>
    </context>
    <context>
        <name>FamilyView</name>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Preview and print what was agreed, for the family to take home (Ctrl+P)</source>
            <translation>Preview and print what was agreed, for the family to take home (Ctrl+P)</translation>
        </message>
        <message>
            <source>Family c&amp;opy…</source>
            <translation>Family c&amp;opy…</translation>
        </message>
        <message>
            <source>Edit famil&amp;y…</source>
            <translation>Edit famil&amp;y…</translation>
        </message>
        <message>
            <source>Case s&amp;ummary…</source>
            <translation>Case s&amp;ummary…</translation>
        </message>
        <message>
            <source>Preview and print the whole case for a period (Ctrl+Shift+S)</source>
            <translation>Preview and print the whole case for a period (Ctrl+Shift+S)</translation>
        </message>
        <message>
            <source>Access lo&amp;g…</source>
            <translation>Access lo&amp;g…</translation>
        </message>
        <message>
            <source>Family tabs</source>
            <translation>Family tabs</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <source>Needs</source>
            <translation>Needs</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>Payments</translation>
        </message>
        <message>
            <source>Check-ins</source>
            <translation>Check-ins</translation>
        </message>
        <message>
            <source>Consents</source>
            <translation>Consents</translation>
        </message>
        <message>
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <source>Opening…</source>
            <translation>Opening…</translation>
        </message>
        <message>
            <source>%1 (was %2 at %3)</source>
            <translation>%1 (was %2 at %3)</translation>
        </message>
        <message>
            <source>Case %1 · %2 · caseworker %3</source>
            <translation>Case %1 · %2 · caseworker %3</translation>
        </message>
        <message>
            <source>Handed over to %1 on %2, waiting for their receipt. A change made now does not go with the file: make the file again after changing anything.</source>
            <translation>Handed over to %1 on %2, waiting for their receipt. A change made now does not go with the file: make the file again after changing anything.</translation>
        </message>
        <message>
            <source>Who viewed or changed the family's records, and when (Ctrl+Shift+L)</source>
            <translation>Who viewed or changed the family's records, and when (Ctrl+Shift+L)</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Discard what you have written?</source>
            <translation>Discard what you have written?</translation>
        </message>
        <message>
            <source>It has not been saved.</source>
            <translation>It has not been saved.</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Discard</translation>
        </message>
        <message>
            <source>&amp;Keep writing</source>
            <translation>&amp;Keep writing</translation>
        </message>
        <message numerus="yes">
            <source>Not saved: check the marked field(s).</source>
            <translation>
                <numerusform>Not saved: check the marked field.</numerusform>
                <numerusform>Not saved: check the marked fields.</numerusform>
            </translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Not saved: %1</translation>
        </message>
    </context>
    <context>
        <name>GiveConsentDialog</name>
        <message>
            <source>Record consent</source>
            <translation>Record consent</translation>
        </message>
        <message>
            <source>A consent is never edited. To correct one, withdraw it and record a new one.</source>
            <translation>A consent is never edited. To correct one, withdraw it and record a new one.</translation>
        </message>
        <message>
            <source>&amp;Adult member:</source>
            <translation>&amp;Adult member:</translation>
        </message>
        <message>
            <source>St&amp;udy:</source>
            <translation>St&amp;udy:</translation>
        </message>
        <message>
            <source>e.g. v2 2026-03</source>
            <translation>e.g. v2 2026-03</translation>
        </message>
        <message>
            <source>Information &amp;letter version:</source>
            <translation>Information &amp;letter version:</translation>
        </message>
        <message>
            <source>&amp;Given on:</source>
            <translation>&amp;Given on:</translation>
        </message>
        <message>
            <source>&amp;How:</source>
            <translation>&amp;How:</translation>
        </message>
    </context>
    <context>
        <name>Handover</name>
        <message>
            <source>Register handover receipt</source>
            <translation>Register handover receipt</translation>
        </message>
        <message>
            <source>Handover receipts (*.kvittering);;All files (*)</source>
            <translation>Handover receipts (*.kvittering);;All files (*)</translation>
        </message>
        <message numerus="yes">
            <source>Receipt registered: %n family(ies) handed over and removed from this journal. The audit log keeps a note without content.</source>
            <translation>
                <numerusform>Receipt registered: %n family handed over and removed from this journal. The audit log keeps a note without content.</numerusform>
                <numerusform>Receipt registered: %n families handed over and removed from this journal. The audit log keeps a note without content.</numerusform>
            </translation>
        </message>
        <message>
            <source>This receipt was registered before: nothing more to do.</source>
            <translation>This receipt was registered before: nothing more to do.</translation>
        </message>
    </context>
    <context>
        <name>HandoverPeersDialog</name>
        <message>
            <source>Journals for handover</source>
            <translation>Journals for handover</translation>
        </message>
        <message>
            <source>This journal's receiving key</source>
            <translation>This journal's receiving key</translation>
        </message>
        <message>
            <source>Give the key file to the team lead of the other journal and read the fingerprint out over the phone. The file holds no secret.</source>
            <translation>Give the key file to the team lead of the other journal and read the fingerprint out over the phone. The file holds no secret.</translation>
        </message>
        <message>
            <source>This journal's fingerprint</source>
            <translation>This journal's fingerprint</translation>
        </message>
        <message>
            <source>Fingerprint:</source>
            <translation>Fingerprint:</translation>
        </message>
        <message>
            <source>&amp;Save key file…</source>
            <translation>&amp;Save key file…</translation>
        </message>
        <message>
            <source>Registered journals</source>
            <translation>Registered journals</translation>
        </message>
        <message>
            <source>Journal</source>
            <translation>Journal</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>Fingerprint</translation>
        </message>
        <message>
            <source>Register a journal</source>
            <translation>Register a journal</translation>
        </message>
        <message>
            <source>The other journal's key file</source>
            <translation>The other journal's key file</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Browse…</translation>
        </message>
        <message>
            <source>&amp;Key file:</source>
            <translation>&amp;Key file:</translation>
        </message>
        <message>
            <source>Fingerprint in the file</source>
            <translation>Fingerprint in the file</translation>
        </message>
        <message>
            <source>In the file:</source>
            <translation>In the file:</translation>
        </message>
        <message>
            <source>Fingerprint read out by the other team lead</source>
            <translation>Fingerprint read out by the other team lead</translation>
        </message>
        <message>
            <source>Read &amp;out:</source>
            <translation>Read &amp;out:</translation>
        </message>
        <message>
            <source>Whose journal it is</source>
            <translation>Whose journal it is</translation>
        </message>
        <message>
            <source>e.g. Trondheim, team East</source>
            <translation>e.g. Trondheim, team East</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Register</source>
            <translation>&amp;Register</translation>
        </message>
        <message>
            <source>Save key file</source>
            <translation>Save key file</translation>
        </message>
        <message>
            <source>Key files (*.mottak)</source>
            <translation>Key files (*.mottak)</translation>
        </message>
        <message>
            <source>Key file saved. Read the fingerprint %1 out over the phone.</source>
            <translation>Key file saved. Read the fingerprint %1 out over the phone.</translation>
        </message>
        <message>
            <source>Key files (*.mottak);;All files (*)</source>
            <translation>Key files (*.mottak);;All files (*)</translation>
        </message>
        <message>
            <source>Registered: %1.</source>
            <translation>Registered: %1.</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <source>Case number</source>
            <translation>Case number</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>District</source>
            <translation>District</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>Opened</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Yearly budget</source>
            <translation>Yearly budget</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Child</source>
            <translation>Child</translation>
        </message>
        <message>
            <source>Birth year</source>
            <translation>Birth year</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>Birth date</translation>
        </message>
        <message>
            <source>Identity number</source>
            <translation>Identity number</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>Held</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Next meeting</source>
            <translation>Next meeting</translation>
        </message>
        <message>
            <source>Need</source>
            <translation>Need</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Raised</source>
            <translation>Raised</translation>
        </message>
        <message>
            <source>For the need</source>
            <translation>For the need</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <source>Proposed by</source>
            <translation>Proposed by</translation>
        </message>
        <message>
            <source>Proposed</source>
            <translation>Proposed</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>Approved by</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>Voucher</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Removed</source>
            <translation>Removed</translation>
        </message>
        <message>
            <source>Reason for removal</source>
            <translation>Reason for removal</translation>
        </message>
        <message>
            <source>Answered on</source>
            <translation>Answered on</translation>
        </message>
        <message>
            <source>Respondent</source>
            <translation>Respondent</translation>
        </message>
        <message>
            <source>Occasion</source>
            <translation>Occasion</translation>
        </message>
        <message>
            <source>Instrument</source>
            <translation>Instrument</translation>
        </message>
        <message>
            <source>Case record</source>
            <translation>Case record</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Member</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>Meeting</translation>
        </message>
        <message>
            <source>Payment</source>
            <translation>Payment</translation>
        </message>
        <message>
            <source>Check-in</source>
            <translation>Check-in</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>Consent</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>created</source>
            <translation>created</translation>
        </message>
        <message>
            <source>changed: %1</source>
            <translation>changed: %1</translation>
        </message>
        <message>
            <source>saved</source>
            <translation>saved</translation>
        </message>
        <message>
            <source>removed: %1</source>
            <translation>removed: %1</translation>
        </message>
        <message>
            <source>removed</source>
            <translation>removed</translation>
        </message>
        <message>
            <source>Case summary, with full identity numbers</source>
            <translation>Case summary, with full identity numbers</translation>
        </message>
        <message>
            <source>sent to the printer</source>
            <translation>sent to the printer</translation>
        </message>
        <message>
            <source>printed to a PDF file</source>
            <translation>printed to a PDF file</translation>
        </message>
        <message>
            <source>%1 saved as PDF</source>
            <translation>%1 saved as PDF</translation>
        </message>
        <message>
            <source>%1 printed to a PDF file</source>
            <translation>%1 printed to a PDF file</translation>
        </message>
        <message>
            <source>Status: %1 → %2</source>
            <translation>Status: %1 → %2</translation>
        </message>
        <message>
            <source>withdrawn</source>
            <translation>withdrawn</translation>
        </message>
        <message>
            <source>opened the family in SamJournal</source>
            <translation>opened the family in SamJournal</translation>
        </message>
    </context>
    <context>
        <name>HistoryTab</name>
        <message>
            <source>Changed by</source>
            <translation>Changed by</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>What happened</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Before</translation>
        </message>
        <message>
            <source>After</source>
            <translation>After</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Detail</translation>
        </message>
        <message>
            <source>All records</source>
            <translation>All records</translation>
        </message>
        <message>
            <source>The case record</source>
            <translation>The case record</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <source>Needs</source>
            <translation>Needs</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>Payments</translation>
        </message>
        <message>
            <source>Show the history of</source>
            <translation>Show the history of</translation>
        </message>
        <message>
            <source>&amp;Show:</source>
            <translation>&amp;Show:</translation>
        </message>
        <message>
            <source>Number of versions shown</source>
            <translation>Number of versions shown</translation>
        </message>
        <message>
            <source>Versions of the records</source>
            <translation>Versions of the records</translation>
        </message>
        <message>
            <source>Fields of the selected version</source>
            <translation>Fields of the selected version</translation>
        </message>
        <message>
            <source>Select a version to see its fields.</source>
            <translation>Select a version to see its fields.</translation>
        </message>
        <message>
            <source>Versions: who changed what, and when</source>
            <translation>Versions: who changed what, and when</translation>
        </message>
        <message numerus="yes">
            <source>%1 of %n version(s)</source>
            <translation>
                <numerusform>%1 of %n version</numerusform>
                <numerusform>%1 of %n versions</numerusform>
            </translation>
        </message>
        <message>
            <source>%1, version %2, saved by %3 %4</source>
            <translation>%1, version %2, saved by %3 %4</translation>
        </message>
        <message>
            <source>Who has read or changed this family (audit log)</source>
            <translation>Who has read or changed this family (audit log)</translation>
        </message>
        <message>
            <source>The selected version (changes stand out)</source>
            <translation>The selected version (changes stand out)</translation>
        </message>
        <message>
            <source>Audit events</source>
            <translation>Audit events</translation>
        </message>
        <message>
            <source>Re&amp;load history</source>
            <translation>Re&amp;load history</translation>
        </message>
    </context>
    <context>
        <name>ImportStudyDialog</name>
        <message>
            <source>Import study profile</source>
            <translation>Import study profile</translation>
        </message>
        <message>
            <source>The evaluator gives you the study profile (study.json). It says where bundles are encrypted to and what the journal must do before anything leaves it.</source>
            <translation>The evaluator gives you the study profile (study.json). It says where bundles are encrypted to and what the journal must do before anything leaves it.</translation>
        </message>
        <message>
            <source>Study profile file</source>
            <translation>Study profile file</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Browse…</translation>
        </message>
        <message>
            <source>Rea&amp;d</source>
            <translation>Rea&amp;d</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>&amp;File:</translation>
        </message>
        <message>
            <source>The study</source>
            <translation>The study</translation>
        </message>
        <message>
            <source>Study:</source>
            <translation>Study:</translation>
        </message>
        <message>
            <source>Organisation:</source>
            <translation>Organisation:</translation>
        </message>
        <message>
            <source>Rules:</source>
            <translation>Rules:</translation>
        </message>
        <message>
            <source>Fingerprint in the file</source>
            <translation>Fingerprint in the file</translation>
        </message>
        <message>
            <source>Fingerprint:</source>
            <translation>Fingerprint:</translation>
        </message>
        <message>
            <source>&amp;Replace the existing profile</source>
            <translation>&amp;Replace the existing profile</translation>
        </message>
        <message>
            <source>Compare with the evaluator</source>
            <translation>Compare with the evaluator</translation>
        </message>
        <message>
            <source>Call the evaluator on a number you already know and ask them to read their fingerprint aloud. Type what you hear; import only if it is the same.</source>
            <translation>Call the evaluator on a number you already know and ask them to read their fingerprint aloud. Type what you hear; import only if it is the same.</translation>
        </message>
        <message>
            <source>Fingerprint read out by the evaluator</source>
            <translation>Fingerprint read out by the evaluator</translation>
        </message>
        <message>
            <source>Read &amp;out:</source>
            <translation>Read &amp;out:</translation>
        </message>
        <message>
            <source>Municipality</source>
            <translation>Municipality</translation>
        </message>
        <message>
            <source>&amp;Municipality:</source>
            <translation>&amp;Municipality:</translation>
        </message>
        <message>
            <source>The place name sent instead of addresses and (when too few) districts.</source>
            <translation>The place name sent instead of addresses and (when too few) districts.</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Study profiles (*.json);;All files (*)</source>
            <translation>Study profiles (*.json);;All files (*)</translation>
        </message>
        <message>
            <source>The journal already has another profile for this study (fingerprint %1). Importing this one replaces it: bundles from now on are encrypted to the new profile's keys.</source>
            <translation>The journal already has another profile for this study (fingerprint %1). Importing this one replaces it: bundles from now on are encrypted to the new profile's keys.</translation>
        </message>
        <message>
            <source>The journal already has this profile; importing it again is safe.</source>
            <translation>The journal already has this profile; importing it again is safe.</translation>
        </message>
        <message>
            <source>Not imported: %1</source>
            <translation>Not imported: %1</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <source>overdue</source>
            <translation>overdue</translation>
        </message>
        <message>
            <source>over the frame</source>
            <translation>over the frame</translation>
        </message>
        <message>
            <source>nearly spent</source>
            <translation>nearly spent</translation>
        </message>
        <message>
            <source>family</source>
            <translation>family</translation>
        </message>
        <message>
            <source>member</source>
            <translation>member</translation>
        </message>
        <message>
            <source>meeting</source>
            <translation>meeting</translation>
        </message>
        <message>
            <source>need</source>
            <translation>need</translation>
        </message>
        <message>
            <source>payment</source>
            <translation>payment</translation>
        </message>
        <message>
            <source>check-in</source>
            <translation>check-in</translation>
        </message>
        <message>
            <source>consent</source>
            <translation>consent</translation>
        </message>
        <message>
            <source>user</source>
            <translation>user</translation>
        </message>
        <message>
            <source>journal</source>
            <translation>journal</translation>
        </message>
        <message>
            <source>study</source>
            <translation>study</translation>
        </message>
        <message>
            <source>receipt</source>
            <translation>receipt</translation>
        </message>
        <message>
            <source>case list figures</source>
            <translation>case list figures</translation>
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
            <translation>Working</translation>
        </message>
        <message>
            <source>SamJournal is locked. Unlock to continue (Ctrl+L).</source>
            <translation>SamJournal is locked. Unlock to continue (Ctrl+L).</translation>
        </message>
        <message>
            <source>A payment you proposed was rejected since you last signed in: %1 for “%2” to %3, by %4: “%5”.</source>
            <translation>A payment you proposed was rejected since you last signed in: %1 for “%2” to %3, by %4: “%5”.</translation>
        </message>
        <message>
            <source>%6 payments you proposed were rejected since you last signed in. The latest: %1 for “%2” to %3, by %4: “%5”.</source>
            <translation>%6 payments you proposed were rejected since you last signed in. The latest: %1 for “%2” to %3, by %4: “%5”.</translation>
        </message>
        <message>
            <source>journal.mark, which records how far this journal had come, was found gone or damaged when the journal was opened, so recent work that is missing could not be noticed. Tell your team lead, who can check the journal against a backup (Team lead ▸ Verify the audit log, or “samjournal audit verify”) and then acknowledge the alarm; until then it is shown at every unlock.</source>
            <translation>journal.mark, which records how far this journal had come, was found gone or damaged when the journal was opened, so recent work that is missing could not be noticed. Tell your team lead, who can check the journal against a backup (Team lead ▸ Verify the audit log, or “samjournal audit verify”) and then acknowledge the alarm; until then it is shown at every unlock.</translation>
        </message>
        <message>
            <source>The audit log does not extend a head it had already shown outside this journal: events were removed or rewritten. Tell your team lead, who can check it with “samjournal audit verify”.</source>
            <translation>The audit log does not extend a head it had already shown outside this journal: events were removed or rewritten. Tell your team lead, who can check it with “samjournal audit verify”.</translation>
        </message>
        <message>
            <source>The record of failed unlock attempts in this journal's folder was changed since your last unlock, so attempts may be hidden. Tell your team lead.</source>
            <translation>The record of failed unlock attempts in this journal's folder was changed since your last unlock, so attempts may be hidden. Tell your team lead.</translation>
        </message>
        <message numerus="yes">
            <source>%n failed unlock attempt(s) as you since last time (latest %1). If that was not you, change your passphrase (File ▸ Change passphrase…); each attempt is in the audit log.</source>
            <translation>
                <numerusform>%n failed unlock attempt as you since last time (latest %1). If that was not you, change your passphrase (File ▸ Change passphrase…); each attempt is in the audit log.</numerusform>
                <numerusform>%n failed unlock attempts as you since last time (latest %1). If that was not you, change your passphrase (File ▸ Change passphrase…); each attempt is in the audit log.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed unlock attempt(s) as you since last time (latest %1). If that was not you, tell your team lead.</source>
            <translation>
                <numerusform>%n failed unlock attempt as you since last time (latest %1). If that was not you, tell your team lead.</numerusform>
                <numerusform>%n failed unlock attempts as you since last time (latest %1). If that was not you, tell your team lead.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Approvals (%1)</source>
            <translation>&amp;Approvals (%1)</translation>
        </message>
        <message>
            <source>Your passphrase was changed.</source>
            <translation>Your passphrase was changed.</translation>
        </message>
        <message>
            <source>The journal was restored from a backup at event %1 (%2, by %3): the log goes on from head %4, and the events after it were lost. Reason: %5</source>
            <translation>The journal was restored from a backup at event %1 (%2, by %3): the log goes on from head %4, and the events after it were lost. Reason: %5</translation>
        </message>
        <message numerus="yes">
            <source>The audit log is intact: %n event(s), head %1.</source>
            <translation>
                <numerusform>The audit log is intact: %n event, head %1.</numerusform>
                <numerusform>The audit log is intact: %n events, head %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>The audit log does NOT verify: %1</source>
            <translation>The audit log does NOT verify: %1</translation>
        </message>
        <message>
            <source>Acknowledge the alarm?</source>
            <translation>Acknowledge the alarm?</translation>
        </message>
        <message>
            <source>journal.mark was found gone or damaged when the journal was opened, so recent work that is missing could not be noticed. Compare the journal with your latest backup first (a family or a meeting you know of). Acknowledged, the alarm is no longer shown at every unlock; the acknowledgement is in the audit log.</source>
            <translation>journal.mark was found gone or damaged when the journal was opened, so recent work that is missing could not be noticed. Compare the journal with your latest backup first (a family or a meeting you know of). Acknowledged, the alarm is no longer shown at every unlock; the acknowledgement is in the audit log.</translation>
        </message>
        <message>
            <source>&amp;Acknowledge</source>
            <translation>&amp;Acknowledge</translation>
        </message>
        <message>
            <source>The journal.mark alarm is acknowledged (in the audit log).</source>
            <translation>The journal.mark alarm is acknowledged (in the audit log).</translation>
        </message>
        <message>
            <source>Select the families in the case list first (Ctrl+click or Shift+click to select several), then choose Print case summaries.</source>
            <translation>Select the families in the case list first (Ctrl+click or Shift+click to select several), then choose Print case summaries.</translation>
        </message>
        <message>
            <source>Sign out?</source>
            <translation>Sign out?</translation>
        </message>
        <message>
            <source>Windows left open, such as a meeting being written, close: what was typed in them and not saved is lost.</source>
            <translation>Windows left open, such as a meeting being written, close: what was typed in them and not saved is lost.</translation>
        </message>
        <message>
            <source>&amp;Sign out</source>
            <translation>&amp;Sign out</translation>
        </message>
        <message>
            <source>Quit SamJournal?</source>
            <translation>Quit SamJournal?</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Another program is waiting to change this journal (a user removal or a restore). Lock or close this window to let it go ahead.</source>
            <translation>Another program is waiting to change this journal (a user removal or a restore). Lock or close this window to let it go ahead.</translation>
        </message>
        <message>
            <source>Locked · %1</source>
            <translation>Locked · %1</translation>
        </message>
        <message>
            <source>Signed in as %1 (%2) · %3</source>
            <translation>Signed in as %1 (%2) · %3</translation>
        </message>
        <message>
            <source>Case %1 was erased for good.</source>
            <translation>Case %1 was erased for good.</translation>
        </message>
    </context>
    <context>
        <name>MarkPaidDialog</name>
        <message>
            <source>Mark as paid</source>
            <translation>Mark as paid</translation>
        </message>
        <message>
            <source>Payment:</source>
            <translation>Payment:</translation>
        </message>
        <message>
            <source>Purpose:</source>
            <translation>Purpose:</translation>
        </message>
        <message>
            <source>The voucher number in the accounts</source>
            <translation>The voucher number in the accounts</translation>
        </message>
        <message>
            <source>&amp;Voucher reference:</source>
            <translation>&amp;Voucher reference:</translation>
        </message>
        <message>
            <source>&amp;Paid on:</source>
            <translation>&amp;Paid on:</translation>
        </message>
        <message>
            <source>&amp;Mark as paid</source>
            <translation>&amp;Mark as paid</translation>
        </message>
        <message>
            <source>Paid before it was approved (%1): is the date right?</source>
            <translation>Paid before it was approved (%1): is the date right?</translation>
        </message>
        <message>
            <source>The payment is saved.</source>
            <translation>The payment is saved.</translation>
        </message>
    </context>
    <context>
        <name>MeetingDialog</name>
        <message>
            <source>Edit meeting</source>
            <translation>Edit meeting</translation>
        </message>
        <message>
            <source>Record meeting</source>
            <translation>Record meeting</translation>
        </message>
        <message>
            <source>&amp;When:</source>
            <translation>&amp;When:</translation>
        </message>
        <message>
            <source>&amp;Kind:</source>
            <translation>&amp;Kind:</translation>
        </message>
        <message>
            <source>&amp;Place:</source>
            <translation>&amp;Place:</translation>
        </message>
        <message>
            <source>Who took part</source>
            <translation>Who took part</translation>
        </message>
        <message>
            <source>child</source>
            <translation>child</translation>
        </message>
        <message>
            <source>adult</source>
            <translation>adult</translation>
        </message>
        <message>
            <source>staff</source>
            <translation>staff</translation>
        </message>
        <message>
            <source>Ne&amp;xt meeting:</source>
            <translation>Ne&amp;xt meeting:</translation>
        </message>
        <message>
            <source>The family's &amp;own words:</source>
            <translation>The family's &amp;own words:</translation>
        </message>
        <message>
            <source>e.g. NAV, school (comma-separated)</source>
            <translation>e.g. NAV, school (comma-separated)</translation>
        </message>
        <message>
            <source>Who took par&amp;t:</source>
            <translation>Who took par&amp;t:</translation>
        </message>
        <message>
            <source>P&amp;artners:</source>
            <translation>P&amp;artners:</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>Planned</translation>
        </message>
        <message>
            <source>Next meeting time</source>
            <translation>Next meeting time</translation>
        </message>
        <message>
            <source>What the family said, in their own words</source>
            <translation>What the family said, in their own words</translation>
        </message>
        <message>
            <source>What you agreed together, and who does what</source>
            <translation>What you agreed together, and who does what</translation>
        </message>
        <message>
            <source>What was a&amp;greed:</source>
            <translation>What was a&amp;greed:</translation>
        </message>
        <message>
            <source>Needs agreed in this meeting</source>
            <translation>Needs agreed in this meeting</translation>
        </message>
        <message>
            <source>Add &amp;need</source>
            <translation>Add &amp;need</translation>
        </message>
        <message>
            <source>Payments proposed in this meeting</source>
            <translation>Payments proposed in this meeting</translation>
        </message>
        <message>
            <source>Add pa&amp;yment</source>
            <translation>Add pa&amp;yment</translation>
        </message>
        <message>
            <source>The meeting is saved.</source>
            <translation>The meeting is saved.</translation>
        </message>
        <message>
            <source>Payment %1, %2: %3</source>
            <translation>Payment %1, %2: %3</translation>
        </message>
        <message>
            <source>tick who from the family took part, or write what was said or agreed</source>
            <translation>tick who from the family took part, or write what was said or agreed</translation>
        </message>
    </context>
    <context>
        <name>MeetingsTab</name>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <source>Meeting notes</source>
            <translation>Meeting notes</translation>
        </message>
        <message>
            <source>&amp;Record meeting…</source>
            <translation>&amp;Record meeting…</translation>
        </message>
        <message>
            <source>&amp;Edit meeting…</source>
            <translation>&amp;Edit meeting…</translation>
        </message>
        <message>
            <source>Edit the chosen meeting</source>
            <translation>Edit the chosen meeting</translation>
        </message>
        <message>
            <source>Re&amp;move meeting…</source>
            <translation>Re&amp;move meeting…</translation>
        </message>
        <message>
            <source>No meetings recorded yet.</source>
            <translation>No meetings recorded yet.</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Staff</source>
            <translation>Staff</translation>
        </message>
        <message>
            <source>Partners</source>
            <translation>Partners</translation>
        </message>
        <message>
            <source>Needs agreed</source>
            <translation>Needs agreed</translation>
        </message>
        <message>
            <source>Payments proposed in the meeting</source>
            <translation>Payments proposed in the meeting</translation>
        </message>
        <message>
            <source>Next meeting</source>
            <translation>Next meeting</translation>
        </message>
        <message>
            <source>Choose a meeting first.</source>
            <translation>Choose a meeting first.</translation>
        </message>
        <message>
            <source>No meetings yet: record one first.</source>
            <translation>No meetings yet: record one first.</translation>
        </message>
        <message>
            <source>Remove meeting</source>
            <translation>Remove meeting</translation>
        </message>
        <message>
            <source>Remove this meeting? It is kept in the history with your reason.</source>
            <translation>Remove this meeting? It is kept in the history with your reason.</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>Re&amp;move</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <source>Edit member</source>
            <translation>Edit member</translation>
        </message>
        <message>
            <source>Add member</source>
            <translation>Add member</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Adult</source>
            <translation>&amp;Adult</translation>
        </message>
        <message>
            <source>C&amp;hild</source>
            <translation>C&amp;hild</translation>
        </message>
        <message>
            <source>Adult or child</source>
            <translation>Adult or child</translation>
        </message>
        <message>
            <source>Adult or child:</source>
            <translation>Adult or child:</translation>
        </message>
        <message>
            <source>e.g. 1985 (optional)</source>
            <translation>e.g. 1985 (optional)</translation>
        </message>
        <message>
            <source>Birth &amp;year:</source>
            <translation>Birth &amp;year:</translation>
        </message>
        <message>
            <source>11 digits (optional)</source>
            <translation>11 digits (optional)</translation>
        </message>
        <message>
            <source>National &amp;identity number:</source>
            <translation>National &amp;identity number:</translation>
        </message>
        <message>
            <source>&amp;Phone:</source>
            <translation>&amp;Phone:</translation>
        </message>
        <message>
            <source>Primary &amp;contact for the family</source>
            <translation>Primary &amp;contact for the family</translation>
        </message>
        <message>
            <source>write the year with four digits</source>
            <translation>write the year with four digits</translation>
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;New family…</source>
            <translation>&amp;New family…</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>&amp;Lock</translation>
        </message>
        <message>
            <source>Change &amp;passphrase…</source>
            <translation>Change &amp;passphrase…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Case list</source>
            <translation>&amp;Case list</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>&amp;Search</translation>
        </message>
        <message>
            <source>&amp;Back to the case list</source>
            <translation>&amp;Back to the case list</translation>
        </message>
        <message>
            <source>&amp;Reload</source>
            <translation>&amp;Reload</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Norwegian dates and amounts</source>
            <translation>&amp;Norwegian dates and amounts</translation>
        </message>
        <message>
            <source>Register handover receip&amp;t…</source>
            <translation>Register handover receip&amp;t…</translation>
        </message>
        <message>
            <source>05.12.2026 and 12 000,00 kr in every language; off: the language's own</source>
            <translation>05.12.2026 and 12 000,00 kr in every language; off: the language's own</translation>
        </message>
        <message>
            <source>F&amp;amily</source>
            <translation>F&amp;amily</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>Sign &amp;out</translation>
        </message>
        <message>
            <source>&amp;Edit family…</source>
            <translation>&amp;Edit family…</translation>
        </message>
        <message>
            <source>Add &amp;member…</source>
            <translation>Add &amp;member…</translation>
        </message>
        <message>
            <source>&amp;Record meeting…</source>
            <translation>&amp;Record meeting…</translation>
        </message>
        <message>
            <source>Raise &amp;need…</source>
            <translation>Raise &amp;need…</translation>
        </message>
        <message>
            <source>&amp;Propose payment…</source>
            <translation>&amp;Propose payment…</translation>
        </message>
        <message>
            <source>Record check-&amp;in…</source>
            <translation>Record check-&amp;in…</translation>
        </message>
        <message>
            <source>Record &amp;consent…</source>
            <translation>Record &amp;consent…</translation>
        </message>
        <message>
            <source>Family c&amp;opy…</source>
            <translation>Family c&amp;opy…</translation>
        </message>
        <message>
            <source>Case &amp;summary…</source>
            <translation>Case &amp;summary…</translation>
        </message>
        <message>
            <source>Hand over to another &amp;journal…</source>
            <translation>Hand over to another &amp;journal…</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Overview</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <source>Needs</source>
            <translation>Needs</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>Payments</translation>
        </message>
        <message>
            <source>Check-ins</source>
            <translation>Check-ins</translation>
        </message>
        <message>
            <source>Consents</source>
            <translation>Consents</translation>
        </message>
        <message>
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <source>&amp;Team lead</source>
            <translation>&amp;Team lead</translation>
        </message>
        <message>
            <source>&amp;My profile…</source>
            <translation>&amp;My profile…</translation>
        </message>
        <message>
            <source>&amp;Approvals</source>
            <translation>&amp;Approvals</translation>
        </message>
        <message>
            <source>&amp;Portfolio report…</source>
            <translation>&amp;Portfolio report…</translation>
        </message>
        <message>
            <source>Print &amp;case summaries…</source>
            <translation>Print &amp;case summaries…</translation>
        </message>
        <message>
            <source>&amp;Users…</source>
            <translation>&amp;Users…</translation>
        </message>
        <message>
            <source>Journal &amp;settings…</source>
            <translation>Journal &amp;settings…</translation>
        </message>
        <message>
            <source>Contact details for &amp;families…</source>
            <translation>Contact details for &amp;families…</translation>
        </message>
        <message>
            <source>&amp;Verify the audit log</source>
            <translation>&amp;Verify the audit log</translation>
        </message>
        <message>
            <source>&amp;Export to study…</source>
            <translation>&amp;Export to study…</translation>
        </message>
        <message>
            <source>Export &amp;history…</source>
            <translation>Export &amp;history…</translation>
        </message>
        <message>
            <source>&amp;Import study profile…</source>
            <translation>&amp;Import study profile…</translation>
        </message>
        <message>
            <source>&amp;Receive a family…</source>
            <translation>&amp;Receive a family…</translation>
        </message>
        <message>
            <source>Journals for hand&amp;over…</source>
            <translation>Journals for hand&amp;over…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Keyboard shortcuts</translation>
        </message>
        <message>
            <source>&amp;About SamJournal</source>
            <translation>&amp;About SamJournal</translation>
        </message>
        <message>
            <source>&amp;Access log…</source>
            <translation>&amp;Access log…</translation>
        </message>
        <message>
            <source>Erase famil&amp;y…</source>
            <translation>Erase famil&amp;y…</translation>
        </message>
        <message>
            <source>Cases due for pur&amp;ge…</source>
            <translation>Cases due for pur&amp;ge…</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <source>Close message</source>
            <translation>Close message</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
    </context>
    <context>
        <name>MoneyEdit</name>
        <message>
            <source>e.g. 1250</source>
            <translation>e.g. 1250</translation>
        </message>
    </context>
    <context>
        <name>MyProfileDialog</name>
        <message>
            <source>Your work phone was saved.</source>
            <translation>Your work phone was saved.</translation>
        </message>
        <message>
            <source>My profile</source>
            <translation>My profile</translation>
        </message>
        <message>
            <source>Your work phone is printed on the family's copy for the families you follow, under “Who to call”. Leave it empty to print none.</source>
            <translation>Your work phone is printed on the family's copy for the families you follow, under “Who to call”. Leave it empty to print none.</translation>
        </message>
        <message>
            <source>You are:</source>
            <translation>You are:</translation>
        </message>
        <message>
            <source>e.g. 415 55 123</source>
            <translation>e.g. 415 55 123</translation>
        </message>
        <message>
            <source>&amp;Work phone:</source>
            <translation>&amp;Work phone:</translation>
        </message>
    </context>
    <context>
        <name>NeedDialog</name>
        <message>
            <source>Edit need</source>
            <translation>Edit need</translation>
        </message>
        <message>
            <source>Raise need</source>
            <translation>Raise need</translation>
        </message>
        <message>
            <source>In the family's own words</source>
            <translation>In the family's own words</translation>
        </message>
        <message>
            <source>&amp;Need:</source>
            <translation>&amp;Need:</translation>
        </message>
        <message>
            <source>&amp;Category:</source>
            <translation>&amp;Category:</translation>
        </message>
        <message>
            <source>The need is saved.</source>
            <translation>The need is saved.</translation>
        </message>
    </context>
    <context>
        <name>NeedRow</name>
        <message>
            <source>The need, in the family's words</source>
            <translation>The need, in the family's words</translation>
        </message>
        <message>
            <source>Need</source>
            <translation>Need</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
    </context>
    <context>
        <name>NeedStatusDialog</name>
        <message>
            <source>Change need status</source>
            <translation>Change need status</translation>
        </message>
        <message>
            <source>Need:</source>
            <translation>Need:</translation>
        </message>
        <message>
            <source>Now:</source>
            <translation>Now:</translation>
        </message>
        <message>
            <source>&amp;New status:</source>
            <translation>&amp;New status:</translation>
        </message>
        <message>
            <source>Agreed in &amp;meeting:</source>
            <translation>Agreed in &amp;meeting:</translation>
        </message>
        <message>
            <source>&amp;Outcome:</source>
            <translation>&amp;Outcome:</translation>
        </message>
        <message>
            <source>The need is saved.</source>
            <translation>The need is saved.</translation>
        </message>
    </context>
    <context>
        <name>NeedsTab</name>
        <message>
            <source>Need</source>
            <translation>Need</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Raised</source>
            <translation>Raised</translation>
        </message>
        <message>
            <source>Needs</source>
            <translation>Needs</translation>
        </message>
        <message>
            <source>&amp;Raise need…</source>
            <translation>&amp;Raise need…</translation>
        </message>
        <message>
            <source>&amp;Edit need…</source>
            <translation>&amp;Edit need…</translation>
        </message>
        <message>
            <source>Change &amp;status…</source>
            <translation>Change &amp;status…</translation>
        </message>
        <message>
            <source>&amp;Propose payment for need…</source>
            <translation>&amp;Propose payment for need…</translation>
        </message>
        <message>
            <source>Choose a need in the list first.</source>
            <translation>Choose a need in the list first.</translation>
        </message>
        <message>
            <source>No needs yet.</source>
            <translation>No needs yet.</translation>
        </message>
        <message>
            <source>This need is finished; its status cannot change.</source>
            <translation>This need is finished; its status cannot change.</translation>
        </message>
    </context>
    <context>
        <name>OverviewTab</name>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Adult/child</source>
            <translation>Adult/child</translation>
        </message>
        <message>
            <source>child</source>
            <translation>child</translation>
        </message>
        <message>
            <source>adult</source>
            <translation>adult</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>Born</translation>
        </message>
        <message>
            <source>Identity number</source>
            <translation>Identity number</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>Phone</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>Members</translation>
        </message>
        <message>
            <source>&amp;Edit member…</source>
            <translation>&amp;Edit member…</translation>
        </message>
        <message>
            <source>A&amp;dd member…</source>
            <translation>A&amp;dd member…</translation>
        </message>
        <message>
            <source>&amp;Remove member…</source>
            <translation>&amp;Remove member…</translation>
        </message>
        <message>
            <source>Copy identity &amp;number</source>
            <translation>Copy identity &amp;number</translation>
        </message>
        <message>
            <source>The clipboard is cleared again after 30 seconds.</source>
            <translation>The clipboard is cleared again after 30 seconds.</translation>
        </message>
        <message>
            <source>Budget since the case opened</source>
            <translation>Budget since the case opened</translation>
        </message>
        <message>
            <source>Paid and approved since the case opened, against the family's budget frame. To give a new year its own room, the team lead raises the frame.</source>
            <translation>Paid and approved since the case opened, against the family's budget frame. To give a new year its own room, the team lead raises the frame.</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>Meetings</translation>
        </message>
        <message>
            <source>Next:</source>
            <translation>Next:</translation>
        </message>
        <message>
            <source>Last:</source>
            <translation>Last:</translation>
        </message>
        <message>
            <source>Check-in:</source>
            <translation>Check-in:</translation>
        </message>
        <message>
            <source>Check-in due</source>
            <translation>Check-in due</translation>
        </message>
        <message>
            <source>Open need</source>
            <translation>Open need</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Open needs</source>
            <translation>Open needs</translation>
        </message>
        <message>
            <source>not planned</source>
            <translation>not planned</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>none yet</translation>
        </message>
        <message>
            <source>Caseworker: %1 · District: %2 · Opened %3</source>
            <translation>Caseworker: %1 · District: %2 · Opened %3</translation>
        </message>
        <message>
            <source>Choose a member in the list first.</source>
            <translation>Choose a member in the list first.</translation>
        </message>
        <message>
            <source>No members yet: add one first.</source>
            <translation>No members yet: add one first.</translation>
        </message>
        <message>
            <source>Remove member</source>
            <translation>Remove member</translation>
        </message>
        <message>
            <source>Remove %1 from the family? The record is kept in the history.</source>
            <translation>Remove %1 from the family? The record is kept in the history.</translation>
        </message>
        <message>
            <source>Re&amp;move</source>
            <translation>Re&amp;move</translation>
        </message>
        <message>
            <source>This member has no identity number recorded.</source>
            <translation>This member has no identity number recorded.</translation>
        </message>
        <message>
            <source>Copied. The clipboard is cleared in 30 seconds.</source>
            <translation>Copied. The clipboard is cleared in 30 seconds.</translation>
        </message>
    </context>
    <context>
        <name>PageView</name>
        <message>
            <source>Pages of the printout</source>
            <translation>Pages of the printout</translation>
        </message>
    </context>
    <context>
        <name>PassphraseEdit</name>
        <message>
            <source>Hide passphrase</source>
            <translation>Hide passphrase</translation>
        </message>
        <message>
            <source>Show passphrase</source>
            <translation>Show passphrase</translation>
        </message>
    </context>
    <context>
        <name>PaymentDecisions</name>
        <message>
            <source>Reject payment</source>
            <translation>Reject payment</translation>
        </message>
        <message>
            <source>Reject %1 for “%2”?</source>
            <translation>Reject %1 for “%2”?</translation>
        </message>
        <message>
            <source>Re&amp;ject</source>
            <translation>Re&amp;ject</translation>
        </message>
        <message>
            <source>Cancel payment</source>
            <translation>Cancel payment</translation>
        </message>
        <message>
            <source>Cancel %1 for “%2”?</source>
            <translation>Cancel %1 for “%2”?</translation>
        </message>
        <message>
            <source>Cancel &amp;payment</source>
            <translation>Cancel &amp;payment</translation>
        </message>
        <message>
            <source>Approve payment</source>
            <translation>Approve payment</translation>
        </message>
        <message>
            <source>Approve %1 to %2 for “%3”? Left of the family's budget frame before this payment: %4.</source>
            <translation>Approve %1 to %2 for “%3”? Left of the family's budget frame before this payment: %4.</translation>
        </message>
        <message>
            <source>&amp;Approve</source>
            <translation>&amp;Approve</translation>
        </message>
        <message>
            <source>Approve over budget</source>
            <translation>Approve over budget</translation>
        </message>
        <message>
            <source>This payment takes the family over its yearly budget frame. Approve it anyway?</source>
            <translation>This payment takes the family over its yearly budget frame. Approve it anyway?</translation>
        </message>
        <message>
            <source>&amp;Approve over budget</source>
            <translation>&amp;Approve over budget</translation>
        </message>
    </context>
    <context>
        <name>PaymentRow</name>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <source>(no need)</source>
            <translation>(no need)</translation>
        </message>
        <message>
            <source>New: %1</source>
            <translation>New: %1</translation>
        </message>
    </context>
    <context>
        <name>PaymentsTab</name>
        <message>
            <source>Proposed</source>
            <translation>Proposed</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Purpose</source>
            <translation>Purpose</translation>
        </message>
        <message>
            <source>Need</source>
            <translation>Need</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Proposed by</source>
            <translation>Proposed by</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>Approved by</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>Voucher</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>Payments</translation>
        </message>
        <message>
            <source>&amp;Propose payment…</source>
            <translation>&amp;Propose payment…</translation>
        </message>
        <message>
            <source>App&amp;rove</source>
            <translation>App&amp;rove</translation>
        </message>
        <message>
            <source>Ca&amp;ncel payment…</source>
            <translation>Ca&amp;ncel payment…</translation>
        </message>
        <message>
            <source>Rejected.</source>
            <translation>Rejected.</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Cancelled.</translation>
        </message>
        <message>
            <source>&amp;Mark paid…</source>
            <translation>&amp;Mark paid…</translation>
        </message>
        <message>
            <source>Re&amp;ject…</source>
            <translation>Re&amp;ject…</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Totals per category</source>
            <translation>Totals per category</translation>
        </message>
        <message>
            <source>Totals per need</source>
            <translation>Totals per need</translation>
        </message>
        <message>
            <source>(no need)</source>
            <translation>(no need)</translation>
        </message>
        <message>
            <source>needs a second team lead</source>
            <translation>needs a second team lead</translation>
        </message>
        <message>
            <source>needs team lead</source>
            <translation>needs team lead</translation>
        </message>
        <message>
            <source>Approved.</source>
            <translation>Approved.</translation>
        </message>
    </context>
    <context>
        <name>PeriodChoice</name>
        <message>
            <source>The &amp;whole case</source>
            <translation>The &amp;whole case</translation>
        </message>
        <message>
            <source>O&amp;nly:</source>
            <translation>O&amp;nly:</translation>
        </message>
    </context>
    <context>
        <name>PeriodEdit</name>
        <message>
            <source>Period from</source>
            <translation>Period from</translation>
        </message>
        <message>
            <source>Period to</source>
            <translation>Period to</translation>
        </message>
    </context>
    <context>
        <name>PortfolioDialog</name>
        <message>
            <source>Portfolio report</source>
            <translation>Portfolio report</translation>
        </message>
        <message>
            <source>Figures and charts over every family for the period: families by status, payments by category and month, budget use, needs and check-in scores.</source>
            <translation>Figures and charts over every family for the period: families by status, payments by category and month, budget use, needs and check-in scores.</translation>
        </message>
        <message>
            <source>Pe&amp;riod:</source>
            <translation>Pe&amp;riod:</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Language:</translation>
        </message>
    </context>
    <context>
        <name>PreviewDialog</name>
        <message>
            <source>Print preview — %1</source>
            <translation>Print preview — %1</translation>
        </message>
        <message>
            <source>Pages of the document</source>
            <translation>Pages of the document</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>&amp;Save as PDF…</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Zoom &amp;out</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>Zoom &amp;in</translation>
        </message>
        <message>
            <source>&amp;Fit to width</source>
            <translation>&amp;Fit to width</translation>
        </message>
        <message>
            <source>Preview tools</source>
            <translation>Preview tools</translation>
        </message>
        <message>
            <source>Page number</source>
            <translation>Page number</translation>
        </message>
        <message>
            <source>This is exactly what will be printed. Nothing is saved unless you choose Save as PDF.</source>
            <translation>This is exactly what will be printed. Nothing is saved unless you choose Save as PDF.</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>Close the preview</source>
            <translation>Close the preview</translation>
        </message>
        <message>
            <source>Page %1 of %2</source>
            <translation>Page %1 of %2</translation>
        </message>
        <message numerus="yes">
            <source>Sent %n page(s) to the printer.</source>
            <translation>
                <numerusform>Sent %n page to the printer.</numerusform>
                <numerusform>Sent %n pages to the printer.</numerusform>
            </translation>
        </message>
        <message>
            <source>Printing…</source>
            <translation>Printing…</translation>
        </message>
        <message>
            <source>Saved as %1.</source>
            <translation>Saved as %1.</translation>
        </message>
    </context>
    <context>
        <name>Printing</name>
        <message>
            <source>No printer</source>
            <translation>No printer</translation>
        </message>
        <message>
            <source>No printer is set up on this computer. Save the document as a PDF instead, and print it where there is a printer; or ask IT to set one up.</source>
            <translation>No printer is set up on this computer. Save the document as a PDF instead, and print it where there is a printer; or ask IT to set one up.</translation>
        </message>
    </context>
    <context>
        <name>Printouts</name>
        <message>
            <source>Save as PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF documents (*.pdf)</translation>
        </message>
        <message>
            <source>Save the case summaries in</source>
            <translation>Save the case summaries in</translation>
        </message>
        <message>
            <source>Replace files?</source>
            <translation>Replace files?</translation>
        </message>
        <message>
            <source>These files are already in the folder and will be replaced:
%1</source>
            <translation>These files are already in the folder and will be replaced:
%1</translation>
        </message>
        <message>
            <source>&amp;Replace</source>
            <translation>&amp;Replace</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Case summary</source>
            <translation>Case summary</translation>
        </message>
        <message>
            <source>Family copy</source>
            <translation>Family copy</translation>
        </message>
        <message>
            <source>Portfolio report</source>
            <translation>Portfolio report</translation>
        </message>
        <message>
            <source>case-summary</source>
            <translation>case-summary</translation>
        </message>
        <message>
            <source>family-copy</source>
            <translation>family-copy</translation>
        </message>
        <message>
            <source>portfolio</source>
            <translation>portfolio</translation>
        </message>
        <message>
            <source>Access log</source>
            <translation>Access log</translation>
        </message>
        <message>
            <source>access-log</source>
            <translation>access-log</translation>
        </message>
    </context>
    <context>
        <name>ProposePaymentDialog</name>
        <message>
            <source>Propose payment</source>
            <translation>Propose payment</translation>
        </message>
        <message>
            <source>&amp;Amount (NOK):</source>
            <translation>&amp;Amount (NOK):</translation>
        </message>
        <message>
            <source>&amp;Purpose:</source>
            <translation>&amp;Purpose:</translation>
        </message>
        <message>
            <source>&amp;Method:</source>
            <translation>&amp;Method:</translation>
        </message>
        <message>
            <source>(no need)</source>
            <translation>(no need)</translation>
        </message>
        <message>
            <source>For &amp;need:</source>
            <translation>For &amp;need:</translation>
        </message>
        <message>
            <source>%1 over the family's budget frame (%2 left).</source>
            <translation>%1 over the family's budget frame (%2 left).</translation>
        </message>
        <message>
            <source>The payment is saved.</source>
            <translation>The payment is saved.</translation>
        </message>
    </context>
    <context>
        <name>PurgeListDialog</name>
        <message>
            <source>Cases due for purge</source>
            <translation>Cases due for purge</translation>
        </message>
        <message numerus="yes">
            <source>These cases ended more than %n year(s) ago (the journal's retention period). Check that the archive has what the municipality must keep, then purge them: each case and everything recorded about it is deleted for good.</source>
            <translation>
                <numerusform>These cases ended more than %n year ago (the journal's retention period). Check that the archive has what the municipality must keep, then purge them: each case and everything recorded about it is deleted for good.</numerusform>
                <numerusform>These cases ended more than %n years ago (the journal's retention period). Check that the archive has what the municipality must keep, then purge them: each case and everything recorded about it is deleted for good.</numerusform>
            </translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Case</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Caseworker</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Ended</translation>
        </message>
        <message>
            <source>Retention ran out</source>
            <translation>Retention ran out</translation>
        </message>
        <message>
            <source>Removed earlier</source>
            <translation>Removed earlier</translation>
        </message>
        <message>
            <source>No case is due for purge.</source>
            <translation>No case is due for purge.</translation>
        </message>
        <message>
            <source>&amp;Purge…</source>
            <translation>&amp;Purge…</translation>
        </message>
        <message>
            <source>Purge the selected case</source>
            <translation>Purge the selected case</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Choose a case in the list first.</source>
            <translation>Choose a case in the list first.</translation>
        </message>
        <message>
            <source>Purge case %1</source>
            <translation>Purge case %1</translation>
        </message>
        <message>
            <source>Purge %1 (case %2)? Its retention period ran out on %3. The case and everything recorded about it is deleted for good; the audit log keeps only that it was purged, and why. It cannot be undone. Older backups still hold it until they are replaced.</source>
            <translation>Purge %1 (case %2)? Its retention period ran out on %3. The case and everything recorded about it is deleted for good; the audit log keeps only that it was purged, and why. It cannot be undone. Older backups still hold it until they are replaced.</translation>
        </message>
        <message>
            <source>&amp;Purge for good</source>
            <translation>&amp;Purge for good</translation>
        </message>
        <message>
            <source>Retention period ended</source>
            <translation>Retention period ended</translation>
        </message>
        <message>
            <source>Case %1 was purged.</source>
            <translation>Case %1 was purged.</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Reason:</translation>
        </message>
    </context>
    <context>
        <name>ReceiveFamilyDialog</name>
        <message>
            <source>Receive a family</source>
            <translation>Receive a family</translation>
        </message>
        <message>
            <source>Choose the handover file from the other journal. The family is added with its whole history and a new case number, and a receipt is written beside the file: send it back so the family can leave the other journal.</source>
            <translation>Choose the handover file from the other journal. The family is added with its whole history and a new case number, and a receipt is written beside the file: send it back so the family can leave the other journal.</translation>
        </message>
        <message>
            <source>Handover file</source>
            <translation>Handover file</translation>
        </message>
        <message>
            <source>&amp;Receive</source>
            <translation>&amp;Receive</translation>
        </message>
        <message>
            <source>Handover files (*.age);;All files (*)</source>
            <translation>Handover files (*.age);;All files (*)</translation>
        </message>
        <message>
            <source>%1 (was %2)</source>
            <translation>%1 (was %2)</translation>
        </message>
        <message>
            <source>This file was received before: nothing changed. The receipt was written again to %1.</source>
            <translation>This file was received before: nothing changed. The receipt was written again to %1.</translation>
        </message>
        <message>
            <source>Received from %1: case %2. Send the receipt %3 back to them.</source>
            <translation>Received from %1: case %2. Send the receipt %3 back to them.</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <source>New recovery key</source>
            <translation>New recovery key</translation>
        </message>
        <message>
            <source>Write this key on the recovery sheet and keep it in the safe. It is shown only once. The old key no longer works.</source>
            <translation>Write this key on the recovery sheet and keep it in the safe. It is shown only once. The old key no longer works.</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>Recovery key</translation>
        </message>
        <message>
            <source>&amp;Print recovery sheet…</source>
            <translation>&amp;Print recovery sheet…</translation>
        </message>
        <message>
            <source>Print the recovery sheet</source>
            <translation>Print the recovery sheet</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>&amp;Save as PDF…</translation>
        </message>
        <message>
            <source>I have written it down</source>
            <translation>I have written it down</translation>
        </message>
        <message>
            <source>Recovery sheet</source>
            <translation>Recovery sheet</translation>
        </message>
        <message>
            <source>The recovery sheet was sent to the printer.</source>
            <translation>The recovery sheet was sent to the printer.</translation>
        </message>
    </context>
    <context>
        <name>RecoveryResetDialog</name>
        <message>
            <source>Reset passphrase with recovery key</source>
            <translation>Reset passphrase with recovery key</translation>
        </message>
        <message>
            <source>The recovery key is on the recovery sheet in the team lead's safe. It gives the chosen user a new passphrase.</source>
            <translation>The recovery key is on the recovery sheet in the team lead's safe. It gives the chosen user a new passphrase.</translation>
        </message>
        <message>
            <source>Recovery &amp;key:</source>
            <translation>Recovery &amp;key:</translation>
        </message>
        <message>
            <source>&amp;User:</source>
            <translation>&amp;User:</translation>
        </message>
        <message>
            <source>&amp;New passphrase:</source>
            <translation>&amp;New passphrase:</translation>
        </message>
        <message>
            <source>R&amp;epeat:</source>
            <translation>R&amp;epeat:</translation>
        </message>
        <message>
            <source>&amp;Reset passphrase</source>
            <translation>&amp;Reset passphrase</translation>
        </message>
        <message>
            <source>is not the same</source>
            <translation>is not the same</translation>
        </message>
        <message>
            <source>does not open this journal</source>
            <translation>does not open this journal</translation>
        </message>
    </context>
    <context>
        <name>RecoverySheet</name>
        <message>
            <source>SamJournal-recovery-sheet</source>
            <translation>SamJournal-recovery-sheet</translation>
        </message>
        <message>
            <source>Could not save the recovery sheet there; choose another folder.</source>
            <translation>Could not save the recovery sheet there; choose another folder.</translation>
        </message>
        <message>
            <source>Saved as %1. Print it on a computer with a printer, put the sheet in the safe, and delete the file: anyone who has it can open the journal.</source>
            <translation>Saved as %1. Print it on a computer with a printer, put the sheet in the safe, and delete the file: anyone who has it can open the journal.</translation>
        </message>
    </context>
    <context>
        <name>RemoveUserDialog</name>
        <message>
            <source>Remove user</source>
            <translation>Remove user</translation>
        </message>
        <message>
            <source>Remove %1 (%2)? Their key is deleted and the whole journal is encrypted again with a new key, so nothing they held can open it. This can take a while.</source>
            <translation>Remove %1 (%2)? Their key is deleted and the whole journal is encrypted again with a new key, so nothing they held can open it. This can take a while.</translation>
        </message>
        <message>
            <source>&amp;Remove and re-encrypt</source>
            <translation>&amp;Remove and re-encrypt</translation>
        </message>
    </context>
    <context>
        <name>SendFamilyDialog</name>
        <message>
            <source>Hand the family over</source>
            <translation>Hand the family over</translation>
        </message>
        <message>
            <source>The family's whole record, with every earlier version and who did what, is written to a file only the receiving journal can open. The family stays here until that journal's receipt is registered; then it is removed here for good.</source>
            <translation>The family's whole record, with every earlier version and who did what, is written to a file only the receiving journal can open. The family stays here until that journal's receipt is registered; then it is removed here for good.</translation>
        </message>
        <message>
            <source>Family</source>
            <translation>Family</translation>
        </message>
        <message>
            <source>Family:</source>
            <translation>Family:</translation>
        </message>
        <message>
            <source>Receiving journal</source>
            <translation>Receiving journal</translation>
        </message>
        <message>
            <source>&amp;To:</source>
            <translation>&amp;To:</translation>
        </message>
        <message>
            <source>&amp;Write file</source>
            <translation>&amp;Write file</translation>
        </message>
        <message>
            <source>No journal is registered yet. Register the receiving journal under Team lead ▸ Journals for handover first.</source>
            <translation>No journal is registered yet. Register the receiving journal under Team lead ▸ Journals for handover first.</translation>
        </message>
        <message>
            <source>Save handover file</source>
            <translation>Save handover file</translation>
        </message>
        <message>
            <source>Handover files (*.age)</source>
            <translation>Handover files (*.age)</translation>
        </message>
        <message>
            <source>Written. Give the file to the receiving team lead. The family stays here, marked as waiting, until you register their receipt.</source>
            <translation>Written. Give the file to the receiving team lead. The family stays here, marked as waiting, until you register their receipt.</translation>
        </message>
    </context>
    <context>
        <name>ServiceContactDialog</name>
        <message>
            <source>Contact details for families</source>
            <translation>Contact details for families</translation>
        </message>
        <message>
            <source>Printed on the family's copy under “Who to call”. Leave out what you do not want printed.</source>
            <translation>Printed on the family's copy under “Who to call”. Leave out what you do not want printed.</translation>
        </message>
        <message>
            <source>Family coordinators, Trondheim municipality</source>
            <translation>Family coordinators, Trondheim municipality</translation>
        </message>
        <message>
            <source>&amp;Name of the service:</source>
            <translation>&amp;Name of the service:</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Address:</translation>
        </message>
        <message>
            <source>&amp;Phone:</source>
            <translation>&amp;Phone:</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>&amp;E-mail:</translation>
        </message>
        <message>
            <source>Monday–Friday 08.00–15.30</source>
            <translation>Monday–Friday 08.00–15.30</translation>
        </message>
        <message>
            <source>Opening &amp;hours:</source>
            <translation>Opening &amp;hours:</translation>
        </message>
        <message>
            <source>Work phones of the staff</source>
            <translation>Work phones of the staff</translation>
        </message>
        <message>
            <source>Work phone of %1</source>
            <translation>Work phone of %1</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Journal settings</source>
            <translation>Journal settings</translation>
        </message>
        <message>
            <source>&amp;Approval limit (NOK):</source>
            <translation>&amp;Approval limit (NOK):</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>&amp;Lock after idle:</source>
            <translation>&amp;Lock after idle:</translation>
        </message>
        <message>
            <source>Default yearly &amp;budget (NOK):</source>
            <translation>Default yearly &amp;budget (NOK):</translation>
        </message>
        <message>
            <source>Journal lan&amp;guage:</source>
            <translation>Journal lan&amp;guage:</translation>
        </message>
        <message>
            <source> years</source>
            <translation> years</translation>
        </message>
        <message>
            <source>Keep closed cases &amp;for:</source>
            <translation>Keep closed cases &amp;for:</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>Welcome to SamJournal</source>
            <translation>Welcome to SamJournal</translation>
        </message>
        <message>
            <source>SamJournal keeps the families' journal encrypted on this computer.</source>
            <translation>SamJournal keeps the families' journal encrypted on this computer.</translation>
        </message>
        <message>
            <source>Setting it up takes a few minutes: a folder, the first team lead, a passphrase, and the recovery key to write down or print.</source>
            <translation>Setting it up takes a few minutes: a folder, the first team lead, a passphrase, and the recovery key to write down or print.</translation>
        </message>
        <message>
            <source>Language / Språk:</source>
            <translation>Language / Språk:</translation>
        </message>
        <message>
            <source>Where the journal lives</source>
            <translation>Where the journal lives</translation>
        </message>
        <message>
            <source>The journal is one folder, encrypted. Choose an empty or new folder on this computer.</source>
            <translation>The journal is one folder, encrypted. Choose an empty or new folder on this computer.</translation>
        </message>
        <message>
            <source>&amp;Folder:</source>
            <translation>&amp;Folder:</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>The first team lead</source>
            <translation>The first team lead</translation>
        </message>
        <message>
            <source>&amp;Username:</source>
            <translation>&amp;Username:</translation>
        </message>
        <message>
            <source>Your passphrase</source>
            <translation>Your passphrase</translation>
        </message>
        <message>
            <source>At least 10 characters. A few ordinary words in a row are easy to remember and hard to guess.</source>
            <translation>At least 10 characters. A few ordinary words in a row are easy to remember and hard to guess.</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Passphrase:</translation>
        </message>
        <message>
            <source>Create the journal</source>
            <translation>Create the journal</translation>
        </message>
        <message>
            <source>SamJournal now makes the encryption keys and the journal. After this you will see the recovery key once.</source>
            <translation>SamJournal now makes the encryption keys and the journal. After this you will see the recovery key once.</translation>
        </message>
        <message>
            <source>Creating</source>
            <translation>Creating</translation>
        </message>
        <message>
            <source>&amp;Create journal</source>
            <translation>&amp;Create journal</translation>
        </message>
        <message>
            <source>Folder: %1
Team lead: %2 (%3)</source>
            <translation>Folder: %1
Team lead: %2 (%3)</translation>
        </message>
        <message>
            <source>The recovery key</source>
            <translation>The recovery key</translation>
        </message>
        <message>
            <source>Write these eight groups on the recovery sheet, in order, and keep it in the safe. If every passphrase is forgotten, this key is the only way in. It is shown only now.</source>
            <translation>Write these eight groups on the recovery sheet, in order, and keep it in the safe. If every passphrase is forgotten, this key is the only way in. It is shown only now.</translation>
        </message>
        <message>
            <source>I have &amp;written the key down</source>
            <translation>I have &amp;written the key down</translation>
        </message>
        <message>
            <source>&amp;Print the recovery sheet…</source>
            <translation>&amp;Print the recovery sheet…</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>&amp;Save as PDF…</translation>
        </message>
        <message>
            <source>Group %1</source>
            <translation>Group %1</translation>
        </message>
        <message>
            <source>Check the sheet</source>
            <translation>Check the sheet</translation>
        </message>
        <message>
            <source>To be sure the key was written down right, type one group from it.</source>
            <translation>To be sure the key was written down right, type one group from it.</translation>
        </message>
        <message>
            <source>&amp;Group:</source>
            <translation>&amp;Group:</translation>
        </message>
        <message>
            <source>Type group number %1 from your sheet.</source>
            <translation>Type group number %1 from your sheet.</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>Ready</translation>
        </message>
        <message>
            <source>The journal is created and you are signed in. Add caseworkers under Team lead → Users.</source>
            <translation>The journal is created and you are signed in. Add caseworkers under Team lead → Users.</translation>
        </message>
        <message>
            <source>If you like, fill in how families reach the service: it is printed on the family's copy. Everything here is optional and can be changed later under Team lead → Contact details for families.</source>
            <translation>If you like, fill in how families reach the service: it is printed on the family's copy. Everything here is optional and can be changed later under Team lead → Contact details for families.</translation>
        </message>
        <message>
            <source>Name of the &amp;service:</source>
            <translation>Name of the &amp;service:</translation>
        </message>
        <message>
            <source>&amp;Address:</source>
            <translation>&amp;Address:</translation>
        </message>
        <message>
            <source>&amp;Phone:</source>
            <translation>&amp;Phone:</translation>
        </message>
        <message>
            <source>&amp;E-mail:</source>
            <translation>&amp;E-mail:</translation>
        </message>
        <message>
            <source>Opening &amp;hours:</source>
            <translation>Opening &amp;hours:</translation>
        </message>
        <message>
            <source>Set up SamJournal</source>
            <translation>Set up SamJournal</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>&amp;Next &gt;</translation>
        </message>
        <message>
            <source>B&amp;rowse…</source>
            <translation>B&amp;rowse…</translation>
        </message>
        <message>
            <source>The team lead approves payments over the approval limit, manages users and keeps the recovery key. More users are added later.</source>
            <translation>The team lead approves payments over the approval limit, manages users and keeps the recovery key. More users are added later.</translation>
        </message>
        <message>
            <source>&amp;Full name:</source>
            <translation>&amp;Full name:</translation>
        </message>
        <message>
            <source>R&amp;epeat:</source>
            <translation>R&amp;epeat:</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; &amp;Back</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
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
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Keys</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>Strength</name>
        <message>
            <source>Use at least 10 characters.</source>
            <translation>Use at least 10 characters.</translation>
        </message>
        <message>
            <source>Mix capitals, digits or signs, or use more words.</source>
            <translation>Mix capitals, digits or signs, or use more words.</translation>
        </message>
        <message>
            <source>Several ordinary words in a row are easy to remember and hard to guess.</source>
            <translation>Several ordinary words in a row are easy to remember and hard to guess.</translation>
        </message>
        <message>
            <source>Avoid repeating the same letters.</source>
            <translation>Avoid repeating the same letters.</translation>
        </message>
        <message>
            <source>Avoid runs like abc, 1234 and qwerty.</source>
            <translation>Avoid runs like abc, 1234 and qwerty.</translation>
        </message>
        <message>
            <source>Common passwords and single words are guessed first.</source>
            <translation>Common passwords and single words are guessed first.</translation>
        </message>
        <message>
            <source>Avoid dates and years.</source>
            <translation>Avoid dates and years.</translation>
        </message>
        <message>
            <source>Avoid your own name.</source>
            <translation>Avoid your own name.</translation>
        </message>
        <message>
            <source>Too short</source>
            <translation>Too short</translation>
        </message>
        <message>
            <source>Weak</source>
            <translation>Weak</translation>
        </message>
        <message>
            <source>Fair</source>
            <translation>Fair</translation>
        </message>
        <message>
            <source>Good</source>
            <translation>Good</translation>
        </message>
        <message>
            <source>Strong</source>
            <translation>Strong</translation>
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation>Passphrase strength</translation>
        </message>
    </context>
    <context>
        <name>TrendChart</name>
        <message>
            <source>Check-in trend chart</source>
            <translation>Check-in trend chart</translation>
        </message>
        <message numerus="yes">
            <source>%n check-in(s); life satisfaction went from %1 to %2</source>
            <translation>
                <numerusform>%n check-in; life satisfaction went from %1 to %2</numerusform>
                <numerusform>%n check-ins; life satisfaction went from %1 to %2</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: no answers</source>
            <translation>%1: no answers</translation>
        </message>
        <message>
            <source>%1 from %2 to %3</source>
            <translation>%1 from %2 to %3</translation>
        </message>
        <message>
            <source>No check-ins yet. Record the family's answers with Record check-in…; each one is drawn here, so the trend shows over time.</source>
            <translation>No check-ins yet. Record the family's answers with Record check-in…; each one is drawn here, so the trend shows over time.</translation>
        </message>
        <message>
            <source>Life satisfaction</source>
            <translation>Life satisfaction</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <source>Unlock SamJournal</source>
            <translation>Unlock SamJournal</translation>
        </message>
        <message>
            <source>The journal is locked.</source>
            <translation>The journal is locked.</translation>
        </message>
        <message>
            <source>Unlock the journal</source>
            <translation>Unlock the journal</translation>
        </message>
        <message>
            <source>Journal: %1</source>
            <translation>Journal: %1</translation>
        </message>
        <message>
            <source>DEMO JOURNAL with made-up families. The passphrase for every demo user is: %1</source>
            <translation>DEMO JOURNAL with made-up families. The passphrase for every demo user is: %1</translation>
        </message>
        <message>
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>&amp;Passphrase:</source>
            <translation>&amp;Passphrase:</translation>
        </message>
        <message>
            <source>⚠︎ Caps Lock seems to be on.</source>
            <translation>⚠︎ Caps Lock seems to be on.</translation>
        </message>
        <message>
            <source>Caps Lock seems to be on.</source>
            <translation>Caps Lock seems to be on.</translation>
        </message>
        <message>
            <source>Sign in as someone &amp;else…</source>
            <translation>Sign in as someone &amp;else…</translation>
        </message>
        <message>
            <source>&amp;Take the journal as it is…</source>
            <translation>&amp;Take the journal as it is…</translation>
        </message>
        <message>
            <source>&amp;Unlock</source>
            <translation>&amp;Unlock</translation>
        </message>
        <message>
            <source>&amp;Quit SamJournal</source>
            <translation>&amp;Quit SamJournal</translation>
        </message>
        <message>
            <source>&amp;Forgot passphrase…</source>
            <translation>&amp;Forgot passphrase…</translation>
        </message>
        <message>
            <source>&amp;Other journal…</source>
            <translation>&amp;Other journal…</translation>
        </message>
        <message>
            <source>U&amp;ser:</source>
            <translation>U&amp;ser:</translation>
        </message>
        <message>
            <source>Type your passphrase.</source>
            <translation>Type your passphrase.</translation>
        </message>
        <message>
            <source>Take the journal as it is?</source>
            <translation>Take the journal as it is?</translation>
        </message>
        <message>
            <source>The work the message names is then given up for good, unless a newer backup holds it: restore that backup instead if you have one. Only a team lead can do this; it is recorded in the audit log and told to the evaluator in the next bundle.</source>
            <translation>The work the message names is then given up for good, unless a newer backup holds it: restore that backup instead if you have one. Only a team lead can do this; it is recorded in the audit log and told to the evaluator in the next bundle.</translation>
        </message>
        <message>
            <source>&amp;Take it as it is</source>
            <translation>&amp;Take it as it is</translation>
        </message>
        <message>
            <source>Upgrading the journal to this version (only once; it can take a minute)…</source>
            <translation>Upgrading the journal to this version (only once; it can take a minute)…</translation>
        </message>
        <message>
            <source>Wrong passphrase. Check the user and try again (is Caps Lock on?). A forgotten passphrase can be replaced with the recovery key (Forgot passphrase…).</source>
            <translation>Wrong passphrase. Check the user and try again (is Caps Lock on?). A forgotten passphrase can be replaced with the recovery key (Forgot passphrase…).</translation>
        </message>
        <message>
            <source>Wrong passphrase. Try again (is Caps Lock on?). If it is forgotten: choose Quit SamJournal, start it again and choose Forgot passphrase… there.</source>
            <translation>Wrong passphrase. Try again (is Caps Lock on?). If it is forgotten: choose Quit SamJournal, start it again and choose Forgot passphrase… there.</translation>
        </message>
        <message>
            <source>You can try again in %1 seconds.</source>
            <translation>You can try again in %1 seconds.</translation>
        </message>
        <message>
            <source>Opening the journal…</source>
            <translation>Opening the journal…</translation>
        </message>
    </context>
    <context>
        <name>UsersDialog</name>
        <message>
            <source>Users</source>
            <translation>Users</translation>
        </message>
        <message>
            <source>Username</source>
            <translation>Username</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>&amp;Add user…</source>
            <translation>&amp;Add user…</translation>
        </message>
        <message>
            <source>&amp;Remove user…</source>
            <translation>&amp;Remove user…</translation>
        </message>
        <message>
            <source>Reset passphrase with recovery &amp;key…</source>
            <translation>Reset passphrase with recovery &amp;key…</translation>
        </message>
        <message>
            <source>&amp;New recovery key…</source>
            <translation>&amp;New recovery key…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Removed</source>
            <translation>Removed</translation>
        </message>
        <message>
            <source>Choose an active user first.</source>
            <translation>Choose an active user first.</translation>
        </message>
        <message>
            <source>The passphrase was reset.</source>
            <translation>The passphrase was reset.</translation>
        </message>
        <message>
            <source>New recovery key</source>
            <translation>New recovery key</translation>
        </message>
        <message>
            <source>Make a new recovery key? The key on the current recovery sheet stops working at once, and the new key is shown only once.</source>
            <translation>Make a new recovery key? The key on the current recovery sheet stops working at once, and the new key is shown only once.</translation>
        </message>
        <message>
            <source>&amp;Make a new key</source>
            <translation>&amp;Make a new key</translation>
        </message>
    </context>
    <context>
        <name>_PrintoutDialog</name>
        <message>
            <source>&amp;Preview…</source>
            <translation>&amp;Preview…</translation>
        </message>
        <message>
            <source>Build the document and preview it</source>
            <translation>Build the document and preview it</translation>
        </message>
    </context>
</TS>
