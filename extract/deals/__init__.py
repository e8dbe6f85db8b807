"""Deal records: built from a document's mentions (builder, cues, record), merged across documents (consolidate)."""
