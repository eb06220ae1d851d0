"""Who lives in a demo family: households by shape and language group, with names, birth dates,
identity numbers and phone numbers."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from samjournal.demo.names import (
    ORIGINS,
    SHARED_CHILD_FEMALE,
    SHARED_CHILD_MALE,
    VIETNAMESE_MIDDLE,
    Origin,
)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    first: str  # what the notes call them
    female: bool
    born: dt.date
    adult: bool
    national_id: str | None = None
    phone: str = ""


_K1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_K2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_SHAPES = {"single": 38, "couple": 32, "large": 9, "grand": 6, "young": 8, "multi": 7}


def _national_id(rng: random.Random, born: dt.date, female: bool, d_number: bool) -> str:
    """Eleven digits that pass both check digits; the individual number fits the century and is
    odd for men, as in the real register. (D-numbers add 40 to the day.)"""
    low, high = (0, 499) if born.year < 2000 else (500, 999)
    while True:
        individual = rng.randint(low, high)
        if individual % 2 != (0 if female else 1):
            individual ^= 1  # ranges start even and end odd, so this stays inside
        day = born.day + (40 if d_number else 0)
        body = [int(c) for c in f"{day:02d}{born.month:02d}{born.year % 100:02d}{individual:03d}"]
        k1 = (11 - sum(d * w for d, w in zip(body, _K1, strict=True)) % 11) % 11
        k2 = (11 - sum(d * w for d, w in zip([*body, k1], _K2, strict=True)) % 11) % 11
        if k1 < 10 and k2 < 10:
            return "".join(map(str, [*body, k1, k2]))


def _phone(rng: random.Random) -> str:
    lead = rng.choice("99994")
    return f"{lead}{rng.randint(0, 99):02d} {rng.randint(0, 99):02d} {rng.randint(0, 999):03d}"


def age_on(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


class Household:
    """One household's people, named by the customs of its language group."""

    def __init__(self, rng: random.Random, today: dt.date, origin: Origin) -> None:
        self.rng, self.today, self.origin = rng, today, origin
        self.family = rng.choice(origin.surnames)  # the children's line: (man, wife, daughter)
        self.father_first = rng.choice(origin.male)
        self.people: list[Person] = []
        self._firsts: set[str] = set()
        self._heads: list[tuple[tuple[str, str, str], str]] = []

    @property
    def display_name(self) -> str:
        """Like "Familien Hansen", or "Familien Elmi/Farah" when the parents' names differ."""
        lines = list(dict.fromkeys(line for line, _ in self._heads))
        if len(lines) == 1:
            return f"Familien {lines[0][0]}"
        shown = [next(name for line2, name in self._heads if line2 == line) for line in lines]
        return f"Familien {'/'.join(shown)}"

    def _first(self, female: bool, origin: Origin, child: bool) -> str:
        rng = self.rng
        pool = origin.female if female else origin.male
        if child and origin.key != "norsk" and rng.random() < 0.25:
            pool = SHARED_CHILD_FEMALE if female else SHARED_CHILD_MALE
        first = rng.choice(pool)
        for _ in range(5):  # siblings do not share a first name
            if first not in self._firsts:
                break
            first = rng.choice(pool)
        self._firsts.add(first)
        return first

    def adult(
        self,
        female: bool,
        ages: tuple[int, int],
        *,
        own_name: bool = False,
        origin: Origin | None = None,
        head: bool = True,
    ) -> Person:
        """A grown-up; `own_name` for a wife or grandmother who keeps her own family name.
        The heads of the household give the family its name in the case list."""
        o = origin or self.origin
        first = self._first(female, o, child=False)
        keeps_own = origin is not None or (female and (own_name or o.wife_keeps_name))
        line = self.rng.choice(o.surnames) if keeps_own else self.family
        if not female and o.naming == "patronymic":
            self.father_first = first
        surname = line[1] if female and o.naming != "vietnamese" else line[0]
        if o.naming == "vietnamese":
            name = f"{surname} {VIETNAMESE_MIDDLE[0 if female else 1]} {first}"
        else:
            name = f"{first} {surname}"
        if head:
            self._heads.append((line, surname))
        born = self.today - dt.timedelta(days=self.rng.randint(ages[0] * 365, ages[1] * 365 + 364))
        return self._add(name, first, female, born)

    def children(self, count: int, parent_born: dt.date) -> None:
        """Up to `count` children of a parent born `parent_born`; the youngest is a minor."""
        rng = self.rng
        room = age_on(parent_born, self.today) - 18
        ages = [rng.randint(0, max(0, min(15, room - 1)))]
        while len(ages) < count and ages[-1] + 4 <= room:
            ages.append(ages[-1] + rng.randint(1, 4))
        for age in reversed(ages):  # the eldest first, as families list them
            female = rng.random() < 0.5
            first = self._first(female, self.origin, child=True)
            o = self.origin
            if o.naming == "patronymic":
                name = f"{first} {self.father_first}"
            elif o.naming == "vietnamese" and first not in o.female + o.male:
                name = f"{first} {self.family[0]}"
            elif o.naming == "vietnamese":
                name = f"{self.family[0]} {VIETNAMESE_MIDDLE[0 if female else 1]} {first}"
            else:
                name = f"{first} {self.family[2] if female else self.family[0]}"
            days = rng.randint(age * 365, age * 365 + 360)
            self._add(name, first, female, self.today - dt.timedelta(days=days))

    def _add(self, name: str, first: str, female: bool, born: dt.date) -> Person:
        rng = self.rng
        adult = age_on(born, self.today) >= 18
        nid = None
        if rng.random() < (0.8 if self.origin.key == "norsk" else 0.5 if adult else 0.45):
            d_number = adult and rng.random() < self.origin.d_number_share
            nid = _national_id(rng, born, female, d_number)
        teen = age_on(born, self.today) >= 13
        phone = _phone(rng) if rng.random() < (0.92 if adult else 0.5 if teen else 0.0) else ""
        person = Person(name, first, female, born, adult, nid, phone)
        self.people.append(person)
        return person


