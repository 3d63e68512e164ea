#pragma once

#include <QStyledItemDelegate>

namespace softphone::ui {

// A contact: avatar with presence dot, display name and account id.
class ContactDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

}  // namespace softphone::ui
