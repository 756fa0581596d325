// SPDX-License-Identifier: MIT
// The registry's list replaced while Ponder runs (Settings add or remove an upstream), on real loopback
// sockets against the fake model server: what is kept, what lives on until its answer ends, and answers
// that arrive for a list that has changed meanwhile.
#include "FakeUpstream.h"
#include "RegistryCalls.h"
#include "upstream/Generation.h"
#include "upstream/UpstreamRegistry.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

ChatRequest chatWith(const QString &model)
{
    ChatRequest request;
    request.api = WireApi::OpenAiChat;
    request.model = model;
    request.body = {{QStringLiteral("model"), model},
        {QStringLiteral("messages"),
            QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                {QStringLiteral("content"), QStringLiteral("hi")}}}}};
    return request;
}

FakeScript slowAnswer()
{
    FakeScript script;
    script.content = {QStringLiteral("still "), QStringLiteral("here "), QStringLiteral("after "),
        QStringLiteral("the "), QStringLiteral("change")};
    script.delayMs = 40;
    return script;
}

} // namespace

class UpstreamRegistryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replace_keepsTheProviderAndConnectionsOfAnUnchangedUpstream()
    {
        FakeUpstream first;
        FakeUpstream second;
        FakeUpstream third;
        QVERIFY(first.start() && second.start() && third.start());
        first.setScript(QStringLiteral("llama"), {});
        second.setScript(QStringLiteral("phi"), {});
        third.setScript(QStringLiteral("qwen"), {});
        UpstreamRegistry registry(upstreamConfigs({first.ollamaSpec(), second.openAiSpec()}));
        QPointer<UpstreamProvider> kept = registry.at(0);
        QPointer<UpstreamProvider> removed = registry.at(1);
        const auto before = listModels(registry);
        QTRY_VERIFY(before->done);
        QCOMPARE(before->sortedIds(), (QStringList {QStringLiteral("llama"), QStringLiteral("phi")}));
        QCOMPARE(first.connectionsAccepted(), 1);

        registry.replace(upstreamConfigs({first.ollamaSpec(), third.openAiSpec()}));
        QCOMPARE(registry.size(), 2);
        QCOMPARE(registry.at(0), kept.data()); // the same provider...
        QVERIFY(registry.at(1) != removed.data());
        const auto after = listModels(registry);
        QTRY_VERIFY(after->done);
        QCOMPARE(after->sortedIds(), (QStringList {QStringLiteral("llama"), QStringLiteral("qwen")}));
        QCOMPARE(first.connectionsAccepted(), 1); // ...with its pooled connection
        QCOMPARE(after->upstreamOf(QStringLiteral("qwen")), registry.at(1));

        // The removed one is neither routed to nor kept once it has nothing to do.
        const auto phi = resolveModel(registry, QStringLiteral("phi"));
        QTRY_VERIFY(phi->done);
        QVERIFY(!phi->route);
        QCOMPARE(phi->error.status, 404);
        QTRY_VERIFY(!removed);
        QCOMPARE(registry.retiredCount(), 0);
    }

    void replace_makesANewProviderWhenTheKeyChanged()
    {
        FakeUpstream fake;
        QVERIFY(fake.start());
        QList<UpstreamConfig> list = upstreamConfigs({fake.openAiSpec()});
        list[0].apiKey = QStringLiteral("old");
        UpstreamRegistry registry(list);
        QPointer<UpstreamProvider> before = registry.at(0);
        list[0].apiKey = QStringLiteral("new");
        registry.replace(list);
        QVERIFY(registry.at(0) != before.data());
        QCOMPARE(registry.at(0)->config().apiKey, QStringLiteral("new"));
        QTRY_VERIFY(!before);
    }

    void replace_aRemovedUpstreamLivesUntilItsGenerationEnds()
    {
        FakeUpstream staying;
        FakeUpstream leaving;
        QVERIFY(staying.start() && leaving.start());
        staying.setScript(QStringLiteral("llama"), {});
        leaving.setScript(QStringLiteral("slow"), slowAnswer());
        UpstreamRegistry registry(upstreamConfigs({staying.ollamaSpec(), leaving.openAiSpec()}));
        const auto route = resolveModel(registry, QStringLiteral("slow"));
        QTRY_VERIFY(route->done);
        QVERIFY(route->route);
        QPointer<UpstreamProvider> provider = route->route->upstream;

        QObject owner;
        QPointer<Generation> generation = provider->start(chatWith(route->route->model), &owner);
        QString answer;
        connect(generation, &Generation::contentDelta, generation,
            [&answer](const QString &text) { answer += text; });
        QSignalSpy finished(generation.data(), &Generation::finished);
        QSignalSpy failed(generation.data(), &Generation::failed);
        QTRY_VERIFY(!answer.isEmpty()); // streaming

        registry.replace(upstreamConfigs({staying.ollamaSpec()}));
        QCOMPARE(registry.size(), 1);
        QCOMPARE(registry.retiredCount(), 1);
        const auto listed = listModels(registry);
        QTRY_VERIFY(listed->done);
        QCOMPARE(listed->sortedIds(), QStringList {QStringLiteral("llama")}); // not listed at once

        // Its answer runs to the end (under ASan: on a provider and pool that are still there).
        QTRY_COMPARE(finished.size() + failed.size(), 1);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(answer, QStringLiteral("still here after the change"));
        QVERIFY(provider); // the generation still exists, and with it what it uses
        QCOMPARE(registry.retiredCount(), 1);

        delete generation.data();
        QTRY_VERIFY(!provider);
        QCOMPARE(registry.retiredCount(), 0);
    }

    void replace_aListingAnswerOfAnUpstreamTakenOutIsDropped()
    {
        // The slow server answers its listing only after the list changed: the upstream that took its
        // place (index 0) must not be credited with the models of the one taken out.
        FakeUpstream slow;
        FakeUpstream other;
        FakeUpstream newcomer;
        QVERIFY(slow.start() && other.start() && newcomer.start());
        slow.setScript(QStringLiteral("gone-model"), {});
        other.setScript(QStringLiteral("phi"), {});
        newcomer.setScript(QStringLiteral("qwen"), {});
        slow.holdListings();
        newcomer.holdListings(); // asked later; only the slow one's stale answer may arrive first
        UpstreamRegistry registry(upstreamConfigs({slow.ollamaSpec(), other.openAiSpec()}));
        const auto inFlight = listModels(registry);
        QTRY_COMPARE(slow.heldListings(), 1);

        registry.replace(upstreamConfigs({newcomer.ollamaSpec(), other.openAiSpec()}));
        slow.releaseListings();
        QTRY_VERIFY(inFlight->done);
        QCOMPARE(inFlight->sortedIds(), QStringList {QStringLiteral("phi")});
        QVERIFY(inFlight->upstreamOf(QStringLiteral("gone-model")) == nullptr);

        // Nothing learned of the newcomer yet: its first listing says what it has.
        const auto routed = resolveModel(registry, QStringLiteral("gone-model"));
        QTRY_COMPARE(newcomer.heldListings(), 1);
        newcomer.releaseListings();
        QTRY_VERIFY(routed->done);
        QVERIFY(!routed->route);
        QCOMPARE(routed->error.status, 404);
        const auto listed = listModels(registry);
        QTRY_VERIFY(listed->done);
        QCOMPARE(listed->sortedIds(), (QStringList {QStringLiteral("phi"), QStringLiteral("qwen")}));
        QCOMPARE(listed->upstreamOf(QStringLiteral("qwen")), registry.at(0));
    }

    void replace_aListingAnswerFollowsAnUpstreamThatMoved()
    {
        FakeUpstream slow;
        FakeUpstream other;
        QVERIFY(slow.start() && other.start());
        slow.setScript(QStringLiteral("llama"), {});
        other.setScript(QStringLiteral("phi"), {});
        slow.holdListings();
        UpstreamRegistry registry(upstreamConfigs({slow.ollamaSpec(), other.openAiSpec()}));
        UpstreamProvider *slowProvider = registry.at(0);
        const auto inFlight = listModels(registry);
        QTRY_COMPARE(slow.heldListings(), 1);

        // The same two, the other way round: each answer lands with its own upstream.
        QList<UpstreamConfig> swapped = upstreamConfigs({slow.ollamaSpec(), other.openAiSpec()});
        std::swap(swapped[0], swapped[1]);
        registry.replace(swapped);
        QCOMPARE(registry.at(1), slowProvider);
        slow.releaseListings();
        QTRY_VERIFY(inFlight->done);
        QCOMPARE(inFlight->sortedIds(), (QStringList {QStringLiteral("llama"), QStringLiteral("phi")}));
        QCOMPARE(inFlight->upstreamOf(QStringLiteral("llama")), slowProvider);
        QCOMPARE(inFlight->upstreamOf(QStringLiteral("phi")), registry.at(0));
    }
};

QTEST_GUILESS_MAIN(UpstreamRegistryTest)
#include "tst_upstream_registry.moc"
