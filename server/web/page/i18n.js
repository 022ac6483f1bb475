// The page's words: Simplified Chinese first, English second. The language is the first of the
// browser's languages that the page speaks (WeChat passes the phone's), or ?lang=zh|en.

const STRINGS = {
  zh: {
    title: '代表委员在线咨询',
    subtitle: '向政府部门咨询，部门工作人员在线答复',
    user: '账号',
    password: '密码',
    signIn: '登录',
    signingIn: '正在登录…',
    signOut: '退出',
    demoHint: '演示账号：rep0001 至 rep2000，密码 rep2026',
    myConsultations: '我的咨询',
    newConsultation: '发起咨询',
    noConsultations: '还没有咨询。点“发起咨询”向部门提问。',
    department: '咨询部门',
    chooseDepartment: '请选择部门',
    subject: '咨询事项',
    subjectHint: '一句话说明要咨询的事（不超过 200 字）',
    firstMessage: '详细内容（可选）',
    submit: '提交',
    cancel: '取消',
    back: '返回',
    send: '发送',
    messagePlaceholder: '输入文字',
    stateWaiting: '等待受理',
    stateClaimed: '正在答复',
    stateClosed: '已办结',
    stateRated: '已评价',
    connecting: '正在连接…',
    reconnecting: '网络中断，正在重新连接…已写的内容会在连接后发出',
    online: '已连接',
    sending: '发送中',
    notSent: '未发出',
    discard: '删除',
    you: '我',
    officer: '工作人员',
    sysClaimed: '{department}已受理您的咨询',
    sysTransferred: '已转交{department}办理。原因：{reason}',
    sysClosed: '咨询已办结。答复摘要：{summary}',
    sysClosedNoSummary: '咨询已办结',
    sysRated: '您的评价：{rating}',
    rateTitle: '请对本次答复作出评价',
    ratingComment: '意见和建议（可选）',
    rateSubmit: '提交评价',
    ratedThanks: '感谢您的评价',
    rating5: '非常满意',
    rating4: '满意',
    rating3: '基本满意',
    rating2: '不满意',
    rating1: '非常不满意',
    errInvalidCredentials: '账号或密码不正确',
    errThrottled: '尝试次数过多，请 {seconds} 秒后再试',
    errOffline: '网络未连接，请稍后再试',
    errTooLarge: '内容太长，最多 {limit} 字',
    errForbidden: '无权进行此操作',
    errConflict: '咨询状态已变化，请刷新后再试',
    errGeneric: '操作未成功（{code}），请稍后再试',
    errSessionEnded: '登录已失效，请重新登录',
    newMessageFrom: '{department}发来新消息',
    transcript: '文字：',
    transcriptPending: '正在转写文字…',
    voiceMessage: '语音 {seconds} 秒',
    loading: '正在加载…',
    useVoice: '切换到语音',
    useKeyboard: '切换到文字',
    holdToTalk: '按住 说话',
    tapToRecord: '点按录音',
    tapToSendShort: '点按发送',
    releaseToSend: '松开 发送，上滑 取消',
    releaseToCancel: '松开手指，取消发送',
    tapToSend: '正在录音，再点一下发送',
    recording: '正在录音',
    recordCancelled: '已取消录音',
    secondsLeft: '还可以说 {seconds} 秒',
    tooShort: '说话时间太短',
    micDenied: '无法使用麦克风：请在浏览器或微信设置中允许本页使用麦克风。仍可发送文字。',
    noMicrophone: '没有找到麦克风。仍可发送文字。',
    recordFailed: '录音没有成功，请再试一次',
    noEncoder: '这个浏览器不能录制语音，请发送文字或换用微信内置浏览器',
    play: '播放',
    pause: '暂停',
    speed: '播放速度',
    playFailed: '语音无法播放，请稍后再试',
    characters: '{count}/{limit}',
  },
  en: {
    title: 'Online consultation for deputies and members',
    subtitle: 'Ask a government department; its officers answer online',
    user: 'Account',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    signOut: 'Sign out',
    demoHint: 'Demo accounts: rep0001 to rep2000, password rep2026',
    myConsultations: 'My consultations',
    newConsultation: 'New consultation',
    noConsultations: 'No consultations yet. Tap “New consultation” to ask a department.',
    department: 'Department',
    chooseDepartment: 'Choose a department',
    subject: 'Subject',
    subjectHint: 'What you want to ask, in one sentence (up to 200 characters)',
    firstMessage: 'Details (optional)',
    submit: 'Submit',
    cancel: 'Cancel',
    back: 'Back',
    send: 'Send',
    messagePlaceholder: 'Type a message',
    stateWaiting: 'Waiting',
    stateClaimed: 'Being answered',
    stateClosed: 'Closed',
    stateRated: 'Rated',
    connecting: 'Connecting…',
    reconnecting: 'Connection lost, reconnecting… What you write is sent once connected',
    online: 'Connected',
    sending: 'Sending',
    notSent: 'Not sent',
    discard: 'Delete',
    you: 'Me',
    officer: 'Officer',
    sysClaimed: '{department} has taken up your consultation',
    sysTransferred: 'Transferred to {department}. Reason: {reason}',
    sysClosed: 'Consultation closed. Summary: {summary}',
    sysClosedNoSummary: 'Consultation closed',
    sysRated: 'Your rating: {rating}',
    rateTitle: 'Please rate the answer you received',
    ratingComment: 'Comments (optional)',
    rateSubmit: 'Submit rating',
    ratedThanks: 'Thank you for your rating',
    rating5: 'Very satisfied',
    rating4: 'Satisfied',
    rating3: 'Fairly satisfied',
    rating2: 'Dissatisfied',
    rating1: 'Very dissatisfied',
    errInvalidCredentials: 'Wrong account or password',
    errThrottled: 'Too many attempts; try again in {seconds} s',
    errOffline: 'Not connected; try again shortly',
    errTooLarge: 'Too long: at most {limit} characters',
    errForbidden: 'You may not do this',
    errConflict: 'The consultation has changed; try again',
    errGeneric: 'That did not work ({code}); try again shortly',
    errSessionEnded: 'Your session has ended; please sign in again',
    newMessageFrom: 'New message from {department}',
    transcript: 'Text: ',
    transcriptPending: 'Transcribing…',
    voiceMessage: 'Voice, {seconds} s',
    loading: 'Loading…',
    useVoice: 'Switch to voice',
    useKeyboard: 'Switch to text',
    holdToTalk: 'Hold to talk',
    tapToRecord: 'Tap to record',
    tapToSendShort: 'Tap to send',
    releaseToSend: 'Release to send, slide up to cancel',
    releaseToCancel: 'Release to cancel',
    tapToSend: 'Recording; tap again to send',
    recording: 'Recording',
    recordCancelled: 'Recording cancelled',
    secondsLeft: '{seconds} s left',
    tooShort: 'Too short to send',
    micDenied: 'The microphone is not allowed: allow it for this page in the browser’s or WeChat’s settings. You can still send text.',
    noMicrophone: 'No microphone found. You can still send text.',
    recordFailed: 'Recording failed; please try again',
    noEncoder: 'This browser cannot record voice messages; please send text',
    play: 'Play',
    pause: 'Pause',
    speed: 'Playback speed',
    playFailed: 'The voice message cannot be played; try again shortly',
    characters: '{count}/{limit}',
  },
};

function chooseLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'zh' || asked === 'en') return asked;
  for (const tag of navigator.languages || [navigator.language]) {
    if (/^zh\b/i.test(tag)) return 'zh';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'zh';
}

export const lang = chooseLanguage();
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';

export function t(key, vars = {}) {
  const text = STRINGS[lang][key] ?? STRINGS.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

export function departmentName(department) {
  if (!department) return '';
  return lang === 'en' && department.nameEn ? department.nameEn : department.name;
}

export function errorText(error) {
  switch (error.code) {
    case 'invalid_credentials':
      return t('errInvalidCredentials');
    case 'throttled':
      return t('errThrottled', { seconds: Math.ceil((error.details.retryAfterMs || 1000) / 1000) });
    case 'offline':
    case 'timeout':
      return t('errOffline');
    case 'too_large':
      return t('errTooLarge', { limit: error.details.limit });
    case 'forbidden':
      return t('errForbidden');
    case 'conflict':
      return t('errConflict');
    default:
      return t('errGeneric', { code: error.code || 'error' });
  }
}

export function formatTime(ms) {
  const date = new Date(ms);
  const now = new Date();
  const sameDay = date.toDateString() === now.toDateString();
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  return sameDay
    ? date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleString(locale, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function stateLabel(consultation) {
  if (consultation.state === 'closed') return consultation.rating ? t('stateRated') : t('stateClosed');
  return consultation.state === 'claimed' ? t('stateClaimed') : t('stateWaiting');
}
