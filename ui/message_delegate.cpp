#include "message_delegate.h"

#include "call_record_delegate.h"
#include "im/local_store.h"
#include "records/message_list_model.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QPainter>

namespace softphone::ui {

using records::MessageListModel;

namespace {
constexpr int kMargin = 6;
constexpr int kPadding = 9;

QDate dayOf(const QModelIndex &index)
{
    return index.data(MessageListModel::TimestampRole).toDateTime().toLocalTime().date();
}

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.8);
    return small;
}
}  // namespace

QString MessageDelegate::daySeparator(const QModelIndex &index)
{
    const QDate day = dayOf(index);
    if (index.row() > 0 && dayOf(index.siblingAtRow(index.row() - 1)) == day)
        return {};
    const QDate today = QDate::currentDate();
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(day, QLocale::LongFormat);
}

int MessageDelegate::separatorHeight(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    return daySeparator(index).isEmpty() ? 0 : QFontMetrics(option.font).height() + 18;
}

int MessageDelegate::rowWidth(const QStyleOptionViewItem &option)
{
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width() > 0 ? option.rect.width() : 480;
}

QRect MessageDelegate::contentRect(const QStyleOptionViewItem &option, const QModelIndex &index)
{
    return option.rect.adjusted(0, separatorHeight(option, index), 0, 0);
}

QRect MessageDelegate::textBounds(const QStyleOptionViewItem &option, const QString &text,
                                  int width)
{
    const int maxText = std::max(80, width * 7 / 10 - 2 * kPadding);
    return QFontMetrics(option.font)
        .boundingRect(QRect(0, 0, maxText, 100000), Qt::TextWordWrap, text);
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = rowWidth(option);
    const int separator = separatorHeight(option, index);
    if (index.data(MessageListModel::IsCallRecordRole).toBool())
        return QSize(width, separator + CallRecordDelegate::heightFor(option));
    const QRect text = textBounds(option, index.data(MessageListModel::BodyRole).toString(), width);
    const int small = QFontMetrics(smallFont(option.font)).height();
    return QSize(width, separator + 2 * kMargin + 2 * kPadding + text.height() + small + 2);
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const QString separator = daySeparator(index);
    if (!separator.isEmpty()) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QFont small = smallFont(option.font);
        painter->setFont(small);
        const QFontMetrics metrics(small);
        const int height = separatorHeight(option, index);
        const int width = metrics.horizontalAdvance(separator) + 20;
        const QRect pill(option.rect.center().x() - width / 2,
                         option.rect.top() + (height - metrics.height() - 6) / 2, width,
                         metrics.height() + 6);
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, 0x18));
        painter->drawRoundedRect(pill, pill.height() / 2.0, pill.height() / 2.0);
        painter->setPen(QColor(0x55, 0x55, 0x55));
        painter->drawText(pill, Qt::AlignCenter, separator);
        painter->restore();
    }
    const QRect rect = contentRect(option, index);
    if (index.data(MessageListModel::IsCallRecordRole).toBool())
        CallRecordDelegate::paintIn(painter, option, rect, index);
    else
        paintText(painter, option, rect, index);
}

void MessageDelegate::paintText(QPainter *painter, const QStyleOptionViewItem &option,
                                const QRect &rect, const QModelIndex &index) const
{
    const bool outgoing = index.data(MessageListModel::OutgoingRole).toBool();
    const QString body = index.data(MessageListModel::BodyRole).toString();
    const QFont small = smallFont(option.font);
    const QFontMetrics smallMetrics(small);
    QString footer = QLocale().toString(
        index.data(MessageListModel::TimestampRole).toDateTime().toLocalTime().time(),
        QLocale::ShortFormat);
    const auto delivery = im::DeliveryState(index.data(MessageListModel::DeliveryRole).toInt());
    if (outgoing && delivery == im::DeliveryState::Pending)
        footer += QStringLiteral(" · ") + tr("sending");
    else if (outgoing && delivery == im::DeliveryState::Failed)
        footer += QStringLiteral(" · ") + tr("not sent");

    const QRect text = textBounds(option, body, rect.width());
    const int contentWidth = std::max(text.width(), smallMetrics.horizontalAdvance(footer));
    const int width = contentWidth + 2 * kPadding;
    const int height = rect.height() - 2 * kMargin;
    const int x = outgoing ? rect.right() - kMargin - width + 1 : rect.left() + kMargin;
    const QRect bubble(x, rect.top() + kMargin, width, height);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    QColor fill = outgoing ? QColor(0xd8, 0xec, 0xff) : QColor(0xf1, 0xf1, 0xf1);
    if (option.state & QStyle::State_Selected)
        fill = fill.darker(108);
    painter->setBrush(fill);
    painter->drawRoundedRect(bubble, 12, 12);
    painter->setPen(QColor(0x1a, 0x1a, 0x1a));
    painter->setFont(option.font);
    const QRect textRect(bubble.left() + kPadding, bubble.top() + kPadding, contentWidth,
                         text.height());
    painter->drawText(textRect, Qt::TextWordWrap, body);
    painter->setFont(small);
    painter->setPen(delivery == im::DeliveryState::Failed && outgoing
                        ? CallRecordDelegate::missedColor()
                        : QColor(0x70, 0x70, 0x70));
    painter->drawText(
        QRect(textRect.left(), textRect.bottom() + 2, contentWidth, smallMetrics.height()),
        Qt::AlignRight | Qt::AlignVCenter, footer);
    painter->restore();
}

}  // namespace softphone::ui
