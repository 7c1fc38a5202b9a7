"""The report's table of measured error rates, and the benchmarks writing their numbers back."""

from __future__ import annotations

import shutil

import pytest
import yaml
from benchmarks import measured

from newsaudit.report.views import overview

FIELDS = {"analysis", "measure", "value", "data", "real", "source"}


def test_every_rate_is_complete_and_keys_are_unique():
    rates = overview.measured()["rates"]
    keys = [r["key"] for r in rates if "key" in r]
    assert len(keys) == len(set(keys))
    for rate in rates:
        assert set(rate) >= FIELDS, rate
        assert 0.0 <= float(rate["value"]) <= 1.0


def test_every_key_the_benchmarks_write_is_in_the_shipped_table(tmp_path):
    path = tmp_path / "measured.yaml"
    shutil.copy(measured.MEASURED, path)
    keys = [
        "meter.binary",
        "meter.three",
        "basil.link_precision",
        "basil.link_recall",
        "basil.no_alarm",
        "basil.injected",
        "numbers.quantulum3",
    ]
    assert measured.record({k: {"value": "0.5"} for k in keys}, path) == keys


@pytest.mark.parametrize(
    ("field", "text", "read_back"),
    [
        ("value", "0.61", 0.61),
        (
            "data",
            "BASIL, 37 real triplets (years 12 of 19)",
            "BASIL, 37 real triplets (years 12 of 19)",
        ),
        ("data", "quantulum3's sentences", "quantulum3's sentences"),
        ("measure", "alarms: 2 in 2 of 75", "alarms: 2 in 2 of 75"),
        ("measure", 'a "quoted" # word', 'a "quoted" # word'),
    ],
)
def test_record_sets_one_field_and_keeps_every_other_line(tmp_path, field, text, read_back):
    path = tmp_path / "measured.yaml"
    shutil.copy(measured.MEASURED, path)
    before = path.read_text(encoding="utf-8").splitlines()
    measured.record({"basil.injected": {field: text}}, path)
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) <= 1
    rate = next(
        r for r in yaml.safe_load("\n".join(after))["rates"] if r.get("key") == "basil.injected"
    )
    assert rate[field] == read_back


def test_a_key_the_table_lacks_is_an_error_and_nothing_is_written(tmp_path):
    path = tmp_path / "measured.yaml"
    shutil.copy(measured.MEASURED, path)
    text = path.read_text(encoding="utf-8")
    with pytest.raises(KeyError, match="no rate with key nowhere"):
        measured.record({"nowhere": {"value": "0.1"}}, path)
    assert path.read_text(encoding="utf-8") == text
