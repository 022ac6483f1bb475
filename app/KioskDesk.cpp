#include "KioskDesk.h"

#include "app/outbox/OutboxSender.h"
#include "app/outbox/OutboxStore.h"
#include "app/session/AccountSession.h"

#include <QApplication>
#include <QDateTime>
#include <QTimer>

namespace {
// An idle desk does not wait for anyone to read the notice of replies given up.
constexpr int discardedNoticeMs = 60000;
} // namespace

KioskDesk::KioskDesk(KioskConfig config, QApplication &app, KioskClock clock, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_clock(clock)
    , m_frame(app)
    , m_idle(qint64(m_config.idleSeconds) * 1000, qint64(m_config.warningSeconds) * 1000, clock)
    , m_reports(m_config.stateFolder + QStringLiteral("/discarded"))
{
    connect(&m_frame, &KioskFrame::activity, &m_idle, &IdleSignOut::activity);
    connect(&m_idle, &IdleSignOut::warning, &m_frame, &KioskFrame::showIdleWarning);
    connect(&m_idle, &IdleSignOut::warningCleared, &m_frame, &KioskFrame::clearIdleWarning);
    connect(&m_idle, &IdleSignOut::expired, this, &KioskDesk::idleSignOutRequested);
    connect(&m_frame, &KioskFrame::staySignedInRequested, this, [this] {
        m_gate.reset();
        m_done = {};
        m_frame.clearOverlay();
        if (m_session)
            m_idle.start();
    });
    connect(&m_frame, &KioskFrame::discardedAcknowledged, this, &KioskDesk::finish);
}

KioskDesk::~KioskDesk() = default;

void KioskDesk::attach(AccountSession &session)
{
    m_session = &session;
    m_idle.start();
    m_reports.attach(session.connection().client());
    const auto online = [this](AccountSession::ConnectionState state) {
        m_reports.setOnline(state == AccountSession::ConnectionState::Online);
    };
    connect(&session, &AccountSession::stateChanged, this, online);
    online(session.connectionState());
}

void KioskDesk::detach()
{
    m_idle.stop();
    m_reports.detach();
    if (m_session)
        m_session->disconnect(this);
    m_session.clear();
    m_gate.reset();
    m_frame.clearOverlay();
}

void KioskDesk::signOut(std::function<void()> done, Reason reason)
{
    if (!m_session || m_gate)
        return;
    m_idle.stop();
    m_done = std::move(done);
    QPointer<AccountSession> session = m_session;
    m_gate = std::make_unique<SignOutGate>(
        qint64(m_config.outboxLimitSeconds) * 1000,
        [session] { return session ? session->outbox().undelivered() : QList<OutboxItem>(); },
        m_clock);
    connect(&session->sender(), &OutboxSender::itemChanged, m_gate.get(), &SignOutGate::check);
    connect(m_gate.get(), &SignOutGate::waiting, this,
            [this, reason](const QList<OutboxItem> &items, int secondsLeft) {
                QList<WaitingReply> replies;
                for (const OutboxItem &item : items)
                    replies << WaitingReply{item.consultationId, item.text.size(),
                                            item.isVoice() ? item.voiceDurationMs : -1};
                m_frame.showSignOutWaiting(replies, secondsLeft, reason == Reason::Asked);
            });
    connect(m_gate.get(), &SignOutGate::cleared, this, &KioskDesk::finish);
    connect(m_gate.get(), &SignOutGate::discarding, this, [this](const QList<OutboxItem> &items) {
        const bool recorded =
            m_reports.add(items, m_session ? m_session->account().user : QString(),
                          QDateTime::currentMSecsSinceEpoch());
        QList<qint64> consultations;
        for (const OutboxItem &item : items) {
            if (!consultations.contains(item.consultationId))
                consultations << item.consultationId;
        }
        m_frame.showDiscarded(consultations, int(items.size()), recorded);
        QTimer::singleShot(discardedNoticeMs, this, [this] {
            if (m_done)
                finish();
        });
    });
    m_gate->begin();
}

void KioskDesk::finish()
{
    m_frame.clearOverlay();
    // Deferred: the gate that called here goes with it.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_gate.reset();
            if (auto done = std::exchange(m_done, {}))
                done();
        },
        Qt::QueuedConnection);
}
