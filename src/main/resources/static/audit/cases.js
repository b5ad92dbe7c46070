// The auditors' case list; a case opens on its timeline page.
"use strict";

const form = document.getElementById("filters");
let page = 0;
const size = 25;

function timelineOf(caseNumber) {
  return "timeline.html?case=" + encodeURIComponent(caseNumber);
}

async function showCases() {
  const params = Audit.query(form);
  document.getElementById("csv").href = "/api/cases.csv?" + params;
  params.set("page", page);
  params.set("size", size);
  const result = await Api.get("/api/cases?" + params);
  const body = document.getElementById("cases");
  body.replaceChildren();
  for (const item of result.items) {
    const row = document.createElement("tr");
    row.className = "clickable";
    row.addEventListener("click", event => {
      if (event.target.tagName !== "A") location.href = timelineOf(item.caseNumber);
    });
    const first = document.createElement("td");
    first.appendChild(Api.link(timelineOf(item.caseNumber), item.caseNumber));
    row.appendChild(first);
    [I18n.date(item.committedOn), item.region, I18n.article(item.code, item.article, item.part),
      [I18n.word("offenderKind", item.offenderKind), item.offenderName].filter(Boolean).join(": "),
      item.offenderIin || item.offenderBin, I18n.word("status", item.status), I18n.word("outcome", item.outcome),
      I18n.word("registration", item.registration), I18n.number(item.fineMci)].forEach(v => Api.cell(row, v));
    body.appendChild(row);
  }
  const last = Math.max(0, Math.ceil(result.total / size) - 1);
  document.getElementById("summary").textContent =
    I18n.t("cases.summary", {total: result.total, page: page + 1, pages: last + 1});
  document.getElementById("previous").disabled = page === 0;
  document.getElementById("next").disabled = page >= last;
}

const wanted = new URLSearchParams(location.search).get("case");
if (wanted) {
  // the timeline has a page of its own
  location.replace(timelineOf(wanted));
} else {
  form.addEventListener("submit", event => {
    event.preventDefault();
    page = 0;
    showCases().catch(Api.showError);
  });
  document.getElementById("previous").addEventListener("click", () => { page--; showCases().catch(Api.showError); });
  document.getElementById("next").addEventListener("click", () => { page++; showCases().catch(Api.showError); });

  I18n.ready
    .then(() => Audit.fillElections(form.elements.electionId))
    .then(() => {
      const election = new URLSearchParams(location.search).get("electionId");
      if (election) form.elements.electionId.value = election;
      return showCases();
    })
    .catch(Api.showError);
}
