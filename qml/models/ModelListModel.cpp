// SPDX-License-Identifier: MIT
#include "ModelListModel.h"

#include "GatewayTypes.h"

namespace {

// gpt-oss thinks at a level and ignores true/false (Ollama's docs); other thinking models are on or off.
bool thinksInLevels(const ListedModel &model)
{
    return model.family.compare(QLatin1String("gptoss"), Qt::CaseInsensitive) == 0
        || model.id.contains(QLatin1String("gpt-oss"), Qt::CaseInsensitive);
}

} // namespace

ModelRow ModelRow::from(const ListedModel &model)
{
    ModelRow row;
    row.id = model.id;
    row.upstream = model.upstream;
    row.upstreamKind = model.upstreamKind;
    row.thinks = model.capabilities.contains(QLatin1String("thinking"));
    row.tools = model.capabilities.contains(QLatin1String("tools"));
    row.vision = model.capabilities.contains(QLatin1String("vision"));
    row.parameterSize = model.parameterSize;
    if (model.upstreamKind == QLatin1String("openai")) {
        // No way to ask such a server whether a model reasons: offer reasoning_effort, sent only if chosen.
        row.thinkOptions
            = {QString(), QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")};
    } else if (row.thinks && thinksInLevels(model)) {
        row.thinkOptions = {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")};
        row.defaultThink = QStringLiteral("medium");
    } else if (row.thinks) {
        row.thinkOptions = {QStringLiteral("off"), QStringLiteral("on")};
        row.defaultThink = QStringLiteral("on");
    }
    return row;
}

ModelListModel::ModelListModel(QObject *parent)
    : KeyedListModel(parent)
{
    connect(this, &QAbstractItemModel::rowsInserted, this, &ModelListModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &ModelListModel::countChanged);
}

QVariant ModelListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ModelRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
        return row.id;
    case UpstreamRole:
        return row.upstream;
    case UpstreamKindRole:
        return row.upstreamKind;
    case ThinksRole:
        return row.thinks;
    case ToolsRole:
        return row.tools;
    case VisionRole:
        return row.vision;
    case ParameterSizeRole:
        return row.parameterSize;
    default:
        return {};
    }
}

QHash<int, QByteArray> ModelListModel::roleNames() const
{
    return {{IdRole, "modelId"}, {UpstreamRole, "upstream"}, {UpstreamKindRole, "upstreamKind"},
        {ThinksRole, "thinks"}, {ToolsRole, "tools"}, {VisionRole, "vision"},
        {ParameterSizeRole, "parameterSize"}};
}

const ModelRow *ModelListModel::find(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_rows.at(row);
}
