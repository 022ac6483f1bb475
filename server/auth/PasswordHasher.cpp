#include "PasswordHasher.h"

#include <sodium.h>

namespace PasswordHasher {
namespace {
constexpr unsigned long long opsLimit = 2;
constexpr size_t memLimit = 19 * 1024 * 1024;
} // namespace

bool initialize()
{
    return sodium_init() >= 0;
}

QString hash(const QString &password)
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          opsLimit, memLimit) != 0)
        return {};
    return QString::fromLatin1(out);
}

bool verify(const QString &hash, const QString &password)
{
    const QByteArray stored = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    if (stored.isEmpty() || stored.size() >= crypto_pwhash_STRBYTES)
        return false;
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

} // namespace PasswordHasher
