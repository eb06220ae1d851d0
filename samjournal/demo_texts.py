"""Word lists and note templates for the demo journal. Data only: `samjournal.demo` holds the logic.

Everything here is fiction: the municipality, its districts, clubs and schools, and every name.
Templates use `{placeholders}` that the generator fills in: {adult} (the member speaking),
{partner} (the other adult), {child}, {worker} (the family coordinator's first name), {district},
{club}, {school}, {n} (people in the household), {amount}, {purpose}, {when}.
"""

from __future__ import annotations

from dataclasses import dataclass

from samjournal.model import NeedCategory as C
from samjournal.model import PaymentMethod as M

MUNICIPALITY = "Fjordvik kommune"
DISTRICTS = (
    "Sentrum",
    "Østbyen",
    "Bjørkeli",
    "Solåsen",
    "Havnehagen",
    "Vestmo",
    "Elvebakken",
    "Nordre Lia",
)
CLUBS = ("Fjordvik IL", "Solåsen FK", "Østbyen Ballklubb", "Havnehagen SK", "Vestmo IF")
SCHOOLS = ("Bjørkeli skole", "Solåsen skole", "Vestmo ungdomsskole", "Elvebakken skole")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


# -- names --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Origin:
    """Names of one language group and how its families pass names on."""

    key: str
    weight: int  # relative share of demo families
    female: tuple[str, ...]
    male: tuple[str, ...]
    # (man, married woman, daughter): Polish and Lithuanian surnames change with gender.
    surnames: tuple[tuple[str, str, str], ...]
    # "family": children inherit the father's surname; "patronymic": a child's second name is the
    # father's first name; "vietnamese": family name first, then a middle name (Thị / Văn).
    naming: str = "family"
    wife_keeps_name: bool = False
    d_number_share: float = 0.0  # of those with an identity number, how many hold a D-nummer


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _same(text: str) -> tuple[tuple[str, str, str], ...]:
    """Surnames that do not change with gender."""
    return tuple((n, n, n) for n in text.split())


