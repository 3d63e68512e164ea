#pragma once

#include "protocol/call_record.h"

#include <QColor>
#include <QStyledItemDelegate>

namespace softphone::ui {

// What a call record looks like to its viewer, taken from a MessageListModel row.
struct CallRecordStyle
{
    QString text;      // "Outgoing voice call · 2:35", "Missed call", ...
    QString duration;  // the viewer's time in the call; completed calls only
    QString time;      // local time of the record
    QString iconName;  // "call-audio" or "call-video"
    bool outgoing = false;
    bool missed = false;  // red: the viewer was called and did not answer
    protocol::CallType type = protocol::CallType::Audio;
    protocol::CallStatus status = protocol::CallStatus::Completed;
    QColor textColor;
    QColor arrowColor;
    QColor iconColor;
};

// Paints one call record as a bubble: the wording for the viewer (red when they missed the
// call), an in/out arrow with the local time, and the audio or video icon that calls back.
class CallRecordDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static CallRecordStyle styleOf(const QModelIndex &index);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Where the bubble sits inside `rect` (a click there calls back).
    static QRect bubbleRect(const QStyleOptionViewItem &option, const QRect &rect,
                            const QModelIndex &index);
    static void paintIn(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect,
                        const QModelIndex &index);
    static int heightFor(const QStyleOptionViewItem &option);
};

}  // namespace softphone::ui
