"""One-word names: a surname or given name of someone already found ("Marsh" after "Helen
Marsh") joins that person; a lone one-word name is a person of its own only with evidence that
it names one (an honorific, a speech verb, "the Harlan administration"), and never when the
article calls it an organisation."""

from __future__ import annotations

from spacy.tokens import Doc

from app.extraction.people import non_people
from app.extraction.people.mentions import Cluster, Mention
from app.extraction.text.context import ArticleContext
from app.lexicon.organisations import ORG_HEADS, ORG_SUFFIXES
from app.lexicon.people import PERSON_MODIFIED_HEADS
from app.lexicon.places import is_place
from app.lexicon.speech import CUE_VERBS
from app.names import clean_tokens, core_words, key


def bare_name_mentions(
    doc: Doc, ctx: ArticleContext, clusters: list[Cluster], taken: set[int], excluded: set[str]
) -> list[Mention]:
    """A surname or given name of a known person, whatever label the NER gave it."""
    forms: set[str] = set()
    for c in clusters:
        ws = core_words(c.name)
        forms.update({ws[0], ws[-1]})
    out = []
    for tok in doc:
        if tok.i in taken or not tok.text[:1].isupper() or tok.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB"):
            continue
        if key(tok.text) not in forms or key(tok.text) in excluded or ctx.is_furniture(tok.idx):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and nxt.ent_type_ != "PERSON":
            continue  # part of a longer proper name ("Bell Labs")
        if (tok.i - 1 in taken and doc[tok.i - 1].text[:1].isupper()) or (nxt is not None and nxt.i in taken):
            continue  # the rest of a name already found ("Elena Varga" split by the NER)
        front, name_words = clean_tokens([tok.text])
        if name_words and not front:
            out.append(Mention(tok.i, tok.i + 1, name_words[0]))
    return out


def attach_singles(singles: list[Mention], clusters: list[Cluster]) -> list[Mention]:
    """Give each bare name to the person it abbreviates; ambiguity goes to the nearest earlier
    full mention (the "Bush" after "George W. Bush" is him, not his father)."""
    loose = []
    for m in singles:
        k = key(m.name)
        by_surname = [c for c in clusters if core_words(c.name)[-1] == k]
        by_given = [c for c in clusters if core_words(c.name)[0] == k]
        owner = _nearest(by_surname or by_given, m.start)
        if owner is None:
            loose.append(m)
        else:
            owner.mentions.append(m)
    return loose


def _nearest(candidates: list[Cluster], position: int) -> Cluster | None:
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    full = [
        (max((x.start for x in c.mentions if x.start < position and len(x.name.split()) > 1), default=-1), c)
        for c in candidates
    ]
    before = [(pos, c) for pos, c in full if pos >= 0]
    if before:
        return max(before, key=lambda pc: pc[0])[1]
    return min(candidates, key=lambda c: c.first())


def validated_singles(doc: Doc, loose: list[Mention]) -> list[Cluster]:
    """A lone one-word name is a person only with evidence that it names one."""
    groups: dict[str, Cluster] = {}
    for m in loose:
        groups.setdefault(key(m.name), Cluster()).mentions.append(m)
    return [
        c
        for c in groups.values()
        if any(_looks_like_person(doc, m) for m in c.mentions) and not common_word(doc, c)
    ]


def common_word(doc: Doc, cluster: Cluster) -> bool:
    """ "Levies rose again ... the new levies": capitalised only where a sentence starts and
    written in lower case elsewhere, the word is a common noun, not a name."""
    if not all(doc[m.start].is_sent_start for m in cluster.mentions):
        return False
    low = cluster.mentions[0].name.lower()
    return any(t.text == low for t in doc)


def _looks_like_person(doc: Doc, m: Mention) -> bool:
    tok = doc[m.start]
    if is_place(m.name) or tok.ent_type_ not in ("PERSON", "") or named_as_org(doc, m.name):
        return False
    if non_people.part_of_thing_name(doc, m.name):
        return False
    if m.honorific:
        return True
    head = tok.head
    if tok.dep_ in ("compound", "nmod") and head.lemma_.lower() in PERSON_MODIFIED_HEADS:
        return True  # "the Harlan administration"
    if tok.dep_ in ("compound", "nmod", "poss") and (
        head.pos_ == "PROPN" or head.lemma_.lower() in ORG_HEADS
    ):
        return False  # part of a thing's name ("Marshall Plan")
    return tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in CUE_VERBS


def named_as_org(doc: Doc, name: str) -> bool:
    """Somewhere the article calls this name an organisation ("company Zipline", "Zipline, a
    start-up") or the NER reads it as one more often than as a person."""
    labels = {"PERSON": 0, "OTHER": 0}
    for i in ArticleContext.of(doc).tokens_with_text(name):
        tok = doc[i]
        if tok.ent_type_:
            labels["PERSON" if tok.ent_type_ == "PERSON" else "OTHER"] += 1
        near = [c for c in tok.children if c.dep_ in ("compound", "appos", "amod")]
        if tok.dep_ == "appos" or (
            tok.dep_ == "compound" and tok.head.lemma_.lower() not in PERSON_MODIFIED_HEADS
        ):
            near.append(tok.head)
        if (named := non_people.named_by(tok)) is not None:
            near.append(named)  # "a firm called Orrin"
        if any(c.dep_ == "relcl" and any(g.lower_ == "which" for g in c.children) for c in tok.children):
            return True  # "Brightmart, which operates 1,100 stores": a thing, not a person
        if any(
            c.lemma_.lower() in ORG_HEADS | ORG_SUFFIXES or c.lemma_.lower() in ("start-up", "startup")
            for c in near
        ):
            return True
    return labels["OTHER"] > labels["PERSON"]
