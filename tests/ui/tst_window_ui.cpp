// The desktop window end to end, offscreen: the real QML, the real in-process backend on a loopback
// port, and the fake upstream playing an Ollama server that thinks. Saves screenshots of the whole
// window into the build directory (window-chat.png, window-live-session.png).
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "MainWindow.h"
#include "models/MessageModel.h"
#include "models/ProgressState.h"
#include "options/ServerOptionsBuilder.h"
#include "secrets/Keychain.h"
#include "settings/Preferences.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(PonderPlugin)

namespace {

FakeScript thinkingModel()
{
    FakeScript script;
    script.reasoning = QStringList {QStringLiteral("The user asks how to reverse a list in Python. "),
        QStringLiteral("There are two common ways: slicing and the reverse() method.\n\n"),
        QStringLiteral("Let me compare them: slicing makes a copy, reverse() works in place. "),
        QStringLiteral("I should show both and say when to use which.\n\n"),
        QStringLiteral("I will answer with a short example.")};
    script.content = QStringList {QStringLiteral("There are two idiomatic ways to reverse a list:\n\n"),
        QStringLiteral("1. **Slicing** returns a *new* list.\n"),
        QStringLiteral("2. `list.reverse()` reverses it in place.\n\n"),
        QStringLiteral("```python\nnumbers = [1, 2, 3]\n"),
        QStringLiteral("backwards = numbers[::-1]  # [3, 2, 1]\n"),
        QStringLiteral("numbers.reverse()          # numbers is now [3, 2, 1]\n```\n\n"),
        QStringLiteral("Use slicing when you still need the original order.")};
    script.delayMs = 40;
    script.promptTokens = 24;
    return script;
}

QObject *find(QQuickWindow *window, const char *name)
{
    return window->findChild<QObject *>(QLatin1String(name));
}

} // namespace

class WindowUiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chatStreamsWithThinkingAndProgress();
    void liveSessionShowsAnOutsideAgent();
    void keyboardStopsAndStartsChats();
    void languageSwitchesLive();
    void settingsOpenWithTheirPages();
    void firstRunWithoutUpstreamSaysHowToFixIt();
    void cleanupTestCase();

private:
    void saveScreenshot(const QString &name);

    QTemporaryDir m_dataDir;
    Keychain m_keychain;
    FakeUpstream m_upstream;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<MainWindow> m_window;
};

void WindowUiTest::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    m_upstream.setScript(QStringLiteral("qwen3:8b"), thinkingModel());
    FakeScript slow;
    for (int i = 0; i < 200; ++i)
        slow.content << QStringLiteral("slowly ");
    slow.delayMs = 50;
    m_upstream.setScript(QStringLiteral("slow"), slow);
    QVERIFY(m_upstream.start());

    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_preferences = std::make_unique<Preferences>();
    m_preferences->setLanguage(QStringLiteral("en"));

    // The upstream comes from the saved settings, as in the real window; the port from the "command line".
    m_preferences->setUpstreams({m_upstream.ollamaSpec()});
    ServerOptions base;
    base.dataDir = m_dataDir.path();
    ServerOptionsBuilder builder(base);
    OptionLayer commandLine;
    commandLine.port = 0;
    commandLine.apiKey = QString(); // given, and empty: never a token from the keychain of whoever runs this
    builder.setCommandLine(commandLine);
    builder.setSettings(m_preferences->layer());
    QCOMPARE(builder.build().upstreams.size(), 1);
    QCOMPARE(builder.build().upstreams.first().baseUrl.port(), m_upstream.port());
    m_window = std::make_unique<MainWindow>(*m_preferences, m_keychain);
    QVERIFY(m_window->show());
    m_window->start(builder);
    QQuickWindow *window = m_window->window();
    QVERIFY(window);
    window->resize(1360, 840);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->endpoint().state(), EndpointStatus::State::Running, 10000);
}

