#pragma once

#include "lists/list_item_delegate.h"

namespace softphone::ui {

// A contact: avatar with presence dot, display name and account id.
class ContactDelegate : public ListItemDelegate
{
    Q_OBJECT

public:
    using ListItemDelegate::ListItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

}  // namespace softphone::ui
