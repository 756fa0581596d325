// The thinking steps of one answer or one watched session, in arrival order, for the thinking panel.
// Each is numbered (as its publisher numbered it, else by arrival), and typed only as its publisher typed
// it: a step cut from a model's reasoning is a plain "reasoning" step unless it named its own kind.
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QJsonObject>
#include <QtQml/qqmlregistration.h>

class ThinkingStepModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by a SessionView")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role
    {
        StepTypeRole = Qt::UserRole + 1,
        ContentRole,
        ReasoningChainRole,
        ConfidenceRole, // -1 when the publisher gave none
        TimestampRole,
        DurationRole, // seconds, -1 when unknown
        NumberRole // 1, 2, 3, ... in the request
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Steps in the streaming API's ThinkingStep JSON shape; appended as one insertion.
    void append(const QList<QJsonObject> &steps);
    void clear();

Q_SIGNALS:
    void countChanged();

private:
    struct Step
    {
        QString type;
        QString content;
        QStringList reasoningChain;
        double confidence = -1;
        QDateTime timestamp;
        double duration = -1;
        int number = 0;
    };

    QList<Step> m_steps;
};
