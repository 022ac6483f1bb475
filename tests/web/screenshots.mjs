// Screenshots of every screen of the representatives' page at 375 x 667, in Chinese and English
// and at 1.4x text size, with a conversation the officer (responder_agent) has answered and
// closed: node tests/web/screenshots.mjs <folder>  (CONSULT_SERVER_BIN, CONSULT_RESPONDER_AGENT
// set as for the tests). scripts/screenshots.sh runs it.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, launchBrowser, openPhone, signIn, startResponder, toneWav } from './support.mjs';

const out = process.argv[2] || 'docs/screenshots';
mkdirSync(out, { recursive: true });
const server = await startServer();
const tone = toneWav(join(server.dir, 'tone.wav'), { seconds: 30 });
const reply = join(server.dir, 'reply.opus');
execFileSync('opusenc', ['--quiet', toneWav(join(server.dir, 'reply.wav'), { seconds: 3 }), reply]);
const browser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
  `--use-file-for-fake-audio-capture=${tone}`]);

const words = {
  zh: { subject: '学校午餐收费标准', details: '请问今年学校午餐的收费标准是多少？家庭困难学生可以减免吗？',
    reply: '今年的标准是每餐十五元。家庭困难学生可凭认定材料向学校申请全额减免。', summary: '已说明收费标准和减免办法' },
  en: { subject: 'School lunch fees', details: 'What are this year’s school lunch fees? Can families in hardship be exempted?',
    reply: 'This year it is 15 yuan a meal. Families in hardship can apply to the school for a full exemption.', summary: 'Fees and exemptions explained' },
};

async function run(lang, scale, user) {
  const suffix = scale === 1 ? lang : `${lang}-large`;
  const w = words[lang];
  const subject = scale === 1 ? w.subject : `${w.subject} ${lang === 'zh' ? '（续）' : '(again)'}`;
  const officer = startResponder(server.url, { subject, reply: w.reply, summary: w.summary, extra: ['--reply-voice', reply] });
  const { departmentId } = await officer.next('ready');
  const page = await openPhone(browser, server.pageUrl, { lang, scale, permissions: ['microphone'] });
  const shot = (name) => page.screenshot({ path: join(out, `web-${name}-${suffix}.png`) });
  await page.getByRole('button', { name: /登录|Sign in/ }).waitFor();
  await shot('signin');
  await signIn(page, user);
  await page.getByRole('link', { name: /发起咨询|New consultation/ }).click();
  await page.locator('#department').selectOption(String(departmentId));
  await page.locator('#subject').fill(subject);
  await page.locator('#details').fill(w.details);
  await shot('new');
  await page.getByRole('button', { name: /提交|Submit/ }).click();
  await officer.next('replied');
  await page.getByText(w.reply).waitFor();
  await page.locator('.messages li').last().scrollIntoViewIfNeeded();
  await shot('rating');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('conversation');
  await page.getByRole('radio').nth(1).check();
  await page.getByRole('button', { name: /提交评价|Submit rating/ }).click();
  await officer.next('rated');
  await page.getByRole('link', { name: /返回|Back/ }).first().click();
  await page.getByRole('heading', { name: /我的咨询|My consultations/ }).waitFor();
  await shot('list');
  officer.stop();

  // Recording a voice message, then the message sent.
  await page.getByRole('link', { name: /发起咨询|New consultation/ }).click();
  await page.locator('#department').selectOption(String(departmentId));
  await page.locator('#subject').fill(lang === 'zh' ? '校车接送时间' : 'School bus times');
  await page.getByRole('button', { name: /提交|Submit/ }).click();
  await page.getByRole('button', { name: /切换到语音|Switch to voice/ }).click();
  await page.getByRole('button', { name: /点按录音|Tap to record/ }).click();
  await page.locator('.recording .elapsed').filter({ hasText: '2″' }).waitFor();
  await shot('recording');
  await page.getByRole('button', { name: /点按发送|Tap to send/ }).click();
  await page.locator('.mine .bubble .voice').waitFor();
  await page.locator('li.pending').first().waitFor({ state: 'detached' });
  await shot('voice');
  await page.context().close();
}

try {
  await run('zh', 1, 'rep0011');
  await run('en', 1, 'rep0012');
  await run('zh', 1.4, 'rep0013');
  await run('en', 1.4, 'rep0014');
} finally {
  await browser.close();
  await server.stop();
}
