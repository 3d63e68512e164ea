#include "shell/tray_icon.h"

#include "style/icon_painter.h"

#include <QAction>
#include <QCoreApplication>
#include <QEvent>
#include <QMenu>
#include <QPainter>
#include <QSvgRenderer>
#include <QSystemTrayIcon>
#ifdef SOFTPHONE_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#endif

namespace softphone::ui {

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent)
    , m_menu(new QMenu)
{
    m_show = m_menu->addAction(QString(), this, &TrayIcon::showRequested);
    m_dnd = m_menu->addAction(QString());
    m_dnd->setCheckable(true);
    connect(m_dnd, &QAction::toggled, this, &TrayIcon::doNotDisturbToggled);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(QString(), this, &TrayIcon::quitRequested);
    // Not a widget: the application tells it of a language switch.
    QCoreApplication::instance()->installEventFilter(this);
    retranslate();
    if (!isAvailable())
        return;
    m_tray = new QSystemTrayIcon(badgedIcon(0), this);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    emit showRequested();
            });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        m_shownTag.clear();
        if (auto action = std::exchange(m_shownAction, {}))
            action();
        else
            emit showRequested();
    });
    retranslate();
    m_tray->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

bool TrayIcon::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

QIcon TrayIcon::badgedIcon(int count)
{
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    // In its own colours: a tint would paint the white handset over in the disc's blue.
    QSvgRenderer(QStringLiteral(":/icons/softphone.svg")).render(&painter, QRectF(0, 0, 64, 64));
    if (count > 0) {
        QFont font = painter.font();
        font.setPixelSize(26);
        painter.setFont(font);
        IconPainter::paintBadge(&painter, QPointF(64, 18), count, QColor(0xd3, 0x2f, 0x2f));
    }
    return QIcon(pixmap);
}

void TrayIcon::setCount(int count)
{
    if (count == m_count)
        return;
    m_count = count;
    if (!m_tray)
        return;
    m_tray->setIcon(badgedIcon(count));
    retranslate();
}

void TrayIcon::setDoNotDisturb(bool on)
{
    if (m_dnd && m_dnd->isChecked() != on)
        m_dnd->setChecked(on);
}

// The tray's balloons have no buttons: a click on the balloon is the action.
void TrayIcon::notify(Notification notification)
{
    if (!m_tray)
        return;
    m_shownAction = std::move(notification.action);
    const QString text = notification.actionText.isEmpty()
                             ? notification.text
                             : tr("%1\nClick: %2").arg(notification.text, notification.actionText);
    // The app's own icon: a missed call is news, not a warning.
    const int shownMs = notification.urgent ? 30000 : 20000;
    m_shownTag = notification.tag;
    m_tray->showMessage(notification.title, text, badgedIcon(0), shownMs);
}

void TrayIcon::withdraw(const QString &tag)
{
    if (!m_tray || tag.isEmpty() || tag != m_shownTag)
        return;
    m_shownTag.clear();
    m_shownAction = {};
    // An empty message takes Qt's own balloon down; a notification service would show it.
    if (drawsItsOwnBalloons())
        m_tray->showMessage(QString(), QString(), QIcon(), 1);
}

bool TrayIcon::drawsItsOwnBalloons()
{
#ifdef SOFTPHONE_HAVE_DBUS
    const QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
    return !bus || !bus->isServiceRegistered(QStringLiteral("org.kde.StatusNotifierWatcher"));
#else
    return true;
#endif
}

void TrayIcon::retranslate()
{
    m_show->setText(tr("Show Softphone"));
    m_dnd->setText(tr("Do not disturb"));
    m_quit->setText(tr("Quit"));
    if (m_tray)
        m_tray->setToolTip(m_count > 0 ? tr("Softphone — %n unread", nullptr, m_count)
                                       : tr("Softphone"));
}

}  // namespace softphone::ui
