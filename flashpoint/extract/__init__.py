"""The ``extract`` stage: event mentions from parsed sentences.

A mention is found from a trigger word (verb or event noun from ``data/triggers.csv``) and filled from the
dependency parse: who is the subject or the "by" agent (source), who the object or the "on/against" target,
which numbers modify the killed, which speech or blame verb governs it (attribution, modality), which time
expression and place are attached to it. Mentions are merged into events and linked by ``flashpoint.link``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from flashpoint.clean import CleanDocument
from flashpoint.extract import lexicon as lx
from flashpoint.extract import verbal
from flashpoint.extract.casualties import Count, count_of_phrase, sentence_casualties
from flashpoint.nlp import ParsedDocument
from flashpoint.resolve.times import TimeExpression, find_times


@dataclass(slots=True)
class Phrase:
    """An actor or place phrase with raw-document offsets."""

    text: str
    start: int
    end: int
    head: str = ""  # head lemma
    pronoun: bool = False
    affiliation: str | None = None
    ent: str = ""
    locative: bool = False  # a place introduced by a locative preposition ("in Sirte", "near the border")


@dataclass(slots=True)
class Mention:
    """One mention of an event in one sentence (offsets into the raw document text)."""

    doc_id: str
    seg_index: int
    seg_kind: str
    sent_start: int
    sent_end: int
    trigger_text: str
    trigger_start: int
    trigger_end: int
    family: str
    cameo: str
    instrument: str | None = None
    sources: list[Phrase] = field(default_factory=list)
    targets: list[Phrase] = field(default_factory=list)
    killed: Count | None = None
    injured: Count | None = None
    modality: str = "asserted"
    attribution: str | None = None
    time: TimeExpression | None = None
    time_scope: str = "none"  # local, sentence, none
    places: list[Phrase] = field(default_factory=list)
    place_scope: str = "none"
    anaphoric: bool = False
    links: list[tuple[str, int]] = field(default_factory=list)  # (relation, raw offset of the other trigger)
    speech_content: list[int] = field(default_factory=list)  # raw offsets of triggers inside a reported clause
    order: int = 0
    confidence: float = 0.5
    context_violent: bool = False
    context_nonviolent: bool = False  # "without resistance", "no violence was reported"
    crowd_control: bool = False
    protest_context: bool = False  # the paragraph tells a protest (a crowd's violence is a demonstration's)
    alias_offsets: list[int] = field(default_factory=list)  # triggers folded into this mention ("killing")
    grievance: bool = False  # the event a protest is about ("protesting over the killing of a teacher")
    object_heads: set[str] = field(default_factory=set)  # what was acted on ("village", "police station")
    armed_nearby: bool = False  # the sentence names armed actors (soldiers, rebels, police, gunmen ...)
    disrupted: bool = False  # the explosive went off while being planted or built, or was destroyed on purpose


_HOSTED = {"visit", "talk", "meeting", "summit", "delegation", "counterpart", "president", "minister", "leader",
           "envoy", "conference", "prime", "king", "premier", "chancellor", "secretary", "negotiation", "round"}
_NONVIOLENT_CAUSES = {"crash", "accident", "fire", "flood", "flooding", "storm", "earthquake", "quake", "disease",
                      "virus", "outbreak", "stampede", "collapse", "landslide", "cyclone", "hurricane", "drought",
                      "heat", "airliner", "plane", "aircraft", "bus", "truck", "lorry", "car", "train",
                      "lightning", "illness", "epidemic", "cholera", "covid", "famine", "avalanche", "blaze",
                      "crush", "mudslide", "typhoon", "tornado", "heatwave", "pandemic", "malaria", "measles",
                      "ebola", "wreck", "derailment", "capsize", "sinking", "boat", "ferry"}
_ABSTRACT = {"hope", "chance", "career", "reputation", "relationship", "trust", "evidence", "record", "confidence",
             "credibility", "future", "dream", "life", "lives", "economy", "peace", "process", "argument", "claim",
             "democracy", "morale", "calorie", "energy"}
_GOODS = {"livestock", "cattle", "goat", "sheep", "cow", "camel", "belonging", "property", "goods", "good", "cash",
          "money", "food", "grain", "supply", "fuel", "motorbike", "motorcycle", "vehicle", "car", "truck", "phone",
          "valuables", "merchandise", "shop", "store", "crop", "harvest", "ration", "medicine", "equipment"}
_ACCIDENT_CUES = {"gas", "leak", "boiler", "cylinder", "accident", "accidental", "industrial", "factory", "chemical",
                  "firework", "fireworks", "methane", "pipeline", "transformer", "refinery", "short-circuit", "blaze"}
_NONVIOLENT_VERBS = {"crash", "collapse", "capsize", "sink", "derail", "overturn", "burn", "erupt", "flood", "die"}
_NONVIOLENT_CUES = re.compile(
    r"\b(?:without (?:any )?(?:resistance|a fight|fighting|firing a shot|a shot|violence|clashes)|no (?:violence|"
    r"fighting|clashes|resistance) (?:was|were) reported|peacefully|(?:had )?fled (?:the|before)"
    r"|abandoned (?:the|their)|withdrew from)\b", re.I)
# Clauses that tell the result of an act: "fired on the crowd, killing two", "leaving one person shot dead"
# prepositions that attach a casualty verb to the attack it resulted from ("killed in / following an ambush")
_HOST_PREPS = {"in", "during", "by", "after", "amid", "following"}
_RESULT_DEPS = ("advcl", "conj", "xcomp", "ccomp", "oprd", "dobj", "acl")
_ACCIDENT_TEXT = re.compile(r"\b(?:gas (?:leak|explosion|cylinder)|boiler explosion|industrial accident|"
                           r"(?:leak|accident)s? (?:led|caused|triggered) (?:to )?an? (?:explosion|blast))\b", re.I)
_EVENT_NOUNS = {"violence", "unrest", "fighting", "chaos", "tension", "tensions", "incident", "commotion", "brawl",
                "scuffle", "crisis", "conflict", "war", "insecurity", "situation"}
_ARMED_WORDS = {"soldier", "troop", "army", "military", "police", "policeman", "gendarme", "militant", "rebel",
                "insurgent", "jihadist", "gunman", "gunmen", "fighter", "militia", "militiaman", "militiamen", "force",
                "armed", "bandit", "terrorist", "assailant", "attacker"}
_GENERIC_GOVERNORS = {"prohibit", "ban", "forbid", "prevent", "deter", "avoid", "oppose", "outlaw", "criminalize",
                      "criminalise", "fear", "risk", "allow", "permit", "authorize", "authorise", "discourage",
                      "tolerate", "justify", "glorify", "encourage", "incite", "advocate"}
_LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "into", "around", "from", "within", "throughout",
                   "on", "off", "along", "towards", "toward", "to", "north", "south", "east", "west"}
_PRONOUNS = {"it", "they", "he", "she", "we", "them", "this", "that", "which", "who", "its", "their", "i", "you"}
_NEG_WORDS = {"not", "n't", "never", "no"}
_FUTURE_AUX = {"will", "would", "shall", "'ll"}
_HYPO_AUX = {"could", "might", "may"}
_PLAN_VERBS = {"plan", "intend", "prepare", "aim", "seek", "expect", "set", "schedule", "want", "hope", "decide"}
_THREAT_VERBS = {"threaten", "vow", "warn", "pledge", "promise", "swear"}
_DENY_VERBS = {"deny", "reject", "dismiss", "refute"}
_ALLEGE_VERBS = {"blame", "accuse", "suspect", "attribute", "allege", "charge"}
_ALLEGE_ADV = {"allegedly", "reportedly", "purportedly", "suspected", "alleged"}
_LINK_PREPS = {
    ("retaliation", "for"): "retaliation_for", ("revenge", "for"): "retaliation_for",
    ("response", "to"): "response_to", ("reaction", "to"): "response_to", ("reprisal", "for"): "retaliation_for",
}
_TIME_WORD = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|week|month|year|ago|overnight|"
    r"morning|evening|night|january|february|march|april|june|july|august|september|october|november|december|"
    r"\d{4}|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.", re.I)


_MET_GOALS = {"demand", "need", "needs", "target", "deadline", "requirement", "standard", "expectation", "criterion",
              "criteria", "goal", "obligation", "cost", "costs", "condition", "conditions", "quota", "end", "fate",
              "challenge", "threshold", "commitment"}
_RELEASED_THINGS = {"statement", "report", "video", "footage", "figure", "figures", "data", "detail", "details",
                    "result", "results", "list", "name", "names", "photo", "photograph", "image", "picture", "album",
                    "film", "document", "documents", "record", "records", "information", "budget", "fund", "funds",
                    "communique", "communiqué", "findings", "text", "recording", "audio", "tape", "message",
                    "letter", "book", "song", "version", "plan", "proposal", "guideline", "guidelines", "survey",
                    "poll", "study", "transcript", "memo", "dossier", "file", "files", "number", "numbers"}
# Families whose code the verb's frame narrows (what is asked, offered, expelled), and those that are cooperative
# acts which, told as a commitment ("will visit"), are coded as an intent to cooperate (03x).
_DIPLOMATIC_FAMILIES = {"verbal", "appeal", "call", "demand", "expel", "sever", "talks", "negotiate", "vow", "agree",
                        "provide", "aidnoun"}
_COOPERATIVE_FAMILIES = {"verbal", "meet", "talks", "negotiate", "visit", "arrive", "host", "sign", "agreement",
                         "restore", "provide", "aidnoun", "release", "lift", "ceasefire"}
_PLACE_HEADS = {"neighbourhood", "neighborhood", "district", "province", "city", "town", "village", "region", "area",
                "suburb", "airport", "base", "border", "camp", "street", "square", "zone", "county", "state", "capital",
                "outskirts", "governorate", "municipality", "market", "road", "highway", "port", "prison", "department",
                "commune", "township", "division", "prefecture", "arrondissement", "sector", "woreda", "upazila",
                "tehsil", "lga", "territory", "locality", "axis", "forest", "valley", "river", "mountains", "hills"}


def locative(sdoc: Doc, start: int, end: int) -> bool:
    """False for a place name used as a modifier of an actor or thing ("US military", "Iraqi base")."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    root = span.root
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text in ("-", "–") and doc[span.end + 1].tag_ in ("VBN", "JJ"):
        return False  # "Iran-backed", "Saudi-led", "Kabul-based": a modifier of an actor
    if root.dep_ in ("compound", "nmod", "amod") and root.head.i >= span.end and root.head.pos_ == "NOUN":
        return root.head.lemma_.lower() in _PLACE_HEADS
    if root.dep_ in ("compound", "nmod") and root.head.pos_ == "PROPN" and root.head.ent_type_ in ("ORG", "FAC"):
        return False
    return True


def _raw(cd: CleanDocument, seg_index: int, offset: int) -> int:
    return cd.raw_offset(seg_index, offset)


def _np_head(tok: Token) -> Token:
    """The content head of a noun phrase: "dozens of protesters" -> protesters; "fighters of X" -> X."""
    for _ in range(3):
        low = tok.lower_
        if low in lx.QUANTITY_HEADS or tok.like_num:
            pobj = [c for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
                    if c.dep_ == "pobj"]
            if pobj:
                tok = pobj[0]
                continue
        break
    return tok


