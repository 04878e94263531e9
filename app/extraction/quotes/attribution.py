"""The cue of a quoted passage: the speech verb (or "according to") that attributes it.

Why not "the first speech verb in the sentence": a sentence can hold two quotes and two verbs
("Ruiz said, calling Okafor an 'old rival'"), the attribution can sit in the previous sentence
("Marsh said: '...'") or after the closing mark ("'...,' he said."), and verbs inside the quote
never count. So the frame is the quote's own sentences (plus a colon-ended lead-in) outside any
quote marks, and among its speech verbs the one syntactically linked to the quote wins, then the
nearest. SFU's Gender Gap Tracker does the same in its syntactic pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.extraction.text.context import ArticleContext
from app.extraction.text.syntax import subject_of
from app.lexicon.speech import CUE_VERBS, DOCUMENT_NOUNS, NOT_SPEECH, REPORTING_VERBS

MAX_DEPTH = 40
# Verbs that report speech only with their particle: "pointed out", "spoke up".
PHRASAL_CUES = {"point": "out", "speak": "up", "sum": "up"}
POINTERS = frozenset(["that", "this", "so", "such", "those", "these"])
# Verbs of addressing someone: in the passive ("troops were told to ...") the subject is the hearer.
ADDRESS_VERBS = frozenset(["tell", "ask", "inform", "instruct", "order", "advise", "notify", "brief"])
# "According to X, quoting Y": X relays what Y said.
RELAY_VERBS = frozenset(["quote", "cite"])
# "It is noted on/in <named source>": where impersonal passive words appear.
SOURCE_PLACE_PREPS = frozenset(["on", "in"])


@dataclass
class Attribution:
    cue: Token | None  # the speech verb, or "according"
    subject: Token | None  # what to resolve into a speaker
    linked: bool = False  # the cue governs the quote (or hangs from it) in the parse
    standalone: bool = False  # no words of the writer's around the quote: a floating quote


def attribute_quote(doc: Doc, ctx: ArticleContext, qi: int) -> Attribution:
    tokens = ctx.quote_tokens(qi)
    if not len(tokens):
        return Attribution(None, None)
    frame = _frame(doc, ctx, qi, tokens)
    candidates = [t for t in frame if is_cue(t)]
    inside = set(tokens)
    scored = []
    for cue in candidates:
        subj = cue_subject(cue)
        if subj is not None and subj.i in inside:
            continue  # "no evidence of 'a threat from groups' named in the order": words, not a speaker
        linked = _governs(cue, inside) or _hangs_from(cue, inside)
        dist = min(abs(cue.i - tokens.start), abs(cue.i - (tokens.stop - 1)))
        scored.append((subj is None, not linked, dist, cue.i, cue, subj, linked))
    if scored:
        *_, cue, subj, linked = min(scored, key=lambda s: s[:4])
        return Attribution(cue, subj, linked)
    lead = _lead_clause_subject(doc, ctx, tokens)
    if lead is not None:
        return lead
    own = [t for t in frame if not t.is_punct and not t.is_space]
    standalone = not own or _only_lead(own)
    if standalone and (after := _pointing_back(doc, ctx, tokens)) is not None:
        return after
    return Attribution(None, None, standalone=standalone)


def _lead_clause_subject(doc: Doc, ctx: ArticleContext, tokens: range) -> Attribution | None:
    """'Coach Ana Silva had a simple message: "Play without fear."' / 'X was blunt — "..."': a
    clause ending in a colon or dash introduces the quote; its subject is the speaker."""
    i = tokens.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text not in (":", "—", "–") or ctx.quote_of[i] >= 0:
        return None
    sent_start = ctx.sent_bounds[ctx.sent_of[i]][0]
    for k in range(i - 1, sent_start - 1, -1):
        verb = doc[k]
        if verb.pos_ not in ("VERB", "AUX") or ctx.quote_of[k] >= 0:
            continue
        subj = subject_of(verb)
        if subj is not None and subj.i < verb.i and ctx.quote_of[subj.i] < 0:
            return Attribution(verb, subj, linked=True)
    return None


def _pointing_back(doc: Doc, ctx: ArticleContext, tokens: range) -> Attribution | None:
    """'"...." That was how the fire chief described it.' - the next sentence names the speaker
    of a quote standing alone when it opens with a word pointing back at it."""
    nxt = ctx.sent_of[tokens.stop - 1] + 1
    if nxt >= len(ctx.sent_bounds):
        return None
    start, end = ctx.sent_bounds[nxt]
    words = [t for t in doc[start:end] if not t.is_space and not t.is_punct]
    if not words or words[0].lower_ not in POINTERS or ctx.quote_of[words[0].i] >= 0:
        return None
    if ctx.paragraph(words[0].idx) != ctx.paragraph(doc[tokens.stop - 1].idx):
        return None
    for tok in words:
        if is_cue(tok) and (subj := cue_subject(tok)) is not None and ctx.quote_of[subj.i] < 0:
            return Attribution(tok, subj)
    return None


def is_cue(tok: Token) -> bool:
    if tok.lower_ == "according":
        return any(c.lower_ == "to" for c in tok.children)
    if tok.lower_ == "words":  # "in the words of the prosecutor, ..."
        return tok.head.lower_ == "in" and any(c.lower_ == "of" for c in tok.children)
    if tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and _misread_subject(tok) is not None:
        return tok.lemma_.lower() in REPORTING_VERBS  # "The agency notes, ...", misread as a noun
    if tok.lemma_.lower() == "read" and (subj := subject_of(tok)) is not None:
        return subj.lemma_.lower() in DOCUMENT_NOUNS  # "The letter reads: ..."
    if tok.lemma_.lower() in PHRASAL_CUES and tok.pos_ == "VERB":
        particle = PHRASAL_CUES[tok.lemma_.lower()]
        return any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children) and not infinitive(tok)
    if tok.lemma_.lower() not in CUE_VERBS or tok.pos_ not in ("VERB", "AUX") or tok.lemma_ in NOT_SPEECH:
        return False
    return not infinitive(tok)


def infinitive(tok: Token) -> bool:
    """ "failure to disclose", "declined to comment": an infinitive reports no speech."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _misread_subject(tok: Token) -> Token | None:
    """ "The Harbour Authority notes, ...": the subject, as the parser hung it on a cue it took
    for a noun or left without one (the name as a compound of the verb)."""
    for c in tok.children:
        if c.dep_ == "nsubj" or (c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and c.i < tok.i):
            return c
    return None


