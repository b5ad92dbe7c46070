// Reads the project API with the session of the Camunda webapps (GET only: a changing request needs
// HTTP Basic). A 401 shows the page's login notice; a 404 is a NotFound error the page words itself.
"use strict";

class NotFound extends Error {
}

const Api = {
  async get(path) {
    const response = await fetch(path, {
      credentials: "same-origin",
      headers: {"Accept": "application/json", "X-Requested-With": "XMLHttpRequest"}
    });
    if (response.status === 401) {
      const login = document.getElementById("login");
      if (login) login.hidden = false;
      throw new Error("not logged in");
    }
    if (response.status === 403 && I18n.has("error.forbidden")) {
      throw new Error(I18n.t("error.forbidden"));
    }
    if (response.status === 404) {
      throw new NotFound(path);
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || problem.title || I18n.t("error.http", {status: response.status}));
    }
    return response.json();
  },

  /** A table cell or element child with the value as text (never as markup). */
  cell(row, value, tag) {
    const cell = document.createElement(tag || "td");
    cell.textContent = value === null || value === undefined ? "" : String(value);
    row.appendChild(cell);
    return cell;
  },

  element(tag, text, className) {
    const element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = String(text);
    if (className) element.className = className;
    return element;
  },

  link(href, text) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  },

  showError(error) {
    const box = document.getElementById("error");
    if (box && error.message !== "not logged in") {
      box.textContent = error.message;
      box.hidden = false;
    }
  }
};
