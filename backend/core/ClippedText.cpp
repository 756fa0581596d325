// SPDX-License-Identifier: MIT
#include "core/ClippedText.h"

#include <algorithm>

QString clippedForMessage(QStringView text, qsizetype most)
{
    if (text.size() <= most)
        return text.toString();
    qsizetype cut = std::max<qsizetype>(0, most);
    if (cut > 0 && text[cut - 1].isHighSurrogate()) // never half a character
        --cut;
    return text.first(cut).toString() + QStringLiteral("... (%1 characters)").arg(text.size());
}