def cue_subject(cue: Token) -> Token | None:
    if cue.lower_ == "words":
        return next(
            (o for of in cue.children if of.lower_ == "of" for o in of.children if o.dep_ == "pobj"), None
        )
    if cue.lower_ == "according":
        relayed = _relayed_source(cue)
        if relayed is not None:
            return relayed
        for to in cue.children:
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return obj
        return None
    if cue.lemma_.lower() in ADDRESS_VERBS and any(c.dep_ == "auxpass" for c in cue.children):
        agents = [o for a in cue.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        return agents[0] if agents else None  # "the crews were told by the captain"
    relative = _relative_antecedent(cue)
    if relative is not None:
        return relative
    subj = subject_of(cue)
    if subj is None and cue.dep_ == "ROOT":
        subj = _misread_subject(cue)
    if subj is None:
        subj = _source_place(cue)
    return subj if subj is not None else _inverted_subject(cue)


def _source_place(cue: Token) -> Token | None:
    """ "It is noted on the Tarvik Museum website that ...", "it was stated in the Lindholm
    Gazette": an impersonal passive names no speaker, but the named place the words appear in
    does - the named owner of a page or document ("Tarvik Museum"), or a named source itself."""
    if not any(c.dep_ == "auxpass" for c in cue.children):
        return None
    for prep in cue.children:
        if prep.dep_ != "prep" or prep.lower_ not in SOURCE_PLACE_PREPS:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.pos_ == "PROPN":
                return obj
            owners = [c for c in obj.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
            if owners:
                return owners[-1]
    return None


def _inverted_subject(cue: Token) -> Token | None:
    """'"...", added the Harbour Board.': after a quote and its comma the speaker follows the
    verb, and the parser may read it as the verb's object."""
    if cue.i == 0 or cue.doc[cue.i - 1].text not in (",", "”", '"', "’", "'"):
        return None
    after = [c for c in cue.children if c.i > cue.i and c.dep_ in ("dobj", "attr", "npadvmod")]
    if after and after[0].pos_ in ("PROPN", "NOUN") and after[0].left_edge.i == cue.i + 1:
        return after[0]
    return None


def _relative_antecedent(cue: Token) -> Token | None:
    """ "... with the Harbour Court, which refused the request, stating: ...": a participle right
    after a relative clause continues it (the parser often hangs it on the main verb); the
    speaker is the noun the relative pronoun stands for."""
    if cue.tag_ != "VBG" or cue.dep_ != "advcl" or cue.i < 2 or cue.doc[cue.i - 1].text != ",":
        return None
    tok = cue.doc[cue.i - 2]
    while tok.dep_ != "relcl" and tok.head is not tok and tok.i > tok.head.i:
        tok = tok.head
    if tok.dep_ != "relcl" or tok.i > cue.i:
        return None
    if any(c.dep_ == "nsubj" and c.lower_ in ("which", "who") for c in tok.children):
        return tok.head
    return None


def _relayed_source(according: Token) -> Token | None:
    """ "According to Radio Fjord, quoting the coastguard's statement, ...": the words are the
    quoted source's (a name in apposition is preferred over its description)."""
    for verb in according.head.children:
        if verb.dep_ != "advcl" or verb.lemma_.lower() not in RELAY_VERBS:
            continue
        for obj in verb.children:
            if obj.dep_ == "dobj":
                named = [c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
                return named[0] if named else obj
    return None


def _frame(doc: Doc, ctx: ArticleContext, qi: int, tokens: range) -> list[Token]:
    """Tokens of the quote's sentences outside quote marks, within its paragraph(s)."""
    q = ctx.quotes[qi]
    s_first, s_last = ctx.sent_of[tokens.start], ctx.sent_of[tokens.stop - 1]
    lead = _colon_lead(doc, ctx, tokens.start)
    if lead is not None:
        s_first = min(s_first, lead)
    if s_last + 1 < len(ctx.sent_bounds) and _continues(doc, ctx, tokens.stop):
        s_last += 1
    paras = {ctx.paragraph(q.open), ctx.paragraph(max(q.open, q.close - 1))}
    start, end = ctx.sent_bounds[s_first][0], ctx.sent_bounds[s_last][1]
    return [t for t in doc[start:end] if ctx.quote_of[t.i] < 0 and ctx.paragraph(t.idx) in paras]


def _colon_lead(doc: Doc, ctx: ArticleContext, first: int) -> int | None:
    """'Marsh said: "..."' - the sentence ending with the colon that introduces the quote."""
    i = first - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i >= 0 and doc[i].text in (":", "—", "–") and ctx.quote_of[i] < 0:
        return ctx.sent_of[i]
    return None


def _continues(doc: Doc, ctx: ArticleContext, after: int) -> bool:
    """'"...," he said.' split into two sentences by the parser: the next one starts lower-case."""
    i = after
    while i < len(doc) and (doc[i].is_space or doc[i].is_punct) and ctx.quote_of[i] < 0:
        i += 1
    return i < len(doc) and ctx.quote_of[i] < 0 and doc[i].text[:1].islower()


def _governs(cue: Token, inside: set[int]) -> bool:
    """The cue is an ancestor of a word of the quote."""
    for i in inside:
        tok = cue.doc[i]
        for _ in range(MAX_DEPTH):
            if tok.head is tok:
                break
            tok = tok.head
            if tok.i == cue.i:
                return True
    return False


def _hangs_from(cue: Token, inside: set[int]) -> bool:
    """'"...," he said' parsed with "said" under the quote's verb (parataxis, ccomp)."""
    tok = cue
    for _ in range(MAX_DEPTH):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.i in inside:
            return True
    return False


def _only_lead(own: list[Token]) -> bool:
    """Only conjunction-like words outside the marks ("And", "But"): still a floating quote."""
    return all(t.pos_ in ("CCONJ", "ADV", "INTJ") for t in own) and len(own) <= 2
