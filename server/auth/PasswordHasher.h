#pragma once

#include <QString>

// Argon2id through libsodium's crypto_pwhash_str, at OWASP's minimum cost (t = 2, m = 19 MiB,
// p = 1). Both calls take tens of milliseconds on purpose: run them on a worker thread.
namespace PasswordHasher {
bool initialize(); // sodium_init(); call once at start-up
QString hash(const QString &password);
bool verify(const QString &hash, const QString &password);
} // namespace PasswordHasher
