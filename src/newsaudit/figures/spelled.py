"""Spelled numbers: "two hundred and fifty", "a dozen", "two thirds", "five and a half million",
"two point five", "three twenty-firsts" (3/21), "two thirds of a million".

`parse_words` turns one spelled expression (found by `numbers.patterns()`) into a `Number`;
`split_at` says where two spelled cardinals side by side ("five six") stop being one number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsaudit.figures.words import WORDS

_SIGN_WORDS = ("minus", "negative")
# Tens that join a following unit ordinal into one denominator: "three twenty-firsts" = 3/21.
TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})


@dataclass(frozen=True)
class Number:
    """A parsed number: its value, and whether it is a proper fraction standing alone (a share
    of a whole: "two thirds", "3/4", "half"), which news means as a percentage."""

    value: float
    share: bool = False


@cache
def multiplier_words() -> dict[str, float]:
    """Words that multiply the number before them: "hundred", the dozens ("dozen", "doz") and
    the scale words, each also in the plural ("five hundreds", "1.5 millions")."""
    singular = {"hundred": 100.0, **dict.fromkeys(WORDS.dozen_words, 12.0), **WORDS.scale_words}
    return {**{f"{w}s": v for w, v in singular.items() if not w.endswith("s")}, **singular}


def split_at(text: str) -> int | None:
    """Offset in a spelled number where a second number starts: two cardinals side by side
    compose only as tens and units ("twenty-one"); "five six", "twenty twenty" and "nineteen
    eighty-four" are two numbers each (None when the text is one number)."""
    if (cut := _comma_split(text)) is not None:
        return cut
    found = list(re.finditer(r"[^\s,-]+", text.lower()))
    words = [m.group(0) for m in found] + [""]
    for i in range(1, len(found)):
        before, word, after = words[i - 1], words[i], words[i + 1]
        if before == "point":
            return None  # "nine point nought four": digits after the point
        if word not in WORDS.number_words or before not in WORDS.number_words:
            continue
        if before in TENS and 0 < WORDS.number_words[word] < 10:
            continue  # "twenty-one"
        if word in TENS and after in WORDS.fraction_words:
            continue  # "three twenty-firsts": a compound denominator
        if _ordinal_tail(words[i:-1]):
            return None  # "one one hundred and fifth": a numerator, then its denominator
        return found[i].start()
    return None


def year(text: str) -> int | None:
    """The year a spelled number names when spoken as two pairs of digits: 'nineteen eighty-four'
    -> 1984, 'twenty twenty' -> 2020, 'fifteen sixty-six' -> 1566
    (a first pair of fifteen to twenty, as years are read in digits); None otherwise."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t]
    if len(tokens) < 2 or WORDS.number_words.get(tokens[0], 0) not in range(15, 21):
        return None
    rest = tokens[1:]
    if len(rest) == 2 and not (rest[0] in TENS and 0 < WORDS.number_words.get(rest[1], 0) < 10):
        return None
    if len(rest) > 2 or any(t not in WORDS.number_words for t in rest):
        return None
    pair = sum(WORDS.number_words[t] for t in rest)
    if not 10 <= pair <= 99:
        return None
    return int(WORDS.number_words[tokens[0]] * 100 + pair)


def ordinal_value(text: str) -> int | None:
    """The rank of a spelled ordinal, compound ones too: 'third' -> 3, 'twenty-first' -> 21,
    'one hundred and first' -> 101, 'two hundred and twentieth' -> 220."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
    if not tokens:
        return None
    rank = 1 if tokens[-1] == "first" else WORDS.ordinal_words.get(tokens[-1])
    if rank is None or len(tokens) == 1:
        return rank
    head = _cardinal(tokens[:-1])
    if head is None or (tokens[-2] in TENS and rank >= 10):
        return None  # ("twenty tenth" is no ordinal)
    return int(head.value + rank)


