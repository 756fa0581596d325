// SPDX-License-Identifier: MIT
// Qt Quick Test runner for the window's QML components (tests/qml/tst_*.qml), offscreen.
#include "ReadOnlyTextKeys.h"

#include <QQmlEngine>
#include <QQuickStyle>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(PonderPlugin)

class ComponentTestSetup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void applicationAvailable()
    {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
        QCoreApplication::instance()->installEventFilter(&m_readOnlyTextKeys); // as the window does
    }
    // The Ponder module is linked in statically; its QML files live in the resources.
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(QStringLiteral(":/qt/qml")); }

private:
    ReadOnlyTextKeys m_readOnlyTextKeys;
};

QUICK_TEST_MAIN_WITH_SETUP(components, ComponentTestSetup)

#include "tst_components.moc"
