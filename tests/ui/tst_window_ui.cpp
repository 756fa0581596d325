// SPDX-License-Identifier: MIT
// The desktop window end to end, as a person uses it, offscreen: the real QML, the real in-process
// backend on a loopback port, an Ollama fake with a thinking model and an OpenAI-compatible fake, and no
// keychain (CTest runs this without a D-Bus session). Saves screenshots of the whole window, at two sizes,
// light and dark, in English and German, into the build's tests folder.
#include "ClippedTextFinder.h"
#include "DesktopApp.h"
#include "FakeAguiAgent.h"
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "RedisServer.h"
#include "WindowDriver.h"
#include "history/ConversationStoreWorker.h"
#include "models/ConversationListModel.h"
#include "models/MessageModel.h"
#include "models/ProgressState.h"
#include "models/SessionTimeline.h"
#include "options/ServerOptionsBuilder.h"
#include "secrets/Keychain.h"
#include "settings/Preferences.h"
#include "settings/SecretEditor.h"

#include <QFont>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(PonderPlugin)

using namespace Qt::StringLiterals;

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
    script.capabilities = {QStringLiteral("completion"), QStringLiteral("thinking"), QStringLiteral("tools")};
    script.parameterSize = QStringLiteral("8.2B");
    script.family = QStringLiteral("qwen3");
    return script;
}

// The rows of a timeline that are steps (an agent's, or cut from a model's reasoning).
QList<int> stepRows(const QAbstractItemModel *timeline)
{
    QList<int> rows;
    for (int row = 0; row < timeline->rowCount(); ++row) {
        const auto entry = timeline->index(row, 0).data(SessionTimeline::EntryRole).value<Timeline::Entry>();
        if (entry == Timeline::Entry::StepEntry || entry == Timeline::Entry::ReasoningEntry)
            rows << row;
    }
    return rows;
}

// The texts of the visible items named `name` under `root`, in the order they are laid out.
QStringList shownTexts(QQuickItem *root, const char *name)
{
    QStringList texts;
    if (!root->isVisible())
        return texts;
    if (root->objectName() == QLatin1String(name))
        texts << root->property("text").toString();
    for (QQuickItem *child : root->childItems())
        texts << shownTexts(child, name);
    return texts;
}

MessageModel::State stateOf(QAbstractItemModel *messages, int row)
{
    return messages->index(row, 0).data(MessageModel::StateRole).value<MessageModel::State>();
}

} // namespace

class WindowUiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void startsWithTwoUpstreamsAndNoKeychain();
    void thePickerGroupsModelsByUpstreamWithBadges();
    void aThinkingModelShowsItsStepsAsTheyArrive();
    void stoppedMidAnswerAndReopenedItIsStillThere();
    void aChatFromBeforeARestartSaysItsTimelineIsGone();
    void aBrokenStreamKeepsThePromptAndTheError();
    void aRateLimitCountsDownAndRetries();
    void refreshSaysWhatItFound();
    void keyboardMovesOnAndHighlightsOneChat();
    void deletingAChatCanBeUndone();
    void liveSessionShowsAnOutsideAgent();
    void liveSessionsOfOneTitleReadWholeAndHoldStill();
    void aChatThroughTheEndpointIsListedOnceItEnds();
    void anOutsideRequestThatFailedSaysWhyInTheWindowsWords();
    void aTracesMomentsAreTheWindowsWords();
    void anAgentInThePickerAnswersWithItsSteps();
    void languageSwitchesLive();
    void theThemeSwitchesLiveInAnOpenDialog();
    void settingsSayWhereThePortCameFromAndThatNoKeychainAnswers();
    void anUpstreamAddedOrRemovedInSettingsAppliesWithoutRestart();
    void theChosenModelStaysWhenItsServerStopsAnswering();
    void theGreetingIsCentredInTheChat();
    void nothingIsClippedAtAnySize();
    void screenshotsInBothThemesSizesAndLanguages();
    void firstRunWithoutUpstreamSaysHowToFixIt();
    void settingsSayWhichUpstreamsTheCommandLineChose();
    void cleanupTestCase();

public Q_SLOTS: // not a test: QTest runs private slots only
    void countAnswer() { ++m_answersEnded; }

private:
    QObject *chat() const { return m_driver->object("chatController"); }
    QAbstractItemModel *messages() const
    {
        return chat()->property("messages").value<QAbstractItemModel *>();
    }
    QAbstractItemModel *history() const
    {
        return m_driver->item("conversationList")->property("model").value<QAbstractItemModel *>();
    }
    void newChat(const QString &model);
    // Sends from the composer and waits until `answers` answers ended (a retry is a second one).
    void ask(const QString &text, int answers = 1);
    // Opens a chat from the sidebar by clicking it.
    void openFromSidebar(const QString &conversationId);
    // A second window beside the first, with its own data folder, started as with `--upstream SPECS`
    // (and `--agent AGENTS`; the saved settings read too, or not), shown at `size`; null when it did not
    // show.
    enum class SavedUpstreams
    {
        Ignored,
        Listed
    };
    std::unique_ptr<DesktopApp> startAnotherWindow(const QTemporaryDir &dataDir, const QStringList &upstreams,
        SavedUpstreams saved, QSize size, const QStringList &agents = {}, const QString &redisUrl = {});

    QTemporaryDir m_dataDir;
    Keychain m_keychain;
    FakeUpstream m_ollama;
    FakeUpstream m_openAi;
    FakeAguiAgent m_agent;
    std::unique_ptr<Preferences> m_preferences;
    std::unique_ptr<DesktopApp> m_window;
    std::unique_ptr<WindowDriver> m_driver;
    QString m_thinkingChat;
    // Kept in history by an earlier run: its hub session went with that process (the memory store).
    const QString m_chatBeforeRestart = QStringLiteral("chat-before-restart");
    int m_answersEnded = 0;
};

void WindowUiTest::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    QCOMPARE(qEnvironmentVariable("PONDER_KEYCHAIN_MODE"), QStringLiteral("none"));
    m_ollama.setScript(QStringLiteral("qwen3:8b"), thinkingModel());
    FakeScript slow;
    for (int i = 0; i < 200; ++i)
        slow.content << QStringLiteral("slowly ");
    slow.delayMs = 50;
    m_ollama.setScript(QStringLiteral("slow"), slow);
    FakeScript broken = thinkingModel();
    broken.breakAfterDeltas = 7; // five of reasoning, two of the answer
    m_ollama.setScript(QStringLiteral("broken"), broken);
    FakeScript limited = thinkingModel();
    limited.status = 429;
    limited.errorMessage = QStringLiteral("Too many requests; slow down");
    limited.retryAfterSeconds = 1;
    limited.failTimes = 1;
    m_ollama.setScript(QStringLiteral("limited"), limited);
    FakeScript plain;
    plain.content = {QStringLiteral("Hello from an OpenAI-compatible server.")};
    m_openAi.setScript(QStringLiteral("gpt-4o-mini"), plain);
    QVERIFY(m_ollama.start());
    QVERIFY(m_openAi.start());
    QVERIFY(m_agent.start());

    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    m_preferences = std::make_unique<Preferences>();
    m_preferences->setLanguage(QStringLiteral("en"));
    m_preferences->setTheme(QStringLiteral("light"));

    // The upstreams come from the saved settings, as in the real window; the port from the "command line";
    // the token from the keychain, which does not answer here.
    m_preferences->setUpstreams({m_ollama.ollamaSpec(), m_openAi.openAiSpec()});
    ServerOptions base;
    base.dataDir = m_dataDir.path();
    ServerOptionsBuilder builder(base);
    OptionLayer commandLine;
    commandLine.port = 0;
    // "gone" names a port nothing listens on any more: an agent that is not running.
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    // The agents come from the saved settings too, so that Settings can change them while the window runs.
    m_preferences->setAgents({u"weather="_s + m_agent.url().toString(),
        u"slow="_s + m_agent.url().toString(), // named like one of the models
        u"gone=http://127.0.0.1:%1/"_s.arg(closedPort)});
    builder.setCommandLine(commandLine);
    builder.setSettings(m_preferences->layer());
    QCOMPARE(builder.build().upstreams.size(), 2);
    {
        ConversationStoreWorker earlierRun(m_dataDir.path() + u"/history.sqlite"_s);
        const QDateTime lastWeek = QDateTime::currentDateTimeUtc().addDays(-7);
        StoredMessage question;
        question.role = u"user"_s;
        question.content = u"Why is the sky blue?"_s;
        question.createdAt = lastWeek;
        Exchange exchange;
        exchange.conversationId = m_chatBeforeRestart;
        exchange.model = u"qwen3:8b"_s;
        exchange.requestMessages = {question};
        exchange.answer.role = u"assistant"_s;
        exchange.answer.content = u"Rayleigh scattering."_s;
        exchange.answer.reasoning = u"Short waves scatter more."_s;
        exchange.answer.model = u"qwen3:8b"_s;
        exchange.answer.finishReason = u"stop"_s;
        exchange.answer.createdAt = lastWeek;
        QString error;
        QVERIFY2(earlierRun.record(exchange, &error), qPrintable(error));
    }
    m_window = std::make_unique<DesktopApp>(*m_preferences, m_keychain);
    QVERIFY(m_window->show());
    m_window->start(builder);
    QQuickWindow *window = m_window->window();
    QVERIFY(window);
    window->resize(1280, 800);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    m_driver = std::make_unique<WindowDriver>(window);
    connect(chat(), SIGNAL(exchangeEnded()), this, SLOT(countAnswer()));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->endpoint().state(), EndpointStatus::State::Running, 15000);
}

// A test that failed half-way leaves no popup open for the next one.
void WindowUiTest::cleanup()
{
    QMetaObject::invokeMethod(m_driver->item("modelPicker")->property("popup").value<QObject *>(), "close");
    QMetaObject::invokeMethod(m_driver->object("settingsDialog"), "close");
    m_window->window()->setProperty("liveSessionId", QString());
}

void WindowUiTest::newChat(const QString &model)
{
    m_driver->key(Qt::Key_N, Qt::ControlModifier);
    chat()->setProperty("model", model);
}

void WindowUiTest::ask(const QString &text, int answers)
{
    const int before = m_answersEnded;
    m_driver->send(text);
    QTRY_COMPARE_WITH_TIMEOUT(m_answersEnded, before + answers, 20000);
}

void WindowUiTest::openFromSidebar(const QString &conversationId)
{
    QQuickItem *list = m_driver->item("conversationList");
    QTRY_VERIFY(history()->match(history()->index(0, 0), Qt::UserRole + 1, conversationId).size() == 1);
    const int row = history()->match(history()->index(0, 0), Qt::UserRole + 1, conversationId).first().row();
    QQuickItem *delegate = m_driver->delegateAt(list, row);
    QVERIFY(delegate);
    QTRY_VERIFY(list->isVisible());
    m_driver->click(delegate);
    QTRY_COMPARE(chat()->property("conversationId").toString(), conversationId);
}

std::unique_ptr<DesktopApp> WindowUiTest::startAnotherWindow(const QTemporaryDir &dataDir,
    const QStringList &upstreams, SavedUpstreams saved, QSize size, const QStringList &agents,
    const QString &redisUrl)
{
    ServerOptions base;
    base.dataDir = dataDir.path();
    ServerOptionsBuilder builder(base);
    OptionLayer commandLine;
    commandLine.port = 0;
    QString error;
    const auto parsed = UpstreamConfig::parseList(upstreams, &error);
    if (!parsed) {
        qWarning() << "bad upstream spec in the test:" << error;
        return nullptr;
    }
    commandLine.upstreams = *parsed;
    if (!agents.isEmpty()) {
        const auto named = AgentConfig::parseList(agents, &error);
        if (!named) {
            qWarning() << "bad agent spec in the test:" << error;
            return nullptr;
        }
        commandLine.agents = *named;
    }
    if (!redisUrl.isEmpty())
        commandLine.redisUrl = redisUrl;
    builder.setCommandLine(commandLine);
    if (saved == SavedUpstreams::Listed)
        builder.setSettings(m_preferences->layer());
    auto window = std::make_unique<DesktopApp>(*m_preferences, m_keychain);
    if (!window->show())
        return nullptr;
    window->start(builder);
    window->window()->resize(size);
    if (!QTest::qWaitForWindowExposed(window->window()))
        return nullptr;
    return window;
}

