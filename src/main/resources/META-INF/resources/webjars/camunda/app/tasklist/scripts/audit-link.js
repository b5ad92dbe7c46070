// A link in Tasklist's header to the auditors' pages (/audit/), for the groups that may read them:
// auditors, prosecutors (the General Prosecutor's Office and the regional offices, prosecutors-<region>),
// the CEC and admins (those who may read /api/statistics). A Tasklist plugin
// (plugin point tasklist.navbar.action), loaded through customScripts in config.js.
import uiLanguage from './ui-language.js';

const READERS = ['auditors', 'prosecutors', 'cec', 'admins'];
const REGIONAL_PROSECUTORS = 'prosecutors-';

const LABELS = {
  kk: 'Аудит шолуы',
  ru: 'Обзор для аудита',
  en: 'Audit overview'
};

async function readJson(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    throw new Error(url + ' answered ' + response.status);
  }
  return response.json();
}

// the groups of the logged-in user, as the engine's identity service knows them
async function currentGroups(api) {
  const user = await readJson(api.adminApi + '/auth/user/' + encodeURIComponent(api.engine));
  const info = await readJson(api.engineApi + '/identity/groups?userId=' + encodeURIComponent(user.userId));
  return (info.groups || []).map(group => group.id);
}

// /audit/ on the server that serves the webapps (app-root is the webapps' path, /camunda)
function auditUrl() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
  return new URL('../audit/', window.location.origin + appRoot.replace(/\/?$/, '/')).pathname;
}

export default {
  id: 'audit-overview-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 200,
  render: (node, {api}) => {
    currentGroups(api).then(groups => {
      if (!groups.some(group => READERS.includes(group) || group.startsWith(REGIONAL_PROSECUTORS))) {
        return;
      }
      const link = document.createElement('a');
      link.href = auditUrl();
      link.className = 'audit-overview-link';
      link.textContent = LABELS[uiLanguage()] || LABELS.ru;
      node.appendChild(link);
    }).catch(error => console.error('audit link: ' + error.message));
  }
};
