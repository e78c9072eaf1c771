/**
 * The hashed n-gram weights are stored int8-quantised in base64 (one byte per bucket and one scale), which keeps
 * the weights file small; quantisation moves scores by well under 0.01.
 */

export interface EncodedWeights {
  scale: number;
  base64: string;
}

export function encodeWeights(weights: number[]): EncodedWeights {
  const max = weights.reduce((m, w) => Math.max(m, Math.abs(w)), 0) || 1;
  const scale = max / 127;
  const bytes = new Int8Array(weights.map((w) => Math.round(w / scale)));
  return { scale: Number(scale.toPrecision(6)), base64: Buffer.from(bytes.buffer).toString('base64') };
}

export function decodeWeights({ scale, base64 }: EncodedWeights): Float32Array {
  const bytes = new Int8Array(Buffer.from(base64, 'base64'));
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] * scale;
  return out;
}
