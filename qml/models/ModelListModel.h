// SPDX-License-Identifier: MIT
// Every model of every upstream, in the upstreams' order, for the grouped model picker: what each can do
// (thinks, tools, vision), its size, and how its thinking is asked for. Updated row by row on refresh.
#pragma once

#include "models/KeyedListModel.h"

#include <QStringList>
#include <QtQml/qqmlregistration.h>

struct ListedModel;

struct ModelRow
{
    QString id;
    QString upstream;
    QString upstreamKind; // ollama | openai | agent
    bool thinks = false;
    bool tools = false;
    bool vision = false;
    QString parameterSize;
    // The Think control's choices: "off"/"on", "low"/"medium"/"high", or "" (the server decides) and the
    // levels for OpenAI-compatible servers (reasoning_effort); empty when the model cannot think.
    QStringList thinkOptions;
    QString defaultThink;

    static ModelRow from(const ListedModel &model);
    bool operator==(const ModelRow &other) const = default;
};

class ModelListModel : public KeyedListModel<ModelRow>
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by a ModelCatalog")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        UpstreamRole,
        UpstreamKindRole,
        ThinksRole,
        ToolsRole,
        VisionRole,
        ParameterSizeRole
    };
    Q_ENUM(Role)

    explicit ModelListModel(QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void show(const QList<ModelRow> &rows) { sync(rows); }
    // The row of `id`, if listed.
    const ModelRow *find(const QString &id) const;

Q_SIGNALS:
    void countChanged();
};