def _phrase(tok: Token, cd: CleanDocument, seg_index: int) -> Phrase:
    """The actor phrase headed by ``tok``: its left modifiers and the head (no relative clauses)."""
    head = _np_head(tok)
    affiliation = None
    if head.lemma_.lower() in lx.MEMBER_NOUNS:
        of = [c for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for c in p.children
              if c.dep_ == "pobj"]
        if of:
            org = of[0]
            appos = [c for c in org.subtree if c.dep_ == "appos" and c.pos_ == "PROPN"]
            org_tok = appos[0] if appos and org.pos_ != "PROPN" else org
            affiliation = _left_text(org_tok)
            if head.lemma_.lower() not in ("supporter", "loyalist"):
                head = org_tok
    left = [t for t in head.subtree if t.i <= head.i and t.dep_ in (
        "compound", "amod", "nmod", "poss", "det", "nummod", "npadvmod", "case", "punct", "quantmod", "advmod",
        "nummod") and t.head.i >= t.i]
    start_tok = min([t for t in left if t.dep_ not in ("det", "punct")] + [head], key=lambda t: t.i)
    # Keep "of"-complements of titles: "secretary of state", "Minister of Defence"
    end_tok = head
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ == "of" and head.lemma_.lower() in (
                "secretary", "minister", "ministry", "head", "chief", "president", "commander", "department"):
            end_tok = max(p.subtree, key=lambda t: t.i)
    # Names that extend right ("Mike Pompeo" when head is "secretary" nmod) are handled by the caller.
    span = head.doc[start_tok.i: end_tok.i + 1]
    text = span.text.strip(" ,'\"")
    if text.lower().endswith("'s"):
        text = text[:-2]
    s = _raw(cd, seg_index, span.start_char)
    return Phrase(text=text, start=s, end=s + len(text), head=head.lemma_.lower(),
                  pronoun=head.lower_ in _PRONOUNS or head.pos_ == "PRON", affiliation=affiliation,
                  ent=head.ent_type_)


def _left_text(tok: Token) -> str:
    left = [t for t in tok.subtree if t.i <= tok.i and t.dep_ in ("compound", "amod", "nmod", "npadvmod", "punct")
            or t.i == tok.i]
    lo = min(t.i for t in left)
    return tok.doc[lo: tok.i + 1].text


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN", "PRON")]]


def _prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent") and p.lower_ in preps:
            out.extend(c for c in p.children if c.dep_ == "pobj")
    return out


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
        tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN")


def _relcl_antecedent(tok: Token) -> Token | None:
    """For a verb in a relative clause, the noun the clause modifies ("strikes that killed" -> strikes)."""
    if tok.dep_ == "relcl":
        return tok.head
    return None


def _governing_verbs(tok: Token, limit: int = 6) -> list[Token]:
    out = []
    cur = tok
    for _ in range(limit):
        if cur.head is cur:
            break
        cur = cur.head
        out.append(cur)
    return out


def _in_headline(cd: CleanDocument, seg_index: int) -> bool:
    return cd.segments[seg_index].kind == "headline"


def _is_trigger(tok: Token, headline: bool) -> lx.Trigger | None:
    table = lx.load_triggers()
    lemma = tok.lemma_.lower()
    pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ in ("NOUN", "PROPN") else None
    if pos is None and tok.pos_ == "ADJ" and any(c.dep_ == "dobj" for c in tok.children):
        pos = "VERB"  # a verb the tagger took for an adjective, betrayed by its object ("forces clear the town")
    if pos is None:
        return None
    lemma = lx.LEMMA_FIXES.get(tok.lower_, lemma)
    if lemma in ("capture", "take", "occupy", "seize") and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" \
            and tok.doc[tok.i - 2].lower_ == "re":
        return table.get(("retake", "VERB"))  # "re-captured": the tokenizer splits off the prefix
    if tok.lower_ == "in" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "sit":
        return table.get(("sit-in", "NOUN"))  # "staged a sit-in": the tokenizer splits the noun in three
    if lemma in lx.SEXUAL_VERBS and any(c.lower_ == "sexually" for c in tok.children):
        return table.get(("rape", "VERB"))
    trig = table.get((lemma, pos)) or table.get((tok.lower_, pos))
    if trig is None and headline:
        # Headlines are often mis-tagged ("militia storm into embassy" -> storm NOUN)
        trig = table.get((lemma, "VERB" if pos == "NOUN" else "NOUN"))
    return trig


def _words(tokens: list[Token] | Span) -> set[str]:
    out = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    if "air" in out and all(t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in _AIR_PLACES
                            for t in tokens if t.lower_ == "air"):
        out.discard("air")  # "rockets struck an air base": a place, not an aircraft
    return out


_AIR_PLACES = {"base", "bases", "field", "fields", "strip", "port", "terminal", "defence", "defense", "traffic",
               "space", "conditioning", "quality"}


_RENAMING_VERBS = {"call", "describe", "label", "term", "brand", "dub", "denounce", "condemn", "decry", "characterise",
                   "characterize", "qualify", "see", "view", "regard", "consider"}


def _renames_an_event(tok: Token) -> bool:
    """"condemned the strike, calling it the assassination of ...", "condemned the strike as a brazen attack":
    the noun names again an event the sentence has already told; it is no event of its own."""
    head = tok.head
    if tok.dep_ in ("oprd", "xcomp", "attr", "ccomp") and head.lemma_.lower() in _RENAMING_VERBS:
        return any(c.dep_ == "dobj" and c.lower_ in ("it", "this", "them", "that") for c in head.children)
    if tok.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in _RENAMING_VERBS:
        return any(c.dep_ in ("dobj", "nsubjpass") for c in head.head.children)
    return False


