// One colour per PLOVER type, used by the map, the timeline and the table alike.
const PALETTE = {
  ASSAULT: "#d7301f", COERCE: "#f16913", PROTEST: "#9e4fb0", THREATEN: "#e7a11a", MOBILIZE: "#8c6d31",
  SANCTION: "#b5446e", REQUEST: "#3182bd", ACCUSE: "#6b6ecf", REJECT: "#7b4173", CONSULT: "#31a354",
  AGREE: "#1b9e77", SUPPORT: "#74c476", COOPERATE: "#2ca25f", AID: "#17becf", YIELD: "#9ecae1",
  CONCEDE: "#9ecae1", RETREAT: "#9edae5", INVESTIGATE: "#636363", DISAPPROVE: "#8c564b", UNKNOWN: "#969696",
};
const EXTRA = ["#bcbd22", "#e377c2", "#7f7f7f", "#aec7e8", "#ff9896", "#c5b0d5"];
const assigned = {};

export function typeColor(type) {
  const t = (type || "UNKNOWN").toUpperCase();
  if (PALETTE[t]) return PALETTE[t];
  if (!assigned[t]) assigned[t] = EXTRA[Object.keys(assigned).length % EXTRA.length];
  return assigned[t];
}
