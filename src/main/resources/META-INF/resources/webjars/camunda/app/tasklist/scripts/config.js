// Tasklist's configuration for the election-violations application.
export default {
  // After a fact is registered with the start form, a notification names the new case's number
  // (violations/case-number-notice.js; its text is the locale key VIOLATIONS_CASE_REGISTERED).
  customScripts: ['violations/case-number-notice'],
  requireJsConfig: {
    ngDeps: ['violations.caseNumberNotice']
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
