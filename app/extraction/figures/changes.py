"""Words that mark a figure as a change rather than a level ("rose 5%", "a 5% rise", "up 5%"), and
the noun a reader uses for what each change verb does.

Origin: written for this project, the common English verbs and nouns of rising and falling used in
business and economic reporting; membership: a word whose main sense is a change in an amount.
"""

from __future__ import annotations

from app.lexicon import words_of

CHANGE_VERBS = words_of(
    """
rise increase grow jump climb surge soar gain add fall drop decline decrease slip slide sink plunge
tumble slump shrink lose cut reduce lower raise boost expand contract narrow widen rebound recover
dip ease edge spike double halve triple rally retreat advance accelerate slow shed trim hike
"""
)
CHANGE_NOUNS = words_of(
    """
rise increase growth jump gain fall drop decline decrease cut reduction hike surge slump change
spike rebound drop-off uptick downturn boost raise loss
"""
)
CHANGE_ADVERBS = frozenset({"up", "down", "higher", "lower"})
# "undernourishment would increase by 49 percent": an increase in undernourishment.
_NOUN_OF = {"grow": "growth", "climb": "rise", "soar": "rise", "slip": "fall", "slide": "fall"}
_NOUN_OF |= {"sink": "fall", "plunge": "fall", "tumble": "fall", "reduce": "reduction"}
_NOUN_OF |= {"lower": "reduction", "raise": "increase", "boost": "increase", "shrink": "contraction"}
_NOUN_OF |= {"lose": "loss", "expand": "expansion", "hike": "increase", "add": "increase"}


def change_noun(verb_lemma: str) -> str:
    """The noun for a change verb: its own noun form when it has one ("rise"), else "change"."""
    if verb_lemma in _NOUN_OF:
        return _NOUN_OF[verb_lemma]
    return verb_lemma if verb_lemma in CHANGE_NOUNS else "change"
