// Runs on the audio thread: gathers the microphone's 128-sample blocks into 20 ms frames
// (960 samples at 48 kHz) and posts each to the page with its peak level.
class FrameRecorder extends AudioWorkletProcessor {
  constructor() {
    super();
    this.frame = new Float32Array(960);
    this.filled = 0;
  }

  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    if (!channel) return true;
    let at = 0;
    while (at < channel.length) {
      const n = Math.min(channel.length - at, this.frame.length - this.filled);
      this.frame.set(channel.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === this.frame.length) {
        let peak = 0;
        for (const s of this.frame) peak = Math.max(peak, Math.abs(s));
        this.port.postMessage({ samples: this.frame, peak }, [this.frame.buffer]);
        this.frame = new Float32Array(960);
        this.filled = 0;
      }
    }
    return true;
  }
}

registerProcessor('frame-recorder', FrameRecorder);
