#include "settings/settings_dialog.h"

#include "calls/call_sounds.h"
#include "settings/devices_page.h"
#include "shell/app_settings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace softphone::ui {

SettingsDialog::SettingsDialog(AppSettings *settings, media::DeviceCatalog *devices,
                               QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_pages(new QTabWidget(this))
    , m_generalPage(new QWidget(m_pages))
    , m_ringtoneLabel(new QLabel(m_generalPage))
    , m_ringtone(new QComboBox(m_generalPage))
    , m_ringtonePreview(new QPushButton(m_generalPage))
    , m_preview(new CallSounds(this))
    , m_ringLabel(new QLabel(m_generalPage))
    , m_ringTimeout(new QSpinBox(m_generalPage))
    , m_languageLabel(new QLabel(m_generalPage))
    , m_language(new QComboBox(m_generalPage))
    , m_records(new QCheckBox(m_generalPage))
    , m_dnd(new QCheckBox(m_generalPage))
    , m_acceptCalls(new QCheckBox(m_generalPage))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_ringTimeout->setRange(5, 300);
    m_ringTimeout->setValue(settings->ringTimeoutSeconds());
    m_language->addItem(QString(), QString());
    // Each language is named in itself, so that it can be found whatever the current one.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings->language())));
    m_records->setChecked(settings->callRecords());
    m_dnd->setChecked(settings->doNotDisturb());
    m_acceptCalls->setChecked(settings->acceptCalls());

    fillRingtones();
    m_ringtone->setCurrentIndex(std::max(0, m_ringtone->findData(settings->ringtone())));
    connect(m_ringtone, &QComboBox::currentIndexChanged, this, [this] {
        if (m_preview->current() != CallSounds::Tone::None)
            toggleRingtonePreview();  // stop the old one
    });
    connect(m_ringtonePreview, &QPushButton::clicked, this, &SettingsDialog::toggleRingtonePreview);
    auto *ringtoneRow = new QHBoxLayout;
    ringtoneRow->addWidget(m_ringtone, 1);
    ringtoneRow->addWidget(m_ringtonePreview);

    auto *form = new QFormLayout;
    form->addRow(m_ringtoneLabel, ringtoneRow);
    form->addRow(m_ringLabel, m_ringTimeout);
    form->addRow(m_languageLabel, m_language);
    auto *general = new QVBoxLayout(m_generalPage);
    general->addLayout(form);
    general->addWidget(m_records);
    general->addWidget(m_dnd);
    general->addWidget(m_acceptCalls);
    general->addStretch(1);
    m_pages->addTab(m_generalPage, QString());
    if (devices) {
        m_devicesPage = new DevicesPage(devices, settings, m_pages);
        m_pages->addTab(m_devicesPage, QString());
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
}

void SettingsDialog::save()
{
    m_settings->setRingtone(m_ringtone->currentData().toString());
    m_settings->setRingTimeoutSeconds(m_ringTimeout->value());
    m_settings->setLanguage(m_language->currentData().toString());
    m_settings->setCallRecords(m_records->isChecked());
    m_settings->setDoNotDisturb(m_dnd->isChecked());
    m_settings->setAcceptCalls(m_acceptCalls->isChecked());
    if (m_devicesPage)
        m_devicesPage->save();
    m_settings->sync();
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings"));
    m_pages->setTabText(m_pages->indexOf(m_generalPage), tr("General"));
    if (m_devicesPage)
        m_pages->setTabText(m_pages->indexOf(m_devicesPage), tr("Devices"));
    m_ringtoneLabel->setText(tr("Ringtone"));
    fillRingtones();
    m_ringtonePreview->setText(m_preview->current() == CallSounds::Tone::None ? tr("Play")
                                                                              : tr("Stop"));
    m_ringLabel->setText(tr("Ring for"));
    m_ringTimeout->setSuffix(tr(" s"));
    m_languageLabel->setText(tr("Language"));
    m_language->setItemText(0, tr("System default"));
    m_records->setText(tr("Leave call records in conversations"));
    m_dnd->setText(tr("Do not disturb (calls ring out unseen and are left as missed)"));
    m_acceptCalls->setText(tr("Accept calls on this device"));
}

// Fills or renames the ringtones, keeping the choice.
void SettingsDialog::fillRingtones()
{
    const QList<CallSounds::Ringtone> ringtones = CallSounds::ringtones();
    if (m_ringtone->count() != ringtones.size()) {
        m_ringtone->clear();
        for (const CallSounds::Ringtone &ringtone : ringtones)
            m_ringtone->addItem(ringtone.name, ringtone.id);
        return;
    }
    for (int i = 0; i < ringtones.size(); ++i)
        m_ringtone->setItemText(i, ringtones[i].name);
}

void SettingsDialog::toggleRingtonePreview()
{
    if (m_preview->current() == CallSounds::Tone::None) {
        m_preview->setRingtone(m_ringtone->currentData().toString());
        m_preview->play(CallSounds::Tone::Ringtone);
        m_ringtonePreview->setText(tr("Stop"));
    } else {
        m_preview->stop();
        m_ringtonePreview->setText(tr("Play"));
    }
}

void SettingsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

}  // namespace softphone::ui
