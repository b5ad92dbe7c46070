// The case page of the people who work the case: /cases/{caseNumber}. Reads /api/cases/{n} (404 for
// whoever may not read the case), its election, its timeline and its evidence; the case's prosecutors attach
// files here (POST by the webapps' session, from this page's origin); every value goes into the page as text.
"use strict";

const DECISION_VARIABLES = {
  Task_CheckFact: ["factConfirmed", "duplicateResolution", "linkedCaseNumber"],
  Task_DecideConsent: ["consentGranted"],
  Task_RecordCourtRuling: ["rulingOutcome", "fineMci", "abbreviatedProcedure", "rulingDate"],
  Task_RecordAppealDecision: ["appealUpheld"],
  Task_HandToInvestigation: ["investigationNumber"]
};
const DECISION_NUMBER_TASKS = ["Task_CancelRegistration", "Task_RestoreRegistration", "Task_CancelObserverRegistration",
  "Task_CancelExpelledObserverRegistration", "Task_SubmitAccreditationRevocation", "Task_RevokeAccreditation"];
const APPEAL_WAITS = ["Gateway_AwaitLegalEffect", "Event_AppealPeriodExpired", "Event_AppealFiled"];
const PAYMENT_WAITS = ["Gateway_AwaitPayment", "Event_FinePaid", "Timer_PaymentDeadline"];
const QUASHING_WAITS = ["Gateway_AwaitQuashing", "Event_RulingQuashed", "Event_FreezeEndsQuashingWait"];

let zone = null;

function caseNumberOfPage() {
  const match = /^\/cases\/([^/]+)\/?$/.exec(location.pathname);
  if (match) return decodeURIComponent(match[1]);
  return new URLSearchParams(location.search).get("case");
}

function fact(list, label, value) {
  if (value === null || value === undefined || value === "") return;
  list.appendChild(Api.element("dt", I18n.t(label)));
  const dd = document.createElement("dd");
  if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
  list.appendChild(dd);
}

function valueInWords(variable, value) {
  return I18n.value(variable, value, zone);
}

/** The last value of each case variable, as the timeline records them. */
function lastValues(timeline) {
  const values = {};
  for (const entry of (timeline && timeline.entries) || []) {
    if (entry.kind === "VARIABLE_CHANGED") values[entry.variable] = entry.value;
  }
  return values;
}

/** The variables a step's completion set: written by the same user at the moment of completion. */
function valuesOfStep(step, timeline) {
  const wanted = DECISION_VARIABLES[step.taskDefinitionKey]
    || (DECISION_NUMBER_TASKS.includes(step.taskDefinitionKey) ? ["decisionNumber"] : []);
  const completed = new Date(step.completedAt).getTime();
  const found = {};
  for (const entry of (timeline && timeline.entries) || []) {
    if (entry.kind !== "VARIABLE_CHANGED" || !(wanted.includes(entry.variable) || entry.variable === "reason")) continue;
    if (step.completedBy && entry.user && entry.user !== step.completedBy) continue;
    if (Math.abs(new Date(entry.at).getTime() - completed) > 5000) continue;
    found[entry.variable] = entry.value;
  }
  return found;
}

/** What a step decided: the values its completion set, in words; else the step's decision code as a word. */
function decisionText(step, values) {
  const set = Object.entries(values).filter(([name]) => name !== "reason")
    .map(([name, value]) => I18n.t("var." + name) + ": " + valueInWords(name, value)).join("; ");
  if (set || step.decision === undefined || step.decision === null) return set;
  if (typeof step.decision === "object") {
    return Object.entries(step.decision).map(([name, value]) =>
      I18n.t("var." + name) + ": " + valueInWords(name, value)).join("; ");
  }
  return I18n.word("stepDecision", step.decision);
}

