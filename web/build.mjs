// Builds the dashboard into flashpoint/web/static/: app.js, app.css, countries.geojson and the licences of the
// bundled third-party code. Run `npm ci && npm run build` here; the output is committed so pip needs no npm.
import { build } from "esbuild";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
const out = new URL("../flashpoint/web/static/", import.meta.url).pathname;
mkdirSync(out, { recursive: true });

await build({
  entryPoints: { app: "src/main.js", docs: "src/docs.js" }, bundle: true, minify: true, format: "iife",
  target: ["es2020"], outdir: out, legalComments: "none", logLevel: "info",
});
await build({
  entryPoints: ["src/app.css"], bundle: true, minify: true, outfile: out + "app.css",
  loader: { ".png": "dataurl", ".svg": "dataurl" }, logLevel: "info",
});

// Basemap: Natural Earth 1:50m admin-0 countries (public domain) from the world-atlas TopoJSON, as GeoJSON with
// coordinates rounded to 0.01 degree and repeated points dropped.
const topo = require("world-atlas/countries-50m.json");
const countries = feature(topo, topo.objects.countries);
const round = (c) => [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100];
// a ring that jumps across the antimeridian would be drawn as a stripe across the map: unwrap it eastwards
const unwrap = (r) => (r.some((p, i) => i > 0 && Math.abs(p[0] - r[i - 1][0]) > 180)
  ? r.map((p) => (p[0] < 0 ? [p[0] + 360, p[1]] : p)) : r);
const ring = (r) => unwrap(r.map(round).filter((p, i, a) => i === 0 || p[0] !== a[i - 1][0] || p[1] !== a[i - 1][1]));
for (const f of countries.features) {
  const g = f.geometry;
  if (!g) continue;
  if (g.type === "Polygon") g.coordinates = g.coordinates.map(ring);
  if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((p) => p.map(ring));
  f.properties = { name: f.properties.name };
}
countries.features = countries.features.filter((f) => f.geometry);
writeFileSync(out + "countries.geojson", JSON.stringify(countries));

// Licences of everything bundled into app.js / app.css / countries.geojson.
const bundled = ["leaflet", "d3-array", "d3-axis", "d3-brush", "d3-color", "d3-dispatch", "d3-drag", "d3-ease",
  "d3-force", "d3-format", "d3-interpolate", "d3-quadtree", "d3-scale", "d3-scale-chromatic", "d3-selection",
  "d3-time", "d3-time-format", "d3-timer", "d3-transition", "internmap", "topojson-client", "world-atlas"];
let text = "Third-party code and data bundled into the flashpoint dashboard (app.js, app.css, countries.geojson).\n"
  + "countries.geojson: Natural Earth 1:50m admin-0 countries (public domain, naturalearthdata.com), "
  + "converted from the world-atlas package's TopoJSON.\n";
for (const name of bundled) {
  const dir = new URL(`node_modules/${name}/`, import.meta.url).pathname;
  const pkg = JSON.parse(readFileSync(dir + "package.json", "utf8"));
  let licence = "";
  for (const f of ["LICENSE", "LICENSE.md", "LICENSE.txt"]) {
    try { licence = readFileSync(dir + f, "utf8"); break; } catch { /* next */ }
  }
  text += `\n==== ${name} ${pkg.version} (${pkg.license}) ====\n${licence.trim()}\n`;
}
writeFileSync(out + "THIRD_PARTY_LICENSES.txt", text);
