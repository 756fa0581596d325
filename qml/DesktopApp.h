// SPDX-License-Identifier: MIT
// The desktop app's composition root: the window with its in-process backend, what `ponder` opens and what
// the UI tests open offscreen. Owns the backend's thread, the QML engine and the objects QML is given.
#pragma once

#include "BackendGateway.h"
#include "EndpointStatus.h"
#include "ReadOnlyTextKeys.h"
#include "options/ServerOptionsBuilder.h"
#include "settings/SecretEditor.h"
#include "settings/Translations.h"

#include <QQmlApplicationEngine>

#include <optional>

class Keychain;
class Preferences;
class QQuickWindow;

class DesktopApp
{
public:
    // `keychain` is the process's one Keychain; it outlives the window.
    DesktopApp(Preferences &preferences, Keychain &keychain);
    ~DesktopApp();

    // Loads the QML; false (with warnings logged) when it cannot load. The window shows at once; the
    // backend starts with start().
    bool show();
    // Reads what the options want from the keychain (asynchronously: the window stays responsive), then
    // starts the backend with them, so the local endpoint never opens without its token.
    void start(ServerOptionsBuilder builder);

    QQuickWindow *window() const;
    BackendGateway &gateway() { return m_gateway; }
    EndpointStatus &endpoint() { return m_endpoint; }
    SecretEditor &secrets() { return m_secrets; }

private:
    // Settings changed the upstreams or a key of theirs: their keys are read from the keychain (in the
    // background), then the running backend is handed the list.
    void applyUpstreams();
    // Settings changed the AG-UI agents: the running backend is handed the list (as --agent wins over
    // Settings, the list is what the options make of both).
    void applyAgents();

    bool m_styleChosen; // first: the style is set before the engine exists
    Preferences &m_preferences;
    Keychain &m_keychain;
    Translations m_translations;
    EndpointStatus m_endpoint;
    SecretEditor m_secrets;
    ReadOnlyTextKeys m_readOnlyTextKeys;
    std::optional<ServerOptionsBuilder> m_builder; // what start() was given, once it was
    int m_upstreamsAsked = 0; // applyUpstreams() calls: only the latest one's keys are used
    BackendGateway m_gateway; // declared before the engine: QML objects go first, then the backend
    QQmlApplicationEngine m_engine;
};
