"""Text basics shared by every analysis, implemented once.

- `fold`: case, accents, typographic quotes and dashes, digit grouping (`fold.fold`), and the
  letters-only key used to compare spellings of a name (`fold.name_key`), ASCII lower case
  for fast case-insensitive matching (`fold.ascii_lower`), and the offset-keeping lower case
  the figures patterns run on (`fold.lower_keep_offsets`);
- `tokens`: word tokens with char spans (`tokens.tokens`) and the fast word list that feeds
  shingle hashing (`tokens.words`);
- `sentences`: sentence spans that survive abbreviations, decimals and initials;
- `abbreviations`: the abbreviation and sentence-opener lists the splitter consults (lexicon
  data: `lexicon/en/abbreviations/`, `lexicon/en/sentence_openers.txt`);
- `numerals`: figures as read aloud ("14,000" -> "fourteen thousand"), for syllable counts;
- `distance`: bounded Levenshtein distance.
"""
