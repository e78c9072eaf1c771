/**
 * Object keys in S3 event notifications are URL-encoded the way HTML forms are: a space arrives
 * as `+`, a literal `+` as `%2B`. Decode them before use; the local stack encodes them the same way.
 */
export function decodeS3EventKey(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}
