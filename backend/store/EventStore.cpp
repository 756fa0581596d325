// SPDX-License-Identifier: MIT
#include "store/EventStore.h"

#include <memory>

void EventStore::appendMany(const QString &sessionId, EventKind kind, const QString &type,
    const QList<EventData> &data, AppendManyDone done)
{
    struct Progress
    {
        QList<StoredEvent> written;
        qsizetype pending = 0;
        bool failed = false;
    };
    auto progress = std::make_shared<Progress>();
    progress->written.resize(data.size());
    progress->pending = data.size();
    // All sent at once: stores answer in order, so the events keep theirs.
    for (qsizetype i = 0; i < data.size(); ++i) {
        append(sessionId, kind, type, data.at(i),
            [progress, i, done](StoreStatus status, const StoredEvent &event) {
                if (progress->failed)
                    return;
                if (!status.ok()) {
                    progress->failed = true;
                    return done(status, progress->written.mid(0, i));
                }
                progress->written[i] = event;
                if (--progress->pending == 0)
                    done(StoreStatus::success(), progress->written);
            });
    }
}
