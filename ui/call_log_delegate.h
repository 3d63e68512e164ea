#pragma once

#include <QStyledItemDelegate>

namespace softphone::ui {

// A call log row: the peer (red when missed), the in/out arrow with the record's wording,
// the time, and the audio or video icon.
class CallLogDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

}  // namespace softphone::ui
