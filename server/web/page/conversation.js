// One consultation: its messages and system entries, replies waiting in the outbox, the
// composer, and the rating once the department has closed it. The composer survives redraws,
// so what is being typed is never lost to an incoming message.

import { h, announce } from './dom.js';
import { t, errorText, departmentName, formatTime, stateLabel } from './i18n.js';
import { renderVoice } from './voice/bubble.js';
import { renderVoiceControls } from './voice/composer.js';

const RATINGS = [5, 4, 3, 2, 1];

export function renderConversation({ store, client, consultationId }) {
  const list = h('ol', { className: 'messages', 'aria-label': t('myConsultations') });
  const header = h('header', { className: 'bar' });
  const footer = h('div', { className: 'footer' });
  const input = h('textarea', { id: 'composer', rows: 1, maxlength: 4000, placeholder: t('messagePlaceholder'),
    'aria-label': t('messagePlaceholder'), enterkeyhint: 'send' });
  const sendButton = h('button', { type: 'submit', className: 'primary send' }, t('send'));
  const textRow = h('form', { className: 'composer', onsubmit: (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    store.sendText(consultationId, text);
    input.value = '';
    input.focus();
  } }, input, sendButton);
  const voiceRow = renderVoiceControls({
    maxMs: client.hello?.limits?.maxRepresentativeVoiceMs || 60000,
    onClip: (clip) => store.sendVoice(consultationId, clip),
  });
  voiceRow.hidden = true;
  // Voice or keyboard, as in WeChat; the choice is kept while the page is open.
  const modeButton = h('button', { type: 'button', className: 'mode' });
  const setMode = (voice) => {
    voiceRow.hidden = !voice;
    textRow.hidden = voice;
    modeButton.textContent = voice ? '⌨' : '🎤';
    modeButton.setAttribute('aria-label', voice ? t('useKeyboard') : t('useVoice'));
    sessionStorage.setItem('consult.rep.voiceMode', voice ? '1' : '');
  };
  modeButton.addEventListener('click', () => setMode(textRow.hidden === false));
  setMode(sessionStorage.getItem('consult.rep.voiceMode') === '1');
  const composer = h('div', { className: 'composer-row' }, modeButton, textRow, voiceRow);
  const ratingPanel = renderRating(store, consultationId);
  const element = h('section', { className: 'screen conversation' }, header, list, footer);
  let shownCount = -1;

  function update() {
    const consultation = store.consultations.get(consultationId);
    if (!consultation) {
      header.replaceChildren(h('a', { className: 'back', href: '#/', 'aria-label': t('back') }, '‹'));
      list.replaceChildren();
      footer.replaceChildren();
      return;
    }
    const department = departmentName(store.departments.get(consultation.departmentId));
    header.replaceChildren(
      h('a', { className: 'back', href: '#/', 'aria-label': t('back') }, '‹'),
      h('div', { className: 'title' },
        h('h1', {}, consultation.subject),
        h('p', {}, department, ' · ',
          h('span', { className: `state state-${consultation.rating ? 'rated' : consultation.state}` },
            stateLabel(consultation)))));
    const messages = store.messagesOf(consultationId);
    const pending = store.pendingOf(consultationId);
    list.replaceChildren(
      ...messages.map((m) => renderMessage(store, client, m)),
      ...pending.map((p) => renderPending(store, p, client)));
    // The composer stays at hand at the bottom; the rating is read after the conversation,
    // so it scrolls with it rather than covering it.
    footer.classList.toggle('sticky', consultation.state !== 'closed');
    if (consultation.state === 'closed') {
      footer.replaceChildren(consultation.rating ? h('p', { className: 'notice' }, t('ratedThanks')) : ratingPanel);
    } else if (!footer.contains(composer)) {
      footer.replaceChildren(composer);
    }
    const count = messages.length + pending.length;
    if (count !== shownCount) {
      shownCount = count;
      requestAnimationFrame(() => list.lastElementChild?.scrollIntoView({ block: 'end' }));
    }
  }
  update();
  return { element, update };
}

