#include "TranscriptionLog.h"

Q_LOGGING_CATEGORY(lcTranscription, "consult.transcription")
