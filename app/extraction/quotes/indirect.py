"""Indirect quotes: reported speech without quote marks ("Marsh said the ward is ...").

A reporting verb's clausal complement is what its subject said. The reported text is taken as
written, the way gold/SCHEMA.md asks:
- verb first ("Marsh said (that) X"): the complement, without "that";
- verb last ("X, Marsh said." / "X, said Marsh, a surgeon at ..."): everything before the
  attribution clause, without a leading "But"/"And";
- verb in the middle ("X, he said, Y" / "X, he said: Y"): the whole sentence;
- "according to S, X" / "X, according to S": the sentence without the "according to" phrase.
A complement that holds quote marks is left to the quote pass (the quoted words are the fact),
and what data, studies or figures "show" is not speech.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from app.extraction.quotes.attribution import PHRASAL_CUES, infinitive
from app.extraction.quotes.reported_span import Reported, emit_span
from app.extraction.text.context import ArticleContext
from app.extraction.text.syntax import subject_of
from app.lexicon import words_of
from app.lexicon.organisations import ORG_HEADS
from app.lexicon.people import PERSON_NOUNS, ROLE_WORDS
from app.lexicon.speech import (
    DOCUMENT_NOUNS,
    MEDIA_NOUNS,
    NON_SOURCE_NOUNS,
    REPORTING_VERBS,
    STANCE_NOUNS,
    VOICING_VERBS,
)

# Verbs that more often take a noun object ("reported revenue of $1.8 billion") than a clause;
# a clause after them counts only with "that", where a misparse is unlikely.
# Verbs of asking: "asked X to do Y" reports what the subject said to X.
REQUEST_VERBS = words_of("ask urge implore request")
OBJECT_VERBS = words_of("report announce post publish reveal disclose estimate forecast predict confirm")
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "eer")  # protesters, economists, residents


def find_indirect(doc: Doc, ctx: ArticleContext) -> list[Reported]:
    out: list[Reported] = []
    for tok in doc:
        if ctx.quote_of[tok.i] >= 0 or ctx.is_furniture(tok.idx):
            continue
        if tok.lower_ == "according":
            found = _according(doc, ctx, tok)
        elif tok.lemma_.lower() in REQUEST_VERBS and tok.pos_ == "VERB" and not infinitive(tok):
            found = _request(doc, ctx, tok)
        elif tok.lemma_.lower() in VOICING_VERBS and tok.pos_ == "VERB" and not infinitive(tok):
            found = _voiced(doc, ctx, tok)
        elif _reporting(tok):
            found = _as_said(doc, ctx, tok) if _as_clause(tok) else _reported(doc, ctx, tok)
        else:
            continue
        out.extend(found)
    return out


def _reporting(tok: Token) -> bool:
    """A reporting verb, or a phrasal one with its particle ("pointed out")."""
    if tok.pos_ not in ("VERB", "AUX") or infinitive(tok):
        return False
    lemma = tok.lemma_.lower()
    if lemma in PHRASAL_CUES:
        return any(c.dep_ == "prt" and c.lower_ == PHRASAL_CUES[lemma] for c in tok.children)
    return lemma in REPORTING_VERBS


def _as_clause(verb: Token) -> bool:
    """ "As Heald told the Post, ozone has dropped": "as" introduces the attribution."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _as_said(doc: Doc, ctx: ArticleContext, verb: Token) -> list[Reported]:
    """The main clause around an "As X said," attribution is what X said."""
    subj = subject_of(verb)
    if subj is None or not can_speak(subj) or ctx.quote_of[subj.i] >= 0:
        return []
    s_start, s_end = ctx.sent_bounds[ctx.sent_of[verb.i]]
    if any(ctx.quote_of[i] >= 0 for i in range(s_start, s_end)):
        return []
    clause = range(verb.left_edge.i, verb.right_edge.i + 1)
    left, right = range(s_start, clause.start), range(clause.stop, s_end)
    return emit_span(doc, ctx, right if _words(doc, right) >= _words(doc, left) else left, verb, subj)


def _request(doc: Doc, ctx: ArticleContext, verb: Token) -> list[Reported]:
    """ "asked the council to help the girls": a request reports speech; the reported text is the
    one asked and what they were asked to do."""
    subj = subject_of(verb)
    if subj is None or not can_speak(subj) or ctx.quote_of[subj.i] >= 0:
        return []
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    todo = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and infinitive(c) and c.i > verb.i]
    if not objs or not todo or objs[0].i > todo[0].i:
        return []
    sent = ctx.sent_bounds[ctx.sent_of[verb.i]]
    lo, hi = max(objs[0].left_edge.i, sent[0]), min(todo[0].right_edge.i + 1, sent[1])
    return emit_span(doc, ctx, range(lo, hi), verb, subj)


