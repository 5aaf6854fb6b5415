import type { Answers } from './answers.js';

/** The answers that say officials or state forces may take part in trafficking or protect traffickers. */
const COMPLICITY = ['suspected', 'documented'];

/**
 * Officials suspected or documented as complicit: what is written must not reach the
 * authorities (a banner on the report, a warning on every page of a Word file, humanitarian
 * members only in a terms of reference, no case information to the state).
 */
export function officialsComplicit(answers: Readonly<Answers>): boolean {
  return COMPLICITY.includes(String(answers.officialComplicity));
}
