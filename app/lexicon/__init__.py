"""General linguistic resources, kept as documented data: each list says where its entries come
from and what rule decides membership. Nothing here is about any particular article.

Modules: ``speech`` (reporting verbs, non-speech nouns), ``people`` (roles, honorifics,
descriptors, pronouns), ``organisations`` (organisation heads and suffixes), ``given_names``,
``places`` (a small gazetteer), ``events`` (event trigger words by kind), ``topics`` (the topic
lexicon). Lists are written as whitespace-separated words and read with :func:`words_of`.
"""

from __future__ import annotations


def words_of(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string: easier to read, edit and review than
    a list literal. The one loader every lexicon uses."""
    return frozenset(text.split())
