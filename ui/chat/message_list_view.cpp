#include "chat/message_list_view.h"

#include "chat/call_record_delegate.h"
#include "chat/message_delegate.h"
#include "models/message_list_model.h"

#include <QDesktopServices>
#include <QIdentityProxyModel>
#include <QMouseEvent>
#include <QScrollBar>

namespace softphone::ui {

using records::MessageListModel;

// Hides the model's paging from the view, so that only MessageListView decides when to read.
class MessageListView::PagingProxy : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    bool canFetchMore(const QModelIndex &) const override { return false; }
    void fetchMore(const QModelIndex &) override {}
};

MessageListView::MessageListView(QWidget *parent)
    : QListView(parent)
    , m_proxy(new PagingProxy(this))
{
    setItemDelegate(new MessageDelegate(this));
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    setUniformItemSizes(false);
    setModel(m_proxy);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &MessageListView::onScrolled);
}

void MessageListView::setMessageModel(records::MessageListModel *model)
{
    m_model = model;
    m_proxy->setSourceModel(model);
    scrollToNewest();
}

void MessageListView::scrollToNewest()
{
    doItemsLayout();
    scrollToBottom();
}

bool MessageListView::isAtNewest() const
{
    return verticalScrollBar()->value() >= verticalScrollBar()->maximum() - 4;
}

bool MessageListView::loadOlder()
{
    if (!m_model || m_loading || !m_model->canFetchMore({}))
        return false;
    m_loading = true;
    QScrollBar *bar = verticalScrollBar();
    const int fromBottom = bar->maximum() - bar->value();
    const int before = m_model->rowCount();
    m_model->fetchMore({});
    doItemsLayout();
    bar->setValue(bar->maximum() - fromBottom);
    m_loading = false;
    return m_model->rowCount() > before;
}

void MessageListView::onScrolled(int value)
{
    if (value == verticalScrollBar()->minimum() && verticalScrollBar()->maximum() > 0)
        loadOlder();
}

void MessageListView::mouseReleaseEvent(QMouseEvent *event)
{
    QListView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton)
        return;
    const QModelIndex index = indexAt(event->position().toPoint());
    if (!index.isValid())
        return;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    option.rect = visualRect(index);
    if (!index.data(MessageListModel::IsCallRecordRole).toBool()) {
        const QUrl link = MessageDelegate::linkAt(option, index, event->position().toPoint());
        if (!link.isEmpty()) {
            emit linkActivated(link);
            QDesktopServices::openUrl(link);
        }
        return;
    }
    const QRect bubble =
        CallRecordDelegate::bubbleRect(option, MessageDelegate::contentRect(option, index), index);
    if (bubble.contains(event->position().toPoint()))
        emit recordClicked(index);
}

void MessageListView::mouseMoveEvent(QMouseEvent *event)
{
    QListView::mouseMoveEvent(event);
    const QModelIndex index = indexAt(event->position().toPoint());
    bool clickable = index.isValid() && index.data(MessageListModel::IsCallRecordRole).toBool();
    if (index.isValid() && !clickable) {
        QStyleOptionViewItem option;
        initViewItemOption(&option);
        option.rect = visualRect(index);
        clickable = !MessageDelegate::linkAt(option, index, event->position().toPoint()).isEmpty();
    }
    viewport()->setCursor(clickable ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

}  // namespace softphone::ui
