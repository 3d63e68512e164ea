#include "lists/contact_delegate.h"

#include "models/contact_list_model.h"
#include "style/avatar_painter.h"
#include "style/icon_painter.h"

#include <QApplication>
#include <QPainter>

namespace softphone::ui {

using im::ContactListModel;

QSize ContactDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(220, QFontMetrics(option.font).height() * 2 + 18);
}

void ContactDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    paintBackground(painter, option, index);

    const bool selected = option.state & QStyle::State_Selected;
    const QRect rect = option.rect.adjusted(10, 6, -10, -6);
    const QString name = index.data(ContactListModel::NameRole).toString();
    const QString account = index.data(ContactListModel::AccountRole).toString();
    const int avatar = rect.height();
    AvatarPainter::paint(painter, QRect(rect.left(), rect.top(), avatar, avatar), name);
    IconPainter::paintPresence(painter, QPointF(rect.left() + avatar - 4, rect.top() + avatar - 4),
                               4.5, index.data(ContactListModel::OnlineRole).toBool(),
                               option.palette.color(QPalette::Base));
    const QFontMetrics metrics(option.font);
    const QRect text(rect.left() + avatar + 10, rect.top(), rect.width() - avatar - 10,
                     rect.height());
    painter->save();
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->drawText(text.adjusted(0, 0, 0, -text.height() / 2), Qt::AlignLeft | Qt::AlignBottom,
                      name);
    painter->setFont(option.font);
    painter->setPen(selected ? option.palette.color(QPalette::HighlightedText)
                             : option.palette.color(QPalette::PlaceholderText));
    painter->drawText(text.adjusted(0, text.height() / 2, 0, 0), Qt::AlignLeft | Qt::AlignTop,
                      account);
    painter->restore();
}

}  // namespace softphone::ui
