// Tasklist's configuration for the election-violations application. It replaces the file of the same
// path in Camunda's webjar, so it carries everything the application needs of Tasklist's defaults.

export default {
  // Kazakh, Russian or English, as the browser's first language asks; Russian when it asks for none of
  // them. Tasklist takes the language part of navigator.languages[0] ("kk-KZ" gives "kk").
  locales: {
    availableLocales: ['kk', 'ru', 'en'],
    fallbackLocale: 'ru'
  },

  // moment.js formats: dd.MM.yyyy and 24-hour times, as staff write them
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD.MM.YYYY HH:mm',
    normal: 'DD.MM.YYYY HH:mm',
    long: 'dddd, DD.MM.YYYY HH:mm',
    short: 'DD.MM.YYYY'
  },

  // loaded as ES modules from app/tasklist/: the link to the auditors' pages in the header; form-js's
  // validation messages in Tasklist's language; after a fact
  // is registered with the start form, a notification naming the new case's number
  // (violations/case-number-notice.js, in the language Tasklist speaks)
  customScripts: ['scripts/audit-link.js', 'scripts/form-messages.js', 'violations/case-number-notice'],
  requireJsConfig: {
    ngDeps: ['violations.caseNumberNotice']
  },

  // Tasklist's keyboard shortcuts, described in Kazakh and Russian in its shortcut help
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'таңдалған тапсырманы алу / взять выбранную задачу'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'тізімдегі бірінші сүзгіге өту / перейти к первому фильтру в списке'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'тізімдегі бірінші тапсырмаға өту / перейти к первой задаче в списке'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'тапсырма формасының бірінші өрісіне өту / перейти к первому полю формы задачи'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'процесті бастау терезесін ашу / открыть окно запуска процесса'
    }
  }
};