void WindowUiTest::chatStreamsWithThinkingAndProgress()
{
    QQuickWindow *window = m_window->window();
    QObject *chat = find(window, "chatController");
    QVERIFY(chat);
    // The model picker fills from the upstream, and a model is chosen.
    QObject *catalog = find(window, "modelCatalog");
    QTRY_COMPARE_WITH_TIMEOUT(catalog->property("models").toStringList().size(), 2, 10000);
    QVERIFY(!chat->property("model").toString().isEmpty());
    chat->setProperty("model", QStringLiteral("qwen3:8b"));

    auto *input = qobject_cast<QQuickItem *>(find(window, "composerInput"));
    QVERIFY(input);
    input->forceActiveFocus();
    for (const char c : QByteArrayLiteral("How do I reverse a list in Python?"))
        QTest::keyClick(window, c);
    QTest::keyClick(window, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(chat->property("busy").toBool(), 5000);
    QCOMPARE(input->property("text").toString(), QString()); // sent, so the composer is empty again

    QTRY_VERIFY_WITH_TIMEOUT(!chat->property("busy").toBool(), 20000);
    auto *messages = chat->property("messages").value<QAbstractItemModel *>();
    QVERIFY(messages);
    QCOMPARE(messages->rowCount(), 2);
    const QString answer = messages->index(1, 0).data().toString();
    QVERIFY2(answer.startsWith(QStringLiteral("There are two idiomatic ways")), qPrintable(answer));
    QVERIFY(answer.contains(QStringLiteral("numbers[::-1]")));

    // The panels: steps cut from the reasoning, "thought for", and a finished progress state.
    auto *session = chat->property("session").value<QObject *>();
    auto *steps = session->property("steps").value<QAbstractItemModel *>();
    QTRY_VERIFY_WITH_TIMEOUT(steps->rowCount() >= 2, 5000);
    auto *progress = session->property("progress").value<ProgressState *>();
    QTRY_COMPARE_WITH_TIMEOUT(progress->phase(), ProgressState::Phase::Done, 5000);
    QVERIFY(progress->tokens() > 0);
    QVERIFY(progress->firstTokenMs() >= 0);
    QVERIFY(chat->property("thoughtMs").toLongLong() >= 0);
    QTRY_VERIFY(!session->property("reasoning").toString().isEmpty());

    // The conversation was saved and is listed in the sidebar.
    auto *history = qobject_cast<QAbstractItemModel *>(
        find(window, "conversationList")->property("model").value<QObject *>());
    QVERIFY(history);
    QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, 5000);

    QTest::qWait(300); // let the last frame render
    saveScreenshot(QStringLiteral("window-chat.png"));
}

