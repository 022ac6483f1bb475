// What the representative sees, kept in step with the server: departments, their own
// consultations and messages (and transcripts of voice messages), pulled through sync streams
// (docs/protocol.md section 7) and updated by live events. Replies typed here go through an
// outbox kept in localStorage until the server acknowledges them, so a reload, a lost
// connection or a server restart neither loses nor repeats one (message.send is idempotent by
// clientMsgId).

import { newClientId } from './client.js';

const OUTBOX_KEY = 'consult.rep.outbox';
// Codes after which resending cannot help: the entry is kept, marked, and shown as not sent.
const FINAL_CODES = new Set(['forbidden', 'not_found', 'conflict', 'too_large', 'bad_request', 'bad_audio']);

export class Store extends EventTarget {
  constructor(client) {
    super();
    this.client = client;
    this.reset();
    this.outbox = loadOutbox();
    this.flushing = false;
  }

  reset() {
    this.departments = new Map();
    this.consultations = new Map();
    this.messages = new Map(); // consultationId -> Map(messageId -> message)
    this.transcripts = new Map(); // messageId -> transcript
    this.cursors = {};
    this.loaded = false;
  }

  changed(what) {
    this.dispatchEvent(new CustomEvent('changed', { detail: what }));
  }

  // Pulls every stream from its cursor; called after each sign-in or resume.
  async sync() {
    const streams = ['departments', 'consultations', 'messages'];
    if ((this.client.hello?.features || []).includes('transcripts')) streams.push('transcripts');
    for (const stream of streams) {
      let more = true;
      while (more) {
        const page = await this.client.call('sync.pull', {
          stream,
          cursor: this.cursors[stream] || '',
          limit: 500,
        });
        for (const item of page.items) this.apply(stream, item);
        for (const id of page.removed || []) this.consultations.delete(id);
        this.cursors[stream] = page.cursor;
        more = page.more;
      }
    }
    this.loaded = true;
    this.changed('all');
    this.flush();
  }

  apply(stream, item) {
    if (stream === 'departments') this.departments.set(item.id, item);
    else if (stream === 'consultations') this.consultations.set(item.id, item);
    else if (stream === 'messages') this.addMessage(item);
    else if (stream === 'transcripts') this.transcripts.set(item.messageId, item);
  }

  addMessage(message) {
    if (!this.messages.has(message.consultationId)) this.messages.set(message.consultationId, new Map());
    this.messages.get(message.consultationId).set(message.id, message);
    // The acknowledgement may be lost with the connection; the message itself proves delivery.
    if (message.clientMsgId) this.dropFromOutbox(message.clientMsgId);
  }

  onEvent({ event, data }) {
    if (event === 'consultation.created' || event === 'consultation.updated') {
      this.consultations.set(data.consultation.id, data.consultation);
      this.changed({ consultationId: data.consultation.id });
    } else if (event === 'consultation.removed') {
      this.consultations.delete(data.consultationId);
      this.changed('all');
    } else if (event === 'message.created') {
      this.addMessage(data.message);
      this.changed({ consultationId: data.message.consultationId, message: data.message });
    } else if (event === 'transcript.updated') {
      this.transcripts.set(data.transcript.messageId, data.transcript);
      this.changed({ transcript: data.transcript });
    }
  }

  // Consultations newest first.
  consultationList() {
    return [...this.consultations.values()].sort((a, b) => b.createdAt - a.createdAt);
  }

  messagesOf(consultationId) {
    const byId = this.messages.get(consultationId);
    return byId ? [...byId.values()].sort((a, b) => a.id - b.id) : [];
  }

  // The last thing someone said (system entries are what the state already shows).
  lastMessage(consultationId) {
    const list = this.messagesOf(consultationId).filter((m) => m.kind !== 'system');
    return list.length ? list[list.length - 1] : null;
  }

  pendingOf(consultationId) {
    return this.outbox.filter((e) => e.consultationId === consultationId);
  }

  // `clientId`: one per form, so that submitting again after a lost answer opens nothing twice.
  async openConsultation(departmentId, subject, clientId) {
    const result = await this.client.call('consultation.create', { departmentId, subject, clientId });
    this.consultations.set(result.consultation.id, result.consultation);
    this.changed({ consultationId: result.consultation.id });
    return result.consultation;
  }

  // Queues a text reply; it is sent now if online, else after reconnecting.
  sendText(consultationId, text) {
    return this.queue(consultationId, { text });
  }

