/** A domain error that carries its own HTTP status and stable code, for the one error handler. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Array<{ field: string; message: string }>,
  ) {
    super(message);
  }
}

export const notFound = (what: string, slug: string) => new HttpError(404, 'not-found', `No ${what} with slug "${slug}"`);

/** Why no evidence may name an archived person: the API's `subject` problem and the import row's. */
export const archivedSubjectMessage = (name: string) =>
  `${name} is archived, so no evidence can be logged about them; an admin can restore them first`;
