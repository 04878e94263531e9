"""Verbs whose length of time is a term a reader names: a prison sentence, a detention, a ban.

"jailed a driver for ten months" is not the "length of" a driver: it is the driver's prison sentence;
"was detained for 48 hours" is the time someone was held; "banned for two years" is a ban.

Origin: written for this project from the common English verbs of courts, custody and discipline in
news reports. Membership rule: a verb whose "for"/"to" duration is the length of a penalty or of a
confinement imposed on its object (or its passive subject). Lemmas, lower case.
"""

from __future__ import annotations

from app.lexicon import words_of

# A court's penalty: the duration is a prison sentence.
SENTENCE_VERBS = words_of("jail imprison sentence incarcerate")
# Confinement that is not (or not said to be) a court's sentence: the time the person was held.
HELD_VERBS = words_of("detain hold confine intern keep kidnap abduct")
# Exclusions and suspensions: the duration is a ban or a suspension.
BAN_VERBS: dict[str, str] = {
    "ban": "ban",
    "bar": "ban",
    "suspend": "suspension",
    "exclude": "exclusion",
    "disqualify": "disqualification",
}
# Nouns that say the penalty is custody ("six months imprisonment", "ten years in prison").
CUSTODY_NOUNS = words_of("imprisonment prison jail custody detention incarceration")
# Subjects that make an "imprison" a court's sentence ("the court imprisoned him for two years").
COURT_NOUNS = words_of("court judge magistrate tribunal jury justice sheriff")
# Nouns a duration is a penalty "of" ("250 hours of community service"): the penalty itself is named.
# "service" and "arrest" only as "community service" and "house arrest" (compound word first).
PENALTY_NOUNS = words_of("probation curfew detention imprisonment supervision")
PENALTY_COMPOUNDS = {"service": "community", "arrest": "house", "work": "unpaid"}
