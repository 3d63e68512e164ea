#pragma once

#include <QStyledItemDelegate>

namespace softphone::ui {

// A list row that paints its own text and icons over the style's row background.
class ListItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    // The row's background (selection, hover) as the style draws it, without its text.
    void paintBackground(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const;
};

}  // namespace softphone::ui
