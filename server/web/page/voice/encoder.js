// Opus encoders for 20 ms mono frames at 48 kHz. WebCodecs' AudioEncoder where the browser has
// one (Chrome, Android WebView, Safari 26); otherwise libopus in WebAssembly (opus-recorder's
// encoder worker, from npm, served as /vendor/encoderWorker.min.js). finish() gives either raw
// packets for ogg.js to wrap, or, from the worker, the Ogg Opus file it wrapped itself.

import { concat } from './ogg.js';

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

// The worker answers 'ready' after init, a {message: 'page'} per Ogg page (the two header pages
// on request), and 'done' after the last page.
export async function createWasmEncoder() {
  const worker = new Worker('/vendor/encoderWorker.min.js');
  const pages = [];
  let onDone = null;
  let failed = null;
  const ready = new Promise((resolve, reject) => {
    worker.onerror = (e) => {
      failed = new Error(e.message || 'the WebAssembly encoder did not load');
      reject(failed);
    };
    worker.onmessage = ({ data }) => {
      if (data.message === 'ready') resolve();
      else if (data.message === 'page') pages.push(data.page);
      else if (data.message === 'done') onDone?.();
    };
  });
  worker.postMessage({
    command: 'init',
    encoderSampleRate: 48000,
    originalSampleRate: 48000,
    numberOfChannels: 1,
    encoderApplication: 2048, // OPUS_APPLICATION_VOIP: speech
    encoderFrameSize: 20,
    encoderBitRate: 32000,
    maxFramesPerPage: 50,
    resampleQuality: 3,
  });
  await ready;
  worker.postMessage({ command: 'getHeaderPages' });
  return {
    name: 'wasm',
    encode(samples) {
      worker.postMessage({ command: 'encode', buffers: [samples] });
    },
    async finish() {
      // The worker passes audio through a resampler (even at 48 kHz to 48 kHz) whose delay it does
      // not flush at the end: the last ~90 ms were lost (measured: 2.94 s out of 3.03 s). Five
      // frames of silence push them out.
      for (let i = 0; i < 5; i++) worker.postMessage({ command: 'encode', buffers: [new Float32Array(960)] });
      await new Promise((resolve, reject) => {
        onDone = resolve;
        if (failed) reject(failed);
        worker.postMessage({ command: 'done' });
      });
      worker.terminate();
      return { ogg: concat(pages) };
    },
    close() {
      worker.terminate();
    },
  };
}

export async function createEncoder() {
  if (webCodecsAvailable()) {
    try {
      return await createWebCodecsEncoder();
    } catch (e) {
      // A WebCodecs without Opus: the WebAssembly one below.
    }
  }
  try {
    return await createWasmEncoder();
  } catch (e) {
    throw Object.assign(new Error('no Opus encoder in this browser'), { code: 'no_encoder' });
  }
}
