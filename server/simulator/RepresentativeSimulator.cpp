#include "RepresentativeSimulator.h"

#include "app/sync/SessionConnection.h"

#include "app/protocol/Methods.h"
#include "app/protocol/Requests.h"
#include "app/protocol/VoiceChunk.h"

#include <QJsonArray>
#include <QUuid>
#include <array>

namespace {

// What representatives ask departments about during the sessions, and how they follow up.
constexpr std::array<const char *, 12> kSubjects{
    "请问今年义务教育阶段入学报名的时间安排？",
    "关于老旧小区加装电梯的补贴政策咨询",
    "社区嵌入式养老服务设施的建设进度如何？",
    "新能源汽车充电桩进小区遇到的困难",
    "中小企业融资担保政策的申请条件",
    "医保异地就医直接结算的办理流程",
    "地铁末班车延时运营的可行性",
    "垃圾分类中转站选址的征求意见情况",
    "人才公寓申请条件是否有调整？",
    "历史风貌保护区修缮资金的来源",
    "菜市场改造期间居民买菜的临时安排",
    "一网通办中个体工商户注册的常见问题",
};

constexpr std::array<const char *, 10> kFollowUps{
    "谢谢答复，能否再说明一下具体的办理材料？",
    "群众反映比较集中，希望能尽快推进。",
    "这个政策有没有书面文件可以参考？",
    "相关区的落实情况是否有统计数据？",
    "我在调研中也听到了类似的意见。",
    "请问后续会不会有配套的细则出台？",
    "好的，我会把这个情况转告给选民。",
    "能否提供一个联系人，便于后续跟进？",
    "这个时间节点大概是什么时候？",
    "非常感谢，解答很清楚。",
};

QString pick(std::mt19937 &random, const char *const *items, size_t count)
{
    return QString::fromUtf8(items[std::uniform_int_distribution<size_t>(0, count - 1)(random)]);
}

} // namespace

