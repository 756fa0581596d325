// SPDX-License-Identifier: MIT
// Secrets never crash the window. Run three times by CTest (tests/keychain/with-keychain.sh): without a
// D-Bus session, on a private session bus without a Secret Service, and with a real Secret Service
// (gnome-keyring, unlocked). PONDER_KEYCHAIN_MODE says which, and so what the keychain must answer.
//
// The window used to crash at start with two upstreams and no keychain: its token read on the GUI thread
// and the backend's key read on its own thread met in QtKeychain's executor.
#include "DesktopApp.h"
#include "FakeUpstream.h"
#include "options/ServerOptionsBuilder.h"
#include "secrets/Keychain.h"
#include "settings/Preferences.h"
#include "settings/SecretEditor.h"

#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(PonderPlugin)

namespace {

const QString UpstreamKey = QStringLiteral("sk-from-the-keychain");

bool secretServiceRuns()
{
    return qEnvironmentVariable("PONDER_KEYCHAIN_MODE") == QLatin1String("service");
}

FakeScript shortAnswer(const QString &text)
{
    FakeScript script;
    script.reasoning = {QStringLiteral("A short thought about the question.\n\n")};
    script.content = {text, QStringLiteral(" done.")};
    script.delayMs = 5;
    return script;
}

} // namespace

class KeychainTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void theModeIsKnown();
    void answersComeInOrderAndSurviveTheirOwner();
    void anotherThreadIsRefusedNotCrashed();
    void settingsStoreReadAndRemoveAnUpstreamKey();
    void aWindowWithTwoUpstreamsStartsAndStaysUp();
    void restartingAfterAddingAnUpstreamStaysUp();
    void anUpstreamAddedWithAKeyIsUsedAtOnceWithIt();

private:
    ServerOptionsBuilder builder() const;
    // Opens a window with the saved settings, waits until its backend runs and returns it.
    std::unique_ptr<DesktopApp> openWindow();
    bool ask(DesktopApp &window, const QString &model, const QString &question);

    Keychain m_keychain;
    FakeUpstream m_ollama;
    FakeUpstream m_openAi;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<Preferences> m_preferences;
};

void KeychainTest::initTestCase()
{
    m_ollama.setScript(QStringLiteral("qwen3:8b"), shortAnswer(QStringLiteral("From Ollama,")));
    m_openAi.setScript(QStringLiteral("gpt-4o-mini"), shortAnswer(QStringLiteral("From OpenAI,")));
    QVERIFY(m_ollama.start());
    QVERIFY(m_openAi.start());
    QStandardPaths::setTestModeEnabled(true);
}

void KeychainTest::init()
{
    QSettings().clear();
    m_dataDir = std::make_unique<QTemporaryDir>();
    m_preferences = std::make_unique<Preferences>();
    m_preferences->setLanguage(QStringLiteral("en"));
    m_preferences->setUpstreams({m_ollama.ollamaSpec(), m_openAi.openAiSpec()});
    m_openAi.setRequiredKey({});
}

void KeychainTest::cleanup()
{
    m_preferences.reset();
    m_dataDir.reset();
}

ServerOptionsBuilder KeychainTest::builder() const
{
    ServerOptions base;
    base.dataDir = m_dataDir->path();
    ServerOptionsBuilder builder(base);
    OptionLayer commandLine;
    commandLine.port = 0;
    builder.setCommandLine(commandLine);
    builder.setSettings(m_preferences->layer());
    return builder;
}

std::unique_ptr<DesktopApp> KeychainTest::openWindow()
{
    auto window = std::make_unique<DesktopApp>(*m_preferences, m_keychain);
    if (!window->show())
        return nullptr;
    window->start(builder());
    if (!QTest::qWaitFor([&] { return window->endpoint().state() == EndpointStatus::State::Running; }, 30000))
        return nullptr;
    return window;
}

bool KeychainTest::ask(DesktopApp &window, const QString &model, const QString &question)
{
    QObject *chat = window.window()->findChild<QObject *>(QStringLiteral("chatController"));
    if (!chat)
        return false;
    chat->setProperty("model", model);
    bool sent = false;
    QMetaObject::invokeMethod(chat, "send", Q_RETURN_ARG(bool, sent), Q_ARG(QString, question));
    return sent && QTest::qWaitFor([&] { return !chat->property("busy").toBool(); }, 20000);
}

