"""CAMEO codes of diplomatic, verbal and cooperative events whose code depends on the verb's frame.

The trigger lexicon gives a verb its family and a default code; this module reads what the verb governs to
choose the CAMEO code the codebook gives that frame:

* ``frame`` finds events told by a verb plus a complement ("attended the summit", "left for Cairo for
  talks", "received weapons from", "expressed condolences", "cordoned off the area", "broke off talks");
* ``refine`` narrows a family's default code by what is asked, offered, rejected or expelled ("called for a
  ceasefire" 0256, "demanded the release of" 1053, "expelled two diplomats" 161, "pledged aid" 033);
* ``intent_code`` turns a cooperative act told as a commitment ("will visit", "agreed to hold talks") into
  the matching "express intent to cooperate" code (03x), as the codebook asks for future cooperation.
"""

from __future__ import annotations

from spacy.tokens import Token

from flashpoint.extract import lexicon as lx


def _kids(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _pobjs(tok: Token, preps: set[str]) -> list[Token]:
    return [c for p in tok.children if p.dep_ in ("prep", "agent", "dative") and p.lower_ in preps
            for c in p.children if c.dep_ == "pobj"]


def _words(tokens: list[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


def _head_of(tok: Token) -> Token:
    """"hundreds of troops" -> troops, "a million dollars" -> dollars."""
    if tok.lemma_.lower() in ("hundred", "thousand", "dozen", "dozens", "million", "group", "number", "some",
                              "many", "several", "all", "most", "part") or tok.like_num:
        of = _pobjs(tok, {"of"})
        if of:
            return of[0]
    return tok


def _subject(tok: Token) -> list[Token]:
    subj = _kids(tok, "nsubj")
    if not subj and tok.dep_ in ("xcomp", "conj") and tok.head.pos_ in ("VERB", "AUX"):
        subj = _kids(tok.head, "nsubj", "nsubjpass")  # "is scheduled to attend"
    return subj


def _obj_words(tok: Token) -> set[str]:
    return _words([t for c in _kids(tok, "dobj", "nsubjpass") for t in c.subtree])


def _obj_heads(tok: Token) -> set[str]:
    return {_head_of(c).lemma_.lower() for c in _kids(tok, "dobj", "nsubjpass")}


# -- word classes ------------------------------------------------------------------------------------------
TIES = {"tie", "ties", "relation", "relations", "contact", "contacts"}
TALKS = {"talk", "talks", "negotiation", "negotiations", "dialogue", "discussion", "discussions", "consultation",
         "consultations", "negotiate", "discuss"}
MEETINGS = {"meeting", "meet", "summit", "visit", "trip", "conference", "session", "tour", "forum", "gathering"}
DIPLOMATS = {"diplomat", "ambassador", "envoy", "attache", "consul", "charge", "embassy", "staff"}
ORGANISATIONS = {"peacekeeper", "observer", "inspector", "monitor", "agency", "mission", "organisation",
                 "organization", "ngo", "group", "team", "company", "force", "troop"}
MONEY = {"money", "fund", "funds", "funding", "dollar", "euro", "pound", "rupee", "yuan", "yen", "franc",
         "shilling", "naira", "cash", "grant", "loan", "credit", "budget", "investment", "debt"}
ARMS = {"weapon", "arm", "arms", "ammunition", "rifle", "missile", "tank", "jet", "drone", "helicopter",
        "equipment"}
RELIEF = {"food", "medicine", "medical", "humanitarian", "relief", "tent", "blanket", "water", "shelter", "vaccine",
          "grain", "rice", "supply", "supplies"}
AID = MONEY | ARMS | RELIEF | {"aid", "assistance", "help", "support", "donation"}
VIOLENT_WORDS = {"revenge", "retaliation", "retaliate", "avenge", "war", "fight", "fighting", "attack", "kill",
                 "destroy", "crush", "punish", "strike", "hit", "wipe", "eliminate", "annihilate", "vengeance",
                 "bomb", "invade", "jihad", "liberate", "defeat", "eradicate", "struggle", "resistance", "battle",
                 "offensive", "retribution", "reprisal", "hunt", "force"}
GATHERINGS = {"summit", "meeting", "conference", "talk", "talks", "session", "ceremony", "inauguration", "forum",
              "olympics", "games", "celebration", "negotiation", "negotiations", "consultation", "consultations",
              "convention", "assembly", "parley", "round", "opening", "signing", "swearing", "coronation",
              "congress", "festival"}
MOURNING = {"funeral", "memorial", "vigil", "burial", "commemoration", "wake", "requiem"}
TRAVEL_VERBS = {"leave", "head", "travel", "fly", "depart", "go", "set", "jet", "return"}
PURPOSES = {"talk", "talks", "meeting", "meetings", "visit", "summit", "consultation", "consultations",
            "negotiation", "negotiations", "conference", "discussion", "discussions", "tour"}
PLACE_ENTS = {"GPE", "LOC", "FAC", "ORG"}
EMPATHY = {"sorrow", "condolence", "condolences", "sympathy", "sympathies", "grief", "sadness", "empathy",
           "compassion"}
OPTIMISM = {"hope", "hopes", "optimism", "confidence"}
PESSIMISM = {"concern", "concerns", "worry", "worries", "pessimism", "doubt", "doubts", "skepticism",
             "scepticism", "fear", "fears", "alarm", "apprehension"}
DISAPPROVAL = {"disappointment", "dismay", "displeasure", "outrage", "anger", "indignation", "disapproval",
               "regret", "opposition", "frustration"}
APPROVAL = {"support", "backing", "appreciation", "gratitude", "thanks", "satisfaction", "praise", "solidarity",
            "approval"}
WILLINGNESS = {"willingness", "readiness", "interest", "desire", "intention", "commitment", "wish"}
HOSTED_PERSONS = {"delegation", "minister", "president", "envoy", "counterpart", "premier", "chancellor",
                  "king", "queen", "prince", "leader", "secretary", "ambassador", "visitor", "emir", "pope",
                  "head", "official", "mission"}
CLOSABLE = {"area", "road", "border", "city", "town", "district", "village", "street", "region", "zone",
            "neighbourhood", "neighborhood", "camp", "building", "entrance", "bridge", "crossing", "highway",
            "compound", "site", "square", "quarter", "port", "airport", "province", "territory", "enclave", "strip"}


def ask_suffix(words: set[str], lemmas_with_obj: set[tuple[str, str]]) -> str:
    """What an appeal or demand asks for, as the digits that follow its root: 02x/10x (codebook order).

    ``words`` are the lemmas and forms of what is asked for; ``lemmas_with_obj`` the (verb, object) pairs in it
    ("end", "violence")."""
    if words & {"release", "free", "freeing", "repatriate", "return"} and not words & {"election", "speech"}:
        return "53"
    deesc = {"ceasefire", "cease-fire", "truce", "restraint", "calm", "de-escalation", "de-escalate", "withdraw",
             "withdrawal", "pullout", "disarm", "disarmament", "demobilize", "demobilise", "armistice"}
    violent = {"violence", "fighting", "hostility", "hostilities", "attack", "attacks", "war", "bloodshed",
               "offensive", "bombing", "killing", "killings", "clash", "clashes", "shelling", "operation"}
    if words & deesc or {"de", "escalation"} <= words or ("step", "back") in lemmas_with_obj or any(
            v in ("end", "stop", "halt", "cease") and o in violent for v, o in lemmas_with_obj):
        return "56"
    if words & {"resign", "resignation", "ouster", "oust", "removal"} or ("step", "down") in lemmas_with_obj:
        return "41"
    if words & {"mediate", "mediation", "mediator"}:
        return "8"
    if words & (TALKS | {"meeting", "meet", "summit", "sit"}):
        return "6"
    if words & {"peace", "settlement", "reconciliation", "reconcile", "solution", "resolve", "resolution"}:
        return "7"
    if words & {"sanction", "sanctions", "embargo", "blockade", "boycott"} and words & {"lift", "ease", "end",
                                                                                       "remove", "relax"}:
        return "54"
    if words & {"aid", "assistance", "donation", "relief", "humanitarian", "loan", "fund", "funding", "weapon",
                "arms", "money", "food", "medicine"}:
        if words & ARMS:
            return "32"
        if words & (RELIEF - {"supply", "supplies"}):
            return "33"
        if words & MONEY:
            return "31"
        return "3"
    if words & {"rights", "right", "freedom", "freedoms"}:
        return "43"
    if words & {"reform", "reforms", "election", "elections", "democracy", "democratic", "constitution"}:
        return "4"
    if words & {"support", "recognition", "recognize", "recognise", "role", "ties", "relations"}:
        return "2"
    if words & {"cooperation", "cooperate", "trade", "investment", "extradite", "extradition", "repatriate"}:
        return "1"
    return "0"


def _complement(tok: Token) -> list[Token]:
    """The tokens that tell what a verb of asking, offering, refusing or promising is about."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "dobj") or (c.dep_ == "prep" and c.lower_ in ("for", "to", "on")):
            out.extend(c.subtree)
    # "called on the sides to resume talks": the infinitive hangs from the object of "on"
    return out


def _verb_obj_pairs(tokens: list[Token]) -> set[tuple[str, str]]:
    pairs = set()
    for t in tokens:
        if t.pos_ == "VERB":
            for c in t.children:
                if c.dep_ in ("dobj", "prt", "prep"):
                    pairs.add((t.lemma_.lower(), c.lemma_.lower()))
                    for g in c.children:
                        if g.dep_ == "pobj":
                            pairs.add((t.lemma_.lower(), g.lemma_.lower()))
    return pairs


def _asked(tok: Token) -> tuple[set[str], set[tuple[str, str]]]:
    comp = _complement(tok)
    return _words(comp), _verb_obj_pairs(comp)


def _violent(tokens: list[Token]) -> bool:
    """Does a complement tell of force ("vowed revenge", "promised to crush the rebels", "pledged raids")?"""
    table = lx.load_triggers()
    for t in tokens:
        if t.lemma_.lower() in VIOLENT_WORDS:
            return True
        trig = table.get((t.lemma_.lower(), "VERB" if t.pos_ == "VERB" else "NOUN"))
        if trig is not None and trig.family in lx.VIOLENT | {"seize", "retake", "storm", "massacre"}:
            return True
    return False


def intent_suffix(words: set[str], pairs: set[tuple[str, str]]) -> str:
    """What a source offers, promises or agrees to do, as the digits of 03x (codebook order)."""
    if words & {"release", "free", "freeing", "return", "repatriate"}:
        return "53"
    if words & {"ceasefire", "truce", "withdraw", "withdrawal", "pullout", "de-escalate", "disarm", "demobilize",
                "demobilise"}:
        return "56"
    if words & {"sanction", "sanctions", "embargo", "blockade"} and words & {"lift", "ease", "end", "remove"}:
        return "54"
    if words & {"mediate", "mediation"}:
        return "9"
    if words & (TALKS | {"meeting", "meet", "visit", "summit", "host"}):
        return "6"
    if words & {"settle", "settlement", "peace", "reconciliation", "resolve"}:
        return "7"
    if words & {"resign", "step"} and ("step", "down") in pairs or "resign" in words:
        return "41"
    if words & {"reform", "reforms", "election", "elections"}:
        return "4"
    if words & AID and not words & {"support", "back"} or words & {"donate", "contribute", "send", "supply"}:
        return "32" if words & ARMS else "33" if words & (RELIEF - {"supply", "supplies"}) else \
            "31" if words & MONEY else "3"
    if words & {"support", "back", "recognize", "recognise", "endorse"}:
        return "2"
    if words & {"cooperate", "cooperation", "trade", "invest", "investment"}:
        return "1"
    return "0"


# -- frames: verb + complement ------------------------------------------------------------------------------
def frame(tok: Token) -> tuple[str, str] | None:
    """A (family, CAMEO code) event told by a verb and what it governs, or None."""
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "compound"):
        return None
    lem = tok.lemma_.lower()
    low = tok.lower_
    subj = _subject(tok)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    if not subj and not passive and tok.dep_ not in ("acl", "relcl", "advcl"):
        return None
    heads = _obj_heads(tok)
    objs = _obj_words(tok)
    parts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep")}
    if lem == "attend" and heads:
        if heads & MOURNING:
            return "verbal", "017"
        if heads & GATHERINGS or any(c.ent_type_ == "EVENT" for c in _kids(tok, "dobj")):
            return "verbal", "042"
        return None
    if lem in TRAVEL_VERBS and not passive:
        dest = _pobjs(tok, {"to", "for"} if lem in ("leave", "head", "depart", "set", "jet") else {"to"})
        dest = [d for d in dest if d.ent_type_ in PLACE_ENTS or d.pos_ == "PROPN"]
        purpose = {p.lemma_.lower() for p in _pobjs(tok, {"for", "on"})} | {
            c.lemma_.lower() for c in tok.children if c.dep_ in ("advcl", "xcomp")}
        purpose_ok = bool(purpose & (PURPOSES | {"attend", "meet", "discuss", "negotiate", "sign", "hold"}))
        if lem == "set" and "off" not in parts and "out" not in parts:
            return None
        if dest and purpose_ok and (subj or tok.dep_ in ("advcl", "acl")):
            return "verbal", "042"
        return None
    if lem == "receive" and heads:
        code = _aid_code(tok, heads, objs, {"aid", "assistance", "supply", "supplies", "donation"})
        if code:
            return "receive", code
        if heads & HOSTED_PERSONS or any(c.ent_type_ == "PERSON" for c in _kids(tok, "dobj")):
            return "verbal", "043"
        return None
    if lem in ("express", "voice", "convey", "extend", "offer", "send", "reiterate", "reaffirm") and heads:
        if heads & EMPATHY:
            return "verbal", "018"
        if lem in ("offer", "send", "extend"):
            return None
        if heads & OPTIMISM:
            return "verbal", "013"
        if heads & PESSIMISM:
            return "verbal", "012"
        if heads & DISAPPROVAL:
            return "verbal", "110"
        if heads & APPROVAL:
            return "verbal", "051"
        if heads & WILLINGNESS:
            suffix = intent_suffix(*_asked(tok))
            return ("verbal", "03" + suffix) if suffix else None
        return None
    if (low.startswith("cordon") or lem in ("seal",)) and "off" in parts:
        return "verbal", "191"
    if lem == "issue" and "warrant" in heads:
        return "warrant", "173"
    if lem in ("break", "cut", "suspend", "freeze", "downgrade", "sever", "end") and heads & TIES:
        return "verbal", "161"
    if lem in ("break", "suspend", "halt", "end", "abandon", "quit", "cancel") and heads & TALKS and (
            lem != "break" or "off" in parts):
        return "verbal", "164"
    if lem in ("cancel", "postpone", "delay", "scrap", "call") and heads & MEETINGS and (
            lem != "call" or "off" in parts):
        return "verbal", "161"
    if lem in ("resume", "renew", "restart", "reopen", "hold", "open", "start", "begin", "launch", "conduct") \
            and heads & (TALKS - {"negotiate", "discuss"}) and not heads & {"hearing", "trial"}:
        return "verbal", "046"
    if lem in ("resume", "renew", "re-establish", "reestablish", "normalize", "normalise", "establish", "upgrade") \
            and heads & TIES:
        return "verbal", "064" if lem not in ("establish", "upgrade") else "050"
    if lem in ("give", "grant", "contribute", "donate", "send", "deliver", "provide", "supply", "extend",
               "disburse", "transfer", "ship", "airlift") and heads:
        if not (_pobjs(tok, {"to"}) or _kids(tok, "dative") or lem in ("contribute", "donate", "disburse")):
            return None
        code = _aid_code(tok, heads, objs, {"aid", "assistance", "donation"})
        if code:
            return "verbal", code
        if lem == "grant" and heads & {"asylum", "refuge"}:
            return "verbal", "075"
        return None
    if lem == "help" and not _kids(tok, "xcomp", "ccomp") and any(
            c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or c.pos_ == "PROPN" or _head_of(c).lemma_.lower()
            in lx.PERSON_NOUNS | {"dissident", "refugee", "government", "country", "ally"}
            for c in _kids(tok, "dobj")):
        return "verbal", "070"
    if lem == "claim" and heads & {"responsibility", "credit"}:
        return "verbal", "015"
    if lem == "allege" and _kids(tok, "ccomp") and subj and subj[0].pos_ != "PRON":
        return "verbal", "112"  # "the report alleged that the army had ...": an accusation
    if lem in ("present", "produce", "submit", "provide", "show", "file", "bring") and heads & {
            "evidence", "proof", "charge", "charges", "case", "complaint"} and _pobjs(tok, {"against"}):
        return ("verbal", "112") if heads & {"evidence", "proof", "charge", "charges"} else ("verbal", "115")
    if lem in ("order", "launch", "open", "begin", "start", "announce", "conduct", "set", "demand", "call") and \
            heads & {"investigation", "inquiry", "enquiry", "probe"}:
        return ("verbal", "090") if lem not in ("demand", "call") else None
    if lem == "summon" and heads & DIPLOMATS:
        return "verbal", "110"  # summoning an envoy to protest
    if lem == "want" and any(_kids(x, "nsubj") for x in _kids(tok, "xcomp", "ccomp")):
        inner = [x for x in _kids(tok, "xcomp", "ccomp") if _kids(x, "nsubj")][0]
        if _kids(inner, "nsubj")[0].lower_ not in {s.lower_ for s in subj}:
            return "verbal", "02" + ask_suffix(*_asked(tok))  # "wants Kenya to withdraw": a request
    if lem in ("decline", "refuse") and any(c.lemma_.lower() == "comment" for c in _kids(tok, "xcomp")):
        return "verbal", "011"
    return None


# -- refinements of a family's default code ------------------------------------------------------------------
def refine(tok: Token, fam: str, code: str) -> str:
    """The specific CAMEO code for a verbal or diplomatic trigger in its frame (``code`` when nothing narrower)."""
    lem = tok.lemma_.lower()
    heads = _obj_heads(tok)
    objs = _obj_words(tok)
    if fam in ("appeal", "call") or (fam == "verbal" and code == "020"):
        return "02" + ask_suffix(*_asked(tok))
    if fam == "demand" or (fam == "verbal" and code == "100"):
        return "10" + ask_suffix(*_asked(tok))
    if fam == "verbal" and code == "051" and lem in ("welcome", "receive", "greet") and (
            heads & HOSTED_PERSONS or any(c.ent_type_ == "PERSON" for c in _kids(tok, "dobj"))):
        return "043"  # "welcomed the visiting president": hosting, not praise
    if fam == "expel":
        if heads & DIPLOMATS:
            return "161"
        if heads & ORGANISATIONS:
            return "166"
        return "174"
    if fam == "sever" and heads & {"aid", "assistance", "funding", "fund", "support"}:
        return "162"
    if fam in ("talks", "negotiate") or (fam == "verbal" and lem in ("discuss",)):
        return "046"
    if fam == "agree" and _kids(tok, "ccomp") and not _kids(tok, "xcomp"):
        return "019"  # "agreed that the dispute should be settled": accord on a view, not a commitment
    if fam == "vow" or (fam == "verbal" and code == "030") or fam == "agree":
        if _violent(_complement(tok)):
            return "138" if fam == "vow" else code
        return "03" + intent_suffix(*_asked(tok))
    if fam == "verbal" and code in ("120", "124"):
        words, _pairs = _asked(tok)
        if lem == "refuse" or code == "124":
            if words & {"release", "free", "return", "hand"}:
                return "1243"
            if words & (TALKS | {"meet", "meeting"}):
                return "125"
            if words & {"withdraw", "ceasefire", "disarm", "truce"}:
                return "1246"
            return code
        if objs & (TALKS | {"meeting", "offer", "invitation"}) and objs & (TALKS | {"meet", "meeting"}):
            return "125"
        if objs & {"mediation", "mediator"}:
            return "126"
        if objs & {"plan", "agreement", "deal", "settlement", "accord", "proposal", "initiative"} and objs & {
                "peace", "settlement", "ceasefire", "truce"}:
            return "127"
        if objs & {"aid", "assistance", "loan"}:
            return "122"
        if objs & {"reform", "election", "resignation"}:
            return "123"
        return code
    if fam == "provide" or (fam == "aidnoun"):
        words = _words(list(tok.subtree)) | ({tok.head.lemma_.lower()} if fam == "aidnoun" else set())
        if fam == "aidnoun":
            words |= _words(list(tok.subtree))
        if words & ARMS or words & {"military"}:
            return "072"
        if words & MONEY or words & {"economic", "financial"}:
            return "071"
        if words & (RELIEF - {"supply"}):
            return "073"
        if words & {"asylum", "refuge"}:
            return "075"
        return code
    if fam == "verbal" and code in ("070", "071") and lem in ("supply", "donate"):
        if objs & ARMS:
            return "072"
        if objs & (RELIEF - {"supply"}):
            return "073"
        return code
    return code


APPEAL_VERBS = {"ask", "urge", "call", "request", "appeal", "demand", "press", "encourage", "invite", "beg",
                "implore", "exhort", "want", "tell", "insist", "push"}


def asked_of_others(tok: Token) -> bool:
    """Is the verb what someone asks, urges or allows another to do ("urged Kenya to resume talks")?"""
    if tok.pos_ != "VERB" or not (any(c.lower_ == "to" for c in _kids(tok, "aux")) or any(
            c.lower_ in ("that", "to") for c in _kids(tok, "mark")) or tok.dep_ == "conj"):
        return False
    cur = tok
    first = True
    for _ in range(4):
        if cur.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or cur.head is cur:
            return False
        via = cur.dep_
        infinitive = any(c.lower_ == "to" for c in _kids(cur, "aux"))
        cur = cur.head
        if via == "conj" or cur.pos_ not in ("VERB", "AUX"):
            continue  # "ordered the closure and called on ...": a coordinated act of its own
        if first and (any(c.lower_ in ("not", "n't", "never") for c in _kids(cur, "neg")) or _obj_heads(cur) & {
                "permission", "authorization", "authorisation", "approval", "go-ahead", "green"}):
            return True  # "would not give permission to Russia to help Israel"
        first = False
        if via == "advcl":
            return False
        if cur.lemma_.lower() in APPEAL_VERBS:
            # "wants to help" (own intent) is not asked of others; "wants Putin to help" is
            if cur.lemma_.lower() in ("want", "tell"):
                return infinitive and (bool(_kids(tok, "nsubj")) or bool(_kids(cur, "dobj")))
            return True
    return False


COOPERATIVE = ("04", "05", "06", "07", "08")
INTENT_VERBS = {"will", "shall", "'ll", "plan", "intend", "want", "hope", "seek", "aim", "decide", "agree", "offer",
                "promise", "pledge", "vow", "commit", "undertake", "wish", "propose", "volunteer", "swear"}


def intent_code(tok: Token, code: str) -> str | None:
    """The 03x code for a cooperative act told as the source's commitment ("will visit", "agreed to sign")."""
    if code[:2] not in COOPERATIVE or code in ("0874",):
        return None
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    gov = tok.head.lemma_.lower() if tok.dep_ == "xcomp" else ""
    if not (aux & {"will", "shall", "'ll"} or gov in INTENT_VERBS):
        return None
    if code[:2] == "04":
        return "039" if code == "045" else "036"
    if code[:2] == "07":
        return {"071": "0331", "072": "0332", "073": "0333", "074": "0334"}.get(code, "033")
    if code[:2] == "08":
        return {"084": "0353", "0841": "0353", "0842": "0353", "085": "0354", "081": "0351",
                "0871": "0356", "087": "0356"}.get(code, "035")
    if code[:2] == "06":
        return "031"
    if code in ("051", "052", "053", "054"):
        return "032"
    return "030"


def _aid_code(tok: Token, heads: set[str], objs: set[str], general: set[str]) -> str | None:
    """CAMEO code of material aid given or received, by what it is: arms 072, money 071, relief 073, aid 070."""
    if heads & ARMS or objs & {"military"} and objs & {"aid", "assistance"}:
        return "072"
    if heads & MONEY or any(c.ent_type_ == "MONEY" for c in _kids(tok, "dobj")):
        return "071"
    if heads & (RELIEF - {"supply"}) or objs & {"humanitarian"}:
        return "073"
    if heads & general:
        return "070"
    return None
