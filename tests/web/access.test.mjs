// For older representatives on phones (docs/web.md): on every screen, in Chinese and English
// and at 1.4x text, axe-core finds no WCAG 2.1 AA violation (contrast of at least 4.5:1, labels,
// names, ARIA), every control is at least 44 x 44 px, the main text at least 18 px, and nothing
// runs wider than the 375 px screen.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openPhone, serverAndBrowser, signIn, startResponder, toneWav } from './support.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const env = serverAndBrowser({
  setup: (e) => {
    e.voiceReply = join(e.server.dir, 'reply.opus');
    execFileSync('opusenc', ['--quiet', toneWav(join(e.server.dir, 'reply.wav'), { seconds: 2 }), e.voiceReply]);
  },
});

// What a representative would find wrong on the screen as it is now.
async function problems(page, screen) {
  // Through the debugging protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(axeSource);
  const { violations } = await page.evaluate(() =>
    globalThis.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const found = violations.map((v) => `${screen}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  const measured = await page.evaluate(() => {
    const out = [];
    const visible = (e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    };
    // A radio's target is its label, which the whole row is.
    for (const e of document.querySelectorAll('button, a[href], input:not([type=radio]), select, textarea, label.choice')) {
      if (!visible(e)) continue;
      const r = e.getBoundingClientRect();
      if (r.width < 43.5 || r.height < 43.5) out.push(`target ${Math.round(r.width)}x${Math.round(r.height)}: ${e.textContent.trim() || e.id || e.className}`);
    }
    for (const e of document.querySelectorAll('.bubble .text, .subject, .card label, .consultation .subject, input, textarea, button.primary')) {
      if (!visible(e)) continue;
      const size = parseFloat(getComputedStyle(e).fontSize);
      if (size < 17.9) out.push(`text ${size}px: ${e.textContent.trim().slice(0, 30) || e.id}`);
    }
    // A phone widens its layout to fit what is too wide, then zooms out: compare with the screen.
    if (window.innerWidth > screen.width) out.push(`laid out ${window.innerWidth}px wide on a ${screen.width}px screen`);
    if (document.documentElement.scrollWidth > window.innerWidth) out.push(`wider than the screen: ${document.documentElement.scrollWidth}px`);
    // Nothing pushed off either edge (an overflow to the left does not widen the page).
    for (const e of document.querySelectorAll('main *')) {
      if (!visible(e) || e.closest('.visually-hidden')) continue;
      const r = e.getBoundingClientRect();
      if (r.left < -0.5 || r.right > window.innerWidth + 0.5) out.push(`off the screen (${Math.round(r.left)}..${Math.round(r.right)}): ${e.tagName.toLowerCase()}.${e.className}`);
    }
    return out;
  });
  return [...found, ...measured.map((m) => `${screen}: ${m}`)];
}

for (const [lang, scale] of [['zh', 1], ['en', 1], ['zh', 1.4], ['en', 1.4]]) {
  test(`every screen is readable and reachable (${lang}, ${scale}x text)`, { timeout: 120000 }, async () => {
    const subject = `${lang === 'zh' ? '无障碍检查' : 'Accessibility check'} ${scale} ${Date.now()}`;
    const officer = startResponder(env.server.url, {
      subject,
      reply: lang === 'zh' ? '已收到' : 'Received',
      summary: 'ok',
      extra: ['--reply-voice', env.voiceReply, '--transcript', lang === 'zh' ? '材料请周五前提交' : 'Please send the papers by Friday'],
    });
    const found = [];
    try {
      const { departmentId } = await officer.next('ready');
      const page = await openPhone(env.browser, env.server.pageUrl, { lang, scale });
      await page.getByRole('button', { name: /登录|Sign in/ }).waitFor();
      found.push(...await problems(page, 'sign-in'));
      await signIn(page, `rep00${lang === 'zh' ? 2 : 3}${scale === 1 ? 1 : 2}`);
      found.push(...await problems(page, 'list'));
      await page.getByRole('link', { name: /发起咨询|New consultation/ }).click();
      await page.locator('#department').selectOption(String(departmentId));
      await page.locator('#subject').fill(subject);
      found.push(...await problems(page, 'new'));
      await page.getByRole('button', { name: /提交|Submit/ }).click();
      await page.locator('.composer textarea').waitFor();
      found.push(...await problems(page, 'conversation'));
      await page.getByRole('button', { name: /切换到语音|Switch to voice/ }).click();
      found.push(...await problems(page, 'voice composer'));
      // A message lets the officer answer and close: then the rating.
      await page.getByRole('button', { name: /切换到文字|Switch to text/ }).click();
      await page.locator('.composer textarea').fill(lang === 'zh' ? '请问办理流程' : 'What is the procedure?');
      await page.getByRole('button', { name: /^(发送|Send)$/ }).click();
      await officer.next('replied');
      await page.getByRole('radio').first().waitFor();
      await page.locator('.theirs .bubble .voice').waitFor();
      found.push(...await problems(page, 'rating'));
    } finally {
      officer.stop();
    }
    assert.deepEqual(found, []);
  });
}
