// SPDX-License-Identifier: MIT
#include "MidStreamFailure.h"

#include <QTest>

namespace MidStreamFailure {

QString message()
{
    return QStringLiteral("CUDA out of memory");
}

void addRows()
{
    QTest::addColumn<bool>("ollama");
    QTest::addColumn<bool>("breakConnection");
    QTest::newRow("openai error event") << false << false;
    QTest::newRow("openai broken connection") << false << true;
    QTest::newRow("ollama error line") << true << false;
    QTest::newRow("ollama broken connection") << true << true;
}

FakeScript failing(FakeScript script, bool breakConnection, int deltas)
{
    (breakConnection ? script.breakAfterDeltas : script.errorAfterDeltas) = deltas;
    script.errorMessage = message();
    return script;
}

} // namespace MidStreamFailure
