#include "calls/device_menu.h"

#include "settings/device_choices.h"
#include "shell/app_settings.h"

#include <QActionGroup>

namespace softphone::ui {

DeviceMenu::DeviceMenu(media::DeviceCatalog *catalog, QList<media::DeviceKind> kinds,
                       QWidget *parent)
    : QMenu(parent)
    , m_catalog(catalog)
    , m_kinds(std::move(kinds))
{}

void DeviceMenu::rebuild(const media::DeviceSelection &current, const AppSettings *settings)
{
    qDeleteAll(findChildren<QActionGroup *>(Qt::FindDirectChildrenOnly));
    clear();
    for (media::DeviceKind kind : m_kinds)
        addKind(kind, DeviceChoices::chosen(current, kind),
                settings ? settings->deviceName(kind) : QString());
}

void DeviceMenu::addKind(media::DeviceKind kind, const QByteArray &current,
                         const QString &currentName)
{
    addSection(DeviceChoices::kindName(kind));
    auto *group = new QActionGroup(this);
    const QList<DeviceChoice> choices = DeviceChoices::list(*m_catalog, kind, current, currentName);
    for (const DeviceChoice &choice : choices) {
        QAction *action = addAction(choice.label);
        action->setCheckable(true);
        action->setChecked(choice.id == current);
        action->setEnabled(choice.connected);
        action->setData(choice.id);
        group->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, kind, id = choice.id, name = choice.name] { emit picked(kind, id, name); });
    }
}

}  // namespace softphone::ui
