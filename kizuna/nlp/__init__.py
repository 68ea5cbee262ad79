"""Article text to parsed sentences, tokens and entity spans."""