ORIGINS = (
    Origin(
        "norsk",
        50,
        female=_words(
            "Kari Ingrid Åse Solveig Marte Silje Ingvild Hanne Tone Bjørg Ragnhild Sigrid Hege "
            "Line Camilla Ida Nora Emma Thea Maja Frida Sara Tiril Vilde Ylva Astrid Synnøve Mari "
            "Kristin Randi Guro Øydis Jorunn Eirin Siv Turid"
        ),
        male=_words(
            "Ola Per Knut Bjørn Øystein Håkon Jon Lars Eirik Sindre Magnus Jonas Emil Filip Aksel "
            "Ludvig Sverre Trond Geir Arne Terje Rune Stian Vegard Tor Ørjan Åsmund Halvor Kjetil "
            "Even Sigurd Tobias Mathias Henrik Oskar Iver"
        ),
        surnames=_same(
            "Hansen Johansen Olsen Larsen Andersen Pedersen Nilsen Kristiansen Jensen Karlsen "
            "Pettersen Eriksen Berg Haugen Hagen Dahl Jørgensen Halvorsen Sørensen Ødegård Bråten "
            "Sæther Solberg Strøm Bakke Moen Aasen Løvås Grønli Kvåle Myrvold Tveit Hølaas Brøvig "
            "Øverland Næss Fjærli"
        ),
    ),
    Origin(
        "somali",
        8,
        female=_words(
            "Hodan Fadumo Amina Sahra Hawa Ifrah Nimco Ubah Asli Ayaan Hibo Khadra Sagal Ikran "
            "Ladan Deeqa Safiya"
        ),
        male=_words(
            "Abdi Mohamed Ahmed Hassan Abdirahman Yusuf Ismail Farah Omar Mahad Liban Guled "
            "Abdullahi Osman Bashir Hamse Said"
        ),
        surnames=_same(
            "Warsame Jama Hirsi Aden Elmi Dahir Nur Egal Samatar Duale Isse Gedi Mohamud Abdi Ali "
            "Farah"
        ),
        naming="patronymic",
        wife_keeps_name=True,
        d_number_share=0.2,
    ),
    Origin(
        "polsk",
        9,
        female=_words(
            "Katarzyna Agnieszka Małgorzata Joanna Magdalena Ewa Anna Zofia Aleksandra Natalia "
            "Julia Wiktoria Barbara Żaneta"
        ),
        male=_words(
            "Łukasz Piotr Tomasz Paweł Krzysztof Michał Marcin Jakub Wojciech Kacper Szymon "
            "Bartłomiej Mateusz Grzegorz"
        ),
        surnames=(
            ("Kowalski", "Kowalska", "Kowalska"),
            ("Wiśniewski", "Wiśniewska", "Wiśniewska"),
            ("Kamiński", "Kamińska", "Kamińska"),
            ("Lewandowski", "Lewandowska", "Lewandowska"),
            ("Zieliński", "Zielińska", "Zielińska"),
            ("Dąbrowski", "Dąbrowska", "Dąbrowska"),
            ("Jabłoński", "Jabłońska", "Jabłońska"),
            ("Grabowski", "Grabowska", "Grabowska"),
            *_same("Żółć Wójcik Woźniak Mazur Krawczyk Michalak Król"),
        ),
        d_number_share=0.3,
    ),
    Origin(
        "arabisk",
        8,
        female=_words(
            "Fatima Rama Lina Noor Yasmin Hala Reem Aya Sham Dima Rania Salma Mais Maryam Layla"
        ),
        male=_words(
            "Ahmad Mohammad Khaled Omar Yousef Rami Ali Hussein Bashar Tarek Ammar Ibrahim Adnan "
            "Karim Hamza Mahmoud"
        ),
        surnames=_same(
            "al-Hassan Haddad Khalil Mansour al-Ahmad Darwish Hamdan Saleh Kassem Nasser al-Khatib "
            "Shami Awad Barakat Sabbagh"
        ),
        wife_keeps_name=True,
        d_number_share=0.15,
    ),
    Origin(
        "tigrinja",
        6,
        female=_words(
            "Senait Helen Selam Rahel Mebrat Tsega Yordanos Semhar Saba Eden Luwam Hiwet Feven "
            "Winta"
        ),
        male=_words(
            "Tesfay Yonas Dawit Mehari Filmon Samuel Kidane Biniam Habtom Yohannes Robel Ermias "
            "Tekle Amanuel Natnael"
        ),
        surnames=_same(
            "Gebremedhin Tesfamariam Haile Weldemichael Berhane Ghebreyesus Asmerom Woldu Habte "
            "Tewelde Yemane"
        ),
        naming="patronymic",
        wife_keeps_name=True,
        d_number_share=0.2,
    ),
    Origin(
        "vietnamesisk",
        4,
        female=_words("Ánh Lan Hương Hạnh Mai Thảo Ngọc Trang Linh Hoa Phương Thu"),
        male=_words("Minh Hùng Dũng Tuấn Long Nam Sơn Khoa Bảo Phúc Quân"),
        surnames=_same("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô"),
        naming="vietnamese",
        wife_keeps_name=True,
    ),
    Origin(
        "litauisk",
        5,
        female=_words("Rūta Jūratė Eglė Aušra Giedrė Ieva Vaida Dalia Rasa Indrė Gabija Austėja"),
        male=_words(
            "Tomas Mindaugas Darius Andrius Giedrius Mantas Paulius Rokas Lukas Jonas Saulius "
            "Vytautas Žygimantas"
        ),
        surnames=(
            ("Kazlauskas", "Kazlauskienė", "Kazlauskaitė"),
            ("Petrauskas", "Petrauskienė", "Petrauskaitė"),
            ("Jankauskas", "Jankauskienė", "Jankauskaitė"),
            ("Stankevičius", "Stankevičienė", "Stankevičiūtė"),
            ("Vasiliauskas", "Vasiliauskienė", "Vasiliauskaitė"),
            ("Žukauskas", "Žukauskienė", "Žukauskaitė"),
            ("Butkus", "Butkuvienė", "Butkutė"),
            ("Urbonas", "Urbonienė", "Urbonaitė"),
            ("Navickas", "Navickienė", "Navickaitė"),
        ),
        d_number_share=0.3,
    ),
    Origin(
        "ukrainsk",
        7,
        female=_words(
            "Olena Oksana Iryna Tetiana Nataliia Yuliia Kateryna Anastasiia Sofiia Viktoriia "
            "Daryna Solomiia"
        ),
        male=_words(
            "Oleksandr Andrii Serhii Dmytro Mykola Volodymyr Taras Bohdan Maksym Artem Ihor "
            "Yaroslav"
        ),
        surnames=(
            ("Levytskyi", "Levytska", "Levytska"),
            ("Zhuravskyi", "Zhuravska", "Zhuravska"),
            *_same(
                "Shevchenko Kovalenko Bondarenko Tkachenko Melnyk Kovalchuk Boiko Lysenko Petrenko "
                "Marchenko Oliinyk"
            ),
        ),
        d_number_share=0.6,
    ),
    Origin(
        "dari",
        3,
        female=_words("Zahra Maryam Farzana Shabnam Nilofar Parwana Mursal Setara"),
        male=_words("Ahmad Mohammad Ali Mustafa Hamid Farid Javid Sohrab"),
        surnames=_same("Ahmadi Rahimi Karimi Hashimi Sultani Noori Haidari Rezaei"),
        wife_keeps_name=True,
        d_number_share=0.2,
    ),
)

