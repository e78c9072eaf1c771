/** A collection name: short, no spaces, safe in a URL and a file name ("wikinews-2019", "press_2024"). */
export const COLLECTION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const COLLECTION_RULE = 'a collection name is 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit';

export function isCollectionName(value: unknown): value is string {
  return typeof value === 'string' && COLLECTION_NAME.test(value);
}
