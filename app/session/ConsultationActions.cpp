#include "ConsultationActions.h"

#include "app/domain/Vocabulary.h"
#include "app/protocol/Methods.h"
#include "app/protocol/Requests.h"
#include "app/sync/ProtocolClient.h"

#include <QPointer>

ConsultationActions::ConsultationActions(ProtocolClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void ConsultationActions::claim(qint64 consultationId, Done done)
{
    send(Method::ConsultationClaim, ClaimRequest{consultationId}.toParams(), std::move(done));
}

void ConsultationActions::transferToDepartment(qint64 consultationId, qint64 departmentId,
                                               const QString &reason, Done done)
{
    send(Method::ConsultationTransfer,
         TransferRequest{consultationId, departmentId, 0, reason}.toParams(), std::move(done));
}

void ConsultationActions::transferToResponder(qint64 consultationId, qint64 responderId,
                                              const QString &reason, Done done)
{
    send(Method::ConsultationTransfer,
         TransferRequest{consultationId, 0, responderId, reason}.toParams(), std::move(done));
}

void ConsultationActions::close(qint64 consultationId, const QString &summary, Done done)
{
    send(Method::ConsultationClose, CloseRequest{consultationId, summary}.toParams(),
         std::move(done));
}

void ConsultationActions::send(const QString &method, const QJsonObject &params, Done done)
{
    if (!m_client.isOpen())
        return done(false, {ActionFailure::Kind::Offline, {}});
    m_client.request(method, params,
                     [self = QPointer<ConsultationActions>(this), done](const Frame &reply) {
                         if (!self)
                             return;
                         if (reply.type == Frame::Type::Result)
                             return done(true, {});
                         done(false, failureOf(reply));
                     });
}

ActionFailure ConsultationActions::failureOf(const Frame &reply)
{
    switch (reply.errorCode) {
    case ErrorCode::Conflict:
        if (reply.payload.value(QLatin1String("assigneeId")).toInteger() > 0 &&
            fromWireName<ConsultationState>(
                reply.payload.value(QLatin1String("state")).toString()) ==
                ConsultationState::Claimed)
            return {ActionFailure::Kind::AlreadyClaimed, reply.errorMessage};
        return {ActionFailure::Kind::StateChanged, reply.errorMessage};
    case ErrorCode::Forbidden:
    case ErrorCode::NotFound:
        return {ActionFailure::Kind::Forbidden, reply.errorMessage};
    case ErrorCode::TooLarge:
        return {ActionFailure::Kind::TooLong, reply.errorMessage};
    case ErrorCode::Internal:
        if (reply.errorMessage == QLatin1String("connection lost"))
            return {ActionFailure::Kind::Offline, reply.errorMessage};
        break;
    default:
        break;
    }
    return {ActionFailure::Kind::Other, reply.errorMessage};
}