void KeychainTest::theModeIsKnown()
{
    const QString mode = qEnvironmentVariable("PONDER_KEYCHAIN_MODE");
    QVERIFY2(QStringList({QStringLiteral("none"), QStringLiteral("bus"), QStringLiteral("service")})
                 .contains(mode),
        "run through tests/keychain/with-keychain.sh");
}

void KeychainTest::answersComeInOrderAndSurviveTheirOwner()
{
    // Many requests at once run one after the other and answer in the order asked.
    QStringList answered;
    for (int i = 0; i < 6; ++i) {
        const QString key = QStringLiteral("ponder-test/order-%1").arg(i);
        if (i % 2 == 0)
            m_keychain.write(key, QStringLiteral("v"), this,
                [&answered, key](bool, const KeychainError &) { answered << key; });
        else
            m_keychain.read(key, this,
                [&answered, key](std::optional<QString>, const KeychainError &) { answered << key; });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 6, 30000);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(answered.at(i), QStringLiteral("ponder-test/order-%1").arg(i));
    for (int i = 0; i < 6; i += 2)
        m_keychain.remove(
            QStringLiteral("ponder-test/order-%1").arg(i), nullptr, [](bool, const KeychainError &) {});

    // An owner deleted while its job runs: the job finishes on its own, and the next one (the sentinel)
    // still runs and answers.
    auto *shortLived = new Keychain;
    bool dropped = false;
    shortLived->read(QStringLiteral("ponder-test/gone"), nullptr,
        [&dropped](std::optional<QString>, const KeychainError &) { dropped = true; });
    delete shortLived;
    bool sentinel = false;
    m_keychain.read(QStringLiteral("ponder-test/sentinel"), this,
        [&sentinel](std::optional<QString>, const KeychainError &) { sentinel = true; });
    QTRY_VERIFY_WITH_TIMEOUT(sentinel, 30000);
    QVERIFY(!dropped); // its owner was gone: nobody is called back
}

