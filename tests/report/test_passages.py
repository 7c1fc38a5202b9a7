"""Tests for newsaudit.report.passages: aligned passages side by side, differences marked."""

import pytest

from newsaudit import corpus, overlap
from newsaudit.config import OverlapConfig
from newsaudit.report import passages

SOURCE = """Harbour tunnel to close for repairs

The city's main harbour tunnel will close for six weeks from Monday while engineers replace \
the ventilation system, transport officials announced on Thursday.

About 40,000 vehicles use the tunnel every day, and the closure is expected to add up to 30 \
minutes to journeys between the port and the western suburbs during rush hour.

"We know this is painful, but the fans are thirty years old and cannot be patched again," \
said Karin Olsen, head of the roads department, who told the Harbour Herald that night work \
alone would have taken more than a year.

Buses will run every five minutes on a temporary express route, and ferries across the bay \
will double their frequency. Cyclists can use the old swing bridge, which reopens on Saturday \
after its own renovation.

Shop owners near the tunnel entrance said they feared losing customers. The council has \
promised a support fund but has not said how much money will be available."""

COPY = """Tunnel closure: six weeks of detours ahead

The city's main harbour tunnel will close for six weeks from Monday while engineers replace \
the ventilation system, officials said on Thursday.

About 40,000 vehicles use the tunnel each day, and the closure is expected to add up to 30 \
minutes to journeys between the port and the western suburbs at rush hour.

Buses will run every five minutes on a temporary express route, and ferries across the bay \
will double their frequency.

(Courtesy: Harbour Herald)"""


def test_side_by_side_escapes_html_and_marks_differences():
    evil = SOURCE.replace("temporary express", "temporary <script>alert(1)</script> express")
    result = overlap.analyse(corpus.from_texts({"a": evil, "b": COPY}), OverlapConfig())
    table = passages.side_by_side(result, top=1)
    cells = " ".join(table.text_a) + " ".join(table.text_b)
    assert "<script>" not in cells
    assert "&lt;script&gt;" in cells
    assert "<del>" in cells or "<ins>" in cells


@pytest.mark.parametrize(
    ("a", "b", "a_html", "b_html"),
    [
        ("the cat sat", "the cat sat", "the cat sat", "the cat sat"),
        ("the cat sat", "the dog sat", "the <del>cat</del> sat", "the <ins>dog</ins> sat"),
        ("a <b> c", "a c", "a <del>&lt;b&gt;</del> c", "a c"),
    ],
)
def test_mark_differences(a, b, a_html, b_html):
    assert passages.mark_differences(a, b) == (a_html, b_html)