def household(rng: random.Random, today: dt.date) -> Household:
    """Who lives together: the primary contact first, then other adults, then the children."""
    origin = rng.choices(ORIGINS, [o.weight for o in ORIGINS])[0]
    shape = rng.choices(list(_SHAPES), list(_SHAPES.values()))[0]
    if origin.key == "ukrainsk" and shape in ("couple", "multi") and rng.random() < 0.6:
        shape = "single"  # many came with the children while the fathers stayed
    h = Household(rng, today, origin)
    if shape == "grand":
        elder = h.adult(True, (54, 72), own_name=True)
        if rng.random() < 0.4:
            h.adult(False, (56, 76))
        h.father_first = rng.choice(origin.male)  # the grandchildren's absent father
        h.children(rng.randint(1, 3), elder.born + dt.timedelta(days=rng.randint(20, 30) * 365))
        return h
    couple = shape in ("couple", "multi") or (shape == "large" and rng.random() < 0.8)
    if couple:
        # Some Norwegian fathers have a wife from elsewhere; she keeps her own name.
        mixed = origin.key == "norsk" and rng.random() < 0.12
        parent = h.adult(True, (24, 50), origin=rng.choice(ORIGINS[1:]) if mixed else None)
        age = age_on(parent.born, today)
        h.adult(False, (max(22, age - 3), age + 8))
    elif shape == "single" and rng.random() < 0.15:
        parent = h.adult(False, (26, 52))  # a single father
    else:
        parent = h.adult(True, (19, 24) if shape == "young" else (24, 50))
    if shape == "multi":
        h.adult(True, (60, 80), own_name=True, head=False)  # a grandmother living with them
    count = {"couple": (1, 4), "large": (5, 7), "young": (1, 2), "multi": (2, 4)}
    low, high = count.get(shape, (0, 0))
    h.children(rng.randint(low, high) if shape != "single" else _few(rng), parent.born)
    if couple and rng.random() < 0.12:  # some couples name the father as primary contact
        h.people[0], h.people[1] = h.people[1], h.people[0]
    return h


def _few(rng: random.Random) -> int:
    return rng.choices((1, 2, 3, 4), (35, 35, 20, 10))[0]
