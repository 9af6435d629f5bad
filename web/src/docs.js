// The API reference page: renders the server's own OpenAPI description, with nothing loaded from elsewhere.
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

async function main() {
  const root = document.getElementById("api");
  const spec = await (await fetch("/openapi.json")).json();
  document.getElementById("title").textContent = `${spec.info.title} ${spec.info.version} — API`;
  document.getElementById("summary").textContent = spec.info.summary || "";
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const box = el("section", "op");
      const head = el("h2");
      head.append(el("span", "method " + method, method.toUpperCase()), el("code", "", path));
      box.append(head, el("p", "summary", op.summary || ""));
      if (op.description) box.append(el("p", "", op.description));
      const params = op.parameters || [];
      if (params.length) {
        const t = el("table");
        const hr = el("tr");
        for (const h of ["parameter", "in", "type", "description"]) hr.append(el("th", "", h));
        t.append(hr);
        for (const p of params) {
          const s = p.schema || {};
          const alt = s.anyOf ? s.anyOf.map((x) => x.type === "array" ? `${x.items.type}[]` : x.type).join(" | ") : "";
          const type = alt || s.type || "";
          const range = [s.minimum !== undefined ? `≥ ${s.minimum}` : "", s.maximum !== undefined ? `≤ ${s.maximum}` : "",
            s.default !== undefined && s.default !== null ? `default ${s.default}` : ""].filter(Boolean).join(", ");
          const tr = el("tr");
          tr.append(el("td", "", p.name + (p.required ? " *" : "")), el("td", "", p.in), el("td", "", type),
            el("td", "", [p.description || s.description || "", range].filter(Boolean).join(" · ")));
          t.append(tr);
        }
        box.append(t);
      }
      if (op.requestBody) {
        const types = Object.keys(op.requestBody.content || {}).join(", ");
        box.append(el("p", "", `request body: ${types}`));
      }
      root.append(box);
    }
  }
}

main();
