"""Extraction: the language pipeline (spaCy) and claims out of parsed sentences."""