# First names many children born in Norway get, whatever their parents' language.
SHARED_CHILD_FEMALE = _words("Sara Mia Lina Nora Emma Maria Sofie Ella Yasmin")
SHARED_CHILD_MALE = _words("Adam Noah Elias Isak Daniel Leon Adrian Liam Yusuf")
# Vietnamese middle names by gender.
VIETNAMESE_MIDDLE = ("Thị", "Văn")


# -- needs, with what the family says, what is agreed, and what it may cost ---------------------


@dataclass(frozen=True, slots=True)
class Item:
    """Something the family's budget may pay for; kroner, rounded by the generator."""

    purpose: str
    low: int
    high: int
    method: M = M.BANK_TRANSFER
    recurring: bool = False  # proposed again at later meetings while the need is open


@dataclass(frozen=True, slots=True)
class NeedText:
    key: str
    category: C
    words: tuple[str, ...]  # the need in the family's own words
    agreed: tuple[str, ...]  # what was agreed when it was taken up
    progress: tuple[str, ...]  # the family's words at later meetings
    met: tuple[str, ...]
    dropped: tuple[str, ...]
    items: tuple[Item, ...] = ()
    partners: tuple[str, ...] = ()
    needs_child: bool = False
    immigrant_only: bool = False
    months: tuple[int, ...] = ()  # when it comes up (and recurring costs fall due); () any time