def _reported(doc: Doc, ctx: ArticleContext, verb: Token) -> list[Reported]:
    subj = _second_report_subject(verb) or subject_of(verb) or _run_on_subject(verb)
    if subj is None or not can_speak(subj) or ctx.quote_of[subj.i] >= 0:
        return []
    if any(c.dep_ == "neg" for c in verb.children):
        return []
    sent = ctx.sent_bounds[ctx.sent_of[verb.i]]
    if _misread_modifier(verb):
        stop = min(verb.head.head.right_edge.i + 1, sent[1])
        return emit_span(doc, ctx, range(verb.i + 1, stop), verb, subj)
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        return _parenthetical(doc, ctx, verb, subj, sent)
    contents = [c for c in _complements(verb) if not _quoted(ctx, c, sent) and _has_subject(c)]
    if verb.lemma_.lower() in OBJECT_VERBS:
        contents = [c for c in contents if _has_that(c) or c.i < verb.i or _finite_with_subject(c)]
    if not contents:
        return []
    before = [c for c in contents if c.right_edge.i < verb.i and not _semicolon_between(doc, c, verb)]
    after = [c for c in contents if c.left_edge.i > verb.i]
    if before and (after or _content_after(doc, ctx, verb, before, sent)):
        return emit_span(doc, ctx, range(sent[0], sent[1]), verb, subj)
    if before:
        cue_start = min(
            [verb.i, subj.left_edge.i]
            + [c.left_edge.i for c in verb.children if c.i > before[-1].right_edge.i and c.dep_ != "punct"]
        )
        return emit_span(doc, ctx, range(sent[0], cue_start), verb, subj)
    out = []
    parts = [part for clause in after for part in _that_parts(clause, sent)]
    for part in _merge_siblings(ctx, parts):
        out += emit_span(doc, ctx, part, verb, subj)
    return out


def _voiced(doc: Doc, ctx: ArticleContext, verb: Token) -> list[Reported]:
    """ "The mayor expressed concern (that) the bridge could close": the clause on the stance noun
    is what the subject said; a relative clause ("concern which ...") is not."""
    subj = subject_of(verb)
    if subj is None or not can_speak(subj) or ctx.quote_of[subj.i] >= 0:
        return []
    sent = ctx.sent_bounds[ctx.sent_of[verb.i]]
    out = []
    for noun in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in STANCE_NOUNS):
        for clause in (c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > noun.i):
            subjects = [k for k in clause.children if k.dep_ in ("nsubj", "nsubjpass")]
            if subjects and not any(k.tag_ in ("WDT", "WP", "WRB") for k in clause.children):
                out += [
                    r for part in _that_parts(clause, sent) for r in emit_span(doc, ctx, part, verb, subj)
                ]
    return out


def _misread_modifier(verb: Token) -> bool:
    """ "Tidewatch noted airspace was closed": a finite verb with its own subject that the parser
    hung on the next noun as a modifier is the main verb; the clause after it is its complement."""
    noun = verb.head
    return (
        verb.dep_ == "amod"
        and verb.tag_ == "VBD"
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
        and noun.i == verb.i + 1
        and noun.dep_ in ("nsubj", "nsubjpass")
        and noun.head.i > noun.i
    )


def _semicolon_between(doc: Doc, clause: Token, verb: Token) -> bool:
    """ "The dam held; the mayor declared a holiday": a semicolon closes an independent clause, so
    what stands before it is not the complement of a verb after it."""
    return any(doc[i].text == ";" for i in range(clause.i, verb.i))


def _second_report_subject(verb: Token) -> Token | None:
    """ "The club said Ames was paid and insist he owes them": the parser hangs a second
    subjectless reporting verb on the first one's reported clause; it shares the subject of the
    first reporting verb, not of the clause it was hung on."""
    clause = verb.head
    if (
        verb.dep_ != "conj"
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        or clause.dep_ != "ccomp"
        or not _reporting(clause.head)
    ):
        return None
    return subject_of(clause.head)


def _run_on_subject(verb: Token) -> Token | None:
    """ "Brandt sold the van, then claimed it had been stolen": the parser hangs the second
    finite verb of a comma-joined pair on the first as a bare ``dep``; it shares its subject."""
    head = verb.head
    if verb.dep_ == "dep" and verb.tag_ in ("VBD", "VBZ", "VBP") and head.pos_ == "VERB" and head.i < verb.i:
        return subject_of(head)
    return None


