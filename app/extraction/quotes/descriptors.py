"""Speakers named by a common noun: roles and descriptors ("the judge", "the Spaniard"), documents
("a statement from the ministry"), spokespeople ("a spokesperson for the Harbour Board") and
organisation descriptors ("the company"). A mixin of ``SpeakerResolver`` (speakers.py), which
holds the article's people, organisations and attribution history these rules read.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from app.extraction.quotes.organisations import described_as, ent_text, kind_of_words
from app.extraction.text.context import ArticleContext
from app.extraction.text.syntax import (
    ORG_ENTS,
    generic_descriptor,
    has_proper_modifier,
    is_definite,
    main_clause,
    names_someone,
    np_text,
    subject_of,
)
from app.extraction.types import PersonFact, Speaker, SpeakerBasis
from app.lexicon.organisations import LOCAL_GOV_WORDS, LOCAL_PLACE_NOUNS, ORG_HEADS
from app.lexicon.people import PERSON_NOUNS, ROLE_SYNONYMS, ROLE_WORDS
from app.lexicon.speech import DOCUMENT_NOUNS, NON_SOURCE_NOUNS, TITLED_DOCUMENT_HEADS
from app.tuning import tuning

if TYPE_CHECKING:
    from spacy.tokens import Span

    from app.extraction.quotes.speakers import Said

ISSUING_VERBS = frozenset(
    ["release", "issue", "publish", "send", "post", "sign", "write", "circulate", "give"]
)
ORG_HEAD_ENDINGS = (
    "maker",
    "company",
    "producer",
    "operator",
    "retailer",
    "bank",
    "firm",
    "agency",
    "ministry",
)
SPOKES_NOUNS = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative"})


class DescriptorRules:
    """Resolution of common-noun subjects; the state is set up by ``SpeakerResolver``."""

    doc: Doc
    ctx: ArticleContext
    people: list[PersonFact]
    person_at: dict[int, PersonFact]
    person_positions: list[int]
    orgs: list[Span]
    org_starts: list[int]
    history: list[Said]

    def _resolve(self, subj: Token | None) -> Speaker | None:
        raise NotImplementedError

    def _recent_said(self, tok: Token, accept: Callable[[Said], bool]) -> Said | None:
        raise NotImplementedError

    def _is_subject(self, i: int) -> bool:
        raise NotImplementedError

    def _common(self, tok: Token) -> Speaker | None:
        lemma = tok.lemma_.lower()
        if tok.lower_ in ("one", "another") and not any(c.dep_ == "prep" for c in tok.children):
            group = self._recent_said(tok, lambda s: s.plural and s.speaker.type == "anonymous")
            if group is not None and group.head:  # "Nurses told the Guardian ... One said: ..."
                return Speaker(name=f"{tok.lower_} {group.head}", type="anonymous", basis="descriptor")
        if lemma in NON_SOURCE_NOUNS:
            return self._named_owner(tok)
        if lemma in DOCUMENT_NOUNS:
            return self._document(tok)
        if lemma in SPOKES_NOUNS and (org := self._spoken_for(tok)) is not None:
            return org
        definite = is_definite(tok)
        if definite and lemma in LOCAL_PLACE_NOUNS and (local := self._local_government(tok)) is not None:
            return local
        if any(c.dep_ == "appos" and c.pos_ == "PROPN" and c.i not in self.person_at for c in tok.children):
            return Speaker(name=np_text(tok), type="organization")  # "British Airways owner IAG"
        org_like = lemma in ORG_HEADS or lemma.endswith(ORG_HEAD_ENDINGS)  # "a chipmaker"
        if (org_like and lemma not in PERSON_NOUNS) or has_proper_modifier(tok):
            if definite and not has_proper_modifier(tok):
                return self._org_descriptor(tok) or Speaker(name=np_text(tok), type="organization")
            if org_like:
                return Speaker(name=np_text(tok), type="organization")
        if definite and (lemma in ROLE_WORDS or generic_descriptor(tok)):
            person = self._titled(tok) or (self._generic(tok) if generic_descriptor(tok) else None)
            if person is not None:
                return person_speaker(person, "descriptor")
        return Speaker(name=np_text(tok), type="anonymous", basis="descriptor")

    def _named_owner(self, tok: Token) -> Speaker | None:
        """ "The Ledger's analysis of its own sales concluded, '...'": an analysis or survey
        speaks for no one, but one a named owner made public is that owner's statement."""
        owners = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
        if not owners:
            return None
        found = self._resolve(owners[0])
        if found is None or found.type != "organization":
            return found
        words = [t.text for t in owners[0].subtree if t.i <= owners[0].i and t.dep_ not in ("det", "case")]
        return replace(found, name=" ".join(words))

    def _document(self, tok: Token) -> Speaker | None:
        """ "a statement from the ministry said" -> the ministry; "the Japanese readout" -> government;
        "the response from the office, given by its spokesman X" -> X (who issued it comes first)."""
        for child in tok.children:
            if child.dep_ == "acl" and child.lemma_.lower() in ISSUING_VERBS:
                agents = [
                    o for a in child.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
                ]
                if agents:
                    return self._resolve(agents[0])
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs and (child.lower_ != "of" or names_someone(objs[0])):
                    return self._resolve(objs[0])
            if child.dep_ == "poss":
                return self._resolve(child)
        owner = [
            c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ in ORG_ENTS
        ]
        if owner:  # "the Home Office letter reads ..."
            left = min(t.left_edge.i for t in owner)
            return Speaker(name=self.doc[left : owner[-1].i + 1].text, type="organization")
        demonyms = [c for c in tok.children if c.ent_type_ == "NORP" and c.dep_ in ("amod", "compound")]
        if demonyms:
            return Speaker(name=f"{demonyms[0].text} government", type="organization")
        if tok.dep_ in ("dobj", "pobj") and tok.head.pos_ == "VERB":
            return self._resolve(subject_of(tok.head))
        if tok.dep_ == "nsubj" and tok.head.dep_ in ("ccomp", "xcomp") and tok.i < tok.head.i:
            maker = subject_of(tok.head.head)  # "X made a comment saying: ..." (misparsed)
            if maker is not None and maker.i < tok.i:
                return self._resolve(maker)
        internal = any(c.dep_ == "amod" and c.lower_ == "internal" for c in tok.children)
        if internal and (org := self._internal_of(tok)) is not None:  # "a leaked internal memo says"
            return org
        titled = is_definite(tok) and tok.lemma_.lower() in TITLED_DOCUMENT_HEADS
        if titled and (title := self._titled_document(tok)):
            return Speaker(name=title, type="organization")
        return Speaker(name=np_text(tok), type="organization")

    def _internal_of(self, tok: Token) -> Speaker | None:
        """ "The Vell Water Board ... An internal memo says ...": an internal document with no
        named owner is the papers of the latest organisation named before it."""
        sent = self.ctx.sent_of[tok.i]
        for org in reversed(self.orgs[: bisect_left(self.org_starts, tok.i)]):
            if self.ctx.sent_of[org.start] < sent - tuning().org_window:
                break
            return Speaker(name=ent_text(org), type="organization")
        return None

    def _titled_document(self, tok: Token) -> str | None:
        """ "The Harbour Water Quality Review was published on Monday. ... The report says ...":
        an unowned "the report" is the latest publication named by a title before it."""
        for k in range(tok.i - 1, -1, -1):
            head = self.doc[k]
            if head.pos_ != "PROPN" or head.lower_ not in TITLED_DOCUMENT_HEADS or head.dep_ == "compound":
                continue
            if self.ctx.in_quote(head) or self.ctx.is_furniture(head.idx):
                continue
            words = [c for c in head.lefts if c.dep_ in ("compound", "amod") and c.text[:1].isupper()]
            if words:
                return self.doc[words[0].left_edge.i : head.i + 1].text
        return None

    def _titled(self, tok: Token) -> PersonFact | None:
        """ "the judge" -> the person titled judge; "the French leader" -> a French president."""
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
            if self._is_subject(i) and main_clause(self.doc[i]):
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

    def _spoken_for(self, tok: Token) -> Speaker | None:
        """ "a spokesperson for the Harbour Board said" / "a spokesman for them": an unnamed
        spokesperson speaks for the organisation (SCHEMA: the organisation is the speaker);
        a pronoun there is the organisation just named."""
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "at"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if obj.pos_ == "PRON":
                    return self._latest_org(obj)
                if obj.ent_type_ in ORG_ENTS or (obj.pos_ == "PROPN" and obj.text[:1].isupper()):
                    return Speaker(name=np_text(obj), type="organization")
        return None

    def _org_descriptor(self, tok: Token) -> Speaker | None:
        """ "the company" / "the agency" / "the council": the latest organisation it fits."""
        lemma = tok.lemma_.lower()
        for said in reversed(self.history):
            if (
                said.token < tok.i
                and said.speaker.type == "organization"
                and lemma in said.speaker.name.lower().split()
            ):
                return said.speaker
        kind = kind_of_words({lemma})
        sent = self.ctx.sent_of[tok.i]
        for org in reversed(self.orgs[: bisect_left(self.org_starts, tok.i)]):
            if self.ctx.sent_of[org.start] < sent - tuning().org_window:
                break
            name_words = {t.lower_ for t in org}
            org_kind = kind_of_words(name_words | described_as(org))
            if lemma in name_words or (kind is not None and org_kind == kind):
                return Speaker(name=ent_text(org), type="organization")
        return None

    def _local_government(self, tok: Token) -> Speaker | None:
        """ "the city reasoned" after "the Municipality of Arlen" was named: a place speaks
        through its local government, the latest such body named within a few sentences (the
        parser tags such names ORG or GPE)."""
        sent = self.ctx.sent_of[tok.i]
        bodies = [
            e
            for e in self.doc.ents
            if e.end <= tok.i
            and e.label_ in ("ORG", "GPE")
            and {t.lower_ for t in e} & LOCAL_GOV_WORDS
            and not self.ctx.in_quote(e[0])
            and self.ctx.sent_of[e.start] >= sent - tuning().org_window
        ]
        return Speaker(name=ent_text(bodies[-1]), type="organization") if bodies else None

    def _latest_org(self, tok: Token) -> Speaker | None:
        k = bisect_left(self.org_starts, tok.i) - 1
        if k >= 0 and self.ctx.sent_of[self.org_starts[k]] >= self.ctx.sent_of[tok.i] - 1:
            return Speaker(name=ent_text(self.orgs[k]), type="organization")
        return None


def person_speaker(person: PersonFact, basis: SpeakerBasis) -> Speaker:
    return Speaker(name=person.name, type="person", person_key=person.key, basis=basis)
