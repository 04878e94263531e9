"""An amount something requires is named as a requirement: "passage of the bill required only a 1/2
majority" is the "majority required for passage of the bill", "the amendment, which required 3/5"
the "majority required for amendment". A bare fraction of at least one half that a vote requires is
a majority; a smaller one a share.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from app.extraction.figures.phrases import noun_phrase, subject_phrase

NEED_VERBS = frozenset({"require", "need"})
FRACTION = re.compile(r"^(?P<a>\d+)/(?P<b>\d+)$")


def required_measure(quantity: Span) -> str | None:
    """ "<what> required for <subject>" for an amount that is the object of require/need, or None."""
    root = quantity.root
    inside = set(range(quantity.start, quantity.end))
    noun = root
    if root.dep_ in ("nummod", "amod", "compound", "quantmod", "nmod") and root.head.pos_ == "NOUN":
        noun = root.head
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_ not in NEED_VERBS:
        return None
    what = noun_phrase(noun, inside) if noun.i != root.i else _bare(quantity.text)
    if not what:
        return None
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        subject = noun_phrase(verb.head, inside)  # "H.R.1424, which required 3/5": the bill
    else:
        subject = subject_phrase(verb, inside)
    return f"{what} required for {subject}" if subject else f"{what} required"


def _bare(text: str) -> str | None:
    m = FRACTION.match(text.strip())
    if m is None or int(m["b"]) == 0:
        return None
    return "majority" if int(m["a"]) / int(m["b"]) >= 0.5 else "share"
