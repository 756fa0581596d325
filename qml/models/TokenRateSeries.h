// SPDX-License-Identifier: MIT
// Tokens per second over one request's life, for the sparkline: the rate between two of the
// generation's figure updates (at most four a second), with the moment of the first token. Bounded: past
// MaxPoints, neighbouring points are merged, so a long answer costs what a short one does to draw.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class TokenRateSeries : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by a SessionView")
    // [{x: ms since the request began, y: tokens/s}], oldest first.
    Q_PROPERTY(QVariantList points READ points NOTIFY changed)
    Q_PROPERTY(double peak READ peak NOTIFY changed) // the highest rate, for the scale
    Q_PROPERTY(qint64 spanMs READ spanMs NOTIFY changed) // the x axis
    Q_PROPERTY(qint64 firstTokenMs READ firstTokenMs NOTIFY changed) // -1: none yet
    Q_PROPERTY(double latest READ latest NOTIFY changed) // -1: none yet
    Q_PROPERTY(int count READ count NOTIFY changed)

public:
    static constexpr int MaxPoints = 120;

    using QObject::QObject;

    QVariantList points() const;
    double peak() const { return m_peak; }
    qint64 spanMs() const { return m_spanMs; }
    qint64 firstTokenMs() const { return m_firstTokenMs; }
    double latest() const { return m_points.isEmpty() ? -1 : m_points.last().y(); }
    int count() const { return int(m_points.size()); }

    // A generation's `metrics` (elapsed_ms, tokens, ttft_ms); other updates are ignored.
    void add(const QJsonObject &metrics);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void thin();

    QList<QPointF> m_points;
    qint64 m_lastElapsed = -1;
    qint64 m_lastTokens = 0;
    qint64 m_spanMs = 0;
    qint64 m_firstTokenMs = -1;
    double m_peak = 0;
};
