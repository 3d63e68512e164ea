#pragma once

#include <QStyledItemDelegate>

namespace softphone::ui {

// Paints a conversation's rows: a day separator above the first message of each day, text
// messages as bubbles (own on the right), and call records in their own style.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // "Today", "Yesterday" or the date, when the row opens a new day; else empty.
    static QString daySeparator(const QModelIndex &index);
    // The part of the row below its day separator.
    static QRect contentRect(const QStyleOptionViewItem &option, const QModelIndex &index);

private:
    static int separatorHeight(const QStyleOptionViewItem &option, const QModelIndex &index);
    static int rowWidth(const QStyleOptionViewItem &option);
    static QRect textBounds(const QStyleOptionViewItem &option, const QString &text, int width);
    void paintText(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect,
                   const QModelIndex &index) const;
};

}  // namespace softphone::ui
