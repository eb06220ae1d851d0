"""Generalisation, k-anonymity and the disclosure-risk figures of the household fields.

Households are described by seven quasi-identifiers (QIs): area, household size, number of
children, the adults' age bands, the period the case opened (month, quarter, half-year, year), the
case's status and its budget frame (samjournal.evaluation.attacker states the whole attacker
model). Each has a hierarchy of levels, from exact to coarse. The search walks the lattice of
level combinations (1,296 nodes) in order of levels lost, only nodes at least as coarse as
`floor` (the study's node so far: a released generalisation never gets finer), and picks the one
that loses least information while no more than `max_suppression` of the households fall in a
class smaller than k; those few get the first six QIs starred and the coarsest budget level (cell
suppression), and the starred class itself holds at least k (the next smallest classes are
starred with them if needed). When no node keeps within the limit, the node starring the fewest
households wins. With fewer than k consented households nothing can be released.

The risk figures are the prosecutor model's: an attacker who knows the target is in the data and
knows its QIs picks one record of the matching class at random, so a record's risk is 1 / class
size, the highest risk is 1 / smallest class and the success rate is classes / records.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import add
from typing import Any

from samjournal.evaluation.attacker import PERIODS, period_label
from samjournal.evaluation.tables import AREA_WORD, OPEN, QUASI_IDENTIFIERS, SUPPRESSED, UNKNOWN_AGE
from samjournal.kinds import NEED_GROUP, NeedCategory
from samjournal.model import FamilyStatus

_DISTRICT = re.compile(r"^[^\W\d_][\w .'-]{0,39}$")

AREA_LEVELS = ("bydel", AREA_WORD)
SIZE_LEVELS = ("eksakt (1-5, 6+)", "bånd 1-2, 3-4, 5+", "1+")
CHILDREN_LEVELS = ("eksakt (0-3, 4+)", "bånd 0, 1-2, 3+", "0 eller 1+")
AGE_LEVELS = ("10-årsbånd", "20-årsbånd (18-39, 40-59, 60+)", "bare 18+")
# Not "*": a closed case's row holds its closing day (tables.OPEN).
STATUS_LEVELS = ("eksakt", "åpen eller avsluttet")
# Budget frames: the study's rounding, then nearest 25 000 and 50 000 kr (a starred household
# keeps the coarsest: the column is a number).
BUDGET_STEPS = (25_000, 50_000)
BUDGET_LEVELS = ("studiens avrunding", "nærmeste 25 000 kr", "nærmeste 50 000 kr")
# Need categories (needs.category, payments.need_category), one level for the whole study
# (levels.Levels.categories): as recorded, in three groups (kinds.NEED_GROUP), or hidden ("*").
CATEGORY_LEVELS = ("eksakt", "tre grupper", "skjult (*)")
LEVEL_NAMES = (
    AREA_LEVELS,
    SIZE_LEVELS,
    CHILDREN_LEVELS,
    AGE_LEVELS,
    PERIODS,
    STATUS_LEVELS,
    BUDGET_LEVELS,
)
Node = tuple[int, int, int, int, int, int, int]
MAX_LEVELS: Node = (1, 2, 2, 2, 3, 1, 2)
NODES: list[Node] = sorted(
    (
        (a, s, c, g, p, t, b)
        for a in range(MAX_LEVELS[0] + 1)
        for s in range(MAX_LEVELS[1] + 1)
        for c in range(MAX_LEVELS[2] + 1)
        for g in range(MAX_LEVELS[3] + 1)
        for p in range(MAX_LEVELS[4] + 1)
        for t in range(MAX_LEVELS[5] + 1)
        for b in range(MAX_LEVELS[6] + 1)
    ),
    key=lambda n: (sum(lv / m for lv, m in zip(n, MAX_LEVELS, strict=True)), n),
)
QI = tuple[str, str, str, str, str, str, str]


# -- hierarchies -----------------------------------------------------------------------------


def size_label(n: int, level: int) -> str:
    if level == 0:
        return str(n) if n < 6 else "6+"
    if level == 1:
        return "1-2" if n <= 2 else "3-4" if n <= 4 else "5+"
    return "1+"


def children_label(n: int, level: int) -> str:
    if level == 0:
        return str(n) if n < 4 else "4+"
    if level == 1:
        return "0" if n == 0 else "1-2" if n <= 2 else "3+"
    return "0" if n == 0 else "1+"


_BANDS10 = ((30, "18-29"), (40, "30-39"), (50, "40-49"), (60, "50-59"), (70, "60-69"))
_BANDS20 = ((40, "18-39"), (60, "40-59"))


def age_label(age: int | None, level: int) -> str:
    if level >= 2:
        return "18+"
    if age is None:
        return UNKNOWN_AGE
    bands, top = (_BANDS10, "70+") if level == 0 else (_BANDS20, "60+")
    for limit, label in bands:
        if age < limit:
            return label
    return top


_AGE_ORDER = {
    label: i
    for i, label in enumerate(
        ["18-29", "18-39", "30-39", "40-49", "40-59", "50-59", "60-69", "60+", "70+", "18+"]
    )
}


def adult_ages_label(ages: Sequence[int | None], level: int) -> str:
    labels = sorted((age_label(a, level) for a in ages), key=lambda x: _AGE_ORDER.get(x, 99))
    return "|".join(labels)


def clean_district(district: str) -> str | None:
    """A district name fit to release, or None (free text that does not look like a place)."""
    text = " ".join(district.split())
    return text if _DISTRICT.match(text) else None


# -- households ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Household:
    family_id: int
    district: str | None  # None: not releasable
    size: int
    children: int
    adult_ages: tuple[int | None, ...]
    opened: dt.date
    status: str = "active"
    budget: tuple[str, str, str] = ("0", "0", "0")  # the frame at each budget level

    def labels(self, municipality: str) -> tuple[tuple[str, ...], ...]:
        """Per QI, the value at every level of its hierarchy."""
        area = (self.district or municipality, municipality)
        size = tuple(size_label(self.size, lv) for lv in range(3))
        kids = tuple(children_label(self.children, lv) for lv in range(3))
        ages = tuple(adult_ages_label(self.adult_ages, lv) for lv in range(3))
        opened = tuple(period_label(self.opened, lv) for lv in range(4))
        status = (self.status, self.status if self.status == FamilyStatus.CLOSED else OPEN)
        return (area, size, kids, ages, opened, status, self.budget)


@dataclass(frozen=True, slots=True)
class Risk:
    records: int
    classes: int
    smallest_class: int
    records_at_risk: int  # in classes smaller than k
    highest_risk: float  # prosecutor: 1 / smallest class
    success_rate: float  # prosecutor: classes / records

    @classmethod
    def of(cls, keys: Sequence[tuple[str, ...]], k: int) -> Risk:
        sizes = Counter(keys)
        if not sizes:
            return cls(0, 0, 0, 0, 0.0, 0.0)
        smallest = min(sizes.values())
        return cls(
            records=len(keys),
            classes=len(sizes),
            smallest_class=smallest,
            records_at_risk=sum(n for n in sizes.values() if n < k),
            highest_risk=round(1 / smallest, 4),
            success_rate=round(len(sizes) / len(keys), 4),
        )

    @classmethod
    def among(cls, keys: Sequence[str], holders: Mapping[str, int], k: int) -> Risk:
        """`of` where each record's key may be held by households outside the records (a study's
        earlier bundles: households that left, combinations released before): `holders` counts,
        per key, every household holding it. The groups overlap, so the success rate is each
        record's 1 / its group averaged (a partition's classes / records)."""
        if not keys:
            return cls(0, 0, 0, 0, 0.0, 0.0)
        sizes = [holders[key] for key in keys]
        smallest = min(sizes)
        return cls(
            records=len(keys),
            classes=len(set(keys)),
            smallest_class=smallest,
            records_at_risk=sum(1 for n in sizes if n < k),
            highest_risk=round(1 / smallest, 4),
            success_rate=round(sum(1 / n for n in sizes) / len(sizes), 4),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "classes": self.classes,
            "smallest_class": self.smallest_class,
            "records_at_risk": self.records_at_risk,
            "highest_prosecutor_risk": self.highest_risk,
            "prosecutor_success_rate": self.success_rate,
        }


@dataclass(frozen=True, slots=True)
class Generalised:
    """The released QIs of every household, and what it took to get there."""

    node: Node
    released: dict[int, QI]  # family id -> its released quasi-identifiers
    suppressed: frozenset[int]
    before: Risk
    after: Risk
    too_few: bool = False

    def describe(self) -> dict[str, str]:
        return {
            qi: LEVEL_NAMES[i][lv]
            for i, (qi, lv) in enumerate(zip(QUASI_IDENTIFIERS, self.node, strict=True))
        }


def generalise(
    households: Sequence[Household],
    *,
    k: int,
    max_suppression: float,
    municipality: str,
    floor: Node = (0, 0, 0, 0, 0, 0, 0),
    memo: dict[Any, Any] | None = None,
    starred_before: frozenset[int] = frozenset(),
) -> Generalised:
    """`memo`: where to keep (and find) the households' labels and lattice counts, so a second
    call on the same households with a floor no finer (the release after the levels search)
    counts nothing again. `starred_before`: households released starred, which stay starred:
    one starred, then released with its opening period, would narrow the months every row it
    ever sent can fall in, for whoever kept the old bundles (each row's month is read off the
    periods released), and with them other households' support."""
    labels, ids, starred_at = _lattice(households, k, municipality, floor, memo)

    def keys(node: Node) -> list[QI]:
        a, s, c, g, p, t, b = node
        return [
            (lab[0][a], lab[1][s], lab[2][c], lab[3][g], lab[4][p], lab[5][t], lab[6][b])
            for lab in (labels[i] for i in ids)
        ]

    exact = keys((0, 0, 0, 0, 0, 0, 0))
    before = Risk.of(exact, k)
    if len(ids) < k:
        return Generalised(MAX_LEVELS, {}, frozenset(), before, Risk.of([], k), too_few=bool(ids))
    limit = max_suppression * len(ids)
    best: tuple[tuple[float, ...], Node] | None = None
    a0, s0, c0, g0, p0, t0, b0 = floor
    for node in NODES:
        a, s, c, g, p, t, b = node
        if a < a0 or s < s0 or c < c0 or g < g0 or p < p0 or t < t0 or b < b0:
            continue  # finer than released before: never
        count = starred_at[node]
        levels_lost = sum(lv / m for lv, m in zip(node, MAX_LEVELS, strict=True)) / 7
        if best is not None and best[0][0] == 0.0 and levels_lost > best[0][1]:
            break  # nodes come in order of levels lost: none left can lose less
        loss = levels_lost + count / len(ids)
        # Within the suppression limit the least loss wins; if no node is, the fewest starred.
        rank = (0.0, loss) if count <= limit else (1.0, count, loss)
        if best is None or (rank, node) < best:
            best = (rank, node)
    assert best is not None
    node = best[1]
    node_keys = keys(node)
    # Those starred before count as one class of their own, starred whatever its size.
    classes = [
        _STAYS if i in starred_before else key for i, key in zip(ids, node_keys, strict=True)
    ]
    starred, _ = _starred(classes, k, _STAYS)
    released: dict[int, QI] = {}
    suppressed = set()
    for family_id, key, of in zip(ids, node_keys, classes, strict=True):
        if of in starred:
            suppressed.add(family_id)
            key = (*(SUPPRESSED,) * 6, labels[family_id][6][-1])
        released[family_id] = key
    after = Risk.of(list(released.values()), k)
    return Generalised(node, released, frozenset(suppressed), before, after)