def _accept(tok: Token, trig: lx.Trigger, sent: Span, headline: bool) -> tuple[bool, str]:
    """Decide whether a trigger word really denotes an event here; may change the family."""
    fam = trig.family
    lemma = tok.lemma_.lower()
    # its own subject, else (for "..., killing nine") the subject of the clause it hangs on
    subjects = _children(tok, "nsubj") or (_children(tok.head, "nsubj") or ([tok.head.head] if tok.head.dep_ == "acl"
                                                                            else [])
                                           if tok.dep_ in ("advcl", "xcomp", "conj") and tok.head.i != tok.i else [])
    if fam in lx.VIOLENT | {"kill", "attack", "destroy", "burn", "strike", "bomb"} and any(
            _words(list(s.subtree)) & lx.DISASTER_WORDS for s in subjects):
        return False, fam  # "Typhoon Phanfone struck the Philippines": nobody's act
    if tok.pos_ == "NOUN" and _renames_an_event(tok):
        return False, fam
    if lemma == "encounter" and not _words(list(sent)) & {
            "killed", "kill", "dead", "died", "shot", "gunfight", "firing", "exchange", "fire", "militant", "militants",
            "maoists", "maoist", "terrorist", "terrorists", "insurgents", "rebels", "gunmen", "bandits", "robbers"}:
        return False, fam  # South Asian reports call a gunfight with the police an "encounter"; a meeting is not one
    if fam in ("clash", "engage"):
        foes = _children(tok, "dobj") + _prep_objects(tok, {"with", "against"}) + [
            c for p in _children(tok, "compound", "amod") for c in [p]]
        if any(_np_head(f).lemma_.lower() in lx.ABSTRACT_FOES or f.lower_ in lx.ABSTRACT_FOES for f in foes):
            return False, fam  # "a long battle with cancer", "fight corruption", "battled the blaze"
        if tok.pos_ == "VERB" and not foes and any(c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB" and any(
                a.lower_ == "to" and a.dep_ == "aux" for a in c.children) for c in tok.children):
            return False, fam  # "police battling to contain the looting": struggling to do something
        subj = _children(tok, "nsubj")
        if fam == "engage" and subj and subj[0].pos_ == "PRON" and all(
                f.pos_ == "PRON" for f in _prep_objects(tok, {"with"}) or [subj[0]]) and not _children(tok, "dobj"):
            return False, fam  # "we would engage with them differently": talk, not combat
    if lemma == "return" and "fire" in {c.lemma_.lower() for c in _children(tok, "dobj")}:
        return True, "clash"  # "the policemen returned fire": a fight, not a return
    neighbours = (tok.nbor(-1) if tok.i > 0 else tok, tok.nbor(1) if tok.i + 1 < len(tok.doc) else tok)
    if tok.ent_type_ in ("DATE", "TIME") or (
            tok.text[:1].isupper() and lemma in ("march", "may") and any(n.like_num for n in neighbours)):
        return False, fam  # "21 March." is a date, not a march
    if tok.pos_ == "VERB" and tok.dep_ == "amod" and not headline and not (
            tok.tag_ == "VBD" and tok.i > 0 and tok.nbor(-1).pos_ in ("PROPN", "NOUN") and tok.head.i > tok.i):
        return False, fam  # participles used as adjectives: "state-sanctioned", "the wounded"
    kids = {c.lemma_.lower() for c in tok.children}
    mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "nummod")}
    if tok.pos_ in ("NOUN", "PROPN") and not headline:
        # A noun modifying another noun is an event only when the head is itself event-like ("protest action",
        # "attack incident"), not an actor or a thing ("protest leaders", "attack helicopter").
        if tok.dep_ in ("compound",) and fam not in ("air",) and tok.head.lemma_.lower() not in (
                "action", "march", "campaign", "movement", "incident", "operation", "event", "rally", "wave",
                "violence", "spree"):
            return False, fam
    if fam == "strike" and tok.pos_ == "VERB" and _words([t for c in _children(tok, "dobj") for t in c.subtree]) & (
            lx.EXPLOSIVE | {"ied", "landmine", "mine"}):
        return True, "bomb"  # "an army vehicle struck an IED"
    if fam == "strike":
        if mods & (lx.AIR | lx.SHELLING | {"military", "missile", "drone", "precision", "retaliatory", "us",
                                          "american", "israeli", "russian", "coalition", "deadly"}) \
                or tok.pos_ == "VERB" and _words(list(tok.subtree)) & (lx.AIR | lx.SHELLING | {"target"}):
            return True, "air" if mods & lx.AIR or (_words(list(tok.subtree)) & lx.AIR) else "strike"
        subj_words = {c.lemma_.lower() for c in _children(tok, "nsubj", "compound", "poss")}
        gov_subj = {c.lemma_.lower() for c in _children(tok.head, "nsubj")} if tok.dep_ == "dobj" else set()
        labour_people = {"worker", "teacher", "doctor", "union", "employee", "driver", "nurse", "lecturer", "staff",
                         "trader", "student", "miner", "labour", "member", "civil", "servant", "judge", "magistrate",
                         "pilot", "operator", "transporter", "farmer", "medic"}
        if tok.pos_ == "NOUN" and any(p.lower_ in ("on", "against") and _children(p, "pobj")
                                      for p in _children(tok, "prep")):
            return True, "strike"  # "the January 8 strike on the air base": a strike on something is an attack
        if (subj_words | gov_subj) & labour_people or kids & {"hunger", "general", "labour", "sit", "nationwide",
                                                              "indefinite", "day", "hour", "week", "warning"} or \
                any(c.like_num and c.head.lemma_.lower() in ("day", "hour", "week", "month")
                    or c.lower_.endswith(("-day", "-hour", "-week")) for c in tok.subtree if c.i < tok.i):
            return True, "labour"
        if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "dobj", "pobj", "ROOT") and _children(tok, "det", "poss"):
            return True, "strike"
        if tok.pos_ == "VERB" and (_children(tok, "dobj") and _children(tok, "nsubj")):
            return True, "attack"
        return False, fam
    if fam == "fire":
        # "fired rockets at", "fired tear gas", "opened fire"; not "was fired" (dismissed) or "set fire"
        objs = {x.lemma_.lower() for c in _children(tok, "dobj") for x in [c, *c.conjuncts]} | {
            x.lower_ for c in _children(tok, "dobj") for x in c.subtree}
        if objs & lx.SHELLING:
            return True, "shelling"
        if objs & {"gas", "shot", "bullet", "round", "warning", "canister", "teargas", "gunshot", "ammunition"}:
            if objs & {"gas", "canister", "teargas"} and not objs & {"live", "bullet", "ammunition"}:
                return True, "crowd"
            in_air = any(o.lower_ == "air" for o in _prep_objects(tok, {"in", "into"}))
            return True, "warning_shots" if in_air or "warning" in objs else "shoot"
        if any(o.lower_ == "air" for o in _prep_objects(tok, {"in", "into"})):
            return True, "warning_shots"
        if _prep_objects(tok, {"on", "at", "upon"}):
            return True, "shoot"
        return False, fam
    if fam == "openfire":
        return ("fire" in {c.lemma_.lower() for c in _children(tok, "dobj")}), "shoot"
    if fam == "launch":
        objs = _words([c for c in tok.children if c.dep_ == "dobj" for c in c.subtree])
        if objs & lx.SHELLING:
            return True, "shelling"
        if objs & lx.AIR:
            return True, "air"
        return False, fam
    if fam == "shootdown":
        downed = "shot" in tok.lower_ or lemma == "down" or any(c.lower_ == "down" for c in tok.children)
        objs = _words([t for c in _children(tok, "dobj", "nsubjpass") for t in c.subtree])
        if downed and objs & lx.PROJECTILES and not objs & {"plane", "aircraft", "jet", "helicopter", "airliner"}:
            return True, "disrupt"  # "eight drones were shot down": a weapon stopped, ACLED's disrupted weapons use
        return downed, fam
    if fam in ("burn", "destroy"):
        # Physical things, not hopes or careers: the object is a concrete noun or a named place
        objs = [o for o in _children(tok, "dobj", "nsubjpass")]
        if not objs or any(_np_head(o).lemma_.lower() in _ABSTRACT for o in objs) or \
                (fam == "burn" and not objs):
            return False, fam
    if fam == "strip":
        return bool(_words([t for c in _children(tok, "dobj") for t in c.subtree]) & _GOODS), "loot"
    if fam == "flee":
        subj = [_np_head(c).lemma_.lower() for c in _children(tok, "nsubj", "nsubjpass", "dobj")]
        return bool(set(subj) & (lx.PERSON_NOUNS | {"inhabitant", "family", "household", "population",
                                                    "thousand", "hundred"})), "displacement"
    if fam == "create":
        objs = _words([t for c in _children(tok, "dobj", "nsubjpass") for t in c.subtree])
        return bool(objs & {"militia", "brigade", "group", "force", "unit", "committee", "movement", "coalition",
                            "alliance", "faction", "vigilante", "self-defense", "self-defence"}), "change"
    if fam == "spotted":
        subj = _words([t for c in _children(tok, "nsubjpass", "dobj") for t in c.subtree])
        return bool(subj & {"militant", "gunman", "gunmen", "fighter", "jihadist", "armed", "rebel", "assailant",
                            "insurgent", "militia", "terrorist", "individual"}) and _is_passive(tok) or bool(
            subj & {"militant", "fighter", "gunmen", "jihadist", "rebel"}), "change"
    if fam == "close":
        objs = _words([t for c in _children(tok, "dobj", "nsubjpass") for t in c.subtree])
        return bool(objs & {"school", "border", "market", "office", "road", "mosque", "church", "clinic",
                            "hospital", "crossing", "airport", "university"}), "change"
    if fam in ("recover", "discover"):
        objs = _words([t for c in _children(tok, "dobj", "nsubjpass") for t in c.subtree])
        if objs & {"ied", "explosive", "bomb", "weapon", "arm", "ammunition", "mine", "landmine", "device", "grenade",
                   "rifle", "gun", "cache", "rocket", "detonator"}:
            return True, "disrupt"
        if fam == "discover" and objs & {"body", "bodies", "corpse", "corpses", "remains", "grave"}:
            return True, "bodies"
        return False, fam
    if fam == "disarm":
        return True, "disrupt"
    if fam == "suspend" and not _children(tok, "dobj", "nsubjpass"):
        return False, fam
    if fam == "change" and tok.pos_ == "NOUN" and tok.head.lemma_.lower() not in ("announce", "accept", "negotiate"):
        return False, fam
    if fam == "bomb" and tok.pos_ == "NOUN" and _words(list(sent)) & _ACCIDENT_CUES:
        return False, fam  # a gas explosion or an industrial accident is not an attack
    if fam == "bomb" and (_words(list(sent)) & {"prematurely", "accidentally", "accidental"} or any(
            t.lemma_.lower() in ("plant", "assemble", "make", "manufacture") and t.tag_ == "VBG" for t in sent)):
        return True, "disrupt"  # an IED that went off while being planted or built
    if fam == "declare":
        objs = _words([t for c in _children(tok, "dobj", "nsubjpass") for t in c.subtree])
        if objs & {"emergency", "curfew", "law"} and (objs & {"state", "curfew", "martial"}):
            return True, "emergency"
        return False, fam
    if fam == "beat":
        return bool(_children(tok, "dobj", "nsubjpass")) and not (
            _words([t for c in _children(tok, "dobj") for t in c.subtree]) & {"record", "odds", "deadline",
                                                                            "team", "rival", "side"}), "beat"
    if fam in ("accuse", "condemn", "verbal") and tok.dep_ == "acl" and tok.tag_ == "VBN" and not _prep_objects(
            tok, {"by"}):
        return False, fam  # "officials accused of a role in ...": a description of someone, not an accusation
    if fam in ("verbal", "arrive", "restore", "aidnoun", "provide", "lift", "sever", "recall", "dismiss", "crackdown"):
        objs = _words([t for c in _children(tok, "dobj", "nsubjpass") for t in c.subtree])
        if tok.pos_ == "VERB" and tok.dep_ in ("amod", "compound"):
            return False, fam
        if fam == "arrive":
            return bool(_prep_objects(tok, {"in", "at"})) and bool(_children(tok, "nsubj")), fam
        if fam == "restore":
            return bool(objs & {"tie", "ties", "relation", "relations", "contact", "order"}), fam
        if fam == "provide":
            return bool(objs & {"aid", "assistance", "help", "support", "weapon", "arm", "fund", "loan", "food",
                                "equipment", "training", "shelter", "asylum"}), fam
        if fam == "aidnoun":
            return tok.head.lemma_.lower() in ("send", "provide", "deliver", "give", "pledge", "offer", "approve",
                                               "grant", "donate"), fam
        if fam == "lift":
            return bool(objs & {"sanction", "embargo", "ban", "curfew", "blockade", "restriction", "siege"}), fam
        if fam == "sever":
            return bool(objs & {"tie", "ties", "relation", "relations", "aid", "contact", "funding"}), fam
        if fam == "recall":
            return bool(objs & {"ambassador", "envoy", "diplomat"}), fam
        if fam == "dismiss":
            return bool(objs & {"claim", "report", "accusation", "allegation", "proposal", "demand", "offer",
                                "call", "plan"}), fam
        if fam == "crackdown":
            return (tok.pos_ == "NOUN" or any(c.lower_ == "down" for c in tok.children)), fam
        if tok.pos_ == "VERB" and not (_children(tok, "nsubj") or _children(tok, "nsubjpass")):
            return False, fam  # a bare verb without anyone doing it ("to support", "supporting") is not an event
        return True, "verbal"
    if fam == "host":
        objs = [c for c in _children(tok, "dobj")]
        if not objs or not any(o.lemma_.lower() in _HOSTED or o.ent_type_ in ("PERSON", "GPE") for o in objs) or (
                tok.dep_ in ("acl", "relcl") and not _children(tok, "nsubj")):
            return False, fam
    if fam == "die":
        if any(o.lemma_.lower() in _NONVIOLENT_CAUSES | {"illness", "cancer", "age", "complication", "hunger",
                                                          "starvation", "cold", "disease"}
               for o in _prep_objects(tok, {"of", "in", "from", "after"})):
            return False, fam
        para_words = _words(list(tok.doc))
        if not para_words & {"shoot", "shot", "gun", "gunman", "gunmen", "attack", "bomb", "clash", "violence",
                             "machete", "fight", "fighting", "wound", "injury", "stab", "beat", "raid", "explosion",
                             "militant", "rebel", "soldier", "troops", "police", "killing", "arrow", "dispute",
                             "bomber", "explosive", "suicide", "blast", "ied", "mine", "rocket", "missile", "drone",
                             "strike", "airstrike", "shelling", "gunfire", "ambush", "grenade", "checkpoint"}:
            return False, fam
    if fam in ("kill", "wound") and tok.pos_ == "VERB":
        subj = _children(tok, "nsubj")
        if subj and (subj[0].lemma_.lower() in _NONVIOLENT_CAUSES or _np_head(subj[0]).lemma_.lower()
                     in _NONVIOLENT_CAUSES):
            return False, fam
        if tok.dep_ in ("advcl", "conj") and tok.head.lemma_.lower() in _NONVIOLENT_VERBS:
            return False, fam
        if any(o.lemma_.lower() in _NONVIOLENT_CAUSES for o in _prep_objects(tok, {"in"})):
            return False, fam
    if fam == "storm":
        return True, fam
    if fam == "engage" and any((o.lemma_.lower(), "NOUN") in lx.load_triggers() for o in _prep_objects(tok, {"in"})):
        return False, fam  # "engaged in a violent demonstration": the noun tells the event
    if fam == "projectile_bomb":
        # "an explosive hit the wall", "a bomb went off", "the device exploded"
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in (
                "hit", "explode", "detonate", "go", "kill", "wound", "injure", "damage", "destroy", "rip",
                "tear", "blow", "target", "strike"):
            if tok.lower_ == "device" and not (_words(list(sent)) & (lx.EXPLOSIVE | {"explosive", "ied"})):
                return False, fam
            if _words(list(sent)) & {"prematurely", "accidentally", "accidental"} or any(
                    t.lemma_.lower() in ("plant", "assemble", "make", "manufacture", "carry") and t.tag_ == "VBG"
                    for t in sent):
                return True, "disrupt"  # it went off in the hands of those planting or carrying it
            return True, "bomb"
        return False, fam
    if fam == "projectile":
        # "rockets hit the base", "a missile slammed into": the weapon noun stands for the attack
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in (
                "hit", "land", "strike", "slam", "fall", "target", "explode", "rain", "crash", "impact", "pound",
                "kill", "wound", "injure", "damage", "destroy", "fire", "launch"):
            return True, "shelling"
        return False, fam
    if fam == "call":
        objs = _prep_objects(tok, {"for"})
        if tok.pos_ == "VERB" and not any(p.lower_ == "for" or p.lower_ == "on" for p in tok.children):
            return False, fam
        if objs and objs[0].lemma_.lower() in ("retaliation", "revenge", "attack", "jihad", "war", "vengeance"):
            return True, "threat_call"
        return (tok.pos_ == "VERB"), "appeal"
    if fam in ("revenge", "retaliate"):
        return False, fam  # handled through the verb that governs them ("vowed revenge", "calls for retaliation")
    if fam == "threat":
        return tok.dep_ in ("dobj", "nsubj") and any(c.lower_ in ("issue", "make") for c in [tok.head]), "threaten"
    if fam == "seize":
        objs = _words([c for c in _children(tok, "dobj", "nsubjpass") for c in c.subtree])
        if objs & {"town", "city", "village", "control", "base", "area", "territory", "district", "position",
                   "camp", "region", "locality", "outpost", "post", "checkpoint", "airport", "border", "hill"}:
            return True, fam
        if objs & {"weapon", "arm", "ammunition", "explosive", "cache", "rifle", "gun", "drug", "bomb"}:
            return True, "disrupt"
        if objs & _GOODS:
            return True, "loot"
        if any(o.ent_type_ in ("GPE", "LOC", "FAC") or o.pos_ == "PROPN" for o in _children(tok, "dobj")):
            return True, fam
        return False, fam
    if fam == "retake":
        return True, fam
    if fam == "clear":
        # "troops cleared the villages of Boko Haram"
        # "the army dislodged the militants from Guva", "flushed the fighters out of the forest"
        objs = _children(tok, "dobj")
        preps = {"of"} if lemma == "clear" else {"from", "of", "out"}
        return bool(objs) and bool(_prep_objects(tok, preps) or any(_prep_objects(o, preps) for o in objs)
                                   or lemma == "flush" and any(c.lower_ == "out" for c in tok.children)), "retake"
    if fam == "withdraw":
        armed = {"troop", "force", "soldier", "army", "military", "fighter", "rebel", "militant", "militia",
                 "insurgent", "jihadist", "unit", "battalion", "contingent"}
        subj = _words([c for c in _children(tok, "nsubj", "dobj", "poss", "compound")] + [
            _np_head(c) for c in _children(tok, "nsubj")])
        if not subj & armed:
            return False, fam
        return True, fam
    if fam in ("release", "deploy", "withdraw", "investigate", "expel", "deport", "sign", "agree", "meet",
               "visit", "host", "negotiate", "talks", "agreement", "ceasefire", "sanction", "curfew", "appeal",
               "demand", "deny", "intercept", "defuse", "disperse"):
        if tok.pos_ == "NOUN" and fam in ("agreement", "talks", "sanction", "ceasefire", "curfew", "demand",
                                          "appeal", "visit"):
            # Nouns of this kind are events only with a governing action verb ("signed an agreement").
            if tok.head.lemma_.lower() not in ("sign", "reach", "hold", "impose", "declare", "announce", "agree",
                                               "conclude", "pay", "make", "issue", "begin", "start", "broker"):
                return False, fam
        if fam == "intercept" and not (_words(list(tok.subtree)) & (lx.SHELLING | lx.AIR | lx.EXPLOSIVE |
                                                                    {"weapon", "arm", "ammunition", "explosive"})):
            return False, fam
        if fam == "defuse":
            return True, "disrupt"
        if fam == "meet" and _words([_np_head(c) for c in _children(tok, "dobj")]) & _MET_GOALS:
            return False, fam  # "to meet demand", "met the deadline"
        if fam == "release" and tok.pos_ == "VERB" and _words(
                [_np_head(c) for c in _children(tok, "dobj", "nsubjpass")] + ([tok.head] if tok.dep_ == "acl" else [])
        ) & _RELEASED_THINGS:
            return False, fam  # "released a statement", "a report released on Tuesday": published, not freed
        if fam == "visit" and tok.pos_ == "VERB" and (tok.dep_ in ("relcl", "acl") or tok.head.pos_ in (
                "NOUN", "ADJ") or tok.head.lemma_ == "be") and not _children(tok, "nsubj") and any(
                c.lower_ == "to" for c in _children(tok, "aux")):
            return False, fam  # "a pleasant place to visit"
        if fam == "expel" and not _children(tok, "nsubj") and not _prep_objects(tok, {"by"}) and tok.dep_ == "acl":
            return False, fam
        if fam == "intercept":
            return True, "disrupt"
        return True, fam
    if fam == "attack" and tok.pos_ == "NOUN":
        if lemma in ("assault",) and _words(list(tok.subtree)) & {"sexual", "sexually"}:
            return True, "sexual"
    if fam == "wound" and tok.pos_ != "VERB":
        return False, fam
    if fam in ("protest", "march", "riot") and tok.pos_ == "NOUN" and not headline:
        if tok.dep_ == "compound":
            return False, fam
    return True, fam


