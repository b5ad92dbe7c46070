"use strict";

const form = document.getElementById("filters");
const charts = {};
let electionNames = {};

function figure(label, value) {
  const box = document.createElement("div");
  box.className = "figure";
  const number = document.createElement("b");
  number.textContent = Audit.text(value);
  box.append(number, label);
  return box;
}

function chart(id, counts, names) {
  const labels = Object.keys(counts);
  const data = {
    labels: labels.map(key => (names && names[key]) || key),
    datasets: [{label: "facts", data: labels.map(key => counts[key]), backgroundColor: "#3b6ea8"}]
  };
  if (charts[id]) {
    charts[id].data = data;
    charts[id].update();
  } else if (window.Chart) {
    charts[id] = new Chart(document.getElementById(id), {
      type: "bar", data,
      options: {indexAxis: labels.length > 6 ? "y" : "x", plugins: {legend: {display: false}},
        scales: {x: {ticks: {precision: 0}}, y: {ticks: {precision: 0}}}}
    });
  }
}

async function show() {
  const params = Audit.query(form);
  document.getElementById("csv").href = "/api/statistics.csv?" + params;
  const s = await Audit.get("/api/statistics?" + params);
  document.getElementById("figures").replaceChildren(
    figure("facts", s.facts),
    figure("CEC consents asked", s.consent.requested),
    figure("consents granted", s.consent.granted),
    figure("consents refused", s.consent.refused),
    figure("registrations cancelled", s.registrationsCancelled),
    figure("registrations kept (freeze)", s.registrationsKeptDueToFreeze),
    figure("registrations restored", s.registrationsRestored),
    figure("fines", s.fines.count),
    figure("fines, MCI", s.fines.totalMci),
    figure("fines, tenge", s.fines.totalTenge.toLocaleString("en")),
    figure("warnings", s.warnings),
    figure("abbreviated procedure", s.abbreviated));
  chart("byArticle", s.byArticle);
  chart("byOffenderKind", s.byOffenderKind);
  chart("byRegion", s.byRegion);
  chart("bySource", s.bySource);
  chart("byOutcome", s.byOutcome);
  chart("byElection", s.byElection, electionNames);
}

form.addEventListener("submit", event => {
  event.preventDefault();
  show().catch(Audit.showError);
});

Audit.fillElections(form.elements.electionId)
  .then(elections => {
    electionNames = Object.fromEntries(elections.map(e => [e.id, e.name]));
    const wanted = new URLSearchParams(location.search).get("electionId");
    if (wanted) form.elements.electionId.value = wanted;
    return show();
  })
  .catch(Audit.showError);
