#pragma once

#include <QObject>
#include <QString>
#include <functional>

class ProtocolClient;
struct Frame;

// Why an action on a consultation did not happen, in kinds the workspace can word.
struct ActionFailure
{
    enum class Kind
    {
        Offline,        // not connected: nothing was sent
        AlreadyClaimed, // a colleague was quicker
        StateChanged,   // no longer in a state that allows this (closed meanwhile, say)
        Forbidden,      // not this officer's to do
        TooLong,        // a reason or summary over the limit
        Other,
    };
    Kind kind = Kind::Other;
    QString detail; // the server's message
};

// Claim, transfer and close over the signed-in connection. These need the server's decision
// at that moment (two officers may claim at once), so unlike replies they are never queued:
// offline, they fail at once and the workspace disables them.
class ConsultationActions : public QObject
{
    Q_OBJECT
public:
    // The consultation's record as the server now has it, or why not.
    using Done = std::function<void(bool ok, const ActionFailure &failure)>;

    explicit ConsultationActions(ProtocolClient &client, QObject *parent = nullptr);

    void claim(qint64 consultationId, Done done);
    void transferToDepartment(qint64 consultationId, qint64 departmentId, const QString &reason,
                              Done done);
    void transferToResponder(qint64 consultationId, qint64 responderId, const QString &reason,
                             Done done);
    void close(qint64 consultationId, const QString &summary, Done done);

private:
    void send(const QString &method, const QJsonObject &params, Done done);
    static ActionFailure failureOf(const Frame &reply);

    ProtocolClient &m_client;
};
