/** The public page of one evidence entry (English; `pagePath` adds a locale prefix). */
export function evidencePath(id: number): string {
  return `/evidence/${id}`;
}
