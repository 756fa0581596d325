// SPDX-License-Identifier: MIT
import QtQuick
import Ponder

// Tokens/s over a request's life, small: a line over a faint area, a mark where the first token came,
// and the latest rate at the end. Drawn on a Canvas when the series changes (at most four times a
// second), so it costs nothing between updates.
Canvas {
    id: spark

    required property TokenRateSeries series
    property color tone: Theme.accentText

    implicitWidth: 160
    implicitHeight: 32
    renderStrategy: Canvas.Cooperative
    Accessible.role: Accessible.Chart
    Accessible.name: series.latest >= 0 ? qsTr("Tokens per second over time, now %1").arg(Words.decimal(series.latest))
                                        : qsTr("Tokens per second over time")

    Connections {
        target: spark.series
        function onChanged() { spark.requestPaint() }
    }
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()
    onToneChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        const points = series.points
        const span = Math.max(1, series.spanMs)
        const top = Math.max(1, series.peak * 1.1)
        const x = ms => 1 + (width - 2) * ms / span
        const y = rate => height - 2 - (height - 4) * rate / top
        // The first token: a dashed mark across the height.
        if (series.firstTokenMs >= 0) {
            ctx.strokeStyle = Theme.mutedText
            ctx.lineWidth = 1
            ctx.setLineDash([2, 2])
            ctx.beginPath()
            ctx.moveTo(Math.round(x(series.firstTokenMs)) + 0.5, 0)
            ctx.lineTo(Math.round(x(series.firstTokenMs)) + 0.5, height)
            ctx.stroke()
            ctx.setLineDash([])
        }
        if (points.length < 2)
            return
        ctx.beginPath()
        ctx.moveTo(x(points[0].x), y(points[0].y))
        for (let i = 1; i < points.length; ++i)
            ctx.lineTo(x(points[i].x), y(points[i].y))
        ctx.lineWidth = 1.5
        ctx.strokeStyle = tone
        ctx.stroke()
        ctx.lineTo(x(points[points.length - 1].x), height)
        ctx.lineTo(x(points[0].x), height)
        ctx.closePath()
        ctx.fillStyle = Theme.tint(tone, 0.12)
        ctx.fill()
        const last = points[points.length - 1]
        ctx.fillStyle = tone
        ctx.beginPath()
        ctx.arc(x(last.x), y(last.y), 2.5, 0, 2 * Math.PI)
        ctx.fill()
    }
}
