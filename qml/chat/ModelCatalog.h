// SPDX-License-Identifier: MIT
// The models the configured upstreams offer, and whether each upstream answered, for the model picker
// and the first-run panel. Asked for in the backend; nothing here waits on the network.
#pragma once

#include "models/ModelListModel.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class BackendGateway;

class ModelCatalog : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(BackendGateway *gateway READ gateway WRITE setGateway NOTIFY gatewayChanged)
    Q_PROPERTY(QStringList models READ models NOTIFY changed)
    // The same models with what each can do, grouped by upstream, for the picker.
    Q_PROPERTY(ModelListModel *list READ list CONSTANT)
    // [{name, kind, url, reachable, error, errorCode}] per configured upstream, as of the last refresh: error
    // in Ponder's English (a detail), errorCode for the window's words (Words.upstreamProblem).
    Q_PROPERTY(QVariantList upstreams READ upstreams NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool checked READ checked NOTIFY changed) // at least one refresh has answered
    // What the last refresh found, in a sentence for the header: models per upstream, and who was silent.
    Q_PROPERTY(QString summary READ summary NOTIFY changed)

public:
    using QObject::QObject;

    BackendGateway *gateway() const { return m_gateway; }
    void setGateway(BackendGateway *gateway);
    QStringList models() const { return m_models; }
    ModelListModel *list() { return &m_list; }
    // The listed model `id`, or null.
    // The model as listed, or as its upstream listed it last while that upstream does not answer: what it
    // can do (think, and how) is still known, so a retry once it answers again asks the same of it.
    const ModelRow *find(const QString &id) const;
    QVariantList upstreams() const { return m_upstreams; }
    bool loading() const { return m_loading; }
    bool checked() const { return m_checked; }
    // Said in the language shown when it is read, so a language switch rewords it.
    QString summary() const;

    // The model to hold after a listing, given the one chosen: kept while listed, and kept while the
    // upstream it came from is not answering (sending then says the server is not reachable, instead of a
    // chat going to another server unasked); else the first listed (nothing chosen yet, or the model or its
    // upstream gone). `chosen` as it is while nothing is listed.
    Q_INVOKABLE QString keptChoice(const QString &chosen) const;
    // `id` is not listed because its upstream did not answer the last listing.
    Q_INVOKABLE bool notAnswering(const QString &id) const;

    // Asks again; asked while a listing runs, it asks once more when that one answers.
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void gatewayChanged();
    void changed();
    void loadingChanged();

private:
    void setLoading(bool loading);

    QPointer<BackendGateway> m_gateway;
    QStringList m_models;
    ModelListModel m_list;
    QVariantList m_upstreams;
    bool m_loading = false;
    bool m_askAgain = false; // refresh() came while a listing ran
    bool m_checked = false;
    bool m_listed = false; // a listing arrived
    QList<std::pair<QString, int>> m_answered; // upstream name, its model count
    QStringList m_silent; // upstreams that did not answer
    // Which upstream each model was last listed by, kept while that upstream is silent (it lists nothing).
    QHash<QString, QString> m_listedBy;
    QHash<QString, ModelRow> m_lastRows; // every model's row as last listed, kept as m_listedBy is
};
