/**
 * Fines and their prices: the offence catalogue (DMN), MCI rates per year, public holidays and working
 * days for payment deadlines.
 */
package kz.elections.violations.sanctions;