  // Queues a voice message ({bytes, durationMs, waveform} from the recorder) like a text.
  sendVoice(consultationId, clip) {
    const { durationMs, waveform } = clip;
    return this.queue(consultationId, { kind: 'voice', data: toBase64(clip.bytes), durationMs, waveform });
  }

  queue(consultationId, content) {
    const entry = {
      ...content,
      clientMsgId: newClientId(),
      repId: this.client.principal.id,
      consultationId,
      at: Date.now(),
    };
    this.outbox.push(entry);
    saveOutbox(this.outbox);
    this.changed({ consultationId });
    this.flush();
    return entry;
  }

  // voice.begin, the chunks, voice.commit (docs/protocol.md section 8); a repeated clientMsgId
  // is answered with the stored message, so a resend after a lost answer stores nothing twice.
  async uploadVoice(entry) {
    const bytes = fromBase64(entry.data);
    const begin = await this.client.call('voice.begin', {
      consultationId: entry.consultationId,
      clientMsgId: entry.clientMsgId,
      bytes: bytes.length,
      durationMs: entry.durationMs,
      waveform: entry.waveform,
    });
    if (begin.message) return begin.message;
    for (let offset = 0; offset < bytes.length; offset += begin.chunkBytes) {
      const data = bytes.subarray(offset, offset + begin.chunkBytes);
      const frame = new Uint8Array(12 + data.length);
      frame.set([0x56, 0x43, 0x48, 0x31]); // "VCH1"
      new DataView(frame.buffer).setUint32(4, begin.transferId);
      new DataView(frame.buffer).setUint32(8, offset);
      frame.set(data, 12);
      this.client.sendBinary(frame);
    }
    await this.client.drained();
    const committed = await this.client.call('voice.commit', { transferId: begin.transferId });
    return committed.message;
  }

  discard(clientMsgId) {
    const entry = this.outbox.find((e) => e.clientMsgId === clientMsgId);
    this.dropFromOutbox(clientMsgId);
    if (entry) this.changed({ consultationId: entry.consultationId });
  }

  dropFromOutbox(clientMsgId) {
    const before = this.outbox.length;
    this.outbox = this.outbox.filter((e) => e.clientMsgId !== clientMsgId);
    if (this.outbox.length !== before) saveOutbox(this.outbox);
  }

  // Sends what waits, in order, one at a time; stops at the first connection failure. Called
  // while already sending (a text typed during a voice upload), it has the running pass go round
  // again for what was added.
  async flush() {
    if (this.flushing) {
      this.flushAgain = true;
      return;
    }
    if (!this.client.online || !this.client.principal) return;
    this.flushing = true;
    try {
      do {
        this.flushAgain = false;
        if (!(await this.sendWaiting())) break;
      } while (this.flushAgain);
    } finally {
      this.flushing = false;
    }
  }

  // One pass over the outbox; false when the connection failed under it.
  async sendWaiting() {
    for (const entry of [...this.outbox]) {
      if (!this.client.principal) return false; // signed out meanwhile
      // Gone already (its message came back as an event), failed for good, or another
      // representative's, left on a shared phone: theirs to send when they sign in.
      if (!this.outbox.includes(entry) || entry.failed || entry.repId !== this.client.principal.id) continue;
      try {
        const message = entry.kind === 'voice'
          ? await this.uploadVoice(entry)
          : (await this.client.call('message.send', {
            consultationId: entry.consultationId,
            clientMsgId: entry.clientMsgId,
            text: entry.text,
          })).message;
        this.addMessage(message);
        this.changed({ consultationId: entry.consultationId, message });
      } catch (e) {
        if (!FINAL_CODES.has(e.code)) return false;
        entry.failed = e.code;
        entry.failedDetails = e.details;
        saveOutbox(this.outbox);
        this.changed({ consultationId: entry.consultationId });
      }
    }
    return true;
  }

  async rate(consultationId, rating, comment) {
    const result = await this.client.call('consultation.rate', { consultationId, rating, comment });
    this.consultations.set(result.consultation.id, result.consultation);
    this.changed({ consultationId });
  }
}

function toBase64(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function loadOutbox() {
  try {
    const list = JSON.parse(localStorage.getItem(OUTBOX_KEY) || '[]');
    return Array.isArray(list) ? list : [];
  } catch (e) {
    return [];
  }
}

// A full storage (many long clips) keeps the entries in memory: they are still sent while the
// page is open, only not after a reload.
function saveOutbox(list) {
  try {
    localStorage.setItem(OUTBOX_KEY, JSON.stringify(list));
  } catch (e) {
    console.warn('the outbox could not be saved:', e.message);
  }
}