function showSummary(view, election) {
  const list = document.getElementById("summary");
  fact(list, "field.status", I18n.word("status", view.status));
  if (view.atRisk) {
    const escalations = (view.escalations || []).map((entry) => {
      const [task, kind] = entry.split(":");
      return I18n.t("step." + task) + " (" + I18n.t("escalation." + kind) + ")";
    });
    fact(list, "field.atRisk", escalations.join("; ") || I18n.t("field.atRisk"));
  }
  fact(list, "field.outcome", I18n.word("outcome", view.outcome));
  if (view.sanction && view.sanction.kind) {
    let text = view.sanction.kind === "FINE"
      ? I18n.t("sanction.fineText", {mci: I18n.number(view.sanction.fineMci),
        tenge: I18n.t("money.tenge", {amount: I18n.number(view.sanction.fineTenge)})})
      : I18n.word("sanction", view.sanction.kind);
    if (view.sanction.abbreviated) text += "; " + I18n.t("sanction.abbreviated");
    fact(list, "field.sanction", text);
  }
  fact(list, "field.registration", I18n.word("registration", view.registration));
  const freeze = election && election.milestones && election.milestones.registrationFreezeFrom;
  fact(list, "field.registrationReason",
    I18n.registrationReason(view.registrationReasonCode, freeze, zone, view.registrationReason));
  const followUp = view.followUp || {};
  if (followUp.kind && followUp.kind !== "NONE") fact(list, "field.followUp", I18n.word("followUp", followUp.kind));
  fact(list, "field.observerRegistration", I18n.word("followUpState", followUp.observerRegistration));
  fact(list, "field.accreditation", I18n.word("followUpState", followUp.accreditation));
  fact(list, "field.investigationNumber", followUp.investigationNumber);
}

function showFacts(view, election, values) {
  const list = document.getElementById("facts");
  if (election) {
    fact(list, "field.election", election.name + " (" + I18n.word("level", election.level) + ", "
      + I18n.date(election.votingDay) + ")");
  } else {
    fact(list, "field.election", view.electionId);
  }
  fact(list, "field.region", view.region);
  fact(list, "field.committedOn", I18n.date(view.committedOn));
  fact(list, "field.place", values.place);
  const article = I18n.article(view.code, view.article, view.part);
  fact(list, "field.article", view.code === "CC" ? article : article + " — " + I18n.word("code", "CAO"));
  fact(list, "field.offence", I18n.offenceTitle(view.offenceTitle, values.offenceTitle));
  fact(list, "field.source", I18n.word("source", view.source));
  fact(list, "field.description", view.description);
}

function showOffender(view) {
  const offender = view.offender || {};
  const list = document.getElementById("offender");
  fact(list, "field.offenderKind", I18n.word("offenderKind", offender.kind));
  fact(list, "field.offenderName", offender.name);
  fact(list, "field.iin", offender.iin);
  fact(list, "field.bin", offender.bin);
  if (offender.districtCommission) fact(list, "field.districtCommission", I18n.group("dec-" + offender.districtCommission));
}

function taskName(task) {
  return I18n.step(task.taskDefinitionKey, task.name);
}

function groupsOf(task) {
  return (task.candidateGroups || []).map(I18n.group).join(", ");
}

function showDeadlines(view, election, values) {
  const rows = [];
  for (const task of view.openTasks || []) {
    if (task.due) rows.push([I18n.t("deadline.task", {task: taskName(task), group: groupsOf(task)}), task.due]);
  }
  if (values.appealPeriodEndsAt) rows.push([I18n.t("deadline.appealPeriod"), values.appealPeriodEndsAt]);
  const followUp = view.followUp || {};
  if (followUp.paymentDueAt) rows.push([I18n.t("deadline.payment"), followUp.paymentDueAt]);
  const freeze = election && election.milestones && election.milestones.registrationFreezeFrom;
  if (freeze && (view.registration || (view.offender && view.offender.kind === "CANDIDATE"))) {
    rows.push([I18n.t("deadline.freeze"), freeze]);
  }
  const body = document.getElementById("deadlines");
  for (const [what, when] of rows) {
    const row = document.createElement("tr");
    Api.cell(row, what);
    const cell = Api.cell(row, I18n.dateTime(when, zone));
    if (view.status === "OPEN" && new Date(when).getTime() < Date.now()) {
      cell.appendChild(Api.element("span", " (" + I18n.t("deadline.passed") + ")", "passed"));
    }
    body.appendChild(row);
  }
  document.getElementById("no-deadlines").hidden = rows.length > 0;
}

