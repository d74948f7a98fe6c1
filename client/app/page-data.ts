/** Reads the JSON the server put in the page's non-executing data block; null when absent or unreadable. */
export function readPageData<T>(): T | null {
  const block = document.getElementById('page-data');
  if (!block?.textContent) return null;
  try {
    return JSON.parse(block.textContent) as T;
  } catch {
    return null;
  }
}
