"""Tests for newsaudit.overlap: seeds, quotes, direction evidence, frames, report helpers."""

import csv
import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from matplotlib.figure import Figure

from newsaudit import corpus, overlap
from newsaudit.config import SEEDS_DIR, OverlapConfig
from newsaudit.overlap import direction
from newsaudit.report.plots import overlap as plots_overlap

S000, S001, S002, S004 = (
    "000_a4af047524fcdb6d",
    "001_80e0c9edbeda333c",
    "002_ff0b82d8339bd64f",
    "004_4b0c1cccc6967a7c",
)

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

UNRELATED = """Orchestra names new conductor

The national orchestra has appointed the Finnish violinist Aino Lehto as its principal \
conductor from next season, the first woman to hold the post in its ninety-year history.

Lehto, 41, has led chamber ensembles across northern Europe and recorded the complete \
symphonies of a little-known romantic composer with a youth orchestra last year.

"I want the orchestra to play where people live, in schools and town halls," she said, \
adding that she would also commission works from young composers."""


@pytest.fixture(scope="module")
def seeds() -> overlap.OverlapResult:
    return overlap.analyse(corpus.load(SEEDS_DIR), OverlapConfig())


def _pair(result: overlap.OverlapResult, a: str, b: str) -> dict:
    rows = result.pairs[(result.pairs.article_a == a) & (result.pairs.article_b == b)]
    assert len(rows) == 1
    return rows.iloc[0].to_dict()


# ---------------------------------------------------------------------------------------------
# Seeds
# ---------------------------------------------------------------------------------------------
def test_seed_rewrite_is_ranked_first_by_a_clear_margin(seeds):
    top, second = seeds.pairs.iloc[0], seeds.pairs.iloc[1]
    assert (top.article_a, top.article_b) == (S000, S001)
    assert top.score >= 2 * second.score
    assert top.verdict == "derived"


def test_seed_rewrite_direction_and_evidence(seeds):
    pair = _pair(seeds, S000, S001)
    assert (pair["source"], pair["derived"]) == (S001, S000)
    assert pair["direction_confidence"] >= 0.5
    kinds = set(seeds.evidence[seeds.evidence.article_a == S000]["kind"])
    assert "attribution" in kinds
    assert "Al-Jazeera" in pair["evidence"] and "Al Jazeera" in pair["evidence"]
    assert pair["rewritten_passages"] >= 5  # a paraphrase, not a verbatim copy


def test_other_seed_pairs_are_not_derived(seeds):
    others = seeds.pairs.iloc[1:]
    assert len(seeds.pairs) == 10
    assert (others.verdict != "derived").all()
    assert _pair(seeds, S002, S004)["verdict"] == "independent"
    assert (seeds.clusters.article_id.tolist()) == [S000, S001]


def test_seed_frames_have_the_contract_columns_and_spans(seeds):
    assert list(seeds.pairs.columns[:9]) == overlap.PAIR_COLUMNS
    assert list(seeds.passages.columns) == overlap.PASSAGE_COLUMNS
    texts = {a.article_id: a.text for a in corpus.load(SEEDS_DIR)}
    for row in seeds.passages.itertuples():
        assert texts[row.article_a][row.start_a : row.end_a] == row.text_a
        assert texts[row.article_b][row.start_b : row.end_b] == row.text_b
    assert (seeds.pairs.article_a < seeds.pairs.article_b).all()
    assert seeds.pairs.score.is_monotonic_decreasing
    assert seeds.pairs.score.between(0, 1).all()


def test_analysis_is_deterministic(seeds):
    again = overlap.analyse(corpus.load(SEEDS_DIR), OverlapConfig())
    assert again.pairs.equals(seeds.pairs)
    assert again.passages.equals(seeds.passages)
    assert again.evidence.equals(seeds.evidence)


# ---------------------------------------------------------------------------------------------
# Small corpora written in the test
# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def tunnel() -> overlap.OverlapResult:
    texts = {"src": SOURCE, "copy": COPY, "other": UNRELATED}
    return overlap.analyse(corpus.from_texts(texts), OverlapConfig())


