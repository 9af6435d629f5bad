// The timeline: events per day, stacked by PLOVER type; brushing a stretch of days filters the other views.
import { select } from "d3-selection";
import { scaleLinear, scaleUtc } from "d3-scale";
import { axisBottom, axisLeft } from "d3-axis";
import { brushX } from "d3-brush";
import { utcDay } from "d3-time";
import { utcFormat } from "d3-time-format";
import { getJSON, query } from "./api.js";
import { typeColor } from "./colors.js";

const DAY = 86400000;
const iso = utcFormat("%Y-%m-%d");
const parse = (s) => new Date(s + "T00:00:00Z");

export class Timeline {
  constructor(el, { onBrush }) {
    this.el = el;
    this.onBrush = onBrush;
    this.svg = select(el).append("svg").attr("class", "fp-timeline");
    this.note = select(el).append("div").attr("class", "note");
    new ResizeObserver(() => this.draw()).observe(el);
  }

  async load(filters) {
    this.filters = filters;
    const data = await getJSON("/timeline" + query(filters, {}, ["since", "until"]));
    this.days = data.days;
    this.undated = data.undated;
    this.draw();
    return data;
  }

  // the stretch holding the bulk of the events: a few stray old dates must not squash the rest
  domain(days) {
    const total = days.reduce((s, d) => s + d.events, 0);
    const at = (q) => {
      let seen = 0;
      for (const d of days) {
        seen += d.events;
        if (seen >= q * total) return parse(d.day);
      }
      return parse(days[days.length - 1].day);
    };
    let lo = at(0.02), hi = at(0.98);
    const first = parse(days[0].day), last = parse(days[days.length - 1].day);
    const pad = Math.max(2 * DAY, 0.08 * (hi - lo));
    lo = new Date(Math.max(first, lo - pad));
    hi = new Date(Math.min(+last + DAY, +hi + pad + DAY));
    if (this.filters.since) lo = new Date(Math.min(lo, parse(this.filters.since)));
    if (this.filters.until) hi = new Date(Math.max(hi, +parse(this.filters.until) + DAY));
    return [utcDay.floor(lo), utcDay.ceil(hi)];
  }

  draw() {
    if (!this.days) return;
    const width = this.el.clientWidth || 800, height = Math.max(this.el.clientHeight - 24, 120);
    const m = { top: 8, right: 16, bottom: 22, left: 36 };
    const svg = this.svg.attr("width", width).attr("height", height);
    svg.selectAll("*").remove();
    if (!this.days.length) {
      this.note.text("no dated events match the filters");
      return;
    }
    const [lo, hi] = this.domain(this.days);
    const x = scaleUtc().domain([lo, hi]).range([m.left, width - m.right]);
    const shown = this.days.filter((d) => parse(d.day) >= lo && parse(d.day) < hi);
    const stacks = new Map();
    for (const d of shown) {
      const s = stacks.get(d.day) || [];
      s.push(d);
      stacks.set(d.day, s);
    }
    let ymax = 1;
    for (const s of stacks.values()) ymax = Math.max(ymax, s.reduce((a, d) => a + d.events, 0));
    const y = scaleLinear().domain([0, ymax]).nice().range([height - m.bottom, m.top]);
    const bar = Math.max(1, x(new Date(+lo + DAY)) - x(lo) - 1);
    const g = svg.append("g");
    for (const [day, s] of stacks) {
      let base = 0;
      for (const d of s.sort((a, b) => b.events - a.events)) {
        g.append("rect").attr("class", "fp-bar").attr("x", x(parse(day))).attr("width", bar)
          .attr("y", y(base + d.events)).attr("height", y(base) - y(base + d.events))
          .attr("fill", typeColor(d.type))
          .append("title").text(`${day}: ${d.events} ${d.type}`);
        base += d.events;
      }
    }
    svg.append("g").attr("transform", `translate(0,${height - m.bottom})`)
      .call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))));
    svg.append("g").attr("transform", `translate(${m.left},0)`).call(axisLeft(y).ticks(4));
    const brush = brushX().extent([[m.left, m.top], [width - m.right, height - m.bottom]])
      .on("end", (event) => {
        if (!event.sourceEvent) return; // moved by code, not by the user
        if (!event.selection) return this.onBrush(null, null);
        const [a, b] = event.selection.map((px) => x.invert(px));
        const since = utcDay.round(a), until = new Date(utcDay.round(b) - DAY);
        this.onBrush(iso(since), iso(until < since ? since : until));
      });
    const gb = svg.append("g").attr("class", "brush").call(brush);
    if (this.filters.since || this.filters.until) {
      const a = this.filters.since ? parse(this.filters.since) : lo;
      const b = this.filters.until ? new Date(+parse(this.filters.until) + DAY) : hi;
      gb.call(brush.move, [Math.max(x(a), m.left), Math.min(x(b), width - m.right)]);
    }
    const total = this.days.reduce((s, d) => s + d.events, 0);
    const outside = total - shown.reduce((s, d) => s + d.events, 0);
    const parts = [`${total} dated events`];
    if (outside) parts.push(`${outside} outside the range shown`);
    if (this.undated) parts.push(`${this.undated} undated`);
    this.note.text(parts.join(" · ") + " — drag across the chart to filter by date");
  }
}
