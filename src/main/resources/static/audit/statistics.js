// The statistics briefing: figures and bar charts whose every bar carries its value and its category in words.
"use strict";

const form = document.getElementById("filters");
const charts = {};
let electionNames = {};
let regionNames = {};

/** Writes each bar's value at its end. */
const valueLabels = {
  id: "valueLabels",
  afterDatasetsDraw(chart) {
    const ctx = chart.ctx;
    const values = chart.data.datasets[0].data;
    ctx.save();
    ctx.fillStyle = "#1d2733";
    ctx.font = "12px system-ui, sans-serif";
    ctx.textAlign = "left";
    ctx.textBaseline = "middle";
    chart.getDatasetMeta(0).data.forEach((bar, index) => {
      ctx.fillText(I18n.number(values[index]), bar.x + 4, bar.y);
    });
    ctx.restore();
  }
};

function figure(label, value) {
  const box = Api.element("div", null, "figure");
  box.append(Api.element("b", value), I18n.t(label));
  return box;
}

function categoryInWords(id, key) {
  switch (id) {
    case "byArticle": return I18n.articleKey(key);
    case "byOffenderKind": return I18n.word("offenderKind", key);
    case "bySource": return I18n.word("source", key);
    case "byOutcome": return key === "OPEN" ? I18n.word("status", key) : I18n.word("outcome", key);
    case "byElection": return electionNames[key] || key;
    case "complaintsByStatus": return I18n.word("complaintStats.status", key);
    case "complaintsByChannel": return I18n.word("complaintStats.channel", key);
    case "complaintsByRegion": return regionNames[key] || key;
    case "complaintsAgainstTerm": return I18n.t("complaintStats." + key);
    default: return key;
  }
}

/** Hours as hours below two days, else as days, one decimal; a dash for none. */
function hoursInWords(hours) {
  if (hours === null || hours === undefined) return I18n.t("value.empty");
  if (hours < 48) return I18n.t("duration.hours", {n: I18n.number(hours)});
  return I18n.t("duration.days", {n: I18n.number(Math.round(hours / 2.4) / 10)});
}

function chart(id, counts, unit) {
  const keys = Object.keys(counts || {});
  const labels = keys.map(key => categoryInWords(id, key));
  const values = keys.map(key => counts[key]);
  const canvas = document.getElementById(id);
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", labels.map((label, i) => label + ": " + I18n.number(values[i])).join("; "));
  canvas.parentElement.style.height = (Math.max(keys.length, 1) * 30 + 40) + "px";
  const data = {labels, datasets: [{label: I18n.t(unit || "chart.facts"), data: values, backgroundColor: "#3b6ea8"}]};
  if (charts[id]) {
    charts[id].data = data;
    charts[id].update();
  } else if (window.Chart) {
    charts[id] = new Chart(canvas, {
      type: "bar", data, plugins: [valueLabels],
      options: {indexAxis: "y", maintainAspectRatio: false, layout: {padding: {right: 32}},
        plugins: {legend: {display: false}},
        scales: {x: {beginAtZero: true, grace: "5%", ticks: {precision: 0}}, y: {ticks: {autoSkip: false}}}}
    });
  }
}

async function show() {
  const params = Audit.query(form);
  document.getElementById("csv").href = "/api/statistics.csv?" + params;
  const s = await Api.get("/api/statistics?" + params);
  document.getElementById("figures").replaceChildren(
    figure("figure.facts", I18n.number(s.facts)),
    figure("figure.consentRequested", I18n.number(s.consent.requested)),
    figure("figure.consentGranted", I18n.number(s.consent.granted)),
    figure("figure.consentRefused", I18n.number(s.consent.refused)),
    figure("figure.registrationsCancelled", I18n.number(s.registrationsCancelled)),
    figure("figure.registrationsKept", I18n.number(s.registrationsKeptDueToFreeze)),
    figure("figure.registrationsRestored", I18n.number(s.registrationsRestored)),
    figure("figure.fines", I18n.number(s.fines.count)),
    figure("figure.finesMci", I18n.number(s.fines.totalMci)),
    figure("figure.finesTenge", I18n.number(s.fines.totalTenge)),
    figure("figure.warnings", I18n.number(s.warnings)),
    figure("figure.abbreviated", I18n.number(s.abbreviated)));
  for (const id of ["byArticle", "byOffenderKind", "byRegion", "bySource", "byOutcome", "byElection"]) {
    chart(id, s[id]);
  }
  showComplaints(s.complaints);
}

function showComplaints(c) {
  const times = c.answerTimes;
  document.getElementById("complaintFigures").replaceChildren(
    figure("complaintStats.received", I18n.number(c.received)),
    figure("complaintStats.anonymous", I18n.number(c.anonymous)),
    figure("complaintStats.answered", I18n.number(times.answered)),
    figure("complaintStats.median", hoursInWords(times.medianHours)),
    figure("complaintStats.p90", hoursInWords(times.p90Hours)),
    figure("complaintStats.answeredOnTime", I18n.number(times.answeredOnTime)),
    figure("complaintStats.answeredLate", I18n.number(times.answeredLate)),
    figure("complaintStats.openPastTerm", I18n.number(times.openPastTerm)));
  chart("complaintsByStatus", c.byStatus, "complaintStats.unit");
  chart("complaintsByChannel", c.byChannel, "complaintStats.unit");
  chart("complaintsByRegion", c.byRegion, "complaintStats.unit");
  chart("complaintsAgainstTerm", {answeredOnTime: times.answeredOnTime, answeredLate: times.answeredLate,
    openPastTerm: times.openPastTerm}, "complaintStats.unit");
}

/** The regions' names in the page's language, by code; the codes themselves when they cannot be read. */
function loadRegionNames() {
  return Api.get("/api/regions")
    .then(regions => {
      regionNames = Object.fromEntries(regions.map(r => [r.code, (r.names && (r.names[I18n.language] || r.names.en)) || r.code]));
    })
    .catch(() => {
      regionNames = {};
    });
}

form.addEventListener("submit", event => {
  event.preventDefault();
  show().catch(Api.showError);
});

I18n.ready
  .then(loadRegionNames)
  .then(() => Audit.fillElections(form.elements.electionId))
  .then(elections => {
    electionNames = Object.fromEntries(elections.map(e => [e.id, e.name]));
    const wanted = new URLSearchParams(location.search).get("electionId");
    if (wanted) form.elements.electionId.value = wanted;
    return show();
  })
  .catch(Api.showError);
