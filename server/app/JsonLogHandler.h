#pragma once

// Writes every log message as one JSON object per line on stderr
// ({"ts","level","category","msg"}), so that logs can be collected and queried as data.
void installJsonLogHandler();
