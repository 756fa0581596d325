#include "MainWindow.h"

#include "settings/Preferences.h"

#include <QQuickStyle>
#include <QQuickWindow>

namespace {

// Fusion: a plain desktop style that draws without shader effects, so it looks the same with a GPU,
// without one (software rendering) and in offscreen screenshots; QT_QUICK_CONTROLS_STYLE still wins.
bool chooseStyle()
{
    static bool chosen = false; // once per process: Qt refuses to change it after QML has loaded
    if (!std::exchange(chosen, true) && qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    return true;
}

} // namespace

MainWindow::MainWindow(ServerOptions options, Preferences &preferences)
    : m_styleChosen(chooseStyle())
    , m_preferences(preferences)
    , m_host(std::move(options))
{
    QObject::connect(&m_host, &BackendHost::started, &m_endpoint, &EndpointStatus::setRunning);
    QObject::connect(&m_host, &BackendHost::failed, &m_endpoint, &EndpointStatus::setFailed);
    m_translations.setEngine(&m_engine);
    m_translations.apply(preferences.language());
    QObject::connect(&preferences, &Preferences::languageChanged, &m_translations,
        [this] { m_translations.apply(m_preferences.language()); });
}

MainWindow::~MainWindow() = default;

bool MainWindow::show()
{
    m_engine.addImportPath(QStringLiteral(":/qt/qml"));
    m_engine.setInitialProperties({{QStringLiteral("host"), QVariant::fromValue(&m_host)},
        {QStringLiteral("endpoint"), QVariant::fromValue(&m_endpoint)},
        {QStringLiteral("preferences"), QVariant::fromValue(&m_preferences)}});
    m_engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Ponder/Main.qml")));
    if (m_engine.rootObjects().isEmpty())
        return false;
    m_preferences.markApplied();
    m_host.start();
    return true;
}

QQuickWindow *MainWindow::window() const
{
    const auto roots = m_engine.rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.first());
}