def _instrument(tok: Token, sent: Span, fam: str) -> str | None:
    """The weapon class that refines an attack: air, shelling, explosive, suicide, grenade, firearm."""
    local = _words([t for t in tok.subtree if t.i - tok.i < 12]) | {c.lemma_.lower() for c in tok.children}
    if tok.dep_ in ("compound", "amod") or tok.head.pos_ == "NOUN":
        local |= {tok.head.lemma_.lower()}
    if fam == "air":
        return "air"
    if fam == "shelling":
        return "shelling"
    if fam == "grenade" or (local & lx.GRENADE and not local & {"ied", "landmine", "mine", "roadside"}):
        return "grenade"
    if local & lx.SUICIDE and (local & (lx.EXPLOSIVE | {"attack", "bomber"}) or "bomber" in local):
        return "suicide"
    subj_words = _words([t for c in tok.children if c.dep_ in ("nsubj", "agent", "nsubjpass") for t in c.subtree])
    if fam in ("bomb", "attack", "strike", "kill") and (subj_words | {c.lemma_.lower() for c in tok.children}) & (
            lx.AIR - {"plane", "aircraft"}):
        return "air"
    if fam == "bomb" or local & lx.EXPLOSIVE:
        return "explosive"
    for words, name in ((lx.AIR, "air"), (lx.SHELLING, "shelling"), (lx.GRENADE, "grenade"),
                        (lx.FIREARM, "firearm")):
        if local & words:
            return name
    sw = _words(sent)
    if fam in ("attack", "kill", "clash", "strike") and sw & lx.SUICIDE and sw & {"bomber", "bombing", "vest"}:
        return "suicide"
    if fam in ("attack", "kill", "bomb", "strike") and sw & lx.GRENADE and not sw & {"ied", "landmine", "roadside"}:
        return "grenade"
    if fam in ("attack", "strike", "kill") and sw & (lx.AIR - {"plane", "aircraft"}):
        return "air"
    if fam in ("attack", "kill") and sw & {"rocket", "mortar", "artillery", "shell", "shelling", "missile"}:
        return "shelling"
    if fam in ("attack", "kill") and sw & (lx.EXPLOSIVE - {"device"}):
        return "explosive"
    if fam in ("attack", "kill", "shoot", "clash") and sw & lx.FIREARM:
        return "firearm"
    return None


def _victim_count(victims: list[Token]) -> Count | None:
    """The number of people in a verb's victim phrases; separate phrases the parser gave the verb ("four security
    personnel and the attacker died" parsed as two subjects) add up."""
    seen: set[int] = set()
    counts: list[Count] = []
    for v in victims:
        if v.i in seen:
            continue
        seen |= {v.i, *(c.i for c in v.conjuncts)}
        c = count_of_phrase(v)
        if c is not None:
            counts.append(c)
    if not counts:
        return None
    if len(counts) == 1 or any(c.count is None for c in counts):
        return counts[0]
    qual = "exact" if all(c.qualifier == "exact" for c in counts) else "approx"
    return Count(sum(c.count or 0 for c in counts), qual)


def _telegraphic_passive(tok: Token, fam: str) -> bool:
    """"Three soldiers killed, one injured": a kill or wound verb with a subject, no object and no auxiliary is a
    passive with "were" left out, as in headlines and incident notes ("kill" and "injure" need an object)."""
    shot_dead = fam == "shoot" and any(c.lower_ == "dead" for c in tok.children)  # "a teacher shot dead in ..."
    if fam not in ("kill", "wound") and not shot_dead or tok.tag_ not in ("VBD", "VBN") or _children(
            tok, "dobj", "aux", "auxpass"):
        return False
    head = tok if tok.dep_ != "conj" else tok.head
    subj = _children(head, "nsubj")
    if shot_dead:
        return bool(subj) and not _prep_objects(tok, {"by"})  # no object: the subject is who was shot
    return bool(subj) and (subj[0].like_num or any(c.dep_ == "nummod" for c in subj[0].children)
                           or subj[0].lower_ in ("one", "two", "three", "several", "many", "dozens"))