Lattice = tuple[dict[int, tuple[tuple[str, ...], ...]], list[int], dict[tuple[int, ...], int]]


def _lattice(
    households: Sequence[Household],
    k: int,
    municipality: str,
    floor: Node,
    memo: dict[Any, Any] | None,
) -> Lattice:
    """(labels by family, family ids, households starred at every node no finer than `floor`),
    from `memo` when it holds them counted from a floor no coarser."""
    key = ("lattice", tuple(households), k, municipality)
    if memo is not None and key in memo:
        counted_from, found = memo[key]
        if all(lv >= least for lv, least in zip(floor, counted_from, strict=True)):
            return found  # type: ignore[no-any-return]
    labels = {h.family_id: h.labels(municipality) for h in households}
    ids = list(labels)
    starred_at = _starred_counts(labels, ids, k, floor) if len(ids) >= k else {}
    if memo is not None:
        memo[key] = floor, (labels, ids, starred_at)
    return labels, ids, starred_at


def _starred_counts(
    labels: dict[int, tuple[tuple[str, ...], ...]], ids: list[int], k: int, floor: Node
) -> dict[tuple[int, ...], int]:
    """Households `_starred` would star, at every node no finer than `floor`. Each label is
    numbered within its QI; without numpy, scaled by the QI's place, so a node's class key is
    a sum, built depth first: one list addition per lattice prefix (2,024 for the whole
    lattice) instead of one tuple per household per node."""
    codes: list[list[list[int]]] = []  # QI -> level -> household -> its label's number
    for qi in range(7):
        code: dict[str, int] = {}
        codes.append(
            [
                [code.setdefault(labels[i][qi][lv], len(code)) for i in ids]
                for lv in range(MAX_LEVELS[qi] + 1)
            ]
        )
    try:
        return _starred_counts_by_arrays(codes, k, floor)
    except ImportError:  # the frozen program leaves numpy out (packaging/samjournal.spec)
        pass
    places: list[list[list[int]]] = []  # QI -> level -> household -> code * place
    place = 1
    for levels in codes:
        places.append([[c * place for c in column] for column in levels])
        place *= max(max(column) for column in levels) + 2
    counts: dict[tuple[int, ...], int] = {}

    def walk(qi: int, node: tuple[int, ...], partial: list[int] | None) -> None:
        for lv in range(floor[qi], MAX_LEVELS[qi] + 1):
            column = places[qi][lv]
            if qi == 6:  # the last QI: its keys are counted as they are made
                assert partial is not None
                sizes = Counter(map(add, partial, column)).values()
                counts[(*node, lv)] = _starred_count(sizes, k)
                continue
            walk(qi + 1, (*node, lv), column if partial is None else [*map(add, partial, column)])

    walk(0, (), None)
    return counts


