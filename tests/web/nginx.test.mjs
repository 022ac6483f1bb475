// The page through the documented nginx site (packaging/nginx/consult-server.conf) on
// loopback: TLS at nginx, the page's files and its WebSocket (/ws) passed to the server. A
// representative signs in and writes; the officer, connected to the server directly, reads it.
// Refusals and rate limits from the site itself: POST is 403, a burst past the limit gets 429.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startServer, launchBrowser, openPhone, signIn, startResponder } from './support.mjs';

const siteFile = new URL('../../packaging/nginx/consult-server.conf', import.meta.url);

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

let server;
let nginx;
let browser;
let httpsPort;
const nginxBin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => {
  try {
    execFileSync(p, ['-v'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    return false;
  }
});

before(async () => {
  if (!nginxBin) return;
  server = await startServer();
  const dir = join(server.dir, 'nginx');
  mkdirSync(join(dir, 'logs'), { recursive: true });
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  httpsPort = await freePort();
  const httpPort = await freePort();
  // The site as shipped, with only addresses and files of this run put in.
  const site = readFileSync(siteFile, 'utf8')
    .replace('server 127.0.0.1:8765;', `server 127.0.0.1:${server.port};`)
    .replace(/listen 443 ssl;\n\s*listen \[::\]:443 ssl;/, `listen 127.0.0.1:${httpsPort} ssl;`)
    .replace(/listen 80;\n\s*listen \[::\]:80;/, `listen 127.0.0.1:${httpPort};`)
    .replace('/etc/ssl/certs/consult.example.gov.cn.pem', join(dir, 'cert.pem'))
    .replace('/etc/ssl/private/consult.example.gov.cn.key', join(dir, 'key.pem'));
  assert.ok(site.includes(`127.0.0.1:${httpsPort} ssl`) && site.includes(join(dir, 'cert.pem')));
  writeFileSync(join(dir, 'site.conf'), site);
  writeFileSync(join(dir, 'nginx.conf'), `
daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log stderr error;
${process.getuid() === 0 ? 'user root;' : ''}
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${join(dir, 'site.conf')};
}
`);
  nginx = spawn(nginxBin, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; i < 100; i++) {
    try {
      execFileSync('openssl', ['s_client', '-connect', `127.0.0.1:${httpsPort}`], { input: '', stdio: ['pipe', 'ignore', 'ignore'], timeout: 2000 });
      break;
    } catch (e) {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  browser = await launchBrowser(['--ignore-certificate-errors']);
});

after(async () => {
  await browser?.close();
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx.once('exit', r));
    nginx.kill('SIGTERM');
    await exited;
  }
  await server?.stop();
});

test('the page and its WebSocket through nginx', { timeout: 120000 }, async (t) => {
  if (!nginxBin) {
    t.skip('nginx is not installed');
    return;
  }
  const base = `https://127.0.0.1:${httpsPort}/`;
  const subject = `经由 nginx ${Date.now()}`;
  const officer = startResponder(server.url, { subject, reply: '收到', summary: '已答复' });
  try {
    const { departmentId } = await officer.next('ready');
    const page = await openPhone(browser, base, { lang: 'zh', ignoreHTTPSErrors: true });
    // The server's policy reaches the browser through nginx, with nginx's HSTS added.
    const response = await page.request.get(base);
    assert.ok(response.headers()['content-security-policy'].startsWith("default-src 'none'"));
    assert.equal(response.headers()['strict-transport-security'], 'max-age=31536000');
    await signIn(page);
    await page.getByRole('link', { name: '发起咨询' }).click();
    await page.getByLabel('咨询部门').selectOption(String(departmentId));
    await page.getByLabel('咨询事项').fill(subject);
    await page.getByLabel('详细内容（可选）').fill('通过 nginx 发送');
    await page.getByRole('button', { name: '提交' }).click();
    const message = await officer.next('message');
    assert.equal(message.text, '通过 nginx 发送');
    await page.getByText('收到', { exact: true }).waitFor();

    // The site's own refusals and limits.
    assert.equal((await page.request.post(base, { data: 'x', failOnStatusCode: false })).status(), 403);
    const statuses = await Promise.all(Array.from({ length: 80 }, () =>
      page.request.get(`${base}style.css`, { failOnStatusCode: false }).then((r) => r.status())));
    assert.ok(statuses.includes(429), `a burst of 80 is limited: ${[...new Set(statuses)]}`);
    assert.ok(statuses.includes(200));
  } finally {
    officer.stop();
  }
});
