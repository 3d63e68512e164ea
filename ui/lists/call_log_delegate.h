#pragma once

#include "lists/list_item_delegate.h"

namespace softphone::ui {

// A call log row: the peer (red when missed), the in/out arrow with the record's wording,
// the time, and the audio or video icon.
class CallLogDelegate : public ListItemDelegate
{
    Q_OBJECT

public:
    using ListItemDelegate::ListItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

}  // namespace softphone::ui
