// SPDX-License-Identifier: MIT
// Work on a large input (parsing a document of megabytes takes some 15 ms a megabyte) done on Qt's global
// thread pool, so the thread that runs the server's event loop keeps answering everyone else meanwhile.
//
// The work is a function of its own copies alone (bytes are implicitly shared and never written): it must
// not reach the object that asked for it, which may be gone by the time it ends. Its result is handed to
// `then` on the thread of `context`, in a later turn of its event loop, and only if `context` still exists
// then; otherwise the result is dropped unread.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <type_traits>

namespace OffLoop {

// An input at least this large is worked on off the loop; smaller ones (nearly every request, every delta
// a model really sends) cost less than a thread hop and are worked on at once.
constexpr qsizetype MinBytes = 1024 * 1024;

// Tests only: runs on the worker before each piece of work (to hold it there while the test looks at what
// the loop does meanwhile). Empty by default.
void setWorkerGate(std::function<void()> gate);
void passWorkerGate();

template<typename Work, typename Then>
void run(QObject *context, Work work, Then then)
{
    using Result = std::invoke_result_t<Work>;
    auto promise = std::make_shared<QPromise<Result>>();
    promise->start();
    // The watcher lives on the context's thread and goes with it: a context deleted first takes the only
    // way back with it, and the result stays with the promise until the worker lets go of both.
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, then = std::move(then)] {
        Result result = watcher->result();
        watcher->deleteLater();
        then(std::move(result));
    });
    watcher->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, work = std::move(work)] {
        passWorkerGate();
        promise->addResult(work());
        promise->finish();
    });
}

// The usual way in: `work` on an input about `bytes` long goes to a worker when that is MinBytes or more,
// as `run` does; a smaller one is worked on at once and `then` called before this returns.
template<typename Work, typename Then>
void runIfLarge(qsizetype bytes, QObject *context, Work work, Then then)
{
    if (bytes < MinBytes)
        return then(work());
    run(context, std::move(work), std::move(then));
}

} // namespace OffLoop