void WindowUiTest::startsWithTwoUpstreamsAndNoKeychain()
{
    // Both upstreams' models are in the picker, and the window stays up although no keychain answered.
    QObject *catalog = m_driver->object("modelCatalog");
    QTRY_VERIFY_WITH_TIMEOUT(catalog->property("checked").toBool(), 10000);
    const QStringList models = catalog->property("models").toStringList();
    for (const char *model : {"qwen3:8b", "slow", "gpt-4o-mini"})
        QVERIFY2(models.contains(QLatin1String(model)), qPrintable(models.join(QLatin1Char(' '))));
    QCOMPARE(m_window->secrets().keychainProblem(), SecretEditor::Problem::NoKeychain);
    QVERIFY(m_window->endpoint().listening());
    // A turn with each upstream.
    newChat(QStringLiteral("gpt-4o-mini"));
    ask(QStringLiteral("Hello OpenAI"));
    QCOMPARE(stateOf(messages(), 1), MessageModel::State::Complete);
}

void WindowUiTest::thePickerGroupsModelsByUpstreamWithBadges()
{
    QQuickItem *picker = m_driver->item("modelPicker");
    m_driver->click(picker);
    auto *popup = picker->property("popup").value<QObject *>();
    QTRY_VERIFY(popup->property("opened").toBool());
    QQuickItem *list = m_driver->item("modelList");
    QVERIFY(list);
    QTRY_VERIFY(list->property("count").toInt() >= 6);
    // Sections by upstream: "ollama" first, then "openai", each with its address (two of a kind are told
    // apart by it).
    QCOMPARE(list->property("section").value<QObject *>()->property("property").toString(),
        QStringLiteral("upstream"));
    QStringList addresses;
    QTRY_VERIFY([&] {
        addresses.clear();
        for (QQuickItem *item : list->property("contentItem").value<QQuickItem *>()->childItems())
            for (QQuickItem *label : item->findChildren<QQuickItem *>(QStringLiteral("modelSectionAddress")))
                if (label->isVisible())
                    addresses << label->property("text").toString();
        return addresses.size() >= 2;
    }());
    QVERIFY2(addresses.contains(m_ollama.ollamaSpec().mid(int(qstrlen("ollama:http://")))),
        qPrintable(addresses.join(u", "_s)));
    // The thinking model says so, with its size (once the list has made its delegates).
    const auto badgesOf = [&](const QString &model) {
        QStringList badges;
        for (QQuickItem *item : list->property("contentItem").value<QQuickItem *>()->childItems()) {
            if (item->property("modelId").toString() != model)
                continue;
            for (QQuickItem *badge : item->findChildren<QQuickItem *>())
                if (badge->isVisible() && badge->property("tone").isValid()) // a Badge
                    badges << badge->property("text").toString();
        }
        return badges;
    };
    QTRY_COMPARE(badgesOf(QStringLiteral("qwen3:8b")),
        (QStringList {QStringLiteral("thinks"), QStringLiteral("tools"), QStringLiteral("8.2B")}));
    // The AG-UI agent given with --agent is offered beside the models.
    QTRY_COMPARE(badgesOf(QStringLiteral("weather")), QStringList {QStringLiteral("agent")});
    QVERIFY(!m_driver->screenshot(QStringLiteral("window-model-picker.png")).isEmpty());
    m_driver->key(Qt::Key_Escape);
    QTRY_VERIFY(!popup->property("visible").toBool());
}

