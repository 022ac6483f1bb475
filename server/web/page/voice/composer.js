// Recording a voice message, as WeChat users expect and for those who cannot: hold the button to
// talk and let go to send, sliding up to cancel; or tap to start and tap again to send. While
// recording: a level meter, the time, a count-down in the last 10 s (read out), and "too short"
// under a second. The clip goes to `onClip`; what went wrong is said in `status`.

import { h, announce } from '../dom.js';
import { t } from '../i18n.js';
import { VoiceRecorder } from './recorder.js';

const CANCEL_DISTANCE_PX = 60;

export function renderVoiceControls({ maxMs, onClip, encoderFactory }) {
  const meter = h('span', { className: 'level' });
  const time = h('span', { className: 'elapsed' });
  const hint = h('p', { className: 'hint-line' });
  const panel = h('div', { className: 'recording', role: 'status', 'aria-live': 'polite', hidden: true },
    h('span', { className: 'meter', 'aria-hidden': 'true' }, meter), time, hint);
  const status = h('p', { className: 'error voice-error', role: 'alert' });
  const hold = h('button', { type: 'button', className: 'hold' }, t('holdToTalk'));
  const tap = h('button', { type: 'button', className: 'tap' }, t('tapToRecord'));
  let recorder = null;
  let mode = null; // 'hold' | 'tap'
  let cancelling = false;
  let startY = 0;
  let spokenCountdown = 0;

  function show(text, alert = false) {
    hint.textContent = text;
    if (alert) status.textContent = text;
  }

  function reset() {
    recorder = null;
    mode = null;
    cancelling = false;
    spokenCountdown = 0;
    panel.hidden = true;
    panel.classList.remove('cancelling');
    hold.textContent = t('holdToTalk');
    tap.textContent = t('tapToRecord');
    hold.disabled = false;
    tap.disabled = false;
  }

  async function begin(how) {
    status.textContent = '';
    mode = how;
    recorder = new VoiceRecorder({ maxMs, encoderFactory });
    const current = recorder;
    recorder.addEventListener('level', ({ detail }) => {
      meter.style.width = `${Math.min(100, Math.round(Math.sqrt(detail) * 100))}%`;
    });
    recorder.addEventListener('tick', ({ detail }) => {
      const left = Math.ceil((maxMs - detail) / 1000);
      time.textContent = `${Math.floor(detail / 1000)}″`;
      if (left <= 10) {
        show(t('secondsLeft', { seconds: left }));
        if (left !== spokenCountdown && (left === 10 || left === 5)) {
          spokenCountdown = left;
          announce(t('secondsLeft', { seconds: left }));
        }
      }
    });
    recorder.addEventListener('limit', () => finish());
    panel.hidden = false;
    time.textContent = '0″';
    show(how === 'hold' ? t('releaseToSend') : t('tapToSend'));
    if (how === 'tap') {
      tap.textContent = t('tapToSendShort');
      hold.disabled = true;
    } else {
      tap.disabled = true;
    }
    announce(t('recording'));
    try {
      await current.start();
    } catch (e) {
      if (recorder !== current) return;
      reset();
      const messages = { denied: 'micDenied', no_microphone: 'noMicrophone', no_encoder: 'noEncoder' };
      status.textContent = t(messages[e.code] || 'recordFailed');
    }
  }

  async function finish() {
    const current = recorder;
    if (!current) return;
    const cancel = cancelling;
    reset();
    if (cancel) {
      current.cancel();
      announce(t('recordCancelled'));
      return;
    }
    try {
      onClip(await current.stop());
    } catch (e) {
      status.textContent = e.code === 'too_short' ? t('tooShort') : t('recordFailed');
    }
  }

  hold.addEventListener('pointerdown', (e) => {
    if (recorder) return;
    hold.setPointerCapture(e.pointerId);
    startY = e.clientY;
    hold.textContent = t('releaseToSend');
    begin('hold');
  });
  hold.addEventListener('pointermove', (e) => {
    if (mode !== 'hold') return;
    cancelling = startY - e.clientY > CANCEL_DISTANCE_PX;
    panel.classList.toggle('cancelling', cancelling);
    show(cancelling ? t('releaseToCancel') : t('releaseToSend'));
  });
  hold.addEventListener('pointerup', () => {
    if (mode === 'hold') finish();
  });
  hold.addEventListener('pointercancel', () => {
    if (mode !== 'hold') return;
    cancelling = true;
    finish();
  });
  hold.addEventListener('contextmenu', (e) => e.preventDefault());
  tap.addEventListener('click', () => {
    if (mode === 'tap') finish();
    else if (!recorder) begin('tap');
  });

  const controls = h('div', { className: 'voice-controls' }, panel, status, h('div', { className: 'voice-buttons' }, hold, tap));
  // Leaving the conversation (back, another address, the page hidden) while recording cancels:
  // nothing is sent to a conversation the representative walked away from.
  const leave = () => {
    if (recorder) {
      cancelling = true;
      finish();
    }
    if (!controls.isConnected) {
      window.removeEventListener('hashchange', leave);
      window.removeEventListener('pagehide', leave);
    }
  };
  window.addEventListener('hashchange', leave);
  window.addEventListener('pagehide', leave);
  return controls;
}
