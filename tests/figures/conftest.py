"""Shared fixtures of the figures tests: the default settings, the seeds and their result."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsaudit import corpus, figures
from newsaudit.config import SEEDS_DIR, FiguresConfig

CONFIG = FiguresConfig()


@pytest.fixture(scope="package")
def seeds() -> corpus.Corpus:
    return corpus.load(SEEDS_DIR)


@pytest.fixture(scope="package")
def result(seeds: corpus.Corpus) -> figures.FiguresResult:
    return figures.analyse(seeds, CONFIG)


@pytest.fixture()
def one() -> Callable[..., figures.Figure]:
    """The single figure of a text (fails when there is none or several)."""

    def single(text: str, **kwargs: object) -> figures.Figure:
        found = figures.extract_text(text, CONFIG, **kwargs)
        assert len(found) == 1, found
        return found[0]

    return single
