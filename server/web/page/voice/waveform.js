// The protocol's waveform (docs/protocol.md section 6): 100 values of 0-31, the peak envelope
// normalised to the clip's loudest point, packed 5 bits each, least significant bit first, into
// 63 bytes sent as base64.

export const POINTS = 100;

export function envelope(samples) {
  const peaks = new Float32Array(POINTS);
  const per = samples.length / POINTS;
  for (let i = 0; i < POINTS; i++) {
    let peak = 0;
    for (let j = Math.floor(i * per); j < Math.floor((i + 1) * per); j++) peak = Math.max(peak, Math.abs(samples[j]));
    peaks[i] = peak;
  }
  const loudest = Math.max(...peaks) || 1;
  return Array.from(peaks, (p) => Math.round((p / loudest) * 31));
}

export function pack(values) {
  const bytes = new Uint8Array(63);
  values.forEach((v, i) => {
    for (let b = 0; b < 5; b++) {
      const k = i * 5 + b;
      if ((v >> b) & 1) bytes[k >> 3] |= 1 << (k & 7);
    }
  });
  return btoa(String.fromCharCode(...bytes));
}

export function unpack(base64) {
  if (!base64) return null;
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  if (bytes.length !== 63) return null;
  return Array.from({ length: POINTS }, (_, i) => {
    let v = 0;
    for (let b = 0; b < 5; b++) {
      const k = i * 5 + b;
      if ((bytes[k >> 3] >> (k & 7)) & 1) v |= 1 << b;
    }
    return v;
  });
}
