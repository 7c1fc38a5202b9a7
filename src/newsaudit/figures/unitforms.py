"""Every written form of the units in `lexicon/en/figures/unit_families.yaml`, expanded once.

A family names a unit, its spelled names and symbols and the SI prefixes it takes; `names()`
gives every spelling ("kilometre", "kilometers", "square kilometres", "kilowatt-hours") by its
lower case, `symbols()` every symbol as written ("km", "kPa", "µg", "m²"), `glued_symbols()`
those read only against the digits ("1Ga", "5cd"), `per_units()` what may follow "per" or "/"
in a rate ("kg/m³", "litres per second"). `trie()` compiles a large alternation into a regex
that branches on one character at a time, so thousands of forms cost a few steps per number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from newsaudit import lexicon

_MICRO = ("µ", "μ")  # the micro sign and the Greek mu: both are written
_NO_DEFAULT_PLURAL = re.compile(r"\s(?:per|an?|of)\s")


@cache
def _families() -> dict:
    return lexicon.table("figures/unit_families")


def _plural(name: str) -> str:
    """The regular plural of a unit name: "metre" -> "metres", "inch" -> "inches"."""
    if name.endswith(("s", "x", "z", "ch", "sh")):
        return name + "es"
    if name.endswith("y") and name[-2:-1] not in "aeiou":
        return name[:-1] + "ies"
    return name + "s"


def _spellings(name: str) -> list[str]:
    """A name as written with spaces and with hyphens ("watt hour", "watt-hour")."""
    return list(dict.fromkeys([name, name.replace("-", " "), name.replace(" ", "-")]))


def _prefixed(prefix: str, name: str) -> str:
    """ "kilo" + "ohm" is "kilohm"; every other prefix name is written straight before."""
    return prefix[:-1] + name if prefix.endswith("o") and name.startswith("o") else prefix + name


def table_prefixes() -> dict[str, str]:
    """SI prefix name -> symbol ("kilo": "k")."""
    return dict(_families()["prefixes"])


@cache
def names() -> dict[str, str]:
    """Lower-case spelled form -> canonical unit, every prefix name and plural included."""
    data = _families()
    prefix_names: dict[str, str] = data["prefixes"]
    out: dict[str, str] = {}
    for unit, family in data["units"].items():
        singular = [n.lower() for n in family.get("names", ())]
        if "plural" in family:
            plural = [p.lower() for p in family["plural"] if p]
        else:
            plural = [_plural(n) for n in singular if not _NO_DEFAULT_PLURAL.search(n)]
        forms = [*singular, *plural]
        if family.get("bare_name", True):
            for form in forms:
                for spelled in _spellings(form):
                    out.setdefault(spelled, unit)
        for prefix, psym in prefix_names.items() if "prefixes" in family else ():
            canonical = f"{psym}{unit}"
            for form in forms:
                for spelled in _spellings(_prefixed(prefix, form)):
                    out.setdefault(spelled, canonical)
    out.update(_powers(out, {}))
    return out


@cache
def _symbol_table() -> tuple[dict[str, str], dict[str, str]]:
    """(symbols read spaced or glued, symbols read only glued), each symbol -> unit."""
    data = _families()
    spaced: dict[str, str] = {}
    glued: dict[str, str] = {}
    for unit, family in data["units"].items():
        into = glued if family.get("glued") else spaced
        for symbol in family.get("symbols", ()):
            bare = family.get("bare", True)
            if bare is True or (isinstance(bare, list) and symbol in bare):
                into.setdefault(symbol, unit)
            for psym in family.get("prefixes", ()):
                for written in _MICRO if psym == "µ" else (psym,):
                    into.setdefault(f"{written}{symbol}", f"{psym}{unit}")
    # one-letter symbols are read glued only ("12V"; "2 v 1" is a score), but for signs that
    # are no letter of English ("5 Ω", "3 Å")
    for symbol in [s for s in spaced if len(s) == 1 and s.isascii()]:
        glued.setdefault(symbol, spaced.pop(symbol))
    spaced.update(_powers(spaced, {}, symbols=True))
    return spaced, glued


def symbols() -> dict[str, str]:
    """Symbols read after a number, spaced or glued, in their own case: symbol -> unit."""
    return _symbol_table()[0]


def glued_symbols() -> dict[str, str]:
    """Symbols read only written against the digits ("1Ga", "5cd", "12MP"): symbol -> unit."""
    return _symbol_table()[1]


_POWER_UNIT = {"mile": "mi", "inch": "in"}


def _powers(forms: dict[str, str], out: dict[str, str], symbols: bool = False) -> dict[str, str]:
    """Squared and cubed lengths: "square kilometres", "sq ft", "cu. m", "km cubed" and, for
    symbols, "km²", "km2", "km^2"."""
    powers = _families()["powers"]
    lengths = set(powers["lengths"])
    for form, unit in forms.items():
        if unit not in lengths:
            continue
        base = _POWER_UNIT.get(unit, unit)
        for word, n in ((w, "2") for w in powers["square"]):
            out.setdefault(f"{word} {form}", f"{base}{n}")
        for word, n in ((w, "3") for w in powers["cubic"]):
            out.setdefault(f"{word} {form}", f"{base}{n}")
        for word in powers.get("square_after", ()):
            out.setdefault(f"{form} {word}", f"{base}2")
        for word in powers.get("cubic_after", ()):
            out.setdefault(f"{form} {word}", f"{base}3")
        if symbols:
            for n, sup in (("2", "²"), ("3", "³")):
                for written in (f"{form}{n}", f"{form}{sup}", f"{form}^{n}"):
                    out.setdefault(written, f"{base}{n}")
    return out


@cache
def power_names() -> dict[str, str]:
    """Spelled squared and cubed lengths as written after a hyphen, lower case -> unit:
    "square mile", "square-mile", "cubic metres", "sq-ft" ("a 5-square-mile farm")."""
    powers = _families()["powers"]
    words = {w.lower() for w in (*powers["square"], *powers["cubic"])}
    out: dict[str, str] = {}
    forms = [*names().items(), *((f.lower(), u) for f, u in symbols().items())]  # "sq ft"
    for form, unit in forms:
        if form.split(" ", 1)[0] in words and " " in form:
            for spelled in _spellings(form):
                out.setdefault(spelled, unit)
    return out


@cache
def per_units() -> dict[str, str]:
    """What may follow "per" or "/" to make a rate, lower case -> unit: durations ("hour",
    "h", "yr"), every unit name (singular) and symbol ("kg", "m³", "litre", "gallon")."""
    out = dict(per_durations())
    for form, unit in names().items():
        out.setdefault(form, unit)
    return out


@cache
def per_durations() -> dict[str, str]:
    """The durations (and "capita", "head") a rate is per, lower case -> unit."""
    return {str(k).lower(): str(v) for k, v in _families()["per_durations"].items()}


@cache
def per_symbols() -> dict[str, str]:
    """Symbols after "/" or "per", in their own case ("kg/m³", "µg/m3", "mg/L", "km/h"), one
    letter ones too: the slash keeps them from being words."""
    from newsaudit.figures.words import WORDS

    out = {**symbols(), **glued_symbols()}
    for form, unit in (*WORDS.unit_symbols.items(), *WORDS.physical_units.items()):
        out.setdefault(form, unit)
    return out


def unit_of(written: str) -> str | None:
    """The canonical unit of a form as written (symbols in their case, names in any)."""
    written = " ".join(written.split())
    return (
        symbols().get(written)
        or glued_symbols().get(written)
        or per_symbols().get(written)
        or names().get(written.lower())
        or per_units().get(written.lower())
    )


def trie(words: Iterable[str]) -> str:
    """Regex source matching any of `words`, longest first, branching one character at a
    time (a plain alternation of thousands of forms is tried form by form); a space matches
    any run of white space."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            atom = r"\s+" if ch == " " else re.escape(ch)
            branches.append(atom + walk(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if "" in node else body

    return walk(root)


@cache
def glued_pattern() -> str:
    """Regex source of every form, lower case, that may stand glued to the digits of a number
    ("10kpa", "1ga", "5mt"), for the number grammar's look-ahead on lowered text."""
    from newsaudit.figures.words import WORDS

    codes = (k.lower() for k, v in WORDS.currency_symbols.items() if k == v and k.isupper())
    forms = {
        *names(),
        *(s.lower() for s in symbols()),
        *(s.lower() for s in glued_symbols()),
        *codes,  # "115.5SEK": an ISO 4217 code glued after the amount
        # "7dollars", "40euros": a currency named glued to the amount, as typed in haste
        *(w.lower() for w in WORDS.currency_words if len(w) >= 3 and w.isalpha()),
        "h",  # "a 24h strike": hours, glued only (`units.after`)
        "f",  # "90F": Fahrenheit, read by `units.after` only where the clause is of temperature
    }
    return trie(sorted(forms))
