"""Every currency code, sign and name of the lexicon reads back to its currency and amount.

Generated from `currency_symbols.yaml` and `currency_words.yaml`: a code or sign added to the
data is tested by adding it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsaudit import figures
from newsaudit.figures import units
from newsaudit.figures.words import WORDS
from tests.figures.conftest import CONFIG

_CODES = sorted(units.iso_codes())
# Signs written before the amount ("HK$", "₹", "Rs"); "#" is the wire's pound and read apart.
_SIGNS = sorted(WORDS.currency_symbols)
# Names written after the amount; pence, cents, pennies and coins are read in their own unit.
_NAMES = sorted(w for w in WORDS.currency_words if w.lower() == w and w.upper() != w)


def _money(text: str) -> list[tuple[float, str]]:
    return [(f.low, f.unit) for f in figures.extract_text(text, CONFIG) if f.kind == "money"]


@pytest.mark.parametrize("code", _CODES)
@pytest.mark.parametrize("written", ["{c} 450m", "{c}450m", "450m {c}", "450 {c}"])
def test_every_iso_code_before_or_after_the_amount(code: str, written: str) -> None:
    text = f"The group paid {written.format(c=code)} for it."
    value = 450.0 if written == "450 {c}" else 450e6
    assert _money(text) == [(value, code)]


@pytest.mark.parametrize("code", [c for c in _CODES if c.lower() not in WORDS.currency_words])
def test_every_iso_code_in_lower_case_is_no_money(code: str) -> None:
    """ "5 sek", "3 top": codes count in capitals only (but for the few of `currency_words`,
    "20 usd", written so in lower case)."""
    assert _money(f"They saw 5 {code.lower()} of them.") == []


@pytest.mark.parametrize(
    "sign",
    [
        pytest.param(
            s,
            marks=pytest.mark.xfail(
                reason="'Rs.25': the number grammar (numbers.py) reads '.25' after 'Rs'"
            ),
        )
        if s == "Rs."
        else s
        for s in _SIGNS
    ],
)
def test_every_sign_before_the_amount(sign: str) -> None:
    assert _money(f"The group paid {sign}25 for it.") == [(25.0, WORDS.currency_symbols[sign])]


@pytest.mark.parametrize("name", _NAMES)
def test_every_currency_name_after_the_amount(name: str) -> None:
    (found,) = _money(f"The group paid 3 million {name} for it.")
    assert found == (3e6, WORDS.currency_words[name])


@pytest.mark.parametrize(
    "text",
    [
        "It is the TOP 10 of the year.",
        "Delegates met at COP26 in Glasgow.",
        "The site runs PHP 7 and more.",
        "He said SDG 5 matters.",
        "ALL 5 OF THEM WON.",
    ],
)
def test_codes_that_are_words_or_names_are_no_money(text: str) -> None:
    assert _money(text) == []


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from(["", "m", "bn", "k", " million", " billion"]),
    st.sampled_from(_CODES),
)
def test_any_amount_with_any_code(amount: int, scale: str, code: str) -> None:
    factor = {"": 1, "m": 1e6, "bn": 1e9, "k": 1e3, " million": 1e6, " billion": 1e9}[scale]
    (found,) = _money(f"Revenue reached {code} {amount}{scale} last year.")
    assert found == (pytest.approx(amount * factor), code)
