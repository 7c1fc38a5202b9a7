"""Tests for newsaudit.report.passages: aligned passages side by side, differences marked."""

import pytest

from newsaudit import corpus, overlap
from newsaudit.config import OverlapConfig
from newsaudit.report import passages

from ..overlap.test_overlap import COPY, SOURCE  # one copy of the fixture texts


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
