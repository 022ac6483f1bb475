#pragma once

#include "app/domain/Vocabulary.h"

#include <QMetaType>
#include <QString>
#include <optional>

// What the history search asks for: words (any length, Chinese or not; empty: filters only)
// and filters. Times are ms since the epoch; 0 = open-ended.
struct SearchRequest
{
    enum class Scope
    {
        Messages,
        Proposals,
        Subjects, // consultations, by what the representative said they are about
    };
    Scope scope = Scope::Messages;
    QString text;
    qint64 from = 0;
    qint64 until = 0;
    std::optional<ConsultationState> state; // nothing: any (messages only)
    QString representativeName;             // part of the name; empty: anyone
};

// One hit: a message (in its consultation) or a proposal, with the matched words marked.
struct SearchHit
{
    SearchRequest::Scope kind = SearchRequest::Scope::Messages;
    qint64 id = 0;             // the message, the proposal or (subjects) the consultation
    qint64 consultationId = 0; // messages only
    QString representativeName;
    // Messages: who wrote it, the representative or an officer (by name).
    SenderKind author = SenderKind::Representative;
    QString authorName;
    QString title;       // the consultation's subject, or the proposal's number and title
    QString snippetHtml; // escaped text around the first match, matches in <b>
    qint64 at = 0;       // when the message was sent; for proposals 0 (see year)
    int year = 0;
    ConsultationState state = ConsultationState::Waiting; // the consultation's
};

Q_DECLARE_METATYPE(SearchRequest)
Q_DECLARE_METATYPE(SearchHit)
