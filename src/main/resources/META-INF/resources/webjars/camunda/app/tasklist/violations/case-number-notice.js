// After a prosecutor registers a fact with the case's start form, Tasklist names the new case's number:
// the engine answers the start form's submission with the started instance, whose business key is the
// case number, and a notification in Tasklist's language ("Іс тіркелді: № …", "Дело зарегистрировано: № …")
// stays on screen beside Tasklist's own "process started". Its words live here, so that the locale files
// keep exactly the keys of Camunda's own.
const angular = window.angular;
const REGISTERED = {kk: 'Іс тіркелді: № ', ru: 'Дело зарегистрировано: № ', en: 'Case registered: No. '};

angular.module('violations.caseNumberNotice', []).config(['$provide', function ($provide) {
  $provide.decorator('camAPI', ['$delegate', '$injector', function (camAPI, $injector) {
    const resource = camAPI.resource;
    camAPI.resource = function (name) {
      const api = resource.apply(this, arguments);
      if (name === 'process-definition' && api && !api.violationsCaseNumberNotice) {
        api.violationsCaseNumberNotice = true;
        const submitForm = api.submitForm;
        api.submitForm = function (data, done) {
          if (typeof done === 'function') {
            return submitForm.call(this, data, function (error, instance) {
              if (!error) {
                announce(instance);
              }
              done.apply(this, arguments);
            });
          }
          const submitted = submitForm.call(this, data);
          if (submitted && typeof submitted.then === 'function') {
            submitted.then(announce, function () {});
          }
          return submitted;
        };
      }
      return api;
    };

    function announce(instance) {
      const caseNumber = instance && instance.businessKey;
      if (!caseNumber) {
        return;
      }
      const notifications = $injector.get('Notifications');
      const show = function () {
        const language = $injector.get('$translate').use();
        notifications.addMessage({
          status: (REGISTERED[language] || REGISTERED.ru) + caseNumber,
          duration: 60000
        });
      };
      // Tasklist clears the start dialog's notifications as it closes the dialog: show it afterwards
      const $timeout = $injector.get('$timeout');
      let waited = 0;
      const whenTheDialogIsClosed = function () {
        if (document.querySelector('.modal-dialog') && waited < 10000) {
          waited += 200;
          $timeout(whenTheDialogIsClosed, 200);
          return;
        }
        show();
      };
      $timeout(whenTheDialogIsClosed, 200);
    }

    return camAPI;
  }]);
}]);
