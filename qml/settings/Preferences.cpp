// SPDX-License-Identifier: MIT
#include "Preferences.h"

#include "core/DataLocations.h"
#include "store/RedisEventStore.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QUrl>

namespace {

const QString UpstreamsKey = QStringLiteral("upstreams");
const QString AgentsKey = QStringLiteral("agents");
const QString ServerEnabledKey = QStringLiteral("server/enabled");
const QString ServerHostKey = QStringLiteral("server/host");
const QString ServerPortKey = QStringLiteral("server/port");
const QString AllowedOriginsKey = QStringLiteral("server/allowedOrigins");
const QString StatelessKey = QStringLiteral("server/stateless");
const QString RedisUrlKey = QStringLiteral("store/redisUrl");
const QString DebugModeKey = QStringLiteral("window/debugMode");
const QString SidebarShownKey = QStringLiteral("window/sidebarShown");
const QString InsightWidthKey = QStringLiteral("window/insightWidth");
const QString LanguageKey = QStringLiteral("window/language");
const QString ThemeKey = QStringLiteral("window/theme");
const QString ModelKey = QStringLiteral("chat/model");
const QString ThinkGroup = QStringLiteral("chat/think/");

// Model ids hold ':' and '/', which QSettings reads as separators.
QString thinkKey(const QString &model)
{
    return ThinkGroup + QString::fromLatin1(QUrl::toPercentEncoding(model));
}

QString defaultUpstream()
{
    const UpstreamConfig ollama = UpstreamConfig::defaultOllama();
    return UpstreamConfig::kindName(ollama.kind) + QLatin1Char(':') + ollama.baseUrl.toString();
}

std::unique_ptr<QSettings> settingsFor(const QString &dataDir)
{
    if (dataDir.isEmpty())
        return std::make_unique<QSettings>();
    // Ini everywhere: a file beside history that goes with the folder (copied, backed up, removed).
    return std::make_unique<QSettings>(
        DataLocations(dataDir).dataDir() + QStringLiteral("/settings.ini"), QSettings::IniFormat);
}

} // namespace

Preferences::Preferences(const QString &dataDir, QObject *parent)
    : QObject(parent)
    , m_settings(settingsFor(dataDir))
{ }

QStringList Preferences::upstreams() const
{
    return m_settings->value(UpstreamsKey, QStringList {defaultUpstream()}).toStringList();
}

void Preferences::setUpstreams(const QStringList &specs)
{
    if (specs == upstreams())
        return;
    m_settings->setValue(UpstreamsKey, specs);
    Q_EMIT upstreamsChanged();
}

QStringList Preferences::agents() const
{
    return m_settings->value(AgentsKey).toStringList();
}

void Preferences::setAgents(const QStringList &specs)
{
    if (specs == agents())
        return;
    m_settings->setValue(AgentsKey, specs);
    Q_EMIT agentsChanged();
}

bool Preferences::serverEnabled() const
{
    return m_settings->value(ServerEnabledKey, true).toBool();
}

void Preferences::setServerEnabled(bool enabled)
{
    if (enabled != serverEnabled())
        writeServerSetting(ServerEnabledKey, enabled);
}

QString Preferences::serverHost() const
{
    return m_settings->value(ServerHostKey, QStringLiteral("127.0.0.1")).toString();
}

void Preferences::setServerHost(const QString &host)
{
    if (host != serverHost() && checkHost(host).isEmpty())
        writeServerSetting(ServerHostKey, host.trimmed());
}

int Preferences::serverPort() const
{
    return m_settings->value(ServerPortKey, int(ServerOptions::DefaultPort)).toInt();
}

void Preferences::setServerPort(int port)
{
    if (port != serverPort() && port > 0 && port <= 65535)
        writeServerSetting(ServerPortKey, port);
}

QStringList Preferences::allowedOrigins() const
{
    return m_settings->value(AllowedOriginsKey).toStringList();
}

void Preferences::setAllowedOrigins(const QStringList &origins)
{
    QStringList cleaned;
    for (const QString &origin : origins) {
        if (!origin.trimmed().isEmpty())
            cleaned << origin.trimmed();
    }
    if (cleaned != allowedOrigins())
        writeServerSetting(AllowedOriginsKey, cleaned);
}

bool Preferences::stateless() const
{
    return m_settings->value(StatelessKey, false).toBool();
}

void Preferences::setStateless(bool stateless)
{
    if (stateless != this->stateless())
        writeServerSetting(StatelessKey, stateless);
}

QString Preferences::redisUrl() const
{
    return m_settings->value(RedisUrlKey).toString();
}

void Preferences::setRedisUrl(const QString &url)
{
    if (url.trimmed() != redisUrl() && checkRedisUrl(url).isEmpty())
        writeServerSetting(RedisUrlKey, url.trimmed());
}

