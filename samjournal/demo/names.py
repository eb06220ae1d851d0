"""First names and surnames of the demo families, by language group, and how each passes them on.

Every name is fiction, as are all demo families; `samjournal.demo.people` draws from these lists.
"""

from __future__ import annotations

from dataclasses import dataclass


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