function showNext(view, election, values, timeline) {
  const list = document.getElementById("next");
  const say = text => list.appendChild(Api.element("li", text));
  if (view.status === "CLOSED") {
    say(I18n.t("next.closed", {outcome: I18n.word("outcome", view.outcome)}));
    return;
  }
  for (const task of view.openTasks || []) {
    say(task.due
      ? I18n.t("next.taskDue", {task: taskName(task), group: groupsOf(task), due: I18n.dateTime(task.due, zone)})
      : I18n.t("next.task", {task: taskName(task), group: groupsOf(task)}));
  }
  if ((view.openTasks || []).length > 0) return;
  const waiting = ((timeline && timeline.entries) || [])
    .filter(entry => entry.kind === "STEP_STARTED" && !entry.endedAt).map(entry => entry.activityId);
  const followUp = view.followUp || {};
  const freeze = election && election.milestones && election.milestones.registrationFreezeFrom;
  if (waiting.some(id => PAYMENT_WAITS.includes(id))) {
    say(I18n.t("next.paymentWait", {at: I18n.dateTime(followUp.paymentDueAt, zone)}));
  } else if (waiting.some(id => APPEAL_WAITS.includes(id))) {
    say(I18n.t("next.appealWait", {at: I18n.dateTime(values.appealPeriodEndsAt, zone)}));
  } else if (waiting.some(id => QUASHING_WAITS.includes(id))) {
    say(I18n.t("next.quashingWait", {at: I18n.dateTime(freeze, zone)}));
  } else {
    say(I18n.t("next.system"));
  }
}

function showDecisions(view, timeline) {
  const body = document.getElementById("decisions");
  const steps = view.steps || [];
  for (const step of steps) {
    const values = valuesOfStep(step, timeline);
    const row = document.createElement("tr");
    Api.cell(row, I18n.step(step.taskDefinitionKey, step.name));
    Api.cell(row, I18n.dateTime(step.completedAt, zone));
    Api.cell(row, step.completedBy);
    Api.cell(row, decisionText(step, values));
    Api.cell(row, step.reason || values.reason || "");
    body.appendChild(row);
  }
  document.getElementById("no-decisions").hidden = steps.length > 0;
}

function caseLinks(numbers) {
  const list = document.createElement("ul");
  for (const number of numbers) {
    const item = document.createElement("li");
    item.appendChild(Api.link("/cases/" + encodeURIComponent(number), number));
    list.appendChild(item);
  }
  return list;
}

function showRelated(view) {
  const box = document.getElementById("related");
  const followUp = view.followUp || {};
  const duplicates = (followUp.possibleDuplicates || []).filter(number => number !== followUp.linkedCaseNumber);
  if (followUp.linkedCaseNumber) {
    box.appendChild(Api.element("p", I18n.t("related.linked")));
    box.appendChild(caseLinks([followUp.linkedCaseNumber]));
  }
  if (duplicates.length) {
    box.appendChild(Api.element("p", I18n.t("related.duplicates")));
    box.appendChild(caseLinks(duplicates));
  }
  if (!followUp.linkedCaseNumber && !duplicates.length) {
    box.appendChild(Api.element("p", I18n.t("related.none"), "muted"));
  }
}

function evidencePath(number) {
  return "/api/cases/" + encodeURIComponent(number) + "/evidence";
}

/** The case's files and whether this user may add one (the list's Allow header names POST). */
async function readEvidence(number) {
  const response = await fetch(evidencePath(number), {
    credentials: "same-origin",
    headers: {"Accept": "application/json", "X-Requested-With": "XMLHttpRequest"}
  });
  if (!response.ok) return {files: [], mayAdd: false, readable: false};
  const allow = response.headers.get("Allow") || "";
  return {files: await response.json(), mayAdd: /\bPOST\b/.test(allow), readable: true};
}

