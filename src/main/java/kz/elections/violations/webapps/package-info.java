/**
 * The Camunda webapps as this product configures them: translations, configuration, styles.
 * <p>
 * The Kazakh and Russian translations of Tasklist, Cockpit, Admin and Welcome live under
 * {@code src/main/resources/META-INF/resources/webjars/camunda/app/<app>/locales/{kk,ru}.json}; the
 * application's classes come before the Camunda webjar on the class path, so the webapps load them from
 * {@code /camunda/app/<app>/locales/<lang>.json} beside Camunda's English and German files. A Kazakh or
 * English page also loads the fallback Russian file; {@code FallbackLocaleDates} serves that copy without
 * its date wording, so that the page's dates stay in its own language.
 */
package kz.elections.violations.webapps;
