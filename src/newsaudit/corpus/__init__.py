"""Articles and corpora: reading a folder of .txt files, cleaning web-extraction debris.

Modules: `model` (Article, Corpus, CorpusError), `decode` (bytes to text: encodings, BOMs,
double-encoded UTF-8, binary files refused), `webpage` (HTML saved as .txt), `clean`
(boilerplate lines, credits, paragraphs), `files` (article files, metadata.csv, one article per
file with `read_job`, or its `Parts` with `read_parts` and `assemble`, the whole corpus with
`load`, or `from_texts`).
"""

from newsaudit.corpus.clean import clean, split_lines
from newsaudit.corpus.decode import decode, repair_encoding
from newsaudit.corpus.files import (
    FileJob,
    Parts,
    article_files,
    article_from_bytes,
    assemble,
    display_name,
    from_texts,
    load,
    parse_date,
    parts_from_bytes,
    read_job,
    read_metadata,
    read_parts,
    sha256_bytes,
)
from newsaudit.corpus.model import Article, Corpus, CorpusError
from newsaudit.corpus.webpage import html_to_text, looks_like_html

__all__ = [
    "Article",
    "Corpus",
    "CorpusError",
    "FileJob",
    "Parts",
    "article_files",
    "article_from_bytes",
    "assemble",
    "clean",
    "decode",
    "display_name",
    "from_texts",
    "html_to_text",
    "load",
    "looks_like_html",
    "parse_date",
    "parts_from_bytes",
    "read_job",
    "read_metadata",
    "read_parts",
    "repair_encoding",
    "sha256_bytes",
    "split_lines",
]