RepresentativeSimulator::RepresentativeSimulator(Options options,
                                                 QList<SpeechSynthesizer::Clip> voiceClips,
                                                 QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clips(std::move(voiceClips))
    , m_random(m_options.seed)
{
    connect(&m_ticker, &QTimer::timeout, this, &RepresentativeSimulator::tick);
}

void RepresentativeSimulator::start()
{
    m_clock.start();
    m_reps.resize(m_options.representatives);
    for (int i = 0; i < m_reps.size(); ++i) {
        m_reps[i].login =
            QStringLiteral("rep%1").arg(m_options.firstRepresentative + i, 4, 10, QLatin1Char('0'));
        connectRep(m_reps[i]);
    }
    const int intervalMs =
        std::max(1, static_cast<int>(1000.0 / std::max(0.001, m_options.messagesPerSecond)));
    m_ticker.start(intervalMs);
    QTimer::singleShot(m_options.maxSeconds * 1000, this, [this] {
        m_issued = m_options.maxMessages;
        finishIfDone();
    });
}

void RepresentativeSimulator::connectRep(Rep &rep)
{
    rep.client = new ProtocolClient(this);
    const int index = static_cast<int>(&rep - m_reps.data());
    connect(rep.client, &ProtocolClient::opened, this, [this, index] { signIn(index); });
    connect(rep.client, &ProtocolClient::closed, this,
            [this, index](int code, const QString &reason) {
                m_reps[index].online = false;
                m_reps[index].lastClose = QStringLiteral("%1 %2").arg(code).arg(reason);
                if (!m_done)
                    reconnectLater(index);
            });
    rep.client->open(m_options.url);
}

void RepresentativeSimulator::signIn(int index)
{
    m_reps[index].client->request(Method::Hello,
                                  {{QStringLiteral("versions"), QJsonArray{1}},
                                   {QStringLiteral("client"), QStringLiteral("consult-repsim")}});
    signInOnly(index);
}

void RepresentativeSimulator::signInOnly(int index)
{
    Rep &rep = m_reps[index];
    rep.client->request(
        Method::RepLogin,
        {{QStringLiteral("user"), rep.login}, {QStringLiteral("password"), m_options.password}},
        [this, index](const Frame &reply) {
            Rep &r = m_reps[index];
            // The server lets one address run only so many password checks at once: wait as
            // it asks and try again on the same connection, as a console behind one NAT would.
            if (reply.type == Frame::Type::Error && reply.errorCode == ErrorCode::Throttled) {
                const int waitMs = reply.payload.value(QLatin1String("retryAfterMs")).toInt();
                // Only on the connection that was refused: after a reconnect the new one
                // signs in by itself.
                const QWebSocket *socket = &r.client->socket();
                QTimer::singleShot(std::max(waitMs, 100), this, [this, index, socket] {
                    ProtocolClient *client = m_reps[index].client;
                    if (!m_done && &client->socket() == socket && client->isOpen())
                        signInOnly(index);
                });
                return;
            }
            if (reply.type != Frame::Type::Result)
                return fail(QStringLiteral("sign-in of ") + r.login, reply);
            if (r.reconnects > 0)
                Q_EMIT progress(QStringLiteral("%1 signed in again").arg(r.login));
            r.online = true;
            r.reconnects = 0;
            ++m_stats.signedIn;
            if (r.consultationId == 0)
                openConsultation(r); // after a reconnect: the same consultation goes on
        });
}

void RepresentativeSimulator::reconnectLater(int index)
{
    Rep &rep = m_reps[index];
    // As the console does: a growing wait, so that a restarting server is not hammered.
    const int waitMs = SessionConnection::backoffMs(ReconnectBackoff{500, 10000}, rep.reconnects++);
    if (rep.reconnects == 1)
        Q_EMIT progress(QStringLiteral("%1 lost its connection (close %2); trying again")
                            .arg(rep.login, rep.lastClose));
    QTimer::singleShot(waitMs, this, [this, index] {
        if (!m_done)
            m_reps[index].client->open(m_options.url);
    });
}

void RepresentativeSimulator::openConsultation(Rep &rep)
{
    const int index = static_cast<int>(&rep - m_reps.data());
    auto create = [this, index] {
        if (m_departmentIds.isEmpty())
            return;
        const qint64 department = m_departmentIds.at(std::uniform_int_distribution<int>(
            0, static_cast<int>(m_departmentIds.size()) - 1)(m_random));
        m_reps[index].client->request(
            Method::ConsultationCreate,
            {{QStringLiteral("departmentId"), department},
             {QStringLiteral("subject"), pick(m_random, kSubjects.data(), kSubjects.size())},
             {QStringLiteral("clientId"), QUuid::createUuid().toString(QUuid::WithoutBraces)}},
            [this, index](const Frame &reply) {
                if (reply.type != Frame::Type::Result)
                    return fail(QStringLiteral("opening a consultation"), reply);
                ++m_stats.consultations;
                m_reps[index].consultationId = reply.payload.value(QLatin1String("consultation"))
                                                   .toObject()
                                                   .value(QLatin1String("id"))
                                                   .toInteger();
            });
    };
    if (!m_departmentIds.isEmpty() || !m_options.departments.isEmpty()) {
        m_departmentIds = m_options.departments.isEmpty() ? m_departmentIds : m_options.departments;
        create();
        return;
    }
    rep.client->request(
        Method::SyncPull, {{QStringLiteral("stream"), QString(Stream::Departments)}},
        [this, create](const Frame &reply) {
            for (const QJsonValue &d : reply.payload.value(QLatin1String("items")).toArray())
                m_departmentIds << d.toObject().value(QLatin1String("id")).toInteger();
            create();
        });
}

void RepresentativeSimulator::tick()
{
    // Owe messages by elapsed time, so that rates above one per timer tick are kept too.
    const qint64 now = m_clock.elapsed();
    m_owed += (now - m_lastTickMs) * m_options.messagesPerSecond / 1000.0;
    m_lastTickMs = now;
    // At most 8 unanswered per representative on average, as consoles' outboxes would have:
    // past that the simulator sends only as answers come back, so that at any rate it reads what
    // the server sends it (unread, the server closes the connection as backlogged).
    const int maxInFlight = MaxInFlightPerRep * static_cast<int>(m_reps.size());
    m_owed = std::min(m_owed, double(maxInFlight));
    for (; m_owed >= 1.0; m_owed -= 1.0) {
        if (m_issued >= m_options.maxMessages)
            return finishIfDone();
        if (m_inFlight >= maxInFlight)
            return;
        if (!sendOne()) {
            m_owed = 0; // nobody is signed in yet: no burst of arrears later
            return;
        }
    }
}

bool RepresentativeSimulator::sendOne()
{
    QList<int> ready;
    for (int i = 0; i < m_reps.size(); ++i) {
        if (m_reps.at(i).online && m_reps.at(i).consultationId > 0)
            ready << i;
    }
    if (ready.isEmpty())
        return false;
    Rep &rep = m_reps[ready.at(
        std::uniform_int_distribution<int>(0, static_cast<int>(ready.size()) - 1)(m_random))];
    ++m_issued;
    ++m_inFlight;
    const bool voice = !m_clips.isEmpty() && std::uniform_real_distribution<double>(0, 1)(
                                                 m_random) < m_options.voiceShare;
    if (voice)
        sendVoice(rep, m_clips.at(std::uniform_int_distribution<int>(
                           0, static_cast<int>(m_clips.size()) - 1)(m_random)));
    else
        sendText(rep);
    return true;
}

void RepresentativeSimulator::sendText(Rep &rep)
{
    const QString text = rep.sent++ == 0 ? QStringLiteral("您好，我是人大代表，想咨询一个问题。")
                                         : pick(m_random, kFollowUps.data(), kFollowUps.size());
    rep.client->request(Method::MessageSend,
                        SendTextRequest{rep.consultationId,
                                        QUuid::createUuid().toString(QUuid::WithoutBraces), text}
                            .toParams(),
                        [this, client = rep.client](const Frame &reply) {
                            --m_inFlight;
                            reply.type == Frame::Type::Result
                                ? void(++m_stats.textsAcknowledged)
                                : failOrInterrupted(client, QStringLiteral("sending a message"),
                                                    reply);
                            finishIfDone();
                        });
}

void RepresentativeSimulator::sendVoice(Rep &rep, const SpeechSynthesizer::Clip &clip)
{
    ProtocolClient *client = rep.client;
    client->request(
        Method::VoiceBegin,
        VoiceBeginRequest{rep.consultationId, QUuid::createUuid().toString(QUuid::WithoutBraces),
                          clip.oggOpus.size(), clip.durationMs, clip.waveformBase64}
            .toParams(),
        [this, client, clip](const Frame &reply) {
            if (reply.type != Frame::Type::Result) {
                --m_inFlight;
                failOrInterrupted(client, QStringLiteral("starting a voice upload"), reply);
                return finishIfDone();
            }
            const auto transferId =
                static_cast<quint32>(reply.payload.value(QLatin1String("transferId")).toInteger());
            const int chunk = reply.payload.value(QLatin1String("chunkBytes")).toInt(65536);
            for (qsizetype offset = 0; offset < clip.oggOpus.size(); offset += chunk)
                client->sendBinary(encodeVoiceChunk(
                    {transferId, static_cast<quint32>(offset), clip.oggOpus.mid(offset, chunk)}));
            client->request(Method::VoiceCommit,
                            {{QStringLiteral("transferId"), static_cast<qint64>(transferId)}},
                            [this, client](const Frame &done) {
                                --m_inFlight;
                                done.type == Frame::Type::Result
                                    ? void(++m_stats.voicesAcknowledged)
                                    : failOrInterrupted(
                                          client, QStringLiteral("sending a voice message"), done);
                                finishIfDone();
                            });
        });
}

void RepresentativeSimulator::fail(const QString &what, const Frame &reply)
{
    ++m_stats.failures;
    Q_EMIT progress(QStringLiteral("%1 failed: %2 %3")
                        .arg(what, errorCodeName(reply.errorCode), reply.errorMessage));
}

void RepresentativeSimulator::failOrInterrupted(const ProtocolClient *client, const QString &what,
                                                const Frame &reply)
{
    if (client->isOpen())
        return fail(what, reply);
    ++m_stats.interrupted;
}

void RepresentativeSimulator::finishIfDone()
{
    if (m_done || m_issued < m_options.maxMessages || m_inFlight > 0)
        return;
    m_done = true;
    m_ticker.stop();
    for (Rep &rep : m_reps)
        rep.client->close();
    Q_EMIT finished();
}
