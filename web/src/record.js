// An event's record: its coding, modality and attribution, its links, and the article text with the
// evidence sentence highlighted (the trigger word within it marked more strongly).
import { getJSON } from "./api.js";
import { typeColor } from "./colors.js";
import { actors } from "./table.js";

const RELATIONS = {
  retaliation_for: "retaliation for", response_to: "in response to", follows: "follows", causes: "causes",
  comment_on: "comment on",
};
const INVERSE = {
  retaliation_for: "retaliated against by", response_to: "responded to by", follows: "followed by",
  causes: "caused by", comment_on: "commented on by",
};

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

// the text cut at every span boundary; each piece wrapped in the marks that cover it
export function highlight(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const inner = [...spans].sort((x, y) => (x.end - x.start) - (y.end - y.start)); // shortest innermost
  const frag = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    let node = document.createTextNode(text.slice(a, b));
    for (const s of inner) {
      if (s.start <= a && b <= s.end) {
        const mark = el("mark", { class: s.cls });
        for (const [k, v] of Object.entries(s.attrs || {})) mark.setAttribute(k, v);
        mark.append(node);
        node = mark;
      }
    }
    frag.append(node);
  }
  return frag;
}

export class RecordPanel {
  constructor(root, { onSelect, onClose }) {
    this.root = root;
    this.onSelect = onSelect;
    root.querySelector(".close").addEventListener("click", onClose);
    document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !root.hidden) onClose(); });
    this.body = root.querySelector(".body");
  }

  close() {
    this.root.hidden = true;
    this.current = null;
  }

  async open(id) {
    this.current = id;
    this.root.hidden = false;
    this.root.dataset.loaded = "";
    this.body.textContent = "loading…";
    let data;
    try {
      data = await getJSON(`/events/${encodeURIComponent(id)}`);
    } catch (err) {
      this.body.textContent = String(err.message || err);
      return;
    }
    const docs = {};
    await Promise.all([...new Set(data.evidence.map((v) => v.doc_sha256).filter(Boolean))].map(async (sha) => {
      docs[sha] = (await getJSON(`/documents/${sha}`)).document;
    }));
    if (this.current !== id) return; // another event was opened meanwhile
    this.render(data, docs);
    this.root.dataset.loaded = id;
  }

  link(x, label) {
    const e = x.event;
    const text = e ? `${e.date_start || "undated"} ${e.plover_type || ""} ${e.acled_sub_event_type || e.cameo_name || ""}`
      + ` — ${(e.source_names || [])[0] || "?"} → ${(e.target_names || [])[0] || "?"}`
      + (e.location_name ? ` in ${e.location_name}` : "") : `${x.event_id} (not in this store)`;
    return el("li", {}, el("span", { class: "relation" }, label + " → "),
      e ? el("a", { href: `?event=${x.event_id}`, "data-event": x.event_id, onclick: (ev) => {
        ev.preventDefault();
        this.onSelect(x.event_id);
      } }, text) : text);
  }

  render(data, docs) {
    const r = data.event;
    const loc = r.location || {};
    const date = r.date || {};
    const fat = r.fatalities || {};
    const rows = [
      ["CAMEO", `${r.cameo} ${r.cameo_name || ""} (Goldstein ${r.goldstein ?? "?"})`],
      ["PLOVER", `${(r.plover || {}).type || "?"}${(r.plover || {}).mode ? " / " + r.plover.mode : ""}`],
      ["ACLED", r.acled ? `${r.acled.event_type} / ${r.acled.sub_event_type}` : "not an ACLED event"],
      ["date", `${date.start || "?"}${date.end && date.end !== date.start ? " – " + date.end : ""} (${date.precision || "?"})`
        + (date.text ? ` from “${date.text}”` : "")],
      ["location", `${loc.name || "?"}${loc.country ? ", " + loc.country : ""} (${loc.precision || "?"})`],
      ["source", actors(r.source) || "—"],
      ["target", actors(r.target) || "—"],
      ["fatalities", fat.count != null ? `${fat.count} (${fat.qualifier})` : fat.qualifier || "unknown"],
      ["modality", r.modality],
      ["attribution", r.attribution || "— (stated by the report)"],
      ["confidence", `${r.confidence}${r.main ? " · main event of the report" : ""}`],
    ];
    const dl = el("dl", { class: "coding" });
    for (const [k, v] of rows) dl.append(el("dt", {}, k), el("dd", { "data-field": k }, v));
    const out = data.links.outgoing.map((x) => this.link(x, RELATIONS[x.relation] || x.relation));
    const inc = data.links.incoming.map((x) => this.link(x, INVERSE[x.relation] || x.relation));
    const links = out.length || inc.length ? el("ul", { class: "links" }, ...out, ...inc) : el("p", {}, "none stated");
    const texts = el("div", { class: "documents" });
    const bySha = {};
    for (const v of data.evidence) (bySha[v.doc_sha256] = bySha[v.doc_sha256] || []).push(v);
    for (const [sha, evidence] of Object.entries(bySha)) {
      const doc = docs[sha];
      if (!doc) continue;
      const spans = [];
      for (const v of evidence) {
        spans.push({ start: v.start, end: v.end, cls: "evidence",
          attrs: { "data-start": v.start, "data-end": v.end, "data-seq": v.seq } });
        if (v.trigger && v.trigger.start != null) spans.push({ start: v.trigger.start, end: v.trigger.end, cls: "trigger" });
      }
      const head = el("h4", {}, doc.title || doc.id,
        el("small", {}, ` ${doc.source || ""} ${doc.published || ""} · ${doc.id}`));
      texts.append(head, el("div", { class: "article", "data-doc": sha }, highlight(doc.text, spans)));
    }
    const title = el("h3", {}, el("i", { class: "dot", style: `background:${typeColor((r.plover || {}).type)}` }),
      `${(r.acled && r.acled.sub_event_type) || r.cameo_name || r.cameo}`);
    const raw = el("details", {}, el("summary", {}, "record (JSON)"), el("pre", {}, JSON.stringify(r, null, 2)));
    this.body.replaceChildren(title, el("p", { class: "id" }, r.event_id), dl, el("h4", {}, "links"), links,
      el("h4", {}, `evidence (${data.evidence.length} mention${data.evidence.length === 1 ? "" : "s"})`), texts, raw);
    const first = this.body.querySelector("mark.evidence");
    if (first) first.scrollIntoView({ block: "center" });
  }
}
