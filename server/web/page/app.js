// The representatives' page: sign in, one's consultations, a conversation with a department,
// rating. Screens are drawn from the store's state on every change; the address's hash names
// the screen (#/, #/new, #/c/<id>) so that the phone's back button works.

import { ProtocolClient, newClientId, socketUrl, tokenStore } from './client.js';
import { h, announce } from './dom.js';
import { t, errorText, departmentName, formatTime, stateLabel } from './i18n.js';
import { Store } from './store.js';
import { renderConversation } from './conversation.js';

const client = new ProtocolClient(socketUrl(location), tokenStore);
const store = new Store(client);
const root = document.getElementById('app');
const banner = document.getElementById('connection');
let signInError = '';
let current = null; // the drawn screen's key and its update function

document.title = t('title');

client.addEventListener('state', ({ detail }) => {
  banner.hidden = detail === 'online';
  banner.textContent = detail === 'connecting' && !client.hello ? t('connecting') : t('reconnecting');
  if (detail === 'online' && client.principal) store.sync().catch(() => {});
  draw();
});
client.addEventListener('signedin', () => {
  signInError = '';
});
client.addEventListener('signedout', ({ detail }) => {
  store.reset();
  signInError = ['session_revoked', 'token_expired', 'token_invalid'].includes(detail) ? t('errSessionEnded') : '';
  draw();
});
client.addEventListener('event', ({ detail }) => {
  store.onEvent(detail);
  const message = detail.data.message;
  if (detail.event === 'message.created' && message.senderKind === 'responder') {
    const consultation = store.consultations.get(message.consultationId);
    announce(t('newMessageFrom', { department: departmentName(store.departments.get(consultation?.departmentId)) }));
  }
});
client.addEventListener('binary', ({ detail }) => store.dispatchEvent(new CustomEvent('binary', { detail })));
store.addEventListener('changed', ({ detail }) => draw(detail));
window.addEventListener('hashchange', () => draw());
window.addEventListener('online', () => client.retryNow());

client.start();
draw();

function route() {
  const hash = location.hash || '#/';
  const match = /^#\/c\/(\d+)$/.exec(hash);
  if (match) return { screen: 'conversation', id: Number(match[1]) };
  if (hash === '#/new') return { screen: 'new' };
  return { screen: 'list' };
}

function draw(change) {
  if (!client.principal) {
    // Before the first answer, a page with a stored token waits rather than flashing sign-in.
    if (tokenStore.load() && client.state !== 'online' && !signInError) return show('wait', waitScreen);
    return show('signin', signInScreen);
  }
  if (!store.loaded) return show('wait', waitScreen);
  const r = route();
  if (r.screen === 'conversation') {
    const key = `c${r.id}`;
    if (current?.key === key && current.update) return current.update(change);
    return show(key, () => renderConversation({ store, client, consultationId: r.id }));
  }
  if (r.screen === 'new') {
    if (current?.key === 'new') return undefined; // keep what is being typed
    return show('new', newScreen);
  }
  return show('list', listScreen, true);
}

// Replaces the screen; `redraw` screens are rebuilt on every change (they hold no input).
function show(key, build, redraw = false) {
  if (current?.key === key && !redraw) return;
  const focusedId = document.activeElement?.id;
  const view = build();
  root.replaceChildren(view.element ?? view);
  // A new screen starts at its top; a redrawn one (the list) keeps its place.
  if (current?.key !== key) window.scrollTo(0, 0);
  current = { key, update: view.update };
  if (focusedId && document.getElementById(focusedId)) document.getElementById(focusedId).focus();
}

function waitScreen() {
  return h('p', { className: 'notice', role: 'status' }, t('loading'));
}

