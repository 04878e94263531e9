"""What a counted noun measures: the noun with what it does or undergoes in its clause.

"340 stores closed by the chain", "shells fired at border posts", "votes (Lee elected)": a count
is told apart from other counts of the same noun by its verb, the verb's subject and its place.
"""

from __future__ import annotations

from spacy.tokens import Token

from app.extraction.figures.contests import TALLY_VERBS, margin_measure, name_of, tally_phrase
from app.extraction.figures.framing import COUNT_NOUN_UNITS
from app.extraction.figures.phrases import (
    child_of,
    noun_phrase,
    same_line,
    subject_of,
    subject_phrase,
    subtree_words,
    trim,
    with_owner,
)
from app.extraction.figures.predicate import predicate
from app.extraction.figures.referents import doer
from app.lexicon.events import TRIGGERS

# Words that only place a count in a sequence ("led the following 14 laps"): not which things.
SEQUENCE_WORDS = frozenset({"following", "next", "previous", "preceding", "subsequent"})
# Kinds of events one holds ("hold three public hearings", "held two summits"): not possessions.
HELD_KINDS = frozenset(
    {"meeting", "summit", "vote", "election", "hearing", "fair", "match", "race", "strike"}
)
# Prepositions of the places a study's subjects come from ("pupils from 40 schools"): its sources.
SOURCE_PREPS = frozenset({"from", "across"})
# Nouns for a study whose sources are counted ("a survey of pupils from 40 schools": schools in the survey).
STUDY_NOUNS = frozenset(
    {"survey", "study", "poll", "sample", "census", "trial", "review", "analysis", "audit"}
)
# Prepositions after a verb that add a time or a source, not what was counted.
PLACE_SKIP = frozenset({"on", "in", "since", "during", "according", "after", "before", "until", "as"})


def own_modifiers(noun: Token) -> set[int]:
    """The words that say which things were counted ("412 Alpine goats", "six hard drives", "three
    remaining ferries"): the noun's adjectives and compounds before it, without the number."""
    kept: set[int] = set()
    for child in noun.lefts:
        sub = list(child.subtree)
        if child.dep_ in ("compound", "amod", "nmod") and not any(t.like_num for t in sub):
            kept.update(t.i for t in sub)
    return kept


def counted_measure(noun: Token, inside: set[int]) -> str | None:
    """ "340 stores" closed by ...: the counted noun with what it does or undergoes, the way a reader
    says it: "stores closed by the chain", "shells fired at border posts", "votes (Lee elected)"."""
    inside = inside | {c.i for c in noun.lefts if c.lower_ in SEQUENCE_WORDS}  # "the next ten laps"
    phrase = noun_phrase(noun, inside) or noun.text
    role = _first_conjunct(noun)  # "80 riders and 12 staff were aboard": the staff were aboard too
    if role.i != noun.i and role.i in inside and role.ent_type_ == "NORP" and role.i + 1 < noun.i:
        phrase = f"{role.text} and {phrase}"  # "20 Chilean and Lima-based firms": one noun, two modifiers
    head = role.head
    if not same_line(noun, head) or head.i == role.i:
        return phrase
    if role.dep_ == "pobj" and head.lower_ == "including" and (whole := _whole_of(head, inside)):
        return trim(f"{phrase} among {whole}")  # "90 companies, including 12 banks": banks among companies
    if (verb := _misread_object(role, head)) is not None:
        return trim(_group_measure(verb, "dobj", inside) or _object_measure(phrase, verb, role, inside))
    relation = "of" if role.dep_ == "pobj" and head.lower_ == "of" else role.dep_
    if (group := _group_measure(head.head if relation == "of" else head, relation, inside)) is not None:
        return trim(group)
    if role.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        said = predicate(head, inside)
        if head.lemma_ == "have" and said.split()[0] == head.text and child_of(head, ("dobj",)) is not None:
            said = "with " + said.partition(" ")[2]  # "18 firms have 1 complaint": firms with 1 complaint
        return trim(f"{phrase} {said}")
    if role.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
        owner = name_of(subject_of(head)) if head.lemma_.lower() in TALLY_VERBS else None
        if noun.lower_ in COUNT_NOUN_UNITS and owner is not None:
            return trim(tally_phrase(owner, _tally_words(noun), noun))  # "Ana Lutz received 4,100 votes"
        return trim(_object_measure(phrase, head, role, inside))
    margin = margin_measure(noun, head, head.head) if noun.dep_ == "pobj" else None
    if noun.lower_ in COUNT_NOUN_UNITS and margin is not None:
        return trim(margin)  # "defeated Ivo Marsh by 512 votes"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and head.lower_ != "of":
        verb = head.head
        if head.lower_ == "with" and (owner := _named_subject(verb)) is not None:
            return trim(tally_phrase(owner, _tally_words(noun), noun))
        subject = subject_phrase(verb, inside)
        return trim(f"{phrase} ({subject} {verb.text})" if subject else f"{phrase} ({verb.text})")
    if (owner := _scorer(noun, head)) is not None:
        return trim(tally_phrase(owner, _tally_words(noun), noun))
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            if child.text in phrase.split():
                return phrase  # the noun phrase already carries its clause
            obj = child_of(child, ("dobj", "prep", "agent"))
            tail = " " + subtree_words(obj, inside) if obj is not None else ""
            return trim(f"{phrase} {child.text}{tail}")
    if (company := _in_company(noun, role)) is not None:
        return trim(f"{phrase} {company}")
    if phrase == noun.text and (owner := with_owner(noun, inside)) is not None:
        return trim(f"{phrase} {owner}")  # "held with a turnout of 1.2 million voters"
    study = head.head
    if study.lemma_.lower() not in STUDY_NOUNS and study.dep_ == "pobj" and study.head.lower_ == "of":
        study = study.head.head  # "a survey of pupils from 40 schools": the pupils' schools
    if noun.dep_ == "pobj" and head.lower_ in SOURCE_PREPS and study.lemma_.lower() in STUDY_NOUNS:
        return f"{phrase} in the {study.text}" if phrase == noun.text else phrase  # "pupils from 40 schools"
    return phrase