def test_credit_line_naming_the_other_outlet_gives_direction(tunnel):
    pair = _pair(tunnel, "copy", "src")
    assert pair["verdict"] == "derived"
    assert (pair["source"], pair["derived"]) == ("src", "copy")
    assert "Harbour Herald" in pair["evidence"]
    assert _pair(tunnel, "copy", "other")["verdict"] == "independent"


def test_publication_dates_outvote_length():
    arts = corpus.from_texts(
        {"src": SOURCE, "copy": COPY.replace("(Courtesy: Harbour Herald)", "")}
    )
    dated = [
        dataclasses.replace(a, published=dt.date(2024, 5, 2 if a.article_id == "src" else 1))
        for a in arts
    ]
    result = overlap.analyse(corpus.Corpus(tuple(dated)), OverlapConfig())
    pair = _pair(result, "copy", "src")
    assert pair["source"] == "copy"  # published first, so the (shorter) copy is the source
    assert "published first" in pair["evidence"]


def test_truncation_is_evidence_but_text_clues_alone_leave_direction_unknown():
    """On METER no text clue, alone or weighed together, is right 95 % of the time, so the
    learned model states no direction without a date or a credit: the clue is still shown."""
    cut = SOURCE[: SOURCE.index("Buses will run every") + 60]
    result = overlap.analyse(corpus.from_texts({"full": SOURCE, "cut": cut}), OverlapConfig())
    pair = _pair(result, "cut", "full")
    assert (pair["source"], pair["derived"]) == ("", "")
    clue = result.evidence[result.evidence.clue == "truncation"]
    assert clue.favours.tolist() == ["full"] and "mid-sentence" in pair["evidence"]


QUOTE_A = """Minister defends budget

The finance minister defended the spending plan in parliament on Wednesday against \
opposition claims that it favours the capital over the regions.

"Every region will receive more money next year than it did this year, without exception," \
said Finance Minister Petra Lind.

Opposition leaders announced they would vote against the plan and called for a debate on \
hospital funding in the northern provinces."""

QUOTE_B = """Regions sceptical of new budget

Mayors from the north met in Tromsdal on Thursday to compare notes on the government's \
budget, which several of them described as vague on rural transport.

Finance Minister Petra Lind told lawmakers: "Every region will receive more money next year \
than it did this year, without exception."

The mayors want a guaranteed share for ferry links and asked for a meeting with the \
transport ministry before the summer recess."""


def test_a_shared_quote_is_not_article_reuse():
    result = overlap.analyse(corpus.from_texts({"a": QUOTE_A, "b": QUOTE_B}), OverlapConfig())
    pair = _pair(result, "a", "b")
    assert pair["verdict"] == "independent"
    assert pair["shared_quotes"] == 1
    (quote,) = result.quotes.itertuples()
    assert quote.same_speaker
    assert quote.speaker_a.endswith("Petra Lind")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"We will not leave the city now," Mr. Ahmed Salih, the mayor, said on Monday.',
            "Ahmed Salih",
        ),
        (
            'The minister, Jane Doe, told reporters: "The budget will be balanced by next year."',
            "Jane Doe",
        ),
        ('"Prices have risen sharply this year," said Maria Lopez, an economist.', "Maria Lopez"),
        (
            'Ravi Patel spoke first. "The results speak for themselves today," he said.',
            "Ravi Patel",
        ),
        ('"A quotation nobody claims is still a quote," the report says.', ""),
    ],
)
def test_quote_speakers(text, speaker):
    (quote,) = overlap.quotes(text, OverlapConfig())
    assert quote.speaker == speaker


def test_large_corpora_keep_only_candidate_pairs():
    texts = {"src": SOURCE, "copy": COPY, "other": UNRELATED, "other2": QUOTE_A}
    result = overlap.analyse(corpus.from_texts(texts), OverlapConfig(all_pairs_max_articles=2))
    assert not result.all_pairs
    assert list(zip(result.pairs.article_a, result.pairs.article_b, strict=True)) == [
        ("copy", "src")
    ]