def _merge_siblings(ctx: ArticleContext, parts: list[range]) -> list[range]:
    """Two complements of one verb side by side are one clause the parser cut in two
    ("that the fixture, postponed in December, will be played ...")."""
    merged: list[range] = []
    for part in sorted(parts, key=lambda r: r.start):
        if merged and part.start <= merged[-1].stop + 1 and not _that_start(ctx, part):
            merged[-1] = range(merged[-1].start, max(merged[-1].stop, part.stop))
        else:
            merged.append(part)
    return merged


def _that_start(ctx: ArticleContext, part: range) -> bool:
    doc = ctx.doc
    i = part.start
    while i < part.stop and (doc[i].is_punct or doc[i].lower_ in ("and", "but", "or")):
        i += 1
    return i < part.stop and doc[i].lower_ == "that"


def can_speak(subj: Token) -> bool:
    """People, organisations, documents and pronouns speak; "speculation" or "the data" do not."""
    if subj.pos_ in ("PRON", "PROPN") or subj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if subj.lower_ in MEDIA_NOUNS:
        return True
    lemma = subj.lemma_.lower()
    if lemma in NON_SOURCE_NOUNS:
        return False
    if lemma in PERSON_NOUNS or lemma in ORG_HEADS or lemma in ROLE_WORDS or lemma in DOCUMENT_NOUNS:
        return True
    if any(
        c.dep_ in ("compound", "poss", "amod") and (c.pos_ == "PROPN" or c.ent_type_) for c in subj.children
    ):
        return True
    if lemma == "one" or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subj.children):
        return True  # "one of them, Jake Harmon, said ..."
    if any(c.dep_ == "prep" and c.lower_ == "as" and _names_someone(c) for c in subj.children):
        return True  # "groups such as Tidewatch have said ..."
    return lemma.endswith(AGENT_SUFFIXES)


def _names_someone(prep: Token) -> bool:
    return any(o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.ent_type_) for o in prep.children)


def _complements(verb: Token) -> list[Token]:
    """Clausal complements, including "said in a statement that ..." where the parser hangs the
    clause on the noun."""
    out = [c for c in verb.children if c.dep_ == "ccomp"]
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for obj in (o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in DOCUMENT_NOUNS):
            out += [a for a in obj.children if a.dep_ in ("acl", "relcl") and _has_that(a)]
    return sorted(out, key=lambda t: t.i)


def _finite_with_subject(clause: Token) -> bool:
    """ "confirmed the ferry has been found": a clause with its own subject and an auxiliary is
    not a noun object ("reported revenue of $2 million"), so it needs no "that"."""
    deps = {c.dep_ for c in clause.children}
    return bool(deps & {"nsubj", "nsubjpass"}) and bool(deps & {"aux", "auxpass"})


def _has_subject(clause: Token) -> bool:
    """ "Fees added into the bill included grants": a clause with no subject of its own under
    "added" is a misparsed sentence whose subject the verb took, not reported speech."""
    return clause.dep_ != "ccomp" or any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in clause.children
    )


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _parenthetical(
    doc: Doc, ctx: ArticleContext, verb: Token, subj: Token, sent: tuple[int, int]
) -> list[Reported]:
    """ "X, the group said, ..." hung on the main clause: the whole sentence when the main verb
    comes after the attribution ("The budget, he noted, covered ..."), else what precedes it."""
    if verb.head.i > verb.i:
        return emit_span(doc, ctx, range(sent[0], sent[1]), verb, subj)
    cue_start = min(verb.i, subj.left_edge.i)
    return emit_span(doc, ctx, range(sent[0], cue_start), verb, subj)


def _quoted(ctx: ArticleContext, clause: Token, sent: tuple[int, int]) -> bool:
    """True when the clause holds quote marks (it is then a partial quote, not indirect speech);
    a later "and that ..." conjunct free of quotes is still indirect speech."""
    parts = _that_parts(clause, sent)
    return all(any(ctx.quote_of[i] >= 0 for i in part) for part in parts)


def _that_parts(clause: Token, sent: tuple[int, int]) -> list[range]:
    """'that X and that Y': two reported clauses; never beyond the sentence (the parse of a
    sentence run on across a paragraph break reaches into the previous one)."""
    lo, hi = max(clause.left_edge.i, sent[0]), min(clause.right_edge.i + 1, sent[1])
    hi = _before_second_report(clause, lo, _before_with_saying(clause, lo, hi))
    hi = next((t.i for t in clause.subtree if lo < t.i < hi and t.lower_ == "according"), hi)
    split = [c for c in clause.children if c.dep_ == "conj" and any(m.dep_ == "mark" for m in c.children)]
    split = [c for c in split if lo <= c.left_edge.i < hi]
    if not split:
        return [range(lo, hi)]
    parts = [range(lo, split[0].left_edge.i)]
    for k, conj in enumerate(split):
        stop = split[k + 1].left_edge.i if k + 1 < len(split) else min(conj.right_edge.i + 1, hi)
        parts.append(range(conj.left_edge.i, stop))
    return parts


