/**
 * The demo profile: demo users, groups and an election, and the player of the prosecutor's 2023 briefing
 * that fills a fresh demo database with its 34 cases.
 */
package kz.elections.violations.demo;
