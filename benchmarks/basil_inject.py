"""Injected conflicts: real BASIL contexts with one outlet's number changed.

The 75 BASIL triplets hold no genuine cross-outlet conflict (benchmarks/data/README.md), so
conflict recall cannot be measured on them as they are. This measures it on the same real
sentences instead: for every labelled `consistent` group whose mentions all give one exact value
in at least two articles (`core`: written alike, or a year also written inside full dates of it),
every mention of the group in one article (the first in file order) is rewritten in memory with
a nearby wrong value (a year also inside a date: "Nov. 8, 2016" -> "Nov. 8, 2017"), the figure
analysis runs on the changed triplet, and the injection is found when the system reports a
conflict between a changed mention and any labelled mention of the group in another article
(the labels hold every mention of a labelled measure in each article, benchmarks/data/README.md).
Nothing is written to disk; no article text is kept.

The wrong value is what a careless outlet writes: a count or sum of money about 8 % off (at
least one unit; as many significant digits as written, at least two: $84,000 -> $91,000, 50 ->
54), a small count (under 20) one more (three -> four), a percentage 3 points off, a year one
later, a day of the month one later. A count in an article written later than another that
gives it is changed downwards instead (50 -> 46, four -> three; two still -> three): a higher
count written later may be a tally that grew (the dead, arrests), which the system rightly
explains as moved rather than flags; a lower one cannot be. Ratios ("one-in-three"), scores
("234-193"), ordinals and qualified or vague values ("about", "at least", "thousands") are not
changed. For training only (`every`), each group is also injected in every article giving it,
upwards and downwards (`variant`: a year earlier, a day earlier, 3 points less, a count lower),
and decoys are made in every article that has one: more sentences to learn from; the scores
keep one injection a group, as above.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace

from newsaudit.corpus import Corpus

SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
HEDGES = re.compile(
    r"\b(about|around|nearly|almost|roughly|more|less|fewer|over|under|at least|at most|"
    r"some|up to|dozens?|scores|hundreds|thousands|millions|several|few|a dozen|twice|"
    r"estimated|or so|-in-| in \d|plus)\b",
    re.IGNORECASE,
)
MONTH = re.compile(
    r"^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(st|nd|rd|th)?"
    r"(,?\s+\d{4})?$"
)
NUMBER = re.compile(
    r"^(\$?)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s+(?:million|billion|trillion))?"
    r"(\s*(?:percent|%))?(-[a-z]+)?$",
    re.IGNORECASE,
)


def _round_like(value: float, digits: int) -> float:
    """`value` rounded to `digits` significant digits."""
    if value == 0:
        return 0.0
    scale = 10 ** (math.floor(math.log10(abs(value))) - digits + 1)
    return round(value / scale) * scale


def _format(value: float, written: str) -> str:
    """`value` written like `written` (thousands separators, decimals)."""
    decimals = len(written.split(".")[1]) if "." in written else 0
    text = f"{value:,.{decimals}f}" if "," in written else f"{value:.{decimals}f}"
    return text


def _significant(written: str) -> int:
    digits = written.replace(",", "").replace(".", "").lstrip("0")
    return max(2, len(digits.rstrip("0")) if "." not in written else len(digits))


def _time_moved(text: str, step: int) -> tuple[bool, tuple[str, str] | None]:
    """(whether the number is a year or a day of a month; it moved `step` years or days, as
    written, with its kind: None when the day would leave the 1st to the 28th)."""
    if re.fullmatch(r"(19|20)\d\d", text):
        return True, (str(int(text) + step), "year")
    month_year = re.fullmatch(r"([A-Z][a-z]+\.?\s+)((?:19|20)\d\d)", text)
    if month_year:
        return True, (f"{month_year.group(1)}{int(month_year.group(2)) + step}", "year")
    day = MONTH.match(text)
    if day:
        d = int(day.group(2)) + step
        if not 1 <= d <= 28:
            return True, None
        start, end = day.span(2)
        return True, (f"{text[:start]}{d}{text[end:]}", "date")
    return False, None


def perturb(number: str, lower: bool = False) -> tuple[str, str] | None:
    """(wrong number as written, kind) for a labelled number, or None when it is not changed;
    with `lower`, a count (small or not) is changed downwards, never below two (the noun stays
    plural)."""
    text = number.strip()
    if HEDGES.search(text) or re.search(r"\d-\d", text):
        return None
    low = text.lower()
    word = re.match(r"^([a-z]+)(-[a-z]+)?$", low)
    if word and word.group(1) in SMALL and word.group(1) not in ("zero", "one"):
        i = SMALL.index(word.group(1))
        i += -1 if lower and i > 2 else 1
        new = SMALL[i] if i < len(SMALL) else str(i)
        if text[0].isupper():
            new = new.capitalize()
        return new + (word.group(2) or ""), "small count"
    timed, moved = _time_moved(text, 1)
    if timed:
        return moved
    m = NUMBER.match(text)
    if not m:
        return None
    dollar, digits, scale, pct, unit = m.groups()
    value = float(digits.replace(",", ""))
    if pct:
        new = value + 3 if value < 97 else value - 3
        kind = "percent"
    elif value < 20 and not scale and "." not in digits:
        if value < 2:
            return None
        new, kind = value + (-1 if lower and value > 2 else 1), "small count"
    else:
        down = lower and not dollar
        new = _round_like(value * (0.92 if down else 1.08), _significant(digits))
        if new == value:
            new = value + (-1 if down else 1)
        kind = "money" if dollar else "count"
    return f"{dollar}{_format(new, digits)}{scale or ''}{pct or ''}{unit or ''}", kind


def _hedged(row: dict[str, str]) -> bool:
    """Whether the words just before the number in its snippet qualify it ("roughly 35")."""
    before = row["snippet"][: max(0, row["snippet"].find(row["number"]))].split()[-2:]
    return bool(HEDGES.search(" ".join(before)))


def _written(number: str) -> str:
    return number.lower().replace("-", " ")


def core(rows: list[dict[str, str]]) -> str | None:
    """The one value every mention of a group writes: the number as written when all mentions
    write it alike (up to case and hyphens), or a plain year when the other mentions are dates
    of that year ("2016" and "Nov. 8, 2016": the group is the year, the date one mention of it);
    None otherwise."""
    written = {_written(r["number"]) for r in rows}
    if len(written) == 1:
        return rows[0]["number"]
    years = [w for w in written if re.fullmatch(r"(19|20)\d\d", w)]
    if len(years) == 1 and all(re.search(rf"\b{years[0]}$", w) for w in written):
        return years[0]
    return None


def eligible(rows: list[dict[str, str]]) -> bool:
    """Whether a labelled group can take an injected conflict: consistent, one exact value
    (`core`) written in every mention (no qualifier just before it), mentions in at least two
    articles."""
    if rows[0]["verdict"] != "consistent" or len({r["file"] for r in rows}) < 2:
        return False
    if any(_hedged(r) for r in rows):
        return False
    value = core(rows)
    return value is not None and perturb(value) is not None


def _written_later(docs: Corpus, target: str, rows: list[dict[str, str]]) -> bool:
    """Whether `target` was published after another article giving the group."""
    published = {a.file: a.published for a in docs}
    mine = published.get(target)
    others = [published.get(r["file"]) for r in rows if r["file"] != target]
    return mine is not None and any(d is not None and d < mine for d in others)


def variant(number: str, down: bool) -> tuple[str, str] | None:
    """`perturb` in one direction for every kind (training only): with `down`, a year one
    earlier, a day of the month one earlier, a percentage 3 points less, a count lower;
    else `perturb` upwards."""
    text = number.strip()
    if not down:
        return perturb(text)
    if HEDGES.search(text) or re.search(r"\d-\d", text):
        return None
    timed, moved = _time_moved(text, -1)
    if timed:
        return moved
    m = NUMBER.match(text)
    if m and m.group(4):
        value = float(m.group(2).replace(",", ""))
        new = value - 3 if value >= 3 else value + 3
        return f"{m.group(1)}{_format(new, m.group(2))}{m.group(4)}{m.group(5) or ''}", "percent"
    return perturb(text, lower=True)


def inject(
    docs: Corpus, rows: list[dict[str, str]], target: str = "", down: bool | None = None
) -> tuple[Corpus, list[dict[str, str]], str, str, str] | None:
    """(changed corpus, changed label rows, changed file, kind, new number) for one group:
    the first article (file order) gets the wrong value in every mention of the group; for
    training, `target` names another article and `down` the direction (`variant`)."""
    target = target or sorted({r["file"] for r in rows})[0]
    value = core(rows)
    if value is None:
        return None
    if down is None:
        wrong = perturb(value, _written_later(docs, target, rows))
    else:
        wrong = variant(value, down)
    if wrong is None:
        return None
    new_number, kind = wrong
    by_file = {a.file: a for a in docs}
    article = by_file.get(target)
    if article is None:
        return None
    text, out_rows = article.text, []
    for r in rows:
        if r["file"] != target:
            out_rows.append(r)
            continue
        at = text.find(r["snippet"])
        inner = r["snippet"].find(r["number"])
        if at < 0 or inner < 0:
            return None
        number = new_number
        if _written(r["number"]) != _written(value):  # a date of the group's year
            number = r["number"][: -len(value)] + new_number
        snippet = r["snippet"][:inner] + number + r["snippet"][inner + len(r["number"]) :]
        text = text[:at] + snippet + text[at + len(r["snippet"]) :]
        out_rows.append({**r, "snippet": snippet, "number": number, "injected": "1"})
    changed = tuple(replace(a, text=text) if a.file == target else a for a in docs)
    return replace(docs, articles=changed), out_rows, target, kind, new_number


def injections(
    docs: Corpus, rows: list[dict[str, str]], every: bool = False
) -> Iterator[tuple[str, Corpus, list[dict[str, str]], str, str, str]]:
    """Every injected conflict of one triplet, group by group (sorted): (group, changed
    corpus, all label rows with the group's rows changed, changed file, kind, new number).
    With `every` (training), each group is injected in every article giving it, upwards and
    downwards (`variant`): up to six injections a group instead of one."""
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        groups[row["group"]].append(row)
    for group, members in sorted(groups.items()):
        if not eligible(members):
            continue
        ways: list[tuple[str, bool | None]] = [("", None)]
        if every:
            ways = [(f, d) for f in sorted({r["file"] for r in members}) for d in (False, True)]
        for target, down in ways:
            changed = inject(docs, members, target, down)
            if changed is None:
                continue
            new_docs, new_rows, file, kind, number = changed
            rest = [r for r in rows if r["group"] != group]
            yield group, new_docs, rest + new_rows, file, kind, number


def _decoy_at(docs: Corpus, rows: list[dict[str, str]], kind: str, skip: set[str]):
    """(article, figure) of the first figure, in file and text order, of an article outside
    `skip` that is written as a plain number of `kind` (one `perturb` would change the same way)
    and is in no snippet of a labelled measure: a look-alike labelled "different", or a number
    no other article writes (unrelated to any measure of the story)."""
    from newsaudit.figures import extract

    labelled: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    for a in docs:
        for r in rows:
            at = a.text.find(r["snippet"]) if r["file"] == a.file else -1
            if at >= 0:
                apart = r["verdict"] == "different"
                labelled[a.file].append((at, at + len(r["snippet"]), apart))
    for a in sorted(docs, key=lambda a: a.file):
        if a.file in skip:
            continue
        others = " ".join(b.text for b in docs if b.file != a.file)
        for f in extract(a):
            changed = perturb(f.text)
            if changed is None or changed[1] != kind:
                continue
            inside = [apart for s, e, apart in labelled[a.file] if s < f.end and f.start < e]
            if inside and not all(inside):
                continue
            if not inside and re.search(rf"(?<![\w$.,]){re.escape(f.text)}(?![\w,])", others):
                continue
            return a, f
    return None


def _near_target(docs: Corpus, x: str, kind: str, members: list[dict[str, str]]) -> str | None:
    """The number a decoy in article `x` is made a near miss of: the group's own number when the
    group is missing from `x` (its figures are then free to meet the decoy), else the first
    plain number of `kind` in another article that `x` does not write."""
    if x not in {r["file"] for r in members}:
        return core(members)
    from newsaudit.figures import extract

    mine = next(a.text for a in docs if a.file == x)
    for a in sorted(docs, key=lambda a: a.file):
        if a.file == x:
            continue
        for f in extract(a):
            changed = perturb(f.text)
            if changed and changed[1] == kind and not re.search(rf"\b{re.escape(f.text)}\b", mine):
                return f.text
    return None


def decoys(
    docs: Corpus, rows: list[dict[str, str]], every: bool = False
) -> Iterator[tuple[str, Corpus, str, int]]:
    """The injected conflicts' negatives, one per injected group: a number of the same kind
    in a sentence about something else (`_decoy_at`, in the first article that has one)
    rewritten, by the injection's own rule, to a near miss of a number another article gives
    and this one does not (the group's, where the group is missing from the article). The
    decoy is as near in value as the injected one but no measure of it: the link model must not
    learn that a near value alone makes one measure. Yields (group, changed corpus, changed
    file, start of the decoy). With `every` (training), one decoy in every article that has
    one, each made a near miss both ways (`variant`), instead of the first."""
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        groups[row["group"]].append(row)
    files = sorted(a.file for a in docs)
    for group, members in sorted(groups.items()):
        if not eligible(members):
            continue
        kind = perturb(core(members))[1]
        absent = [x for x in files if x not in {r["file"] for r in members}]
        made = 0
        for x in absent + [x for x in files if x not in absent]:
            found = _decoy_at(docs, rows, kind, set(files) - {x})
            target = _near_target(docs, x, kind, members) if found else None
            for down in (False, True) if every else (None,):
                wrong = (variant(target, down) if every else perturb(target)) if target else None
                if not (found and wrong and wrong[1] == kind):
                    continue
                article, f = found
                new = wrong[0]
                if f.text[:1].isupper() != new[:1].isupper():
                    new = new[:1].swapcase() + new[1:]
                text = article.text[: f.start] + new + article.text[f.end :]
                changed = tuple(
                    replace(a, text=text) if a.file == article.file else a for a in docs
                )
                yield group, replace(docs, articles=changed), article.file, f.start
                made += 1
            if made and not every:
                break