function signInScreen() {
  const user = h('input', { id: 'user', name: 'user', autocomplete: 'username', required: true,
    autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const error = h('p', { id: 'signin-error', className: 'error', role: 'alert' }, signInError);
  const button = h('button', { type: 'submit', className: 'primary' }, t('signIn'));
  const form = h('form', { className: 'card signin', 'aria-describedby': 'signin-error',
    onsubmit: async (e) => {
      e.preventDefault();
      button.disabled = true;
      button.textContent = t('signingIn');
      error.textContent = '';
      try {
        await client.signIn(user.value.trim(), password.value);
        await store.sync();
      } catch (err) {
        signInError = errorText(err);
        error.textContent = signInError;
        button.disabled = false;
        button.textContent = t('signIn');
      }
    } },
    h('label', { for: 'user' }, t('user')), user,
    h('label', { for: 'password' }, t('password')), password,
    error, button,
    h('p', { className: 'hint' }, t('demoHint')));
  return h('section', { className: 'screen' },
    h('header', { className: 'masthead' }, h('h1', {}, t('title')), h('p', {}, t('subtitle'))),
    form);
}

function listScreen() {
  const items = store.consultationList().map((c) => {
    const last = store.lastMessage(c.id);
    const preview = last?.kind === 'text' ? last.text
      : last?.kind === 'voice' ? t('voiceMessage', { seconds: Math.round(last.voice.durationMs / 1000) }) : '';
    return h('li', {},
      h('a', { className: 'consultation', href: `#/c/${c.id}` },
        h('span', { className: 'row' },
          h('span', { className: 'department' }, departmentName(store.departments.get(c.departmentId))),
          h('span', { className: `state state-${c.rating ? 'rated' : c.state}` }, stateLabel(c))),
        h('span', { className: 'subject' }, c.subject),
        h('span', { className: 'row muted' },
          h('span', { className: 'preview' }, preview),
          h('time', { datetime: new Date(last?.createdAt ?? c.createdAt).toISOString() },
            formatTime(last?.createdAt ?? c.createdAt)))));
  });
  return h('section', { className: 'screen' },
    h('header', { className: 'bar' },
      h('h1', {}, t('myConsultations')),
      h('button', { className: 'link', onclick: () => client.signOut().catch(() => {}).finally(() => {
        store.reset();
        draw();
      }) }, t('signOut'))),
    h('p', { className: 'who' }, client.principal.name),
    h('a', { className: 'primary button', href: '#/new' }, t('newConsultation')),
    items.length ? h('ul', { className: 'consultations' }, items)
      : h('p', { className: 'notice' }, t('noConsultations')));
}

function newScreen() {
  const departments = [...store.departments.values()].sort((a, b) => a.seq - b.seq || a.id - b.id);
  const select = h('select', { id: 'department', required: true },
    h('option', { value: '' }, t('chooseDepartment')),
    departments.map((d) => h('option', { value: d.id }, departmentName(d))));
  const subject = h('input', { id: 'subject', maxlength: 200, required: true, 'aria-describedby': 'subject-hint' });
  const details = h('textarea', { id: 'details', rows: 5, maxlength: 4000 });
  const error = h('p', { className: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit', className: 'primary' }, t('submit'));
  const clientId = newClientId();
  const form = h('form', { className: 'card', onsubmit: async (e) => {
    e.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    try {
      const consultation = await store.openConsultation(Number(select.value), subject.value.trim(), clientId);
      if (details.value.trim()) store.sendText(consultation.id, details.value.trim());
      location.hash = `#/c/${consultation.id}`;
    } catch (err) {
      error.textContent = errorText(err);
      submit.disabled = false;
    }
  } },
  h('label', { for: 'department' }, t('department')), select,
  h('label', { for: 'subject' }, t('subject')), subject,
  h('p', { id: 'subject-hint', className: 'hint' }, t('subjectHint')),
  h('label', { for: 'details' }, t('firstMessage')), details,
  error,
  h('div', { className: 'actions' },
    h('a', { className: 'button', href: '#/' }, t('cancel')), submit));
  return h('section', { className: 'screen' },
    h('header', { className: 'bar' },
      h('a', { className: 'back', href: '#/', 'aria-label': t('back') }, '‹'),
      h('h1', {}, t('newConsultation'))),
    form);
}
