/** The most a slug may be (the API's slug rule, server/schemas/common.ts). */
export const MAX_SLUG_LENGTH = 120;

/**
 * The slug an admin is offered for a name (issue 14): what the address of the person's or
 * election's page will say. Accents are dropped (José → jose), anything that is not a letter
 * or digit becomes one hyphen, and it never starts or ends with one, so it always passes the
 * API's slug rule when the name has any letter or digit. The admin may still edit it.
 */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
}
