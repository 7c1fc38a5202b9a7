"""newsaudit: audit a set of news articles about one event (overlap, figures, readability)."""

__version__ = "0.1.0"
