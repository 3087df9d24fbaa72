"""vocab: gazetteers and lexicons as data files, each naming its source."""
