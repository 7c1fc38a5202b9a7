"""The figures analysis's language knowledge, read once from `lexicon/en/figures/`.

Each field is one file named after it: `NAME.txt` for a word list, `NAME.yaml` for a mapping.
The field's type says the shape the file must have; a wrong shape is a `LexiconError` naming
the file. Thresholds stay in `FiguresConfig`; these are facts about English news writing.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache
from typing import Any, get_type_hints

from newsaudit import lexicon
from newsaudit.lexicon import LexiconError


@dataclass(frozen=True)
class FiguresWords:
    """Word lists and tables of the figures analysis (see the comment at the top of each file)."""

    qualifiers: dict[str, str]
    number_words: dict[str, int]
    scale_words: dict[str, float]
    dozen_words: tuple[str, ...]
    scale_suffixes: dict[str, float]
    vague_amounts: dict[str, tuple[float, float]]
    vague_need_unit: tuple[str, ...]
    ordinal_words: dict[str, int]
    duration_units: dict[str, tuple[str, float]]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    scaled_currencies: dict[str, tuple[str, float]]
    percent_words: tuple[str, ...]
    physical_units: dict[str, str]
    unit_symbols: dict[str, str]
    metre_words: tuple[str, ...]
    fraction_words: dict[str, int]
    thing_classes: dict[str, tuple[str, ...]]
    event_classes: dict[str, tuple[str, ...]]
    event_ignore: tuple[str, ...]
    measure_nouns: tuple[str, ...]
    generic_measure_nouns: tuple[str, ...]
    measure_synonyms: dict[str, str]
    subject_synonyms: dict[str, str]
    owner_generic_words: tuple[str, ...]
    reporting_verbs: tuple[str, ...]
    determiners: tuple[str, ...]
    date_event_classes: dict[str, tuple[str, ...]]
    measure_aliases: dict[str, str]
    presence_events: tuple[str, ...]
    people_groups: tuple[str, ...]
    harm_events: tuple[str, ...]
    generic_things: tuple[str, ...]
    implicit_things: dict[str, str]
    cause_nouns: tuple[str, ...]
    agent_exclude: tuple[str, ...]
    place_nouns: tuple[str, ...]
    phrase_breaks: tuple[str, ...]
    auxiliaries: tuple[str, ...]
    relative_years: dict[str, int]
    anaphoric_years: tuple[str, ...]
    future_cues: tuple[str, ...]
    baseline_markers: tuple[str, ...]
    baseline_nouns: tuple[str, ...]
    date_relations: dict[str, str]
    neutral_modifiers: tuple[str, ...]
    percentage_points: tuple[str, ...]
    suffix_qualifiers: dict[str, str]
    identifier_words: tuple[str, ...]
    street_words: tuple[str, ...]
    weight_cues: tuple[str, ...]
    one_units: tuple[str, ...]
    one_pronoun_before: tuple[str, ...]
    one_pronoun_after: tuple[str, ...]
    compound_units: dict[str, tuple[str, float]]
    month_abbreviations: dict[str, int]
    multiplicatives: dict[str, float]
    ratio_cues: tuple[str, ...]
    change_words: tuple[str, ...]
    change_amounts: dict[str, tuple[str, ...]]
    level_verbs: tuple[str, ...]
    not_decade_cues: tuple[str, ...]
    over_verbs: tuple[str, ...]
    age_persons: tuple[str, ...]


def _value(name: str, kind: Any, raw: Any) -> Any:
    """`raw` (from YAML) as the field's type; a LexiconError names the file when it is not."""
    where = lexicon.path(f"figures/{name}", ".yaml")
    value_kind = kind.__args__[1]
    out = {}
    for key, item in raw.items():
        try:
            if value_kind == tuple[str, float]:
                value = (str(item["unit"]), float(item["factor"]))
            elif value_kind == tuple[float, float]:
                low, high = item
                value = (float(low), float(high))
            elif value_kind == tuple[str, ...]:
                if not isinstance(item, list):
                    raise TypeError
                value = tuple(str(x) for x in item)
            else:
                if isinstance(item, (list, dict)):
                    raise TypeError
                value = value_kind(item)
        except (TypeError, ValueError, KeyError):
            raise LexiconError(f"{where}: entry {key!r} is not a {value_kind}") from None
        out[str(key)] = value
    return out


@cache
def load() -> FiguresWords:
    """Every figures word list, read and checked once per process."""
    hints = get_type_hints(FiguresWords)
    values = {}
    for field in dataclasses.fields(FiguresWords):
        kind = hints[field.name]
        if kind == tuple[str, ...]:
            values[field.name] = lexicon.words(f"figures/{field.name}")
        else:
            raw = lexicon.table(f"figures/{field.name}")
            values[field.name] = _value(field.name, kind, raw)
    return FiguresWords(**values)


WORDS = load()
