// The connection fails under the representative: the server is killed just as a message is
// sent, and another is written while it is down. The page says it is reconnecting, finds the
// server again when it is back on the same address, and each message arrives exactly once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openConsultation, openPhone, serverAndBrowser, signIn, startServer } from './support.mjs';

const env = serverAndBrowser();

test('killed mid-send: reconnecting, then every message once', { timeout: 120000 }, async () => {
  const page = await openPhone(env.browser, env.server.pageUrl, { lang: 'zh' });
  await openConsultation(page, { departmentId: 1, subject: '断线重连测试' });

  const composer = page.getByRole('textbox', { name: '输入文字' });
  await composer.fill('第一条：发送时服务器中断');
  await page.getByRole('button', { name: '发送' }).click();
  env.server.child.kill('SIGKILL');
  await page.getByText(/网络中断，正在重新连接/).first().waitFor();

  await composer.fill('第二条：断线期间写的');
  await page.getByRole('button', { name: '发送' }).click();
  await page.getByText('第二条：断线期间写的').waitFor();

  const { dir, port } = env.server;
  await env.server.stop({ keep: true });
  env.server = await startServer(['--port', String(port)], { folder: dir });

  // Both delivered (no longer pending), the banner gone.
  await page.locator('#connection').waitFor({ state: 'hidden', timeout: 30000 });
  await page.locator('li.pending').first().waitFor({ state: 'detached', timeout: 30000 });

  // A fresh page, as on another phone, shows what the server holds: each message once.
  const other = await openPhone(env.browser, env.server.pageUrl, { lang: 'zh' });
  await signIn(other);
  await other.getByText('断线重连测试').click();
  await other.getByText('第二条：断线期间写的').waitFor();
  assert.equal(await other.getByText('第一条：发送时服务器中断').count(), 1);
  assert.equal(await other.getByText('第二条：断线期间写的').count(), 1);
  assert.equal(await page.getByText('第一条：发送时服务器中断').count(), 1);
});
