"""The ``link`` stage: one event per real happening, and the relations the text states between events.

Within a document, mentions of the same happening (headline, lede, later paragraphs; "the attack", "Tuesday's
incident") are merged into one event; relations stated in the text ("in retaliation for", "followed", "after",
a statement about another event) become links between the merged events. ``merge_across_documents`` does the
same for reports of one happening by several documents.
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import hashlib
import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING

from flashpoint.extract import lexicon as lx
from flashpoint.extract.classifier import NONE, SUBTYPE_TO_TYPE
from flashpoint.ontology import Ontology
from flashpoint.records import Actor, DateSpan, Event, Evidence, Fatalities, Link, Location, Span
from flashpoint.resolve.coding import CULPRITS, CodedMention

if TYPE_CHECKING:
    from flashpoint.extract.classifier import SubtypeClassifier

_QUAL_RANK = {"exact": 3, "at_least": 2, "approx": 1, "none_reported": 0, "unknown": -1}
_PRECISION_RANK = {"site": 5, "city": 4, "admin2": 3, "admin1": 2, "country": 1}


@dataclass(slots=True)
class Cluster:
    members: list[CodedMention] = field(default_factory=list)

    @property
    def head(self) -> CodedMention:
        """The most informative mention: non-anaphoric, with actors, earliest."""
        return max(self.members, key=lambda c: (not c.mention.anaphoric, bool(c.source) + bool(c.target),
                                                c.mention.confidence, -c.mention.order))

    def countries(self, side: str) -> set[str]:
        return {a.country for c in self.members for a in getattr(c, side) if a.country}


def _group(c: CodedMention) -> str:
    """Coarse class used for merging: ACLED sub-type if any, else the CAMEO root."""
    if c.acled:
        return c.acled["sub_event_type"]
    return "cameo:" + c.cameo[:2]


_GENERIC_VIOLENCE = {"Attack", "Armed clash"}
_VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def _groups_compatible(c: CodedMention, cl: Cluster) -> bool:
    """Same coarse class; or a generic attack mention and a cluster with a specific weapon, same attacker."""
    h = cl.head
    if _group(h) == _group(c):
        return True
    pair = {_group(h), _group(c)}
    if pair == {"Air/drone strike", "Shelling/artillery/missile attack"}:
        # "missiles struck two vehicles" after "a US drone strike": the aircraft's missiles, one strike
        side = [c] if _group(c) != "Air/drone strike" else cl.members
        return not any(x.source for x in side) and all(x.mention.instrument in ("shelling", None) for x in side)
    if pair == _GENERIC_VIOLENCE:
        # "Gunmen storm market" / "gunmen stormed a market, killing seven": the same attackers, one attack
        names_c = {a.name.lower() for a in c.source} | {a.code for a in c.source if a.code}
        names_h = {a.name.lower() for x in cl.members for a in x.source} | {
            a.code for x in cl.members for a in x.source if a.code}
        return bool(names_c & names_h)
    specific = pair - _GENERIC_VIOLENCE
    if len(specific) == 1 and pair & _GENERIC_VIOLENCE and next(iter(specific)) in _REMOTE:
        generic = c if _group(c) in _GENERIC_VIOLENCE else h
        if generic.mention.instrument is None:
            src_c = {a.country for a in c.source if a.country}
            src_h = cl.countries("source")
            tgt_c = {a.code for a in c.target if a.code}
            tgt_h = {a.code for x in cl.members for a in x.target if a.code}
            return bool(src_c & src_h) or bool(tgt_c & tgt_h)
    return False


_REMOTE = {"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb",
           "Grenade"}


def _dates_compatible(a: DateSpan, b: DateSpan) -> bool:
    if not a.start or not b.start:
        return True
    return a.start <= (b.end or b.start) and b.start <= (a.end or a.start)


def _km(a: Location, b: Location) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat or 0, a.lon or 0, b.lat or 0, b.lon or 0))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def _places_compatible(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None or a.lat is None or b.lat is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if "country" in (a.precision, b.precision) or "admin1" in (a.precision, b.precision):
        return True
    return _km(a, b) <= 50


def _actors_compatible(c: CodedMention, cl: Cluster) -> bool:
    for side in ("source", "target"):
        mine = {a.country for a in getattr(c, side) if a.country}
        theirs = cl.countries(side)
        if mine and theirs and not mine & theirs:
            return False
    return True


def _cluster_date(cl: Cluster) -> DateSpan:
    dated = [x for x in cl.members if x.mention.time_scope != "none"]
    best = min(dated, key=lambda x: ({"local": 0, "sentence": 1}.get(x.mention.time_scope, 2), x.mention.order)) \
        if dated else cl.head
    return best.date


def _anaphor_fits(c: CodedMention, cl: Cluster, relaxed: bool = False) -> bool:
    h = cl.head
    word = c.mention.trigger_text.lower()
    if word in lx.ANAPHOR_TYPES or word.rstrip("s") in lx.ANAPHOR_TYPES:
        allowed = lx.ANAPHOR_TYPES.get(word, lx.ANAPHOR_TYPES.get(word.rstrip("s")))
        etype = h.acled["event_type"] if h.acled else None
        if allowed is None:
            if etype is None:
                return False
        elif etype not in allowed:
            return False
        if allowed == {"Strategic developments"} and h.acled and h.acled["sub_event_type"] != "Arrests":
            return False
    lemma = c.mention.trigger_text.lower()
    if lemma.startswith("strike") and not (h.acled and h.acled["event_type"] == "Explosions/Remote violence"):
        return False
    if c.mention.family in ("kill",) and not (h.acled and h.acled["event_type"] != "Strategic developments"):
        return False
    if h.acled is None and h.cameo[:2] not in ("18", "19", "20", "14"):
        return False
    if not relaxed and not _actors_compatible(c, cl):
        return False
    if c.mention.time_scope == "local" and not _dates_compatible(c.date, _cluster_date(cl)):
        return False
    return True


def cluster_mentions(coded: list[CodedMention]) -> tuple[list[Cluster], dict[int, int]]:
    """Merge a document's mentions into events. Returns the clusters and trigger offset -> cluster index."""
    clusters: list[Cluster] = []
    by_offset: dict[int, int] = {}
    explicit: set[tuple[int, int]] = set()  # trigger pairs the text relates (never the same event)
    for c in coded:
        for _, off in c.mention.links:
            explicit.add((c.mention.trigger_start, off))
            explicit.add((off, c.mention.trigger_start))
    pending_anaphors: list[CodedMention] = []
    for c in coded:
        m = c.mention
        if m.family == "_ref":
            continue
        if m.anaphoric:
            fits = [idx for idx in range(len(clusters)) if _anaphor_fits(c, clusters[idx])]
            if not fits and m.family in lx.CASUALTY_ONLY and not m.sources:
                # a toll with no perpetrator ("two of the attackers were also killed") may count either side's
                # dead: when no event fits its victims, it belongs to the last violent event told
                fits = [idx for idx in range(len(clusters)) if _anaphor_fits(c, clusters[idx], relaxed=True)]
            stem = m.trigger_text.lower()[:5]
            # Same word or family as the antecedent's trigger first ("the bombing" -> "bombed"), then the most recent.
            target = max(fits, key=lambda i: (any(x.mention.trigger_text.lower()[:5] == stem
                                                  or x.mention.family == m.family for x in clusters[i].members
                                                  if not x.mention.anaphoric), i), default=None)
            if target is None:
                pending_anaphors.append(c)
                continue
            clusters[target].members.append(c)
            by_offset[m.trigger_start] = target
            for off in m.alias_offsets:
                by_offset[off] = target
            continue
        placed = None
        for idx, cl in enumerate(clusters):
            h = cl.head
            if not _groups_compatible(c, cl):
                continue
            if any((x.mention.trigger_start, m.trigger_start) in explicit for x in cl.members):
                continue
            if not _actors_compatible(c, cl):
                continue
            # A mention without its own time expression carries only the publication date: no evidence either way.
            dated = c.mention.time_scope != "none" and any(x.mention.time_scope != "none" for x in cl.members)
            if dated and not _dates_compatible(c.date, _cluster_date(cl)):
                continue
            if not _places_compatible(c.location, h.location):
                continue
            if c.acled is None and {a.name.lower() for a in c.source} != {a.name.lower() for a in h.source}:
                continue  # verbal events merge only when the same speaker says the same kind of thing
            placed = idx
            break
        if placed is None:
            clusters.append(Cluster([c]))
            placed = len(clusters) - 1
        else:
            clusters[placed].members.append(c)
        by_offset[m.trigger_start] = placed
        for off in m.alias_offsets:
            by_offset[off] = placed
    # Anaphors told before their antecedent ("the attack" in a headline) attach to the first that fits.
    for c in pending_anaphors:
        for idx, cl in enumerate(clusters):
            if _anaphor_fits(c, cl):
                cl.members.append(c)
                by_offset[c.mention.trigger_start] = idx
                break
        else:
            own = c.source and c.mention.family not in ("kill",) or (c.fatalities[0] or 0) > 0 or (
                c.injured[0] or 0) > 0
            if own and c.mention.trigger_text.lower() not in ("incident",):
                clusters.append(Cluster([c]))
                by_offset[c.mention.trigger_start] = len(clusters) - 1
    return clusters, by_offset