def _comma_split(text: str) -> int | None:
    """Offset of the group after a comma that starts a second number: "seven million, fifty-six
    thousand and twenty" is one number (each group below the scale word before its comma and
    with a hundred or a scale word of its own), "one million, two million" two."""
    for m in re.finditer(r",\s+", text):
        scale = re.split(r"[\s-]+", text[: m.start()].lower())[-1]
        words = text[m.end() :].split(",")[0]
        group = parse_words(words)
        scaled = any(w in multiplier_words() for w in re.split(r"[\s-]+", words.lower()))
        if scale not in WORDS.scale_words or group is None or not scaled:
            return m.end()  # "a million, one of the biggest": the group names no hundreds
        if not 0 < group.value < WORDS.scale_words[scale]:
            return m.end()
    return None


def _ordinal_tail(words: list[str]) -> bool:
    """Whether the words are a compound spelled ordinal with a hundred or a scale in it ("one
    hundred and fifth", "two thousand and twentieths"): after a count, the denominator of a
    fraction ("one one hundred and fifth" = 1/105, "one one hundredth" = 1/100)."""
    if len(words) == 2 and WORDS.fraction_words.get(words[-1], 0) >= 100:
        return words[0] in WORDS.number_words  # "one one hundredth", "one two thousandth"
    return (
        len(words) > 2
        and words[-1] in WORDS.fraction_words
        and any(w == "hundred" or w in WORDS.scale_words for w in words[:-1])
        and all(
            w in WORDS.number_words or w in multiplier_words() or w == "and" for w in words[:-1]
        )
    )


def parse_words(text: str) -> Number | None:
    """Spelled number: 'ten' -> 10, 'two hundred and fifty' -> 250, 'a dozen' -> 12,
    'two thirds' -> 2/3 (a share), 'five and a half million' -> 5.5e6, 'two point five',
    'three twenty-firsts' -> 3/21, 'two thirds of a million' -> 666,667."""
    tokens = [t for t in re.split(r"[\s,-]+", text.lower().strip()) if t]
    sign = 1.0
    if tokens and tokens[0] in _SIGN_WORDS:
        sign, tokens = -1.0, tokens[1:]
    multipliers = multiplier_words()
    if len(tokens) > 3 and tokens[-3] == "of" and tokens[-1] in multipliers:
        part = parse_words(" ".join(tokens[:-3]))  # "two thirds of a million"
        if part is None:
            return None
        return Number(sign * part.value * multipliers[tokens[-1]])
    if tokens and tokens[-1] in WORDS.fraction_words:
        number = _fraction(tokens)
    else:
        number = _cardinal(tokens)
    return None if number is None else Number(sign * number.value, number.share)


def _fraction(tokens: list[str]) -> Number | None:
    """Tokens ending in a denominator word: 'three fifths', 'a twenty-first' (1/21), 'one
    hundred thirty-fifths' (100/35), 'one and a half', 'one hundred and three quarters'
    (a mixed number: the part after the last "and" over the denominator is below one),
    'one million and a half' (a fraction of the last scale word)."""
    denominator = float(WORDS.fraction_words[tokens[-1]])
    body = tokens[:-1]
    if (  # a compound denominator: "three twenty-firsts", "forty-one fifty-sixths"
        len(body) >= 2
        and body[-1] in TENS
        and denominator < 10
        and body[-2] not in ("and", "point")
    ):
        denominator += WORDS.number_words[body[-1]]
        body = body[:-1]
    # "one one hundred and fifth" (1/105), "one one hundredth" (1/100): a numerator, then a
    # compound ordinal, whose last word adds to its number or (a scale ordinal) multiplies it
    cut = split_at(" ".join(body)) if len(body) > 2 or denominator >= 100 else None
    if cut is not None:
        k = " ".join(body)[:cut].count(" ")
        numerator, rest = _cardinal(body[:k]), [t for t in body[k:] if t != "and"]
        whole = _cardinal(rest)
        if numerator is None or whole is None:
            return None
        if denominator >= 100:
            denominator *= whole.value
        else:
            denominator += whole.value
        value = numerator.value / denominator
        return Number(value, share=0 < value < 1)
    if denominator == 1:
        return None  # "twenty-first": an ordinal, no fraction
    if "and" in body and body[-1] != "and":  # "a hundred and fifth" is an ordinal
        cut = len(body) - 1 - body[::-1].index("and")
        whole, part = _cardinal(body[:cut]), _numerator(body[cut + 1 :])
        if whole is not None and part is not None and 0 < part / denominator < 1:
            # of the scale word or dozen before "and": "a million and a half", "a dozen and
            # a half" (18); never of "hundred": "one hundred and three quarters" is 100.75
            last = body[cut - 1] if cut else ""
            scale = 12.0 if last in WORDS.dozen_words else WORDS.scale_words.get(last, 1.0)
            return Number(whole.value + part / denominator * scale)
    numerator = _numerator(body)
    if numerator is None:
        return None
    if numerator > 1 and not tokens[-1].endswith("s") and tokens[-1] not in ("half", "quarter"):
        return None  # "the two millionth visitor", "one one hundred and fifth": ordinals
    value = numerator / denominator
    return Number(value, share=0 < value < 1)