bool Preferences::sidebarShown() const
{
    return m_settings->value(SidebarShownKey, true).toBool();
}

void Preferences::setSidebarShown(bool shown)
{
    if (shown == sidebarShown())
        return;
    m_settings->setValue(SidebarShownKey, shown);
    Q_EMIT layoutChanged();
}

int Preferences::insightWidth() const
{
    return m_settings->value(InsightWidthKey, 380).toInt();
}

void Preferences::setInsightWidth(int width)
{
    if (width == insightWidth())
        return;
    m_settings->setValue(InsightWidthKey, width);
    Q_EMIT layoutChanged();
}

bool Preferences::debugMode() const
{
    return m_settings->value(DebugModeKey, true).toBool();
}

void Preferences::setDebugMode(bool on)
{
    if (on == debugMode())
        return;
    m_settings->setValue(DebugModeKey, on);
    Q_EMIT debugModeChanged();
}

QString Preferences::language() const
{
    return m_settings->value(LanguageKey).toString();
}

void Preferences::setLanguage(const QString &language)
{
    if (language == this->language())
        return;
    m_settings->setValue(LanguageKey, language);
    Q_EMIT languageChanged();
}

QString Preferences::theme() const
{
    return m_settings->value(ThemeKey, QStringLiteral("system")).toString();
}

void Preferences::setTheme(const QString &theme)
{
    if (theme == this->theme())
        return;
    m_settings->setValue(ThemeKey, theme);
    Q_EMIT themeChanged();
}

QString Preferences::model() const
{
    return m_settings->value(ModelKey).toString();
}

void Preferences::setModel(const QString &model)
{
    if (model == this->model())
        return;
    m_settings->setValue(ModelKey, model);
    Q_EMIT modelChanged();
}

QString Preferences::thinkFor(const QString &model, const QString &fallback) const
{
    return m_settings->value(thinkKey(model), fallback).toString();
}

void Preferences::setThinkFor(const QString &model, const QString &think)
{
    m_settings->setValue(thinkKey(model), think);
}

QString Preferences::checkUpstream(const QString &spec) const
{
    QString error;
    return UpstreamConfig::parse(spec.trimmed(), &error) ? QString() : error;
}

QString Preferences::checkRedisUrl(const QString &url) const
{
    QString error;
    const auto options = url.trimmed().isEmpty() ? std::optional<RedisOptions>(RedisOptions {})
                                                 : RedisOptions::fromUrl(url.trimmed(), &error);
    if (!options)
        return error;
    // The URL is kept in the plain settings file: a password goes to the keychain instead.
    if (!options->password.isEmpty())
        return tr("Leave the password out of the URL and save it in the password field: the URL is kept in "
                  "plain text.");
    return {};
}

QString Preferences::checkHost(const QString &host) const
{
    QHostAddress address;
    if (address.setAddress(host.trimmed()))
        return {};
    return tr("'%1' is not an IP address (for example 127.0.0.1, or 0.0.0.0 for every interface)").arg(host);
}

QString Preferences::checkAgent(const QString &spec, const QStringList &others) const
{
    QString error;
    if (!AgentConfig::parseList(others + QStringList {spec.trimmed()}, &error))
        return error;
    return {};
}

OptionLayer Preferences::layer() const
{
    OptionLayer layer;
    if (m_settings->contains(AgentsKey)) {
        QString error;
        if (auto configs = AgentConfig::parseList(agents(), &error))
            layer.agents = *configs;
    }
    if (m_settings->contains(UpstreamsKey)) {
        QString error;
        if (auto configs = UpstreamConfig::parseList(upstreams(), &error); configs && !configs->isEmpty())
            layer.upstreams = *configs;
    }
    if (m_settings->contains(ServerHostKey))
        layer.host = QHostAddress(serverHost());
    if (m_settings->contains(ServerPortKey))
        layer.port = quint16(serverPort());
    if (!redisUrl().isEmpty())
        layer.redisUrl = redisUrl();
    if (m_settings->contains(StatelessKey))
        layer.stateless = stateless();
    if (!allowedOrigins().isEmpty())
        layer.allowedOrigins = allowedOrigins();
    layer.listen = serverEnabled();
    return layer;
}

void Preferences::markApplied()
{
    if (!std::exchange(m_restartNeeded, false))
        return;
    Q_EMIT serverSettingsChanged();
}

void Preferences::restartApplication()
{
    m_restartRequested = true;
    QCoreApplication::quit();
}

void Preferences::requireRestart()
{
    m_restartNeeded = true;
    Q_EMIT serverSettingsChanged();
}

void Preferences::writeServerSetting(const QString &key, const QVariant &value)
{
    m_settings->setValue(key, value);
    requireRestart();
}