_PROTEST_SUBTYPES = {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
_STATE = {"military", "police", "government"}


def _sub(cl: Cluster) -> str | None:
    return cl.head.acled["sub_event_type"] if cl.head.acled else None


_HOMES = {"home", "homes", "house", "houses", "residence", "residences", "apartment", "flat", "office", "offices"}


def fuse_protest_repression(clusters: list[Cluster]) -> list[Cluster]:
    """A protest and the security forces' action against it are one ACLED event.

    Arrests, dispersal or tear gas make it a protest with intervention; deaths, injuries or live fire make it
    excessive force against protesters.
    """
    protests = [cl for cl in clusters if _sub(cl) in _PROTEST_SUBTYPES
                and any(c.mention.family in ("protest", "march", "labour") for c in cl.members)]
    if not protests:
        return clusters
    keep: list[Cluster] = []
    for cl in clusters:
        if cl in protests:
            keep.append(cl)
            continue
        h = cl.head
        if any(c.mention.grievance for c in cl.members):
            keep.append(cl)  # what the protest is about, not what happened to it
            continue
        by_state = any(a.kind in _STATE for a in h.source) or not h.source
        on_crowd = not h.target or not all(a.kind in ("military", "police", "rebels", "militia") for a in h.target)
        repressive = _sub(cl) in ("Attack", "Arrests", "Armed clash", "Protest with intervention") or \
            h.cameo.startswith("175")
        if _sub(cl) == "Arrests" and any(c.mention.object_heads & _HOMES or c.mention.trigger_text.lower() in (
                "raid", "raids") for c in cl.members):
            keep.append(cl)  # "detained at his home", "in a dawn raid": an arrest of its own, not of the crowd
            continue
        undated = all(x.mention.time_scope == "none" for x in cl.members)
        target = next((p for p in protests if (undated or _dates_compatible(_cluster_date(p), _cluster_date(cl)))
                       and _places_compatible(p.head.location, h.location)), None)
        if target is None or not (by_state and on_crowd and repressive):
            keep.append(cl)
            continue
        target.members.extend(cl.members)
        # deaths, injuries, live fire or beatings: force that wounds, not just disperses
        hurt = any((c.fatalities[0] or 0) > 0 or (c.injured[0] or 0) > 0 or c.mention.family == "beat"
                   for c in cl.members) or h.mention.instrument == "firearm"
        sub = "Excessive force against protesters" if hurt and _sub(cl) != "Arrests" else "Protest with intervention"
        already = any(c.acled and c.acled["sub_event_type"] == "Excessive force against protesters"
                      for c in target.members)
        sub = "Excessive force against protesters" if already else sub
        for c in target.members:
            # Every mention now tells one protest event: the repression's own type gives way to the protest's.
            c.acled = {"event_type": "Protests", "sub_event_type": sub}
            c.cameo = "175" if sub.startswith("Excessive") else "141"
    return keep


def _links(coded: list[CodedMention], clusters: list[Cluster],
           by_offset: dict[int, int]) -> dict[int, list[tuple[str, int]]]:
    out: dict[int, list[tuple[str, int]]] = {}

    def add(a: int, rel: str, b: int) -> None:
        if a != b and (rel, b) not in out.setdefault(a, []):
            out[a].append((rel, b))

    last_in_sentence: dict[int, int] = {}  # sentence start -> cluster of its last non-anaphoric mention
    sentences = sorted({c.mention.sent_start for c in coded})
    for c in coded:
        m = c.mention
        if m.family != "_ref" and m.trigger_start in by_offset and not m.anaphoric:
            last_in_sentence[m.sent_start] = by_offset[m.trigger_start]
    for c in coded:
        m = c.mention
        if m.family == "_ref":
            # "That was in retaliation for Y": the subject is the previous sentence's last event
            prev = [s for s in sentences if s < m.sent_start and s in last_in_sentence]
            for rel, off in m.links:
                if prev and off in by_offset:
                    add(last_in_sentence[prev[-1]], rel, by_offset[off])
            continue
        me = by_offset.get(m.trigger_start)
        if me is None:
            continue
        for rel, off in m.links:
            if off in by_offset:
                add(me, rel, by_offset[off])
        for off in m.speech_content:
            if off in by_offset:
                rel = "response_to" if m.family in ("threat_call", "vow") else "comment_on"
                add(me, rel, by_offset[off])
    return out


def _event_id(doc_sha: str, index: int) -> str:
    return hashlib.sha1(f"{doc_sha}:{index}".encode()).hexdigest()[:16]


_HEARD_BLASTS = {"blast", "blasts", "explosion", "explosions", "bang", "bangs", "boom", "booms", "detonation",
                 "detonations"}


_GENERIC_VICTIMS = {"people", "person", "persons", "individuals", "others", "victims", "lives", "bodies"}


def _total_fatalities(members: list[CodedMention]) -> Fatalities:
    """The event's death toll from its mentions, as ACLED totals it: the dead of different sides add up ("nine
    police officers were killed ... two militants were also killed" is 11); repeated figures for the same people
    (an update, a restatement) count once, the highest; a toll of "people" covers the sides it may sum."""
    groups: dict[str, list[tuple[int | None, str]]] = {}
    sayers: dict[str, set[str]] = {}
    for c in members:
        if c.fatalities[0] is None:
            continue
        victim = c.target[0] if c.target else None
        generic = victim is None or victim.implied or victim.name.lower().split()[-1] in _GENERIC_VICTIMS
        key = "" if generic or victim is None else (victim.kind or "unknown")
        groups.setdefault(key, []).append(c.fatalities)
        if c.mention.attribution:
            sayers.setdefault(key, set()).add(c.mention.attribution.lower())
    if not groups:
        return _best_fatalities([c.fatalities for c in members])
    sides = [_best_fatalities(v) for k, v in groups.items() if k]
    told = [sayers[k] for k in groups if k and k in sayers]
    if len(told) > 1 and not set.intersection(*told):
        # each side's dead told by a different source ("witnesses said 300 men were executed; the army said it
        # neutralised 203 militants"): rival accounts of the same dead, and ACLED takes the lowest figure
        return min(sides, key=lambda f: f.count or 0)
    total = sum(f.count or 0 for f in sides)
    general = _best_fatalities(groups.get("", []))
    if (general.count or 0) >= total or not sides:
        return general if general.count is not None else _best_fatalities([c.fatalities for c in members])
    if len(sides) == 1:
        return sides[0]
    qual = "exact" if all(f.qualifier == "exact" for f in sides) else "at_least"
    return Fatalities(total, qual)  # type: ignore[arg-type]


def _best_fatalities(values: list[tuple[int | None, str]]) -> Fatalities:
    known = [v for v in values if v[0] is not None]
    if not known:
        return Fatalities(None, "unknown")
    count, qual = max(known, key=lambda v: (v[0] or 0, _QUAL_RANK.get(v[1], -1)))
    if count == 0:
        return Fatalities(0, "none_reported")
    return Fatalities(count, qual)  # type: ignore[arg-type]


def _dedupe(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for a in actors:
        key = (a.code or "") + "|" + a.name.lower()
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def build_events(coded: list[CodedMention], *, doc_id: str, doc_sha: str, text: str, published: str | None,
                 ontology: Ontology, min_confidence: float = 0.0,
                 classifier: SubtypeClassifier | None = None) -> list[Event]:
    """Merge a document's coded mentions into ``Event`` records with evidence and links. With a
    ``classifier``, the ACLED sub-type the rules chose is weighed against the classifier's reading of the
    event's sentences (``refine_subtype``)."""
    clusters, by_offset = cluster_mentions(coded)
    fused = fuse_protest_repression(clusters)
    if len(fused) != len(clusters):
        remap = {id(c): i for i, c in enumerate(fused)}
        owner = {id(m): remap[id(cl)] for cl in fused for m in cl.members}
        by_offset = {off: owner[id(m)] for off, idx in by_offset.items() for m in clusters[idx].members
                     if m.mention.trigger_start == off or off in m.mention.alias_offsets}
        clusters = fused
    links = _links(coded, clusters, by_offset)
    shared: collections.Counter[int] = collections.Counter(
        start for cl in clusters for start in {c.mention.sent_start for c in cl.members})
    events: list[Event] = []
    fixed: set[str] = set()  # events whose sub-type a count settled (see below): no reading of the text changes it
    for idx, cl in enumerate(clusters):
        h = cl.head
        ordered = sorted(cl.members, key=lambda c: c.mention.order)
        # Date: a mention's own time expression beats a sentence-level one, which beats the publication date.
        dated = sorted(cl.members, key=lambda c: ({"local": 0, "sentence": 1}.get(c.mention.time_scope, 2),
                                                  c.mention.anaphoric, c.mention.order))
        date = dated[0].date
        locs = [c.location for c in ordered if c.location is not None and not c.mention.anaphoric] or [
            c.location for c in ordered if c.location is not None]
        local_locs = [c.location for c in ordered if c.location is not None and c.mention.place_scope == "local"
                      and not c.mention.anaphoric]
        loc = max(local_locs or locs, key=lambda x: _PRECISION_RANK.get(x.precision, 0)) if (local_locs or locs) \
            else None
        # A bare "blast" or "explosion" says what was heard, not the weapon ("heard loud blasts" after a drone strike).
        typed = max(cl.members, key=lambda c: (not c.mention.anaphoric, c.mention.instrument is not None,
                                               c.mention.trigger_text.lower() not in _HEARD_BLASTS,
                                               c.acled is not None, c.mention.confidence, -c.mention.order))
        src = _dedupe([a for c in sorted(cl.members, key=lambda c: c.mention.anaphoric) for a in c.source])
        tgt = _dedupe([a for c in sorted(cl.members, key=lambda c: c.mention.anaphoric) for a in c.target])
        src_keys = {a.name.lower() for a in src}
        tgt = [a for a in tgt if a.name.lower() not in src_keys]
        etype = typed.acled["event_type"] if typed.acled else None
        iso = loc.country if loc else None
        if not src and etype in _VIOLENT_TYPES:
            # ACLED-style: violence with no named perpetrator is by an unidentified armed group.
            src = [Actor(name="unidentified armed group", country=iso, code=(iso or "") + "UAF", kind="armed group",
                         implied=True)]
        elif not src and etype in ("Protests", "Riots") and not (
                etype == "Protests" and typed.acled and typed.acled["sub_event_type"] != "Peaceful protest"
                and tgt and any(a.kind in ("protesters", "civilians") for a in tgt)):
            # "Members of the teachers' union staged a sit-in": the crowd is the actor, as ACLED codes it.
            word = "protesters" if etype == "Protests" else "rioters"
            src = [Actor(name=word, country=iso, code=(iso or "") + "CVL",
                         kind=word, implied=True)]
        elif not src and typed.acled and typed.acled["sub_event_type"] == "Arrests":
            # "Over 80 traders were arrested": arrests are made by the police unless the text names someone else.
            src = [Actor(name="police", country=iso, code=(iso or "") + "COP", kind="police", implied=True)]
        _role_kinds(src, etype)
        tgt = _crowd_targets(src, tgt, typed.acled["sub_event_type"] if typed.acled else None, iso)
        _place_kinds(src + tgt, iso, etype)
        fat = _total_fatalities(cl.members)
        inj = _best_fatalities([c.injured for c in cl.members])
        modality = h.mention.modality
        attribution = next((c.mention.attribution for c in sorted(ordered, key=lambda c: c.mention.anaphoric)
                            if c.mention.attribution), None)
        evidence = []
        for c in ordered:
            m = c.mention
            evidence.append(Evidence(doc_id=doc_id, text=text[m.sent_start:m.sent_end], start=m.sent_start,
                                     end=m.sent_end, trigger=Span(m.trigger_text, m.trigger_start, m.trigger_end)))
        conf = max(c.mention.confidence for c in cl.members)
        conf = min(0.97, conf + 0.05 * (len({c.mention.sent_start for c in cl.members}) - 1))
        if date.precision == "day" and all(c.mention.time_scope == "none" for c in cl.members):
            conf -= 0.05
        # The type comes from the most specific mention ("a US drone strike" over "the US strike").
        typed = max(cl.members, key=lambda c: (not c.mention.anaphoric, c.mention.instrument is not None,
                                               c.mention.trigger_text.lower() not in _HEARD_BLASTS,
                                               c.acled is not None, c.mention.confidence, -c.mention.order))
        if typed.acled and typed.acled["event_type"] == "Protests" and any(
                (c.fatalities[0] or 0) > 0 or (c.injured[0] or 0) > 0 for c in cl.members):
            # Protesters killed or wounded: excessive force against them, whichever mention told it.
            typed = next((c for c in cl.members if c.acled and c.acled["sub_event_type"].startswith("Excessive")),
                         typed)
            if not typed.acled["sub_event_type"].startswith("Excessive"):
                typed.acled = {"event_type": "Protests", "sub_event_type": "Excessive force against protesters"}
                typed.cameo = "175"
        code, acled = typed.cameo, typed.acled
        # Facts the parse found are not a matter of wording: protesters killed or wounded, a crowd's violence.
        hurt_crowd = acled is not None and acled["sub_event_type"].startswith("Excessive") and (
            (fat.count or 0) > 0 or (inj.count or 0) > 0)
        violent_crowd = acled is not None and acled["sub_event_type"] == "Violent demonstration" and any(
            c.mention.context_violent for c in cl.members)
        punished = acled is not None and acled["sub_event_type"] == "Mob violence" and any(
            w in CULPRITS for a in tgt for w in a.name.lower().replace("-", " ").split())  # "suspected thieves"
        if hurt_crowd or punished:
            fixed.add(_event_id(doc_sha, idx))  # (a crowd's violence may still be re-read from the whole report)
        if classifier is not None and acled is not None and not hurt_crowd and not violent_crowd and not punished:
            sentences = " ".join(dict.fromkeys(text[c.mention.sent_start:c.mention.sent_end] for c in ordered))
            proba = classifier.predict_proba(sentences)
            if all(c.mention.grievance for c in ordered) and any(shared[c.mention.sent_start] > 1 for c in ordered):
                # an event told as another's cause shares its sentence: the wording speaks for the other one, so
                # this may only change sub-type within its own type ("protested against the arrest of the sheikh")
                own = acled["event_type"]
                proba = {k: v for k, v in proba.items() if SUBTYPE_TO_TYPE.get(k) == own}
            sub = refine_subtype(acled["sub_event_type"], proba, targets=tgt)
            if sub != acled["sub_event_type"]:
                acled = {"event_type": SUBTYPE_TO_TYPE[sub], "sub_event_type": sub}
                code = _subtype_codes().get(sub, code)
        plover = ontology.plover(code)
        events.append(Event(
            event_id=_event_id(doc_sha, idx), doc_id=doc_id, cameo=code, cameo_name=ontology.name(code),
            plover={"type": plover.get("type"), "mode": plover.get("mode")}, acled=acled,
            goldstein=ontology.goldstein(code), date=date, location=loc, source=src, target=tgt, fatalities=fat,
            injured=inj, modality=modality, attribution=attribution, evidence=evidence,
            confidence=round(max(0.05, conf), 3), sources=[doc_id], published=published))
    for idx, rels in links.items():
        for rel, other in rels:
            events[idx].links.append(Link(rel, events[other].event_id))  # type: ignore[arg-type]
            ev, cause = events[idx], events[other]
            if rel in ("response_to", "retaliation_for") and not ev.target and cause.source and \
                    ev.plover.get("type") in ("THREATEN", "ASSAULT") and not all(a.implied for a in cause.source):
                # "calls by the militia for retaliation" after "the US attack": retaliation against the attacker
                ev.target = [replace(a, implied=True) for a in cause.source if not a.implied]
    keep = [e for e in events if e.confidence >= min_confidence]
    # what a protest is about ("protested against a string of stabbings") is told as its cause, not as the news
    background = {events[i].event_id for i, cl in enumerate(clusters)
                  if all(c.mention.grievance for c in cl.members)}
    doc_proba = None
    if classifier is not None and len(text) <= _SHORT_REPORT:
        # A short report is about one thing: the classifier's reading of the whole of it helps pick and type
        # the main event.
        doc_proba = classifier.predict_proba(text)
    _mark_main(keep, background, doc_proba, published)
    if doc_proba is not None and sum(1 for e in keep if e.acled is not None) == 1:
        # (only when the report tells one ACLED event: otherwise the whole text mixes several)
        for e in keep:
            if e.main and e.acled is not None and e.event_id not in fixed:
                sub = refine_subtype(e.acled["sub_event_type"], doc_proba, DOC_RULE_WEIGHT, targets=e.target)
                if sub != e.acled["sub_event_type"]:
                    set_subtype(e, sub, ontology)
    return keep


def set_subtype(event: Event, sub: str, ontology: Ontology, *, keep_cameo: bool = False) -> None:
    """Give an event an ACLED sub-type, with the CAMEO code, PLOVER type and Goldstein score that go with it
    (``keep_cameo``: only the ACLED type, when the rules' CAMEO reading is more specific than the sub-type's)."""
    event.acled = {"event_type": SUBTYPE_TO_TYPE[sub], "sub_event_type": sub}
    _role_kinds(event.source, event.acled["event_type"])
    event.target = _crowd_targets(event.source, event.target, sub,
                                  event.location.country if event.location else None)
    if keep_cameo:
        return
    event.cameo = _subtype_codes().get(sub, event.cameo)
    event.cameo_name = ontology.name(event.cameo)
    plover = ontology.plover(event.cameo)
    event.plover = {"type": plover.get("type"), "mode": plover.get("mode")}
    event.goldstein = ontology.goldstein(event.cameo)


# A short report whose events the rules could not type (no trigger they know, or only a statement, an agreement
# or a denial) takes the classifier's sub-type when it reads the whole report this confidently.
CLASSIFIER_ALONE_MIN = 0.3


def classifier_subtype(text: str, classifier: SubtypeClassifier | None) -> str | None:
    """The classifier's sub-type for a short report it reads confidently as an event, else None."""
    if classifier is None or len(text) > _SHORT_REPORT:
        return None
    proba = classifier.predict_proba(text)
    sub = max((k for k in proba if k in SUBTYPE_TO_TYPE), key=lambda k: proba[k])
    if proba[sub] < CLASSIFIER_ALONE_MIN or proba.get(NONE, 0.0) >= proba[sub]:
        return None
    return sub


def subtype_code(sub: str) -> str | None:
    """The representative CAMEO code of an ACLED sub-type."""
    return _subtype_codes().get(sub)


# How much the rules' sub-type counts against the classifier's probabilities (see ``refine_subtype``).
RULE_WEIGHT = 0.3
# the same for the main event of a short report, read as a whole; and how much the whole report's reading of an
# event's sub-type adds to its claim to be the main event
DOC_RULE_WEIGHT = 0.3
MAIN_CLASSIFIER_WEIGHT = 0.3
_SHORT_REPORT = 1200  # characters: incident notes and briefs, not full articles
# Sub-types the rules assign from an unambiguous frame (ground changing hands, a sexual-violence verb): the
# classifier may propose them but not overrule them.
_RULE_FIRM = {"Government regains territory", "Non-state actor overtakes territory", "Sexual violence",
              "Disrupted weapons use"}
_ARMED_TARGETS = {"military", "police", "rebels", "militia", "armed group", "unknown armed", "foreign forces"}
# Sub-types only the rules assign: the classifier's examples of them are too few to overrule a rule.
_RULE_ONLY = {"Other", "Headquarters or base established", "Chemical weapon"}


def refine_subtype(rule: str, proba: dict[str, float], rule_weight: float = RULE_WEIGHT,
                   targets: list[Actor] | None = None) -> str:
    """The sub-type with the best mix of the rules' choice (weight ``rule_weight``) and the classifier's
    probability (weight 1 - ``rule_weight``). The classifier reads words, the rules read the parse: a clear
    classifier preference overrides a rule that fired on a weak cue, a close call keeps the rule. What the
    parse knows of the targets bounds the choice: violence against civilians needs a target that is not
    armed, an armed clash one that is not civilian."""
    if rule in _RULE_ONLY or rule in _RULE_FIRM or rule not in proba:
        return rule
    kinds = {a.kind for a in targets or []}
    armed = bool(kinds) and kinds <= _ARMED_TARGETS
    civilian = bool(kinds) and not kinds & _ARMED_TARGETS
    best, best_score = rule, rule_weight + (1 - rule_weight) * proba[rule]
    for sub, p in proba.items():
        if sub in _RULE_ONLY or sub == rule or sub not in SUBTYPE_TO_TYPE:
            continue
        if armed and SUBTYPE_TO_TYPE[sub] == "Violence against civilians" or civilian and sub == "Armed clash":
            continue
        if (1 - rule_weight) * p > best_score:
            best, best_score = sub, (1 - rule_weight) * p
    return best


@lru_cache(maxsize=1)
def _subtype_codes() -> dict[str, str]:
    """A representative CAMEO code per ACLED sub-type (data/acled_subtype_cameo.csv)."""
    with (files("flashpoint") / "data" / "acled_subtype_cameo.csv").open(encoding="utf-8") as f:
        return {row["sub_event_type"]: row["cameo"] for row in csv.DictReader(f)}


_ARMED_WORDS = ("armed", "gunm", "militant", "militia", "fighter", "rebel", "insurgent", "jihad", "bandit",
                "attacker", "assailant")
_STATE_KINDS = {"military", "police", "government", "person", "judiciary", "legislature", "foreign forces"}


def _days_before(start: str | None, published: str | None) -> int:
    """Days from an event's start to the publication date (0 when either is unknown or malformed)."""
    if not start or not published:
        return 0
    try:
        return (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(start[:10])).days
    except ValueError:
        return 0


_HOME_KINDS = {"protesters", "rioters", "civilians", "police", "military", "government", "armed group",
               "unknown armed", "militia", "political party", "judiciary", "legislature"}


def _place_kinds(actors: list[Actor], iso: str | None, etype: str | None) -> None:
    """Actors seen from where the event happened: a state's troops acting in another country are foreign
    forces there (French troops in Burkina Faso); crowds, police and gunmen named with no country belong to
    the country of the event."""
    if not iso:
        return
    for a in actors:
        if a.country is None and a.kind in _HOME_KINDS and etype is not None:
            a.country = iso
            if a.code and len(a.code) == 3:
                a.code = iso + a.code
        elif a.kind == "military" and a.country and a.country != iso and etype is not None:
            a.kind = "foreign forces"


def _crowd_targets(src: list[Actor], tgt: list[Actor], sub: str | None, iso: str | None) -> list[Actor]:
    """In a protest that the state acted against ("police detained 63 people"), the people acted against are
    the protesters; when the text names none, they are implied, as ACLED records them."""
    if not src or any(a.kind == "protesters" for a in src) or not (
            sub in ("Protest with intervention", "Excessive force against protesters") and src[0].kind in _STATE_KINDS
            or sub == "Peaceful protest" and src[0].kind in ("police", "military")):
        return tgt  # (a government that "protests" is a diplomat, not a crowd's opponent)
    for a in tgt:
        if a.kind in ("civilians", "unknown", None, "person"):
            a.kind = "protesters"
    crowd = [a for a in tgt if a.kind == "protesters"] or [
        Actor(name="protesters", country=iso, code=(iso or "") + "CVL", kind="protesters", implied=True)]
    return crowd + [a for a in tgt if a not in crowd]  # the crowd first, before the things it marched against


def _role_kinds(actors: list[Actor], etype: str | None) -> None:
    """The kind an actor has in this event, as ACLED counts it: villagers who march are protesters, who riot are
    rioters, who take up machetes are an armed group."""
    for a in actors:
        if etype == "Protests" and a.kind not in _STATE_KINDS | {"rebels", "militia", "armed group"}:
            a.kind = "protesters"
        elif etype == "Riots" and (a.kind not in _STATE_KINDS | {"rebels", "militia", "armed group"} or (
                a.kind == "armed group" and not any(w in a.name.lower() for w in _ARMED_WORDS))):
            a.kind = "rioters"  # "supporters of the two candidates clashed": a crowd, not an armed group
        elif etype in _VIOLENT_TYPES and a.kind in ("civilians", "unknown", "protesters", "rioters", "unknown armed",
                                                     None):
            a.kind = "armed group"


def _mark_main(events: list[Event], background: set[str] | None = None,
               doc_proba: dict[str, float] | None = None, published: str | None = None) -> None:
    """Flag the one event the document is mainly about: violent and specific beats verbal, then confidence;
    events in ``background`` (ids of events told only as the cause of another) come last."""
    if not events:
        return

    def score(e: Event) -> tuple[float, int]:
        s = e.confidence
        if background and e.event_id in background:
            s -= 0.5
        if _days_before(e.date.start, published) > 31:
            s -= 0.4  # told as history ("recaptured by the army in 2016"): a report is about what is new
        if doc_proba and e.acled:
            s += MAIN_CLASSIFIER_WEIGHT * doc_proba.get(e.acled["sub_event_type"], 0.0)
        if e.acled:
            s += 0.3
        if e.plover.get("type") in ("ASSAULT", "PROTEST", "COERCE"):
            s += 0.1
        if (e.acled or {}).get("sub_event_type") == "Sexual violence":
            s += 0.3  # the most specific form of violence against civilians in a report
        if e.modality not in ("asserted", "alleged"):
            s -= 0.3
        s += 0.02 * min(len(e.evidence), 4)
        return s, -min(ev.start for ev in e.evidence)

    # Armed forces and an armed group told as both attacking and clashing in one report: ACLED counts a battle.
    subs = {(e.acled or {}).get("sub_event_type") for e in events if e.modality in ("asserted", "alleged")}
    clash_bonus = 0.25 if {"Attack", "Armed clash"} <= subs else 0.0

    def score_with_clash(e: Event) -> tuple[float, int]:
        s, order = score(e)
        if (e.acled or {}).get("sub_event_type") == "Armed clash":
            s += clash_bonus
        return s, order

    best = max(events, key=score_with_clash)
    best.main = True
