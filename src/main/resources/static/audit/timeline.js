// A case's timeline as a briefing: the steps, decisions and deadlines in words and in the election's
// time; technical rows (gateways, internal events and system steps, values that did not change, values
// only the engine reads) are folded away until "show everything" is ticked, which also shows engine ids.
"use strict";

const BRIEFING_VARIABLES = ["factConfirmed", "consentGranted", "appealUpheld", "reason", "duplicateResolution",
  "linkedCaseNumber", "rulingOutcome", "fineMci", "fineTenge", "abbreviatedProcedure", "rulingDate", "decisionNumber",
  "investigationNumber", "appealPeriodEndsAt", "legalEffectAt", "paymentDueAt", "caseStatus", "outcome",
  "registration", "registrationReason", "observerRegistration", "accreditation", "followUp"];
const INTERNAL_STEPS = ["Task_CheckFreezeBeforeCancellation", "Task_CheckFreezeBeforeRestore", "Task_StartAppealPeriod",
  "Task_StartPaymentPeriod"];

let zone = null;
/** The case's registrationReason as the server words it, and as this page's language words it. */
let serverReason = null;
let reasonInWords = null;

function same(a, b) {
  return JSON.stringify(a === undefined ? null : a) === JSON.stringify(b === undefined ? null : b);
}

/** A row an auditor's briefing does without. */
function isTechnical(entry) {
  if (entry.kind === "VARIABLE_CHANGED") {
    return same(entry.value, entry.previousValue) || !BRIEFING_VARIABLES.includes(entry.variable);
  }
  if (entry.kind === "STEP_STARTED") {
    const type = entry.activityType || "";
    return /Gateway$/.test(type) || /^intermediate/.test(type) || /^boundary/.test(type)
      || INTERNAL_STEPS.includes(entry.activityId);
  }
  return false;
}

/** A reason of an entry; the freeze's reason in this page's language. */
function reasonText(reason) {
  return reason && reason === serverReason && reasonInWords ? reasonInWords : reason;
}

function valueInWords(variable, value) {
  if (value === null || value === undefined) return I18n.t("value.empty");
  if (variable === "registrationReason") return reasonText(String(value));
  if (variable === "offenceTitle") return I18n.offenceTitle(null, value);
  return I18n.value(variable, value, zone);
}

function detailInWords(detail) {
  if (!detail) return null;
  if (detail === "cancelled") return I18n.t("detail.cancelled");
  if (detail === "BEFORE_FREEZE" || detail === "OVERDUE") return I18n.t("escalation." + detail);
  let match = /^due (\S+)(?:, fired by hand by (.+))?$/.exec(detail);
  if (match) {
    const due = I18n.t("detail.due", {at: I18n.dateTime(match[1], zone)});
    return match[2] ? due + "; " + I18n.t("detail.firedByHand", {user: match[2]}) : due;
  }
  match = /^by (\S+)$/.exec(detail);
  if (match) return I18n.t("detail.by", {step: I18n.step(match[1])});
  if (detail.startsWith("the election's registration freeze timer")) return I18n.t("detail.freezeTimer");
  return detail;
}

/** An evidence file's chain of custody: name, type, size, SHA-256, note, the file it corrects. */
function evidenceDetails(file) {
  const parts = [I18n.t("evidence.timeline", {name: file.fileName, type: file.contentType,
    size: I18n.fileSize(file.size), sha256: file.sha256})];
  if (file.note) parts.push(I18n.t("evidence.timelineNote", {note: file.note}));
  if (file.correctsId) parts.push(I18n.t("evidence.timelineCorrects", {id: file.correctsId}));
  return parts.join("; ");
}

function details(entry) {
  const parts = [];
  if (entry.evidence) parts.push(evidenceDetails(entry.evidence));
  if (entry.variable) {
    const label = I18n.has("var." + entry.variable) ? I18n.t("var." + entry.variable) : entry.variable;
    const previous = entry.previousValue === undefined || entry.previousValue === null ? ""
      : valueInWords(entry.variable, entry.previousValue) + " → ";
    parts.push(label + ": " + previous + valueInWords(entry.variable, entry.value));
  }
  if (entry.endedAt) {
    parts.push(I18n.t("detail.ended", {at: I18n.dateTime(entry.endedAt, zone)}) + ", "
      + I18n.t("detail.took", {duration: I18n.duration(entry.durationMillis)}));
  }
  if (entry.reason) parts.push(reasonText(entry.reason));
  const detail = detailInWords(entry.detail);
  if (detail) parts.push(detail);
  return parts.join("; ");
}

function technical(entry) {
  return [entry.activityId, entry.activityType, entry.variable,
    entry.processVersion ? I18n.t("detail.processVersion", {version: entry.processVersion}) : null]
    .filter(Boolean).join(" · ");
}

function showEntries(timeline) {
  const body = document.getElementById("entries");
  body.replaceChildren();
  let folded = 0;
  for (const entry of timeline.entries) {
    const row = document.createElement("tr");
    row.className = "kind-" + entry.kind;
    if (isTechnical(entry)) {
      row.classList.add("folded");
      folded++;
    }
    [I18n.dateTime(entry.at, zone), I18n.word("kind", entry.kind),
      entry.activityId ? I18n.step(entry.activityId, entry.activityName) : "",
      entry.user || I18n.t("user.system"), details(entry)].forEach(v => Api.cell(row, v));
    Api.cell(row, technical(entry)).className = "technical";
    body.appendChild(row);
  }
  document.getElementById("folded-count").textContent = I18n.t("timeline.hidden", {n: folded});
}

async function showTimeline() {
  await I18n.ready;
  const number = new URLSearchParams(location.search).get("case");
  const title = document.getElementById("title");
  if (!number) {
    title.textContent = I18n.t("case.noNumber");
    return;
  }
  document.title = I18n.t("timeline.pageTitle", {n: number});
  title.textContent = document.title;
  let timeline;
  try {
    timeline = await Api.get("/api/cases/" + encodeURIComponent(number) + "/history");
  } catch (error) {
    if (error instanceof NotFound) {
      const box = document.getElementById("not-found");
      box.textContent = I18n.t("case.notFound", {n: number});
      box.hidden = false;
      return;
    }
    throw error;
  }
  const view = await Api.get("/api/cases/" + encodeURIComponent(number)).catch(() => null);
  const election = view && view.electionId
    ? await Api.get("/api/elections/" + encodeURIComponent(view.electionId)).catch(() => null) : null;
  zone = election && election.timeZone;
  const process = timeline.process || {};
  document.getElementById("timeline-summary").textContent = [I18n.word("status", timeline.status),
    I18n.word("outcome", timeline.outcome), I18n.word("registration", timeline.registration),
    I18n.t("timeline.process", {version: process.version}) + (process.versionTag ? " (" + process.versionTag + ")" : "")]
    .filter(Boolean).join(" · ");
  serverReason = timeline.registrationReason || null;
  reasonInWords = I18n.registrationReason(timeline.registrationReasonCode,
    election && election.milestones && election.milestones.registrationFreezeFrom, zone, serverReason);
  const why = document.getElementById("timeline-why");
  why.hidden = !timeline.registrationReason;
  why.textContent = timeline.registrationReason
    ? I18n.word("registration", timeline.registration) + ": " + reasonInWords : "";
  document.getElementById("case-page").href = "/cases/" + encodeURIComponent(number);
  showEntries(timeline);
  document.getElementById("timeline").hidden = false;
}

document.getElementById("show-all").addEventListener("change", event => {
  document.getElementById("entries-table").classList.toggle("show-all", event.target.checked);
});

showTimeline().catch(Api.showError);
