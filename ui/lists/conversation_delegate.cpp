#include "lists/conversation_delegate.h"

#include "chat/call_record_delegate.h"
#include "models/conversation_list_model.h"
#include "style/avatar_painter.h"
#include "style/icon_painter.h"
#include "style/theme.h"

#include <QApplication>
#include <QDateTime>
#include <QPainter>

namespace softphone::ui {

using records::ConversationListModel;

QString ConversationDelegate::shortTime(const QDateTime &when)
{
    if (!when.isValid())
        return {};
    const QDateTime local = when.toLocalTime();
    const QDate today = QDate::currentDate();
    if (local.date() == today)
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today.addDays(-1))
        return tr("Yesterday");
    return QLocale().toString(local.date(), QLocale::ShortFormat);
}

QSize ConversationDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return QSize(260, QFontMetrics(option.font).height() * 2 + 26);
}

void ConversationDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &background, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QColor textColor =
        option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dimColor = selected ? textColor : option.palette.color(QPalette::PlaceholderText);
    const QRect rect = option.rect.adjusted(10, 8, -10, -8);
    const QString name = index.data(ConversationListModel::NameRole).toString();
    const bool online = index.data(ConversationListModel::OnlineRole).toBool();

    painter->save();
    const int avatar = rect.height();
    AvatarPainter::paint(painter, QRect(rect.left(), rect.top(), avatar, avatar), name);
    IconPainter::paintPresence(painter, QPointF(rect.left() + avatar - 5, rect.top() + avatar - 5),
                               5, online, option.palette.color(QPalette::Base));

    const QFontMetrics metrics(option.font);
    const int left = rect.left() + avatar + 10;
    const int lineHeight = metrics.height();
    const QString time = shortTime(index.data(ConversationListModel::TimestampRole).toDateTime());
    const int timeWidth = metrics.horizontalAdvance(time);

    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(textColor);
    const QRect nameRect(left, rect.top() + 2, rect.right() - left - timeWidth - 8, lineHeight);
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(name, Qt::ElideRight, nameRect.width()));
    painter->setFont(option.font);
    painter->setPen(dimColor);
    painter->drawText(QRect(rect.right() - timeWidth, rect.top() + 2, timeWidth, lineHeight),
                      Qt::AlignRight | Qt::AlignVCenter, time);

    // Badges on the second line, right to left: unread (blue), missed calls (red).
    const int secondLine = rect.top() + 2 + lineHeight + 6;
    qreal right = rect.right();
    const QPointF badgeCenter(right, secondLine + lineHeight / 2.0);
    const int unread = index.data(ConversationListModel::UnreadRole).toInt();
    const int missed = index.data(ConversationListModel::MissedCallsRole).toInt();
    const int plainUnread = std::max(0, unread - missed);
    right -= IconPainter::paintBadge(painter, badgeCenter, plainUnread, theme::accent);
    if (plainUnread > 0)
        right -= 4;
    if (missed > 0) {
        const qreal width = IconPainter::paintBadge(painter, QPointF(right, badgeCenter.y()),
                                                    missed, theme::missed);
        right -= width + 2;
        const int icon = lineHeight - 2;
        IconPainter::paint(painter, QRectF(right - icon, badgeCenter.y() - icon / 2.0, icon, icon),
                           QStringLiteral("call-audio"), theme::missed);
        right -= icon + 4;
    }

    const bool previewMissed = index.data(ConversationListModel::LastIsMissedCallRole).toBool();
    painter->setPen(previewMissed && !selected ? theme::missed : dimColor);
    const QRect previewRect(left, secondLine, int(right) - left - 4, lineHeight);
    painter->drawText(previewRect, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(index.data(ConversationListModel::PreviewRole).toString(),
                                         Qt::ElideRight, previewRect.width()));
    painter->restore();
}

}  // namespace softphone::ui
