"""Optional dependencies: a feature whose extra is missing is exit 2 naming the extra."""

from __future__ import annotations

import pytest

from newsaudit import cli, engine, extras

ARTICLE = "Peacekeepers leave Mali\nTroops left Bamako on Friday.\n"


@pytest.fixture
def without(monkeypatch):
    """Pretend the given modules are not installed."""

    def hide(*modules: str) -> None:
        real = extras.find_spec
        monkeypatch.setattr(
            extras, "find_spec", lambda name: None if name in modules else real(name)
        )

    return hide


@pytest.mark.parametrize(
    ("hidden", "args", "extra"),
    [
        (("distributed",), ["--engine", "dask"], "dask"),
        (("pyarrow",), ["--parquet"], "parquet"),
    ],
)
def test_missing_extra_is_exit_2_naming_it(tmp_path, capsys, without, hidden, args, extra):
    without(*hidden)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code = cli.main(["analyse", str(tmp_path / "corpus"), "--out", str(tmp_path / "o"), *args])
    err = capsys.readouterr().err
    assert code == cli.EXIT_BAD_INPUT
    assert err.count("\n") == 1
    assert f"pip install 'newsaudit[{extra}]'" in err and hidden[0] in err
    assert not (tmp_path / "o").exists()  # refused before any work


def test_engine_refuses_dask_without_the_extra(without):
    without("dask")
    with pytest.raises(extras.MissingExtra, match=r"newsaudit\[dask\]"):
        engine.check("dask")


def test_large_corpora_get_parquet_only_when_installed(without):
    big = engine.PARQUET_FROM_ARTICLES
    assert engine.wants_parquet(big) == extras.available("parquet")
    without("pyarrow")
    assert not engine.wants_parquet(big)
    assert engine.wants_parquet(1, requested=True)  # asked for: write_parquet then says why


def test_every_extra_names_importable_modules_when_installed():
    """In the test environment (`make test` installs every extra) nothing is missing."""
    assert {name: extras.missing(name) for name in extras.EXTRAS} == {
        name: [] for name in extras.EXTRAS
    }
