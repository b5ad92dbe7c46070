/**
 * Flyway migrations of the application's tables written in Java: the ones whose statements differ between
 * H2 and PostgreSQL (V10, the evidence's binary column). Flyway finds them in {@code classpath:db/migration}
 * beside the SQL migrations of {@code src/main/resources/db/migration}, in one order of versions.
 */
package db.migration;
