// SPDX-License-Identifier: MIT
#include "DesktopApp.h"

#include "secrets/Keychain.h"
#include "settings/Preferences.h"

#include <QCoreApplication>
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

EndpointStatus::PortSource portSourceOf(ServerOptionsBuilder::Source source)
{
    switch (source) {
    case ServerOptionsBuilder::Source::CommandLine:
    case ServerOptionsBuilder::Source::Environment:
        return EndpointStatus::PortSource::CommandLine;
    case ServerOptionsBuilder::Source::Settings:
        return EndpointStatus::PortSource::Settings;
    default:
        return EndpointStatus::PortSource::Default;
    }
}

QStringList commandLineUpstreams(ServerOptionsBuilder::Source source, const QList<UpstreamConfig> &upstreams)
{
    QStringList specs;
    if (source != ServerOptionsBuilder::Source::CommandLine)
        return specs;
    for (const UpstreamConfig &upstream : upstreams)
        specs << UpstreamConfig::kindName(upstream.kind) + u':' + upstream.baseUrl.toDisplayString();
    return specs;
}

QStringList commandLineAgents(ServerOptionsBuilder::Source source, const QList<AgentConfig> &agents)
{
    QStringList specs;
    if (source != ServerOptionsBuilder::Source::CommandLine)
        return specs;
    for (const AgentConfig &agent : agents)
        specs << agent.name + u'=' + agent.url.toDisplayString();
    return specs;
}

} // namespace

DesktopApp::DesktopApp(Preferences &preferences, Keychain &keychain)
    : m_styleChosen(chooseStyle())
    , m_preferences(preferences)
    , m_keychain(keychain)
    , m_secrets(keychain)
{
    QCoreApplication::instance()->installEventFilter(&m_readOnlyTextKeys);
    QObject::connect(&m_gateway, &BackendGateway::running, &m_endpoint, &EndpointStatus::setRunning);
    QObject::connect(&m_gateway, &BackendGateway::failed, &m_endpoint, &EndpointStatus::setFailed);
    QObject::connect(
        &m_secrets, &SecretEditor::serverSecretChanged, &m_preferences, &Preferences::requireRestart);
    QObject::connect(
        &m_preferences, &Preferences::upstreamsChanged, &m_endpoint, [this] { applyUpstreams(); });
    QObject::connect(
        &m_secrets, &SecretEditor::upstreamKeyChanged, &m_endpoint, [this] { applyUpstreams(); });
    QObject::connect(&m_preferences, &Preferences::agentsChanged, &m_endpoint, [this] { applyAgents(); });
    m_translations.setEngine(&m_engine);
    m_translations.apply(preferences.language());
    QObject::connect(&preferences, &Preferences::languageChanged, &m_translations,
        [this] { m_translations.apply(m_preferences.language()); });
}

DesktopApp::~DesktopApp() = default;

bool DesktopApp::show()
{
    m_engine.addImportPath(QStringLiteral(":/qt/qml"));
    m_engine.setInitialProperties({{QStringLiteral("gateway"), QVariant::fromValue(&m_gateway)},
        {QStringLiteral("endpoint"), QVariant::fromValue(&m_endpoint)},
        {QStringLiteral("preferences"), QVariant::fromValue(&m_preferences)},
        {QStringLiteral("secrets"), QVariant::fromValue(&m_secrets)}});
    m_engine.load(QUrl(QStringLiteral("qrc:/qt/qml/Ponder/Main.qml")));
    return !m_engine.rootObjects().isEmpty();
}

void DesktopApp::start(ServerOptionsBuilder builder)
{
    m_endpoint.setReadingKeychain();
    m_builder = builder;
    const QStringList wanted = builder.keychainKeysWanted(ServerOptionsBuilder::Secrets::Window);
    // The window object outlives the answer or drops it: the endpoint status is the context.
    m_keychain.readAll(wanted, &m_endpoint, [this, builder](const QHash<QString, QString> &secrets) mutable {
        builder.setKeychain(secrets);
        const ServerOptions options = builder.build();
        m_endpoint.setConfiguration(options.listen, portSourceOf(builder.portSource()),
            commandLineUpstreams(builder.upstreamsSource(), options.upstreams),
            commandLineAgents(builder.agentsSource(), options.agents),
            builder.redisSource() == ServerOptionsBuilder::Source::CommandLine
                ? QUrl(options.redisUrl).toDisplayString(QUrl::RemovePassword)
                : QString());
        m_preferences.markApplied();
        m_gateway.start(options);
    });
}

void DesktopApp::applyUpstreams()
{
    if (!m_builder)
        return; // start() reads the settings as they are then
    m_builder->setSettings(m_preferences.layer());
    const int asked = ++m_upstreamsAsked;
    // Only the upstreams' keys: the token and the Redis password apply at the next start.
    const QStringList wanted = m_builder->keychainKeysWanted(ServerOptionsBuilder::Secrets::Serve);
    m_keychain.readAll(wanted, &m_endpoint, [this, asked](const QHash<QString, QString> &secrets) {
        if (asked != m_upstreamsAsked)
            return; // a later change asked again, and its answer is the one to use
        ServerOptionsBuilder builder = *m_builder;
        builder.setKeychain(secrets);
        m_gateway.replaceUpstreams(builder.build().upstreams);
    });
}

void DesktopApp::applyAgents()
{
    if (!m_builder)
        return; // start() reads the settings as they are then
    m_builder->setSettings(m_preferences.layer());
    m_gateway.replaceAgents(m_builder->build().agents);
}

QQuickWindow *DesktopApp::window() const
{
    const auto roots = m_engine.rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.first());
}
