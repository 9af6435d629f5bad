// The dyad network: actors as nodes, source -> target edges as wide as their event count and coloured by
// their mean Goldstein score (red: conflictual, blue: cooperative). Clicking an actor filters by it.
import { select } from "d3-selection";
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from "d3-force";
import { scaleDiverging } from "d3-scale";
import { interpolateRdBu } from "d3-scale-chromatic";
import { getJSON, query } from "./api.js";

const color = scaleDiverging(interpolateRdBu).domain([-10, 0, 10]);

export class DyadNetwork {
  constructor(el, { onActor }) {
    this.el = el;
    this.onActor = onActor;
    this.svg = select(el).append("svg").attr("class", "fp-dyads");
    this.note = select(el).append("div").attr("class", "note");
  }

  async load(filters) {
    const data = await getJSON("/dyads" + query(filters, { interval: "all", limit: 40 }));
    this.draw(data.dyads);
    return data;
  }

  draw(dyads) {
    const width = this.el.clientWidth || 400, height = Math.max(this.el.clientHeight - 24, 200);
    const svg = this.svg.attr("width", width).attr("height", height).attr("viewBox", [0, 0, width, height]);
    svg.selectAll("*").remove();
    if (!dyads.length) {
      this.note.text("no actor pairs match the filters");
      return;
    }
    const nodes = new Map();
    const node = (code, name, n) => {
      const v = nodes.get(code) || { id: code, name: name || code, events: 0 };
      v.events += n;
      nodes.set(code, v);
      return code;
    };
    const links = dyads.map((d) => ({
      source: node(d.source, d.source_name, d.events), target: node(d.target, d.target_name, d.events),
      events: d.events, goldstein: d.mean_goldstein, fatalities: d.fatalities,
    }));
    const all = [...nodes.values()];
    const sim = forceSimulation(all)
      .force("link", forceLink(links).id((d) => d.id).distance(70))
      .force("charge", forceManyBody().strength(-220))
      .force("center", forceCenter(width / 2, height / 2))
      .force("x", forceX(width / 2).strength(0.06)).force("y", forceY(height / 2).strength(0.09))
      .force("collide", forceCollide(18)).stop();
    for (let i = 0; i < 300; i++) sim.tick(); // settle before drawing: the picture is the same every time
    const r = (d) => 4 + 2 * Math.sqrt(d.events);
    for (const d of all) {
      d.x = Math.max(r(d) + 2, Math.min(width - r(d) - 2, d.x));
      d.y = Math.max(r(d) + 2, Math.min(height - r(d) - 12, d.y));
    }
    svg.append("defs").append("marker").attr("id", "fp-arrow").attr("viewBox", "0 -4 8 8").attr("refX", 8)
      .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 9).attr("markerHeight", 9).attr("orient", "auto")
      .append("path").attr("d", "M0,-4L8,0L0,4").attr("fill", "#666");
    svg.append("g").selectAll("line").data(links).join("line").attr("class", "fp-edge")
      .attr("x1", (d) => d.source.x).attr("y1", (d) => d.source.y)
      .attr("x2", (d) => d.target.x - (d.target.x - d.source.x) * r(d.target) / Math.max(1, dist(d)))
      .attr("y2", (d) => d.target.y - (d.target.y - d.source.y) * r(d.target) / Math.max(1, dist(d)))
      .attr("stroke", (d) => color(d.goldstein ?? 0)).attr("stroke-width", (d) => 1 + 1.5 * Math.sqrt(d.events))
      .attr("marker-end", "url(#fp-arrow)")
      .append("title").text((d) => `${d.source.name} → ${d.target.name}: ${d.events} events, `
        + `${d.fatalities} killed, mean Goldstein ${d.goldstein}`);
    const g = svg.append("g").selectAll("g").data(all).join("g").attr("class", "fp-actor")
      .attr("transform", (d) => `translate(${d.x},${d.y})`).on("click", (_, d) => this.onActor(d.id));
    g.append("circle").attr("r", r).attr("fill", "#fff").attr("stroke", "#333");
    const labelled = new Set(all.slice().sort((a, b) => b.events - a.events).slice(0, 14).map((d) => d.id));
    g.filter((d) => labelled.has(d.id)).append("text").attr("dy", (d) => r(d) + 11).attr("text-anchor", "middle")
      .text((d) => short(d.name));
    g.append("title").text((d) => `${d.name} (${d.id}): ${d.events} events — click to filter`);
    this.note.text(`${all.length} actors, ${links.length} pairs · width: events · colour: mean Goldstein `
      + "(red conflict, blue cooperation) · click an actor to filter");
  }
}

function dist(d) {
  return Math.hypot(d.target.x - d.source.x, d.target.y - d.source.y);
}

function short(name) {
  return name.length > 22 ? name.slice(0, 21) + "…" : name;
}