def _starred_counts_by_arrays(
    codes: list[list[list[int]]], k: int, floor: Node
) -> dict[tuple[int, ...], int]:
    """`_starred_counts` with numpy, sorting nothing: a prefix's class of each household is a
    dense number (0 .. classes - 1), so adding a QI's level makes keys below classes x labels,
    counted by `bincount` at the last QI and numbered densely again for the next one."""
    import numpy as np

    columns = [[np.asarray(column, dtype=np.intp) for column in levels] for levels in codes]
    widths = [int(max(int(c.max()) for c in levels)) + 1 for levels in columns]
    counts: dict[tuple[int, ...], int] = {}

    def walk(qi: int, node: tuple[int, ...], partial: Any, classes: int) -> None:
        for lv in range(floor[qi], MAX_LEVELS[qi] + 1):
            keys = columns[qi][lv] if partial is None else partial * widths[qi] + columns[qi][lv]
            span = widths[qi] * classes
            if qi < 6:
                seen = np.zeros(span, dtype=np.intp)
                seen[keys] = 1
                dense = np.cumsum(seen) - 1
                walk(qi + 1, (*node, lv), dense[keys], int(dense[-1]) + 1)
                continue
            sizes = np.bincount(keys, minlength=span)
            sizes = sizes[sizes > 0]
            small = int(sizes[sizes < k].sum())
            # Topping up the starred classes (rare) is `_starred_count`'s.
            counts[(*node, lv)] = _starred_count(sizes.tolist(), k) if 0 < small < k else small

    walk(0, (), None, 1)
    return counts


