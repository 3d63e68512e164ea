#pragma once

#include "protocol/call_record.h"

#include <QWidget>

class QListView;
class QTabBar;

namespace softphone::ui {

class ClientSession;

// The call log, All or Missed, built from the call records. A click on a row opens the
// conversation; activating it calls back with the same media type.
class CallLogView : public QWidget
{
    Q_OBJECT

public:
    explicit CallLogView(ClientSession *session, QWidget *parent = nullptr);

    QListView *list() const { return m_list; }
    void showMissedOnly(bool missedOnly);

signals:
    void callRequested(const QString &peer, softphone::protocol::CallType type);
    void chatRequested(const QString &peer);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    ClientSession *m_session;
    QTabBar *m_filter;
    QListView *m_list;
};

}  // namespace softphone::ui
