#pragma once

#include <QStyledItemDelegate>
#include <QUrl>

namespace softphone::ui {

class MessageText;

// Paints a conversation's rows: a day separator above the first message of each day, text
// messages as bubbles (own on the right, with their delivery marks; web links underlined),
// and call records in their own style.
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
    // Below a text bubble: the time, then for our own messages their state: "sending",
    // "not sent", ✓ (the server has it), ✓✓ (delivered) or ✓✓ in the read colour.
    static QString footerText(const QModelIndex &index);
    static QString deliveryMarks(const QModelIndex &index);
    static QColor markColor(const QModelIndex &index);
    // Words for the marks, shown as the bubble's tool tip.
    static QString deliveryDescription(const QModelIndex &index);

    // The web link under `position` (in the view's coordinates) of a text message's row.
    static QUrl linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                       const QPoint &position);

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    static int separatorHeight(const QStyleOptionViewItem &option, const QModelIndex &index);
    static int rowWidth(const QStyleOptionViewItem &option);
    struct TextGeometry
    {
        QRect bubble;
        QRect text;  // the body's area inside the bubble, the footer below it
    };
    static MessageText layoutText(const QStyleOptionViewItem &option, const QModelIndex &index,
                                  int width);
    static TextGeometry textGeometry(const QStyleOptionViewItem &option, const QRect &rect,
                                     const QModelIndex &index, const MessageText &text);
    void paintText(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect,
                   const QModelIndex &index) const;
};

}  // namespace softphone::ui