def _starred_count(sizes: Iterable[int], k: int) -> int:
    """How many households `_starred` stars, from the class sizes alone."""
    count = sum(n for n in sizes if n < k)
    if 0 < count < k:
        for n in sorted(sizes):
            if n >= k:
                count += n
                if count >= k:
                    break
    return count


# The class of the households starred before (generalise): no household's labels make it.
_STAYS: QI = ("",) * 7


def _starred(keys: list[QI], k: int, stays: QI | None = None) -> tuple[set[QI], int]:
    """The classes to star: those under k and `stays`, and if they hold fewer than k
    households together, the next smallest classes too, so the starred class itself holds at
    least k."""
    sizes = Counter(keys)
    starred = {key for key, n in sizes.items() if n < k or key == stays}
    count = sum(sizes[key] for key in starred)
    if 0 < count < k:
        rest = sorted((n, key) for key, n in sizes.items() if key not in starred)
        for n, key in rest:
            starred.add(key)
            count += n
            if count >= k:
                break
    return starred, count


# -- amounts and months ----------------------------------------------------------------------


def round_nok(ore: int, rounding: int, top: int) -> tuple[int, int]:
    """(NOK rounded half up to `rounding`, 1 if top-coded). An amount above 0 is never sent as
    0: under one and a half steps it is one step (a 350 kr payment at 1,000 kr rounding was 0,
    and a third of a journal's paid amounts with it)."""
    step = rounding * 100
    nok = max((ore + step // 2) // step, ore > 0) * rounding
    if nok >= top:
        return top, 1
    return nok, 0


def need_category_at(category: str, level: int) -> str:
    """A need category as released at `level` of CATEGORY_LEVELS; an empty one (a payment with
    no need) stays empty: missing, not hidden."""
    if not category or level == 0:
        return category
    return NEED_GROUP[NeedCategory(category)].value if level == 1 else SUPPRESSED


def category_level(raw: object) -> int:
    """A stored or received level of CATEGORY_LEVELS (0 when absent: made before the axis),
    kept within them: a report is read by the evaluator too."""
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        return 0
    try:
        level = int(raw)
    except ValueError:
        return 0
    return min(max(level, 0), len(CATEGORY_LEVELS) - 1)


def category_loss(categories: Sequence[str], rows: int, level: int) -> float:
    """The information a level loses, per row offered (`rows`, as the held share counts them):
    each category's loss metric (the categories its released value stands for, less one, over
    all categories less one: 0 as recorded, 1 hidden), summed over the rows that carry one."""
    if not rows or level == 0:
        return 0.0
    counted = Counter(categories)  # a few distinct values over every row: each weighed once
    counted.pop("", None)
    if level >= 2:
        return counted.total() / rows
    size = Counter(NEED_GROUP.values())
    spread = len(NeedCategory) - 1
    return (
        sum((size[NEED_GROUP[NeedCategory(c)]] - 1) / spread * n for c, n in counted.items()) / rows
    )


def budget_step(rounding_nok: int, level: int = len(BUDGET_STEPS)) -> int:
    """The grid (kr) budget frames are released on at `level` of BUDGET_LEVELS: the rounding,
    or that level's coarser step. By default the coarsest: a suppressed household's frame."""
    return max(rounding_nok, (rounding_nok, *BUDGET_STEPS)[level])


@dataclass(slots=True)
class Summary:
    """What the risk report says about amounts; filled while rows are built."""

    amounts: int = 0
    amounts_top_coded: int = 0
    budgets_top_coded: int = 0
