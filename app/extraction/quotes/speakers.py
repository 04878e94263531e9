"""Who a speech verb's subject is: a person of the article, an organisation, or an unnamed source.

The subject of "said" is often not a name: "he", "she", "they", "it", "the judge", "the French
leader", "the company", "a Canadian official", "analysts". Rules that beat a plain nearest-mention
heuristic (REFERENCES.md): resolve a name through the article's people and their aliases;
resolve he/she to the previous speaker when gender agrees, unless a newer person has since
become the subject of a sentence; resolve role descriptors through the titles people were given;
resolve "the company"/"the agency" to the latest organisation of that kind; keep unnamed sources
as anonymous descriptions. Attributions must be resolved in text order (``remember``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from app.extraction.quotes.descriptors import DescriptorRules, person_speaker
from app.extraction.quotes.organisations import ent_text, org_spans
from app.extraction.text.context import ArticleContext
from app.extraction.text.syntax import (
    ORG_ENTS,
    generic_descriptor,
    is_definite,
    main_clause,
    np_text,
    subject_of,
)
from app.extraction.types import PersonFact, Speaker
from app.lexicon.organisations import ORG_HEADS
from app.lexicon.people import (
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    NEUTER_PRONOUNS,
    PERSON_NOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
)
from app.lexicon.speech import CUE_VERBS
from app.names import key
from app.tuning import tuning


@dataclass
class Said:
    """One resolved attribution, kept so later pronouns and descriptors can refer back to it."""

    token: int
    sent: int
    speaker: Speaker
    plural: bool = False
    head: str | None = None  # lemma of the speaker's head noun ("nurse" for "nurses")


class SpeakerResolver(DescriptorRules):
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
        """The speaker the subject of a cue names, with the basis of the attribution: a person's
        name is ``explicit``, a resolved pronoun ``pronoun``, a role or description
        ``descriptor``; whatever way an organisation is reached, it is ``organisation``."""
        speaker = self._resolve(subj)
        if speaker is not None and speaker.type == "organization":
            return replace(speaker, name=self._full_org_name(speaker.name, subj), basis="organisation")
        return speaker

    def _full_org_name(self, name: str, subj: Token | None) -> str:
        """ "Bluewater said" after "Bluewater Ferries Ltd." was named: the organisation by its
        full name, so the short form is an alias of one speaker, not a second speaker."""
        words = key(name).split()
        if not words or subj is None:
            return name
        for org in reversed(self.orgs[: bisect_left(self.org_starts, subj.i)]):
            full = ent_text(org)
            if key(full).split()[: len(words)] == words and len(key(full).split()) > len(words):
                return full
        return name

    def _resolve(self, subj: Token | None) -> Speaker | None:
        if subj is None or (subj.ent_type_ in ("DATE", "TIME") and subj.pos_ == "PROPN"):
            return None  # "as of Friday": a named day or month never speaks ("the 29-year-old" may)
        person = self._person(subj)
        if person is not None:
            return person_speaker(person, "explicit")
        if subj.pos_ == "PRON" and not (len(subj.text) > 1 and subj.text.isupper()):
            return self._pronoun(subj)  # ("WHO" is the World Health Organization, not a pronoun)
        acronym = len(subj.text) > 1 and subj.text.isupper()
        common_word = subj.is_sent_start and subj.lower_ in PERSON_NOUNS | ORG_HEADS  # "Strategists at ..."
        if (subj.pos_ == "PROPN" and subj.text[:1].isupper() and not common_word) or acronym:
            return self._proper(subj)
        if subj.ent_type_ in ORG_ENTS and not common_word:
            return self._proper(subj)
        return self._common(subj)

    def remember(self, token: Token, speaker: Speaker | None, subject: Token | None = None) -> None:
        """Record an attribution; ``subject`` (the speaker's head word) tells whether it is plural
        ("strategists at Northway Bank" is, though its last word is not)."""
        if speaker is not None:
            head = None
            if subject is not None and subject.pos_ != "PRON":
                plural = speaker.type != "person" and subject.tag_ in ("NNS", "NNPS")
                head = subject.lemma_.lower()
            else:
                plural = speaker.type != "person" and self._is_plural(speaker)
            self.history.append(Said(token.i, self.ctx.sent_of[token.i], speaker, plural, head))

    def last(self) -> Said | None:
        return self.history[-1] if self.history else None

    # --- names --------------------------------------------------------------------------------

    def _person(self, tok: Token) -> PersonFact | None:
        if tok.i in self.person_at:
            return self.person_at[tok.i]
        for child in tok.children:
            if child.dep_ == "appos" and child.i in self.person_at:
                return self.person_at[child.i]
        if tok.pos_ in ("NOUN", "ADJ") and tok.i not in self.person_at:
            members = [o for o in such_as_names(tok) if o.i in self.person_at]
            if members:  # "Other councillors, such as Ana Ruiz and Tom Osei, warned ...": they spoke
                return self.person_at[members[0].i]
            named = [c for c in tok.children if c.dep_ == "conj" and c.i in self.person_at]
            if len(named) == 1:  # "American academic and professor Marc Hill commented"
                return self.person_at[named[0].i]
        if tok.pos_ == "PROPN" and key(tok.text) in self.aliases:
            return self.aliases[key(tok.text)]
        return None

    def _proper(self, tok: Token) -> Speaker | None:
        named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)  # "the Harbour Board"
        if is_definite(tok) and generic_descriptor(tok) and not named and (person := self._generic(tok)):
            return person_speaker(person, "descriptor")  # "the Spaniard said"
        name = np_text(tok)
        if tok.ent_type_ == "PERSON" and self._full_org_name(name, tok) == name:
            return Speaker(name=name, type="person", basis="explicit")
        return Speaker(name=name, type="organization")

    # --- pronouns -----------------------------------------------------------------------------

    def _pronoun(self, tok: Token) -> Speaker | None:
        low = tok.lower_
        if low in RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
            return self._resolve(tok.head.head)  # "Ana Ruiz, who said ...": as her name does
        found = self._pronoun_referent(tok, low)
        return replace(found, basis="pronoun") if found is not None else None

    def _pronoun_referent(self, tok: Token, low: str) -> Speaker | None:
        if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
            return self._he_she(tok, "m" if low in MALE_PRONOUNS else "f")
        if low in PLURAL_PRONOUNS:
            return self._recent(tok, lambda s: s.plural) or self._org_topic(tok)
        if low in NEUTER_PRONOUNS:
            return self._recent(tok, lambda s: s.speaker.type == "organization") or self._latest_org(tok)
        return None

    def _he_she(self, tok: Token, gender: str) -> Speaker | None:
        """The previous speaker, unless a newer person has since been a sentence's subject."""
        sent = self.ctx.sent_of[tok.i]
        mention = self._nearest_person(tok.i, gender, sent - tuning().pronoun_window)
        prev = self._recent(tok, lambda s: s.speaker.type == "person" and self._gender_ok(s.speaker, gender))
        last_token = self.history[-1].token if self.history else -1
        main = self._nearest_main_subject(tok.i, gender, sent - tuning().pronoun_window)
        prev_is_main = main is not None and prev is not None and prev.person_key == main[1].key
        if (
            main is not None
            and (main[0] > last_token or prev_is_main)
            and (mention is None or main[1] is not mention[1])
        ):
            # "Pence pointed out Trump is known for ... 'I think ...,' he said": the subject of
            # the main clause, not a person named inside the clause it governs
            return person_speaker(main[1], "pronoun")
        if mention is not None:
            m_tok, person = mention
            if self._is_subject(m_tok) and (prev is None or m_tok > last_token):
                return person_speaker(person, "pronoun")
            if prev is None:
                return person_speaker(person, "pronoun")
        if prev is None:  # "A spokeswoman said ... She added ...": an unnamed source
            return self._recent(tok, lambda s: s.speaker.type == "anonymous" and not s.plural)
        return prev

    def _org_topic(self, tok: Token) -> Speaker | None:
        """ "The Harbour Board rejected the claims. They also said the pier was safe": with no
        group speaker to refer to, "they" is the organisation the latest sentence with a named
        (non-pronoun) subject is about, the way British usage treats an organisation as plural;
        a person or a group there leaves it unresolved."""
        sent = self.ctx.sent_of[tok.i]
        for k in range(sent - 1, max(sent - tuning().pronoun_window, 0) - 1, -1):
            start, end = self.ctx.sent_bounds[k]
            roots = [  # (a parse run across a sentence break hangs this root on the next one)
                t
                for t in self.doc[start:end]
                if (t.dep_ == "ROOT" or not start <= t.head.i < end)
                and t.pos_ in ("VERB", "AUX")
                and not self.ctx.in_quote(t)
            ]
            subj = subject_of(roots[0]) if roots else None
            if subj is None or subj.pos_ == "PRON":
                continue
            found = self._resolve(subj)
            return found if found is not None and found.type == "organization" else None
        return None

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

    def _nearest_main_subject(self, before: int, gender: str, min_sent: int) -> tuple[int, PersonFact] | None:
        """The latest person of this gender who is the subject of a main clause, in the sentences
        since ``min_sent``; only within the latest sentence that has any such subject."""
        k = bisect_left(self.person_positions, before) - 1
        found: list[tuple[int, PersonFact]] = []
        while k >= 0:
            i = self.person_positions[k]
            if self.ctx.sent_of[i] < min_sent or (
                found and self.ctx.sent_of[i] < self.ctx.sent_of[found[0][0]]
            ):
                break
            person = self.person_at[i]
            if self._is_subject(i) and main_clause(self.doc[i]) and person.gender in (None, gender):
                found.append((i, person))
            k -= 1
        # "Clare said Hood had resigned": the parser may hang "said" under "resigned"; the
        # subject of the speech verb is the one the sentence is about
        speaking = [f for f in found if self._clause_head(f[0]).lemma_.lower() in CUE_VERBS]
        best = speaking or found
        return best[0] if best else None

    def _clause_head(self, i: int) -> Token:
        tok = self.doc[i]
        while tok.dep_ in ("compound", "flat", "appos") and tok.head is not tok:
            tok = tok.head
        return tok.head

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
        said = self._recent_said(tok, accept)
        return said.speaker if said is not None else None

    def _recent_said(self, tok: Token, accept) -> Said | None:
        """The latest attribution before ``tok``, within a few sentences, that ``accept`` takes."""
        sent = self.ctx.sent_of[tok.i]
        for said in reversed(self.history):
            if said.sent < sent - tuning().pronoun_window:
                return None
            if said.token < tok.i and accept(said):
                return said
        return None

    def _is_plural(self, speaker: Speaker) -> bool:
        last = speaker.name.split()[-1].lower() if speaker.name.split() else ""
        return speaker.type == "anonymous" and (last.endswith("s") or last in ("people", "staff"))


def such_as_names(group: Token) -> list[Token]:
    """The first name in "critics, such as Ana Ruiz and Tom Osei": the members a group subject is
    illustrated by (their conjuncts are the others)."""
    return [
        o
        for prep in group.children
        if prep.dep_ == "prep" and prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
        for o in prep.children
        if o.dep_ == "pobj" and o.pos_ == "PROPN"
    ]
