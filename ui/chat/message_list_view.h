#pragma once

#include <QListView>
#include <QUrl>

namespace softphone::records {
class MessageListModel;
}

namespace softphone::ui {

// The list of a conversation's messages, newest at the bottom. Older pages are read only
// when the user scrolls to the top, keeping what was on screen in place; the model is never
// asked to fetch on the view's own initiative (Qt's list view would keep fetching while its
// last row is visible, which in a chat is always).
class MessageListView : public QListView
{
    Q_OBJECT

public:
    explicit MessageListView(QWidget *parent = nullptr);

    void setMessageModel(records::MessageListModel *model);
    records::MessageListModel *messageModel() const { return m_model; }
    void scrollToNewest();
    bool isAtNewest() const;
    // Reads one older page, if there is one; true if rows were added.
    bool loadOlder();

signals:
    void recordClicked(const QModelIndex &index);
    // A click on a web link in a message; the link is opened with the desktop's browser.
    void linkActivated(const QUrl &url);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void onScrolled(int value);

    records::MessageListModel *m_model = nullptr;
    class PagingProxy;
    PagingProxy *m_proxy;
    bool m_loading = false;
};

}  // namespace softphone::ui
