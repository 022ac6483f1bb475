// A voice message from the microphone: 20 ms frames from an AudioWorklet, encoded to Opus as
// they come, wrapped in Ogg at the end. Events: 'level' (detail: 0..1 peak of the last frame),
// 'tick' (detail: milliseconds recorded), 'limit' (the maximum was reached; stop() follows).

import { createEncoder } from './encoder.js';
import { writeOggOpus } from './ogg.js';
import { envelope, pack } from './waveform.js';

export const MIN_MS = 1000;

export class RecordingError extends Error {
  constructor(code, message) {
    super(message || code);
    this.code = code; // 'denied' | 'no_microphone' | 'too_short' | 'no_encoder' | 'failed'
  }
}

export class VoiceRecorder extends EventTarget {
  constructor({ maxMs = 60000, encoderFactory = createEncoder } = {}) {
    super();
    this.maxMs = maxMs;
    this.encoderFactory = encoderFactory;
    this.frames = [];
    this.state = 'idle';
  }

  get elapsedMs() {
    return this.frames.length * 20;
  }

  async start() {
    this.state = 'starting';
    try {
      // A message, not a call: there is no far end to cancel, and browsers' noise suppression
      // is tuned for calls (it wears down steady sounds and low voices alike); level is kept.
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: true },
      });
    } catch (e) {
      this.state = 'idle';
      if (e.name === 'NotAllowedError' || e.name === 'SecurityError') throw new RecordingError('denied', e.message);
      throw new RecordingError('no_microphone', e.message);
    }
    try {
      this.encoder = await this.encoderFactory();
      this.context = new AudioContext({ sampleRate: 48000 });
      await this.context.audioWorklet.addModule('/voice/recorder-worklet.js');
      const source = this.context.createMediaStreamSource(this.stream);
      this.node = new AudioWorkletNode(this.context, 'frame-recorder');
      // Silent, but connected: a node that reaches no destination may not be processed.
      const mute = this.context.createGain();
      mute.gain.value = 0;
      source.connect(this.node).connect(mute).connect(this.context.destination);
      this.node.port.onmessage = ({ data }) => this.onFrame(data);
      await this.context.resume();
    } catch (e) {
      this.release();
      throw e.code ? e : new RecordingError('failed', e.message);
    }
    if (this.state === 'cancelled') {
      this.release();
      this.encoder.close();
      return;
    }
    this.state = 'recording';
  }

  onFrame({ samples, peak }) {
    if (this.state !== 'recording') return;
    this.frames.push(samples);
    this.encoder.encode(samples);
    this.dispatchEvent(new CustomEvent('level', { detail: peak }));
    this.dispatchEvent(new CustomEvent('tick', { detail: this.elapsedMs }));
    // 100 ms short of the limit: the server measures the stream, not this count, and the encoders
    // end it a little differently (measured: the WebAssembly one's clips run 40 ms long).
    if (this.elapsedMs >= this.maxMs - 100) this.dispatchEvent(new CustomEvent('limit'));
  }

  // The clip: {bytes (Uint8Array, Ogg Opus), durationMs, waveform (base64)}.
  async stop() {
    if (this.state !== 'recording') {
      this.cancel();
      throw new RecordingError('too_short');
    }
    this.state = 'stopping';
    const durationMs = this.elapsedMs;
    const frames = this.frames;
    this.release();
    if (durationMs < MIN_MS) {
      this.encoder.close();
      throw new RecordingError('too_short');
    }
    const { packets, preSkip, ogg } = await this.encoder.finish();
    const samples = new Float32Array(frames.length * 960);
    frames.forEach((f, i) => samples.set(f, i * 960));
    const bytes = ogg ?? writeOggOpus(packets, { preSkip });
    return { bytes, durationMs, waveform: pack(envelope(samples)), encoder: this.encoder.name };
  }

  cancel() {
    const wasStarting = this.state === 'starting';
    this.state = 'cancelled';
    if (!wasStarting) {
      this.release();
      this.encoder?.close();
    }
  }

  release() {
    if (this.node) this.node.port.onmessage = null;
    this.stream?.getTracks().forEach((t) => t.stop());
    this.context?.close().catch(() => {});
    this.stream = null;
    this.context = null;
    this.node = null;
  }
}
