"""Entities: the gazetteer of known names, name normalisation, and recognition in text."""
