// The event table: one page of events for the shared filters, sortable, each row opens the record.
import { getJSON, query } from "./api.js";
import { typeColor } from "./colors.js";

const COLUMNS = [
  { key: "date", label: "date", sort: "date" },
  { key: "type", label: "type", sort: "type" },
  { key: "what", label: "event" },
  { key: "source", label: "source" },
  { key: "target", label: "target" },
  { key: "place", label: "location", sort: "country" },
  { key: "killed", label: "killed", sort: "fatalities" },
  { key: "modality", label: "modality" },
  { key: "confidence", label: "conf.", sort: "confidence" },
];
const PAGE = 50;

export function actors(list) {
  return (list || []).map((a) => a.name + (a.code ? ` (${a.code})` : "")).join("; ");
}

export class EventTable {
  constructor(el, { onSelect }) {
    this.el = el;
    this.onSelect = onSelect;
    this.sort = "-date";
    this.offset = 0;
    el.innerHTML = `<table class="fp-table"><thead><tr></tr></thead><tbody></tbody></table>
      <div class="pager"><button data-step="-1">‹ previous</button><span class="range"></span>
      <button data-step="1">next ›</button></div>`;
    const head = el.querySelector("thead tr");
    for (const c of COLUMNS) {
      const th = document.createElement("th");
      th.textContent = c.label;
      if (c.sort) {
        th.className = "sortable";
        th.dataset.sort = c.sort;
        th.addEventListener("click", () => {
          this.sort = this.sort === c.sort ? "-" + c.sort : c.sort;
          this.offset = 0;
          this.load(this.filters);
        });
      }
      head.append(th);
    }
    for (const b of el.querySelectorAll(".pager button")) {
      b.addEventListener("click", () => {
        this.offset = Math.max(0, this.offset + Number(b.dataset.step) * PAGE);
        this.load(this.filters, { keepOffset: true });
      });
    }
  }

  async load(filters, { keepOffset = false } = {}) {
    if (!keepOffset && JSON.stringify(filters) !== JSON.stringify(this.filters)) this.offset = 0;
    this.filters = filters;
    const page = await getJSON("/events" + query(filters, { limit: PAGE, offset: this.offset, sort: this.sort }));
    this.render(page);
    return page;
  }

  render(page) {
    const body = this.el.querySelector("tbody");
    body.innerHTML = "";
    for (const e of page.events) {
      const tr = document.createElement("tr");
      tr.dataset.event = e.event_id;
      const loc = e.location || {};
      const killed = e.fatalities && e.fatalities.count != null ? String(e.fatalities.count) : "";
      const cells = {
        date: (e.date || {}).start || "", type: (e.plover || {}).type || "",
        what: (e.acled && e.acled.sub_event_type) || e.cameo_name || e.cameo, source: actors(e.source),
        target: actors(e.target), place: [loc.name, loc.country].filter(Boolean).join(", "), killed,
        modality: e.modality + (e.attribution ? ` (${e.attribution})` : ""),
        confidence: e.confidence != null ? e.confidence.toFixed(2) : "",
      };
      for (const c of COLUMNS) {
        const td = document.createElement("td");
        if (c.key === "type") {
          const dot = document.createElement("i");
          dot.className = "dot";
          dot.style.background = typeColor(cells.type);
          td.append(dot);
        }
        td.append(document.createTextNode(cells[c.key]));
        td.className = c.key;
        tr.append(td);
      }
      tr.addEventListener("click", () => this.onSelect(e.event_id));
      body.append(tr);
    }
    for (const th of this.el.querySelectorAll("th.sortable")) {
      const s = th.dataset.sort;
      th.classList.toggle("asc", this.sort === s);
      th.classList.toggle("desc", this.sort === "-" + s);
    }
    const end = Math.min(page.offset + page.events.length, page.total);
    this.el.querySelector(".range").textContent =
      page.total ? `${page.offset + 1}–${end} of ${page.total.toLocaleString("en")}` : "no events match";
    const [prev, next] = this.el.querySelectorAll(".pager button");
    prev.disabled = page.offset === 0;
    next.disabled = end >= page.total;
  }
}
