#include "lists/call_log_delegate.h"

#include "chat/call_record_delegate.h"
#include "lists/conversation_delegate.h"
#include "models/call_log_model.h"
#include "style/icon_painter.h"
#include "style/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>

namespace softphone::ui {

using records::CallLogModel;

QSize CallLogDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(240, QFontMetrics(option.font).height() * 2 + 18);
}

void CallLogDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    paintBackground(painter, option, index);

    const bool selected = option.state & QStyle::State_Selected;
    const bool missed = index.data(CallLogModel::MissedRole).toBool();
    const bool outgoing = index.data(CallLogModel::OutgoingRole).toBool();
    const auto type = protocol::CallType(index.data(CallLogModel::TypeRole).toInt());
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dim = selected ? text : option.palette.color(QPalette::PlaceholderText);
    const QRect rect = option.rect.adjusted(12, 6, -12, -6);
    const QFontMetrics metrics(option.font);
    const int line = metrics.height();
    const int icon = 22;

    painter->save();
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(missed && !selected ? theme::missed : text);
    const QString time =
        ConversationDelegate::shortTime(index.data(CallLogModel::TimestampRole).toDateTime());
    const int timeWidth = metrics.horizontalAdvance(time);
    const QRect nameRect(rect.left(), rect.top() + 2, rect.width() - timeWidth - icon - 16, line);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      index.data(CallLogModel::NameRole).toString());
    painter->setFont(option.font);
    painter->setPen(dim);
    painter->drawText(QRect(rect.right() - icon - 10 - timeWidth, rect.top() + 2, timeWidth, line),
                      Qt::AlignRight | Qt::AlignVCenter, time);

    const int second = rect.top() + line + 6;
    IconPainter::paintArrow(painter, QRectF(rect.left(), second + (line - 12) / 2.0, 12, 12),
                            outgoing, missed ? theme::missed : theme::answered);
    painter->drawText(QRect(rect.left() + 16, second, nameRect.width() - 16, line),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(index.data(CallLogModel::TextRole).toString(),
                                         Qt::ElideRight, nameRect.width() - 16));
    IconPainter::paint(painter,
                       QRectF(rect.right() - icon + 1, rect.center().y() - icon / 2.0, icon, icon),
                       IconPainter::mediaIconName(type), theme::accent);
    painter->restore();
}

}  // namespace softphone::ui