NEEDS = (
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
    NeedText(
        "pc",
        C.EDUCATION,
        words=(
            "{child} har ingen PC hjemme og må gjøre leksene på telefonen.",
            "Skolen sier {child} leverer for lite, men vi har ikke datamaskin hjemme.",
        ),
        agreed=(
            "Kommunen kjøper en bærbar PC til {child}. {worker} spør skolen om lån i mellomtiden.",
        ),
        progress=("{child} bruker PC-en hver dag og har levert alle oppgavene denne uka.",),
        met=("{child} har fått PC og leverer leksene sine igjen.",),
        dropped=("Skolen har gitt {child} en lånemaskin.",),
        items=(Item("Bærbar PC til skolearbeid", 5500, 8900, M.INVOICE),),
        partners=("Skolen",),
        needs_child=True,
    ),
    NeedText(
        "leksehjelp",
        C.EDUCATION,
        words=(
            "{child} sliter med matte og vil ikke gå på skolen på prøvedager.",
            "Jeg klarer ikke å hjelpe {child} med leksene, det er for vanskelig for meg.",
        ),
        agreed=(
            "{child} får leksehjelp to ganger i uka. {worker} tar kontakt med kontaktlæreren.",
        ),
        progress=(
            "{child} sier matte er litt morsommere nå.",
            "Læreren har sett framgang, men det er fortsatt tungt.",
        ),
        met=("{child} fikk bedre karakter i matte og vil fortsette på egen hånd.",),
        dropped=("{child} får leksehjelp på skolen gratis nå.",),
        items=(Item("Leksehjelp i matematikk", 1500, 3500, recurring=True),),
        partners=("Skolen", "PPT"),
        needs_child=True,
    ),
    NeedText(
        "skolestart",
        C.EDUCATION,
        words=("Skolestart er dyrt: sekk, gymtøy og skrivesaker til alle barna.",),
        agreed=("Kommunen dekker skolesekk og skolesaker til {child}.",),
        progress=("{child} var stolt av den nye sekken første skoledag.",),
        met=("Barna har det de trenger til skolen.",),
        dropped=("Skolen hadde utstyr til utlån.",),
        items=(Item("Skolesekk og skolesaker til {child}", 700, 1600, M.PREPAID_CARD),),
        partners=("Skolen",),
        needs_child=True,
        months=(6, 7, 8),
    ),
    NeedText(
        "fotball",
        C.LEISURE,
        words=(
            "{child} vil så gjerne spille fotball; alle vennene er med i {club}.",
            "{child} sitter mye inne. Vi har aldri hatt råd til noen fritidsaktivitet.",
        ),
        agreed=(
            "Kommunen betaler treningsavgiften i {club}. {adult} snakker med treneren om "
            "dugnadene.",
        ),
        progress=(
            "{child} gleder seg til hver trening og har fått to nye venner på laget.",
            "Det har vært cup i helgen, og {child} scoret sitt første mål.",
        ),
        met=("{child} er fast på laget og har fått venner gjennom fotballen.",),
        dropped=("{child} ville heller begynne på dans.",),
        items=(
            Item("Treningsavgift {club}", 1500, 3200, M.INVOICE, recurring=True),
            Item("Fotballsko og leggskinn til {child}", 600, 1400, M.PREPAID_CARD),
            Item("Cup og kamputgifter", 200, 600, M.PREPAID_CARD, recurring=True),
        ),
        partners=("Idrettslaget",),
        needs_child=True,
    ),
    NeedText(
        "vinterklær",
        C.LEISURE,
        words=(
            "Barna har ikke vinterklær som holder. {child} fryser i friminuttene.",
            "{child} har vokst ut av alt, og vinterdressen er ødelagt.",
        ),
        agreed=("Kommunen dekker vinterklær og vintersko til barna.",),
        progress=("Barna er ute i friminuttene igjen.",),
        met=("Barna har varme klær for vinteren.",),
        dropped=("Familien fikk klær fra en bruktbutikk gratis.",),
        items=(
            Item("Vinterklær og vintersko", 1500, 4200, M.PREPAID_CARD),
            Item("Ullundertøy, luer og votter", 600, 1500, M.PREPAID_CARD),
        ),
        needs_child=True,
        months=(9, 10, 11, 12, 1),
    ),
    NeedText(
        "sommer",
        C.LEISURE,
        words=("Vi har aldri råd til å være med på noe i ferien. Barna kjeder seg hele sommeren.",),
        agreed=("Kommunen dekker sommerleir for barna og et familiekort til badelandet.",),
        progress=("Barna snakker fortsatt om leiren.",),
        met=("Barna var på sommerleir og har noe å fortelle når skolen starter.",),
        dropped=("Familien reiste til slektninger i sommer.",),
        items=(
            Item("Sommerleir for barna", 1800, 4500, M.INVOICE),
            Item("Familiekort til badelandet", 900, 1600, M.PREPAID_CARD),
        ),
        partners=("Frivilligsentralen",),
        needs_child=True,
        months=(3, 4, 5, 6),
    ),
    NeedText(
        "kulturskole",
        C.LEISURE,
        words=("{child} synger hele tiden og ønsker seg plass på kulturskolen.",),
        agreed=("Kommunen betaler semesteravgiften, og {worker} sjekker søskenmoderasjon.",),
        progress=("{child} øver på gitar hver kveld, naboene har ikke klaget ennå.",),
        met=("{child} har fått fast plass og spilte på vårkonserten.",),
        dropped=("{child} mistet interessen etter et halvt år.",),
        items=(
            Item("Semesteravgift kulturskolen", 1800, 2600, M.INVOICE, recurring=True),
            Item("Brukt gitar til {child}", 900, 2500),
        ),
        partners=("Kulturskolen",),
        needs_child=True,
    ),
    NeedText(
        "ski",
        C.LEISURE,
        words=("Skolen skal ha skidag, og {child} har ikke ski.",),
        agreed=("Kommunen dekker brukt skiutstyr til {child}.",),
        progress=("{child} var med på skidagen.",),
        met=("{child} har ski og er med på turer med klassen.",),
        dropped=("Skolen lånte ut ski til {child}.",),
        items=(Item("Brukt skiutstyr til {child}", 900, 2200, M.PREPAID_CARD),),
        needs_child=True,
        months=(11, 12, 1, 2),
    ),
    NeedText(
        "tannlege",
        C.HEALTH,
        words=("Jeg har hatt vondt i en tann i flere måneder, men tannlegen er for dyr.",),
        agreed=("{adult} bestiller time; kommunen betaler tannbehandlingen direkte.",),
        progress=("Den første behandlingen er gjort, det er mye bedre.",),
        met=("Tennene er behandlet, og {adult} har ikke vondt lenger.",),
        dropped=("NAV dekket tannbehandlingen.",),
        items=(Item("Tannbehandling", 1500, 4500, M.INVOICE, recurring=True),),
        partners=("Fastlegen",),
    ),
    NeedText(
        "sliten",
        C.HEALTH,
        words=(
            "Jeg er så sliten. Jeg sover dårlig og orker nesten ingenting etter jobb.",
            "Jeg klarer ikke å slappe av. Jeg ligger og tenker på regningene hele natta.",
        ),
        agreed=(
            "{adult} bestiller time hos fastlegen. Vi ser på avlastning for familien.",
            "Kommunen dekker egenandeler hos psykolog en periode.",
        ),
        progress=(
            "Legen har henvist meg videre. Det hjelper å ha en plan.",
            "Jeg har begynt å gå tur hver morgen, og jeg sover litt bedre.",
        ),
        met=("{adult} har fått behandling og sier hverdagen er lettere å stå i.",),
        dropped=("{adult} ønsker ikke å gå videre med dette nå.",),
        items=(
            Item("Egenandel psykolog", 300, 700, recurring=True),
            Item("Treningskort", 1500, 3500),
        ),
        partners=("Fastlegen",),
    ),
    NeedText(
        "bup",
        C.HEALTH,
        words=("{child} er mye lei seg og vil ikke gå ut. Vi venter på time hos BUP.",),
        agreed=("{worker} følger opp henvisningen til BUP sammen med skolen og helsestasjonen.",),
        progress=(
            "{child} har vært hos BUP to ganger og liker behandleren.",
            "Det går litt opp og ned med {child}, men hen går på skolen igjen.",
        ),
        met=("{child} er ferdig hos BUP og har det bedre.",),
        dropped=("Oppfølgingen går nå via skolehelsetjenesten.",),
        items=(Item("Reiseutgifter til BUP", 300, 900, recurring=True),),
        partners=("BUP", "Skolen", "Helsestasjonen"),
        needs_child=True,
    ),
    NeedText(
        "briller",
        C.HEALTH,
        words=("{child} ser dårlig på tavla; helsesykepleieren sier det trengs briller.",),
        agreed=("Kommunen dekker synstest og briller til {child}.",),
        progress=("{child} har valgt blå briller og bruker dem hver dag.",),
        met=("{child} har fått briller og ser tavla godt.",),
        dropped=("Brillene ble dekket gjennom helsestasjonens ordning.",),
        items=(Item("Briller til {child}", 1200, 3000, M.PREPAID_CARD),),
        partners=("Helsestasjonen",),
        needs_child=True,
    ),
    NeedText(
        "ensom",
        C.SOCIAL,
        words=(
            "Vi kjenner nesten ingen her. Når barna er på skolen, sitter jeg alene hele dagen.",
            "Vi har ingen familie i nærheten som kan hjelpe om noe skjer.",
        ),
        agreed=(
            "{worker} følger {adult} til Frivilligsentralen og språkkafeen på torsdager.",
            "{adult} blir med på åpen barnehage og familiekafeen i {district}.",
        ),
        progress=(
            "Jeg har vært på språkkafeen tre ganger og blitt kjent med en nabo.",
            "Det er fortsatt ensomt i helgene.",
        ),
        met=("{adult} har fått et nettverk og er frivillig på kafeen selv.",),
        dropped=("{adult} har fått jobb og har ikke tid på dagtid.",),
        items=(
            Item("Familietur med Frivilligsentralen", 300, 900),
            Item("Språkkafé og aktiviteter", 100, 400, M.PREPAID_CARD, recurring=True),
        ),
        partners=("Frivilligsentralen",),
    ),
    NeedText(
        "bursdag",
        C.SOCIAL,
        words=("{child} blir sjelden bedt i bursdager, og vi har aldri råd til å holde selskap.",),
        agreed=("Kommunen dekker en enkel bursdagsfeiring for {child} med klassen.",),
        progress=("Hele klassen kom i bursdagen, {child} var så glad.",),
        met=("{child} har blitt bedt i flere bursdager etter selskapet.",),
        dropped=("Familien valgte å feire hjemme med slekta.",),
        items=(Item("Bursdagsfeiring for {child}", 500, 1200, M.PREPAID_CARD),),
        needs_child=True,
    ),
    NeedText(
        "pause",
        C.SOCIAL,
        words=("Vi trenger å komme oss bort sammen, bare én helg. Alle er slitne.",),
        agreed=("Kommunen dekker en helgetur for familien i høstferien.",),
        progress=("Vi gleder oss, barna teller dager.",),
        met=("Familien var på hyttetur og sier det var første ferie på mange år.",),
        dropped=("Turen ble avlyst fordi {child} ble syk.",),
        items=(Item("Helgetur for familien", 2500, 5500),),
    ),
    NeedText(
        "buss",
        C.TRANSPORT,
        words=("Det er langt til jobb og barnehage, og bussen koster mye hver måned.",),
        agreed=("Kommunen dekker månedskort på bussen til {adult} er i jobb.",),
        progress=("Med busskortet rekker jeg både barnehagen og kurset.",),
        met=("{adult} har fått jobb med reisegodtgjørelse.",),
        dropped=("Familien har fått bil av en slektning.",),
        items=(Item("Månedskort buss", 600, 950, M.PREPAID_CARD, recurring=True),),
    ),
    NeedText(
        "sykkel",
        C.TRANSPORT,
        words=("{child} går en halvtime til skolen hver vei, også om vinteren.",),
        agreed=("Kommunen dekker sykkel og hjelm til {child}.",),
        progress=("{child} sykler til skolen hver dag nå.",),
        met=("{child} har sykkel og kommer seg til trening selv.",),
        dropped=("{child} fikk sykkel av besteforeldrene.",),
        items=(Item("Sykkel og hjelm til {child}", 1500, 3500, M.PREPAID_CARD),),
        needs_child=True,
    ),
    NeedText(
        "bil",
        C.TRANSPORT,
        words=("Bilen stoppet på EU-kontrollen, og uten bil kommer jeg ikke på nattskiftet.",),
        agreed=("Kommunen dekker reparasjonen direkte til verkstedet.",),
        progress=("Verkstedet har bestilt delene.",),
        met=("Bilen er godkjent, og {adult} er tilbake på nattskiftet.",),
        dropped=("Bilen ble for dyr å reparere og er solgt.",),
        items=(Item("Bilreparasjon før EU-kontroll", 3000, 8500, M.INVOICE),),
    ),
    NeedText(
        "papirer",
        C.OTHER,
        words=(
            "Vi får brev fra UDI og NAV som vi ikke forstår, og fristene går ut.",
            "Passene til barna går snart ut, og ambassaden er i Oslo.",
        ),
        agreed=("{worker} bestiller tolk til neste møte, og vi går gjennom papirene sammen.",),
        progress=("Vi har svart på brevet fra UDI innen fristen.",),
        met=("Papirene er i orden, og familien har nye pass.",),
        dropped=("Flyktningtjenesten følger opp papirene nå.",),
        items=(
            Item("Fornyelse av pass ved ambassaden", 1200, 2600),
            Item("Oversettelse av dokumenter", 800, 2000),
        ),
        partners=("Flyktningtjenesten", "NAV"),
        immigrant_only=True,
    ),
    NeedText(
        "sfo",
        C.EDUCATION,
        words=("Vi har ikke råd til SFO, så {child} går alene hjem etter skolen og sitter alene.",),
        agreed=("Kommunen dekker foreldrebetalingen for SFO mens {adult} er på kurs.",),
        progress=("{child} liker SFO og har fått en venn der.",),
        met=("{adult} har fått jobb, og familien betaler SFO selv nå.",),
        dropped=("{child} fikk gratis plass gjennom skolens ordning.",),
        items=(Item("Foreldrebetaling SFO", 1200, 2800, M.INVOICE, recurring=True),),
        partners=("Skolen",),
        needs_child=True,
    ),
    NeedText(
        "aktiviteter",
        C.LEISURE,
        words=(
            "Barna får aldri være med på noe: kino, klatring, bursdager. {child} sier nei før "
            "noen spør.",
        ),
        agreed=("Familien får et aktivitetskort, så barna kan si ja når vennene spør.",),
        progress=("{child} var på kino med klassen for første gang.",),
        met=("Barna er med på det vennene gjør, og {child} har begynt på klatring.",),
        dropped=("Familien fikk fritidskort gjennom kommunens nye ordning.",),
        items=(
            Item("Aktiviteter med venner og klassen", 200, 700, M.PREPAID_CARD, recurring=True),
        ),
        partners=("Frivilligsentralen",),
        needs_child=True,
    ),
    NeedText(
        "medisiner",
        C.HEALTH,
        words=("{child} har astma, og egenandelene på medisinene spiser opp matbudsjettet.",),
        agreed=("Kommunen dekker egenandelene til frikortgrensen er nådd.",),
        progress=("Vi har hentet medisinene, og {child} sover bedre om natta.",),
        met=("Frikortet er kommet, og familien betaler ikke egenandeler resten av året.",),
        dropped=("Fastlegen fant en rimeligere medisin.",),
        items=(Item("Egenandel medisiner", 200, 600, M.PREPAID_CARD, recurring=True),),
        partners=("Fastlegen", "Helsestasjonen"),
        needs_child=True,
    ),
    NeedText(
        "telefon",
        C.OTHER,
        words=("Telefonen min er ødelagt, så skolen og NAV får ikke tak i meg.",),
        agreed=("Kommunen dekker en brukt mobiltelefon.",),
        progress=("Skolen har fått det nye nummeret.",),
        met=("{adult} har telefon og svarer når skolen ringer.",),
        dropped=("{adult} fikk telefon av en venn.",),
        items=(Item("Brukt mobiltelefon", 1200, 2500, M.PREPAID_CARD),),
    ),
)


