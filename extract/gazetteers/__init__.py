"""Gazetteer builders (country forms from pycountry, Babel and the curated files)."""