void WindowUiTest::aThinkingModelShowsItsStepsAsTheyArrive()
{
    newChat(QStringLiteral("qwen3:8b"));
    // The model can think: the composer offers Think, on by default, and Ollama is asked to think.
    QQuickItem *think = m_driver->item("thinkPicker");
    QTRY_VERIFY(think->isVisible());
    QCOMPARE(think->property("displayText").toString(), QStringLiteral("Think: on"));

    const int answered = m_answersEnded;
    m_driver->send(QStringLiteral("How do I reverse a list in Python?"));
    QVERIFY(chat()->property("busy").toBool()); // the script takes a while: 40 ms a delta
    QCOMPARE(m_driver->item("composerInput")->property("text").toString(), QString()); // sent
    // Steps arrive while the model is still at work.
    QQuickItem *insights = m_driver->item("chatInsights");
    QQuickItem *steps = m_driver->item("thinkingSteps", insights);
    const auto *timeline = steps->property("model").value<QAbstractItemModel *>();
    QTRY_VERIFY_WITH_TIMEOUT(!stepRows(timeline).isEmpty() && chat()->property("busy").toBool(), 10000);
    QVERIFY(!m_driver->screenshot(QStringLiteral("window-chat-mid-answer.png")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_answersEnded, answered + 1, 20000);
    QCOMPARE(m_ollama.lastChatRequest().body.value(QLatin1String("think")), QJsonValue(true));

    QCOMPARE(messages()->rowCount(), 2);
    const QString answer = messages()->index(1, 0).data().toString();
    QVERIFY2(answer.startsWith(QStringLiteral("There are two idiomatic ways")), qPrintable(answer));
    QTRY_VERIFY_WITH_TIMEOUT(stepRows(timeline).size() >= 2, 5000);
    // The model named no kinds: neutral, numbered steps, none of them red, marked along its reasoning.
    QQuickItem *first = m_driver->delegateAt(steps, stepRows(timeline).at(0));
    QCOMPARE(first->property("stepType").toString(), QStringLiteral("reasoning"));
    QCOMPARE(first->property("entry").toInt(), int(Timeline::Entry::ReasoningEntry));
    QVERIFY(WindowDriver::shownText(first, "stepLabel").startsWith(QStringLiteral("Step 1")));
    QVERIFY(WindowDriver::shownText(m_driver->delegateAt(steps, stepRows(timeline).at(1)), "stepLabel")
                .startsWith(QStringLiteral("Step 2")));
    auto *session = chat()->property("session").value<QObject *>();
    auto *progress = session->property("progress").value<ProgressState *>();
    QTRY_COMPARE_WITH_TIMEOUT(progress->phase(), ProgressState::Phase::Done, 5000);
    QVERIFY(progress->tokens() > 0);
    QVERIFY(progress->firstTokenMs() >= 0);
    QTRY_VERIFY(!session->property("reasoning").toString().isEmpty());
    QVERIFY(chat()->property("thoughtMs").toLongLong() >= 0);
    QVERIFY(WindowDriver::shownText(m_driver->lastMessage(), "answerFigures")
                .contains(QLatin1String("tokens/s")));
    m_thinkingChat = chat()->property("conversationId").toString();
    QTRY_VERIFY_WITH_TIMEOUT(
        history()->match(history()->index(0, 0), Qt::UserRole + 1, m_thinkingChat).size() == 1, 5000);
    QVERIFY(!m_driver->screenshot(QStringLiteral("window-chat.png")).isEmpty());
}

void WindowUiTest::stoppedMidAnswerAndReopenedItIsStillThere()
{
    newChat(QStringLiteral("slow"));
    m_driver->send(QStringLiteral("Take your time"));
    QTRY_VERIFY_WITH_TIMEOUT(!messages()->index(1, 0).data().toString().isEmpty(), 10000);
    // Listed in Chats while it is still being answered, not only once the answer is done.
    const QString asking = chat()->property("conversationId").toString();
    QTRY_VERIFY(history()->rowCount() > 0
        && history()->match(history()->index(0, 0), Qt::UserRole + 1, asking).size() == 1);
    QVERIFY(chat()->property("busy").toBool());
    m_driver->key(Qt::Key_Escape); // Esc stops the answer
    QTRY_VERIFY_WITH_TIMEOUT(!chat()->property("busy").toBool(), 5000);
    QCOMPARE(stateOf(messages(), 1), MessageModel::State::Stopped);
    const QString shown = messages()->index(1, 0).data().toString();
    QTRY_COMPARE(WindowDriver::shownText(m_driver->lastMessage(), "answerState"), QStringLiteral("Stopped."));
    auto *progress
        = chat()->property("session").value<QObject *>()->property("progress").value<ProgressState *>();
    QTRY_COMPARE_WITH_TIMEOUT(progress->message(), QStringLiteral("Stopped."), 5000);
    const QString stopped = chat()->property("conversationId").toString();

    // Elsewhere, then back from the sidebar: the partial answer, marked Stopped.
    newChat(QStringLiteral("qwen3:8b"));
    QCOMPARE(messages()->rowCount(), 0);
    openFromSidebar(stopped);
    QTRY_COMPARE_WITH_TIMEOUT(messages()->rowCount(), 2, 5000);
    QCOMPARE(messages()->index(0, 0).data().toString(), QStringLiteral("Take your time"));
    QCOMPARE(messages()->index(1, 0).data().toString(), shown);
    QCOMPARE(stateOf(messages(), 1), MessageModel::State::Stopped);
    QTRY_COMPARE(WindowDriver::shownText(m_driver->lastMessage(), "answerState"), QStringLiteral("Stopped."));
}

void WindowUiTest::aChatFromBeforeARestartSaysItsTimelineIsGone()
{
    QQuickItem *panel = m_driver->item("chatInsights");
    const auto placeholder = [&] { return WindowDriver::shownText(panel, "timelinePlaceholder"); };
    newChat(QStringLiteral("qwen3:8b"));
    QVERIFY2(placeholder().startsWith(QLatin1String("The request's timeline appears here")),
        qPrintable(placeholder()));

    // Its answer and reasoning are in history; its events were in the memory of the run that ended.
    openFromSidebar(m_chatBeforeRestart);
    QTRY_COMPARE_WITH_TIMEOUT(messages()->rowCount(), 2, 5000);
    QTRY_VERIFY2(placeholder().startsWith(QLatin1String("This chat's timeline is no longer kept")),
        qPrintable(placeholder()));
    m_preferences->setLanguage(QStringLiteral("de"));
    QTRY_VERIFY2(
        placeholder().startsWith(QLatin1String("Die Zeitleiste dieses Chats")), qPrintable(placeholder()));
    m_preferences->setLanguage(QStringLiteral("en"));

    // A new turn in it makes a timeline again.
    ask(QStringLiteral("And at sunset?"));
    QTRY_VERIFY(panel->property("timelineGone").toBool() == false);
}

void WindowUiTest::aBrokenStreamKeepsThePromptAndTheError()
{
    newChat(QStringLiteral("broken"));
    ask(QStringLiteral("Break mid-answer"));
    QCOMPARE(stateOf(messages(), 1), MessageModel::State::Failed);
    QCOMPARE(chat()->property("failure").value<ChatFailure::Kind>(), ChatFailure::Kind::CutOff);
    QQuickItem *answer = m_driver->lastMessage();
    QTRY_VERIFY(WindowDriver::shownText(answer, "answerState").contains(QLatin1String("Retry")));
    // What broke is worded by the window from fields (which upstream, cut off), in German too; Ponder's
    // English ("upstream 'ollama': the response ended early: ...") is shown nowhere.
    QTRY_COMPARE(WindowDriver::shownText(answer, "answerError"),
        QStringLiteral("ollama broke off the answer before it was done."));
    const auto insightDetails = [&] {
        return shownTexts(m_driver->item("chatInsights"), "milestoneDetails").join(u'\n') + u'\n'
            + WindowDriver::shownText(m_driver->item("chatInsights"), "failureDetails");
    };
    QTRY_COMPARE(insightDetails(),
        QStringLiteral("ollama broke off the answer before it was done.\n"
                       "ollama broke off the answer before it was done."));
    m_preferences->setLanguage(QStringLiteral("de"));
    QTRY_COMPARE(WindowDriver::shownText(answer, "answerError"),
        QStringLiteral("ollama hat die Antwort abgebrochen, bevor sie fertig war."));
    QTRY_VERIFY2(
        !insightDetails().contains(QLatin1String("upstream")) && insightDetails().contains(u"ollama hat"_s),
        qPrintable(insightDetails()));
    m_preferences->setLanguage(QStringLiteral("en"));
    QCOMPARE(
        m_driver->item("regenerateButton", answer)->property("text").toString(), QStringLiteral("Retry"));
    const QString partial = messages()->index(1, 0).data().toString();
    QVERIFY(!partial.isEmpty());
    const QString brokenChat = chat()->property("conversationId").toString();
    QVERIFY(!m_driver->screenshot(QStringLiteral("window-cut-off.png")).isEmpty());

    newChat(QStringLiteral("qwen3:8b"));
    openFromSidebar(brokenChat);
    QTRY_COMPARE_WITH_TIMEOUT(messages()->rowCount(), 2, 5000);
    QCOMPARE(messages()->index(0, 0).data().toString(), QStringLiteral("Break mid-answer"));
    QCOMPARE(messages()->index(1, 0).data().toString(), partial);
    QCOMPARE(stateOf(messages(), 1), MessageModel::State::Failed);
    // Reopened: worded again from the fields history kept, never Ponder's English.
    QTRY_COMPARE(WindowDriver::shownText(m_driver->lastMessage(), "answerError"),
        QStringLiteral("ollama broke off the answer before it was done."));
}

void WindowUiTest::aRateLimitCountsDownAndRetries()
{
    newChat(QStringLiteral("limited"));
    const int answered = m_answersEnded;
    m_driver->send(QStringLiteral("Are you busy?"));
    // The server said Retry-After: 1. The window says so, counts down, and tries again by itself.
    QTRY_VERIFY_WITH_TIMEOUT(WindowDriver::shownText(m_driver->lastMessage(), "answerState")
                                 .contains(QLatin1String("Trying again in 1 s")),
        10000);
    QCOMPARE(chat()->property("retryInSeconds").toInt(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_answersEnded, answered + 2, 20000); // the 429, then the retry
    QCOMPARE(chat()->property("retryInSeconds").toInt(), -1);
    QCOMPARE(messages()->rowCount(), 2);
    QCOMPARE(stateOf(messages(), 1), MessageModel::State::Complete);
    QVERIFY(messages()->index(1, 0).data().toString().startsWith(QStringLiteral("There are two")));
}

void WindowUiTest::refreshSaysWhatItFound()
{
    QQuickItem *found = m_driver->item("refreshSummary");
    m_driver->click(m_driver->item("refreshModels"));
    QTRY_VERIFY(found->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(found->property("text").toString().startsWith(QStringLiteral("Found ")), 10000);
    QVERIFY(found->property("text").toString().contains(QStringLiteral("at ollama")));
    QVERIFY(found->property("text").toString().contains(QStringLiteral("at openai")));
}

void WindowUiTest::keyboardMovesOnAndHighlightsOneChat()
{
    // Tab leaves the composer instead of typing a tab; Shift+Tab comes back.
    newChat(QStringLiteral("qwen3:8b"));
    QQuickItem *input = m_driver->item("composerInput");
    QTRY_VERIFY(input->hasActiveFocus()); // Ctrl+N: ready to type
    m_driver->type(QStringLiteral("draft"));
    m_driver->key(Qt::Key_Tab);
    QVERIFY(!input->hasActiveFocus());
    QCOMPARE(input->property("text").toString(), QStringLiteral("draft"));
    // Where the keyboard went is ringed.
    QQuickItem *ring = m_driver->item("keyboardFocusRing");
    QVERIFY(ring);
    QTRY_VERIFY(ring->isVisible());
    QQuickItem *focused = m_driver->window()->activeFocusItem();
    const QPointF corner = focused->mapToItem(ring->parentItem(), QPointF(0, 0));
    QTRY_COMPARE(ring->x(), corner.x() - 3);
    m_driver->key(Qt::Key_Backtab, Qt::ShiftModifier);
    QTRY_VERIFY(input->hasActiveFocus());
    QTRY_VERIFY(!ring->isVisible()); // the composer's frame shows its focus itself
    input->setProperty("text", QString());

    // One highlight: the open chat; a new chat has none, whatever the keyboard did before.
    openFromSidebar(m_thinkingChat);
    QQuickItem *list = m_driver->item("conversationList");
    const auto highlighted = [&] {
        int count = 0;
        for (int row = 0; row < history()->rowCount(); ++row) {
            QQuickItem *delegate = m_driver->delegateAt(list, row);
            if (delegate && delegate->property("highlighted").toBool())
                ++count;
        }
        return count;
    };
    list->forceActiveFocus();
    m_driver->key(Qt::Key_Down);
    m_driver->key(Qt::Key_Down);
    QCOMPARE(highlighted(), 1);
    m_driver->key(Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(highlighted(), 0);
    QCOMPARE(list->property("currentIndex").toInt(), -1);
}

void WindowUiTest::deletingAChatCanBeUndone()
{
    QQuickItem *list = m_driver->item("conversationList");
    const int before = history()->rowCount();
    QVERIFY(before >= 2);
    list->forceActiveFocus();
    m_driver->key(Qt::Key_Down);
    const QString doomed
        = history()->index(list->property("currentIndex").toInt(), 0).data(Qt::UserRole + 1).toString();
    auto *live = qobject_cast<QAbstractItemModel *>(m_driver->object("liveSessions"));
    const auto listedLive = [&](const QString &id) {
        return live->rowCount() > 0 && !live->match(live->index(0, 0), Qt::UserRole + 1, id).isEmpty();
    };
    QTRY_VERIFY(listedLive(doomed));
    // A title longer than the notice has room for.
    const QString longTitle = QStringLiteral("What is the capital of France, and how did it become one?");
    QVERIFY(
        QMetaObject::invokeMethod(history(), "rename", Q_ARG(QString, doomed), Q_ARG(QString, longTitle)));
    QTRY_COMPARE(history()
                     ->match(history()->index(0, 0), Qt::UserRole + 1, doomed)
                     .value(0)
                     .data(Qt::UserRole + 2)
                     .toString(),
        longTitle);
    m_driver->key(Qt::Key_Delete);
    QCOMPARE(history()->rowCount(), before - 1);
    QVERIFY(!listedLive(doomed)); // its session leaves Live sessions with it
    QQuickItem *undo = m_driver->item("undoDelete");
    QTRY_VERIFY(undo->isVisible());
    QVERIFY(!m_driver->screenshot(QStringLiteral("window-undo-delete.png")).isEmpty());
    // What happened is said whole, also in German in a narrow window; the title below it gives way at its
    // end, with the notice's width.
    QQuickItem *undoText = m_driver->item("undoText", undo);
    QQuickItem *undoTitle = m_driver->item("undoTitle", undo);
    QQuickWindow *window = m_window->window();
    const QSize size = window->size();
    const auto restore = qScopeGuard([&] {
        window->resize(size);
        m_preferences->setLanguage(u"en"_s);
    });
    for (const QSize narrowOrNot : {QSize(900, 600), size}) {
        window->resize(narrowOrNot);
        QTRY_COMPARE(window->contentItem()->size().toSize(), narrowOrNot);
        for (const char *language : {"de", "en"}) {
            m_preferences->setLanguage(QLatin1String(language));
            QVERIFY(m_driver->settle());
            const QString where
                = QStringLiteral("%1 %2: ").arg(narrowOrNot.width()).arg(QLatin1String(language));
            QVERIFY2(!undoText->property("truncated").toBool(),
                qPrintable(where + undoText->property("text").toString()));
            QCOMPARE(undoTitle->property("text").toString(), longTitle);
            QVERIFY2(undoTitle->property("truncated").toBool(), qPrintable(where));
            QVERIFY2(undoTitle->width() > undo->width() * 0.8, qPrintable(where)); // the notice's width
        }
    }
    QCOMPARE(undoText->property("text").toString(), QStringLiteral("Chat deleted"));
    m_driver->click(m_driver->item("undoButton"));
    QTRY_VERIFY(!undo->isVisible());
    QCOMPARE(history()->rowCount(), before);
    QVERIFY(listedLive(doomed));
    QVERIFY(history()->match(history()->index(0, 0), Qt::UserRole + 1, doomed).size() == 1);

    // A right-click offers Rename and Delete, and does not open the chat it was on.
    const QString open = chat()->property("conversationId").toString();
    QQuickItem *other = m_driver->delegateAt(list, 1);
    QVERIFY(other->property("conversationId").toString() != open);
    const QPointF centre = other->mapToScene(QPointF(other->width() / 2, other->height() / 2));
    QTest::mouseClick(m_driver->window(), Qt::RightButton, Qt::NoModifier, centre.toPoint());
    QObject *menu = m_driver->object("conversationMenu");
    QTRY_VERIFY(menu->property("opened").toBool());
    QCOMPARE(chat()->property("conversationId").toString(), open);
    // At the click: the list's one menu is the sidebar's, placed where the row was clicked.
    const QPointF corner = menu->property("background").value<QQuickItem *>()->mapToScene(QPointF(0, 0));
    QVERIFY2(QLineF(corner, centre).length() < 4,
        qPrintable(QStringLiteral("menu at %1,%2, click at %3,%4")
                       .arg(corner.x())
                       .arg(corner.y())
                       .arg(centre.x())
                       .arg(centre.y())));

    // Rename: the field lies inside its dialog, and Enter renames the chat it was asked on.
    m_driver->click(m_driver->item("renameItem", menu));
    QObject *rename = m_driver->object("renameDialog");
    QTRY_VERIFY(rename->property("opened").toBool());
    const auto sceneRect = [](const QQuickItem *item) {
        return item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
    };
    const QRectF dialog = sceneRect(rename->property("background").value<QQuickItem *>());
    auto *field = m_driver->item("renameField", rename);
    QVERIFY2(dialog.contains(sceneRect(field)),
        qPrintable(QStringLiteral("field %1 px wide, dialog %2").arg(field->width()).arg(dialog.width())));
    const QString renamed = QStringLiteral("Renamed from the menu");
    field->setProperty("text", renamed);
    m_driver->key(Qt::Key_Return);
    QTRY_VERIFY(!rename->property("visible").toBool());
    const QString renamedId = other->property("conversationId").toString();
    const auto titleOf = [&] {
        const QModelIndexList rows = history()->match(history()->index(0, 0), Qt::UserRole + 1, renamedId);
        return rows.size() == 1 ? rows.first().data(Qt::UserRole + 2).toString() : QString(); // TitleRole
    };
    QTRY_COMPARE(titleOf(), renamed);
}

// A client's chat through /v1 is saved in history: the sidebar lists it (and its search finds it) without
// waiting for the window's own next chat or a restart.
void WindowUiTest::aChatThroughTheEndpointIsListedOnceItEnds()
{
    const QString question = u"Which chats did the outside client have?"_s;
    const auto listed = [this, &question] {
        return !history()
                    ->match(history()->index(0, 0), ConversationListModel::TitleRole, question)
                    .isEmpty();
    };
    QVERIFY(!listed());
    HttpTestClient client;
    const QJsonObject body {{u"model"_s, u"gpt-4o-mini"_s},
        {u"messages"_s, QJsonArray {QJsonObject {{u"role"_s, u"user"_s}, {u"content"_s, question}}}}};
    const auto reply = client.send("POST",
        m_window->endpoint().baseUrl().resolved(QUrl(u"/v1/chat/completions"_s)),
        QJsonDocument(body).toJson(), {{"Content-Type", "application/json"}, {"User-Agent", "curl/8.0.1"}});
    QCOMPARE(reply.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(listed(), 10000);
}

// A client asked for a model no upstream has: its session says so in the window's words, with the advice
// the window gives its own answers (the status line was empty and the advice about servers generic).
void WindowUiTest::anOutsideRequestThatFailedSaysWhyInTheWindowsWords()
{
    HttpTestClient client;
    const QJsonObject body {{u"model"_s, u"nosuchmodel:latest"_s},
        {u"messages"_s, QJsonArray {QJsonObject {{u"role"_s, u"user"_s}, {u"content"_s, u"Hello?"_s}}}}};
    const auto reply
        = client.send("POST", m_window->endpoint().baseUrl().resolved(QUrl(u"/v1/chat/completions"_s)),
            QJsonDocument(body).toJson(),
            {{"Content-Type", "application/json"}, {"X-Session-Id", "outside-failed-1"}});
    QCOMPARE(reply.status, 404);
    m_window->window()->setProperty("liveSessionId", u"outside-failed-1"_s);
    QQuickItem *page = m_driver->item("livePage");
    QTRY_COMPARE(WindowDriver::shownText(page, "statusNow"), u"Model not found"_s);
    QVERIFY2(WindowDriver::shownText(page, "failureAdvice")
                 .startsWith(u"The model server does not have this model"_s),
        qPrintable(WindowDriver::shownText(page, "failureAdvice")));
    m_preferences->setLanguage(u"de"_s);
    QTRY_COMPARE(WindowDriver::shownText(page, "statusNow"), u"Modell nicht gefunden"_s);
    m_preferences->setLanguage(u"en"_s);
    m_window->window()->setProperty("liveSessionId", QString());
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
    auto *live = qobject_cast<QAbstractItemModel *>(m_driver->object("liveSessions"));
    QVERIFY(live);
    QTRY_VERIFY_WITH_TIMEOUT(!live->match(live->index(0, 0), Qt::UserRole + 1, id).isEmpty(), 5000);
    window->setProperty("liveSessionId", id);
    QObject *view = m_driver->object("liveSession");
    auto *viewSteps = view->property("timeline").value<QAbstractItemModel *>();
    QTRY_COMPARE_WITH_TIMEOUT(stepRows(viewSteps).size(), 3, 5000);
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
    QTRY_COMPARE_WITH_TIMEOUT(stepRows(viewSteps).size(), 4, 5000);
    // Where it came from and how it stands, on the page and in the list.
    QCOMPARE(
        m_driver->item("livePage")->property("origin").toString(), QStringLiteral("agent travel-planner"));
    QCOMPARE(m_driver->item("sessionPhase")->property("text").toString(), QStringLiteral("Running"));
    QQuickItem *liveList = m_driver->item("liveSessionList");
    const int row = live->match(live->index(0, 0), Qt::UserRole + 1, id).first().row();
    QTRY_COMPARE(
        WindowDriver::shownText(m_driver->delegateAt(liveList, row), "stateChip"), QStringLiteral("running"));
    QVERIFY(!m_driver->screenshot(QStringLiteral("window-live-session.png")).isEmpty());
    const auto subtitle
        = [&] { return WindowDriver::shownText(m_driver->item("livePage"), "sessionSubtitle"); };
    QVERIFY2(subtitle().endsWith(u" · watching live"_s), qPrintable(subtitle()));

    // Its request finished: the session is not watched "live" any more, but it may carry another.
    QCOMPARE(post(QStringLiteral("/progress"),
                 {{QStringLiteral("session_id"), id},
                     {QStringLiteral("update_type"), QStringLiteral("completion")},
                     {QStringLiteral("message"), QStringLiteral("Plan ready")}})
                 .status,
        201);
    QTRY_COMPARE(m_driver->item("sessionPhase")->property("text").toString(), QStringLiteral("Done"));
    QVERIFY2(subtitle().endsWith(u" · still open"_s), qPrintable(subtitle()));

    // Chosen with the mouse, the list takes the keyboard: the arrows move on from that row (they did
    // nothing until Tab reached the list).
    QVERIFY(live->rowCount() >= 2); // the window's own chats are sessions too
    const int chosen = live->match(live->index(0, 0), Qt::UserRole + 1, id).first().row();
    m_driver->click(m_driver->delegateAt(liveList, chosen));
    QTRY_VERIFY(liveList->hasActiveFocus());
    const bool down = chosen + 1 < live->rowCount();
    m_driver->key(down ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(liveList->property("currentIndex").toInt(), down ? chosen + 1 : chosen - 1);

    // The session's timeline is reached with Tab and read with the keys: Home, Page Down, End.
    window->setProperty("liveSessionId", id);
    for (int step = 0; step < 30; ++step)
        QCOMPARE(
            post(QStringLiteral("/thinking"),
                {{QStringLiteral("session_id"), id},
                    {QStringLiteral("thinking_type"), QStringLiteral("planning")},
                    {QStringLiteral("content"), QStringLiteral("Another day's plan, step %1.").arg(step)}})
                .status,
            201);
    QQuickItem *lane = m_driver->item("liveTimeline");
    QTRY_VERIFY(lane->property("contentHeight").toReal() > 2 * lane->height());
    for (int tab = 0; tab < 12 && !lane->hasActiveFocus(); ++tab)
        m_driver->key(Qt::Key_Tab);
    QVERIFY2(lane->hasActiveFocus(), "Tab never reached the timeline");
    QCOMPARE(m_driver->window()->activeFocusItem(), lane); // where the ring is drawn
    m_driver->key(Qt::Key_Home);
    QTRY_VERIFY(lane->property("atYBeginning").toBool());
    const qreal top = lane->property("contentY").toReal();
    m_driver->key(Qt::Key_PageDown);
    QTRY_VERIFY(lane->property("contentY").toReal() > top + lane->height() / 2);
    m_driver->key(Qt::Key_End);
    QTRY_VERIFY(lane->property("atYEnd").toBool());
    window->setProperty("liveSessionId", QString());
}

void WindowUiTest::liveSessionsOfOneTitleReadWholeAndHoldStill()
{
    QQuickWindow *window = m_window->window();
    const QSize size = window->size();
    window->resize(900, 600);
    QTRY_COMPARE(window->contentItem()->size().toSize(), QSize(900, 600));
    m_preferences->setLanguage(u"de"_s);
    const QUrl base = m_window->endpoint().baseUrl();
    HttpTestClient client;
    const auto post = [&](const QString &path, const QJsonObject &body) {
        return client
            .send("POST", base.resolved(QUrl(QStringLiteral("/api/streaming") + path)),
                QJsonDocument(body).toJson(), {{"Content-Type", "application/json"}})
            .status;
    };
    const auto create = [&](const QString &id) {
        return post(u"/sessions"_s,
            {{u"session_id"_s, id}, {u"user_request"_s, u"Summarise the quarterly report"_s},
                {u"system_context"_s, QJsonObject {{u"agent"_s, u"report-agent"_s}}}});
    };
    // The same agent run twice, the first run failed.
    QCOMPARE(create(u"report-run-1"_s), 201);
    QCOMPARE(create(u"report-run-2"_s), 201);
    QCOMPARE(post(u"/progress"_s,
                 {{u"session_id"_s, u"report-run-1"_s}, {u"update_type"_s, u"warning"_s},
                     {u"current_activity"_s, u"failed"_s}, {u"message"_s, u"The report is gone"_s}}),
        201);
    auto *live = qobject_cast<QAbstractItemModel *>(m_driver->object("liveSessions"));
    window->setProperty("liveSessionId", u"report-run-2"_s); // shows the Live sessions list
    QQuickItem *liveList = m_driver->item("liveSessionList");
    const auto rowOf = [&](const QString &id) {
        const QModelIndexList found
            = live->match(live->index(0, 0), Qt::UserRole + 1, id, 1, Qt::MatchExactly);
        return found.isEmpty() ? -1 : found.first().row();
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(u"report-run-1"_s) >= 0 && rowOf(u"report-run-2"_s) >= 0, 5000);
    QTRY_COMPARE(
        WindowDriver::shownText(m_driver->delegateAt(liveList, rowOf(u"report-run-1"_s)), "stateChip"),
        u"fehlgeschlagen"_s);
    QVERIFY(m_driver->settle());

    // Each tells its id; the title has its line's width (a long German state beside it left it "Sum…").
    for (const QString &id : {u"report-run-1"_s, u"report-run-2"_s}) {
        QQuickItem *row = m_driver->delegateAt(liveList, rowOf(id));
        QVERIFY(row);
        QCOMPARE(WindowDriver::shownText(row, "liveShortId"), id);
        auto *title = row->findChild<QQuickItem *>(u"liveTitle"_s);
        auto *shortId = row->findChild<QQuickItem *>(u"liveShortId"_s);
        QVERIFY(title && shortId);
        const qreal room = row->property("availableWidth").toReal();
        QVERIFY2(title->width() + shortId->width() + 12 >= room,
            qPrintable(u"%1: title %2 of %3"_s.arg(id).arg(title->width()).arg(room)));
        const QString tip = row->property("toolTipText").toString();
        QVERIFY2(tip.contains(id) && tip.contains(u"report-agent"_s), qPrintable(tip));
    }
    QVERIFY(!m_driver->screenshot(u"window-live-list-900x600-de.png"_s).isEmpty());

    // The pointer over the list: a session that goes on stays where it is, one that starts comes below.
    const QPoint over = liveList->mapToScene(QPointF(liveList->width() / 2, 10)).toPoint();
    QTest::mouseMove(window, over);
    QTRY_VERIFY(live->property("holdOrder").toBool());
    const int lower = std::max(rowOf(u"report-run-1"_s), rowOf(u"report-run-2"_s));
    const QString lowerId = live->index(lower, 0).data(Qt::UserRole + 1).toString();
    QCOMPARE(
        post(u"/progress"_s,
            {{u"session_id"_s, lowerId}, {u"update_type"_s, u"progress"_s}, {u"message"_s, u"Page 3"_s}}),
        201);
    QCOMPARE(create(u"report-run-3"_s), 201);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(u"report-run-3"_s) >= 0, 5000);
    QCOMPARE(rowOf(u"report-run-3"_s), live->rowCount() - 1);
    QCOMPARE(rowOf(lowerId), lower);
    // Away from it, the list takes its order: the latest first.
    QTest::mouseMove(window, QPoint(window->width() - 10, window->height() - 10));
    QTRY_VERIFY(!live->property("holdOrder").toBool());
    QCOMPARE(rowOf(u"report-run-3"_s), 0);

    window->setProperty("liveSessionId", QString());
    m_preferences->setLanguage(u"en"_s);
    window->resize(size);
    QTRY_COMPARE(window->contentItem()->size().toSize(), size);
}

void WindowUiTest::aTracesMomentsAreTheWindowsWords()
{
    // An OpenTelemetry trace whose root span failed, sent as any OTLP exporter sends it.
    const QString traceId = QStringLiteral("5b8efff798038103d269b633813fc60c");
    const QByteArray json = R"({"resourceSpans":[{"scopeSpans":[{"spans":[
        {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"invoke_agent helper",
         "startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000002000000000",
         "status":{"code":2,"message":"ran out of budget"},
         "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"invoke_agent"}}]},
        {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"aaa19b7ec3c1b174","parentSpanId":"eee19b7ec3c1b174",
         "name":"chat qwen3","startTimeUnixNano":"1700000000500000000","endTimeUnixNano":"1700000001000000000",
         "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}}]}]}]}]})";
    HttpTestClient client;
    const HttpTestReply reply
        = client.send("POST", m_window->endpoint().baseUrl().resolved(QUrl(u"/v1/traces"_s)), json,
            {{"Content-Type", "application/json"}});
    QCOMPARE(reply.status, 200);
    m_window->window()->setProperty("liveSessionId", traceId);
    QQuickItem *page = m_driver->item("livePage");
    const auto moments = [&] { return shownTexts(page, "milestoneText").join(u'|'); };
    const auto details = [&] { return shownTexts(page, "milestoneDetails").join(u'|'); };
    QTRY_VERIFY2(moments() == u"Trace started: invoke_agent helper|The trace failed: 2 steps, 1 failed"_s,
        qPrintable(moments()));
    QCOMPARE(details(), u"“ran out of budget”"_s);
    m_preferences->setLanguage(u"de"_s);
    QTRY_VERIFY2(moments()
            == u"Trace gestartet: invoke_agent helper|Der Trace ist fehlgeschlagen: 2 Schritte, 1 fehlgeschlagen"_s,
        qPrintable(moments()));
    QCOMPARE(details(), u"„ran out of budget“"_s);
    // The status says it too, with the root span's words and no advice about model servers.
    QCOMPARE(WindowDriver::shownText(page, "failureDetails"), u"„ran out of budget“"_s);
    QVERIFY2(shownTexts(page, "failureAdvice").isEmpty(),
        qPrintable(shownTexts(page, "failureAdvice").join(u'|')));
    QVERIFY(!m_driver->screenshot(u"window-trace-failed-de.png"_s).isEmpty());
    m_preferences->setLanguage(u"en"_s);
    m_window->window()->setProperty("liveSessionId", QString());
}

void WindowUiTest::anAgentInThePickerAnswersWithItsSteps()
{
    // Chatting with an agent runs it through the AG-UI relay: its text is the answer, its steps, reasoning
    // and tool call are in the timeline, and the turn is kept like any other.
    newChat(QStringLiteral("weather"));
    ask(QStringLiteral("What is the weather in Paris?"));
    const QString conversation = chat()->property("conversationId").toString();
    QCOMPARE(messages()->rowCount(), 2);
    QCOMPARE(messages()->index(1, 0).data().toString(), QStringLiteral("It is 18 C and sunny in Paris."));
    const QList<QJsonObject> inputs = m_agent.receivedInputs();
    QVERIFY(!inputs.isEmpty());
    QCOMPARE(inputs.last().value(QLatin1String("threadId")).toString(), conversation);
    QCOMPARE(inputs.last().value(QLatin1String("messages"))[0][QLatin1String("content")].toString(),
        QStringLiteral("What is the weather in Paris?"));
    auto *session = chat()->property("session").value<QObject *>();
    QTRY_VERIFY(session->property("reasoning").toString().contains(QLatin1String("I will look it up.")));
    QQuickItem *steps = m_driver->item("thinkingSteps", m_driver->item("chatInsights"));
    const auto *timeline = steps->property("model").value<QAbstractItemModel *>();
    QTRY_VERIFY_WITH_TIMEOUT(stepRows(timeline).size() >= 2, 5000); // "plan" and the tool call
    // The status line says what happened, not Ponder's name for the moment ("done · ...").
    const auto statusLine
        = [&] { return WindowDriver::shownText(m_driver->item("chatInsights"), "statusNow"); };
    QTRY_VERIFY2(statusLine().contains(QLatin1String("finished run"))
            && !statusLine().startsWith(QLatin1String("done")),
        qPrintable(statusLine()));
    // The run's moments are the window's words: in German, German, with the agent's and run's names.
    const QRegularExpression startedDe(QStringLiteral("^weather hat Lauf [0-9a-f]{8} gestartet$"));
    const QRegularExpression finishedDe(QStringLiteral("^weather hat Lauf [0-9a-f]{8} beendet$"));
    m_preferences->setLanguage(QStringLiteral("de"));
    QTRY_VERIFY2(finishedDe.match(statusLine()).hasMatch(), qPrintable(statusLine()));
    const QStringList moments = shownTexts(m_driver->item("chatInsights"), "milestoneText");
    QVERIFY2(moments.indexOf(startedDe) >= 0 && moments.indexOf(finishedDe) >= 0,
        qPrintable(moments.join(QLatin1Char('\n'))));
    m_preferences->setLanguage(QStringLiteral("en"));
    QTRY_VERIFY(statusLine().startsWith(QLatin1String("weather finished run ")));
    QTRY_VERIFY_WITH_TIMEOUT(
        history()->match(history()->index(0, 0), Qt::UserRole + 1, conversation).size() == 1, 5000);

    // An agent named like a model is listed as "agents/slow" beside the model "slow", and answers as the
    // agent.
    const QStringList models = m_driver->object("modelCatalog")->property("models").toStringList();
    QVERIFY2(models.contains(QStringLiteral("slow")) && models.contains(QStringLiteral("agents/slow")),
        qPrintable(models.join(QLatin1Char(' '))));
    newChat(QStringLiteral("agents/slow"));
    ask(QStringLiteral("And in Paris?"));
    QCOMPARE(messages()->index(1, 0).data().toString(), QStringLiteral("It is 18 C and sunny in Paris."));

    // An agent that is not running is said to be unreachable, as an agent: no advice about model servers.
    newChat(QStringLiteral("gone"));
    ask(QStringLiteral("Anyone there?"));
    QCOMPARE(chat()->property("failure").value<ChatFailure::Kind>(), ChatFailure::Kind::AgentUnreachable);
    const auto answerState
        = [&] { return shownTexts(m_driver->item("messageList"), "answerState").join(u'\n'); };
    QTRY_COMPARE(answerState(),
        QStringLiteral("The agent is not answering. Is it running at the address in Settings?"));
    // Why its run failed is worded by the window from the relay's code, in German too; the network's own
    // words are quoted under it, and Ponder's English reason is not shown.
    const auto failureLines
        = [&] { return shownTexts(m_driver->item("chatInsights"), "milestoneDetails").join(u'\n'); };
    QTRY_VERIFY2(
        failureLines().startsWith(QLatin1String("gone could not be reached.")), qPrintable(failureLines()));
    m_preferences->setLanguage(QStringLiteral("de"));
    QTRY_VERIFY2(failureLines().startsWith(QStringLiteral("gone ist nicht erreichbar. Läuft der Agent")),
        qPrintable(failureLines()));
    QVERIFY2(
        failureLines().contains(QStringLiteral("„")) && !failureLines().contains(QLatin1String("agent gone")),
        qPrintable(failureLines()));
    QTRY_VERIFY2(
        statusLine().contains(QStringLiteral(" · gone ist nicht erreichbar")), qPrintable(statusLine()));
    const QString statusDetails = WindowDriver::shownText(m_driver->item("chatInsights"), "failureDetails");
    QVERIFY2(statusDetails.startsWith(QStringLiteral("„")) && !statusDetails.contains(u"agent gone"_s),
        qPrintable(statusDetails));
    QTRY_VERIFY2(
        answerState().startsWith(QStringLiteral("Der Agent antwortet nicht.")), qPrintable(answerState()));
    // Under the answer too: the window's sentence, the network's words quoted, not "agent gone could not...".
    const QString answerError = WindowDriver::shownText(m_driver->lastMessage(), "answerError");
    QVERIFY2(answerError.startsWith(QStringLiteral("gone ist nicht erreichbar."))
            && answerError.contains(u"\n„"_s) && !answerError.contains(u"agent gone"_s),
        qPrintable(answerError));
    QVERIFY(!m_driver->screenshot(QStringLiteral("window-agent-failed-de.png")).isEmpty());
    m_preferences->setLanguage(QStringLiteral("en"));
}

void WindowUiTest::languageSwitchesLive()
{
    QObject *newChat = m_driver->object("newChatButton");
    QCOMPARE(newChat->property("text").toString(), QStringLiteral("New chat"));
    // What the last refresh found was said in English; it is reworded, not kept.
    QObject *catalog = m_driver->object("modelCatalog");
    QVERIFY(catalog->property("summary").toString().startsWith(QLatin1String("Found ")));
    m_preferences->setLanguage(QStringLiteral("de"));
    QTRY_COMPARE(newChat->property("text").toString(), QStringLiteral("Neuer Chat"));
    // Dates follow the language too ("6. Dez.", not "6 Dec").
    QObject *sidebar = m_driver->object("sidebar");
    QTRY_COMPARE(sidebar->property("uiLocale").value<QLocale>().language(), QLocale::German);
    QVERIFY2(catalog->property("summary").toString().startsWith(QLatin1String("Gefunden: ")),
        qPrintable(catalog->property("summary").toString()));
    m_preferences->setLanguage(QStringLiteral("es"));
    QTRY_COMPARE(newChat->property("text").toString(), QStringLiteral("Nuevo chat"));
    m_preferences->setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(newChat->property("text").toString(), QStringLiteral("New chat"));
    QTRY_COMPARE(sidebar->property("uiLocale").value<QLocale>().language(), QLocale::English);
    // Choices stay chosen across languages (a list of translated labels used to reset them).
    QQuickItem *think = m_driver->item("thinkPicker");
    chat()->setProperty("model", QStringLiteral("qwen3:8b"));
    QTRY_COMPARE(think->property("displayText").toString(), QStringLiteral("Think: on"));
    m_preferences->setLanguage(QStringLiteral("de"));
    QTRY_COMPARE(think->property("displayText").toString(), QStringLiteral("Denken: an"));
    QCOMPARE(think->property("currentIndex").toInt(), 1);
    // An OpenAI model's choices (Auto, Low, Medium, High): the widest fits, whichever is shown.
    chat()->setProperty("model", QStringLiteral("gpt-4o-mini"));
    QTRY_COMPARE(think->property("displayText").toString(), QStringLiteral("Denken: automatisch"));
    const QFontMetricsF metrics(think->property("font").value<QFont>());
    auto *shown = think->property("contentItem").value<QQuickItem *>();
    QVERIFY(shown);
    QTRY_VERIFY2(metrics.horizontalAdvance(QStringLiteral("Denken: automatisch")) <= shown->width(),
        qPrintable(u"%1 px for the label in %2 px"_s
                       .arg(metrics.horizontalAdvance(QStringLiteral("Denken: automatisch")))
                       .arg(shown->width())));
    chat()->setProperty("model", QStringLiteral("qwen3:8b"));
    // The dialogs' buttons are the window's words too, not Qt's untranslated standard ones.
    QObject *settings = m_driver->object("settingsDialog");
    auto *close = settings->findChild<QObject *>(QStringLiteral("settingsClose"));
    QVERIFY(close);
    QCOMPARE(close->property("text").toString(), QStringLiteral("Schließen"));
    m_preferences->setLanguage(QStringLiteral("en"));
}

// Switched in Settings, the theme reaches the open dialog's own controls at once: a popup took the
// window's palette when it opened and kept it, so its tabs, boxes, fields and footer stayed in the old
// theme (and the debug switch's label nearly vanished) until it was closed and opened again.
void WindowUiTest::theThemeSwitchesLiveInAnOpenDialog()
{
    m_driver->key(Qt::Key_Comma, Qt::ControlModifier);
    QObject *settings = m_driver->object("settingsDialog");
    QTRY_VERIFY(settings->property("opened").toBool());
    settings->setProperty("page", 3);
    const auto colourOf = [](QObject *item, const char *role) {
        auto *palette = item->property("palette").value<QObject *>();
        return palette ? palette->property(role).value<QColor>() : QColor();
    };
    QObject *theme = m_driver->item("themePicker", settings);
    QObject *close = settings->findChild<QObject *>(QStringLiteral("settingsClose"));
    QVERIFY(theme && close);
    for (const char *chosen : {"dark", "light"}) {
        m_preferences->setTheme(QLatin1String(chosen));
        // The window's own colours, as Main.qml gives them (Theme.surface and Theme.text).
        const bool dark = QLatin1String(chosen) == QLatin1String("dark");
        const QColor surface(dark ? "#202228" : "#ffffff");
        const QColor text(dark ? "#e8e8ee" : "#1d1d22");
        QTRY_COMPARE(colourOf(m_window->window(), "button"), surface);
        for (QObject *control : {theme, close}) {
            QTRY_COMPARE(colourOf(control, "button"), surface);
            QCOMPARE(colourOf(control, "buttonText"), text);
        }
    }
    settings->setProperty("page", 0);
    m_driver->key(Qt::Key_Escape);
    QTRY_VERIFY(!settings->property("visible").toBool());
}

void WindowUiTest::settingsSayWhereThePortCameFromAndThatNoKeychainAnswers()
{
    m_driver->key(Qt::Key_Comma, Qt::ControlModifier);
    QObject *settings = m_driver->object("settingsDialog");
    QVERIFY(settings);
    QTRY_VERIFY(settings->property("opened").toBool());
    QTRY_COMPARE(settings->property("upstreamCount").toInt(), 2);
    // The event store as it is now, not as it was when the window opened (it said nothing, or stayed
    // "degraded" after Redis came back, until Check now).
    QObject *storeNow = settings->findChild<QObject *>(QStringLiteral("eventStoreNow"));
    QTRY_COMPARE(storeNow->property("text").toString(), QStringLiteral("Now: in memory, healthy."));
    // In the window's language, also after it changes (it stayed in the old one until Check now).
    m_preferences->setLanguage(QStringLiteral("de"));
    QTRY_COMPARE(
        storeNow->property("text").toString(), QStringLiteral("Aktuell: im Arbeitsspeicher, in Ordnung."));
    m_preferences->setLanguage(QStringLiteral("en"));
    QTRY_COMPARE(storeNow->property("text").toString(), QStringLiteral("Now: in memory, healthy."));
    QVERIFY(!m_preferences->restartNeeded()); // the running backend uses what is saved
    m_preferences->setStateless(true);
    QVERIFY(m_preferences->restartNeeded());
    m_preferences->setStateless(false);
    m_preferences->markApplied();
    // A token or password saved in the keychain is read at start too: the dialog offers the restart.
    QVERIFY(QMetaObject::invokeMethod(&m_window->secrets(), "serverSecretChanged"));
    QVERIFY(m_preferences->restartNeeded());
    m_preferences->markApplied();

    // An AG-UI agent is added as NAME=URL, checked as --agent checks it, and applies at once: the picker
    // offers it and a chat with it runs it, with no restart.
    QObject *agentSpec = settings->findChild<QObject *>(QStringLiteral("agentSpec"));
    QObject *addAgent = settings->findChild<QObject *>(QStringLiteral("addAgent"));
    QObject *agentProblem = settings->findChild<QObject *>(QStringLiteral("agentProblem"));
    agentSpec->setProperty("text", QStringLiteral("not a name=http://127.0.0.1:9/agent"));
    QVERIFY(QMetaObject::invokeMethod(addAgent, "clicked"));
    QVERIFY(!agentProblem->property("text").toString().isEmpty());
    const QStringList agentsBefore = m_preferences->agents();
    QCOMPARE(agentsBefore.size(), 3);
    const QString docs = QStringLiteral("docs=") + m_agent.url().toString();
    agentSpec->setProperty("text", docs);
    QVERIFY(QMetaObject::invokeMethod(addAgent, "clicked"));
    QCOMPARE(m_preferences->agents(), agentsBefore + QStringList {docs});
    QCOMPARE(m_preferences->layer().agents->size(), 4);
    QVERIFY(!m_preferences->restartNeeded());
    QObject *catalog = m_driver->object("modelCatalog");
    const auto listed = [&] { return catalog->property("models").toStringList(); };
    QTRY_VERIFY2(listed().contains(u"docs"_s), qPrintable(listed().join(u' ')));
    m_driver->key(Qt::Key_Escape);
    QTRY_VERIFY(!settings->property("visible").toBool());
    newChat(QStringLiteral("docs"));
    ask(QStringLiteral("What is the weather in Paris?"));
    QCOMPARE(messages()->index(1, 0).data().toString(), QStringLiteral("It is 18 C and sunny in Paris."));
    m_driver->key(Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY(settings->property("opened").toBool());
    agentSpec->setProperty("text", QStringLiteral("docs=http://127.0.0.1:10/agent")); // the name is taken
    QVERIFY(QMetaObject::invokeMethod(addAgent, "clicked"));
    QVERIFY(!agentProblem->property("text").toString().isEmpty());
    agentSpec->setProperty("text", QString()); // a new try clears what was wrong with the last
    QVERIFY(agentProblem->property("text").toString().isEmpty());
    // Removed, it is no longer offered.
    m_preferences->setAgents(agentsBefore);
    QVERIFY(!m_preferences->restartNeeded());
    QTRY_VERIFY2(!listed().contains(u"docs"_s), qPrintable(listed().join(u' ')));

    // No keychain answers: the Models page says so, in the window's words with QtKeychain's own quoted
    // under them, in German too.
    QQuickItem *keychain = m_driver->item("keychainProblem", settings);
    QTRY_VERIFY(keychain->isVisible());
    const QString said = m_window->secrets().keychainProblemDetail();
    QVERIFY(!said.isEmpty());
    QCOMPARE(keychain->property("text").toString(),
        QStringLiteral(
            "No keychain answers. API keys cannot be saved, so Ponder runs without them; give one with "
            "PONDER_OPENAI_API_KEY instead.\n“%1”")
            .arg(said));
    QVERIFY(!m_driver->screenshot(QStringLiteral("window-settings.png")).isEmpty());
    m_preferences->setLanguage(QStringLiteral("de"));
    QTRY_VERIFY2(
        keychain->property("text").toString().startsWith(QStringLiteral("Kein Schlüsselbund antwortet. ")),
        qPrintable(keychain->property("text").toString()));
    QVERIFY(keychain->property("text").toString().endsWith(QStringLiteral("\n„%1“").arg(said)));
    QVERIFY(!keychain->property("text").toString().contains(QLatin1String("not available")));
    // Saving a key fails the same way, and says so in German.
    m_window->secrets().saveUpstreamKey(m_preferences->upstreams().first(), QStringLiteral("sk-nowhere"));
    QTRY_VERIFY(!m_window->secrets().busy());
    QCOMPARE(m_window->secrets().failure(), SecretEditor::Problem::NoKeychain);
    QQuickItem *keyMessage = m_driver->item("upstreamKeyMessage", settings);
    QTRY_VERIFY(keyMessage->isVisible());
    QVERIFY2(keyMessage->property("text").toString().startsWith(QStringLiteral(
                 "Kein Schlüsselbund antwortet. Stattdessen wird nichts im Klartext gespeichert.")),
        qPrintable(keyMessage->property("text").toString()));
    QVERIFY(!m_driver->screenshot(QStringLiteral("window-settings-no-keychain-de.png")).isEmpty());
    m_preferences->setLanguage(QStringLiteral("en"));
    // The port in use came from the command line, not the saved 8009: the Local server page says so.
    settings->setProperty("page", 1);
    QQuickItem *port = m_driver->item("portNote", settings);
    QTRY_VERIFY(port->isVisible());
    QVERIFY2(port->property("text").toString().contains(QString::number(m_window->endpoint().port()))
            && port->property("text").toString().contains(QLatin1String("--port")),
        qPrintable(port->property("text").toString()));
    QVERIFY(!m_driver->screenshot(QStringLiteral("window-settings-server.png")).isEmpty());
    settings->setProperty("page", 0);
    m_driver->key(Qt::Key_Escape);
    QTRY_VERIFY(!settings->property("visible").toBool());
}

// The tester's case: a chat with the second Ollama's model; that server stops; ⟳. The picker keeps the model
// (saying it does not answer) and the next message fails as unreachable, instead of going to the first
// Ollama's model of the same name unasked.
void WindowUiTest::theChosenModelStaysWhenItsServerStopsAnswering()
{
    auto second = std::make_unique<FakeUpstream>();
    FakeScript hello;
    hello.content = {QStringLiteral("Hello from the second Ollama.")};
    hello.reasoning = {QStringLiteral("A greeting.")};
    hello.capabilities = {QStringLiteral("completion"), QStringLiteral("thinking")};
    second->setScript(QStringLiteral("qwen3:8b"), hello); // named as the first's: listed as ollama-2/qwen3:8b
    QVERIFY(second->start());
    const quint16 secondPort = second->port();
    const QStringList upstreams = m_preferences->upstreams();
    m_preferences->setUpstreams(upstreams + QStringList {second->ollamaSpec()});
    QObject *catalog = m_driver->object("modelCatalog");
    const auto listed = [catalog] { return catalog->property("models").toStringList(); };
    const QString chosen = QStringLiteral("ollama-2/qwen3:8b");
    QTRY_VERIFY_WITH_TIMEOUT(listed().contains(chosen), 10000);
    newChat(chosen);
    const int answersBefore = m_answersEnded;
    ask(QStringLiteral("Hello second server"));
    QCOMPARE(stateOf(messages(), 1), MessageModel::State::Complete);

    second.reset(); // the server stops: its port refuses
    QVERIFY(QMetaObject::invokeMethod(m_driver->item("refreshModels"), "clicked"));
    QTRY_VERIFY_WITH_TIMEOUT(!listed().contains(chosen) && !catalog->property("loading").toBool(), 10000);
    QVERIFY(listed().contains(QStringLiteral("qwen3:8b"))); // the first Ollama's, of the same name
    QCOMPARE(chat()->property("model").toString(), chosen);
    QCOMPARE(
        m_driver->item("modelPicker")->property("displayText").toString(), chosen + u" (not answering)"_s);

    ask(QStringLiteral("Still there?"));
    QCOMPARE(stateOf(messages(), 3), MessageModel::State::Failed);
    QCOMPARE(chat()->property("failure").value<ChatFailure::Kind>(), ChatFailure::Kind::Unreachable);
    QCOMPARE(chat()->property("model").toString(), chosen);

    // Retried while the server is still down: the answer and the side panel tell the same failure the same
    // way (the answer used to say "reported an error" while the panel said "could not be reached").
    QQuickItem *answer = m_driver->lastMessage();
    QVERIFY(QMetaObject::invokeMethod(m_driver->item("regenerateButton", answer), "clicked"));
    QTRY_COMPARE_WITH_TIMEOUT(m_answersEnded, answersBefore + 3, 20000);
    QCOMPARE(stateOf(messages(), 3), MessageModel::State::Failed);
    answer = m_driver->lastMessage();
    const QString unreachable = u"ollama-2 could not be reached."_s;
    QTRY_VERIFY2(WindowDriver::shownText(answer, "answerError").startsWith(unreachable),
        qPrintable(WindowDriver::shownText(answer, "answerError")));
    const QString panel = shownTexts(m_driver->item("chatInsights"), "milestoneDetails").join(u'\n') + u'\n'
        + WindowDriver::shownText(m_driver->item("chatInsights"), "failureDetails");
    QVERIFY2(panel.contains(unreachable), qPrintable(panel));
    QVERIFY2(!panel.contains(u"reported an error"_s), qPrintable(panel));

    // What the model can do is still known while its server is silent: the Think control stays, and once
    // the server answers again, a retry asks it to think as the first question did; the picker then no
    // longer says it is not answering.
    QVERIFY(m_driver->item("thinkPicker")->isVisible());
    second = std::make_unique<FakeUpstream>();
    second->setScript(QStringLiteral("qwen3:8b"), hello);
    QVERIFY(second->start(secondPort));
    QVERIFY(
        QMetaObject::invokeMethod(m_driver->item("regenerateButton", m_driver->lastMessage()), "clicked"));
    QTRY_COMPARE_WITH_TIMEOUT(m_answersEnded, answersBefore + 4, 20000);
    QCOMPARE(stateOf(messages(), 3), MessageModel::State::Complete);
    QCOMPARE(second->lastChatRequest().body.value(QLatin1String("think")), QJsonValue(true));
    QTRY_COMPARE_WITH_TIMEOUT(
        m_driver->item("modelPicker")->property("displayText").toString(), chosen, 10000);

    m_preferences->setUpstreams(upstreams);
    QTRY_VERIFY_WITH_TIMEOUT(!catalog->property("summary").toString().contains(u"ollama-2"_s), 10000);
}

void WindowUiTest::anUpstreamAddedOrRemovedInSettingsAppliesWithoutRestart()
{
    FakeUpstream added;
    FakeScript hello;
    hello.content = {QStringLiteral("Hello from the server added in Settings.")};
    added.setScript(QStringLiteral("added-model"), hello);
    QVERIFY(added.start());
    const QString spec = QStringLiteral("openai:http://127.0.0.1:%1/v1").arg(added.port());
    QObject *catalog = m_driver->object("modelCatalog");
    QTRY_VERIFY(catalog->property("checked").toBool());
    const auto listed = [catalog] { return catalog->property("models").toStringList(); };
    QVERIFY(!listed().contains(QStringLiteral("added-model")));

    // Added as a person adds it: the kind, the URL, Enter (as Add).
    m_driver->key(Qt::Key_Comma, Qt::ControlModifier);
    QObject *settings = m_driver->object("settingsDialog");
    QTRY_VERIFY(settings->property("opened").toBool());
    settings->setProperty("page", 0);
    m_driver->item("upstreamKind", settings)->setProperty("currentIndex", 1);
    QQuickItem *urlField = m_driver->item("upstreamUrl", settings);
    urlField->setProperty("text", spec.mid(int(qstrlen("openai:"))));
    urlField->forceActiveFocus();
    QTRY_VERIFY(urlField->hasActiveFocus());
    m_driver->key(Qt::Key_Return);
    QTRY_COMPARE(settings->property("upstreamCount").toInt(), 3);
    QCOMPARE(m_preferences->upstreams().last(), spec);
    // The picker lists its model beside the others; the Models page says it answers; no restart is asked.
    QTRY_VERIFY_WITH_TIMEOUT(listed().contains(QStringLiteral("added-model")), 10000);
    for (const char *model : {"qwen3:8b", "gpt-4o-mini"})
        QVERIFY2(listed().contains(QLatin1String(model)), qPrintable(listed().join(QLatin1Char(' '))));
    // The row of the added upstream: a Repeater's delegate, found among the items as they are drawn.
    const auto rowOf = [&](const char *name) -> QQuickItem * {
        QList<QQuickItem *> items {settings->property("contentItem").value<QQuickItem *>()};
        while (!items.isEmpty()) {
            QQuickItem *item = items.takeFirst();
            if (item->objectName() == QLatin1String(name) && item->parentItem()
                && item->parentItem()->property("modelData").toString() == spec)
                return item;
            items += item->childItems();
        }
        return nullptr;
    };
    QTRY_VERIFY(rowOf("upstreamStatus"));
    QTRY_COMPARE(rowOf("upstreamStatus")->property("text").toString(), QStringLiteral("reachable"));
    QVERIFY(!m_preferences->restartNeeded());
    QVERIFY(!m_driver->item("restartBanner", settings)->isVisible());
    QVERIFY(!m_driver->screenshot(QStringLiteral("window-settings-upstream-added.png")).isEmpty());
    m_driver->key(Qt::Key_Escape);
    QTRY_VERIFY(!settings->property("visible").toBool());

    // A chat with its model gets its answer.
    newChat(QStringLiteral("added-model"));
    ask(QStringLiteral("Hello new server"));
    QCOMPARE(stateOf(messages(), 1), MessageModel::State::Complete);
    QCOMPARE(messages()->index(1, 0).data(MessageModel::ContentRole).toString(),
        QStringLiteral("Hello from the server added in Settings."));
    QCOMPARE(added.lastChatRequest().path, QByteArray("/v1/chat/completions"));

    // Removed: it leaves the picker, and the others stay, again without a restart.
    m_driver->key(Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY(settings->property("opened").toBool());
    QTRY_VERIFY(rowOf("removeUpstream"));
    QVERIFY(QMetaObject::invokeMethod(rowOf("removeUpstream"), "clicked"));
    QTRY_COMPARE(settings->property("upstreamCount").toInt(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!listed().contains(QStringLiteral("added-model")), 10000);
    for (const char *model : {"qwen3:8b", "gpt-4o-mini"})
        QVERIFY2(listed().contains(QLatin1String(model)), qPrintable(listed().join(QLatin1Char(' '))));
    QVERIFY(!m_preferences->restartNeeded());
    m_driver->key(Qt::Key_Escape);
    QTRY_VERIFY(!settings->property("visible").toBool());
    // Asked for by name, it is no longer there: the chat fails instead of reaching the removed server.
    const int chatsBefore = int(added.requests().size());
    newChat(QStringLiteral("added-model"));
    ask(QStringLiteral("Still there?"));
    QCOMPARE(stateOf(messages(), 1), MessageModel::State::Failed);
    QCOMPARE(int(added.requests().size()), chatsBefore);
}

void WindowUiTest::theGreetingIsCentredInTheChat()
{
    // A new chat greets in the middle of the chat, its heading wrapped where the window is narrow.
    QQuickWindow *window = m_window->window();
    newChat(QStringLiteral("qwen3:8b"));
    QQuickItem *greeting = m_driver->item("greeting");
    QTRY_VERIFY(greeting->isVisible());
    const QQuickItem *chatPage = m_driver->item("composer")->parentItem();
    for (const QSize size : {QSize(640, 480), QSize(900, 600), QSize(1280, 800)}) {
        window->resize(size);
        QTRY_COMPARE(window->contentItem()->size().toSize(), size);
        m_preferences->setLanguage(QStringLiteral("de"));
        QVERIFY(m_driver->settle());
        const QString where = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
        const QRectF page = chatPage->mapRectToScene(QRectF(0, 0, chatPage->width(), chatPage->height()));
        const QRectF box = greeting->mapRectToScene(QRectF(0, 0, greeting->width(), greeting->height()));
        QVERIFY2(qAbs((box.left() - page.left()) - (page.right() - box.right())) <= 1,
            qPrintable(where
                + QStringLiteral(" page %1..%2, greeting %3..%4")
                      .arg(page.left())
                      .arg(page.right())
                      .arg(box.left())
                      .arg(box.right())));
        QVERIFY2(greeting->property("contentWidth").toReal() <= greeting->width(), qPrintable(where));
    }
    m_preferences->setLanguage(QStringLiteral("en"));
    window->resize(1280, 800);
}

void WindowUiTest::nothingIsClippedAtAnySize()
{
    // An answer that just ended: its figures, its footer and how long it thought are all shown. Asked in
    // a narrow window, so the insight panel changed while its drawer was closed.
    QQuickWindow *window = m_window->window();
    window->resize(900, 600);
    QTRY_COMPARE(window->contentItem()->size().toSize(), QSize(900, 600));
    newChat(QStringLiteral("qwen3:8b"));
    ask(QStringLiteral("How do I reverse a list in Python?"));
    QObject *drawer = m_driver->object("insightDrawer");
    // Slid in and out at once: what is looked at is where it ends (offscreen, frames can stop coming
    // while a drawer's transition ends).
    const QVariant enter = drawer->property("enter");
    const QVariant exit = drawer->property("exit");
    drawer->setProperty("enter", QVariant::fromValue<QObject *>(nullptr));
    drawer->setProperty("exit", QVariant::fromValue<QObject *>(nullptr));
    QStringList clipped;
    int popupsLookedAt = 0;
    const auto look = [&](const QString &where) {
        QVERIFY(m_driver->settle());
        // A text can be measured between a change of its words and its layout's next polish, and a live
        // session changes its texts all the time (ages, durations, new steps); a slow build, ASan's, catches
        // that moment often. What a person sees, and what fails here, is a text clipped in two looks a frame
        // apart: the same text, clipped the same way.
        QStringList found;
        // Timing out is not itself the failure: what is still in `found` then is.
        [[maybe_unused]] const bool cleared = QTest::qWaitFor(
            [&] {
                const QStringList first = ClippedTextFinder::find(window);
                if (first.isEmpty() || !m_driver->settle()) {
                    found = first;
                    return true;
                }
                const QStringList second = ClippedTextFinder::find(window);
                found.clear();
                for (const QString &text : second) {
                    if (first.contains(text))
                        found << text;
                }
                return found.isEmpty();
            },
            5000);
        for (const QString &text : std::as_const(found))
            clipped << where + QLatin1String(": ") + text;
    };
    // A combo box's list, opened: every choice in it is read too.
    const auto lookInPopup = [&](QQuickItem *combo, const QString &where) {
        if (!combo->isVisible() || !combo->isEnabled())
            return;
        auto *popup = combo->property("popup").value<QObject *>();
        QVERIFY(popup);
        QVERIFY(QMetaObject::invokeMethod(popup, "open"));
        QTRY_VERIFY(popup->property("opened").toBool());
        look(where + QLatin1Char(' ') + combo->objectName() + QLatin1String(" popup"));
        ++popupsLookedAt;
        QVERIFY(QMetaObject::invokeMethod(popup, "close"));
        QTRY_VERIFY(!popup->property("visible").toBool());
    };
    for (const QSize size : {QSize(900, 600), QSize(1280, 800), QSize(1920, 1080)}) {
        window->resize(size);
        // The window's items hear of the new size when the platform confirms it.
        QTRY_COMPARE(window->contentItem()->size().toSize(), size);
        for (const char *language : {"en", "de"}) {
            m_preferences->setLanguage(QLatin1String(language));
            const QString where = QStringLiteral("%1x%2 %3")
                                      .arg(size.width())
                                      .arg(size.height())
                                      .arg(QLatin1String(language));
            // The chat with its insight panel: docked beside it on wide windows, in the drawer on narrow
            // ones.
            window->setProperty("showInsights", true);
            if (!window->property("insightsDocked").toBool()) {
                m_driver->click(m_driver->item("insightsToggle"));
                QTRY_VERIFY(drawer->property("opened").toBool());
            }
            look(where + QLatin1String(" chat"));
            // Each chat's date is whole in the sidebar, however long its model's name (a narrow one cut
            // the date to "07.1…" and kept the model).
            QList<QQuickItem *> items {m_driver->item("sidebar")};
            int dates = 0;
            while (!items.isEmpty()) {
                QQuickItem *item = items.takeFirst();
                if (item->objectName() == QLatin1String("conversationDate") && item->isVisible()) {
                    ++dates;
                    QVERIFY2(item->property("contentWidth").toReal() <= item->width() + 1,
                        qPrintable(where + u": "_s + item->property("text").toString()));
                }
                items += item->childItems();
            }
            QVERIFY(dates > 0);
            // The local endpoint's address is shown whole (alone, where the sentence does not fit).
            QQuickItem *endpoint = m_driver->item("endpointLabel");
            QVERIFY2(!endpoint->isVisible() || !endpoint->property("truncated").toBool(),
                qPrintable(where + u": "_s + endpoint->property("text").toString()));
            if (endpoint->isVisible())
                QVERIFY2(
                    endpoint->property("text").toString().contains(m_window->endpoint().baseUrl().toString()),
                    qPrintable(endpoint->property("text").toString()));
            for (const char *picker : {"modelPicker", "thinkPicker"})
                lookInPopup(m_driver->item(picker), where);
            // The composer's hint is whole, or its first half whole: never a cut sentence, also with the
            // insight panel dragged as wide as it goes.
            QQuickItem *hint = m_driver->item("composerHint");
            const int panelWidth = m_preferences->insightWidth();
            for (int width : {panelWidth, 5000}) {
                QSignalSpy drawn(m_window->window(), &QQuickWindow::frameSwapped);
                m_preferences->setInsightWidth(width);
                QTRY_VERIFY(drawn.count() > 0); // laid out anew
                QVERIFY2(!hint->isVisible() || !hint->property("truncated").toBool(),
                    qPrintable(where + u": "_s + hint->property("text").toString()));
            }
            m_preferences->setInsightWidth(panelWidth);
            if (!window->property("insightsDocked").toBool()) {
                QMetaObject::invokeMethod(drawer, "close");
                QTRY_VERIFY(!drawer->property("visible").toBool());
            }
            // Without the sidebar (Ctrl+B), the chat column keeps its width and stays centred.
            m_driver->key(Qt::Key_B, Qt::ControlModifier);
            QTRY_VERIFY(!m_driver->item("sidebar")->isVisible());
            look(where + QLatin1String(" no sidebar"));
            // The composer keeps the chat's column: at most 760 px, centred in the chat.
            QQuickItem *frame = m_driver->item("composerFrame");
            const QRectF column = frame->mapRectToScene(QRectF(0, 0, frame->width(), frame->height()));
            const QQuickItem *composer = frame->parentItem();
            const QRectF chatArea
                = composer->mapRectToScene(QRectF(0, 0, composer->width(), composer->height()));
            QVERIFY2(column.width() <= 760, qPrintable(where));
            QVERIFY2(qAbs((column.left() - chatArea.left()) - (chatArea.right() - column.right())) <= 1,
                qPrintable(where));
            m_driver->key(Qt::Key_B, Qt::ControlModifier);
            QTRY_VERIFY(m_driver->item("sidebar")->isVisible());
            // An agent's live session, with its steps, findings and figures, chosen from Live sessions.
            window->setProperty("liveSessionId", QStringLiteral("research-agent-42"));
            QTRY_VERIFY(m_driver->item("livePage")->isVisible());
            QTRY_VERIFY(m_driver->item("liveFilter")->isVisible());
            look(where + QLatin1String(" live session"));
            window->setProperty("liveSessionId", QString());
            // Settings, on the page with the Language and Theme choices.
            m_driver->key(Qt::Key_Comma, Qt::ControlModifier);
            QObject *settings = m_driver->object("settingsDialog");
            QTRY_VERIFY(settings->property("opened").toBool());
            settings->setProperty("page", 3);
            QQuickItem *languagePicker = m_driver->item("languagePicker", settings);
            QTRY_VERIFY(languagePicker->isVisible());
            look(where + QLatin1String(" appearance settings"));
            // The longest choices shown in the closed boxes: "Follow the system", and (the system's
            // language being English here) "System language".
            m_preferences->setTheme(QStringLiteral("system"));
            if (QLatin1String(language) == QLatin1String("en"))
                m_preferences->setLanguage(QString());
            look(where + QLatin1String(" appearance settings, the system's choices"));
            m_preferences->setTheme(QStringLiteral("light"));
            m_preferences->setLanguage(QLatin1String(language));
            for (const char *picker : {"languagePicker", "themePicker"})
                lookInPopup(m_driver->item(picker, settings), where);
            settings->setProperty("page", 0);
            m_driver->key(Qt::Key_Escape);
            QTRY_VERIFY(!settings->property("visible").toBool());
        }
    }
    // The model, thinking, Language and Theme choices, at three sizes in two languages.
    QCOMPARE(popupsLookedAt, 3 * 2 * 4);
    m_preferences->setLanguage(QStringLiteral("en"));
    window->resize(1280, 800);
    drawer->setProperty("enter", enter);
    drawer->setProperty("exit", exit);
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QLatin1Char('\n'))));
}

void WindowUiTest::screenshotsInBothThemesSizesAndLanguages()
{
    openFromSidebar(m_thinkingChat);
    QTRY_COMPARE_WITH_TIMEOUT(messages()->rowCount(), 2, 5000);
    QQuickWindow *window = m_window->window();
    for (const QSize size : {QSize(1280, 800), QSize(900, 600)}) {
        window->resize(size);
        for (const char *theme : {"light", "dark"}) {
            m_preferences->setTheme(QLatin1String(theme));
            for (const char *language : {"en", "de"}) {
                m_preferences->setLanguage(QLatin1String(language));
                const QString name = QStringLiteral("window-chat-%1x%2-%3-%4.png")
                                         .arg(size.width())
                                         .arg(size.height())
                                         .arg(QLatin1String(theme), QLatin1String(language));
                QVERIFY(!m_driver->screenshot(name).isEmpty());
            }
        }
    }
    m_preferences->setLanguage(QStringLiteral("en"));
    m_preferences->setTheme(QStringLiteral("light"));
    window->resize(1280, 800);
}

void WindowUiTest::firstRunWithoutUpstreamSaysHowToFixIt()
{
    // A second window whose only upstream is a closed port, as on a first run without Ollama.
    QTcpServer unused;
    QVERIFY(unused.listen(QHostAddress::LocalHost));
    const quint16 deadPort = unused.serverPort();
    unused.close();
    QTemporaryDir dataDir;
    const auto started = startAnotherWindow(dataDir,
        {QStringLiteral("ollama:http://127.0.0.1:%1").arg(deadPort)}, SavedUpstreams::Ignored, {1100, 720});
    QVERIFY(started);
    DesktopApp &firstRun = *started;
    auto *title = qobject_cast<QQuickItem *>(
        firstRun.window()->findChild<QObject *>(QStringLiteral("noUpstreamTitle")));
    QVERIFY(title);
    QTRY_VERIFY_WITH_TIMEOUT(title->isVisible(), 10000);
    auto *send = firstRun.window()->findChild<QObject *>(QStringLiteral("sendButton"));
    QVERIFY(!send->property("enabled").toBool()); // nothing to send to
    // A message typed anyway hides the placeholder that says so: the hint beside Send says it instead.
    firstRun.window()
        ->findChild<QObject *>(QStringLiteral("composerInput"))
        ->setProperty("text", u"Hello?"_s);
    QCOMPARE(
        firstRun.window()->findChild<QObject *>(QStringLiteral("composerHint"))->property("text").toString(),
        u"No model to talk to yet"_s);
    QVERIFY(!WindowDriver(firstRun.window()).screenshot(QStringLiteral("window-first-run.png")).isEmpty());

    // Why it failed in the window's words (German in a German window); Ponder's English only as the detail.
    QQuickItem *root = firstRun.window()->contentItem();
    QCOMPARE(shownTexts(root, "upstreamReason"),
        QStringList {u"Not reachable: nothing answers at this address. Is the server running?"_s});
    const QStringList details = shownTexts(root, "upstreamDetail");
    QCOMPARE(details.size(), 1);
    QVERIFY2(details.first().contains(u"Connection refused"_s), qPrintable(details.first()));
    m_preferences->setLanguage(QStringLiteral("de"));
    QTRY_COMPARE(shownTexts(root, "upstreamReason"),
        QStringList {u"Nicht erreichbar: Unter dieser Adresse antwortet nichts. Läuft der Server?"_s});
    QCOMPARE(shownTexts(root, "upstreamDetail"), details);
    // The repeated rows are found among the items as they are drawn (a Repeater's are no QObject children).
    const auto pixelsOf = [root](const QString &name) {
        QList<QQuickItem *> items {root};
        while (!items.isEmpty()) {
            QQuickItem *item = items.takeFirst();
            if (item->objectName() == name)
                return QFontInfo(item->property("font").value<QFont>()).pixelSize();
            items += item->childItems();
        }
        return -1;
    };
    QVERIFY(pixelsOf(u"upstreamDetail"_s) > 0);
    QVERIFY(pixelsOf(u"upstreamDetail"_s) < pixelsOf(u"upstreamReason"_s)); // the detail is secondary
    QVERIFY(!WindowDriver(firstRun.window()).screenshot(QStringLiteral("window-first-run-de.png")).isEmpty());
    m_preferences->setLanguage(QStringLiteral("en"));
}

// --upstream replaces the saved upstreams: Settings list the chosen ones first, in use and not removable,
// and say of a saved one that is not running that it applies without --upstream (it said "not in use yet",
// as of one just added, and did not show what was in use at all).
void WindowUiTest::settingsSayWhichUpstreamsTheCommandLineChose()
{
    QTemporaryDir dataDir;
    // Saved: the Ollama fake and the same OpenAI fake; and three agents.
    const QString agent = u"helper="_s + m_agent.url().toString();
    RedisServer redis;
    QVERIFY(redis.start());
    const auto started = startAnotherWindow(
        dataDir, {m_openAi.openAiSpec()}, SavedUpstreams::Listed, {1280, 800}, {agent}, redis.url());
    QVERIFY(started);
    DesktopApp &window = *started;
    QTRY_COMPARE_WITH_TIMEOUT(window.endpoint().state(), EndpointStatus::State::Running, 15000);
    QCOMPARE(window.endpoint().commandLineUpstreams(), QStringList {m_openAi.openAiSpec()});
    QCOMPARE(window.endpoint().commandLineAgents(), QStringList {agent});

    WindowDriver driver(window.window());
    QObject *settings = driver.object("settingsDialog");
    QVERIFY(QMetaObject::invokeMethod(settings, "open"));
    QTRY_VERIFY(settings->property("opened").toBool());
    settings->setProperty("page", 0);
    QVERIFY(driver.item("commandLineUpstreamsHint", settings)->isVisible());
    // Each row's status and Remove button, by the row's spec and whether it came from the command line.
    struct Row
    {
        QString status;
        bool removable = false;
    };
    const auto rows = [&] {
        QMultiHash<QString, Row> found;
        QList<QQuickItem *> items {settings->property("contentItem").value<QQuickItem *>()};
        while (!items.isEmpty()) {
            QQuickItem *item = items.takeFirst();
            if (item->objectName() == QLatin1String("upstreamStatus")) {
                QQuickItem *row = item->parentItem();
                const auto *remove = row->findChild<QQuickItem *>(QStringLiteral("removeUpstream"));
                found.insert(row->property("modelData").toString(),
                    {item->property("text").toString(), remove && remove->isEnabled()});
            }
            items += item->childItems();
        }
        return found;
    };
    const QString chosen = m_openAi.openAiSpec();
    QTRY_COMPARE_WITH_TIMEOUT(rows().values(chosen).size(), 2, 10000); // chosen, and saved too
    const auto reachable = [](const Row &row) { return row.status == QLatin1String("reachable"); };
    QTRY_VERIFY_WITH_TIMEOUT(std::ranges::all_of(rows().values(chosen), reachable), 10000);
    const QList<Row> chosenRows = rows().values(chosen);
    QCOMPARE(std::ranges::count_if(chosenRows, [](const Row &r) { return r.removable; }), 1);
    const QList<Row> saved = rows().values(m_ollama.ollamaSpec());
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().status, QStringLiteral("used without --upstream"));
    QVERIFY(saved.first().removable);
    QVERIFY(!WindowDriver(window.window())
                 .screenshot(QStringLiteral("window-settings-command-line-upstreams.png"))
                 .isEmpty());

    // --agent likewise: the agent in use is listed, and each saved one says when it applies (the saved
    // list alone was shown, and an agent added there did nothing visible).
    QVERIFY(driver.item("commandLineAgentsHint", settings)->isVisible());
    const auto shown = [&](const QString &name) {
        QStringList texts;
        QList<QQuickItem *> items {settings->property("contentItem").value<QQuickItem *>()};
        while (!items.isEmpty()) {
            QQuickItem *item = items.takeFirst();
            if (item->objectName() == name && item->isVisible())
                texts << item->property("text").toString();
            items += item->childItems();
        }
        return texts;
    };
    QCOMPARE(shown(u"commandLineAgent"_s), QStringList {agent});
    QCOMPARE(shown(u"savedAgentStatus"_s),
        QStringList(m_preferences->agents().size(), QStringLiteral("used without --agent")));

    // --redis likewise: the saved choice (in memory here) is not taken for the store in use, which is said.
    QCOMPARE(window.endpoint().commandLineRedis(), redis.url());
    settings->setProperty("page", 2);
    QQuickItem *redisHint = driver.item("commandLineRedisHint", settings);
    QVERIFY(redisHint->isVisible());
    QVERIFY(redisHint->property("text").toString().contains(redis.url()));
    QTRY_COMPARE_WITH_TIMEOUT(driver.item("eventStoreNow", settings)->property("text").toString(),
        QStringLiteral("Now: Redis, connected."), 10000);
    QMetaObject::invokeMethod(settings, "close");
}

void WindowUiTest::cleanupTestCase()
{
    m_driver.reset();
    m_window.reset();
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
