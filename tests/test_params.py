"""Parameter files: every setting is checked against its type; a wrong one is exit 2, one line."""

from __future__ import annotations

import typing

import pytest

from newsaudit import cli
from newsaudit.config import DEFAULT
from newsaudit.params import ParamsError, read_params

# (YAML of the parameters file, the setting named, the expected type in words)
WRONG = [
    ("overlap:\n  min_passage_words: ten\n", "overlap.min_passage_words", "an integer"),
    ("overlap:\n  min_passage_words: 3.5\n", "overlap.min_passage_words", "an integer"),
    ("corpus:\n  max_bytes: true\n", "corpus.max_bytes", "an integer"),
    ("corpus:\n  strict: 'yes'\n", "corpus.strict", "true or false"),
    ("readability:\n  hardest_share: lots\n", "readability.hardest_share", "a number"),
    ("readability:\n  syllable_backend: 3\n", "readability.syllable_backend", "a string"),
    ("tagging:\n  known_outlets: BBC\n", "tagging.known_outlets", "a list of strings"),
    ("tagging:\n  known_outlets: [BBC, 3]\n", "tagging.known_outlets[1]", "a string"),
    ("tagging:\n  name_stopwords: {The: 1}\n", "tagging.name_stopwords", "a list of strings"),
    (
        "corpus:\n  boilerplate_patterns: ['share (this']\n",
        "corpus.boilerplate_patterns[0]",
        "a regular expression",
    ),
]


@pytest.mark.parametrize(("yaml_text", "setting", "expected"), WRONG)
def test_wrong_type_names_file_setting_and_type(tmp_path, yaml_text, setting, expected):
    file = tmp_path / "params.yaml"
    file.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ParamsError) as err:
        read_params(file)
    message = str(err.value)
    assert message.startswith(f"{file}: setting {setting} must be {expected}, got ")
    assert "\n" not in message


def test_wrong_type_on_the_command_line_is_exit_2_one_line(tmp_path, capsys):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text("Headline\nBody text here.\n", encoding="utf-8")
    (tmp_path / "p.yaml").write_text("overlap:\n  min_passage_words: ten\n", encoding="utf-8")
    args = ["analyse", str(tmp_path / "corpus"), "--out", str(tmp_path / "out")]
    code = cli.main([*args, "--params", str(tmp_path / "p.yaml")])
    err = capsys.readouterr().err
    assert code == cli.EXIT_BAD_INPUT
    assert err.count("\n") == 1
    assert "p.yaml: setting overlap.min_passage_words must be an integer, got 'ten'" in err


@pytest.mark.parametrize(
    ("section", "values", "expected"),
    [
        ("readability", {"hardest_share": 1}, {"hardest_share": 1.0}),  # an int is a number
        ("tagging", {"known_outlets": ["BBC"]}, {"known_outlets": ("BBC",)}),  # lists -> tuples
        ("corpus", {"strict": True, "max_bytes": 10}, {"strict": True, "max_bytes": 10}),
    ],
)
def test_right_types_are_accepted(section, values, expected):
    settings = DEFAULT.with_overrides({section: values})
    got = {k: getattr(getattr(settings, section), k) for k in values}
    assert got == expected


def test_every_default_passes_its_own_type_check():
    """The defaults, written back as YAML-like plain data, are accepted unchanged."""
    plain = {
        section: {k: _plain(v) for k, v in values.items()}
        for section, values in DEFAULT.as_dict().items()
    }
    assert DEFAULT.with_overrides(plain) == DEFAULT


def _plain(value: typing.Any) -> typing.Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
