// SPDX-License-Identifier: MIT
// The window's settings, kept with QSettings (in the data folder's settings.ini when --data-dir names one, so
// that windows with different data folders keep apart; else in the platform's usual place): upstreams, the
// local server, the event store, debug mode, language and theme. The upstreams and AG-UI agents apply at once
// (DesktopApp hands them to the running backend); the other server settings take effect when the backend
// starts. Options given on the command line or in the environment win over them (ServerOptionsBuilder).
#pragma once

#include "ServerOptions.h"
#include "options/OptionLayer.h"

#include <QObject>
#include <QSettings>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <memory>

class Preferences : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the application")
    // Applied while Ponder runs: no restart.
    Q_PROPERTY(QStringList upstreams READ upstreams WRITE setUpstreams NOTIFY upstreamsChanged)
    // AG-UI agents as "NAME=URL" (what --agent takes): relayed at /agui/NAME and offered in the model picker.
    // Applied while Ponder runs: no restart.
    Q_PROPERTY(QStringList agents READ agents WRITE setAgents NOTIFY agentsChanged)
    Q_PROPERTY(bool serverEnabled READ serverEnabled WRITE setServerEnabled NOTIFY serverSettingsChanged)
    Q_PROPERTY(QString serverHost READ serverHost WRITE setServerHost NOTIFY serverSettingsChanged)
    Q_PROPERTY(int serverPort READ serverPort WRITE setServerPort NOTIFY serverSettingsChanged)
    Q_PROPERTY(
        QStringList allowedOrigins READ allowedOrigins WRITE setAllowedOrigins NOTIFY serverSettingsChanged)
    Q_PROPERTY(bool stateless READ stateless WRITE setStateless NOTIFY serverSettingsChanged)
    Q_PROPERTY(QString redisUrl READ redisUrl WRITE setRedisUrl NOTIFY serverSettingsChanged)
    Q_PROPERTY(bool debugMode READ debugMode WRITE setDebugMode NOTIFY debugModeChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged) // "": the system's
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged) // system | light | dark
    Q_PROPERTY(QString model READ model WRITE setModel NOTIFY modelChanged) // the last one chosen
    // How the window was laid out: the sidebar shown or folded (Ctrl+B), the insight panel's width.
    Q_PROPERTY(bool sidebarShown READ sidebarShown WRITE setSidebarShown NOTIFY layoutChanged)
    Q_PROPERTY(int insightWidth READ insightWidth WRITE setInsightWidth NOTIFY layoutChanged)
    // Server settings that the backend reads only at start were changed after it started: a restart
    // applies them. The upstreams and the agents are not among them.
    Q_PROPERTY(bool restartNeeded READ restartNeeded NOTIFY serverSettingsChanged)

public:
    // `dataDir` empty: the platform's settings place (QSettings' default), as before --data-dir existed.
    explicit Preferences(const QString &dataDir = {}, QObject *parent = nullptr);

    // Where the settings are kept: a file, or on Windows a registry path.
    QString fileName() const { return m_settings->fileName(); }

    QStringList upstreams() const;
    void setUpstreams(const QStringList &specs);
    QStringList agents() const;
    void setAgents(const QStringList &specs);
    bool serverEnabled() const;
    void setServerEnabled(bool enabled);
    QString serverHost() const;
    void setServerHost(const QString &host);
    int serverPort() const;
    void setServerPort(int port);
    QStringList allowedOrigins() const;
    void setAllowedOrigins(const QStringList &origins);
    bool stateless() const;
    void setStateless(bool stateless);
    QString redisUrl() const;
    void setRedisUrl(const QString &url);
    bool sidebarShown() const;
    void setSidebarShown(bool shown);
    int insightWidth() const;
    void setInsightWidth(int width);
    bool debugMode() const;
    void setDebugMode(bool on);
    QString language() const;
    void setLanguage(const QString &language);
    QString theme() const;
    void setTheme(const QString &theme);
    QString model() const;
    void setModel(const QString &model);
    bool restartNeeded() const { return m_restartNeeded; }

    // How much `model` should think (ModelRow::thinkOptions), as last chosen for it; `fallback` if never.
    Q_INVOKABLE QString thinkFor(const QString &model, const QString &fallback) const;
    Q_INVOKABLE void setThinkFor(const QString &model, const QString &think);

    // An error message for the user, or empty when the value is usable.
    Q_INVOKABLE QString checkUpstream(const QString &spec) const;
    // What is wrong with "NAME=URL" beside `others` (the agents already saved); empty if nothing.
    Q_INVOKABLE QString checkAgent(const QString &spec, const QStringList &others) const;
    Q_INVOKABLE QString checkRedisUrl(const QString &url) const;
    Q_INVOKABLE QString checkHost(const QString &host) const;

    // The server settings saved here, for ServerOptionsBuilder (which ranks them below the command line
    // and the environment). Only what was saved is set, so the builder's defaults stay in one place.
    OptionLayer layer() const;

    // The backend is starting with the current server settings: nothing waits for a restart.
    void markApplied();

    // Something the backend reads at start changed outside these settings (a secret in the keychain): the
    // window offers a restart, as it does for server settings.
    Q_INVOKABLE void requireRestart();

    // Asks the application to start again once the window has closed (to apply server settings).
    Q_INVOKABLE void restartApplication();
    bool restartRequested() const { return m_restartRequested; }

Q_SIGNALS:
    void serverSettingsChanged();
    void upstreamsChanged();
    void agentsChanged();
    void debugModeChanged();
    void layoutChanged();
    void languageChanged();
    void themeChanged();
    void modelChanged();

private:
    void writeServerSetting(const QString &key, const QVariant &value);

    std::unique_ptr<QSettings> m_settings;
    bool m_restartNeeded = false;
    bool m_restartRequested = false;
};
