// Opus encoders for 20 ms mono frames at 48 kHz. WebCodecs' AudioEncoder where the browser has
// one (Chrome, Android WebView, Safari 26). Each returns raw Opus packets for ogg.js to wrap.

export function webCodecsAvailable() {
  return typeof AudioEncoder === 'function' && typeof AudioData === 'function';
}

export async function createWebCodecsEncoder() {
  const packets = [];
  let preSkip = 312; // libopus's look-ahead at 48 kHz, unless the encoder tells its own
  let failure = null;
  const encoder = new AudioEncoder({
    output: (chunk, metadata) => {
      const packet = new Uint8Array(chunk.byteLength);
      chunk.copyTo(packet);
      packets.push(packet);
      const description = metadata?.decoderConfig?.description;
      if (description && description.byteLength >= 12) {
        const head = new Uint8Array(description instanceof ArrayBuffer ? description : description.buffer);
        if (new TextDecoder().decode(head.subarray(0, 8)) === 'OpusHead') {
          preSkip = new DataView(head.buffer, head.byteOffset).getUint16(10, true);
        }
      }
    },
    error: (e) => {
      failure = e;
    },
  });
  const config = {
    codec: 'opus',
    sampleRate: 48000,
    numberOfChannels: 1,
    bitrate: 32000,
    opus: { frameDuration: 20000, application: 'voip' },
  };
  const { supported } = await AudioEncoder.isConfigSupported(config);
  if (!supported) throw new Error('this browser cannot encode Opus');
  encoder.configure(config);
  let frames = 0;
  return {
    name: 'webcodecs',
    encode(samples) {
      const data = new AudioData({
        format: 'f32-planar',
        sampleRate: 48000,
        numberOfFrames: samples.length,
        numberOfChannels: 1,
        timestamp: frames * 20000,
        data: samples,
      });
      frames += 1;
      encoder.encode(data);
      data.close();
    },
    async finish() {
      await encoder.flush();
      encoder.close();
      if (failure) throw failure;
      return { packets, preSkip };
    },
    close() {
      if (encoder.state !== 'closed') encoder.close();
    },
  };
}

export async function createEncoder() {
  if (webCodecsAvailable()) return createWebCodecsEncoder();
  throw Object.assign(new Error('no Opus encoder in this browser'), { code: 'no_encoder' });
}
