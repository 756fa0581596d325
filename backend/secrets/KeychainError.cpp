// SPDX-License-Identifier: MIT
#include "secrets/KeychainError.h"

QString KeychainError::message() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Unavailable:
        return QStringLiteral("the keychain is not available: %1").arg(detail);
    case Kind::AccessDenied:
        return QStringLiteral("the keychain refused access: %1").arg(detail);
    case Kind::Other:
        break;
    }
    return QStringLiteral("the keychain reported an error: %1").arg(detail);
}
