// Shared by the auditors' pages: reads the project API with the Camunda webapp session (GET only).
"use strict";

const Audit = {
  async get(path) {
    const response = await fetch(path, {
      credentials: "same-origin",
      headers: {"Accept": "application/json", "X-Requested-With": "XMLHttpRequest"}
    });
    if (response.status === 401) {
      document.getElementById("login").hidden = false;
      throw new Error("not logged in");
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || problem.title || ("HTTP " + response.status));
    }
    return response.json();
  },

  query(form) {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (value !== "") params.append(name, value);
    }
    return params;
  },

  text(value) {
    return value === null || value === undefined ? "" : String(value);
  },

  cell(row, value) {
    const td = document.createElement("td");
    td.textContent = Audit.text(value);
    row.appendChild(td);
    return td;
  },

  async fillElections(select) {
    const elections = await Audit.get("/api/elections");
    for (const election of elections) {
      const option = document.createElement("option");
      option.value = election.id;
      option.textContent = election.name + " (" + election.votingDay + ")";
      select.appendChild(option);
    }
    return elections;
  },

  showError(error) {
    const box = document.getElementById("error");
    if (error.message !== "not logged in") {
      box.textContent = error.message;
      box.hidden = false;
    }
  }
};