function renderMessage(store, client, message) {
  if (message.kind === 'system') {
    return h('li', { className: 'system' }, h('p', {}, systemText(store, message)),
      h('time', {}, formatTime(message.createdAt)));
  }
  const mine = message.senderKind === 'representative';
  const body = message.kind === 'text'
    ? h('p', { className: 'text' }, message.text)
    : renderVoice(client, message, () => announce(t('playFailed')));
  const transcript = message.kind === 'voice' && !mine ? transcriptOf(store, message) : null;
  return h('li', { className: mine ? 'mine' : 'theirs' },
    h('span', { className: 'visually-hidden' }, mine ? t('you') : t('officer')),
    h('div', { className: 'bubble' }, body, transcript),
    h('time', {}, formatTime(message.createdAt)));
}

// The officer's correction when there is one (docs/protocol.md section 14), else what the
// engine heard; nothing for a failed one (a tone, silence): the voice is there to play.
function transcriptOf(store, message) {
  const transcript = store.transcripts.get(message.id);
  if (!transcript) return null;
  const text = transcript.correction?.text || (transcript.state === 'done' ? transcript.text : '');
  if (text) {
    return h('p', { className: 'transcript' }, h('span', { className: 'muted' }, t('transcript')), text);
  }
  return transcript.state === 'pending' ? h('p', { className: 'transcript muted' }, t('transcriptPending')) : null;
}

function renderPending(store, entry, client) {
  const status = entry.failed ? h('span', { className: 'error' }, t('notSent'), ' · ', errorText({ code: entry.failed, details: entry.failedDetails || {} }))
    : h('span', { className: 'muted' }, client.online ? t('sending') : t('reconnecting'));
  const body = entry.kind === 'voice'
    ? h('p', { className: 'text' }, t('voiceMessage', { seconds: Math.round(entry.durationMs / 1000) }))
    : h('p', { className: 'text' }, entry.text);
  return h('li', { className: 'mine pending' },
    h('div', { className: 'bubble' }, body),
    h('p', { className: 'status' }, status,
      entry.failed ? h('button', { className: 'link', onclick: () => store.discard(entry.clientMsgId) }, t('discard')) : null));
}

function systemText(store, message) {
  const s = message.system || {};
  const consultation = store.consultations.get(message.consultationId);
  switch (s.event) {
    case 'claimed':
      return t('sysClaimed', { department: departmentName(store.departments.get(consultation?.departmentId)) });
    case 'transferred':
      return t('sysTransferred', {
        department: departmentName(store.departments.get(s.toDepartmentId)),
        reason: s.reason,
      });
    case 'closed':
      return s.summary ? t('sysClosed', { summary: s.summary }) : t('sysClosedNoSummary');
    case 'rated':
      return t('sysRated', { rating: t(`rating${s.rating}`) });
    default:
      return '';
  }
}

function renderRating(store, consultationId) {
  let chosen = 0;
  const error = h('p', { className: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit', className: 'primary', disabled: true }, t('rateSubmit'));
  const choices = RATINGS.map((value) => {
    const radio = h('input', { type: 'radio', name: 'rating', value, id: `rating-${value}`,
      onchange: () => {
        chosen = value;
        submit.disabled = false;
      } });
    return h('label', { className: 'choice', for: `rating-${value}` }, radio, t(`rating${value}`));
  });
  const comment = h('textarea', { id: 'rating-comment', rows: 2, maxlength: 500 });
  return h('form', { className: 'card rating', onsubmit: async (e) => {
    e.preventDefault();
    submit.disabled = true;
    try {
      await store.rate(consultationId, chosen, comment.value.trim());
      announce(t('ratedThanks'));
    } catch (err) {
      error.textContent = errorText(err);
      submit.disabled = false;
    }
  } },
  h('fieldset', {}, h('legend', {}, t('rateTitle')), choices),
  h('label', { for: 'rating-comment' }, t('ratingComment')), comment, error, submit);
}
