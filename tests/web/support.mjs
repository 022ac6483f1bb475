// What the browser tests share: the real server on loopback (a fresh demo database in a
// temporary folder, stopped by process id), Debian's chromium driven by playwright-core, and
// the page's address.

import { after, before } from 'node:test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const serverBin = process.env.CONSULT_SERVER_BIN;
if (!serverBin) throw new Error('CONSULT_SERVER_BIN must name the consult-server to test');

// Starts consult-server; resolves once it prints its address. `args` are extra options.
export async function startServer(args = [], { folder } = {}) {
  const dir = folder ?? mkdtempSync(join(tmpdir(), 'consult-web-'));
  const child = spawn(serverBin, ['--db', join(dir, 'server.sqlite'), '--demo', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 30000);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = /listening (wss?:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  const pageUrl = url.replace(/^ws/, 'http').replace(/\/?$/, '/');
  return {
    child,
    dir,
    url,
    pageUrl,
    port: Number(new URL(pageUrl).port),
    stderr: () => stderr,
    async stop({ keep = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    headless: true,
    // Playwright mutes headless audio by default; the playback test records what the page plays.
    ignoreDefaultArgs: ['--mute-audio'],
    args: ['--no-sandbox', ...extraArgs],
    timeout: 30000,
  });
}

// A phone-sized page in the given language.
// `without`: WebCodecs classes to remove before the page runs, as in a browser that lacks them
// (the page then uses its WebAssembly fallback).
export async function openPhone(browser, pageUrl, { lang = 'zh', scale = 1, permissions = [], without = [], ignoreHTTPSErrors = false } = {}) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 667 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: lang === 'zh' ? 'zh-CN' : 'en-GB',
    permissions,
    ignoreHTTPSErrors,
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  if (without.length) {
    await page.addInitScript((names) => names.forEach((n) => delete globalThis[n]), without);
  }
  if (scale !== 1) {
    // The browser's default text size, as the phone's (or WeChat's) text setting changes it;
    // the page's rem sizes follow it.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: Math.round(16 * scale), fixed: 13 } });
  }
  await page.goto(pageUrl);
  return page;
}

// The real server and one browser for a test file: started before its tests, stopped after.
// `setup(env)` may prepare files in env.server.dir; `browserArgs(env)` gives chromium's options.
export function serverAndBrowser({ setup, browserArgs = () => [] } = {}) {
  const env = {};
  before(async () => {
    env.server = await startServer();
    if (setup) await setup(env);
    env.browser = await launchBrowser(browserArgs(env));
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

// Signs in and opens a consultation as a representative fills the form; `details`, when given,
// becomes its first message. Resolves once the conversation shows.
export async function openConsultation(page, { departmentId, subject, details, user } = {}) {
  await signIn(page, user);
  await page.getByRole('link', { name: /发起咨询|New consultation/ }).click();
  await page.locator('#department').selectOption(String(departmentId));
  await page.locator('#subject').fill(subject);
  if (details) await page.locator('#details').fill(details);
  await page.getByRole('button', { name: /^(提交|Submit)$/ }).click();
  await page.getByRole('heading', { name: subject }).waitFor();
}

export async function signIn(page, user = 'rep0001', password = 'rep2026') {
  await page.getByLabel(/账号|Account/).fill(user);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登录|Sign in/ }).click();
  await page.getByRole('heading', { name: /我的咨询|My consultations/ }).waitFor();
}

// The officer's side (responder_agent): its JSON lines as they arrive, awaited by key.
export function startResponder(url, { subject, reply = '', summary = '', user = 'jw.2', extra = [] }) {
  const bin = process.env.CONSULT_RESPONDER_AGENT;
  if (!bin) throw new Error('CONSULT_RESPONDER_AGENT must name the responder agent');
  const child = spawn(bin, ['--url', url, '--user', user, '--subject', subject, '--reply', reply,
    '--summary', summary, ...extra], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' } });
  const seen = [];
  const waiters = [];
  let buffer = '';
  child.stdout.on('data', (d) => {
    buffer += d;
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      seen.push(line);
      for (const w of [...waiters]) w();
    }
  });
  return {
    child,
    // The value of the next line with this key (taken, so that a second call gets the second);
    // rejects on an error line or after the time.
    next(key, timeoutMs = 60000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`responder: no '${key}' in time`)), timeoutMs);
        const check = () => {
          const error = seen.find((l) => l.error);
          const hit = seen.find((l) => key in l);
          if (!hit && !error) return;
          if (hit) seen.splice(seen.indexOf(hit), 1);
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          if (hit) resolve(hit[key]);
          else reject(new Error(`responder: ${error.error}`));
        };
        waiters.push(check);
        check();
      });
    },
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}

