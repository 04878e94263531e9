"""Who a speech verb's subject is: a person of the article, an organisation, or an unnamed source.

The subject of "said" is often not a name: "he", "she", "they", "it", "the judge", "the Russian
leader", "the company", "a Russian official", "analysts". Rules that beat a plain nearest-mention
heuristic (REFERENCES.md): resolve a name through the article's people and their aliases;
resolve he/she to the previous speaker when gender agrees, unless a newer person has since
become the subject of a sentence; resolve role descriptors through the titles people were given;
resolve "the company"/"the agency" to the latest organisation of that kind; keep unnamed sources
as anonymous descriptions. Attributions must be resolved in text order (``remember``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from app.extraction.context import ArticleContext
from app.extraction.lexicon import (
    COMPANY_HEADS,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    FEMALE_PRONOUNS,
    GENERIC_PERSON_DESCRIPTORS,
    GOV_HEADS,
    MALE_PRONOUNS,
    NEUTER_PRONOUNS,
    NON_SOURCE_NOUNS,
    ORG_HEADS,
    ORG_SUFFIXES,
    PERSON_NOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_SYNONYMS,
    ROLE_WORDS,
    SPORT_HEADS,
    UNION_HEADS,
)
from app.extraction.names import key
from app.extraction.types import PersonFact, Speaker

PRONOUN_WINDOW = 4  # sentences back in which a previous speaker or a mention can be a pronoun's antecedent
ORG_WINDOW = 25
NP_RIGHT_DEPS = ("prep", "amod", "pobj", "compound", "nummod", "poss", "case", "det", "appos")
ORG_ENTS = ("ORG", "GPE", "NORP", "FAC")
DEMONYM_ENDINGS = (
    "ian",
    "ean",
    "an",
    "ese",
    "ard",
    "man",
    "woman",
    "i",
    "ite",
    "er",
    "ot",
    "ede",
    "ane",
    "on",
)
NOT_DEMONYMS = frozenset(
    ["vatican", "taliban", "pentagon", "kremlin", "administration", "union", "commission"]
)


@dataclass
class Said:
    """One resolved attribution, kept so later pronouns and descriptors can refer back to it."""

    token: int
    sent: int
    speaker: Speaker
    plural: bool = False


class SpeakerResolver:
    def __init__(self, doc: Doc, ctx: ArticleContext, people: list[PersonFact]):
        self.doc, self.ctx, self.people = doc, ctx, people
        self.person_at: dict[int, PersonFact] = {}
        for person in people:
            for mention in person.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                for tok in span or ():
                    self.person_at[tok.i] = person
        self.person_positions = sorted(i for i in self.person_at if not ctx.in_quote(doc[i]))
        self.aliases = {key(a): p for p in people for a in (p.name, *p.aliases)}
        self.orgs = org_spans(doc, ctx, self.person_at)
        self.org_starts = [o.start for o in self.orgs]
        self.history: list[Said] = []

    # --- public -----------------------------------------------------------------------------

    def resolve(self, subj: Token | None) -> Speaker | None:
        if subj is None:
            return None
        person = self._person(subj)
        if person is not None:
            return _person_speaker(person)
        if subj.pos_ == "PRON" and not (len(subj.text) > 1 and subj.text.isupper()):
            return self._pronoun(subj)  # ("WHO" is the World Health Organization, not a pronoun)
        acronym = len(subj.text) > 1 and subj.text.isupper()
        if (subj.pos_ == "PROPN" and subj.text[:1].isupper()) or subj.ent_type_ in ORG_ENTS or acronym:
            return self._proper(subj)
        return self._common(subj)

    def remember(self, token: Token, speaker: Speaker | None) -> None:
        if speaker is not None:
            plural = speaker.type != "person" and self._is_plural(speaker)
            self.history.append(Said(token.i, self.ctx.sent_of[token.i], speaker, plural))

    def last(self) -> Said | None:
        return self.history[-1] if self.history else None

    # --- names --------------------------------------------------------------------------------

    def _person(self, tok: Token) -> PersonFact | None:
        if tok.i in self.person_at:
            return self.person_at[tok.i]
        for child in tok.children:
            if child.dep_ == "appos" and child.i in self.person_at:
                return self.person_at[child.i]
        if tok.pos_ == "PROPN" and key(tok.text) in self.aliases:
            return self.aliases[key(tok.text)]
        return None

    def _proper(self, tok: Token) -> Speaker | None:
        if _is_definite(tok) and _generic_descriptor(tok) and (person := self._generic(tok)) is not None:
            return _person_speaker(person)  # "the Spaniard said"
        if tok.ent_type_ == "PERSON":
            return Speaker(name=np_text(tok), type="person")
        return Speaker(name=np_text(tok), type="organization")

    # --- pronouns -----------------------------------------------------------------------------

    def _pronoun(self, tok: Token) -> Speaker | None:
        low = tok.lower_
        if low in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            return self.resolve(tok.head.head)
        if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
            return self._he_she(tok, "m" if low in MALE_PRONOUNS else "f")
        if low in PLURAL_PRONOUNS:
            return self._recent(tok, lambda s: s.plural)
        if low in NEUTER_PRONOUNS:
            return self._recent(tok, lambda s: s.speaker.type == "organization") or self._latest_org(tok)
        return None

    def _he_she(self, tok: Token, gender: str) -> Speaker | None:
        """The previous speaker, unless a newer person has since been a sentence's subject."""
        sent = self.ctx.sent_of[tok.i]
        mention = self._nearest_person(tok.i, gender, sent - PRONOUN_WINDOW)
        prev = self._recent(tok, lambda s: s.speaker.type == "person" and self._gender_ok(s.speaker, gender))
        last_token = self.history[-1].token if self.history else -1
        if mention is not None:
            m_tok, person = mention
            if self._is_subject(m_tok) and (prev is None or m_tok > last_token):
                return _person_speaker(person)
            if prev is None:
                return _person_speaker(person)
        return prev

    def _nearest_person(self, before: int, gender: str, min_sent: int) -> tuple[int, PersonFact] | None:
        k = bisect_left(self.person_positions, before) - 1
        while k >= 0:
            i = self.person_positions[k]
            if self.ctx.sent_of[i] < min_sent:
                return None
            person = self.person_at[i]
            if person.gender in (None, gender):
                return i, person
            k -= 1
        return None

    def _is_subject(self, i: int) -> bool:
        tok = self.doc[i]
        while tok.dep_ in ("compound", "flat") and tok.head is not tok:
            tok = tok.head
        return tok.dep_ in ("nsubj", "nsubjpass") or (
            tok.dep_ == "appos" and tok.head.dep_ in ("nsubj", "nsubjpass")
        )

    def _gender_ok(self, speaker: Speaker, gender: str) -> bool:
        person = next((p for p in self.people if p.key == speaker.person_key), None)
        return person is None or person.gender in (None, gender)

    def _recent(self, tok: Token, accept) -> Speaker | None:
        sent = self.ctx.sent_of[tok.i]
        for said in reversed(self.history):
            if said.sent < sent - PRONOUN_WINDOW:
                return None
            if said.token < tok.i and accept(said):
                return said.speaker
        return None

    def _is_plural(self, speaker: Speaker) -> bool:
        last = speaker.name.split()[-1].lower() if speaker.name.split() else ""
        return speaker.type == "anonymous" and (last.endswith("s") or last in ("people", "staff"))

    # --- common nouns -------------------------------------------------------------------------

    def _common(self, tok: Token) -> Speaker | None:
        lemma = tok.lemma_.lower()
        if lemma in NON_SOURCE_NOUNS:
            return None
        if lemma in DOCUMENT_NOUNS:
            return self._document(tok)
        definite = _is_definite(tok)
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.i not in self.person_at for c in tok.children):
            return Speaker(name=np_text(tok), type="organization")  # "British Airways owner IAG"
        if (lemma in ORG_HEADS and lemma not in PERSON_NOUNS) or _has_proper_modifier(tok):
            if definite and not _has_proper_modifier(tok):
                return self._org_descriptor(tok) or Speaker(name=np_text(tok), type="organization")
            if lemma in ORG_HEADS:
                return Speaker(name=np_text(tok), type="organization")
        if definite and (lemma in ROLE_WORDS or _generic_descriptor(tok)):
            person = self._titled(tok) or (self._generic(tok) if _generic_descriptor(tok) else None)
            if person is not None:
                return _person_speaker(person)
        return Speaker(name=np_text(tok), type="anonymous")

    def _document(self, tok: Token) -> Speaker | None:
        """ "a statement from the ministry said" -> the ministry; "the Chinese readout" -> government."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs and (child.lower_ != "of" or _names_someone(objs[0])):
                    return self.resolve(objs[0])
            if child.dep_ == "poss":
                return self.resolve(child)
        demonyms = [c for c in tok.children if c.ent_type_ == "NORP" and c.dep_ in ("amod", "compound")]
        if demonyms:
            return Speaker(name=f"{demonyms[0].text} government", type="organization")
        if tok.dep_ in ("dobj", "pobj") and tok.head.pos_ == "VERB":
            return self.resolve(subject_of(tok.head))
        return Speaker(name=np_text(tok), type="organization")

    def _titled(self, tok: Token) -> PersonFact | None:
        """ "the judge" -> the person titled judge; "the Russian leader" -> a Russian president."""
        lemma = tok.lemma_.lower()
        roles = ROLE_SYNONYMS.get(lemma, {lemma})
        mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()}
        found = []
        for person in self.people:
            title = (person.title or "").lower().replace("’s", "").replace("'s", "")
            words = set(title.split())
            if words & roles and all(m in title for m in mods):
                found.append(person)
        return self._latest_of(found, tok.i)

    def _generic(self, tok: Token) -> PersonFact | None:
        """ "the teenager told ..." / "the Spaniard said": whoever a recent sentence was about, as
        the subject of its main clause (not of a clause inside it)."""
        sent = self.ctx.sent_of[tok.i]
        k = bisect_left(self.person_positions, tok.i) - 1
        while k >= 0:
            i = self.person_positions[k]
            if self.ctx.sent_of[i] < sent - 2:
                return None
            if self._is_subject(i) and _main_clause(self.doc[i]):
                return self.person_at[i]
            k -= 1
        return None

    def _latest_of(self, people: list[PersonFact], before: int) -> PersonFact | None:
        if len(people) <= 1:
            return people[0] if people else None
        k = bisect_left(self.person_positions, before) - 1
        while k >= 0:
            person = self.person_at[self.person_positions[k]]
            if person in people:
                return person
            k -= 1
        return people[0]

    def _org_descriptor(self, tok: Token) -> Speaker | None:
        """ "the company" / "the agency" / "the media service": the latest organisation it fits."""
        lemma = tok.lemma_.lower()
        for said in reversed(self.history):
            if (
                said.token < tok.i
                and said.speaker.type == "organization"
                and lemma in said.speaker.name.lower().split()
            ):
                return said.speaker
        kind = _kind_of_words({lemma})
        sent = self.ctx.sent_of[tok.i]
        for org in reversed(self.orgs[: bisect_left(self.org_starts, tok.i)]):
            if self.ctx.sent_of[org.start] < sent - ORG_WINDOW:
                break
            name_words = {t.lower_ for t in org}
            org_kind = _kind_of_words(name_words | _described_as(org))
            if lemma in name_words or (kind is not None and org_kind == kind):
                return Speaker(name=_ent_text(org), type="organization")
        return None

    def _latest_org(self, tok: Token) -> Speaker | None:
        k = bisect_left(self.org_starts, tok.i) - 1
        if k >= 0 and self.ctx.sent_of[self.org_starts[k]] >= self.ctx.sent_of[tok.i] - 1:
            return Speaker(name=_ent_text(self.orgs[k]), type="organization")
        return None


def org_spans(doc: Doc, ctx: ArticleContext, person_at: dict[int, PersonFact]) -> list[SpacySpan]:
    """Organisations named in the article, outside quotes: ORG entities, proper names ending in a
    company suffix ("Brightmart Inc"), and PERSON entities that turned out to be no person."""
    found: dict[int, SpacySpan] = {}
    for ent in doc.ents:
        if ctx.in_quote(doc[ent.start]) or ctx.is_furniture(ent.start_char):
            continue
        if ent.label_ == "ORG" or (
            ent.label_ == "PERSON" and not any(i in person_at for i in range(ent.start, ent.end))
        ):
            found[ent.start] = ent
    for tok in doc:
        if (
            tok.lower_ in ORG_SUFFIXES
            and tok.i > 0
            and doc[tok.i - 1].pos_ == "PROPN"
            and not ctx.in_quote(tok)
        ):
            start = tok.i - 1
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper():
                start -= 1
            found.setdefault(start, doc[start : tok.i + 1])
    return [found[k] for k in sorted(found)]


def _person_speaker(person: PersonFact) -> Speaker:
    return Speaker(name=person.name, type="person", person_key=person.key)


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a speech verb, climbing from "adding"/"saying"/a conjoined verb to the
    clause that has one, and from a relative clause to the noun it modifies."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not _expletive(child, verb):
            if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp") and depth < 3 and verb.head is not verb:
        head = verb.head
        if head.pos_ == "ADP" and head.head is not head:
            head = head.head  # "was quoted as saying": climb over the preposition
        return subject_of(head, depth + 1)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def _expletive(subj: Token, verb: Token) -> bool:
    return (subj.lower_ in ("it", "there") and subj.dep_ == "nsubjpass") or subj.dep_ == "expl"


def np_text(tok: Token, ctx: ArticleContext | None = None) -> str:
    """The noun phrase of a speaker as written, without appositions set off by commas, relative
    clauses or parentheticals: "a senior Russian source", "two people familiar with the matter",
    "British Airways owner IAG"."""
    doc = tok.doc
    ctx = ctx or ArticleContext.of(doc)
    left = tok.left_edge.i
    while left < tok.i and (
        doc[left].is_punct or doc[left].dep_ in ("cc", "preconj", "advmod") or ctx.is_furniture(doc[left].idx)
    ):
        left += 1
    right = tok.i
    for child in tok.rights:
        if child.dep_ not in NP_RIGHT_DEPS or any(
            t.is_punct and t.text not in ("'", "’", "-", ".") for t in doc[right + 1 : child.i]
        ):
            break
        right = child.right_edge.i
    for i in range(tok.i + 1, right + 1):
        if doc[i].text in (",", "(", "—", "–", ";") or doc[i].dep_ == "relcl":
            right = i - 1  # "a person familiar with the talks, who spoke on condition ...": stop
            break
    while right > tok.i and (doc[right].is_punct or doc[right].dep_ == "cc"):
        right -= 1
    text = doc[left : right + 1].text
    first = doc[left]
    if (
        first.pos_ in ("DET", "NOUN", "ADJ", "NUM")
        and first.text[:1].isupper()
        and first.ent_type_ not in ORG_ENTS
    ):
        text = first.text.lower() + text[len(first.text) :]
    return " ".join(text.split())


def _names_someone(tok: Token) -> bool:
    """ "a statement of the ministry" names a source; "the readout of the meeting" does not."""
    low = tok.lemma_.lower()
    return (
        tok.pos_ == "PROPN"
        or tok.ent_type_ in (*ORG_ENTS, "PERSON")
        or low in ORG_HEADS
        or low in PERSON_NOUNS
    )


def _generic_descriptor(tok: Token) -> bool:
    """ "the teenager", "the 29-year-old", "the Spaniard": a person described, not named."""
    if tok.lemma_.lower() in GENERIC_PERSON_DESCRIPTORS or tok.lower_.endswith("year-old"):
        return True
    if tok.lower_ == "old" and any(c.lower_ in ("year", "years") for c in tok.children):
        return True
    if tok.tag_ not in ("NN", "NNP") or not tok.text[:1].isupper() or tok.lower_ in NOT_DEMONYMS:
        return False
    return tok.ent_type_ == "NORP" or tok.lower_.endswith(DEMONYM_ENDINGS)  # "the Kenyan", "the Dutchman"


def _main_clause(tok: Token) -> bool:
    while tok.dep_ in ("compound", "flat", "appos") and tok.head is not tok:
        tok = tok.head
    head = tok.head
    return head.dep_ == "ROOT" or head.lemma_.lower() in CUE_VERBS


def _is_definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _has_proper_modifier(tok: Token) -> bool:
    return any(
        c.dep_ in ("compound", "poss", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in ORG_ENTS)
        for c in tok.children
    )


def _kind_of_words(words: set[str]) -> str | None:
    for kind, heads in (
        ("gov", GOV_HEADS),
        ("union", UNION_HEADS),
        ("sport", SPORT_HEADS),
        ("company", COMPANY_HEADS),
    ):
        if words & heads:
            return kind
    return None


def _ent_text(ent: SpacySpan) -> str:
    text = ent.text
    return text[4:] if text.lower().startswith("the ") else text


def _described_as(ent: SpacySpan) -> set[str]:
    """Words the article uses to introduce an organisation ("ride-hailing company Zipline")."""
    root = ent.root
    near = [c for c in root.children if c.dep_ in ("compound", "appos", "amod")]
    if root.dep_ == "appos":
        near.append(root.head)
    if ent.start > 0:
        near.append(ent.doc[ent.start - 1])
    return {t.lemma_.lower() for t in near}
