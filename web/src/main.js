// The flashpoint dashboard: shared filters kept in the URL, and the views that read them.
import { FILTER_KEYS, getJSON, query, showError } from "./api.js";
import { EventMap } from "./map.js";
import { Timeline } from "./timeline.js";
import { DyadNetwork } from "./dyads.js";
import { EventTable } from "./table.js";
import { RecordPanel } from "./record.js";

const state = { filters: {}, event: null };

function readURL() {
  const p = new URLSearchParams(location.search);
  state.filters = {};
  for (const k of FILTER_KEYS) if (p.get(k)) state.filters[k] = p.get(k);
  state.event = p.get("event");
}

function writeURL(push) {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state.filters[k]) p.set(k, state.filters[k]);
  if (state.event) p.set("event", state.event);
  const url = location.pathname + (p.toString() ? "?" + p : "");
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
}

const form = document.getElementById("filters");

function fillForm() {
  for (const k of FILTER_KEYS) {
    const input = form.elements[k];
    if (input) input.value = state.filters[k] || "";
  }
}

function setOptions(select, values, label) {
  const current = select.value;
  select.innerHTML = "";
  const any = document.createElement("option");
  any.value = "";
  any.textContent = label;
  select.append(any);
  for (const { value, events } of values) {
    const o = document.createElement("option");
    o.value = value;
    o.textContent = `${value} (${events})`;
    select.append(o);
  }
  select.value = current;
}

const views = {};

export function setFilters(changes, { push = true } = {}) {
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") delete state.filters[k];
    else state.filters[k] = String(v);
  }
  writeURL(push);
  fillForm();
  refresh();
}

export function openEvent(id, { push = true } = {}) {
  state.event = id;
  writeURL(push);
  if (id) views.record.open(id);
  else views.record.close();
}

async function refresh() {
  const f = { ...state.filters };
  const count = document.getElementById("count");
  count.textContent = "…";
  const exports = document.querySelectorAll("[data-export]");
  exports.forEach((a) => { a.href = "/export" + query(f, { format: a.dataset.export }); });
  try {
    const [page] = await Promise.all([
      views.table.load(f),
      views.map.load(f),
      views.timeline.load(f),
      views.dyads.load(f),
    ]);
    count.textContent = `${page.total.toLocaleString("en")} events`;
    count.dataset.total = page.total;
    document.body.dataset.ready = "1";
  } catch (err) {
    showError(err);
  }
}

async function start() {
  readURL();
  views.map = new EventMap(document.getElementById("map"), { onSelect: (id) => openEvent(id) });
  views.timeline = new Timeline(document.getElementById("timeline"), {
    onBrush: (since, until) => setFilters({ since, until }),
  });
  views.dyads = new DyadNetwork(document.getElementById("dyads"), { onActor: (actor) => setFilters({ actor }) });
  views.table = new EventTable(document.getElementById("table"), { onSelect: (id) => openEvent(id) });
  views.record = new RecordPanel(document.getElementById("record"), {
    onSelect: (id) => openEvent(id), onClose: () => openEvent(null),
  });
  fillForm();
  form.addEventListener("change", (e) => {
    if (e.target.name && FILTER_KEYS.includes(e.target.name)) setFilters({ [e.target.name]: e.target.value });
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const changes = {};
    for (const k of FILTER_KEYS) if (form.elements[k]) changes[k] = form.elements[k].value;
    setFilters(changes);
  });
  document.getElementById("clear").addEventListener("click", () => {
    setFilters(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])));
  });
  window.addEventListener("popstate", () => {
    readURL();
    fillForm();
    refresh();
    if (state.event) views.record.open(state.event);
    else views.record.close();
  });
  try {
    const facets = await getJSON("/facets");
    setOptions(form.elements.country, facets.country, "all countries");
    setOptions(form.elements.type, facets.type, "all types");
    setOptions(form.elements.modality, facets.modality, "any modality");
    fillForm();
    document.getElementById("store").textContent =
      `${facets.documents.toLocaleString("en")} documents · ${facets.events.toLocaleString("en")} events stored`;
  } catch (err) {
    showError(err);
  }
  await refresh();
  if (state.event) views.record.open(state.event);
}

start();
