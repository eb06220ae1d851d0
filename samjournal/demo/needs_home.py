"""Needs of home, money and work: housing, the household economy, jobs and language courses.

Kept in the order the generator draws from (see `samjournal.demo.story`): moving a need moves
every demo family that comes after it.
"""

from __future__ import annotations

from samjournal.demo.need_text import Item, NeedText
from samjournal.model import NeedCategory as C
from samjournal.model import PaymentMethod as M

HOME_NEEDS = (
    NeedText(
        "bolig-liten",
        C.HOUSING,
        words=(
            "Leiligheten er for liten. Vi er {n} personer på to rom, og {child} har ingen plass "
            "å gjøre lekser.",
            "Vi må finne et større sted å bo. Barna sover tre på ett rom, og ingen får sove.",
        ),
        agreed=(
            "{worker} kontakter boligkontoret om kommunal bolig. {adult} søker om startlån.",
            "Vi ser etter leilighet sammen på Finn; kommunen kan dekke depositum når det blir "
            "aktuelt.",
        ),
        progress=(
            "Vi har vært på visning to steder, men det er mange som vil ha de samme leilighetene.",
            "Boligkontoret sier det er lang ventetid, så vi leter privat også.",
        ),
        met=(
            "Familien har flyttet til en større leilighet i {district}. Barna har fått egne rom.",
            "Fikk kontrakt på kommunal bolig og flyttet inn i forrige måned.",
        ),
        dropped=("Familien vil bli boende; huseier har lovet å dele opp stua til et ekstra rom.",),
        items=(
            Item("Depositum for ny leilighet", 14000, 28000, M.INVOICE),
            Item("Leie av flyttebil og flyttehjelp", 2000, 4500),
            Item("Seng og madrass til {child}", 2500, 5500),
        ),
        partners=("Boligkontoret", "NAV"),
        needs_child=True,
    ),
    NeedText(
        "bolig-mugg",
        C.HOUSING,
        words=(
            "Det er fukt og mugg på soverommet, og {child} hoster hele vinteren.",
            "Vi har klaget til huseier om muggen flere ganger, men ingenting skjer.",
        ),
        agreed=(
            "{worker} skriver brev til huseier sammen med {adult}. Vi kjøper en avfukter i "
            "mellomtiden.",
            "Helsestasjonen får vite om hosten til {child}; {worker} sjekker rettighetene hos "
            "Leieboerforeningen.",
        ),
        progress=(
            "Huseier har vært her og sett på det, men sier han ikke har råd til å fikse det nå.",
            "Avfukteren hjelper litt, men det lukter fortsatt på soverommet.",
        ),
        met=("Huseier har utbedret soverommet, og {child} hoster mye mindre.",),
        dropped=("Familien flyttet, så saken med huseier ble ikke fulgt opp videre.",),
        items=(
            Item("Avfukter til soverommet", 2200, 3500, M.PREPAID_CARD),
            Item("Ny madrass og dyne til {child}", 1800, 3800),
        ),
        partners=("Boligkontoret", "Helsestasjonen"),
        needs_child=True,
    ),
    NeedText(
        "bolig-møbler",
        C.HOUSING,
        words=(
            "Vi har flyttet, men har nesten ingen møbler. Vi spiser sittende på gulvet.",
            "Vaskemaskinen er ødelagt, og jeg vasker alt for hånd i badekaret.",
        ),
        agreed=(
            "Kommunen dekker det som mangler. {adult} finner brukt på Finn og sender kvittering.",
            "Vi spør Frivilligsentralen først; resten dekkes av familiens ramme.",
        ),
        progress=(
            "Vi har fått sofa fra Frivilligsentralen. Det mangler fortsatt spisebord.",
            "Vaskemaskinen er kommet, det er en stor lettelse.",
        ),
        met=("Leiligheten er møblert. {adult} sier det endelig føles som et hjem.",),
        dropped=("Familien fikk møbler av slektninger og trengte ikke støtte likevel.",),
        items=(
            Item("Brukt sofa og spisebord", 2500, 6000),
            Item("Vaskemaskin", 4500, 7500, M.INVOICE),
            Item("Gardiner og lamper", 800, 1800, M.PREPAID_CARD),
        ),
        partners=("Frivilligsentralen",),
    ),
    NeedText(
        "strøm",
        C.ECONOMY,
        words=(
            "Strømregningen er altfor høy, og vi har fått varsel om stenging.",
            "Vi fryser heller enn å skru på ovnene, for jeg er redd for neste strømregning.",
        ),
        agreed=(
            "Kommunen betaler restansen direkte til strømselskapet. {worker} hjelper {adult} å "
            "søke bostøtte.",
            "{adult} bytter til en billigere strømavtale, og vi dekker regningene i vinter.",
        ),
        progress=(
            "Regningen var lavere denne måneden etter at vi byttet avtale.",
            "Det er fortsatt tungt, men vi har ikke fått nye varsler.",
        ),
        met=("Ingen restanse lenger, og familien har fått innvilget bostøtte.",),
        dropped=("NAV dekket restansen som økonomisk sosialhjelp, så rammen ble ikke brukt.",),
        items=(Item("Strømregning, restanse", 1800, 4800, M.INVOICE, recurring=True),),
        partners=("NAV",),
        months=(10, 11, 12, 1, 2, 3),
    ),
    NeedText(
        "gjeld",
        C.ECONOMY,
        words=(
            "Vi har inkassokrav vi ikke får oversikt over. Jeg tør ikke åpne posten.",
            "Jeg tok opp forbrukslån for å betale husleia, og nå bare vokser det.",
        ),
        agreed=(
            "{worker} og {adult} går gjennom posten sammen, og det bestilles time hos "
            "gjeldsrådgiver i NAV.",
            "Vi lager et budsjett for familien og betaler det minste inkassokravet for å stoppe "
            "gebyrene.",
        ),
        progress=(
            "Gjeldsrådgiveren har fått oversikt og forhandler med kreditorene.",
            "Vi har åpnet all posten nå. Det var mindre skummelt enn jeg trodde.",
        ),
        met=("Det er inngått betalingsavtaler med alle kreditorene, og {adult} sover bedre.",),
        dropped=("Gjeldsordning er innvilget; oppfølgingen ligger hos NAV.",),
        items=(
            Item("Innfrielse av inkassokrav", 2500, 9000, M.INVOICE),
            Item("Husleierestanse", 3000, 9500, M.INVOICE),
            Item("Avdrag etter betalingsavtale", 500, 1500, M.INVOICE, recurring=True),
        ),
        partners=("NAV",),
    ),
    NeedText(
        "mat",
        C.ECONOMY,
        words=(
            "Pengene tar slutt før neste utbetaling hver måned. De siste dagene blir det bare "
            "brød.",
            "Barna får ikke med matpakke den siste uka før lønning.",
        ),
        agreed=(
            "Familien får matkort i en periode mens {adult} venter på svar fra NAV.",
            "Vi setter opp et enkelt husholdningsbudsjett, og familien får matkort de neste "
            "månedene.",
        ),
        progress=(
            "Matkortet gjør at vi klarer oss ut måneden.",
            "Vi har begynt å handle etter liste og kommer litt bedre ut.",
        ),
        met=("Familien har fast inntekt nå og trenger ikke matkort lenger.",),
        dropped=("NAV har innvilget supplerende stønad; matkortene er avsluttet.",),
        items=(Item("Matkort", 1000, 2500, M.PREPAID_CARD, recurring=True),),
        partners=("NAV", "Frivilligsentralen"),
    ),
    NeedText(
        "førerkort",
        C.WORK,
        words=(
            "Jeg har fått tilbud om jobb i hjemmetjenesten, men de krever førerkort.",
            "Uten lappen kommer jeg meg ikke til jobbene på industriområdet.",
        ),
        agreed=(
            "Kommunen dekker kjøretimer og førerprøve. {adult} begynner på teorien nå.",
            "{worker} avklarer med NAV om de kan dele utgiftene; kommunen dekker resten.",
        ),
        progress=(
            "Jeg har bestått teoriprøven!",
            "Kjørelæreren sier jeg snart er klar for oppkjøring.",
        ),
        met=("{adult} har bestått førerprøven og begynt i jobb.",),
        dropped=("Jobben gikk til en annen, og kjøretimene er satt på vent.",),
        items=(
            Item("Trafikalt grunnkurs og mørkekjøring", 5500, 9000, M.INVOICE),
            Item("Teoriprøve og førerprøvegebyr", 1200, 2400),
            Item("Kjøretimer", 1300, 2700, M.INVOICE, recurring=True),
        ),
        partners=("NAV",),
    ),
    NeedText(
        "norskkurs",
        C.WORK,
        words=(
            "Jeg er utdannet sykepleier, men må ha norsk på B2-nivå for å få autorisasjon.",
            "Jeg vil lære bedre norsk, så jeg kan snakke med lærerne til barna selv.",
        ),
        agreed=(
            "Kommunen dekker kursavgift for norskkurs på kveldstid. {worker} undersøker "
            "godkjenning av utdanningen.",
            "{adult} melder seg på kurs hos Voksenopplæringen; vi dekker avgiften.",
        ),
        progress=(
            "Kurset er krevende, men jeg forstår mye mer nå.",
            "Jeg har meldt meg opp til norskprøven.",
        ),
        met=("{adult} har bestått norskprøven på B2-nivå.",),
        dropped=("{adult} fikk plass på et gratis kurs, så avgiften trengs ikke.",),
        items=(
            Item("Kursavgift norskkurs", 800, 1500, M.INVOICE, recurring=True),
            Item("Oversettelse av vitnemål", 1200, 3000),
            Item("Avgift for norskprøven", 1000, 1600),
        ),
        partners=("Voksenopplæringen", "NAV"),
        immigrant_only=True,
    ),
    NeedText(
        "arbeidsklær",
        C.WORK,
        words=(
            "Jeg har fått jobb på lageret, men trenger vernesko og arbeidsklær før jeg begynner.",
        ),
        agreed=("Kommunen dekker vernesko og arbeidsklær så {adult} kan begynne mandag.",),
        progress=("Det går fint på jobb, men det er tidlige morgener.",),
        met=("{adult} er i jobb og har fått fast kontrakt.",),
        dropped=("Arbeidsgiveren stiller med arbeidsklær likevel.",),
        items=(Item("Vernesko og arbeidsklær", 1200, 3200, M.PREPAID_CARD),),
        partners=("NAV",),
    ),
)
