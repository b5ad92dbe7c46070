// The public complaint page: no login. Reads the elections and regions it offers from
// GET /api/complaints/form, sends the complaint and its files to POST /api/complaints as multipart
// (part "complaint": the JSON, parts "files"), and shows the tracking number. Refusals name the fields
// the server names; every value goes into the page as text.
"use strict";

const form = document.getElementById("complaint");
let fileLimits = {maxCount: 5, maxFileSize: 10 * 1024 * 1024};
const FIELD_OF = {
  electionId: "electionId", region: "region", place: "place", committedOn: "committedOn",
  description: "description", "offender.name": "offenderName", "offender.kind": "offenderKind",
  "contact.name": "contactName", "contact.email": "contactEmail", "contact.phone": "contactPhone", files: "files"
};

function option(select, value, text) {
  const element = document.createElement("option");
  element.value = value;
  element.textContent = text;
  select.appendChild(element);
}

function trimmed(name) {
  return form.elements[name].value.trim();
}

/** The complaint as the API takes it: optional parts left out when empty. */
function complaint() {
  const body = {
    electionId: trimmed("electionId"), region: trimmed("region"), place: trimmed("place"),
    committedOn: trimmed("committedOn"), description: trimmed("description")
  };
  if (trimmed("offenderName") || trimmed("offenderKind")) {
    body.offender = {name: trimmed("offenderName") || null, kind: trimmed("offenderKind") || null};
  }
  if (trimmed("contactName") || trimmed("contactEmail") || trimmed("contactPhone")) {
    body.contact = {name: trimmed("contactName") || null, email: trimmed("contactEmail") || null,
      phone: trimmed("contactPhone") || null};
  }
  return body;
}

function clearProblems() {
  for (const shown of form.querySelectorAll(".field-error")) shown.remove();
  for (const label of form.querySelectorAll(".invalid")) label.classList.remove("invalid");
  document.getElementById("error").hidden = true;
}

function showProblem(field, message) {
  const input = form.elements[FIELD_OF[field] || field];
  const label = input && (input.closest ? input.closest("label") : null);
  if (!label) return false;
  label.classList.add("invalid");
  label.appendChild(Api.element("span", message, "field-error"));
  return true;
}

/** The fields the browser itself finds missing, in the page's words. */
function missing() {
  let first = null;
  for (const name of ["electionId", "region", "place", "committedOn", "description"]) {
    if (!trimmed(name)) {
      showProblem(name, I18n.t("complaint.required"));
      first = first || form.elements[name];
    }
  }
  const files = Array.from(form.elements.files.files);
  const megabytes = Math.floor(fileLimits.maxFileSize / (1024 * 1024));
  if (files.length > fileLimits.maxCount) {
    showProblem("files", I18n.t("complaint.tooManyFiles", {count: fileLimits.maxCount}));
    first = first || form.elements.files;
  }
  for (const file of files.filter(file => file.size > fileLimits.maxFileSize)) {
    showProblem("files", I18n.t("complaint.fileTooLarge", {name: file.name, size: megabytes}));
    first = first || form.elements.files;
  }
  if (first) first.focus();
  return first !== null;
}

async function send(event) {
  event.preventDefault();
  clearProblems();
  if (missing()) return;
  const data = new FormData();
  data.append("complaint", new Blob([JSON.stringify(complaint())], {type: "application/json"}));
  for (const file of form.elements.files.files) data.append("files", file, file.name);
  const button = document.getElementById("send");
  button.disabled = true;
  try {
    const response = await fetch("/api/complaints", {method: "POST", body: data,
      headers: {"Accept": "application/json", "Accept-Language": I18n.language}});
    const answer = await response.json().catch(() => ({}));
    if (response.status === 201) {
      received(answer);
      return;
    }
    refused(response, answer);
  } catch (failed) {
    Api.showError(new Error(I18n.t("complaint.offline")));
  } finally {
    button.disabled = false;
  }
}

function refused(response, answer) {
  if (response.status === 429) {
    const seconds = Number(response.headers.get("Retry-After")) || 60;
    Api.showError(new Error(I18n.t("complaint.tooMany", {minutes: Math.max(1, Math.ceil(seconds / 60))})));
    return;
  }
  let shown = false;
  for (const problem of answer.errors || []) {
    shown = showProblem(problem.field, problem.message) || shown;
  }
  Api.showError(new Error(shown ? I18n.t("complaint.fix") : (answer.detail || answer.title
    || I18n.t("error.http", {status: response.status}))));
}

function received(answer) {
  form.hidden = true;
  document.getElementById("tracking-number").textContent = answer.trackingNumber;
  document.getElementById("status-link").href = "/complaint/status.html?n=" + encodeURIComponent(answer.trackingNumber);
  if (answer.considered === false) {
    const note = document.getElementById("received-anonymous");
    note.textContent = I18n.t("complaint.anonymousNotConsidered");
    note.hidden = false;
  }
  document.getElementById("received").hidden = false;
  window.scrollTo(0, 0);
}

function offer(options) {
  const elections = form.elements.electionId;
  for (const election of options.elections || []) {
    option(elections, election.id, election.name + " (" + I18n.date(election.votingDay + "T12:00:00Z", election.timeZone) + ")");
  }
  if ((options.elections || []).length === 1) elections.value = options.elections[0].id;
  const regions = form.elements.region;
  for (const region of options.regions || []) {
    option(regions, region.code, region.names[I18n.language] || region.names.en);
  }
  if (options.files) fileLimits = options.files;
  document.getElementById("files-hint").textContent = I18n.t("complaint.filesHint", {count: fileLimits.maxCount,
    size: Math.floor(fileLimits.maxFileSize / (1024 * 1024))});
  document.getElementById("anonymity").textContent = I18n.t(options.anonymousConsidered
    ? "complaint.anonymousConsidered" : "complaint.anonymousNotConsideredHint");
  const today = new Date();
  form.elements.committedOn.max = today.toISOString().slice(0, 10);
}

I18n.ready
  .then(() => fetch("/api/complaints/form", {headers: {"Accept": "application/json"}}))
  .then(response => response.ok ? response.json() : Promise.reject(new Error(I18n.t("error.http", {status: response.status}))))
  .then(offer)
  .catch(error => Api.showError(error));
form.addEventListener("submit", send);
