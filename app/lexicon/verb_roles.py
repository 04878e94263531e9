"""What the object of a verb is, for naming what a number measures.

Origin: written for this project from common English verbs of news copy. Membership rules: a
possession verb's object is not something done to it ("banks have 4 each"); a money verb has a
noun for the sum it moves ("saved" -> "savings"); a level verb's object states a level of its
subject ("exports hit $12 billion"), not what changed.
"""

from __future__ import annotations

# Verbs whose object is not something done to it: "banks have 4 each" does not read "had by banks"
# (nor does a length of time: "the event marks 75 years" is not "75 years marked by the event").
POSSESSION_VERBS = frozenset({"have", "get", "own", "hold", "contain", "include", "comprise", "lack", "need"})
# What a sum of money a verb does is called: "China saved $4 billion" is China's savings.
MONEY_NOUNS = {
    "save": "savings",
    "spend": "spending",
    "earn": "earnings",
    "lose": "losses",
    "invest": "investment",
    "borrow": "borrowing",
    "owe": "debt",
    "donate": "donation",
    "sell": "sales",
    "pay": "payment",
    "fine": "fine",
    "fin": "fine",  # the small English model lemmatises "fined" as "fin"
    "award": "award",
    "charge": "charge",
}
# Verbs whose object states a level of the subject ("exports hit $12 billion"), not what changed.
LEVEL_VERBS = frozenset({"be", "hit", "reach", "total", "post", "report", "record", "top", "exceed", "have"})
