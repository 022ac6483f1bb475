// The consultation protocol (docs/protocol.md) as the page speaks it: one WebSocket that
// reconnects by itself with backoff, greets, resumes its session with the stored token, and
// answers requests by id. Knows nothing of the screens; app.js listens to its events.

const PROTOCOL_VERSIONS = [1];
const CLIENT_NAME = 'representative-page/1';
const REQUEST_TIMEOUT_MS = 20000;
// A socket not open by then is given up and tried again (a dead network can hold it for minutes).
const OPEN_TIMEOUT_MS = 10000;

export class ProtocolError extends Error {
  constructor(code, message, details) {
    super(message || code);
    this.code = code;
    this.details = details || {};
  }
}

// Events: 'state' ({detail: 'connecting' | 'online' | 'offline'}), 'signedin' ({detail: result}),
// 'signedout' ({detail: reason code}), 'event' ({detail: {event, data}}), 'binary' (ArrayBuffer).
export class ProtocolClient extends EventTarget {
  constructor(url, tokenStore) {
    super();
    this.url = url;
    this.tokens = tokenStore;
    this.ws = null;
    this.nextId = 1;
    this.pending = new Map();
    this.state = 'offline';
    this.hello = null;
    this.principal = null;
    this.retryMs = 500;
    this.stopped = true;
    this.retryTimer = null;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    if (this.ws) this.ws.close(1000);
  }

  // After the network comes back (the browser's 'online' event), try at once, also instead of
  // an attempt still opening on the network that went away.
  retryNow() {
    if (this.stopped || this.state === 'online') return;
    clearTimeout(this.retryTimer);
    if (this.ws && this.ws.readyState === WebSocket.CONNECTING) {
      const stale = this.ws;
      this.ws = null;
      stale.onclose = null;
      stale.close();
    }
    this.connect();
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: state }));
  }

  connect() {
    this.setState('connecting');
    let ws;
    try {
      ws = new WebSocket(this.url);
    } catch (e) {
      this.scheduleRetry();
      return;
    }
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    const openTimer = setTimeout(() => {
      if (ws.readyState === WebSocket.CONNECTING) ws.close();
    }, OPEN_TIMEOUT_MS);
    ws.onopen = () => {
      clearTimeout(openTimer);
      this.greet();
    };
    ws.onmessage = (m) => this.receive(m.data);
    ws.onclose = (e) => {
      clearTimeout(openTimer);
      this.closed(ws, e.code);
    };
  }

  async greet() {
    try {
      this.hello = await this.call('hello', { versions: PROTOCOL_VERSIONS, client: CLIENT_NAME });
      const token = this.tokens.load();
      if (token) {
        try {
          const result = await this.call('auth.resume', { token });
          this.signedIn(result);
        } catch (e) {
          if (e.code === 'token_invalid' || e.code === 'token_expired') {
            this.tokens.clear();
            this.principal = null;
            this.dispatchEvent(new CustomEvent('signedout', { detail: e.code }));
          } else {
            throw e;
          }
        }
      }
      this.retryMs = 500;
      this.setState('online');
    } catch (e) {
      if (this.ws) this.ws.close(4000);
    }
  }

  signedIn(result) {
    this.principal = result.principal;
    this.tokens.save(result.token);
    this.dispatchEvent(new CustomEvent('signedin', { detail: result }));
  }

  async signIn(user, password) {
    const result = await this.call('auth.repLogin', { user, password });
    this.signedIn(result);
    return result;
  }

  async signOut() {
    try {
      await this.call('auth.logout', {});
    } finally {
      this.tokens.clear();
      this.principal = null;
    }
  }

  closed(ws, code) {
    if (ws !== this.ws) return;
    this.ws = null;
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(new ProtocolError('offline', 'the connection closed'));
    }
    this.pending.clear();
    this.setState('offline');
    if (code === 4003) {
      this.tokens.clear();
      this.principal = null;
      this.dispatchEvent(new CustomEvent('signedout', { detail: 'session_revoked' }));
    }
    if (!this.stopped) this.scheduleRetry();
  }

  scheduleRetry() {
    this.setState('offline');
    // Spread reconnects of many phones after a server restart (full jitter).
    const delay = Math.random() * this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 15000);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  receive(data) {
    if (typeof data !== 'string') {
      this.dispatchEvent(new CustomEvent('binary', { detail: data }));
      return;
    }
    let frame;
    try {
      frame = JSON.parse(data);
    } catch (e) {
      return;
    }
    if (frame.type === 'evt') {
      this.dispatchEvent(new CustomEvent('event', { detail: { event: frame.event, data: frame.data } }));
      return;
    }
    const waiting = this.pending.get(frame.id);
    if (!waiting) return;
    this.pending.delete(frame.id);
    clearTimeout(waiting.timer);
    if (frame.type === 'res') waiting.resolve(frame.result);
    else waiting.reject(new ProtocolError(frame.code, frame.message, frame.details));
  }

  // A request; rejects with ProtocolError ('offline' when there is no connection).
  call(method, params = {}) {
    return new Promise((resolve, reject) => {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
        reject(new ProtocolError('offline', 'not connected'));
        return;
      }
      const id = String(this.nextId++);
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ProtocolError('timeout', 'no answer in time'));
        // A server that does not answer is as good as gone: start over.
        if (this.ws) this.ws.close(4000);
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.ws.send(JSON.stringify({ type: 'req', id, method, params }));
    });
  }

  // Resolves once everything sent has left the phone (a clip on a slow uplink can take longer
  // than a request's timeout, which should only start counting after that).
  async drained() {
    while (this.ws && this.ws.readyState === WebSocket.OPEN && this.ws.bufferedAmount > 0) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) throw new ProtocolError('offline', 'the connection closed');
  }

  sendBinary(bytes) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) throw new ProtocolError('offline');
    this.ws.send(bytes);
  }

  get online() {
    return this.state === 'online';
  }
}

// Where the page keeps its session token. localStorage, because a page has no keychain; the
// server gives representatives a shorter lifetime than officers for that reason (docs/web.md).
export const tokenStore = {
  key: 'consult.rep.token',
  load() {
    return localStorage.getItem(this.key);
  },
  save(token) {
    localStorage.setItem(this.key, token);
  },
  clear() {
    localStorage.removeItem(this.key);
  },
};

export function socketUrl(location) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

// A random id for idempotent requests. getRandomValues, not randomUUID: the latter exists only
// on https pages, and a test site may be served over plain http on a LAN address.
export function newClientId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
