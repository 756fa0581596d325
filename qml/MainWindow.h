// The desktop window with its in-process backend: what `ponder` opens, and what the UI tests open
// offscreen. Owns the backend's thread, the QML engine and the objects QML is given.
#pragma once

#include "BackendHost.h"
#include "EndpointStatus.h"
#include "settings/Translations.h"

#include <QQmlApplicationEngine>

class Preferences;
class QQuickWindow;

class MainWindow
{
public:
    MainWindow(ServerOptions options, Preferences &preferences);
    ~MainWindow();

    // Loads the QML and starts the backend; false (with warnings logged) when the QML cannot load.
    bool show();

    QQuickWindow *window() const;
    BackendHost &host() { return m_host; }
    EndpointStatus &endpoint() { return m_endpoint; }

private:
    bool m_styleChosen; // first: the style is set before the engine exists
    Preferences &m_preferences;
    Translations m_translations;
    EndpointStatus m_endpoint;
    BackendHost m_host; // declared before the engine: QML objects go first, then the backend
    QQmlApplicationEngine m_engine;
};
