#include "chat/call_record_delegate.h"

#include "models/message_list_model.h"
#include "style/icon_painter.h"
#include "style/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>

namespace softphone::ui {

using records::MessageListModel;

namespace {
constexpr int kCardPadding = 10;
constexpr int kIconSize = 26;
constexpr int kArrowSize = 12;
constexpr int kCardMargin = 6;
}  // namespace

CallRecordStyle CallRecordDelegate::styleOf(const QModelIndex &index)
{
    CallRecordStyle style;
    style.text = index.data(MessageListModel::RecordTextRole).toString();
    style.duration = index.data(MessageListModel::RecordDurationRole).toString();
    style.time = QLocale().toString(index.data(MessageListModel::TimestampRole).toDateTime().time(),
                                    QLocale::ShortFormat);
    style.type = protocol::CallType(index.data(MessageListModel::RecordTypeRole).toInt());
    style.status = protocol::CallStatus(index.data(MessageListModel::RecordStatusRole).toInt());
    style.iconName = IconPainter::mediaIconName(style.type);
    style.outgoing = index.data(MessageListModel::OutgoingRole).toBool();
    style.missed = index.data(MessageListModel::RecordMissedRole).toBool();
    style.textColor = style.missed ? theme::missed : theme::bubbleText;
    style.arrowColor = style.missed ? theme::missed : theme::answered;
    style.iconColor = theme::accent;
    return style;
}

int CallRecordDelegate::heightFor(const QStyleOptionViewItem &option)
{
    const QFontMetrics metrics(option.font);
    return 2 * kCardMargin + 2 * kCardPadding + metrics.height() * 2 + 4;
}

QRect CallRecordDelegate::bubbleRect(const QStyleOptionViewItem &option, const QRect &rect,
                                     const QModelIndex &index)
{
    const CallRecordStyle style = styleOf(index);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QFontMetrics metrics(option.font);
    const int textWidth = std::max(boldMetrics.horizontalAdvance(style.text),
                                   kArrowSize + 4 + metrics.horizontalAdvance(style.time));
    const int width =
        std::min(rect.width() - 2 * kCardMargin, 2 * kCardPadding + textWidth + 16 + kIconSize);
    const int height = heightFor(option) - 2 * kCardMargin;
    const int x =
        style.outgoing ? rect.right() - kCardMargin - width + 1 : rect.left() + kCardMargin;
    return QRect(x, rect.top() + kCardMargin, width, height);
}

void CallRecordDelegate::paintIn(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QRect &rect, const QModelIndex &index)
{
    const CallRecordStyle style = styleOf(index);
    const QRect bubble = bubbleRect(option, rect, index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(style.outgoing ? theme::outgoingBubble : theme::incomingBubble);
    painter->drawRoundedRect(bubble, 12, 12);

    const QRect content = bubble.adjusted(kCardPadding, kCardPadding, -kCardPadding, -kCardPadding);
    const QFontMetrics metrics(option.font);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(style.textColor);
    const QRect textRect(content.left(), content.top(), content.width() - kIconSize - 8,
                         metrics.height());
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(style.text, Qt::ElideRight, textRect.width()));

    const int secondLine = content.top() + metrics.height() + 4;
    IconPainter::paintArrow(painter,
                            QRectF(content.left(),
                                   secondLine + (metrics.height() - kArrowSize) / 2.0, kArrowSize,
                                   kArrowSize),
                            style.outgoing, style.arrowColor);
    painter->setFont(option.font);
    painter->setPen(theme::bubbleFooter);
    painter->drawText(
        QRect(content.left() + kArrowSize + 4, secondLine, textRect.width(), metrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter, style.time);

    IconPainter::paint(painter,
                       QRectF(content.right() - kIconSize + 1,
                              content.center().y() - kIconSize / 2.0, kIconSize, kIconSize),
                       style.iconName, style.iconColor);
    painter->restore();
}

void CallRecordDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    paintIn(painter, option, option.rect, index);
}

QSize CallRecordDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(option.rect.width(), heightFor(option));
}

}  // namespace softphone::ui
