#pragma once

#include <QLoggingCategory>

// The logging category of this library: recording, playing and fetching voice messages. Enable with
// QT_LOGGING_RULES="consult.voice.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcVoice)
