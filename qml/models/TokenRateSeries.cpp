// SPDX-License-Identifier: MIT
#include "TokenRateSeries.h"

#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 ShortestIntervalMs = 100; // closer figures say more about timers than about the model

} // namespace

QVariantList TokenRateSeries::points() const
{
    QVariantList list;
    list.reserve(m_points.size());
    for (const QPointF &point : m_points)
        list.append(QVariantMap {{u"x"_s, point.x()}, {u"y"_s, point.y()}});
    return list;
}

void TokenRateSeries::add(const QJsonObject &metrics)
{
    if (metrics.isEmpty())
        return;
    const qint64 elapsed = metrics.value("elapsed_ms"_L1).toInteger(-1);
    const qint64 tokens = metrics.value("tokens"_L1).toInteger(-1);
    const qint64 firstToken = metrics.value("ttft_ms"_L1).toInteger(-1);
    if (elapsed < 0 || tokens < 0)
        return;
    bool changed = false;
    if (firstToken >= 0 && m_firstTokenMs < 0) {
        m_firstTokenMs = firstToken;
        // The rate starts from nothing at the first token.
        m_lastElapsed = firstToken;
        m_lastTokens = 1;
        m_points.append({double(firstToken), 0});
        changed = true;
    }
    if (m_firstTokenMs >= 0 && elapsed - m_lastElapsed >= ShortestIntervalMs && tokens >= m_lastTokens) {
        const double rate = double(tokens - m_lastTokens) * 1000.0 / double(elapsed - m_lastElapsed);
        m_points.append({double(elapsed), rate});
        m_peak = std::max(m_peak, rate);
        m_lastElapsed = elapsed;
        m_lastTokens = tokens;
        thin();
        changed = true;
    }
    if (elapsed > m_spanMs) {
        m_spanMs = elapsed;
        changed = true;
    }
    if (changed)
        Q_EMIT this->changed();
}

void TokenRateSeries::thin()
{
    if (m_points.size() <= MaxPoints)
        return;
    // Every pair after the first point becomes its mean: half as many points, the same shape.
    QList<QPointF> thinned {m_points.first()};
    for (qsizetype i = 1; i + 1 < m_points.size(); i += 2)
        thinned.append((m_points.at(i) + m_points.at(i + 1)) / 2);
    if (m_points.size() % 2 == 0)
        thinned.append(m_points.last());
    m_points = thinned;
}

void TokenRateSeries::clear()
{
    if (m_points.isEmpty() && m_spanMs == 0 && m_firstTokenMs < 0)
        return;
    m_points.clear();
    m_lastElapsed = -1;
    m_lastTokens = 0;
    m_spanMs = 0;
    m_firstTokenMs = -1;
    m_peak = 0;
    Q_EMIT changed();
}
