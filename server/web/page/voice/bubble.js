// A voice message in the conversation: play/pause, its length, its waveform (the protocol's
// 100 points) filling as it plays, and the speed (1x, 1.5x, 2x) for long answers.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { play, player, stop, setRate, playingMessage } from './player.js';
import { unpack } from './waveform.js';

const RATES = [1, 1.5, 2];
let rate = 1; // the reader's choice, kept for every message

function drawWaveform(canvas, points, progress) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 160;
  const height = canvas.clientHeight || 32;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const g = canvas.getContext('2d');
  g.scale(ratio, ratio);
  const values = points || new Array(100).fill(8);
  const bar = width / values.length;
  values.forEach((v, i) => {
    const barHeight = Math.max(2, (v / 31) * (height - 4));
    g.fillStyle = i / values.length < progress ? '#a4231b' : '#6b6b6b';
    g.fillRect(i * bar, (height - barHeight) / 2, Math.max(1, bar - 1), barHeight);
  });
}

export function renderVoice(client, message, onError) {
  const seconds = Math.max(1, Math.round(message.voice.durationMs / 1000));
  const points = unpack(message.voice.waveform);
  const canvas = h('canvas', { className: 'waveform', 'aria-hidden': 'true' });
  const label = t('voiceMessage', { seconds });
  const button = h('button', { type: 'button', className: 'play', 'aria-label': `${t('play')} ${label}` }, '▶');
  // The name starts with what the button shows, so that speaking it (voice control) works.
  const speed = h('button', { type: 'button', className: 'speed', 'aria-label': `${rate}× ${t('speed')}` }, `${rate}×`);
  const element = h('div', { className: 'voice' }, button, canvas, h('span', { className: 'length' }, `${seconds}″`), speed);
  const redraw = (progress) => drawWaveform(canvas, points, progress);
  const show = (playing) => {
    button.textContent = playing ? '❚❚' : '▶';
    button.setAttribute('aria-label', `${t(playing ? 'pause' : 'play')} ${label}`);
  };
  // Follows the page's one player, also when this bubble was drawn while its message played.
  const follow = ({ detail }) => {
    if (!element.isConnected) {
      player.removeEventListener('state', follow);
      return;
    }
    if (detail.messageId !== message.id) return;
    show(detail.playing);
    redraw(detail.playing ? detail.progress : 0);
  };
  player.addEventListener('state', follow);
  show(playingMessage() === message.id);
  button.addEventListener('click', async () => {
    if (playingMessage() === message.id) {
      stop();
      return;
    }
    try {
      await play(client, message.id, rate);
    } catch (e) {
      onError?.(e);
    }
  });
  speed.addEventListener('click', () => {
    rate = RATES[(RATES.indexOf(rate) + 1) % RATES.length];
    speed.textContent = `${rate}×`;
    speed.setAttribute('aria-label', `${rate}× ${t('speed')}`);
    if (playingMessage() === message.id) setRate(rate);
  });
  requestAnimationFrame(() => redraw(0));
  return element;
}
