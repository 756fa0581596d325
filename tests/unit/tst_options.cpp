// SPDX-License-Identifier: MIT
// One place decides the options: the command line over the environment over the window's saved settings
// over the keychain, for `ponder serve` and the window alike (ServerOptionsBuilder).
#include "CommandLine.h"
#include "options/ServerOptionsBuilder.h"
#include "secrets/Keychain.h"
#include "settings/Preferences.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString OpenAiSpec = QStringLiteral("openai:http://10.0.0.7:8080/v1");
const QString OpenAiKeychainKey = QStringLiteral("upstream/http://10.0.0.7:8080/v1");

OptionLayer commandLine(const QStringList &arguments)
{
    CommandLine parsed;
    if (parsed.parse(QStringList {QStringLiteral("ponder")} + arguments) == CommandLine::Action::Fail)
        qFatal("bad test arguments: %s", qPrintable(parsed.error()));
    return parsed.layer();
}

OptionLayer environment(const QList<QPair<QString, QString>> &variables)
{
    QProcessEnvironment env;
    for (const auto &[name, value] : variables)
        env.insert(name, value);
    return OptionLayer::fromEnvironment(env);
}

OptionLayer saved(Preferences &preferences)
{
    return preferences.layer();
}

} // namespace

class OptionsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QSettings().clear(); }

    // Two windows with different --data-dir keep apart: each has its own language, model and upstreams, and
    // neither touches the settings of a window started without one.
    void aDataDirHoldsTheWindowsOwnSettings()
    {
        QTemporaryDir first;
        QTemporaryDir second;
        QVERIFY(first.isValid() && second.isValid());
        const auto builderFor = [](const QString &dir) {
            CommandLine parsed;
            parsed.parse({QStringLiteral("ponder"), QStringLiteral("--data-dir"), dir});
            return ServerOptionsBuilder(parsed.serverOptions());
        };
        {
            Preferences inFirst(builderFor(first.path()).dataDir());
            inFirst.setLanguage(QStringLiteral("de"));
            inFirst.setModel(QStringLiteral("ollama-2/thinker:latest"));
            inFirst.setUpstreams({OpenAiSpec});
            QCOMPARE(inFirst.fileName(), first.filePath(QStringLiteral("settings.ini")));
        }
        QVERIFY(QFile::exists(first.filePath(QStringLiteral("settings.ini"))));

        const Preferences inSecond(builderFor(second.path()).dataDir());
        QCOMPARE(inSecond.language(), QString());
        QCOMPARE(inSecond.model(), QString());
        QVERIFY(!inSecond.upstreams().contains(OpenAiSpec));
        const Preferences standard(builderFor({}).dataDir());
        QCOMPARE(standard.language(), QString());
        QVERIFY(!standard.upstreams().contains(OpenAiSpec));

        const Preferences firstAgain(first.path()); // the next start with the same folder finds them
        QCOMPARE(firstAgain.language(), QStringLiteral("de"));
        QCOMPARE(firstAgain.model(), QStringLiteral("ollama-2/thinker:latest"));
    }

    void theApiTokenComesFromTheHighestSourceThatHasOne()
    {
        Preferences preferences; // saved settings never hold a token: the keychain does
        ServerOptionsBuilder builder;
        builder.setKeychain({{Keychain::localApiTokenKey(), QStringLiteral("from-keychain")}});
        QCOMPARE(builder.build().access.apiKey, QStringLiteral("from-keychain"));
        QCOMPARE(builder.apiKeySource(), ServerOptionsBuilder::Source::Keychain);
        builder.setEnvironment(environment({{QStringLiteral("PONDER_API_KEY"), QStringLiteral("from-env")}}));
        QCOMPARE(builder.build().access.apiKey, QStringLiteral("from-env"));
        builder.setCommandLine(
            commandLine({QStringLiteral("--api-key"), QStringLiteral("from-command-line")}));
        QCOMPARE(builder.build().access.apiKey, QStringLiteral("from-command-line"));
        QCOMPARE(builder.apiKeySource(), ServerOptionsBuilder::Source::CommandLine);
    }

    void upstreamsPortAndAddressFromTheCommandLineWinOverSavedOnes()
    {
        Preferences preferences;
        preferences.setUpstreams({QStringLiteral("ollama:http://10.0.0.5:11434"), OpenAiSpec});
        preferences.setServerPort(9100);
        preferences.setServerHost(QStringLiteral("0.0.0.0"));
        preferences.setStateless(true);
        ServerOptionsBuilder builder;
        builder.setSettings(saved(preferences));
        ServerOptions options = builder.build();
        QCOMPARE(options.upstreams.size(), 2);
        QCOMPARE(options.port, quint16(9100));
        QCOMPARE(builder.portSource(), ServerOptionsBuilder::Source::Settings);
        QCOMPARE(options.host, QHostAddress(QStringLiteral("0.0.0.0")));
        QVERIFY(options.stateless);

        builder.setCommandLine(commandLine({QStringLiteral("--port"), QStringLiteral("9200"),
            QStringLiteral("--upstream"), QStringLiteral("ollama:http://10.0.0.9:11434"),
            QStringLiteral("--upstream-timeout"), QStringLiteral("42")}));
        options = builder.build();
        QCOMPARE(options.port, quint16(9200));
        QCOMPARE(builder.portSource(), ServerOptionsBuilder::Source::CommandLine);
        QCOMPARE(options.upstreams.size(), 1);
        QCOMPARE(options.upstreams.first().baseUrl.host(), QStringLiteral("10.0.0.9"));
        QCOMPARE(options.upstreams.first().idleTimeoutMs, 42'000);
        QCOMPARE(options.host, QHostAddress(QStringLiteral("0.0.0.0"))); // not on the command line
        QVERIFY(options.stateless);

        // The timeout on the command line applies to saved upstreams too.
        builder.setCommandLine(commandLine({QStringLiteral("--upstream-timeout"), QStringLiteral("7")}));
        options = builder.build();
        QCOMPARE(options.upstreams.size(), 2);
        QCOMPARE(options.upstreams.at(1).idleTimeoutMs, 7'000);
    }

    void nothingGivenMeansTheDefaults()
    {
        const ServerOptions options = ServerOptionsBuilder().build();
        QCOMPARE(options.port, ServerOptions::DefaultPort);
        QCOMPARE(options.host, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(options.upstreams.size(), 1);
        QCOMPARE(options.upstreams.first().kind, UpstreamConfig::Kind::Ollama);
        QVERIFY(options.listen);
        QVERIFY(!options.stateless);
        QVERIFY(options.access.apiKey.isEmpty());
    }

    void anUpstreamKeyFromTheEnvironmentWinsOverTheKeychain()
    {
        Preferences preferences;
        preferences.setUpstreams({QStringLiteral("ollama:http://10.0.0.5:11434"), OpenAiSpec});
        ServerOptionsBuilder builder;
        builder.setSettings(saved(preferences));
        builder.setKeychain({{OpenAiKeychainKey, QStringLiteral("sk-keychain")}});
        QCOMPARE(builder.build().upstreams.at(1).apiKey, QStringLiteral("sk-keychain"));
        QVERIFY(builder.build().upstreams.at(0).apiKey.isEmpty()); // Ollama takes none
        builder.setEnvironment(
            environment({{QStringLiteral("PONDER_OPENAI_API_KEY"), QStringLiteral("sk-env")}}));
        QCOMPARE(builder.build().upstreams.at(1).apiKey, QStringLiteral("sk-env"));
    }

    void theRedisPasswordComesFromTheUrlThenTheEnvironmentThenTheKeychain()
    {
        Preferences preferences;
        preferences.setRedisUrl(QStringLiteral("redis://agent@10.0.0.5:7000/2"));
        ServerOptionsBuilder builder;
        builder.setSettings(saved(preferences));
        const QString key = Keychain::redisPasswordKey(QUrl(QStringLiteral("redis://agent@10.0.0.5:7000")));
        builder.setKeychain({{key, QStringLiteral("from-keychain")}});
        QCOMPARE(builder.build().redisUrl, QStringLiteral("redis://agent@10.0.0.5:7000/2"));
        QCOMPARE(builder.build().redisPassword, QStringLiteral("from-keychain"));
        builder.setEnvironment(
            environment({{QStringLiteral("PONDER_REDIS_PASSWORD"), QStringLiteral("from-env")}}));
        QCOMPARE(builder.build().redisPassword, QStringLiteral("from-env"));
        // A URL on the command line replaces the saved one; its own password is RedisOptions' to read.
        builder.setCommandLine(
            commandLine({QStringLiteral("--redis"), QStringLiteral("redis://:inline@10.0.0.6")}));
        QCOMPARE(builder.build().redisUrl, QStringLiteral("redis://:inline@10.0.0.6"));
    }

    void theKeychainIsAskedOnlyForWhatNoOtherSourceGave()
    {
        Preferences preferences;
        preferences.setUpstreams({QStringLiteral("ollama:http://10.0.0.5:11434"), OpenAiSpec});
        preferences.setRedisUrl(QStringLiteral("redis://10.0.0.5"));
        ServerOptionsBuilder builder;
        builder.setSettings(saved(preferences));
        using Secrets = ServerOptionsBuilder::Secrets;
        QCOMPARE(builder.keychainKeysWanted(Secrets::Window),
            (QStringList {OpenAiKeychainKey, Keychain::localApiTokenKey(),
                Keychain::redisPasswordKey(QUrl(QStringLiteral("redis://10.0.0.5")))}));
        // Headless, the token and the Redis password come from the command line or the environment only.
        QCOMPARE(builder.keychainKeysWanted(Secrets::Serve), QStringList {OpenAiKeychainKey});
        builder.setEnvironment(environment({{QStringLiteral("PONDER_OPENAI_API_KEY"), QStringLiteral("k")},
            {QStringLiteral("PONDER_API_KEY"), QStringLiteral("t")},
            {QStringLiteral("PONDER_REDIS_PASSWORD"), QStringLiteral("p")}}));
        QCOMPARE(builder.keychainKeysWanted(Secrets::Window), QStringList {});
        QCOMPARE(builder.keychainKeysWanted(Secrets::Serve), QStringList {});
        // Only Ollama: nothing to ask for when serving.
        QCOMPARE(ServerOptionsBuilder().keychainKeysWanted(Secrets::Serve), QStringList {});
    }

    void allowedOriginsAndTheEndpointSwitch()
    {
        Preferences preferences;
        preferences.setAllowedOrigins({QStringLiteral("https://saved.example")});
        preferences.setServerEnabled(false);
        ServerOptionsBuilder builder;
        builder.setSettings(saved(preferences));
        QCOMPARE(
            builder.build().access.allowedOrigins, QStringList {QStringLiteral("https://saved.example")});
        QVERIFY(!builder.build().listen);
        builder.setCommandLine(
            commandLine({QStringLiteral("--allowed-origin"), QStringLiteral("https://given.example")}));
        QCOMPARE(
            builder.build().access.allowedOrigins, QStringList {QStringLiteral("https://given.example")});
    }

    void theReasoningFieldComesFromTheCommandLine()
    {
        QCOMPARE(ServerOptionsBuilder().build().reasoningField, ReasoningField::ReasoningContent);
        CommandLine given;
        QCOMPARE(given.parse({QStringLiteral("ponder"), QStringLiteral("serve"),
                     QStringLiteral("--reasoning-field"), QStringLiteral("reasoning")}),
            CommandLine::Action::Serve);
        QCOMPARE(
            ServerOptionsBuilder(given.serverOptions()).build().reasoningField, ReasoningField::Reasoning);
        CommandLine wrong;
        QCOMPARE(wrong.parse({QStringLiteral("ponder"), QStringLiteral("serve"),
                     QStringLiteral("--reasoning-field"), QStringLiteral("thoughts")}),
            CommandLine::Action::Fail);
        QCOMPARE(wrong.error(),
            QStringLiteral(
                "invalid --reasoning-field 'thoughts': expected reasoning_content, reasoning or both"));
    }

    void theStoresByteBoundsComeFromTheCommandLine()
    {
        CommandLine given;
        QCOMPARE(given.parse({QStringLiteral("ponder"), QStringLiteral("serve"),
                     QStringLiteral("--max-stored-bytes"), QStringLiteral("1048576"),
                     QStringLiteral("--redis-buffer-bytes"), QStringLiteral("4096")}),
            CommandLine::Action::Serve);
        QCOMPARE(given.serverOptions().storeLimits.maxStoredBytes, 1048576);
        QCOMPARE(given.serverOptions().storeLimits.maxBufferedBytes, 4096);
        CommandLine wrong;
        QCOMPARE(wrong.parse({QStringLiteral("ponder"), QStringLiteral("serve"),
                     QStringLiteral("--max-stored-bytes"), QStringLiteral("0")}),
            CommandLine::Action::Fail);
        QVERIFY(wrong.error().startsWith(QLatin1String("invalid --max-stored-bytes '0'")));
    }
};

QTEST_GUILESS_MAIN(OptionsTest)

#include "tst_options.moc"