def _whole_of(including: Token, inside: set[int]) -> str | None:
    """What an "including" phrase is a part of: the noun it hangs on, or the object of the verb it
    hangs on ("pulled 12 people from the rubble, including three children"), without its number."""
    whole = including.head
    if whole.pos_ == "VERB":
        whole = child_of(whole, ("dobj",))  # type: ignore[assignment]
    if whole is None or whole.pos_ != "NOUN":
        return None
    numbers = {t.i for c in whole.lefts if c.dep_ in ("nummod", "quantmod") for t in c.subtree}
    return noun_phrase(whole, inside | numbers)


def _tally_words(noun: Token) -> str:
    """A tally's own words ("votes", "valid votes"): what follows the noun belongs to the clause."""
    doc = noun.doc
    return " ".join(doc[i].text for i in sorted(own_modifiers(noun) | {noun.i}))


def _in_company(noun: Token, first: Token) -> str | None:
    """ "a dinner with Moreno, Adeyemi and five ministers": a count listed after named people in a
    "with" phrase of an event noun counts those present: "ministers at dinner with Moreno and Adeyemi"."""
    prep = first.head
    if first.i == noun.i or first.dep_ != "pobj" or prep.lower_ != "with" or prep.head.pos_ != "NOUN":
        return None
    if prep.head.lemma_.lower() not in TRIGGERS:
        return None
    names = [t for t in first.doc[first.i : noun.i] if t.dep_ in ("pobj", "conj") and t.pos_ == "PROPN"]
    if not names or any(name_of(t) is None for t in names):
        return None
    listed = [name_of(t) or "" for t in names]
    said = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + f" and {listed[-1]}"
    return f"at {prep.head.text} with {said}"


def _misread_object(role: Token, head: Token) -> Token | None:
    """ "Her bakery employs 35 people and Okafor praised ...": a count right after a transitive verb that
    has no object is that verb's object, though the parser made it the subject of the next clause."""
    if role.dep_ != "nsubj" or role.left_edge.i == 0 or child_of(role, ("cc",)) is None:
        return None  # the sign of the misreading: the count joined by "and" to the next subject
    verb = role.doc[role.left_edge.i - 1]
    if (
        verb.pos_ != "VERB"
        or verb.i >= head.i
        or child_of(verb, ("dobj", "ccomp", "xcomp", "attr")) not in (None, head)
    ):
        return None
    return verb if head.head.i == verb.i or head.i == verb.i else None


def _group_measure(verb: Token, relation: str, inside: set[int]) -> str | None:
    """A count that makes up its subject: "the crew consists of 12 climbers", "the plant employs 400
    people": members of the crew, employees of the plant (``relation``: how the count hangs on the
    verb, "dobj" or "of")."""
    lemma = verb.lemma_.lower()
    if lemma == "employ" and relation == "dobj":
        noun = "employees"
    elif (lemma == "consist" and relation == "of") or (lemma == "comprise" and relation == "dobj"):
        noun = "members"
    else:
        return None
    subject = subject_phrase(verb, inside)
    return f"{noun} of {subject}" if subject else None