function showEvidence(number, evidence) {
  const section = document.getElementById("evidence-section");
  section.hidden = !evidence.readable;
  const body = document.getElementById("evidence");
  body.replaceChildren();
  const byId = {};
  for (const file of evidence.files) byId[file.id] = file;
  for (const file of evidence.files) {
    const row = document.createElement("tr");
    const name = document.createElement("td");
    name.appendChild(Api.link(evidencePath(number) + "/" + encodeURIComponent(file.id), file.fileName));
    row.appendChild(name);
    Api.cell(row, file.contentType);
    Api.cell(row, I18n.fileSize(file.size));
    Api.cell(row, file.addedBy);
    Api.cell(row, I18n.dateTime(file.addedAt, zone));
    const corrected = file.correctsId ? byId[file.correctsId] : null;
    const note = [file.note, file.correctsId ? I18n.t("evidence.corrects",
      {name: corrected ? corrected.fileName : "", id: file.correctsId}) : null].filter(Boolean).join("; ");
    Api.cell(row, note);
    Api.cell(row, file.sha256).className = "hash";
    body.appendChild(row);
  }
  document.getElementById("evidence-table").hidden = evidence.files.length === 0;
  document.getElementById("no-evidence").hidden = evidence.files.length > 0;
  const corrects = document.getElementById("evidence-corrects");
  while (corrects.options.length > 1) corrects.remove(1);
  for (const file of evidence.files) {
    const option = document.createElement("option");
    option.value = String(file.id);
    option.textContent = "№ " + file.id + " · " + file.fileName;
    corrects.appendChild(option);
  }
  document.getElementById("evidence-form").hidden = !evidence.mayAdd;
}

/** What the server refused, in its words: each field's message, else the problem's detail. */
function refusalText(problem, status) {
  const errors = (problem && problem.errors) || [];
  if (errors.length) return errors.map(error => error.message).join("; ");
  return (problem && (problem.detail || problem.title)) || I18n.t("error.http", {status});
}

async function attachEvidence(number, event) {
  event.preventDefault();
  const form = document.getElementById("evidence-form");
  const status = document.getElementById("evidence-status");
  const chosen = document.getElementById("evidence-file").files[0];
  const note = document.getElementById("evidence-note").value.trim();
  const corrects = document.getElementById("evidence-corrects").value;
  const refuse = reason => { status.textContent = I18n.t("evidence.refused", {reason}); };
  if (!chosen) return refuse(I18n.t("evidence.noFile"));
  if (chosen.size === 0) return refuse(I18n.t("evidence.emptyFile"));
  if (corrects && !note) return refuse(I18n.t("evidence.correctionNeedsNote"));
  const data = new FormData();
  data.append("file", chosen, chosen.name);
  if (note) data.append("note", note);
  if (corrects) data.append("corrects", corrects);
  const button = document.getElementById("evidence-attach");
  button.disabled = true;
  status.textContent = I18n.t("evidence.sending");
  try {
    const response = await fetch(evidencePath(number), {
      method: "POST", body: data, credentials: "same-origin",
      // the server words its refusals in the page's language
      headers: {"Accept": "application/json", "Accept-Language": I18n.language, "X-Requested-With": "XMLHttpRequest"}
    });
    const answer = await response.json().catch(() => null);
    if (response.status !== 201) return refuse(refusalText(answer, response.status));
    form.reset();
    showEvidence(number, await readEvidence(number));
    status.textContent = I18n.t("evidence.added", {name: answer.fileName, sha256: answer.sha256});
  } catch (error) {
    refuse(error.message);
  } finally {
    button.disabled = false;
  }
}

async function showCase() {
  await I18n.ready;
  const number = caseNumberOfPage();
  const title = document.getElementById("title");
  if (!number) {
    title.textContent = I18n.t("case.noNumber");
    return;
  }
  document.title = I18n.t("case.pageTitle", {n: number});
  title.textContent = document.title;
  let view;
  try {
    view = await Api.get("/api/cases/" + encodeURIComponent(number));
  } catch (error) {
    if (error instanceof NotFound) {
      const box = document.getElementById("not-found");
      box.textContent = I18n.t("case.notFound", {n: number});
      box.hidden = false;
      return;
    }
    throw error;
  }
  const [election, timeline, evidence] = await Promise.all([
    view.electionId ? Api.get("/api/elections/" + encodeURIComponent(view.electionId)).catch(() => null) : null,
    Api.get("/api/cases/" + encodeURIComponent(number) + "/history").catch(() => null),
    readEvidence(number).catch(() => ({files: [], mayAdd: false, readable: false}))]);
  zone = election && election.timeZone;
  const values = lastValues(timeline);
  showSummary(view, election);
  showNext(view, election, values, timeline);
  showDeadlines(view, election, values);
  showFacts(view, election, values);
  showOffender(view);
  showDecisions(view, timeline);
  showEvidence(number, evidence);
  document.getElementById("evidence-form").addEventListener("submit", event => attachEvidence(number, event));
  showRelated(view);
  document.getElementById("case").hidden = false;
}

showCase().catch(Api.showError);