def _roles(tok: Token, fam: str, cd: CleanDocument, seg_index: int) -> tuple[list[Phrase], list[Phrase]]:
    """Source and target phrases for a trigger from its dependency neighbourhood."""
    src: list[Token] = []
    tgt: list[Token] = []
    if tok.pos_ in ("VERB", "AUX") or (tok.dep_ == "ROOT" and _children(tok, "nsubj")) or (
            tok.pos_ == "ADJ" and _children(tok, "dobj")):
        ante = _relcl_antecedent(tok)
        subj = _children(tok, "nsubj")
        if not subj and tok.pos_ == "ADJ" and tok.dep_ == "amod":
            subj = [tok.head]  # "Military forces clear the villages": the tagger's adjective modifies its subject
        if subj and subj[0].lower_ in ("that", "which", "who") and ante is not None:
            subj = [ante]
        if not subj and tok.dep_ in ("xcomp", "conj", "advcl") and tok.head.pos_ in ("VERB", "AUX"):
            subj = _children(tok.head, "nsubj")
            if not subj and tok.head.dep_ == "conj":
                subj = _children(tok.head.head, "nsubj")
        if not subj and tok.dep_ == "xcomp" and tok.head.dep_ == "acomp" and tok.head.head.pos_ in ("VERB", "AUX"):
            subj = _children(tok.head.head, "nsubj")  # "Arnor is about to restore ties", "is ready to sign"
        if not subj and tok.dep_ == "acl" and tok.tag_ == "VBG":  # "protesters storming the gate"
            subj = [tok.head]
        if subj and subj[0].lower_ == "they":
            # "..., after which they marched": the nearest plural subject before it in the sentence
            earlier = [t for t in tok.sent if t.i < subj[0].i and t.dep_ in ("nsubj", "nsubjpass")
                       and t.tag_ in ("NNS", "NNPS")]
            if earlier:
                subj = [earlier[-1]]
        passive = _is_passive(tok) or (fam in ("kill", "wound") and tok.tag_ == "VBN" and not _children(tok, "dobj")
                                          and not _children(tok, "aux"))
        if _telegraphic_passive(tok, fam):
            passive = True
            tgt += subj  # "At least three soldiers killed and one injured"
        if fam == "die":
            # "Two farmers died": the subject is the victim; nobody is named as the perpetrator
            return [], [_phrase(t, cd, seg_index) for t in subj]
        if passive:
            tgt += _children(tok, "nsubjpass")
            up = tok
            while not tgt and up.dep_ == "conj" and up.head is not up:
                up = up.head  # "[a soldier] found on Rwandan soil was shot and killed": the subject of the first verb
                tgt += _children(up, "nsubjpass", "nsubj")
            if tok.dep_ in ("acl",) and tok.tag_ == "VBN":
                tgt.append(tok.head)  # "fighters killed in ..."
            src += _prep_objects(tok, {"by"}) or [o for c in tok.conjuncts for o in _prep_objects(c, {"by"})]
        else:
            src += subj
            tgt += _children(tok, "dobj")
            if fam in ("clash", "engage"):
                tgt += _prep_objects(tok, {"with", "against"})
            if fam in ("attack", "shoot", "shelling", "air", "strike", "storm", "protest", "march", "riot", "fire",
                       "crowd", "disperse", "beat",
                       "launch", "openfire", "threaten", "warn", "condemn", "accuse", "demand", "appeal",
                       "retaliate", "vow", "meet", "negotiate", "sign", "agree", "visit", "sanction", "verbal",
                       "arrive", "restore", "sever", "provide"):
                tgt += _prep_objects(tok, {"on", "against", "at", "into", "outside", "toward", "towards", "with",
                                           "upon", "near", "to"} if fam not in ("meet", "negotiate", "sign",
                                                                                      "agree", "verbal", "restore",
                                                                                      "sever", "provide")
                                     else {"with", "to", "against", "for", "in"} if fam in ("verbal", "arrive")
                                     else {"with", "to"})
            # "restore full diplomatic ties with Gondor": the party named in the object's own phrase
            if fam in ("restore", "sever", "sign", "agree", "negotiate", "meet", "verbal", "provide"):
                named = [x for o in _children(tok, "dobj") for x in _prep_objects(o, {"with", "between"})
                         if x.pos_ == "PROPN" or x.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")]
                if named:
                    tgt = named + [t for t in tgt if t not in _children(tok, "dobj")]
            # "rejected Gondor's proposal": the owner of the thing acted on
            for o in _children(tok, "dobj"):
                for ps in _children(o, "poss"):
                    if ps.pos_ == "PROPN" or ps.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
                        tgt.append(ps)
        if fam == "accuse" and tok.lemma_.lower() == "blame":
            on = _prep_objects(tok, {"on"})
            if on:
                tgt = on
        if src and src[0].pos_ == "PRON" and src[0].lower_ in ("it", "they", "he", "she"):
            for up in _governing_verbs(tok, 14):
                s2 = _children(up, "nsubj")
                if s2 and s2[0].pos_ != "PRON" and up.lemma_.lower() in lx.SPEECH_LEMMAS:
                    src = [s2[0]]
                    break
        if ante is not None and not src and ante.lemma_.lower() not in lx.PERSON_NOUNS:
            src.append(ante)
    else:
        for c in tok.children:
            if c.dep_ == "poss" and c.ent_type_ != "DATE" and c.lower_ not in ("its", "their"):
                src.append(c)
            elif c.dep_ in ("compound", "amod", "nmod") and (
                    c.ent_type_ in ("GPE", "NORP", "ORG") or c.pos_ == "PROPN" or c.dep_ == "compound" and
                    c.lemma_.lower() in lx.FORCE_NOUNS):  # "an Afghan forces airstrike", "a regime air strike"
                if c.ent_type_ != "DATE":
                    src.append(c)
        src += _prep_objects(tok, {"by"})
        tgt += _prep_objects(tok, {"on", "against", "targeting", "at"})
        if fam in ("kill", "abduct", "arrest", "assassinate", "torture", "sexual", "massacre", "release", "mob"):
            tgt += _prep_objects(tok, {"of"})
        if fam in ("protest", "march", "riot"):
            src += _prep_objects(tok, {"by", "of"})
            tgt += _prep_objects(tok, {"against", "outside", "at"})
        if tok.dep_ in ("dobj",) and tok.head.pos_ == "VERB" and lx.LEMMA_FIXES.get(
                tok.head.lower_, tok.head.lemma_.lower()) in (
                "launch", "carry", "conduct", "stage", "mount", "hold", "order", "claim", "sign", "impose",
                "declare", "reach", "begin", "organise", "organize", "lead"):
            src += _children(tok.head, "nsubj")
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("target", "hit", "kill", "strike", "wound"):
            tgt += _children(tok.head, "dobj")
        if tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.lemma_.lower() in ("come", "be"):
            tgt += _children(tok.head.head, "nsubj")  # "a convoy came under attack"
    if fam in ("crowd", "shoot", "fire") and _children(tok, "dobj") and not any(
            _np_head(t).lemma_.lower() in lx.PERSON_NOUNS for t in tgt):
        # "fired tear gas and live rounds at demonstrators": the people are inside the object phrase
        tgt = [t for t in tgt if _np_head(t).lemma_.lower() in lx.PERSON_NOUNS] + [
            o for d in _children(tok, "dobj") for x in [d, *d.conjuncts] for o in _prep_objects(x, {"at", "on"})]
    src_p = [_phrase(t, cd, seg_index) for s in src for t in _conjuncts(s)]
    tgt_p = [_phrase(t, cd, seg_index) for s in tgt for t in _conjuncts(s)]
    # Drop phrases that are really places, dates or event words
    trig_table = lx.load_triggers()

    def keep(p: Phrase) -> bool:
        return bool(p.text) and (p.head, "NOUN") not in trig_table and p.head not in _EVENT_NOUNS and \
            not _TIME_WORD.fullmatch(p.text.lower())

    return [p for p in src_p if keep(p)], [p for p in tgt_p if keep(p)]


def _modality(tok: Token, fam: str) -> tuple[str, Token | None]:
    """Modality of the mention and the token of the verb that sets it (for attribution)."""
    if any(c.lower_ in _NEG_WORDS for c in _children(tok, "neg")):
        return "negated", None
    if any(d.lower_ == "neither" for s in _children(tok, "nsubj", "nsubjpass") for d in s.children
           if d.dep_ in ("det", "preconj", "cc")):
        return "negated", None  # "Neither X nor Y boycotted the parade"
    if any(c.lemma_.lower() in _ALLEGE_ADV for c in tok.children if c.dep_ in ("advmod", "amod")):
        return "alleged", None
    # "... attack that it had blamed on the militia"
    for c in tok.subtree:
        if c.i != tok.i and c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _ALLEGE_VERBS and c.i - tok.i < 12 \
                and not (c.head.head.i == tok.i and c.head.dep_ in ("nsubj", "nsubjpass", "dobj")):
            # (not "a man accused of theft was beaten": that accusation is about the victim)
            return "alleged", c
    aux = {c.lower_ for c in _children(tok, "aux")}
    if aux & _HYPO_AUX or any(c.lower_ in ("if", "unless") for c in _children(tok, "mark")):
        return "hypothetical", None
    for anc in _governing_verbs(tok, 5):
        # "the bill would allow people to be arrested": the whole clause is conditional
        if anc.pos_ in ("VERB", "AUX") and {c.lower_ for c in _children(anc, "aux")} & (_HYPO_AUX | {"would"}) \
                and anc.lemma_.lower() not in lx.SPEECH_LEMMAS:
            return "hypothetical", None
        if anc.dep_ in ("ROOT",):
            break
    for anc in _governing_verbs(tok, 4):
        lem = anc.lemma_.lower()
        if lem in _DENY_VERBS:
            return "denied", anc
        if lem in _ALLEGE_VERBS and fam not in ("accuse",):
            return "alleged", anc
        if lem in _THREAT_VERBS and fam not in lx.VERBAL:
            return "threatened", anc
        if lem in _PLAN_VERBS and tok.dep_ == "xcomp":
            return "planned", anc
        if anc.pos_ in ("VERB", "AUX") and anc.dep_ not in ("xcomp", "aux"):
            break
    if aux & _FUTURE_AUX and fam not in lx.VERBAL:
        return "planned", None
    if tok.dep_ in ("acl", "xcomp", "pobj") and tok.head.lemma_.lower() in ("plan", "plot", "intention", "scheme",
                                                                           "threat", "bid", "preparation"):
        return ("threatened" if tok.head.lemma_.lower() == "threat" else "planned"), None
    if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in ("plan", "plot", "threat"):
        return "planned", None
    if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "to") and tok.head.head.lemma_.lower() in (
            "threat", "plan", "risk", "possibility", "fear"):
        return "hypothetical", None
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj", "nsubjpass") and not any(
            c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        gov = tok.head if tok.dep_ != "pobj" else tok.head.head
        if gov.lemma_.lower() in _GENERIC_GOVERNORS:
            return "hypothetical", None  # "the convention prohibits attacks on cultural property": no attack
    return "asserted", None


