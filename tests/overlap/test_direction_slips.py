import pytest

from newsaudit.config import OverlapConfig
from newsaudit.overlap.direction import _typo_evidence
from newsaudit.overlap.prepare import prepare
from tests.conftest import corpus_of

CONFIG = OverlapConfig()


def _evidence(a: str, b: str) -> list[str]:
    arts = corpus_of({"a": a, "b": b}).articles
    pa, pb = (prepare(x, CONFIG) for x in arts)
    return [e.favours for e in _typo_evidence(pa, pb, CONFIG)]


@pytest.mark.parametrize(
    ("a", "b", "favours"),
    [
        # a slip beside the usual spelling (used more often) in a, carried into b
        (
            "The government said. The government agreed. The government and the goverment.",
            "The goverment spoke today about the plan.",
            ["a"],
        ),
        # the usual spelling used as often as the slip: no repeated word to be its variant
        ("The government met. The goverment spoke.", "The goverment spoke today.", []),
        # the slip is the usual spelling in b too: nothing carried
        (
            "The government said. The government agreed. The goverment.",
            "The goverment spoke. The government met. The government agreed.",
            [],
        ),
    ],
)
def test_shared_misspelling_points_to_where_it_was_made(a, b, favours):
    assert _evidence(a, b) == favours
