// The Welcome webapp's configuration for the election-violations application; it replaces the file of the
// same path in Camunda's webjar.

export default {
  // Kazakh, Russian or English, as the browser's first language asks; Russian when it asks for none of
  // them. The webapp takes the language part of navigator.languages[0] ("kk-KZ" gives "kk"). Dates are
  // written as the language's file sets them (its dateLocales: DD.MM.YYYY and HH:mm).
  locales: {
    availableLocales: ['kk', 'ru', 'en'],
    fallbackLocale: 'ru'
  }
};
