// Ogg Opus (RFC 7845 on RFC 3533) written and read in the page: the one format the server
// accepts, produced from the encoder's raw 20 ms packets, and read back into packets for the
// decoder. Written here rather than taken from npm: the container is a few dozen lines, and
// the npm recorders that include one bring their own encoder and audio graph with it.

const SAMPLE_RATE = 48000;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

function crc32(bytes) {
  let crc = 0;
  for (const b of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xff]) >>> 0;
  return crc;
}

// One page holding whole packets (each under 255 x 255 bytes, as 20 ms Opus packets are).
function page(packets, { granule, serial, sequence, first = false, last = false }) {
  const lacing = [];
  for (const p of packets) {
    let n = p.length;
    while (n >= 255) {
      lacing.push(255);
      n -= 255;
    }
    lacing.push(n);
  }
  const bodyLength = packets.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(27 + lacing.length + bodyLength);
  const view = new DataView(out.buffer);
  out.set([0x4f, 0x67, 0x67, 0x53]); // "OggS"
  out[5] = (first ? 0x02 : 0) | (last ? 0x04 : 0);
  view.setBigInt64(6, BigInt(granule), true);
  view.setUint32(14, serial, true);
  view.setUint32(18, sequence, true);
  out[26] = lacing.length;
  out.set(lacing, 27);
  let at = 27 + lacing.length;
  for (const p of packets) {
    out.set(p, at);
    at += p.length;
  }
  view.setUint32(22, crc32(out), true);
  return out;
}

export function opusHead(preSkip, inputRate = SAMPLE_RATE) {
  const head = new Uint8Array(19);
  const view = new DataView(head.buffer);
  head.set(new TextEncoder().encode('OpusHead'));
  head[8] = 1; // version
  head[9] = 1; // mono
  view.setUint16(10, preSkip, true);
  view.setUint32(12, inputRate, true);
  return head; // output gain 0, channel mapping family 0
}

function opusTags() {
  const vendor = new TextEncoder().encode('representative-page');
  const tags = new Uint8Array(8 + 4 + vendor.length + 4);
  tags.set(new TextEncoder().encode('OpusTags'));
  new DataView(tags.buffer).setUint32(8, vendor.length, true);
  tags.set(vendor, 12);
  return tags; // no user comments
}

// Packets of 20 ms (960 samples at 48 kHz) into an Ogg Opus file; about one page a second.
export function writeOggOpus(packets, { preSkip = 312, samplesPerPacket = 960 } = {}) {
  const serial = crypto.getRandomValues(new Uint32Array(1))[0];
  const pages = [
    page([opusHead(preSkip)], { granule: 0, serial, sequence: 0, first: true }),
    page([opusTags()], { granule: 0, serial, sequence: 1 }),
  ];
  let sequence = 2;
  let granule = preSkip;
  for (let i = 0; i < packets.length; i += 50) {
    const group = packets.slice(i, i + 50);
    granule += group.length * samplesPerPacket;
    pages.push(page(group, { granule, serial, sequence: sequence++, last: i + 50 >= packets.length }));
  }
  return concat(pages);
}

// One array of several, in order (Ogg pages into a file, decoded pieces into a clip).
export function concat(parts, Type = Uint8Array) {
  const out = new Type(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// The packets of the first logical stream of an Ogg file, and its OpusHead's pre-skip.
export function readOggOpus(bytes) {
  const packets = [];
  let pending = [];
  let at = 0;
  while (at + 27 <= bytes.length) {
    if (bytes[at] !== 0x4f || bytes[at + 1] !== 0x67 || bytes[at + 2] !== 0x67 || bytes[at + 3] !== 0x53) {
      throw new Error('not an Ogg page');
    }
    const count = bytes[at + 26];
    let body = at + 27 + count;
    for (let i = 0; i < count; i++) {
      const n = bytes[at + 27 + i];
      pending.push(bytes.subarray(body, body + n));
      body += n;
      if (n < 255) {
        packets.push(concat(pending));
        pending = [];
      }
    }
    at = body;
  }
  const head = packets.shift();
  if (!head || new TextDecoder().decode(head.subarray(0, 8)) !== 'OpusHead') throw new Error('not Ogg Opus');
  packets.shift(); // OpusTags
  return { head, preSkip: new DataView(head.buffer, head.byteOffset).getUint16(10, true), packets };
}
