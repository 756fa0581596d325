// SPDX-License-Identifier: MIT
#include "MessageBlocks.h"

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
    return parent.isValid() ? 0 : int(m_blocks.size());
}

QVariant MessageBlocks::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MarkdownSegments::Segment &block = m_blocks.at(index.row());
    switch (role) {
    case KindRole:
        return QVariant::fromValue(Kind(block.kind));
    case Qt::DisplayRole:
    case TextRole:
        return block.text;
    case LanguageRole:
        return block.language;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageBlocks::roleNames() const
{
    return {{KindRole, "kind"}, {TextRole, "text"}, {LanguageRole, "language"}};
}

void MessageBlocks::setMarkdown(const QString &markdown)
{
    if (markdown == m_markdown)
        return;
    const bool grew = markdown.startsWith(m_markdown) && (!m_blocks.isEmpty() || m_paced);
    m_markdown = markdown;
    if (grew) {
        // Blocks still waiting keep waiting their turn, even once the answer is complete.
        showGrowth(m_paced || m_pending.isActive());
    } else {
        m_pending.stop();
        replaceFrom(0, MarkdownSegments::split(m_markdown));
    }
    Q_EMIT markdownChanged();
}

void MessageBlocks::showGrowth(bool paced)
{
    // Everything before the last block stays as it is, whatever follows.
    const int last = std::max(int(m_blocks.size()) - 1, 0);
    const qsizetype from = m_blocks.isEmpty() ? 0 : m_blocks.last().start;
    QList<MarkdownSegments::Segment> fresh = MarkdownSegments::split(QStringView(m_markdown).mid(from), from);
    // The block before those cut off is complete (others follow it), so splitting again from it later
    // gives the same block and the rest.
    if (paced && fresh.size() > MaxNewBlocksPerFrame + 1) {
        fresh.resize(MaxNewBlocksPerFrame + 1);
        m_pending.start();
    } else {
        m_pending.stop();
    }
    replaceFrom(last, fresh);
}

void MessageBlocks::replaceFrom(int first, const QList<MarkdownSegments::Segment> &fresh)
{
    const int kept = std::min(int(m_blocks.size()) - first, int(fresh.size()));
    for (int i = 0; i < kept; ++i) {
        MarkdownSegments::Segment &shown = m_blocks[first + i];
        const MarkdownSegments::Segment &next = fresh.at(i);
        QList<int> roles;
        if (shown.kind != next.kind)
            roles << KindRole;
        if (shown.text != next.text)
            roles << TextRole;
        if (shown.language != next.language)
            roles << LanguageRole;
        shown = next; // the start offset too, which no role shows
        if (!roles.isEmpty())
            Q_EMIT dataChanged(index(first + i), index(first + i), roles);
    }
    const int end = first + kept;
    if (end < m_blocks.size()) {
        beginRemoveRows({}, end, int(m_blocks.size()) - 1);
        m_blocks.resize(end);
        endRemoveRows();
        Q_EMIT countChanged();
    } else if (kept < fresh.size()) {
        beginInsertRows({}, end, end + int(fresh.size()) - kept - 1);
        m_blocks.append(fresh.mid(kept));
        endInsertRows();
        Q_EMIT countChanged();
    }
}
