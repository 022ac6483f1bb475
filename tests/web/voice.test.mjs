// Voice messages from the page: a fake microphone fed a 440 Hz tone, recorded for 3 s by
// holding the button and by tapping it twice, encoded in the page (WebCodecs) and wrapped in
// Ogg Opus; the server accepts both, and the clips an officer fetches back decode with opusdec
// to 440 Hz and 3.0 +- 0.1 s. Under a second is "too short" and sends nothing; sliding up
// cancels; a denied microphone says so and text still goes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyseClip, launchBrowser, openConsultation, openPhone, opusVendor, serverAndBrowser, startResponder, toneWav } from './support.mjs';

const env = serverAndBrowser({
  setup: (e) => {
    e.tone = toneWav(join(e.server.dir, 'tone440.wav'), { seconds: 30 });
  },
  browserArgs: (e) => ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${e.tone}`],
});

// The centre of a button, where a finger holds it (a press there, not a click: it stays down).
async function centreOf(page, name) {
  const box = await page.getByRole('button', { name }).boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

// Until the page has recorded `seconds` (its clock shows it), then `release`.
async function recordFor(page, seconds, release) {
  // Checked every frame, so that the release follows the clock within a few milliseconds.
  await page.waitForFunction((text) => document.querySelector('.recording .elapsed')?.textContent === text,
    `${seconds}″`, { polling: 'raf', timeout: 15000 });
  await release();
}

for (const encoder of ['webcodecs', 'wasm']) {
test(`hold and tap with the ${encoder} encoder: a 3 s tone arrives as 440 Hz, 3.0 s`, { timeout: 120000 }, async (t) => {
  const subject = `语音留言 ${encoder} ${Date.now()}`;
  const officer = startResponder(env.server.url, { subject, extra: ['--collect-voice', env.server.dir, '--count', '2'] });
  try {
    const { departmentId } = await officer.next('ready');
    const page = await openPhone(env.browser, env.server.pageUrl, {
      lang: 'zh',
      permissions: ['microphone'],
      without: encoder === 'wasm' ? ['AudioEncoder'] : [],
    });
    await openConsultation(page, { departmentId, subject });
    await page.getByRole('button', { name: '切换到语音' }).click();

    // Hold to talk: press, speak, slide a little (not far enough to cancel), let go.
    const { x, y } = await centreOf(page, '按住 说话');
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.getByText('松开 发送，上滑 取消').first().waitFor();
    await page.mouse.move(x, y - 20);
    await recordFor(page, 3, () => page.mouse.up());
    const held = await officer.next('voice');

    // Tap to start, tap to send (a tap at the button's place: no waiting for it to settle).
    const tap = await centreOf(page, '点按录音');
    await page.mouse.click(tap.x, tap.y);
    await recordFor(page, 3, () => page.mouse.click(tap.x, tap.y));
    const tapped = await officer.next('voice');

    for (const [how, message] of [['hold', held], ['tap', tapped]]) {
      const clip = analyseClip(message.file);
      t.diagnostic(`${how}: ${clip.seconds.toFixed(3)} s, ${clip.hz.toFixed(1)} Hz, peak ${clip.peak.toFixed(2)}`);
      assert.ok(Math.abs(clip.seconds - 3.0) <= 0.1, `${how}: ${clip.seconds} s`);
      assert.ok(Math.abs(clip.hz - 440) <= 5, `${how}: ${clip.hz} Hz`);
      assert.ok(clip.peak > 0.1, `${how}: the tone is audible (peak ${clip.peak})`);
      assert.ok(Math.abs(message.voice.durationMs - 3000) <= 100, `${how}: server says ${message.voice.durationMs} ms`);
      assert.ok(message.voice.waveform, `${how}: a waveform`);
      // Which encoder wrote it: the page's own Ogg writer names itself, the worker does not.
      assert.equal(opusVendor(message.file) === 'representative-page', encoder === 'webcodecs', `${how}: ${opusVendor(message.file)}`);
    }
    // Both in the page's conversation, none left waiting.
    await page.locator('.mine .bubble .voice').nth(1).waitFor();
    assert.equal(await page.locator('li.pending').count(), 0);
  } finally {
    officer.stop();
  }
});
}

test('too short, slide up to cancel: nothing is sent', { timeout: 60000 }, async () => {
  const page = await openPhone(env.browser, env.server.pageUrl, { lang: 'zh', permissions: ['microphone'] });
  await openConsultation(page, { departmentId: 1, subject: `取消测试 ${Date.now()}` });
  await page.getByRole('button', { name: '切换到语音' }).click();
  const { x, y } = await centreOf(page, '按住 说话');
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.locator('.recording .elapsed').filter({ hasText: '0″' }).waitFor();
  await page.waitForTimeout(300);
  await page.mouse.up();
  await page.getByText('说话时间太短').waitFor();

  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.locator('.recording .elapsed').filter({ hasText: '2″' }).waitFor({ timeout: 10000 });
  await page.mouse.move(x, y - 120, { steps: 5 });
  await page.getByText('松开手指，取消发送').waitFor();
  await page.mouse.up();
  await page.waitForTimeout(1500);
  assert.equal(await page.locator('.bubble .voice').count(), 0);
  assert.equal(await page.locator('li.pending').count(), 0);
});

test('microphone denied: a clear message, and text still sends', { timeout: 60000 }, async () => {
  // A browser whose user said no (no fake permission prompt answer, no permission granted).
  const denying = await launchBrowser(['--use-fake-device-for-media-stream', '--deny-permission-prompts']);
  try {
    const page = await openPhone(denying, env.server.pageUrl, { lang: 'zh' });
    await openConsultation(page, { departmentId: 1, subject: `麦克风被拒绝 ${Date.now()}` });
    await page.getByRole('button', { name: '切换到语音' }).click();
    await page.getByRole('button', { name: '点按录音' }).click();
    await page.getByText(/无法使用麦克风/).waitFor();
    await page.getByRole('button', { name: '切换到文字' }).click();
    await page.getByRole('textbox', { name: '输入文字' }).fill('那我打字说明');
    await page.getByRole('button', { name: '发送' }).click();
    await page.getByText('那我打字说明').waitFor();
    await page.locator('li.pending').first().waitFor({ state: 'detached', timeout: 10000 });
  } finally {
    await denying.close();
  }
});