def compound_count(text: str, unit: str | None, measure: str | None) -> str | None:
    """ "the six-member team", "a 16-driver grid": a count written as a compound counts the members of
    the noun it modifies: "members of team", "drivers in grid" (``measure`` is that noun's phrase)."""
    words = text.lower().split("-")
    if unit != "people" or not measure or len(words) != 2 or not words[1].isalpha():
        return measure
    noun = {"person": "people", "man": "men", "woman": "women"}.get(words[1], words[1] + "s")
    if measure.lower().startswith(noun):
        return measure
    return f"{noun} {'of' if noun == 'members' else 'in'} {measure}"


def _scorer(noun: Token, prep: Token) -> str | None:
    """ "won the seat with 4,100 votes", "took second place with 12 points": a tally a clause's
    named subject ends up "with", even when the parser hangs "with" on the object, is the subject's."""
    if noun.lower_ not in COUNT_NOUN_UNITS or prep.lower_ != "with" or prep.head.pos_ != "NOUN":
        return None
    verb = prep.head.head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("pobj", "prep", "dobj") and verb.head != verb:
        verb = verb.head
    return _named_subject(verb, with_object=True) if verb.pos_ in ("VERB", "AUX") else None


def _first_conjunct(noun: Token) -> Token:
    """The first of coordinated counted nouns, whose role in the clause the later ones share."""
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i != noun.i:
        noun = noun.head
    return noun


def _named_subject(verb: Token, with_object: bool = False) -> str | None:
    """The name of a verb's subject when it is a person or an organisation, without its titles and
    descriptions ("the veteran councillor Mara Quint" -> "Mara Quint"): a count the subject ends up
    "with" ("was elected with 4,100 votes", "finished with 12 points") is that subject's."""
    subj = subject_of(verb)
    if not with_object and child_of(verb, ("dobj",)) is not None:
        return None  # "replaced it with three new models": the count is what the object became
    if subj is not None and subj.pos_ == "PROPN" and not subj.ent_type_:
        return _bare_name(subj)  # a name the entity recogniser missed is still a name
    if subj is not None and subj.ent_type_ not in ("PERSON", "ORG"):
        subj = child_of(subj, ("appos",))  # "the councillor Mara Quint": the name in apposition
    if subj is None or subj.ent_type_ not in ("PERSON", "ORG"):
        return None
    ent = next((e for e in verb.doc.ents if e.start <= subj.i < e.end), None)
    return ent.text if ent is not None else None


def _bare_name(subj: Token) -> str:
    """A proper-noun subject with its name parts only ("the Harbour Party's Oda Venn" -> "Oda Venn"):
    the compounds directly before it, without possessors or descriptions."""
    start = subj.i
    while start > 0 and subj.doc[start - 1].dep_ == "compound" and subj.doc[start - 1].head.i == subj.i:
        start -= 1
    return subj.doc[start : subj.i + 1].text


def _object_measure(phrase: str, verb: Token, obj: Token, inside: set[int]) -> str:
    """A counted object with its clause: "seekers rescued by fishermen" (a past verb reads as a passive),
    "visitors the city expects" (a relative reading otherwise), "vulnerabilities of the browser" (have)."""
    subject = subject_phrase(verb, inside)
    place = _verb_place(verb, obj, inside)
    held_event = verb.lemma_ == "hold" and TRIGGERS.get(obj.lemma_.lower()) in HELD_KINDS  # "hold hearings"
    if verb.lemma_ in ("have", "own", "hold", "include", "contain", "count") and not held_event:
        return f"{phrase}{place}" + (f" of {subject}" if subject else "")
    if subject is None:
        return f"{phrase} {verb.text}{place}"
    if verb.tag_ in ("VBD", "VBN"):
        who = doer(verb, subject, inside)
        return f"{phrase} {verb.text}{place}" + (f" by {who}" if who else "")
    return f"{phrase} {subject} {_verb_chain(verb)}{place}"


def _verb_chain(verb: Token) -> str:
    """ "intends to hold", not "hold": a verb in "to" under another verb keeps the one it depends on."""
    governor = verb.head
    to = next((c for c in verb.lefts if c.dep_ == "aux" and c.lower_ == "to"), None)
    if verb.dep_ == "xcomp" and to is not None and governor.pos_ == "VERB" and governor.i < verb.i:
        return f"{governor.text} to {verb.text}"
    return verb.text


def _verb_place(verb: Token, obj: Token, inside: set[int]) -> str:
    """The prepositional phrase after a counted object ("at the border posts"), when short and free of
    other figures, dates and attributions ("according to")."""
    for child in verb.rights:
        if child.i > obj.i and child.dep_ == "prep" and child.lower_ not in PLACE_SKIP:
            sub = list(child.subtree)
            if len(sub) <= 6 and not any(t.like_num or t.i in inside or t.ent_type_ == "DATE" for t in sub):
                return " " + subtree_words(child, inside)
            return ""
    return ""