def _before_with_saying(clause: Token, lo: int, hi: int) -> int:
    """ "confirmed that he died on Monday, with a spokesman saying: ...": the "with X saying"
    adjunct is a second attribution, not part of what was confirmed; the clause ends before it."""
    for tok in clause.subtree:
        with_prep = lo < tok.i < hi and tok.lower_ == "with" and tok.dep_ == "prep"
        if with_prep and any(t.tag_ == "VBG" and _reporting(t) for t in tok.subtree):
            return tok.i
    return hi


def _before_second_report(clause: Token, lo: int, hi: int) -> int:
    """ "claimed Ferrante was a consultant and claim he has a grudge": a conjoined reporting verb
    with its own clause is a second statement; the first reported clause ends before it."""
    for tok in clause.subtree:
        if lo < tok.i < hi and tok.dep_ == "conj" and _reporting(tok) and _complements(tok):
            return tok.i
    return hi


def _content_after(
    doc: Doc, ctx: ArticleContext, verb: Token, before: list[Token], sent: tuple[int, int]
) -> bool:
    """Words of the writer's after the attribution clause: the cue is in the middle."""
    clause_end = max([verb.i] + [c.right_edge.i for c in verb.children if c not in before])
    return any(
        not t.is_punct and not t.is_space and ctx.quote_of[t.i] < 0 for t in doc[clause_end + 1 : sent[1]]
    )


def _according(doc: Doc, ctx: ArticleContext, tok: Token) -> list[Reported]:
    """ "According to S, X" / "X, according to S": the sentence without the phrase; when the
    sentence goes on into a quotation, the reported text is what comes before it."""
    src = next(
        (o for to in tok.children if to.lower_ == "to" for o in to.children if o.dep_ in ("pobj", "pcomp")),
        None,
    )
    if src is None or src.lemma_.lower() in NON_SOURCE_NOUNS or _in_relative_clause(tok):
        return []
    if any(c.lemma_.lower() in NON_SOURCE_NOUNS for c in src.children if c.dep_ in ("compound", "amod")):
        return []
    s_start, s_end = ctx.sent_bounds[ctx.sent_of[tok.i]]
    quoted = [i for i in range(s_start, s_end) if ctx.quote_of[i] >= 0]
    phrase = range(tok.left_edge.i, _source_end(src) + 1)
    if quoted and (quoted[0] < phrase.stop or phrase.start > s_start):
        return []
    s_end = quoted[0] if quoted else s_end
    left, right = range(s_start, phrase.start), range(phrase.stop, s_end)
    body = right if _words(doc, right) >= _words(doc, left) else left
    nested = next((doc[i] for i in body if _reporting(doc[i]) and _complements(doc[i])), None)
    if nested is not None:
        return _relayed(doc, ctx, nested, src, body)
    return emit_span(doc, ctx, body, tok, src)


def _relayed(doc: Doc, ctx: ArticleContext, verb: Token, src: Token, body: range) -> list[Reported]:
    """ "According to the Gazette, Dr Lin said X": X is what Dr Lin said, not the Gazette; the
    parser may hang the name on the outlet as an appositive, and it is still the speaker."""
    named = [c for c in src.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    subj = subject_of(verb) or (named[0] if named else src)
    parts = [r for c in _complements(verb) if c.i > verb.i for r in _that_parts(c, (body.start, body.stop))]
    return [r for part in parts for r in emit_span(doc, ctx, part, verb, subj)]


def _source_end(src: Token) -> int:
    """Last token of the source's noun phrase. Without a comma the parser may hang the reported
    clause's subject on the source ("According to Marek the ferry was late": "ferry" as its
    object); a noun has no object or clause of its own, so those children end the phrase."""
    own = [c.right_edge.i for c in src.children if c.dep_ not in ("dobj", "nsubj", "ccomp", "advcl")]
    return max([src.i, *(i for i in own if i > src.i)])


def _in_relative_clause(tok: Token) -> bool:
    """ "rules which, according to Reuters, groups have opposed": a phrase interrupting a relative
    clause before its verb backs that clause only, not a statement the sentence reports (at the
    end, "..., which are held by rebels according to reports", it sources the whole sentence)."""
    return any(a.dep_ == "relcl" and tok.i < a.i for a in [tok.head, *tok.head.ancestors])


def _words(doc: Doc, toks: range) -> int:
    return sum(1 for i in toks if doc[i].is_alpha)
