#include "chat/message_delegate.h"

#include "chat/call_record_delegate.h"
#include "chat/message_text.h"
#include "im/local_store.h"
#include "message_text.h"
#include "models/message_list_model.h"
#include "style/theme.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace softphone::ui {

using records::MessageListModel;

namespace {
constexpr int kBubbleMargin = 6;
constexpr int kBubblePadding = 9;

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

MessageText MessageDelegate::layoutText(const QStyleOptionViewItem &option,
                                        const QModelIndex &index, int width)
{
    const int maxText = std::max(80, width * 7 / 10 - 2 * kBubblePadding);
    return MessageText(index.data(MessageListModel::BodyRole).toString(), option.font, maxText);
}

MessageDelegate::TextGeometry MessageDelegate::textGeometry(const QStyleOptionViewItem &option,
                                                            const QRect &rect,
                                                            const QModelIndex &index,
                                                            const MessageText &text)
{
    const bool outgoing = index.data(MessageListModel::OutgoingRole).toBool();
    const QFontMetrics smallMetrics(smallFont(option.font));
    const int contentWidth =
        std::max(text.size().width(), smallMetrics.horizontalAdvance(footerText(index)));
    const int width = contentWidth + 2 * kBubblePadding;
    const int height = rect.height() - 2 * kBubbleMargin;
    const int x = outgoing ? rect.right() - kBubbleMargin - width + 1 : rect.left() + kBubbleMargin;
    TextGeometry geometry;
    geometry.bubble = QRect(x, rect.top() + kBubbleMargin, width, height);
    geometry.text =
        QRect(geometry.bubble.left() + kBubblePadding, geometry.bubble.top() + kBubblePadding,
              contentWidth, text.size().height());
    return geometry;
}

QUrl MessageDelegate::linkAt(const QStyleOptionViewItem &option, const QModelIndex &index,
                             const QPoint &position)
{
    if (index.data(MessageListModel::IsCallRecordRole).toBool())
        return {};
    const QRect rect = contentRect(option, index);
    const MessageText text = layoutText(option, index, rect.width());
    const TextGeometry geometry = textGeometry(option, rect, index, text);
    return text.linkAt(position - geometry.text.topLeft());
}

namespace {
// The state of our own text message; LocalOnly (no marks) for anything else.
im::DeliveryState ownState(const QModelIndex &index)
{
    const bool own = index.data(MessageListModel::OutgoingRole).toBool() &&
                     !index.data(MessageListModel::IsCallRecordRole).toBool();
    return own ? im::DeliveryState(index.data(MessageListModel::DeliveryRole).toInt())
               : im::DeliveryState::LocalOnly;
}
}  // namespace

QString MessageDelegate::deliveryMarks(const QModelIndex &index)
{
    switch (ownState(index)) {
    case im::DeliveryState::Sent:
        return QStringLiteral("✓");
    case im::DeliveryState::Delivered:
    case im::DeliveryState::Read:
        return QStringLiteral("✓✓");
    default:
        return {};
    }
}

QColor MessageDelegate::markColor(const QModelIndex &index)
{
    switch (ownState(index)) {
    case im::DeliveryState::Read:
        return theme::readMarks;
    case im::DeliveryState::Failed:
        return theme::missed;
    default:
        return theme::bubbleFooter;
    }
}

QString MessageDelegate::deliveryDescription(const QModelIndex &index)
{
    switch (ownState(index)) {
    case im::DeliveryState::Pending:
        return tr("Sending");
    case im::DeliveryState::Sent:
        return tr("Sent");
    case im::DeliveryState::Delivered:
        return tr("Delivered");
    case im::DeliveryState::Read:
        return tr("Read");
    case im::DeliveryState::Failed:
        return tr("Not sent");
    default:
        return {};
    }
}

QString MessageDelegate::footerText(const QModelIndex &index)
{
    QString footer = QLocale().toString(
        index.data(MessageListModel::TimestampRole).toDateTime().toLocalTime().time(),
        QLocale::ShortFormat);
    const auto state = ownState(index);
    if (state == im::DeliveryState::Pending)
        footer += QStringLiteral(" · ") + tr("sending");
    else if (state == im::DeliveryState::Failed)
        footer += QStringLiteral(" · ") + tr("not sent");
    else if (const QString marks = deliveryMarks(index); !marks.isEmpty())
        footer += QLatin1Char(' ') + marks;
    return footer;
}

bool MessageDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip) {
        if (const QString words = deliveryDescription(index); !words.isEmpty()) {
            QToolTip::showText(event->globalPos(), words, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = rowWidth(option);
    const int separator = separatorHeight(option, index);
    if (index.data(MessageListModel::IsCallRecordRole).toBool())
        return QSize(width, separator + CallRecordDelegate::heightFor(option));
    const MessageText text = layoutText(option, index, width);
    const int small = QFontMetrics(smallFont(option.font)).height();
    return QSize(width, separator + 2 * kBubbleMargin + 2 * kBubblePadding + text.size().height() +
                            small + 2);
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
    const QFont small = smallFont(option.font);
    const QFontMetrics smallMetrics(small);
    const QString footer = footerText(index);
    const QString marks = deliveryMarks(index);
    const MessageText text = layoutText(option, index, rect.width());
    const TextGeometry geometry = textGeometry(option, rect, index, text);
    const QRect &bubble = geometry.bubble;
    const QRect &textRect = geometry.text;
    const int contentWidth = textRect.width();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    QColor fill = outgoing ? theme::outgoingBubble : theme::incomingBubble;
    if (option.state & QStyle::State_Selected)
        fill = fill.darker(108);
    painter->setBrush(fill);
    painter->drawRoundedRect(bubble, 12, 12);
    painter->setFont(option.font);
    text.draw(painter, textRect.topLeft(), theme::bubbleText);
    painter->setFont(small);
    // The time in grey, the marks after it in their own colour.
    const QRect footerRect(textRect.left(), textRect.bottom() + 2, contentWidth,
                           smallMetrics.height());
    const QString time = marks.isEmpty() ? footer : footer.chopped(int(marks.size()));
    QFont boldSmall = small;
    boldSmall.setBold(true);
    const int marksWidth = marks.isEmpty() ? 0 : QFontMetrics(boldSmall).horizontalAdvance(marks);
    painter->setPen(marks.isEmpty() ? markColor(index) : theme::bubbleFooter);
    painter->drawText(footerRect.adjusted(0, 0, -marksWidth, 0), Qt::AlignRight | Qt::AlignVCenter,
                      time);
    if (!marks.isEmpty()) {
        painter->setFont(boldSmall);
        painter->setPen(markColor(index));
        painter->drawText(footerRect, Qt::AlignRight | Qt::AlignVCenter, marks);
    }
    painter->restore();
}

}  // namespace softphone::ui
