#pragma once

#include <QString>

// A responder's cache the size of a busy department's after a few years, for benchmarks:
// the demo directory (42 departments, their responders, 2,000 representatives, 20,000
// proposals), `consultations` consultations in the responder's department (a few hundred
// waiting, some claimed by the responder, the rest closed) and `messages` messages of realistic
// Chinese text, `largest` of them in consultation 1.
struct GeneratedCache
{
    int consultations = 100000;
    int messages = 1000000;
    int largest = 5000;
    qint64 responderId = 0; // filled in: who the cache belongs to
    qint64 departmentId = 0;

    // Writes the cache file at `path` (created with the client's own schema).
    bool write(const QString &path);
};
