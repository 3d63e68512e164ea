#include "lists/call_log_view.h"

#include "lists/call_log_delegate.h"
#include "shell/client_session.h"

#include <QEvent>
#include <QListView>
#include <QMenu>
#include <QTabBar>
#include <QVBoxLayout>

namespace softphone::ui {

using records::CallLogModel;

CallLogView::CallLogView(ClientSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_filter(new QTabBar(this))
    , m_list(new QListView(this))
{
    m_filter->addTab(QString());
    m_filter->addTab(QString());
    m_filter->setExpanding(true);
    m_list->setModel(session->callLog());
    m_list->setItemDelegate(new CallLogDelegate(this));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);

    connect(m_filter, &QTabBar::currentChanged, this,
            [this](int tab) { m_session->callLog()->setMissedOnly(tab == 1); });
    // One click opens the conversation, as in the chat list; activating the row (a double
    // click, Enter) calls back.
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &index) {
        emit chatRequested(index.data(CallLogModel::PeerRole).toString());
    });
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        emit callRequested(index.data(CallLogModel::PeerRole).toString(),
                           protocol::CallType(index.data(CallLogModel::TypeRole).toInt()));
    });
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        const QModelIndex index = m_list->indexAt(position);
        if (!index.isValid())
            return;
        const QString peer = index.data(CallLogModel::PeerRole).toString();
        const auto type = protocol::CallType(index.data(CallLogModel::TypeRole).toInt());
        QMenu menu(this);
        menu.addAction(tr("Call back"), this,
                       [this, peer, type] { emit callRequested(peer, type); });
        menu.addAction(tr("Message"), this, [this, peer] { emit chatRequested(peer); });
        menu.exec(m_list->viewport()->mapToGlobal(position));
    });
    retranslate();
}

void CallLogView::showMissedOnly(bool missedOnly)
{
    m_filter->setCurrentIndex(missedOnly ? 1 : 0);
}

void CallLogView::retranslate()
{
    m_filter->setTabText(0, tr("All"));
    m_filter->setTabText(1, tr("Missed"));
    m_session->callLog()->reload();
}

void CallLogView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

}  // namespace softphone::ui