# -- meetings --------------------------------------------------------------------------------

# The family's own words about how things are, by how well they are doing.
MOOD_LOW = (
    "Det har vært noen tunge uker. Jeg orker nesten ikke å åpne posten.",
    "{child} har vært syk, og jeg har ikke fått sove skikkelig.",
    "Jeg er sliten og bekymret for pengene hele tiden.",
    "Vi har kranglet mye hjemme, alle er stresset.",
    "Det føles som om vi står helt stille.",
)
MOOD_MID = (
    "Det går litt opp og ned, men vi klarer oss.",
    "Noen dager er gode, andre er tunge.",
    "Vi har fått bedre rutiner hjemme, og det hjelper.",
    "Hverdagen er travel, men det er bedre enn før.",
)
MOOD_HIGH = (
    "Det går mye bedre nå. {child} trives på skolen.",
    "Jeg har begynt å sove bedre, og det er mer ro hjemme.",
    "Endelig føles det som om vi har litt kontroll på økonomien.",
    "Det betyr mye at noen lytter til oss og ikke bare sier nei.",
    "{child} har fått en god venn i klassen, og det merkes hjemme.",
)
REFERRERS = (
    "helsesykepleieren",
    "læreren til {child}",
    "veilederen på NAV",
    "en venninne som har hatt familiekoordinator",
    "barnehagen",
    "flyktningtjenesten",
)
FIRST_WORDS = "Vi ble tipset om familiekoordinator av {referrer}."
FIRST_AGREED = (
    "Vi ble enige om å møtes jevnlig, og familien forteller selv hva som er viktigst.",
    "Familien ønsker hjemmebesøk; vi møtes omtrent hver tredje uke.",
)
NETWORK_AGREED = "Nettverksmøte med {partners}. Alle stiller seg bak en felles plan."
PHONE_WORDS = ("Kort telefonsamtale; {adult} ringte selv.", "Oppfølging på telefon.")
PAYMENT_AGREED = (
    "Kommunen dekker {purpose} ({amount}).",
    "{worker} legger inn utbetaling: {purpose}, {amount}.",
    "Enighet om å bruke rammen på {purpose} ({amount}).",
)
NEXT_AGREED = "Neste møte {when}"  # {when} is "tirsdag 14.3."
CLOSING_WORDS = "Vi klarer oss selv nå, og vi vet hvor vi kan ringe om noe skjer."
CLOSING_AGREED = "Saken avsluttes etter felles enighet. Familien kan ta kontakt igjen ved behov."
PAUSE_WORDS = "Vi vil gjerne ha en pause fra møtene en stund."
PAUSE_AGREED = "Oppfølgingen settes på pause etter familiens ønske. {worker} ringer om tre måneder."

