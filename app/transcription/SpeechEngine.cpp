#include "SpeechEngine.h"

void SpeechEngine::begin(const SpeechRequest &, int)
{
    Q_EMIT failed(tr("This engine transcribes whole clips only."));
}

void SpeechEngine::feed(const QByteArray &) {}

void SpeechEngine::finish() {}