void WindowUiTest::liveSessionShowsAnOutsideAgent()
{
    QQuickWindow *window = m_window->window();
    const QUrl base = m_window->endpoint().baseUrl();
    HttpTestClient client;
    const auto post = [&](const QString &path, const QJsonObject &body) {
        return client.send("POST", base.resolved(QUrl(QStringLiteral("/api/streaming") + path)),
            QJsonDocument(body).toJson(), {{"Content-Type", "application/json"}});
    };
    const QString id = QStringLiteral("research-agent-42");
    QCOMPARE(post(QStringLiteral("/sessions"),
                 {{QStringLiteral("session_id"), id},
                     {QStringLiteral("user_request"),
                         QStringLiteral("Plan a three-day trip to Lisbon on a budget")},
                     {QStringLiteral("debug_mode"), true},
                     {QStringLiteral("system_context"),
                         QJsonObject {{QStringLiteral("source"), QStringLiteral("travel-planner")}}}})
                 .status,
        201);
    const QList<QJsonObject> steps {
        {{QStringLiteral("thinking_type"), QStringLiteral("analysis")},
            {QStringLiteral("content"),
                QStringLiteral(
                    "Budget trip, three days: the city centre is walkable, so transport costs stay low.")},
            {QStringLiteral("confidence_level"), 0.82},
            {QStringLiteral("reasoning_chain"),
                QJsonArray {
                    QStringLiteral("Lisbon's centre is compact"), QStringLiteral("Trams cover the hills")}}},
        {{QStringLiteral("thinking_type"), QStringLiteral("planning")},
            {QStringLiteral("content"),
                QStringLiteral("Day 1 Alfama and the castle, day 2 Belém, day 3 a day trip to Sintra.")},
            {QStringLiteral("confidence_level"), 0.74}},
        {{QStringLiteral("thinking_type"), QStringLiteral("decision")},
            {QStringLiteral("content"),
                QStringLiteral("Recommend the 24-hour transport card for the Sintra day only.")},
            {QStringLiteral("confidence_level"), 0.9}},
    };
    for (QJsonObject step : steps) {
        step.insert(QStringLiteral("session_id"), id);
        QCOMPARE(post(QStringLiteral("/thinking"), step).status, 201);
    }
    QCOMPARE(
        post(QStringLiteral("/progress"),
            {{QStringLiteral("session_id"), id}, {QStringLiteral("update_type"), QStringLiteral("progress")},
                {QStringLiteral("message"), QStringLiteral("Checking opening hours of the sights")},
                {QStringLiteral("progress_percentage"), 65}, {QStringLiteral("current_step"), 3},
                {QStringLiteral("total_steps"), 5},
                {QStringLiteral("current_activity"), QStringLiteral("researching")}})
            .status,
        201);

    // The session is listed among the live sessions; choosing it shows it in the visualizer.
    auto *live = qobject_cast<QAbstractItemModel *>(find(window, "liveSessions"));
    QVERIFY(live);
    QTRY_VERIFY_WITH_TIMEOUT(!live->match(live->index(0, 0), Qt::UserRole + 1, id).isEmpty(), 5000);
    QObject *root = window;
    root->setProperty("liveSessionId", id);
    QObject *view = find(window, "liveSession");
    auto *viewSteps = view->property("steps").value<QAbstractItemModel *>();
    QTRY_COMPARE_WITH_TIMEOUT(viewSteps->rowCount(), 3, 5000);
    auto *progress = view->property("progress").value<ProgressState *>();
    QTRY_COMPARE_WITH_TIMEOUT(progress->percentage(), 65.0, 5000);
    QCOMPARE(progress->phase(), ProgressState::Phase::Working);

    // Live: a step published now appears without any refresh.
    QCOMPARE(post(QStringLiteral("/thinking"),
                 {{QStringLiteral("session_id"), id},
                     {QStringLiteral("thinking_type"), QStringLiteral("evaluation")},
                     {QStringLiteral("content"),
                         QStringLiteral("Sintra's palaces close at 18:00 in winter: start early.")},
                     {QStringLiteral("confidence_level"), 0.67}})
                 .status,
        201);
    QTRY_COMPARE_WITH_TIMEOUT(viewSteps->rowCount(), 4, 5000);
    QTest::qWait(300);
    saveScreenshot(QStringLiteral("window-live-session.png"));
}

