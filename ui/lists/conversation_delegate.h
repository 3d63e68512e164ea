#pragma once

#include <QStyledItemDelegate>

namespace softphone::ui {

// A row of the conversation list: initial avatar with a presence dot, name, last-message
// preview (red for a missed call), time, and the unread and missed-call badges.
class ConversationDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "14:05" today, "Yesterday", else a short date.
    static QString shortTime(const QDateTime &when);
};

}  // namespace softphone::ui
