// The deadlines view: open tasks by due state, by election and district commission, each election's
// time left until its registration freeze, and the most urgent tasks; from GET /api/deadlines.
"use strict";

const STATES = ["OVERDUE", "DUE_TODAY", "DUE_THIS_WEEK", "LATER"];
const form = document.getElementById("filters");
let zones = {};
let names = {};

function counts(row, values) {
  for (const state of STATES) {
    const cell = Api.cell(row, I18n.number(values[state] || 0));
    cell.className = "count" + (state === "OVERDUE" && values[state] ? " state-OVERDUE" : "");
  }
}

function district(code) {
  return code ? I18n.group("dec-" + code) : I18n.t("deadlines.noDistrict");
}

/** Days and hours from a day on, else minutes or hours. */
function timeLeft(millis) {
  const hours = Math.floor(millis / 3600000);
  if (hours < 24) return I18n.duration(millis);
  return I18n.t("deadlines.daysHours", {d: Math.floor(hours / 24), h: hours % 24});
}

function untilFreeze(election) {
  return election.freezeBegun ? I18n.t("deadlines.freezeBegun")
    : I18n.t("deadlines.freezeIn", {time: timeLeft(election.millisUntilFreeze)});
}

function show() {
  const params = new URLSearchParams();
  const electionId = form.elements.electionId.value;
  if (electionId) params.set("electionId", electionId);
  return Api.get("/api/deadlines?" + params).then(view => {
    document.getElementById("at").textContent = I18n.t("deadlines.at", {at: I18n.dateTime(view.at)});
    const totals = document.getElementById("totals");
    totals.replaceChildren();
    for (const state of STATES) {
      const box = Api.element("div", null, "figure state-" + state);
      box.append(Api.element("b", I18n.number(view.totals[state] || 0)), I18n.t("dueState." + state));
      totals.appendChild(box);
    }
    const elections = document.getElementById("elections");
    const districts = document.getElementById("districts");
    const byTask = document.getElementById("byTask");
    elections.replaceChildren();
    districts.replaceChildren();
    byTask.replaceChildren();
    for (const election of view.elections) {
      zones[election.electionId] = election.timeZone;
      names[election.electionId] = election.name;
      const row = elections.insertRow();
      Api.cell(row, election.name);
      Api.cell(row, I18n.date(election.votingDay));
      Api.cell(row, I18n.dateTime(election.registrationFreezeFrom, election.timeZone) + " (" + election.timeZone + ")");
      Api.cell(row, untilFreeze(election));
      counts(row, election.counts);
      for (const d of election.districts) {
        const dRow = districts.insertRow();
        Api.cell(dRow, election.name);
        Api.cell(dRow, district(d.districtCommission));
        counts(dRow, d.counts);
      }
      for (const t of election.byTask) {
        const tRow = byTask.insertRow();
        Api.cell(tRow, election.name);
        Api.cell(tRow, I18n.step(t.taskDefinitionKey));
        counts(tRow, t.counts);
      }
    }
    const tasks = document.getElementById("tasks");
    tasks.replaceChildren();
    for (const task of view.tasks) {
      const row = tasks.insertRow();
      row.className = "state-" + task.dueState;
      Api.cell(row, I18n.dateTime(task.due, zones[task.electionId]));
      Api.cell(row, I18n.t("dueState." + task.dueState));
      Api.cell(row, I18n.step(task.taskDefinitionKey, task.name));
      const caseCell = Api.cell(row, "");
      if (task.caseNumber) caseCell.appendChild(Api.link("/case/?case=" + encodeURIComponent(task.caseNumber), task.caseNumber));
      else if (task.trackingNumber) caseCell.textContent = I18n.t("deadlines.complaint", {n: task.trackingNumber});
      Api.cell(row, names[task.electionId] || task.electionId);
      Api.cell(row, district(task.districtCommission));
      Api.cell(row, task.assignee || I18n.t("deadlines.unassigned"));
    }
    if (!view.tasks.length) {
      const row = tasks.insertRow();
      const cell = Api.cell(row, I18n.t("deadlines.noUrgent"));
      cell.colSpan = 7;
    }
  });
}

form.addEventListener("submit", event => {
  event.preventDefault();
  show().catch(Api.showError);
});

I18n.ready
  .then(() => Api.get("/api/elections"))
  .then(elections => {
    for (const election of elections) {
      const option = document.createElement("option");
      option.value = election.id;
      option.textContent = election.name + " (" + I18n.date(election.votingDay) + ")";
      form.elements.electionId.appendChild(option);
    }
    const wanted = new URLSearchParams(location.search).get("electionId");
    if (wanted) form.elements.electionId.value = wanted;
    return show();
  })
  .catch(Api.showError);
