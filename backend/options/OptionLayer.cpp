// SPDX-License-Identifier: MIT
#include "options/OptionLayer.h"

OptionLayer OptionLayer::fromEnvironment(const QProcessEnvironment &environment)
{
    OptionLayer layer;
    const auto read = [&](const char *name) -> std::optional<QString> {
        const QString value = environment.value(QLatin1String(name));
        return value.isEmpty() ? std::nullopt : std::optional<QString>(value);
    };
    layer.apiKey = read("PONDER_API_KEY");
    layer.openAiKey = read("PONDER_OPENAI_API_KEY");
    // Kept out of the command line, which other local users can read.
    layer.redisPassword = read("PONDER_REDIS_PASSWORD");
    return layer;
}