def _numerator(tokens: list[str]) -> float | None:
    """The count of a fraction: none or 'a' is one."""
    if not tokens or tokens in (["a"], ["an"]):
        return 1.0
    number = _cardinal(tokens)
    return None if number is None else number.value


def _cardinal(tokens: list[str]) -> Number | None:
    """Spelled cardinal tokens, fractions inside ('five and a half million') included."""
    cardinals, fractions = WORDS.number_words, WORDS.fraction_words
    multipliers = multiplier_words()
    total = group = frac = since_and = 0.0
    last_scale = 1.0
    seen = after_fraction = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok == "and":
            since_and = 0.0
        elif tok in ("a", "an"):
            if not after_fraction and (nxt in multipliers or nxt in fractions):
                group, since_and = group + 1, since_and + 1
        elif tok in cardinals or re.fullmatch(r"\d+(?:\.\d+)?", tok):
            value = cardinals[tok] if tok in cardinals else float(tok)
            group, since_and = group + value, since_and + value
        elif tok in ("hundred", "hundreds"):
            group = (group - since_and) + (since_and or 1) * 100
            since_and = (since_and or 1) * 100
        elif tok in WORDS.dozen_words and 0 < since_and < group:
            group, since_and = group - since_and + since_and * 12, 0.0  # "300 and two dozen"
        elif tok in WORDS.dozen_words:
            group, frac, since_and = ((group + frac) or 1) * 12, 0.0, 0.0
        elif tok in multipliers:
            last_scale = multipliers[tok]
            total += ((group + frac) or 1) * last_scale
            group = frac = since_and = 0.0
        elif tok in fractions:
            numerator = since_and or 1.0
            at = i - 1 - (since_and > 0)  # the "and" before "a half" / "one half"
            if (
                group == since_and
                and at >= 1
                and tokens[at] == "and"
                and tokens[at - 1] in multipliers
                and not any(t in multipliers for t in tokens[i + 1 :])
            ):
                # "one million and a half": the fraction is of the last multiplier
                total += numerator / fractions[tok] * last_scale
                group = since_and = 0.0
            else:
                frac += numerator / fractions[tok]
                group -= since_and
                since_and = 0.0
        elif tok == "point":
            places = ""
            while i + 1 < len(tokens) and (tokens[i + 1] in cardinals or tokens[i + 1] == "oh"):
                digit = int(cardinals.get(tokens[i + 1], 0))  # "point oh five": "oh" is 0
                after = tokens[i + 2] if i + 2 < len(tokens) else ""
                if tokens[i + 1] in TENS and 0 < cardinals.get(after, 0) < 10:
                    digit, i = digit + int(cardinals[after]), i + 1  # "point seventy-one"
                places += str(digit)
                i += 1
            if not places:
                return None
            group += float("0." + places)
        else:
            return None
        after_fraction = tok in fractions
        seen = True
        i += 1
    if not seen:
        return None
    value = total + group + frac
    return Number(value, share=total == 0 and group == 0 and 0 < frac < 1)
