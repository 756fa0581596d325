// SPDX-License-Identifier: MIT
#include "MessageBlocks.h"

#include <QElapsedTimer>

MessageBlocks::MessageBlocks(QObject *parent)
    : QAbstractListModel(parent)
{
    m_pending.setSingleShot(true);
    m_pending.setInterval(FrameMs);
    connect(&m_pending, &QTimer::timeout, this, [this] { showGrowth(true); });
}

void MessageBlocks::setPaced(bool paced)
{
    if (paced == m_paced)
        return;
    m_paced = paced;
    Q_EMIT pacedChanged();
}

int MessageBlocks::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MessageBlocks::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MarkdownSegments::Segment &block = m_rows.at(index.row());
    switch (role) {
    case KindRole:
        return QVariant::fromValue(Kind(block.kind));
    case Qt::DisplayRole:
    case TextRole:
        return block.text;
    case LanguageRole:
        return block.language;
    case UsedRole:
        return index.row() < m_used;
    case PlainRole:
        return m_plainRows.at(index.row());
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageBlocks::roleNames() const
{
    return {{KindRole, "kind"}, {TextRole, "text"}, {LanguageRole, "language"}, {UsedRole, "used"},
        {PlainRole, "plain"}};
}

void MessageBlocks::classBegin()
{
    m_complete = false;
}

void MessageBlocks::componentComplete()
{
    m_complete = true;
    const QString markdown = std::exchange(m_markdown, QString());
    show(markdown, m_plainGiven);
}

void MessageBlocks::setMarkdown(const QString &markdown)
{
    if (!m_complete) {
        m_markdown = markdown;
        return;
    }
    show(markdown, m_plainGiven);
}

void MessageBlocks::setPlain(bool plain)
{
    m_plainGiven = plain;
    if (!m_complete || m_formatWaits)
        return;
    m_formatWaits = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_formatWaits)
                show(m_markdown, m_plainGiven);
        },
        Qt::QueuedConnection);
}

void MessageBlocks::show(const QString &markdown, bool plain)
{
    m_plainGiven = plain;
    m_formatWaits = false;
    const bool newFormat = plain != m_plain;
    if (!newFormat && markdown == m_markdown)
        return;
    m_plain = plain;
    const bool newText = markdown != m_markdown;
    const bool grew = newText && markdown.startsWith(m_markdown) && (m_used > 0 || m_paced);
    // The same text, or more of it, in the other format: its rows change format (those kept unused keep
    // theirs until used). Another text altogether takes the format with its rows.
    if (newFormat && (!newText || grew)) {
        for (int row = 0; row < m_used; ++row)
            m_plainRows[row] = plain;
        if (m_used > 0)
            Q_EMIT dataChanged(index(0), index(m_used - 1), {PlainRole});
    }
    if (newText) {
        m_markdown = markdown;
        if (grew) {
            // Blocks still waiting keep waiting their turn, even once the answer is complete, and what the
            // text grew by waits with them: the next turn splits from the last block shown. Shown now, a
            // burst's every update would add its own MaxNewBlocksPerFrame blocks beside the turn's, in
            // the same frame (in view_bench, one frame of 24 ms of the GUI thread).
            if (!m_pending.isActive())
                showGrowth(m_paced);
        } else {
            m_pending.stop();
            replaceFrom(0, MarkdownSegments::split(m_markdown));
        }
        Q_EMIT markdownChanged();
    }
    if (newFormat)
        Q_EMIT plainChanged();
    Q_EMIT shown();
}

void MessageBlocks::showGrowth(bool paced)
{
    // Everything before the last block stays as it is, whatever follows.
    const int last = std::max(m_used - 1, 0);
    const qsizetype from = m_used == 0 ? 0 : m_rows.at(last).start;
    const QList<MarkdownSegments::Segment> fresh
        = MarkdownSegments::split(QStringView(m_markdown).mid(from), from);
    if (!paced) {
        m_pending.stop();
        replaceFrom(last, fresh);
        return;
    }
    // A few blocks at a time: the views create each block's items as its rows are inserted, so the time
    // spent says when this frame has had its share. The block before those cut off is complete (others
    // follow it), so splitting again from it later gives the same block and the rest.
    QElapsedTimer spent;
    spent.start();
    const qsizetype most = std::min(fresh.size(), qsizetype(MaxNewBlocksPerFrame + 1));
    qsizetype taken = 1; // the last block, grown
    do {
        taken = std::min(most, taken + BlocksPerStep);
        replaceFrom(last, fresh.first(taken));
    } while (taken < most && spent.nsecsElapsed() < FrameBudgetMs * 1'000'000LL);
    if (taken < fresh.size())
        m_pending.start();
    else
        m_pending.stop();
}

void MessageBlocks::replaceFrom(int first, const QList<MarkdownSegments::Segment> &fresh)
{
    const int used = first + int(fresh.size());
    const int inPlace = std::min(int(m_rows.size()), used);
    QList<std::pair<int, QList<int>>> changes;
    QList<int> newFormat;
    for (int row = first; row < inPlace; ++row) {
        MarkdownSegments::Segment &shown = m_rows[row];
        const MarkdownSegments::Segment &next = fresh.at(row - first);
        QList<int> roles;
        if (shown.kind != next.kind)
            roles << KindRole;
        if (shown.text != next.text)
            roles << TextRole;
        if (shown.language != next.language)
            roles << LanguageRole;
        if (row >= m_used)
            roles << UsedRole;
        if (m_plainRows.at(row) != m_plain)
            newFormat << row;
        shown = next; // the start offset too, which no role shows
        m_plainRows[row] = m_plain;
        if (!roles.isEmpty())
            changes.append({row, roles});
    }
    const int wasUsed = std::exchange(m_used, inPlace);
    // The format before the text: a TextEdit whose format changes converts the text it has, so a new
    // text set first would come out converted (Markdown written back, as plain text).
    for (int row : std::as_const(newFormat))
        Q_EMIT dataChanged(index(row), index(row), {PlainRole});
    for (const auto &[row, roles] : std::as_const(changes))
        Q_EMIT dataChanged(index(row), index(row), roles);
    if (used < wasUsed)
        Q_EMIT dataChanged(index(used), index(wasUsed - 1), {UsedRole});
    const int kept = std::min(int(m_rows.size()), used + MaxUnusedRows);
    if (kept < m_rows.size()) {
        beginRemoveRows({}, kept, int(m_rows.size()) - 1);
        m_rows.resize(kept);
        m_plainRows.resize(kept);
        endRemoveRows();
    } else if (used > m_rows.size()) {
        beginInsertRows({}, int(m_rows.size()), used - 1);
        m_rows.append(fresh.mid(inPlace - first));
        m_plainRows.resize(used, m_plain);
        m_used = used;
        endInsertRows();
    }
    if (m_used != wasUsed)
        Q_EMIT countChanged();
}
