// The public status page of a complaint: GET /api/complaints/{trackingNumber} gives its status, when it
// arrived and the answer, nothing personal. The number comes from the link (?n=) or is typed in.
"use strict";

const lookup = document.getElementById("lookup");

async function show(trackingNumber) {
  document.getElementById("not-found").hidden = true;
  document.getElementById("error").hidden = true;
  document.getElementById("status").hidden = true;
  const number = trackingNumber.trim().toUpperCase();
  if (!/^[A-Z0-9-]{1,40}$/.test(number)) {
    document.getElementById("not-found").hidden = false;
    return;
  }
  const response = await fetch("/api/complaints/" + encodeURIComponent(number),
    {headers: {"Accept": "application/json", "Accept-Language": I18n.language}});
  if (response.status === 404) {
    document.getElementById("not-found").hidden = false;
    return;
  }
  if (!response.ok) {
    Api.showError(new Error(I18n.t("error.http", {status: response.status})));
    return;
  }
  const status = await response.json();
  document.getElementById("status-number").textContent = status.trackingNumber;
  document.getElementById("status-received").textContent = I18n.dateTime(status.receivedAt);
  document.getElementById("status-state").textContent = I18n.word("complaintStatus.value", status.status);
  document.getElementById("status-answer").textContent = status.answer || I18n.t("complaintStatus.noAnswer");
  document.getElementById("status").hidden = false;
}

lookup.addEventListener("submit", event => {
  event.preventDefault();
  show(lookup.elements.trackingNumber.value).catch(error => Api.showError(error));
});
I18n.ready.then(() => {
  const number = new URLSearchParams(location.search).get("n");
  if (number) {
    lookup.elements.trackingNumber.value = number;
    show(number).catch(error => Api.showError(error));
  }
});