PLACE_HOME = "Hjemme hos familien"
PLACE_OFFICE = (
    "Familiesenteret {district}",
    "Servicetorget, møterom 3",
    "Familiesenteret, møterom 2",
)
PLACE_PHONE = ("Telefon", "Videosamtale")
PLACE_PARTNER = {
    "NAV": "NAV {district}",
    "Skolen": "{school}",
    "Helsestasjonen": "Helsestasjonen {district}",
    "BUP": "BUP Fjordvik",
}
# Partners that may sit in a network meeting whatever the needs are.
GENERAL_PARTNERS = ("NAV", "Skolen", "Helsestasjonen", "Barnehagen", "Fastlegen")

CANCEL_REASONS = (
    "Familien fant et rimeligere tilbud.",
    "Kjøpet ble ikke noe av.",
    "Dekket av NAV i stedet.",
    "Familien ønsket ikke å gå videre med dette.",
)
REJECT_REASONS = (
    "Bør dekkes av NAV etter sosialtjenesteloven.",
    "Be familien finne et rimeligere alternativ.",
    "Går utover rammen for tiltaket.",
)
OVER_BUDGET_REASON = "Går over familiens budsjettramme."
CONSENT_AGREED = (
    "Familien har fått informasjonsskrivet om evalueringen, og de voksne samtykker til å være med."
)
WITHDRAW_WORDS = "Vi vil ikke være med i evalueringen lenger, men vil gjerne fortsette samarbeidet."