def _attribution(tok: Token, setter: Token | None, cd: CleanDocument, seg_index: int) -> str | None:
    """Who says so: the subject of the speech (or blame) verb that governs the mention, or "according to X"."""
    cands = [setter] if setter is not None else []
    cands += [a for a in _governing_verbs(tok, 8) if a.lemma_.lower() in lx.SPEECH_LEMMAS | _ALLEGE_VERBS]
    for verb in cands:
        subj = _children(verb, "nsubj")
        if subj:
            if subj[0].pos_ == "PRON" and verb.dep_ in ("relcl", "ccomp", "advcl"):
                # "that it had blamed" -> the subject of the reporting verb above
                for up in _governing_verbs(verb, 14):
                    s2 = _children(up, "nsubj")
                    if s2 and s2[0].pos_ != "PRON" and up.lemma_.lower() in lx.SPEECH_LEMMAS:
                        return _name_phrase(s2[0])
                continue
            return _name_phrase(subj[0])
    for t in tok.sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            objs = [c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"]
            if objs:
                return _name_phrase(objs[0])
    return None


def _name_phrase(tok: Token) -> str:
    left = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det", "punct", "relcl", "prep")]
    right_names = [t for t in tok.subtree if t.i > tok.i and t.dep_ in ("appos", "compound", "flat")]
    lo = min([t.i for t in left] + [tok.i])
    hi = max([t.i for t in right_names if t.i - tok.i < 4] + [tok.i])
    text = tok.doc[lo: hi + 1].text
    return text[:-2] if text.endswith("'s") else text


def _local_tokens(tok: Token, triggers: set[int]) -> list[Token]:
    """Tokens that belong to the trigger's own phrase or clause (not to nested event clauses)."""
    out = [tok]
    stack = list(tok.children)
    while stack:
        t = stack.pop()
        if t.i in triggers and t.i != tok.i and t.dep_ in ("relcl", "ccomp", "advcl", "conj", "xcomp"):
            continue
        out.append(t)
        stack.extend(t.children)
    # A nominal trigger's governing verb carries the time ("strikes *on Sunday*" attached to the verb)
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj"):
        gov = tok.head if tok.dep_ != "pobj" else tok.head.head
        if gov.pos_ in ("VERB", "AUX") and gov.i not in triggers:
            for c in gov.children:
                if c.dep_ in ("npadvmod", "prep", "tmod") and c.i != tok.i and c.lower_ not in (
                        "after", "before", "following", "since", "until", "despite") and not any(
                        x.i in triggers for x in c.subtree) and not any(
                        x.lower_ in ("after", "before", "following") for x in c.subtree):
                    out.extend(c.subtree)
    return out


def _find_link_cues(tok: Token, local: list[Token], cd: CleanDocument, seg_index: int,
                    triggers: dict[int, Token]) -> list[tuple[str, int]]:
    """Relations stated in the text: "in retaliation for Y", "X followed Y", "X took place after Y"."""
    cues: list[tuple[str, int]] = []

    def trigger_in(root: Token) -> Token | None:
        inside = [t for t in root.subtree if t.i in triggers and t.i != tok.i]
        return min(inside, key=lambda t: (t.lemma_.lower() in ("kill", "wound", "injure"), abs(t.i - root.i))) \
            if inside else None

    # Prepositional cues on the trigger or its governing verb
    holders = [tok] + ([tok.head] if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else [])
    for h in holders:
        for p in h.children:
            if p.dep_ != "prep":
                continue
            for obj in (c for c in p.children if c.dep_ == "pobj"):
                rel = None
                for q in obj.children:
                    if q.dep_ == "prep" and (obj.lemma_.lower(), q.lower_) in _LINK_PREPS:
                        rel = _LINK_PREPS[(obj.lemma_.lower(), q.lower_)]
                        other = trigger_in(q)
                        if other is not None:
                            cues.append((rel, _raw(cd, seg_index, other.idx)))
                if p.lower_ in ("after", "following") and rel is None:
                    other = trigger_in(obj)
                    if other is not None:
                        cues.append(("follows", _raw(cd, seg_index, other.idx)))
        for c in h.children:
            if c.dep_ == "advcl" and any(m.lower_ in ("after", "since") for m in _children(c, "mark")):
                other = c if c.i in triggers else trigger_in(c)
                if other is not None:
                    cues.append(("follows", _raw(cd, seg_index, other.idx)))
    # "X followed Y" / "X came after Y" / "X took place after Y"
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("follow", "come", "take", "occur", "happen"):
        verb = tok.head
        if verb.lemma_.lower() == "follow":
            for o in _children(verb, "dobj"):
                other = o if o.i in triggers else trigger_in(o)
                if other is not None:
                    cues.append(("follows", _raw(cd, seg_index, other.idx)))
        for c in verb.children:
            if c.dep_ == "advcl" and any(m.lower_ in ("after", "following") for m in _children(c, "mark")):
                other = c if c.i in triggers else trigger_in(c)
                if other is not None:
                    cues.append(("follows", _raw(cd, seg_index, other.idx)))
            if c.dep_ == "prep" and c.lower_ in ("after", "following"):
                other = trigger_in(c)
                if other is None:  # "came two days after a volley ... killed": the clause hangs off the verb
                    other = next((a for a in verb.children if a.dep_ == "advcl" and a.i in triggers), None)
                if other is not None:
                    cues.append(("follows", _raw(cd, seg_index, other.idx)))
    return cues


def _previous_sentence_link(sent: Span, triggers: dict[int, Token], cd: CleanDocument,
                            seg_index: int) -> tuple[str, Token] | None:
    """"That was in retaliation for Y": a demonstrative subject refers to the previous sentence's last event."""
    for t in sent:
        if t.lower_ in ("that", "this", "it") and t.dep_ == "nsubj" and t.head.lemma_.lower() == "be":
            for p in t.head.children:
                if p.dep_ == "prep" and p.lower_ == "in":
                    for obj in (c for c in p.children if c.dep_ == "pobj"):
                        for q in obj.children:
                            rel = _LINK_PREPS.get((obj.lemma_.lower(), q.lower_))
                            if rel:
                                inside = [x for x in q.subtree if x.i in triggers]
                                if inside:
                                    return rel, inside[0]
    return None


def _is_violent(m: Mention) -> bool:
    return m.family in lx.VIOLENT or m.family in ("riot", "storm", "protest", "march", "mob", "riot_act", "massacre")


def extract_mentions(parsed: ParsedDocument, *, published: str | None = None) -> list[Mention]:
    """All event mentions of one parsed document, in text order."""
    cd = parsed.clean
    doc_id = cd.doc.id
    published = published or cd.doc.published
    mentions: list[Mention] = []
    order = 0
    for seg_index, sdoc in parsed.parses:
        headline = _in_headline(cd, seg_index)
        seg_kind = cd.segments[seg_index].kind
        for sent in sdoc.sents:
            ms = _sentence_mentions(sent, sdoc, cd, seg_index, seg_kind, headline, doc_id, published)
            for m in ms:
                m.order = order
                order += 1
            violent_here = [m for m in ms if _is_violent(m) and not m.anaphoric]
            tolls_here = any(m.family in lx.CASUALTY_ONLY and (m.killed or m.injured) for m in ms)
            if not violent_here and not headline and not tolls_here:
                # (a toll told by a kill verb of its own joins the event in `link`; copying it would count twice)
                # "Three dead." / "Two policemen died as well": a toll told in a sentence of its own belongs to
                # the last violent event told before it.
                sc = sentence_casualties(sent)
                prior = [m for m in mentions if _is_violent(m) and not m.anaphoric]
                if prior and sc.killed is not None and prior[-1].killed is None:
                    prior[-1].killed = sc.killed
                if prior and sc.injured is not None and prior[-1].injured is None:
                    prior[-1].injured = sc.injured
            mentions.extend(ms)
    # Crowd violence or crowd control told anywhere in a paragraph colours every protest of that paragraph.
    for seg_index in {m.seg_index for m in mentions}:
        para = [m for m in mentions if m.seg_index == seg_index]
        violent = any(m.context_violent for m in para)
        control = any(m.crowd_control for m in para)
        protesting = bool(lx.PROTEST_WORDS & set(re.findall(r"[a-z-]+", cd.segments[seg_index].text.lower())))
        for m in para:
            m.protest_context = protesting
        for m in para:
            if m.family in ("protest", "march", "labour"):
                m.context_violent = m.context_violent or violent
                m.crowd_control = m.crowd_control or control
    # A report that explains an explosion as an accident (a gas leak) does not turn its other "explosions" into
    # bombings unless someone is said to have set them off.
    if _ACCIDENT_TEXT.search(cd.doc.text):
        mentions = [m for m in mentions if not (
            m.family == "bomb" and not m.sources and m.trigger_text.lower().startswith(("explosion", "blast")))]
    # Territory taken where the report tells of no fighting at all is a non-violent transfer (ACLED's definition).
    fighting = any(_is_violent(m) and m.family not in ("seize", "retake") and m.modality in ("asserted", "alleged")
                   for m in mentions)
    nonviolent_cue = bool(_NONVIOLENT_CUES.search(cd.doc.text))
    if nonviolent_cue or not fighting:
        for m in mentions:
            # driving an enemy out ("dislodged", "flushed out", "cleared of") is fighting in itself
            if nonviolent_cue or not (m.trigger_text.lower().startswith(("dislodg", "flush", "clear", "oust"))
                                      or m.family == "retake"):
                m.context_nonviolent = True
    return mentions


def fallback_mention(parsed: ParsedDocument, cameo: str, *, published: str | None = None) -> Mention | None:
    """A mention for a short report in which the rules found no event the classifier nonetheless reads in it
    ("five young men were taken from a house", "prisoners were swapped"): the main verb of the first sentence
    that has one, with its roles, place, time and casualty figures read as for any trigger, at low confidence."""
    cd = parsed.clean
    published = published or cd.doc.published
    for seg_index, sdoc in parsed.parses:
        headline = _in_headline(cd, seg_index)
        if headline:
            continue
        for sent in sdoc.sents:
            root = sent.root
            while root.lemma_.lower() in lx.SPEECH_LEMMAS:
                # "Relatives reported that five men were taken": the report's content, not the reporting
                said = [c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
                if not said:
                    break
                root = said[0]
            if root.pos_ not in ("VERB", "AUX"):
                continue
            trig = lx.Trigger(root.lemma_.lower(), "VERB", "classified", cameo)
            times = find_times(sent.text, published)
            m = _build_mention(root, trig, "classified", sent, sdoc, cd, seg_index, cd.segments[seg_index].kind,
                               False, cd.doc.id, {root.i}, {root.i: root}, times, _raw(cd, seg_index, sent.start_char))
            if m is None:
                continue
            sc = sentence_casualties(sent)
            m.killed = m.killed or sc.killed
            m.injured = m.injured or sc.injured
            m.confidence = min(m.confidence, 0.4)
            return m
    return None


def _sentence_mentions(sent: Span, sdoc: Doc, cd: CleanDocument, seg_index: int, seg_kind: str, headline: bool,
                       doc_id: str, published: str | None) -> list[Mention]:
    cands: dict[int, tuple[Token, lx.Trigger, str]] = {}
    for tok in sent:
        trig = _is_trigger(tok, headline)
        if trig is None:
            continue
        # multiword forms
        ok, fam = _accept(tok, trig, sent, headline)
        if ok:
            cands[tok.i] = (tok, trig, fam)
    # "set fire to", "took control of", "opened fire", "blew up", "went on strike", "took hostage"
    for tok in sent:
        lem = tok.lemma_.lower()
        objs = {c.lemma_.lower() for c in _children(tok, "dobj")}
        parts = {c.lower_ for c in _children(tok, "prt")}
        extra = None
        if lem == "set" and (objs & {"fire", "ablaze", "alight"} or "ablaze" in {c.lower_ for c in tok.children}):
            extra = ("burn", "1712")
        elif lem in ("throw", "hurl", "lob") and objs & (lx.GRENADE | {"bomb", "explosive", "device"}) and not (
                objs & {"petrol", "molotov"} or _words([x for c in _children(tok, "dobj") for x in c.subtree])
                & {"petrol", "molotov", "fire", "incendiary"}) and not any(
                _np_head(c).lemma_.lower() in lx.PROTESTER_NOUNS for c in _children(tok, "nsubj")):
            extra = ("grenade", "190")  # "gunmen threw a bomb at the house": a thrown explosive is a grenade attack
        elif lem in ("throw", "hurl", "pelt") and objs & {"stone", "rock", "petrol", "molotov", "brick", "bottle",
                                                         "bomb", "projectile"}:
            extra = ("riot_act", "145")
        elif tok.pos_ == "VERB" and any(_np_head(c).lemma_.lower() in ("rioter", "mob")
                                        for c in _children(tok, "nsubj")):
            extra = ("riot", "145")
        elif lem in ("gather", "assemble", "converge", "congregate", "take") and (
                any(c.lemma_.lower() in ("protest", "demand", "denounce", "call", "condemn", "demonstrate", "press")
                    for c in tok.children if c.dep_ in ("advcl", "xcomp", "prep"))
                or any(o.lower_ == "protest" for o in _prep_objects(tok, {"in"}))
                or (lem == "take" and any(o.lower_ == "streets" for o in _prep_objects(tok, {"to"})))):
            extra = ("protest", "141")
        elif lem in ("block", "blockade", "barricade") and tok.pos_ == "VERB" and (
                any(_np_head(c).lemma_.lower() in lx.PROTESTER_NOUNS for c in _children(tok, "nsubj"))
                or tok.dep_ == "acl" and tok.head.lemma_.lower() in lx.PROTESTER_NOUNS):
            extra = ("protest", "144")
        elif lem == "break" and "out" in parts and any(_np_head(c).lemma_.lower() in (
                "violence", "fighting", "fight", "clash", "clashes", "riot", "brawl", "scuffle")
                for c in _children(tok, "nsubj")):
            subj = _np_head(_children(tok, "nsubj")[0]).lemma_.lower()
            extra = ("riot", "145") if subj in ("riot",) else ("clash", "190")
        elif lem in ("switch", "change") and objs & {"side", "sides", "allegiance"}:
            extra = ("change", "0874")
        elif lem == "take" and (objs & {"control"} or "over" in parts):
            extra = ("seize", "192")
        elif lem == "take" and objs & {"hostage", "hostages", "captive"}:
            extra = ("abduct", "181")
        elif lem == "blow" and "up" in parts:
            extra = ("bomb", "183")
        elif lem == "go" and any(c.lower_ == "on" and any(g.lemma_ == "strike" for g in c.children)
                                 for c in tok.children):
            extra = ("labour", "143")
        elif lem in ("shoot", "bring") and "down" in parts:
            objs_all = _words([t for c in _children(tok, "dobj", "nsubjpass") for t in c.subtree])
            extra = ("disrupt", "190") if objs_all & lx.PROJECTILES and not objs_all & {
                "plane", "aircraft", "jet", "helicopter", "airliner"} else ("shootdown", "190")
        elif lem == "break" and ("into" in {c.lower_ for c in tok.children} or parts & {"into", "in"}):
            extra = ("storm", "145")
        elif lem in ("smash", "ransack", "vandalise", "vandalize") and tok.pos_ == "VERB":
            extra = ("riot_act", "145")
        elif lem in ("warn", "tell", "say") and _threat_clause(tok) is not None:
            extra = ("warn", "130")
        elif (fr := verbal.frame(tok)) is not None and not any(c.i in cands for c in _children(tok, "dobj")):
            extra = fr  # "attended the summit", "received weapons from", "broke off talks"
        if extra and (tok.i not in cands or extra[0] in ("protest", "verbal", "receive", "warrant", "shootdown",
                                                         "disrupt")):
            cands[tok.i] = (tok, lx.Trigger(lem, "VERB", extra[0], extra[1]), extra[0])
    if not cands:
        return []
    trigger_ids = set(cands)
    trig_tokens = {i: t for i, (t, _, _) in cands.items()}
    sent_text = sent.text
    sent_start_raw = _raw(cd, seg_index, sent.start_char)
    times = find_times(sent_text, published)
    sent_words = _words(sent)
    violent_context = _riot_context(sent) and bool(sent_words & (lx.PROTESTER_NOUNS | {
        "protest", "demonstration", "demonstrate", "march", "rally"})) or "violently" in sent_words and bool(
        sent_words & {"protest", "demonstrate", "demonstration", "march", "rally", "riot"})
    crowd_control = bool(sent_words & lx.CROWD_CONTROL) or ("tear" in sent_words and "gas" in sent_words)
    sent_casualties = sentence_casualties(sent)
    out: list[Mention] = []
    absorbed: set[int] = set()
    # Casualty verbs attached to a weapon/attack noun become part of that event.
    for i, (tok, _trig, fam) in cands.items():
        if fam == "shoot" and tok.tag_ == "VBN" and not _children(tok, "nsubj", "agent") and tok.dep_ in (
                "ccomp", "oprd", "conj", "advcl", "acl", "xcomp"):
            # "leaving one person shot": a casualty of the act the clause hangs from
            fam = "kill" if any(c.lower_ in ("dead", "death", "killed") for c in tok.subtree) else "wound"
            cands[i] = (tok, _trig, fam)
        if fam not in lx.CASUALTY_ONLY:
            continue
        host = None
        ante = _relcl_antecedent(tok)
        if ante is not None and ante.i in cands and cands[ante.i][2] not in lx.CASUALTY_ONLY:
            host = ante
        for s in _children(tok, "nsubj"):
            if s.i in cands and cands[s.i][2] not in lx.CASUALTY_ONLY:
                host = s
        for o in _prep_objects(tok, _HOST_PREPS):
            if o.i in cands and cands[o.i][2] not in lx.CASUALTY_ONLY:
                host = o
            for c in o.conjuncts:
                if c.i in cands and host is None:
                    host = c
        # "... bombed five sites, killing 25 and wounding 55": participial clauses of the attack verb
        up = tok
        while host is None and up.dep_ in _RESULT_DEPS and up.head is not up:
            edge, up = up.dep_, up.head
            if up.i in cands and cands[up.i][2] not in lx.CASUALTY_ONLY:
                if edge == "conj" and cands[up.i][2] not in lx.VIOLENT:
                    break  # "released the women and executed the men": a killing of its own, not a result
                host = up
        if host is not None:
            absorbed.add(i)
            cands[host.i] = (host, cands[host.i][1], cands[host.i][2])
    for i, (tok, trig, fam) in sorted(cands.items()):
        if i in absorbed:
            continue
        m = _build_mention(tok, trig, fam, sent, sdoc, cd, seg_index, seg_kind, headline, doc_id, trigger_ids,
                           trig_tokens, times, sent_start_raw)
        if m is None:
            continue
        # Casualties from absorbed kill/wound verbs
        for j in absorbed:
            kt, _, kfam = cands[j]
            hosts = {kt.head.i} | {c.i for c in kt.children}
            up = kt
            while up.dep_ in _RESULT_DEPS and up.head is not up:
                up = up.head
                hosts.add(up.i)
            hosts |= {o.i for o in _prep_objects(kt, _HOST_PREPS)}
            hosts |= {x.i for o in _prep_objects(kt, _HOST_PREPS) for x in o.conjuncts}
            if i not in hosts:
                continue
            victims = _children(kt, "dobj", "nsubjpass") or ([kt.head] if kt.dep_ == "acl" else []) or (
                _children(kt.head, "nsubjpass") if kt.dep_ == "conj" else [])  # "was shot and killed"
            if kfam == "die" or (not victims and kt.tag_ == "VBN"):
                victims = _children(kt, "nsubj")  # "died"; "leaving one person shot", "five people injured"
            if kt.pos_ in ("NOUN", "PROPN"):
                victims = _prep_objects(kt, {"of"})
            m.alias_offsets.append(_raw(cd, seg_index, kt.idx))
            count = None
            for v in victims:
                count = count_of_phrase(v) or count
            if kfam in ("kill", "die") and victims:
                # The people killed are the target, rather than the facility attacked.
                m.targets = [_phrase(v, cd, seg_index) for v in victims]
            if m.time is None or m.time_scope != "local":
                for te in times:
                    if any(sent.start_char + te.start <= t.idx < sent.start_char + te.end for t in kt.subtree) \
                            and te.span is not None:
                        m.time = TimeExpression(text=te.text, start=sent_start_raw + te.start,
                                                end=sent_start_raw + te.end, type=te.type, value=te.value,
                                                span=te.span)
                        m.time_scope = "local"
                        break
            if count is not None:
                if kfam in ("kill", "die"):
                    m.killed = count
                else:
                    m.injured = count
        to_death = any(p.lower_ == "to" and any(c.lower_ == "death" for c in p.children) for p in tok.children) or (
            fam == "shoot" and any(c.lower_ == "dead" for c in tok.children))  # "was shot dead"
        if m.killed is None and fam == "bodies":
            # "five corpses were found": the dead are counted by their bodies ("the bodies of three herders")
            for v in _children(tok, "dobj", "nsubjpass"):
                m.killed = count_of_phrase(v) or next(
                    (count_of_phrase(o) for o in _prep_objects(v, {"of"}) if count_of_phrase(o)), None)
                if m.killed:
                    break
        if m.killed is None and (fam in ("kill", "massacre", "mob", "die", "assassinate") or to_death):
            victims = _children(tok, "dobj", "nsubjpass") or ([tok.head] if tok.dep_ == "acl" else []) or \
                _prep_objects(tok, {"between"}) or (  # "executed between 15 and 25 men": the low figure
                _children(tok.head, "nsubjpass") if tok.dep_ in ("xcomp", "oprd", "ccomp") and
                tok.head.lemma_.lower() in ("report", "confirm", "believe", "fear", "presume", "say") else [])
            if fam == "die" or not victims and _telegraphic_passive(tok, fam):
                victims = _children(tok, "nsubj")
            victims += _prep_objects(tok, {"of"}) if tok.pos_ == "NOUN" else []
            m.killed = _victim_count(victims)
        if m.killed is not None and m.killed.count and fam in ("kill", "clash", "attack", "shoot", "engage"):
            # "killed seven militants and lost two soldiers": a side's own dead, told with "lost", add up
            for c in tok.conjuncts:
                if c.lemma_ == "lose" and c.i > tok.i:
                    lost = [count_of_phrase(o) for o in _children(c, "dobj")
                            if o.lemma_.lower() in lx.MEMBER_NOUNS | {"man", "men", "officer", "policeman", "troops"}]
                    n = sum(x.count for x in lost if x is not None and x.count)
                    if n:
                        m.killed = Count(m.killed.count + n, m.killed.qualifier)
        if fam == "wound" and m.injured is None:
            for v in _children(tok, "dobj", "nsubjpass") or (_children(tok, "nsubj") if tok.tag_ == "VBN" else []):
                m.injured = count_of_phrase(v)
        m.context_violent = violent_context
        m.crowd_control = crowd_control
        out.append(m)
    # "protesting over the killing of a teacher": the killing is what the protest is about, a separate event
    by_start = {m.trigger_start: m for m in out}
    for m in out:
        if m.family not in ("protest", "march", "labour"):
            continue
        ptok = next((t for t in sent if _raw(cd, seg_index, t.idx) == m.trigger_start), None)
        if ptok is None:
            continue
        for prep in ptok.children:
            if prep.dep_ == "prep" and prep.lower_ in ("over", "against", "about"):
                for t in prep.subtree:
                    other = by_start.get(_raw(cd, seg_index, t.idx))
                    if other is not None and other is not m:
                        other.grievance = True
                        m.links.append(("response_to", other.trigger_start))
    # "the inhabitants left the town because of the attacks": an event named as the cause of what the sentence
    # tells is background to it, like a protest's grievance
    if out:
        for m in out:
            ttok = next((t for t in sent if _raw(cd, seg_index, t.idx) == m.trigger_start), None)
            if ttok is None or ttok.pos_ not in ("NOUN", "PROPN") or ttok.dep_ != "pobj":
                continue
            prep = ttok.head
            words = {prep.lower_, prep.head.lower_} if prep.dep_ in ("pcomp", "prep") else {prep.lower_}
            if prep.lower_ in ("amid", "amidst") or words & {"because", "due"} or (
                    prep.lower_ == "to" and prep.head.lower_ == "response"):
                m.grievance = True
    # "Five people were injured as police dispersed the crowd": a casualty clause with no perpetrator of its own
    # belongs to the act told in the same sentence.
    acts = [m for m in out if m.family not in lx.CASUALTY_ONLY and not m.grievance and (_is_violent(m) or m.family
                                                                                       in ("crowd", "disperse",
                                                                                           "shoot", "beat"))]
    if acts:
        for m in [m for m in out if m.family in lx.CASUALTY_ONLY and not m.sources and not m.instrument]:
            act = acts[0]
            if m.killed is not None and act.killed is None:
                act.killed = m.killed
            if m.injured is not None and act.injured is None:
                act.injured = m.injured
            if m.family == "wound" and m.killed is not None and act.injured is None:
                act.injured = m.killed  # a wound verb's count is an injury count
            act.alias_offsets.append(m.trigger_start)
            out.remove(m)
    # Sentence-level casualty statements ("three soldiers died", "the death toll rose to 12")
    violent = [m for m in out if m.family in lx.VIOLENT or m.family in ("riot", "storm", "protest", "march",
                                                                        "mob", "riot_act")]
    violent = [m for m in violent if not m.anaphoric]
    if violent and not any(m.killed is not None for m in out):
        main = violent[0]
        if main.killed is None and sent_casualties.killed is not None:
            main.killed = sent_casualties.killed
        if main.injured is None and sent_casualties.injured is not None:
            main.injured = sent_casualties.injured
    # "That was in retaliation for Y"
    pl = _previous_sentence_link(sent, trig_tokens, cd, seg_index)
    if pl is not None:
        rel, other = pl
        # a pseudo-mention carrying the cue; the linker resolves "that" to the previous sentence's last event
        out.insert(0, Mention(doc_id=doc_id, seg_index=seg_index, seg_kind=seg_kind, sent_start=sent_start_raw,
                              sent_end=sent_start_raw + len(sent_text), trigger_text="", trigger_start=-1,
                              trigger_end=-1, family="_ref", cameo="", links=[(rel, _raw(cd, seg_index, other.idx))],
                              anaphoric=True))
    return out


_SECURITY_NOUNS = {"police", "policeman", "policemen", "soldier", "troop", "force", "officer", "army", "gendarme",
                   "military", "security", "guard", "gunman", "gunmen", "militant", "fighter", "rebel", "jihadist",
                   "insurgent", "assailant", "attacker", "militiaman", "militiamen", "terrorist", "bandit"}


def _riot_context(sent: Span) -> bool:
    """Does the sentence tell of violence by a crowd (not by the forces facing it)?"""
    for t in sent:
        lem = t.lemma_.lower()
        if lem in ("riot", "rampage", "rioter", "molotov", "looting"):
            return True
        if t.pos_ != "VERB" or lem not in lx.RIOT_CUES | {"pelt", "barricade", "block", "damage", "hurl"}:
            continue
        objs = _words([x for c in _children(t, "dobj") for x in c.subtree])
        if lem == "set" and not objs & {"fire", "ablaze", "alight"}:
            continue
        if lem in ("throw", "hurl") and not objs & {"stone", "rock", "bomb", "petrol", "molotov", "brick", "bottle"}:
            continue
        if lem in ("fire", "break", "attack", "clash") and not (lem == "clash" and _prep_objects(t, {"with"})):
            continue
        if lem == "block" and not objs & {"road", "highway", "street", "tyre", "tire", "traffic", "route", "junction",
                                          "bridge", "railway", "rail", "entrance", "access", "roundabout", "motorway"}:
            continue
        subj = _children(t, "nsubj")
        if subj and _np_head(subj[0]).lemma_.lower() in _SECURITY_NOUNS:
            continue
        return True
    return False


def _threat_clause(tok: Token) -> Token | None:
    """A warning inside a speech verb's complement: "... will not tolerate/allow", "will respond", "will pay"."""
    for t in tok.subtree:
        if t.i == tok.i or t.pos_ not in ("VERB", "AUX"):
            continue
        aux = {c.lower_ for c in _children(t, "aux")}
        neg = any(c.lower_ in _NEG_WORDS for c in _children(t, "neg"))
        lem = t.lemma_.lower()
        if aux & _FUTURE_AUX:
            if neg and lem in ("tolerate", "allow", "accept", "stand", "hesitate", "permit"):
                return t
            if not neg and lem in ("respond", "retaliate", "pay", "punish", "avenge", "strike", "hit", "face"):
                return t
    return None


def _build_mention(tok: Token, trig: lx.Trigger, fam: str, sent: Span, sdoc: Doc, cd: CleanDocument, seg_index: int,
                   seg_kind: str, headline: bool, doc_id: str, trigger_ids: set[int], trig_tokens: dict[int, Token],
                   times: list[TimeExpression], sent_start_raw: int) -> Mention | None:
    modality, setter = _modality(tok, fam)
    if modality == "negated":
        return None
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("refuse", "decline", "fail"):
        return None  # "refused to release them": the refusal is the event, the release did not happen
    cameo = trig.cameo
    fam0 = fam  # the trigger's own family decides where its roles are
    code = verbal.refine(tok, fam, cameo) if fam in _DIPLOMATIC_FAMILIES else cameo
    intent = verbal.intent_code(tok, code) if fam in _COOPERATIVE_FAMILIES else None
    if intent is not None and tok.dep_ == "xcomp" and tok.head.i in trigger_ids and tok.head.lemma_.lower() in (
            "pledge", "promise", "vow", "offer", "agree", "commit"):
        return None  # "pledged to send aid": the pledge itself is the event (033)
    if fam0 == "aidnoun" and (tok.head.i in trigger_ids or verbal.asked_of_others(tok.head)):
        return None  # "sent food aid": the verb tells the event
    if verbal.asked_of_others(tok):
        return None  # "urged Kenya to resume talks": the appeal is the event, the talks are what it asks for
    if intent is not None:
        code, modality = intent, "asserted"  # "will visit", "agreed to hold talks": an expressed intent (03x)
    if code != cameo or fam in ("receive", "warrant"):
        cameo, fam = code, "receive" if fam == "receive" else "verbal"
    if fam in ("verbal", "receive") and modality == "hypothetical":
        return None  # "might want them to leave": no statement was made
    instrument = _instrument(tok, sent, fam) if fam in lx.VIOLENT | {"kill", "attack"} else None
    first = tok.doc[tok.i - 2] if tok.lower_ == "in" and tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "sit" else tok
    trig_text = tok.doc[first.i:tok.i + 1].text  # the whole "sit-in", which the tokenizer splits
    trig_start = _raw(cd, seg_index, first.idx)
    m = Mention(doc_id=doc_id, seg_index=seg_index, seg_kind=seg_kind, sent_start=sent_start_raw,
                sent_end=sent_start_raw + len(sent.text), trigger_text=trig_text, trigger_start=trig_start,
                trigger_end=trig_start + len(trig_text), family=fam, cameo=cameo, instrument=instrument,
                modality=modality)
    m.sources, m.targets = _roles(tok, fam0, cd, seg_index)
    if fam == "receive":
        # "the rebels received weapons from the army": the giver is the source, the receiver the target
        m.targets = m.sources
        m.sources = [_phrase(g, cd, seg_index) for g in _prep_objects(tok, {"from"})]
        m.family = "verbal"
    objs = _children(tok, "dobj", "nsubjpass") + _prep_objects(tok, {"on", "against", "at", "into"})
    if fam in ("burn", "riot", "riot_act", "storm", "destroy"):
        # "set fire to houses", "stormed the site of the festival": what was set alight or stormed
        objs += _prep_objects(tok, {"to"}) + [x for o in objs for x in _prep_objects(o, {"of"})]
    m.object_heads = {_np_head(o).lemma_.lower() for o in objs} | {
        c.lemma_.lower() for o in objs for c in _np_head(o).children if c.dep_ == "compound"}
    m.armed_nearby = bool(_words(list(sent)) & _ARMED_WORDS)
    sw = _words(list(sent))
    m.disrupted = bool(sw & (lx.EXPLOSIVE | {"ied", "explosive"})) and (
        bool(sw & {"prematurely", "accidentally", "accidental", "controlled"}) or any(
            t.lemma_.lower() in ("plant", "assemble", "make", "manufacture", "build") and t.tag_ == "VBG"
            for t in sent))
    if fam0 in ("warn", "threaten", "vow", "accuse", "condemn", "demand", "appeal", "deny") and not m.targets:
        clause = _threat_clause(tok) if fam == "warn" else None
        pool = list(clause.subtree) if clause is not None else [t for t in tok.subtree if t.i > tok.i]
        src_words = {p.text.lower() for p in m.sources}
        for t in pool:
            if t.dep_ == "pobj" and t.head.lower_ in _LOCATIVE_PREPS - {"on", "to"}:
                continue  # "gather in Baghdad" is a place, not the one warned
            if t.ent_type_ in ("GPE", "ORG", "NORP") and t.dep_ in ("pobj", "dobj", "nsubj", "poss", "compound") \
                    and t.text.lower() not in src_words and t.ent_iob_ == "B":
                m.targets = [_phrase(t, cd, seg_index)]
                if t.dep_ == "pobj":
                    break
    local = _local_tokens(tok, trigger_ids)
    local_idx = {t.idx for t in local}
    # Anaphoric nominal ("The attack followed ...", "Tuesday's incident")
    if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in lx.ANAPHOR_NOUNS | {"incident"}:
        dets = {c.lower_ for c in _children(tok, "det")}
        if dets & {"the", "this", "that"} or any(c.dep_ == "poss" and c.ent_type_ == "DATE" for c in tok.children):
            local_place = any(ent.start_char in local_idx for ent in sent.ents if ent.label_ in ("GPE", "LOC", "FAC")
                              and not any(p.start <= _raw(cd, seg_index, ent.start_char) < p.end
                                          for p in m.sources + m.targets))
            has_args = bool(_prep_objects(tok, {"by", "of", "against", "on"}))
            if not local_place and not has_args and not any(c.like_num for c in tok.subtree):
                m.anaphoric = True
    if tok.lemma_.lower() == "incident":
        m.anaphoric = True
        if not any(c.dep_ in ("det", "poss") for c in tok.children):
            return None
    # Time: an expression inside the trigger's own phrase or clause, else one elsewhere in the sentence.
    for te in times:
        toks_in = any(sent.start_char + te.start <= t.idx < sent.start_char + te.end for t in local)
        if toks_in and te.span is not None:
            m.time, m.time_scope = te, "local"
            break
    if m.time is None and not m.anaphoric:
        resolved = [te for te in times if te.span is not None]
        if resolved:
            m.time, m.time_scope = resolved[0], "sentence"
    if m.time is not None:
        te = m.time
        base = sent_start_raw
        m.time = TimeExpression(text=te.text, start=base + te.start, end=base + te.end, type=te.type, value=te.value,
                                span=te.span)
    # Places: toponym entities inside the local phrase get priority (kept in text order)
    local_raw: set[int] = set()
    for ent in sent.ents:
        if ent.label_ in ("GPE", "LOC", "FAC") and locative(sdoc, ent.start_char, ent.end_char) and not (
                ent.start > 0 and sdoc[ent.start - 1].lower_ in ("the", "of") and ent.start > 1
                and sdoc[ent.start - 2].ent_type_ == "ORG"):
            s = _raw(cd, seg_index, ent.start_char)
            gov = ent.root.head if ent.root.dep_ in ("pobj", "conj", "appos") else None
            while gov is not None and gov.dep_ in ("conj", "appos", "pobj") and gov.pos_ != "ADP":
                gov = gov.head
            loc_prep = gov is not None and gov.pos_ == "ADP" and gov.lower_ in _LOCATIVE_PREPS
            p = Phrase(text=ent.text, start=s, end=s + len(ent.text), ent=ent.label_, locative=loc_prep)
            if ent.start_char in local_idx:
                m.places.insert(sum(1 for q in m.places if q.start in local_raw), p)
                local_raw.add(p.start)
                m.place_scope = "local"
            else:
                m.places.append(p)
                if m.place_scope == "none":
                    m.place_scope = "sentence"
    m.attribution = _attribution(tok, setter, cd, seg_index)
    if setter is not None and setter.lemma_.lower() in _ALLEGE_VERBS:
        # "... that it had blamed on the militia": the blamed party is the alleged perpetrator
        blamed = _prep_objects(setter, {"on"}) or [c for c in _children(setter, "dobj") if c.pos_ != "PRON"]
        if blamed:
            m.sources = [_phrase(b, cd, seg_index) for b in blamed]
    # "fighters killed in ..." without an agent or count: a reference back to an event told elsewhere;
    # "Ten people were killed in all": a toll for the event just told.
    if fam == "kill" and tok.dep_ == "acl" and not _prep_objects(tok, {"by"}) and not instrument:
        m.anaphoric = True
    if fam in ("kill", "wound") and not m.sources and not instrument and m.time_scope != "local" and \
            m.place_scope != "local" and (_is_passive(tok) or _telegraphic_passive(tok, fam)):
        m.anaphoric = True
    m.links = _find_link_cues(tok, local, cd, seg_index, trig_tokens)
    if fam in ("warn", "threaten", "vow", "accuse", "condemn", "deny") or tok.lemma_.lower() in lx.SPEECH_LEMMAS:
        m.speech_content = [_raw(cd, seg_index, t.idx) for t in tok.subtree if t.i in trigger_ids and t.i != tok.i]
    if fam in ("threat_call", "vow"):
        m.speech_content = [_raw(cd, seg_index, t.idx) for t in sent if t.i in trigger_ids and t.i != tok.i
                            and t.i < tok.i]
    m.confidence = _confidence(m, tok, headline)
    return m


def _confidence(m: Mention, tok: Token, headline: bool) -> float:
    c = 0.45
    if m.family in lx.VIOLENT or m.family in ("riot", "storm", "protest", "march", "arrest", "abduct"):
        c += 0.15
    if m.sources:
        c += 0.1
    if m.targets:
        c += 0.08
    if m.killed is not None:
        c += 0.07
    if m.instrument is not None:
        c += 0.05  # the weapon is told: a more specific, better attested event
    if m.time_scope == "local":
        c += 0.05
    if m.place_scope == "local":
        c += 0.05
    if tok.pos_ in ("NOUN", "PROPN") and not (m.sources or m.targets):
        c -= 0.1
    if m.modality in ("hypothetical", "planned", "threatened", "denied"):
        c -= 0.1
    if m.anaphoric:
        c -= 0.2
    return round(max(0.05, min(0.95, c)), 3)
