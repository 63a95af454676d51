// Verifies a Kyoso webhook (Standard Webhooks v1) with Web Crypto alone, in Node 20+ or a
// browser-like runtime: copy this file into the receiving system. Give it the secret shown when
// the endpoint was registered (whsec_...), the three headers and the raw body exactly as received.
//
//   await verifyWebhook(secret, { id, timestamp, signature }, rawBody); // throws when not from Kyoso
//
// Tested against the vectors the Java side produces (examples/webhooks/signature-vectors.json).

export interface WebhookHeaders {
  /** webhook-id */
  id: string | null | undefined;
  /** webhook-timestamp: seconds since the epoch */
  timestamp: string | null | undefined;
  /** webhook-signature: one or more space-separated "v1,<base64>" */
  signature: string | null | undefined;
}

/** How far (seconds) the timestamp may be from now: older messages are refused as replays. */
export const TOLERANCE_SECONDS = 5 * 60;

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** "v1," + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)); key: the base64 after whsec_. */
export async function signWebhook(secret: string, id: string, timestamp: string, body: string): Promise<string> {
  if (!secret.startsWith('whsec_')) throw new Error('A Kyoso webhook secret starts with whsec_');
  const key = await crypto.subtle.importKey('raw', base64ToBytes(secret.slice('whsec_'.length)),
    { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const digest = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  return `v1,${bytesToBase64(new Uint8Array(digest))}`;
}

/** Compares in time independent of where the first difference is. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Resolves when one signature matches and the timestamp is recent; rejects otherwise. */
export async function verifyWebhook(secret: string, headers: WebhookHeaders, body: string,
  nowSeconds: number = Math.floor(Date.now() / 1000)): Promise<void> {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) throw new Error('Missing webhook-id, webhook-timestamp or webhook-signature');
  const seconds = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || !Number.isSafeInteger(seconds)) throw new Error('webhook-timestamp is not a number of seconds');
  if (Math.abs(nowSeconds - seconds) > TOLERANCE_SECONDS) throw new Error('webhook-timestamp is too far from now');
  const expected = await signWebhook(secret, id, timestamp, body);
  if (!signature.split(' ').some((candidate) => sameText(candidate, expected))) {
    throw new Error('No webhook-signature matches');
  }
}
