#include "ThinkingStepModel.h"

#include "events/EventJson.h"

#include <QJsonArray>

int ThinkingStepModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

QVariant ThinkingStepModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Step &step = m_steps.at(index.row());
    switch (role) {
    case StepTypeRole:
        return step.type;
    case Qt::DisplayRole:
    case ContentRole:
        return step.content;
    case ReasoningChainRole:
        return step.reasoningChain;
    case ConfidenceRole:
        return step.confidence;
    case TimestampRole:
        return step.timestamp;
    case DurationRole:
        return step.duration;
    case NumberRole:
        return step.number;
    default:
        return {};
    }
}

QHash<int, QByteArray> ThinkingStepModel::roleNames() const
{
    return {{StepTypeRole, "stepType"}, {ContentRole, "content"}, {ReasoningChainRole, "reasoningChain"},
        {ConfidenceRole, "confidence"}, {TimestampRole, "timestamp"}, {DurationRole, "duration"},
        {NumberRole, "number"}};
}

void ThinkingStepModel::append(const QList<QJsonObject> &steps)
{
    if (steps.isEmpty())
        return;
    const int first = int(m_steps.size());
    beginInsertRows({}, first, first + int(steps.size()) - 1);
    for (const QJsonObject &json : steps) {
        Step step;
        step.type = json.value(QLatin1String("thinking_type")).toString();
        step.content = json.value(QLatin1String("content")).toString();
        for (const QJsonValue &link : json.value(QLatin1String("reasoning_chain")).toArray())
            step.reasoningChain << link.toString();
        step.confidence = json.value(QLatin1String("confidence_level")).toDouble(-1);
        step.timestamp = EventJson::parseTimestamp(json.value(QLatin1String("timestamp")));
        step.duration = json.value(QLatin1String("estimated_duration")).toDouble(-1);
        step.number
            = json.value(QLatin1String("context_used"))[QLatin1String("step")].toInt(int(m_steps.size()) + 1);
        m_steps.append(step);
    }
    endInsertRows();
    Q_EMIT countChanged();
}

void ThinkingStepModel::clear()
{
    if (m_steps.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_steps.size()) - 1);
    m_steps.clear();
    endRemoveRows();
    Q_EMIT countChanged();
}
