"""Scoring the extraction: span-level gold of the samples, document-level gold of real articles."""
