import { describe, expect, it } from 'vitest';
import file from '../../../../examples/webhooks/signature-vectors.json';
import { signWebhook, verifyWebhook } from './webhookSignature';

interface Vector { name: string; secret: string; id: string; timestamp: string; body: string; signature: string }

// Produced and checked by the Java signer (api: WebhookSignatureTest); the first is the
// Standard Webhooks specification's own example.
const vectors: Vector[] = file.cases;

describe('webhook signatures', () => {
  it('has the vectors', () => expect(vectors.length).toBeGreaterThanOrEqual(2));

  for (const v of vectors) {
    const now = Number(v.timestamp) + 30;
    const headers = { id: v.id, timestamp: v.timestamp, signature: v.signature };

    it(`signs as the Java side does: ${v.name}`, async () => {
      expect(await signWebhook(v.secret, v.id, v.timestamp, v.body)).toBe(v.signature);
    });

    it(`accepts the vector and refuses any change: ${v.name}`, async () => {
      await expect(verifyWebhook(v.secret, headers, v.body, now)).resolves.toBeUndefined();
      // Several signatures during a rotation: one matching is enough.
      await expect(verifyWebhook(v.secret, { ...headers, signature: `v1,bm90IHRoaXM= ${v.signature}` }, v.body, now))
        .resolves.toBeUndefined();
      await expect(verifyWebhook(v.secret, headers, `${v.body} `, now)).rejects.toThrow('No webhook-signature matches');
      await expect(verifyWebhook(v.secret, { ...headers, id: `${v.id}x` }, v.body, now)).rejects.toThrow();
      await expect(verifyWebhook(v.secret, { ...headers, signature: v.signature.replace('v1,', 'v2,') }, v.body, now))
        .rejects.toThrow();
      await expect(verifyWebhook(v.secret, { ...headers, signature: null }, v.body, now)).rejects.toThrow('Missing');
      await expect(verifyWebhook(v.secret, headers, v.body, now + 600)).rejects.toThrow('too far from now');
    });
  }
});