def test_clusters_are_connected_components_of_derived_pairs():
    texts = {
        "src": SOURCE,
        "copy": COPY,
        "copy2": COPY.replace("Tunnel closure", "Detours"),
        "other": UNRELATED,
    }
    result = overlap.analyse(corpus.from_texts(texts), OverlapConfig())
    assert set(result.clusters.article_id) == {"src", "copy", "copy2"}
    assert set(result.clusters.cluster) == {1}
    edges = result.edges()
    assert set(edges.columns) == {"source", "copy", "directed", "verdict", "score"}


# ---------------------------------------------------------------------------------------------
# Report helpers
# ---------------------------------------------------------------------------------------------
def test_plots_return_labelled_figures(seeds):
    heat = plots_overlap.heatmap(seeds)
    graph = plots_overlap.cluster_graph(seeds)
    assert isinstance(heat, Figure) and isinstance(graph, Figure)
    assert heat.axes[0].get_title() and heat.axes[0].get_xlabel() == "article"
    assert "source to copy" in graph.axes[0].get_title()


def test_seed_result_does_not_depend_on_the_synonym_list():
    result = overlap.analyse(corpus.load(SEEDS_DIR), OverlapConfig(synonyms=()))
    top = result.pairs.iloc[0]
    assert (top.article_a, top.article_b, top.verdict) == (S000, S001, "derived")


@pytest.mark.parametrize(
    "texts",
    [
        {"only": SOURCE},
        {"empty": "Headline only", "src": SOURCE},
        {"a": "Short\n\nOne line.", "b": "Short\n\nOne line."},
    ],
)
def test_degenerate_corpora(texts):
    result = overlap.analyse(corpus.from_texts(texts), OverlapConfig())
    assert len(result.pairs) == len(texts) * (len(texts) - 1) // 2
    assert list(result.passages.columns) == overlap.PASSAGE_COLUMNS
    assert result.matrix().shape == (len(texts), len(texts))


@pytest.mark.parametrize(
    ("usual", "odd", "slip"),
    [
        ("minusma", "munisma", True),
        ("government", "goverment", True),
        ("officer", "officers", False),
        ("farms", "forms", False),
        ("mali", "mail", False),
    ],
)
def test_is_slip(usual, odd, slip):
    assert direction._is_slip(usual, odd) is slip


def test_heatmap_limits_large_corpora_to_the_most_reusing_articles(seeds):
    assert seeds.most_reusing(2) == [S000, S001]
    fig = plots_overlap.heatmap(seeds, max_articles=2)
    assert len(fig.axes[0].get_xticklabels()) == 2


REALISTIC = Path(__file__).parents[1] / "data" / "overlap" / "realistic"


@pytest.mark.parametrize("story", ["fire", "fraud", "bus", "trial"])
def test_realistic_development_stories(story):
    """The hand-written METER-like development stories (the held-out ones are only evaluated
    by benchmarks/overlap_eval.py): copies of the wire are found, same-event reports are not."""
    texts = {
        p.stem: p.read_text(encoding="utf-8") for p in sorted(REALISTIC.glob(f"{story}_*.txt"))
    }
    pairs = overlap.analyse(corpus.from_texts(texts)).pairs
    verdicts = {frozenset((r.article_a, r.article_b)): r.verdict for r in pairs.itertuples()}
    with (REALISTIC / "labels.csv").open(encoding="utf-8") as f:
        gold = [row for row in csv.DictReader(f) if row["story"] == story]
    assert gold and all(r["split"] == "dev" for r in gold)
    assert {
        (r["article_a"], r["article_b"]): verdicts[frozenset((r["article_a"], r["article_b"]))]
        for r in gold
    } == {(r["article_a"], r["article_b"]): r["verdict"] for r in gold}


def test_quote_richness_counts_only_speakers_both_articles_name():
    texts = {
        "wire": "Fire at plant\n\nThe blaze destroyed a warehouse, manager Alan Petrie said.",
        "paper": 'Fire at plant\n\n"The whole sky was orange and then the smoke came down," '
        'said Joan Whitlock. "We worked very hard in difficult conditions," said Alan Petrie.',
    }
    a, b = (overlap.prepare(x, OverlapConfig()) for x in corpus.from_texts(texts))
    assert a.article.article_id == "paper"
    assert direction._quoted_words_of_shared_speakers(a, b) == 7  # Petrie's words, not Whitlock's
    assert direction._quoted_words_of_shared_speakers(b, a) == 0
