#include "settings/device_combo_box.h"

#include "settings/device_choices.h"

#include <QEvent>
#include <QSignalBlocker>

namespace softphone::ui {

namespace {
constexpr int kNameRole = Qt::UserRole + 1;
}

DeviceComboBox::DeviceComboBox(media::DeviceCatalog *catalog, media::DeviceKind kind,
                               QWidget *parent)
    : QComboBox(parent)
    , m_catalog(catalog)
    , m_kind(kind)
{
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(24);
    connect(this, &QComboBox::currentIndexChanged, this, &DeviceComboBox::onChosen);
    connect(m_catalog, &media::DeviceCatalog::devicesChanged, this,
            [this](media::DeviceKind changed) {
                if (changed != m_kind)
                    return;
                refill();
                emit deviceChanged();
            });
    refill();
}

void DeviceComboBox::setChoice(const QByteArray &id, const QString &name)
{
    m_id = id;
    m_name = name;
    refill();
    emit deviceChanged();
}

media::MediaDevice DeviceComboBox::effectiveDevice() const
{
    return m_catalog->resolve(m_kind, m_id);
}

void DeviceComboBox::refill()
{
    const QSignalBlocker blocker(this);
    clear();
    const QList<DeviceChoice> choices = DeviceChoices::list(*m_catalog, m_kind, m_id, m_name);
    for (const DeviceChoice &choice : choices) {
        addItem(choice.label, choice.id);
        setItemData(count() - 1, choice.name, kNameRole);
        if (choice.id == m_id)
            setCurrentIndex(count() - 1);
    }
    const bool connected = choices.isEmpty() || choices.last().connected;
    setToolTip(connected ? QString()
                         : tr("Not connected: calls use the system default until it is back"));
}

void DeviceComboBox::onChosen(int index)
{
    if (index < 0)
        return;
    // An unplugged device stays listed after another is chosen, so the user can go back to it.
    m_id = itemData(index).toByteArray();
    m_name = itemData(index, kNameRole).toString();
    emit deviceChanged();
}

void DeviceComboBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refill();
    QComboBox::changeEvent(event);
}

}  // namespace softphone::ui
