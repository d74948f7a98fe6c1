import { z } from 'zod';
import { workspaceEn } from '../../i18n/workspace-en.js';

/**
 * The words, from the workspace catalog: a Spanish screen recognises them there and says them in
 * Spanish (client/workspace/api.ts problemInLanguage), so they are written once.
 */
const P = workspaceEn.problems;

/** What a value must be, by the type zod expected. */
const EXPECTED: Record<string, string> = {
  string: P.notText,
  number: P.notNumber,
  int: P.notWholeNumber,
  bigint: P.notWholeNumber,
  boolean: P.notTrueOrFalse,
  array: P.notList,
  object: P.notObject,
  date: P.notDay,
};

/** What a format check wanted, by zod's format name. */
const FORMATS: Record<string, string> = {
  email: P.notEmail,
  url: P.notWebAddress,
  date: P.notDay,
  datetime: P.notDateTime,
  uuid: P.notIdentifier,
};

type Bounded = { origin: string; inclusive?: boolean };

/** A length or size limit: characters of text, items of a list, or the number itself. */
function atLeast(issue: Bounded, min: unknown): string {
  if (issue.origin === 'string') return P.tooShort(Number(min));
  if (issue.origin === 'array' || issue.origin === 'set') return P.atLeastItems(Number(min));
  return issue.inclusive === false ? P.moreThan(String(min)) : P.atLeast(String(min));
}
function atMost(issue: Bounded, max: unknown): string {
  if (issue.origin === 'string') return P.tooLong(Number(max));
  if (issue.origin === 'array' || issue.origin === 'set') return P.atMostItems(Number(max));
  return issue.inclusive === false ? P.lessThan(String(max)) : P.atMost(String(max));
}

/**
 * The words a refusal names a field's problem with when its schema gives none: the API's
 * contract is a 400 naming the field "in words a person understands", and zod's own defaults
 * ("Invalid input: expected string, received number") are written for programmers. Schemas
 * that say something more specific (a missing rating, a future date) keep their own message;
 * an issue not listed here keeps zod's.
 */
export function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return P.required;
      return EXPECTED[issue.expected];
    case 'invalid_value':
      return issue.values.length === 1
        ? P.exactly(JSON.stringify(issue.values[0]))
        : P.oneOf(issue.values.map((v) => JSON.stringify(v)).join(', '));
    case 'too_small':
      return atLeast(issue, issue.minimum);
    case 'too_big':
      return atMost(issue, issue.maximum);
    case 'invalid_format':
      return FORMATS[issue.format] ?? P.wrongForm;
    case 'not_multiple_of':
      return issue.divisor === 1 ? P.notWholeNumber : P.multipleOf(String(issue.divisor));
    case 'unrecognized_keys':
      return P.unknownFields(issue.keys.join(', '));
    default:
      return undefined;
  }
}

// zod's configuration is process-wide: set once, when the server's code is first loaded.
z.config({ customError: plainMessage });
