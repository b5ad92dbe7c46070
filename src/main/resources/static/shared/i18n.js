// The words of the application's own pages (the case page, the auditors' pages) in Kazakh, Russian
// and English: one dictionary per language in /i18n/<language>.json. The language is the one the
// person chose on a page (kept in this browser), else the first of navigator.languages among kk, ru
// and en, else Russian. Dates read dd.MM.yyyy and times HH:mm in the election's time zone.
"use strict";

const I18n = (() => {
  const LANGUAGES = ["kk", "ru", "en"];
  const NAMES = {kk: "Қазақша", ru: "Русский", en: "English"};
  const FALLBACK = "ru";
  const STORAGE_KEY = "election-violations.language";
  const DEFAULT_ZONE = "Asia/Almaty";
  let words = {};

  function stored() {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch (blocked) {
      return null;
    }
  }

  function choose() {
    const chosen = stored();
    if (LANGUAGES.includes(chosen)) return chosen;
    const asked = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (const tag of asked) {
      const primary = String(tag || "").toLowerCase().split("-")[0];
      if (LANGUAGES.includes(primary)) return primary;
    }
    return FALLBACK;
  }

  const language = choose();

  function t(key, params) {
    let text = Object.prototype.hasOwnProperty.call(words, key) ? words[key] : key;
    if (params) {
      for (const [name, value] of Object.entries(params)) {
        text = text.split("{" + name + "}").join(value === null || value === undefined ? "" : String(value));
      }
    }
    return text;
  }

  function has(key) {
    return Object.prototype.hasOwnProperty.call(words, key);
  }

  /** A code of the API (status, outcome, source, ...) as a word; an unknown code as it is. */
  function word(group, code) {
    if (code === null || code === undefined || code === "") return "";
    if (typeof code === "boolean") return t(code ? "value.yes" : "value.no");
    const key = group + "." + code;
    return has(key) ? words[key] : String(code);
  }

  function zoneOrDefault(zone) {
    try {
      new Intl.DateTimeFormat("en-GB", {timeZone: zone || DEFAULT_ZONE});
      return zone || DEFAULT_ZONE;
    } catch (unknownZone) {
      return DEFAULT_ZONE;
    }
  }

  function parts(value, zone) {
    const instant = value instanceof Date ? value : new Date(value);
    if (isNaN(instant.getTime())) return null;
    const format = new Intl.DateTimeFormat("en-GB", {timeZone: zoneOrDefault(zone), year: "numeric",
      month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23"});
    return Object.fromEntries(format.formatToParts(instant).map(part => [part.type, part.value]));
  }

  const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

  /** dd.MM.yyyy: a calendar day (yyyy-MM-dd) as it is, an instant on its day in the zone. */
  function date(value, zone) {
    if (value === null || value === undefined || value === "") return "";
    const day = DAY_ONLY.exec(String(value));
    if (day) return day[3] + "." + day[2] + "." + day[1];
    const p = parts(value, zone);
    return p ? p.day + "." + p.month + "." + p.year : String(value);
  }

  /** dd.MM.yyyy HH:mm in the zone (the election's). */
  function dateTime(value, zone) {
    if (value === null || value === undefined || value === "") return "";
    if (DAY_ONLY.test(String(value))) return date(value);
    const p = parts(value, zone);
    return p ? p.day + "." + p.month + "." + p.year + " " + p.hour + ":" + p.minute : String(value);
  }

  /** The word group of each case variable that holds a code. */
  const CODE_VARIABLES = {rulingOutcome: "sanction", duplicateResolution: "duplicateResolution", outcome: "outcome",
    registration: "registration", followUp: "followUp", source: "source", offenderKind: "offenderKind",
    caseStatus: "status", observerRegistration: "followUpState", accreditation: "followUpState"};

  /** A case variable's recorded value in words: yes/no, a code as its word, dates and times in the zone. */
  function value(variable, recorded, zone) {
    if (recorded === null || recorded === undefined) return "";
    if (typeof recorded === "boolean") return t(recorded ? "value.yes" : "value.no");
    if (CODE_VARIABLES[variable]) return word(CODE_VARIABLES[variable], recorded);
    if (/^\d{4}-\d{2}-\d{2}T/.test(String(recorded))) return dateTime(recorded, zone);
    if (/^\d{4}-\d{2}-\d{2}$/.test(String(recorded))) return date(recorded);
    if (Array.isArray(recorded)) return recorded.join(", ");
    return String(recorded);
  }

  function number(value) {
    if (value === null || value === undefined || value === "") return "";
    const n = Number(value);
    if (!isFinite(n)) return String(value);
    return new Intl.NumberFormat(language === "kk" ? "kk-KZ" : language, {maximumFractionDigits: 2}).format(n);
  }

  /** A file's size in bytes as bytes, KB or MB (1,024 each). */
  function fileSize(bytes) {
    if (bytes < 1024) return t("size.bytes", {n: number(bytes)});
    if (bytes < 1024 * 1024) return t("size.kb", {n: number(Math.round(bytes / 102.4) / 10)});
    return t("size.mb", {n: number(Math.round(bytes / (1024 * 102.4)) / 10)});
  }

  function duration(millis) {
    const seconds = Math.round((millis || 0) / 1000);
    if (seconds < 60) return t("duration.seconds", {n: seconds});
    if (seconds < 3600) return t("duration.minutes", {n: Math.round(seconds / 60)});
    if (seconds < 86400) return t("duration.hours", {n: Math.round(seconds / 3600)});
    return t("duration.days", {n: Math.round(seconds / 86400)});
  }

  /** A candidate group as the body it stands for. */
  function group(id) {
    if (!id) return "";
    let match = /^dec-(\d+)$/.exec(id);
    if (match) return t("group.dec", {n: match[1]});
    match = /^prosecutors-(.+)$/.exec(id);
    if (match) return t("group.prosecutorsRegion", {region: match[1]});
    return has("group." + id) ? words["group." + id] : id;
  }

  /** An article of the offence catalogue: code CAO (default) or CC, the article, its part. */
  function article(code, number, part) {
    if (!number) return "";
    if (code === "CC") return t("articleCriminal", {article: number});
    return part ? t("articlePart", {article: number, part}) : t("article", {article: number});
  }

  /** A statistics key of the article chart: "102" or "CC 150". */
  function articleKey(key) {
    const criminal = /^CC (.+)$/.exec(key);
    return criminal ? article("CC", criminal[1]) : article("CAO", key);
  }

  /**
   * Why the freeze decided the registration: the sentence of its code (the case's registrationReasonCode)
   * with the election's freeze moment in the election's zone; the server's sentence where the case has no
   * code (cases closed before codes were kept) or the moment is unknown.
   */
  function registrationReason(code, freezeFrom, zone, serverText) {
    const key = "registrationReason." + code;
    if (!code || !has(key) || !freezeFrom) return serverText || "";
    return t(key, {at: dateTime(freezeFrom, zone)});
  }

  /**
   * The offence's title in the page's language: the catalogue's wording the case API gives ({kk, ru, en}),
   * else the Kazakh or Russian half of the title the case keeps ("kk / ru"), else that title as it is.
   */
  function offenceTitle(titles, stored) {
    if (titles && titles[language]) return titles[language];
    if (stored === null || stored === undefined) return "";
    const halves = String(stored).split(" / ");
    if (halves.length === 2 && language !== "en") return halves[language === "kk" ? 0 : 1];
    return String(stored);
  }

  /** A step of the process (an activity id) in words, else the name the engine gives it. */
  function step(activityId, fallbackName) {
    if (activityId && has("step." + activityId)) return words["step." + activityId];
    return fallbackName || activityId || "";
  }

  function apply(root) {
    for (const element of (root || document).querySelectorAll("[data-i18n]")) {
      element.textContent = t(element.getAttribute("data-i18n"));
    }
  }

  /** A language switch in the element with id "language" (a select). */
  function switcher() {
    const select = document.getElementById("language");
    if (!select) return;
    select.replaceChildren();
    for (const code of LANGUAGES) {
      const option = document.createElement("option");
      option.value = code;
      option.textContent = NAMES[code];
      option.selected = code === language;
      select.appendChild(option);
    }
    select.addEventListener("change", () => {
      try {
        localStorage.setItem(STORAGE_KEY, select.value);
      } catch (blocked) {
        // the choice lasts for this page only
      }
      location.reload();
    });
  }

  const ready = fetch("/i18n/" + language + ".json", {credentials: "same-origin", headers: {"Accept": "application/json"}})
    .then(response => response.ok ? response.json() : {})
    .catch(() => ({}))
    .then(dictionary => {
      words = dictionary;
      document.documentElement.lang = language;
      apply(document);
      switcher();
    });

  return {LANGUAGES, language, ready, t, has, word, value, date, dateTime, number, fileSize, duration, group, article,
    articleKey, registrationReason, offenceTitle, step, apply};
})();
