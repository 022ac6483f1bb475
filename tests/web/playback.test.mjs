// An officer answers with a voice message and writes its text (a transcript correction); the
// representative reads that text under it, plays it in the page, and it reaches the audio
// output: a 440 Hz tone of about 3 s recorded from the PulseAudio null sink (ctest runs the
// browser tests under tests/testsupport/with-pulse.sh).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openConsultation, openPhone, recordOutput, serverAndBrowser, startResponder, toneIn, toneWav } from './support.mjs';

const env = serverAndBrowser({ browserArgs: () => ['--autoplay-policy=no-user-gesture-required'] });

for (const decoder of ['webcodecs', 'wasm']) {
test(`a voice reply played in the page reaches the speaker (${decoder} decoder)`, { timeout: 120000 }, async (t) => {
  const recorder = recordOutput();
  if (!recorder) {
    t.skip('no PulseAudio here: run under tests/testsupport/with-pulse.sh');
    return;
  }
  const wav = toneWav(join(env.server.dir, 'reply.wav'), { seconds: 3 });
  const clip = join(env.server.dir, 'reply.opus');
  execFileSync('opusenc', ['--quiet', wav, clip]);
  const subject = `语音答复 ${decoder} ${Date.now()}`;
  const officer = startResponder(env.server.url, {
    subject,
    reply: '请听语音说明',
    summary: '已语音答复',
    extra: ['--reply-voice', clip, '--transcript', '请于周五前把材料交到区教育局'],
  });
  try {
    const { departmentId } = await officer.next('ready');
    const page = await openPhone(env.browser, env.server.pageUrl, { lang: 'zh', without: decoder === 'wasm' ? ['AudioDecoder'] : [] });
    await openConsultation(page, { departmentId, subject, details: '请问怎么办理？' });
    await officer.next('replied');

    // The officer's text of the voice reply, under it.
    await page.getByText('文字：请于周五前把材料交到区教育局').waitFor();

    const play = page.getByRole('button', { name: /^播放 语音 3 秒/ });
    await play.click();
    await page.getByRole('button', { name: /^暂停/ }).waitFor();
    await page.getByRole('button', { name: /^播放 语音 3 秒/ }).waitFor({ timeout: 15000 });
    await page.waitForTimeout(500);
    const heard = toneIn(await recorder.stop());
    t.diagnostic(`heard ${heard.seconds.toFixed(2)} s at ${heard.hz.toFixed(1)} Hz`);
    assert.ok(Math.abs(heard.hz - 440) <= 5, `${heard.hz} Hz`);
    assert.ok(heard.seconds > 2.7 && heard.seconds < 3.3, `${heard.seconds} s`);
  } finally {
    officer.stop();
  }
});
}
