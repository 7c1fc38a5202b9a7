"""Source overlap: which articles reuse which passages of which others, and in which direction.

Modules, in the order a run uses them:
- `candidates`: the shingle index proposing pairs (serial, or in pieces for a cluster);
  `index_words`: its words hashed from one byte array per piece of articles;
- `prepare`: one article's tokens (kept as a `token_table.TokenTable`), sentences,
  quotations (`quotes`), computed once;
- `alignment`: verbatim passages and rewritten sentences between two articles (`similarity`:
  its sentence-by-sentence similarity matrices; `near`: spelling-slip look-up);
- `pair`: one pair compared (containment each way, verdict, direction);
- `direction`: the clues for which article is the source; `direction_model`: the learned
  model weighing them (states a direction only when it is right 95 % of the time);
- `features`: the reuse evidence as numbers; `verdict`: the learned model weighing it;
- `reuse`: each article against all its possible sources together (article_reuse.csv);
- `groups`: the mapped compare step, one group of linked pairs compared and finished (`plan`:
  which articles are prepared together); `idf`: the corpus IDF on 64-bit feature keys;
- `analysis`: the corpus step (`analyse`, `combine`, `OverlapResult`); `frames`: its tables;
- `markup`: passages side by side with differences marked (HTML, for the report).

Use: `from newsaudit import overlap; result = overlap.analyse(corpus)`.
"""

from newsaudit.overlap.analysis import (
    OverlapResult,
    analyse,
    combine,
    corpus_idf,
    pairs_to_compare,
)
from newsaudit.overlap.direction import (
    attributions,
    compilation_evidence,
    credits,
    decide,
    self_references,
    with_corpus_evidence,
)
from newsaudit.overlap.frames import (
    CLUSTER_COLUMNS,
    EVIDENCE_COLUMNS,
    PAIR_COLUMNS,
    PAIR_EXTRA_COLUMNS,
    PASSAGE_COLUMNS,
    PASSAGE_INFO_COLUMNS,
    QUOTE_COLUMNS,
    clusters_frame,
    evidence_frame,
    pairs_frame,
    passage_info_frame,
    passages_frame,
    quotes_frame,
)
from newsaudit.overlap.groups import keep
from newsaudit.overlap.pair import align_pair, compare
from newsaudit.overlap.prepare import prepare
from newsaudit.overlap.quotes import Quote, quotes
from newsaudit.overlap.records import Evidence, PairResult, Prepared
from newsaudit.overlap.reuse import ARTICLE_REUSE_COLUMNS, ArticleReuse, article_reuse
from newsaudit.overlap.verdict import VERDICTS, directed, judge

__all__ = [
    "ARTICLE_REUSE_COLUMNS",
    "CLUSTER_COLUMNS",
    "EVIDENCE_COLUMNS",
    "PAIR_COLUMNS",
    "PAIR_EXTRA_COLUMNS",
    "PASSAGE_COLUMNS",
    "PASSAGE_INFO_COLUMNS",
    "QUOTE_COLUMNS",
    "VERDICTS",
    "ArticleReuse",
    "Evidence",
    "OverlapResult",
    "PairResult",
    "Prepared",
    "Quote",
    "align_pair",
    "analyse",
    "article_reuse",
    "attributions",
    "clusters_frame",
    "combine",
    "compare",
    "compilation_evidence",
    "corpus_idf",
    "credits",
    "decide",
    "directed",
    "evidence_frame",
    "judge",
    "keep",
    "pairs_frame",
    "pairs_to_compare",
    "passage_info_frame",
    "passages_frame",
    "prepare",
    "quotes",
    "quotes_frame",
    "self_references",
    "with_corpus_evidence",
]
