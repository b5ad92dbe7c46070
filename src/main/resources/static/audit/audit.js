// Shared by the auditors' pages: the filters' query and the elections of the filter.
"use strict";

const Audit = {
  query(form) {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (value !== "") params.append(name, value);
    }
    return params;
  },

  async fillElections(select) {
    const elections = await Api.get("/api/elections");
    for (const election of elections) {
      const option = document.createElement("option");
      option.value = election.id;
      option.textContent = election.name + " (" + I18n.date(election.votingDay) + ")";
      select.appendChild(option);
    }
    return elections;
  }
};
