// A representative and an officer talk: the page opens a consultation and writes; the officer
// (the console's protocol client) receives it, answers and closes; the page shows the answer and
// the closing, rates it "满意" (4) with a comment, and the officer sees that rating.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openConsultation, openPhone, serverAndBrowser, startResponder } from './support.mjs';

const env = serverAndBrowser();

test('text, answer, closing and rating go both ways', { timeout: 120000 }, async () => {
  const subject = `午餐费用咨询 ${Date.now()}`;
  const officer = startResponder(env.server.url, {
    subject,
    reply: '今年的标准是每餐十五元，家庭困难学生减免。',
    summary: '已说明收费标准和减免政策',
  });
  try {
    const { departmentId } = await officer.next('ready');
    const page = await openPhone(env.browser, env.server.pageUrl, { lang: 'zh' });
    await openConsultation(page, { departmentId, subject, details: '请问今年学校午餐的收费标准是多少？' });

    const consultation = await officer.next('consultation');
    assert.equal(consultation.subject, subject);
    assert.equal(consultation.departmentId, departmentId);
    const message = await officer.next('message');
    assert.equal(message.text, '请问今年学校午餐的收费标准是多少？');
    assert.equal(message.consultationId, consultation.id);

    await officer.next('replied');
    // What the representative sees: the answer, who took it up, the closing with its summary.
    await page.getByText('今年的标准是每餐十五元，家庭困难学生减免。').waitFor();
    await page.getByText('咨询已办结。答复摘要：已说明收费标准和减免政策').waitFor();
    await page.getByText(/已受理您的咨询/).waitFor();

    await page.getByRole('radio', { name: '满意', exact: true }).check();
    await page.getByLabel('意见和建议（可选）').fill('答复及时，谢谢');
    await page.getByRole('button', { name: '提交评价' }).click();
    const rated = await officer.next('rated');
    assert.equal(rated.rating, 4);
    assert.equal(rated.ratingComment, '答复及时，谢谢');
    await page.getByText('感谢您的评价').first().waitFor();
  } finally {
    officer.stop();
  }
});
