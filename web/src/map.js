// The map: the packaged Natural Earth basemap (no tiles), events as circles coloured by type and sized by
// fatalities, gathered into clusters where they crowd together at the current zoom.
import L from "leaflet";
import { getJSON, query } from "./api.js";
import { typeColor } from "./colors.js";

const CELL = 44; // pixels: points closer than this at the current zoom share a cluster

export class EventMap {
  constructor(el, { onSelect }) {
    this.onSelect = onSelect;
    this.rows = [];
    this.map = L.map(el, { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5, preferCanvas: false,
      attributionControl: true }).setView([25, 20], 2);
    this.map.attributionControl.setPrefix("");
    this.map.attributionControl.addAttribution("Basemap: Natural Earth (public domain)");
    this.renderer = L.svg({ padding: 0.2 });
    this.basemap = null;
    this.layer = L.layerGroup().addTo(this.map);
    this.fitted = false;
    this.map.on("zoomend moveend", () => this.draw());
    this.loadBasemap();
    this.legend = L.control({ position: "bottomleft" });
    this.legend.onAdd = () => { this.legendEl = L.DomUtil.create("div", "fp-legend"); return this.legendEl; };
    this.legend.addTo(this.map);
  }

  async loadBasemap() {
    const r = await fetch("/static/countries.geojson");
    const world = await r.json();
    this.basemap = L.geoJSON(world, {
      renderer: L.svg({ padding: 0.5 }), interactive: false,
      style: { color: "#9aa5b1", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
    }).addTo(this.map);
    this.basemap.bringToBack();
  }

  async load(filters) {
    const data = await getJSON("/points" + query(filters, { limit: 50000 }));
    this.rows = data.rows.map(([id, lon, lat, type, fatalities, date]) => ({ id, lon, lat, type, fatalities, date }));
    this.total = data.total;
    if (!this.fitted && this.rows.length) {
      const bounds = L.latLngBounds(this.rows.map((r) => [r.lat, r.lon]));
      this.map.fitBounds(bounds.pad(0.2), { maxZoom: 6 });
      this.fitted = true;
    }
    this.draw();
    this.drawLegend();
    return data;
  }

  draw() {
    this.layer.clearLayers();
    const map = this.map;
    const zoom = map.getZoom();
    const view = map.getBounds().pad(0.3);
    const cells = new Map();
    for (const r of this.rows) {
      if (!view.contains([r.lat, r.lon])) continue;
      const p = map.project([r.lat, r.lon], zoom);
      const key = `${Math.floor(p.x / CELL)}:${Math.floor(p.y / CELL)}`;
      let c = cells.get(key);
      if (!c) cells.set(key, (c = { rows: [], x: 0, y: 0 }));
      c.rows.push(r);
      c.x += p.x;
      c.y += p.y;
    }
    let shown = 0;
    for (const c of cells.values()) {
      if (c.rows.length === 1) {
        this.point(c.rows[0]);
      } else {
        this.cluster(c, map.unproject([c.x / c.rows.length, c.y / c.rows.length], zoom));
      }
      shown += c.rows.length;
    }
    this.shown = shown;
    map.getContainer().dataset.points = String(shown);
  }

  point(r) {
    const radius = 4 + 2.2 * Math.sqrt(r.fatalities || 0);
    const m = L.circleMarker([r.lat, r.lon], {
      renderer: this.renderer, radius: Math.min(radius, 28), color: "#fff", weight: 1,
      fillColor: typeColor(r.type), fillOpacity: 0.85, className: "fp-point",
    });
    m.bindTooltip(`${r.type} · ${r.date || "undated"}${r.fatalities ? ` · ${r.fatalities} killed` : ""}`);
    m.on("click", () => this.onSelect(r.id));
    m.on("add", () => { m.getElement()?.setAttribute("data-event", r.id); });
    this.layer.addLayer(m);
  }

  cluster(c, at) {
    const byType = {};
    let killed = 0;
    for (const r of c.rows) {
      byType[r.type] = (byType[r.type] || 0) + 1;
      killed += r.fatalities || 0;
    }
    const main = Object.entries(byType).sort((a, b) => b[1] - a[1])[0][0];
    const size = Math.round(22 + 8 * Math.log10(c.rows.length));
    const icon = L.divIcon({
      className: "fp-cluster", iconSize: [size, size],
      html: `<span style="background:${typeColor(main)}">${c.rows.length}</span>`,
    });
    const m = L.marker(at, { icon, keyboard: false });
    const types = Object.entries(byType).sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(", ");
    m.bindTooltip(`${c.rows.length} events (${types})${killed ? ` · ${killed} killed` : ""}`);
    m.on("click", () => {
      const bounds = L.latLngBounds(c.rows.map((r) => [r.lat, r.lon]));
      if (bounds.getNorthEast().equals(bounds.getSouthWest()) || this.map.getZoom() >= this.map.getMaxZoom()) {
        this.onSelect(c.rows[0].id);
      } else {
        this.map.fitBounds(bounds.pad(0.3), { maxZoom: this.map.getMaxZoom() });
      }
    });
    this.layer.addLayer(m);
  }

  drawLegend() {
    const counts = {};
    for (const r of this.rows) counts[r.type] = (counts[r.type] || 0) + 1;
    const items = Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 10);
    const more = this.total > this.rows.length ? `<div class="note">deadliest ${this.rows.length} of ${this.total}</div>` : "";
    this.legendEl.innerHTML = items.map(([t, n]) =>
      `<div><i style="background:${typeColor(t)}"></i>${t} <span>${n}</span></div>`).join("")
      + '<div class="note">size: fatalities</div>' + more;
  }
}
