"use strict";

const form = document.getElementById("filters");
let page = 0;
const size = 25;

async function showCases() {
  const params = Audit.query(form);
  document.getElementById("csv").href = "/api/cases.csv?" + params;
  params.set("page", page);
  params.set("size", size);
  const result = await Audit.get("/api/cases?" + params);
  const body = document.getElementById("cases");
  body.replaceChildren();
  for (const item of result.items) {
    const row = document.createElement("tr");
    row.className = "clickable";
    row.addEventListener("click", () => showTimeline(item.caseNumber).catch(Audit.showError));
    [item.caseNumber, item.committedOn, item.region, (item.code === "CC" ? "CC " : "") + Audit.text(item.article),
      item.offenderKind + " " + Audit.text(item.offenderName), item.offenderIin || item.offenderBin,
      item.status, item.outcome, item.registration, item.fineMci].forEach(v => Audit.cell(row, v));
    body.appendChild(row);
  }
  const last = Math.max(0, Math.ceil(result.total / size) - 1);
  document.getElementById("summary").textContent =
    result.total + " cases; page " + (page + 1) + " of " + (last + 1);
  document.getElementById("previous").disabled = page === 0;
  document.getElementById("next").disabled = page >= last;
}

function details(entry) {
  const parts = [];
  if (entry.variable) parts.push(entry.variable + ": " + Audit.text(entry.previousValue) + " → " + Audit.text(entry.value));
  if (entry.endedAt) parts.push("ended " + entry.endedAt + " (" + Math.round((entry.durationMillis || 0) / 1000) + " s)");
  if (entry.processVersion) parts.push("process v" + entry.processVersion);
  if (entry.reason) parts.push(entry.reason);
  if (entry.detail) parts.push(entry.detail);
  return parts.join("; ");
}

async function showTimeline(caseNumber) {
  const timeline = await Audit.get("/api/cases/" + encodeURIComponent(caseNumber) + "/history");
  document.getElementById("timeline").hidden = false;
  document.getElementById("timeline-title").textContent = "Case " + timeline.caseNumber;
  document.getElementById("timeline-summary").textContent = [timeline.status, timeline.outcome,
    timeline.registration,
    "process " + timeline.process.key + " v" + timeline.process.version
      + (timeline.process.versionTag ? " (" + timeline.process.versionTag + ")" : "")]
    .filter(Boolean).join(" · ");
  const why = document.getElementById("timeline-why");
  why.hidden = !timeline.registrationReason;
  why.textContent = timeline.registrationReason
    ? "Registration " + Audit.text(timeline.registration).toLowerCase().replaceAll("_", " ") + ": "
      + timeline.registrationReason
    : "";
  const body = document.getElementById("entries");
  body.replaceChildren();
  for (const entry of timeline.entries) {
    const row = document.createElement("tr");
    row.className = "kind-" + entry.kind;
    [entry.at, entry.kind, entry.activityName || entry.activityId, entry.user, details(entry)]
      .forEach(v => Audit.cell(row, v));
    body.appendChild(row);
  }
  document.getElementById("timeline").scrollIntoView();
}

form.addEventListener("submit", event => {
  event.preventDefault();
  page = 0;
  showCases().catch(Audit.showError);
});
document.getElementById("previous").addEventListener("click", () => { page--; showCases().catch(Audit.showError); });
document.getElementById("next").addEventListener("click", () => { page++; showCases().catch(Audit.showError); });

Audit.fillElections(form.elements.electionId)
  .then(() => {
    const election = new URLSearchParams(location.search).get("electionId");
    if (election) form.elements.electionId.value = election;
    return showCases();
  })
  .then(() => {
    const wanted = new URLSearchParams(location.search).get("case");
    return wanted ? showTimeline(wanted) : null;
  })
  .catch(Audit.showError);