void WindowUiTest::keyboardStopsAndStartsChats()
{
    QQuickWindow *window = m_window->window();
    window->setProperty("liveSessionId", QString());
    QObject *chat = find(window, "chatController");
    chat->setProperty("model", QStringLiteral("slow"));
    auto *input = qobject_cast<QQuickItem *>(find(window, "composerInput"));
    input->forceActiveFocus();
    for (const char c : QByteArrayLiteral("Take your time"))
        QTest::keyClick(window, c);
    QTest::keyClick(window, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(chat->property("busy").toBool(), 5000);
    auto *messages = chat->property("messages").value<QAbstractItemModel *>();
    QTRY_VERIFY_WITH_TIMEOUT(
        !messages->index(messages->rowCount() - 1, 0).data().toString().isEmpty(), 10000);
    QTest::keyClick(window, Qt::Key_Escape); // Esc stops the answer
    QTRY_VERIFY_WITH_TIMEOUT(!chat->property("busy").toBool(), 5000);
    QCOMPARE(messages->index(messages->rowCount() - 1, 0)
                 .data(MessageModel::StateRole)
                 .value<MessageModel::State>(),
        MessageModel::State::Stopped);

    const QString before = chat->property("conversationId").toString();
    QTest::keyClick(window, Qt::Key_N, Qt::ControlModifier); // Ctrl+N: a new chat
    QVERIFY(chat->property("conversationId").toString() != before);
    QCOMPARE(messages->rowCount(), 0);
    QTRY_VERIFY(input->hasActiveFocus()); // ready to type
}

void WindowUiTest::languageSwitchesLive()
{
    auto *newChat = find(m_window->window(), "newChatButton");
    QCOMPARE(newChat->property("text").toString(), QStringLiteral("New chat"));
    m_preferences->setLanguage(QStringLiteral("de"));
    QTRY_COMPARE(newChat->property("text").toString(), QStringLiteral("Neuer Chat"));
    m_preferences->setLanguage(QStringLiteral("es"));
    QTRY_COMPARE(newChat->property("text").toString(), QStringLiteral("Nuevo chat"));
    m_preferences->setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(newChat->property("text").toString(), QStringLiteral("New chat"));
}

void WindowUiTest::settingsOpenWithTheirPages()
{
    QQuickWindow *window = m_window->window();
    QTest::keyClick(window, Qt::Key_Comma, Qt::ControlModifier);
    QObject *settings = find(window, "settingsDialog");
    QVERIFY(settings);
    QTRY_VERIFY(settings->property("opened").toBool());
    // The upstream list shows the configured one and whether it answered.
    QTRY_COMPARE(settings->property("upstreamCount").toInt(), 1);
    QVERIFY(!m_preferences->restartNeeded()); // the running backend uses what is saved
    m_preferences->setStateless(true);
    QVERIFY(m_preferences->restartNeeded());
    m_preferences->setStateless(false);
    m_preferences->markApplied();
    // A key, token or password saved in the keychain is read at start too: the dialog offers the restart.
    // (A keychain is seldom reachable in tests, so the editor's signal stands in for a successful save.)
    QVERIFY(QMetaObject::invokeMethod(&m_window->secrets(), "serverSecretChanged"));
    QVERIFY(m_preferences->restartNeeded());
    m_preferences->markApplied();
    QTest::qWait(300);
    saveScreenshot(QStringLiteral("window-settings.png"));
    QTest::keyClick(window, Qt::Key_Escape);
    QTRY_VERIFY(!settings->property("visible").toBool());
}

void WindowUiTest::firstRunWithoutUpstreamSaysHowToFixIt()
{
    // A second window whose only upstream is a closed port, as on a first run without Ollama.
    QTcpServer unused;
    QVERIFY(unused.listen(QHostAddress::LocalHost));
    const quint16 deadPort = unused.serverPort();
    unused.close();
    QTemporaryDir dataDir;
    ServerOptions base;
    base.dataDir = dataDir.path();
    ServerOptionsBuilder builder(base);
    OptionLayer commandLine;
    commandLine.port = 0;
    commandLine.apiKey = QString();
    QString error;
    commandLine.upstreams
        = *UpstreamConfig::parseList({QStringLiteral("ollama:http://127.0.0.1:%1").arg(deadPort)}, &error);
    builder.setCommandLine(commandLine);
    MainWindow firstRun(*m_preferences, m_keychain);
    QVERIFY(firstRun.show());
    firstRun.start(builder);
    firstRun.window()->resize(1100, 720);
    QVERIFY(QTest::qWaitForWindowExposed(firstRun.window()));
    auto *title = qobject_cast<QQuickItem *>(
        firstRun.window()->findChild<QObject *>(QStringLiteral("noUpstreamTitle")));
    QVERIFY(title);
    QTRY_VERIFY_WITH_TIMEOUT(title->isVisible(), 10000);
    auto *send = firstRun.window()->findChild<QObject *>(QStringLiteral("sendButton"));
    QVERIFY(!send->property("enabled").toBool()); // nothing to send to
}

void WindowUiTest::cleanupTestCase()
{
    m_window.reset();
}

void WindowUiTest::saveScreenshot(const QString &name)
{
    const QImage image = m_window->window()->grabWindow();
    QVERIFY(!image.isNull());
    const QString path = QStringLiteral(PONDER_SCREENSHOT_DIR "/") + name;
    QVERIFY(image.save(path));
    qInfo().noquote() << "screenshot:" << path;
}

int main(int argc, char **argv)
{
    // Software rendering: grabbing the window works the same on every machine, with or without a GPU.
    qputenv("QT_QUICK_BACKEND", "software");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("PonderTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_window_ui"));
    WindowUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_window_ui.moc"
