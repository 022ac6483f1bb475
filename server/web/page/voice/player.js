// Playing a voice message in the page: the clip fetched once over the protocol (voice.fetch and
// its binary chunks), decoded here (Safari does not reliably play Ogg Opus itself: WebCodecs'
// AudioDecoder, or libopus in WebAssembly from npm's opus-decoder where there is none), and
// played as 16-bit WAV through an <audio> element, whose playbackRate keeps the pitch at 1.5x
// and 2x.

import { concat, readOggOpus } from './ogg.js';

const clips = new Map(); // messageId -> Promise<Blob URL>

function readChunk(buffer) {
  const bytes = new Uint8Array(buffer);
  if (bytes.length < 13 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'VCH1') return null;
  const view = new DataView(buffer);
  return { transferId: view.getUint32(4), offset: view.getUint32(8), data: bytes.subarray(12) };
}

async function fetchClip(client, messageId) {
  const received = [];
  let expected = Infinity;
  let transferId = null;
  let resolveDone;
  const done = new Promise((resolve) => {
    resolveDone = resolve;
  });
  const onBinary = ({ detail }) => {
    const chunk = readChunk(detail);
    if (!chunk || (transferId !== null && chunk.transferId !== transferId)) return;
    received.push(chunk);
    if (received.reduce((n, c) => n + c.data.length, 0) >= expected) resolveDone();
  };
  // Listening before asking: the chunks follow the answer at once.
  client.addEventListener('binary', onBinary);
  try {
    const result = await client.call('voice.fetch', { messageId });
    transferId = result.transferId;
    expected = result.bytes;
    const mine = received.filter((c) => c.transferId === transferId);
    received.length = 0;
    received.push(...mine);
    if (mine.reduce((n, c) => n + c.data.length, 0) >= expected) resolveDone();
    await Promise.race([
      done,
      new Promise((_, reject) => setTimeout(() => reject(new Error('the clip did not arrive')), 30000)),
    ]);
  } finally {
    client.removeEventListener('binary', onBinary);
  }
  const clip = new Uint8Array(expected);
  for (const c of received) clip.set(c.data, c.offset);
  return clip;
}

let wasmDecoderScript = null;
function loadWasmDecoder() {
  // A classic script (UMD) that sets globalThis['opus-decoder']; loaded once, when first needed.
  wasmDecoderScript ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/vendor/opus-decoder.min.js';
    script.onload = () => resolve(globalThis['opus-decoder']);
    script.onerror = () => {
      wasmDecoderScript = null;
      reject(new Error('the WebAssembly decoder did not load'));
    };
    document.head.append(script);
  });
  return wasmDecoderScript;
}

async function decodeWithWasm(preSkip, packets) {
  const { OpusDecoder } = await loadWasmDecoder();
  const decoder = new OpusDecoder({ channels: 1, preSkip });
  await decoder.ready;
  try {
    const { channelData, samplesDecoded } = decoder.decodeFrames(packets);
    return channelData[0].subarray(0, samplesDecoded);
  } finally {
    decoder.free();
  }
}

export async function decodeOggOpus(bytes) {
  const { head, preSkip, packets } = readOggOpus(bytes);
  if (typeof AudioDecoder !== 'function') return decodeWithWasm(preSkip, packets);
  const pieces = [];
  let failure = null;
  const decoder = new AudioDecoder({
    output: (data) => {
      const samples = new Float32Array(data.numberOfFrames);
      data.copyTo(samples, { planeIndex: 0, format: 'f32-planar' });
      pieces.push(samples);
      data.close();
    },
    error: (e) => {
      failure = e;
    },
  });
  decoder.configure({ codec: 'opus', sampleRate: 48000, numberOfChannels: 1, description: head });
  let timestamp = 0;
  for (const packet of packets) {
    decoder.decode(new EncodedAudioChunk({ type: 'key', timestamp, data: packet }));
    timestamp += 20000;
  }
  await decoder.flush();
  decoder.close();
  if (failure) throw failure;
  const pcm = concat(pieces, Float32Array);
  return pcm.subarray(Math.min(preSkip, pcm.length));
}

function wav(samples, rate = 48000) {
  const out = new DataView(new ArrayBuffer(44 + samples.length * 2));
  const text = (at, s) => [...s].forEach((c, i) => out.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  out.setUint32(4, 36 + samples.length * 2, true);
  text(8, 'WAVEfmt ');
  out.setUint32(16, 16, true);
  out.setUint16(20, 1, true); // PCM
  out.setUint16(22, 1, true); // mono
  out.setUint32(24, rate, true);
  out.setUint32(28, rate * 2, true);
  out.setUint16(32, 2, true);
  out.setUint16(34, 16, true);
  text(36, 'data');
  out.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => out.setInt16(44 + i * 2, Math.max(-1, Math.min(1, s)) * 0x7fff, true));
  return new Blob([out.buffer], { type: 'audio/wav' });
}

// Decoded clips kept as playable addresses: the last few, freed as newer ones come (a decoded
// two-minute clip is 11.5 MB of WAV).
const CACHED_CLIPS = 6;

// A playable address for the message's clip, fetched and decoded once while it stays cached.
export function clipUrl(client, messageId) {
  if (clips.has(messageId)) {
    const url = clips.get(messageId);
    clips.delete(messageId); // most recently used last
    clips.set(messageId, url);
    return url;
  }
  const url = fetchClip(client, messageId)
    .then(decodeOggOpus)
    .then((pcm) => URL.createObjectURL(wav(pcm)));
  url.catch(() => clips.delete(messageId));
  clips.set(messageId, url);
  while (clips.size > CACHED_CLIPS) {
    const [oldest, oldUrl] = clips.entries().next().value;
    clips.delete(oldest);
    oldUrl.then((address) => {
      if (audio.src !== address) URL.revokeObjectURL(address);
    }, () => {});
  }
  return url;
}

// One <audio> for the page: starting a message stops the one playing. The bubbles follow it
// through events on `player` ('state': {messageId, playing, progress}), so a bubble redrawn
// while its message plays shows that it plays.
const audio = new Audio();
audio.preservesPitch = true;
export const player = new EventTarget();
let current = null; // the message id playing or loading
let attempt = 0;

function announce(messageId, playing, progress = 0) {
  player.dispatchEvent(new CustomEvent('state', { detail: { messageId, playing, progress } }));
}

audio.addEventListener('timeupdate', () => {
  if (current !== null && audio.duration) announce(current, true, audio.currentTime / audio.duration);
});
audio.addEventListener('ended', () => stop());

export async function play(client, messageId, rate = 1) {
  stop();
  const mine = ++attempt;
  current = messageId;
  announce(messageId, true);
  try {
    const url = await clipUrl(client, messageId);
    if (mine !== attempt) return; // another message was started meanwhile
    audio.src = url;
    audio.playbackRate = rate;
    await audio.play();
  } catch (e) {
    if (mine === attempt) stop();
    throw e;
  }
}

export function setRate(rate) {
  audio.playbackRate = rate;
}

export function stop() {
  attempt += 1;
  const was = current;
  current = null;
  audio.pause();
  if (was !== null) announce(was, false);
}

export function playingMessage() {
  return current;
}
