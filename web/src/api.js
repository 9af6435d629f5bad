// Talking to the flashpoint API: query strings from the shared filters, JSON errors shown to the user.

export const FILTER_KEYS = ["country", "type", "actor", "q", "modality", "min_confidence", "since", "until"];

export function query(filters, extra = {}, omit = []) {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    if (omit.includes(k)) continue;
    const v = filters[k];
    if (v !== undefined && v !== null && v !== "") p.set(k, v);
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null && v !== "") p.set(k, v);
  const s = p.toString();
  return s ? "?" + s : "";
}

export async function getJSON(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  let body;
  try {
    body = await r.json();
  } catch {
    throw new Error(`${path}: the server answered ${r.status} without JSON`);
  }
  if (!r.ok || body.ok === false) throw new Error(body.error || `${path}: HTTP ${r.status}`);
  return body;
}

export function showError(err) {
  const box = document.getElementById("error");
  box.textContent = String(err.message || err);
  box.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => { box.hidden = true; }, 8000);
}
