"""Newsroom Knowledge Base: quotes, people, figures and events from news, with evidence."""

__version__ = "0.1.0"
