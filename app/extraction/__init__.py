"""Extraction: from a parsed article (a spaCy Doc) to people, quotes, figures and events.

Each stage is a function of the Doc (and what earlier stages found), testable on its own:
people first (quotes and events refer to them), then quotes, figures and events.
"""
