"""spaCy pipeline components, one per module: tagger, patterns, resolver."""
