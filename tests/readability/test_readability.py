"""Readability: hand-counted worked examples, formula tables, textstat deviations, the seeds."""

import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from newsaudit import corpus, readability
from newsaudit.config import SEEDS_DIR, ReadabilityConfig

DATA = Path(__file__).parents[1] / "data" / "readability"
COUNTS = (
    "words",
    "sentences",
    "syllables",
    "polysyllables",
    "complex_words",
    "unfamiliar_words",
    "letters",
    "characters",
)

# Counted by hand; the working for each is in tests/data/readability/worked_examples.json.
WORKED = [
    # text, words, sentences, syllables, polysyllables, complex, unfamiliar, letters, characters
    ("The cat sat on the mat. It was a sunny day.", 11, 2, 12, 0, 0, 0, 31, 31),
    (
        "The U.N. Security Council met on Jan. 5 in New York. Mr. Smith said inflation rose to "
        "3.5 percent. Officials disagreed.",
        21, 3, 34, 4, 3, 4, 88, 91,
    ),
    ("Calls for Peace\n\nViolence spread to neighbouring and . Thousands died.",
     10, 3, 15, 2, 1, 1, 57, 57),
    ("“Why?” he asked. “Because the army left,” she said. Mr. Jones, 45, agreed.",
     13, 3, 17, 0, 0, 0, 48, 50),
    (
        "Growth slowed to 2.5 per cent in 2023. Then John F. Kennedy visited Berlin in June. "
        "The visit mattered.",
        19, 3, 26, 2, 0, 2, 74, 80,
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    (
        "text",
        "words",
        "sentences",
        "syllables",
        "poly",
        "complex_",
        "unfamiliar",
        "letters",
        "chars",
    ),
    WORKED,
)
def test_worked_examples_counted_by_hand(
    text, words, sentences, syllables, poly, complex_, unfamiliar, letters, chars
):
    result = readability.score_text(text)
    got = tuple(result[name] for name in COUNTS)
    assert got == (words, sentences, syllables, poly, complex_, unfamiliar, letters, chars)


def test_worked_examples_file_matches_the_table():
    examples = json.loads((DATA / "worked_examples.json").read_text())["examples"]
    assert [(e["text"], *(e[c] for c in COUNTS)) for e in examples] == WORKED


@pytest.mark.parametrize(
    ("text", "fre", "fkgl"),
    [
        # 11 words, 2 sentences, 12 syllables: 206.835 - 1.015*5.5 - 84.6*12/11
        (WORKED[0][0], 108.961591, -0.572273),
        # 21 words, 3 sentences, 34 syllables: 206.835 - 1.015*7 - 84.6*34/21
        (WORKED[1][0], 62.758571, 6.244762),
    ],
)
def test_worked_example_scores(text, fre, fkgl):
    result = readability.score_text(text)
    assert result["flesch_reading_ease"] == pytest.approx(fre, abs=1e-6)
    assert result["flesch_kincaid_grade"] == pytest.approx(fkgl, abs=1e-6)


@pytest.mark.parametrize(
    ("function", "args", "expected"),
    [
        (readability.flesch_reading_ease, (100, 5, 130), 76.555),
        (readability.flesch_kincaid_grade, (100, 5, 130), 7.55),
        (readability.gunning_fog, (100, 5, 10), 12.0),
        (readability.smog_index, (30, 30), 8.841847),
        (readability.smog_index, (10, 10), 8.841847),  # normalised to 30 sentences
        (readability.coleman_liau_index, (100, 5, 450), 9.18),
        (readability.automated_readability_index, (100, 5, 470), 10.707),
        (readability.dale_chall_readability_score, (100, 5, 10), 6.2075),  # > 5 %: + 3.6365
        (readability.dale_chall_readability_score, (100, 5, 5), 1.7815),  # exactly 5 %: no
        (readability.dale_chall_readability_score, (100, 5, 4), 1.6236),
    ],
)
def test_formula_table(function, args, expected):
    assert function(*args) == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize(
    "function",
    [
        readability.flesch_reading_ease,
        readability.flesch_kincaid_grade,
        readability.gunning_fog,
        readability.coleman_liau_index,
        readability.automated_readability_index,
        readability.dale_chall_readability_score,
    ],
)
def test_undefined_scores_are_nan_not_zero(function):
    assert math.isnan(function(0, 0, 0))


# ---------------------------------------------------------------------------------------------
# Where textstat 0.7.8 differs, and where it must not
# ---------------------------------------------------------------------------------------------
PLAIN = (
    "The cat sat on the mat. It was a sunny day. We went to the park and played with a big red "
    "ball."
)


def test_same_as_textstat_when_the_counts_agree():
    textstat = pytest.importorskip("textstat")
    ours = readability.score_text(PLAIN)
    assert (ours["words"], ours["sentences"], ours["syllables"]) == (
        textstat.lexicon_count(PLAIN),
        textstat.sentence_count(PLAIN),
        textstat.syllable_count(PLAIN),
    )
    assert ours["flesch_reading_ease"] == pytest.approx(textstat.flesch_reading_ease(PLAIN))
    assert ours["flesch_kincaid_grade"] == pytest.approx(textstat.flesch_kincaid_grade(PLAIN))
    assert ours["smog_index"] == pytest.approx(textstat.smog_index(PLAIN))


def test_coleman_liau_uses_the_published_0_0588_not_textstats_0_058():
    textstat = pytest.importorskip("textstat")
    ours = readability.score_text(PLAIN)
    letters_per_100 = 100 * ours["letters"] / ours["words"]
    assert ours["letters"] == textstat.letter_count(PLAIN)
    difference = ours["coleman_liau_index"] - textstat.coleman_liau_index(PLAIN)
    assert difference == pytest.approx(0.0008 * letters_per_100)


def test_textstat_drops_short_sentences_we_do_not():
    textstat = pytest.importorskip("textstat")
    text = "He left. She stayed. They all went home."
    assert textstat.sentence_count(text) == 1
    assert readability.score_text(text)["sentences"] == 3


def test_dale_chall_inflections_and_names_are_familiar_unlike_textstat():
    textstat = pytest.importorskip("textstat")
    text = "The boys played games near big cities."  # boy, play, game, city are on the list
    assert readability.score_text(text)["unfamiliar_words"] == 0
    assert textstat.difficult_words(text) >= 1
    named = "Officials said Amina Diallo spoke in Bamako."
    assert readability.score_text(named)["unfamiliar_words"] == 1  # only "Officials"


def test_a_name_opening_a_sentence_is_still_a_name():
    # "Malians" opens the first sentence; the second shows it is a name: familiar, not complex.
    text = "Malians protested again. Many Malians left."
    result = readability.score_text(text)
    assert readability.names_in(text) == frozenset({"Malians"})
    assert (result["unfamiliar_words"], result["complex_words"]) == (1, 0)  # "protested"
    alone = readability.score_text("Malians protested again.")
    assert (alone["unfamiliar_words"], alone["complex_words"]) == (2, 1)


def test_ari_counts_letters_and_digits_not_punctuation():
    ours = readability.score_text("Costs rose, again, by 5%!")
    assert ours["characters"] == len("Costsroseagainby5")


# ---------------------------------------------------------------------------------------------
# Text handling
# ---------------------------------------------------------------------------------------------
def test_glued_sentences_are_two_words_and_two_sentences():
    result = readability.score_text("The talks ended.The next day was calm.")
    assert (result["words"], result["sentences"]) == (8, 2)
    assert readability.words("ended.The end") == ["ended.", "The", "end"]


def test_urls_are_not_words():
    result = readability.score_text("Read it at https://example.com/a-long-path today.")
    assert result["words"] == 4


def test_headline_is_scored_separately_from_the_body():
    body = "The cat sat on the mat. It was a sunny day."
    result = readability.analyse(
        corpus.from_texts({"a": "Extraordinary International Headline\n\n" + body})
    )
    row = result.scores.iloc[0]
    assert row["words"] == 11
    assert row["headline_words"] == 3
    assert row["headline_flesch_reading_ease"] < row["flesch_reading_ease"]


def test_short_text_is_scored_with_a_warning():
    result = readability.analyse(corpus.from_texts({"short": "Headline\n\n" + WORKED[0][0]}))
    row = result.scores.iloc[0]
    assert bool(row["short_text_warning"])
    assert "only 11 words" in row["notes"]
    assert row["flesch_reading_ease"] == pytest.approx(108.961591, abs=1e-6)


def test_long_text_has_no_short_warning():
    text = "Headline\n\n" + " ".join(["The cat sat on the mat."] * 20)
    row = readability.analyse(corpus.from_texts({"long": text})).scores.iloc[0]
    assert row["words"] == 120
    assert not bool(row["short_text_warning"])


def test_headline_only_article_gives_nan_scores_and_a_warning():
    result = readability.analyse(corpus.from_texts({"empty": "Only a headline"}))
    row = result.scores.iloc[0]
    assert row["words"] == 0
    assert all(math.isnan(row[m]) for m in readability.METRICS)
    assert bool(row["short_text_warning"])


def test_min_words_comes_from_config():
    config = ReadabilityConfig(min_words=5)
    row = readability.analyse(
        corpus.from_texts({"a": "H\n\n" + WORKED[0][0]}), config
    ).scores.iloc[0]
    assert not bool(row["short_text_warning"])


def test_backends_can_be_swapped():
    config = ReadabilityConfig(syllable_backend="rules", comparison_backend="cmudict")
    result = readability.analyse(corpus.from_texts({"a": "H\n\n" + WORKED[1][0]}), config)
    assert result.backend == "rules (vowel groups)"
    assert result.scores.iloc[0]["syllables"] == 32
    assert result.scores.iloc[0]["syllables_alt"] == 34


# ---------------------------------------------------------------------------------------------
# The seeds
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seeds():
    return corpus.load(SEEDS_DIR)


@pytest.fixture(scope="module")
def result(seeds):
    return readability.analyse(seeds, ReadabilityConfig())


def test_score_columns_and_order(result, seeds):
    assert (
        tuple(result.scores.columns[: len(readability.SCORE_COLUMNS)]) == readability.SCORE_COLUMNS
    )
    assert list(result.scores["article_id"]) == sorted(seeds.ids)
    for extra in ("syllables", "polysyllables", "avg_sentence_length", "reading_time_min",
                  "flesch_reading_ease_alt", "flesch_kincaid_grade_alt",
                  "flesch_reading_ease_diff", "short_text_warning", "backend"):  # fmt: skip
        assert extra in result.scores.columns
    assert result.scores[list(readability.METRICS)].notna().all().all()


def test_backend_is_named(result):
    assert result.backend.startswith("cmudict ") and "rule fallback" in result.backend
    assert set(result.scores["backend"]) == {result.backend}
    assert result.backend in readability.method_note(result)


def test_backend_difference_is_alt_minus_main(result):
    s = result.scores
    diff = s["flesch_reading_ease_alt"] - s["flesch_reading_ease"]
    pd.testing.assert_series_equal(diff, s["flesch_reading_ease_diff"], check_names=False)
    assert (s["flesch_reading_ease_diff"].abs() < 10).all()  # two sane counters stay close


def test_deterministic(seeds, result):
    again = readability.analyse(seeds, ReadabilityConfig())
    pd.testing.assert_frame_equal(result.scores, again.scores)
    pd.testing.assert_frame_equal(result.paragraphs, again.paragraphs)


def test_paragraphs_add_up_to_articles(seeds, result):
    paras = result.paragraphs
    sums = paras.groupby("article_id")[["words", "sentences", "syllables"]].sum()
    scores = result.scores.set_index("article_id")
    for column in ("words", "sentences", "syllables"):
        assert (sums[column] == scores[column]).all()
    for row in paras.itertuples():
        assert (
            seeds[row.article_id].text[row.start : row.end]
            == seeds[row.article_id].paragraphs[row.paragraph]
        )


def test_every_article_flags_a_hardest_paragraph(result):
    paras = result.paragraphs
    assert set(paras.loc[paras["hardest"], "article_id"]) == set(result.scores["article_id"])
    assert not (paras["hardest"] & paras["is_heading"]).any()
    for _, group in paras.groupby("article_id"):
        flagged = group[group["hardest"]]["flesch_kincaid_grade"]
        rest = group[~group["hardest"] & group["rank_in_article"].notna()]["flesch_kincaid_grade"]
        assert rest.empty or flagged.min() >= rest.max()


def test_section_headings_are_their_own_sentences(seeds, result):
    """Seed 000 has six '...:' section headings: each is a sentence and counted."""
    row = result.scores.set_index("article_id").loc["000_a4af047524fcdb6d"]
    assert row["headings"] == 7  # six section headings and the "(Courtesy: Al-Jazeera)" line


def test_ranked_table_puts_hardest_first_with_tags(result):
    scores = result.scores.assign(genre="news", outlet="x")
    table = readability.ranked(scores, "flesch_reading_ease")
    assert list(table["rank"]) == list(range(1, len(scores) + 1))
    assert table["flesch_reading_ease"].is_monotonic_increasing  # lowest ease = hardest
    assert {"genre", "outlet"} <= set(table.columns)
    grade = readability.ranked(result.scores, "smog_index")
    assert grade["smog_index"].is_monotonic_decreasing
    with pytest.raises(ValueError, match="unknown readability metric"):
        readability.ranked(result.scores, "lix")


def test_join_tags_adds_genre_and_outlet(result):
    tags = pd.DataFrame(
        {"article_id": result.scores["article_id"][::-1], "genre": "news", "outlet": "X", "n": 1}
    )
    joined = readability.join_tags(result.scores, tags)
    assert list(joined["article_id"]) == list(result.scores["article_id"])
    assert set(joined["genre"]) == {"news"} and "n" not in joined.columns
    assert list(joined.columns[: len(readability.SCORE_COLUMNS)]) == list(
        readability.SCORE_COLUMNS
    )


def test_textstat_comparison_table(seeds, result):
    pytest.importorskip("textstat")
    table = readability.compare_textstat(seeds, result)
    assert set(table["measure"]) >= set(readability.METRICS)
    words = table[table["measure"] == "words"]
    assert (words["difference"].abs() <= 0.02 * words["newsaudit"]).all()


# ---------------------------------------------------------------------------------------------
# Offline
# ---------------------------------------------------------------------------------------------
def _can_cut_network() -> str:
    if shutil.which("unshare") is None:
        return "unshare is not installed"
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        return "unshare -n is not permitted here (needs root or user namespaces)"
    return ""


@pytest.mark.network
def test_runs_with_the_network_cut(seeds, result):
    reason = _can_cut_network()
    if reason:
        pytest.skip(reason)
    code = (
        "import json; from newsaudit import corpus, readability;"
        "from newsaudit.readability import syllables;"
        "from newsaudit.config import SEEDS_DIR;"
        "r = readability.analyse(corpus.load(SEEDS_DIR));"
        "print(json.dumps([r.backend, r.scores['flesch_reading_ease'].round(9).tolist(),"
        " syllables.count('Kremlin-affiliated')]))"
    )
    src = str(Path(readability.__file__).resolve().parents[2])
    done = subprocess.run(
        ["unshare", "-n", sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": src, "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    backend, fre, kremlin = json.loads(done.stdout)
    assert backend == result.backend
    assert fre == result.scores["flesch_reading_ease"].round(9).tolist()
    assert kremlin == 7


# ---------------------------------------------------------------------------------------------
# Charts (plots_readability)
# ---------------------------------------------------------------------------------------------
def test_charts_have_titles_and_labelled_axes(result):
    from newsaudit.report.plots import readability as plots

    tagged = result.scores.assign(genre="news", outlet="Example Times")
    figures = [
        plots.ranking(tagged),
        plots.ranking(result.scores, "flesch_reading_ease"),  # works without genre/outlet
        plots.paragraph_spread(result),
        plots.backend_difference(result.scores),
        plots.metric_profile(tagged),
    ]
    for fig in figures:
        ax = fig.axes[0]
        assert ax.get_xlabel() and ax.get_ylabel()
        assert ax.get_title() or fig.get_suptitle()
    ax = figures[0].axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    top = labels[int(np.argmax(ax.get_yticks()))]
    assert top.startswith(readability.ranked(tagged)["article_id"][0])  # hardest on top
    assert all("Example Times" in label for label in labels)


def test_prose_columns_leave_headings_out(result):
    row = result.scores.set_index("article_id").loc["000_a4af047524fcdb6d"]
    # Headings are short sentences: without them sentences get longer and the grade rises.
    assert row["flesch_kincaid_grade_prose"] > row["flesch_kincaid_grade"]
    no_heading = result.scores.set_index("article_id").loc["001_80e0c9edbeda333c"]
    assert no_heading["flesch_kincaid_grade_prose"] == pytest.approx(
        no_heading["flesch_kincaid_grade"]
    )