// The strongest frequency between 300 and 600 Hz in samples [from, to) at 48 kHz: Goertzel's
// power at every hertz, then at every tenth around the best. A short dropout or codec noise
// moves it by nothing, unlike counting zero crossings.
function dominantHz(samples, from, to) {
  const power = (hz) => {
    const k = 2 * Math.cos((2 * Math.PI * hz) / 48000);
    let s1 = 0;
    let s2 = 0;
    for (let i = from; i < to; i++) {
      const s0 = samples[i] + k * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    return s1 * s1 + s2 * s2 - k * s1 * s2;
  };
  const best = (candidates) => candidates.reduce((a, b) => (power(b) > power(a) ? b : a));
  const coarse = best(Array.from({ length: 301 }, (_, i) => 300 + i));
  return best(Array.from({ length: 21 }, (_, i) => coarse - 1 + i / 10));
}

// What a clip decodes to (opusdec, the reference decoder): its length in seconds and its main
// frequency over the middle half, where the tone is steady.
export function analyseClip(file) {
  const wavPath = `${file}.wav`;
  execFileSync('opusdec', ['--quiet', '--rate', '48000', file, wavPath]);
  const bytes = readFileSync(wavPath);
  const dataAt = bytes.indexOf('data') + 8;
  const samples = new Int16Array(bytes.buffer.slice(bytes.byteOffset + dataAt, bytes.byteOffset + bytes.length));
  const from = Math.floor(samples.length / 4);
  const to = Math.floor((samples.length * 3) / 4);
  let peak = 0;
  for (let i = from; i < to; i++) peak = Math.max(peak, Math.abs(samples[i]));
  return { seconds: samples.length / 48000, hz: dominantHz(samples, from, to), peak: peak / 32768 };
}

// A tone file for chromium's fake microphone: 48 kHz mono 16-bit.
export function toneWav(path, { hz = 440, seconds = 3 } = {}) {
  execFileSync('sox', ['-n', '-r', '48000', '-c', '1', '-b', '16', path, 'synth', String(seconds), 'sine', String(hz), 'vol', '0.5']);
  return path;
}

// Records what the page plays: parec on the monitor of the test's PulseAudio null sink
// (tests/testsupport/with-pulse.sh makes it the default output). null when there is no such
// PulseAudio, so that a test can skip rather than fail.
export function recordOutput() {
  try {
    execFileSync('pactl', ['info'], { stdio: 'ignore' });
  } catch (e) {
    return null;
  }
  const chunks = [];
  const child = spawn('parec', ['--device=@DEFAULT_MONITOR@', '--format=s16le', '--rate=48000', '--channels=1', '--raw'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.on('data', (d) => chunks.push(d));
  return {
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      const bytes = Buffer.concat(chunks);
      return new Int16Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.length / 2));
    },
  };
}

// The loudest stretch of a recording: its length in seconds above a tenth of full scale, and
// its strongest frequency.
export function toneIn(samples) {
  const loud = [];
  for (let i = 0; i < samples.length; i++) if (Math.abs(samples[i]) > 3276) loud.push(i);
  if (loud.length === 0) return { seconds: 0, hz: 0 };
  const from = loud[0];
  const to = loud[loud.length - 1];
  return { seconds: (to - from) / 48000, hz: dominantHz(samples, from, to) };
}

// The vendor string of a clip's OpusTags: which encoder wrote the file.
export function opusVendor(file) {
  const bytes = readFileSync(file);
  const at = bytes.indexOf('OpusTags');
  return bytes.subarray(at + 12, at + 12 + bytes.readUInt32LE(at + 8)).toString();
}