void KeychainTest::anotherThreadIsRefusedNotCrashed()
{
    KeychainError error;
    QThread thread;
    QObject onThread;
    onThread.moveToThread(&thread);
    thread.start();
    QMetaObject::invokeMethod(
        &onThread,
        [&] {
            m_keychain.read(QStringLiteral("ponder-test/elsewhere"), nullptr,
                [&error](std::optional<QString>, const KeychainError &e) { error = e; });
        },
        Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    QCOMPARE(error.kind, KeychainError::Kind::Other);
    QVERIFY2(error.detail.contains(QLatin1String("thread")), qPrintable(error.detail));
}

void KeychainTest::settingsStoreReadAndRemoveAnUpstreamKey()
{
    // Through the code the Settings dialog uses.
    SecretEditor settings(m_keychain);
    QSignalSpy messages(&settings, &SecretEditor::messageChanged);
    settings.saveUpstreamKey(m_openAi.openAiSpec(), UpstreamKey);
    QTRY_VERIFY_WITH_TIMEOUT(!settings.busy(), 30000);
    QCOMPARE(messages.size(), 1);
    if (secretServiceRuns()) {
        QVERIFY2(!settings.failed(), qPrintable(settings.failureDetail()));
        QCOMPARE(settings.keychainProblem(), SecretEditor::Problem::None);
    } else {
        // Settings say why, as a kind the window words, with what the keychain itself said.
        QVERIFY(settings.failed());
        QCOMPARE(settings.failure(), SecretEditor::Problem::NoKeychain);
        QVERIFY(!settings.failureDetail().isEmpty());
        QCOMPARE(settings.keychainProblem(), SecretEditor::Problem::NoKeychain);
        QCOMPARE(settings.keychainProblemDetail(), settings.failureDetail());
    }

    // What the window reads at start: the key, or no key.
    ServerOptionsBuilder options = builder();
    const QStringList wanted = options.keychainKeysWanted(ServerOptionsBuilder::Secrets::Window);
    QVERIFY(wanted.contains(Keychain::upstreamKey(QUrl(m_openAi.openAiSpec().mid(7)))));
    bool read = false;
    m_keychain.readAll(wanted, this, [&](const QHash<QString, QString> &secrets) {
        options.setKeychain(secrets);
        read = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(read, 30000);
    const ServerOptions built = options.build();
    QCOMPARE(built.upstreams.size(), 2);
    QCOMPARE(built.upstreams.at(1).apiKey, secretServiceRuns() ? UpstreamKey : QString());

    if (secretServiceRuns()) {
        // The window started now sends it to that upstream, which wants it.
        m_openAi.setRequiredKey(UpstreamKey.toUtf8());
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(ask(*window, QStringLiteral("gpt-4o-mini"), QStringLiteral("Who answers?")));
        QCOMPARE(m_openAi.lastChatRequest().header("authorization"), "Bearer " + UpstreamKey.toUtf8());
    }

    settings.removeUpstreamKey(m_openAi.openAiSpec());
    QTRY_VERIFY_WITH_TIMEOUT(!settings.busy(), 30000);
    QCOMPARE(settings.failed(), !secretServiceRuns());
    read = false;
    std::optional<QString> left;
    m_keychain.read(Keychain::upstreamKey(built.upstreams.at(1).baseUrl), this,
        [&](std::optional<QString> value, const KeychainError &) {
            left = value;
            read = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(read, 30000);
    QVERIFY(!left);
}

void KeychainTest::aWindowWithTwoUpstreamsStartsAndStaysUp()
{
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(ask(*window, QStringLiteral("qwen3:8b"), QStringLiteral("Hello Ollama")));
    QVERIFY(ask(*window, QStringLiteral("gpt-4o-mini"), QStringLiteral("Hello OpenAI")));
    // Settings ask the keychain while the backend answers: still one thread, still up.
    window->secrets().loadLocalToken();
    window->secrets().loadLocalToken();
    QVERIFY(ask(*window, QStringLiteral("qwen3:8b"), QStringLiteral("Still there?")));
    QTRY_VERIFY_WITH_TIMEOUT(!window->secrets().busy(), 30000);
}

void KeychainTest::restartingAfterAddingAnUpstreamStaysUp()
{
    // Settings → add an OpenAI upstream → Restart now: a new window with three upstreams, twice.
    FakeUpstream another;
    another.setScript(QStringLiteral("local-model"), shortAnswer(QStringLiteral("From llama.cpp,")));
    QVERIFY(another.start());
    m_preferences->setUpstreams(m_preferences->upstreams() << another.openAiSpec());
    for (int launch = 0; launch < 2; ++launch) {
        auto window = openWindow();
        QVERIFY(window);
        QVERIFY(ask(*window, QStringLiteral("local-model"), QStringLiteral("Launch %1").arg(launch)));
    }
}

void KeychainTest::anUpstreamAddedWithAKeyIsUsedAtOnceWithIt()
{
    // Settings → add an OpenAI upstream with its key, no restart: the key is read from the keychain in the
    // background and the next chat sends it. Without a keychain the key is not saved, and the window stays
    // up and uses the upstream without one.
    auto window = openWindow();
    QVERIFY(window);
    FakeUpstream added;
    added.setScript(QStringLiteral("added-model"), shortAnswer(QStringLiteral("From the added server,")));
    QVERIFY(added.start());
    if (secretServiceRuns())
        added.setRequiredKey(UpstreamKey.toUtf8());
    const QStringList before = m_preferences->upstreams();
    // As the dialog does it: the key first, then the list.
    window->secrets().saveUpstreamKey(added.openAiSpec(), UpstreamKey);
    m_preferences->setUpstreams(before + QStringList {added.openAiSpec()});
    QVERIFY(!m_preferences->restartNeeded());
    QObject *catalog = window->window()->findChild<QObject *>(QStringLiteral("modelCatalog"));
    QVERIFY(catalog);
    QTRY_VERIFY_WITH_TIMEOUT(
        catalog->property("models").toStringList().contains(QStringLiteral("added-model")), 30000);
    QVERIFY(ask(*window, QStringLiteral("added-model"), QStringLiteral("Who answers?")));
    QCOMPARE(added.lastChatRequest().path, QByteArray("/v1/chat/completions"));
    QCOMPARE(added.lastChatRequest().header("authorization"),
        secretServiceRuns() ? "Bearer " + UpstreamKey.toUtf8() : QByteArray());

    // Removed again, with its key: gone from the picker, and the others still answer.
    m_preferences->setUpstreams(before);
    window->secrets().removeUpstreamKey(added.openAiSpec());
    QTRY_VERIFY_WITH_TIMEOUT(
        !catalog->property("models").toStringList().contains(QStringLiteral("added-model")), 30000);
    QVERIFY(ask(*window, QStringLiteral("qwen3:8b"), QStringLiteral("Still there?")));
    QTRY_VERIFY_WITH_TIMEOUT(!window->secrets().busy(), 30000);
    QVERIFY(!m_preferences->restartNeeded());
}

int main(int argc, char **argv)
{
    qputenv("QT_QUICK_BACKEND", "software");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PonderTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_keychain"));
    KeychainTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychain.moc"
