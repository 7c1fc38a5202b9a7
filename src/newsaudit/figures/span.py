"""The span the extractor finds: a number expression in text with the interval it asserts."""

from __future__ import annotations

from dataclasses import dataclass

DATE_KINDS = ("year", "date")


@dataclass(frozen=True)
class Span:
    """A number expression found in text: char span, asserted interval, kind and unit."""

    start: int
    end: int
    low: float
    high: float
    kind: str
    unit: str
    qualifier: str = ""
    vague: bool = False
    relation: str = ""
    hyphen: str = ""  # compound suffix written with the number: "strong", "long", "magnitude"
    scale: float = 1.0  # magnitude written last in the number: "3 million" 1e6, "$2bn" 1e9
