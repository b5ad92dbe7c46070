// Camunda Forms (form-js) write their validation messages in English ("Field is required."). This
// script, loaded through customScripts in config.js, rewrites each such message in the language
// Tasklist speaks as soon as form-js shows it, so that staff read every word of a form in Kazakh or
// Russian. Messages it does not know stay as form-js wrote them.
import uiLanguage from './ui-language.js';

const MESSAGES = {
  kk: [
    [/^Field is required\.$/, () => 'Бұл өрісті толтыру міндетті.'],
    [/^Field must have minimum length of (\d+)\.$/, n => `Кемінде ${n} таңба болуы керек.`],
    [/^Field must have maximum length of (\d+)\.$/, n => `Ең көбі ${n} таңба болуы керек.`],
    [/^Field must have minimum value of (.+)\.$/, n => `Мәні ${n}-ден кем болмауы керек.`],
    [/^Field must have maximum value of (.+)\.$/, n => `Мәні ${n}-ден аспауы керек.`],
    [/^Field must match pattern .+\.$/, () => 'Мәні қажетті пішімге сәйкес емес.'],
    [/^Field must be a valid email\.$/, () => 'Электрондық пошта мекенжайы дұрыс емес.']
  ],
  ru: [
    [/^Field is required\.$/, () => 'Это поле обязательно для заполнения.'],
    [/^Field must have minimum length of (\d+)\.$/, n => `Должно быть не менее ${n} символов.`],
    [/^Field must have maximum length of (\d+)\.$/, n => `Должно быть не более ${n} символов.`],
    [/^Field must have minimum value of (.+)\.$/, n => `Значение должно быть не меньше ${n}.`],
    [/^Field must have maximum value of (.+)\.$/, n => `Значение должно быть не больше ${n}.`],
    [/^Field must match pattern .+\.$/, () => 'Значение не соответствует нужному формату.'],
    [/^Field must be a valid email\.$/, () => 'Неверный адрес электронной почты.']
  ]
};

const messages = MESSAGES[uiLanguage()];

function translate(element) {
  for (const node of element.querySelectorAll('.fjs-form-field-error li, .fjs-form-field-error span')) {
    if (node.children.length > 0) {
      continue;
    }
    const text = node.textContent.trim();
    for (const [english, said] of messages) {
      const match = english.exec(text);
      if (match) {
        node.textContent = said(match[1]);
        break;
      }
    }
  }
}

if (messages) {
  new MutationObserver(() => translate(document.body))
    .observe(document.body, {childList: true, subtree: true, characterData: true});
}
